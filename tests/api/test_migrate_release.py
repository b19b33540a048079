"""Migrations are a release step (`handoff-admin migrate`), not every worker's start.

On PostgreSQL (TEST_DATABASE_URL) a worker waits for the release step and two workers on a
fresh database both live; on SQLite (the embedded shape) a worker still migrates at start.
"""

import os
import socket
import subprocess
import time
import uuid
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, make_url, text

from handoff_api.config import ConfigurationError
from handoff_api.main import create_app
from handoff_api.migrate import current_revision, head_revision

from .conftest import make_settings

REPO = Path(__file__).resolve().parents[2]
BIN = REPO / ".venv" / "bin"
needs_postgres = pytest.mark.skipif(not os.environ.get("TEST_DATABASE_URL"), reason="TEST_DATABASE_URL not set")


@pytest.fixture
def fresh_postgres():
    base = make_url(os.environ["TEST_DATABASE_URL"])
    schema = f"handoff_release_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield base.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def _env(database_url: str, tmp_path: Path, **extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HANDOFF_", "DATABASE_URL"))}
    return env | {
        "DATABASE_URL": database_url,
        "HANDOFF_CODE_SECRET": "test-code-secret-of-at-least-16-bytes",
        "HANDOFF_TRACKER_STORE_URL": f"sqlite:///{tmp_path / 'no-tracker.db'}",
        "PYTHONPATH": str(REPO),
    } | extra


def _migrate(env: dict) -> subprocess.Popen:
    return subprocess.Popen([str(BIN / "handoff-admin"), "migrate"], env=env, cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def _revision(database_url: str) -> str | None:
    engine = create_engine(database_url)
    try:
        return current_revision(engine)
    finally:
        engine.dispose()


@needs_postgres
def test_a_worker_on_an_unmigrated_database_says_to_run_the_release_step(fresh_postgres):
    app = create_app(make_settings(fresh_postgres, schema_wait_seconds=1))
    with pytest.raises(ConfigurationError, match="handoff-admin migrate"):
        with TestClient(app):
            pass
    assert _revision(fresh_postgres) is None  # the worker migrated nothing


@needs_postgres
def test_two_releases_at_once_both_succeed(fresh_postgres, tmp_path):
    env = _env(fresh_postgres, tmp_path)
    runs = [_migrate(env) for _ in range(2)]
    outputs = [run.communicate(timeout=120)[0] for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    assert all(f"database schema at revision {head_revision()}" in out for out in outputs)
    assert _revision(fresh_postgres) == head_revision()


@needs_postgres
def test_two_workers_on_a_fresh_database_wait_for_the_release_and_both_live(fresh_postgres, tmp_path):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = _env(fresh_postgres, tmp_path, HANDOFF_SCHEMA_WAIT_SECONDS="120")
    log_path = tmp_path / "uvicorn.log"
    with open(log_path, "w") as log:
        server = subprocess.Popen(
            [str(BIN / "uvicorn"), "handoff_api.main:app", "--host", "127.0.0.1", "--port", str(port),
             "--workers", "2", "--no-access-log"],
            env=env, cwd=REPO, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
    try:
        _wait_for_log(log_path, "waiting for `handoff-admin migrate`", server)
        assert _revision(fresh_postgres) is None
        release = _migrate(env)
        assert release.wait(timeout=120) == 0, release.stdout.read()
        _wait_for_log(log_path, "Application startup complete", server, count=2)
        assert httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=10).json() == {"status": "ok"}
        text_ = log_path.read_text()
        assert "Traceback" not in text_ and "died" not in text_.lower(), text_
    finally:
        server.terminate()
        server.wait(timeout=30)


def _wait_for_log(path: Path, needle: str, server: subprocess.Popen, count: int = 1) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if path.read_text().count(needle) >= count:
            return
        assert server.poll() is None, path.read_text()
        time.sleep(0.2)
    raise AssertionError(f"{needle!r} not seen {count}x:\n{path.read_text()}")


def test_the_embedded_sqlite_worker_still_migrates_at_start(tmp_path):
    url = f"sqlite:///{tmp_path / 'handoff.db'}"
    with TestClient(create_app(make_settings(url))):
        pass
    assert _revision(url) == head_revision()
