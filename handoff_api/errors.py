"""Errors with a clear message in Dutch and English, and always a way to get help."""

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

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

    @app.exception_handler(Exception)
    async def _unexpected(_request: Request, _exc: Exception) -> JSONResponse:
        return JSONResponse(
            error_body(
                "internal_error",
                "Er ging iets mis aan onze kant. Probeer het zo opnieuw.",
                "Something went wrong on our side. Please try again shortly.",
            ),
            status_code=500,
        )
