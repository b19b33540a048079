"""A visitor's "no" holds in the trainers' inbox too: none of their messages, even scrubbed."""

from sqlalchemy import create_engine, func, select

from handoff_api.admin import main as admin_main
from handoff_api.trainers.models import InboxCollection, InboxItem

from .conftest import bearer, hand_off, labels, make_settings
from .trainer_fixtures import (  # noqa: F401 (fixtures)
    collect,
    heldout_copy,
    inbox,
    nlu_copy,
    parse,
    trackers,
    trainer,
    trainer_app,
    trainer_settings,
)

WEDNESDAY_EVENING = "2026-11-25T19:30:00+01:00"  # Nupraatikerover.be open
REFUSED = "mijn stiefvader slaat me als mama weg is"
AGREED = "mijn oom duwt me altijd tegen de muur"


def handed_over(client, trackers, text: str, consent: bool) -> dict:
    """A visitor told the bot something it was unsure of, then said yes or no to passing it on."""
    created = client.post(
        "/api/v1/conversations", json={"entry_point": "nupraatikerover", "simulated_now": WEDNESDAY_EVENING}
    ).json()
    trackers.set(created["id"], (text, parse("tell_story", 0.4)))
    hand_off(client, created["id"], "nupraatikerover", labels=labels(), consent=consent, visitor_words=[text])
    return created


def end(client, conversation: dict) -> None:
    ended = client.post(f"/api/v1/conversations/{conversation['id']}/end", headers=bearer(conversation["token"]))
    assert ended.status_code == 200, ended.text


def counts(database_url, conversation_id: str) -> tuple[int, int]:
    engine = create_engine(database_url)
    with engine.connect() as connection:
        items = connection.scalar(
            select(func.count()).select_from(InboxItem).where(InboxItem.conversation_id == conversation_id)
        )
        read = connection.scalar(
            select(func.count()).select_from(InboxCollection).where(InboxCollection.conversation_id == conversation_id)
        )
    engine.dispose()
    return items, read


def test_a_refused_conversation_is_never_collected(client, trainer, trackers, counsellors, database_url):
    refused = handed_over(client, trackers, REFUSED, consent=False)
    agreed = handed_over(client, trackers, AGREED, consent=True)
    end(client, refused)
    end(client, agreed)
    result = collect(client, trainer)
    assert (result["conversations"], result["new_items"]) == (1, 1)
    assert [item["text"] for item in inbox(client, trainer)] == [AGREED]
    assert refused["id"] not in trackers.reads  # not even read from Rasa
    assert counts(database_url, refused["id"]) == (0, 0)
    assert collect(client, trainer)["conversations"] == 0  # and not pending again and again


def test_a_later_no_removes_what_was_collected(client, trainer, trackers, trainer_settings, counsellors, database_url):
    """Read while idle with the bot, then the visitor says no at the handover: it goes at once."""
    created = client.post(
        "/api/v1/conversations", json={"entry_point": "nupraatikerover", "simulated_now": WEDNESDAY_EVENING}
    ).json()
    trackers.set(created["id"], (REFUSED, parse("tell_story", 0.4)))
    trainer_settings.collect_after_minutes = 0  # idle at once
    assert collect(client, trainer)["new_items"] == 1
    [item] = inbox(client, trainer)
    hand_off(client, created["id"], "nupraatikerover", labels=labels(), consent=False, visitor_words=[REFUSED])
    assert counts(database_url, created["id"]) == (0, 0)
    assert inbox(client, trainer) == []
    for action in ("accept", "drop", "personal-data"):
        gone = client.post(f"/api/v1/trainers/inbox/{item['id']}/{action}", headers=trainer)
        assert gone.status_code == 404, action
    assert collect(client, trainer)["new_items"] == 0
    assert inbox(client, trainer) == []


def test_an_item_of_a_refused_conversation_is_never_listed_or_decided(client, trainer, trackers, trainer_settings,
                                                                       counsellors, database_url, capsys):
    """A collection that raced the "no" (its item written after the handover): hidden from the
    page and the CLI, and removed by the next collection."""
    refused = handed_over(client, trackers, REFUSED, consent=False)
    engine = create_engine(database_url)
    with engine.begin() as connection:
        connection.execute(InboxItem.__table__.insert().values(
            id="raced0000000000000000000000000ab", conversation_id=refused["id"], message_key="m0",
            helpline_id="nupraatikerover", text=REFUSED, message_at=func.now(), created_at=func.now(),
            reasons=["low_intent_confidence"], bot_intent="tell_story", bot_intent_confidence=0.4, bot_labels={},
        ))
    engine.dispose()
    assert inbox(client, trainer) == []
    assert client.post("/api/v1/trainers/inbox/raced0000000000000000000000000ab/accept", headers=trainer).status_code == 404
    settings = make_settings(database_url)
    assert admin_main(["inbox", "list", "--json"], settings) == 0
    assert REFUSED not in capsys.readouterr().out
    collect(client, trainer)
    assert counts(database_url, refused["id"]) == (0, 0)


def test_a_later_yes_lets_the_conversation_in_again(client, trainer, trackers, counsellors, database_url):
    """"Toon wat ik aan de chatbot vertelde": the visitor now shares what they told the bot."""
    refused = handed_over(client, trackers, REFUSED, consent=False)
    shared = client.post(f"/api/v1/conversations/{refused['id']}/share-story", headers=bearer(refused["token"]))
    assert shared.status_code == 200, shared.text
    end(client, refused)
    assert collect(client, trainer)["new_items"] == 1
    assert [item["text"] for item in inbox(client, trainer)] == [REFUSED]
