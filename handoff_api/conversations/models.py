"""Conversations, their messages, the bot's handoff (briefing input) and transfers."""

from datetime import datetime, timedelta

from sqlalchemy import JSON, Boolean, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from handoff_api.db import Base, UTCDateTime, new_id, utcnow


class Conversation(Base):
    __tablename__ = "conversations"
    # The counsellors' queue: queued conversations of some helplines, oldest first.
    __table_args__ = (Index("ix_conversations_queue", "state", "helpline_id", "queued_at"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    token_hash: Mapped[str] = mapped_column(String(64))
    entry_point: Mapped[str] = mapped_column(String(64))
    helpline_id: Mapped[str] = mapped_column(String(64), index=True)
    state: Mapped[str] = mapped_column(String(16), default="bot", index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_activity_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    clock_offset_seconds: Mapped[float] = mapped_column(Float, default=0.0)
    message_count: Mapped[int] = mapped_column(Integer, default=0)
    urgency: Mapped[str | None] = mapped_column(String(32))
    queued_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    from_appointment: Mapped[bool] = mapped_column(Boolean, default=False)
    assigned_counsellor_id: Mapped[str | None] = mapped_column(
        ForeignKey("counsellors.id", ondelete="SET NULL")
    )
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Back in the queue because its counsellor had to leave (account deactivated): it goes
    # before every other chat of its urgency until claimed again.
    requeued_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # For the anonymous statistics: the chat's state when the visitor came, and when (on the
    # conversation's own clock) they joined the queue.
    arrival_status: Mapped[str | None] = mapped_column(String(16))
    queued_clock_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    claimed_clock_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    offer_taken: Mapped[str | None] = mapped_column(String(16))  # email, appointment, numbers
    # Why the visitor in the queue was last told that nobody comes now (unserved, closed);
    # cleared when they join a queue again.
    wait_notice: Mapped[str | None] = mapped_column(String(16))
    # The last message written while with the bot (set when it first leaves the bot): without
    # the visitor's consent, no counsellor sees a message up to here (conversations/consent.py).
    handed_over_seq: Mapped[int | None] = mapped_column(Integer)

    def now(self) -> datetime:
        """The conversation's clock: real time, shifted when a simulated time was asked for."""
        return utcnow() + timedelta(seconds=self.clock_offset_seconds)


class Message(Base):
    __tablename__ = "messages"
    __table_args__ = (
        UniqueConstraint("conversation_id", "seq"),
        # A retry of the same message (same id, made by the widget) is stored once.
        UniqueConstraint("conversation_id", "client_message_id", name="uq_messages_client_message_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    conversation_id: Mapped[str] = mapped_column(
        ForeignKey("conversations.id", ondelete="CASCADE"), index=True
    )
    seq: Mapped[int] = mapped_column(Integer)
    sender: Mapped[str] = mapped_column(String(16))  # visitor, bot, counsellor, system
    text: Mapped[str] = mapped_column(Text)
    buttons: Mapped[list | None] = mapped_column(JSON)
    counsellor_name: Mapped[str | None] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    client_message_id: Mapped[str | None] = mapped_column(String(64))


class BotRelay(Base):
    """A message for the bot not answered yet: waiting for room (`pending`) or on its way
    (`sent`, since `sent_at`). The row goes when the bot's answer (or its failure) is stored."""

    __tablename__ = "bot_relays"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    conversation_id: Mapped[str] = mapped_column(
        ForeignKey("conversations.id", ondelete="CASCADE"), index=True
    )
    message_id: Mapped[int | None] = mapped_column(ForeignKey("messages.id", ondelete="CASCADE"))
    after_seq: Mapped[int] = mapped_column(Integer)  # the turn's answer comes after this message
    bot_input: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    busy_reply_given: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Handoff(Base):
    """What the bot gathered, kept with the conversation; the briefing is built from it."""

    __tablename__ = "handoffs"

    conversation_id: Mapped[str] = mapped_column(
        ForeignKey("conversations.id", ondelete="CASCADE"), primary_key=True
    )
    labels: Mapped[dict] = mapped_column(JSON)
    consent: Mapped[bool] = mapped_column(Boolean)
    visitor_words: Mapped[list] = mapped_column(JSON)
    qa: Mapped[list] = mapped_column(JSON)
    details: Mapped[dict] = mapped_column(JSON)
    outcome: Mapped[str] = mapped_column(String(16))
    routed_helpline_id: Mapped[str] = mapped_column(String(64))
    routing_reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Transfer(Base):
    """A 'push' to another helpline with the note its counsellor reads before claiming."""

    __tablename__ = "transfers"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    conversation_id: Mapped[str] = mapped_column(
        ForeignKey("conversations.id", ondelete="CASCADE"), index=True
    )
    from_helpline_id: Mapped[str] = mapped_column(String(64))
    to_helpline_id: Mapped[str] = mapped_column(String(64))
    from_counsellor_id: Mapped[str | None] = mapped_column(
        ForeignKey("counsellors.id", ondelete="SET NULL")
    )
    note: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Participant(Base):
    """A counsellor in a conversation: the one who claimed it, or one invited to join."""

    __tablename__ = "participants"

    conversation_id: Mapped[str] = mapped_column(
        ForeignKey("conversations.id", ondelete="CASCADE"), primary_key=True
    )
    counsellor_id: Mapped[str] = mapped_column(
        ForeignKey("counsellors.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String(16))  # owner, invited
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
