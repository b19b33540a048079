"""The coordinators' page in Chromium on real uvicorn: the table, the charts, a campaign and
the advice, over data the simulator put through the real API. Screenshots in tests/artifacts/web/."""

import pytest

from handoff_api.stats.simulator import PASSWORD, ApiDriver, Simulator, run

from conftest import ARTIFACTS, CHROMIUM, INTERNAL_TOKEN, start_light_server

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium is missing (make browser)")
HELPLINE = "nupraatikerover"


@pytest.fixture(scope="module")
def light(tmp_path_factory):
    """A server of its own: other tests leave chats queued on the shared one, and a busy
    Nupraatikerover.be would send the simulated visitors elsewhere."""
    server = start_light_server(tmp_path_factory.mktemp("stats"))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def simulated(light):
    import httpx

    from handoff_api.counsellors.accounts import create_account

    with light.app.state.session_factory() as session:
        catalog = light.app.state.catalog
        create_account(session, catalog, "stats-sim", "Sim", HELPLINE, PASSWORD)
        create_account(session, catalog, "coordinator", "Coördinator", HELPLINE, PASSWORD, role="coordinator")
    with httpx.Client(base_url=light.url, timeout=30) as client, \
            httpx.Client(base_url=light.internal_url, timeout=30) as internal:
        driver = ApiDriver(client, internal, INTERNAL_TOKEN, HELPLINE)
        driver.login("stats-sim")
        tally = run(Simulator(driver, light.app.state.catalog.helpline(HELPLINE), seed=3), {"2020-09": (12, 5, 60), "2020-10": (20, 9, 110)})
    return tally


def _wait_for_picture(page, selector: str) -> None:
    """A real picture arrived (polled from Python: the page's CSP forbids eval-based waits)."""
    for _ in range(300):
        if page.eval_on_selector(selector, "img => img.complete && img.naturalWidth") > 300:
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"{selector} shows no picture")


def test_a_coordinator_sees_table_charts_and_advice(light, simulated, new_context):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.goto(f"{light.url}/stats?from=2020-09&to=2020-10")
    page.fill("#username", "coordinator")
    page.fill("#password", PASSWORD)
    page.click("#login-form button[type=submit]")
    page.wait_for_selector("#monthly tbody tr")
    rows = page.eval_on_selector_all("#monthly tbody tr", "rows => rows.map(r => [...r.children].map(c => c.textContent))")
    assert rows[0][:4] == ["september 2020", "12", "5", "60"]
    assert rows[1][:4] == ["oktober 2020", "20", "9", "110"]
    assert rows[2][0] == "Totaal" and rows[2][1:4] == ["32", "14", "170"]
    for name in ("heatmap", "funnel", "trend"):
        _wait_for_picture(page, f"#chart-{name}")
    page.fill("#campaign-name", "Influencers op YouTube")
    page.fill("#campaign-from", "2020-10-01")
    page.fill("#campaign-to", "2020-10-31")
    page.click("#campaign-form button[type=submit]")
    page.wait_for_selector("#campaigns li")
    assert "Influencers op YouTube" in page.text_content("#campaigns")
    page.screenshot(path=str(ARTIFACTS / "stats-table-charts.png"), full_page=True)
    page.click("#advice-form button[type=submit]")
    page.wait_for_selector("#advice tbody tr", timeout=120_000)
    advice = page.eval_on_selector_all("#advice tbody tr", "rows => rows.map(r => [...r.children].map(c => c.textContent))")
    assert [row[0] for row in advice] == ["vandaag", "advies"]
    assert advice[0][1] == advice[1][1]  # the same counsellor-hours
    assert "contacten per week meer" in page.text_content("#advice-summary")
    page.screenshot(path=str(ARTIFACTS / "stats-advice.png"), full_page=True)
    assert context.errors == []
