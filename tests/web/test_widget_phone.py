"""The visitor's chat on a phone (issue 13, part 5), against the API alone (see conftest): the
share of the screen the conversation gets, the folded danger bar, the short introduction, the
on-screen keyboard, Shift three times, and what a screen reader hears of new messages."""

import json
import re

import httpx
from playwright.sync_api import expect

from conftest import ARTIFACTS, MONDAY_EVENING, NEUTRAL_HOST, shot
from helpers import (
    wait_until_left,
    bot_response,
    bot_says,
    conversation_of,
    ended_afterwards,
    open_chat,
    say,
    start_chat,
    storage_is_empty,
)

PHONE = {"viewport": {"width": 360, "height": 640}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
KEYBOARD_OPEN = {"width": 360, "height": 340}  # what a phone's on-screen keyboard leaves of 640
MIN_SHARE = 0.60

_SHARE_JS = """() => {
  const box = document.getElementById('conversation').getBoundingClientRect();
  const top = Math.max(0, box.top), bottom = Math.min(innerHeight, box.bottom);
  return (bottom - top) / innerHeight;
}"""


def share(page) -> float:
    """The part of the screen's height the conversation (the scrolling messages) takes."""
    return round(page.evaluate(_SHARE_JS), 3)


def offers(page, conversation_id: str, app) -> None:
    """What the bot says at a closed hour: the greeting, when it opens, and the offers."""
    greeting = bot_response("utter_greet", helpline_name="Nupraatikerover.be")
    closed = bot_response("utter_status_closed", helpline_name="Nupraatikerover.be", next_opening="vandaag om 19 uur")
    offer = bot_response("utter_offers")
    for response in (greeting, closed, offer):
        bot_says(app, conversation_id, response["text"], response["buttons"])
    expect(page.locator("#quick-replies button")).to_have_count(len(offer["buttons"]), timeout=15_000)


def in_view(page, selector: str) -> bool:
    return page.evaluate("""s => { const b = document.querySelector(s).getBoundingClientRect();
      return b.height > 0 && b.top >= 0 && b.bottom <= innerHeight + 0.5; }""", selector)


def test_at_360_by_640_the_conversation_gets_most_of_the_screen(light, new_context, ended_afterwards):
    page = new_context(**PHONE).new_page()
    open_chat(page, light.url, simulated_now=MONDAY_EVENING)
    shot(page, "phone-01-start")
    start_chat(page)
    conversation = conversation_of(page)
    ended_afterwards(conversation)
    offers(page, conversation["id"], light.app)
    figures = {"with_offers": share(page)}
    shot(page, "phone-02-offers-as-chips")

    # The offers are chips that wrap: rounded, as wide as their words, never past the screen.
    chips = page.locator("#quick-replies button")
    row = page.locator("#quick-replies")
    assert row.evaluate("e => getComputedStyle(e).flexWrap") == "wrap"
    row_width = row.bounding_box()["width"]
    for box in [chips.nth(i).bounding_box() for i in range(chips.count())]:
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360 and box["height"] >= 44
        assert box["width"] < row_width
    assert float(chips.first.evaluate("e => parseFloat(getComputedStyle(e).borderTopLeftRadius)")) >= 16

    say(page, "Ik wil mijn verhaal vertellen.")
    expect(page.locator("#messages li.msg-visitor[data-seq]")).to_have_count(1)
    light.hand_off(conversation["id"], "nupraatikerover", ["Ik wil mijn verhaal vertellen."])
    expect(page.locator("#queue-info")).to_contain_text("wachtrij", timeout=20_000)
    page.wait_for_timeout(300)
    status, area = page.locator("#queue-info").bounding_box(), page.locator("#conversation").bounding_box()
    assert status["y"] + status["height"] <= area["y"] + area["height"] + 1, "the queue status is in view"
    figures["queued"] = share(page)
    shot(page, "phone-03-queued")
    (ARTIFACTS / "phone-layout.json").write_text(json.dumps(figures, indent=2), encoding="utf-8")
    assert all(value >= MIN_SHARE for value in figures.values()), figures
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_the_danger_bar_folds_into_one_line_and_opens_with_one_tap(light, new_context):
    page = new_context(**PHONE).new_page()
    open_chat(page, light.url, simulated_now=MONDAY_EVENING)
    summary = page.locator("#help summary")
    expect(summary).to_contain_text("Andere nummers, dag en nacht")  # in full before the chat
    start_chat(page)
    expect(page.locator("body.help-folded")).to_have_count(1)
    expect(summary).to_have_text(re.compile(r"^In gevaar\? Bel 112 · meer nummers$"), use_inner_text=True)
    line = summary.evaluate("e => parseFloat(getComputedStyle(e).lineHeight)")
    assert summary.bounding_box()["height"] <= max(44, line + 20), "one line"
    assert page.locator("#help").get_attribute("open") is None
    summary.tap()
    expect(page.locator("#help-list a[href='tel:112']")).to_be_visible()
    expect(page.locator("#help-list a[href='tel:1813']")).to_be_visible()
    shot(page, "phone-04-danger-bar-open")
    summary.tap()
    expect(page.locator("#help-list")).to_be_hidden()


def test_the_introduction_stays_in_view_in_short(light, new_context, ended_afterwards):
    page = new_context(**PHONE).new_page()
    open_chat(page, light.url, simulated_now=MONDAY_EVENING)
    start_chat(page)
    conversation = conversation_of(page)
    ended_afterwards(conversation)
    for n in range(8):
        bot_says(light.app, conversation["id"], f"Bericht {n + 1}: " + "Dit is een langer bericht van de chatbot. " * 3)
    expect(page.locator("#messages li.msg-bot", has_text="Bericht 8")).to_be_visible(timeout=15_000)
    intro = page.locator("#intro-short")
    expect(intro).to_have_text("Chatbot, geen mens. Je bent anoniem.")
    assert in_view(page, "#intro-short")
    # The full introduction has scrolled away; the newest message is in view.
    assert page.locator("#messages li[data-seq]").first.evaluate(
        "e => e.getBoundingClientRect().bottom < document.getElementById('conversation').getBoundingClientRect().top")
    shot(page, "phone-05-short-introduction")
    # What it says stays true: with a counsellor it no longer speaks of a chatbot.
    light.hand_off(conversation["id"], "nupraatikerover", ["Ik ben bang."])
    expect(intro).to_have_text("Je wacht op een hulpverlener. Je bent anoniem.", timeout=20_000)


def test_the_page_works_with_the_on_screen_keyboard_open(light, new_context, ended_afterwards):
    page = new_context(**PHONE).new_page()
    open_chat(page, light.url, simulated_now=MONDAY_EVENING)
    start_chat(page)
    conversation = conversation_of(page)
    ended_afterwards(conversation)
    offers(page, conversation["id"], light.app)
    page.get_by_label("Je bericht").tap()
    page.set_viewport_size(KEYBOARD_OPEN)  # the keyboard takes the lower half
    page.wait_for_function("h => document.documentElement.style.getPropertyValue('--visible-height') === h", arg="340px")
    page.get_by_label("Je bericht").fill("Ik typ met het toetsenbord open")
    for selector in ("#quick-exit", "#help summary", "#message-input", "#send-button"):
        assert in_view(page, selector), selector
    assert page.evaluate("document.documentElement.scrollHeight") <= 340, "the page itself does not scroll"
    assert page.evaluate("document.getElementById('conversation').getBoundingClientRect().height") >= 80
    # The newest part of the conversation (the offers) stays in view above the keyboard.
    last = page.locator("#quick-replies button").last.bounding_box()
    conversation_box = page.locator("#conversation").bounding_box()
    assert last["y"] + last["height"] <= conversation_box["y"] + conversation_box["height"] + 1
    shot(page, "phone-06-keyboard-open")
    page.get_by_role("button", name="Verstuur").tap()
    expect(page.locator("#messages li.msg-visitor[data-seq]")).to_have_count(1)
    page.set_viewport_size(PHONE["viewport"])  # the keyboard closes
    page.wait_for_function("h => document.documentElement.style.getPropertyValue('--visible-height') === h", arg="640px")
    assert share(page) >= MIN_SHARE
    # A visitor who scrolled back to read is left there when the room changes again.
    page.locator("#conversation").evaluate("e => { e.scrollTop = 0; }")
    page.wait_for_timeout(200)
    page.set_viewport_size(KEYBOARD_OPEN)
    page.wait_for_function("h => document.documentElement.style.getPropertyValue('--visible-height') === h", arg="340px")
    page.wait_for_timeout(200)
    assert page.locator("#conversation").evaluate("e => e.scrollTop") == 0


def test_shift_three_times_leaves_the_page_like_escape(light, new_context, ended_afterwards):
    context = new_context()
    page = context.new_page()
    page.goto(light.url + "/healthz")
    open_chat(page, light.url, simulated_now=MONDAY_EVENING)
    start_chat(page)
    conversation = conversation_of(page)
    ended_afterwards(conversation)
    box = page.get_by_label("Je bericht")
    box.focus()
    # Capitals while typing, and two presses with a pause before the third, do not leave.
    for key in ("Shift+I", "k", " ", "Shift+B", "e", "n", " ", "Shift+B", "a", "n", "g"):
        page.keyboard.press(key)
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.wait_for_timeout(1200)
    page.keyboard.press("Shift")
    expect(box).to_have_value("Ik Ben Bang")
    assert "/chat/" in page.url
    for _ in range(3):
        page.keyboard.press("Shift")
    wait_until_left(page, NEUTRAL_HOST)
    page.go_back()
    page.wait_for_load_state()
    assert "/chat/" not in page.url, "Back must not return to the chat"
    assert storage_is_empty(page)
    assert context.cookies() == []
    state = httpx.get(f"{light.url}/api/v1/conversations/{conversation['id']}",
                      headers={"Authorization": f"Bearer {conversation['token']}"}).json()
    assert state["state"] == "closed"  # the socket and the conversation were ended too


# Installed before the page's own scripts run (readyState "interactive" comes before module scripts).
_RECORD_JS = """document.addEventListener('readystatechange', () => {
  if (document.readyState !== 'interactive') return;
  window.heard = [];
  new MutationObserver((records) => { for (const r of records) for (const n of r.addedNodes) window.heard.push(n.textContent); })
    .observe(document.getElementById('announcer'), { childList: true, subtree: true, characterData: true });
  window.statusChanges = 0;
  new MutationObserver(() => { window.statusChanges += 1; })
    .observe(document.getElementById('queue-info'), { childList: true, subtree: true, characterData: true });
});"""
_LIVE_JS = "() => [...document.querySelectorAll('[aria-live], [role=log], [role=status], [role=alert]')].map((e) => e.id)"


def test_each_new_message_is_announced_once(light, new_context, ended_afterwards):
    context = new_context()
    context.add_init_script(_RECORD_JS)
    page = context.new_page()
    open_chat(page, light.url, simulated_now=MONDAY_EVENING)
    live = page.evaluate(_LIVE_JS)  # every message goes through #announcer alone
    assert set(live) == {"hours", "connection", "queue-info", "announcer", "notice"}, live
    start_chat(page)
    conversation = conversation_of(page)
    ended_afterwards(conversation)
    bot_says(light.app, conversation["id"], "Ben je nu veilig?", [{"title": "Ja", "payload": "/affirm"}, {"title": "Nee", "payload": "/deny"}])
    expect(page.locator("#quick-replies button")).to_have_count(2, timeout=15_000)
    say(page, "Ja, nu wel.")  # shown at once, confirmed later: the visitor's own words are not read back
    expect(page.locator("#messages li.msg-visitor[data-seq]")).to_have_count(1)
    light.hand_off(conversation["id"], "nupraatikerover", ["Ja, nu wel."])
    expect(page.locator("#queue-info")).to_contain_text("wachtrij", timeout=20_000)
    changes = page.evaluate("window.statusChanges")
    page.wait_for_timeout(11_000)  # the queue place is asked again every 10 s
    assert page.evaluate("window.statusChanges") == changes, "an unchanged queue status is not said again"

    messages = page.evaluate("""() => [...document.querySelectorAll('#messages li[data-seq]')]
      .map((li) => ({ sender: li.className, text: li.querySelector('.message-text').textContent }))""")
    heard = page.evaluate("window.heard")
    for message in messages:  # the API's safe reply may come twice: then it is said twice
        times = sum(message["text"] in line for line in heard)
        expected = 0 if "msg-visitor" in message["sender"] else sum(m["text"] == message["text"] for m in messages)
        assert times == expected, (message, heard)
    assert len(heard) == sum("msg-visitor" not in m["sender"] for m in messages), heard
    assert any(line.endswith("Je kan kiezen: Ja, Nee.") for line in heard), heard

    page.reload()  # the history is shown again, not said again
    expect(page.locator("#messages li[data-seq]")).to_have_count(len(messages), timeout=15_000)
    bot_says(light.app, conversation["id"], "Een nieuw bericht na het herladen.")
    expect(page.locator("#messages li", has_text="Een nieuw bericht")).to_be_visible(timeout=15_000)
    page.wait_for_timeout(300)
    assert page.evaluate("window.heard") == ["Chatbot: Een nieuw bericht na het herladen."]
