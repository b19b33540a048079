"""Data minimisation: no addresses or user agents stored; retention purge by handoff-admin."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import create_engine, text

from handoff_api.admin import main as admin_main

from .conftest import INTERNAL, bearer, dump_database, hand_off, make_settings, start_conversation


def test_no_address_or_user_agent_is_stored(client, database_url):
    headers = {"User-Agent": "SpecialBrowser/9.9", "X-Forwarded-For": "203.0.113.77"}
    created = client.post(
        "/api/v1/conversations", json={"entry_point": "nupraatikerover"}, headers=headers
    ).json()
    client.post(
        f"/api/v1/conversations/{created['id']}/messages",
        json={"text": "hallo"},
        headers={**headers, **bearer(created["token"])},
    )
    stored = dump_database(database_url)
    assert "hallo" in stored  # the dump does see the data
    for trace in ("SpecialBrowser", "203.0.113.77", "testclient"):
        assert trace not in stored


def age(database_url, conversation_id, days):
    engine = create_engine(database_url)
    old = datetime.now(UTC) - timedelta(days=days)
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE conversations SET last_activity_at = :old WHERE id = :id"),
            {"old": old if engine.dialect.name != "sqlite" else old.replace(tzinfo=None), "id": conversation_id},
        )
        connection.execute(
            text("UPDATE email_requests SET created_at = :old WHERE conversation_id = :id"),
            {"old": old if engine.dialect.name != "sqlite" else old.replace(tzinfo=None), "id": conversation_id},
        )
    engine.dispose()


def test_purge_deletes_transcripts_and_briefings_after_the_retention_period(
    client, database_url, capsys
):
    old = start_conversation(client, simulated_now="2026-11-25T19:30:00+01:00")
    client.post(
        f"/api/v1/conversations/{old['id']}/messages",
        json={"text": "Een oud verhaal"},
        headers=bearer(old["token"]),
    )
    hand_off(client, old["id"], "nupraatikerover", visitor_words=["Een oud verhaal"])
    client.post(
        "/internal/v1/email-requests",
        json={"conversation_id": old["id"], "entry_point": "nupraatikerover", "message": "Oude vraag", "reply_to": None},
        headers=INTERNAL,
    )
    recent = start_conversation(client)
    age(database_url, old["id"], days=31)

    assert admin_main(["purge"], make_settings(database_url)) == 0
    assert "purged 1 conversations, 1 e-mail requests" in capsys.readouterr().out

    assert client.get(f"/api/v1/conversations/{old['id']}", headers=bearer(old["token"])).status_code == 404
    assert client.get(f"/api/v1/conversations/{recent['id']}", headers=bearer(recent["token"])).status_code == 200
    stored = dump_database(database_url)
    assert "Een oud verhaal" not in stored and "Oude vraag" not in stored


def test_purge_honours_the_retention_setting(client, database_url, capsys):
    conversation = start_conversation(client)
    age(database_url, conversation["id"], days=10)
    admin_main(["purge"], make_settings(database_url, retention_days=30))
    assert "purged 0 conversations" in capsys.readouterr().out
    admin_main(["purge"], make_settings(database_url, retention_days=7))
    assert "purged 1 conversations" in capsys.readouterr().out


def test_admin_refuses_an_unknown_helpline_or_a_short_password(database_url, monkeypatch, capsys):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("long enough password\n"))
    argv = ["create-counsellor", "--username", "x", "--helpline", "nergens", "--password-stdin"]
    assert admin_main(argv, make_settings(database_url)) == 2
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    argv = ["create-trainer", "--username", "x", "--helpline", "1712", "--password-stdin"]
    assert admin_main(argv, make_settings(database_url)) == 2
    assert "12 characters" in capsys.readouterr().err


def test_server_logs_keep_no_client_address(client):
    import logging

    # A handler on uvicorn's own loggers: whether they propagate to the root logger depends on
    # how uvicorn was started (its log config stops propagation), the app's filter must not.
    lines: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            lines.append(record.getMessage())

    handler = Collect(level=logging.INFO)
    loggers = [logging.getLogger("uvicorn.error"), logging.getLogger("uvicorn.access")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
    try:
        logging.getLogger("uvicorn.error").info(
            '%s - "WebSocket %s" [accepted]', "198.51.100.7:5123", "/api/v1/conversations/x/live?token=s"
        )
        logging.getLogger("uvicorn.access").info('%s - "GET / HTTP/1.1" 200', "198.51.100.7:5123")
        logging.getLogger("uvicorn.error").info("connection open")
    finally:
        for logger, level in zip(loggers, levels):
            logger.removeHandler(handler)
            logger.setLevel(level)
    text = "\n".join(lines)
    assert "198.51.100.7" not in text
    assert "connection open" in text  # the filter drops only what it must
