"""Reading a bearer token from a request or a WebSocket handshake."""

from starlette.requests import HTTPConnection


def bearer_token(connection: HTTPConnection) -> str | None:
    """`Authorization: Bearer <token>`; WebSockets may use `?token=` (browsers cannot set headers)."""
    header = connection.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return token.strip()
    if connection.scope.get("type") == "websocket":
        return connection.query_params.get("token")
    return None
