"""Pushes new messages to this worker's WebSocket streams (one hub and one feed per worker).

A stream subscribes to its conversation and sleeps until the hub wakes it; it then reads what
is new from the database, so nothing is lost and a late or repeated wake-up sends nothing twice.
A commit in this worker wakes its streams at once (handoff_api.appbase). Commits made in other
processes (other workers, the internal listener) arrive through the worker's one feed:

- RedisFeed (HANDOFF_REDIS_URL, the scaled shape): every commit publishes its conversation ids
  on the channel `<HANDOFF_REDIS_PREFIX>:live`; one subscriber per worker wakes its streams.
  After Redis was away, every stream of the worker is woken once to read what it missed.
- DatabaseFeed (the embedded shape): one query a second for the newest message of each
  conversation this worker streams, whatever the number of sockets.

Only conversation ids travel through Redis, never a message's text.
"""

import asyncio
import logging
from collections import defaultdict

import redis.asyncio as aioredis
from redis.exceptions import RedisError
from sqlalchemy import func, select
from starlette.concurrency import run_in_threadpool

from handoff_api.conversations.models import Message

log = logging.getLogger(__name__)
# Subscribed to: woken by any conversation's change (the console's desk). Woken itself (the
# feed's catch-up after Redis was away): every subscriber of the worker.
EVERY_CONVERSATION = "*"
POLL_SECONDS = 1.0
RECONNECT_SECONDS = 1.0
REDIS_TIMEOUT_SECONDS = 2.0
POLL_CHUNK = 500


class LiveHub:
    def __init__(self, feed: "RedisFeed | DatabaseFeed | None" = None) -> None:
        self.loop: asyncio.AbstractEventLoop | None = None
        self.feed = feed
        self._events: dict[str, set[asyncio.Event]] = defaultdict(set)
        self._task: asyncio.Task | None = None

    def subscribe(self, conversation_id: str) -> asyncio.Event:
        event = asyncio.Event()
        self._events[conversation_id].add(event)
        return event

    def unsubscribe(self, conversation_id: str, event: asyncio.Event) -> None:
        self._events[conversation_id].discard(event)
        if not self._events[conversation_id]:
            del self._events[conversation_id]

    def conversation_ids(self) -> list[str]:
        return [key for key in self._events if key != EVERY_CONVERSATION]

    def wake(self, conversation_id: str) -> None:
        """On the hub's loop: wakes this worker's streams of one conversation and the desks
        (EVERY_CONVERSATION: every stream)."""
        if conversation_id == EVERY_CONVERSATION:
            targets = list(self._events.values())
        else:
            targets = [self._events.get(conversation_id, ()), self._events.get(EVERY_CONVERSATION, ())]
        for events in targets:
            for event in list(events):
                event.set()

    def notify(self, conversation_id: str) -> None:
        """Thread-safe: called after a commit, from whichever thread made it."""
        loop = self.loop
        if loop is None or loop.is_closed():
            return
        loop.call_soon_threadsafe(self._committed, conversation_id)

    def _committed(self, conversation_id: str) -> None:
        self.wake(conversation_id)
        if self.feed is not None:
            self.feed.publish(conversation_id)

    async def start(self) -> None:
        self.loop = asyncio.get_running_loop()
        if self.feed is not None:
            self._task = asyncio.create_task(self.feed.run(self))

    async def stop(self) -> None:
        self.loop = None
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except (asyncio.CancelledError, Exception):  # noqa: BLE001 (stopping: nothing to do)
                pass
            self._task = None


class RedisFeed:
    """Redis pub/sub between the workers (and the internal listener, which only publishes)."""

    def __init__(self, url: str, prefix: str, listen: bool = True) -> None:
        self.url = url
        self.channel = f"{prefix}:live"
        self.listen = listen
        self._outbox: asyncio.Queue[str] | None = None

    def publish(self, conversation_id: str) -> None:
        if self._outbox is not None:
            self._outbox.put_nowait(conversation_id)

    async def run(self, hub: LiveHub) -> None:
        self._outbox = asyncio.Queue()
        client = aioredis.Redis.from_url(
            self.url, socket_timeout=REDIS_TIMEOUT_SECONDS, socket_connect_timeout=REDIS_TIMEOUT_SECONDS
        )
        tasks = [asyncio.create_task(self._publish_loop(client))]
        if self.listen:
            tasks.append(asyncio.create_task(self._listen_loop(hub)))
        try:
            await asyncio.gather(*tasks)
        finally:
            for task in tasks:
                task.cancel()
            await client.aclose()

    async def _publish_loop(self, client) -> None:
        missed = False
        while True:
            batch = {await self._outbox.get()}
            while not self._outbox.empty():
                batch.add(self._outbox.get_nowait())
            if missed:  # what failed to go out before: every stream reads again
                batch = {EVERY_CONVERSATION}
            try:
                async with client.pipeline(transaction=False) as pipe:
                    for conversation_id in batch:
                        pipe.publish(self.channel, conversation_id)
                    await pipe.execute()
                missed = False
            except (RedisError, OSError) as error:
                if not missed:
                    log.warning("live feed: cannot publish to Redis (%s)", type(error).__name__)
                missed = True
                await asyncio.sleep(RECONNECT_SECONDS)

    async def _listen_loop(self, hub: LiveHub) -> None:
        while True:
            client = aioredis.Redis.from_url(self.url, socket_connect_timeout=REDIS_TIMEOUT_SECONDS)
            try:
                async with client.pubsub() as pubsub:
                    await pubsub.subscribe(self.channel)
                    hub.wake(EVERY_CONVERSATION)  # (re)connected: whatever came meanwhile is read now
                    async for message in pubsub.listen():
                        if message.get("type") == "message":
                            hub.wake(message["data"].decode("ascii", "replace"))
            except (RedisError, OSError) as error:
                log.warning("live feed: Redis subscription lost (%s), retrying", type(error).__name__)
            finally:
                await client.aclose()
            await asyncio.sleep(RECONNECT_SECONDS)


class DatabaseFeed:
    """The embedded shape: notices commits of the internal listener (another process)."""

    def __init__(self, read_session_factory) -> None:
        # Read-only: on SQLite a writing session's BEGIN IMMEDIATE took the writers' lock every
        # second while any socket was open.
        self.read_session_factory = read_session_factory
        self._newest: dict[str, int | None] = {}

    def publish(self, conversation_id: str) -> None:
        """Nothing to send: the other processes poll the database themselves."""

    async def run(self, hub: LiveHub) -> None:
        while True:
            await asyncio.sleep(POLL_SECONDS)
            ids = hub.conversation_ids()
            if not ids:
                self._newest.clear()
                continue
            try:
                newest = await run_in_threadpool(self._read_newest, ids)
            except Exception as error:  # noqa: BLE001 (a database hiccup: try again next second)
                log.warning("live feed: database poll failed (%s)", type(error).__name__)
                continue
            for conversation_id in ids:
                seq = newest.get(conversation_id)
                if self._newest.get(conversation_id, -1) != seq:
                    self._newest[conversation_id] = seq
                    hub.wake(conversation_id)
            for gone in set(self._newest) - set(ids):
                del self._newest[gone]

    def _read_newest(self, ids: list[str]) -> dict[str, int]:
        newest: dict[str, int] = {}
        with self.read_session_factory() as session:
            for start in range(0, len(ids), POLL_CHUNK):
                rows = session.execute(
                    select(Message.conversation_id, func.max(Message.seq))
                    .where(Message.conversation_id.in_(ids[start : start + POLL_CHUNK]))
                    .group_by(Message.conversation_id)
                )
                newest.update(dict(rows.all()))
        return newest
