"""Supervision: private notes and whispers on a conversation, the supervisors' access log and
each helpline's standard texts."""

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from handoff_api.db import Base, UTCDateTime, utcnow


class StaffNote(Base):
    """A note for colleagues (kind `note`: every counsellor and supervisor who sees the
    conversation) or a supervisor's whisper (kind `whisper`: its recipient and its author only).
    Never in the visitor's API or socket; deleted with the conversation (retention)."""

    __tablename__ = "staff_notes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    conversation_id: Mapped[str] = mapped_column(
        ForeignKey("conversations.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))  # note, whisper
    author_id: Mapped[str | None] = mapped_column(ForeignKey("counsellors.id", ondelete="SET NULL"))
    author_name: Mapped[str] = mapped_column(String(128))
    recipient_id: Mapped[str | None] = mapped_column(
        ForeignKey("counsellors.id", ondelete="SET NULL")
    )
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class AccessLogEntry(Base):
    """Who (a supervisor) read what, when: an action and a conversation id, never visitor text."""

    __tablename__ = "access_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    account_id: Mapped[str | None] = mapped_column(ForeignKey("counsellors.id", ondelete="SET NULL"))
    username: Mapped[str] = mapped_column(String(128))
    helpline_id: Mapped[str] = mapped_column(String(64), index=True)
    action: Mapped[str] = mapped_column(String(32))
    conversation_id: Mapped[str | None] = mapped_column(String(32))


class StandardText(Base):
    """A canned reply of one helpline, inserted in the composer and editable before sending."""

    __tablename__ = "standard_texts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    helpline_id: Mapped[str] = mapped_column(String(64), index=True)
    title: Mapped[str] = mapped_column(String(80))
    text: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class TakeoverRequest(Base):
    """The counsellor who has a conversation asks a supervisor of the team to take it over.
    Valid only while that counsellor still has it (see supervision/takeover.py); deleted when a
    supervisor takes it over or the counsellor withdraws it, and with the conversation."""

    __tablename__ = "takeover_requests"

    conversation_id: Mapped[str] = mapped_column(
        ForeignKey("conversations.id", ondelete="CASCADE"), primary_key=True
    )
    requested_by_id: Mapped[str] = mapped_column(ForeignKey("counsellors.id", ondelete="CASCADE"))
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
