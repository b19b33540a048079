"""The visitor API: creating conversations, messages, tokens, limits and bad input."""

import hashlib

import pytest
from sqlalchemy import create_engine, text

from .conftest import bearer, start_conversation


def test_create_conversation_greets_through_rasa(client, fake_rasa):
    created = start_conversation(client, "nupraatikerover")
    assert created["state"] == "bot"
    assert fake_rasa.calls[0] == {
        "sender": created["id"],
        "message": "/greet",
        "entry_point": "nupraatikerover",
    }
    assert created["messages"][0]["sender"] == "bot"
    assert created["messages"][0]["buttons"] == [{"title": "Start", "payload": "/start"}]


def test_token_is_random_and_stored_only_hashed(client, database_url):
    first = start_conversation(client)
    second = start_conversation(client)
    assert len(first["token"]) >= 22 and first["token"] != second["token"]
    engine = create_engine(database_url)
    with engine.connect() as connection:
        stored = connection.execute(
            text("SELECT token_hash FROM conversations WHERE id = :id"), {"id": first["id"]}
        ).scalar_one()
    engine.dispose()
    assert first["token"] not in stored
    assert stored == hashlib.sha256(first["token"].encode()).hexdigest()


def test_every_visitor_call_needs_the_token(client):
    created = start_conversation(client)
    other = start_conversation(client)
    url = f"/api/v1/conversations/{created['id']}"
    assert client.get(url).status_code == 401
    assert client.get(url, headers=bearer(other["token"])).status_code == 401
    response = client.post(f"{url}/messages", json={"text": "hallo"}, headers=bearer("nope"))
    assert response.status_code == 401
    assert response.json()["message"]["nl"] and response.json()["message"]["en"]
    assert client.get(url, headers=bearer(created["token"])).status_code == 200


def test_message_goes_to_rasa_and_replies_come_back(client, fake_rasa):
    created = start_conversation(client)
    response = client.post(
        f"/api/v1/conversations/{created['id']}/messages",
        json={"text": "Start", "payload": "/start"},
        headers=bearer(created["token"]),
    )
    assert response.status_code == 200
    assert fake_rasa.messages_for(created["id"]) == ["/greet", "/start"]
    assert [m["text"] for m in response.json()["messages"]] == ["bot heard: /start"]
    history = client.get(
        f"/api/v1/conversations/{created['id']}/messages", headers=bearer(created["token"])
    ).json()["messages"]
    assert [(m["seq"], m["sender"], m["text"]) for m in history] == [
        (1, "bot", "Hoi! Ik ben de chatbot."),
        (2, "visitor", "Start"),
        (3, "bot", "bot heard: /start"),
    ]


def test_unknown_entry_point_is_refused_in_dutch_and_english(client, fake_rasa):
    response = client.post("/api/v1/conversations", json={"entry_point": "nergens"})
    assert response.status_code == 422
    body = response.json()
    assert body["error"] == "unknown_entry_point"
    assert "chatknop" in body["message"]["nl"] and body["message"]["en"]
    assert "112" in body["help"]
    assert fake_rasa.calls == []


@pytest.mark.parametrize(
    ("text", "code"),
    [("x" * 4001, "message_too_long"), ("", "message_empty"), ("   ", "message_empty")],
)
def test_bad_messages_are_refused_and_nothing_is_stored(client, fake_rasa, text, code):
    created = start_conversation(client)
    url = f"/api/v1/conversations/{created['id']}/messages"
    response = client.post(url, json={"text": text}, headers=bearer(created["token"]))
    assert response.status_code == 422
    assert response.json()["error"] == code
    assert text not in str(response.json()) or not text.strip()
    history = client.get(url, headers=bearer(created["token"])).json()["messages"]
    assert [m["sender"] for m in history] == ["bot"]
    assert fake_rasa.messages_for(created["id"]) == ["/greet"]


def test_a_message_of_exactly_4000_characters_is_accepted(client):
    created = start_conversation(client)
    response = client.post(
        f"/api/v1/conversations/{created['id']}/messages",
        json={"text": "a" * 4000},
        headers=bearer(created["token"]),
    )
    assert response.status_code == 200


def test_rasa_down_gives_the_safe_reply_and_keeps_the_message(client, fake_rasa):
    created = start_conversation(client, "nupraatikerover")
    fake_rasa.down = True
    response = client.post(
        f"/api/v1/conversations/{created['id']}/messages",
        json={"text": "Ik durf het niet te zeggen"},
        headers=bearer(created["token"]),
    )
    assert response.status_code == 200
    [reply] = response.json()["messages"]
    assert reply["sender"] == "system"
    for fact in ("112", "1813", "106", "info@nupraatikerover.be", "bewaard"):
        assert fact in reply["text"]
    history = client.get(
        f"/api/v1/conversations/{created['id']}/messages", headers=bearer(created["token"])
    ).json()["messages"]
    assert "Ik durf het niet te zeggen" in [m["text"] for m in history]


def test_rasa_down_at_creation_still_gives_a_conversation_and_a_next_step(client, fake_rasa):
    fake_rasa.down = True
    created = start_conversation(client, "veiligthuis")
    [reply] = created["messages"]
    assert reply["sender"] == "system"
    assert "112" in reply["text"] and "0800-2000" in reply["text"]


@pytest.mark.parametrize("settings_overrides", [{"conversation_message_rate": "3/minute"}])
def test_flood_in_one_conversation_gets_429(client, fake_rasa):
    created = start_conversation(client)
    url = f"/api/v1/conversations/{created['id']}/messages"
    statuses = [
        client.post(url, json={"text": f"bericht {i}"}, headers=bearer(created["token"])).status_code
        for i in range(5)
    ]
    assert statuses == [200, 200, 200, 429, 429]
    history = client.get(url, headers=bearer(created["token"])).json()["messages"]
    assert [m["text"] for m in history if m["sender"] == "visitor"] == [
        "bericht 0", "bericht 1", "bericht 2",
    ]


@pytest.mark.parametrize("settings_overrides", [{"address_rate": "4/minute"}])
def test_flood_from_one_address_gets_429_in_dutch_and_english(client):
    statuses = [
        client.post("/api/v1/conversations", json={"entry_point": "1712"}).status_code
        for _ in range(6)
    ]
    assert statuses[:4] == [201] * 4 and statuses[4:] == [429, 429]
    response = client.post("/api/v1/conversations", json={"entry_point": "1712"})
    assert response.json()["error"] == "rate_limited"
    assert response.json()["message"]["nl"].startswith("Je stuurt te veel")


def test_simulated_clock_is_refused_unless_allowed(database_url, fake_rasa):
    from fastapi.testclient import TestClient

    from handoff_api.conversations.rasa import RasaPool
    from handoff_api.main import create_app

    from .conftest import make_settings

    application = create_app(make_settings(database_url, allow_simulated_clock=False))
    application.state.rasa_pool = RasaPool([fake_rasa])
    with TestClient(application) as plain_client:
        response = plain_client.post(
            "/api/v1/conversations",
            json={"entry_point": "1712", "simulated_now": "2026-11-22T23:30:00+01:00"},
        )
    assert response.status_code == 422
    assert response.json()["error"] == "simulated_clock_disabled"


def test_simulated_clock_sets_the_conversation_time(client):
    created = start_conversation(client, simulated_now="2026-11-22T23:30:00+01:00")
    state = client.get(
        f"/api/v1/conversations/{created['id']}", headers=bearer(created["token"])
    ).json()
    assert state["now"].startswith("2026-11-22T23:3")
    assert state["helpline_status"] == "closed"
    assert state["next_opening"] == "2026-11-23T19:00:00+01:00"


def test_the_widget_can_show_hours_and_round_the_clock_numbers_before_starting(client):
    answer = client.get("/api/v1/entry-points/veiligthuis")
    assert answer.status_code == 200
    body = answer.json()
    assert body["helpline"]["name"] == "Veilig Thuis" and body["status"] in ("open", "busy", "closed")
    assert [p["number"] for p in body["round_the_clock"]] == ["112", "0800-2000"]
    assert client.get("/api/v1/entry-points/nergens").status_code == 404


def test_a_silent_bot_is_no_dead_end(client, fake_rasa):
    # Rasa answers 200 with no messages when its pipeline fails (seen with a stale model).
    original_post = fake_rasa._post

    async def silent_post(body):
        await original_post(body)
        return []

    fake_rasa._post = silent_post
    created = start_conversation(client, "nupraatikerover")
    [reply] = created["messages"]
    assert reply["sender"] == "system" and "112" in reply["text"]
    response = client.post(
        f"/api/v1/conversations/{created['id']}/messages",
        json={"text": "hallo?"},
        headers=bearer(created["token"]),
    )
    assert [m["sender"] for m in response.json()["messages"]] == ["system"]
