"""The shapes `make bench-load` can measure, each a context manager yielding a running Target.

- "single": one API process, one Rasa (tests/e2e/conftest.py's start_stack, SQLite).
- "scaled": the production shape of tests/scaled/conftest.py's scaled_stack: 2 API workers (two
  uvicorn processes, each on its own port), the internal listener, the action server and 2 Rasa
  instances, on the machine's PostgreSQL (TEST_DATABASE_URL, schemas of its own) and Redis
  (TEST_REDIS_URL, a key prefix of its own), all removed at the end.

Both stacks come from the tests' own starters (loaded from their paths: tests/ is not a
package), so the bench measures the stack the tests check. The bench's settings (rate limits
out of the way, the relay's deadline) go to every API process of a shape. Both allow the
simulated clock (HANDOFF_ENV=test, HANDOFF_ALLOW_SIMULATED_CLOCK=1), so that the bench's
conversations run at a closed hour.

A Target spreads its visitors as a load balancer would: visitor i talks to API worker
i mod (number of workers) for all its requests, and straight to Rasa to the instance the API
pins its conversation to (handoff_api's RasaPinning, the same hash of the conversation id).
"""

import contextlib
import importlib.util
import os
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from handoff_api.conversations.rasa_pinning import RasaPinning  # noqa: E402


@dataclass
class Target:
    """A running shape: where its API workers and its Rasa instances answer."""

    name: str
    api_urls: list[str]
    rasa_urls: list[str]
    rasa_token: str
    internal_url: str = ""
    database_url: str = ""
    create_counsellor: Callable[[str, str, str], None] | None = None

    def __post_init__(self) -> None:
        self._pinning = RasaPinning(self.rasa_urls)

    def api_for(self, visitor: int) -> str:
        return self.api_urls[visitor % len(self.api_urls)]

    def rasa_for(self, conversation_id: str) -> str:
        return self._pinning.pinned(conversation_id)


@dataclass
class Shape:
    starter: Callable[[Path, dict], contextlib.AbstractContextManager[Target]]
    check: Callable[[], None] | None = None  # before any shape starts: raises SystemExit with what is missing


SHAPES: dict[str, Shape] = {}


def register_shape(name: str, starter, check: Callable[[], None] | None = None) -> None:
    SHAPES[name] = Shape(starter, check)


def _load(name: str, path: Path):
    """A test stack's module, from its path, once."""
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@contextlib.contextmanager
def single_shape(work: Path, api_env: dict):
    e2e = _load("e2e_stack_conftest", REPO / "tests" / "e2e" / "conftest.py")
    stack = e2e.start_stack(work, api_overrides=api_env)
    try:
        yield Target("single", [stack.api_url], [stack.rasa_url], stack.rasa_token, stack.internal_url,
                     stack.database_url, stack.create_counsellor)
    finally:
        e2e.stop_stack(stack)


def _scaled_urls() -> tuple[str, str]:
    return os.environ.get("TEST_DATABASE_URL", ""), os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def check_scaled() -> None:
    """PostgreSQL and Redis answer, before minutes of the single shape are spent."""
    import redis
    from sqlalchemy import create_engine, text

    database_url, redis_url = _scaled_urls()
    if not database_url:
        raise SystemExit("the scaled shape needs TEST_DATABASE_URL (and TEST_REDIS_URL): "
                         "make bench-load sets them as make test-scaled does")
    try:
        engine = create_engine(database_url)
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        engine.dispose()
        redis.Redis.from_url(redis_url).ping()
    except Exception as error:  # noqa: BLE001 (any failure: the same message)
        raise SystemExit(f"the scaled shape needs PostgreSQL and Redis: {type(error).__name__}: {error}") from error


@contextlib.contextmanager
def scaled_shape(work: Path, api_env: dict):
    sys.path.insert(0, str(REPO / "tests" / "scaled"))  # its conftest imports its neighbour visitors.py
    scaled = _load("scaled_stack_conftest", REPO / "tests" / "scaled" / "conftest.py")
    database_url, redis_url = _scaled_urls()
    with scaled.scaled_stack(work, database_url, redis_url, api_overrides=api_env, label="bench") as stack:
        yield Target("scaled", stack.api_urls, stack.rasa_urls, stack.rasa_token, stack.internal_url,
                     stack.api_env["DATABASE_URL"], stack.create_counsellor)


register_shape("single", single_shape)
register_shape("scaled", scaled_shape, check_scaled)


def stop_on_signals() -> None:
    """Ctrl-C or SIGTERM stops the run once; the stack's stopping (its processes, and the scaled
    shape's schemas and Redis keys) is not cut short by another one."""

    def still_stopping(signum, frame) -> None:
        print("bench-load: still stopping the stack, a moment", file=sys.stderr, flush=True)

    def interrupt(signum, frame) -> None:
        signal.signal(signal.SIGINT, still_stopping)
        signal.signal(signal.SIGTERM, still_stopping)
        print("bench-load: interrupted; stopping the stack and removing what it made", file=sys.stderr, flush=True)
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, interrupt)
    signal.signal(signal.SIGTERM, interrupt)
