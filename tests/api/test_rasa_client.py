"""The RasaClient itself, against a real HTTP server on loopback speaking the REST channel."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from handoff_api.conversations.rasa import BotReply, RasaClient, RasaUnavailable


class FakeRestChannel(BaseHTTPRequestHandler):
    received: list = []
    authorization: list = []
    status = 200
    answer: object = []

    def do_POST(self):  # noqa: N802 (http.server's naming)
        length = int(self.headers["Content-Length"])
        FakeRestChannel.received.append((self.path, json.loads(self.rfile.read(length))))
        FakeRestChannel.authorization.append(self.headers.get("Authorization"))
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
    FakeRestChannel.authorization = []
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


def test_every_relay_carries_rasas_token(rest_channel):
    RasaClient(rest_channel, 5, token="s3cret-token").send("c1", "hallo", "1712")
    assert FakeRestChannel.authorization == ["Bearer s3cret-token"]


def test_the_app_gives_the_relay_the_token_setting(database_url):
    from handoff_api.main import create_app

    from .conftest import make_settings

    app = create_app(make_settings(database_url, rasa_token="from-settings"))
    assert app.state.rasa_client.headers == {"Authorization": "Bearer from-settings"}


def test_an_unreachable_rasa_raises_rasa_unavailable():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(RasaUnavailable):
        RasaClient(f"http://127.0.0.1:{port}", 2).send("c1", "hallo", "1712")


def test_the_trainers_tracker_reads_carry_rasas_token():
    """Rasa's HTTP API (`rasa run --auth-token`) takes the token as ?token=."""
    from handoff_api.trainers.service import RasaTrackerSource

    seen = []

    class TrackerApi(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            seen.append(self.path)
            body = b'{"sender_id": "c1", "events": []}'
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), TrackerApi)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        source = RasaTrackerSource(f"http://127.0.0.1:{server.server_address[1]}", 5, token="t0k3n")
        assert source.tracker("c1") == {"sender_id": "c1", "events": []}
    finally:
        server.shutdown()
        server.server_close()
    assert seen == ["/conversations/c1/tracker?include_events=ALL&token=t0k3n"]
