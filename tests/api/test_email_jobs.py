"""E-mail sending as a job: however many workers send at once, each request goes out once.

Real SMTP (aiosmtpd on loopback), real SQLite and PostgreSQL; the "workers" are threads with
their own sessions, as uvicorn's workers have their own connections.
"""

import threading
from datetime import timedelta

import pytest
from sqlalchemy import update

from handoff_api.db import make_engine, make_session_factory, utcnow
from handoff_api.email import jobs
from handoff_api.email.models import EmailRequest
from .conftest import start_conversation
from .test_appointments_and_email import SUNDAY_NIGHT, file_email, smtp_server  # noqa: F401

REQUESTS = 12
WORKERS = 4


@pytest.fixture
def settings_overrides(smtp_server) -> dict:  # noqa: F811
    controller, _ = smtp_server
    return {"smtp_enabled": True, "smtp_host": "127.0.0.1", "smtp_port": controller.port}


@pytest.fixture
def sessions(app):
    return app.state.session_factory


def _queue_requests(sessions, client, count: int) -> list[str]:
    conversation = start_conversation(client, simulated_now=SUNDAY_NIGHT)
    with sessions() as session:
        requests = [
            EmailRequest(conversation_id=conversation["id"], helpline_id="nupraatikerover",
                         message=f"vraag {n}", reply_to=f"bezoeker{n}@example.org")
            for n in range(count)
        ]
        session.add_all(requests)
        session.commit()
        return [request.id for request in requests]


def _subjects(mailbox) -> list[str]:
    return sorted(mail.get_payload().splitlines()[2] for _, mail in mailbox.messages)


def test_workers_sending_at_once_send_each_request_once(app, client, sessions, database_url, smtp_server):  # noqa: F811
    _, mailbox = smtp_server
    ids = _queue_requests(sessions, client, REQUESTS)
    engines = [make_engine(database_url) for _ in range(WORKERS)]
    start = threading.Barrier(WORKERS)
    counts: list[int] = []

    def worker(engine) -> None:
        with make_session_factory(engine)() as session:
            start.wait()
            counts.append(jobs.send_queued(session, app.state.settings, app.state.catalog))

    threads = [threading.Thread(target=worker, args=(engine,)) for engine in engines]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    for engine in engines:
        engine.dispose()
    assert sum(counts) == REQUESTS
    assert _subjects(mailbox) == sorted(f"vraag {n}" for n in range(REQUESTS))
    with sessions() as session:
        rows = [session.get(EmailRequest, request_id) for request_id in ids]
        assert {(row.status, row.attempts) for row in rows} == {("sent", 1)}


def test_a_claimed_request_is_not_claimed_again(client, sessions):
    [request_id] = _queue_requests(sessions, client, 1)
    with sessions() as first, sessions() as second:
        claimed = jobs.claim(first, request_id)
        assert claimed is not None and claimed.status == "sending"
        assert jobs.claim(second, request_id) is None
        assert jobs.claim(second) is None


def test_a_claim_left_by_a_killed_worker_is_taken_again_later(client, sessions):
    [request_id] = _queue_requests(sessions, client, 1)
    with sessions() as session:
        assert jobs.claim(session, request_id) is not None
        session.execute(
            update(EmailRequest).where(EmailRequest.id == request_id)
            .values(claimed_at=utcnow() - jobs.STALE_CLAIM - timedelta(minutes=1))
        )
        session.commit()
        again = jobs.claim(session)
        assert again is not None and (again.id, again.attempts) == (request_id, 2)


def test_a_failed_send_goes_back_to_the_queue(app, client, sessions):
    [request_id] = _queue_requests(sessions, client, 1)
    settings = app.state.settings.model_copy(update={"smtp_port": 1})  # nothing listens there
    with sessions() as session:
        assert jobs.send_queued(session, settings, app.state.catalog) == 0
        row = session.get(EmailRequest, request_id)
        session.refresh(row)
        assert (row.status, row.claimed_at, row.attempts) == ("queued", None, 1)


def test_an_answer_given_while_sending_is_kept(app, client, sessions):
    [request_id] = _queue_requests(sessions, client, 1)
    with sessions() as session:
        claimed = jobs.claim(session, request_id)
        session.execute(update(EmailRequest).where(EmailRequest.id == request_id).values(status="answered"))
        session.commit()
        assert jobs.send_claimed(session, app.state.settings, app.state.catalog.helpline("nupraatikerover"), claimed)
        session.refresh(claimed)
        assert claimed.status == "answered"


def test_the_background_send_after_filing_claims_too(client, sessions, smtp_server):  # noqa: F811
    _, mailbox = smtp_server
    conversation = start_conversation(client, simulated_now=SUNDAY_NIGHT)
    file_email(client, conversation["id"], "jonas@example.org", "Wat moet ik doen?")
    with sessions() as session:
        [row] = session.query(EmailRequest).all()
        assert (row.status, row.attempts) == ("sent", 1)
    assert len(mailbox.messages) == 1
