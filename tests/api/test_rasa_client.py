"""The RasaClient itself, against a real HTTP server on loopback speaking the REST channel."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from handoff_api.conversations.rasa import BotReply, RasaClient, RasaUnavailable


class FakeRestChannel(BaseHTTPRequestHandler):
    received: list = []
    status = 200
    answer: object = []

    def do_POST(self):  # noqa: N802 (http.server's naming)
        length = int(self.headers["Content-Length"])
        FakeRestChannel.received.append((self.path, json.loads(self.rfile.read(length))))
        body = json.dumps(FakeRestChannel.answer).encode()
        self.send_response(FakeRestChannel.status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def rest_channel():
    FakeRestChannel.received, FakeRestChannel.status, FakeRestChannel.answer = [], 200, []
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeRestChannel)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_posts_the_contract_body_and_parses_text_and_buttons(rest_channel):
    FakeRestChannel.answer = [
        {"recipient_id": "c1", "text": "Hoi!"},
        {"recipient_id": "c1", "text": "Kies:", "buttons": [{"title": "Ja", "payload": "/affirm"}]},
        {"recipient_id": "c1", "custom": {"ignored": True}},
    ]
    replies = RasaClient(rest_channel + "/", 5).send("c1", "/greet", "veiligthuis")
    assert FakeRestChannel.received == [
        (
            "/webhooks/rest/webhook",
            {"sender": "c1", "message": "/greet", "metadata": {"entry_point": "veiligthuis"}},
        )
    ]
    assert replies == [
        BotReply("Hoi!", []),
        BotReply("Kies:", [{"title": "Ja", "payload": "/affirm"}]),
    ]


@pytest.mark.parametrize(("status", "answer"), [(500, {"error": "boom"}), (200, {"not": "a list"})])
def test_errors_and_unusable_answers_raise_rasa_unavailable(rest_channel, status, answer):
    FakeRestChannel.status, FakeRestChannel.answer = status, answer
    with pytest.raises(RasaUnavailable):
        RasaClient(rest_channel, 5).send("c1", "hallo", "1712")


def test_an_unreachable_rasa_raises_rasa_unavailable():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(RasaUnavailable):
        RasaClient(f"http://127.0.0.1:{port}", 2).send("c1", "hallo", "1712")
