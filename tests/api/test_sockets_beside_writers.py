"""On SQLite the live sockets read without the writers' lock: the desk's snapshot (once a second
per open desk), the handshakes, the re-authorisations, the notes and the typing frames answer
while another session holds it, and begin only a deferred `BEGIN`. A supervisor's handshake
writes its access-log line through the writing session: only that takes the lock."""

import time

import pytest

from handoff_api.counsellors import sockets

from .conftest import bearer
from .test_counsellors import db_scalar, queued_conversation
from .test_reads_beside_writers import LOCKED, begun, sqlite_only  # noqa: F401 (the fixture)
from .test_supervision import claimed, staff  # noqa: F401 (the fixture)

NOTE = "Let op: ze noemde een broer van 15."


@pytest.fixture
def quick_desk(monkeypatch):
    """The desk's pass every 50 ms instead of every second: a few passes in a short test."""
    monkeypatch.setattr(sockets, "DESK_RECHECK_SECONDS", 0.05)


@pytest.mark.parametrize("settings_overrides", LOCKED)
def test_a_desk_gets_its_snapshot_beside_the_writers(client, app, staff, quick_desk):  # noqa: F811
    mine = claimed(client, staff)
    waiting = queued_conversation(client)["id"]
    with begun(app) as statements:
        with client.websocket_connect("/api/v1/counsellor/live", headers=staff["npie_anna"]) as desk:
            snapshot = desk.receive_json()
            time.sleep(0.3)  # passes with nothing new: the re-authorisation and the snapshot again
    assert [e["conversation_id"] for e in snapshot["queue"]] == [waiting]
    assert [c["conversation_id"] for c in snapshot["mine"]] == [mine]
    assert len(statements) >= 6 and set(statements) == {"BEGIN"}


@pytest.mark.parametrize("settings_overrides", LOCKED)
def test_a_conversations_sockets_read_beside_the_writers(client, app, staff):  # noqa: F811
    """The counsellor's replay, note frame, re-authorisation and typing, and the visitor's socket."""
    conversation = queued_conversation(client)
    cid, anna = conversation["id"], staff["npie_anna"]
    assert client.post(f"/api/v1/counsellor/conversations/{cid}/claim", headers=anna).status_code == 200
    assert client.post(f"/api/v1/counsellor/conversations/{cid}/notes", json={"text": NOTE}, headers=anna).status_code == 201
    last = client.get(f"/api/v1/conversations/{cid}", headers=bearer(conversation["token"])).json()["last_seq"]
    with begun(app) as statements:
        with client.websocket_connect(
            f"/api/v1/conversations/{cid}/live?after={last}", headers=bearer(conversation["token"])
        ) as visitor, client.websocket_connect(
            f"/api/v1/counsellor/conversations/{cid}/live?after=0", headers=anna
        ) as counsellor:
            frames = [counsellor.receive_json() for _ in range(last + 1)]
            counsellor.send_json({"type": "typing"})
            typing = visitor.receive_json()
    assert [f["seq"] for f in frames[:-1]] == list(range(1, last + 1))
    assert (frames[-1]["type"], frames[-1]["text"]) == ("note", NOTE)
    assert typing == {"type": "typing", "who": "counsellor", "name": "Anna"}
    assert set(statements) == {"BEGIN"}


@pytest.mark.parametrize("settings_overrides", LOCKED)
@pytest.mark.parametrize(("path", "action"), [
    ("/api/v1/counsellor/live", "watch_desk"),
    ("/api/v1/counsellor/conversations/{cid}/live?after=99", "watch_conversation"),
])
def test_a_supervisors_handshake_takes_the_lock_only_for_its_access_log_line(
    client, app, staff, database_url, quick_desk, path, action  # noqa: F811
):
    cid = claimed(client, staff)
    assert client.post(f"/api/v1/counsellor/conversations/{cid}/notes", json={"text": NOTE}, headers=staff["npie_anna"]).status_code == 201
    with begun(app, hold_lock=False) as statements:
        with client.websocket_connect(path.format(cid=cid), headers=staff["npie_sofie"]) as socket:
            frame = socket.receive_json()  # the desk's snapshot, or the note
            time.sleep(0.3)
    assert frame["type"] in ("desk", "note")
    assert statements.count("BEGIN IMMEDIATE") == 1 and set(statements) == {"BEGIN", "BEGIN IMMEDIATE"}
    assert db_scalar(database_url, "SELECT count(*) FROM access_log WHERE action = :a", a=action) == 1


@pytest.mark.timeout(60)  # before the busy answer, the frame was never answered: the test hung
@pytest.mark.parametrize("settings_overrides", LOCKED)
def test_a_message_frame_on_a_busy_database_is_answered_busy_and_the_socket_stays(
    client, app, staff, database_url  # noqa: F811
):
    cid = claimed(client, staff)
    stored = db_scalar(database_url, "SELECT count(*) FROM messages WHERE conversation_id = :c", c=cid)
    last = db_scalar(database_url, "SELECT max(seq) FROM messages WHERE conversation_id = :c", c=cid)
    with client.websocket_connect(f"/api/v1/counsellor/conversations/{cid}/live?after={last}",
                                  headers=staff["npie_anna"]) as counsellor:
        with begun(app):  # another session holds the writers' lock past the 1 s lock timeout
            counsellor.send_json({"type": "message", "text": "Ik ben er, vertel maar."})
            answer = counsellor.receive_json()
        counsellor.send_json({"type": "message", "text": "Ik ben er, vertel maar."})  # sent again
        again = counsellor.receive_json()
    assert (answer["type"], answer["error"]) == ("error", "busy")
    assert answer["message"]["nl"].startswith("Het is nu erg druk")
    assert (again["type"], again["text"]) == ("message", "Ik ben er, vertel maar.")
    assert db_scalar(database_url, "SELECT count(*) FROM messages WHERE conversation_id = :c", c=cid) == stored + 1


def test_a_socket_whose_database_is_busy_closes_with_try_again_later():
    """The handler for a busy database, reached from a WebSocket route: close 1013, no 500 path."""
    from fastapi import FastAPI, WebSocket
    from fastapi.testclient import TestClient
    from sqlalchemy.exc import OperationalError
    from starlette.websockets import WebSocketDisconnect

    from handoff_api.errors import install_error_handlers

    app = FastAPI()
    install_error_handlers(app)

    @app.websocket("/busy")
    async def busy_socket(websocket: WebSocket) -> None:
        await websocket.accept()
        raise OperationalError("BEGIN IMMEDIATE", {}, Exception("database is locked"))

    with TestClient(app) as client, client.websocket_connect("/busy") as socket:
        with pytest.raises(WebSocketDisconnect) as closed:
            socket.receive_json()
    assert closed.value.code == 1013
