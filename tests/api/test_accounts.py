"""Accounts: per-account login throttling with backoff, deactivation and revoked sessions,
limits keyed on the real client behind a trusted proxy, codes as HMACs, and settings
refused at start."""

import hashlib
import os
import stat

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from handoff_api.admin import main as admin_main
from handoff_api.config import ConfigurationError
from handoff_api.main import create_app

from .conftest import INTERNAL, PASSWORD, create_account, make_settings, start_conversation

SUNDAY_NIGHT = "2026-11-22T23:30:00+01:00"


def attempt(client, username, password="wrong password"):
    return client.post("/api/v1/counsellor/login", json={"username": username, "password": password})


def expire_locks(database_url) -> None:
    engine = create_engine(database_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE login_throttles SET locked_until = NULL"))
    engine.dispose()


@pytest.mark.parametrize("settings_overrides", [{"login_free_failures": 3, "login_backoff_seconds": 60}])
def test_failed_logins_lock_the_account_for_longer_each_time(client, database_url, monkeypatch):
    create_account(database_url, monkeypatch, "npie_anna", "nupraatikerover")
    create_account(database_url, monkeypatch, "npie_bart", "nupraatikerover")
    assert [attempt(client, "npie_anna").status_code for _ in range(4)] == [401] * 4
    locked = attempt(client, "npie_anna", PASSWORD)  # even the right password waits
    assert locked.status_code == 429 and locked.json()["error"] == "login_locked"
    assert 55 <= int(locked.headers["Retry-After"]) <= 60
    assert "mislukte aanmeldingen" in locked.json()["message"]["nl"]
    assert attempt(client, "npie_bart", PASSWORD).status_code == 200  # another account, same address

    expire_locks(database_url)
    assert attempt(client, "npie_anna").status_code == 401
    assert 115 <= int(attempt(client, "npie_anna", PASSWORD).headers["Retry-After"]) <= 120  # doubled

    expire_locks(database_url)
    assert attempt(client, "npie_anna", PASSWORD).status_code == 200  # a success starts again at zero
    assert [attempt(client, "npie_anna").status_code for _ in range(4)] == [401] * 4


@pytest.mark.parametrize("settings_overrides", [{"login_free_failures": 2}])
def test_an_unknown_username_is_throttled_alike(client, database_url):
    # The same answers as for an account that exists: a lock-out reveals no account.
    statuses = [attempt(client, "nobody_here").status_code for _ in range(4)]
    assert statuses == [401, 401, 401, 429]
    engine = create_engine(database_url)
    with engine.connect() as connection:
        keys = connection.execute(text("SELECT key_hash FROM login_throttles")).scalars().all()
    engine.dispose()
    assert len(keys) == 1 and "nobody" not in keys[0]


def admin(database_url, *argv) -> int:
    return admin_main(list(argv), make_settings(database_url))


def test_a_deactivated_account_cannot_log_in_and_its_sessions_end(client, counsellors, database_url, monkeypatch):
    anna = counsellors["npie_anna"]
    assert admin(database_url, "deactivate", "--username", "npie_anna") == 0
    assert client.get("/api/v1/counsellor/me", headers=anna).status_code == 401
    assert attempt(client, "npie_anna", PASSWORD).status_code == 401
    assert admin(database_url, "reactivate", "--username", "npie_anna") == 0
    assert attempt(client, "npie_anna", PASSWORD).status_code == 200
    assert client.get("/api/v1/counsellor/me", headers=anna).status_code == 401  # the old one stays ended
    create_account(database_url, monkeypatch, "trainer_tom", "nupraatikerover", command="create-trainer")
    assert admin(database_url, "deactivate", "--username", "trainer_tom") == 0
    assert attempt(client, "trainer_tom", PASSWORD).status_code == 401


def test_revoke_sessions_ends_every_login_of_one_account(client, counsellors, database_url, monkeypatch, capsys):
    from .conftest import login

    second = login(client, "npie_anna")
    assert admin(database_url, "revoke-sessions", "--username", "npie_anna") == 0
    assert "ended 2 sessions" in capsys.readouterr().out
    for token in (counsellors["npie_anna"], second):
        assert client.get("/api/v1/counsellor/me", headers=token).status_code == 401
    assert client.get("/api/v1/counsellor/me", headers=counsellors["npie_bart"]).status_code == 200
    assert attempt(client, "npie_anna", PASSWORD).status_code == 200
    assert admin(database_url, "deactivate", "--username", "nobody") == 2


def _client_from(app, peer: str) -> TestClient:
    return TestClient(app, client=(peer, 40000))


@pytest.mark.parametrize(
    "settings_overrides", [{"address_rate": "2/minute", "trusted_proxies": ["10.0.0.0/8"]}]
)
def test_limits_key_on_the_real_client_behind_a_trusted_proxy_only(app):
    with _client_from(app, "10.1.2.3") as proxy, _client_from(app, "198.51.100.7") as direct:
        def via_proxy(client_ip):
            return proxy.post("/api/v1/email-requests/pickup", json={"code": "AAAA-BBBB-CC"},
                              headers={"X-Forwarded-For": f"{client_ip}, 10.9.9.9"}).status_code

        assert [via_proxy("203.0.113.5") for _ in range(3)] == [404, 404, 429]
        assert via_proxy("203.0.113.6") == 404  # another visitor behind the same proxy
        # From an address that is no trusted proxy the header counts for nothing.
        spoofed = [
            direct.post("/api/v1/email-requests/pickup", json={"code": "AAAA-BBBB-CC"},
                        headers={"X-Forwarded-For": f"192.0.2.{i}"}).status_code
            for i in range(3)
        ]
        assert spoofed == [404, 404, 429]


def test_codes_are_stored_as_hmacs_and_old_plain_hashes_still_work_once(client, database_url):
    conversation = start_conversation(client, simulated_now=SUNDAY_NIGHT)
    filed = client.post(
        "/internal/v1/email-requests",
        json={"conversation_id": conversation["id"], "entry_point": "nupraatikerover",
              "message": "Een vraag", "reply_to": None},
        headers=INTERNAL,
    ).json()
    code = filed["pickup_code"]
    plain = hashlib.sha256(code.replace("-", "").encode()).hexdigest()
    engine = create_engine(database_url)
    with engine.begin() as connection:
        stored = connection.execute(text("SELECT pickup_code_hash FROM email_requests")).scalar_one()
        assert stored != plain and len(stored) == 64
        # A row stored before the HMAC (the migration cannot rehash: it has no codes).
        connection.execute(text("UPDATE email_requests SET pickup_code_hash = :h"), {"h": plain})
    assert client.post("/api/v1/email-requests/pickup", json={"code": code}).status_code == 200
    with engine.connect() as connection:
        assert connection.execute(text("SELECT pickup_code_hash FROM email_requests")).scalar_one() == stored
    engine.dispose()
    # Another server secret: the stored codes are unknown to it.
    other = create_app(make_settings(database_url, code_secret="another-secret-of-enough-bytes"))
    with TestClient(other) as other_client:
        assert other_client.post("/api/v1/email-requests/pickup", json={"code": code}).status_code == 404


def test_the_code_secret_file_is_made_once_and_required_in_production(database_url, tmp_path):
    secret_file = tmp_path / "secret.key"
    settings = make_settings(database_url, code_secret="", code_secret_file=secret_file)
    create_app(settings)
    first = secret_file.read_text()
    assert len(first.strip()) == 64 and stat.S_IMODE(os.stat(secret_file).st_mode) == 0o600
    create_app(settings)
    assert secret_file.read_text() == first  # kept, not made again
    production = make_settings(database_url, env="production", allow_simulated_clock=False,
                               code_secret="", code_secret_file=tmp_path / "missing.key")
    with pytest.raises(ConfigurationError, match="HANDOFF_CODE_SECRET"):
        create_app(production)


@pytest.mark.parametrize("env", ["development", "production"])
def test_the_simulated_clock_is_refused_at_start_outside_tests(database_url, env):
    with pytest.raises(ConfigurationError, match="HANDOFF_ENV=test"):
        create_app(make_settings(database_url, env=env, allow_simulated_clock=True))
    create_app(make_settings(database_url, env=env, allow_simulated_clock=False))  # starts


def test_an_invalid_trusted_proxy_is_refused_at_start(database_url):
    with pytest.raises(ConfigurationError, match="HANDOFF_TRUSTED_PROXIES"):
        create_app(make_settings(database_url, trusted_proxies=["not-an-address"]))
