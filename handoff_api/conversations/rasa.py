"""The relay's client to Rasa's REST channel (see handoff_api/README.md).

One `RasaInstance` per Rasa process, each with its own bound on requests in flight; a
`RasaPool` holds them, pins each conversation to one (handoff_api/conversations/rasa_pinning.py)
and moves it to the next when that one is gone.
"""

import asyncio
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Annotated

import httpx
from fastapi import Depends
from starlette.requests import HTTPConnection

from handoff_api.conversations.rasa_pinning import DOWN_SECONDS, RasaPinning


class RasaUnavailable(Exception):
    """Rasa could not be reached, failed, or answered something unusable."""


class RasaGone(RasaUnavailable):
    """Nothing reached the instance, or it went away mid-request (killed): the conversation may
    move to the next instance. A slow answer is not this: that instance may still be working on
    the message, and the visitor gets the safe reply instead."""


_INSTANCE_GONE = (httpx.ConnectError, httpx.ConnectTimeout, httpx.RemoteProtocolError, httpx.ReadError)


@dataclass(frozen=True)
class BotReply:
    text: str
    buttons: list[dict] = field(default_factory=list)


FLOOR = 4  # the fewest slots a slow instance keeps (its answers still tell when it is fast again)
CUT = 0.75  # what is left of the bound after a call slower than the target


class InFlightBound:
    """At most `limit` requests in flight. `try_acquire` never waits and gives way to those who
    wait in `acquire` (first come, first served), so a backlog is never overtaken.

    With a `target_seconds`, the limit follows what the instance carries (`observe`): a call
    slower than the target cuts it by a quarter (once per such call's time: the calls in flight
    together saw the same slowness), a faster one gives one slot back, never past `cap`. So past
    what Rasa answers within the target the visitor gets the busy reply at once, instead of a
    fixed number that is too many for a slow instance and too few for a fast one."""

    def __init__(self, limit: int, target_seconds: float | None = None) -> None:
        self.cap = max(1, limit)
        self.limit = self.cap
        self.floor = min(self.cap, FLOOR)
        self.target_seconds = target_seconds
        self.in_flight = 0
        self.peak = 0  # the most in flight at once, since start
        self.cuts = 0
        self._cut_until = 0.0
        self._waiters: deque[asyncio.Future] = deque()

    def view(self) -> dict:
        return {"cap": self.cap, "limit": self.limit, "in_flight": self.in_flight, "peak": self.peak,
                "waiting": self.waiting, "cuts": self.cuts}

    @property
    def waiting(self) -> int:
        return sum(1 for waiter in self._waiters if not waiter.done())

    def try_acquire(self) -> bool:
        if self.in_flight < self.limit and not self.waiting:
            self._take()
            return True
        return False

    def _take(self) -> None:
        self.in_flight += 1
        self.peak = max(self.peak, self.in_flight)

    async def acquire(self) -> None:
        if self.try_acquire():
            return
        waiter = asyncio.get_running_loop().create_future()
        self._waiters.append(waiter)
        try:
            await waiter
        except asyncio.CancelledError:
            if waiter.done() and not waiter.cancelled():
                self.release()  # a slot was handed over just as we were cancelled
            raise
        finally:
            if waiter in self._waiters:
                self._waiters.remove(waiter)

    def release(self) -> None:
        if self.in_flight <= self.limit and self._hand_over():
            return  # the slot passes on: in_flight stays the same
        self.in_flight = max(0, self.in_flight - 1)

    def _hand_over(self) -> bool:
        while self._waiters:
            waiter = self._waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                return True
        return False

    def observe(self, seconds: float) -> None:
        """One call to the instance took `seconds`."""
        if self.target_seconds is None:
            return
        now = time.monotonic()
        if seconds > self.target_seconds:
            if now >= self._cut_until:
                self.limit = max(self.floor, int(self.limit * CUT))
                self.cuts += 1
                self._cut_until = now + seconds
            return
        if self.limit < self.cap:
            self.limit += 1
            if self.in_flight < self.limit and self._hand_over():
                self._take()  # the new slot goes to the longest waiting


class RasaInstance:
    """One Rasa process: an async HTTP client and its own bound."""

    def __init__(
        self, base_url: str, timeout_seconds: float, token: str = "", max_in_flight: int = 32,
        target_seconds: float | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.webhook_url = self.base_url + "/webhooks/rest/webhook"
        self.timeout_seconds = timeout_seconds
        # Rasa's REST channel (bot/channels.py) refuses a relay without this token.
        self.headers = {"Authorization": f"Bearer {token}"} if token else {}
        self.bound = InFlightBound(max_in_flight, target_seconds)
        self._http: httpx.AsyncClient | None = None  # one pooled client, made on first use

    async def send(self, sender: str, message: str, entry_point: str) -> list[BotReply]:
        """Posts one message (the caller holds a slot of `bound`); at most `timeout_seconds`."""
        body = {"sender": sender, "message": message, "metadata": {"entry_point": entry_point}}
        started = time.monotonic()
        try:
            async with asyncio.timeout(self.timeout_seconds):
                payload = await self._post(body)
        except _INSTANCE_GONE as error:  # says nothing of how much the instance carries
            raise RasaGone(f"{type(error).__name__}: {error}") from error
        except (httpx.HTTPError, ValueError, TimeoutError) as error:
            self.bound.observe(time.monotonic() - started)
            raise RasaUnavailable(f"{type(error).__name__}: {error}") from error
        self.bound.observe(time.monotonic() - started)
        try:
            return parse_replies(payload)
        except ValueError as error:
            raise RasaUnavailable(f"{type(error).__name__}: {error}") from error

    async def _post(self, body: dict) -> object:
        response = await self._client().post(self.webhook_url, json=body, headers=self.headers)
        response.raise_for_status()
        return response.json()

    async def aclose(self) -> None:
        if self._http is not None:
            await self._http.aclose()
            self._http = None

    def _client(self) -> httpx.AsyncClient:
        if self._http is None:
            limits = httpx.Limits(max_connections=self.bound.cap + 4, max_keepalive_connections=self.bound.cap)
            self._http = httpx.AsyncClient(timeout=self.timeout_seconds, limits=limits)
        return self._http


class RasaPool:
    """The Rasa instances behind the API; each conversation is pinned to one by its id."""

    def __init__(self, instances: list[RasaInstance], down_seconds: float = DOWN_SECONDS) -> None:
        self._by_url = {instance.base_url: instance for instance in instances}
        self.instances = list(self._by_url.values())
        self.pinning = RasaPinning(list(self._by_url), down_seconds)

    def instance_for(self, conversation_id: str) -> RasaInstance:
        return self._by_url[self.pinning.candidates(conversation_id)[0]]

    async def send(
        self, conversation_id: str, message: str, entry_point: str, held: RasaInstance | None = None
    ) -> list[BotReply]:
        """To the conversation's instance (`held`: the caller holds a slot of it); when that one
        is gone, to the next with a free slot."""
        error: RasaUnavailable = RasaUnavailable("every Rasa instance is full")
        for url in self.pinning.candidates(conversation_id):
            instance = self._by_url[url]
            own_slot = instance is not held
            if own_slot and not instance.bound.try_acquire():
                continue
            try:
                replies = await instance.send(conversation_id, message, entry_point)
            except RasaGone as gone:
                self.pinning.mark_down(url)
                error = gone
                continue
            finally:
                if own_slot:
                    instance.bound.release()
            self.pinning.mark_up(url)
            return replies
        raise error

    async def aclose(self) -> None:
        for instance in self.instances:
            await instance.aclose()


def parse_replies(payload: object) -> list[BotReply]:
    if not isinstance(payload, list):
        raise ValueError("Rasa answered something other than a list")
    replies = []
    for item in payload:
        if not isinstance(item, dict):
            continue
        text = item.get("text") or ""
        buttons = [
            {"title": str(b.get("title", "")), "payload": str(b.get("payload", ""))}
            for b in item.get("buttons") or []
            if isinstance(b, dict)
        ]
        if text or buttons:
            replies.append(BotReply(text=text, buttons=buttons))
    return replies


def get_rasa_pool(connection: HTTPConnection) -> RasaPool:
    return connection.app.state.rasa_pool


RasaPoolDep = Annotated[RasaPool, Depends(get_rasa_pool)]
