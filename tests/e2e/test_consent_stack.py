"""Consent on the whole stack (real Rasa, actions, API): a "no" leaves the counsellor's API
without one word the visitor wrote to the bot, a crisis too, until the visitor shows it."""

import json
import secrets

import httpx
import pytest
from websockets.sync.client import connect

from test_bot_flows import MONDAY_EVENING, Chat, skip_questions_until_consent, texts

STORY_WORDS = "mijn stiefbroer Kevin dwingt me elke week in de garage"
CRISIS = "ik wil niet meer leven, ik heb al pillen verzameld, zeg het niet aan Ruben"


@pytest.fixture
def api(stack):
    with httpx.Client(base_url=stack.api_url, timeout=90) as client:
        yield client


@pytest.fixture
def anna(stack, api):
    """A Nupraatikerover.be counsellor; where the stack knows presence, available at the console
    (only then is the helpline open)."""
    password = secrets.token_urlsafe(18)
    username = "consent_" + secrets.token_hex(4)
    if hasattr(stack, "on_duty"):
        duty = stack.on_duty(username, "nupraatikerover", password)
        yield duty.headers
        duty.stop()
        return
    stack.create_counsellor(username, "nupraatikerover", password)
    login = api.post("/api/v1/counsellor/login", json={"username": username, "password": password})
    assert login.status_code == 200, login.text
    yield {"Authorization": f"Bearer {login.json()['token']}"}


def replay(stack, conversation_id: str, headers: dict) -> list[dict]:
    """Everything the counsellor's socket replays from the start (`?after=0`)."""
    url = stack.api_url.replace("http://", "ws://") + f"/api/v1/counsellor/conversations/{conversation_id}/live?after=0"
    frames = []
    with connect(url, additional_headers=headers, open_timeout=30) as socket:
        while True:
            try:
                frames.append(json.loads(socket.recv(timeout=3)))
            except TimeoutError:
                return frames


def counsellor_reads(stack, api, headers, conversation_id) -> str:
    detail = api.get(f"/api/v1/counsellor/conversations/{conversation_id}", headers=headers).json()
    queue = api.get("/api/v1/counsellor/queue", headers=headers).json()
    emails = api.get("/api/v1/counsellor/email-requests", headers=headers).json()
    return json.dumps([detail, queue, emails, replay(stack, conversation_id, headers)], ensure_ascii=False)


def test_refused_consent_keeps_every_word_from_the_counsellor(stack, api, anna):
    chat = Chat(api, "nupraatikerover", MONDAY_EVENING)
    replies = chat.say(f"ik ben 15 en {STORY_WORDS}")
    skip_questions_until_consent(chat.say, replies)
    replies = chat.say("Nee, liever niet", "/deny")
    assert "niet door" in texts(replies) and "wachtrij" in texts(replies), texts(replies)

    read = counsellor_reads(stack, api, anna, chat.id)
    assert "Kevin" not in read and "garage" not in read
    detail = api.get(f"/api/v1/counsellor/conversations/{chat.id}", headers=anna).json()
    assert detail["briefing"]["story_shared"] is False
    assert "zelf te vertellen" in detail["briefing"]["told_themselves"]
    assert all(m["sender"] != "visitor" for m in detail["transcript"]), detail["transcript"]

    claimed = api.post(f"/api/v1/counsellor/conversations/{chat.id}/claim", headers=anna)
    assert claimed.status_code == 200, claimed.text
    assert "Kevin" not in claimed.text
    shown = api.post(f"/api/v1/conversations/{chat.id}/share-story", headers=chat.headers)
    assert shown.status_code == 200, shown.text
    detail = api.get(f"/api/v1/counsellor/conversations/{chat.id}", headers=anna).json()
    assert any(STORY_WORDS in words for words in detail["briefing"]["visitor_words"]), detail["briefing"]
    assert any(STORY_WORDS in m["text"] for m in replay(stack, chat.id, anna))


def test_a_crisis_without_consent_shows_only_the_urgency(stack, api, anna):
    chat = Chat(api, "nupraatikerover", MONDAY_EVENING)
    replies = chat.say(CRISIS)
    assert "1813" in texts(replies), texts(replies)
    replies = chat.say("Nee, liever niet", "/deny")
    assert "wachtrij" in texts(replies), texts(replies)
    queue = api.get("/api/v1/counsellor/queue", headers=anna).json()["entries"]
    [card] = [entry for entry in queue if entry["conversation_id"] == chat.id]
    assert card["urgency"] == "suicide_risk" and card["theme"] is None
    read = counsellor_reads(stack, api, anna, chat.id)
    assert "Ruben" not in read and "pillen verzameld" not in read
    briefing = api.get(f"/api/v1/counsellor/conversations/{chat.id}", headers=anna).json()["briefing"]
    assert briefing["urgency"]["value"] == "suicide_risk"
    api.post(f"/api/v1/conversations/{chat.id}/end", headers=chat.headers)
