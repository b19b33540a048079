"""axe-core on every state of the visitor's chat and of the console (issue 13, part 6): no
serious or critical violation. The trainers' page: tests/api/test_trainers_page_browser.py.
A screenshot of each state goes to tests/artifacts/web/ (a11y-*.png)."""

import secrets

from playwright.sync_api import expect

from axe import axe_violations
from conftest import MONDAY_EVENING, shot
from helpers import (
    bot_response,
    bot_says,
    conversation_of,
    ended_afterwards,
    be_available,
    login_console,
    open_chat,
    queue_entry,
    say,
    start_chat,
)

PHONE = {"width": 360, "height": 640}
DESKTOP = {"width": 1280, "height": 900}
TUESDAY_NIGHT = "2026-11-24T03:00:00+01:00"  # every helpline's chat is closed


def no_violations(page, name: str) -> None:
    shot(page, f"a11y-{name}")
    assert axe_violations(page) == [], name


def test_the_chat_has_no_serious_violation_in_any_state(light, new_context, ended_afterwards):
    page = new_context(viewport=PHONE, bypass_csp=True).new_page()
    open_chat(page, light.url, simulated_now=MONDAY_EVENING)
    no_violations(page, "chat-start")

    start_chat(page)
    conversation = conversation_of(page)
    ended_afterwards(conversation)
    question = bot_response("utter_offers")
    bot_says(light.app, conversation["id"], "Hoi, ik ben de chatbot van Nupraatikerover.be. Ik ben een computerprogramma, geen mens.")
    bot_says(light.app, conversation["id"], question["text"], question["buttons"])
    expect(page.locator("#quick-replies button")).to_have_count(len(question["buttons"]), timeout=15_000)
    no_violations(page, "chat-conversation-with-buttons")
    page.locator("#help summary").click()  # the danger bar opened
    expect(page.locator("#help-list")).to_be_visible()
    no_violations(page, "chat-danger-bar-open")
    page.locator("#help summary").click()

    say(page, "Mijn stiefvader slaat me.")
    expect(page.locator("#messages li.msg-visitor[data-seq]")).to_have_count(1)
    light.hand_off(conversation["id"], "nupraatikerover", ["Mijn stiefvader slaat me."])
    expect(page.locator("#queue-info")).to_contain_text("wachtrij", timeout=20_000)
    no_violations(page, "chat-queued")

    page.get_by_role("button", name="Gesprek stoppen").click()
    page.get_by_role("button", name="Zeker? Klik nog eens om te stoppen").click()
    expect(page.get_by_role("button", name="Nieuw gesprek starten")).to_be_visible(timeout=15_000)
    no_violations(page, "chat-ended")


def test_the_chat_at_a_closed_hour_and_after_an_error_has_no_serious_violation(light, new_context, ended_afterwards):
    page = new_context(viewport=PHONE, bypass_csp=True).new_page()
    open_chat(page, light.url, simulated_now=TUESDAY_NIGHT)
    start_chat(page)
    conversation = conversation_of(page)
    ended_afterwards(conversation)
    for response in (
        bot_response("utter_greet", helpline_name="Nupraatikerover.be"),
        bot_response("utter_status_closed", helpline_name="Nupraatikerover.be", next_opening="vandaag om 19 uur"),
        bot_response("utter_offers"),
    ):
        bot_says(light.app, conversation["id"], response["text"], response["buttons"])
    expect(page.locator("#quick-replies button")).to_have_count(len(response["buttons"]), timeout=15_000)
    no_violations(page, "chat-closed-hours")

    # The API cannot be reached: the visitor gets a clear error, and the numbers stay in reach.
    error_page = new_context(viewport=PHONE, bypass_csp=True).new_page()
    open_chat(error_page, light.url, simulated_now=MONDAY_EVENING)
    error_page.route("**/api/v1/conversations", lambda route: route.abort())
    error_page.get_by_role("button", name="Start de chat").click()
    expect(error_page.locator("#notice")).to_contain_text("Geen verbinding")
    no_violations(error_page, "chat-error")


def test_the_console_has_no_serious_violation_in_any_state(light, new_context, ended_afterwards):
    password = secrets.token_urlsafe(12)
    light.create_counsellor("axel", "nupraatikerover", password)
    console_context = new_context(viewport=DESKTOP, bypass_csp=True)
    console_context.add_init_script(_RECORD_JS)
    console = console_context.new_page()
    console.goto(f"{light.url}/console")
    expect(console.locator("body[data-ready='1']")).to_have_count(1)
    no_violations(console, "console-login")
    login_console(console, light.url, "axel", password)
    be_available(console)

    visitor = new_context().new_page()
    open_chat(visitor, light.url, simulated_now=MONDAY_EVENING)
    start_chat(visitor)
    say(visitor, "Ik word thuis geslagen.")
    expect(visitor.locator("#messages li.msg-visitor[data-seq]")).to_have_count(1)
    conversation = conversation_of(visitor)
    ended_afterwards(conversation)
    light.hand_off(conversation["id"], "nupraatikerover", ["Ik word thuis geslagen."])
    expect(queue_entry(console, conversation["id"])).to_be_visible(timeout=15_000)
    no_violations(console, "console-queue")

    queue_entry(console, conversation["id"]).click()
    console.get_by_role("button", name="Neem dit gesprek aan").click()
    expect(console.get_by_label("Je bericht aan de bezoeker")).to_be_visible()
    console.get_by_label("Je bericht aan de bezoeker").fill("Hoi, ik ben Axel.")
    console.get_by_label("Je bericht aan de bezoeker").press("Enter")
    expect(console.locator("#transcript li.t-counsellor")).to_have_count(1, timeout=15_000)
    no_violations(console, "console-claimed-conversation")

    # What a screen reader hears: the visitor's new message once; neither the history (read
    # when the chat was opened) nor the counsellor's own words, nor anything on reopening.
    say(visitor, "Ben je er nog?")
    expect(console.locator("#transcript li.t-visitor", has_text="Ben je er nog?")).to_have_count(1, timeout=15_000)
    console.locator(f'#mine li[data-id="{conversation["id"]}"] button').click()
    expect(console.locator("#detail-title")).to_be_focused()  # opened again: the transcript is drawn anew
    expect(console.locator("#transcript li.t-visitor", has_text="Ben je er nog?")).to_have_count(1, timeout=15_000)
    console.wait_for_timeout(500)
    heard = console.evaluate("window.heard")
    assert heard.count("Bezoeker: Ben je er nog?") == 1, heard
    assert not any("thuis geslagen" in line or "Hoi, ik ben Axel." in line for line in heard), heard


# Records what is added to the console's live log, from before the page's own scripts run.
_RECORD_JS = """document.addEventListener('readystatechange', () => {
  if (document.readyState !== 'interactive') return;
  window.heard = [];
  new MutationObserver((records) => { for (const r of records) for (const n of r.addedNodes) window.heard.push(n.textContent); })
    .observe(document.getElementById('transcript-announcer'), { childList: true, subtree: true });
});"""


def test_the_coordinators_page_has_no_serious_violation(light, new_context):
    from handoff_api.counsellors.accounts import create_account

    password = secrets.token_urlsafe(12)
    with light.app.state.session_factory() as session:
        create_account(session, light.app.state.catalog, "coord-axe", "Coördinator", "nupraatikerover", password, role="coordinator")
    page = new_context(viewport={"width": 1366, "height": 900}, bypass_csp=True).new_page()
    page.goto(f"{light.url}/stats")
    expect(page.locator("#login-form")).to_be_visible()
    no_violations(page, "stats-login")
    page.fill("#username", "coord-axe")
    page.fill("#password", password)
    page.click("#login-form button[type=submit]")
    expect(page.locator("#monthly")).to_be_visible(timeout=30_000)
    page.wait_for_timeout(1000)
    no_violations(page, "stats-table")
