"""The public FastAPI application: `handoff_api.main:app` (the internal API is not on it:
see handoff_api.internal_main)."""

import asyncio

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from handoff_api.appbase import base_app, log
from handoff_api.appointments.router import router as appointments_router
from handoff_api.config import Settings, get_settings
from handoff_api.conversations.rasa import RasaInstance, RasaPool
from handoff_api.conversations.relay import Relay
from handoff_api.conversations.router import router as visitor_router
from handoff_api.conversations.unserved import watch_waiting
from handoff_api.counsellors.router import router as counsellor_router
from handoff_api.counsellors.sockets import router as counsellor_sockets_router
from handoff_api.email.router import router as email_router
from handoff_api.helplines.router import router as helplines_router
from handoff_api.ratelimit import RateLimiter
from handoff_api.security import load_code_secret
from handoff_api.stats.router import button_router as stats_button_router
from handoff_api.stats.router import page_router as stats_page_router
from handoff_api.stats.router import router as stats_router
from handoff_api.trainers.router import page_router as trainers_page_router
from handoff_api.trainers.router import router as trainers_router
from handoff_api.supervision.router import access_log_router
from handoff_api.supervision.router import router as supervision_router
from handoff_api.web.router import router as web_router


def _on_start(app: FastAPI) -> None:
    unfilled = app.state.catalog.unfilled_fields()
    if unfilled:
        log.warning("helplines file: values for the operator to fill in: %s", unfilled)
    if not app.state.settings.rasa_token:
        log.warning("HANDOFF_RASA_TOKEN (RASA_AUTH_TOKEN) is empty: Rasa refuses the relay")
    # Only the public app watches the queues (a guarded notice also keeps two copies honest).
    app.state.waiting_watch = asyncio.get_running_loop().create_task(watch_waiting(app))


def _on_stop(app: FastAPI) -> None:
    app.state.waiting_watch.cancel()


def rasa_pool(settings: Settings) -> RasaPool:
    return RasaPool([
        RasaInstance(url, settings.rasa_timeout_seconds, settings.rasa_token, settings.rasa_max_in_flight,
                     settings.rasa_deadline_seconds * settings.rasa_bound_target_share or None)
        for url in settings.rasa_instances()
    ])


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    app = base_app(
        settings,
        title="Handoff API",
        description="Chat triage with human takeover for violence helplines.",
        on_start=_on_start,
        on_stop=_on_stop,
        running=lambda app: app.state.relay.running(),
        streams=True,
    )
    app.state.rate_limiter = RateLimiter(
        settings.trusted_proxies,
        redis_url=settings.redis_url,
        key_prefix=settings.redis_prefix,
        shared_secret=load_code_secret(settings) if settings.redis_url else None,
    )
    app.state.rasa_pool = rasa_pool(settings)
    app.state.relay = Relay(app.state)

    @app.get("/healthz/relay", tags=["health"])
    async def relay_health(last: int = 0) -> dict:  # on the loop, where the counters change
        """What the relay did since start (counts, and times over the `last` samples, or all kept:
        handoff_api/conversations/relay_counters.py)."""
        return app.state.relay.counters_view(last)

    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
        )
    app.include_router(helplines_router)
    app.include_router(visitor_router)
    app.include_router(appointments_router)
    app.include_router(email_router)
    app.include_router(counsellor_router)
    app.include_router(counsellor_sockets_router)
    app.include_router(supervision_router)
    app.include_router(access_log_router)
    app.include_router(trainers_router)
    app.include_router(trainers_page_router)
    app.include_router(stats_button_router)
    app.include_router(stats_router)
    app.include_router(stats_page_router)
    app.include_router(web_router)  # the chat widget and the counsellors' console
    return app


app = create_app()
