"""Wakes WebSocket streams when a conversation gets a new message.

Streams read from the database (so nothing is lost and several processes would work);
this hub only saves them from waiting for their next poll.
"""

import asyncio
from collections import defaultdict


EVERY_CONVERSATION = "*"  # subscribers woken by any conversation's change (the console's desk)


class LiveHub:
    def __init__(self) -> None:
        self.loop: asyncio.AbstractEventLoop | None = None
        self._events: dict[str, set[asyncio.Event]] = defaultdict(set)

    def subscribe(self, conversation_id: str) -> asyncio.Event:
        event = asyncio.Event()
        self._events[conversation_id].add(event)
        return event

    def unsubscribe(self, conversation_id: str, event: asyncio.Event) -> None:
        self._events[conversation_id].discard(event)
        if not self._events[conversation_id]:
            del self._events[conversation_id]

    def notify(self, conversation_id: str) -> None:
        """Thread-safe: called after a commit, from whichever thread made it."""
        loop = self.loop
        if loop is None or loop.is_closed():
            return
        woken = set(self._events.get(conversation_id, ())) | set(self._events.get(EVERY_CONVERSATION, ()))
        for event in woken:
            loop.call_soon_threadsafe(event.set)
