"""The counsellors' queue with many waiting: a fixed number of queries (no N+1), a limit with
the total, and the same order (and visitors' positions) as the queue's rule. Its time with
2,000 queued is measured by `make bench-load`, not here."""

from datetime import timedelta

import pytest
from sqlalchemy import event, text

from handoff_api.conversations.models import Conversation, Handoff, Transfer
from handoff_api.conversations.queue import queue_position, queue_sort_key
from handoff_api.db import new_id, utcnow

from .conftest import labels


def _queue_directly(app, count: int, start: int = 0) -> list[str]:
    """Queued conversations written straight to the database: urgencies, appointments, waits mixed."""
    now = utcnow()
    ids = []
    with app.state.session_factory() as session:
        for i in range(start, start + count):
            conversation = Conversation(
                id=new_id(), token_hash="0" * 64, entry_point="nupraatikerover",
                helpline_id="nupraatikerover", state="queued",
                urgency=["acute_danger", None, "suicide_risk", None, None][i % 5],
                from_appointment=i % 7 == 0, queued_at=now - timedelta(minutes=i % 11, seconds=i),
                requeued_at=now if i % 4 == 1 else None,
            )
            session.add(conversation)
            session.flush()
            session.add(Handoff(
                conversation_id=conversation.id, labels=labels(), consent=True, visitor_words=[], qa=[],
                details={}, outcome="queued", routed_helpline_id="nupraatikerover", routing_reason="test",
            ))
            if i % 3 == 0:
                session.add(Transfer(conversation_id=conversation.id, from_helpline_id="1712",
                                     to_helpline_id="nupraatikerover", note=f"notitie {i}"))
            ids.append(conversation.id)
        session.commit()
    return ids


def _queries_of(app, call) -> tuple[object, int]:
    statements = []

    def count(_conn, _cursor, statement, *_args):
        statements.append(statement)

    event.listen(app.state.engine, "before_cursor_execute", count)
    try:
        result = call()
    finally:
        event.remove(app.state.engine, "before_cursor_execute", count)
    return result, len(statements)


def _rule(conversation: Conversation) -> tuple:
    return queue_sort_key(conversation)


def test_the_queue_costs_the_same_queries_for_5_or_60_waiting(app, client, counsellors):
    anna = counsellors["npie_anna"]
    _queue_directly(app, 5)
    few, few_queries = _queries_of(app, lambda: client.get("/api/v1/counsellor/queue", headers=anna).json())
    _queue_directly(app, 55, start=5)
    many, many_queries = _queries_of(app, lambda: client.get("/api/v1/counsellor/queue", headers=anna).json())
    assert (len(few["entries"]), few["total"]) == (5, 5)
    assert (len(many["entries"]), many["total"]) == (60, 60)
    assert many_queries == few_queries <= 8  # login check, page, count, notes: never one per entry
    assert sum(len(e["transfer_notes"]) for e in many["entries"]) == 20


def test_the_queue_keeps_its_order_and_a_limit_keeps_the_total(app, client, counsellors):
    anna = counsellors["npie_anna"]
    _queue_directly(app, 40)
    with app.state.session_factory() as session:
        expected = [c.id for c in sorted(session.query(Conversation).all(), key=_rule)]
    full = client.get("/api/v1/counsellor/queue", headers=anna).json()
    assert [e["conversation_id"] for e in full["entries"]] == expected
    assert [e["position"] for e in full["entries"]] == list(range(1, 41))
    page = client.get("/api/v1/counsellor/queue", params={"limit": 10}, headers=anna).json()
    assert [e["conversation_id"] for e in page["entries"]] == expected[:10] and page["total"] == 40
    assert client.get("/api/v1/counsellor/queue", params={"limit": 0}, headers=anna).status_code == 422


@pytest.mark.parametrize("count", [12])
def test_a_visitors_position_follows_the_queues_order(app, count):
    _queue_directly(app, count)
    with app.state.session_factory() as session:
        ordered = sorted(session.query(Conversation).all(), key=_rule)
        positions = [queue_position(session, c) for c in ordered]
    assert positions == list(range(1, count + 1))


@pytest.mark.parametrize("settings_overrides", [{"database_lock_timeout_seconds": 1}])
def test_the_queue_reads_beside_the_writers(app, client, counsellors, database_url):
    """On SQLite the counsellor's queue takes no writers' lock: with 2,000 queued it waited for the
    queue check's writes, seconds for one read in 20 (`make bench-queue`)."""
    if not database_url.startswith("sqlite"):
        pytest.skip("SQLite's writers' lock")
    _queue_directly(app, 5)
    begun = []

    def note(_conn, _cursor, statement, *_args):
        if statement.startswith("BEGIN"):
            begun.append(statement)

    writer = app.state.session_factory()
    writer.execute(text("UPDATE conversations SET urgency = urgency"))  # holds the writers' lock
    event.listen(app.state.engine, "before_cursor_execute", note)
    try:
        response = client.get("/api/v1/counsellor/queue", headers=counsellors["npie_anna"])
    finally:
        event.remove(app.state.engine, "before_cursor_execute", note)
        writer.rollback()
        writer.close()
    assert response.status_code == 200, response.text
    assert (response.json()["total"], begun) == (5, ["BEGIN"])
