"""Codes a visitor notes down (appointment, e-mail pick-up) and coming back with them; the
console's transfer with a note; the simulated clock only where the server allows it."""

import secrets

import httpx
from fastapi.testclient import TestClient
from playwright.sync_api import expect

from conftest import INTERNAL_TOKEN, MONDAY_EVENING, NEUTRAL_HOST, shot
from helpers import api_claim, api_login, conversation_of, login_console, open_chat, queue_entry, start_chat, wait_until_left

SUNDAY_NIGHT = "2026-11-22T23:30:00+01:00"  # everything Flemish is closed
INTERNAL = {"X-Internal-Token": INTERNAL_TOKEN}


def bot_says(light, conversation_id: str, text: str) -> None:
    """A bot message, as Rasa's reply would be stored (the light server has no Rasa)."""
    from handoff_api.conversations.service import append_message

    with light.app.state.session_factory() as session:
        append_message(session, conversation_id, "bot", text)
        session.commit()


def test_appointment_code_is_shown_to_note_and_brings_the_visitor_back(light, new_context):
    context = new_context()
    page = context.new_page()
    open_chat(page, light.url, simulated_now=SUNDAY_NIGHT)
    start_chat(page)
    conversation = conversation_of(page)
    slots = httpx.get(f"{light.internal_url}/internal/v1/appointments/slots", headers=INTERNAL, params={
        "entry_point": "nupraatikerover", "conversation_id": conversation["id"]}).json()["slots"]
    booked = httpx.post(f"{light.internal_url}/internal/v1/appointments", headers=INTERNAL, json={
        "conversation_id": conversation["id"], "entry_point": "nupraatikerover", "start": slots[0]["start"]})
    assert booked.status_code == 201, booked.text
    code = booked.json()["code"]
    # The API wrote the code into the transcript itself; the bot's reply only refers to it.
    bot_says(light, conversation["id"], "Je afspraak staat vast. Je code staat in de melding hierboven.")
    box = page.locator(".code-box .code")
    expect(box).to_have_text(code, timeout=15_000)
    expect(page.locator(".code-box")).to_contain_text("Schrijf hem op")
    shot(page, "chat-07-appointment-code")

    page.keyboard.press("Escape")  # gone, nothing kept: only the code brings the visitor back
    wait_until_left(page, NEUTRAL_HOST)

    later = new_context().new_page()
    open_chat(later, light.url, simulated_now=slots[0]["start"])
    later.get_by_label("Je code").fill(code.lower().replace("-", ""))  # as typed on a phone
    later.get_by_role("button", name="Ga verder").click()
    expect(later.locator("#messages")).to_contain_text("Welkom terug", timeout=15_000)
    expect(later.locator("#messages")).to_contain_text(code)  # the earlier conversation is there
    expect(later.locator("#queue-info")).to_contain_text("plaats 1")
    shot(later, "chat-08-back-with-code")


def test_email_pickup_code_reads_the_answer(light, new_context):
    password = secrets.token_urlsafe(12)
    light.create_counsellor("dirk", "nupraatikerover", password)
    page = new_context().new_page()
    open_chat(page, light.url, simulated_now=SUNDAY_NIGHT)
    start_chat(page)
    conversation = conversation_of(page)
    filed = httpx.post(f"{light.internal_url}/internal/v1/email-requests", headers=INTERNAL, json={
        "conversation_id": conversation["id"], "entry_point": "nupraatikerover",
        "message": "Mag ik later nog eens schrijven? <b>dringend</b>", "reply_to": None})
    assert filed.status_code == 201, filed.text
    code = filed.json()["pickup_code"]
    dirk = api_login(light.url, "dirk", password)
    request_id = httpx.get(f"{light.url}/api/v1/counsellor/email-requests", headers=dirk).json()[0]["id"]
    answered = httpx.post(f"{light.url}/api/v1/counsellor/email-requests/{request_id}/answer",
                          headers=dirk, json={"text": "Natuurlijk. Je bent altijd welkom."})
    assert answered.status_code == 200, answered.text

    other = new_context().new_page()
    open_chat(other, light.url)
    other.get_by_label("Je code").fill(code)
    other.get_by_role("button", name="Ga verder").click()
    expect(other.locator("#pickup")).to_contain_text("Natuurlijk. Je bent altijd welkom.")
    expect(other.locator("#pickup")).to_contain_text("<b>dringend</b>")  # as text
    assert other.locator("#pickup b").count() == 0
    shot(other, "chat-09-email-pickup")


def test_transfer_with_a_note_read_by_the_other_helpline_before_claiming(light, new_context):
    password = secrets.token_urlsafe(12)
    light.create_counsellor("emma", "nupraatikerover", password)
    light.create_counsellor("frank", "1712", password)
    page = new_context().new_page()
    open_chat(page, light.url, simulated_now=MONDAY_EVENING)
    start_chat(page)
    conversation = conversation_of(page)
    light.hand_off(conversation["id"], "nupraatikerover", ["Mijn ex bedreigt me. Ik ben 17."],
                   theme="psychological_violence")

    emma = api_login(light.url, "emma", password)
    claimed = api_claim(light.url, emma, conversation["id"])
    assert claimed.status_code == 200, claimed.text
    console = new_context(viewport={"width": 1280, "height": 900}).new_page()
    login_console(console, light.url, "emma", password)
    # The open conversation is not in the queue any more: open it through the API's id.
    console.evaluate(
        "id => { const s = JSON.parse(sessionStorage.getItem('console')); s.open = id;"
        " sessionStorage.setItem('console', JSON.stringify(s)); }", conversation["id"])
    console.reload()
    console.get_by_text("Doorverwijzen (push) met een notitie").click()
    console.get_by_label("Naar hulplijn").select_option("1712")
    console.get_by_label("Notitie voor je collega (de bezoeker ziet ze niet)").fill(
        "17 jaar, ex bedreigt haar. Wil graag met 1712 praten.")
    console.get_by_role("button", name="Doorverwijzen").click()
    expect(console.locator("#cue")).to_contain_text("Doorverwezen")

    other = new_context(viewport={"width": 1280, "height": 900}).new_page()
    login_console(other, light.url, "frank", password)
    entry = queue_entry(other, conversation["id"])
    expect(entry).to_contain_text("Doorverwezen", timeout=15_000)
    entry.click()
    expect(other.locator("#briefing .note")).to_have_text("17 jaar, ex bedreigt haar. Wil graag met 1712 praten.")
    shot(other, "console-06-transfer-note")
    expect(page.locator("#messages")).not_to_contain_text("ex bedreigt haar")  # never to the visitor


def test_the_simulated_clock_parameter_is_honoured_only_when_the_server_allows_it(tmp_path):
    from handoff_api.config import Settings
    from handoff_api.main import create_app

    for allowed in (False, True):
        settings = Settings(_env_file=None, database_url=f"sqlite:///{tmp_path / f'{allowed}.db'}",
                            env="test", allow_simulated_clock=allowed,
                            code_secret_file=tmp_path / "code_secret.key")
        with TestClient(create_app(settings)) as client:
            html = client.get("/chat/nupraatikerover").text
        assert f'data-simulated-clock="{int(allowed)}"' in html
