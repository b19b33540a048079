"""Fixtures of the trainers' tests: a fake Rasa tracker, a temporary copy of nlu_data, a trainer.

Imported by the test modules (`from .trainer_fixtures import *`); never touches the real nlu_data.
"""

import shutil
from pathlib import Path

import pytest

from handoff_api.trainers.config import TrainerSettings

from .conftest import bearer, create_account, login

REPO = Path(__file__).resolve().parents[2]


class FakeTrackers:
    """Stands in for `GET {RASA_URL}/conversations/{id}/tracker`."""

    def __init__(self) -> None:
        self.trackers: dict[str, dict] = {}
        self.down = False
        self.reads: list[str] = []

    def tracker(self, conversation_id: str) -> dict | None:
        from handoff_api.trainers.collection import TrackerUnavailable

        self.reads.append(conversation_id)
        if self.down:
            raise TrackerUnavailable("fake Rasa is down")
        return self.trackers.get(conversation_id)

    def set(self, conversation_id: str, *messages) -> None:
        """messages: (text, parse_data) pairs, as Rasa's user events."""
        events = [{"event": "action", "name": "action_session_start", "timestamp": 1_700_000_000.0}]
        for number, (text, parse_data) in enumerate(messages):
            events.append(
                {
                    "event": "user",
                    "text": text,
                    "timestamp": 1_800_000_000.0 + number,
                    "message_id": f"m{number}-{conversation_id[:6]}",
                    "parse_data": {"text": text, **parse_data},
                }
            )
            events.append({"event": "bot", "text": "Dank je om dit te vertellen.", "timestamp": 1_800_000_000.5 + number})
        self.trackers[conversation_id] = {"sender_id": conversation_id, "events": events}


def parse(
    intent="tell_story",
    confidence=0.95,
    theme=("physical_violence", 0.9),
    age_group=("minor", 0.9),
    role=("victim", 0.9),
    urgency=("none", 0.99),
    fallback=False,
) -> dict:
    ranking = [{"name": intent, "confidence": confidence}, {"name": "greet", "confidence": 0.05}]
    top = {"name": intent, "confidence": confidence}
    if fallback:
        top = {"name": "nlu_fallback", "confidence": 0.4}
        ranking = [top] + ranking
    entities = [
        {"entity": name, "value": value, "confidence_entity": score, "start": 0, "end": 1, "extractor": "TriageClassifier"}
        for name, (value, score) in (("theme", theme), ("age_group", age_group), ("role", role), ("urgency", urgency))
    ]
    return {"intent": top, "intent_ranking": ranking, "entities": entities}


@pytest.fixture
def nlu_copy(tmp_path) -> Path:
    """A temporary copy of nlu_data/ (the real one is never written by tests)."""
    target = tmp_path / "nlu_data"
    shutil.copytree(REPO / "nlu_data", target)
    return target


@pytest.fixture
def heldout_copy(tmp_path) -> Path:
    target = tmp_path / "heldout.jsonl"
    target.write_text('{"id": "h1", "text": "dit zin staat in de testset", "theme": "other"}\n', encoding="utf-8")
    return target


@pytest.fixture
def trainer_settings(nlu_copy, heldout_copy, tmp_path) -> TrainerSettings:
    return TrainerSettings(
        _env_file=None,
        nlu_data_dir=nlu_copy,
        heldout_file=heldout_copy,
        reports_dir=tmp_path / "reports",
        models_dir=tmp_path / "models",
        collect_after_minutes=60,
    )


@pytest.fixture
def trackers() -> FakeTrackers:
    return FakeTrackers()


@pytest.fixture
def trainer_app(app, trainer_settings, trackers):
    app.state.trainer_settings = trainer_settings
    app.state.tracker_source = trackers
    return app


@pytest.fixture
def trainer(trainer_app, client, database_url, monkeypatch) -> dict:
    """A logged-in trainer's headers."""
    create_account(database_url, monkeypatch, "npie_trainer", "nupraatikerover", "create-trainer")
    return login(client, "npie_trainer")


def ended_conversation(client, trackers: FakeTrackers, *messages) -> str:
    """A conversation the visitor ended (so it is read into the inbox), with these parses."""
    created = client.post("/api/v1/conversations", json={"entry_point": "nupraatikerover"}).json()
    trackers.set(created["id"], *messages)
    ended = client.post(f"/api/v1/conversations/{created['id']}/end", headers=bearer(created["token"]))
    assert ended.status_code == 200, ended.text
    return created["id"]


def collect(client, trainer) -> dict:
    response = client.post("/api/v1/trainers/inbox/collect", headers=trainer)
    assert response.status_code == 200, response.text
    return response.json()


def inbox(client, trainer) -> list[dict]:
    response = client.get("/api/v1/trainers/inbox", headers=trainer)
    assert response.status_code == 200, response.text
    return response.json()["items"]
