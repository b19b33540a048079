"""The relay's client to Rasa's REST channel (see handoff_api/README.md).

One `RasaInstance` per Rasa process, each with its own bound on requests in flight; a
`RasaPool` holds them and says which instance serves a conversation.
"""

import asyncio
from collections import deque
from dataclasses import dataclass, field
from typing import Annotated

import httpx
from fastapi import Depends
from starlette.requests import HTTPConnection


class RasaUnavailable(Exception):
    """Rasa could not be reached, failed, or answered something unusable."""


@dataclass(frozen=True)
class BotReply:
    text: str
    buttons: list[dict] = field(default_factory=list)


class InFlightBound:
    """At most `limit` requests in flight. `try_acquire` never waits and gives way to those who
    wait in `acquire` (first come, first served), so a backlog is never overtaken."""

    def __init__(self, limit: int) -> None:
        self.limit = max(1, limit)
        self.in_flight = 0
        self._waiters: deque[asyncio.Future] = deque()

    @property
    def waiting(self) -> int:
        return sum(1 for waiter in self._waiters if not waiter.done())

    def try_acquire(self) -> bool:
        if self.in_flight < self.limit and not self.waiting:
            self.in_flight += 1
            return True
        return False

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
        while self._waiters:
            waiter = self._waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)  # the slot passes on: in_flight stays the same
                return
        self.in_flight = max(0, self.in_flight - 1)


class RasaInstance:
    """One Rasa process: an async HTTP client and its own bound."""

    def __init__(
        self, base_url: str, timeout_seconds: float, token: str = "", max_in_flight: int = 32
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.webhook_url = self.base_url + "/webhooks/rest/webhook"
        self.timeout_seconds = timeout_seconds
        # Rasa's REST channel (bot/channels.py) refuses a relay without this token.
        self.headers = {"Authorization": f"Bearer {token}"} if token else {}
        self.bound = InFlightBound(max_in_flight)
        self._http: httpx.AsyncClient | None = None  # one pooled client, made on first use

    async def send(self, sender: str, message: str, entry_point: str) -> list[BotReply]:
        """Posts one message (the caller holds a slot of `bound`); at most `timeout_seconds`."""
        body = {"sender": sender, "message": message, "metadata": {"entry_point": entry_point}}
        try:
            async with asyncio.timeout(self.timeout_seconds):
                payload = await self._post(body)
            return parse_replies(payload)
        except (httpx.HTTPError, ValueError, TimeoutError) as error:
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
            limits = httpx.Limits(max_connections=self.bound.limit + 4, max_keepalive_connections=self.bound.limit)
            self._http = httpx.AsyncClient(timeout=self.timeout_seconds, limits=limits)
        return self._http


class RasaPool:
    """The Rasa instances behind the API. One instance serves every conversation for now; with
    several, `instance_for` is where a conversation is pinned to one of them."""

    def __init__(self, instances: list[RasaInstance]) -> None:
        if not instances:
            raise ValueError("a RasaPool needs at least one instance")
        self.instances = instances

    def instance_for(self, conversation_id: str) -> RasaInstance:
        return self.instances[0]

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
