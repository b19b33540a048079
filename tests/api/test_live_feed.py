"""Pushed live delivery between workers through Redis pub/sub (real Redis, real uvicorn).

Two apps on one database stand for two workers: a socket on the first (real uvicorn) gets a
message committed by the second at once, not at its next re-authorisation (the streams no
longer poll the database). Each test has its own Redis prefix.
"""

import json
import socket
import threading
import time

import httpx
import pytest
import redis
import uvicorn
from fastapi.testclient import TestClient
from websockets.sync.client import connect

from handoff_api.conversations.service import append_message
from handoff_api.conversations.streaming import RECHECK_SECONDS
from handoff_api.main import create_app

from .conftest import bearer, make_settings, start_conversation
from .test_shared_rate_limits import REDIS_URL, prefix  # noqa: F401


@pytest.fixture
def settings_overrides(prefix) -> dict:  # noqa: F811
    return {"redis_url": REDIS_URL, "redis_prefix": prefix}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def first_worker(app):
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                           access_log=False, ws_ping_interval=None,
                                           timeout_graceful_shutdown=1, proxy_headers=False))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=15)


@pytest.fixture
def second_worker(database_url, settings_overrides, fake_rasa):
    second = create_app(make_settings(database_url, **settings_overrides))
    with TestClient(second) as client:
        client.app_ = second
        yield client


def test_a_commit_on_another_worker_reaches_the_socket_without_a_poll(first_worker, second_worker):
    with httpx.Client(base_url=first_worker, timeout=30) as api:
        conversation = start_conversation(api)
    seen = len(conversation["messages"])
    url = first_worker.replace("http://", "ws://") + f"/api/v1/conversations/{conversation['id']}/live?after={seen}"
    with connect(url, additional_headers=bearer(conversation["token"])) as socket_:
        time.sleep(0.5)  # the socket's first read is done; from now on only a wake-up reads
        for n in range(3):
            with second_worker.app_.state.session_factory() as session:
                append_message(session, conversation["id"], "system", f"bericht {n}")
                session.commit()
            # Well before the socket's next re-authorisation, which no longer reads messages.
            frame = json.loads(socket_.recv(timeout=RECHECK_SECONDS / 2))
            assert (frame["sender"], frame["text"]) == ("system", f"bericht {n}")


def test_only_conversation_ids_travel_through_redis(first_worker, second_worker, prefix):  # noqa: F811
    client = redis.Redis.from_url(REDIS_URL)
    pubsub = client.pubsub()
    pubsub.subscribe(f"{prefix}:live")
    pubsub.get_message(timeout=2)  # the subscribe confirmation
    with httpx.Client(base_url=first_worker, timeout=30) as api:
        conversation = start_conversation(api)
    with second_worker.app_.state.session_factory() as session:
        append_message(session, conversation["id"], "system", "geheime tekst")
        session.commit()
    payloads = []
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and conversation["id"].encode() not in payloads:
        message = pubsub.get_message(timeout=1)
        if message and message["type"] == "message":
            payloads.append(message["data"])
    assert conversation["id"].encode() in payloads
    assert not any(b"geheime" in payload for payload in payloads)
    pubsub.close()
    client.close()
