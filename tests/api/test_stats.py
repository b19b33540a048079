"""Coordinators' statistics: the simulator against the API's own counts, anonymity, access."""

import csv
import io

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import inspect, select

from handoff_api.admin import main as admin_main
from handoff_api.counsellors.accounts import create_account
from handoff_api.stats import report
from handoff_api.stats.models import EventCount
from handoff_api.stats.simulator import PASSWORD, ApiDriver, Behaviour, Simulator, run
from .conftest import INTERNAL_TOKEN

HELPLINE = "nupraatikerover"
TARGETS = {"2020-03": (9, 4, 40), "2020-04": (6, 2, 30)}
TALLIED = (
    "conversations", "new_callers", "clicks", "chats_started", "arrived_closed", "closed_email",
    "closed_appointment", "closed_numbers", "closed_left", "never_claimed", "answered_within_5",
    "crisis_answers",
)


def _account(app, username: str, helpline: str, role: str) -> None:
    with app.state.session_factory() as session:
        create_account(session, app.state.catalog, username, username, helpline, PASSWORD, role=role)


def _login(client: TestClient, username: str) -> dict:
    token = client.post("/api/v1/counsellor/login", json={"username": username, "password": PASSWORD}).json()["token"]
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def simulated(app, client):
    _account(app, "sim", HELPLINE, "counsellor")
    driver = ApiDriver(client.public, client.internal, INTERNAL_TOKEN, HELPLINE)
    driver.login("sim")
    behaviour = Behaviour(starts_chat=0.7, crisis_share=0.15, appointments_kept_share=0.2)
    tally = run(Simulator(driver, app.state.catalog.helpline(HELPLINE), seed=7, behaviour=behaviour), TARGETS)
    return tally


def test_every_figure_equals_the_simulators_own_count(app, simulated):
    with app.state.session_factory() as session:
        figures = report.monthly(session, {HELPLINE}, "2020-03", "2020-04")
    assert [f.month for f in figures] == list(TARGETS)
    for month_figures in figures:
        counted = simulated.counts[month_figures.month]
        for name in TALLIED:
            assert getattr(month_figures, name) == counted[name], (month_figures.month, name)
        assert month_figures.median_wait_before_leaving == report.median(simulated.left_waits.get(month_figures.month, []))
        conversations, new_callers, clicks = TARGETS[month_figures.month]
        assert (month_figures.conversations, month_figures.new_callers, month_figures.clicks) == (
            conversations, new_callers, clicks,
        )
    # every kind of visitor happened at least once, so the comparison above tested each path
    total = sum((simulated.counts[m] for m in TARGETS), start=type(simulated.counts["2020-03"])())
    for name in ("closed_email", "closed_appointment", "closed_numbers", "closed_left", "never_claimed",
                 "crisis_answers", "appointments_kept", "appointments_missed"):
        assert total[name] > 0, name


def test_no_event_row_links_two_events_of_one_visitor(app, simulated):
    columns = {c["name"] for c in inspect(app.state.engine).get_columns("stat_event_counts")}
    assert columns == {"hour", "helpline_id", "entry_point", "kind", "labels", "count"}
    with app.state.session_factory() as session:
        rows = session.scalars(select(EventCount)).all()
    assert rows
    for row in rows:
        assert row.hour.minute == row.hour.second == 0
        assert all(part.split("=")[0] in {"arrival", "reason", "status", "urgency", "wait", "handled", "took", "first_contact", "theme", "role", "age_group"}
                   for part in row.labels.split(";") if part)
    assert len({(r.hour, r.kind, r.labels) for r in rows}) == len(rows)


def _two_visitors(app, order: list[int]) -> list[tuple]:
    """Two visitors in the same hour, their events recorded in the given order."""
    from datetime import UTC, datetime

    from handoff_api.stats import events

    helpline = app.state.catalog.helpline(HELPLINE)
    visits = [
        [("chat_started", {"arrival": "open"}, 19, 5), ("claimed", {"wait": 2}, 19, 20)],
        [("chat_started", {"arrival": "open"}, 19, 40), ("left_queue", {"wait": 9}, 19, 55)],
    ]
    with app.state.session_factory() as session:
        session.execute(EventCount.__table__.delete())
        steps = [visits[i][0] for i in order] + [visits[i][1] for i in order]
        for kind, labels, hour, minute in steps:
            at = datetime(2020, 3, 2, hour - 1, minute, tzinfo=UTC)  # 19:xx in Brussels
            events.record(session, helpline, kind, HELPLINE, at, **labels)
        session.commit()
        return [tuple(row) for row in session.execute(EventCount.__table__.select())]


def test_the_order_of_visitors_leaves_no_trace(app):
    first, second = _two_visitors(app, [0, 1]), _two_visitors(app, [1, 0])
    assert sorted(first) == sorted(second)
    if app.state.engine.dialect.name == "sqlite":  # a table without rowid: stored in key order
        assert first == second
    starts = [row for row in first if row[3] == "chat_started"]
    assert len(starts) == 1 and starts[0][-1] == 2  # one counter, not two rows that could be paired


def test_small_counts_are_hidden_in_every_export(app, client, simulated):
    _account(app, "coord", HELPLINE, "coordinator")
    headers = _login(client, "coord")
    params = {"helpline": HELPLINE, "from": "2020-03", "to": "2020-04"}
    exported = client.get("/api/v1/stats/monthly", params={**params, "format": "csv"}, headers=headers)
    assert exported.status_code == 200
    rows = list(csv.reader(io.StringIO(exported.text), delimiter=";"))
    cells = [cell for row in rows[1:] for cell in row[1:]]
    assert "<5" in cells
    assert not any(cell in {"1", "2", "3", "4"} for cell in cells)
    body = client.get("/api/v1/stats/monthly", params=params, headers=headers).json()
    assert body["rows"][0][0] == "maart 2020"
    assert not any(cell in {"1", "2", "3", "4"} for row in body["rows"] for cell in row[1:])
    for name in ("heatmap", "funnel", "trend"):
        picture = client.get(f"/api/v1/stats/charts/{name}.png", params=params, headers=headers)
        assert picture.status_code == 200 and picture.content[:8] == b"\x89PNG\r\n\x1a\n"


def test_only_coordinators_of_the_helpline_or_its_team_see_figures(app, client):
    _account(app, "coord1712", "1712", "coordinator")
    _account(app, "counsellor", HELPLINE, "counsellor")
    params = {"from": "2020-01", "to": "2020-02"}
    coordinator = _login(client, "coord1712")
    assert client.get("/api/v1/stats/monthly", params={**params, "helpline": "seksueelgeweld"}, headers=coordinator).status_code == 200
    assert client.get("/api/v1/stats/monthly", params={**params, "helpline": HELPLINE}, headers=coordinator).status_code == 404
    counsellor = _login(client, "counsellor")
    assert client.get("/api/v1/stats/monthly", params={**params, "helpline": HELPLINE}, headers=counsellor).status_code == 403
    assert client.get("/api/v1/stats/monthly", params={**params, "helpline": HELPLINE}).status_code == 401
    backwards = client.get("/api/v1/stats/monthly", params={"from": "2020-03", "to": "2020-01", "helpline": "1712"}, headers=coordinator)
    assert backwards.status_code == 422 and backwards.json()["message"]["nl"]


def test_the_monthly_command_prints_the_seed_layout(app, simulated, capsys):
    code = admin_main(["stats", "monthly", "--helpline", HELPLINE, "--from", "2020-03", "--to", "2020-04"], settings=app.state.settings)
    assert code == 0
    out = capsys.readouterr().out
    assert "Aantal gevoerde gesprekken" in out and "Kliks op chatknop" in out
    lines = {line.split("|")[0].strip(): [c.strip() for c in line.split("|")[1:]] for line in out.splitlines() if "|" in line}
    assert lines["maart 2020"][:3] == ["9", "<5", "40"]
    assert lines["april 2020"][:3] == ["6", "<5", "30"]
    assert lines["Totaal"][:3] == ["15", "6", "70"]
    assert admin_main(["stats", "monthly", "--helpline", "nope", "--from", "2020-03", "--to", "2020-04"], settings=app.state.settings) == 2


def test_the_numbers_button_is_counted_once_and_only_when_offered(app, client, fake_rasa):
    from handoff_api.conversations.rasa import BotReply

    from .conftest import bearer, start_conversation

    offer = [BotReply("Wat wil je doen?", [{"title": "Nummers", "payload": "/ask_emergency_numbers"}])]
    fake_rasa.script["Nummers"] = offer  # the typed word: the bot answers with the button
    started = start_conversation(client, simulated_now="2020-03-07T23:30:00+01:00")  # Saturday night: closed
    headers = bearer(started["token"])
    sent = lambda **body: client.post(f"/api/v1/conversations/{started['id']}/messages", json=body, headers=headers)  # noqa: E731
    assert sent(text="Nummers", payload="/ask_emergency_numbers").status_code == 200  # not offered yet: text
    assert fake_rasa.messages_for(started["id"])[-1] == "Nummers"
    assert sent(text="Nummers", payload="/ask_emergency_numbers").status_code == 200
    assert fake_rasa.messages_for(started["id"])[-1] == "/ask_emergency_numbers"
    assert client.post(f"/api/v1/conversations/{started['id']}/end", headers=headers).status_code == 200
    with app.state.session_factory() as session:
        counted = {(r.kind, r.labels): r.count for r in session.scalars(select(EventCount))}
        figures = report.monthly(session, {HELPLINE}, "2020-03", "2020-03")[0]
    assert counted.get(("numbers_given", "arrival=closed")) == 1, counted
    assert counted[("bot_only", "arrival=closed;took=numbers")] == 1
    assert (figures.arrived_closed, figures.closed_numbers, figures.closed_left) == (1, 1, 0)
