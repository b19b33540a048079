"""Internal API for the action server: loopback only, behind X-Internal-Token."""

import hmac
from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Depends, Header, Query, status
from starlette.requests import Request

from handoff_api.appointments import service as appointments
from handoff_api.conversations.handoff import create_handoff, unknown_conversation
from handoff_api.conversations.models import Conversation
from handoff_api.db import SessionDep, utcnow
from handoff_api.email import jobs as email_jobs
from handoff_api.email import service as email
from handoff_api.errors import ApiError
from handoff_api.helplines import service as helplines
from handoff_api.helplines.catalog import Catalog
from handoff_api.helplines.service import CatalogDep, iso
from handoff_api.internal import schemas
from handoff_api.stats import events
from handoff_api.dependencies import CodeHasherDep, SettingsDep


def require_internal_token(
    settings: SettingsDep,
    x_internal_token: Annotated[str | None, Header(include_in_schema=True)] = None,
) -> None:
    expected = settings.internal_token
    if not expected or not x_internal_token or not hmac.compare_digest(
        x_internal_token.encode(), expected.encode()
    ):
        raise ApiError(401, "invalid_internal_token", "Geen toegang.", "Invalid internal token.")


router = APIRouter(
    prefix="/internal/v1", tags=["internal"], dependencies=[Depends(require_internal_token)]
)


def _known_conversation(session, conversation_id: str) -> Conversation:
    conversation = session.get(Conversation, conversation_id)
    if conversation is None:
        raise unknown_conversation()
    return conversation


@router.get("/availability", response_model=schemas.AvailabilityOut)
def availability(
    session: SessionDep,
    catalog: CatalogDep,
    entry_point: Annotated[str, Query(max_length=64)],
    conversation_id: Annotated[str | None, Query(max_length=64)] = None,
) -> dict:
    helpline = helplines.helpline_or_404(catalog, entry_point)
    conversation = session.get(Conversation, conversation_id) if conversation_id else None
    now = conversation.now() if conversation else utcnow()
    state = helplines.availability(session, helpline, now)
    return {
        **helplines.availability_view(entry_point, helpline, state),
        "queue_length": state.queue_length,
        "expected_wait_minutes": state.expected_wait_minutes,
        "appointments_possible": bool(appointments.free_slots(session, helpline, now, limit=1)),
        "appointment_helpline": appointments.offer_for(
            session, _appointment_helpline(catalog, conversation, entry_point), now
        ),
    }


@router.post(
    "/handoffs", status_code=status.HTTP_201_CREATED, response_model=schemas.HandoffOutcome
)
def handoff(body: schemas.HandoffRequest, session: SessionDep, catalog: CatalogDep) -> dict:
    helplines.helpline_or_404(catalog, body.entry_point)
    return create_handoff(session, catalog, body)


def _appointment_helpline(catalog: Catalog, conversation: Conversation | None, entry_point: str):
    """After a 'closed' handoff the conversation belongs to the helpline whose offers apply."""
    if conversation is not None:
        return catalog.helpline(conversation.helpline_id)
    return helplines.helpline_or_404(catalog, entry_point)


@router.get("/appointments/slots", response_model=schemas.SlotsOut)
def appointment_slots(
    session: SessionDep,
    catalog: CatalogDep,
    entry_point: Annotated[str, Query(max_length=64)],
    conversation_id: Annotated[str | None, Query(max_length=64)] = None,
    limit: Annotated[int, Query(ge=1, le=50)] = 5,
) -> dict:
    helplines.helpline_or_404(catalog, entry_point)
    conversation = session.get(Conversation, conversation_id) if conversation_id else None
    helpline = _appointment_helpline(catalog, conversation, entry_point)
    now = conversation.now() if conversation else utcnow()
    slots = appointments.free_slots(session, helpline, now, limit=limit)
    return {
        "helpline": helpline.public_view(),
        "slots": [
            {"start": iso(start.astimezone(helpline.tz)), "end": iso(end.astimezone(helpline.tz))}
            for start, end in slots
        ],
    }


@router.post(
    "/appointments",
    status_code=status.HTTP_201_CREATED,
    response_model=schemas.BookedAppointment,
)
def book_appointment(
    body: schemas.BookAppointment, session: SessionDep, catalog: CatalogDep, codes: CodeHasherDep
) -> dict:
    helplines.helpline_or_404(catalog, body.entry_point)
    conversation = _known_conversation(session, body.conversation_id)
    helpline = _appointment_helpline(catalog, conversation, body.entry_point)
    appointment, code = appointments.book(session, codes, conversation, helpline, body.start)
    return {
        "code": code,
        "start": iso(appointment.start.astimezone(helpline.tz)),
        "end": iso(appointment.end.astimezone(helpline.tz)),
        "helpline": helpline.public_view(),
    }


@router.post(
    "/email-requests",
    status_code=status.HTTP_201_CREATED,
    response_model=schemas.EmailRequestOut,
)
def email_request(
    body: schemas.EmailRequestIn,
    session: SessionDep,
    catalog: CatalogDep,
    request: Request,
    background: BackgroundTasks,
    codes: CodeHasherDep,
) -> dict:
    """Stored first; sent to the helpline's mailbox after the answer, so a slow mail server
    never makes the bot wait (a failed send stays queued for `handoff-admin send-emails`)."""
    helplines.helpline_or_404(catalog, body.entry_point)
    conversation = _known_conversation(session, body.conversation_id)
    helpline = catalog.helpline(conversation.helpline_id)
    filed, pickup_code = email.file_request(
        session, codes, conversation, helpline, body.message, body.reply_to
    )
    state = request.app.state
    background.add_task(email_jobs.send_by_id, state.session_factory, state.settings, helpline, filed.id)
    return {"helpline": helpline.public_view(), "pickup_code": pickup_code}





@router.post("/events", status_code=status.HTTP_204_NO_CONTENT)
def bot_event(body: schemas.BotEvent, session: SessionDep, catalog: CatalogDep) -> None:
    """Counted anonymously for the coordinators: the hour, helpline and kind, no conversation."""
    conversation = _known_conversation(session, body.conversation_id)
    conversation.offer_taken = "numbers"
    events.record_for(
        session, catalog, body.kind, conversation,
        urgency=body.urgency, arrival=conversation.arrival_status,
    )
    session.commit()
