"""Browser tests: Playwright for Python drives Debian's Chromium headless (/usr/bin/chromium).

Two servers:
- `stack` (re-exported from tests/e2e/conftest.py): the REAL Rasa, action server and API, for
  the end-to-end test. Needs HELPLINE_MODEL (set by `make test-web`).
- `light`: the handoff API alone, in this process (uvicorn in a thread), with Rasa unreachable
  (the API then answers with its fixed safe reply) and conversations handed over through the
  real internal API, as the action server does. It can be stopped and started again on the
  same port, to drop every socket.

Screenshots go to tests/artifacts/web/ (git-ignored).
"""

import importlib.util
import io
import os
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import uvicorn

from playwright.sync_api import expect

# The machines are shared and often loaded: a few seconds more before an expectation fails
# (a passing test waits no longer for it).
expect.set_options(timeout=15_000)

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "tests" / "artifacts" / "web"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
INTERNAL_TOKEN = "web-test-internal-token"
NEUTRAL_HOST = "https://www.google.com/"
MONDAY_EVENING = "2026-11-23T20:00:00+01:00"  # Nupraatikerover.be is open

# The whole-stack fixture of the e2e tests, loaded under its own name (both files are "conftest").
_spec = importlib.util.spec_from_file_location("e2e_stack_conftest", REPO / "tests" / "e2e" / "conftest.py")
_e2e = importlib.util.module_from_spec(_spec)
sys.modules["e2e_stack_conftest"] = _e2e
_spec.loader.exec_module(_e2e)
stack = _e2e.stack
free_port = _e2e.free_port
OnDuty = _e2e.OnDuty


# --- the API alone ----------------------------------------------------------------------
@dataclass
class LightServer:
    url: str
    port: int
    app: object
    host_origin: str = ""  # a helpline's site that may embed the chat (test_widget serves it)
    server: uvicorn.Server | None = None
    thread: threading.Thread | None = None
    internal: "LightServer | None" = None  # the internal API's own listener (same database)
    duty: "OnDuty | None" = None  # an available Nupraatikerover.be counsellor (see hand_off)
    duty_account: bool = False

    @property
    def internal_url(self) -> str:
        return self.internal.url

    def start(self) -> None:
        if self.internal is not None:
            self.internal.start()
        config = uvicorn.Config(
            self.app, host="127.0.0.1", port=self.port, log_level="warning",
            access_log=False, timeout_graceful_shutdown=1, ws_ping_interval=None,
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.url}/healthz", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.1)
        raise RuntimeError("the API did not start")

    def stop(self) -> None:
        if self.duty is not None:
            self.duty.stop()
            self.duty = None
        if self.server is not None:
            self.server.should_exit = True
            self.thread.join(timeout=15)
            self.server = None
        if self.internal is not None:
            self.internal.stop()

    def create_counsellor(self, username: str, helpline: str, password: str) -> None:
        from handoff_api.admin import main as admin_main

        stdin, sys.stdin = sys.stdin, io.StringIO(password + "\n")
        try:
            argv = ["create-counsellor", "--username", username, "--helpline", helpline,
                    "--display-name", username.title(), "--password-stdin"]
            assert admin_main(argv, self.app.state.settings) == 0
        finally:
            sys.stdin = stdin

    def on_duty(self) -> None:
        """A Nupraatikerover.be counsellor available at an open console (beating until the
        server stops): inside its hours the chat is open, so a handover queues."""
        if self.duty is None:
            password = "light-duty-password-1"
            if not self.duty_account:
                self.create_counsellor("light_duty", "nupraatikerover", password)
                self.duty_account = True
            self.duty = OnDuty(self.url, "light_duty", password)

    def hand_off(
        self, conversation_id: str, entry_point: str, words: list[str], consent: bool = True, **labels
    ) -> dict:
        """What the action server posts (the real internal API): the whole briefing and the
        visitor's answer; on a refusal the API shows a counsellor only the urgency."""
        self.on_duty()

        def label(value):
            return {"value": value, "confidence": 0.9, "source": "classifier"}

        body = {
            "conversation_id": conversation_id,
            "entry_point": entry_point,
            "labels": {
                "theme": label(labels.get("theme", "sexual_violence")),
                "age_group": label(labels.get("age_group", "minor")),
                "role": label(labels.get("role", "victim")),
                "urgency": label(labels.get("urgency", "none")),
            },
            "consent": consent,
            "visitor_words": words,
            "qa": [{"question": "Ben je nu veilig?", "answer": "Ja, nu wel."}],
            "details": {"recent_sexual_assault": False},
        }
        response = httpx.post(
            f"{self.internal_url}/internal/v1/handoffs", json=body,
            headers={"X-Internal-Token": INTERNAL_TOKEN}, timeout=30,
        )
        assert response.status_code == 201, response.text
        return response.json()


@pytest.fixture(scope="session")
def light(tmp_path_factory) -> Iterator[LightServer]:
    server = start_light_server(tmp_path_factory.mktemp("light"))
    try:
        yield server
    finally:
        server.stop()


def start_light_server(work: Path) -> LightServer:
    """The API alone on its own SQLite file in `work`, public and internal listeners started."""
    from handoff_api.config import Settings
    from handoff_api.internal_main import create_internal_app
    from handoff_api.main import create_app

    # A helpline's site that embeds the chat: on loopback too, or Chromium's local-network
    # protection refuses a public page loading the widget from 127.0.0.1.
    host_origin = f"http://127.0.0.1:{free_port()}"
    settings = Settings(
        _env_file=None,
        database_url=f"sqlite:///{work / 'handoff.db'}",
        internal_token=INTERNAL_TOKEN,
        env="test",
        allow_simulated_clock=True,
        code_secret_file=work / "code_secret.key",
        smtp_enabled=False,
        rasa_url=f"http://127.0.0.1:{free_port()}",  # nothing listens: the API's safe reply
        rasa_timeout_seconds=2,
        conversation_message_rate="1000/minute",
        address_rate="10000/minute",
        login_rate="1000/minute",
        cors_origins=[host_origin],
    )
    port, internal_port = free_port(), free_port()
    internal = LightServer(
        url=f"http://127.0.0.1:{internal_port}", port=internal_port, app=create_internal_app(settings)
    )
    server = LightServer(
        url=f"http://127.0.0.1:{port}", port=port, app=create_app(settings), host_origin=host_origin,
        internal=internal,
    )
    server.start()
    return server


# --- the browser ----------------------------------------------------------------------------
@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail("Chromium is missing: run `make browser` (Debian package 'chromium').")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


NEUTRAL_PAGE = "<!doctype html><html lang='nl'><title>Weerbericht</title><body><h1>Het weer vandaag</h1></body></html>"


@pytest.fixture
def new_context(browser):
    """Makes fresh browser contexts (a phone-sized one by default); closed at the end."""
    contexts = []

    def make(**options):
        options.setdefault("viewport", {"width": 390, "height": 780})
        options.setdefault("locale", "nl-BE")
        context = browser.new_context(**options)
        # The quick exit's neutral site, without going out to the internet.
        context.route(f"{NEUTRAL_HOST}**", lambda route: route.fulfill(
            status=200, content_type="text/html", body=NEUTRAL_PAGE))
        context.dialogs = []
        context.errors = []

        def watch(page):
            page.on("dialog", lambda dialog: (context.dialogs.append(dialog.message), dialog.dismiss()))
            page.on("pageerror", lambda error: context.errors.append(str(error)))

        context.on("page", watch)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


def shot(page, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
