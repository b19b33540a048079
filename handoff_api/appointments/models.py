"""Chat appointments, booked with an anonymous code."""

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from handoff_api.db import Base, UTCDateTime, new_id, utcnow


class Appointment(Base):
    __tablename__ = "appointments"
    # One row per seat of a slot: two bookings of the last seat cannot both commit.
    __table_args__ = (UniqueConstraint("helpline_id", "start", "seat"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    conversation_id: Mapped[str] = mapped_column(
        ForeignKey("conversations.id", ondelete="CASCADE"), index=True
    )
    helpline_id: Mapped[str] = mapped_column(String(64), index=True)
    start: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    end: Mapped[datetime] = mapped_column(UTCDateTime)
    seat: Mapped[int] = mapped_column(Integer, default=0)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    status: Mapped[str] = mapped_column(String(16), default="booked")  # booked, checked_in
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    checked_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
