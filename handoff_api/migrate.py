"""Applies the committed Alembic revisions (at app start, and for the admin CLI)."""

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, text

from handoff_api.config import PACKAGE_DIR


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(PACKAGE_DIR / "migrations"))
    return config


def upgrade_to_head(engine: Engine) -> None:
    config = alembic_config()
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            # The public and the internal app start together: one migrates, the other waits.
            # (On SQLite, BEGIN IMMEDIATE in handoff_api.db serialises them already.)
            connection.execute(text("SELECT pg_advisory_xact_lock(7311712)"))
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
