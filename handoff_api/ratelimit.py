"""Rate limits (the `limits` package) per conversation and per address.

In the embedded shape the counters live in this process's memory. With HANDOFF_REDIS_URL they
live in Redis under HANDOFF_REDIS_PREFIX, so every worker counts against the same limit; if
Redis stops answering, each worker falls back to its own memory (limits still hold per worker)
rather than refusing visitors.

Addresses are keyed by an HMAC, so neither memory nor Redis holds them in the clear: with a
per-process secret in memory, with one derived from the code secret (shared by every worker)
in Redis, where the keys expire with their window. Behind a reverse proxy listed in
HANDOFF_TRUSTED_PROXIES the client is the address that proxy saw (X-Forwarded-For); the
header is ignored from anyone else, so a client cannot pick its own key.
"""

import hashlib
import hmac
import ipaddress
import logging
import secrets
import time
from typing import Annotated

from fastapi import Depends
from limits import parse
from limits.errors import StorageError
from limits.storage import RedisStorage
from limits.strategies import MovingWindowRateLimiter
from starlette.requests import HTTPConnection

from handoff_api.config import ConfigurationError
from handoff_api.errors import rate_limited
from handoff_api.memory_limits import MemoryMovingWindow

log = logging.getLogger(__name__)
Network = ipaddress.IPv4Network | ipaddress.IPv6Network
REDIS_TIMEOUT_SECONDS = 0.5
REDIS_RETRY_SECONDS = 5.0


def parse_networks(entries: list[str]) -> list[Network]:
    try:
        return [ipaddress.ip_network(entry.strip(), strict=False) for entry in entries]
    except ValueError as error:
        raise ConfigurationError(f"HANDOFF_TRUSTED_PROXIES: {error}") from error


def _within(address: str, networks: list[Network]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


class RateLimiter:
    def __init__(
        self,
        trusted_proxies: list[str] | None = None,
        redis_url: str = "",
        key_prefix: str = "handoff",
        shared_secret: bytes | None = None,
    ) -> None:
        self._memory = MemoryMovingWindow()  # not limits' MemoryStorage: handoff_api/memory_limits.py
        self._shared = None
        self._address_secret = secrets.token_bytes(32)
        self._redis_retry_at = 0.0
        if redis_url:
            storage = RedisStorage(
                redis_url, key_prefix=f"{key_prefix}:limits", wrap_exceptions=True,
                socket_timeout=REDIS_TIMEOUT_SECONDS, socket_connect_timeout=REDIS_TIMEOUT_SECONDS,
            )
            self._shared = MovingWindowRateLimiter(storage)
            if shared_secret is None:
                raise ConfigurationError("shared rate limits need the code secret")
            self._address_secret = hmac.new(shared_secret, b"rate-limit-address", hashlib.sha256).digest()
        self.trusted_proxies = parse_networks(trusted_proxies or [])

    @property
    def shared(self) -> bool:
        return self._shared is not None

    def hit(self, limit: str, *identifiers: str) -> None:
        if not self._hit(parse(limit), identifiers):
            raise rate_limited()

    def _hit(self, item, identifiers: tuple[str, ...]) -> bool:
        if self._shared is not None and time.monotonic() >= self._redis_retry_at:
            try:
                return self._shared.hit(item, *identifiers)
            except StorageError as error:
                # Not every request waits for a dead Redis: retried after a pause.
                self._redis_retry_at = time.monotonic() + REDIS_RETRY_SECONDS
                log.warning(
                    "rate limits: Redis unavailable (%s), counting in memory for %.0f s",
                    type(error.storage_error).__name__, REDIS_RETRY_SECONDS,
                )
        return self._memory.hit(item, *identifiers)

    def address_key(self, address: str) -> str:
        return hmac.new(self._address_secret, address.encode(), hashlib.sha256).hexdigest()

    def client_address(self, connection: HTTPConnection) -> str:
        """The peer; behind trusted proxies, the nearest address in X-Forwarded-For that is not one."""
        peer = connection.client.host if connection.client else "unknown"
        if not _within(peer, self.trusted_proxies):
            return peer
        chain = [
            hop.strip()
            for header in connection.headers.getlist("x-forwarded-for")
            for hop in header.split(",")
            if hop.strip()
        ]
        for hop in reversed(chain):  # the right end was added by the proxies we trust
            if not _within(hop, self.trusted_proxies):
                return hop
        return chain[0] if chain else peer

    def client_key(self, connection: HTTPConnection) -> str:
        return self.address_key(self.client_address(connection))


def get_rate_limiter(connection: HTTPConnection) -> RateLimiter:
    return connection.app.state.rate_limiter


RateLimiterDep = Annotated[RateLimiter, Depends(get_rate_limiter)]


def limit_per_address(connection: HTTPConnection) -> None:
    """Dependency for visitor routes: a flood from one address gets 429."""
    limiter: RateLimiter = connection.app.state.rate_limiter
    limiter.hit(connection.app.state.settings.address_rate, "address", limiter.client_key(connection))
