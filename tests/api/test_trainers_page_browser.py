"""The trainers' page in Chromium (no Rasa: a fake tracker): login, list, correct, undo, drop, charts;
and axe-core (tests/web/axe.py) on its login and inbox.

Skipped when /usr/bin/chromium is missing (`make browser`). The whole loop with the real bot
and a retrain is tests/e2e/test_trainers_loop.py.
"""

import importlib.util
import socket
import threading
import time
from pathlib import Path

import httpx
import pytest
import uvicorn
import yaml

from .conftest import PASSWORD, create_account
from .trainer_fixtures import (  # noqa: F401 (fixtures)
    ended_conversation,
    heldout_copy,
    nlu_copy,
    parse,
    trackers,
    trainer_app,
    trainer_settings,
)

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts" / "web"
_spec = importlib.util.spec_from_file_location("web_axe", Path(__file__).resolve().parents[1] / "web" / "axe.py")
axe = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(axe)
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium is missing (make browser)")


@pytest.fixture
def served(trainer_app, database_url):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(trainer_app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.1)
    yield url
    server.should_exit = True
    thread.join(timeout=15)


@pytest.fixture(params=[False], ids=["csp"])
def page(request):
    """A browser tab; with `bypass_csp` (parametrized indirectly) for axe-core's injected script."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
        tab = browser.new_page(locale="nl-BE", bypass_csp=request.param)
        tab.errors = []
        tab.on("pageerror", lambda error: tab.errors.append(str(error)))
        yield tab
        browser.close()


def test_a_trainer_works_the_inbox_in_the_browser(served, page, trackers, nlu_copy, trainer_settings, database_url, monkeypatch):
    from playwright.sync_api import expect

    expect.set_options(timeout=15_000)  # a loaded 2-core machine: accepting scrubs and writes YAML

    with httpx.Client(base_url=served, timeout=30) as client:  # a loaded 2-core machine
        ended_conversation(client, trackers, ("Ik ben Lotte Peeters (0470 12 34 56) en mijn papa slaat me", parse("tell_story", 0.4)))
        ended_conversation(client, trackers, ("hallo?? <b>is daar iemand</b>", parse("greet", 0.3, theme=("other", 0.9))))
        ended_conversation(client, trackers, ("ik wil er niet meer zijn", parse("crisis", 0.5, urgency=("suicide_risk", 0.5))))
    create_account(database_url, monkeypatch, "trainer_an", "nupraatikerover", "create-trainer")
    trainer_settings.reports_dir.mkdir(parents=True)
    (trainer_settings.reports_dir / "f1_heldout.png").write_bytes(_png())
    (trainer_settings.reports_dir / "summary.json").write_text(
        '{"candidate": "helpline-new", "live": "helpline-old", "ready": false, "reason": "crisis-recall daalt",'
        ' "crisis_recall": {"live": 0.98, "candidate": 0.95}, "changes": [{"set": "heldout", "field": "urgency",'
        ' "label": "suicide_risk", "live": 0.95, "candidate": 0.9, "delta": -0.05}]}', encoding="utf-8")

    page.goto(f"{served}/trainers")
    page.fill("#username", "trainer_an")
    page.fill("#password", PASSWORD)
    page.click("#login-form button[type=submit]")
    items = page.locator("li.item")
    expect(items).to_have_count(3, timeout=60_000)  # the first collection scrubs cold
    expect(items.first).to_have_class("item crisis")  # crisis-related first
    content = page.content()
    assert "Lotte" not in content and "0470" not in content
    greeting = items.filter(has_text="is daar iemand")
    assert greeting.locator(".text").inner_text() == "hallo?? <b>is daar iemand</b>"  # text, never markup
    assert greeting.locator(".text b").count() == 0

    story = items.filter(has_text="papa slaat me")
    expect(story.locator(".text")).to_contain_text("[NAAM]")
    story.locator("button.correct").click()
    story.locator("select[name=theme]").select_option("psychological_violence")
    story.locator("form.correction button[type=submit]").click()
    expect(story.locator(".result")).to_contain_text("Toegevoegd aan triage_psychological_violence.yml")
    path = nlu_copy / "triage_psychological_violence.yml"
    [(intent, triage)] = [
        (block["intent"], example["metadata"]["triage"])
        for block in yaml.safe_load(path.read_text(encoding="utf-8"))["nlu"]
        for example in block["examples"] if "papa slaat me" in example["text"]
    ]
    assert intent == "tell_story" and triage["theme"] == "psychological_violence"
    story.locator("button.undo").click()
    expect(story.locator(".result")).to_contain_text("Teruggenomen")
    assert "papa slaat me" not in path.read_text(encoding="utf-8")

    greeting.locator("button.drop").click()
    expect(greeting.locator(".result")).to_contain_text("Uit de inbox gehaald")
    expect(page.locator("#count")).to_have_text("(1)")

    expect(page.locator("#comparison")).to_contain_text("NIET klaar: crisis-recall daalt")
    expect(page.locator("#changes tbody tr")).to_have_count(1)
    expect(page.locator("#charts img")).to_have_count(1)
    page.wait_for_function("document.querySelector('#charts img').naturalWidth === 120")
    assert page.errors == []


@pytest.mark.parametrize("page", [True], ids=["axe"], indirect=True)
def test_the_trainers_page_has_no_serious_axe_violation(served, page, trackers, database_url, monkeypatch):
    from playwright.sync_api import expect

    expect.set_options(timeout=15_000)  # a loaded 2-core machine: accepting scrubs and writes YAML

    with httpx.Client(base_url=served, timeout=30) as client:  # a loaded 2-core machine
        ended_conversation(client, trackers, ("mijn papa slaat me", parse("tell_story", 0.4)))
        ended_conversation(client, trackers, ("ik wil er niet meer zijn", parse("crisis", 0.5, urgency=("suicide_risk", 0.5))))
    create_account(database_url, monkeypatch, "trainer_axe", "nupraatikerover", "create-trainer")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.goto(f"{served}/trainers")
    page.screenshot(path=str(ARTIFACTS / "a11y-trainers-login.png"), full_page=True)
    assert axe.axe_violations(page) == [], "login"
    page.fill("#username", "trainer_axe")
    page.fill("#password", PASSWORD)
    page.click("#login-form button[type=submit]")
    expect(page.locator("li.item")).to_have_count(2, timeout=60_000)  # the first collection scrubs cold
    page.locator("li.item button.correct").first.click()  # an item with its correction form open
    page.screenshot(path=str(ARTIFACTS / "a11y-trainers-inbox.png"), full_page=True)
    assert axe.axe_violations(page) == [], "inbox"


def _png() -> bytes:
    import struct
    import zlib

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * 120 for _ in range(80))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 120, 80, 8, 2, 0, 0, 0)) + chunk(
        b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
