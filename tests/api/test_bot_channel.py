"""The bot channel: only offered buttons reach Rasa as payloads, one booking per conversation,
and the API itself writes appointment and pick-up codes into the transcript."""

import re

from .conftest import INTERNAL, BotReply, bearer, start_conversation
from .test_concurrency import run_together

SUNDAY_NIGHT = "2026-11-22T23:30:00+01:00"  # every Flemish chat closed
CODE = re.compile(r"\b[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{2}\b")
CRISIS = '/crisis{"urgency":"acute_danger"}'


def post(client, conversation, text, payload=None):
    body = {"text": text} | ({"payload": payload} if payload is not None else {})
    response = client.post(
        f"/api/v1/conversations/{conversation['id']}/messages", json=body, headers=bearer(conversation["token"])
    )
    assert response.status_code == 200, response.text
    return response.json()["messages"]


def transcript(client, conversation) -> list[dict]:
    return client.get(
        f"/api/v1/conversations/{conversation['id']}/messages", headers=bearer(conversation["token"])
    ).json()["messages"]


def test_a_payload_the_bot_did_not_offer_goes_to_the_nlu_as_text(client, fake_rasa):
    conversation = start_conversation(client)  # the greeting offers only /start
    post(client, conversation, "Help", payload=CRISIS)
    post(client, conversation, CRISIS)  # typed, or posted by a script
    post(client, conversation, "  //restart")
    sent = fake_rasa.messages_for(conversation["id"])
    assert sent == ["/greet", "Help", 'crisis{"urgency":"acute_danger"}', "restart"]
    assert not any(message.startswith("/") for message in sent[1:])
    # The transcript keeps what the visitor saw and wrote.
    assert [m["text"] for m in transcript(client, conversation) if m["sender"] == "visitor"] == [
        "Help", CRISIS, "//restart"
    ]


def test_only_the_buttons_of_the_bots_last_message_count(client, fake_rasa):
    fake_rasa.script["/start"] = [BotReply("Hoe oud ben je?", [{"title": "Jonger dan 18", "payload": '/age{"age_group":"minor"}'}])]
    conversation = start_conversation(client)
    post(client, conversation, "Start", payload="/start")  # offered by the greeting
    post(client, conversation, "Jonger dan 18", payload='/age{"age_group":"minor"}')  # offered just now
    post(client, conversation, "Start", payload="/start")  # offered, but no longer the last buttons
    assert fake_rasa.messages_for(conversation["id"]) == [
        "/greet", "/start", '/age{"age_group":"minor"}', "Start"
    ]


def _book(client, conversation, start):
    return client.post(
        "/internal/v1/appointments",
        json={"conversation_id": conversation["id"], "entry_point": "nupraatikerover", "start": start},
        headers=INTERNAL,
    )


def _slots(client, conversation) -> list[str]:
    answer = client.get(
        "/internal/v1/appointments/slots",
        params={"entry_point": "nupraatikerover", "conversation_id": conversation["id"]},
        headers=INTERNAL,
    ).json()
    return [slot["start"] for slot in answer["slots"]]


def test_one_booking_per_conversation(client):
    conversation = start_conversation(client, simulated_now=SUNDAY_NIGHT)
    first, second = _slots(client, conversation)[:2]
    assert _book(client, conversation, first).status_code == 201
    again = _book(client, conversation, second)
    assert again.status_code == 409
    body = again.json()
    assert body["error"] == "appointment_already_booked"
    assert "al een afspraak" in body["message"]["nl"] and body["message"]["en"]
    assert second in _slots(client, conversation)  # the second slot stays free for others


def test_simultaneous_bookings_of_one_conversation_book_once(client):
    conversation = start_conversation(client, simulated_now=SUNDAY_NIGHT)
    starts = _slots(client, conversation)[:4]
    statuses = run_together([lambda s=s: _book(client, conversation, s).status_code for s in starts])
    assert sorted(statuses) == [201, 409, 409, 409]


def test_the_appointment_code_is_in_the_transcript_even_when_rasa_fails(client, fake_rasa):
    conversation = start_conversation(client, simulated_now=SUNDAY_NIGHT)
    start = _slots(client, conversation)[0]
    booked = {}

    def book_then_fail(sender, message):
        # The action server books, then Rasa fails before it answers (or answers too late).
        if message == "de eerste":
            booked["code"] = _book(client, conversation, start).json()["code"]
            fake_rasa.down = True

    fake_rasa.on_send = book_then_fail
    replies = post(client, conversation, "de eerste")
    code = booked["code"]
    assert [m["sender"] for m in replies] == ["system", "system"]  # the code, then the safe reply
    assert CODE.findall(replies[0]["text"]) == [code]
    assert "maandag 23 november om 19 uur" in replies[0]["text"]
    assert code in "\n".join(m["text"] for m in transcript(client, conversation))


def test_the_pickup_code_is_in_the_transcript_at_once(client):
    conversation = start_conversation(client, simulated_now=SUNDAY_NIGHT)
    filed = client.post(
        "/internal/v1/email-requests",
        json={"conversation_id": conversation["id"], "entry_point": "nupraatikerover",
              "message": "Kan iemand me later antwoorden?", "reply_to": None},
        headers=INTERNAL,
    )
    assert filed.status_code == 201, filed.text
    code = filed.json()["pickup_code"]
    last = transcript(client, conversation)[-1]
    assert last["sender"] == "system" and CODE.findall(last["text"]) == [code]
    with_address = client.post(
        "/internal/v1/email-requests",
        json={"conversation_id": conversation["id"], "entry_point": "nupraatikerover",
              "message": "Mail me terug.", "reply_to": "iemand@example.org"},
        headers=INTERNAL,
    )
    assert with_address.status_code == 201
    assert transcript(client, conversation)[-1] == last  # no code, no message, no address
