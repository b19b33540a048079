import asyncio

from rasa_sdk.events import SlotSet

from action_fixtures import DOMAIN, entity, make_tracker, responses, utterance
from actions.crisis import ActionCrisisSupport
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
                "age_group": {"value": "minor", "confidence": 1.0, "source": "classifier"},
                "role": {"value": "victim", "confidence": 0.41, "source": "classifier"},
            },
        ),
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


def validate(slot, tracker, dispatcher):
    form = ValidateTriageForm()
    return getattr(form, f"validate_{slot}")(None, dispatcher, tracker, DOMAIN)


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
        "triage_labels": {"age_group": {"value": "minor", "confidence": 1.0, "source": "visitor"}},
        "qa": [{"question": "Hoe oud ben je?", "answer": "jonger dan 18"}],
    }


def test_a_typed_age_answers_the_age_question(dispatcher):
    tracker = make_tracker("ik ben 19", intent="inform", entities=[entity("age", 19, 0.99)])
    result = validate("triage_age_group", tracker, dispatcher)
    assert result["triage_age_group"] == "adult"
    assert result["qa"] == [{"question": "Hoe oud ben je?", "answer": "ik ben 19"}]


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
    assert events[0] == SlotSet("visitor_words", [text])
    assert events[-1] == SlotSet("urgency", "suicide_risk")


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
    assert events[-1] == SlotSet("urgency", "acute_danger")


def test_crisis_after_the_briefing_was_stored_does_not_promise_priority_again(dispatcher):
    tracker = make_tracker("ik wil dood", intent="crisis", entities=[entity("urgency", "suicide_risk", 0.9)],
                           slots={"handoff_status": "stored"})
    run(ActionCrisisSupport(), dispatcher, tracker)
    assert responses(dispatcher) == ["utter_crisis_suicide"]
