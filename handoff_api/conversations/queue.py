"""A helpline's queue: urgency first, then chats whose counsellor had to leave, then
appointments, then waiting time.

The order is SQL's (the index ix_conversations_queue finds the queued rows), so a page of the
queue and a visitor's position cost the same with 20 or 2,000 conversations waiting.
"""

from sqlalchemy import and_, case, false, func, or_, select
from sqlalchemy.orm import Session

from handoff_api.conversations.models import Conversation, Handoff

URGENCY_RANK = {"acute_danger": 0, "suicide_risk": 1}
OTHER_RANK = 2


def queue_sort_key(conversation: Conversation) -> tuple:
    """The order in Python (the SQL below keeps the same one)."""
    return (
        URGENCY_RANK.get(conversation.urgency or "none", OTHER_RANK),
        conversation.requeued_at is None,
        not conversation.from_appointment,
        conversation.queued_at,
        conversation.id,
    )


def _sort_columns() -> list:
    return [
        case(
            *((Conversation.urgency == urgency, rank) for urgency, rank in URGENCY_RANK.items()),
            else_=OTHER_RANK,
        ),
        case((Conversation.requeued_at.is_not(None), 0), else_=1),
        case((Conversation.from_appointment.is_(True), 0), else_=1),
        Conversation.queued_at,
        Conversation.id,
    ]


def _sort_values(conversation: Conversation) -> list:
    rank, not_requeued, not_appointment, queued_at, conversation_id = queue_sort_key(conversation)
    return [rank, int(not_requeued), int(not_appointment), queued_at, conversation_id]


def _queued(helpline_ids: set[str]) -> tuple:
    return (Conversation.state == "queued", Conversation.helpline_id.in_(helpline_ids))


def queue_page(
    session: Session, helpline_ids: set[str], limit: int
) -> tuple[list[tuple[Conversation, Handoff | None]], int]:
    """The first `limit` queued conversations in order, each with its handoff, and how many wait."""
    rows = session.execute(
        select(Conversation, Handoff)
        .outerjoin(Handoff, Handoff.conversation_id == Conversation.id)
        .where(*_queued(helpline_ids))
        .order_by(*_sort_columns())
        .limit(limit)
    ).all()
    total = session.scalar(select(func.count()).select_from(Conversation).where(*_queued(helpline_ids)))
    return [(conversation, handoff) for conversation, handoff in rows], total or 0


def queue_position(session: Session, conversation: Conversation) -> int | None:
    """1 + how many of the same helpline's queue come before this conversation."""
    if conversation.state != "queued":
        return None
    before = false()
    for column, value in reversed(list(zip(_sort_columns(), _sort_values(conversation)))):
        before = or_(column < value, and_(column == value, before))
    ahead = session.scalar(
        select(func.count()).select_from(Conversation).where(*_queued({conversation.helpline_id}), before)
    )
    return (ahead or 0) + 1
