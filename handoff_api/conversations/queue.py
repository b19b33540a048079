"""A helpline's queue: urgency first, then chats whose counsellor had to leave, then
appointments, then waiting time."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from handoff_api.conversations.models import Conversation

URGENCY_RANK = {"acute_danger": 0, "suicide_risk": 1}


def queue_sort_key(conversation: Conversation) -> tuple:
    return (
        URGENCY_RANK.get(conversation.urgency or "none", 2),
        conversation.requeued_at is None,
        not conversation.from_appointment,
        conversation.queued_at,
        conversation.id,
    )


def queued_in(session: Session, helpline_ids: set[str]) -> list[Conversation]:
    rows = session.scalars(
        select(Conversation)
        .where(Conversation.state == "queued")
        .where(Conversation.helpline_id.in_(helpline_ids))
    ).all()
    return sorted(rows, key=queue_sort_key)


def queue_position(session: Session, conversation: Conversation) -> int | None:
    if conversation.state != "queued":
        return None
    queue = queued_in(session, {conversation.helpline_id})
    return next(i for i, c in enumerate(queue, start=1) if c.id == conversation.id)
