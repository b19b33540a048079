"""The counsellors' console and the live connection, against the API alone (see conftest)."""

import re
import secrets

import httpx
from playwright.sync_api import expect

from conftest import MONDAY_EVENING, shot
from helpers import (
    XSS,
    api_claim,
    api_login,
    be_available,
    contrast_failures,
    conversation_of,
    ended_afterwards,  # noqa: F401 (a fixture)
    login_console,
    open_chat,
    queue_entry,
    say,
    start_chat,
)

DESKTOP = {"width": 1280, "height": 900}


def queued_visitor(light, new_context, words: list[str], story: str):
    """A visitor in the widget who told something and was handed over (as the bot would)."""
    context = new_context()
    page = context.new_page()
    open_chat(page, light.url, simulated_now=MONDAY_EVENING)
    start_chat(page)
    say(page, story)
    expect(page.locator("#messages li.msg-visitor[data-seq]")).to_have_count(1)
    conversation = conversation_of(page)
    light.hand_off(conversation["id"], "nupraatikerover", words)
    return context, page, conversation


def test_html_from_a_visitor_is_text_in_both_pages_and_no_script_runs(light, new_context):
    password = secrets.token_urlsafe(12)
    light.create_counsellor("anna", "nupraatikerover", password)
    counsellor_context = new_context(viewport=DESKTOP)
    console = counsellor_context.new_page()
    login_console(console, light.url, "anna", password)
    be_available(console)
    shot(console, "console-01-queue-empty")

    visitor_context, visitor, conversation = queued_visitor(
        light, new_context, [XSS, "Hij slaat me als ik iets zeg."], XSS
    )
    entry = queue_entry(console, conversation["id"])
    expect(entry).to_be_visible(timeout=15_000)
    # A new handover: a visual cue (and a sound) without reloading.
    expect(console.locator("#cue")).to_contain_text("Nieuwe aanmelding")
    expect(console).to_have_title(re.compile(r"^\(\d+\) Console"))
    shot(console, "console-02-new-handover")

    entry.click()
    words = console.locator("#briefing .words p")
    expect(words.first).to_have_text(XSS)  # the visitor's own words, as text
    expect(console.locator("#transcript li.t-visitor .message-text").first).to_have_text(XSS)
    assert console.locator("#briefing img, #transcript img").count() == 0
    shot(console, "console-03-briefing-before-claim")

    console.get_by_role("button", name="Neem dit gesprek aan").click()
    expect(console.get_by_label("Je bericht aan de bezoeker")).to_be_visible()
    console.get_by_label("Je bericht aan de bezoeker").fill("Hoi, ik ben Anna. " + XSS)
    console.get_by_label("Je bericht aan de bezoeker").press("Enter")

    heard = visitor.locator("#messages li.msg-counsellor .message-text")
    expect(heard).to_have_text("Hoi, ik ben Anna. " + XSS, timeout=15_000)
    expect(visitor.locator("#messages li.msg-counsellor .who")).to_have_text("Anna (hulpverlener)")
    expect(visitor.locator("#queue-info")).to_contain_text("hulpverlener is bij je", timeout=15_000)
    assert visitor.locator("#messages img").count() == 0
    shot(visitor, "chat-04-with-counsellor")
    shot(console, "console-04-chatting")
    visitor.wait_for_timeout(500)
    # WCAG AA contrast of every text shown (bot, counsellor, system, visitor, briefing, badges)
    assert contrast_failures(visitor) == []
    assert contrast_failures(console) == []
    assert visitor_context.dialogs == [] and counsellor_context.dialogs == []
    assert visitor_context.errors == [] and counsellor_context.errors == []


def test_the_console_closes_with_a_prefilled_registration(light, new_context):
    password = secrets.token_urlsafe(12)
    light.create_counsellor("bart", "nupraatikerover", password)
    _, visitor, conversation = queued_visitor(
        light, new_context, ["Mijn vader slaat mijn broertje."], "Mijn vader slaat mijn broertje."
    )
    console = new_context(viewport=DESKTOP).new_page()
    login_console(console, light.url, "bart", password)
    be_available(console)
    queue_entry(console, conversation["id"]).click()
    console.get_by_role("button", name="Neem dit gesprek aan").click()
    console.get_by_text("Afsluiten en registreren").click()
    # Pre-filled from the bot's labels (sexual_violence, minor, victim in the hand-off).
    expect(console.get_by_label("Hoofdthema")).to_have_value("sexual_violence")
    expect(console.get_by_label("Leeftijd")).to_have_value("minor")
    console.get_by_label("Hoofdthema").select_option("physical_violence")  # the counsellor corrects
    console.get_by_label("Nee", exact=True).check()
    shot(console, "console-05-registration")
    console.get_by_role("button", name="Gesprek afsluiten").click()
    expect(console.locator("#cue")).to_have_text("Gesprek afgesloten en geregistreerd.")
    expect(visitor.locator("#messages li.msg-system").last).to_contain_text("afgesloten", timeout=15_000)
    expect(visitor.get_by_role("button", name="Nieuw gesprek starten")).to_be_visible(timeout=15_000)
    expect(visitor.get_by_role("link", name="Snel weg")).to_be_visible()  # never a dead end
    expect(visitor.locator("#help")).to_contain_text("112")


def test_reconnects_after_the_server_drops_the_socket_and_shows_missed_messages_once(light, new_context):
    from handoff_api.conversations.service import append_message

    password = secrets.token_urlsafe(12)
    light.create_counsellor("carla", "nupraatikerover", password)
    context, visitor, conversation = queued_visitor(light, new_context, ["Ik ben bang."], "Ik ben bang.")
    carla = api_login(light.url, "carla", password)
    base = f"{light.url}/api/v1/counsellor/conversations/{conversation['id']}"
    assert api_claim(light.url, carla, conversation["id"]).status_code == 200
    assert httpx.post(f"{base}/messages", json={"text": "Hoi, ik ben Carla."}, headers=carla).status_code == 200
    expect(visitor.locator("#messages li.msg-counsellor")).to_have_count(1, timeout=15_000)

    light.stop()  # every socket is dropped
    expect(visitor.locator("#connection")).to_contain_text("verbinding is even weg", timeout=15_000)
    shot(visitor, "chat-05-connection-lost")
    missed = ["Ben je er nog?", "Ik wacht op je, neem je tijd."]
    with light.app.state.session_factory() as session:  # written while the visitor is away
        for text in missed:
            append_message(session, conversation["id"], "counsellor", text, counsellor_name="Carla")
        session.commit()
    light.start()

    for text in missed:
        expect(visitor.locator("#messages li.msg-counsellor", has_text=text)).to_have_count(1, timeout=30_000)
    expect(visitor.locator("#connection")).not_to_contain_text("weg", timeout=15_000)
    assert httpx.post(f"{base}/messages", json={"text": "Fijn dat je er weer bent."}, headers=carla).status_code == 200
    expect(visitor.locator("#messages li.msg-counsellor", has_text="Fijn dat je er weer bent.")).to_have_count(1)
    visitor.wait_for_timeout(2500)  # a poll cycle later: still no duplicates
    texts = visitor.locator("#messages li[data-seq] .message-text").all_text_contents()
    assert len(texts) == len(set(visitor.locator("#messages li[data-seq]").evaluate_all(
        "items => items.map(i => i.dataset.seq)"))), texts
    for text in ["Hoi, ik ben Carla.", *missed, "Fijn dat je er weer bent."]:
        assert texts.count(text) == 1, texts
    shot(visitor, "chat-06-reconnected")
    assert context.errors == []


def test_a_visitor_who_leaves_with_the_quick_exit_is_still_registered(light, new_context):
    password = secrets.token_urlsafe(12)
    light.create_counsellor("greet", "nupraatikerover", password)
    _, visitor, conversation = queued_visitor(light, new_context, ["Hij is thuis."], "Hij is thuis.")
    console = new_context(viewport=DESKTOP).new_page()
    login_console(console, light.url, "greet", password)
    be_available(console)
    queue_entry(console, conversation["id"]).click()
    console.get_by_role("button", name="Neem dit gesprek aan").click()
    expect(visitor.locator("#messages")).to_contain_text("Je praat nu met Greet", timeout=15_000)

    visitor.get_by_role("link", name="Snel weg").click()  # someone comes in
    expect(console.locator("#detail-state")).to_have_text(
        "De bezoeker heeft het gesprek beëindigd. Vul de registratie nog in.", timeout=15_000)
    expect(console.get_by_label("Je bericht aan de bezoeker")).to_be_hidden()
    expect(console.get_by_text("Doorverwijzen (push) met een notitie")).to_be_hidden()
    expect(console.get_by_label("Hoofdthema")).to_be_visible()  # the form is open already
    shot(console, "console-07-visitor-left-register")
    console.get_by_role("button", name="Gesprek afsluiten").click()
    expect(console.locator("#cue")).to_have_text("Gesprek afgesloten en geregistreerd.")


def test_console_by_keyboard_with_labels_and_a_live_transcript(light, new_context, ended_afterwards):
    password = secrets.token_urlsafe(12)
    light.create_counsellor("hanne", "nupraatikerover", password)
    _, _, conversation = queued_visitor(light, new_context, ["Ik wil praten."], "Ik wil praten.")
    console = new_context(viewport=DESKTOP).new_page()
    console.goto(f"{light.url}/console")
    console.keyboard.press("Tab")
    assert console.evaluate("document.activeElement.id") == "username"
    console.keyboard.type("hanne")
    console.keyboard.press("Tab")
    assert console.evaluate("document.activeElement.id") == "password"
    console.keyboard.type(password)
    console.keyboard.press("Enter")
    be_available(console)  # a counsellor on a break or offline cannot claim
    entry = queue_entry(console, conversation["id"])
    expect(entry).to_be_visible(timeout=15_000)
    entry.focus()
    # Someone else joins the queue: the list is drawn anew, and the focus stays on the same entry.
    _, _, other = queued_visitor(light, new_context, ["Ik ook."], "Ik ook.")
    ended_afterwards(other)
    expect(queue_entry(console, other["id"])).to_be_visible(timeout=15_000)
    expect(entry).to_be_focused()
    console.keyboard.press("Enter")
    expect(console.locator("#detail-title")).to_be_focused()  # the reader lands on the conversation
    expect(console.get_by_role("log", name="Nieuwe berichten")).to_have_attribute("aria-live", "polite")
    expect(console.get_by_role("article", name="Briefing")).to_contain_text("Ik wil praten.")
    console.keyboard.press("Tab")
    assert console.evaluate("document.activeElement.id") == "claim"
    console.keyboard.press("Enter")
    expect(console.get_by_label("Je bericht aan de bezoeker")).to_be_focused()


def test_my_conversations_keep_every_chat_in_reach_and_an_invited_colleague_finds_it(light, new_context):
    password = secrets.token_urlsafe(12)
    light.create_counsellor("ines", "nupraatikerover", password)
    light.create_counsellor("jonas", "1712", password)
    _, visitor, first = queued_visitor(light, new_context, ["Eerste gesprek."], "Eerste gesprek.")
    _, _, second = queued_visitor(light, new_context, ["Tweede gesprek."], "Tweede gesprek.")
    console = new_context(viewport=DESKTOP).new_page()
    login_console(console, light.url, "ines", password)
    be_available(console)
    for conversation in (first, second):
        queue_entry(console, conversation["id"]).click()
        console.get_by_role("button", name="Neem dit gesprek aan").click()
        expect(console.get_by_label("Je bericht aan de bezoeker")).to_be_visible()
    mine = console.locator("#mine li")
    expect(mine).to_have_count(2)
    # While Ines reads the second, the first visitor writes: a cue on the first.
    from helpers import say as visitor_says

    visitor_says(visitor, "Ben je er nog?")
    first_entry = console.locator(f'#mine li[data-id="{first["id"]}"] button')
    expect(first_entry).to_contain_text("Nieuw bericht", timeout=15_000)
    first_entry.click()
    expect(console.locator("#transcript li.t-visitor", has_text="Ben je er nog?")).to_have_count(1)
    expect(first_entry).not_to_contain_text("Nieuw bericht", timeout=10_000)

    console.get_by_text("Collega uitnodigen", exact=True).click()
    console.get_by_label("Gebruikersnaam van je collega").fill("jonas")
    console.get_by_role("button", name="Uitnodigen").click()
    expect(console.locator("#cue")).to_contain_text("Jonas is uitgenodigd")
    shot(console, "console-08-my-conversations")

    colleague = new_context(viewport=DESKTOP).new_page()
    login_console(colleague, light.url, "jonas", password)
    invited = colleague.locator(f'#mine li[data-id="{first["id"]}"] button')
    expect(invited).to_contain_text("uitgenodigd", timeout=15_000)
    invited.click()
    colleague.get_by_label("Je bericht aan de bezoeker").fill("Hoi, ik ben Jonas van 1712.")
    colleague.get_by_role("button", name="Verstuur").click()
    expect(visitor.locator("#messages li.msg-counsellor", has_text="Jonas van 1712")).to_have_count(1, timeout=15_000)


def test_the_counsellor_sets_their_presence_in_the_console(light, new_context):
    password = secrets.token_urlsafe(12)
    light.create_counsellor("kees", "nupraatikerover", password)
    console = new_context(viewport=DESKTOP).new_page()
    login_console(console, light.url, "kees", password)
    presence = console.get_by_label("Beschikbaarheid")
    expect(presence).to_have_value("offline")  # nobody is made available by logging in
    headers = api_login(light.url, "kees", password)

    def status() -> str:
        return httpx.get(f"{light.url}/api/v1/counsellor/presence", headers=headers).json()["status"]

    presence.select_option("available")
    expect(console.locator("#presence-note")).to_contain_text("Je bent beschikbaar")
    assert status() == "available"
    presence.select_option("pause")
    expect(console.locator("#presence-note")).to_contain_text("Je bent in pauze")
    assert status() == "pause"
    shot(console, "console-presence-pause")
    console.get_by_role("button", name="Afmelden").click()
    expect(console.locator("#login")).to_be_visible()
    for _ in range(30):  # the console's logout call is not awaited by the page
        if status() == "offline":
            break
        console.wait_for_timeout(500)
    assert status() == "offline"  # logging out is going offline


def test_a_deactivated_counsellors_chat_reaches_the_next_counsellor_first(light, new_context):
    """The visitor reads that their counsellor had to leave and is first in the queue; the next
    counsellor sees it at the head of the queue, marked, with a word in the briefing."""
    from handoff_api.admin import main as admin_main

    password = secrets.token_urlsafe(12)
    light.create_counsellor("karel", "nupraatikerover", password)
    light.create_counsellor("lien", "nupraatikerover", password)
    _, visitor, conversation = queued_visitor(light, new_context, ["Mijn broer slaat me."], "Mijn broer slaat me.")
    claimed = api_claim(light.url, api_login(light.url, "karel", password), conversation["id"])
    assert claimed.status_code == 200, claimed.text
    expect(visitor.locator("#queue-info")).to_contain_text("hulpverlener is bij je", timeout=15_000)
    assert admin_main(["deactivate", "--username", "karel"], light.app.state.settings) == 0

    told = visitor.locator("#messages li.msg-system", has_text="Je hulpverlener moest de chat verlaten")
    expect(told).to_contain_text("Je staat vooraan in de wachtrij.", timeout=15_000)
    expect(told).to_contain_text("112")
    expect(visitor.get_by_role("link", name="Snel weg")).to_be_visible()

    console = new_context(viewport=DESKTOP).new_page()
    login_console(console, light.url, "lien", password)
    be_available(console)
    entry = queue_entry(console, conversation["id"])
    expect(entry).to_contain_text("Terug in de wachtrij", timeout=15_000)
    expect(entry).to_contain_text("1. ")
    entry.click()
    expect(console.locator("#briefing")).to_contain_text("De vorige hulpverlener moest dit gesprek verlaten")
    shot(console, "console-09-back-in-queue")
    console.get_by_role("button", name="Neem dit gesprek aan").click()
    expect(console.get_by_label("Je bericht aan de bezoeker")).to_be_visible()
    expect(visitor.locator("#messages li.msg-system", has_text="Je praat nu met Lien")).to_have_count(1, timeout=15_000)
