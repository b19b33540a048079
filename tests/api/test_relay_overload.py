"""The async relay under load, on real uvicorn: a real HTTP server on loopback stands in for an
overloaded Rasa (it answers the REST channel after a delay). Overload gives the busy reply with
200, never a 5xx; the waiting message is drained and its answer arrives; a retry is stored once.
"""

import json
import socket
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest
import uvicorn

from handoff_api.main import create_app

from .conftest import _empty_tables, bearer, make_settings

BUSY = "de chatbot is nu erg druk"


class SlowRasa(BaseHTTPRequestHandler):
    """Rasa's REST channel, taking `delay` seconds per message (its lock store keeps order)."""

    delay = 0.0
    received: list = []
    lock = threading.Lock()

    def do_POST(self):  # noqa: N802 (http.server's naming)
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        with SlowRasa.lock:
            SlowRasa.received.append((body["sender"], body["message"]))
        time.sleep(SlowRasa.delay)
        answer = json.dumps([{"recipient_id": body["sender"], "text": f"bot heard: {body['message']}"}]).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args):
        pass


@pytest.fixture
def slow_rasa():
    SlowRasa.delay, SlowRasa.received = 0.0, []
    server = ThreadingHTTPServer(("127.0.0.1", 0), SlowRasa)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def api(database_url, slow_rasa, request):
    """The public app on real uvicorn in a thread; `relay` marks override its settings."""
    overrides = {"rasa_url": slow_rasa, "rasa_deadline_seconds": 1.0, "rasa_max_in_flight": 2,
                 "relay_drain_seconds": 0.2, "rasa_timeout_seconds": 20.0}
    marker = request.node.get_closest_marker("relay")
    overrides |= marker.kwargs if marker else {}
    port = _free_port()
    config = uvicorn.Config(create_app(make_settings(database_url, **overrides)), host="127.0.0.1",
                            port=port, log_level="warning", access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=30)
    _empty_tables(database_url)


def _start(http: httpx.Client) -> dict:
    response = http.post("/api/v1/conversations", json={"entry_point": "nupraatikerover"})
    assert response.status_code == 201, response.text
    return response.json()


def _post(http: httpx.Client, conversation: dict, text: str, client_message_id: str | None = None):
    body = {"text": text} | ({"client_message_id": client_message_id} if client_message_id else {})
    return http.post(f"/api/v1/conversations/{conversation['id']}/messages", json=body,
                     headers=bearer(conversation["token"]))


def _transcript(http: httpx.Client, conversation: dict) -> list[dict]:
    response = http.get(f"/api/v1/conversations/{conversation['id']}/messages",
                        headers=bearer(conversation["token"]))
    assert response.status_code == 200
    return response.json()["messages"]


def _wait_for_text(http, conversation, text: str, seconds: float = 30) -> list[dict]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        messages = _transcript(http, conversation)
        if any(m["text"] == text for m in messages):
            return messages
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never reached the transcript: {_transcript(http, conversation)}")


def test_past_the_bound_visitors_get_the_busy_reply_at_once_and_the_answer_later(api):
    with httpx.Client(base_url=api, timeout=60) as http:
        conversations = [_start(http) for _ in range(6)]
        SlowRasa.delay = 1.5  # now overloaded: 2 in flight, 6 visitors at once
        with ThreadPoolExecutor(6) as pool:
            responses = list(pool.map(lambda c: _post(http, c[1], f"vraag {c[0]}"), enumerate(conversations)))
        assert [r.status_code for r in responses] == [200] * 6
        replies = [r.json()["messages"] for r in responses]
        busy = [m for turn in replies for m in turn if BUSY in m["text"]]
        assert len(busy) >= 4  # at most 2 got the bot within the bound
        for message in busy:
            assert message["sender"] == "system"
            for fact in ("112", "1813", "info@nupraatikerover.be", "bewaard"):
                assert fact in message["text"]
        for index, conversation in enumerate(conversations):
            messages = _wait_for_text(http, conversation, f"bot heard: vraag {index}")
            assert [m["text"] for m in messages if m["sender"] == "visitor"] == [f"vraag {index}"]
    assert sorted(m for _, m in SlowRasa.received if m != "/greet") == sorted(f"vraag {i}" for i in range(6))


@pytest.mark.relay(rasa_max_in_flight=8)
def test_past_the_deadline_the_visitor_gets_the_busy_reply_and_the_answer_follows(api):
    with httpx.Client(base_url=api, timeout=60) as http:
        conversation = _start(http)
        SlowRasa.delay = 3.0  # the deadline is 1 s
        response = _post(http, conversation, "hallo")
        assert response.status_code == 200
        [reply] = response.json()["messages"]
        assert reply["sender"] == "system" and BUSY in reply["text"] and "112" in reply["text"]
        messages = _wait_for_text(http, conversation, "bot heard: hallo")
        assert [m["sender"] for m in messages] == ["bot", "visitor", "system", "bot"]
    assert [m for _, m in SlowRasa.received].count("hallo") == 1  # sent once, not again by the drain


@pytest.mark.relay(rasa_max_in_flight=8)
def test_a_retry_with_the_same_client_id_is_stored_once_and_gets_the_answer(api):
    with httpx.Client(base_url=api, timeout=60) as http:
        conversation = _start(http)
        client_id = uuid.uuid4().hex
        first = _post(http, conversation, "ik wil iets vertellen", client_id)
        again = _post(http, conversation, "ik wil iets vertellen", client_id)
        assert first.status_code == again.status_code == 200
        assert first.json() == again.json()
        assert [m["text"] for m in first.json()["messages"]] == ["bot heard: ik wil iets vertellen"]
        visitor = [m for m in _transcript(http, conversation) if m["sender"] == "visitor"]
        assert [m["text"] for m in visitor] == ["ik wil iets vertellen"]
    assert [m for _, m in SlowRasa.received].count("ik wil iets vertellen") == 1


@pytest.mark.relay(rasa_max_in_flight=8)
def test_a_retry_while_the_bot_still_works_waits_for_the_same_answer(api):
    with httpx.Client(base_url=api, timeout=60) as http:
        conversation = _start(http)
        SlowRasa.delay = 0.6  # within the deadline
        client_id = uuid.uuid4().hex
        with ThreadPoolExecutor(2) as pool:
            first = pool.submit(_post, http, conversation, "nog een vraag", client_id)
            time.sleep(0.2)  # the first is on its way: the connection "dropped", the widget retries
            again = pool.submit(_post, http, conversation, "nog een vraag", client_id)
            first, again = first.result(), again.result()
        assert first.status_code == again.status_code == 200
        assert [m["text"] for m in again.json()["messages"]] == ["bot heard: nog een vraag"]
        visitor = [m for m in _transcript(http, conversation) if m["sender"] == "visitor"]
        assert len(visitor) == 1
    assert [m for _, m in SlowRasa.received].count("nog een vraag") == 1


@pytest.mark.relay(rasa_url="http://127.0.0.1:9")  # nothing listens there: Rasa is absent
def test_an_absent_rasa_gives_the_safe_reply_with_200(api):
    with httpx.Client(base_url=api, timeout=60) as http:
        conversation = _start(http)
        assert conversation["messages"][0]["sender"] == "system"
        response = _post(http, conversation, "is daar iemand?")
        assert response.status_code == 200
        [reply] = response.json()["messages"]
        assert reply["sender"] == "system" and "112" in reply["text"] and "bewaard" in reply["text"]


@pytest.mark.parametrize("settings_overrides", [{"database_lock_timeout_seconds": 0.3}])
def test_a_lock_not_had_in_time_is_503_with_the_numbers_never_500(client, database_url):
    if not database_url.startswith("sqlite"):
        pytest.skip("SQLite's write lock (PostgreSQL's lock_timeout gives the same OperationalError)")
    import sqlite3

    from .conftest import start_conversation

    conversation = start_conversation(client)
    holder = sqlite3.connect(database_url.removeprefix("sqlite:///"), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer holds the lock, longer than the timeout
    try:
        response = client.post(f"/api/v1/conversations/{conversation['id']}/messages",
                               json={"text": "hallo"}, headers=bearer(conversation["token"]))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert response.status_code == 503
    assert response.json()["error"] == "busy" and "112" in response.json()["help"]
    assert response.headers["Retry-After"] == "2"
