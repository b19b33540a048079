"""Expected wait: measured handling times of a helpline's recent chats, and its queue."""

import math
import statistics
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from handoff_api import dutch
from handoff_api.conversations.models import Conversation
from handoff_api.counsellors.presence import Staffing
from handoff_api.db import utcnow
from handoff_api.helplines.catalog import Helpline

RECENT_CHATS = 30  # the last closed chats measured
RECENT_DAYS = 30
MIN_MEASURED = 5  # below this, the configured average stands in


@dataclass(frozen=True)
class WaitEstimate:
    low_minutes: int
    high_minutes: int

    @property
    def text(self) -> str:
        return dutch.wait_range(self.low_minutes, self.high_minutes)

    def view(self) -> dict:
        return {"min_minutes": self.low_minutes, "max_minutes": self.high_minutes, "text": self.text}


def measured_handling_minutes(session: Session, helpline_id: str) -> list[float]:
    rows = session.execute(
        select(Conversation.claimed_at, Conversation.closed_at)
        .where(
            Conversation.helpline_id == helpline_id,
            Conversation.state == "closed",
            Conversation.claimed_at.is_not(None),
            Conversation.closed_at >= utcnow() - timedelta(days=RECENT_DAYS),
        )
        .order_by(Conversation.closed_at.desc())
        .limit(RECENT_CHATS)
    ).all()
    return [(closed - claimed).total_seconds() / 60 for claimed, closed in rows if closed > claimed]


def typical_handling_minutes(session: Session, helpline: Helpline) -> float:
    measured = measured_handling_minutes(session, helpline.id)
    if len(measured) < MIN_MEASURED:
        return float(helpline.average_chat_minutes)
    return statistics.median(measured)


def estimate(position: int, staffing: Staffing, handling_minutes: float) -> WaitEstimate | None:
    """The wait of the visitor at `position` (1 = next). None when nobody is on duty: then no
    figure is true."""
    if staffing.places == 0:
        return None
    ahead = position - staffing.free_places
    if ahead <= 0:
        return WaitEstimate(0, 0)
    rounds = math.ceil(ahead / staffing.places)
    # A place frees up after half a chat on average; each further round takes a whole one.
    centre = (rounds - 0.5) * handling_minutes
    high = max(5 * math.ceil(centre * 1.3 / 5), 5)
    low = min(max(5 * math.floor(centre * 0.7 / 5), 5), high)
    return WaitEstimate(low, high)
