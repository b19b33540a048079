"""The whole stack for end-to-end tests: the REAL Rasa server, action server and handoff API.

Each runs as a subprocess on a free loopback port; the fixture waits until each answers,
yields their base URLs, and stops all three at the end. Needs HELPLINE_MODEL (a trained
model, e.g. models/helpline-*.tar.gz, set by `make test-e2e`).
"""

import os
import secrets
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

REPO = Path(__file__).resolve().parents[2]
RASA_VENV = REPO / ".venv-rasa" / "bin"
API_VENV = REPO / ".venv" / "bin"
RASA_START_SECONDS = 240  # loading the model can take a minute or more on 2 cores
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
            timeout=60,
        )


def _start(name: str, command: list[str], env: dict, log_dir: Path) -> Service:
    log_path = log_dir / f"{name}.log"
    log_file = open(log_path, "w", encoding="utf-8")  # noqa: SIM115 (closed with the process)
    process = subprocess.Popen(
        command,
        cwd=REPO,
        env=env,
        stdout=log_file,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group: stopped with its children
    )
    return Service(name, process, log_path)


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


@pytest.fixture(scope="session")
def stack(tmp_path_factory) -> Iterator[Stack]:
    model = os.environ.get("HELPLINE_MODEL")
    if not model:
        pytest.skip("HELPLINE_MODEL is not set: train the bot (`make train`) and run `make test-e2e`")
    model_path = Path(model) if Path(model).is_absolute() else REPO / model
    if not model_path.exists():
        pytest.fail(f"HELPLINE_MODEL points to a missing file: {model_path}")

    work = tmp_path_factory.mktemp("stack")
    rasa_port, actions_port, api_port = free_port(), free_port(), free_port()
    token = secrets.token_urlsafe(24)
    endpoints = work / "endpoints.yml"
    endpoints.write_text(
        f'action_endpoint:\n  url: "http://127.0.0.1:{actions_port}/webhook"\n', encoding="utf-8"
    )
    database_url = f"sqlite:///{work / 'handoff.db'}"
    base_env = {k: v for k, v in os.environ.items() if not k.startswith(("HANDOFF_", "DATABASE_URL", "RASA_URL"))}
    base_env |= {"RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "3", "PYTHONUNBUFFERED": "1"}
    api_env = base_env | {
        "DATABASE_URL": database_url,
        "HANDOFF_ENV": "test",
        "HANDOFF_ALLOW_SIMULATED_CLOCK": "1",
        "HANDOFF_CODE_SECRET_FILE": str(work / "code_secret.key"),
        "HANDOFF_RASA_URL": f"http://127.0.0.1:{rasa_port}",
        "RASA_URL": f"http://127.0.0.1:{rasa_port}",
        "HANDOFF_INTERNAL_TOKEN": token,
        "HANDOFF_SMTP_ENABLED": "false",
        "HANDOFF_RASA_TIMEOUT_SECONDS": "60",
    }
    actions_env = base_env | {
        "HANDOFF_API_URL": f"http://127.0.0.1:{api_port}",
        "SANIC_HOST": "127.0.0.1",  # the action server listens on loopback only
        "HANDOFF_INTERNAL_TOKEN": token,
    }
    services: list[Service] = []
    try:
        services.append(_start(
            "api",
            [str(API_VENV / "uvicorn"), "handoff_api.main:app", "--host", "127.0.0.1",
             "--port", str(api_port), "--no-access-log"],
            api_env,
            work,
        ))
        services.append(_start(
            "actions",
            [str(RASA_VENV / "python"), "-m", "rasa_sdk", "--actions", "actions",
             "--port", str(actions_port)],
            actions_env,
            work,
        ))
        services.append(_start(
            "rasa",
            [str(RASA_VENV / "rasa"), "run", "--model", str(model_path), "--enable-api",
             "--endpoints", str(endpoints), "--credentials", str(REPO / "bot" / "credentials.yml"),
             "--interface", "127.0.0.1", "--port", str(rasa_port)],
            base_env,
            work,
        ))
        api, actions, rasa = services
        _wait_until_answers(api, f"http://127.0.0.1:{api_port}/healthz", SERVICE_START_SECONDS)
        _wait_until_answers(actions, f"http://127.0.0.1:{actions_port}/health", SERVICE_START_SECONDS)
        _wait_until_answers(rasa, f"http://127.0.0.1:{rasa_port}/status", RASA_START_SECONDS)
        yield Stack(
            rasa_url=f"http://127.0.0.1:{rasa_port}",
            actions_url=f"http://127.0.0.1:{actions_port}",
            api_url=f"http://127.0.0.1:{api_port}",
            internal_token=token,
            database_url=database_url,
            api_env=api_env,
            services=services,
        )
    finally:
        for service in reversed(services):
            _stop(service)
