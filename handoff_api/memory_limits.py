"""Moving-window rate limits in this process's memory (the embedded shape, and every worker's
fallback while Redis is away), counted as the `limits` package's MovingWindowRateLimiter counts
them: a hit is refused when the window already holds `amount` hits.

Not the package's MemoryStorage: that one keeps a key for every conversation and every address
it ever saw, and 10 ms after nearly every hit starts a thread that walks all of them (limits
5.8). With 50,000 conversations behind it one walk took 165 ms, so a process that has served a
few weeks of chats would spend most of a core, holding the GIL, on the walk. Here a key goes
once its last hit has left its window, swept at most once a minute.
"""

import threading
import time
from collections import deque

from limits import RateLimitItem

SWEEP_SECONDS = 60.0


class MemoryMovingWindow:
    def __init__(self, clock=time.monotonic) -> None:
        self._clock = clock
        self._hits: dict[str, tuple[float, deque[float]]] = {}  # key: (window seconds, hit times)
        self._lock = threading.Lock()
        self._next_sweep = clock() + SWEEP_SECONDS

    def hit(self, item: RateLimitItem, *identifiers: str) -> bool:
        """Counts one hit of `item` for `identifiers`; False (not counted) when the limit is full."""
        key, window, now = item.key_for(*identifiers), float(item.get_expiry()), self._clock()
        with self._lock:
            if now >= self._next_sweep:
                self._sweep(now)
            _, hits = self._hits.setdefault(key, (window, deque()))
            while hits and hits[0] < now - window:
                hits.popleft()
            if len(hits) >= item.amount:
                return False
            hits.append(now)
            return True

    def __len__(self) -> int:
        """The keys held (a test's view of the memory this takes)."""
        return len(self._hits)

    def _sweep(self, now: float) -> None:
        self._next_sweep = now + SWEEP_SECONDS
        gone = [key for key, (window, hits) in self._hits.items() if not hits or hits[-1] < now - window]
        for key in gone:
            del self._hits[key]
