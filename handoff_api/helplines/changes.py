"""The operator's changes to a helpline's hours, stored in the database: they count at once,
for every process, without a redeploy; helplines.yml stays the default week."""

import logging
from datetime import date, time, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from handoff_api.helplines.catalog import Catalog
from handoff_api.helplines.hours import Changes
from handoff_api.helplines.models import HoursChange

log = logging.getLogger(__name__)


class HoursChangeError(ValueError):
    """A change the operator asked for cannot be made as asked (admin CLI)."""


def changes_for(session: Session, helpline_id: str) -> Changes:
    rows = session.scalars(select(HoursChange).where(HoursChange.helpline_id == helpline_id)).all()
    openings: dict[date, list[tuple[time, time]]] = {}
    for row in rows:
        if row.kind == "opening":
            openings.setdefault(row.day, []).append((row.opens, row.closes))
    closed = frozenset(row.day for row in rows if row.kind == "closure")
    return Changes(openings, closed)


def _known(catalog: Catalog, helpline_id: str) -> None:
    if catalog.helpline(helpline_id) is None:
        known = ", ".join(h.id for h in catalog.helplines)
        raise HoursChangeError(f"unknown helpline {helpline_id!r} (known: {known})")


def add_opening(
    session: Session, catalog: Catalog, helpline_id: str, day: date, opens: time, closes: time, by: str
) -> HoursChange:
    _known(catalog, helpline_id)
    if opens == closes:
        raise HoursChangeError("--from and --to are the same time")
    change = HoursChange(
        helpline_id=helpline_id, day=day, kind="opening", opens=opens, closes=closes, made_by=by
    )
    return _store(session, change)


def close_day(session: Session, catalog: Catalog, helpline_id: str, day: date, by: str) -> HoursChange:
    _known(catalog, helpline_id)
    return _store(session, HoursChange(helpline_id=helpline_id, day=day, kind="closure", made_by=by))


def remove(session: Session, change_id: int, by: str) -> HoursChange:
    change = session.get(HoursChange, change_id)
    if change is None:
        raise HoursChangeError(f"no hours change {change_id}")
    session.execute(delete(HoursChange).where(HoursChange.id == change_id))
    session.commit()
    log.info("hours change %s removed by %s: %s", change_id, by, describe(change))
    return change


def _store(session: Session, change: HoursChange) -> HoursChange:
    session.add(change)
    session.commit()
    log.info("hours change %s made by %s: %s", change.id, change.made_by, describe(change))
    return change


def listed(
    session: Session, helpline_id: str | None = None, from_day: date | None = None
) -> list[HoursChange]:
    query = select(HoursChange).order_by(HoursChange.day, HoursChange.helpline_id, HoursChange.id)
    if helpline_id:
        query = query.where(HoursChange.helpline_id == helpline_id)
    if from_day:
        query = query.where(HoursChange.day >= from_day - timedelta(days=1))
    return list(session.scalars(query))


def describe(change: HoursChange) -> str:
    if change.kind == "closure":
        return f"{change.helpline_id} {change.day:%Y-%m-%d} closed"
    return f"{change.helpline_id} {change.day:%Y-%m-%d} open {change.opens:%H:%M}-{change.closes:%H:%M}"
