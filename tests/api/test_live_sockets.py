"""Open sockets lose the stream when their right goes: on real uvicorn, with a real WebSocket
client. A refused handshake is HTTP 403 there; an open socket closes with the close code
documented in handoff_api/API.md, within the recheck interval, and gets nothing after."""

import io
import sys
import threading
import time
from datetime import timedelta

import httpx
import pytest
import uvicorn
from fastapi.testclient import TestClient
from sqlalchemy import update
from websockets.exceptions import ConnectionClosed, InvalidStatus
from websockets.sync.client import connect

from handoff_api.admin import main as admin_main
from handoff_api.conversations.streaming import RECHECK_SECONDS
from handoff_api.counsellors.models import CounsellorSession
from handoff_api.db import utcnow

from .conftest import INTERNAL, PASSWORD, labels, make_available, make_settings

WEDNESDAY_EVENING = "2026-11-25T19:30:00+01:00"  # Nupraatikerover.be open
SUNDAY_NIGHT = "2026-11-22T23:30:00+01:00"
CLOSE_WITHIN = RECHECK_SECONDS + 3.0  # the issue asks for 5 s at most


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def server(app, internal_app):
    """The public API on real uvicorn on a free loopback port; `.internal` is the internal app
    (its own listener in production; here a TestClient on the same database)."""
    port = _free_port()
    config = uvicorn.Config(
        app, host="127.0.0.1", port=port, log_level="warning", access_log=False,
        ws_ping_interval=None, timeout_graceful_shutdown=1, proxy_headers=False,
    )
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.05)
    with httpx.Client(base_url=base, timeout=30) as http, TestClient(internal_app) as internal:
        http.ws_base = f"ws://127.0.0.1:{port}"
        http.internal = internal
        yield http
    running.should_exit = True
    thread.join(timeout=15)


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def new_conversation(http, moment=WEDNESDAY_EVENING) -> dict:
    created = http.post("/api/v1/conversations", json={"entry_point": "nupraatikerover", "simulated_now": moment})
    assert created.status_code == 201, created.text
    return created.json()


def claimed_by_anna(http, database_url) -> tuple[dict, dict]:
    stdin, sys.stdin = sys.stdin, io.StringIO(PASSWORD + "\n")
    try:
        assert admin_main(["create-counsellor", "--username", "anna", "--helpline", "nupraatikerover",
                           "--password-stdin"], make_settings(database_url)) == 0
    finally:
        sys.stdin = stdin
    token = http.post("/api/v1/counsellor/login", json={"username": "anna", "password": PASSWORD}).json()["token"]
    make_available(http, bearer(token))
    conversation = new_conversation(http)
    handed = http.internal.post("/internal/v1/handoffs", headers=INTERNAL, json={
        "conversation_id": conversation["id"], "entry_point": "nupraatikerover", "labels": labels(),
        "consent": True, "visitor_words": ["Ik durf het niet te zeggen."], "qa": [],
        "details": {"recent_sexual_assault": False},
    })
    assert handed.status_code == 201, handed.text
    assert http.post(f"/api/v1/counsellor/conversations/{conversation['id']}/claim", headers=bearer(token)).status_code == 200
    return conversation, bearer(token)


def drain(socket, quiet: float = 0.5, first: float = 10.0) -> list[dict]:
    """Every frame until the socket is quiet for a moment (it stays open). The first frame may
    take longer on a loaded machine: up to `first` seconds."""
    import json

    frames = []
    while True:
        try:
            frames.append(json.loads(socket.recv(timeout=quiet if frames else first)))
        except TimeoutError:
            return frames


def wait_for_close(socket, timeout: float) -> tuple[int, list[dict], float]:
    """(close code, frames received before it, seconds it took)."""
    import json

    frames, started = [], time.monotonic()
    try:
        while True:
            frames.append(json.loads(socket.recv(timeout=timeout)))
    except ConnectionClosed as closed:
        return closed.rcvd.code if closed.rcvd else None, frames, time.monotonic() - started
    except TimeoutError:
        pytest.fail(f"the socket stayed open for {timeout} s")


def test_a_refused_handshake_is_http_403_on_real_uvicorn(server):
    conversation = new_conversation(server)
    for path in (f"/api/v1/conversations/{conversation['id']}/live",
                 f"/api/v1/counsellor/conversations/{conversation['id']}/live"):
        with pytest.raises(InvalidStatus) as refused:
            connect(f"{server.ws_base}{path}?token=wrong", open_timeout=10)
        assert refused.value.response.status_code == 403


def test_the_old_visitor_socket_closes_when_check_in_issues_a_new_token(server):
    conversation = new_conversation(server, SUNDAY_NIGHT)
    slots = server.internal.get("/internal/v1/appointments/slots", headers=INTERNAL, params={
        "entry_point": "nupraatikerover", "conversation_id": conversation["id"]}).json()["slots"]
    booked = server.internal.post("/internal/v1/appointments", headers=INTERNAL, json={
        "conversation_id": conversation["id"], "entry_point": "nupraatikerover", "start": slots[0]["start"]})
    code = booked.json()["code"]
    path = f"/api/v1/conversations/{conversation['id']}/live"
    with connect(f"{server.ws_base}{path}?token={conversation['token']}", open_timeout=10) as old:
        assert drain(old)  # the transcript so far
        back = server.post("/api/v1/appointments/check-in", json={"code": code, "simulated_now": slots[0]["start"]})
        assert back.status_code == 200, back.text
        closed, frames, took = wait_for_close(old, CLOSE_WITHIN)
    assert closed == 4401 and took < CLOSE_WITHIN
    assert not any("Welkom terug" in frame["text"] for frame in frames)  # nothing after the rotation
    with connect(f"{server.ws_base}{path}?token={back.json()['token']}", open_timeout=10) as new:
        assert any("Welkom terug" in frame["text"] for frame in drain(new))


def _logout(server, database_url, anna, conversation):
    assert server.post("/api/v1/counsellor/logout", headers=anna).status_code == 204


def _expire(server, database_url, anna, conversation):
    # No event at all: only the periodic recheck can see it.
    with server.app_state.session_factory() as session:
        session.execute(update(CounsellorSession).values(expires_at=utcnow() - timedelta(minutes=1)))
        session.commit()


def _admin(command):
    def run(server, database_url, anna, conversation):
        assert admin_main([command, "--username", "anna"], make_settings(database_url)) == 0
    return run


def _transfer_away(server, database_url, anna, conversation):
    moved = server.post(f"/api/v1/counsellor/conversations/{conversation['id']}/transfer", headers=anna,
                        json={"to_helpline": "veiligthuis", "note": "Woont in Nederland."})
    assert moved.status_code == 200, moved.text


@pytest.mark.parametrize(("cause", "expected"), [
    (_logout, 4401), (_expire, 4401), (_admin("revoke-sessions"), 4401),
    (_admin("deactivate"), 4410), (_transfer_away, 4404),
], ids=["logout", "expiry", "revoke-sessions", "deactivate", "transfer-away"])
def test_the_counsellor_socket_closes_when_its_right_goes(server, app, database_url, cause, expected):
    server.app_state = app.state
    conversation, anna = claimed_by_anna(server, database_url)
    token = anna["Authorization"].split()[1]
    path = f"/api/v1/counsellor/conversations/{conversation['id']}/live"
    with connect(f"{server.ws_base}{path}?token={token}", open_timeout=10) as socket:
        assert drain(socket)
        cause(server, database_url, anna, conversation)
        if cause is not _transfer_away:
            # An event right after: it must not reach a socket whose right is gone.
            server.post(f"/api/v1/conversations/{conversation['id']}/messages",
                        json={"text": "Ben je er nog?"}, headers=bearer(conversation["token"]))
        closed, frames, took = wait_for_close(socket, CLOSE_WITHIN)
    assert closed == expected and took < CLOSE_WITHIN
    assert not any(frame.get("text") == "Ben je er nog?" for frame in frames)
