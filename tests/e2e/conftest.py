"""The whole stack for end-to-end tests: the REAL Rasa server, action server and handoff API
(its public app and its internal app, each on its own listener).

Each runs as a subprocess on a free loopback port; the fixture waits until each answers,
yields their base URLs, and stops all of them at the end. Rasa keeps its trackers in a SQLite
file of the stack (its SQL tracker store) and takes a token (`--auth-token`), as in `make run`.
Needs HELPLINE_MODEL (a trained model, e.g. models/helpline-*.tar.gz, set by `make test-e2e`).
"""

import os
import secrets
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

REPO = Path(__file__).resolve().parents[2]
RASA_VENV = REPO / ".venv-rasa" / "bin"
API_VENV = REPO / ".venv" / "bin"
RASA_START_SECONDS = 480  # loading the model can take minutes on 2 shared cores
SERVICE_START_SECONDS = 60


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Service:
    name: str
    process: subprocess.Popen
    log_path: Path
    command: list[str] = field(default_factory=list, repr=False)
    env: dict = field(default_factory=dict, repr=False)
    health_url: str = ""
    start_seconds: float = SERVICE_START_SECONDS

    def log_text(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def log_tail(self, chars: int = 3000) -> str:
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")[-chars:]
        except OSError:
            return ""


@dataclass
class Stack:
    rasa_url: str
    actions_url: str
    api_url: str
    internal_token: str
    database_url: str
    api_env: dict = field(repr=False)
    services: list[Service] = field(default_factory=list, repr=False)
    internal_url: str = ""
    rasa_token: str = field(default="", repr=False)
    tracker_store_url: str = ""

    def service(self, name: str) -> Service:
        return next(s for s in self.services if s.name == name)

    def stop_service(self, name: str) -> None:
        _stop(self.service(name))

    def start_service(self, name: str) -> None:
        """Starts a stopped service again with the same command (its log is appended to)."""
        service = self.service(name)
        restarted = _start(name, service.command, service.env, service.log_path.parent, append=True)
        restarted.health_url, restarted.start_seconds = service.health_url, service.start_seconds
        self.services[self.services.index(service)] = restarted
        _wait_until_answers(restarted, restarted.health_url, restarted.start_seconds)

    def rasa_tracker(self, conversation_id: str) -> dict:
        """Rasa's HTTP API, with the token (`rasa run --auth-token`)."""
        response = httpx.get(f"{self.rasa_url}/conversations/{conversation_id}/tracker",
                             params={"token": self.rasa_token}, timeout=60)
        response.raise_for_status()
        return response.json()

    def on_duty(self, username: str, helpline: str, password: str = "on-duty-password-123") -> "OnDuty":
        """A new counsellor of `helpline`, available at an open console until `.stop()`."""
        self.create_counsellor(username, helpline, password)
        return OnDuty(self.api_url, username, password)

    def admin(self, *argv: str) -> subprocess.CompletedProcess:
        """The real `handoff-admin` command against the stack's database."""
        return subprocess.run(
            [str(API_VENV / "handoff-admin"), *argv], text=True, env=self.api_env, cwd=REPO,
            capture_output=True, timeout=240,
        )

    def create_counsellor(self, username: str, helpline: str, password: str) -> None:
        """Uses the real `handoff-admin` command against the stack's database."""
        subprocess.run(
            [str(API_VENV / "handoff-admin"), "create-counsellor", "--username", username,
             "--helpline", helpline, "--display-name", username.title(), "--password-stdin"],
            input=password + "\n",
            text=True,
            env=self.api_env,
            cwd=REPO,
            check=True,
            capture_output=True,
            timeout=240,  # the command's start is slow on a loaded machine
        )


class OnDuty:
    """A counsellor at an open console: logged in, available, and beating like the console does
    (a helpline is open only while one is; a silent console is offline after 90 s)."""

    HEARTBEAT_SECONDS = 20

    def __init__(self, api_url: str, username: str, password: str, status: str = "available") -> None:
        self.client = httpx.Client(base_url=api_url, timeout=30)
        login = self.client.post("/api/v1/counsellor/login", json={"username": username, "password": password})
        assert login.status_code == 200, login.text
        self.headers = {"Authorization": f"Bearer {login.json()['token']}"}
        self.set(status)
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._beat, daemon=True)
        self._thread.start()

    def set(self, status: str) -> dict:
        response = self.client.post("/api/v1/counsellor/presence", json={"status": status}, headers=self.headers)
        assert response.status_code == 200, response.text
        return response.json()

    def _beat(self) -> None:
        while not self._stopped.wait(self.HEARTBEAT_SECONDS):
            try:
                self.client.post("/api/v1/counsellor/presence/heartbeat", headers=self.headers)
            except httpx.HTTPError:
                pass  # the next beat tries again, as the console does

    def stop(self) -> None:
        """The counsellor goes offline (and the console is closed); once."""
        if self._stopped.is_set():
            return
        self._stopped.set()
        self._thread.join(timeout=30)
        try:
            self.set("offline")
        except (httpx.HTTPError, AssertionError):
            pass  # the stack is already down: offline anyway
        self.client.close()


def _start(name: str, command: list[str], env: dict, log_dir: Path, append: bool = False) -> Service:
    log_path = log_dir / f"{name}.log"
    log_file = open(log_path, "a" if append else "w", encoding="utf-8")  # noqa: SIM115 (closed with the process)
    process = subprocess.Popen(
        command,
        cwd=REPO,
        env=env,
        stdout=log_file,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group: stopped with its children
    )
    return Service(name, process, log_path, command, env)


def _wait_until_answers(service: Service, url: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if service.process.poll() is not None:
            raise RuntimeError(
                f"{service.name} exited with {service.process.returncode}:\n{service.log_tail()}"
            )
        try:
            if httpx.get(url, timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(1)
    raise RuntimeError(f"{service.name} did not answer {url} in {seconds}s:\n{service.log_tail()}")


def _stop(service: Service) -> None:
    if service.process.poll() is not None:
        return
    try:
        os.killpg(service.process.pid, signal.SIGTERM)
        service.process.wait(timeout=15)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        try:
            os.killpg(service.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        service.process.wait(timeout=15)


def model_path() -> Path:
    model = os.environ.get("HELPLINE_MODEL")
    if not model:
        pytest.skip("HELPLINE_MODEL is not set: train the bot (`make train`) and run `make test-e2e`")
    path = Path(model) if Path(model).is_absolute() else REPO / model
    if not path.exists():
        pytest.fail(f"HELPLINE_MODEL points to a missing file: {path}")
    return path


def start_stack(
    work: Path,
    database_url: str | None = None,
    tracker_store_url: str | None = None,
    api_overrides: dict | None = None,
) -> Stack:
    """Starts the five processes; the caller stops them with `stop_stack` (also on failure)."""
    model = model_path()
    rasa_port, actions_port, api_port, internal_port = free_port(), free_port(), free_port(), free_port()
    token = secrets.token_urlsafe(24)
    rasa_token = secrets.token_urlsafe(24)
    endpoints = work / "endpoints.yml"
    endpoints.write_text(
        f'action_endpoint:\n  url: "http://127.0.0.1:{actions_port}/webhook"\n'
        "tracker_store:\n  type: bot.tracker_store.HelplineSQLTrackerStore\n",
        encoding="utf-8",
    )
    database_url = database_url or f"sqlite:///{work / 'handoff.db'}"
    tracker_store_url = tracker_store_url or f"sqlite:///{work / 'rasa_tracker.db'}"
    base_env = {k: v for k, v in os.environ.items()
                if not k.startswith(("HANDOFF_", "DATABASE_URL", "RASA_URL", "RASA_AUTH_TOKEN", "RASA_TRACKER"))}
    base_env |= {"RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "3", "PYTHONUNBUFFERED": "1"}
    api_env = base_env | {
        "DATABASE_URL": database_url,
        "HANDOFF_ENV": "test",
        "HANDOFF_ALLOW_SIMULATED_CLOCK": "1",
        "HANDOFF_CODE_SECRET_FILE": str(work / "code_secret.key"),
        "HANDOFF_RASA_URL": f"http://127.0.0.1:{rasa_port}",
        "RASA_URL": f"http://127.0.0.1:{rasa_port}",
        "HANDOFF_INTERNAL_TOKEN": token,
        "HANDOFF_RASA_TOKEN": rasa_token,
        "HANDOFF_TRACKER_STORE_URL": tracker_store_url,
        "HANDOFF_SMTP_ENABLED": "false",
        "HANDOFF_RASA_TIMEOUT_SECONDS": "60",
        "HANDOFF_WAIT_CHECK_SECONDS": "1",  # the queue watch (nobody comes) looks every second
        "HANDOFF_RASA_DEADLINE_SECONDS": "60",  # these tests read the bot's own answer
    } | (api_overrides or {})
    actions_env = base_env | {
        "HANDOFF_INTERNAL_URL": f"http://127.0.0.1:{internal_port}",
        "SANIC_HOST": "127.0.0.1",  # the action server listens on loopback only
        "HANDOFF_INTERNAL_TOKEN": token,
    }
    rasa_env = base_env | {"RASA_AUTH_TOKEN": rasa_token, "RASA_TRACKER_STORE_URL": tracker_store_url}
    stack = Stack(
        rasa_url=f"http://127.0.0.1:{rasa_port}",
        actions_url=f"http://127.0.0.1:{actions_port}",
        api_url=f"http://127.0.0.1:{api_port}",
        internal_token=token,
        database_url=database_url,
        api_env=api_env,
        internal_url=f"http://127.0.0.1:{internal_port}",
        rasa_token=rasa_token,
        tracker_store_url=tracker_store_url,
    )
    services = stack.services
    # The release step before any worker starts (handoff_api.migrate).
    subprocess.run([str(API_VENV / "handoff-admin"), "migrate"], env=api_env, cwd=REPO, check=True,
                   capture_output=True, timeout=120)
    try:
        for name, command, env, health, seconds in (
            ("api", [str(API_VENV / "uvicorn"), "handoff_api.main:app", "--host", "127.0.0.1",
                     "--port", str(api_port), "--no-access-log"],
             api_env, f"{stack.api_url}/healthz", SERVICE_START_SECONDS),
            ("internal", [str(API_VENV / "uvicorn"), "handoff_api.internal_main:app", "--host", "127.0.0.1",
                          "--port", str(internal_port), "--no-access-log"],
             api_env, f"{stack.internal_url}/healthz", SERVICE_START_SECONDS),
            ("actions", [str(RASA_VENV / "python"), "-m", "rasa_sdk", "--actions", "actions",
                         "--port", str(actions_port)],
             actions_env, f"{stack.actions_url}/health", SERVICE_START_SECONDS),
            ("rasa", [str(RASA_VENV / "rasa"), "run", "--model", str(model), "--enable-api",
                      f"--auth-token={rasa_token}", "--endpoints", str(endpoints),
                      "--credentials", str(REPO / "bot" / "credentials.yml"),
                      "--interface", "127.0.0.1", "--port", str(rasa_port)],
             rasa_env, f"{stack.rasa_url}/status?token={rasa_token}", RASA_START_SECONDS),
        ):
            service = _start(name, command, env, work)
            service.health_url, service.start_seconds = health, seconds
            services.append(service)
        for service in services:
            _wait_until_answers(service, service.health_url, service.start_seconds)
    except BaseException:
        stop_stack(stack)
        raise
    return stack


def stop_stack(stack: Stack) -> None:
    for service in reversed(stack.services):
        _stop(service)


@pytest.fixture(scope="session")
def stack(tmp_path_factory) -> Iterator[Stack]:
    model_path()
    started = start_stack(tmp_path_factory.mktemp("stack"))
    try:
        yield started
    finally:
        stop_stack(started)
