"""Public: what the chat widget shows before a conversation starts (no token needed)."""

from fastapi import APIRouter, Depends
from pydantic import BaseModel

from handoff_api.conversations.schemas import HelplineOut, HelplinePhone
from handoff_api.db import SessionDep, utcnow
from handoff_api.errors import not_found
from handoff_api.helplines import service
from handoff_api.helplines.service import CatalogDep, iso
from handoff_api.ratelimit import limit_per_address

router = APIRouter(
    prefix="/api/v1/entry-points", tags=["visitor"], dependencies=[Depends(limit_per_address)]
)


class OpeningHours(BaseModel):
    weekday: int
    opens: str
    closes: str


class EntryPointInfo(BaseModel):
    entry_point: str
    helpline: HelplineOut
    status: str
    now: str
    next_opening: str | None
    closes_at: str | None
    opening_hours: list[OpeningHours]
    round_the_clock: list[HelplinePhone]


@router.get("/{entry_point}", response_model=EntryPointInfo)
def entry_point_info(entry_point: str, session: SessionDep, catalog: CatalogDep) -> dict:
    """The helpline behind a chat button: open now or when, and the numbers open day and night."""
    helpline = catalog.helpline_for_entry_point(entry_point)
    if helpline is None:
        raise not_found("Deze chatknop kennen we niet.", "Unknown entry point.")
    state = service.availability(session, helpline, utcnow())
    return {
        "entry_point": entry_point,
        "helpline": helpline.public_view(),
        "status": state.status,
        "now": iso(state.now),
        "next_opening": iso(state.next_opening),
        "closes_at": iso(state.closes_at),
        "opening_hours": service.opening_hours_view(helpline),
        "round_the_clock": [p.model_dump() for p in catalog.round_the_clock[helpline.country]],
    }
