"""Only an available counsellor takes a visitor from the queue: on a break or offline, the claim
is refused (409, in Dutch) and nothing changes."""

import pytest
from sqlalchemy import create_engine, text

from .conftest import create_account, hand_off, login, make_available, start_conversation

WEDNESDAY_EVENING = "2026-11-25T19:30:00+01:00"  # Nupraatikerover.be's hours


@pytest.fixture
def team(client, database_url, monkeypatch) -> dict:
    """Bart is available (the chat is open); Anna is logged in and chooses for herself."""
    for username in ("npie_anna", "npie_bart"):
        create_account(database_url, monkeypatch, username, "nupraatikerover")
    team = {name: login(client, f"npie_{name}") for name in ("anna", "bart")}
    make_available(client, team["bart"])
    return team


def queued(client) -> str:
    conversation = start_conversation(client, "nupraatikerover", simulated_now=WEDNESDAY_EVENING)
    assert hand_off(client, conversation["id"], "nupraatikerover")["outcome"] == "queued"
    return conversation["id"]


def unchanged(client, headers, conversation_id, before) -> None:
    """Still in the queue, nobody in it, no notice for the visitor."""
    after = client.get(f"/api/v1/counsellor/conversations/{conversation_id}", headers=headers).json()
    assert (after["state"], after["participants"], after["transcript"]) == ("queued", [], before["transcript"])
    entries = client.get("/api/v1/counsellor/queue", headers=headers).json()["entries"]
    assert [e["conversation_id"] for e in entries] == [conversation_id]
    assert client.get("/api/v1/counsellor/conversations", headers=headers).json() == []
    assert client.get("/api/v1/counsellor/presence", headers=headers).json()["open_chats"] == 0


@pytest.mark.parametrize(
    ("status", "word"), [("pause", "op pauze"), ("offline", "op offline")]
)
def test_a_counsellor_on_a_break_or_offline_cannot_claim(client, team, status, word):
    anna = team["anna"]
    make_available(client, anna, status)
    conversation_id = queued(client)
    before = client.get(f"/api/v1/counsellor/conversations/{conversation_id}", headers=anna).json()

    refused = client.post(f"/api/v1/counsellor/conversations/{conversation_id}/claim", headers=anna)
    assert refused.status_code == 409
    body = refused.json()
    assert body["error"] == "not_available"
    assert body["message"]["nl"] == (
        f"Je staat {word}. Zet jezelf eerst op 'Beschikbaar' om een gesprek aan te nemen."
    )
    unchanged(client, anna, conversation_id, before)

    make_available(client, anna)  # her own choice opens it
    claimed = client.post(f"/api/v1/counsellor/conversations/{conversation_id}/claim", headers=anna)
    assert claimed.status_code == 200, claimed.text
    assert claimed.json()["state"] == "human"
    assert claimed.json()["participants"] == [{"name": "Anna", "role": "owner"}]


def test_a_console_that_fell_silent_cannot_claim(client, team, database_url):
    """Available once, but the heartbeat stopped (a closed console): offline, so no claim."""
    anna = team["anna"]
    make_available(client, anna)
    conversation_id = queued(client)
    before = client.get(f"/api/v1/counsellor/conversations/{conversation_id}", headers=anna).json()
    engine = create_engine(database_url)
    with engine.begin() as connection:
        connection.execute(text(
            "UPDATE counsellors SET presence_seen_at = presence_seen_at - INTERVAL '91 seconds' "
            "WHERE username = 'npie_anna'"
            if database_url.startswith("postgresql") else
            "UPDATE counsellors SET presence_seen_at = datetime(presence_seen_at, '-91 seconds') "
            "WHERE username = 'npie_anna'"
        ))
    engine.dispose()
    refused = client.post(f"/api/v1/counsellor/conversations/{conversation_id}/claim", headers=anna)
    assert (refused.status_code, refused.json()["error"]) == (409, "not_available")
    assert "op offline" in refused.json()["message"]["nl"]
    unchanged(client, anna, conversation_id, before)


def test_an_unknown_conversation_stays_404_and_a_taken_one_409_already_claimed(client, team):
    """The presence check does not hide the other answers from an available counsellor."""
    anna, bart = team["anna"], team["bart"]
    make_available(client, anna)
    assert client.post("/api/v1/counsellor/conversations/nope/claim", headers=anna).status_code == 404
    conversation_id = queued(client)
    assert client.post(f"/api/v1/counsellor/conversations/{conversation_id}/claim", headers=bart).status_code == 200
    taken = client.post(f"/api/v1/counsellor/conversations/{conversation_id}/claim", headers=anna)
    assert (taken.status_code, taken.json()["error"]) == (409, "already_claimed")
