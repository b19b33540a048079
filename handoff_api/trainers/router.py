"""Trainers' API (`/api/v1/trainers/...`) and page (`/trainers`).

Trainers log in with `POST /api/v1/counsellor/login` (accounts from
`handoff-admin create-trainer`); every call here needs a trainer's token (403 for others).
"""

import json
import re
from datetime import datetime
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import FileResponse, PlainTextResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.requests import HTTPConnection

from handoff_api.counsellors import accounts
from handoff_api.counsellors.models import Counsellor
from handoff_api.db import SessionDep
from handoff_api.errors import ApiError, not_found
from handoff_api.trainers import collection, schemas, service
from handoff_api.trainers.config import TrainerSettings, get_trainer_settings
from handoff_api.trainers.nlu_data import NluData
from handoff_api.web.staff_pages import staff_page_router

STATIC_DIR = Path(__file__).resolve().parent / "static"
PAGE_ASSETS = {"trainers.js": "text/javascript", "trainers.css": "text/css"}
CHART_NAME = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,80}\.png$")

router = APIRouter(prefix="/api/v1/trainers", tags=["trainers"])
page_router = staff_page_router("/trainers", STATIC_DIR, PAGE_ASSETS)
bearer = HTTPBearer(auto_error=False, description="A trainer's login token")


def get_settings_for_trainers(connection: HTTPConnection) -> TrainerSettings:
    return getattr(connection.app.state, "trainer_settings", None) or get_trainer_settings()


TrainerSettingsDep = Annotated[TrainerSettings, Depends(get_settings_for_trainers)]


def get_nlu_data(settings: TrainerSettingsDep) -> NluData:
    return NluData(settings.nlu_data_dir, settings.heldout_file)


NluDataDep = Annotated[NluData, Depends(get_nlu_data)]


def current_trainer(
    session: SessionDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Counsellor:
    account = accounts.authenticate(session, credentials.credentials if credentials else None)
    if account.role != "trainer":
        raise ApiError(
            403,
            "not_a_trainer",
            "Alleen trainers hebben toegang tot de inbox.",
            "Only trainers may use the inbox.",
        )
    return account


CurrentTrainer = Annotated[Counsellor, Depends(current_trainer)]


@router.get("/me", response_model=schemas.Trainer)
def me(trainer: CurrentTrainer) -> dict:
    return {
        "id": trainer.id,
        "username": trainer.username,
        "display_name": trainer.display_name,
        "helpline_id": trainer.helpline_id,
    }


@router.get("/vocabulary", response_model=schemas.Vocabulary)
def vocabulary(trainer: CurrentTrainer, nlu: NluDataDep) -> dict:
    """The intents of the training data and the triage labels, for the correction form."""
    return {"intents": sorted(nlu.intents()), "labels": {k: list(v) for k, v in collection.LABELS.items()}}


@router.post("/inbox/collect", response_model=schemas.Collected)
def collect(
    trainer: CurrentTrainer,
    session: SessionDep,
    settings: TrainerSettingsDep,
    source: collection.TrackerSourceDep,
) -> dict:
    """Reads closed or idle conversations from Rasa into the inbox (scrubbed)."""
    return collection.collect(session, settings, source).__dict__


@router.get("/inbox", response_model=schemas.Inbox)
def inbox(trainer: CurrentTrainer, session: SessionDep) -> dict:
    """Crisis-related items first, then counsellor corrections, then oldest first."""
    items = [service.item_view(item) for item in service.list_items(session)]
    return {"count": len(items), "items": items}


@router.post("/inbox/{item_id}/accept", response_model=schemas.Decision)
def accept(item_id: str, trainer: CurrentTrainer, session: SessionDep, nlu: NluDataDep) -> dict:
    item = service.find_item(session, item_id)
    return service.decision_view(service.decide(session, nlu, item, trainer, "accept"))


@router.post("/inbox/{item_id}/correct", response_model=schemas.Decision)
def correct(
    item_id: str,
    body: schemas.Correction,
    trainer: CurrentTrainer,
    session: SessionDep,
    nlu: NluDataDep,
) -> dict:
    item = service.find_item(session, item_id)
    labels = body.model_dump(exclude={"intent"}, exclude_none=True)
    decision = service.decide(session, nlu, item, trainer, "correct", intent=body.intent, labels=labels)
    return service.decision_view(decision)


@router.post("/inbox/{item_id}/drop", response_model=schemas.Decision)
def drop(item_id: str, trainer: CurrentTrainer, session: SessionDep, nlu: NluDataDep) -> dict:
    item = service.find_item(session, item_id)
    return service.decision_view(service.decide(session, nlu, item, trainer, "drop"))


@router.post("/inbox/{item_id}/personal-data", response_model=schemas.Decision)
def personal_data(item_id: str, trainer: CurrentTrainer, session: SessionDep, nlu: NluDataDep) -> dict:
    """The trainer still sees a name, number or address: the item is deleted at once (counted, no text)."""
    item = service.find_item(session, item_id)
    return service.decision_view(service.decide(session, nlu, item, trainer, "personal_data"))


@router.get("/decisions", response_model=list[schemas.Decision])
def decisions(trainer: CurrentTrainer, session: SessionDep) -> list:
    """The latest decisions, newest first (to take back a mistaken one)."""
    return [service.decision_view(d) for d in service.recent_decisions(session)]


@router.post("/decisions/{decision_id}/undo", response_model=schemas.Decision)
def undo(decision_id: str, trainer: CurrentTrainer, session: SessionDep, nlu: NluDataDep) -> dict:
    """Takes the example written for this decision out of nlu_data again."""
    return service.decision_view(service.undo(session, nlu, decision_id))


@router.get("/annotations", response_class=PlainTextResponse)
def annotations(
    trainer: CurrentTrainer,
    session: SessionDep,
    since: Annotated[datetime | None, Query(description="ISO 8601 with offset")] = None,
) -> PlainTextResponse:
    """Accepted and corrected examples as JSON lines (input of `make compare-models`)."""
    lines = [json.dumps(row, ensure_ascii=False) for row in service.annotations(session, since)]
    return PlainTextResponse("".join(line + "\n" for line in lines), media_type="application/x-ndjson")


@router.get("/registrations")
def registrations(
    trainer: CurrentTrainer,
    session: SessionDep,
    since: Annotated[datetime | None, Query(description="ISO 8601 with offset")] = None,
) -> dict:
    """The bot's labels beside the counsellors' registrations, per field; no text."""
    return {"fields": service.registration_agreement(session, since)}


def _read_json(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


@router.get("/models")
def models(trainer: CurrentTrainer, settings: TrainerSettingsDep) -> dict:
    """The live model, the latest comparison's summary and its charts (no message texts)."""
    summary = _read_json(settings.reports_dir / "summary.json")
    charts = sorted(p.name for p in settings.reports_dir.glob("*.png")) if settings.reports_dir.is_dir() else []
    return {"live": _read_json(settings.models_dir / "live.json"), "comparison": summary, "charts": charts}


@router.get("/personal-data-reports")
def personal_data_reports(trainer: CurrentTrainer, session: SessionDep) -> dict:
    """How many inbox items trainers flagged as still holding personal data (no text kept)."""
    return {"count": service.personal_data_reports(session)}


@router.get("/charts/{name}")
def chart(name: str, trainer: CurrentTrainer, settings: TrainerSettingsDep) -> FileResponse:
    path = settings.reports_dir / name
    if not CHART_NAME.match(name) or not path.is_file():
        raise not_found()
    return FileResponse(path, media_type="image/png", headers={"Cache-Control": "no-store"})
