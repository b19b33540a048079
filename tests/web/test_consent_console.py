"""A visitor's "no" in the console (Chromium), and the chat's control that opens the story."""

import secrets

from playwright.sync_api import expect

from conftest import MONDAY_EVENING
from helpers import be_available, conversation_of, login_console, open_chat, queue_entry, say, start_chat

DESKTOP = {"width": 1280, "height": 900}
STORY = "Mijn buurman Jos volgt me elke dag naar school."


def test_refused_consent_hides_the_story_until_the_visitor_shows_it(light, new_context):
    password = secrets.token_urlsafe(12)
    light.create_counsellor("femke", "nupraatikerover", password)
    visitor_context = new_context()
    visitor = visitor_context.new_page()
    open_chat(visitor, light.url, simulated_now=MONDAY_EVENING)
    start_chat(visitor)
    say(visitor, STORY)
    expect(visitor.locator("#messages li.msg-visitor[data-seq]")).to_have_count(1)
    conversation = conversation_of(visitor)
    light.hand_off(conversation["id"], "nupraatikerover", [STORY], consent=False)

    console_context = new_context(viewport=DESKTOP)
    console = console_context.new_page()
    login_console(console, light.url, "femke", password)
    be_available(console)
    queue_entry(console, conversation["id"]).click()
    expect(console.locator("#briefing .words")).to_contain_text("koos ervoor om het zelf te vertellen")
    console.get_by_role("button", name="Neem dit gesprek aan").click()
    expect(console.locator("#transcript li.t-system").first).to_contain_text("kreeg die niet te lezen")
    assert "Jos" not in console.locator("#briefing").inner_text()
    assert "Seksueel geweld" not in console.locator("#briefing").inner_text()  # no label either
    assert "Jos" not in console.locator("#transcript").inner_text()

    share = visitor.get_by_role("button", name="Toon wat ik aan de chatbot vertelde")
    expect(share).to_be_visible(timeout=15_000)  # with the counsellor (the state is asked every 10 s)
    share.click()
    expect(share).to_be_hidden()
    expect(visitor.locator("#messages li.msg-system").last).to_contain_text("kan het nu lezen")
    expect(console.locator("#briefing .words p").first).to_have_text(STORY, timeout=15_000)
    expect(console.locator("#briefing")).to_contain_text("Seksueel geweld")  # the labels, as a yes in time
    expect(console.locator("#transcript li.t-visitor .message-text").first).to_have_text(STORY)
    assert visitor_context.errors == [] and console_context.errors == []
