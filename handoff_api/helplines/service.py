"""Availability of a helpline, the one view that the widget, the bot and routing use: its hours
(the default week with the operator's changes) and the counsellors really on duty."""

from dataclasses import dataclass
from datetime import datetime
from typing import Annotated

from fastapi import Depends
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from starlette.requests import HTTPConnection

from handoff_api import dutch
from handoff_api.conversations.models import Conversation
from handoff_api.counsellors.presence import Staffing, team_staffing
from handoff_api.errors import not_found
from handoff_api.helplines import hours
from handoff_api.helplines.catalog import Catalog, Helpline
from handoff_api.helplines.changes import changes_for
from handoff_api.helplines.wait import WaitEstimate, estimate, typical_handling_minutes

REASONS = ("outside_hours", "holiday", "extra_closure", "nobody_on_duty")


def get_catalog(connection: HTTPConnection) -> Catalog:
    return connection.app.state.catalog


CatalogDep = Annotated[Catalog, Depends(get_catalog)]


@dataclass(frozen=True)
class Availability:
    status: str  # open, busy, closed
    reason: str | None  # why closed: one of REASONS
    now: datetime
    next_opening: datetime | None
    closes_at: datetime | None
    queue_length: int  # waiting for the team that answers this helpline
    expected_wait: WaitEstimate | None  # for a visitor joining the queue now
    staffing: Staffing

    @property
    def expected_wait_minutes(self) -> int | None:
        return self.expected_wait.high_minutes if self.expected_wait else None


def team_queue_length(session: Session, catalog: Catalog, helpline: Helpline) -> int:
    return session.scalar(
        select(func.count())
        .select_from(Conversation)
        .where(
            Conversation.state == "queued",
            Conversation.helpline_id.in_(catalog.team_helpline_ids(helpline.team)),
        )
    )


def availability(session: Session, catalog: Catalog, helpline: Helpline, now: datetime) -> Availability:
    changes = changes_for(session, helpline.id)
    local_now = hours.to_local(helpline, now)
    staffing = team_staffing(session, helpline.team)
    queued = team_queue_length(session, catalog, helpline)
    interval = hours.current_interval(helpline, now, changes)

    def closed(reason: str) -> Availability:
        opening = hours.next_opening(helpline, now, changes)
        return Availability(
            "closed", reason, local_now, hours.to_local(helpline, opening) if opening else None,
            None, queued, None, staffing,
        )

    if interval is None:
        return closed(hours.closure_reason(helpline, local_now.date(), changes))
    if staffing.available == 0:
        return closed("nobody_on_duty")
    busy = queued >= staffing.free_places
    wait = estimate(queued + 1, staffing, typical_handling_minutes(session, helpline)) if busy else None
    return Availability(
        "busy" if busy else "open", None, local_now, None,
        hours.to_local(helpline, interval.end), queued, wait, staffing,
    )


def wait_for(session: Session, catalog: Catalog, helpline: Helpline, position: int) -> WaitEstimate | None:
    """The expected wait of the visitor at `position` in the queue."""
    staffing = team_staffing(session, helpline.team)
    return estimate(position, staffing, typical_handling_minutes(session, helpline))


def describe_next_opening(session: Session, helpline: Helpline, now: datetime) -> str:
    opening = hours.next_opening(helpline, now, changes_for(session, helpline.id))
    if opening is None:
        return "onbekend"
    return dutch.moment_from_now(hours.to_local(helpline, opening), hours.to_local(helpline, now))


def opening_hours_view(helpline: Helpline) -> list[dict]:
    return [
        {"weekday": h.weekday, "opens": f"{h.opens:%H:%M}", "closes": f"{h.closes:%H:%M}"}
        for h in sorted(helpline.chat_hours, key=lambda h: (h.weekday, h.opens))
    ]


def iso(moment: datetime | None) -> str | None:
    return moment.isoformat(timespec="seconds") if moment else None


def helpline_or_404(catalog: Catalog, entry_point: str) -> Helpline:
    helpline = catalog.helpline_for_entry_point(entry_point)
    if helpline is None:
        raise not_found("Deze chatknop kennen we niet.", "Unknown entry point.")
    return helpline


def status_sentence(helpline: Helpline, state: Availability) -> str:
    """What the visitor is told about the chat now, in one or two plain sentences."""
    name = helpline.name
    if state.status == "open":
        return f"De chat van {name} is nu open, {dutch.until(state.closes_at, state.now)}."
    if state.status == "busy":
        wait = f" Je wacht {state.expected_wait.text}." if state.expected_wait else ""
        return (
            f"De chat van {name} is open, maar alle hulpverleners zijn nu in gesprek. "
            f"{dutch.waiting_sentence(state.queue_length)}{wait}"
        )
    first = {
        "nobody_on_duty": f"Er is nu geen hulpverlener van {name} vrij om te chatten.",
        "holiday": f"De chat van {name} is vandaag gesloten, want het is een feestdag.",
        "extra_closure": f"De chat van {name} is vandaag uitzonderlijk gesloten.",
    }.get(state.reason, f"De chat van {name} is nu gesloten.")
    return f"{first} {dutch.reopens_sentence(state.next_opening, state.now)}"


def availability_view(entry_point: str, helpline: Helpline, state: Availability) -> dict:
    """What both the chat widget and the bot are told about a helpline's availability."""
    return {
        "entry_point": entry_point,
        "helpline": helpline.public_view(),
        "status": state.status,
        "reason": state.reason,
        "now": iso(state.now),
        "next_opening": iso(state.next_opening),
        "next_opening_text": (
            dutch.moment_from_now(state.next_opening, state.now) if state.next_opening else None
        ),
        "reopens_sentence": (
            dutch.reopens_sentence(state.next_opening, state.now) if state.status == "closed" else None
        ),
        "closes_at": iso(state.closes_at),
        "closes_text": dutch.until(state.closes_at, state.now) if state.closes_at else None,
        "status_sentence": status_sentence(helpline, state),
        "waiting_sentence": dutch.waiting_sentence(state.queue_length),
        "expected_wait": state.expected_wait.view() if state.expected_wait else None,
        "opening_hours": opening_hours_view(helpline),
    }
