"""Issue 5's end-to-end test over the REAL stack: Rasa with the trained model, the action
server and the API. A visitor opens the widget at an open hour, tells their story, consents
and is queued; a counsellor logs in on /console, reads the briefing with the visitor's own
words, claims, they chat both ways, and the counsellor closes with the registration form."""

import json
import re
import secrets
import time

from playwright.sync_api import expect

from conftest import ARTIFACTS, MONDAY_EVENING, OnDuty, shot
from helpers import conversation_of, login_console, open_chat, queue_entry, say

STORY = (
    "Mijn stiefvader komt 's nachts in mijn kamer en raakt me aan. "
    "Ik durf het niet aan mijn mama te zeggen. Ik ben 14."
)
CONSENT_QUESTION = "Mag ik wat je schreef doorgeven"
# Which quick reply a frightened but decided 14-year-old presses, first match wins.
PREFERRED = ('"age_group": "minor"', '"role": "victim"', '"theme": "sexual_violence"', "/skip")
BOT_SECONDS = 90_000


def wait_for_bot(page, before: int) -> None:
    """Until the bot has answered: more messages than `before`, and no typing indicator."""
    page.wait_for_function(
        "before => document.querySelectorAll('#messages li[data-seq]').length > before"
        " && document.getElementById('typing').hidden",
        arg=before, timeout=BOT_SECONDS,
    )


def count(page) -> int:
    return page.locator("#messages li[data-seq]").count()


def press(page, payload_part: str) -> bool:
    """Presses the quick reply whose payload contains `payload_part`, if there is one."""
    button = page.locator(f"#quick-replies button[data-payload*='{payload_part}']")
    if button.count() == 0:
        return False
    before = count(page)
    button.first.click()
    wait_for_bot(page, before)
    return True


def test_visitor_tells_consents_is_queued_and_a_counsellor_helps_and_closes(stack, new_context):
    password = secrets.token_urlsafe(16)
    stack.create_counsellor("eva", "nupraatikerover", password)
    eva_available = OnDuty(stack.api_url, "eva", password)  # so the chat is open: someone is there

    # --- the visitor, on a phone, Monday evening (Nupraatikerover.be is open) ---------------
    visitor_context = new_context()
    visitor = visitor_context.new_page()
    open_chat(visitor, stack.api_url, simulated_now=MONDAY_EVENING)
    timings = {}
    started = time.monotonic()
    visitor.get_by_role("button", name="Start de chat").click()
    wait_for_bot(visitor, 0)
    timings["start_to_greeting_s"] = round(time.monotonic() - started, 2)
    greeting = " ".join(visitor.locator("#messages li.msg-bot").all_text_contents())
    assert "nu open" in greeting and "112" in greeting, greeting
    shot(visitor, "e2e-01-greeting")

    before = count(visitor)
    started = time.monotonic()
    say(visitor, STORY)
    wait_for_bot(visitor, before)
    timings["story_to_bot_reply_s"] = round(time.monotonic() - started, 2)
    for _ in range(6):
        said = " ".join(visitor.locator("#messages li[data-seq]").all_text_contents())
        if CONSENT_QUESTION in said:
            break
        if not any(press(visitor, wanted) for wanted in PREFERRED):
            break
    shot(visitor, "e2e-02-consent-question")
    assert press(visitor, "/affirm"), "the consent question has a yes button"
    expect(visitor.locator("#messages")).to_contain_text("wachtrij")
    expect(visitor.locator("#queue-info")).to_contain_text("wachtrij", timeout=20_000)
    conversation = conversation_of(visitor)
    shot(visitor, "e2e-03-queued")

    # --- the counsellor, at her desk ------------------------------------------------------
    console_context = new_context(viewport={"width": 1280, "height": 900})
    console = console_context.new_page()
    login_console(console, stack.api_url, "eva", password)
    expect(console.locator("#presence")).to_have_value("available")  # the console shows her presence
    entry = queue_entry(console, conversation["id"])
    expect(entry).to_be_visible(timeout=15_000)
    entry.click()
    expect(console.locator("#briefing")).to_contain_text("Nupraatikerover.be")
    words = " ".join(console.locator("#briefing .words p").all_text_contents())
    assert "stiefvader komt 's nachts in mijn kamer" in words, words
    expect(console.locator("#briefing")).to_contain_text("Minderjarig")
    shot(console, "e2e-04-briefing")
    console.get_by_role("button", name="Neem dit gesprek aan").click()
    expect(visitor.locator("#messages")).to_contain_text("Je praat nu met Eva", timeout=15_000)

    # --- they chat both ways ----------------------------------------------------------------
    console.get_by_label("Je bericht aan de bezoeker").fill("Hoi, ik ben Eva. Ik las wat je schreef. Je bent hier veilig.")
    started = time.monotonic()
    console.get_by_role("button", name="Verstuur").click()
    expect(visitor.locator("#messages li.msg-counsellor")).to_contain_text("Ik las wat je schreef", timeout=15_000)
    timings["counsellor_to_visitor_s"] = round(time.monotonic() - started, 2)
    expect(visitor.locator("#messages li.msg-counsellor .who")).to_have_text("Eva (hulpverlener)")
    started = time.monotonic()
    say(visitor, "Hoi Eva. Ik ben wel bang.")
    expect(console.locator("#transcript li.t-visitor", has_text="Ik ben wel bang")).to_have_count(1, timeout=15_000)
    timings["visitor_to_counsellor_s"] = round(time.monotonic() - started, 2)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "e2e-timings.json").write_text(json.dumps(timings, indent=1), encoding="utf-8")
    expect(visitor.locator("#quick-replies button")).to_have_count(0)  # the bot is out of it now
    shot(visitor, "e2e-05-chatting-visitor")
    shot(console, "e2e-06-chatting-console")

    # --- the counsellor closes with the registration ---------------------------------------------
    console.get_by_text("Afsluiten en registreren").click()
    expect(console.get_by_label("Hoofdthema")).to_have_value("sexual_violence")
    expect(console.get_by_label("Leeftijd")).to_have_value("minor")
    console.get_by_role("button", name="Gesprek afsluiten").click()
    expect(console.locator("#cue")).to_have_text("Gesprek afgesloten en geregistreerd.")
    expect(visitor.get_by_role("button", name="Nieuw gesprek starten")).to_be_visible(timeout=20_000)
    expect(visitor.locator("#queue-info")).to_contain_text(re.compile("afgesloten"))
    shot(visitor, "e2e-07-closed-visitor")
    assert visitor_context.dialogs == [] and console_context.dialogs == []
    assert visitor_context.errors == [] and console_context.errors == []
    eva_available.stop()
