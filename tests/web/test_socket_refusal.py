"""The pages stop retrying a socket the server refused, and say why in Dutch: on the close
codes (handoff_api/API.md) of an open socket, and on a refused handshake, which real uvicorn
answers with HTTP 403 (the browser sees only a lost connection, close code 1006)."""

import re
import secrets

import httpx
from playwright.sync_api import expect
from sqlalchemy import delete, update

from conftest import INTERNAL_TOKEN, MONDAY_EVENING, shot
from helpers import be_available, conversation_of, ended_afterwards, login_console, open_chat, queue_entry, say, start_chat

SUNDAY_NIGHT = "2026-11-22T23:30:00+01:00"
INTERNAL = {"X-Internal-Token": INTERNAL_TOKEN}
DESKTOP = {"width": 1280, "height": 900}
QUIET_MS = 8000  # the retries would come at 1, 2 and 4 s


def count_sockets(page) -> list:
    opened = []
    page.on("websocket", lambda socket: opened.append(socket.url))
    return opened


def test_the_chat_stops_when_check_in_elsewhere_replaces_the_token(light, new_context):
    page = new_context().new_page()
    opened = count_sockets(page)
    open_chat(page, light.url, simulated_now=SUNDAY_NIGHT)
    start_chat(page)
    conversation = conversation_of(page)
    slots = httpx.get(f"{light.internal_url}/internal/v1/appointments/slots", headers=INTERNAL, params={
        "entry_point": "nupraatikerover", "conversation_id": conversation["id"]}).json()["slots"]
    code = httpx.post(f"{light.internal_url}/internal/v1/appointments", headers=INTERNAL, json={
        "conversation_id": conversation["id"], "entry_point": "nupraatikerover",
        "start": slots[0]["start"]}).json()["code"]
    expect(page.locator(".code-box .code").first).to_have_text(code, timeout=15_000)  # written by the API
    back = httpx.post(f"{light.url}/api/v1/appointments/check-in",
                      json={"code": code, "simulated_now": slots[0]["start"]})
    assert back.status_code == 200, back.text

    expect(page.locator("#connection")).to_contain_text("gaat hier niet verder", timeout=10_000)
    expect(page.locator("#connection")).to_contain_text("112")
    expect(page.get_by_role("button", name="Nieuw gesprek starten")).to_be_visible()
    sockets = len(opened)
    page.wait_for_timeout(QUIET_MS)
    assert len(opened) == sockets, opened  # no retry
    expect(page.locator("#messages")).not_to_contain_text("Welkom terug")
    shot(page, "chat-09-socket-refused")
    # Out of the shared server's queue again (the 'other device' leaves).
    ended = httpx.post(f"{light.url}/api/v1/conversations/{back.json()['id']}/end",
                       headers={"Authorization": f"Bearer {back.json()['token']}"})
    assert ended.status_code == 200


def test_the_chat_stops_after_a_refused_handshake(light, new_context):
    from handoff_api.conversations.models import Conversation

    page = new_context().new_page()
    opened = count_sockets(page)
    open_chat(page, light.url)
    start_chat(page)
    conversation = conversation_of(page)
    light.stop()
    expect(page.locator("#connection")).to_contain_text("verbinding is even weg", timeout=15_000)
    with light.app.state.session_factory() as session:  # the token stops while the page is away
        session.execute(update(Conversation).where(Conversation.id == conversation["id"])
                        .values(token_hash="0" * 64))
        session.commit()
    light.start()
    expect(page.locator("#connection")).to_contain_text("gaat hier niet verder", timeout=30_000)
    sockets = len(opened)
    page.wait_for_timeout(QUIET_MS)
    assert len(opened) == sockets, opened


def test_the_console_stops_and_says_so_when_the_account_is_deactivated(light, new_context, ended_afterwards):
    from handoff_api.admin import main as admin_main

    password = secrets.token_urlsafe(12)
    light.create_counsellor("erik", "nupraatikerover", password)
    visitor = new_context().new_page()
    open_chat(visitor, light.url, simulated_now=MONDAY_EVENING)
    start_chat(visitor)
    say(visitor, "Ik wil met iemand praten.")
    conversation = conversation_of(visitor)
    ended_afterwards(conversation)  # back in the queue after the deactivation: not left for later tests
    light.hand_off(conversation["id"], "nupraatikerover", ["Ik wil met iemand praten."])

    console = new_context(viewport=DESKTOP).new_page()
    opened = count_sockets(console)
    login_console(console, light.url, "erik", password)
    be_available(console)
    queue_entry(console, conversation["id"]).click()
    console.get_by_role("button", name="Neem dit gesprek aan").click()
    expect(console.locator("#composer")).to_be_visible()
    assert admin_main(["deactivate", "--username", "erik"], light.app.state.settings) == 0

    # The socket's 4410 says why; the queue's next poll may be first, with a 401 that only
    # says the session ended (deactivation ends every session).
    expect(console.locator("#notice")).to_have_text(re.compile(
        "^(Je account is uitgeschakeld. Vraag je coördinator om meer uitleg."
        "|Je sessie is verlopen of beëindigd. Meld je opnieuw aan.)$"), timeout=10_000)
    expect(console.locator("#login")).to_be_visible()
    expect(console.locator("#workspace")).to_be_hidden()
    sockets = len(opened)
    console.wait_for_timeout(QUIET_MS)
    assert len(opened) == sockets, opened
    shot(console, "console-09-deactivated")


def test_the_console_stops_after_a_refused_handshake(light, new_context):
    from handoff_api.counsellors.models import CounsellorSession

    password = secrets.token_urlsafe(12)
    light.create_counsellor("fien", "nupraatikerover", password)
    visitor = new_context().new_page()
    open_chat(visitor, light.url, simulated_now=MONDAY_EVENING)
    start_chat(visitor)
    say(visitor, "Hallo?")
    conversation = conversation_of(visitor)
    light.hand_off(conversation["id"], "nupraatikerover", ["Hallo?"])

    console = new_context(viewport=DESKTOP).new_page()
    opened = count_sockets(console)
    login_console(console, light.url, "fien", password)
    queue_entry(console, conversation["id"]).click()
    expect(console.get_by_role("button", name="Neem dit gesprek aan")).to_be_visible()
    light.stop()
    expect(console.locator("#notice")).to_contain_text("Verbinding weg", timeout=15_000)
    with light.app.state.session_factory() as session:  # revoked while the console is away
        session.execute(delete(CounsellorSession))
        session.commit()
    light.start()
    expect(console.locator("#notice")).to_have_text(
        "Je sessie is verlopen of beëindigd. Meld je opnieuw aan.", timeout=30_000)
    expect(console.locator("#login")).to_be_visible()
    sockets = len(opened)
    console.wait_for_timeout(QUIET_MS)
    assert len(opened) == sockets, opened
