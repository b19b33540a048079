"""Trainers' data (issue 11, point 9): an accepted example is scrubbed again, written only after
the decision's commit, carries no conversation id; inbox exports live under reports/ and the purge
trims them (and drops comparison reports quoting purged items) to the inbox's retention."""

import json

from sqlalchemy import create_engine, text

from handoff_api.admin import main as admin_main

from .conftest import make_settings
from .trainer_fixtures import (  # noqa: F401 (fixtures)
    collect,
    ended_conversation,
    heldout_copy,
    inbox,
    nlu_copy,
    parse,
    trackers,
    trainer,
    trainer_app,
    trainer_settings,
)

STORY = "mijn oom duwt me altijd tegen de muur als niemand kijkt"
FILE = "triage_physical_violence.yml"


def sql(database_url: str, *statements: str, **params) -> None:
    engine = create_engine(database_url)
    with engine.begin() as connection:
        for statement in statements:
            connection.execute(text(statement), params)
    engine.dispose()


def collected_item(client, trainer, trackers, words=STORY) -> tuple[str, dict]:
    conversation_id = ended_conversation(client, trackers, (words, parse("tell_story", 0.45)))
    collect(client, trainer)
    [item] = [i for i in inbox(client, trainer) if i["text"].startswith(words[:20])]
    return conversation_id, item


def test_an_accepted_example_is_scrubbed_again_and_carries_no_conversation_id(
    client, trainer, trackers, nlu_copy, database_url
):
    conversation_id, item = collected_item(client, trainer, trackers)
    # An item kept from before a scrubber fix: a name and a number the scrubber takes now.
    sql(database_url, "UPDATE trainer_inbox_items SET text = :words WHERE id = :id",
        words=f"{STORY}, ik ben Lotte Janssens, bel 0470 12 34 56", id=item["id"])

    decided = client.post(f"/api/v1/trainers/inbox/{item['id']}/accept", headers=trainer)
    assert decided.status_code == 200, decided.text
    written = (nlu_copy / FILE).read_text(encoding="utf-8")
    assert STORY in written and f"inbox item {item['id']}" in written
    for personal in ("Janssens", "0470", "12 34 56", conversation_id):
        assert personal not in written, personal
    assert "0470" not in decided.json()["text"] and "Janssens" not in decided.json()["text"]


def _failing_decisions_trigger(database_url: str) -> list[str]:
    if database_url.startswith("sqlite"):
        return ["CREATE TRIGGER fail_decision BEFORE INSERT ON trainer_inbox_decisions "
                "BEGIN SELECT RAISE(ABORT, 'induced failure'); END"]
    return [
        "CREATE FUNCTION fail_decision() RETURNS trigger AS $$ BEGIN "
        "RAISE EXCEPTION 'induced failure' USING ERRCODE = '23505'; END $$ LANGUAGE plpgsql",
        "CREATE TRIGGER fail_decision BEFORE INSERT ON trainer_inbox_decisions "
        "FOR EACH ROW EXECUTE FUNCTION fail_decision()",
    ]


def test_nothing_is_written_to_nlu_data_when_the_decision_is_not_committed(
    client, trainer, trackers, nlu_copy, database_url
):
    _, item = collected_item(client, trainer, trackers)
    before = (nlu_copy / FILE).read_text(encoding="utf-8")
    sql(database_url, *_failing_decisions_trigger(database_url))
    try:
        failed = client.post(f"/api/v1/trainers/inbox/{item['id']}/accept", headers=trainer)
    finally:
        drop = ["DROP TRIGGER fail_decision"] if database_url.startswith("sqlite") else [
            "DROP TRIGGER fail_decision ON trainer_inbox_decisions", "DROP FUNCTION fail_decision()"]
        sql(database_url, *drop)
    assert failed.status_code == 409, failed.text
    assert (nlu_copy / FILE).read_text(encoding="utf-8") == before
    assert [i["id"] for i in inbox(client, trainer)] == [item["id"]]  # still to decide

    done = client.post(f"/api/v1/trainers/inbox/{item['id']}/accept", headers=trainer)
    assert done.status_code == 200 and done.json()["outcome"] == "written"
    assert (nlu_copy / FILE).read_text(encoding="utf-8").count(STORY) == 1


def test_purge_trims_inbox_exports_and_drops_comparison_reports_quoting_purged_items(
    client, trainer, trackers, trainer_settings, database_url, capsys
):
    _, old = collected_item(client, trainer, trackers, "eerste twijfel over mijn papa die roept")
    _, recent = collected_item(client, trainer, trackers, "tweede twijfel, mijn mama slaat")
    for item in (old, recent):
        assert client.post(f"/api/v1/trainers/inbox/{item['id']}/accept", headers=trainer).status_code == 200
    exports = trainer_settings.exports_dir
    export = exports / "inbox_annotated.jsonl"
    settings = make_settings(database_url)
    assert admin_main(["inbox", "export", "--out", str(export)], settings, trainer_settings) == 0
    assert len(export.read_text(encoding="utf-8").splitlines()) == 2
    comparison = exports / "comparison"
    comparison.mkdir(parents=True)
    (comparison / "comparison.md").write_text(f"- theme: `inbox-{old['id']}` gold x: {old['text']}\n", encoding="utf-8")
    (comparison / "comparison.json").write_text(json.dumps({"id": f"inbox-{recent['id']}"}), encoding="utf-8")
    (comparison / "summary.json").write_text('{"sets": {"inbox": 2}}', encoding="utf-8")
    other = exports / "heldout_predictions.jsonl"
    other.write_text('{"id": "h1", "text": "niet uit de inbox"}\n', encoding="utf-8")
    sql(database_url, "UPDATE trainer_inbox_decisions SET decided_at = :at WHERE id = :id",
        at="2020-01-01 00:00:00", id=old["id"])
    capsys.readouterr()

    assert admin_main(["purge"], settings, trainer_settings) == 0
    assert "2 report files" in capsys.readouterr().out
    rows = [json.loads(line) for line in export.read_text(encoding="utf-8").splitlines()]
    assert [row["id"] for row in rows] == [f"inbox-{recent['id']}"]
    assert not (comparison / "comparison.md").exists()  # it quoted the purged item
    assert (comparison / "comparison.json").exists() and (comparison / "summary.json").exists()
    assert other.read_text(encoding="utf-8") == '{"id": "h1", "text": "niet uit de inbox"}\n'
