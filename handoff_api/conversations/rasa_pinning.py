"""Which Rasa instance talks to a conversation (the scaled shape runs several behind the API).

Each conversation is pinned to one instance by a stable hash of its id (rendezvous hashing:
every worker, and every restart, picks the same instance, and adding or losing one instance
moves only the conversations it had). When the pinned instance is down, the conversation moves
to its next instance in the same stable order; it goes back once its own answers again. Rasa's
trackers are in one SQL store and its lock store is in Redis (bot/endpoints-scaled.yml), so any
instance can carry on a conversation, and never two at once.
"""

import hashlib
import threading
import time

DOWN_SECONDS = 10.0  # an instance that failed is passed over this long before it is tried again


def _weight(conversation_id: str, url: str) -> int:
    digest = hashlib.sha256(f"{url}\n{conversation_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


class RasaPinning:
    def __init__(self, base_urls: list[str], down_seconds: float = DOWN_SECONDS) -> None:
        urls = [url.rstrip("/") for url in base_urls if url.strip()]
        if not urls:
            raise ValueError("at least one Rasa URL is needed")
        self.base_urls = list(dict.fromkeys(urls))
        self.down_seconds = down_seconds
        self._down_until: dict[str, float] = {}
        self._lock = threading.Lock()

    def pinned(self, conversation_id: str) -> str:
        return self.order(conversation_id)[0]

    def order(self, conversation_id: str) -> list[str]:
        """Every instance, in this conversation's stable order of preference."""
        return sorted(self.base_urls, key=lambda url: _weight(conversation_id, url), reverse=True)

    def candidates(self, conversation_id: str) -> list[str]:
        """The order to try now: instances marked down last (still tried: they may be back)."""
        now = time.monotonic()
        with self._lock:
            down = {url for url, until in self._down_until.items() if until > now}
        ordered = self.order(conversation_id)
        return [url for url in ordered if url not in down] + [url for url in ordered if url in down]

    def mark_down(self, base_url: str) -> None:
        with self._lock:
            self._down_until[base_url] = time.monotonic() + self.down_seconds

    def mark_up(self, base_url: str) -> None:
        with self._lock:
            self._down_until.pop(base_url, None)

    def is_down(self, base_url: str) -> bool:
        with self._lock:
            return self._down_until.get(base_url, 0.0) > time.monotonic()
