"""Public: what the chat widget shows before a conversation starts (no token needed)."""

from fastapi import APIRouter, Depends
from typing import Literal

from pydantic import BaseModel, Field

from handoff_api.conversations.schemas import ClosedReason, ExpectedWait, HelplineOut, HelplinePhone
from handoff_api.db import SessionDep, utcnow
from handoff_api.helplines import service
from handoff_api.helplines.service import CatalogDep
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
    status: Literal["open", "busy", "closed"]
    reason: ClosedReason | None = Field(
        description="Why closed: outside_hours, holiday, extra_closure or nobody_on_duty"
    )
    now: str
    next_opening: str | None
    next_opening_text: str | None = Field(description='"morgen om 19 uur"')
    reopens_sentence: str | None = Field(description='"De chat gaat morgen om 19 uur weer open."')
    closes_at: str | None
    closes_text: str | None = Field(description='"vandaag tot 22 uur"')
    status_sentence: str
    waiting_sentence: str
    expected_wait: ExpectedWait | None
    opening_hours: list[OpeningHours]
    round_the_clock: list[HelplinePhone]


@router.get("/{entry_point}", response_model=EntryPointInfo)
def entry_point_info(entry_point: str, session: SessionDep, catalog: CatalogDep) -> dict:
    """The helpline behind a chat button: open now or when, and the numbers open day and night."""
    helpline = service.helpline_or_404(catalog, entry_point)
    state = service.availability(session, catalog, helpline, utcnow())
    return {
        **service.availability_view(entry_point, helpline, state),
        "round_the_clock": [p.model_dump() for p in catalog.round_the_clock[helpline.country]],
    }
