"""The visitor's chat in a real browser, against the API alone (Rasa unreachable: the API's
safe reply stands in for the bot; hand-overs go through the real internal API)."""

import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest
from playwright.sync_api import expect

from conftest import MONDAY_EVENING, NEUTRAL_HOST, shot
from helpers import XSS, contrast_failures, conversation_of, open_chat, say, start_chat, storage_is_empty, wait_until_left


def test_pages_send_strict_security_headers(light):
    for path in ("/chat/nupraatikerover", "/console", "/static/chat.js", "/widget.js"):
        response = httpx.get(light.url + path)
        assert response.status_code == 200, path
        csp = response.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert response.headers["referrer-policy"] == "no-referrer"
        assert response.headers["x-content-type-options"] == "nosniff"
        assert "no-store" in response.headers["cache-control"] or path == "/widget.js"
        assert "set-cookie" not in response.headers
    assert "frame-ancestors 'none'" in httpx.get(light.url + "/console").headers["content-security-policy"]
    chat_csp = httpx.get(light.url + "/chat/nupraatikerover").headers["content-security-policy"]
    assert "frame-ancestors 'self' " + light.host_origin in chat_csp  # the helplines' own sites only
    assert httpx.get(light.url + "/chat/unknown").status_code == 404
    assert httpx.get(light.url + "/static/chat.html").status_code == 404


def test_quick_exit_button_replaces_the_page_and_leaves_nothing(light, new_context):
    context = new_context()
    page = context.new_page()
    page.goto(light.url + "/healthz")  # where the visitor was before the chat
    open_chat(page, light.url, simulated_now=MONDAY_EVENING)
    shot(page, "chat-01-start")
    start_chat(page)
    say(page, "Ik wil iets vertellen.")
    expect(page.locator("#messages li.msg-visitor[data-seq]")).to_have_count(1)
    conversation = conversation_of(page)
    shot(page, "chat-02-first-messages")

    page.get_by_role("link", name="Snel weg").click()
    wait_until_left(page, NEUTRAL_HOST)
    expect(page).to_have_title("Weerbericht")
    page.go_back()
    page.wait_for_load_state()
    assert "/chat/" not in page.url, "Back must not return to the chat"
    assert page.url.startswith(light.url + "/healthz")
    assert storage_is_empty(page)
    assert context.cookies() == []
    # The conversation was ended for the counsellor, and the old tab's token is gone.
    state = httpx.get(f"{light.url}/api/v1/conversations/{conversation['id']}",
                      headers={"Authorization": f"Bearer {conversation['token']}"}).json()
    assert state["state"] == "closed"
    assert context.errors == []


def test_escape_leaves_even_while_typing(light, new_context):
    context = new_context()
    page = context.new_page()
    page.goto(light.url + "/healthz")
    open_chat(page, light.url, simulated_now=MONDAY_EVENING)
    start_chat(page)
    page.get_by_label("Je bericht").fill("Hij komt eraan")
    page.get_by_label("Je bericht").press("Escape")
    wait_until_left(page, NEUTRAL_HOST)
    page.go_back()
    page.wait_for_load_state()
    assert "/chat/" not in page.url
    assert storage_is_empty(page)
    assert context.cookies() == []


def test_escape_before_starting_also_leaves(light, new_context):
    page = new_context().new_page()
    open_chat(page, light.url)
    page.keyboard.press("Escape")
    wait_until_left(page, NEUTRAL_HOST)


def test_the_start_screen_says_whether_the_chat_is_open_now(light, new_context):
    page = new_context().new_page()
    open_chat(page, light.url)  # the real clock: open, busy or closed with the next opening
    expect(page.locator("#hours")).to_have_text(re.compile(
        r"^(De chat van Nupraatikerover\.be is (nu open|nu gesloten|open, maar|vandaag)"
        r"|Er is nu geen hulpverlener van Nupraatikerover\.be vrij)"))
    if "nu open" not in page.locator("#hours").text_content():  # closed (or busy): when it opens
        expect(page.locator("#hours")).to_contain_text(
            re.compile(r"(De chat gaat (vandaag|morgen|\w+dag|\w+dag \d+ \w+) om \d+(\.\d\d)? uur weer open|druk|in gesprek)"))


def test_quick_exit_works_even_before_the_script_runs(light, new_context):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(f"{light.url}/chat/nupraatikerover")
    page.get_by_role("link", name="Snel weg").click()
    wait_until_left(page, NEUTRAL_HOST)


def test_a_visitor_message_with_html_is_shown_as_text(light, new_context):
    context = new_context()
    page = context.new_page()
    open_chat(page, light.url, simulated_now=MONDAY_EVENING)
    start_chat(page)
    say(page, XSS)
    mine = page.locator("#messages li.msg-visitor[data-seq] .message-text")
    expect(mine).to_have_text(XSS)
    assert page.locator("#messages img").count() == 0
    page.wait_for_timeout(300)
    assert context.dialogs == []
    shot(page, "chat-03-html-as-text")


def test_320_pixels_wide_without_sideways_scrolling(light, new_context):
    context = new_context(viewport={"width": 320, "height": 640}, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    open_chat(page, light.url, simulated_now=MONDAY_EVENING)
    shot(page, "chat-320-start")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    start_chat(page)
    say(page, "Mijn stiefvader komt 's nachts in mijn kamer. Ik weet niet wat ik moet doen. " * 2)
    expect(page.locator("#messages li.msg-visitor[data-seq]")).to_have_count(1)
    conversation = conversation_of(page)
    light.hand_off(conversation["id"], "nupraatikerover", ["Mijn stiefvader komt 's nachts in mijn kamer."])
    expect(page.locator("#queue-info")).to_contain_text("wachtrij", timeout=20_000)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    exit_box = page.get_by_role("link", name="Snel weg").bounding_box()
    assert exit_box["x"] + exit_box["width"] <= 320 and exit_box["height"] >= 44
    shot(page, "chat-320-queued")


def test_keyboard_and_screen_reader_basics(light, new_context):
    page = new_context().new_page()
    open_chat(page, light.url, simulated_now=MONDAY_EVENING)
    assert contrast_failures(page) == []  # WCAG AA on the start screen
    # Focus order: quick exit first, then the numbers, then starting the chat.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "quick-exit"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    page.keyboard.press("Enter")  # opens the numbers open day and night
    expect(page.locator("#help-list")).to_contain_text("112")
    expect(page.locator("#help-list a[href='tel:1813']")).to_be_visible()
    order = []
    for _ in range(6):
        page.keyboard.press("Tab")
        order.append(page.evaluate("document.activeElement.id || document.activeElement.textContent"))
    # the numbers' links, then the start button, then coming back with a code
    assert order[:5] == ["112", "1813", "106", "start-button", "code-input"], order
    page.locator("#start-button").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#messages li[data-seq]").first).to_be_visible(timeout=30_000)
    # The message box has a label and has the focus; new messages are said through a polite
    # live log, and the messages themselves are in a region the keyboard can reach and scroll.
    assert page.evaluate("document.activeElement.id") == "message-input"
    log = page.get_by_role("log", name="Nieuwe berichten", exact=True)
    expect(log).to_have_attribute("aria-live", "polite")
    expect(page.get_by_role("region", name="Berichten", exact=True)).to_have_attribute("tabindex", "0")
    expect(page.get_by_label("Je bericht")).to_be_visible()
    page.keyboard.type("Hallo")
    page.keyboard.press("Enter")  # Enter sends
    expect(page.locator("#messages li.msg-visitor[data-seq]")).to_have_text(re.compile("Hallo"))
    assert page.get_by_role("link", name="Snel weg").get_attribute("aria-keyshortcuts") == "Escape"
    # Quick replies are buttons in reach of the keyboard; once one is pressed the focus does
    # not fall back to the page but goes on to the message box.
    from handoff_api.conversations.service import append_message

    with light.app.state.session_factory() as session:
        append_message(session, conversation_of(page)["id"], "bot", "Ben je nu veilig?",
                       buttons=[{"title": "Ja", "payload": "/affirm"}, {"title": "Nee", "payload": "/deny"}])
        session.commit()
    yes = page.locator("#quick-replies button", has_text="Ja")
    expect(yes).to_be_visible(timeout=15_000)
    yes.focus()
    yes.evaluate("button => { button.dataset.focusedByTest = '1'; }")
    # The page asks the conversation's state again (after a reply, and every 10 s): the same
    # buttons stay, so a keyboard user's focus is not taken away under their finger.
    asked_state = re.compile(rf"/api/v1/conversations/{conversation_of(page)['id']}$")
    with page.expect_request_finished(lambda r: r.method == "GET" and asked_state.search(r.url), timeout=15_000):
        pass
    page.wait_for_timeout(300)  # the answer's handler runs after the response has arrived
    expect(page.locator("#quick-replies button[data-focused-by-test]")).to_be_focused()
    page.keyboard.press("Enter")
    # 15 s like the waits above: on a loaded machine the stored message can take a few seconds
    expect(page.locator("#messages li.msg-visitor[data-seq]", has_text="Ja")).to_have_count(1, timeout=15_000)
    expect(page.locator("#message-input")).to_be_focused()
    assert page.locator("html").get_attribute("lang") == "nl"


def test_reload_keeps_the_conversation_in_this_tab_only(light, new_context):
    context = new_context()
    page = context.new_page()
    open_chat(page, light.url, simulated_now=MONDAY_EVENING)
    start_chat(page)
    say(page, "Eerste bericht")
    expect(page.locator("#messages li.msg-visitor[data-seq]")).to_have_count(1)
    page.reload()
    expect(page.locator("#messages li.msg-visitor[data-seq]")).to_have_text(re.compile("Eerste bericht"))
    other = context.new_page()  # another tab starts from nothing
    open_chat(other, light.url)
    expect(other.get_by_role("button", name="Start de chat")).to_be_visible()
    assert other.evaluate("sessionStorage.length") == 0


@pytest.mark.parametrize("how", ["button", "escape", "shift", "shift-on-host-page"])
def test_embedded_with_one_script_tag_and_quick_exit_leaves_the_host_page(light, new_context, how):
    page_html = (
        "<!doctype html><html lang='nl'><title>Helplijn</title><body><h1>Welkom bij de helplijn</h1>"
        f"<script src='{light.url}/widget.js' data-entry-point='nupraatikerover'></script></body></html>"
    ).encode()

    class HostSite(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(page_html)

        def log_message(self, *args):
            pass

    port = int(light.host_origin.rsplit(":", 1)[1])
    site = ThreadingHTTPServer(("127.0.0.1", port), HostSite)
    threading.Thread(target=site.serve_forever, daemon=True).start()
    try:
        context = new_context()
        page = context.new_page()
        page.goto(light.host_origin + "/")
        page.get_by_role("button", name="Chat met ons").click()
        frame = page.frame_locator("iframe[title='Chat']")
        expect(frame.get_by_role("button", name="Start de chat")).to_be_visible()
        expect(frame.locator("body[data-ready='1']")).to_have_count(1)
        shot(page, f"embed-01-open-{how}")
        if how == "button":
            frame.get_by_role("link", name="Snel weg").click()
        elif how == "shift-on-host-page":  # the host page's own keys, the chat open beside
            page.get_by_role("button", name="Chat verbergen").focus()
            for _ in range(3):
                page.keyboard.press("Shift")
        else:  # Esc or Shift x3 inside the chat frame: the frame asks the host page to leave
            frame.get_by_role("button", name="Start de chat").focus()
            for key in ["Escape"] if how == "escape" else ["Shift"] * 3:
                page.keyboard.press(key)
        wait_until_left(page, NEUTRAL_HOST)
        page.go_back()  # the helpline's page was replaced too: Back does not return to it
        page.wait_for_load_state()
        assert not page.url.startswith(light.host_origin), page.url
        assert context.dialogs == []
    finally:
        site.shutdown()
        site.server_close()
