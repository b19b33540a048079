"""The internal API has its own app and listener (handoff_api.internal_main); the public app
neither serves nor lists it. Messages stored by another process reach the public app's sockets."""

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from websockets.sync.client import connect

from handoff_api.conversations.service import append_message
from handoff_api.db import make_engine, make_session_factory

from .conftest import INTERNAL, INTERNAL_TOKEN, bearer, start_conversation

REPO = Path(__file__).resolve().parents[2]


def test_the_public_app_has_no_internal_route_and_its_schema_lists_none(client):
    public, internal = client.public, client.internal
    params = {"entry_point": "nupraatikerover"}
    assert public.get("/internal/v1/availability", params=params, headers=INTERNAL).status_code == 404
    assert public.post("/internal/v1/handoffs", json={}, headers=INTERNAL).status_code == 404
    public_paths = public.get("/openapi.json").json()["paths"]
    assert public_paths and not [p for p in public_paths if p.startswith("/internal")]
    assert "/api/v1/conversations" in public_paths


def test_the_internal_app_serves_only_the_internal_api(client):
    internal = client.internal
    params = {"entry_point": "nupraatikerover"}
    assert internal.get("/internal/v1/availability", params=params, headers=INTERNAL).status_code == 200
    assert internal.get("/internal/v1/availability", params=params).status_code == 401
    assert internal.post("/api/v1/conversations", json={"entry_point": "nupraatikerover"}).status_code == 404
    paths = internal.get("/openapi.json").json()["paths"]
    assert "/internal/v1/handoffs" in paths and not [p for p in paths if p.startswith("/api/")]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def public_uvicorn(database_url, tmp_path):
    """The public app in its own uvicorn process, on this test's database."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HANDOFF_", "DATABASE_URL"))}
    env |= {"DATABASE_URL": database_url, "HANDOFF_INTERNAL_TOKEN": INTERNAL_TOKEN, "PYTHONPATH": str(REPO),
            "HANDOFF_RASA_URL": f"http://127.0.0.1:{_free_port()}", "HANDOFF_RASA_TIMEOUT_SECONDS": "2",
            "HANDOFF_SMTP_ENABLED": "false", "HANDOFF_TRACKER_STORE_URL": f"sqlite:///{tmp_path / 'none.db'}"}
    log = open(tmp_path / "public.log", "w")  # noqa: SIM115 (closed below)
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "handoff_api.main:app", "--host", "127.0.0.1", "--port", str(port)],
        env=env, cwd=tmp_path, stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert process.poll() is None and time.monotonic() < deadline, (tmp_path / "public.log").read_text()
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=15)
        log.close()


def test_a_message_stored_by_another_process_reaches_a_socket_on_the_public_app(public_uvicorn, database_url):
    with httpx.Client(base_url=public_uvicorn, timeout=30) as api:
        conversation = start_conversation(api)
    seen = len(conversation["messages"])
    ws_url = public_uvicorn.replace("http://", "ws://") + f"/api/v1/conversations/{conversation['id']}/live?after={seen}"
    with connect(ws_url, additional_headers=bearer(conversation["token"])) as socket_:
        # What the internal app does in its own process (e.g. a booking's code in the transcript).
        engine = make_engine(database_url)
        with make_session_factory(engine)() as session:
            append_message(session, conversation["id"], "system", "Je code is ABCD-EFGH-JK.")
            session.commit()
        engine.dispose()
        started = time.monotonic()
        frame = json.loads(socket_.recv(timeout=10))
        assert frame["text"] == "Je code is ABCD-EFGH-JK." and frame["sender"] == "system"
        assert time.monotonic() - started < 5  # within the streams' recheck (streaming.RECHECK_SECONDS)
