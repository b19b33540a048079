"""Presence: a counsellor sets themselves available, on a break or offline; the console's
heartbeat keeps it true. A presence the console stopped confirming counts as offline."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from handoff_api.conversations.models import Conversation
from handoff_api.counsellors.models import Counsellor
from handoff_api.db import utcnow
from handoff_api.errors import ApiError

STATUSES = ("available", "pause", "offline")
# The console confirms every HEARTBEAT_SECONDS; after TIMEOUT_SECONDS of silence (a closed
# console, a lost connection) the counsellor counts as offline: well within 2 minutes.
HEARTBEAT_SECONDS = 30
TIMEOUT_SECONDS = 90


@dataclass(frozen=True)
class Staffing:
    """A team now: its available counsellors, their free places, and when one was last there."""

    available: int
    free_places: int
    places: int
    last_available_at: datetime | None


def effective_status(counsellor: Counsellor, now: datetime | None = None) -> str:
    now = now or utcnow()
    seen = counsellor.presence_seen_at
    if not counsellor.active or seen is None or now - seen > timedelta(seconds=TIMEOUT_SECONDS):
        return "offline"
    return counsellor.presence


NOT_AVAILABLE = {
    "pause": "Je staat op pauze. Zet jezelf eerst op 'Beschikbaar' om een gesprek aan te nemen.",
    "offline": "Je staat op offline. Zet jezelf eerst op 'Beschikbaar' om een gesprek aan te nemen.",
}


def require_available(counsellor: Counsellor) -> None:
    """Only an available counsellor takes a visitor from the queue: one on a break or offline
    (also after the console fell silent) gets 409 and nothing changes."""
    status = effective_status(counsellor)
    if status != "available":
        raise ApiError(
            409,
            "not_available",
            NOT_AVAILABLE[status],
            f"You are {status}: set yourself available before claiming a conversation.",
        )


def open_chats(session: Session, counsellor_id: str) -> int:
    return session.scalar(
        select(func.count())
        .select_from(Conversation)
        .where(Conversation.assigned_counsellor_id == counsellor_id, Conversation.state == "human")
    )


def set_presence(session: Session, counsellor: Counsellor, status: str) -> None:
    now = utcnow()
    if status == "available" or effective_status(counsellor, now) == "available":
        counsellor.last_available_at = now  # available until now, or from now on
    counsellor.presence = status
    counsellor.presence_seen_at = now
    session.commit()


def heartbeat(session: Session, counsellor: Counsellor) -> None:
    """The console is still there. After a silence longer than the timeout the counsellor was
    offline, and stays so until they choose again: nobody is made available behind their back."""
    now = utcnow()
    if effective_status(counsellor, now) == "offline":
        counsellor.presence = "offline"
    elif counsellor.presence == "available":
        counsellor.last_available_at = now
    counsellor.presence_seen_at = now
    session.commit()


def go_offline(session: Session, counsellor: Counsellor) -> None:
    if effective_status(counsellor) == "available":
        counsellor.last_available_at = utcnow()
    counsellor.presence = "offline"
    session.commit()


def presence_view(session: Session, counsellor: Counsellor) -> dict:
    return {
        "status": effective_status(counsellor),
        "max_chats": counsellor.max_chats,
        "open_chats": open_chats(session, counsellor.id),
        "heartbeat_seconds": HEARTBEAT_SECONDS,
        "timeout_seconds": TIMEOUT_SECONDS,
    }


def team_staffing(session: Session, team_id: str) -> Staffing:
    now = utcnow()
    counsellors = session.scalars(
        select(Counsellor).where(
            Counsellor.helpline_id == team_id,
            Counsellor.role == "counsellor",
            Counsellor.active.is_(True),
        )
    ).all()
    available = [c for c in counsellors if effective_status(c, now) == "available"]
    chats = _open_chats_of(session, [c.id for c in available])
    free = sum(max(c.max_chats - chats.get(c.id, 0), 0) for c in available)
    last = now if available else max(
        (c.last_available_at for c in counsellors if c.last_available_at), default=None
    )
    return Staffing(len(available), free, sum(c.max_chats for c in available), last)


def _open_chats_of(session: Session, counsellor_ids: list[str]) -> dict[str, int]:
    if not counsellor_ids:
        return {}
    return dict(
        session.execute(
            select(Conversation.assigned_counsellor_id, func.count())
            .where(
                Conversation.assigned_counsellor_id.in_(counsellor_ids),
                Conversation.state == "human",
            )
            .group_by(Conversation.assigned_counsellor_id)
        ).all()
    )


def set_max_chats(session: Session, username: str, max_chats: int) -> Counsellor:
    from handoff_api.counsellors.accounts import AccountError

    if not 1 <= max_chats <= 10:
        raise AccountError("--max must be between 1 and 10")
    account = session.scalar(select(Counsellor).where(Counsellor.username == username))
    if account is None or account.role != "counsellor":
        raise AccountError(f"no counsellor {username!r}")
    account.max_chats = max_chats
    session.commit()
    return account
