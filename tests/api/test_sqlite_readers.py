"""On SQLite, a request that only reads does not queue for the writers' lock: 100 visitors'
transcript reads in that queue made the relay's writes wait past the lock timeout (503s, and
answers not stored, in `make bench-load` at 100 visitors)."""

import time

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from handoff_api.db import make_engine, make_read_session_factory, make_session_factory


@pytest.fixture
def engine(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'h.db'}", lock_timeout=0.3)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE t (x INTEGER)"))
        connection.execute(text("INSERT INTO t VALUES (1)"))
    yield engine
    engine.dispose()


def test_a_reader_reads_while_a_writer_holds_the_lock(engine):
    writer = make_session_factory(engine)()
    writer.execute(text("INSERT INTO t VALUES (2)"))  # BEGIN IMMEDIATE: the lock is held
    try:
        started = time.monotonic()
        with make_read_session_factory(engine)() as reader:
            assert reader.scalar(text("SELECT count(*) FROM t")) == 1  # the committed rows
        assert time.monotonic() - started < 0.25
    finally:
        writer.rollback()
        writer.close()


def test_a_second_writer_still_waits_for_the_lock(engine):
    writer = make_session_factory(engine)()
    writer.execute(text("INSERT INTO t VALUES (2)"))
    try:
        with make_session_factory(engine)() as other, pytest.raises(OperationalError):
            other.execute(text("SELECT count(*) FROM t"))  # even its first read begins IMMEDIATE
    finally:
        writer.rollback()
        writer.close()
