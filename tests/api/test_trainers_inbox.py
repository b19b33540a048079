"""Trainers' inbox (issue 6): entry with scrubbing, thresholds, counsellor corrections, retention, access."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import create_engine, text

from handoff_api.admin import main as admin_main

from .conftest import INTERNAL, bearer, dump_database, hand_off, labels, make_settings
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

PERSONAL = "Ik ben Lotte Peeters, bel me op 0470 12 34 56, mijn stiefvader slaat me als mama weg is"


def test_an_unsure_message_enters_the_inbox_scrubbed(client, trainer, trackers, database_url):
    cid = ended_conversation(
        client,
        trackers,
        ("hallo", parse("greet", 0.98, theme=("other", 0.9), age_group=("unknown", 0.9), role=("unknown", 0.9))),
        ("/start", parse("start", 1.0)),
        (PERSONAL, parse("tell_story", 0.45)),
    )
    assert collect(client, trainer)["new_items"] == 1
    [item] = inbox(client, trainer)
    assert "[NAAM]" in item["text"] and "[TELEFOON]" in item["text"]
    assert "stiefvader slaat me" in item["text"]
    assert item["reasons"] == ["low_intent_confidence"]
    assert item["bot"]["intent"] == "tell_story" and item["bot"]["labels"]["theme"]["value"] == "physical_violence"
    stored = dump_database(database_url)
    # the number in each form it could be kept in ("0470" alone also matches microseconds of a timestamp)
    for secret in ("Lotte", "Peeters", "0470 12 34 56", "0470123456", "470123456"):
        assert secret not in stored
    assert cid in trackers.reads
    # read once: a second collection does not read or add it again
    assert collect(client, trainer) == {"conversations": 0, "new_items": 0, "updated_items": 0, "unavailable": 0, "errors": []}


def test_conversations_still_going_are_not_read_until_idle(client, trainer, trackers, trainer_settings):
    created = client.post("/api/v1/conversations", json={"entry_point": "nupraatikerover"}).json()
    trackers.set(created["id"], ("ik weet het niet goed", parse("tell_story", 0.3)))
    assert collect(client, trainer)["conversations"] == 0
    trainer_settings.collect_after_minutes = 0  # now it counts as idle
    assert collect(client, trainer)["new_items"] == 1


@pytest.mark.parametrize(
    "parse_data, reasons",
    [
        (parse("tell_story", 0.95), []),
        (parse("tell_story", 0.59), ["low_intent_confidence"]),
        (parse("tell_story", 0.95, theme=("neglect", 0.55)), ["low_theme_confidence"]),
        (parse("tell_story", 0.95, role=("bystander", 0.4), age_group=("adult", 0.5)), ["low_age_group_confidence", "low_role_confidence"]),
        # a greeting's theme says nothing: its confidence does not count, urgency always does
        (parse("greet", 0.95, theme=("other", 0.3)), []),
        (parse("greet", 0.95, urgency=("none", 0.5)), ["low_urgency_confidence"]),
        (parse("tell_story", 0.95, fallback=True), ["fallback"]),
    ],
)
def test_thresholds_decide_what_enters(client, trainer, trackers, parse_data, reasons):
    ended_conversation(client, trackers, ("mijn buurman roept elke avond tegen zijn kinderen", parse_data))
    collect(client, trainer)
    items = inbox(client, trainer)
    assert [item["reasons"] for item in items] == ([reasons] if reasons else [])
    if "fallback" in reasons:  # the bot's best real guess is shown, not nlu_fallback
        assert items[0]["bot"]["intent"] == "tell_story"


def test_thresholds_are_settings(client, trainer, trackers, trainer_settings):
    trainer_settings.intent_threshold = 0.3
    trainer_settings.label_threshold = 0.3
    ended_conversation(client, trackers, ("iets vaags", parse("tell_story", 0.45, theme=("other", 0.45))))
    collect(client, trainer)
    assert inbox(client, trainer) == []


def test_rasa_down_is_reported_and_retried_later(client, trainer, trackers):
    ended_conversation(client, trackers, ("twijfel", parse("tell_story", 0.2)))
    ended_conversation(client, trackers, ("nog meer twijfel", parse("tell_story", 0.2)))
    trackers.down = True
    result = collect(client, trainer)
    assert result["unavailable"] == 2 and result["new_items"] == 0
    assert len(trackers.reads) == 1  # no waiting on a dead Rasa for every conversation
    trackers.down = False
    assert collect(client, trainer)["new_items"] == 2


WEDNESDAY_EVENING = "2026-11-25T19:30:00+01:00"


def closed_by_counsellor(client, counsellor, trackers, registration, *messages):
    created = client.post(
        "/api/v1/conversations", json={"entry_point": "nupraatikerover", "simulated_now": WEDNESDAY_EVENING}
    ).json()
    trackers.set(created["id"], *messages)
    hand_off(client, created["id"], "nupraatikerover", labels=labels(theme="sexual_violence"))
    client.post(f"/api/v1/counsellor/conversations/{created['id']}/claim", headers=counsellor)
    closed = client.post(
        f"/api/v1/counsellor/conversations/{created['id']}/close",
        json={**registration, "first_contact": True},
        headers=counsellor,
    )
    assert closed.status_code == 200, closed.text
    return created["id"]


def test_a_counsellors_correction_at_closing_brings_the_message_in(client, trainer, trackers, counsellors):
    story = "hij doet dingen bij mij die ik niet wil"
    closed_by_counsellor(
        client,
        counsellors["npie_anna"],
        trackers,
        {"main_theme": "physical_violence", "role": "victim", "age_group": "minor"},
        ("hoi", parse("greet", 0.99, theme=("other", 0.9), age_group=("unknown", 0.9), role=("unknown", 0.9))),
        (story, parse("tell_story", 0.93, theme=("sexual_violence", 0.8), age_group=("unknown", 0.8))),
    )
    collect(client, trainer)
    [item] = inbox(client, trainer)
    assert item["text"] == story
    assert item["reasons"] == ["counsellor_correction"]
    assert item["counsellor"] == {"theme": "physical_violence", "role": "victim", "age_group": "minor"}
    # the briefing's labels (what the bot concluded) are the context
    assert item["context"]["theme"]["value"] == "sexual_violence"


def test_a_registration_after_the_first_reading_updates_and_adds(client, trainer, trackers, counsellors, trainer_settings):
    trainer_settings.collect_after_minutes = 0
    created = client.post(
        "/api/v1/conversations", json={"entry_point": "nupraatikerover", "simulated_now": WEDNESDAY_EVENING}
    ).json()
    cid = created["id"]
    trackers.set(
        cid,
        ("ik weet niet of dit telt", parse("tell_story", 0.5, theme=("psychological_violence", 0.9))),
        ("hij slaat me", parse("tell_story", 0.97, theme=("psychological_violence", 0.9))),
    )
    hand_off(client, cid, "nupraatikerover")
    assert collect(client, trainer)["new_items"] == 1  # queued and idle: the unsure one only
    anna = counsellors["npie_anna"]
    client.post(f"/api/v1/counsellor/conversations/{cid}/claim", headers=anna)
    client.post(
        f"/api/v1/counsellor/conversations/{cid}/close",
        json={"main_theme": "physical_violence", "role": "victim", "age_group": "minor", "first_contact": True},
        headers=anna,
    )
    result = collect(client, trainer)
    assert (result["new_items"], result["updated_items"]) == (1, 1)
    items = inbox(client, trainer)
    assert {i["text"] for i in items} == {"ik weet niet of dit telt", "hij slaat me"}
    assert all(i["counsellor"]["theme"] == "physical_violence" for i in items)
    assert all("counsellor_correction" in i["reasons"] for i in items)


def test_crisis_items_come_first(client, trainer, trackers):
    ended_conversation(client, trackers, ("gewoon een vraag", parse("tell_story", 0.4)))
    ended_conversation(
        client, trackers, ("ik wil er niet meer zijn denk ik", parse("crisis", 0.5, urgency=("suicide_risk", 0.55)))
    )
    collect(client, trainer)
    assert [i["text"] for i in inbox(client, trainer)] == ["ik wil er niet meer zijn denk ik", "gewoon een vraag"]


def test_retention_purge_deletes_old_inbox_entries(client, trainer, trackers, database_url, capsys):
    ended_conversation(client, trackers, ("oud bericht", parse("tell_story", 0.4)))
    ended_conversation(client, trackers, ("recent bericht", parse("tell_story", 0.4)))
    collect(client, trainer)
    old = (datetime.now(UTC) - timedelta(days=40)).replace(tzinfo=None)
    engine = create_engine(database_url)
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE trainer_inbox_items SET message_at = :old WHERE text = 'oud bericht'"), {"old": old}
        )
    engine.dispose()
    assert admin_main(["purge"], make_settings(database_url)) == 0
    assert "1 inbox entries" in capsys.readouterr().out
    assert [i["text"] for i in inbox(client, trainer)] == ["recent bericht"]


def test_only_trainers_use_the_inbox(client, trainer_app, counsellors):
    assert client.get("/api/v1/trainers/inbox").status_code == 401
    refused = client.get("/api/v1/trainers/inbox", headers=counsellors["npie_anna"])
    assert refused.status_code == 403 and refused.json()["error"] == "not_a_trainer"
    assert client.post("/api/v1/trainers/inbox/collect", headers=counsellors["npie_anna"]).status_code == 403


def test_a_trainer_cannot_read_unscrubbed_transcripts(client, trainer, counsellors):
    created = client.post(
        "/api/v1/conversations", json={"entry_point": "nupraatikerover", "simulated_now": WEDNESDAY_EVENING}
    ).json()
    hand_off(client, created["id"], "nupraatikerover")
    assert client.get("/api/v1/counsellor/queue", headers=trainer).status_code == 403
    assert client.get(f"/api/v1/counsellor/conversations/{created['id']}", headers=trainer).status_code in (403, 404)


def test_registrations_beside_the_bots_labels_without_text(client, trainer, trackers, counsellors):
    closed_by_counsellor(
        client, counsellors["npie_anna"], trackers,
        {"main_theme": "physical_violence", "role": "victim", "age_group": "minor"},
    )
    closed_by_counsellor(
        client, counsellors["npie_anna"], trackers,
        {"main_theme": "sexual_violence", "role": "victim", "age_group": "minor"},
    )
    response = client.get("/api/v1/trainers/registrations", headers=trainer)
    assert response.status_code == 200
    fields = response.json()["fields"]
    assert (fields["theme"]["n"], fields["theme"]["agree"]) == (2, 1)
    assert fields["theme"]["differences"] == [{"bot": "sexual_violence", "registered": "physical_violence", "count": 1}]
    assert (fields["role"]["n"], fields["role"]["agree"]) == (2, 2)
    assert "stiefvader" not in response.text.lower()
    assert client.get("/api/v1/trainers/registrations", headers=counsellors["npie_anna"]).status_code == 403


@pytest.mark.parametrize(
    "text, hidden",
    [
        ("mijn gsm (0470 12 34 56) mag je niet bellen, mijn vader kijkt mee", "0470"),  # a format the scrubber misses
        ("mijn rijksregisternummer is 85.07.30-033.61 denk ik", "033"),  # a mistyped national number
    ],
)
def test_digit_runs_the_scrubber_left_are_hidden_too(client, trainer, trackers, database_url, text, hidden):
    ended_conversation(client, trackers, (text, parse("tell_story", 0.4)))
    collect(client, trainer)
    [item] = inbox(client, trainer)
    assert "[NUMMER]" in item["text"] or "[TELEFOON]" in item["text"] or "[RIJKSREGISTERNUMMER]" in item["text"]
    assert hidden not in item["text"]


def test_incident_dates_stay_readable(client, trainer, trackers):
    ended_conversation(client, trackers, ("op 12/03/2024 is het begonnen", parse("tell_story", 0.4)))
    collect(client, trainer)
    assert inbox(client, trainer)[0]["text"] == "op 12/03/2024 is het begonnen"
