"""Operators' changes to the default week of helplines.yml: an extra opening, a closed day."""

from datetime import date, datetime, time

from sqlalchemy import Date, Integer, String, Time
from sqlalchemy.orm import Mapped, mapped_column

from handoff_api.db import Base, UTCDateTime, utcnow


class HoursChange(Base):
    __tablename__ = "hours_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    helpline_id: Mapped[str] = mapped_column(String(64), index=True)
    day: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(16))  # opening, closure
    opens: Mapped[time | None] = mapped_column(Time)
    closes: Mapped[time | None] = mapped_column(Time)  # at or before `opens`: the next day
    made_by: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
