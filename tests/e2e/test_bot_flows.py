"""The assistant's flows end to end: real Rasa with the trained model, real actions, real API."""

import os
import secrets

import httpx
import pytest

from conftest import REPO, RASA_START_SECONDS, RASA_VENV, _start, _stop, _wait_until_answers, free_port

MONDAY_EVENING = "2026-11-23T20:00:00+01:00"  # Nupraatikerover.be is open
SUNDAY_NIGHT = "2026-11-22T23:30:00+01:00"  # everything Flemish is closed


def texts(messages: list[dict]) -> str:
    return "\n".join(m["text"] for m in messages)


def payloads(messages: list[dict]) -> list[str]:
    return [button["payload"] for m in messages for button in m.get("buttons", [])]


class Chat:
    def __init__(self, api: httpx.Client, entry_point: str, now: str) -> None:
        created = api.post("/api/v1/conversations", json={"entry_point": entry_point, "simulated_now": now})
        assert created.status_code == 201, created.text
        self.api = api
        self.id = created.json()["id"]
        self.headers = {"Authorization": f"Bearer {created.json()['token']}"}
        self.greeting = created.json()["messages"]

    def say(self, text: str, payload: str | None = None) -> list[dict]:
        body = {"text": text} | ({"payload": payload} if payload else {})
        answer = self.api.post(f"/api/v1/conversations/{self.id}/messages", json=body, headers=self.headers)
        assert answer.status_code == 200, answer.text
        return answer.json()["messages"]

    def state(self) -> dict:
        return self.api.get(f"/api/v1/conversations/{self.id}", headers=self.headers).json()


@pytest.fixture(scope="module")
def npie_on_duty(stack):
    """An available Nupraatikerover.be counsellor: inside its hours the chat is open."""
    counsellor = stack.on_duty("flows_duty", "nupraatikerover")
    yield counsellor
    counsellor.stop()


@pytest.fixture
def api(stack):
    with httpx.Client(base_url=stack.api_url, timeout=90) as client:
        yield client


def test_the_greeting_says_bot_anonymous_quick_exit_and_112_then_the_hours(api):
    chat = Chat(api, "nupraatikerover", SUNDAY_NIGHT)
    said = texts(chat.greeting)
    for words in ("chatbot", "geen mens", "anoniem", "Snel weg", "Esc", "112"):
        assert words in said, said
    assert "gesloten" in said and "morgen om 19 uur" in said, said
    assert {"/ask_email", "/ask_appointment", "/ask_emergency_numbers", "/want_to_tell"} <= set(
        payloads(chat.greeting)
    )


def test_crisis_in_the_middle_of_the_questions_comes_first_and_jumps_the_queue(api, npie_on_duty):
    chat = Chat(api, "nupraatikerover", MONDAY_EVENING)
    assert "nu open" in texts(chat.greeting)
    first = chat.say("er is iets bij ons thuis en ik weet niet goed wat ik moet doen")
    assert any("/skip" in p for p in payloads(first)), texts(first)  # a question, skippable

    crisis = chat.say("ik wil niet meer leven, ik heb al pillen verzameld")
    assert crisis[0]["text"].startswith("Goed dat je dit vertelt."), texts(crisis)  # one short acknowledgement
    assert "1813" in crisis[1]["text"], texts(crisis)  # then the line, before anything else
    assert "/affirm" in payloads(crisis)  # the consent question follows

    handed_over = chat.say("Ja, dat mag", "/affirm")
    assert "wachtrij" in texts(handed_over), texts(handed_over)
    state = chat.state()
    assert state["state"] == "queued", state
    assert chat.say("hallo?") == []  # the bot stays silent once handed over


CONSENT_QUESTION = "Mag ik wat je schreef doorgeven"


def skip_questions_until_consent(say, replies: list[dict]) -> list[dict]:
    """Skips the (at most three) triage questions, as a visitor may; returns the consent question."""
    for _ in range(3):
        if CONSENT_QUESTION in texts(replies):
            return replies
        replies = say("Dat zeg ik liever niet", "/skip")
    assert CONSENT_QUESTION in texts(replies), texts(replies)
    return replies


def test_consent_refused_is_respected(api, npie_on_duty):
    chat = Chat(api, "nupraatikerover", MONDAY_EVENING)
    replies = chat.say("ik ben 15 en mijn vader slaat mij en mijn broertje bijna elke avond")
    skip_questions_until_consent(chat.say, replies)
    replies = chat.say("Nee, liever niet", "/deny")
    assert "niet door" in texts(replies) and "wachtrij" in texts(replies), texts(replies)
    assert chat.state()["state"] == "queued"


NO_API_TOKEN = secrets.token_urlsafe(16)


@pytest.fixture(scope="module")
def rasa_without_api(tmp_path_factory):
    """Rasa and the action server, with the handoff API unreachable."""
    work = tmp_path_factory.mktemp("no-api")
    rasa_port, actions_port, dead_port = free_port(), free_port(), free_port()
    endpoints = work / "endpoints.yml"
    endpoints.write_text(f'action_endpoint:\n  url: "http://127.0.0.1:{actions_port}/webhook"\n', encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HANDOFF_", "RASA_AUTH_TOKEN"))}
    env |= {"RASA_TELEMETRY_ENABLED": "false", "SANIC_HOST": "127.0.0.1", "RASA_AUTH_TOKEN": NO_API_TOKEN,
            "HANDOFF_INTERNAL_URL": f"http://127.0.0.1:{dead_port}", "HANDOFF_INTERNAL_TOKEN": secrets.token_hex(8)}
    model = os.environ.get("HELPLINE_MODEL")
    if not model:
        pytest.skip("HELPLINE_MODEL is not set")
    actions = _start("actions-no-api", [str(RASA_VENV / "python"), "-m", "rasa_sdk", "--actions", "actions",
                                        "--port", str(actions_port)], env, work)
    rasa = _start("rasa-no-api", [str(RASA_VENV / "rasa"), "run", "--model", str(REPO / model), "--enable-api",
                                  "--auth-token", NO_API_TOKEN, "--endpoints", str(endpoints), "--credentials", str(REPO / "bot" / "credentials.yml"),
                                  "--interface", "127.0.0.1", "--port", str(rasa_port)], env, work)
    try:
        _wait_until_answers(actions, f"http://127.0.0.1:{actions_port}/health", 60)
        _wait_until_answers(rasa, f"http://127.0.0.1:{rasa_port}/status?token={NO_API_TOKEN}", RASA_START_SECONDS)
        yield f"http://127.0.0.1:{rasa_port}"
    finally:
        _stop(rasa)
        _stop(actions)


def rest(rasa_url: str, sender: str, message: str) -> list[dict]:
    answer = httpx.post(f"{rasa_url}/webhooks/rest/webhook", timeout=60,
                        headers={"Authorization": f"Bearer {NO_API_TOKEN}"},
                        json={"sender": sender, "message": message, "metadata": {"entry_point": "nupraatikerover"}})
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_api_unreachable_still_gives_the_numbers_and_the_email_address(rasa_without_api):
    greeting = texts(rest(rasa_without_api, "down-1", "/greet"))
    for words in ("info@nupraatikerover.be", "112", "1813", "106"):
        assert words in greeting, greeting

    replies = rest(rasa_without_api, "down-1", "mijn oom zit aan mij als we op bezoek gaan, ik ben 12")
    skip_questions_until_consent(lambda text, payload: rest(rasa_without_api, "down-1", payload), replies)
    replies = rest(rasa_without_api, "down-1", "/affirm")
    said = texts(replies)
    assert "lukt me nu niet" in said and "info@nupraatikerover.be" in said and "112" in said, said


def test_api_unreachable_crisis_still_answers_first(rasa_without_api):
    replies = rest(rasa_without_api, "down-2", "ik ga me vannacht van kant maken")
    assert replies[0]["text"].startswith("Goed dat je dit vertelt."), texts(replies)
    assert "1813" in replies[1]["text"], texts(replies)
