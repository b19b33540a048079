"""A visitor's "no" holds for the trainers too.

A visitor who refused to pass on what they told the bot (the handoff's `consent` false, and not
opened later with "Toon wat ik aan de chatbot vertelde") has none of their messages in the
inbox, scrubbed or not: collection skips the conversation, the inbox never lists or hands out
its items, and the "no" itself deletes what was collected before it (a conversation read while
idle, then handed over). This module is the one place that rule lives.
"""

from sqlalchemy import Select, delete, select
from sqlalchemy.orm import Session

from handoff_api.conversations.models import Handoff
from handoff_api.trainers.models import InboxCollection, InboxItem


def refused() -> Select:
    """The ids of the conversations whose visitor said no to sharing."""
    return select(Handoff.conversation_id).where(Handoff.consent.is_(False))


def is_refused(session: Session, conversation_id: str) -> bool:
    return session.scalar(refused().where(Handoff.conversation_id == conversation_id)) is not None


def not_refused(column):
    """A WHERE condition: the row's conversation was not refused."""
    return column.not_in(refused())


def forget(session: Session, conversation_id: str) -> None:
    """The visitor said no: what the inbox took from the conversation goes (no commit). The
    read-marker goes too, so a later yes lets the conversation be read again."""
    session.execute(delete(InboxItem).where(InboxItem.conversation_id == conversation_id))
    session.execute(delete(InboxCollection).where(InboxCollection.conversation_id == conversation_id))


def forget_refused(session: Session) -> None:
    """The same for every refused conversation (no commit): a collection that raced a "no"."""
    session.execute(delete(InboxItem).where(InboxItem.conversation_id.in_(refused())))
    session.execute(delete(InboxCollection).where(InboxCollection.conversation_id.in_(refused())))
