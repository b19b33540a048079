"""What the scaled tests do as visitors and counsellors, over real HTTP to a chosen worker."""

import httpx

PASSWORD = "een-lang-wachtwoord-voor-de-test"
WEDNESDAY_EVENING = "2026-11-25T19:30:00+01:00"  # Nupraatikerover.be is open
LOCK_LIFETIME = "15"  # as in scripts/run_scaled.sh: a killed instance's lock frees in 15 s, not 60
MESSAGE_RATE = 8  # per conversation and minute, shared by the two workers (HANDOFF_CONVERSATION_MESSAGE_RATE)
TIMEOUT = 120.0  # a turn can wait for a Rasa instance that is loading on a loaded machine


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def start(api: str, entry_point: str = "nupraatikerover") -> dict:
    response = httpx.post(f"{api}/api/v1/conversations", timeout=TIMEOUT,
                          json={"entry_point": entry_point, "simulated_now": WEDNESDAY_EVENING})
    assert response.status_code == 201, response.text
    return response.json()


def say(api: str, conversation: dict, text: str) -> httpx.Response:
    return httpx.post(f"{api}/api/v1/conversations/{conversation['id']}/messages", timeout=TIMEOUT,
                      json={"text": text, "simulated_now": WEDNESDAY_EVENING},
                      headers=bearer(conversation["token"]))


def transcript(api: str, conversation: dict) -> list[dict]:
    response = httpx.get(f"{api}/api/v1/conversations/{conversation['id']}/messages", timeout=TIMEOUT,
                         headers=bearer(conversation["token"]))
    assert response.status_code == 200, response.text
    return response.json()["messages"]


def is_a_way_forward(messages: list[dict]) -> bool:
    """The bot's answer, or the safe reply with the round-the-clock numbers."""
    return any(m["sender"] == "bot" or (m["sender"] == "system" and "112" in m["text"]) for m in messages)


def hand_off(stack, conversation: dict) -> None:
    """What the action server does when the visitor wants a person (the internal listener)."""
    response = httpx.post(f"{stack.internal_url}/internal/v1/handoffs", timeout=TIMEOUT,
                          headers={"X-Internal-Token": stack.internal_token}, json={
        "conversation_id": conversation["id"], "entry_point": "nupraatikerover",
        "labels": {name: {"value": value, "confidence": 0.9, "source": "classifier"} for name, value in (
            ("age_group", "minor"), ("theme", "psychological_violence"), ("role", "victim"), ("urgency", "none"))},
        "consent": True, "visitor_words": [], "qa": [], "details": {},
    })
    assert response.status_code == 201, response.text


def be_available(api: str, headers: dict) -> None:
    """The counsellor sets themselves available, as in the console (presence decides 'open')."""
    response = httpx.post(f"{api}/api/v1/counsellor/presence", json={"status": "available"},
                          headers=headers, timeout=TIMEOUT)
    assert response.status_code == 200, response.text


def login(api: str, username: str) -> dict:
    response = httpx.post(f"{api}/api/v1/counsellor/login", timeout=TIMEOUT,
                          json={"username": username, "password": PASSWORD})
    assert response.status_code == 200, response.text
    return bearer(response.json()["token"])
