"""A failing database statement with a visitor's words: a clear 500, and no log line (nor the
exception any handler sees) shows the words. The whole-stack version with every service is
tests/e2e/test_privacy_stack.py."""

import logging
import uuid

import pytest
from sqlalchemy import create_engine, text

from handoff_api.db import make_engine

from .conftest import bearer, start_conversation


def _trigger(database_url: str, word: str) -> tuple[list[str], list[str]]:
    if database_url.startswith("sqlite"):
        return ([f"CREATE TRIGGER fail_messages BEFORE INSERT ON messages WHEN NEW.text LIKE '%{word}%' "
                 "BEGIN SELECT RAISE(ABORT, 'induced failure'); END"], ["DROP TRIGGER fail_messages"])
    return (
        ["CREATE FUNCTION fail_messages() RETURNS trigger AS $$ BEGIN "
         f"IF NEW.text LIKE '%{word}%' THEN RAISE EXCEPTION 'induced failure'; END IF; RETURN NEW; END $$ "
         "LANGUAGE plpgsql",
         "CREATE TRIGGER fail_messages BEFORE INSERT ON messages FOR EACH ROW EXECUTE FUNCTION fail_messages()"],
        ["DROP TRIGGER fail_messages ON messages", "DROP FUNCTION fail_messages()"],
    )


def _run(database_url: str, statements: list[str]) -> None:
    engine = create_engine(database_url)
    with engine.begin() as connection:
        for statement in statements:
            connection.execute(text(statement))
    engine.dispose()


def test_a_database_error_answers_500_and_logs_no_visitor_text(client, database_url, caplog):
    conversation = start_conversation(client)
    marker = "mrk" + uuid.uuid4().hex
    create, drop = _trigger(database_url, "dbfail")
    _run(database_url, create)
    try:
        with caplog.at_level(logging.DEBUG):
            answer = client.post(
                f"/api/v1/conversations/{conversation['id']}/messages",
                json={"text": f"dbfail {marker} sam@voorbeeld.be"}, headers=bearer(conversation["token"]),
            )
    finally:
        _run(database_url, drop)
    assert answer.status_code == 500 and answer.json()["error"] == "internal_error"
    assert marker not in answer.text
    errors = [r for r in caplog.records if r.name == "handoff_api.errors"]
    assert errors and "sqlalchemy.exc." in errors[0].getMessage()
    for record in caplog.records:
        shown = record.getMessage() + str(record.exc_info or "") + str(record.exc_text or "")
        assert marker not in shown and "sam@voorbeeld.be" not in shown, record.name


@pytest.mark.parametrize("url", ["sqlite://"])
def test_the_engines_hide_statement_parameters(url):
    engine = make_engine(url)
    with pytest.raises(Exception) as failed, engine.connect() as connection:
        connection.execute(text("SELECT * FROM no_such_table WHERE x = :secret"), {"secret": "mrk-geheim"})
    assert "mrk-geheim" not in str(failed.value) and "hidden" in str(failed.value)
