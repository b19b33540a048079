"""The relay's database work per visitor message: the message and its way to the bot (or the busy
reply) commit together, the bot's answer in a second commit; and SQLite's durability setting."""

import os
import signal
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from sqlalchemy import event, text

from handoff_api.conversations import relay_store
from handoff_api.db import make_engine

from .conftest import bearer, make_settings, start_conversation

REPO = Path(__file__).resolve().parents[2]


def _post(client, conversation: dict, text_: str, client_message_id: str):
    return client.post(f"/api/v1/conversations/{conversation['id']}/messages",
                       json={"text": text_, "client_message_id": client_message_id},
                       headers=bearer(conversation["token"]))


def _transcript(client, conversation: dict) -> list[dict]:
    response = client.get(f"/api/v1/conversations/{conversation['id']}/messages",
                          headers=bearer(conversation["token"]))
    assert response.status_code == 200
    return response.json()["messages"]


def test_a_visitor_message_costs_two_commits_the_message_with_its_relay_and_the_answer(client, app):
    conversation = start_conversation(client)
    commits = []
    listener = lambda session: commits.append(session)  # noqa: E731
    event.listen(app.state.session_factory, "after_commit", listener)
    try:
        response = _post(client, conversation, "Ik wil iets vertellen.", uuid.uuid4().hex)
    finally:
        event.remove(app.state.session_factory, "after_commit", listener)
    assert response.status_code == 200
    assert [m["sender"] for m in response.json()["messages"]] == ["bot"]
    assert len(commits) == 2


def test_a_process_dying_before_the_relay_is_stored_leaves_no_message_without_its_way_to_the_bot(
    client, monkeypatch
):
    """The message and its relay are one transaction: when the process fails in between, nothing
    is stored, and the widget's retry (the same client id) is stored once and answered."""
    conversation = start_conversation(client)
    client_id = uuid.uuid4().hex
    real_queue = relay_store._queue_for_bot

    def dies(*args, **kwargs):
        raise RuntimeError("the process died here")

    monkeypatch.setattr(relay_store, "_queue_for_bot", dies)
    assert _post(client, conversation, "Mijn vader slaat me.", client_id).status_code == 500
    assert [m["text"] for m in _transcript(client, conversation) if m["sender"] == "visitor"] == []

    monkeypatch.setattr(relay_store, "_queue_for_bot", real_queue)
    retried = _post(client, conversation, "Mijn vader slaat me.", client_id)
    assert retried.status_code == 200
    assert [m["sender"] for m in retried.json()["messages"]] == ["bot"]
    again = _post(client, conversation, "Mijn vader slaat me.", client_id)
    assert again.json()["messages"] == retried.json()["messages"]
    visitor_lines = [m["text"] for m in _transcript(client, conversation) if m["sender"] == "visitor"]
    assert visitor_lines == ["Mijn vader slaat me."]


@pytest.mark.parametrize(("setting", "pragma"), [("normal", 1), ("full", 2)])
def test_sqlite_synchronous_follows_the_setting_in_wal_mode(tmp_path, setting, pragma):
    engine = make_engine(f"sqlite:///{tmp_path / 'h.db'}", sqlite_synchronous=setting)
    try:
        with engine.connect() as connection:
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert connection.execute(text("PRAGMA synchronous")).scalar() == pragma
    finally:
        engine.dispose()


def test_an_unknown_sqlite_synchronous_is_refused(tmp_path):
    with pytest.raises(ValueError, match="synchronous"):
        make_engine(f"sqlite:///{tmp_path / 'h.db'}", sqlite_synchronous="off")


def test_the_apps_engine_takes_the_setting(tmp_path):
    from handoff_api.main import create_app

    for setting, pragma in (("full", 2), ("normal", 1)):
        app = create_app(make_settings(f"sqlite:///{tmp_path / (setting + '.db')}", sqlite_synchronous=setting))
        try:
            with app.state.engine.connect() as connection:
                assert connection.execute(text("PRAGMA synchronous")).scalar() == pragma
        finally:
            app.state.engine.dispose()


WRITER = """
import sys
from sqlalchemy import text
from handoff_api.db import make_engine
engine = make_engine(sys.argv[1], sqlite_synchronous=sys.argv[2])
with engine.connect() as connection:
    connection.execute(text("CREATE TABLE IF NOT EXISTS kept (id INTEGER PRIMARY KEY)"))
    connection.commit()
    for number in range(1, 1_000_000):
        connection.execute(text("INSERT INTO kept VALUES (:n)"), {"n": number})
        connection.commit()
        print(number, flush=True)
"""


@pytest.mark.parametrize("setting", ["normal", "full"])
def test_every_commit_a_killed_process_reported_is_still_there(tmp_path, setting):
    """kill -9 in the middle of a stream of commits: every commit the process had reported done
    (as the API answers a visitor only after its commit) is in the database afterwards."""
    url = f"sqlite:///{tmp_path / 'h.db'}"
    writer = subprocess.Popen([sys.executable, "-c", WRITER, url, setting], stdout=subprocess.PIPE,
                              text=True, env=os.environ | {"PYTHONPATH": str(REPO)})
    reported = 0
    for line in writer.stdout:
        reported = int(line)
        if reported >= 300:
            break
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=30)
    engine = make_engine(url, sqlite_synchronous=setting)
    try:
        with engine.connect() as connection:
            kept = connection.execute(text("SELECT count(*), max(id) FROM kept")).one()
    finally:
        engine.dispose()
    assert kept[0] == kept[1] >= reported



def _one_message_observed(client, app, conversation: dict, body: dict) -> tuple[list[str], list, dict]:
    """The SQL statements one message costs, and what the ORM had to insert at each flush."""
    statements, flushed_new = [], []
    on_statement = lambda conn, cursor, statement, *rest: statements.append(statement)  # noqa: E731
    on_flush = lambda session, context, instances: flushed_new.extend(session.new)  # noqa: E731
    event.listen(app.state.engine, "before_cursor_execute", on_statement)
    event.listen(app.state.session_factory, "before_flush", on_flush)
    try:
        response = client.post(f"/api/v1/conversations/{conversation['id']}/messages", json=body,
                               headers=bearer(conversation["token"]))
    finally:
        event.remove(app.state.engine, "before_cursor_execute", on_statement)
        event.remove(app.state.session_factory, "before_flush", on_flush)
    assert response.status_code == 200
    return statements, flushed_new, response.json()


def test_a_text_message_reads_no_buttons_and_inserts_without_the_orms_flush(client, app):
    """Plain text (no payload) skips the read of the bot's last buttons; the message, its relay
    and the answer are Core INSERTs: 13 statements a message on SQLite (14 before), BEGINs
    included, 12 on PostgreSQL, and no new object left for a flush."""
    conversation = start_conversation(client)
    statements, flushed_new, answer = _one_message_observed(
        client, app, conversation, {"text": "Ik wil iets vertellen.", "client_message_id": uuid.uuid4().hex})
    assert [m["sender"] for m in answer["messages"]] == ["bot"]
    assert not [s for s in statements if "messages.buttons" in s and "messages.sender = " in s]
    assert [s.split()[0] for s in statements].count("INSERT") == 3
    assert flushed_new == []
    # PostgreSQL: no BEGIN statements of ours, and the state read again under the row lock that
    # the message's UPDATE holds (relay_store.store_visitor_message).
    expected = 13 if app.state.engine.dialect.name == "sqlite" else 12
    assert len(statements) == expected, statements


def test_a_button_still_reads_what_the_bot_offered(client, app):
    conversation = start_conversation(client)  # the greeting offers "/start"
    statements, _, answer = _one_message_observed(
        client, app, conversation, {"text": "Start", "payload": "/start"})
    assert answer["messages"]
    assert [s for s in statements if "messages.buttons" in s and "messages.sender = " in s]
