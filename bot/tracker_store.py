"""Rasa's SQL tracker store on the API's database engine (endpoints.yml: `type: bot.tracker_store.HelplineSQLTrackerStore`).

One variable, `RASA_TRACKER_STORE_URL`, read by Rasa here and by the API's purge
(handoff_api/rasa_store.py): default `sqlite:///rasa_tracker.db`, a file beside the API's
`handoff.db` (Rasa's SQLAlchemy 1.4 cannot share the API's 2.x engine, and a file of its own keeps
Rasa's tables apart). On PostgreSQL the API's database with `?schema=<name>` (default `rasa`):
the schema is made when missing and Rasa's table `events` lives there only.
"""
from __future__ import annotations

import os
from typing import Any, Optional, Text

import sqlalchemy as sa
from rasa.core.tracker_store import POSTGRESQL_SCHEMA, SQLTrackerStore, create_engine_kwargs
from sqlalchemy.engine.url import make_url

URL_VARIABLE = "RASA_TRACKER_STORE_URL"
DEFAULT_URL = "sqlite:///rasa_tracker.db"
DEFAULT_POSTGRES_SCHEMA = "rasa"


def _create_schema(url: sa.engine.URL, schema: str) -> None:
    engine = sa.create_engine(url, hide_parameters=True)
    try:
        with engine.begin() as connection:
            # Two instances starting at once would race: CREATE SCHEMA IF NOT EXISTS is not safe
            # against a concurrent one (UniqueViolation), so they take turns, until the commit.
            connection.execute(sa.text("SELECT pg_advisory_xact_lock(hashtext(:name))"), {"name": f"schema {schema}"})
            connection.execute(sa.text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
    finally:
        engine.dispose()


class HelplineSQLTrackerStore(SQLTrackerStore):
    def __init__(self, domain: Any = None, host: Optional[Text] = None, event_broker: Any = None, **kwargs: Any) -> None:
        url = make_url(kwargs.pop("url", None) or os.environ.get(URL_VARIABLE) or DEFAULT_URL)
        query = dict(url.query)
        if url.get_backend_name() in ("postgres", "postgresql"):
            schema = str(query.pop("schema", None) or DEFAULT_POSTGRES_SCHEMA)
            url = url.set(drivername="postgresql+psycopg2", query=query)
            _create_schema(url, schema)
            os.environ[POSTGRESQL_SCHEMA] = schema  # Rasa sets search_path from it
        # A whole URL as `host`: Rasa then uses it as it is (and, being a string, recognises
        # PostgreSQL and sets the search_path from POSTGRESQL_SCHEMA).
        full_url = url.render_as_string(hide_password=False)
        super().__init__(domain=domain, host=full_url, event_broker=event_broker)
        # The same engine again, but a failed statement's error never shows its values
        # (the events' JSON holds the visitors' words).
        self.engine.dispose()
        self.engine = sa.create_engine(full_url, hide_parameters=True, **create_engine_kwargs(full_url))
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)
