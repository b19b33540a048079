"""API test fixtures: every test runs on SQLite, and on PostgreSQL when TEST_DATABASE_URL is set.

Each run makes its own database (a temporary SQLite file; a fresh PostgreSQL schema) and
drops it at the end; tables are emptied between tests. Rasa is faked only at the
RasaInstance's HTTP call (its bound and deadline stay real), as the app's Rasa pool.
"""

import os
import tempfile
import uuid
from pathlib import Path
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, make_url, text

from handoff_api.config import Settings
import httpx

from handoff_api.conversations.rasa import BotReply, RasaInstance, RasaPool
from handoff_api.internal_main import create_internal_app
from handoff_api.main import create_app
from handoff_api.migrate import upgrade_to_head
from handoff_api.models import Base

INTERNAL_TOKEN = "test-internal-token"
NO_TRACKER_STORE = Path(tempfile.gettempdir()) / f"no-rasa-{uuid.uuid4().hex}" / "rasa_tracker.db"
BACKENDS = ["sqlite"] + (["postgresql"] if os.environ.get("TEST_DATABASE_URL") else [])


@pytest.fixture(autouse=True, scope="session")
def cheap_argon2():
    """Argon2 with small parameters: the same code path, without 64 MiB per hash."""
    from argon2 import PasswordHasher

    from handoff_api import security

    original = security._password_hasher, security._DUMMY_PASSWORD_HASH
    security._password_hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    security._DUMMY_PASSWORD_HASH = security._password_hasher.hash("dummy")
    yield
    security._password_hasher, security._DUMMY_PASSWORD_HASH = original


@pytest.fixture(autouse=True)
def private_exports(tmp_path, monkeypatch):
    """The trainers' exports of a test live in its own folder (never the repository's reports/)."""
    monkeypatch.setenv("HANDOFF_TRAINER_EXPORTS_DIR", str(tmp_path / "reports"))


@pytest.fixture(scope="session", params=BACKENDS)
def database_url(request, tmp_path_factory) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'handoff.db'}"
        return
    base_url = make_url(os.environ["TEST_DATABASE_URL"])
    schema = f"handoff_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base_url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        url = base_url.update_query_dict({"options": f"-csearch_path={schema}"})
        engine = create_engine(url)
        upgrade_to_head(engine)  # the release step: workers on PostgreSQL do not migrate
        engine.dispose()
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


class FakeRasa(RasaInstance):
    """Stands in for Rasa's REST channel: records what it is sent, answers from a script."""

    def __init__(self) -> None:
        super().__init__("http://rasa.invalid", timeout_seconds=5)
        self.down = False
        self.calls: list[dict] = []
        self.script: dict[str, list[BotReply]] = {}
        self.on_send = None  # called as on_send(sender, message) before answering

    async def _post(self, body: dict) -> object:
        sender, message = body["sender"], body["message"]
        self.calls.append({"sender": sender, "message": message, "entry_point": body["metadata"]["entry_point"]})
        if self.on_send:
            self.on_send(sender, message)
        if self.down:
            raise httpx.ConnectError("fake Rasa is down")
        if message == "/greet":
            return [{"text": "Hoi! Ik ben de chatbot.", "buttons": [{"title": "Start", "payload": "/start"}]}]
        replies = self.script.get(message, [BotReply(f"bot heard: {message}")])
        return [{"text": reply.text, "buttons": reply.buttons} for reply in replies]

    def messages_for(self, sender: str) -> list[str]:
        return [call["message"] for call in self.calls if call["sender"] == sender]


def make_settings(database_url: str, **overrides) -> Settings:
    values = {
        "database_url": database_url,
        "internal_token": INTERNAL_TOKEN,
        "env": "test",
        "allow_simulated_clock": True,
        "code_secret": "test-code-secret-of-at-least-16-bytes",
        "smtp_enabled": False,
        "conversation_message_rate": "1000/minute",
        "address_rate": "10000/minute",
        "login_rate": "1000/minute",
        "wait_check_seconds": 3600,  # tests run the queue check themselves (check_waiting)
        # never the repository's ./rasa_tracker.db (a missing file: the purge leaves it alone)
        "tracker_store_url": f"sqlite:///{NO_TRACKER_STORE}",
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)


def _empty_tables(database_url: str) -> None:
    engine = create_engine(database_url)
    with engine.begin() as connection:
        for table in reversed(Base.metadata.sorted_tables):
            connection.execute(table.delete())
    engine.dispose()


@pytest.fixture
def settings_overrides() -> dict:
    return {}


@pytest.fixture
def fake_rasa() -> FakeRasa:
    return FakeRasa()


@pytest.fixture
def app(database_url, settings_overrides, fake_rasa):
    application = create_app(make_settings(database_url, **settings_overrides))
    application.state.rasa_pool = RasaPool([fake_rasa])
    yield application
    _empty_tables(database_url)


@pytest.fixture
def internal_app(app, database_url, settings_overrides):
    """The internal API's own app (handoff_api.internal_main) on the same database."""
    return create_internal_app(make_settings(database_url, **settings_overrides))


class TwoAppClient:
    """The public app's TestClient, except that `/internal/...` goes to the internal app, as
    the action server's calls do (its own listener). `.public` and `.internal` reach one app."""

    def __init__(self, public: TestClient, internal: TestClient) -> None:
        self.public = public
        self.internal = internal

    def _for(self, url) -> TestClient:
        return self.internal if str(url).startswith("/internal/") else self.public

    def request(self, method, url, *args, **kwargs):
        return self._for(url).request(method, url, *args, **kwargs)

    def get(self, url, *args, **kwargs):
        return self._for(url).get(url, *args, **kwargs)

    def post(self, url, *args, **kwargs):
        return self._for(url).post(url, *args, **kwargs)

    def put(self, url, *args, **kwargs):
        return self._for(url).put(url, *args, **kwargs)

    def delete(self, url, *args, **kwargs):
        return self._for(url).delete(url, *args, **kwargs)

    def __getattr__(self, name):
        return getattr(self.public, name)


@pytest.fixture
def client(app, internal_app) -> Iterator[TwoAppClient]:
    with TestClient(app) as public, TestClient(internal_app) as internal:
        yield TwoAppClient(public, internal)


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


INTERNAL = {"X-Internal-Token": INTERNAL_TOKEN}


def start_conversation(client, entry_point="nupraatikerover", simulated_now=None) -> dict:
    body = {"entry_point": entry_point}
    if simulated_now:
        body["simulated_now"] = simulated_now
    response = client.post("/api/v1/conversations", json=body)
    assert response.status_code == 201, response.text
    return response.json()


def labels(age_group="minor", theme="sexual_violence", role="victim", urgency="none") -> dict:
    def label(value):
        return {"value": value, "confidence": 0.9, "source": "classifier"}

    return {
        "age_group": label(age_group),
        "theme": label(theme),
        "role": label(role),
        "urgency": label(urgency),
    }


def hand_off(client, conversation_id, entry_point, expected_status=201, **kwargs) -> dict:
    body = {
        "conversation_id": conversation_id,
        "entry_point": entry_point,
        "labels": kwargs.pop("labels", labels()),
        "consent": kwargs.pop("consent", True),
        "visitor_words": kwargs.pop("visitor_words", ["Mijn stiefvader doet dingen bij mij."]),
        "qa": kwargs.pop("qa", [{"question": "Ben je nu veilig?", "answer": "Ja, nu wel."}]),
        "details": kwargs.pop("details", {"recent_sexual_assault": False}),
    }
    response = client.post("/internal/v1/handoffs", json=body, headers=INTERNAL)
    assert response.status_code == expected_status, response.text
    return response.json()


def availability(client, entry_point, conversation_id=None) -> dict:
    params = {"entry_point": entry_point}
    if conversation_id:
        params["conversation_id"] = conversation_id
    response = client.get("/internal/v1/availability", params=params, headers=INTERNAL)
    assert response.status_code == 200, response.text
    return response.json()


def availability_at(client, entry_point, simulated_now) -> dict:
    conversation = start_conversation(client, entry_point, simulated_now=simulated_now)
    return availability(client, entry_point, conversation["id"])


PASSWORD = "correct horse battery staple"


def create_account(database_url, monkeypatch, username, helpline, command="create-counsellor", **overrides):
    import io

    from handoff_api.admin import main as admin_main

    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    argv = [command, "--username", username, "--helpline", helpline, "--password-stdin"]
    argv += ["--display-name", username.split("_")[-1].title()]
    assert admin_main(argv, make_settings(database_url, **overrides)) == 0


def login(client, username) -> dict:
    response = client.post(
        "/api/v1/counsellor/login", json={"username": username, "password": PASSWORD}
    )
    assert response.status_code == 200, response.text
    return bearer(response.json()["token"])


def make_available(client, headers: dict, status: str = "available") -> dict:
    """The counsellor sets their presence in the console: only then is a helpline open."""
    response = client.post("/api/v1/counsellor/presence", json={"status": status}, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


def on_duty(client, database_url, monkeypatch, *teams: str, **overrides) -> dict:
    """One available counsellor per team ("duty_<team>"), logged in; their headers by team.
    `overrides`: the test's settings (its own helplines file, say)."""
    on = {}
    for team in teams:
        username = f"duty_{team}"
        create_account(database_url, monkeypatch, username, team, **overrides)
        on[team] = login(client, username)
        make_available(client, on[team])
    return on


@pytest.fixture
def staffed(client, database_url, monkeypatch) -> dict:
    """Every team has one available counsellor (room for one chat each): inside its hours a
    helpline is open, as in a test that is not about presence."""
    return on_duty(client, database_url, monkeypatch, "nupraatikerover", "1712", "veiligthuis")


@pytest.fixture
def counsellors(client, database_url, monkeypatch, settings_overrides) -> dict:
    """Logged-in, available counsellors: two of Nupraatikerover.be, one of 1712, one of Veilig Thuis."""
    accounts = {
        "npie_anna": "nupraatikerover",
        "npie_bart": "nupraatikerover",
        "team1712_carla": "1712",
        "vt_dirk": "veiligthuis",
    }
    for username, helpline in accounts.items():
        create_account(database_url, monkeypatch, username, helpline)
    logged_in = {username: login(client, username) for username in accounts}
    if settings_overrides.get("counsellor_token_hours") != 0:  # else every login is expired
        for headers in logged_in.values():
            make_available(client, headers)  # at the console and available: their helplines open
    return logged_in


def dump_database(database_url) -> str:
    """Every stored row as text: what a test looks through for data that must not be kept."""
    engine = create_engine(database_url)
    with engine.connect() as connection:
        rows = [str(row) for table in Base.metadata.sorted_tables for row in connection.execute(table.select())]
    engine.dispose()
    return "\n".join(rows)
