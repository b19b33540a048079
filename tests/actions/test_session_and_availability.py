import asyncio

from rasa_sdk.events import ActionExecuted, ActiveLoop, SessionStarted, SlotSet

from action_fixtures import DOMAIN, NUPRAATIKEROVER, make_tracker, responses, utterance
from actions.availability import ActionCheckAvailability, ActionTellHours
from actions.session import ActionSessionStart

SUNDAY_NIGHT = "2026-11-22T23:30:00+01:00"
NPIE_HOURS = [
    {"weekday": 0, "opens": "19:00", "closes": "22:00"},
    {"weekday": 1, "opens": "19:00", "closes": "22:00"},
    {"weekday": 2, "opens": "14:00", "closes": "22:00"},
    {"weekday": 3, "opens": "19:00", "closes": "22:00"},
]


def availability(status, **extra):
    answer = {
        "entry_point": "nupraatikerover",
        "helpline": NUPRAATIKEROVER,
        "status": status,
        "now": SUNDAY_NIGHT,
        "next_opening": None,
        "closes_at": None,
        "queue_length": 0,
        "expected_wait_minutes": None,
        "opening_hours": NPIE_HOURS,
        "appointments_possible": True,
        "appointment_helpline": {"id": "nupraatikerover", "name": "Nupraatikerover.be"},
    }
    answer.update(extra)
    return answer


def run(action, dispatcher, tracker):
    return asyncio.run(action.run(dispatcher, tracker, DOMAIN))


def test_session_start_takes_the_entry_point_from_the_metadata(dispatcher):
    tracker = make_tracker(slots={"entry_point": None, "session_started_metadata": {"entry_point": "veiligthuis"}})
    events = run(ActionSessionStart(), dispatcher, tracker)
    assert events == [
        SessionStarted(),
        SlotSet("entry_point", "veiligthuis"),
        SlotSet("country", "nl"),
        SlotSet("helpline_name", "Veilig Thuis"),
        ActionExecuted("action_listen"),
    ]


def test_a_new_session_after_a_long_silence_carries_the_story_labels_and_consent_over(dispatcher):
    said = ["mijn stiefvader komt 's nachts in mijn kamer"]
    tracker = make_tracker(slots={
        "visitor_words": said, "triage_theme": "sexual_violence", "triage_age_group": "minor",
        "consent": True, "entry_point": "nupraatikerover",
        "session_started_metadata": {"entry_point": "nupraatikerover"},
    }, active_loop="triage_form")
    events = run(ActionSessionStart(), dispatcher, tracker)
    assert events == [
        SessionStarted(),
        SlotSet("consent", True),
        SlotSet("visitor_words", said),
        SlotSet("triage_age_group", "minor"),
        SlotSet("triage_theme", "sexual_violence"),
        SlotSet("entry_point", "nupraatikerover"),
        SlotSet("country", "be"),
        SlotSet("helpline_name", "Nupraatikerover.be"),
        ActiveLoop("triage_form"),  # the question it was asking is asked on
        ActionExecuted("action_listen"),
    ]


def test_no_slots_are_carried_over_when_the_domain_says_so(dispatcher):
    tracker = make_tracker(slots={"consent": True, "session_started_metadata": {"entry_point": "1712"}})
    domain = {**DOMAIN, "session_config": {"carry_over_slots_to_new_session": False}}
    events = asyncio.run(ActionSessionStart().run(dispatcher, tracker, domain))
    assert SlotSet("consent", True) not in events and events[0] == SessionStarted()


def test_session_start_falls_back_to_1712_for_an_unknown_entry_point(dispatcher):
    tracker = make_tracker(slots={"entry_point": None, "session_started_metadata": {"entry_point": "nope"}})
    events = run(ActionSessionStart(), dispatcher, tracker)
    assert SlotSet("entry_point", "1712") in events
    assert SlotSet("country", "be") in events


def test_closed_says_when_it_opens_in_dutch_and_offers_the_alternatives(client, dispatcher):
    client.availability_answer = availability("closed", next_opening="2026-11-23T19:00:00+01:00")
    events = run(ActionCheckAvailability(), dispatcher, make_tracker(sender_id="c-42"))
    assert client.calls == [("availability", "nupraatikerover", "c-42")]
    assert dispatcher.messages == [
        utterance("utter_status_closed", helpline_name="Nupraatikerover.be", next_opening="morgen om 19 uur"),
        utterance("utter_offers_with_appointment", appointment_helpline="Nupraatikerover.be"),
    ]
    assert events == [
        SlotSet("helpline_status", "closed"), SlotSet("helpline_name", "Nupraatikerover.be"),
        SlotSet("appointments_offered", True), SlotSet("appointment_helpline", "Nupraatikerover.be"),
    ]


ONE_SEVEN_ONE_TWO = {"id": "1712", "name": "1712", "email": None, "country": "BE",
                     "phones": [{"name": "1712", "number": "1712", "hours": "OPERATOR: fill in"}]}
VEILIG_THUIS = {"id": "veiligthuis", "name": "Veilig Thuis", "email": None, "country": "NL",
                "phones": [{"name": "Veilig Thuis", "number": "0800-2000", "hours": "dag en nacht"}]}


def test_a_1712_visitor_at_three_at_night_gets_no_appointment_button(client, dispatcher):
    client.availability_answer = availability(
        "closed", entry_point="1712", helpline=ONE_SEVEN_ONE_TWO, now="2026-11-24T03:00:00+01:00",
        next_opening="2026-11-24T09:00:00+01:00", appointments_possible=False, appointment_helpline=None,
    )
    events = run(ActionCheckAvailability(), dispatcher, make_tracker(slots={"entry_point": "1712"}))
    assert dispatcher.messages == [
        utterance("utter_status_closed", helpline_name="1712", next_opening="vandaag om 9 uur"),
        utterance("utter_offers_without_appointment"),
    ]
    assert events[-2:] == [SlotSet("appointments_offered", False), SlotSet("appointment_helpline", None)]
    assert "/ask_appointment" not in [b["payload"] for b in DOMAIN["responses"]["utter_offers_without_appointment"][0]["buttons"]]


def test_the_closed_message_names_the_helplines_own_round_the_clock_line(client, dispatcher):
    client.availability_answer = availability(
        "closed", entry_point="veiligthuis", helpline=VEILIG_THUIS, now="2026-11-21T10:00:00+01:00",
        next_opening="2026-11-23T09:00:00+01:00", appointments_possible=False, appointment_helpline=None,
    )
    run(ActionCheckAvailability(), dispatcher, make_tracker(slots={"entry_point": "veiligthuis"}))
    assert dispatcher.messages[1] == utterance("utter_own_line", phone_name="Veilig Thuis", phone_number="0800-2000")
    assert responses(dispatcher) == ["utter_status_closed", "utter_own_line", "utter_offers_without_appointment"]


def test_the_api_s_own_time_phrase_is_used_when_it_gives_one(client, dispatcher):
    client.availability_answer = availability(
        "closed", next_opening="2026-11-23T19:00:00+01:00", next_opening_text="maandag om 19 uur"
    )
    run(ActionCheckAvailability(), dispatcher, make_tracker())
    assert dispatcher.messages[0]["next_opening"] == "maandag om 19 uur"


def test_closed_over_a_weekend_names_the_weekday(client, dispatcher):
    client.availability_answer = availability(
        "closed", now="2026-11-20T22:30:00+01:00", next_opening="2026-11-23T19:00:00+01:00"
    )
    run(ActionCheckAvailability(), dispatcher, make_tracker())
    assert dispatcher.messages[0]["next_opening"] == "maandag om 19 uur"


def test_open_invites_the_story(client, dispatcher):
    client.availability_answer = availability("open", closes_at="2026-11-23T22:00:00+01:00")
    events = run(ActionCheckAvailability(), dispatcher, make_tracker())
    assert responses(dispatcher) == ["utter_status_open", "utter_invite_story"]
    assert events[0] == SlotSet("helpline_status", "open")


def test_busy_gives_the_queue_and_the_same_offers(client, dispatcher):
    client.availability_answer = availability("busy", queue_length=3, expected_wait_minutes=25)
    run(ActionCheckAvailability(), dispatcher, make_tracker())
    assert responses(dispatcher) == ["utter_status_busy", "utter_invite_story", "utter_offers_with_appointment"]
    assert dispatcher.messages[0]["queue_sentence"] == "Er wachten nu 3 mensen."
    assert dispatcher.messages[0]["wait_sentence"] == "Je wacht ongeveer 25 minuten."


def test_busy_with_nobody_waiting_never_says_zero_people(client, dispatcher):
    client.availability_answer = availability("busy", queue_length=0, expected_wait_minutes=None)
    run(ActionCheckAvailability(), dispatcher, make_tracker())
    said = dispatcher.messages[0]
    assert (said["queue_sentence"], said["wait_sentence"]) == ("Er wacht nu niemand anders.", "Even geduld.")
    one = availability("busy", queue_length=1, expected_wait_minutes=10)
    client.availability_answer = one
    run(ActionCheckAvailability(), dispatcher, make_tracker())
    assert dispatcher.messages[-3]["queue_sentence"] == "Er wacht nu 1 iemand voor je."


def test_busy_uses_the_api_s_own_sentences_when_it_gives_them(client, dispatcher):
    client.availability_answer = availability(
        "busy", queue_length=2, waiting_sentence="Er wachten nu 2 mensen voor je.",
        expected_wait={"min_minutes": 10, "max_minutes": 20, "text": "ongeveer 10 tot 20 minuten"},
    )
    run(ActionCheckAvailability(), dispatcher, make_tracker())
    said = dispatcher.messages[0]
    assert (said["queue_sentence"], said["wait_sentence"]) == (
        "Er wachten nu 2 mensen voor je.", "Je wacht ongeveer 10 tot 20 minuten."
    )


def test_api_down_still_gives_numbers_and_the_helpline_email(client, dispatcher):
    client.down = True
    events = run(ActionCheckAvailability(), dispatcher, make_tracker())
    assert responses(dispatcher) == ["utter_status_unknown", "utter_emergency_numbers", "utter_invite_story"]
    contact = dispatcher.messages[0]["fallback_contact"]
    assert "info@nupraatikerover.be" in contact and "112" in contact and "1813" in contact
    assert events == [SlotSet("helpline_status", "unknown")]


def test_hours_in_plain_dutch(client, dispatcher):
    client.availability_answer = availability("closed", next_opening="2026-11-23T19:00:00+01:00")
    run(ActionTellHours(), dispatcher, make_tracker())
    assert dispatcher.messages[0]["opening_hours"] == (
        "maandag, dinsdag en donderdag van 19 tot 22 uur; woensdag van 14 tot 22 uur"
    )
    assert responses(dispatcher) == ["utter_hours", "utter_status_closed"]
    assert "weer open" in DOMAIN["responses"]["utter_status_closed"][0]["text"].split("{next_opening}")[1]
