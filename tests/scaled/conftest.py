"""The scaled shape, whole: two API workers (two real uvicorn processes, as `--workers 2` makes,
but each on its own port so a test can pick one), the internal listener, the action server and
two Rasa instances, on the machine's PostgreSQL (TEST_DATABASE_URL) and Redis (TEST_REDIS_URL).

The stack makes its own PostgreSQL schemas (the API's and Rasa's trackers) and its own Redis
key prefix (the API's limits and live channel, Rasa's locks), and removes all of them at the
end (`scaled_stack`, also used by scripts/bench_load.py's "scaled" shape). Migrations run once,
as the release step, before any worker starts. Needs HELPLINE_MODEL.
"""

import contextlib
import importlib.util
import os
import secrets
import signal
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
import redis
from sqlalchemy import create_engine, make_url, text
from visitors import LOCK_LIFETIME, MESSAGE_RATE, PASSWORD

REPO = Path(__file__).resolve().parents[2]
# The e2e stack's process helpers, loaded under their own name (both files are "conftest").
_spec = importlib.util.spec_from_file_location("e2e_stack_conftest", REPO / "tests" / "e2e" / "conftest.py")
_e2e = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("e2e_stack_conftest", _e2e)
_spec.loader.exec_module(_e2e)

API_VENV, RASA_VENV = _e2e.API_VENV, _e2e.RASA_VENV


@dataclass
class ScaledStack:
    api_urls: list[str]
    rasa_urls: list[str]
    internal_url: str
    internal_token: str
    rasa_token: str
    api_env: dict = field(repr=False)
    services: dict = field(default_factory=dict, repr=False)

    def service(self, name: str):
        return self.services[name]

    def kill(self, name: str) -> None:
        """kill -9 of the service's whole process group (uvicorn, Rasa and their children)."""
        process = self.services[name].process
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        process.wait(timeout=30)

    def restart(self, name: str, wait: bool = True) -> None:
        old = self.services[name]
        new = _e2e._start(name, old.command, old.env, old.log_path.parent, append=True)
        new.health_url, new.start_seconds = old.health_url, old.start_seconds
        self.services[name] = new
        if wait:
            self.wait_until_up(name)

    def wait_until_up(self, name: str) -> None:
        service = self.services[name]
        _e2e._wait_until_answers(service, service.health_url, service.start_seconds)

    def is_up(self, name: str) -> bool:
        service = self.services[name]
        if service.process.poll() is not None:
            return False
        try:
            return httpx.get(service.health_url, timeout=5).status_code == 200
        except httpx.HTTPError:
            return False

    def create_counsellor(self, username: str, helpline: str = "nupraatikerover", password: str = PASSWORD) -> None:
        made = subprocess.run(
            [str(API_VENV / "handoff-admin"), "create-counsellor", "--username", username,
             "--helpline", helpline, "--password-stdin"],
            input=password + "\n", text=True, env=self.api_env, cwd=REPO,
            capture_output=True, timeout=120,
        )
        assert made.returncode == 0, made.stderr[-2000:]


def _schemas(base_url: str, *names: str, drop: bool = False) -> None:
    engine = create_engine(base_url)
    with engine.begin() as connection:
        for name in names:
            statement = f'DROP SCHEMA IF EXISTS "{name}" CASCADE' if drop else f'CREATE SCHEMA "{name}"'
            connection.execute(text(statement))
    engine.dispose()


def _remove_keys(redis_url: str, prefix: str) -> None:
    client = redis.Redis.from_url(redis_url)
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)
    client.close()


def _commands(stack_ports: dict, rasa_token: str, model: Path, endpoints: Path) -> dict:
    uvicorn = str(API_VENV / "uvicorn")
    commands = {
        name: [uvicorn, "handoff_api.main:app", "--host", "127.0.0.1", "--port", str(stack_ports[name]),
               "--no-access-log"]
        for name in ("api-a", "api-b")
    }
    commands["internal"] = [uvicorn, "handoff_api.internal_main:app", "--host", "127.0.0.1",
                            "--port", str(stack_ports["internal"]), "--no-access-log"]
    commands["actions"] = [str(RASA_VENV / "python"), "-m", "rasa_sdk", "--actions", "actions",
                           "--port", str(stack_ports["actions"])]
    for name in ("rasa-1", "rasa-2"):
        commands[name] = [str(RASA_VENV / "rasa"), "run", "--model", str(model), "--enable-api",
                          f"--auth-token={rasa_token}", "--endpoints", str(endpoints),
                          "--credentials", str(REPO / "bot" / "credentials.yml"),
                          "--interface", "127.0.0.1", "--port", str(stack_ports[name])]
    return commands


def start_scaled_stack(work: Path, database_url: str, redis_url: str, prefix: str,
                       api_schema: str, rasa_schema: str, api_overrides: dict | None = None) -> ScaledStack:
    model = _e2e.model_path()
    names = ("api-a", "api-b", "internal", "actions", "rasa-1", "rasa-2")
    ports = {name: _e2e.free_port() for name in names}
    url = lambda name: f"http://127.0.0.1:{ports[name]}"  # noqa: E731
    internal_token, rasa_token = secrets.token_urlsafe(24), secrets.token_urlsafe(24)
    redis_parts = urlsplit(redis_url)
    endpoints = REPO / "bot" / "endpoints-scaled.yml"  # the operators' file, filled from the environment
    api_database = make_url(database_url).update_query_dict({"options": f"-csearch_path={api_schema}"})
    tracker_url = make_url(database_url).set(drivername="postgresql").update_query_dict({"schema": rasa_schema})
    tracker = tracker_url.render_as_string(hide_password=False)
    base_env = {k: v for k, v in os.environ.items()
                if not k.startswith(("HANDOFF_", "DATABASE_URL", "RASA_URL", "RASA_AUTH_TOKEN", "RASA_TRACKER"))}
    base_env |= {"RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "3", "PYTHONUNBUFFERED": "1",
                 "PYTHONPATH": str(REPO)}
    api_env = base_env | {
        "DATABASE_URL": api_database.render_as_string(hide_password=False),
        "HANDOFF_ENV": "test",
        "HANDOFF_ALLOW_SIMULATED_CLOCK": "1",
        "HANDOFF_CODE_SECRET": secrets.token_urlsafe(32),  # one secret for every worker
        "HANDOFF_RASA_URLS": f"{url('rasa-1')},{url('rasa-2')}",
        "HANDOFF_INTERNAL_TOKEN": internal_token,
        "HANDOFF_RASA_TOKEN": rasa_token,
        "HANDOFF_TRACKER_STORE_URL": tracker,
        "HANDOFF_SMTP_ENABLED": "false",
        "HANDOFF_RASA_TIMEOUT_SECONDS": "60",
        "HANDOFF_RASA_DEADLINE_SECONDS": "60",  # these tests read the bot's own answer
        "HANDOFF_REDIS_URL": redis_url,
        "HANDOFF_REDIS_PREFIX": prefix,
        "HANDOFF_CONVERSATION_MESSAGE_RATE": f"{MESSAGE_RATE}/minute",
        "HANDOFF_ADDRESS_RATE": "1000/minute",  # every visitor of the test comes from 127.0.0.1
    } | (api_overrides or {})
    actions_env = base_env | {"HANDOFF_INTERNAL_URL": url("internal"), "SANIC_HOST": "127.0.0.1",
                              "HANDOFF_INTERNAL_TOKEN": internal_token}
    rasa_env = base_env | {
        "RASA_AUTH_TOKEN": rasa_token, "RASA_TRACKER_STORE_URL": tracker, "TICKET_LOCK_LIFETIME": LOCK_LIFETIME,
        "RASA_ACTION_ENDPOINT_URL": f"{url('actions')}/webhook", "RASA_LOCK_STORE_HOST": redis_parts.hostname,
        "RASA_LOCK_STORE_PORT": str(redis_parts.port or 6379), "RASA_LOCK_STORE_DB": redis_parts.path.strip("/") or "0",
        "RASA_LOCK_STORE_PREFIX": prefix,
    }
    envs = {"api-a": api_env, "api-b": api_env, "internal": api_env, "actions": actions_env,
            "rasa-1": rasa_env, "rasa-2": rasa_env}
    health = {name: f"{url(name)}/healthz" for name in ("api-a", "api-b", "internal")}
    health |= {"actions": f"{url('actions')}/health"}
    health |= {name: f"{url(name)}/status?token={rasa_token}" for name in ("rasa-1", "rasa-2")}
    stack = ScaledStack(
        api_urls=[url("api-a"), url("api-b")], rasa_urls=[url("rasa-1"), url("rasa-2")],
        internal_url=url("internal"), internal_token=internal_token, rasa_token=rasa_token, api_env=api_env,
    )
    subprocess.run([str(API_VENV / "handoff-admin"), "migrate"], env=api_env, cwd=REPO, check=True,
                   capture_output=True, timeout=120)  # the release step
    try:
        for name, command in _commands(ports, rasa_token, model, endpoints).items():
            service = _e2e._start(name, command, envs[name], work)
            is_rasa = name.startswith("rasa")
            service.health_url = health[name]
            service.start_seconds = _e2e.RASA_START_SECONDS if is_rasa else _e2e.SERVICE_START_SECONDS
            stack.services[name] = service
        for name in names:
            stack.wait_until_up(name)
    except BaseException:
        stop_scaled_stack(stack)
        raise
    return stack


def stop_scaled_stack(stack: ScaledStack) -> None:
    for service in reversed(list(stack.services.values())):
        _e2e._stop(service)


@contextlib.contextmanager
def scaled_stack(work: Path, database_url: str, redis_url: str, api_overrides: dict | None = None,
                 label: str = "scaled") -> Iterator[ScaledStack]:
    """The stack on schemas and a key prefix of its own (named after `label`), all removed at the
    end, also when starting fails or the run is interrupted."""
    tag = uuid.uuid4().hex[:12]
    prefix = f"handoff{label}{tag}"  # letters and digits: Rasa's lock store takes no other
    api_schema, rasa_schema = f"handoff_{label}_{tag}", f"rasa_{label}_{tag}"
    _schemas(database_url, api_schema)  # Rasa's tracker store makes its own
    try:
        stack = start_scaled_stack(work, database_url, redis_url, prefix, api_schema, rasa_schema, api_overrides)
        try:
            yield stack
        finally:
            stop_scaled_stack(stack)
    finally:
        _schemas(database_url, api_schema, rasa_schema, drop=True)
        _remove_keys(redis_url, prefix)


@pytest.fixture(scope="session")
def scaled(tmp_path_factory) -> Iterator[ScaledStack]:
    _e2e.model_path()
    database_url = os.environ.get("TEST_DATABASE_URL")
    redis_url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
    if not database_url:
        pytest.fail("TEST_DATABASE_URL is not set (`make test-scaled` sets it to the machine's PostgreSQL)")
    with scaled_stack(tmp_path_factory.mktemp("scaled"), database_url, redis_url) as stack:
        yield stack
