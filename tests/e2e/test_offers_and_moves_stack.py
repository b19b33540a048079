"""Say only what is true, on the whole stack (real Rasa with the trained model, actions, API):
offers that exist, moves explained, a briefing that claims no more than the bot asked."""

import secrets

import httpx
import pytest

from test_bot_flows import Chat, payloads, skip_questions_until_consent, texts

TUESDAY_3AM = "2026-11-24T03:00:00+01:00"
MONDAY_MORNING = "2026-11-23T10:00:00+01:00"  # 1712's (placeholder) hours; Nupraatikerover.be closed
SATURDAY = "2026-11-21T11:00:00+01:00"  # Veilig Thuis' chat is closed at the weekend


@pytest.fixture
def api(stack):
    with httpx.Client(base_url=stack.api_url, timeout=90) as client:
        yield client


def test_a_1712_visitor_at_three_at_night_gets_no_appointment_button(api):
    chat = Chat(api, "1712", TUESDAY_3AM)
    said = texts(chat.greeting)
    assert "gesloten" in said and "vandaag om 9 uur weer open" in said, said
    assert "/ask_appointment" not in payloads(chat.greeting), chat.greeting
    assert {"/ask_email", "/ask_emergency_numbers"} <= set(payloads(chat.greeting))
    asked = chat.say("kan ik een afspraak maken?")  # asked in words: told plainly, no slots
    assert "/choose_appointment" not in " ".join(payloads(asked)), asked
    assert "/ask_appointment" not in payloads(asked)


def test_veilig_thuis_closed_names_its_own_round_the_clock_line(api):
    chat = Chat(api, "veiligthuis", SATURDAY)
    said = texts(chat.greeting)
    assert "Je kan Veilig Thuis wel dag en nacht bellen op 0800-2000." in said, said
    assert "/ask_appointment" not in payloads(chat.greeting)


def test_the_re_route_is_said_in_one_sentence_and_the_briefing_tells_the_truth(stack, api):
    password = secrets.token_urlsafe(18)
    username = "moves_" + secrets.token_hex(4)
    duty = None
    if hasattr(stack, "on_duty"):  # where the stack knows presence: 1712 is open only with one on duty
        duty = stack.on_duty(username, "1712", password)
        counsellor = duty.headers
    else:
        stack.create_counsellor(username, "1712", password)
        login = api.post("/api/v1/counsellor/login", json={"username": username, "password": password})
        counsellor = {"Authorization": f"Bearer {login.json()['token']}"}
    try:
        _re_route_and_briefing(api, counsellor)
    finally:
        if duty is not None:
            duty.stop()


def _re_route_and_briefing(api, counsellor) -> None:
    chat = Chat(api, "nupraatikerover", MONDAY_MORNING)
    replies = chat.say("ik ben 15 en mijn stiefvader slaat mij als mijn moeder weg is")
    consent_question = skip_questions_until_consent(chat.say, replies)
    replies = chat.say("Ja, dat mag", "/affirm")
    said = texts(replies)
    assert (
        "Omdat de chat van Nupraatikerover.be nu gesloten is, zet ik je in de wachtrij van 1712, "
        "een hulplijn voor iedereen, jong en oud." in said
    ), said
    assert "wachtrij van 1712" in said

    detail = api.get(f"/api/v1/counsellor/conversations/{chat.id}", headers=counsellor).json()
    briefing = detail["briefing"]
    assert briefing["routing_reason"].startswith("Minderjarig (15 jaar). Nupraatikerover.be was gesloten"), briefing
    assert "_" not in briefing["routing_reason"]  # no internal codes
    bot_said = " ".join(m["text"] for m in detail["transcript"] if m["sender"] == "bot")
    for pair in briefing["qa"]:  # only questions the bot really asked
        assert pair["question"] in bot_said, (pair, bot_said)
    assert "Hoe oud ben je?" not in [pair["question"] for pair in briefing["qa"]]  # the story said 15
    age = briefing["age_group"]
    assert (age["value"], age["age"]) == ("minor", 15)
    assert age["source"] == "classifier" and 0 < age["confidence"] <= 1
    queue = api.get("/api/v1/counsellor/queue", headers=counsellor).json()["entries"]
    [card] = [entry for entry in queue if entry["conversation_id"] == chat.id]
    assert (card["helpline_name"], card["came_in_through"]) == ("1712", "Nupraatikerover.be")
    assert consent_question
    api.post(f"/api/v1/conversations/{chat.id}/end", headers=chat.headers)
