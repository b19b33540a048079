"""Rasa's SQL tracker store seen from the API: only to delete what the retention period ends.

Rasa (bot/tracker_store.py) keeps every conversation's events, text included, in one table
`events` (sender_id = the API's conversation id, timestamp = Unix seconds), in a SQLite file
beside the API's or, on PostgreSQL, in its own schema (`?schema=` in the URL, default `rasa`).
"""

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from sqlalchemy import Column, Engine, Float, MetaData, String, Table, create_engine, delete, func, inspect, select
from sqlalchemy.engine import URL, make_url

from handoff_api.db import normalise_database_url

DEFAULT_POSTGRES_SCHEMA = "rasa"
_CHUNK = 500


def tracker_store_location(url: str) -> tuple[URL, str | None]:
    """The SQLAlchemy URL (without our `schema` parameter) and the schema, if any."""
    parsed = make_url(normalise_database_url(url))
    if parsed.get_backend_name() != "postgresql":
        return parsed, None
    schema = parsed.query.get("schema") or DEFAULT_POSTGRES_SCHEMA
    return parsed.difference_update_query(["schema"]), str(schema)


class RasaTrackerStore:
    def __init__(self, url: str) -> None:
        self.url, self.schema = tracker_store_location(url)

    def _engine(self) -> Engine | None:
        if self.url.get_backend_name() == "sqlite":
            database = self.url.database or ""
            if database in ("", ":memory:") or not Path(database).exists():
                return None  # Rasa never wrote here: nothing to delete (and no empty file made)
        return create_engine(self.url, hide_parameters=True)

    def delete(self, conversation_ids: Iterable[str], inactive_before: datetime) -> int:
        """Deletes the trackers of these conversations and every tracker whose last event is
        older than `inactive_before` (also those the API no longer knows). Returns how many."""
        engine = self._engine()
        if engine is None:
            return 0
        try:
            with engine.begin() as connection:
                if not inspect(connection).has_table("events", schema=self.schema):
                    return 0
                events = Table(
                    "events",
                    MetaData(schema=self.schema),
                    Column("sender_id", String),
                    Column("timestamp", Float),
                )
                stale = (
                    select(events.c.sender_id)
                    .group_by(events.c.sender_id)
                    .having(func.max(events.c.timestamp) < inactive_before.timestamp())
                )
                senders = set(connection.scalars(stale))
                ids = sorted(set(conversation_ids))
                for start in range(0, len(ids), _CHUNK):
                    chunk = ids[start : start + _CHUNK]
                    senders |= set(
                        connection.scalars(
                            select(events.c.sender_id).distinct().where(events.c.sender_id.in_(chunk))
                        )
                    )
                gone = sorted(senders)
                for start in range(0, len(gone), _CHUNK):
                    connection.execute(delete(events).where(events.c.sender_id.in_(gone[start : start + _CHUNK])))
                return len(gone)
        finally:
            engine.dispose()
