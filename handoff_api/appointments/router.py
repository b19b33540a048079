"""Visitor API: coming back with an appointment code."""

from fastapi import APIRouter, Depends

from handoff_api.appointments import service
from handoff_api.appointments.schemas import CheckedIn, CheckIn
from handoff_api.conversations.service import conversation_view
from handoff_api.db import SessionDep
from handoff_api.helplines.service import CatalogDep
from handoff_api.dependencies import CodeHasherDep, SettingsDep
from handoff_api.ratelimit import limit_per_address

router = APIRouter(
    prefix="/api/v1/appointments", tags=["visitor"], dependencies=[Depends(limit_per_address)]
)


@router.post("/check-in", response_model=CheckedIn)
def check_in(
    body: CheckIn,
    session: SessionDep,
    settings: SettingsDep,
    catalog: CatalogDep,
    codes: CodeHasherDep,
) -> dict:
    """With the code at the booked time, the conversation (and its briefing) goes to the front
    of the queue; a new conversation token is issued (the old one stops working)."""
    conversation, token = service.check_in(
        session, settings, catalog, codes, body.code, body.simulated_now
    )
    view = conversation_view(session, catalog, conversation)
    return {
        "id": conversation.id,
        "token": token,
        "state": conversation.state,
        "queue_position": view["queue_position"],
        "expected_wait_minutes": view["expected_wait_minutes"],
    }
