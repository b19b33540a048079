"""Issue 11 on the whole stack (real Rasa with its SQL tracker store, real actions, the API's two
real uvicorn listeners): no visitor text in any log in any failure, a Rasa restart and a session
expiry in the middle of a conversation, and the purge of every store.

One stack of its own (module scope): these tests stop, pause and restart Rasa.
"""

import json
import os
import re
import signal
import sqlite3
import subprocess
import time
import uuid
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from conftest import API_VENV, REPO, start_stack, stop_stack
from test_bot_flows import MONDAY_EVENING, SUNDAY_NIGHT, Chat, skip_questions_until_consent, texts
from test_visitor_scenario import CODE, Visitor, book_an_appointment

STORY = "er is iets bij ons thuis en ik weet niet goed wat ik moet doen"
RASA_TIMEOUT_SECONDS = 20  # the API's; Rasa is paused longer than this to make it "slow"


@pytest.fixture(scope="module")
def private_stack(tmp_path_factory):
    stack = start_stack(
        tmp_path_factory.mktemp("private-stack"),
        api_overrides={"HANDOFF_RASA_TIMEOUT_SECONDS": str(RASA_TIMEOUT_SECONDS)},
    )
    try:
        yield stack
    finally:
        stop_stack(stack)


@pytest.fixture(scope="module")
def npie_on_duty(private_stack):
    """An available Nupraatikerover.be counsellor: inside its hours the chat is open."""
    counsellor = private_stack.on_duty("privacy_duty", "nupraatikerover")
    yield counsellor
    counsellor.stop()


@pytest.fixture
def api(private_stack):
    with httpx.Client(base_url=private_stack.api_url, timeout=120) as client:
        yield client


def sqlite_path(url: str) -> str:
    return url.removeprefix("sqlite:///")


def every_row(url: str) -> str:
    """Every row of every table of a SQLite database, as text."""
    with sqlite3.connect(sqlite_path(url)) as db:
        tables = [name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return "\n".join(str(row) for table in tables for row in db.execute(f'SELECT * FROM "{table}"'))


def slots_of(tracker: dict) -> dict:
    return {name: value for name, value in tracker["slots"].items() if name != "session_started_metadata"}


# --- restart and session expiry -------------------------------------------------------------


def test_a_rasa_restart_mid_conversation_continues_it_where_it_was(private_stack, api, npie_on_duty):
    chat = Chat(api, "nupraatikerover", MONDAY_EVENING)
    question = chat.say(STORY)
    assert any("/skip" in b["payload"] for m in question for b in m.get("buttons", [])), texts(question)  # a question
    before = private_stack.rasa_tracker(chat.id)
    assert STORY in json.dumps(before["slots"]) and before["active_loop"].get("name")

    private_stack.stop_service("rasa")
    private_stack.start_service("rasa")

    after = private_stack.rasa_tracker(chat.id)
    assert slots_of(after) == slots_of(before)
    assert after["active_loop"] == before["active_loop"]
    assert len(after["events"]) >= len(before["events"])
    consent = skip_questions_until_consent(chat.say, chat.say("Dat zeg ik liever niet", "/skip"))
    assert "system" not in {m["sender"] for m in consent}
    handed_over = chat.say("Ja, dat mag", "/affirm")
    assert "wachtrij" in texts(handed_over), texts(handed_over)
    with sqlite3.connect(sqlite_path(private_stack.database_url)) as db:
        [(words,)] = db.execute("SELECT visitor_words FROM handoffs WHERE conversation_id = ?", (chat.id,))
    assert STORY in words  # what was said before the restart reaches the counsellor


def age_tracker(tracker_store_url: str, conversation_id: str, hours: float) -> None:
    """Moves every event of a conversation back in time, in Rasa's own store."""
    seconds = hours * 3600
    with sqlite3.connect(sqlite_path(tracker_store_url)) as db:
        rows = db.execute("SELECT id, data FROM events WHERE sender_id = ?", (conversation_id,)).fetchall()
        for row_id, data in rows:
            event = json.loads(data)
            event["timestamp"] -= seconds
            db.execute("UPDATE events SET timestamp = timestamp - ?, data = ? WHERE id = ?",
                       (seconds, json.dumps(event), row_id))


def test_a_conversation_resumes_after_the_session_expiry_with_its_slots(private_stack, api, npie_on_duty):
    chat = Chat(api, "nupraatikerover", MONDAY_EVENING)
    chat.say(STORY)
    before = private_stack.rasa_tracker(chat.id)
    age_tracker(private_stack.tracker_store_url, chat.id, hours=3)  # session_expiration_time: 120 min

    replies = chat.say("Dat zeg ik liever niet", "/skip")

    after = private_stack.rasa_tracker(chat.id)
    sessions = [e for e in after["events"] if e["event"] == "session_started"]
    assert len(sessions) == 2, [e["event"] for e in after["events"]]
    for name in ("visitor_words", "triage_labels", "entry_point"):
        assert after["slots"][name] == before["slots"][name], name
    assert "system" not in {m["sender"] for m in replies}, texts(replies)
    consent = skip_questions_until_consent(chat.say, replies)
    handed_over = chat.say("Ja, dat mag", "/affirm")
    assert "wachtrij" in texts(handed_over), texts(consent + handed_over)
    with sqlite3.connect(sqlite_path(private_stack.database_url)) as db:
        [(words,)] = db.execute("SELECT visitor_words FROM handoffs WHERE conversation_id = ?", (chat.id,))
    assert STORY in words


# --- no visitor text in any log ---------------------------------------------------------------


class Marked:
    """A unique marker, and an e-mail address that carries it."""

    def __init__(self) -> None:
        self.marker = "mrk" + uuid.uuid4().hex[:16]
        self.email = f"{self.marker}.geheim@voorbeeld.be"
        self.codes: list[str] = []

    def needles(self) -> list[str]:
        return [self.marker, self.email, *self.codes]


def add_failing_trigger(url: str, name: str, table: str, column: str, word: str) -> None:
    """A real database error for statements that store `word` (the rest goes on as usual)."""
    with sqlite3.connect(sqlite_path(url)) as db:
        db.execute(
            f"CREATE TRIGGER {name} BEFORE INSERT ON {table} WHEN NEW.{column} LIKE '%{word}%' "
            "BEGIN SELECT RAISE(ABORT, 'induced failure'); END"
        )


def drop_trigger(url: str, name: str) -> None:
    with sqlite3.connect(sqlite_path(url)) as db:
        db.execute(f"DROP TRIGGER IF EXISTS {name}")


def send(api, chat, body) -> httpx.Response:
    return api.post(f"/api/v1/conversations/{chat.id}/messages", json=body, headers=chat.headers)


def email_paths(api, marked: Marked) -> None:
    with_address = Chat(api, "nupraatikerover", SUNDAY_NIGHT)
    with_address.say("Ik wil mailen", "/ask_email")
    with_address.say(f"mijn broer slaat mij, {marked.marker} wat moet ik doen?")
    with_address.say("Ja", "/affirm")
    done = with_address.say(marked.email)
    assert marked.email.split("@")[1] in texts(done) or done, texts(done)
    anonymous = Chat(api, "nupraatikerover", SUNDAY_NIGHT)
    anonymous.say("Ik wil mailen", "/ask_email")
    anonymous.say(f"ik durf het niet thuis te zeggen {marked.marker}")
    answer = anonymous.say("Nee", "/deny")
    found = re.search(r"\b[A-Z2-9]{4}-[A-Z2-9]{4}(?:-[A-Z2-9]{2,4})?\b", texts(answer))
    assert found, texts(answer)
    marked.codes.append(found.group(0))


def appointment_path(api, marked: Marked) -> None:
    created = api.post("/api/v1/conversations", json={"entry_point": "nupraatikerover", "simulated_now": SUNDAY_NIGHT})
    visitor = Visitor(api, created.json())
    replies = visitor.say(f"Ik wil iets vertellen. {marked.marker}")
    replies += visitor.say(f"{STORY} {marked.marker}")
    code, _ = book_an_appointment(visitor, replies)
    marked.codes.append(code)


def rasa_slow(stack, api, marked: Marked) -> None:
    chat = Chat(api, "nupraatikerover", MONDAY_EVENING)
    rasa = stack.service("rasa").process
    os.killpg(rasa.pid, signal.SIGSTOP)
    try:
        replies = chat.say(f"is er iemand? {marked.marker} traag")
    finally:
        os.killpg(rasa.pid, signal.SIGCONT)
    assert [m["sender"] for m in replies] == ["system"], replies
    time.sleep(5)  # Rasa handles the late request now, after the API gave up


def rasa_down(stack, api, marked: Marked) -> None:
    chat = Chat(api, "nupraatikerover", MONDAY_EVENING)
    stack.stop_service("rasa")
    try:
        replies = chat.say(f"hallo {marked.marker} weg")
        assert [m["sender"] for m in replies] == ["system"], replies
    finally:
        stack.start_service("rasa")


def database_errors(stack, api, marked: Marked) -> None:
    # the public app: storing the visitor's message fails
    add_failing_trigger(stack.database_url, "fail_messages", "messages", "text", "dbfail")
    # the internal app: storing an e-mail request fails (the action server gets a 500)
    add_failing_trigger(stack.database_url, "fail_email", "email_requests", "message", "mailfail")
    # Rasa: saving the tracker fails (its REST channel logs the failure)
    add_failing_trigger(stack.tracker_store_url, "fail_events", "events", "data", "rasafail")
    try:
        chat = Chat(api, "nupraatikerover", MONDAY_EVENING)
        failed = send(api, chat, {"text": f"dbfail {marked.marker} {marked.email}"})
        assert failed.status_code == 500, failed.text
        assert marked.marker not in failed.text
        mail = Chat(api, "nupraatikerover", SUNDAY_NIGHT)
        mail.say("Ik wil mailen", "/ask_email")
        mail.say(f"ik wil iets vragen, mailfail {marked.marker}")
        mail.say("Ja", "/affirm")
        mail.say(marked.email)
        rasa_fail = Chat(api, "nupraatikerover", MONDAY_EVENING)
        replies = rasa_fail.say(f"rasafail {marked.marker}")
        assert replies, replies
    finally:
        drop_trigger(stack.database_url, "fail_messages")
        drop_trigger(stack.database_url, "fail_email")
        drop_trigger(stack.tracker_store_url, "fail_events")


def bad_payloads(stack, api, marked: Marked) -> None:
    chat = Chat(api, "nupraatikerover", MONDAY_EVENING)
    m = marked.marker
    assert send(api, chat, {"text": f"{m} " * 900}).status_code == 422
    assert send(api, chat, {"text": [m], "payload": {"x": m}}).status_code == 422
    raw = api.post(f"/api/v1/conversations/{chat.id}/messages", content=f'{{"text": "{m}',
                   headers=chat.headers | {"Content-Type": "application/json"})
    assert raw.status_code == 422
    for payload in (f'/inform{{"email_address": "{marked.email}"', f"/{m}", f'/tell_story{{"x": [{m}]}}'):
        response = send(api, chat, {"text": m, "payload": payload})
        assert response.status_code in (200, 422), response.text
    # Straight at Rasa and the action server, as a confused or hostile local process might.
    webhook = f"{stack.rasa_url}/webhooks/rest/webhook"
    assert httpx.post(webhook, json={"sender": m, "message": m}, timeout=60).status_code == 401
    authorised = {"Authorization": f"Bearer {stack.rasa_token}"}
    httpx.post(webhook, json={"sender": chat.id, "message": {"text": m}}, headers=authorised, timeout=60)
    httpx.post(webhook, content=f'{{"sender": "{chat.id}", "message": "{m}', headers=authorised, timeout=60)
    action = {"next_action": "action_submit_email", "sender_id": chat.id, "version": "3.6.21",
              "tracker": {"sender_id": chat.id, "slots": {"email_message": m, "email_address": marked.email}},
              "domain": {"slots": {"email_message": m}}}
    httpx.post(f"{stack.actions_url}/webhook", json=action, timeout=60)
    httpx.post(f"{stack.actions_url}/webhook", content=f'{{"tracker": "{m}', timeout=60)


def test_no_visitor_text_email_address_or_code_in_any_log_in_any_failure(private_stack, api):
    marked = Marked()
    email_paths(api, marked)
    appointment_path(api, marked)
    rasa_slow(private_stack, api, marked)
    rasa_down(private_stack, api, marked)
    database_errors(private_stack, api, marked)
    bad_payloads(private_stack, api, marked)
    time.sleep(2)  # let every service write out what it logs

    leaks = []
    for service in private_stack.services:
        for number, line in enumerate(service.log_text().splitlines(), 1):
            for needle in marked.needles():
                if needle.lower() in line.lower():
                    leaks.append(f"{service.name}.log:{number}: {needle!r} in {line[:600]}")
    assert marked.codes and not leaks, "\n".join(leaks[:40])


# --- purge ----------------------------------------------------------------------------------------


def test_purge_leaves_nothing_of_a_conversation_in_either_service(private_stack, api):
    marker = "prg" + uuid.uuid4().hex[:16]
    chat = Chat(api, "nupraatikerover", MONDAY_EVENING)
    chat.say(f"{STORY} {marker}")
    consent = skip_questions_until_consent(chat.say, chat.say("Dat zeg ik liever niet", "/skip"))
    chat.say("Ja, dat mag", "/affirm")
    assert consent and api.post(f"/api/v1/conversations/{chat.id}/end", headers=chat.headers).status_code == 200
    kept = Chat(api, "nupraatikerover", MONDAY_EVENING)  # recent: stays
    kept.say("hallo, ik wil iets vragen")
    assert chat.id in every_row(private_stack.tracker_store_url) and marker in every_row(private_stack.database_url)

    long_ago = (datetime.now(UTC) - timedelta(days=40)).strftime("%Y-%m-%d %H:%M:%S.%f")
    with sqlite3.connect(sqlite_path(private_stack.database_url)) as db:
        db.execute("UPDATE conversations SET last_activity_at = ? WHERE id = ?", (long_ago, chat.id))
    purged = subprocess.run([str(API_VENV / "handoff-admin"), "purge"], env=private_stack.api_env, cwd=REPO,
                            capture_output=True, text=True, timeout=120)
    assert purged.returncode == 0, purged.stderr
    assert "1 Rasa trackers" in purged.stdout, purged.stdout

    for url in (private_stack.database_url, private_stack.tracker_store_url):
        rows = every_row(url)
        assert chat.id not in rows and marker not in rows
        assert kept.id in rows


@pytest.fixture
def postgres_stack(tmp_path):
    """The whole stack on PostgreSQL: the API in one schema, Rasa's trackers in another."""
    base = os.environ.get("TEST_DATABASE_URL")
    if not base:
        pytest.skip("TEST_DATABASE_URL is not set")
    from sqlalchemy import create_engine, make_url, text

    suffix = uuid.uuid4().hex[:10]
    api_schema, rasa_schema = f"e2e_api_{suffix}", f"e2e_rasa_{suffix}"
    admin = create_engine(make_url(base))
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{api_schema}"'))
    database_url = make_url(base).update_query_dict({"options": f"-csearch_path={api_schema}"})
    tracker_url = make_url(base).update_query_dict({"schema": rasa_schema})
    stack = start_stack(tmp_path, database_url=database_url.render_as_string(hide_password=False),
                        tracker_store_url=tracker_url.render_as_string(hide_password=False))
    try:
        yield stack, admin, api_schema, rasa_schema
    finally:
        stop_stack(stack)
        with admin.begin() as connection:
            for schema in (api_schema, rasa_schema):
                connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


def every_row_in_schema(admin, schema: str) -> str:
    from sqlalchemy import inspect, text

    with admin.connect() as connection:
        tables = inspect(connection).get_table_names(schema=schema)
        return "\n".join(str(row) for table in tables
                         for row in connection.execute(text(f'SELECT * FROM "{schema}"."{table}"')))


def test_purge_on_postgresql_leaves_nothing_of_a_conversation_in_either_schema(postgres_stack):
    from sqlalchemy import text

    stack, admin, api_schema, rasa_schema = postgres_stack
    marker = "pgp" + uuid.uuid4().hex[:16]
    with httpx.Client(base_url=stack.api_url, timeout=120) as api:
        chat = Chat(api, "nupraatikerover", MONDAY_EVENING)
        chat.say(f"{STORY} {marker}")
        assert api.post(f"/api/v1/conversations/{chat.id}/end", headers=chat.headers).status_code == 200
        kept = Chat(api, "nupraatikerover", MONDAY_EVENING)
    assert marker in every_row_in_schema(admin, rasa_schema) and marker in every_row_in_schema(admin, api_schema)
    with admin.begin() as connection:
        connection.execute(text(f'UPDATE "{api_schema}".conversations SET last_activity_at = :at WHERE id = :id'),
                           {"at": datetime.now(UTC) - timedelta(days=40), "id": chat.id})
    purged = subprocess.run([str(API_VENV / "handoff-admin"), "purge"], env=stack.api_env, cwd=REPO,
                            capture_output=True, text=True, timeout=120)
    assert purged.returncode == 0, purged.stderr
    for schema in (api_schema, rasa_schema):
        rows = every_row_in_schema(admin, schema)
        assert chat.id not in rows and marker not in rows and kept.id in rows, schema
