"""Counsellor API: /api/v1/counsellor/..."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.requests import HTTPConnection

from handoff_api.conversations.schemas import MessageOut
from handoff_api.conversations.service import message_view
from handoff_api.counsellors import accounts, presence, schemas, service
from handoff_api.counsellors.models import Counsellor
from handoff_api.db import ReadSessionDep, SessionDep
from handoff_api.email import service as email
from handoff_api.email.models import EmailRequest
from handoff_api.email.schemas import Answer, EmailRequestView
from handoff_api.errors import ApiError, not_found
from handoff_api.helplines.service import CatalogDep
from handoff_api.dependencies import CodeHasherDep, SettingsDep
from handoff_api.ratelimit import RateLimiterDep
from handoff_api.supervision import service as supervision
from handoff_api.supervision import takeover

router = APIRouter(prefix="/api/v1/counsellor", tags=["counsellor"])
bearer = HTTPBearer(auto_error=False, description="The counsellor's login token")


def current_account(
    session: SessionDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Counsellor:
    """Any logged-in account: a counsellor or a trainer."""
    return accounts.authenticate(session, credentials.credentials if credentials else None)


def current_counsellor(account: Annotated[Counsellor, Depends(current_account)]) -> Counsellor:
    """Counsellors only: trainers never read queues, briefings or transcripts."""
    accounts.require_counsellor(account)
    return account


def current_staff(account: Annotated[Counsellor, Depends(current_account)]) -> Counsellor:
    """Counsellors and supervisors (a supervisor's every read is in the access log)."""
    accounts.require_staff(account)
    return account


def reading_account(
    session: ReadSessionDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Counsellor:
    """current_account for a read that takes no writers' lock (SQLite: it reads beside any writer)."""
    return accounts.authenticate(session, credentials.credentials if credentials else None)


def reading_counsellor(account: Annotated[Counsellor, Depends(reading_account)]) -> Counsellor:
    accounts.require_counsellor(account)
    return account


def reading_staff(account: Annotated[Counsellor, Depends(reading_account)]) -> Counsellor:
    accounts.require_staff(account)
    return account


CurrentAccount = Annotated[Counsellor, Depends(current_account)]
CurrentCounsellor = Annotated[Counsellor, Depends(current_counsellor)]
CurrentStaff = Annotated[Counsellor, Depends(current_staff)]
# The same for requests that only read: their session is the read-only one (ReadSessionDep).
ReadingAccount = Annotated[Counsellor, Depends(reading_account)]
ReadingCounsellor = Annotated[Counsellor, Depends(reading_counsellor)]
ReadingStaff = Annotated[Counsellor, Depends(reading_staff)]


def _counsellor_view(counsellor: Counsellor) -> dict:
    return {
        "id": counsellor.id,
        "username": counsellor.username,
        "display_name": counsellor.display_name,
        "helpline_id": counsellor.helpline_id,
        "role": counsellor.role,
    }


@router.post("/login", response_model=schemas.LoggedIn)
def login(
    body: schemas.Login,
    session: SessionDep,
    settings: SettingsDep,
    limiter: RateLimiterDep,
    codes: CodeHasherDep,
    connection: HTTPConnection,
) -> dict:
    limiter.hit(settings.login_rate, "login", limiter.client_key(connection))
    token, counsellor = accounts.login(session, settings, codes, body.username, body.password)
    return {"token": token, "counsellor": _counsellor_view(counsellor)}


@router.post("/logout", status_code=204)
def logout(
    counsellor: CurrentAccount,
    session: SessionDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> None:
    presence.go_offline(session, counsellor)
    accounts.logout(session, credentials.credentials)


@router.get("/me", response_model=schemas.CounsellorOut)
def me(counsellor: ReadingAccount) -> dict:
    return _counsellor_view(counsellor)


@router.get("/presence", response_model=schemas.Presence)
def get_presence(counsellor: ReadingCounsellor, session: ReadSessionDep) -> dict:
    """Available, on a break or offline; offline when the console stopped confirming it."""
    return presence.presence_view(session, counsellor)


@router.post("/presence", response_model=schemas.Presence)
def set_presence(body: schemas.SetPresence, counsellor: CurrentCounsellor, session: SessionDep) -> dict:
    """Only while available (and with room under the maximum) does a counsellor make the chat open."""
    presence.set_presence(session, counsellor, body.status)
    return presence.presence_view(session, counsellor)


@router.post("/presence/heartbeat", response_model=schemas.Presence)
def presence_heartbeat(counsellor: CurrentCounsellor, session: SessionDep) -> dict:
    """The console is still open (every `heartbeat_seconds`); silence past `timeout_seconds`
    makes the counsellor offline until they choose again."""
    presence.heartbeat(session, counsellor)
    return presence.presence_view(session, counsellor)


@router.get("/queue", response_model=schemas.Queue)
def queue(
    counsellor: ReadingStaff,
    session: ReadSessionDep,
    writer: SessionDep,
    catalog: CatalogDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 200,
) -> dict:
    """The queue of the counsellor's own helpline(s): urgency first, then waiting time; the
    first `limit` entries, and `total`, how many wait. Read without the writers' lock: on SQLite
    a queue of 2,000 waited for the queue check's writes (only a supervisor's read is written)."""
    supervision.log_read(writer, counsellor, "view_queue")
    return service.queue(session, catalog, counsellor, limit)


@router.get("/conversations", response_model=list[schemas.MyConversation])
def my_conversations(counsellor: ReadingStaff, session: ReadSessionDep) -> list:
    """The conversations this counsellor is in now."""
    return service.my_conversations(session, counsellor)


@router.post("/conversations/{conversation_id}/claim", response_model=schemas.ConversationDetail)
def claim(
    conversation_id: str, counsellor: CurrentCounsellor, session: SessionDep, catalog: CatalogDep
) -> dict:
    conversation = service.claim(session, catalog, counsellor, conversation_id)
    return service.conversation_detail(session, catalog, conversation, counsellor)


@router.get("/conversations/{conversation_id}", response_model=schemas.ConversationDetail)
def conversation(
    conversation_id: str,
    counsellor: ReadingStaff,
    session: ReadSessionDep,
    writer: SessionDep,
    catalog: CatalogDep,
) -> dict:
    """Briefing, transcript and notes; a queued conversation can be read before claiming it.
    Read without the writers' lock (only a supervisor's read is written)."""
    found = service.visible_conversation(session, catalog, counsellor, conversation_id)
    supervision.log_read(writer, counsellor, "view_conversation", found)
    return service.conversation_detail(session, catalog, found, counsellor)


@router.post("/conversations/{conversation_id}/messages", response_model=MessageOut)
def send_message(
    conversation_id: str,
    body: schemas.SendMessage,
    counsellor: CurrentStaff,  # a supervisor only once invited into it
    session: SessionDep,
    catalog: CatalogDep,
) -> dict:
    found = service.visible_conversation(session, catalog, counsellor, conversation_id)
    return message_view(service.send_message(session, found, counsellor, body.text))


@router.post("/conversations/{conversation_id}/transfer", response_model=schemas.ConversationDetail)
def transfer(
    conversation_id: str,
    body: schemas.TransferRequest,
    counsellor: CurrentCounsellor,
    session: SessionDep,
    catalog: CatalogDep,
) -> dict:
    found = service.visible_conversation(session, catalog, counsellor, conversation_id)
    moved = service.transfer(session, catalog, found, counsellor, body.to_helpline, body.note)
    return service.conversation_detail(session, catalog, moved)


@router.post("/conversations/{conversation_id}/invite", response_model=schemas.Participant)
def invite(
    conversation_id: str,
    body: schemas.InviteRequest,
    counsellor: CurrentCounsellor,
    session: SessionDep,
    catalog: CatalogDep,
) -> dict:
    found = service.visible_conversation(session, catalog, counsellor, conversation_id)
    guest = service.invite(session, found, counsellor, body.username)
    return {"name": guest.display_name, "role": "invited"}


@router.post("/conversations/{conversation_id}/close", response_model=schemas.Closed)
def close(
    conversation_id: str,
    body: schemas.CloseRequest,
    counsellor: CurrentStaff,  # a supervisor only what they took over
    session: SessionDep,
    catalog: CatalogDep,
) -> dict:
    found = service.visible_conversation(session, catalog, counsellor, conversation_id)
    takeover.require_owner_to_close(session, found, counsellor)
    record = service.close(session, catalog, found, counsellor, body.model_dump())
    return {"registration_id": record.id, "bot_labels": service.registration_labels(session, found, record)}


@router.get("/email-requests", response_model=list[EmailRequestView])
def email_requests(counsellor: ReadingCounsellor, session: ReadSessionDep, catalog: CatalogDep) -> list:
    """The e-mail queue of the counsellor's helpline(s)."""
    requests = email.for_helplines(session, service.team_helplines(catalog, counsellor))
    return [_email_view(r) for r in requests]


@router.post("/email-requests/{request_id}/answer", response_model=EmailRequestView)
def answer_email_request(
    request_id: str,
    body: Answer,
    counsellor: CurrentCounsellor,
    session: SessionDep,
    catalog: CatalogDep,
) -> dict:
    """Answers a request without an e-mail address; the visitor reads it with the pick-up code."""
    request = session.get(EmailRequest, request_id)
    if request is None or request.helpline_id not in service.team_helplines(catalog, counsellor):
        raise not_found()
    if request.reply_to:
        raise ApiError(
            409,
            "answer_by_email",
            "Deze bezoeker gaf een e-mailadres: antwoord per e-mail.",
            "This visitor left an address: answer by e-mail.",
        )
    return _email_view(email.answer(session, request, body.text))


def _email_view(request: EmailRequest) -> dict:
    return {
        "id": request.id,
        "helpline_id": request.helpline_id,
        "message": request.message,
        "reply_to": request.reply_to,
        "needs_answer_here": request.reply_to is None,
        "status": request.status,
        "created_at": request.created_at.isoformat(timespec="seconds"),
        "reply": request.reply_text,
    }
