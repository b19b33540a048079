"""The counsellors' workspace (issue 13, parts 1-4): three regions in view at 1366x768, the
queue pushed over the desk socket, chats in tabs, standard texts, private notes, typing both
ways, shortcuts, and a supervisor who watches and whispers. Veilig Thuis's queue is used, so
that conversations other tests leave at Nupraatikerover.be are not in the way."""

import io
import secrets
import sys

import httpx
from playwright.sync_api import expect

from axe import axe_violations
from conftest import shot
from helpers import api_login, be_available, conversation_of, ended_afterwards, login_console, open_chat, queue_entry, say, start_chat

WIDE = {"width": 1366, "height": 768}
MONDAY_MORNING = "2026-11-23T10:00:00+01:00"  # Veilig Thuis's chat is open (workdays 9-17)
NOTE = "Ze noemde een zus van 12 die ook thuis woont."
WHISPER = "Vraag eens of ze vannacht ergens veilig kan slapen."


def create_account(light, username: str, helpline: str, password: str, command: str) -> None:
    from handoff_api.admin import main as admin_main

    stdin, sys.stdin = sys.stdin, io.StringIO(password + "\n")
    try:
        argv = [command, "--username", username, "--helpline", helpline,
                "--display-name", username.title(), "--password-stdin"]
        assert admin_main(argv, light.app.state.settings) == 0
    finally:
        sys.stdin = stdin


def visitor_handed_over(light, new_context, story: str, ended):
    page = new_context().new_page()
    open_chat(page, light.url, "veiligthuis", simulated_now=MONDAY_MORNING)
    start_chat(page)
    say(page, story)
    expect(page.locator("#messages li.msg-visitor[data-seq]")).to_have_count(1)
    conversation = conversation_of(page, "veiligthuis")
    ended(conversation)
    light.hand_off(conversation["id"], "veiligthuis", [story])
    return page, conversation


def in_view(page, selector: str) -> bool:
    return page.locator(selector).evaluate(
        """el => { const r = el.getBoundingClientRect();
           return r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0
             && r.bottom <= innerHeight && r.right <= innerWidth; }""")


def no_violations(page, name: str) -> None:
    shot(page, f"workspace-{name}")
    assert axe_violations(page) == [], name


def test_a_counsellors_evening_in_the_workspace(light, new_context, ended_afterwards):
    from handoff_api.admin import main as admin_main

    password = secrets.token_urlsafe(12)
    create_account(light, "wanda", "veiligthuis", password, "create-counsellor")
    assert admin_main(["standard-texts", "seed", "--helpline", "veiligthuis"], light.app.state.settings) == 0
    context = new_context(viewport=WIDE, bypass_csp=True)
    console = context.new_page()
    polled = []
    console.on("request", lambda r: polled.append(r.url) if "/api/v1/counsellor/queue" in r.url else None)
    login_console(console, light.url, "wanda", password)
    be_available(console)
    no_violations(console, "01-empty")

    # A handover appears by itself: pushed over the desk socket, no reload, no polling.
    first_visitor, first = visitor_handed_over(light, new_context, "Mijn vader slaat mijn moeder.", ended_afterwards)
    expect(queue_entry(console, first["id"])).to_be_visible()
    expect(console.locator("#cue")).to_contain_text("Nieuwe aanmelding")
    expect(console.locator("#queue-count")).to_have_text("(1)")
    shot(console, "workspace-02-pushed-arrival")

    queue_entry(console, first["id"]).click()
    console.get_by_role("button", name="Neem dit gesprek aan").click()
    expect(console.get_by_label("Je bericht aan de bezoeker")).to_be_visible()
    # At 1366x768 the reply box, the visitor's own words and the queue are in view at once.
    for selector in ("#reply", "#briefing .words", "#queue-pane", "#transcript"):
        assert in_view(console, selector), selector
    no_violations(console, "03-claimed")

    # A standard text goes into the reply box, where it can still be changed before sending.
    console.get_by_label("Standaardtekst").select_option(label="Begroeting")
    console.get_by_role("button", name="Invoegen").click()
    reply = console.get_by_label("Je bericht aan de bezoeker")
    expect(reply).to_have_value("Hoi, ik ben Wanda. Ik heb gelezen wat je aan de chatbot vertelde. Fijn dat je ons schrijft. Neem je tijd.")
    reply.press("End")
    reply.type(" Ik ben er.")
    reply.press("Enter")
    expect(first_visitor.locator("#messages li.msg-counsellor").last).to_contain_text("Neem je tijd. Ik ben er.")

    # Typing, both ways, and never any text of it.
    first_visitor.get_by_label("Je bericht").type("Dank")
    expect(console.locator("#typing-status")).to_have_text("De bezoeker typt…")
    console.get_by_label("Je bericht aan de bezoeker").type("Ik")
    expect(first_visitor.locator("#counsellor-typing")).to_have_text("Wanda typt…")
    console.get_by_label("Je bericht aan de bezoeker").fill("")

    # A private note: kept with the conversation, never shown to the visitor.
    console.get_by_label("Nieuwe notitie").fill(NOTE)
    console.get_by_role("button", name="Notitie bewaren").click()
    expect(console.locator("#notes li.note")).to_have_text("Notitie van Wanda" + NOTE)

    # A second chat: claimed with Alt+A, in its own tab.
    second_visitor, second = visitor_handed_over(light, new_context, "Mijn oom bedreigt me.", ended_afterwards)
    expect(queue_entry(console, second["id"])).to_be_visible()
    console.keyboard.press("Alt+KeyA")
    expect(console.get_by_label("Je bericht aan de bezoeker")).to_be_focused()
    tabs = console.get_by_role("tab")
    expect(tabs).to_have_count(2)
    expect(console.get_by_role("tab", selected=True)).to_have_id(f"tab-{second['id']}")
    expect(console.locator("#briefing .words")).to_contain_text("Mijn oom bedreigt me.")
    # The first visitor writes meanwhile: an unread count on its tab.
    say(first_visitor, "Ben je er nog?")
    expect(console.locator(f"#tab-{first['id']} .unread")).to_contain_text("1")
    no_violations(console, "04-two-tabs")

    # Alt+Up goes back to the first chat; the note is still there; the count is gone.
    console.keyboard.press("Alt+ArrowUp")
    expect(console.get_by_role("tab", selected=True)).to_have_id(f"tab-{first['id']}")
    expect(console.locator("#transcript li.t-visitor", has_text="Ben je er nog?")).to_have_count(1)
    expect(console.locator(f"#tab-{first['id']} .unread")).to_have_count(0)
    expect(console.locator("#notes li.note")).to_contain_text(NOTE)
    # Alt+B folds the briefing away and back; Alt+N goes to the note.
    console.keyboard.press("Alt+KeyB")
    expect(console.locator("#briefing")).to_be_hidden()
    expect(console.get_by_role("button", name="Briefing tonen")).to_have_attribute("aria-expanded", "false")
    console.keyboard.press("Alt+KeyB")
    expect(console.locator("#briefing")).to_be_visible()
    console.keyboard.press("Alt+KeyN")
    expect(console.get_by_label("Nieuwe notitie")).to_be_focused()
    console.keyboard.press("Alt+KeyT")
    expect(console.get_by_label("Standaardtekst")).to_be_focused()
    # The shortcuts are written on the page.
    console.get_by_role("button", name="Sneltoetsen").click()
    expect(console.locator("#shortcuts")).to_contain_text("Alt")
    expect(console.locator("#shortcuts")).to_contain_text("wachtrij aannemen")
    no_violations(console, "05-shortcuts")

    assert polled == [], polled  # the page never asked for the queue: it was pushed
    for visitor in (first_visitor, second_visitor):
        expect(visitor.locator("#messages")).not_to_contain_text(NOTE)
    assert context.errors == []


def test_a_supervisor_watches_and_whispers_to_the_counsellor_only(light, new_context, ended_afterwards):
    password = secrets.token_urlsafe(12)
    create_account(light, "xena", "veiligthuis", password, "create-counsellor")
    create_account(light, "yusuf", "veiligthuis", password, "create-counsellor")
    create_account(light, "sara", "veiligthuis", password, "create-supervisor")
    create_account(light, "otto", "nupraatikerover", password, "create-supervisor")
    counsellor = new_context(viewport=WIDE).new_page()
    login_console(counsellor, light.url, "xena", password)
    be_available(counsellor)  # Veilig Thuis is open only with a counsellor on duty
    visitor, conversation = visitor_handed_over(light, new_context, "Thuis wordt er veel geroepen.", ended_afterwards)
    cid = conversation["id"]

    queue_entry(counsellor, cid).click()
    counsellor.get_by_role("button", name="Neem dit gesprek aan").click()
    expect(counsellor.get_by_label("Je bericht aan de bezoeker")).to_be_visible()

    supervisor = new_context(viewport=WIDE, bypass_csp=True).new_page()
    login_console(supervisor, light.url, "sara", password)
    watched = supervisor.locator(f'#live li[data-id="{cid}"] button')
    expect(watched).to_contain_text("bij Xena")
    watched.click()
    expect(supervisor.locator("#transcript li.t-visitor", has_text="Thuis wordt er veel geroepen.")).to_have_count(1)
    expect(supervisor.get_by_label("Je bericht aan de bezoeker")).to_be_hidden()  # read-only
    expect(supervisor.get_by_role("button", name="Neem dit gesprek aan")).to_be_hidden()
    supervisor.get_by_label("Fluister naar de hulpverlener").fill(WHISPER)
    supervisor.get_by_role("button", name="Fluisteren").click()
    expect(supervisor.locator("#notes li.whisper")).to_contain_text(WHISPER)
    no_violations(supervisor, "06-supervisor")

    # Xena sees it come in, live; the visitor never does; a colleague reads no whisper.
    expect(counsellor.locator("#notes li.whisper")).to_contain_text(WHISPER)
    expect(counsellor.locator("#cue")).to_contain_text("Fluistering van Sara")
    shot(counsellor, "workspace-07-whisper-received")
    expect(visitor.locator("#messages")).not_to_contain_text(WHISPER)
    assert WHISPER not in visitor.content()
    yusuf = api_login(light.url, "yusuf", password)
    detail = httpx.get(f"{light.url}/api/v1/counsellor/conversations/{cid}", headers=yusuf).json()
    assert WHISPER not in str(detail)

    # Another helpline's supervisor: 404, and nothing in their lists.
    otto = api_login(light.url, "otto", password)
    assert httpx.get(f"{light.url}/api/v1/counsellor/conversations/{cid}", headers=otto).status_code == 404
    live = httpx.get(f"{light.url}/api/v1/counsellor/live-conversations", headers=otto).json()
    assert cid not in [c["conversation_id"] for c in live]
