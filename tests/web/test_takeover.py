"""Take-over when asked, in Chromium on real uvicorn (issue 13, part 4): the counsellor asks
("Vraag overname"), the supervisor sees the request pushed and takes the chat over, the visitor
reads one neutral notice, the counsellor is released and reads along; then the coordinator reads
it all in the access log on the stats page. axe-core on every state; screenshots in
tests/artifacts/web/."""

import re
import secrets
from datetime import date, timedelta

from playwright.sync_api import expect

from axe import axe_violations
from conftest import shot
from helpers import ended_afterwards, login_console, queue_entry  # noqa: F401 (a fixture)
from test_workspace import WIDE, be_available, create_account, visitor_handed_over

STORY = "Mijn stiefmoeder sluit me op in mijn kamer."


def clean(page, name: str) -> None:
    shot(page, f"takeover-{name}")
    assert axe_violations(page) == [], name


def test_a_supervisor_takes_over_when_the_counsellor_asks(light, new_context, ended_afterwards):
    password = secrets.token_urlsafe(12)
    create_account(light, "tanja", "veiligthuis", password, "create-counsellor")
    create_account(light, "saskia", "veiligthuis", password, "create-supervisor")
    create_account(light, "vera", "veiligthuis", password, "create-coordinator")
    counsellor = new_context(viewport=WIDE, bypass_csp=True).new_page()
    login_console(counsellor, light.url, "tanja", password)
    be_available(counsellor)
    visitor, conversation = visitor_handed_over(light, new_context, STORY, ended_afterwards)
    cid = conversation["id"]
    queue_entry(counsellor, cid).click()
    counsellor.get_by_role("button", name="Neem dit gesprek aan").click()
    expect(counsellor.get_by_label("Je bericht aan de bezoeker")).to_be_visible()

    supervisor = new_context(viewport=WIDE, bypass_csp=True).new_page()
    login_console(supervisor, light.url, "saskia", password)
    watched = supervisor.locator(f'#live li[data-id="{cid}"] button')
    expect(watched).to_contain_text("bij Tanja")
    expect(watched.locator(".badge-takeover")).to_have_count(0)

    # The counsellor asks; the reply box stays, and the request can be withdrawn.
    counsellor.get_by_role("button", name="Vraag overname").click()
    expect(counsellor.locator("#takeover-text")).to_have_text(re.compile("^Je vroeg om overname"))
    expect(counsellor.get_by_role("button", name="Vraag intrekken")).to_be_focused()
    expect(counsellor.get_by_label("Je bericht aan de bezoeker")).to_be_visible()
    clean(counsellor, "01-asked")

    # Pushed to the supervisor's desk: a badge and a cue, no reload.
    expect(watched.locator(".badge-takeover")).to_have_text("Vraagt overname")
    expect(supervisor.locator("#cue")).to_contain_text("Tanja vraagt om een gesprek over te nemen")
    watched.click()
    expect(supervisor.locator("#takeover-text")).to_have_text("Tanja vraagt je dit gesprek over te nemen.")
    expect(supervisor.get_by_label("Je bericht aan de bezoeker")).to_be_hidden()
    clean(supervisor, "02-request-seen")

    supervisor.get_by_role("button", name="Neem dit gesprek over").click()
    reply = supervisor.get_by_label("Je bericht aan de bezoeker")
    expect(reply).to_be_focused()
    expect(supervisor.locator(f'#mine li[data-id="{cid}"]')).to_have_count(1)
    expect(supervisor.get_by_label("Fluister naar de hulpverlener")).to_be_hidden()
    reply.fill("Hoi, ik ben Saskia. Ik lees wat je al schreef.")
    reply.press("Enter")
    clean(supervisor, "03-taken-over")

    # The visitor: the conversation goes on, with one neutral notice and nothing of why.
    messages = visitor.locator("#messages")
    expect(messages).to_contain_text("Je praat nu verder met Saskia, een hulpverlener van Veilig Thuis.")
    expect(messages.locator("li.msg-counsellor").last).to_contain_text("Ik lees wat je al schreef.")
    for internal in ("supervisor", "overname", "overnemen", "Tanja vraagt", "Systeem"):
        expect(messages).not_to_contain_text(internal)
    shot(visitor, "takeover-04-visitor")

    # The counsellor is released: reads along, writes no more, nothing left to register.
    expect(counsellor.locator("#takeover-text")).to_have_text(re.compile("^Saskia nam dit gesprek over. Je kan nog meelezen"))
    expect(counsellor.get_by_label("Je bericht aan de bezoeker")).to_be_hidden()
    expect(counsellor.locator("#transcript")).to_contain_text("Ik lees wat je al schreef.")
    expect(counsellor.locator("#notes")).to_contain_text("Saskia nam dit gesprek over op vraag van Tanja.")
    expect(counsellor.locator("#mine-empty")).to_be_visible()
    expect(counsellor.locator("#mine .badge-register")).to_have_count(0)
    clean(counsellor, "05-released")

    # The supervisor closes and registers it.
    supervisor.locator("#close-details summary").click()
    supervisor.get_by_role("button", name="Gesprek afsluiten").click()
    expect(supervisor.locator("#cue")).to_contain_text("Gesprek afgesloten en geregistreerd.")

    # The coordinator reads it all in the access log: accounts and a short reference only.
    coordinator_context = new_context(viewport={"width": 1366, "height": 900}, bypass_csp=True)
    stats = coordinator_context.new_page()
    stats.goto(f"{light.url}/stats")
    stats.fill("#username", "vera")
    stats.fill("#password", password)
    stats.click("#login-form button[type=submit]")
    log = stats.locator("#access-log tbody")
    expect(log.locator("tr").first).to_be_visible()
    rows = log.locator("tr").all_inner_texts()
    lines = [tuple(cell.strip() for cell in row.split("\t")[1:]) for row in rows]
    ref = cid[:8]
    assert ("saskia", "Nam het gesprek over", ref) in lines
    assert ("tanja", "Vroeg om overname", ref) in lines
    assert lines.index(("saskia", "Nam het gesprek over", ref)) < lines.index(("tanja", "Vroeg om overname", ref))
    assert ("saskia", "Las een gesprek", ref) in lines
    expect(stats.locator("#access-status")).to_contain_text("nieuwste eerst")
    assert STORY not in stats.content() and cid not in stats.content()
    clean(stats, "06-access-log")
    tomorrow = (date.today() + timedelta(days=2)).isoformat()
    stats.fill("#access-from", tomorrow)
    stats.get_by_role("button", name="Toon logboek").click()
    expect(stats.locator("#access-status")).to_have_text("Geen regels in deze periode.")
    expect(log.locator("tr")).to_have_count(0)
    for context_errors in (coordinator_context.errors,):
        assert context_errors == []
