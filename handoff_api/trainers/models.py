"""The inbox tables. Every text column holds scrubbed text only (see collection.scrub_text)."""

from datetime import datetime

from sqlalchemy import JSON, Float, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from handoff_api.db import Base, UTCDateTime, new_id, utcnow


class InboxItem(Base):
    """A visitor message waiting for a trainer's decision (scrubbed before it was stored)."""

    __tablename__ = "trainer_inbox_items"
    __table_args__ = (UniqueConstraint("conversation_id", "message_key"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    # no foreign key: the item may outlive the transcript by a little (both follow retention)
    conversation_id: Mapped[str] = mapped_column(String(32), index=True)
    message_key: Mapped[str] = mapped_column(String(64))
    helpline_id: Mapped[str | None] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    message_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    reasons: Mapped[list] = mapped_column(JSON)
    bot_intent: Mapped[str | None] = mapped_column(String(64))
    bot_intent_confidence: Mapped[float | None] = mapped_column(Float)
    bot_labels: Mapped[dict] = mapped_column(JSON)  # field -> {"value", "confidence"}
    counsellor_labels: Mapped[dict | None] = mapped_column(JSON)  # theme, role, age_group
    context_labels: Mapped[dict | None] = mapped_column(JSON)  # the conversation's later labels


class InboxCollection(Base):
    """A conversation whose tracker was read; `seen_keys` keeps processed messages out."""

    __tablename__ = "trainer_inbox_collections"

    conversation_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    collected_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    registration_id: Mapped[str | None] = mapped_column(String(32))
    seen_keys: Mapped[list] = mapped_column(JSON, default=list)


class InboxDecision(Base):
    """A trainer's decision; the item itself is deleted. Exported for the model comparison."""

    __tablename__ = "trainer_inbox_decisions"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)  # the inbox item's id
    decision: Mapped[str] = mapped_column(String(16))  # accepted, corrected, dropped
    text: Mapped[str | None] = mapped_column(Text)  # scrubbed; none for dropped items
    intent: Mapped[str | None] = mapped_column(String(64))
    labels: Mapped[dict | None] = mapped_column(JSON)
    nlu_file: Mapped[str | None] = mapped_column(String(128))
    outcome: Mapped[str] = mapped_column(String(16))  # written, duplicate, dropped, undone, not_written
    trainer_id: Mapped[str | None] = mapped_column(String(32))
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
