"""Availability of a helpline: opening hours combined with the live queue."""

import math
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated

from fastapi import Depends
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from starlette.requests import HTTPConnection

from handoff_api import dutch
from handoff_api.conversations.models import Conversation
from handoff_api.errors import not_found
from handoff_api.helplines import hours
from handoff_api.helplines.catalog import Catalog, Helpline


def get_catalog(connection: HTTPConnection) -> Catalog:
    return connection.app.state.catalog


CatalogDep = Annotated[Catalog, Depends(get_catalog)]


@dataclass(frozen=True)
class Load:
    in_conversation: int  # conversations with a counsellor now
    queued: int


@dataclass(frozen=True)
class Availability:
    status: str  # open, busy, closed
    now: datetime
    next_opening: datetime | None
    closes_at: datetime | None
    queue_length: int
    expected_wait_minutes: int | None


def current_load(session: Session, helpline_id: str) -> Load:
    counts = dict(
        session.execute(
            select(Conversation.state, func.count())
            .where(Conversation.helpline_id == helpline_id)
            .where(Conversation.state.in_(("queued", "human")))
            .group_by(Conversation.state)
        ).all()
    )
    return Load(in_conversation=counts.get("human", 0), queued=counts.get("queued", 0))


def expected_wait_minutes(helpline: Helpline, load: Load, position: int) -> int:
    """Minutes until the visitor at `position` in the queue (1 = first) is likely helped."""
    free_counsellors = max(helpline.capacity - load.in_conversation, 0)
    if position <= free_counsellors:
        return 0
    rounds = math.ceil((position - free_counsellors) / max(helpline.capacity, 1))
    return rounds * helpline.average_chat_minutes


def availability(session: Session, helpline: Helpline, now: datetime) -> Availability:
    local_now = hours.to_local(helpline, now)
    load = current_load(session, helpline.id)
    interval = hours.current_interval(helpline, now)
    if interval is None:
        opening = hours.next_opening(helpline, now)
        return Availability(
            status="closed",
            now=local_now,
            next_opening=hours.to_local(helpline, opening) if opening else None,
            closes_at=None,
            queue_length=load.queued,
            expected_wait_minutes=None,
        )
    busy = load.queued >= max(helpline.capacity - load.in_conversation, 0)
    return Availability(
        status="busy" if busy else "open",
        now=local_now,
        next_opening=None,
        closes_at=hours.to_local(helpline, interval.end),
        queue_length=load.queued,
        expected_wait_minutes=expected_wait_minutes(helpline, load, load.queued + 1)
        if busy
        else None,
    )


def describe_next_opening(helpline: Helpline, now: datetime) -> str:
    opening = hours.next_opening(helpline, now)
    if opening is None:
        return "onbekend"
    return dutch.moment(hours.to_local(helpline, opening))


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


def availability_view(entry_point: str, helpline: Helpline, state: Availability) -> dict:
    """What both the chat widget and the bot are told about a helpline's availability."""
    return {
        "entry_point": entry_point,
        "helpline": helpline.public_view(),
        "status": state.status,
        "now": iso(state.now),
        "next_opening": iso(state.next_opening),
        "closes_at": iso(state.closes_at),
        "opening_hours": opening_hours_view(helpline),
    }
