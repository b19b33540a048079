"""Dates and times written out in Dutch for visitors."""

from datetime import datetime

WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
MONTHS = [
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
]


def moment(local: datetime) -> str:
    """E.g. 'maandag 23 november om 19:00'."""
    return (
        f"{WEEKDAYS[local.weekday()]} {local.day} {MONTHS[local.month - 1]} "
        f"om {local:%H:%M}"
    )
