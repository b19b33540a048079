"""Handoffs from the bot: the routing examples of the issue, the queue, busy helplines."""

import pytest

from .conftest import availability, bearer, hand_off, labels, start_conversation

SUNDAY_NIGHT = "2026-11-22T23:30:00+01:00"
MONDAY_MORNING = "2026-11-23T10:00:00+01:00"  # 1712's (placeholder) hours, NPIE closed
WEDNESDAY_AFTERNOON = "2026-11-25T15:00:00+01:00"  # both open
WEDNESDAY_EVENING = "2026-11-25T19:30:00+01:00"  # only Nupraatikerover.be open


@pytest.fixture(autouse=True)
def on_duty(counsellors):
    """Available at the console: two of Nupraatikerover.be, one of 1712, one of Veilig Thuis."""
    return counsellors


def handoff_at(client, entry_point, moment, **kwargs) -> tuple[dict, dict]:
    conversation = start_conversation(client, entry_point, simulated_now=moment)
    return conversation, hand_off(client, conversation["id"], entry_point, **kwargs)


def test_a_minor_goes_to_nupraatikerover_when_it_is_open(client):
    _, outcome = handoff_at(client, "1712", WEDNESDAY_AFTERNOON)
    assert outcome["outcome"] == "queued"
    assert outcome["helpline"]["id"] == "nupraatikerover"
    assert outcome["queue_position"] == 1
    assert outcome["routing_reason"] == "Minderjarig. Nupraatikerover.be was open, 1712 was open."
    assert outcome["move_sentence"] == (
        "Omdat Nupraatikerover.be er speciaal is voor kinderen en jongeren tot 18 jaar, "
        "zet ik je in de wachtrij van Nupraatikerover.be."
    )


def test_a_minor_goes_to_1712_when_nupraatikerover_is_closed(client):
    _, outcome = handoff_at(client, "nupraatikerover", MONDAY_MORNING)
    assert (outcome["outcome"], outcome["helpline"]["id"]) == ("queued", "1712")
    assert outcome["routing_reason"] == "Minderjarig. Nupraatikerover.be was gesloten, 1712 was open."
    assert outcome["move_sentence"] == (
        "Omdat de chat van Nupraatikerover.be nu gesloten is, zet ik je in de wachtrij van 1712, "
        "een hulplijn voor iedereen, jong en oud."
    )


def test_the_reason_gives_the_age_the_visitor_wrote_and_no_internal_codes(client, counsellors):
    with_age = labels()
    with_age["age_group"] |= {"source": "visitor", "answered_with": "text", "age": 15}
    _, outcome = handoff_at(client, "nupraatikerover", MONDAY_MORNING, labels=with_age)
    assert outcome["routing_reason"] == "Minderjarig (15 jaar). Nupraatikerover.be was gesloten, 1712 was open."


def test_a_visitor_who_stays_where_they_came_in_hears_no_move(client, counsellors):
    _, outcome = handoff_at(client, "nupraatikerover", WEDNESDAY_EVENING)
    assert outcome["helpline"]["id"] == "nupraatikerover" and outcome["move_sentence"] is None


def test_a_minor_gets_nupraatikerovers_offers_when_everything_is_closed(client):
    conversation, outcome = handoff_at(client, "nupraatikerover", SUNDAY_NIGHT)
    assert outcome["outcome"] == "closed"
    assert outcome["helpline"]["id"] == "nupraatikerover"
    assert outcome["next_opening"] == "2026-11-23T19:00:00+01:00"
    assert outcome["queue_position"] is None
    state = client.get(
        f"/api/v1/conversations/{conversation['id']}", headers=bearer(conversation["token"])
    ).json()
    assert state["state"] == "bot"  # the bot goes on with the out-of-hours offers


def test_an_adult_through_seksueelgeweld_goes_to_that_queue_of_the_1712_team(client):
    _, outcome = handoff_at(
        client, "seksueelgeweld", MONDAY_MORNING, labels=labels(age_group="adult")
    )
    assert (outcome["outcome"], outcome["helpline"]["id"]) == ("queued", "seksueelgeweld")
    assert outcome["routing_reason"] == "Volwassen. Chat na seksueel geweld was open."


def test_a_minor_through_seksueelgeweld_is_routed_as_a_minor(client):
    _, outcome = handoff_at(client, "seksueelgeweld", WEDNESDAY_AFTERNOON)
    assert outcome["helpline"]["id"] == "nupraatikerover"


def test_an_entry_through_veiligthuis_goes_to_veilig_thuis(client):
    _, outcome = handoff_at(client, "veiligthuis", "2026-11-23T10:00:00+01:00")
    assert (outcome["outcome"], outcome["helpline"]["id"]) == ("queued", "veiligthuis")


def test_an_adult_through_1712_goes_to_1712(client):
    _, outcome = handoff_at(client, "1712", MONDAY_MORNING, labels=labels(age_group="adult"))
    assert (outcome["outcome"], outcome["helpline"]["id"]) == ("queued", "1712")


def test_a_perpetrator_through_seksueelgeweld_falls_through_to_1712(client):
    _, outcome = handoff_at(
        client,
        "seksueelgeweld",
        MONDAY_MORNING,
        labels=labels(age_group="adult", role="perpetrator"),
    )
    assert outcome["helpline"]["id"] == "1712"


def test_once_queued_the_bot_gets_no_more_messages(client, fake_rasa):
    conversation, _ = handoff_at(client, "nupraatikerover", WEDNESDAY_AFTERNOON)
    response = client.post(
        f"/api/v1/conversations/{conversation['id']}/messages",
        json={"text": "Ben je daar?"},
        headers=bearer(conversation["token"]),
    )
    assert response.status_code == 200 and response.json()["messages"] == []
    assert fake_rasa.messages_for(conversation["id"]) == ["/greet"]
    state = client.get(
        f"/api/v1/conversations/{conversation['id']}", headers=bearer(conversation["token"])
    ).json()
    assert (state["state"], state["queue_position"]) == ("queued", 1)


def test_queue_order_and_busy_status(client):
    # Nupraatikerover.be has 2 available counsellors, room for one chat each.
    first, _ = handoff_at(client, "nupraatikerover", WEDNESDAY_EVENING)
    assert availability(client, "nupraatikerover", first["id"])["status"] == "open"
    second, _ = handoff_at(client, "nupraatikerover", WEDNESDAY_EVENING)
    assert availability(client, "nupraatikerover", first["id"])["status"] == "busy"
    _, urgent = handoff_at(
        client, "nupraatikerover", WEDNESDAY_EVENING, labels=labels(urgency="acute_danger")
    )
    assert (urgent["helpline"]["id"], urgent["queue_position"]) == ("nupraatikerover", 1)
    state = client.get(
        f"/api/v1/conversations/{second['id']}", headers=bearer(second["token"])
    ).json()
    assert state["queue_position"] == 3
    # no chat measured yet: the configured 45 minutes; one place frees after half a chat
    assert state["expected_wait"] == {"min_minutes": 15, "max_minutes": 30, "text": "ongeveer 15 tot 30 minuten"}
    assert state["expected_wait_minutes"] == 30
    answer = availability(client, "nupraatikerover", first["id"])
    assert answer["queue_length"] == 3 and answer["expected_wait_minutes"] == 30
    assert answer["waiting_sentence"] == "Er wachten nu 3 mensen voor je."


def test_a_busy_first_choice_gives_way_to_an_open_second_choice(client):
    handoff_at(client, "nupraatikerover", WEDNESDAY_AFTERNOON)
    handoff_at(client, "nupraatikerover", WEDNESDAY_AFTERNOON)
    _, third = handoff_at(client, "nupraatikerover", WEDNESDAY_AFTERNOON)
    assert third["helpline"]["id"] == "1712"
    assert third["routing_reason"] == (
        "Minderjarig. Nupraatikerover.be was bezet (alle hulpverleners in gesprek), 1712 was open."
    )
    # told at the start that Nupraatikerover.be was busy: the move is said, with why
    assert third["move_sentence"] == (
        "Omdat alle hulpverleners van Nupraatikerover.be nu in gesprek zijn, zet ik je in de wachtrij "
        "van 1712, een hulplijn voor iedereen, jong en oud."
    )


def test_handoff_for_an_unknown_conversation_is_404(client):
    hand_off(client, "does-not-exist", "nupraatikerover", expected_status=404)


def test_handoff_is_idempotent_once_queued(client):
    conversation, first = handoff_at(client, "nupraatikerover", WEDNESDAY_AFTERNOON)
    again = hand_off(client, conversation["id"], "nupraatikerover")
    assert again["queue_position"] == first["queue_position"] == 1
    assert again["helpline"] == first["helpline"]


def test_without_consent_the_entry_point_decides(client):
    # The bot passes no labels without consent: the age is unknown.
    only_urgency = {"urgency": {"value": "none", "confidence": 1.0, "source": "classifier"}}
    conversation = start_conversation(client, "nupraatikerover", simulated_now=WEDNESDAY_EVENING)
    outcome = hand_off(
        client, conversation["id"], "nupraatikerover", labels=only_urgency, consent=False,
        visitor_words=[], qa=[],
    )
    assert (outcome["outcome"], outcome["helpline"]["id"]) == ("queued", "nupraatikerover")
    conversation = start_conversation(client, "1712", simulated_now=MONDAY_MORNING)
    outcome = hand_off(client, conversation["id"], "1712", labels=only_urgency, consent=False)
    assert outcome["helpline"]["id"] == "1712"


def test_still_waiting_when_the_chat_closes_is_no_dead_end(client, database_url):
    from sqlalchemy import create_engine, text

    conversation, outcome = handoff_at(client, "nupraatikerover", "2026-11-25T21:59:00+01:00")
    assert outcome["outcome"] == "queued"
    # Ten minutes later on the conversation's clock: 22:09, the chat has closed.
    engine = create_engine(database_url)
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE conversations SET clock_offset_seconds = clock_offset_seconds + 600")
        )
    engine.dispose()
    response = client.post(
        f"/api/v1/conversations/{conversation['id']}/messages",
        json={"text": "Is er nog iemand?"},
        headers=bearer(conversation["token"]),
    )
    [reply] = response.json()["messages"]
    assert reply["sender"] == "system"
    for fact in ("gesloten", "wachtrij", "morgen om 19 uur", "112", "info@nupraatikerover.be"):
        assert fact in reply["text"], reply["text"]
