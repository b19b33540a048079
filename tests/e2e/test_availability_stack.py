"""Issue 10's availability on the whole stack (real Rasa, actions, both API listeners on uvicorn):
open only with a counsellor there, busy when they are full, a queued visitor told when nobody
comes, and an extra opening added with `handoff-admin` honoured at once.

Veilig Thuis is staffed by no other whole-stack test, so its counsellors are these tests' own.
"""

import sqlite3
import time

import httpx
import pytest

from test_bot_flows import Chat, payloads, texts

MONDAY_MORNING = "2026-11-23T10:00:00+01:00"  # Veilig Thuis's hours (workdays 9-17)
SUNDAY_EVENING = "2026-11-22T20:00:00+01:00"  # Veilig Thuis closed (weekend)


@pytest.fixture
def api(stack):
    with httpx.Client(base_url=stack.api_url, timeout=90) as client:
        yield client


def availability(stack, chat: Chat) -> dict:
    answer = httpx.get(f"{stack.internal_url}/internal/v1/availability", timeout=30,
                       params={"entry_point": "veiligthuis", "conversation_id": chat.id},
                       headers={"X-Internal-Token": stack.internal_token})
    assert answer.status_code == 200, answer.text
    return answer.json()


def hand_off(stack, chat: Chat) -> dict:
    """What the action server posts after the visitor consents."""
    def label(value):
        return {"value": value, "confidence": 0.9, "source": "classifier"}

    body = {"conversation_id": chat.id, "entry_point": "veiligthuis",
            "labels": {"theme": label("physical_violence"), "age_group": label("adult"),
                       "role": label("victim"), "urgency": label("none")},
            "consent": True, "visitor_words": ["Mijn man slaat me."], "qa": [],
            "details": {"recent_sexual_assault": False}}
    answer = httpx.post(f"{stack.internal_url}/internal/v1/handoffs", json=body, timeout=30,
                        headers={"X-Internal-Token": stack.internal_token})
    assert answer.status_code == 201, answer.text
    return answer.json()


def test_inside_hours_with_nobody_available_the_bot_says_closed_and_gives_the_offers(stack, api):
    chat = Chat(api, "veiligthuis", MONDAY_MORNING)
    said = texts(chat.greeting)
    assert "nu open" not in said and "gesloten" in said, said
    assert {"/ask_email", "/ask_emergency_numbers"} <= set(payloads(chat.greeting)), chat.greeting
    answer = availability(stack, chat)
    assert (answer["status"], answer["reason"]) == ("closed", "nobody_on_duty")


def test_one_available_counsellor_with_one_chat_makes_it_busy(stack, api):
    vera = stack.on_duty("vt_vera", "veiligthuis")
    try:
        first = Chat(api, "veiligthuis", MONDAY_MORNING)
        assert "nu open" in texts(first.greeting), texts(first.greeting)
        assert hand_off(stack, first)["outcome"] == "queued"
        claimed = vera.client.post(f"/api/v1/counsellor/conversations/{first.id}/claim", headers=vera.headers)
        assert claimed.status_code == 200, claimed.text
        second = Chat(api, "veiligthuis", MONDAY_MORNING)
        said = texts(second.greeting)
        assert "alle hulpverleners zijn nu in gesprek" in said, said
        assert availability(stack, second)["status"] == "busy"
        assert api.post(f"/api/v1/conversations/{first.id}/end", headers=first.headers).status_code == 200
        assert api.post(f"/api/v1/conversations/{second.id}/end", headers=second.headers).status_code == 200
    finally:
        vera.stop()


def system_messages(api, chat: Chat) -> list[str]:
    answer = api.get(f"/api/v1/conversations/{chat.id}/messages", params={"after": 0}, headers=chat.headers)
    assert answer.status_code == 200, answer.text
    return [m["text"] for m in answer.json()["messages"] if m["sender"] == "system"]


def test_a_queued_visitor_whom_nobody_comes_to_is_told_and_keeps_their_place(stack, api):
    wim = stack.on_duty("vt_wim", "veiligthuis")
    chat = Chat(api, "veiligthuis", MONDAY_MORNING)
    try:
        assert hand_off(stack, chat)["outcome"] == "queued"
        wim.stop()  # offline: nobody on duty any more
        # Eleven minutes pass: on the visitor's clock (a message with a later simulated time) and
        # for the team's last presence (set back in the stack's database).
        with sqlite3.connect(stack.database_url.removeprefix("sqlite:///")) as db:
            db.execute("UPDATE counsellors SET last_available_at = '2026-01-01 00:00:00.000000' "
                       "WHERE helpline_id = 'veiligthuis'")
        said = api.post(f"/api/v1/conversations/{chat.id}/messages", headers=chat.headers,
                        json={"text": "Is er iemand?", "simulated_now": "2026-11-23T10:11:00+01:00"})
        assert said.status_code == 200, said.text
        deadline = time.monotonic() + 60  # the watch looks every second (HANDOFF_WAIT_CHECK_SECONDS)
        while time.monotonic() < deadline and not system_messages(api, chat):
            time.sleep(2)  # gently: the per-address rate limit counts these too
        [notice] = system_messages(api, chat)
        for fact in ("geen hulpverlener van Veilig Thuis vrij", "Je houdt je plaats", "0800-2000", "112"):
            assert fact in notice, notice
        assert "afspraak" not in notice  # Veilig Thuis has no appointments
        assert chat.state()["state"] == "queued" and chat.state()["queue_position"] == 1
    finally:
        wim.stop()
        api.post(f"/api/v1/conversations/{chat.id}/end", headers=chat.headers)  # out of the queue


def test_an_extra_opening_added_by_command_is_honoured_at_once(stack, api):
    xander = stack.on_duty("vt_xander", "veiligthuis")
    try:
        before = Chat(api, "veiligthuis", SUNDAY_EVENING)
        assert "gesloten" in texts(before.greeting), texts(before.greeting)
        assert availability(stack, before)["reason"] == "outside_hours"
        added = stack.admin("hours", "add-opening", "--helpline", "veiligthuis", "--date", "2026-11-22",
                            "--from", "19:00", "--to", "22:00", "--by", "e2e-operator")
        assert added.returncode == 0, added.stderr
        after = Chat(api, "veiligthuis", SUNDAY_EVENING)
        assert "nu open" in texts(after.greeting), texts(after.greeting)
        assert availability(stack, after)["closes_at"] == "2026-11-22T22:00:00+01:00"
        listed = stack.admin("hours", "list", "--helpline", "veiligthuis", "--all")
        assert "2026-11-22 open 19:00-22:00 (by e2e-operator" in listed.stdout, listed.stdout
        change_id = listed.stdout.split("#", 1)[1].split()[0]
        assert stack.admin("hours", "remove", change_id, "--by", "e2e-operator").returncode == 0
    finally:
        xander.stop()
