"""Errors with a clear message in Dutch and English, and always a way to get help."""

import logging
import traceback

from fastapi import FastAPI, Request, WebSocket
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger("handoff_api.errors")

SAFETY_NL = (
    "Ben je in gevaar? Bel 112. Dag en nacht kan je praten met Tele-Onthaal (106) of de "
    "Zelfmoordlijn (1813); in Nederland met Veilig Thuis (0800-2000)."
)


class ApiError(Exception):
    def __init__(self, status: int, code: str, nl: str, en: str, headers: dict | None = None):
        super().__init__(code)
        self.status = status
        self.code = code
        self.nl = nl
        self.en = en
        self.headers = headers


def error_body(code: str, nl: str, en: str) -> dict:
    return {"error": code, "message": {"nl": nl, "en": en}, "help": SAFETY_NL}


def not_found(what_nl: str = "Niet gevonden.", what_en: str = "Not found.") -> ApiError:
    return ApiError(404, "not_found", what_nl, what_en)


def unauthorized() -> ApiError:
    return ApiError(
        401,
        "invalid_token",
        "Je toegangscode klopt niet of is verlopen.",
        "The access token is missing, wrong or expired.",
        headers={"WWW-Authenticate": "Bearer"},
    )


def rate_limited() -> ApiError:
    return ApiError(
        429,
        "rate_limited",
        "Je stuurt te veel berichten na elkaar. Wacht even en probeer het dan opnieuw.",
        "Too many requests in a short time. Please wait a moment and try again.",
        headers={"Retry-After": "60"},
    )


def busy() -> ApiError:
    """A lock or a database connection not had in time: load, never a 500."""
    return ApiError(
        503,
        "busy",
        "Het is nu erg druk. Je bericht is misschien niet aangekomen: probeer het zo opnieuw.",
        "The service is very busy right now. Your request may not have arrived: please try again shortly.",
        headers={"Retry-After": "2"},
    )


_VALIDATION_MESSAGES = {
    ("text", "string_too_long"): (
        "message_too_long",
        "Je bericht is te lang: maximaal 4.000 tekens. Knip het in stukken.",
        "The message is too long: at most 4,000 characters. Please split it.",
    ),
    ("text", "string_too_short"): (
        "message_empty",
        "Je bericht is leeg.",
        "The message is empty.",
    ),
}


def _validation_error(exc: RequestValidationError) -> tuple[str, str, str]:
    for error in exc.errors():
        field = str(error.get("loc", ("",))[-1])
        known = _VALIDATION_MESSAGES.get((field, error.get("type")))
        if known:
            return known
    return ("invalid_request", "Dit verzoek is niet geldig.", "The request is not valid.")


def _field_errors(exc: RequestValidationError) -> list[dict]:
    # The visitor's input is never echoed back (it may be sensitive).
    return [
        {"loc": [str(part) for part in error.get("loc", ())], "type": error.get("type")}
        for error in exc.errors()
    ]


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(
            error_body(exc.code, exc.nl, exc.en), status_code=exc.status, headers=exc.headers
        )

    @app.exception_handler(OperationalError)
    @app.exception_handler(PoolTimeoutError)
    async def _database_busy(request: Request | WebSocket, exc: Exception) -> JSONResponse | None:
        # SQLite's "database is locked", PostgreSQL's lock_timeout, the pool's timeout, a
        # database that is restarting: 503 with the numbers, and the client may retry.
        route = getattr(request.scope.get("route"), "path", "?")
        log.warning("database busy in %s %s: %s", request.scope.get("method", "WS"), route, describe_exception(exc))
        if request.scope["type"] == "websocket":
            await request.close(code=1013)  # "try again later": no refusal, the client reconnects
            return None
        error = busy()
        return JSONResponse(error_body(error.code, error.nl, error.en), status_code=503, headers=error.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        code, nl, en = _validation_error(exc)
        body = error_body(code, nl, en) | {"fields": _field_errors(exc)}
        return JSONResponse(body, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        messages = {
            404: ("not_found", "Niet gevonden.", "Not found."),
            405: ("method_not_allowed", "Deze methode kan hier niet.", "Method not allowed."),
        }
        code, nl, en = messages.get(
            exc.status_code, ("http_error", "Er ging iets mis.", str(exc.detail))
        )
        return JSONResponse(
            error_body(code, nl, en), status_code=exc.status_code, headers=exc.headers
        )

    # Last in the chain, inside Starlette's ServerErrorMiddleware: an unexpected error is
    # answered and logged here, and never re-raised to uvicorn, whose traceback would print the
    # exception's message (which may quote a visitor's words).
    app.add_middleware(CatchAllMiddleware)


def describe_exception(exc: BaseException) -> str:
    """The exception's types and where they happened, without any message text."""
    parts = []
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        frames = traceback.extract_tb(exc.__traceback__)
        # where it failed, then the last places in our own code that led there
        ours = [f for f in frames[:-1] if any(part in f.filename for part in ("/handoff_api/",))][-2:]
        shown = frames[-1:] + ours[::-1]
        where = " <- ".join(f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno} {f.name}" for f in shown)
        parts.append(f"{type(exc).__module__}.{type(exc).__qualname__} at {where or '?'}")
        exc = exc.__cause__ or exc.__context__
    return "; caused by ".join(parts)


def _internal_error_response() -> JSONResponse:
    return JSONResponse(
        error_body(
            "internal_error",
            "Er ging iets mis aan onze kant. Probeer het zo opnieuw.",
            "Something went wrong on our side. Please try again shortly.",
        ),
        status_code=500,
    )


class CatchAllMiddleware:
    """Answers 500 (HTTP) or closes with 1011 (WebSocket) and logs no message text."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message) -> None:
            nonlocal started
            if message["type"] in ("http.response.start", "websocket.accept", "websocket.close"):
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:  # noqa: BLE001 (the one catch-all)
            route = getattr(scope.get("route"), "path", "?")
            log.error("unexpected error in %s %s: %s", scope.get("method", "WS"), route,
                      describe_exception(exc))
            if started:
                return
            if scope["type"] == "http":
                await _internal_error_response()(scope, receive, send)
            else:
                await send({"type": "websocket.close", "code": 1011})
