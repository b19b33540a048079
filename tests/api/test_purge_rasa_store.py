"""`handoff-admin purge` deletes a purged conversation everywhere: the API's tables and Rasa's
tracker store, on SQLite and on PostgreSQL (Rasa's own schema there).

Rasa's rows are written by Rasa's own SQL tracker store (bot/tracker_store.py, in .venv-rasa),
so the purge is tested against Rasa's real table, not a copy of its layout.
"""

import io
import json
import os
import subprocess
import time
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, make_url, text

from handoff_api.admin import main as admin_main
from handoff_api.rasa_store import tracker_store_location
from .conftest import dump_database, make_settings, start_conversation

REPO = Path(__file__).resolve().parents[2]
RASA_PYTHON = REPO / ".venv-rasa" / "bin" / "python"
WRITE_TRACKERS = """
import asyncio, json, sys
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from bot.tracker_store import HelplineSQLTrackerStore

async def main():
    store = HelplineSQLTrackerStore(domain=Domain.empty())
    for sender, words, at in json.loads(sys.argv[1]):
        tracker = DialogueStateTracker(sender, slots=[])
        tracker.update(UserUttered(words, timestamp=at))
        tracker.update(SlotSet("visitor_words", [words], timestamp=at))
        tracker.update(BotUttered("Dank je om het te vertellen.", timestamp=at))
        await store.save(tracker)

asyncio.run(main())
"""


@pytest.fixture
def tracker_store_url(database_url, tmp_path):
    if database_url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path / 'rasa_tracker.db'}"
        return
    schema = f"rasa_test_{uuid.uuid4().hex[:12]}"
    base = make_url(os.environ["TEST_DATABASE_URL"])
    yield base.update_query_dict({"schema": schema}).render_as_string(hide_password=False)
    engine = create_engine(base)
    with engine.begin() as connection:
        connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    engine.dispose()


def rasa_writes(tracker_store_url: str, trackers: list[tuple[str, str, float]]) -> None:
    if not RASA_PYTHON.exists():
        pytest.fail("the Rasa environment is missing: run `make setup`")
    env = os.environ | {"RASA_TRACKER_STORE_URL": tracker_store_url, "PYTHONPATH": str(REPO),
                        "SQLALCHEMY_SILENCE_UBER_WARNING": "1", "RASA_TELEMETRY_ENABLED": "false"}
    done = subprocess.run([str(RASA_PYTHON), "-c", WRITE_TRACKERS, json.dumps(trackers)], env=env, cwd=REPO,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]


def dump_tracker_store(tracker_store_url: str) -> str:
    url, schema = tracker_store_location(tracker_store_url)
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            tables = inspect(connection).get_table_names(schema=schema)
            prefix = f'"{schema}".' if schema else ""
            return "\n".join(
                str(row) for table in tables for row in connection.execute(text(f'SELECT * FROM {prefix}"{table}"'))
            )
    finally:
        engine.dispose()


def test_purge_deletes_the_trackers_of_purged_conversations_and_nothing_of_them_remains(
    client, database_url, tracker_store_url, monkeypatch, capsys
):
    old = start_conversation(client)
    recent = start_conversation(client)
    old_words, recent_words, orphan_words = (f"{name}-{uuid.uuid4().hex}" for name in ("old", "recent", "orphan"))
    for conversation, words in ((old, old_words), (recent, recent_words)):
        sent = client.post(f"/api/v1/conversations/{conversation['id']}/messages", json={"text": words},
                           headers={"Authorization": f"Bearer {conversation['token']}"})
        assert sent.status_code == 200, sent.text
    now = time.time()
    orphan = uuid.uuid4().hex  # a tracker the API does not know (e.g. `make shell`), long silent
    rasa_writes(tracker_store_url, [(old["id"], old_words, now), (recent["id"], recent_words, now),
                                    (orphan, orphan_words, now - 40 * 86400)])
    engine = create_engine(database_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE conversations SET last_activity_at = :at WHERE id = :id"),
                           {"at": "2020-01-01 00:00:00", "id": old["id"]})
    engine.dispose()
    before = dump_tracker_store(tracker_store_url)
    assert old_words in before and orphan_words in before and old["id"] in before

    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    settings = make_settings(database_url, tracker_store_url=tracker_store_url)
    assert admin_main(["purge"], settings) == 0
    assert "2 Rasa trackers" in capsys.readouterr().out

    rasa_rows, api_rows = dump_tracker_store(tracker_store_url), dump_database(database_url)
    for rows in (rasa_rows, api_rows):
        assert old["id"] not in rows and old_words not in rows
        assert recent["id"] in rows and recent_words in rows
    assert orphan not in rasa_rows and orphan_words not in rasa_rows


def test_purge_without_a_tracker_store_yet_creates_none(client, database_url, tmp_path):
    missing = tmp_path / "never-started" / "rasa_tracker.db"
    settings = make_settings(database_url, tracker_store_url=f"sqlite:///{missing}")
    assert admin_main(["purge"], settings) == 0
    assert not missing.exists()
