"""Recording anonymous events: one counter increment each, in the caller's transaction."""

from datetime import datetime


from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from handoff_api.helplines.catalog import Catalog, Helpline
from handoff_api.stats.models import EventCount

KINDS = (
    "page_opened",  # the chat button was clicked: the widget or chat page opened
    "chat_started",  # labels: arrival (open, busy, closed), reason when closed
    "bot_only",  # ended without a handover: labels arrival, took (email, appointment, numbers, nothing)
    "handover",  # labels: status (open, busy, closed), reason, urgency
    "queued",
    "claimed",  # labels: wait (whole minutes in the queue)
    "left_queue",  # labels: wait
    "email_request",  # labels: arrival
    "appointment_booked",  # labels: arrival
    "appointment_kept",
    "appointment_missed",
    "chat_ended",  # a counsellor's chat ended: labels handled (whole minutes since the claim)
    "registration",  # labels: first_contact, theme, role, age_group
    "crisis_answer",  # labels: urgency, arrival
    "numbers_given",  # labels: arrival
)
WAIT_CAP_MINUTES = 240  # longer waits count as 240: the median needs no finer tail


def label_key(labels: dict[str, object]) -> str:
    parts = []
    for name in sorted(labels):
        value = labels[name]
        if value is None or value == "":
            continue
        if isinstance(value, bool):
            value = "yes" if value else "no"
        parts.append(f"{name}={value}")
    return ";".join(parts)


def parse_labels(key: str) -> dict[str, str]:
    return dict(part.split("=", 1) for part in key.split(";") if part)


def wait_minutes(queued_at: datetime | None, now: datetime) -> int | None:
    if queued_at is None:
        return None
    return max(0, min(WAIT_CAP_MINUTES, int((now - queued_at).total_seconds() // 60)))


def record(
    session: Session,
    helpline: Helpline,
    kind: str,
    entry_point: str,
    at: datetime,
    **labels: object,
) -> None:
    """Adds one to the counter of this kind, hour and labels (in the caller's transaction)."""
    if kind not in KINDS:
        raise ValueError(f"unknown event kind {kind!r}")
    local = at.astimezone(helpline.tz)
    key = {
        "hour": local.replace(minute=0, second=0, microsecond=0, tzinfo=None),
        "helpline_id": helpline.id,
        "entry_point": entry_point,
        "kind": kind,
        "labels": label_key(labels),
    }
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    statement = insert(EventCount).values(**key, count=1)
    session.execute(
        statement.on_conflict_do_update(
            index_elements=list(key), set_={"count": EventCount.count + 1}
        )
    )





def record_for(session: Session, catalog: Catalog, kind: str, conversation, **labels: object) -> None:
    """An event of this conversation's helpline and entry point, at the conversation's clock;
    nothing of the conversation itself is kept."""
    helpline = catalog.helpline(conversation.helpline_id)
    record(session, helpline, kind, conversation.entry_point, conversation.now(), **labels)


def record_chat_ended(session: Session, catalog: Catalog, conversation) -> None:
    handled = wait_minutes(conversation.claimed_clock_at, conversation.now())
    record_for(session, catalog, "chat_ended", conversation, handled=handled)
