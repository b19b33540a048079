"""On SQLite a request (or the live feed's poll) that only reads takes no writers' lock: it
answers while another session holds it, and begins only a deferred `BEGIN`. A supervisor's read
writes its access-log line through the writing session, and only that waits for the lock."""

from contextlib import contextmanager

import pytest
from sqlalchemy import event, text

from handoff_api.live import DatabaseFeed

from .conftest import bearer
from .test_counsellors import queued_conversation
from .test_supervision import claimed, staff  # noqa: F401 (the fixture)

LOCKED = [{"database_lock_timeout_seconds": 1}]


@pytest.fixture(autouse=True)
def sqlite_only(database_url):
    if not database_url.startswith("sqlite"):
        pytest.skip("SQLite's writers' lock")


@contextmanager
def begun(app, hold_lock: bool = True):
    """The transactions begun meanwhile (BEGIN IMMEDIATE takes the writers' lock), with another
    session holding that lock if `hold_lock`."""
    statements: list[str] = []

    def note(_conn, _cursor, statement, *_args):
        if statement.startswith("BEGIN"):
            statements.append(statement)

    writer = app.state.session_factory()
    if hold_lock:
        writer.execute(text("UPDATE counsellors SET max_chats = max_chats"))
    event.listen(app.state.engine, "before_cursor_execute", note)
    try:
        yield statements
    finally:
        event.remove(app.state.engine, "before_cursor_execute", note)
        writer.rollback()
        writer.close()


def _get(client, app, url, headers) -> tuple[object, list[str]]:
    with begun(app) as statements:
        response = client.get(url, headers=headers)
    assert response.status_code == 200, response.text
    return response.json(), statements


@pytest.mark.parametrize("settings_overrides", LOCKED)
@pytest.mark.parametrize("path", ["/me", "/presence", "/conversations", "/email-requests", "/standard-texts"])
def test_a_counsellors_lists_read_beside_the_writers(client, app, staff, path):  # noqa: F811
    claimed(client, staff)
    _, statements = _get(client, app, f"/api/v1/counsellor{path}", staff["npie_anna"])
    assert statements == ["BEGIN"]


@pytest.mark.parametrize("settings_overrides", LOCKED)
def test_a_conversation_is_read_beside_the_writers(client, app, staff):  # noqa: F811
    cid = claimed(client, staff)
    detail, statements = _get(client, app, f"/api/v1/counsellor/conversations/{cid}", staff["npie_anna"])
    assert (detail["id"], statements) == (cid, ["BEGIN"])


@pytest.mark.parametrize("settings_overrides", LOCKED)
@pytest.mark.parametrize("path", ["/live-conversations", "/conversations/{cid}"])
def test_a_supervisors_read_takes_the_lock_only_for_its_access_log_line(client, app, staff, path):  # noqa: F811
    cid = claimed(client, staff)
    with begun(app, hold_lock=False) as statements:
        response = client.get(f"/api/v1/counsellor{path.format(cid=cid)}", headers=staff["npie_sofie"])
    assert response.status_code == 200, response.text
    assert statements == ["BEGIN", "BEGIN IMMEDIATE"]


@pytest.mark.parametrize("settings_overrides", LOCKED)
def test_a_visitors_conversation_is_read_beside_the_writers(client, app, staff):  # noqa: F811
    conversation = queued_conversation(client)
    view, statements = _get(client, app, f"/api/v1/conversations/{conversation['id']}", bearer(conversation["token"]))
    assert (view["state"], view["queue_position"], statements) == ("queued", 1, ["BEGIN"])


@pytest.mark.parametrize("settings_overrides", LOCKED)
def test_the_live_feeds_poll_reads_beside_the_writers(client, app, staff):  # noqa: F811
    """Once a second while a socket is open (the embedded shape, without Redis)."""
    cid = claimed(client, staff)
    feed = app.state.live_hub.feed
    assert isinstance(feed, DatabaseFeed)
    with begun(app) as statements:
        newest = feed._read_newest([cid])
    assert (list(newest), statements) == ([cid], ["BEGIN"])
