"""The monthly table of seed 003, with the columns the parliamentary questions ask for.

Counts come only from the anonymous event counters. Any count from 1 to 4 is shown as "<5" on
the page and in every export, so that no single visitor can be picked out.
"""

import csv
import io
import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from handoff_api.stats.events import parse_labels
from handoff_api.stats.models import EventCount

SMALL = 5
MONTHS_NL = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)
ANSWERED_WITHIN_MINUTES = 5


@dataclass
class MonthFigures:
    month: str  # YYYY-MM
    conversations: int = 0  # claimed by a counsellor: "gevoerde gesprekken"
    new_callers: int = 0  # registrations with first contact
    clicks: int = 0  # the chat button: widget or page opened
    chats_started: int = 0
    arrived_closed: int = 0
    closed_email: int = 0
    closed_appointment: int = 0
    closed_numbers: int = 0
    closed_left: int = 0
    never_claimed: int = 0
    left_waits: list[int] = field(default_factory=list)  # minutes, one per visitor who left
    answered_within_5: int = 0
    crisis_answers: int = 0
    handovers: int = 0
    queued: int = 0

    @property
    def clicks_per_conversation(self) -> float | None:
        return round(self.clicks / self.conversations, 1) if self.conversations else None

    @property
    def median_wait_before_leaving(self) -> float | None:
        return median(self.left_waits)


def median(values: list[int]) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return float(ordered[middle])
    return (ordered[middle - 1] + ordered[middle]) / 2


def month_range(first: str, last: str) -> list[str]:
    year, month = (int(p) for p in first.split("-"))
    end = tuple(int(p) for p in last.split("-"))
    if (year, month) > end:
        raise ValueError("--from comes after --to")
    months = []
    while (year, month) <= end:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def event_rows(session: Session, helpline_ids: set[str], start: datetime, end: datetime):
    return session.execute(
        select(EventCount.hour, EventCount.kind, EventCount.labels, EventCount.count)
        .where(EventCount.helpline_id.in_(helpline_ids))
        .where(EventCount.hour >= start, EventCount.hour < end)
    ).all()


def bounds(first: str, last: str) -> tuple[datetime, datetime]:
    return _bounds(month_range(first, last))


def _bounds(months: list[str]) -> tuple[datetime, datetime]:
    year, month = (int(p) for p in months[-1].split("-"))
    after = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    first = date(*(int(p) for p in months[0].split("-")), 1)
    return datetime.combine(first, datetime.min.time()), datetime.combine(after, datetime.min.time())


def monthly(session: Session, helpline_ids: set[str], first: str, last: str) -> list[MonthFigures]:
    months = month_range(first, last)
    figures = {m: MonthFigures(m) for m in months}
    for hour, kind, label_key, count in event_rows(session, helpline_ids, *_bounds(months)):
        _add(figures[hour.strftime("%Y-%m")], kind, parse_labels(label_key), count)
    return [figures[m] for m in months]


def _add(month: MonthFigures, kind: str, labels: dict[str, str], count: int) -> None:
    closed = labels.get("arrival") == "closed"
    if kind == "claimed":
        month.conversations += count
        if int(labels.get("wait", 0)) < ANSWERED_WITHIN_MINUTES:
            month.answered_within_5 += count
    elif kind == "registration" and labels.get("first_contact") == "yes":
        month.new_callers += count
    elif kind == "page_opened":
        month.clicks += count
    elif kind == "chat_started":
        month.chats_started += count
        month.arrived_closed += count if closed else 0
    elif kind == "email_request" and closed:
        month.closed_email += count
    elif kind == "appointment_booked" and closed:
        month.closed_appointment += count
    elif kind in ("numbers_given", "crisis_answer"):
        month.closed_numbers += count if closed else 0
        month.crisis_answers += count if kind == "crisis_answer" else 0
    elif kind == "bot_only" and closed and labels.get("took", "nothing") == "nothing":
        month.closed_left += count
    elif kind == "handover":
        month.handovers += count
    elif kind == "queued":
        month.queued += count
    elif kind == "left_queue":
        month.never_claimed += count
        month.left_waits.extend([int(labels.get("wait", 0))] * count)


# --- presentation -----------------------------------------------------------------------------

COLUMNS = (
    ("conversations", "Aantal gevoerde gesprekken"),
    ("new_callers", "Aantal nieuwe oproepers"),
    ("clicks", "Kliks op chatknop"),
    ("clicks_per_conversation", "Aantal kliks/gesprekken"),
    ("arrived_closed", "Kwamen toen de chat dicht was"),
    ("closed_email", "  daarna e-mail"),
    ("closed_appointment", "  daarna afspraak"),
    ("closed_numbers", "  daarna nummers"),
    ("closed_left", "  daarna weg"),
    ("never_claimed", "Wachtrij verlaten zonder gesprek"),
    ("median_wait_before_leaving", "Mediaan wachttijd voor vertrek (min)"),
    ("answered_within_5", "Binnen 5 minuten beantwoord"),
    ("crisis_answers", "Crisisantwoorden"),
)
COUNT_COLUMNS = {name for name, _ in COLUMNS} - {"clicks_per_conversation", "median_wait_before_leaving"}


def shown(value) -> str:
    """A figure as the page and the exports show it: small counts hidden, Dutch decimals."""
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    if 0 < value < SMALL:
        return f"<{SMALL}"
    return str(value)


def _cell(name: str, value) -> str:
    if name in COUNT_COLUMNS:
        return shown(int(value))
    return shown(value)


def month_label(month: str) -> str:
    year, number = month.split("-")
    return f"{MONTHS_NL[int(number) - 1]} {year}"


def summary_rows(figures: list[MonthFigures]) -> list[tuple[str, dict]]:
    """Per month, then the total and the monthly average, as the seed's table has them."""
    rows = [(month_label(f.month), {n: getattr(f, n) for n, _ in COLUMNS}) for f in figures]
    totals = {n: sum(getattr(f, n) for f in figures) for n in COUNT_COLUMNS}
    waits = [w for f in figures for w in f.left_waits]
    totals["median_wait_before_leaving"] = median(waits)
    totals["clicks_per_conversation"] = (
        round(totals["clicks"] / totals["conversations"], 1) if totals["conversations"] else None
    )
    count = max(len(figures), 1)
    average = {n: round(totals[n] / count, 1) for n in COUNT_COLUMNS}
    average["median_wait_before_leaving"] = None
    average["clicks_per_conversation"] = totals["clicks_per_conversation"]
    rows.append(("Totaal", totals))
    rows.append(("Gemiddeld/maand", average))
    return rows


def _average_cell(name: str, value) -> str:
    if value is None:
        return "-"
    if name in COUNT_COLUMNS:
        # an average is a count too: below 5 it is hidden like any other small count
        return f"<{SMALL}" if 0 < value < SMALL else f"{value:.1f}".replace(".", ",").replace(",0", "")
    return shown(value)


def table_cells(figures: list[MonthFigures]) -> list[list[str]]:
    cells = []
    for label, values in summary_rows(figures):
        render = _average_cell if label == "Gemiddeld/maand" else _cell
        cells.append([label] + [render(n, values[n]) for n, _ in COLUMNS])
    return cells


def as_text(figures: list[MonthFigures]) -> str:
    header = ["Maand"] + [title.strip() for _, title in COLUMNS]
    rows = table_cells(figures)
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = [" | ".join(h.ljust(w) for h, w in zip(header, widths))]
    lines.append("-+-".join("-" * w for w in widths))
    for row in rows:
        lines.append(" | ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths))))
    return "\n".join(lines)


def as_csv(figures: list[MonthFigures]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(["maand"] + [name for name, _ in COLUMNS])
    writer.writerows(table_cells(figures))
    return out.getvalue()


def as_json(figures: list[MonthFigures]) -> str:
    names = ["maand"] + [name for name, _ in COLUMNS]
    return json.dumps([dict(zip(names, row)) for row in table_cells(figures)], ensure_ascii=False, indent=1)


def json_dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def funnel_steps(figures: list[MonthFigures]) -> list[tuple[str, int]]:
    return [
        ("kliks op de chatknop", sum(f.clicks for f in figures)),
        ("chat gestart", sum(f.chats_started for f in figures)),
        ("doorgegeven aan een hulplijn", sum(f.handovers for f in figures)),
        ("in de wachtrij", sum(f.queued for f in figures)),
        ("gesprek met een hulpverlener", sum(f.conversations for f in figures)),
    ]
