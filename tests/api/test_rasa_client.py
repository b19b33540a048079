"""The Rasa client itself (RasaInstance), against a real HTTP server on loopback speaking the REST channel."""

import asyncio
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from handoff_api.conversations.rasa import BotReply, InFlightBound, RasaInstance, RasaUnavailable


def send(base_url: str, timeout: float, message: str, entry_point: str, token: str = "") -> list:
    instance = RasaInstance(base_url, timeout, token)

    async def once():
        try:
            return await instance.send("c1", message, entry_point)
        finally:
            await instance.aclose()

    return asyncio.run(once())


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
    replies = send(rest_channel + "/", 5, "/greet", "veiligthuis")
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
        send(rest_channel, 5, "hallo", "1712")


def test_every_relay_carries_rasas_token(rest_channel):
    send(rest_channel, 5, "hallo", "1712", token="s3cret-token")
    assert FakeRestChannel.authorization == ["Bearer s3cret-token"]


def test_the_app_gives_the_relay_the_token_setting(database_url):
    from handoff_api.main import create_app

    from .conftest import make_settings

    app = create_app(make_settings(database_url, rasa_token="from-settings"))
    [instance] = app.state.rasa_pool.instances
    assert instance.headers == {"Authorization": "Bearer from-settings"}


def test_an_unreachable_rasa_raises_rasa_unavailable():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(RasaUnavailable):
        send(f"http://127.0.0.1:{port}", 2, "hallo", "1712")


def test_the_trainers_tracker_reads_carry_rasas_token():
    """Rasa's HTTP API (`rasa run --auth-token`) takes the token as ?token=."""
    from handoff_api.trainers.collection import RasaTrackerSource

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


def test_the_bound_gives_way_to_those_waiting_first_come_first_served():
    async def scenario():
        bound = InFlightBound(2)
        assert bound.try_acquire() and bound.try_acquire()
        assert not bound.try_acquire()  # full
        order = []

        async def waiter(name):
            await bound.acquire()
            order.append(name)

        tasks = [asyncio.create_task(waiter(name)) for name in ("first", "second")]
        await asyncio.sleep(0)
        bound.release()
        assert not bound.try_acquire()  # the freed slot went to a waiter, not to a newcomer
        await asyncio.sleep(0)
        bound.release()
        await asyncio.gather(*tasks)
        assert order == ["first", "second"] and bound.in_flight == 2
        bound.release()
        bound.release()
        assert bound.in_flight == 0 and bound.try_acquire()

    asyncio.run(scenario())


def test_a_fixed_bound_stays_where_it_is_set():
    bound = InFlightBound(8)
    for _ in range(5):
        bound.observe(100.0)
    assert bound.limit == 8 and bound.cuts == 0


def test_the_bound_shrinks_when_rasa_is_slower_than_the_target_and_grows_back_when_fast():
    bound = InFlightBound(40, target_seconds=1.0)
    bound.observe(0.2)
    assert bound.limit == 40  # never past the cap
    bound.observe(3.0)
    assert bound.limit == 30 and bound.cuts == 1
    bound.observe(3.0)  # the calls in flight saw the same slowness: one cut for them
    assert bound.limit == 30
    bound._cut_until = 0.0  # a call's time later
    for _ in range(20):
        bound.observe(3.0)
        bound._cut_until = 0.0
    assert bound.limit == 4  # the floor: its answers still tell when it is fast again
    for _ in range(3):
        bound.observe(0.5)
    assert bound.limit == 7


def test_a_shrunk_bound_lets_fewer_through_and_a_grown_one_hands_its_slot_to_the_oldest_waiter():
    async def scenario():
        bound = InFlightBound(6, target_seconds=1.0)
        for _ in range(6):
            assert bound.try_acquire()
        bound.observe(5.0)
        assert bound.limit == 4
        waiter = asyncio.create_task(bound.acquire())
        await asyncio.sleep(0)
        bound.release()
        bound.release()  # over the shrunk limit: these slots are not handed on
        await asyncio.sleep(0)
        assert not waiter.done() and bound.in_flight == 4
        bound.release()  # at the limit again: this one passes on
        await asyncio.sleep(0)
        assert waiter.done() and bound.in_flight == 4
        second = asyncio.create_task(bound.acquire())
        await asyncio.sleep(0)
        assert not second.done()
        bound.observe(0.1)  # fast again: one more slot, to the waiter at once
        await asyncio.sleep(0)
        assert second.done() and bound.limit == 5 and bound.in_flight == 5

    asyncio.run(scenario())
