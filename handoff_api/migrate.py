"""Applies the committed Alembic revisions (at app start, and for the admin CLI)."""

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine

from handoff_api.config import PACKAGE_DIR


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(PACKAGE_DIR / "migrations"))
    return config


def upgrade_to_head(engine: Engine) -> None:
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
