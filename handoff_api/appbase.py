"""What the public app (handoff_api.main) and the internal app (handoff_api.internal_main) share:
settings, catalog, database engine, the live hub's commit hook, logging and error handling."""

import logging
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager, nullcontext

from fastapi import FastAPI
from sqlalchemy import event
from sqlalchemy.orm import Session

from handoff_api.config import Settings, check_settings
from handoff_api.conversations.service import TOUCHED_KEY
from handoff_api.conversations.typing import TypingBoard
from handoff_api.db import make_engine, make_read_session_factory, make_session_factory
from handoff_api.errors import install_error_handlers
from handoff_api.helplines.catalog import load_catalog
from handoff_api.live import DatabaseFeed, LiveHub, RedisFeed
from handoff_api.migrate import prepare_schema
from handoff_api.security import CodeHasher, load_code_secret

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


def _live_feed(settings: Settings, read_session_factory, streams: bool):
    """How commits of other processes reach this one's streams (handoff_api.live)."""
    if settings.redis_url:
        return RedisFeed(settings.redis_url, settings.redis_prefix, listen=streams)
    return DatabaseFeed(read_session_factory) if streams else None


def base_app(
    settings: Settings, title: str, description: str, on_start: Callable[[FastAPI], None] = lambda app: None,
    on_stop: Callable[[FastAPI], None] = lambda app: None, streams: bool = False,
    running: Callable[[FastAPI], AbstractAsyncContextManager] | None = None,
) -> FastAPI:
    """An app on the shared state; the schema is migrated or waited for at start (handoff_api.migrate)."""
    check_settings(settings)
    _silence_access_log()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        prepare_schema(app.state.engine, settings)
        on_start(app)
        await app.state.live_hub.start()
        async with running(app) if running else nullcontext():  # background tasks, async clients
            yield
        await app.state.live_hub.stop()
        on_stop(app)
        app.state.engine.dispose()

    app = FastAPI(title=title, version="1.0.0", description=description, lifespan=lifespan)
    app.state.settings = settings
    app.state.catalog = load_catalog(settings.helplines_file)
    app.state.engine = make_engine(
        settings.database_url,
        pool_size=settings.database_pool_size,
        max_overflow=settings.database_max_overflow,
        pool_timeout=settings.database_pool_timeout_seconds,
        lock_timeout=settings.database_lock_timeout_seconds,
        sqlite_synchronous=settings.sqlite_synchronous,
    )
    app.state.session_factory = make_session_factory(app.state.engine)
    app.state.read_session_factory = make_read_session_factory(app.state.engine)
    # Both apps hash codes (the internal one books and files them, the public one looks them up).
    app.state.code_hasher = CodeHasher(load_code_secret(settings))
    app.state.live_hub = LiveHub(_live_feed(settings, app.state.read_session_factory, streams))
    app.state.typing = TypingBoard()
    _notify_live_streams(app.state.session_factory, app.state.live_hub)
    install_error_handlers(app)

    @app.get("/healthz", tags=["health"])
    def health() -> dict:
        return {"status": "ok"}

    return app
