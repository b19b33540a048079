"""Small steps shared by the browser tests."""

import re

import httpx
import pytest
from playwright.sync_api import Page, expect

XSS = "<img src=x onerror=alert(1)>"


def open_chat(page: Page, base_url: str, entry_point: str = "nupraatikerover", simulated_now: str | None = None) -> None:
    url = f"{base_url}/chat/{entry_point}"
    if simulated_now:
        url += "?simulated_now=" + simulated_now.replace("+", "%2B")
    page.goto(url)
    expect(page.get_by_role("link", name="Snel weg")).to_be_visible()
    expect(page.locator("body[data-ready='1']")).to_have_count(1)  # the script is running
    expect(page.locator("#chat")).to_be_hidden()  # a fresh tab starts at the start screen


def start_chat(page: Page) -> None:
    page.get_by_role("button", name="Start de chat").click()
    expect(page.locator("#messages li[data-seq]").first).to_be_visible(timeout=90_000)


def conversation_of(page: Page, entry_point: str = "nupraatikerover") -> dict:
    stored = page.evaluate(f"sessionStorage.getItem('chat:{entry_point}')")
    assert stored, "the open tab keeps its conversation in sessionStorage"
    import json

    return json.loads(stored)


def say(page: Page, text: str) -> None:
    page.get_by_label("Je bericht").fill(text)
    page.get_by_role("button", name="Verstuur").click()


def login_console(page: Page, base_url: str, username: str, password: str) -> None:
    page.goto(f"{base_url}/console")
    expect(page.locator("body[data-ready='1']")).to_have_count(1)
    expect(page.locator("#workspace")).to_be_hidden()  # nothing of the queue before logging in
    page.get_by_label("Gebruikersnaam", exact=True).fill(username)
    page.get_by_label("Wachtwoord", exact=True).fill(password)
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_role("heading", name=re.compile("^Wachtrij"))).to_be_visible()
    expect(page.locator("#login")).to_be_hidden()


def be_available(console: Page) -> None:
    """The counsellor sets themselves available, as at the start of a shift: only then is the
    helpline open, does a handover reach its queue, and can they claim a chat."""
    console.locator("#presence").select_option("available")
    expect(console.locator("#presence-note")).to_contain_text("Je bent beschikbaar")


def api_claim(base_url: str, headers: dict, conversation_id: str) -> httpx.Response:
    """A claim as the console makes it: available first (a counsellor on a break cannot claim)."""
    available = httpx.post(f"{base_url}/api/v1/counsellor/presence", json={"status": "available"}, headers=headers)
    assert available.status_code == 200, available.text
    return httpx.post(f"{base_url}/api/v1/counsellor/conversations/{conversation_id}/claim", headers=headers)


def queue_entry(page: Page, conversation_id: str):
    return page.locator(f'#queue li[data-id="{conversation_id}"] button')


def api_login(base_url: str, username: str, password: str) -> dict:
    response = httpx.post(f"{base_url}/api/v1/counsellor/login", json={"username": username, "password": password})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['token']}"}


def storage_is_empty(page: Page) -> bool:
    return page.evaluate("sessionStorage.length === 0 && localStorage.length === 0")


# WCAG 2.x contrast of every visible piece of text against the background behind it
# (the first opaque background colour up the tree; the pages use no background images).
_CONTRAST_JS = """
() => {
  const parse = (c) => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number); return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; };
  const lum = ({r, g, b}) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const background = (el) => { for (let n = el; n; n = n.parentElement) { const c = parse(getComputedStyle(n).backgroundColor);
    if (c && c.a >= 0.99) return c; } return {r: 255, g: 255, b: 255, a: 1}; };
  const failures = [];
  for (const el of document.querySelectorAll('body *')) {
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own) continue;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    if (style.visibility === 'hidden' || box.width === 0 || box.height === 0 || el.closest('[hidden], .visually-hidden')) continue;
    if (el.closest('script, style')) continue;
    const fg = parse(style.color), bg = background(el);
    const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
    const ratio = (hi + 0.05) / (lo + 0.05);
    const size = parseFloat(style.fontSize), bold = Number(style.fontWeight) >= 700;
    const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    if (ratio < needed) failures.push(`${el.tagName}.${el.className} '${el.textContent.trim().slice(0, 30)}' ${ratio.toFixed(2)} < ${needed}`);
  }
  return failures;
}
"""


def contrast_failures(page) -> list[str]:
    page.emulate_media(reduced_motion="reduce")  # the pages stop their flashing then (CSP allows no injected style)
    return page.evaluate(_CONTRAST_JS)


def bot_says(app, conversation_id: str, text: str, buttons: list[dict] | None = None) -> None:
    """A bot message written where the bot's replies land (the API's transcript and socket)."""
    from handoff_api.conversations.service import append_message

    with app.state.session_factory() as session:
        append_message(session, conversation_id, "bot", text, buttons=buttons)
        session.commit()


def bot_response(name: str, **slots) -> dict:
    """The bot's own response `name` from bot/domain (first variant), with its slots filled in."""
    from pathlib import Path

    import yaml

    for path in sorted((Path(__file__).resolve().parents[2] / "bot" / "domain").glob("*.yml")):
        responses = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("responses", {})
        if name in responses:
            variant = responses[name][-1]  # the last variant has no condition
            return {"text": variant["text"].format(**slots), "buttons": variant.get("buttons")}
    raise KeyError(name)


@pytest.fixture
def ended_afterwards(light):
    """Conversations (from `conversation_of`) that the test ends at its close, as the visitor would:
    the light server is shared by the whole session, and a queue left full would make a helpline busy."""
    conversations: list[dict] = []
    yield conversations.append
    for conversation in conversations:
        httpx.post(f"{light.url}/api/v1/conversations/{conversation['id']}/end",
                   headers={"Authorization": f"Bearer {conversation['token']}"}, timeout=10)


def wait_until_left(page: Page, url_prefix: str, seconds: float = 30.0) -> None:
    """The quick exit reached the neutral site. Polled rather than `wait_for_url`: the exit
    replaces the page (and, embedded, the host page) while a navigation may be starting, and
    Playwright then reports the superseded one as ERR_ABORTED under load."""
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if page.url.startswith(url_prefix):
            try:
                page.wait_for_load_state()
            except Exception:  # a navigation superseded by the exit's own: the URL decides
                pass
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"the quick exit did not leave: still at {page.url}")

