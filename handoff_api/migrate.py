"""Applies the committed Alembic revisions: the release step `handoff-admin migrate`.

A worker migrates at start only in the embedded shape (SQLite, HANDOFF_MIGRATE_AT_START unset);
otherwise it waits until the release step has brought the schema to the newest revision.
"""

import logging
import time

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError

from handoff_api.config import PACKAGE_DIR, ConfigurationError, Settings

log = logging.getLogger(__name__)


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(PACKAGE_DIR / "migrations"))
    return config


def upgrade_to_head(engine: Engine) -> str:
    """Migrates to the newest revision and returns it; safe to run from several places at once."""
    config = alembic_config()
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            # Two releases (or a release and an admin command) at once: one migrates, the other waits.
            # (On SQLite, BEGIN IMMEDIATE in handoff_api.db serialises them already.)
            connection.execute(text("SELECT pg_advisory_xact_lock(7311712)"))
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return head_revision()


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def migrates_at_start(settings: Settings) -> bool:
    if settings.migrate_at_start is not None:
        return settings.migrate_at_start
    return settings.database_url.startswith("sqlite")


def prepare_schema(engine: Engine, settings: Settings) -> None:
    """At a worker's start: migrate (embedded shape), or wait for `handoff-admin migrate`."""
    if migrates_at_start(settings):
        upgrade_to_head(engine)
        return
    head = head_revision()
    deadline = time.monotonic() + settings.schema_wait_seconds
    warned = False
    while (current := _revision_or_none(engine)) != head:
        if time.monotonic() >= deadline:
            raise ConfigurationError(
                f"the database schema is at {current or 'nothing'}, this release needs {head}: "
                "run `handoff-admin migrate` (the release step) before starting the workers"
            )
        if not warned:
            log.warning("database schema at %s, waiting for `handoff-admin migrate` (%s)", current, head)
            warned = True
        time.sleep(1.0)


def _revision_or_none(engine: Engine) -> str | None:
    try:
        return current_revision(engine)
    except OperationalError:  # the database is not up yet: keep waiting, within the deadline
        log.warning("database not reachable yet, waiting")
        return None
