"""Times and opening hours in plain Dutch: 'dinsdag om 19 uur', 'morgen om 14.30 uur'."""
from __future__ import annotations

from datetime import datetime
from typing import Dict, List, Sequence

from babel.dates import format_date

LOCALE = "nl_BE"


def clock(moment: datetime) -> str:
    """'19 uur' or '19.30 uur'."""
    return f"{moment.hour} uur" if moment.minute == 0 else f"{moment.hour}.{moment.minute:02d} uur"


def _clock_text(hhmm: str) -> str:
    hours, minutes = (int(part) for part in hhmm.split(":"))
    return f"{hours}" if minutes == 0 else f"{hours}.{minutes:02d}"


def moment_from_now(moment: datetime, now: datetime) -> str:
    """A moment relative to now, in the moment's own time zone: 'vandaag om 19 uur'."""
    days_ahead = (moment.date() - now.astimezone(moment.tzinfo).date()).days
    if days_ahead == 0:
        day = "vandaag"
    elif days_ahead == 1:
        day = "morgen"
    elif 1 < days_ahead < 7:
        day = format_date(moment.date(), "EEEE", locale=LOCALE)
    else:
        day = format_date(moment.date(), "EEEE d MMMM", locale=LOCALE)
    return f"{day} om {clock(moment)}"


def slot_title(start: datetime) -> str:
    """A button title for an appointment: 'dinsdag 24 november om 19 uur'."""
    return f"{format_date(start.date(), 'EEEE d MMMM', locale=LOCALE)} om {clock(start)}"


def weekday_name(weekday: int) -> str:
    # 2024-01-01 was a Monday, so weekday 0 maps to Monday as in Python.
    return format_date(datetime(2024, 1, 1 + weekday).date(), "EEEE", locale=LOCALE)


def _join(words: Sequence[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " en " + words[-1]


def opening_hours_text(opening_hours: List[Dict[str, object]]) -> str:
    """'maandag, dinsdag en donderdag van 19 tot 22 uur; woensdag van 14 tot 22 uur'."""
    if not opening_hours:
        return "alleen op afspraak"
    days_by_hours: Dict[tuple, List[int]] = {}
    for item in opening_hours:
        days_by_hours.setdefault((str(item["opens"]), str(item["closes"])), []).append(int(item["weekday"]))
    parts = []
    for (opens, closes), weekdays in sorted(days_by_hours.items(), key=lambda entry: min(entry[1])):
        days = [weekday_name(day) for day in sorted(set(weekdays))]
        parts.append(f"{_join(days)} van {_clock_text(opens)} tot {_clock_text(closes)} uur")
    return "; ".join(parts)
