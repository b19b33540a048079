import asyncio

import pytest
from rasa_sdk.events import ConversationPaused, SlotSet

from action_fixtures import DOMAIN, NUPRAATIKEROVER, entity, make_tracker, responses, utterance
from actions.appointments import ActionBookAppointment, ActionOfferAppointments
from actions.email import ActionSubmitEmail, ValidateEmailForm
from actions.handover import ActionAddToHandoff, ActionHandover, ValidateHandoverForm

STORY = "ik ben 14 en mijn stiefvader komt snachts aan me zitten"
TRIAGED = {
    "visitor_words": [STORY],
    "triage_labels": {
        "theme": {"value": "sexual_violence", "confidence": 0.93, "source": "classifier"},
        "age_group": {"value": "minor", "confidence": 1.0, "source": "classifier"},
        "role": {"value": "victim", "confidence": 1.0, "source": "visitor"},
    },
    "qa": [{"question": "Gaat het over jezelf, of over iemand anders?", "answer": "over mezelf"}],
    "urgency": "none",
    "urgency_label": {"value": "none", "confidence": 0.82, "source": "classifier"},
}
QUEUED = {
    "outcome": "queued", "helpline": NUPRAATIKEROVER, "routing_reason": "minderjarig; Nupraatikerover.be is open",
    "queue_position": 2, "expected_wait_minutes": 15, "next_opening": None, "now": "2026-11-23T19:30:00+01:00",
}
CLOSED = {
    "outcome": "closed", "helpline": NUPRAATIKEROVER, "routing_reason": "geen passende chat open",
    "queue_position": None, "expected_wait_minutes": None, "next_opening": "2026-11-23T19:00:00+01:00",
    "now": "2026-11-22T23:30:00+01:00",
}
SLOTS = [
    {"start": "2026-11-23T19:00:00+01:00", "end": "2026-11-23T19:45:00+01:00"},
    {"start": "2026-11-24T20:00:00+01:00", "end": "2026-11-24T20:45:00+01:00"},
]


def run(action, dispatcher, tracker):
    return asyncio.run(action.run(dispatcher, tracker, DOMAIN))


def test_handover_with_consent_sends_the_visitors_own_words(client, dispatcher):
    client.handoff_answer = QUEUED
    tracker = make_tracker("/affirm", intent="affirm", slots={**TRIAGED, "consent": True}, sender_id="c-9")
    events = run(ActionHandover(), dispatcher, tracker)
    assert client.calls == [(
        "create_handoff",
        {
            "conversation_id": "c-9",
            "entry_point": "nupraatikerover",
            "labels": {"urgency": {"value": "none", "confidence": 0.82, "source": "classifier"},
                       **TRIAGED["triage_labels"]},
            "consent": True,
            "visitor_words": [STORY],
            "qa": TRIAGED["qa"],
            "details": {"recent_sexual_assault": False, "uncertain_labels": [], "relation": "mijn stiefvader"},
        },
    )]
    assert dispatcher.messages == [
        utterance("utter_queued", helpline_name="Nupraatikerover.be", queue_position=2),
        utterance("utter_queued_wait", expected_wait_minutes=15),
    ]
    assert events == [
        SlotSet("handoff_status", "stored"), SlotSet("helpline_name", "Nupraatikerover.be"), ConversationPaused(),
    ]


def test_consent_refused_hands_over_the_same_briefing_marked_refused(client, dispatcher):
    """The API keeps it from every counsellor (only the urgency) until the visitor chooses to
    show it in the chat: then it is the briefing a yes in time would have given."""
    client.handoff_answer = QUEUED
    suicide = {"value": "suicide_risk", "confidence": 0.64, "source": "classifier"}
    slots = {**TRIAGED, "urgency": "suicide_risk", "urgency_label": suicide}
    run(ActionHandover(), dispatcher, make_tracker("/affirm", intent="affirm", slots={**slots, "consent": True}))
    run(ActionHandover(), dispatcher, make_tracker("/deny", intent="deny", slots={**slots, "consent": False}))
    agreed, refused = client.calls[0][1], client.calls[1][1]
    assert (agreed["consent"], refused["consent"]) == (True, False)
    assert {**refused, "consent": True} == agreed
    assert refused["visitor_words"] == [STORY] and refused["qa"] == TRIAGED["qa"]
    assert refused["labels"] == {"urgency": suicide, **TRIAGED["triage_labels"]}


def test_the_briefing_names_the_uncertain_labels_with_their_true_confidence(client, dispatcher):
    client.handoff_answer = QUEUED
    unsure = {**TRIAGED["triage_labels"], "theme": {"value": "neglect", "confidence": 0.41, "source": "classifier"}}
    slots = {**TRIAGED, "consent": True, "triage_labels": unsure,
             "urgency_label": {"value": "acute_danger", "confidence": 0.52, "source": "classifier"}}
    run(ActionHandover(), dispatcher, make_tracker("/affirm", intent="affirm", slots=slots))
    sent = client.calls[0][1]
    assert sent["labels"]["urgency"] == {"value": "acute_danger", "confidence": 0.52, "source": "classifier"}
    assert sent["labels"]["theme"] == {"value": "neglect", "confidence": 0.41, "source": "classifier"}
    assert sent["details"]["uncertain_labels"] == ["theme", "urgency"]


def test_no_urgency_read_is_sent_as_not_assessed_not_as_certain(client, dispatcher):
    client.handoff_answer = QUEUED
    slots = {**TRIAGED, "consent": True, "urgency_label": None, "urgency": None}
    run(ActionHandover(), dispatcher, make_tracker("/affirm", intent="affirm", slots=slots))
    assert client.calls[0][1]["labels"]["urgency"] == {"value": "none", "confidence": None, "source": "not_assessed"}


def test_closed_keeps_the_briefing_and_offers_email_or_appointment(client, dispatcher):
    client.handoff_answer = CLOSED
    events = run(ActionHandover(), dispatcher, make_tracker(slots={**TRIAGED, "consent": True}))
    assert dispatcher.messages == [
        utterance("utter_stored_closed", helpline_name="Nupraatikerover.be", next_opening="morgen om 19 uur"),
        utterance("utter_offers_without_appointment"),
    ]
    assert events == [
        SlotSet("handoff_status", "stored"), SlotSet("helpline_name", "Nupraatikerover.be"),
        SlotSet("appointments_offered", False), SlotSet("appointment_helpline", None),
    ]


def test_a_minor_moved_from_1712_hears_why_and_is_offered_nupraatikerovers_appointment(client, dispatcher):
    moved = "Omdat Nupraatikerover.be er speciaal is voor kinderen en jongeren tot 18 jaar, zet ik je vraag klaar voor Nupraatikerover.be."
    client.handoff_answer = {
        **CLOSED, "move_sentence": moved,
        "appointment_helpline": {"id": "nupraatikerover", "name": "Nupraatikerover.be"},
    }
    tracker = make_tracker(slots={**TRIAGED, "consent": True, "entry_point": "1712"})
    events = run(ActionHandover(), dispatcher, tracker)
    assert dispatcher.messages == [
        {**utterance(None), "text": moved},
        utterance("utter_stored_closed", helpline_name="Nupraatikerover.be", next_opening="morgen om 19 uur"),
        utterance("utter_offers_with_appointment", appointment_helpline="Nupraatikerover.be"),
    ]
    assert events[-2:] == [SlotSet("appointments_offered", True), SlotSet("appointment_helpline", "Nupraatikerover.be")]


def test_a_queued_visitor_moved_to_another_helpline_hears_it_before_the_queue(client, dispatcher):
    moved = "Omdat de chat van Nupraatikerover.be nu gesloten is, zet ik je in de wachtrij van 1712, een hulplijn voor iedereen, jong en oud."
    client.handoff_answer = {**QUEUED, "move_sentence": moved}
    run(ActionHandover(), dispatcher, make_tracker(slots={**TRIAGED, "consent": True}))
    assert dispatcher.messages[0]["text"] == moved
    assert responses(dispatcher)[1:] == ["utter_queued", "utter_queued_wait"]


def test_handover_failure_is_no_dead_end(client, dispatcher):
    client.down = True
    events = run(ActionHandover(), dispatcher, make_tracker(slots={**TRIAGED, "consent": True}))
    assert responses(dispatcher) == ["utter_handover_failed", "utter_emergency_numbers"]
    assert "info@nupraatikerover.be" in dispatcher.messages[0]["fallback_contact"]
    assert events == [SlotSet("consent", None), SlotSet("handoff_status", None)]


def test_more_words_after_storing_are_added_and_sent_again(client, dispatcher):
    client.handoff_answer = CLOSED
    tracker = make_tracker("hij doet het ook bij mijn zusje", slots={**TRIAGED, "consent": True,
                                                                      "handoff_status": "stored"})
    events = run(ActionAddToHandoff(), dispatcher, tracker)
    assert client.calls[0][1]["visitor_words"] == [STORY, "hij doet het ook bij mijn zusje"]
    assert responses(dispatcher) == ["utter_story_added"]
    assert events[0] == SlotSet("visitor_words", [STORY, "hij doet het ook bij mijn zusje"])


@pytest.mark.parametrize("intent,expected", [("affirm", True), ("deny", False), ("skip", False)])
def test_consent_answers(intent, expected, dispatcher):
    tracker = make_tracker(f"/{intent}", intent=intent, active_loop="handover_form")
    result = ValidateHandoverForm().validate_consent(None, dispatcher, tracker, DOMAIN)
    assert result == {"consent": expected}


def test_words_instead_of_a_consent_answer_are_kept_and_the_question_asked_again(dispatcher):
    tracker = make_tracker("en hij dreigt als ik het vertel", slots={"visitor_words": [STORY]})
    result = ValidateHandoverForm().validate_consent(None, dispatcher, tracker, DOMAIN)
    assert result == {"consent": None, "visitor_words": [STORY, "en hij dreigt als ik het vertel"]}
    assert responses(dispatcher) == ["utter_story_added"]


def test_email_without_address_needs_no_address_question(dispatcher):
    tracker = make_tracker("/deny", intent="deny", slots={"email_reply_by_mail": False})
    slots = asyncio.run(ValidateEmailForm().required_slots(
        ["email_message", "email_reply_by_mail", "email_address"], dispatcher, tracker, DOMAIN))
    assert slots == ["email_message", "email_reply_by_mail"]


def test_a_typed_address_answers_the_reply_question(dispatcher):
    tracker = make_tracker("mail maar naar lotte.v@voorbeeld.be", intent="inform")
    result = ValidateEmailForm().validate_email_reply_by_mail(None, dispatcher, tracker, DOMAIN)
    assert result == {"email_reply_by_mail": True, "email_address": "lotte.v@voorbeeld.be"}


def test_a_wrong_address_is_asked_again_in_dutch(dispatcher):
    tracker = make_tracker("lotte at gmail", intent="inform")
    result = ValidateEmailForm().validate_email_address("lotte at gmail", dispatcher, tracker, DOMAIN)
    assert result == {"email_address": None}
    assert responses(dispatcher) == ["utter_invalid_email_address"]


def test_a_too_long_email_is_refused_with_a_dutch_reason(dispatcher):
    tracker = make_tracker("a" * 4001, intent="tell_story")
    result = ValidateEmailForm().validate_email_message("a" * 4001, dispatcher, tracker, DOMAIN)
    assert result == {"email_message": None}
    assert "te lang" in dispatcher.messages[0]["text"]


def test_email_with_a_pickup_code(client, dispatcher):
    tracker = make_tracker("/deny", intent="deny", sender_id="c-3",
                           slots={"email_message": "ik durf niet te bellen", "email_reply_by_mail": False})
    events = run(ActionSubmitEmail(), dispatcher, tracker)
    assert client.calls == [("email_request", "c-3", "nupraatikerover", "ik durf niet te bellen", None)]
    assert dispatcher.messages == [
        utterance("utter_email_sent_code", helpline_name="Nupraatikerover.be")
    ]
    assert events == [SlotSet("email_message", None), SlotSet("email_reply_by_mail", None),
                      SlotSet("email_address", None)]


def test_email_failure_gives_the_address_to_write_to(client, dispatcher):
    client.down = True
    tracker = make_tracker(slots={"email_message": "hallo", "email_reply_by_mail": False})
    run(ActionSubmitEmail(), dispatcher, tracker)
    assert responses(dispatcher) == ["utter_email_failed"]
    assert "info@nupraatikerover.be" in dispatcher.messages[0]["fallback_contact"]


def test_appointment_slots_are_buttons_with_dutch_titles(client, dispatcher):
    client.slots = SLOTS
    events = run(ActionOfferAppointments(), dispatcher, make_tracker("/ask_appointment", intent="ask_appointment"))
    assert dispatcher.messages == [utterance(
        "utter_appointment_intro",
        buttons=[
            {"title": "maandag 23 november om 19 uur",
             "payload": '/choose_appointment{"appointment_start": "2026-11-23T19:00:00+01:00"}'},
            {"title": "dinsdag 24 november om 20 uur",
             "payload": '/choose_appointment{"appointment_start": "2026-11-24T20:00:00+01:00"}'},
        ],
        helpline_name="Nupraatikerover.be",
    )]
    assert events == [SlotSet("offered_appointments", [
        {**SLOTS[0], "title": "maandag 23 november om 19 uur"},
        {**SLOTS[1], "title": "dinsdag 24 november om 20 uur"},
    ])]


def offered():
    return [{**SLOTS[0], "title": "maandag 23 november om 19 uur"},
            {**SLOTS[1], "title": "dinsdag 24 november om 20 uur"}]


def test_booking_by_button(client, dispatcher):
    tracker = make_tracker('/choose_appointment{"appointment_start": "2026-11-24T20:00:00+01:00"}',
                           intent="choose_appointment",
                           entities=[entity("appointment_start", "2026-11-24T20:00:00+01:00")],
                           slots={"offered_appointments": offered()}, sender_id="c-5")
    events = run(ActionBookAppointment(), dispatcher, tracker)
    assert client.calls == [("book_appointment", "c-5", "nupraatikerover", "2026-11-24T20:00:00+01:00")]
    assert dispatcher.messages == [utterance(
        "utter_appointment_booked", appointment_time="dinsdag 24 november om 20 uur")]
    assert events == [SlotSet("offered_appointments", [])]


def test_booking_by_typing_the_day(client, dispatcher):
    tracker = make_tracker("maandag graag", intent="choose_appointment", slots={"offered_appointments": offered()})
    run(ActionBookAppointment(), dispatcher, tracker)
    assert client.calls[0][3] == "2026-11-23T19:00:00+01:00"


def test_a_slot_taken_meanwhile_offers_the_others(client, dispatcher):
    client.slots = SLOTS[1:]
    client.taken = {SLOTS[0]["start"]}
    tracker = make_tracker("de eerste", intent="choose_appointment", slots={"offered_appointments": offered()})
    run(ActionBookAppointment(), dispatcher, tracker)
    assert responses(dispatcher) == ["utter_appointment_taken", "utter_appointment_intro"]


def test_a_second_booking_in_the_conversation_is_refused_without_offering_more(client, dispatcher):
    client.booked = True
    tracker = make_tracker("de eerste", intent="choose_appointment", slots={"offered_appointments": offered()})
    events = run(ActionBookAppointment(), dispatcher, tracker)
    assert responses(dispatcher) == ["utter_appointment_already_booked"]
    assert events == [SlotSet("offered_appointments", [])]


def test_an_unclear_choice_shows_the_slots_again(client, dispatcher):
    client.slots = SLOTS
    tracker = make_tracker("weet niet", intent="choose_appointment", slots={"offered_appointments": offered()})
    run(ActionBookAppointment(), dispatcher, tracker)
    assert responses(dispatcher) == ["utter_appointment_unclear", "utter_appointment_intro"]
    assert [call[0] for call in client.calls] == ["appointment_slots"]


def test_no_free_slots_offers_the_rest(client, dispatcher):
    run(ActionOfferAppointments(), dispatcher, make_tracker("/ask_appointment", intent="ask_appointment"))
    assert responses(dispatcher) == ["utter_no_appointments_here", "utter_offers_without_appointment"]
    dispatcher.messages.clear()
    offered = make_tracker("/ask_appointment", intent="ask_appointment", slots={"appointments_offered": True})
    run(ActionOfferAppointments(), dispatcher, offered)  # offered, then taken by others meanwhile
    assert responses(dispatcher) == ["utter_no_appointments", "utter_offers_without_appointment"]
