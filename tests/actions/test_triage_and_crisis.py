import asyncio

import pytest

from rasa_sdk.events import SlotSet

from action_fixtures import DOMAIN, entity, make_tracker, responses, utterance
from actions.crisis import ActionAskSafety, ActionCrisisAcknowledge, ActionCrisisSupport, ActionSafetyContinue
from actions.triage import ActionRecordStory, ValidateTriageForm

STORY = "ik ben 14 en mijn stiefvader komt snachts aan me zitten"


def run(action, dispatcher, tracker):
    return asyncio.run(action.run(dispatcher, tracker, DOMAIN))


def test_story_is_kept_verbatim_and_sure_labels_fill_the_questions(dispatcher):
    tracker = make_tracker(
        STORY,
        entities=[
            entity("theme", "sexual_violence", 0.93),
            entity("age_group", "unknown", 0.5),
            entity("age", 14, 0.99),
            entity("role", "victim", 0.41),
            entity("urgency", "none", 0.97),
        ],
    )
    events = run(ActionRecordStory(), dispatcher, tracker)
    assert dispatcher.messages == [utterance("utter_story_noted")]
    assert events == [
        SlotSet("visitor_words", [STORY]),
        SlotSet("triage_theme", "sexual_violence"),
        SlotSet("triage_age_group", "minor"),
        SlotSet(
            "triage_labels",
            {
                "theme": {"value": "sexual_violence", "confidence": 0.93, "source": "classifier"},
                "age_group": {"value": "minor", "confidence": 0.99, "source": "classifier", "age": 14},
                "role": {"value": "victim", "confidence": 0.41, "source": "classifier"},
            },
        ),
        SlotSet("urgency_label", {"value": "none", "confidence": 0.97, "source": "classifier"}),
        SlotSet("urgency", "none"),
    ]


def test_a_second_message_adds_words_and_does_not_overwrite_an_answer(dispatcher):
    tracker = make_tracker(
        "het is al een jaar bezig",
        entities=[entity("role", "bystander", 0.9)],
        slots={
            "visitor_words": [STORY],
            "triage_role": "victim",
            "triage_labels": {"role": {"value": "victim", "confidence": 1.0, "source": "visitor"}},
        },
    )
    events = run(ActionRecordStory(), dispatcher, tracker)
    assert events == [
        SlotSet("visitor_words", [STORY, "het is al een jaar bezig"]),
        SlotSet("triage_labels", {"role": {"value": "victim", "confidence": 1.0, "source": "visitor"}}),
    ]


def validate(slot, tracker, dispatcher, asked=True):
    """The form validates `slot`: the visitor's answer to its question (`asked`), or, when the
    form starts, a slot the story filled already."""
    tracker.slots["requested_slot"] = slot if asked else None
    form = ValidateTriageForm()
    return getattr(form, f"validate_{slot}")(None, dispatcher, tracker, DOMAIN)


def test_a_label_the_story_gave_is_no_answer_to_a_question_never_asked(dispatcher):
    story = "ik ben 15 en mijn stiefvader slaat mij"
    tracker = make_tracker(story, entities=[entity("age", 15, 0.99)], slots={"triage_age_group": "minor", "qa": []})
    assert validate("triage_age_group", tracker, dispatcher, asked=False) == {"triage_age_group": "minor"}
    assert dispatcher.messages == []


def test_a_skipped_question_is_unknown_and_marked_skipped(dispatcher):
    tracker = make_tracker(
        "/skip",
        intent="skip",
        active_loop="triage_form",
        slots={"triage_labels": {"role": {"value": "victim", "confidence": 0.41, "source": "classifier"}}},
    )
    assert validate("triage_role", tracker, dispatcher) == {
        "triage_role": "unknown",
        "triage_labels": {"role": {"value": "victim", "confidence": 0.41, "source": "skipped"}},
        "qa": [{"question": "Gaat het over jezelf, of over iemand anders?", "answer": "liever niet gezegd"}],
    }


def test_a_button_answer_is_the_visitors_own_label(dispatcher):
    tracker = make_tracker('/inform{"age_group": "minor"}', intent="inform", entities=[entity("age_group", "minor")])
    assert validate("triage_age_group", tracker, dispatcher) == {
        "triage_age_group": "minor",
        "triage_labels": {
            "age_group": {"value": "minor", "confidence": 1.0, "source": "visitor", "answered_with": "button"}
        },
        "qa": [{"question": "Hoe oud ben je?", "answer": "jonger dan 18"}],
    }


def test_a_typed_age_answers_the_age_question(dispatcher):
    tracker = make_tracker("ik ben 19", intent="inform", entities=[entity("age", 19, 0.99)])
    result = validate("triage_age_group", tracker, dispatcher)
    assert result["triage_age_group"] == "adult"
    assert result["qa"] == [{"question": "Hoe oud ben je?", "answer": "ik ben 19"}]
    assert result["triage_labels"]["age_group"] == {
        "value": "adult", "confidence": 0.99, "source": "visitor", "answered_with": "text", "age": 19
    }


def test_an_unclear_answer_ends_the_question_as_unknown(dispatcher):
    tracker = make_tracker("weet ik eigenlijk niet zo", intent="inform", entities=[entity("theme", "other", 0.2)])
    result = validate("triage_theme", tracker, dispatcher)
    assert result["triage_theme"] == "unknown"
    assert "theme" not in result["triage_labels"]


def test_suicide_risk_gets_the_line_first_and_priority(dispatcher):
    text = "ik wil er niet meer zijn"
    tracker = make_tracker(text, intent="crisis", entities=[entity("urgency", "suicide_risk", 0.88)])
    events = run(ActionCrisisSupport(), dispatcher, tracker)
    assert responses(dispatcher) == ["utter_crisis_suicide", "utter_crisis_priority"]
    assert events == [
        SlotSet("visitor_words", [text]),
        SlotSet("triage_labels", {}),
        SlotSet("urgency_label", {"value": "suicide_risk", "confidence": 0.88, "source": "classifier"}),
        SlotSet("urgency", "suicide_risk"),
        SlotSet("safety_asked", None),
    ]


@pytest.mark.parametrize(
    "urgency, response",
    [("suicide_risk", "utter_crisis_acknowledge_suicide"), ("acute_danger", "utter_crisis_acknowledge"),
     ("none", "utter_crisis_acknowledge")],
)
def test_the_acknowledgement_fits_the_crisis(dispatcher, urgency, response):
    tracker = make_tracker("tekst", intent="crisis", entities=[entity("urgency", urgency, 0.9)])
    assert run(ActionCrisisAcknowledge(), dispatcher, tracker) == []
    assert dispatcher.messages == [utterance(response)]


def test_acute_danger_says_112_first(dispatcher):
    tracker = make_tracker("hij staat aan de deur met een mes", intent="crisis",
                           entities=[entity("urgency", "acute_danger", 0.95)])
    run(ActionCrisisSupport(), dispatcher, tracker)
    assert responses(dispatcher) == ["utter_crisis_danger", "utter_crisis_priority"]


def test_a_recent_rape_points_to_the_zorgcentra(dispatcher):
    tracker = make_tracker(
        "ik ben gisteren verkracht op een feestje",
        intent="crisis",
        entities=[entity("urgency", "none", 0.7), entity("recent_assault", "yes", 0.9),
                  entity("theme", "sexual_violence", 0.95)],
    )
    events = run(ActionCrisisSupport(), dispatcher, tracker)
    assert responses(dispatcher) == ["utter_crisis_recent_assault", "utter_crisis_priority"]
    assert SlotSet("recent_assault", True) in events
    assert SlotSet("triage_theme", "sexual_violence") in events


def test_crisis_without_a_reason_gives_every_line(dispatcher):
    tracker = make_tracker("help", intent="crisis", entities=[entity("urgency", "none", 0.6)])
    events = run(ActionCrisisSupport(), dispatcher, tracker)
    assert responses(dispatcher) == ["utter_crisis_danger", "utter_emergency_numbers", "utter_crisis_priority"]
    assert events[-3:] == [
        SlotSet("urgency_label", {"value": "acute_danger", "confidence": None, "source": "intent"}),
        SlotSet("urgency", "acute_danger"),
        SlotSet("safety_asked", None),
    ]


def test_crisis_after_the_briefing_was_stored_does_not_promise_priority_again(dispatcher):
    tracker = make_tracker("ik wil dood", intent="crisis", entities=[entity("urgency", "suicide_risk", 0.9)],
                           slots={"handoff_status": "stored"})
    run(ActionCrisisSupport(), dispatcher, tracker)
    assert responses(dispatcher) == ["utter_crisis_suicide"]


ASK_DANGER = [entity("urgency", "none", 0.55), entity("urgency_action", "ask", 0.45), entity("ask_about", "acute_danger", 0.4)]


def test_an_uncertain_message_gets_the_danger_question_and_its_words_are_kept(dispatcher):
    text = "hij is boos en komt zo thuis"
    tracker = make_tracker(text, intent="safety_check", entities=ASK_DANGER)
    events = run(ActionAskSafety(), dispatcher, tracker)
    buttons = [
        {"title": "Ja", "payload": "/affirm"},
        {"title": "Nee", "payload": "/deny"},
        {"title": "Dat zeg ik liever niet", "payload": "/skip"},
    ]
    assert dispatcher.messages == [utterance("utter_ask_safety_danger")]
    for question in ("utter_ask_safety_danger", "utter_ask_safety_suicide"):
        assert DOMAIN["responses"][question][0]["buttons"] == buttons
    assert events == [
        SlotSet("visitor_words", [text]),
        SlotSet("triage_labels", {}),
        SlotSet("urgency_label", {"value": "none", "confidence": 0.55, "source": "classifier"}),
        SlotSet("urgency", "none"),
        SlotSet("safety_asked", True),
        SlotSet("safety_about", "acute_danger"),
    ]


def test_an_uncertain_suicide_signal_gets_the_gentle_question(dispatcher):
    tracker = make_tracker("ik geef mijn spullen weg", intent="safety_check",
                           entities=[entity("urgency", "suicide_risk", 0.5), entity("ask_about", "suicide_risk", 0.5)])
    run(ActionAskSafety(), dispatcher, tracker)
    assert responses(dispatcher) == ["utter_ask_safety_suicide"]


ASKED = {"safety_asked": True, "safety_about": "suicide_risk",
         "urgency_label": {"value": "none", "confidence": 0.55, "source": "classifier"}, "urgency": "none"}


def test_yes_to_the_safety_question_is_a_crisis_with_the_visitors_answer(dispatcher):
    tracker = make_tracker("/affirm", intent="affirm", slots=ASKED)
    run(ActionCrisisAcknowledge(), dispatcher, tracker)
    events = run(ActionCrisisSupport(), dispatcher, tracker)
    assert responses(dispatcher) == ["utter_crisis_acknowledge_suicide", "utter_crisis_suicide", "utter_crisis_priority"]
    assert events == [
        SlotSet("qa", [{"question": "Denk je eraan om een einde aan je leven te maken?", "answer": "ja"}]),
        SlotSet("safety_asked", None),
        SlotSet("urgency_label", {"value": "suicide_risk", "confidence": 1.0, "source": "visitor"}),
        SlotSet("urgency", "suicide_risk"),
    ]


def test_no_to_the_safety_question_lowers_the_urgency_and_continues(dispatcher):
    tracker = make_tracker("nee", intent="deny", slots=ASKED)
    events = run(ActionSafetyContinue(), dispatcher, tracker)
    assert responses(dispatcher) == ["utter_safety_noted_suicide"]
    assert events == [
        SlotSet("qa", [{"question": "Denk je eraan om een einde aan je leven te maken?", "answer": "nee"}]),
        SlotSet("safety_asked", None),
        SlotSet("urgency_label", {"value": "none", "confidence": 1.0, "source": "visitor"}),
        SlotSet("urgency", "none"),
    ]


def test_a_skipped_safety_question_keeps_the_classifiers_urgency(dispatcher):
    tracker = make_tracker("/skip", intent="skip", slots=ASKED)
    events = run(ActionSafetyContinue(), dispatcher, tracker)
    assert events == [
        SlotSet("qa", [{"question": "Denk je eraan om een einde aan je leven te maken?", "answer": "liever niet gezegd"}]),
        SlotSet("safety_asked", None),
    ]


def test_no_about_danger_does_not_lower_a_suicide_risk_read_before(dispatcher):
    slots = {"safety_asked": True, "safety_about": "acute_danger", "urgency": "suicide_risk",
             "urgency_label": {"value": "suicide_risk", "confidence": 0.9, "source": "classifier"}}
    events = run(ActionSafetyContinue(), dispatcher, make_tracker("/deny", intent="deny", slots=slots))
    assert events[-1] == SlotSet("urgency", "suicide_risk")


def test_a_later_calm_message_does_not_lower_the_urgency_but_a_higher_one_raises_it(dispatcher):
    earlier = {"urgency_label": {"value": "acute_danger", "confidence": 0.7, "source": "classifier"},
               "urgency": "acute_danger"}
    calm = make_tracker("ok dank je", entities=[entity("urgency", "none", 0.95)], slots=earlier)
    assert not [e for e in run(ActionRecordStory(), dispatcher, calm) if e["name"].startswith("urgency")]
    higher = make_tracker("hij is binnen", entities=[entity("urgency", "suicide_risk", 0.9)], slots=earlier)
    assert [e for e in run(ActionRecordStory(), dispatcher, higher) if e["name"].startswith("urgency")] == [
        SlotSet("urgency_label", {"value": "suicide_risk", "confidence": 0.9, "source": "classifier"}),
        SlotSet("urgency", "suicide_risk"),
    ]


def test_after_no_a_new_crisis_reading_raises_the_urgency_again(dispatcher):
    answered = {"urgency_label": {"value": "none", "confidence": 1.0, "source": "visitor"}, "urgency": "none"}
    uncertain = make_tracker("tekst", entities=[entity("urgency", "none", 0.6)], slots=answered)
    assert not [e for e in run(ActionRecordStory(), dispatcher, uncertain) if e["name"].startswith("urgency")]
    crisis = make_tracker("hij staat aan de deur", entities=[entity("urgency", "acute_danger", 0.85)], slots=answered)
    assert SlotSet("urgency", "acute_danger") in run(ActionRecordStory(), dispatcher, crisis)


def test_going_on_without_answering_closes_the_safety_question(dispatcher):
    tracker = make_tracker("ik wil eerst iets anders vertellen", slots=ASKED)
    assert run(ActionRecordStory(), dispatcher, tracker)[-1] == SlotSet("safety_asked", None)


def test_the_crisis_answer_is_counted_anonymously_and_never_blocks(dispatcher, client):
    tracker = make_tracker("hij staat aan de deur met een mes", intent="crisis",
                           entities=[entity("urgency", "acute_danger", 0.95)])
    run(ActionCrisisSupport(), dispatcher, tracker)
    assert ("record_event", tracker.sender_id, "crisis_answer", "acute_danger") in client.calls
    client.down = True  # the API unreachable: the numbers are given all the same
    dispatcher.messages.clear()
    run(ActionCrisisSupport(), dispatcher, tracker)
    assert responses(dispatcher) == ["utter_crisis_danger", "utter_crisis_priority"]
