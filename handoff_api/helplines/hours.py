"""Chat opening hours: intervals, closures, 'open now' and the next opening.

All arithmetic is done on aware datetimes in the helpline's time zone and compared in
UTC, so intervals across midnight and daylight-saving changes come out right.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
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


@lru_cache(maxsize=64)
def _public_holidays(country: str, year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays(country, years=year).keys())


def is_closure_day(helpline: Helpline, day: date) -> bool:
    country = helpline.closures.public_holidays
    if country and day in _public_holidays(country, day.year):
        return True
    return day in helpline.closures.extra_dates


def _local(day: date, clock, helpline: Helpline) -> datetime:
    """A wall-clock time on `day`; a time in a DST gap moves forward, like a clock would."""
    naive = datetime.combine(day, clock)
    aware = naive.replace(tzinfo=helpline.tz)
    return aware.astimezone(UTC).astimezone(helpline.tz)


def intervals_starting_on(helpline: Helpline, day: date) -> list[Interval]:
    if is_closure_day(helpline, day):
        return []
    result = []
    for hours in helpline.chat_hours:
        if hours.weekday != day.weekday():
            continue
        closing_day = day if hours.closes > hours.opens else day + timedelta(days=1)
        result.append(
            Interval(_local(day, hours.opens, helpline), _local(closing_day, hours.closes, helpline))
        )
    return sorted(result, key=lambda interval: interval.start)


def intervals_between(helpline: Helpline, start: datetime, end: datetime) -> list[Interval]:
    """Opening intervals that overlap [start, end), merged where they touch."""
    first_day = start.astimezone(helpline.tz).date() - timedelta(days=1)
    last_day = end.astimezone(helpline.tz).date()
    raw: list[Interval] = []
    day = first_day
    while day <= last_day:
        raw.extend(intervals_starting_on(helpline, day))
        day += timedelta(days=1)
    merged: list[Interval] = []
    for interval in sorted(raw, key=lambda i: i.start):
        if merged and interval.start <= merged[-1].end:
            last = merged.pop()
            interval = Interval(last.start, max(last.end, interval.end))
        merged.append(interval)
    return [i for i in merged if i.end > start and i.start < end]


def current_interval(helpline: Helpline, now: datetime) -> Interval | None:
    for interval in intervals_between(helpline, now, now + timedelta(seconds=1)):
        if interval.contains(now):
            return interval
    return None


def next_opening(helpline: Helpline, now: datetime) -> datetime | None:
    """The first opening strictly after `now` (None when the helpline never opens)."""
    window_start = now
    for _ in range(SEARCH_DAYS // 30):
        window_end = window_start + timedelta(days=30)
        for interval in intervals_between(helpline, window_start, window_end):
            if interval.start > now:
                return interval.start
        window_start = window_end
    return None


def to_local(helpline: Helpline, moment: datetime) -> datetime:
    return moment.astimezone(helpline.tz)
