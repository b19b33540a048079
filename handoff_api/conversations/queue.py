"""A helpline's queue: urgency first, then appointments, then waiting time.

The order is SQL's (the index ix_conversations_queue finds the queued rows), so a page of the
queue and a visitor's position cost the same with 20 or 2,000 conversations waiting.
"""

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from handoff_api.conversations.models import Conversation, Handoff

URGENCY_RANK = {"acute_danger": 0, "suicide_risk": 1}
OTHER_RANK = 2


def _urgency_rank():
    return case(
        *((Conversation.urgency == urgency, rank) for urgency, rank in URGENCY_RANK.items()),
        else_=OTHER_RANK,
    )


def _not_appointment():
    return case((Conversation.from_appointment.is_(True), 0), else_=1)


def _queued(helpline_ids: set[str]):
    return (Conversation.state == "queued", Conversation.helpline_id.in_(helpline_ids))


def queue_page(
    session: Session, helpline_ids: set[str], limit: int
) -> tuple[list[tuple[Conversation, dict | None]], int]:
    """The first `limit` queued conversations in order, each with its labels, and how many wait."""
    rows = session.execute(
        select(Conversation, Handoff.labels)
        .outerjoin(Handoff, Handoff.conversation_id == Conversation.id)
        .where(*_queued(helpline_ids))
        .order_by(_urgency_rank(), _not_appointment(), Conversation.queued_at, Conversation.id)
        .limit(limit)
    ).all()
    total = session.scalar(select(func.count()).select_from(Conversation).where(*_queued(helpline_ids)))
    return [(conversation, labels) for conversation, labels in rows], total or 0


def queue_position(session: Session, conversation: Conversation) -> int | None:
    """1 + how many of the same helpline's queue come before this conversation."""
    if conversation.state != "queued":
        return None
    rank = URGENCY_RANK.get(conversation.urgency or "none", OTHER_RANK)
    not_appointment = 0 if conversation.from_appointment else 1
    earlier = or_(
        _urgency_rank() < rank,
        and_(_urgency_rank() == rank, _not_appointment() < not_appointment),
        and_(
            _urgency_rank() == rank,
            _not_appointment() == not_appointment,
            or_(
                Conversation.queued_at < conversation.queued_at,
                and_(Conversation.queued_at == conversation.queued_at, Conversation.id < conversation.id),
            ),
        ),
    )
    ahead = session.scalar(
        select(func.count())
        .select_from(Conversation)
        .where(*_queued({conversation.helpline_id}), earlier)
    )
    return (ahead or 0) + 1
