"""Dates and times written out in Dutch for visitors, one way everywhere (the bot's
actions/dutch_time.py writes them the same way): 'maandag om 19 uur', 'vandaag tot 22 uur'."""

from datetime import datetime

WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
MONTHS = [
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
]


def clock(local: datetime) -> str:
    """'19 uur' or '19.30 uur'."""
    return f"{local.hour} uur" if local.minute == 0 else f"{local.hour}.{local.minute:02d} uur"


def date_text(local: datetime) -> str:
    """'maandag 23 november'."""
    return f"{WEEKDAYS[local.weekday()]} {local.day} {MONTHS[local.month - 1]}"


def moment(local: datetime) -> str:
    """E.g. 'maandag 23 november om 19 uur' (for a moment that must stand on its own)."""
    return f"{date_text(local)} om {clock(local)}"


def day_from_now(local: datetime, now: datetime) -> str:
    """'vandaag', 'morgen', 'maandag' (within a week) or 'maandag 30 november'."""
    days_ahead = (local.date() - now.astimezone(local.tzinfo).date()).days
    if days_ahead == 0:
        return "vandaag"
    if days_ahead == 1:
        return "morgen"
    if 1 < days_ahead < 7:
        return WEEKDAYS[local.weekday()]
    return date_text(local)


def moment_from_now(local: datetime, now: datetime) -> str:
    """'vandaag om 19 uur', 'morgen om 19 uur', 'maandag om 19 uur'."""
    return f"{day_from_now(local, now)} om {clock(local)}"


def until(local: datetime, now: datetime) -> str:
    """'vandaag tot 22 uur', 'morgen tot 2 uur'."""
    return f"{day_from_now(local, now)} tot {clock(local)}"


def reopens_sentence(local: datetime | None, now: datetime) -> str:
    """'De chat gaat morgen om 19 uur weer open.'"""
    if local is None:
        return "Wanneer de chat weer opengaat, staat op de website."
    return f"De chat gaat {moment_from_now(local, now)} weer open."


def people(count: int) -> str:
    """'1 persoon', '3 mensen'."""
    return "1 persoon" if count == 1 else f"{count} mensen"


def waiting_sentence(queued: int) -> str:
    """How many wait already: never 'Er wachten nu 0 mensen'."""
    if queued == 0:
        return "Er wacht nu niemand voor je."
    if queued == 1:
        return "Er wacht nu 1 persoon voor je."
    return f"Er wachten nu {queued} mensen voor je."


def wait_range(low: int, high: int) -> str:
    """'ongeveer 10 tot 20 minuten'; 'even geduld' when it is short."""
    if high <= 5:
        return "even geduld"
    if low == high:
        return f"ongeveer {high} minuten"
    return f"ongeveer {low} tot {high} minuten"
