"""Several Rasa instances starting at once on a fresh PostgreSQL schema (the scaled shape: `make
run-scaled`, the scaled tests, `make bench-load --shapes single,scaled`) all get their tracker
store: making the schema is serialised, so no instance dies on PostgreSQL's race between two
`CREATE SCHEMA IF NOT EXISTS` (UniqueViolation on pg_namespace). Needs TEST_DATABASE_URL."""

import os
import threading
import uuid

import pytest
import sqlalchemy as sa
from sqlalchemy.engine.url import make_url

from bot.tracker_store import _create_schema

INSTANCES = 8
ROUNDS = 5


@pytest.fixture
def postgres_url():
    raw = os.environ.get("TEST_DATABASE_URL")
    if not raw:
        pytest.skip("TEST_DATABASE_URL is not set (PostgreSQL of the machine, see DEVELOPERS.md)")
    return make_url(raw).set(drivername="postgresql+psycopg2")


def _drop(url, schema: str) -> None:
    engine = sa.create_engine(url)
    with engine.begin() as connection:
        connection.execute(sa.text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    engine.dispose()


def test_instances_starting_at_once_all_get_the_schema(postgres_url):
    for _ in range(ROUNDS):
        schema = f"rasa_race_{uuid.uuid4().hex[:12]}"
        start = threading.Barrier(INSTANCES)
        errors: list[BaseException] = []

        def instance() -> None:
            start.wait()
            try:
                _create_schema(postgres_url, schema)
            except BaseException as error:  # noqa: BLE001 (any failure fails the test)
                errors.append(error)

        threads = [threading.Thread(target=instance) for _ in range(INSTANCES)]
        try:
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=60)
            engine = sa.create_engine(postgres_url)
            with engine.connect() as connection:
                made = connection.execute(sa.text("SELECT count(*) FROM pg_namespace WHERE nspname = :name"),
                                          {"name": schema}).scalar()
            engine.dispose()
        finally:
            _drop(postgres_url, schema)
        assert errors == [], [type(error).__name__ for error in errors]
        assert made == 1
