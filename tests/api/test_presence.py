"""Presence and the one availability view: open only with a counsellor really there."""

import logging

import pytest
from sqlalchemy import create_engine, event, text

from handoff_api.admin import main as admin_main
from handoff_api.conversations.unserved import check_waiting

from .conftest import (
    availability,
    availability_at,
    bearer,
    create_account,
    hand_off,
    labels,
    login,
    make_available,
    make_settings,
    on_duty,
    start_conversation,
)

WEDNESDAY_EVENING = "2026-11-25T19:30:00+01:00"  # Nupraatikerover.be's hours (1712 closed)
SUNDAY_EVENING = "2026-11-22T20:00:00+01:00"  # both closed


def sql(database_url, statement: str) -> None:
    engine = create_engine(database_url)
    with engine.begin() as connection:
        connection.execute(text(statement))
    engine.dispose()


@pytest.fixture
def anna(client, database_url, monkeypatch) -> dict:
    """A Nupraatikerover.be counsellor, logged in but not (yet) available."""
    create_account(database_url, monkeypatch, "npie_anna", "nupraatikerover")
    return login(client, "npie_anna")


def test_presence_is_set_and_read_by_the_counsellor(client, anna, database_url, monkeypatch):
    assert client.get("/api/v1/counsellor/presence", headers=anna).json() == {
        "status": "offline", "max_chats": 1, "open_chats": 0, "heartbeat_seconds": 30, "timeout_seconds": 90,
    }
    for status in ("available", "pause", "offline", "available"):
        assert make_available(client, anna, status)["status"] == status
        assert client.get("/api/v1/counsellor/presence", headers=anna).json()["status"] == status
    wrong = client.post("/api/v1/counsellor/presence", json={"status": "weg"}, headers=anna)
    assert wrong.status_code == 422
    assert client.post("/api/v1/counsellor/presence", json={"status": "available"}).status_code == 401
    create_account(database_url, monkeypatch, "npie_trainer", "nupraatikerover", "create-trainer")
    trainer = login(client, "npie_trainer")
    assert client.post("/api/v1/counsellor/presence", json={"status": "available"}, headers=trainer).status_code == 403


def test_inside_hours_nobody_available_is_closed_with_a_reason(client, anna):
    answer = availability_at(client, "nupraatikerover", WEDNESDAY_EVENING)
    assert (answer["status"], answer["reason"]) == ("closed", "nobody_on_duty")
    assert answer["next_opening"] == "2026-11-26T19:00:00+01:00"
    assert answer["status_sentence"] == (
        "Er is nu geen hulpverlener van Nupraatikerover.be vrij om te chatten. "
        "De chat gaat morgen om 19 uur weer open."
    )
    conversation = start_conversation(client, "nupraatikerover", simulated_now=WEDNESDAY_EVENING)
    outcome = hand_off(client, conversation["id"], "nupraatikerover")
    assert (outcome["outcome"], outcome["reason"]) == ("closed", "nobody_on_duty")  # no queue to nobody
    assert outcome["reopens_sentence"] == "De chat gaat morgen om 19 uur weer open."

    make_available(client, anna)
    answer = availability(client, "nupraatikerover", conversation["id"])
    assert (answer["status"], answer["reason"]) == ("open", None)
    assert answer["closes_text"] == "vandaag tot 22 uur"
    assert answer["status_sentence"] == "De chat van Nupraatikerover.be is nu open, vandaag tot 22 uur."
    make_available(client, anna, "pause")
    assert availability(client, "nupraatikerover", conversation["id"])["reason"] == "nobody_on_duty"


def test_the_public_entry_point_uses_the_same_view(client, anna):
    info = client.get("/api/v1/entry-points/nupraatikerover").json()
    assert info["status"] == "closed" and info["reason"] in ("outside_hours", "holiday", "nobody_on_duty")
    assert info["reopens_sentence"].startswith("De chat gaat ")


def test_one_available_counsellor_with_one_chat_is_busy(client, anna, database_url):
    make_available(client, anna)
    conversation = start_conversation(client, "nupraatikerover", simulated_now=WEDNESDAY_EVENING)
    assert hand_off(client, conversation["id"], "nupraatikerover")["outcome"] == "queued"
    claimed = client.post(f"/api/v1/counsellor/conversations/{conversation['id']}/claim", headers=anna)
    assert claimed.status_code == 200
    assert client.get("/api/v1/counsellor/presence", headers=anna).json()["open_chats"] == 1
    answer = availability(client, "nupraatikerover", conversation["id"])
    assert (answer["status"], answer["queue_length"]) == ("busy", 0)
    assert answer["expected_wait"] == {"min_minutes": 15, "max_minutes": 30, "text": "ongeveer 15 tot 30 minuten"}
    assert answer["waiting_sentence"] == "Er wacht nu niemand voor je."
    assert "0 mensen" not in answer["status_sentence"]
    # the operator lets her take two chats at once
    assert admin_main(["set-max-chats", "--username", "npie_anna", "--max", "2"], make_settings(database_url)) == 0
    assert availability(client, "nupraatikerover", conversation["id"])["status"] == "open"
    assert admin_main(["set-max-chats", "--username", "npie_anna", "--max", "0"], make_settings(database_url)) == 2
    assert admin_main(["set-max-chats", "--username", "nobody", "--max", "2"], make_settings(database_url)) == 2


def test_a_silent_console_is_offline_after_the_timeout(client, anna, database_url):
    make_available(client, anna)
    conversation = start_conversation(client, "nupraatikerover", simulated_now=WEDNESDAY_EVENING)
    assert client.post("/api/v1/counsellor/presence/heartbeat", headers=anna).json()["status"] == "available"
    assert availability(client, "nupraatikerover", conversation["id"])["status"] == "open"
    # 91 seconds without a heartbeat: the console was closed or lost its connection
    sql(database_url, "UPDATE counsellors SET presence_seen_at = presence_seen_at - INTERVAL '91 seconds'"
        if database_url.startswith("postgresql") else
        "UPDATE counsellors SET presence_seen_at = datetime(presence_seen_at, '-91 seconds')")
    assert availability(client, "nupraatikerover", conversation["id"])["reason"] == "nobody_on_duty"
    assert client.get("/api/v1/counsellor/presence", headers=anna).json()["status"] == "offline"
    # coming back does not make her available behind her back
    assert client.post("/api/v1/counsellor/presence/heartbeat", headers=anna).json()["status"] == "offline"
    assert availability(client, "nupraatikerover", conversation["id"])["status"] == "closed"


def test_logging_out_makes_the_counsellor_offline(client, anna):
    make_available(client, anna)
    conversation = start_conversation(client, "nupraatikerover", simulated_now=WEDNESDAY_EVENING)
    assert client.post("/api/v1/counsellor/logout", headers=anna).status_code == 204
    assert availability(client, "nupraatikerover", conversation["id"])["reason"] == "nobody_on_duty"


def test_a_1712_counsellor_opens_the_chat_na_seksueel_geweld_too(client, database_url, monkeypatch):
    monday = "2026-11-23T10:00:00+01:00"
    assert availability_at(client, "seksueelgeweld", monday)["reason"] == "nobody_on_duty"
    on_duty(client, database_url, monkeypatch, "1712")
    assert availability_at(client, "seksueelgeweld", monday)["status"] == "open"
    conversation = start_conversation(client, "seksueelgeweld", simulated_now=monday)
    hand_off(client, conversation["id"], "seksueelgeweld", labels=labels(age_group="adult"))
    # the one 1712 counsellor's place is taken by the queue of her team
    assert availability(client, "1712", conversation["id"])["status"] == "busy"


def test_expected_wait_comes_from_measured_handling_times(client, anna, database_url):
    make_available(client, anna)
    for _ in range(5):  # five chats of ten minutes, closed just now
        done = start_conversation(client, "nupraatikerover", simulated_now=WEDNESDAY_EVENING)
        hand_off(client, done["id"], "nupraatikerover")
        client.post(f"/api/v1/counsellor/conversations/{done['id']}/claim", headers=anna)
        closed = client.post(f"/api/v1/counsellor/conversations/{done['id']}/close", headers=anna, json={
            "main_theme": "sexual_violence", "role": "victim", "age_group": "minor", "first_contact": True,
        })
        assert closed.status_code == 200, closed.text
    shift = ("claimed_at - INTERVAL '10 minutes'" if database_url.startswith("postgresql")
             else "datetime(claimed_at, '-10 minutes')")
    sql(database_url, f"UPDATE conversations SET claimed_at = {shift} WHERE state = 'closed'")
    busy = start_conversation(client, "nupraatikerover", simulated_now=WEDNESDAY_EVENING)
    hand_off(client, busy["id"], "nupraatikerover")
    client.post(f"/api/v1/counsellor/conversations/{busy['id']}/claim", headers=anna)
    answer = availability(client, "nupraatikerover", busy["id"])
    assert answer["status"] == "busy"
    assert answer["expected_wait"] == {"min_minutes": 5, "max_minutes": 10, "text": "ongeveer 5 tot 10 minuten"}
    sql(database_url, "UPDATE counsellors SET max_chats = 1")
    short = ("closed_at - INTERVAL '7 minutes'" if database_url.startswith("postgresql")
             else "datetime(closed_at, '-7 minutes')")
    sql(database_url, f"UPDATE conversations SET claimed_at = {short} WHERE state = 'closed'")
    assert availability(client, "nupraatikerover", busy["id"])["expected_wait"]["text"] == "even geduld"


# --- nobody comes ---------------------------------------------------------------------------
def _check(app) -> int:
    state = app.state
    return check_waiting(state.session_factory, state.read_session_factory, state.catalog, state.settings)


def _later(database_url, minutes: int) -> None:
    """`minutes` pass: on the conversations' clocks, and for the counsellors' last presence."""
    if database_url.startswith("postgresql"):
        back = f"last_available_at - INTERVAL '{minutes} minutes'"
    else:
        back = f"datetime(last_available_at, '-{minutes} minutes')"
    sql(database_url, f"UPDATE conversations SET clock_offset_seconds = clock_offset_seconds + {minutes * 60}")
    sql(database_url, f"UPDATE counsellors SET last_available_at = {back} WHERE last_available_at IS NOT NULL")


def _system_texts(client, conversation) -> list[str]:
    detail = client.get(f"/api/v1/conversations/{conversation['id']}/messages?after=0",
                        headers=bearer(conversation["token"]))
    assert detail.status_code == 200, detail.text
    return [m["text"] for m in detail.json()["messages"] if m["sender"] == "system"]


def test_a_queued_visitor_is_told_when_nobody_comes(client, app, anna, database_url):
    make_available(client, anna)
    conversation = start_conversation(client, "nupraatikerover", simulated_now=WEDNESDAY_EVENING)
    assert hand_off(client, conversation["id"], "nupraatikerover")["outcome"] == "queued"
    make_available(client, anna, "pause")
    _later(database_url, 9)
    assert _check(app) == 0  # not ten minutes yet
    _later(database_url, 2)
    assert _check(app) == 1
    [notice] = _system_texts(client, conversation)
    for fact in ("geen hulpverlener van Nupraatikerover.be vrij", "Je houdt je plaats",
                 "info@nupraatikerover.be", "afspraak", "112", "1813"):
        assert fact in notice, notice
    assert _check(app) == 0  # told once
    state = client.get(f"/api/v1/conversations/{conversation['id']}", headers=bearer(conversation["token"])).json()
    assert (state["state"], state["queue_position"]) == ("queued", 1)


def _begun(app, call) -> tuple[object, list[str]]:
    """What `call` returns, and the transactions it began (SQLite: BEGIN IMMEDIATE takes the writers' lock)."""
    begun = []

    def note(_conn, _cursor, statement, *_args):
        if statement.startswith("BEGIN"):
            begun.append(statement)

    event.listen(app.state.engine, "before_cursor_execute", note)
    try:
        return call(), begun
    finally:
        event.remove(app.state.engine, "before_cursor_execute", note)


@pytest.mark.parametrize("settings_overrides", [{"database_lock_timeout_seconds": 1}])
def test_the_queue_check_reads_beside_the_writers(client, app, anna, database_url):
    """With 2,000 queued a pass took seconds: under the writers' lock, the counsellors' queue and
    every visitor's message waited for it (`make bench-queue`)."""
    if not database_url.startswith("sqlite"):
        pytest.skip("SQLite's writers' lock")
    make_available(client, anna)
    for _ in range(3):
        waiting = start_conversation(client, "nupraatikerover", simulated_now=WEDNESDAY_EVENING)
        hand_off(client, waiting["id"], "nupraatikerover")
    make_available(client, anna, "pause")
    writer = app.state.session_factory()
    writer.execute(text("UPDATE counsellors SET max_chats = max_chats"))  # holds the writers' lock
    try:
        told, begun = _begun(app, lambda: _check(app))  # nothing to tell yet: no write, no wait
    finally:
        writer.rollback()
        writer.close()
    assert (told, begun) == (0, ["BEGIN"])
    _later(database_url, 11)
    told, begun = _begun(app, lambda: _check(app))
    assert (told, begun) == (3, ["BEGIN"] + ["BEGIN IMMEDIATE"] * 3)  # the lock once per visitor told


def test_no_appointment_is_offered_where_the_helpline_has_none(client, app, database_url, monkeypatch):
    duty = on_duty(client, database_url, monkeypatch, "1712")
    conversation = start_conversation(client, "1712", simulated_now="2026-11-23T10:00:00+01:00")
    hand_off(client, conversation["id"], "1712", labels=labels(age_group="adult"))
    make_available(client, duty["1712"], "offline")
    _later(database_url, 11)
    assert _check(app) == 1
    [notice] = _system_texts(client, conversation)
    assert "afspraak" not in notice and "1712" in notice


def test_a_queued_visitor_is_told_when_the_chat_closes(client, app, anna, database_url):
    make_available(client, anna)
    conversation = start_conversation(client, "nupraatikerover", simulated_now="2026-11-25T21:58:00+01:00")
    assert hand_off(client, conversation["id"], "nupraatikerover")["outcome"] == "queued"
    assert _check(app) == 0
    _later(database_url, 3)  # 22:01: closed
    assert _check(app) == 1
    [notice] = _system_texts(client, conversation)
    assert "intussen gesloten" in notice and "morgen om 19 uur" in notice and "112" in notice
    assert _check(app) == 0
    reply = client.post(f"/api/v1/conversations/{conversation['id']}/messages", json={"text": "Hallo?"},
                        headers=bearer(conversation["token"]))
    assert reply.json()["messages"] == []  # not said twice


# --- operators' hours ----------------------------------------------------------------------
def admin(database_url, *argv) -> int:
    return admin_main(list(argv), make_settings(database_url))


def test_an_extra_opening_counts_at_once_and_is_logged(client, anna, database_url, capsys, caplog):
    caplog.set_level(logging.INFO, logger="handoff_api.helplines.changes")
    make_available(client, anna)
    assert availability_at(client, "nupraatikerover", SUNDAY_EVENING)["reason"] == "outside_hours"
    assert admin(database_url, "hours", "add-opening", "--helpline", "nupraatikerover", "--date", "2026-11-22",
                 "--from", "19:00", "--to", "22:00", "--by", "operator-olga") == 0
    answer = availability_at(client, "nupraatikerover", SUNDAY_EVENING)
    assert (answer["status"], answer["closes_at"]) == ("open", "2026-11-22T22:00:00+01:00")
    assert "made by operator-olga" in caplog.text
    capsys.readouterr()
    assert admin(database_url, "hours", "list", "--helpline", "nupraatikerover", "--all") == 0
    listed = capsys.readouterr().out
    assert "2026-11-22 open 19:00-22:00 (by operator-olga" in listed and "wo 14:00-22:00" in listed


def test_a_closed_day_and_a_holiday_give_their_reason(client, anna, database_url):
    make_available(client, anna)
    assert admin(database_url, "hours", "close", "--helpline", "nupraatikerover", "--date", "2026-11-25") == 0
    answer = availability_at(client, "nupraatikerover", WEDNESDAY_EVENING)
    assert (answer["status"], answer["reason"]) == ("closed", "extra_closure")
    assert answer["status_sentence"].startswith("De chat van Nupraatikerover.be is vandaag uitzonderlijk gesloten.")
    holiday = availability_at(client, "nupraatikerover", "2026-11-11T15:00:00+01:00")  # Armistice Day
    assert holiday["reason"] == "holiday"
    assert admin(database_url, "hours", "add-opening", "--helpline", "nupraatikerover", "--date", "2026-11-11",
                 "--from", "14:00", "--to", "18:00") == 0
    assert availability_at(client, "nupraatikerover", "2026-11-11T15:00:00+01:00")["status"] == "open"


def test_bad_hours_commands_are_refused(database_url, capsys):
    assert admin(database_url, "hours", "close", "--helpline", "nergens", "--date", "2026-11-25") == 2
    assert "unknown helpline 'nergens'" in capsys.readouterr().err
    assert admin(database_url, "hours", "remove", "999") == 2
    with pytest.raises(SystemExit):
        admin(database_url, "hours", "add-opening", "--helpline", "1712", "--date", "25-11-2026",
              "--from", "19:00", "--to", "22:00")
