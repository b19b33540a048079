"""The FastAPI application: `handoff_api.main:app`."""

import asyncio
import logging
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from sqlalchemy import event
from sqlalchemy.orm import Session

from handoff_api.appointments.router import router as appointments_router
from handoff_api.config import Settings, check_settings, get_settings
from handoff_api.conversations.rasa import RasaClient
from handoff_api.conversations.router import router as visitor_router
from handoff_api.conversations.service import TOUCHED_KEY
from handoff_api.counsellors.router import router as counsellor_router
from handoff_api.db import make_engine, make_session_factory
from handoff_api.email.router import router as email_router
from handoff_api.errors import install_error_handlers
from handoff_api.helplines.catalog import load_catalog
from handoff_api.helplines.router import router as helplines_router
from handoff_api.internal.router import router as internal_router
from handoff_api.live import LiveHub
from handoff_api.migrate import upgrade_to_head
from handoff_api.ratelimit import RateLimiter
from handoff_api.security import CodeHasher, load_code_secret
from handoff_api.stats.router import button_router as stats_button_router
from handoff_api.stats.router import page_router as stats_page_router
from handoff_api.stats.router import router as stats_router
from handoff_api.trainers.router import page_router as trainers_page_router
from handoff_api.trainers.router import router as trainers_router
from handoff_api.web.router import router as web_router

log = logging.getLogger("handoff_api")


class _NoClientAddresses(logging.Filter):
    """Drops uvicorn's WebSocket lines: they carry the client address and the path."""

    def filter(self, record: logging.LogRecord) -> bool:
        return '"WebSocket ' not in str(record.msg)


def _silence_access_log() -> None:
    # uvicorn's access log writes client addresses (and paths with tokens): we keep none.
    logging.getLogger("uvicorn.access").disabled = True
    error_log = logging.getLogger("uvicorn.error")
    if not any(isinstance(f, _NoClientAddresses) for f in error_log.filters):
        error_log.addFilter(_NoClientAddresses())


def _notify_live_streams(session_factory, hub: LiveHub) -> None:
    @event.listens_for(session_factory, "after_commit")
    def _after_commit(session: Session) -> None:
        for conversation_id in session.info.pop(TOUCHED_KEY, set()):
            hub.notify(conversation_id)

    @event.listens_for(session_factory, "after_rollback")
    def _after_rollback(session: Session) -> None:
        session.info.pop(TOUCHED_KEY, None)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    check_settings(settings)
    _silence_access_log()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        upgrade_to_head(app.state.engine)
        unfilled = app.state.catalog.unfilled_fields()
        if unfilled:
            log.warning("helplines file: values for the operator to fill in: %s", unfilled)
        if not settings.internal_token:
            log.warning("HANDOFF_INTERNAL_TOKEN is empty: the internal API refuses every call")
        app.state.live_hub.loop = asyncio.get_running_loop()
        yield
        app.state.live_hub.loop = None
        app.state.rasa_client.close()
        app.state.engine.dispose()

    app = FastAPI(
        title="Handoff API",
        version="1.0.0",
        description="Chat triage with human takeover for violence helplines.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.catalog = load_catalog(settings.helplines_file)
    app.state.engine = make_engine(settings.database_url)
    app.state.session_factory = make_session_factory(app.state.engine)
    app.state.live_hub = LiveHub()
    app.state.rate_limiter = RateLimiter(settings.trusted_proxies)
    app.state.code_hasher = CodeHasher(load_code_secret(settings))
    app.state.rasa_client = RasaClient(settings.rasa_url, settings.rasa_timeout_seconds)
    _notify_live_streams(app.state.session_factory, app.state.live_hub)

    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
        )
    install_error_handlers(app)
    app.include_router(helplines_router)
    app.include_router(visitor_router)
    app.include_router(appointments_router)
    app.include_router(email_router)
    app.include_router(counsellor_router)
    app.include_router(internal_router)
    app.include_router(trainers_router)
    app.include_router(trainers_page_router)
    app.include_router(stats_button_router)
    app.include_router(stats_router)
    app.include_router(stats_page_router)
    app.include_router(web_router)  # the chat widget and the counsellors' console

    @app.get("/healthz", tags=["health"])
    def health() -> dict:
        return {"status": "ok"}

    return app


app = create_app()
