"""Screenshots of the coordinators' page over the data `make demo-stats` made.

    DATABASE_URL=... .venv/bin/python scripts/stats_screenshots.py tests/artifacts/stats

Serves the API on a free loopback port (real uvicorn), marks October 2020's influencer campaigns
(seed 003), logs a coordinator in with Chromium and saves the table with its charts and the
advice on opening hours.
"""

import secrets
from datetime import date
import socket
import sys
import threading
import time
from pathlib import Path

import httpx
import uvicorn
from playwright.sync_api import sync_playwright

from handoff_api.config import Settings
from handoff_api.counsellors.accounts import create_account
from handoff_api.main import create_app
from handoff_api.stats.service import add_campaign

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _serve(app, port: int) -> uvicorn.Server:
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    for _ in range(300):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.1)
    raise RuntimeError("the API did not start")


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    app = create_app(Settings())
    password = secrets.token_urlsafe(16)
    username = "demo-coordinator-" + secrets.token_hex(3)
    with app.state.session_factory() as session:
        create_account(session, app.state.catalog, username, "Coördinator", "nupraatikerover", password, role="coordinator")
        add_campaign(session, "nupraatikerover", date(2020, 10, 1), date(2020, 10, 31), "Influencers (YouTube, Instagram)")
    port = _free_port()
    server = _serve(app, port)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(locale="nl-BE", viewport={"width": 1366, "height": 900})
            page.goto(f"http://127.0.0.1:{port}/stats?from=2020-01&to=2020-10")
            page.fill("#username", username)
            page.fill("#password", password)
            page.click("#login-form button[type=submit]")
            page.wait_for_selector("#monthly tbody tr")
            for name in ("heatmap", "funnel", "trend"):
                for _ in range(300):
                    if page.eval_on_selector(f"#chart-{name}", "img => img.complete && img.naturalWidth") > 300:
                        break
                    page.wait_for_timeout(100)
            page.screenshot(path=str(out / "stats-demo-table-charts.png"), full_page=True)
            page.click("#advice-form button[type=submit]")
            page.wait_for_selector("#advice tbody tr", timeout=300_000)
            page.screenshot(path=str(out / "stats-demo-advice.png"), full_page=True)
            browser.close()
    finally:
        server.should_exit = True
    print(f"screenshots in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "tests/artifacts/stats")))
