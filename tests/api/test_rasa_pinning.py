"""Several Rasa instances behind the API: each conversation pinned to one by its id, moved to
the next when that one is down (real HTTP servers on loopback speaking the REST channel)."""

import asyncio
import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from handoff_api.conversations.rasa import RasaInstance, RasaPool, RasaUnavailable
from handoff_api.conversations.rasa_pinning import RasaPinning


class RasaClient:
    """The relay's RasaPool, one message at a time (each in its own event loop)."""

    def __init__(self, urls: list[str], timeout: float) -> None:
        self.pool = RasaPool([RasaInstance(url, timeout) for url in urls])
        self.pinning = self.pool.pinning

    def send(self, sender: str, message: str, entry_point: str):
        async def once():
            try:
                return await self.pool.send(sender, message, entry_point)
            finally:
                await self.pool.aclose()

        return asyncio.run(once())


def _instance(name: str, seen: list):
    class Channel(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 (http.server's naming)
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            seen.append((name, body["sender"]))
            answer = json.dumps([{"recipient_id": body["sender"], "text": f"{name} antwoordt"}]).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Channel)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture
def instances():
    seen: list = []
    servers = [_instance(name, seen) for name in ("a", "b")]
    yield [url for _, url in servers], seen, [server for server, _ in servers]
    for server, _ in servers:
        server.shutdown()
        server.server_close()


def _conversation_pinned_to(pool: RasaPinning, url: str) -> str:
    return next(f"c{n}" for n in range(1000) if pool.pinned(f"c{n}") == url)


def test_the_pin_is_stable_across_workers_and_spreads_conversations():
    urls = ["http://127.0.0.1:5005", "http://127.0.0.1:5006"]
    first, second = RasaPinning(urls), RasaPinning(list(reversed(urls)))
    ids = [f"conversation-{n}" for n in range(1000)]
    assert [first.pinned(i) for i in ids] == [second.pinned(i) for i in ids]
    share = sum(first.pinned(i) == urls[0] for i in ids) / len(ids)
    assert 0.4 < share < 0.6


def test_losing_an_instance_moves_only_its_conversations():
    two = RasaPinning(["http://a", "http://b"])
    three = RasaPinning(["http://a", "http://b", "http://c"])
    ids = [f"conversation-{n}" for n in range(300)]
    assert all(two.pinned(i) == three.pinned(i) for i in ids if three.pinned(i) != "http://c")


def test_a_conversation_stays_on_its_instance(instances):
    urls, seen, _ = instances
    client = RasaClient(urls, 5)
    conversation = _conversation_pinned_to(client.pinning, urls[1])
    for _ in range(3):
        [reply] = client.send(conversation, "hallo", "1712")
        assert reply.text == "b antwoordt"
    assert seen == [("b", conversation)] * 3


def test_when_its_instance_dies_the_conversation_moves_on_and_comes_back(instances):
    urls, seen, servers = instances
    client = RasaClient(urls, 5)
    client.pinning.down_seconds = 0.0  # tried again at once: the test needs no clock
    conversation = _conversation_pinned_to(client.pinning, urls[0])
    assert client.send(conversation, "een", "1712")[0].text == "a antwoordt"
    servers[0].shutdown()
    servers[0].server_close()  # port closed: connection refused, as after kill -9
    assert client.send(conversation, "twee", "1712")[0].text == "b antwoordt"
    assert client.pinning.candidates(conversation)[0] == urls[0]  # still its own, once it is back


def test_an_instance_marked_down_is_passed_over_meanwhile(instances):
    urls, seen, servers = instances
    client = RasaClient(urls, 5)
    conversation = _conversation_pinned_to(client.pinning, urls[0])
    servers[0].shutdown()
    servers[0].server_close()
    client.send(conversation, "een", "1712")
    assert client.pinning.is_down(urls[0])
    assert client.pinning.candidates(conversation) == [urls[1], urls[0]]
    client.send(conversation, "twee", "1712")
    assert seen == [("b", conversation), ("b", conversation)]


def test_every_instance_down_raises_rasa_unavailable():
    ports = []
    for _ in range(2):
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            ports.append(sock.getsockname()[1])
    with pytest.raises(RasaUnavailable):
        RasaClient([f"http://127.0.0.1:{port}" for port in ports], 2).send("c1", "hallo", "1712")


def test_the_settings_list_the_instances():
    from handoff_api.config import Settings

    assert Settings(_env_file=None, rasa_url="http://x:1").rasa_instances() == ["http://x:1"]
    scaled = Settings(_env_file=None, rasa_urls="http://x:1, http://y:2")
    assert scaled.rasa_instances() == ["http://x:1", "http://y:2"]
