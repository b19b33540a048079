"""Rate limits (the `limits` package, in memory) per conversation and per address.

Addresses are keyed by an HMAC with a per-process secret, so not even memory holds them
in the clear, and nothing is written anywhere. Behind a reverse proxy listed in
HANDOFF_TRUSTED_PROXIES the client is the address that proxy saw (X-Forwarded-For); the
header is ignored from anyone else, so a client cannot pick its own key.
"""

import hashlib
import hmac
import ipaddress
import secrets
from typing import Annotated

from fastapi import Depends
from limits import parse
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter
from starlette.requests import HTTPConnection

from handoff_api.config import ConfigurationError
from handoff_api.errors import rate_limited

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


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
    def __init__(self, trusted_proxies: list[str] | None = None) -> None:
        self._limiter = MovingWindowRateLimiter(MemoryStorage())
        self._address_secret = secrets.token_bytes(32)
        self.trusted_proxies = parse_networks(trusted_proxies or [])

    def hit(self, limit: str, *identifiers: str) -> None:
        if not self._limiter.hit(parse(limit), *identifiers):
            raise rate_limited()

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
