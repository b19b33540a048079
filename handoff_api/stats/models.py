"""Anonymous event counts and the coordinators' campaigns.

An event is never stored as a row of its own: each one increments a counter keyed by the hour
(local time of the helpline, truncated), the helpline, the entry point, the kind and a few
labels. There is no conversation id, token, timestamp finer than the hour, text or address, and
no insertion order to follow, so nothing links two events to one visitor. Counts outlive the
transcript retention for that reason.
"""

from datetime import date, datetime

from sqlalchemy import Date, DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from handoff_api.db import Base, UTCDateTime, new_id, utcnow


class EventCount(Base):
    __tablename__ = "stat_event_counts"
    # The key is the whole identity: no serial id, and on SQLite no rowid, that would keep the
    # order in which counters were first made.
    __table_args__ = {"sqlite_with_rowid": False}

    hour: Mapped[datetime] = mapped_column(DateTime(timezone=False), primary_key=True)  # local
    helpline_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    entry_point: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    labels: Mapped[str] = mapped_column(String(255), primary_key=True)  # "key=value;...", sorted
    count: Mapped[int] = mapped_column(Integer, default=0)


class Campaign(Base):
    """A campaign a coordinator marks on the monthly trend (seed 003: October's influencers)."""

    __tablename__ = "stat_campaigns"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    helpline_id: Mapped[str] = mapped_column(String(64), index=True)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
