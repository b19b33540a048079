"""Counsellor accounts, their login sessions and the registration made at closing."""

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from handoff_api.db import Base, UTCDateTime, new_id, utcnow


class Counsellor(Base):
    __tablename__ = "counsellors"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    username: Mapped[str] = mapped_column(String(128), unique=True)
    display_name: Mapped[str] = mapped_column(String(128))
    helpline_id: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(16), default="counsellor")  # counsellor, supervisor, trainer, coordinator
    password_hash: Mapped[str] = mapped_column(String(256))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class CounsellorSession(Base):
    __tablename__ = "counsellor_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    counsellor_id: Mapped[str] = mapped_column(
        ForeignKey("counsellors.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)


class LoginThrottle(Base):
    """Failed logins in a row per username (keyed by an HMAC, for unknown names too, so a
    lock-out tells nothing about which accounts exist); shared by every API process."""

    __tablename__ = "login_throttles"

    key_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)


class Registration(Base):
    """The counsellor's registration at closing; no text, so it outlives the transcript."""

    __tablename__ = "registrations"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    conversation_id: Mapped[str | None] = mapped_column(
        ForeignKey("conversations.id", ondelete="SET NULL"), index=True
    )
    helpline_id: Mapped[str] = mapped_column(String(64))
    counsellor_id: Mapped[str | None] = mapped_column(
        ForeignKey("counsellors.id", ondelete="SET NULL")
    )
    main_theme: Mapped[str] = mapped_column(String(32))
    role: Mapped[str] = mapped_column(String(32))
    age_group: Mapped[str] = mapped_column(String(32))
    first_contact: Mapped[bool] = mapped_column(Boolean)
    bot_labels: Mapped[dict | None] = mapped_column(JSON)
    registered_on: Mapped[date] = mapped_column(Date)
