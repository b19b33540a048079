"""Supervision: notes, whispers, the helpline's live chats, standard texts and take-over when
asked (/api/v1/counsellor/...) and, for coordinators, the access log
(/api/v1/supervision/access-log)."""

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Path, Query

from handoff_api.counsellors import service as counsellors
from handoff_api.counsellors.router import CurrentCounsellor, CurrentStaff, ReadingStaff
from handoff_api.counsellors.schemas import ConversationDetail, StaffNote
from handoff_api.db import ReadSessionDep, SessionDep
from handoff_api.errors import ApiError, not_found
from handoff_api.helplines.service import CatalogDep
from handoff_api.stats.router import Coordinator, _visible
from handoff_api.supervision import schemas, service, takeover

router = APIRouter(prefix="/api/v1/counsellor", tags=["supervision"])
TextId = Annotated[int, Path(ge=1, le=2**31 - 1)]
access_log_router = APIRouter(prefix="/api/v1/supervision", tags=["coordinators"])


@router.post("/conversations/{conversation_id}/notes", response_model=StaffNote, status_code=201)
def add_note(
    conversation_id: str, body: schemas.NoteIn, account: CurrentStaff, session: SessionDep, catalog: CatalogDep
) -> dict:
    """A private note for colleagues: never shown to the visitor, deleted with the conversation."""
    found = counsellors.visible_conversation(session, catalog, account, conversation_id)
    return service.note_view(service.add_note(session, found, account, body.text))


@router.post("/conversations/{conversation_id}/whisper", response_model=StaffNote, status_code=201)
def whisper(
    conversation_id: str, body: schemas.NoteIn, account: CurrentStaff, session: SessionDep, catalog: CatalogDep
) -> dict:
    """A supervisor's word to the counsellor who has the conversation; nobody else sees it."""
    service.require_supervisor(account)
    found = counsellors.visible_conversation(session, catalog, account, conversation_id)
    return service.note_view(service.whisper(session, found, account, body.text))


@router.get("/live-conversations", response_model=list[schemas.LiveConversation])
def live_conversations(
    account: ReadingStaff, session: ReadSessionDep, writer: SessionDep, catalog: CatalogDep
) -> list:
    """For supervisors: the team's conversations with a counsellor now (read without the
    writers' lock; the access-log line through the writing session)."""
    service.require_supervisor(account)
    service.log_read(writer, account, "view_live")
    return service.live_conversations(session, catalog, counsellors.team_helplines(catalog, account))


@router.get("/standard-texts", response_model=list[schemas.StandardTextOut])
def standard_texts(account: ReadingStaff, session: ReadSessionDep, catalog: CatalogDep) -> list:
    """The standard texts of the account's team's helplines."""
    texts = service.standard_texts(session, counsellors.team_helplines(catalog, account))
    return [service.standard_text_view(t) for t in texts]


@router.post("/standard-texts", response_model=schemas.StandardTextOut, status_code=201)
def add_standard_text(
    body: schemas.StandardTextIn, account: CurrentStaff, session: SessionDep, catalog: CatalogDep
) -> dict:
    service.require_supervisor(account)
    helpline_id = body.helpline_id or account.helpline_id
    if helpline_id not in counsellors.team_helplines(catalog, account):
        raise not_found("Die hulplijn vinden we niet.", "Unknown helpline.")
    return service.standard_text_view(
        service.add_standard_text(session, catalog, helpline_id, body.title.strip(), body.text.strip())
    )


@router.put("/standard-texts/{text_id}", response_model=schemas.StandardTextOut)
def update_standard_text(
    text_id: TextId, body: schemas.StandardTextIn, account: CurrentStaff, session: SessionDep, catalog: CatalogDep
) -> dict:
    service.require_supervisor(account)
    item = service.standard_text_of(session, text_id, counsellors.team_helplines(catalog, account))
    return service.standard_text_view(
        service.update_standard_text(session, item, body.title.strip(), body.text.strip())
    )


@router.delete("/standard-texts/{text_id}", status_code=204)
def remove_standard_text(text_id: TextId, account: CurrentStaff, session: SessionDep, catalog: CatalogDep) -> None:
    service.require_supervisor(account)
    item = service.standard_text_of(session, text_id, counsellors.team_helplines(catalog, account))
    service.remove_standard_text(session, item)


# --- take-over when asked ----------------------------------------------------------------------
@router.post(
    "/conversations/{conversation_id}/takeover-request", response_model=schemas.TakeoverRequestOut, status_code=201
)
def ask_takeover(
    conversation_id: str, counsellor: CurrentCounsellor, session: SessionDep, catalog: CatalogDep
) -> dict:
    """The counsellor who has the conversation asks a supervisor of the team to take it over."""
    found = counsellors.visible_conversation(session, catalog, counsellor, conversation_id)
    return takeover.ask(session, catalog, found, counsellor)


@router.delete("/conversations/{conversation_id}/takeover-request", status_code=204)
def withdraw_takeover(
    conversation_id: str, counsellor: CurrentCounsellor, session: SessionDep, catalog: CatalogDep
) -> None:
    found = counsellors.visible_conversation(session, catalog, counsellor, conversation_id)
    takeover.withdraw(session, found, counsellor)


@router.post("/conversations/{conversation_id}/take-over", response_model=ConversationDetail)
def take_over(conversation_id: str, account: CurrentStaff, session: SessionDep, catalog: CatalogDep) -> dict:
    """A supervisor takes the conversation over, only when its counsellor asked (409 otherwise)."""
    service.require_supervisor(account)
    found = counsellors.visible_conversation(session, catalog, account, conversation_id)
    taken = takeover.take_over(session, catalog, found, account)
    return counsellors.conversation_detail(session, catalog, taken, account)


# --- the access log, for coordinators -----------------------------------------------------------
@access_log_router.get("/access-log", response_model=schemas.AccessLogPage)
def access_log(
    coordinator: Coordinator,
    session: SessionDep,
    catalog: CatalogDep,
    helpline: Annotated[str, Query(max_length=64)],
    first: Annotated[date | None, Query(alias="from", description="First day (the helpline's days)")] = None,
    last: Annotated[date | None, Query(alias="to", description="Last day, included")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> dict:
    """Every supervisor's view, whisper, join and take-over of the helpline's conversations and
    queue, and every request for a take-over: who (the account), what, which conversation, when;
    newest first, a page at a time. Never any text."""
    _visible(catalog, coordinator, helpline)
    if first and last and first > last:
        raise ApiError(422, "invalid_period", "De begindatum ligt na de einddatum.", "from is after to.")
    zone = catalog.helpline(helpline).tz
    since, until = service.day_bounds(zone, first, last)
    entries, total = service.access_log(session, {helpline}, since, until, limit, offset)
    return {"entries": entries, "total": total, "offset": offset, "limit": limit, "timezone": str(zone)}
