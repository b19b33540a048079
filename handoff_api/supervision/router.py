"""Supervision: notes, whispers, the helpline's live chats, standard texts (/api/v1/counsellor/...)
and, for coordinators, the supervisors' access log (/api/v1/supervision/access-log)."""

from typing import Annotated

from fastapi import APIRouter, Path, Query

from handoff_api.counsellors import service as counsellors
from handoff_api.counsellors.router import CurrentStaff
from handoff_api.counsellors.schemas import StaffNote
from handoff_api.db import SessionDep
from handoff_api.errors import not_found
from handoff_api.helplines.service import CatalogDep
from handoff_api.stats.router import Coordinator, _visible
from handoff_api.supervision import schemas, service

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
def live_conversations(account: CurrentStaff, session: SessionDep, catalog: CatalogDep) -> list:
    """For supervisors: the team's conversations with a counsellor now."""
    service.require_supervisor(account)
    service.log_read(session, account, "view_live")
    return service.live_conversations(session, catalog, counsellors.team_helplines(catalog, account))


@router.get("/standard-texts", response_model=list[schemas.StandardTextOut])
def standard_texts(account: CurrentStaff, session: SessionDep, catalog: CatalogDep) -> list:
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


@access_log_router.get("/access-log", response_model=list[schemas.AccessLogLine])
def access_log(
    coordinator: Coordinator,
    session: SessionDep,
    catalog: CatalogDep,
    helpline: Annotated[str, Query(max_length=64)],
) -> list:
    """Every read by a supervisor of the helpline's queue and conversations, newest first."""
    _visible(catalog, coordinator, helpline)
    return service.access_log(session, {helpline})
