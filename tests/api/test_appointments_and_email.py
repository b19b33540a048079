"""Out of hours: appointment slots and booking, e-mail requests over real SMTP."""

import socket
import time
from email import message_from_bytes

import pytest
from aiosmtpd.controller import Controller

from .conftest import INTERNAL, bearer, hand_off, start_conversation

SUNDAY_NIGHT = "2026-11-22T23:30:00+01:00"


def slots(client, conversation_id, entry_point="nupraatikerover", limit=5):
    response = client.get(
        "/internal/v1/appointments/slots",
        params={"entry_point": entry_point, "conversation_id": conversation_id, "limit": limit},
        headers=INTERNAL,
    )
    assert response.status_code == 200, response.text
    return response.json()


def book(client, conversation_id, start, entry_point="nupraatikerover"):
    return client.post(
        "/internal/v1/appointments",
        json={"conversation_id": conversation_id, "entry_point": entry_point, "start": start},
        headers=INTERNAL,
    )


def test_slots_follow_opening_hours(client):
    conversation = start_conversation(client, simulated_now=SUNDAY_NIGHT)
    answer = slots(client, conversation["id"], limit=5)
    assert answer["helpline"]["id"] == "nupraatikerover"
    assert answer["slots"] == [
        {"start": "2026-11-23T19:00:00+01:00", "end": "2026-11-23T19:45:00+01:00"},
        {"start": "2026-11-23T19:45:00+01:00", "end": "2026-11-23T20:30:00+01:00"},
        {"start": "2026-11-23T20:30:00+01:00", "end": "2026-11-23T21:15:00+01:00"},
        {"start": "2026-11-23T21:15:00+01:00", "end": "2026-11-23T22:00:00+01:00"},
        {"start": "2026-11-24T19:00:00+01:00", "end": "2026-11-24T19:45:00+01:00"},
    ]


def test_booking_gives_a_code_and_takes_the_slot(client):
    conversation = start_conversation(client, simulated_now=SUNDAY_NIGHT)
    first = slots(client, conversation["id"])["slots"][0]
    response = book(client, conversation["id"], first["start"])
    assert response.status_code == 201
    booked = response.json()
    assert booked["start"] == first["start"] and booked["end"] == first["end"]
    assert len(booked["code"].replace("-", "")) >= 8
    assert slots(client, conversation["id"])["slots"][0]["start"] != first["start"]
    other = start_conversation(client, simulated_now=SUNDAY_NIGHT)
    assert book(client, other["id"], first["start"]).status_code == 409


def test_booking_a_time_that_is_no_slot_is_409(client):
    conversation = start_conversation(client, simulated_now=SUNDAY_NIGHT)
    assert book(client, conversation["id"], "2026-11-23T03:00:00+01:00").status_code == 409


def test_helplines_without_appointments_offer_no_slots(client):
    conversation = start_conversation(client, "veiligthuis", simulated_now=SUNDAY_NIGHT)
    assert slots(client, conversation["id"], entry_point="veiligthuis")["slots"] == []


def test_slots_belong_to_the_helpline_whose_offers_apply(client):
    # A minor through 1712 on Sunday night gets Nupraatikerover.be's out-of-hours offers.
    conversation = start_conversation(client, "1712", simulated_now=SUNDAY_NIGHT)
    assert hand_off(client, conversation["id"], "1712")["outcome"] == "closed"
    answer = slots(client, conversation["id"], entry_point="1712")
    assert answer["helpline"]["id"] == "nupraatikerover" and answer["slots"]


class Mailbox:
    def __init__(self) -> None:
        self.messages: list = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, message_from_bytes(envelope.content)))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_server():
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller, mailbox
    controller.stop()


@pytest.fixture
def settings_overrides(request) -> dict:
    if "smtp_server" not in request.fixturenames:
        return {}
    controller, _ = request.getfixturevalue("smtp_server")
    return {"smtp_enabled": True, "smtp_host": "127.0.0.1", "smtp_port": controller.port}


def file_email(client, conversation_id, reply_to, message="Kan iemand mij mailen?"):
    response = client.post(
        "/internal/v1/email-requests",
        json={
            "conversation_id": conversation_id,
            "entry_point": "nupraatikerover",
            "message": message,
            "reply_to": reply_to,
        },
        headers=INTERNAL,
    )
    assert response.status_code == 201, response.text
    return response.json()


def wait_for(mailbox, count, seconds=5.0):
    deadline = time.monotonic() + seconds
    while len(mailbox.messages) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    return mailbox.messages


def test_email_request_is_sent_to_the_helpline_mailbox(client, smtp_server):
    _, mailbox = smtp_server
    conversation = start_conversation(client, simulated_now=SUNDAY_NIGHT)
    answer = file_email(client, conversation["id"], "jonas@example.org", "Wat moet ik doen?")
    assert answer == {"helpline": answer["helpline"], "pickup_code": None}
    [(recipients, mail)] = wait_for(mailbox, 1)
    assert recipients == ["info@nupraatikerover.be"]
    assert mail["Reply-To"] == "jonas@example.org"
    assert "Wat moet ik doen?" in mail.get_payload()


def test_email_request_without_address_gets_a_pickup_code_and_a_reply_later(
    client, smtp_server
):
    _, mailbox = smtp_server
    conversation = start_conversation(client, simulated_now=SUNDAY_NIGHT)
    answer = file_email(client, conversation["id"], None)
    code = answer["pickup_code"]
    assert code
    [(_, mail)] = wait_for(mailbox, 1)
    assert code not in mail.as_string()  # the code is the visitor's secret
    waiting = client.post("/api/v1/email-requests/pickup", json={"code": code})
    assert waiting.status_code == 200
    assert waiting.json()["status"] == "waiting" and waiting.json()["reply"] is None
    unknown = client.post("/api/v1/email-requests/pickup", json={"code": "AAAA-BBBB-CC"})
    assert unknown.status_code == 404


def test_email_request_is_kept_when_smtp_is_down(client):
    # smtp_enabled is off in the default test settings: nothing is sent, the request stays.
    conversation = start_conversation(client, simulated_now=SUNDAY_NIGHT)
    answer = file_email(client, conversation["id"], None)
    assert answer["pickup_code"]


def check_in(client, code, simulated_now):
    return client.post(
        "/api/v1/appointments/check-in", json={"code": code, "simulated_now": simulated_now}
    )


def test_coming_back_with_the_code_at_that_time_puts_the_conversation_first(client):
    waiting = start_conversation(client, "1712", simulated_now="2026-11-23T19:00:00+01:00")
    hand_off(client, waiting["id"], "1712")  # someone already waiting at Nupraatikerover.be
    conversation = start_conversation(client, simulated_now=SUNDAY_NIGHT)
    assert hand_off(client, conversation["id"], "nupraatikerover")["outcome"] == "closed"
    booked = book(client, conversation["id"], "2026-11-23T20:30:00+01:00").json()

    too_early = check_in(client, booked["code"], "2026-11-23T19:00:00+01:00")
    assert too_early.status_code == 409
    assert "maandag 23 november om 20.30 uur" in too_early.json()["message"]["nl"]

    back = check_in(client, booked["code"].lower(), "2026-11-23T20:29:00+01:00")
    assert back.status_code == 200, back.text
    body = back.json()
    assert body["id"] == conversation["id"]
    assert (body["state"], body["queue_position"]) == ("queued", 1)
    old = client.get(f"/api/v1/conversations/{conversation['id']}", headers=bearer(conversation["token"]))
    assert old.status_code == 401  # a new token was issued
    messages = client.get(
        f"/api/v1/conversations/{conversation['id']}/messages", headers=bearer(body["token"])
    ).json()["messages"]
    assert messages[-1]["sender"] == "system" and "plaats 1" in messages[-1]["text"]


def test_an_appointment_that_is_over_or_unknown_is_refused(client):
    conversation = start_conversation(client, simulated_now=SUNDAY_NIGHT)
    booked = book(client, conversation["id"], "2026-11-23T19:00:00+01:00").json()
    over = check_in(client, booked["code"], "2026-11-23T19:45:00+01:00")
    assert over.status_code == 410 and over.json()["error"] == "appointment_over"
    assert check_in(client, "ZZZZ-ZZZZ-ZZ", "2026-11-23T19:00:00+01:00").status_code == 404


def test_appointment_codes_are_stored_only_hashed(client, database_url):
    from sqlalchemy import create_engine, text

    conversation = start_conversation(client, simulated_now=SUNDAY_NIGHT)
    booked = book(client, conversation["id"], "2026-11-23T19:00:00+01:00").json()
    engine = create_engine(database_url)
    with engine.connect() as connection:
        dump = str(connection.execute(text("SELECT * FROM appointments")).all())
    engine.dispose()
    assert booked["code"].replace("-", "") not in dump and booked["code"] not in dump
