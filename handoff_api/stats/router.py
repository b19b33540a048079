"""Coordinators' statistics (`/api/v1/stats/...`, page `/stats`) and the chat button's count.

Coordinators log in with `POST /api/v1/counsellor/login` (accounts from
`handoff-admin create-coordinator`); every call here needs a coordinator's token (403 for
others) and names a helpline the coordinator may see (404 otherwise).
"""

from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Literal

import numpy as np
from fastapi import APIRouter, Depends, Query, status
from fastapi.responses import Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field

from handoff_api.appointments.service import record_missed
from handoff_api.conversations.service import clock_offset_seconds
from handoff_api.counsellors import accounts
from handoff_api.counsellors.models import Counsellor
from handoff_api.db import SessionDep, utcnow
from handoff_api.dependencies import SettingsDep
from handoff_api.errors import ApiError, not_found
from handoff_api.helplines import service as helplines
from handoff_api.helplines.service import CatalogDep
from handoff_api.ratelimit import limit_per_address
from handoff_api.stats import advice, charts, events, report
from handoff_api.stats.service import add_campaign, campaigns, coordinator_helplines
from handoff_api.web.staff_pages import staff_page_router

STATIC_DIR = Path(__file__).resolve().parent / "static"
PAGE_ASSETS = {"stats.js": "text/javascript", "access-log.js": "text/javascript", "stats.css": "text/css"}
MONTH = r"^\d{4}-(0[1-9]|1[0-2])$"

router = APIRouter(prefix="/api/v1/stats", tags=["coordinators"])
button_router = APIRouter(
    prefix="/api/v1/entry-points", tags=["visitor"], dependencies=[Depends(limit_per_address)]
)
page_router = staff_page_router("/stats", STATIC_DIR, PAGE_ASSETS)
bearer = HTTPBearer(auto_error=False, description="A coordinator's login token")


class ButtonOpened(BaseModel):
    simulated_now: datetime | None = Field(default=None, description="Tests only (simulated clock).")


@button_router.post("/{entry_point}/opened", status_code=status.HTTP_204_NO_CONTENT)
def chat_button_opened(
    entry_point: str, session: SessionDep, catalog: CatalogDep, settings: SettingsDep, body: ButtonOpened | None = None
) -> None:
    """The widget or chat page opened: a 'click on the chat button', counted per hour only."""
    helpline = helplines.helpline_or_404(catalog, entry_point)
    simulated = body.simulated_now if body else None
    offset = clock_offset_seconds(settings, simulated)
    at = datetime.fromtimestamp(utcnow().timestamp() + offset, tz=utcnow().tzinfo)
    events.record(session, helpline, "page_opened", entry_point, at)
    session.commit()


def current_coordinator(
    session: SessionDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Counsellor:
    account = accounts.authenticate(session, credentials.credentials if credentials else None)
    if account.role != "coordinator":
        raise ApiError(
            403, "not_a_coordinator", "Alleen coördinatoren zien de cijfers.", "Only coordinators see the figures."
        )
    return account


Coordinator = Annotated[Counsellor, Depends(current_coordinator)]


def _visible(catalog, coordinator: Counsellor, helpline_id: str) -> str:
    if helpline_id not in coordinator_helplines(catalog, coordinator.helpline_id):
        raise not_found("Die hulplijn vinden we niet.", "Unknown helpline.")
    return helpline_id


class Period(BaseModel):
    helpline: str
    first: str
    last: str


def period(
    coordinator: Coordinator,
    catalog: CatalogDep,
    helpline: Annotated[str, Query(max_length=64)],
    first: Annotated[str, Query(alias="from", pattern=MONTH)],
    last: Annotated[str, Query(alias="to", pattern=MONTH)],
) -> Period:
    _visible(catalog, coordinator, helpline)
    if first > last:
        raise ApiError(422, "invalid_period", "De beginmaand ligt na de eindmaand.", "from is after to.")
    return Period(helpline=helpline, first=first, last=last)


PeriodDep = Annotated[Period, Depends(period)]


@router.get("/me")
def me(coordinator: Coordinator, catalog: CatalogDep) -> dict:
    visible = sorted(coordinator_helplines(catalog, coordinator.helpline_id))
    return {
        "username": coordinator.username,
        "display_name": coordinator.display_name,
        "helplines": [{"id": h, "name": catalog.helpline(h).name} for h in visible],
    }


@router.get("/monthly")
def monthly(
    chosen: PeriodDep, session: SessionDep, catalog: CatalogDep,
    format: Literal["json", "csv"] = "json",
) -> Response:
    record_missed(session, catalog)
    figures = report.monthly(session, {chosen.helpline}, chosen.first, chosen.last)
    if format == "csv":
        return Response(
            report.as_csv(figures),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{chosen.helpline}-{chosen.first}-{chosen.last}.csv"'},
        )
    body = {
        "columns": [{"name": n, "title": t.strip()} for n, t in report.COLUMNS],
        "rows": report.table_cells(figures),
    }
    return Response(report.json_dumps(body), media_type="application/json")


@router.get("/charts/{name}.png")
def chart(
    name: Literal["heatmap", "funnel", "trend"], chosen: PeriodDep, session: SessionDep, catalog: CatalogDep
) -> Response:
    helpline = catalog.helpline(chosen.helpline)
    figures = report.monthly(session, {helpline.id}, chosen.first, chosen.last)
    title = f"{helpline.name}, {report.month_label(chosen.first)} tot {report.month_label(chosen.last)}"
    if name == "heatmap":
        rows = report.event_rows(session, {helpline.id}, *report.bounds(chosen.first, chosen.last))
        png = charts.heatmap(charts.weekday_hour_matrix(rows, "chat_started"), helpline, "Vraag per weekdag en uur: " + title)
    elif name == "funnel":
        png = charts.funnel(report.funnel_steps(figures), "Van klik tot gesprek: " + title)
    else:
        png = charts.trend(figures, campaigns(session, {helpline.id}), "Per maand: " + title)
    return Response(png, media_type="image/png", headers={"Cache-Control": "no-store"})


def _comparison_view(name: str, hours: int, model, simulated) -> dict:
    return {
        "name": name,
        "counsellor_hours": hours,
        "answered": round(model.answered, 1),
        "answered_simulated": round(simulated.answered, 1),
        "share_within_5": round(model.share_within_5, 3),
        "share_within_5_simulated": round(simulated.share_within_5, 3),
        "arrived_closed": round(model.arrived_closed, 1),
    }


@router.get("/advice")
def opening_advice(
    chosen: PeriodDep,
    coordinator: Coordinator,
    session: SessionDep,
    catalog: CatalogDep,
    counsellors_now: Annotated[int, Query(ge=1, le=5)] = 1,
    window_start: Annotated[int, Query(ge=0, le=23)] = 9,
    window_end: Annotated[int, Query(ge=1, le=24)] = 23,
    together: Annotated[str | None, Query(alias="with", max_length=64)] = None,
) -> dict:
    """Today's hours against the advised ones for the same counsellor-hours (model and simulation)."""
    if window_end <= window_start:
        raise ApiError(422, "invalid_window", "Het venster moet eindigen na het begin.", "window_end must follow window_start.")
    helpline = catalog.helpline(chosen.helpline)
    window = advice.Window(window_start, window_end)
    demand = advice.measure(session, {helpline.id}, chosen.first, chosen.last)
    today = advice.current_staffing(helpline, counsellors_now)
    body = {"helpline": helpline.name, "demand_per_week": round(float(demand.arrivals.sum()), 1),
            "handling_minutes": round(demand.rates.handling_minutes), "patience_minutes": round(demand.rates.patience_minutes),
            "measured_handling": demand.measured_handling, "measured_patience": demand.measured_patience}
    if together:
        # Planning together shows only the joint model figures, never the other line's table.
        other = catalog.helpline(together)
        if other is None or other.id == helpline.id:
            raise not_found("Die hulplijn vinden we niet.", "Unknown helpline.")
        other_demand = advice.measure(session, {other.id}, chosen.first, chosen.last)
        both = np.stack([today, advice.current_staffing(other, counsellors_now)])
        rows = advice.advise_joint(demand, other_demand, both, window)
        body["together_with"] = other.name
        body["rows"] = [
            {**_comparison_view(r.name, int(r.staffing.sum()), r.model, r.simulated),
             "schedule": {helpline.name: advice.schedule_lines(r.staffing[0]), other.name: advice.schedule_lines(r.staffing[1])}}
            for r in rows
        ]
    else:
        rows = advice.advise(demand, today, window)
        body["rows"] = [
            {**_comparison_view(c.name, c.counsellor_hours, c.model, c.simulated),
             "schedule": {helpline.name: advice.schedule_lines(c.staffing)}}
            for c in rows
        ]
    return body


class CampaignIn(BaseModel):
    helpline: str = Field(max_length=64)
    starts_on: date
    ends_on: date
    name: str = Field(min_length=1, max_length=200)


@router.get("/campaigns")
def list_campaigns(
    coordinator: Coordinator, session: SessionDep, catalog: CatalogDep, helpline: Annotated[str, Query(max_length=64)]
) -> list[dict]:
    _visible(catalog, coordinator, helpline)
    return [
        {"starts_on": c.starts_on.isoformat(), "ends_on": c.ends_on.isoformat(), "name": c.name}
        for c in campaigns(session, {helpline})
    ]


@router.post("/campaigns", status_code=status.HTTP_201_CREATED)
def create_campaign(body: CampaignIn, coordinator: Coordinator, session: SessionDep, catalog: CatalogDep) -> dict:
    _visible(catalog, coordinator, body.helpline)
    if body.ends_on < body.starts_on:
        raise ApiError(422, "invalid_period", "De einddatum ligt voor de begindatum.", "ends_on is before starts_on.")
    campaign = add_campaign(session, body.helpline, body.starts_on, body.ends_on, body.name)
    return {"starts_on": campaign.starts_on.isoformat(), "ends_on": campaign.ends_on.isoformat(), "name": campaign.name}
