"""The one Settings class of the handoff API (environment, then `.env`)."""

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PACKAGE_DIR = Path(__file__).resolve().parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="HANDOFF_", env_file=".env", extra="ignore", populate_by_name=True
    )

    database_url: str = Field(
        default="sqlite:///./handoff.db",
        validation_alias=AliasChoices("DATABASE_URL", "HANDOFF_DATABASE_URL"),
    )
    helplines_file: Path = PACKAGE_DIR / "helplines.yml"
    internal_token: str = ""
    rasa_url: str = Field(
        default="http://127.0.0.1:5005",
        validation_alias=AliasChoices("HANDOFF_RASA_URL", "RASA_URL"),
    )
    # The scaled shape: several Rasa instances, comma-separated; each conversation is pinned to
    # one (handoff_api/conversations/rasa_pinning.py). Empty: HANDOFF_RASA_URL alone.
    rasa_urls: str = Field(
        default="", validation_alias=AliasChoices("HANDOFF_RASA_URLS", "RASA_URLS")
    )
    # The relay (handoff_api/conversations/relay.py): per Rasa instance a bound on messages on
    # their way; past that bound, or after rasa_deadline_seconds, the visitor gets the safe reply
    # at once and the bot's answer follows when it comes. The bound follows what the instance
    # carries: it shrinks when Rasa's answers take longer than rasa_bound_target_share of the
    # deadline and grows back when they are faster, between 4 and rasa_max_in_flight (0: a fixed
    # bound of rasa_max_in_flight). No single call to Rasa lasts longer than rasa_timeout_seconds.
    rasa_timeout_seconds: float = 30.0
    rasa_deadline_seconds: float = 8.0
    rasa_max_in_flight: int = 128
    rasa_bound_target_share: float = 0.5
    relay_drain_seconds: float = 2.0  # how often the drain looks for waiting messages
    # The token of Rasa's HTTP API and REST channel (`rasa run --auth-token`, bot/channels.py).
    rasa_token: str = Field(
        default="", validation_alias=AliasChoices("HANDOFF_RASA_TOKEN", "RASA_AUTH_TOKEN")
    )
    # Rasa's SQL tracker store (bot/tracker_store.py reads the same variable): a SQLite file
    # beside the API's, or on PostgreSQL the API's database with `?schema=<its own schema>`.
    tracker_store_url: str = Field(
        default="sqlite:///./rasa_tracker.db",
        validation_alias=AliasChoices("HANDOFF_TRACKER_STORE_URL", "RASA_TRACKER_STORE_URL"),
    )
    # Database connections per process, and how long a request waits for one or for a lock
    # before it answers 503 with the safe reply (never a 500 under load).
    database_pool_size: int = 10
    database_max_overflow: int = 30
    database_pool_timeout_seconds: float = 10.0
    database_lock_timeout_seconds: float = 10.0
    # SQLite only (the embedded shape), in WAL mode: "normal" survives a killed process and
    # loses at most the last commits on an OS crash or power cut; "full" waits for the disk at
    # every commit (README, "Operators": the choice). PostgreSQL keeps its own settings.
    sqlite_synchronous: Literal["normal", "full"] = "normal"
    # The scaled shape (README "Two shapes"): Redis shared by every worker, for the rate limits
    # and the live delivery between workers. Empty: in memory, in this process only (`make run`).
    redis_url: str = Field(
        default="", validation_alias=AliasChoices("HANDOFF_REDIS_URL", "REDIS_URL")
    )
    redis_prefix: str = "handoff"  # every key and channel; one per deployment (and per test)
    # Migrations are a release step (`handoff-admin migrate`). None: a worker migrates at start
    # only on SQLite (the embedded single process); elsewhere it waits for the release step.
    migrate_at_start: bool | None = None
    schema_wait_seconds: float = 300.0
    internal_port: int = 8001  # the internal API's loopback listener (handoff_api.internal_main)
    env: Literal["development", "test", "production"] = "development"
    allow_simulated_clock: bool = False  # refused at start unless env is "test"
    # The HMAC key for appointment and pick-up codes and login throttles. Without it, the file
    # holds it (made on first start, mode 0600); in production one of the two must be given.
    code_secret: str = ""
    code_secret_file: Path = Path("handoff_code_secret.key")
    trusted_proxies: list[str] = []  # reverse proxies whose X-Forwarded-For is believed (IPs, CIDRs)
    cors_origins: list[str] = []  # the helplines' sites that embed the chat, e.g. ["https://..."]

    max_message_chars: int = 4000
    conversation_message_rate: str = "20/minute"
    address_rate: str = "120/minute"
    login_rate: str = "10/minute"
    # Per account, on top of the per-address limit: after this many failed logins in a row,
    # each further failure locks the account's login for twice as long as the one before.
    login_free_failures: int = 5
    login_backoff_seconds: float = 2.0
    login_backoff_max_seconds: float = 900.0

    # A queued visitor whose helpline has had no available counsellor this long is told what
    # is possible now (conversations/unserved.py); queues are checked every wait_check_seconds.
    unserved_notice_minutes: float = 10.0
    wait_check_seconds: float = 30.0

    retention_days: int = 30
    counsellor_token_hours: int = 12

    smtp_host: str = "127.0.0.1"
    smtp_port: int = 25
    smtp_from: str = "chat-noreply@localhost"
    smtp_starttls: bool = False
    smtp_username: str = ""
    smtp_password: str = ""
    smtp_timeout_seconds: float = 10.0
    smtp_enabled: bool = True


    def rasa_instances(self) -> list[str]:
        urls = [url.strip() for url in self.rasa_urls.split(",") if url.strip()]
        return urls or [self.rasa_url]


class ConfigurationError(RuntimeError):
    """The settings cannot be run as they are; the message says what to change."""


def check_settings(settings: Settings) -> None:
    """Refuses, at start, settings that would be unsafe on a live server."""
    if settings.allow_simulated_clock and settings.env != "test":
        raise ConfigurationError(
            "HANDOFF_ALLOW_SIMULATED_CLOCK is on but HANDOFF_ENV is "
            f"{settings.env!r}: a simulated clock lets a visitor pick the time (and so the "
            "queue and the appointments). It is allowed only with HANDOFF_ENV=test."
        )


@lru_cache
def get_settings() -> Settings:
    return Settings()
