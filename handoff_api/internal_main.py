"""The internal API for the action server, on its own loopback listener:
`uvicorn handoff_api.internal_main:app --host 127.0.0.1 --port $HANDOFF_INTERNAL_PORT` (8001).

Same database, settings and helplines catalog as the public app, none of its routes; the public
app neither serves nor lists these calls."""

from fastapi import FastAPI

from handoff_api.appbase import base_app, log
from handoff_api.config import Settings, get_settings
from handoff_api.internal.router import router as internal_router


def _on_start(app: FastAPI) -> None:
    if not app.state.settings.internal_token:
        log.warning("HANDOFF_INTERNAL_TOKEN is empty: the internal API refuses every call")


def create_internal_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    app = base_app(
        settings,
        title="Handoff API (internal)",
        description="Calls of the action server; loopback only, behind X-Internal-Token.",
        on_start=_on_start,
    )
    app.include_router(internal_router)
    return app


app = create_internal_app()


def main() -> None:
    """`python -m handoff_api.internal_main`: on loopback only, port HANDOFF_INTERNAL_PORT."""
    import uvicorn

    uvicorn.run(app, host="127.0.0.1", port=get_settings().internal_port, access_log=False)


if __name__ == "__main__":
    main()
