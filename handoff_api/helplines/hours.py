"""Chat opening hours: intervals, closures, 'open now' and the next opening.

All arithmetic is done on aware datetimes in the helpline's time zone and compared in
UTC, so intervals across midnight and daylight-saving changes come out right.
"""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache

import holidays

from handoff_api.helplines.catalog import Helpline

SEARCH_DAYS = 400  # how far ahead a next opening is looked for


@dataclass(frozen=True)
class Interval:
    start: datetime
    end: datetime

    def contains(self, moment: datetime) -> bool:
        return self.start <= moment < self.end


@dataclass(frozen=True)
class Changes:
    """The operator's changes to the default week (helplines/changes.py loads them)."""

    openings: dict[date, list[tuple[time, time]]] = field(default_factory=dict)
    closed: frozenset[date] = frozenset()


NO_CHANGES = Changes()


@lru_cache(maxsize=64)
def _public_holidays(country: str, year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays(country, years=year).keys())


def is_public_holiday(helpline: Helpline, day: date) -> bool:
    country = helpline.closures.public_holidays
    return bool(country) and day in _public_holidays(country, day.year)


def is_closure_day(helpline: Helpline, day: date, changes: Changes = NO_CHANGES) -> bool:
    return (
        is_public_holiday(helpline, day)
        or day in helpline.closures.extra_dates
        or day in changes.closed
    )


def closure_reason(helpline: Helpline, day: date, changes: Changes = NO_CHANGES) -> str:
    """Why the chat is closed on `day`: a closed day of its default week, or just its hours."""
    if not any(h.weekday == day.weekday() for h in helpline.chat_hours):
        return "outside_hours"
    if day in changes.closed or day in helpline.closures.extra_dates:
        return "extra_closure"
    if is_public_holiday(helpline, day):
        return "holiday"
    return "outside_hours"


def _local(day: date, clock, helpline: Helpline) -> datetime:
    """A wall-clock time on `day`; a time in a DST gap moves forward, like a clock would."""
    naive = datetime.combine(day, clock)
    aware = naive.replace(tzinfo=helpline.tz)
    return aware.astimezone(UTC).astimezone(helpline.tz)


def _interval(helpline: Helpline, day: date, opens: time, closes: time) -> Interval:
    closing_day = day if closes > opens else day + timedelta(days=1)
    return Interval(_local(day, opens, helpline), _local(closing_day, closes, helpline))


def intervals_starting_on(
    helpline: Helpline, day: date, changes: Changes = NO_CHANGES
) -> list[Interval]:
    """The default week unless the day is closed; an opening the operator added always counts."""
    result = [_interval(helpline, day, opens, closes) for opens, closes in changes.openings.get(day, ())]
    if not is_closure_day(helpline, day, changes):
        result += [
            _interval(helpline, day, hours.opens, hours.closes)
            for hours in helpline.chat_hours
            if hours.weekday == day.weekday()
        ]
    return sorted(result, key=lambda interval: interval.start)


def intervals_between(
    helpline: Helpline, start: datetime, end: datetime, changes: Changes = NO_CHANGES
) -> list[Interval]:
    """Opening intervals that overlap [start, end), merged where they touch."""
    first_day = start.astimezone(helpline.tz).date() - timedelta(days=1)
    last_day = end.astimezone(helpline.tz).date()
    raw: list[Interval] = []
    day = first_day
    while day <= last_day:
        raw.extend(intervals_starting_on(helpline, day, changes))
        day += timedelta(days=1)
    merged: list[Interval] = []
    for interval in sorted(raw, key=lambda i: i.start):
        if merged and interval.start <= merged[-1].end:
            last = merged.pop()
            interval = Interval(last.start, max(last.end, interval.end))
        merged.append(interval)
    return [i for i in merged if i.end > start and i.start < end]


def current_interval(
    helpline: Helpline, now: datetime, changes: Changes = NO_CHANGES
) -> Interval | None:
    for interval in intervals_between(helpline, now, now + timedelta(seconds=1), changes):
        if interval.contains(now):
            return interval
    return None


def next_opening(
    helpline: Helpline, now: datetime, changes: Changes = NO_CHANGES
) -> datetime | None:
    """The first opening strictly after `now` (None when the helpline never opens)."""
    window_start = now
    for _ in range(SEARCH_DAYS // 30):
        window_end = window_start + timedelta(days=30)
        for interval in intervals_between(helpline, window_start, window_end, changes):
            if interval.start > now:
                return interval.start
        window_start = window_end
    return None


def to_local(helpline: Helpline, moment: datetime) -> datetime:
    return moment.astimezone(helpline.tz)
