"""Rate limits (the `limits` package, in memory) per conversation and per address.

Addresses are keyed by an HMAC with a per-process secret, so not even memory holds them
in the clear, and nothing is written anywhere.
"""

import hashlib
import hmac
import secrets
from typing import Annotated

from fastapi import Depends
from limits import parse
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter
from starlette.requests import HTTPConnection

from handoff_api.errors import rate_limited


class RateLimiter:
    def __init__(self) -> None:
        self._limiter = MovingWindowRateLimiter(MemoryStorage())
        self._address_secret = secrets.token_bytes(32)

    def hit(self, limit: str, *identifiers: str) -> None:
        if not self._limiter.hit(parse(limit), *identifiers):
            raise rate_limited()

    def address_key(self, address: str) -> str:
        return hmac.new(self._address_secret, address.encode(), hashlib.sha256).hexdigest()


def get_rate_limiter(connection: HTTPConnection) -> RateLimiter:
    return connection.app.state.rate_limiter


RateLimiterDep = Annotated[RateLimiter, Depends(get_rate_limiter)]


def limit_per_address(connection: HTTPConnection) -> None:
    """Dependency for visitor routes: a flood from one address gets 429."""
    limiter: RateLimiter = connection.app.state.rate_limiter
    address = connection.client.host if connection.client else "unknown"
    limiter.hit(connection.app.state.settings.address_rate, "address", limiter.address_key(address))
