"""In the console, a counsellor on a break or offline cannot claim and reads why (Chromium)."""

import secrets

import httpx
from playwright.sync_api import expect

from axe import axe_violations
from conftest import MONDAY_EVENING, shot
from helpers import api_login, be_available, conversation_of, login_console, open_chat, queue_entry, say, start_chat

DESKTOP = {"width": 1280, "height": 900}
PAUSE = "Je staat op pauze. Zet jezelf eerst op 'Beschikbaar' om een gesprek aan te nemen."
OFFLINE = "Je staat op offline. Zet jezelf eerst op 'Beschikbaar' om een gesprek aan te nemen."


def test_the_claim_controls_follow_the_counsellors_presence(light, new_context):
    password = secrets.token_urlsafe(12)
    light.create_counsellor("noor", "nupraatikerover", password)
    visitor_context = new_context()
    visitor = visitor_context.new_page()
    open_chat(visitor, light.url, simulated_now=MONDAY_EVENING)
    start_chat(visitor)
    say(visitor, "Ik wil iets vertellen.")
    expect(visitor.locator("#messages li.msg-visitor[data-seq]")).to_have_count(1)
    conversation = conversation_of(visitor)
    light.hand_off(conversation["id"], "nupraatikerover", ["Ik wil iets vertellen."])

    console_context = new_context(viewport=DESKTOP, bypass_csp=True)  # bypass: axe-core is injected
    console = console_context.new_page()
    login_console(console, light.url, "noor", password)
    queue_entry(console, conversation["id"]).click()
    claim = console.get_by_role("button", name="Neem dit gesprek aan")
    expect(claim).to_be_disabled()  # offline after logging in
    expect(console.locator("#claim-why")).to_have_text(OFFLINE)
    expect(claim).to_have_attribute("aria-describedby", "claim-why")

    console.locator("#presence").select_option("pause")
    expect(console.locator("#claim-why")).to_have_text(PAUSE)
    expect(claim).to_be_disabled()
    shot(console, "console-claim-on-a-break")
    assert axe_violations(console) == []
    console.keyboard.press("Alt+KeyA")  # "claim the next" says why too, and changes nothing
    expect(console.locator("#notice")).to_have_text(PAUSE)
    headers = api_login(light.url, "noor", password)
    detail = httpx.get(f"{light.url}/api/v1/counsellor/conversations/{conversation['id']}", headers=headers).json()
    assert detail["state"] == "queued" and detail["participants"] == []

    be_available(console)
    expect(claim).to_be_enabled()
    expect(console.locator("#claim-why")).to_have_text("")
    claim.click()
    expect(console.get_by_label("Je bericht aan de bezoeker")).to_be_visible()
    expect(visitor.locator("#messages li.msg-system", has_text="Je praat nu met Noor")).to_have_count(1, timeout=15_000)
    assert visitor_context.errors == [] and console_context.errors == []
