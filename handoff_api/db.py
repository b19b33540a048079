"""Database engine, ORM base and the injected session."""

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Annotated

from fastapi import Depends
from sqlalchemy import DateTime, Engine, create_engine, event
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker
from sqlalchemy.types import TypeDecorator
from starlette.requests import HTTPConnection


class Base(DeclarativeBase):
    pass


class UTCDateTime(TypeDecorator):
    """A timezone-aware UTC timestamp on every backend (SQLite stores naive text)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_id() -> str:
    return uuid.uuid4().hex


def normalise_database_url(database_url: str) -> str:
    """`postgresql://` and `postgres://` mean psycopg 3 here (psycopg2 is not installed)."""
    for prefix in ("postgresql://", "postgres://"):
        if database_url.startswith(prefix):
            return "postgresql+psycopg://" + database_url[len(prefix) :]
    return database_url


def make_engine(
    database_url: str,
    pool_size: int = 10,
    max_overflow: int = 30,
    pool_timeout: float = 10.0,
    lock_timeout: float = 10.0,
    sqlite_synchronous: str = "normal",
) -> Engine:
    """A waited-out lock or pool raises OperationalError / TimeoutError after the timeouts:
    handoff_api.errors answers those 503 with the safe reply. `sqlite_synchronous`: SQLite's
    `PRAGMA synchronous` in WAL mode ("normal" or "full"; see SQLITE_SYNCHRONOUS)."""
    # hide_parameters: a failing statement's error (and so any log of it) never shows the
    # bound values, which hold visitors' messages, e-mail addresses and codes.
    database_url = normalise_database_url(database_url)
    pool = {"pool_size": pool_size, "max_overflow": max_overflow, "pool_timeout": pool_timeout}
    if database_url.startswith("sqlite"):
        memory = ":memory:" in database_url or database_url.rstrip("/") in ("sqlite:", "sqlite+pysqlite:")
        engine = create_engine(
            database_url,
            connect_args={"check_same_thread": False, "timeout": lock_timeout},
            hide_parameters=True,
            **({} if memory else pool),
        )
        event.listen(engine, "connect", _sqlite_configurer(sqlite_synchronous))
        event.listen(engine, "begin", _begin_immediate_sqlite)
        return engine
    engine = create_engine(database_url, pool_pre_ping=True, hide_parameters=True, **pool)
    if engine.dialect.name == "postgresql":
        event.listen(engine, "connect", _postgres_lock_timeout(lock_timeout))
    return engine


def _postgres_lock_timeout(seconds: float):
    def configure(dbapi_connection, _record) -> None:
        # Outside a transaction, so that a rollback cannot undo it.
        dbapi_connection.autocommit = True
        with dbapi_connection.cursor() as cursor:
            cursor.execute(f"SET lock_timeout = {int(seconds * 1000)}")
        dbapi_connection.autocommit = False

    return configure


# In WAL mode, "normal" writes each commit to the WAL without waiting for the disk (fsync at
# checkpoints only): a commit survives the process being killed (kill -9, a crash: the OS has
# the pages), and only an OS crash or a power cut can undo the last commits, never corrupt the
# file. "full" waits for the disk at every commit (about 3 ms each on our machine, under the
# writers' lock). README, "Operators": which to choose.
SQLITE_SYNCHRONOUS = ("normal", "full")


def _sqlite_configurer(synchronous: str):
    if synchronous not in SQLITE_SYNCHRONOUS:
        raise ValueError(f"sqlite synchronous must be one of {SQLITE_SYNCHRONOUS}, not {synchronous!r}")

    def configure(dbapi_connection, _record) -> None:
        # Let SQLAlchemy, not the driver, open transactions, so BEGIN IMMEDIATE below applies.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA synchronous={synchronous.upper()}")
        cursor.close()

    return configure


READ_ONLY = "handoff_read_only"  # an execution option: this connection only reads


def _begin_immediate_sqlite(connection) -> None:
    # Serialise writers up front so concurrent transactions wait instead of failing. A reader
    # begins deferred: in WAL mode it reads beside the writer, and never queues for its lock
    # (100 visitors' transcript reads in that queue made the writers wait past the lock timeout).
    if connection.get_execution_options().get(READ_ONLY):
        connection.exec_driver_sql("BEGIN")
        return
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def holds_writers_lock_from_begin(session: Session) -> bool:
    """A writing session on SQLite began `BEGIN IMMEDIATE`: no other writer can change what it
    has read since its first statement (PostgreSQL locks a row only when it is written)."""
    return session.get_bind().dialect.name == "sqlite"


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False)


def make_read_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions that only read (on SQLite they do not take the writers' lock); a write through
    one is a mistake."""
    return sessionmaker(bind=engine.execution_options(**{READ_ONLY: True}), expire_on_commit=False)


def get_session(connection: HTTPConnection) -> Iterator[Session]:
    with connection.app.state.session_factory() as session:
        yield session


def get_read_session(connection: HTTPConnection) -> Iterator[Session]:
    with connection.app.state.read_session_factory() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]
ReadSessionDep = Annotated[Session, Depends(get_read_session)]
