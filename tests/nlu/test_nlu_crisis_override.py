"""The urgency component decides on its own and overrides whatever intent DIET or the fallback chose."""

from __future__ import annotations

import pytest
from nlu_helpers import entity
from rasa.shared.nlu.training_data.message import Message

from bot.components.urgency import UrgencyDetector


def _lexicon_only_detector() -> UrgencyDetector:
    # No trained model: only the crisis lexicon decides. Enough to test the override itself.
    return UrgencyDetector(UrgencyDetector.get_default_config(), model_storage=None, resource=None)


def _message(text: str, intent: str, confidence: float) -> Message:
    message = Message(data={"text": text})
    message.set("intent", {"name": intent, "confidence": confidence}, add_to_output=True)
    message.set(
        "intent_ranking",
        [{"name": intent, "confidence": confidence}, {"name": "greet", "confidence": 0.1}],
        add_to_output=True,
    )
    return message


def test_crisis_overrides_nlu_fallback_and_keeps_the_rest_of_the_ranking():
    message = _message("ik heb pillen gespaard en ik wil niet meer leven", "nlu_fallback", 0.4)
    _lexicon_only_detector().process([message])
    assert message.get("intent")["name"] == "crisis"
    ranking = [item["name"] for item in message.get("intent_ranking")]
    assert ranking == ["crisis", "nlu_fallback", "greet"]
    assert entity(message.as_dict(), "urgency") == "suicide_risk"


def test_acute_danger_overrides_a_confident_other_intent():
    message = _message("hij staat voor de deur met een mes", "ask_hours", 0.99)
    _lexicon_only_detector().process([message])
    assert message.get("intent")["name"] == "crisis"
    assert entity(message.as_dict(), "urgency") == "acute_danger"


def test_no_crisis_leaves_the_intent_alone():
    message = _message("wanneer zijn jullie open", "ask_hours", 0.97)
    _lexicon_only_detector().process([message])
    assert message.get("intent")["name"] == "ask_hours"
    assert entity(message.as_dict(), "urgency") == "none"
    assert entity(message.as_dict(), "recent_assault") is None


@pytest.mark.parametrize(
    "text, urgency",
    [
        ("ik wil er niet meer zijn", "suicide_risk"),
        ("kheb net een hele doos pillen genomen", "suicide_risk"),
        ("ik heb me opgesloten in de badkamer want hij heeft een mes", "acute_danger"),
    ],
)
def test_parse_crisis_becomes_intent_crisis_first_in_ranking(parse, text, urgency):
    result = parse(text)
    assert entity(result, "urgency") == urgency
    assert result["intent"]["name"] == "crisis"
    assert result["intent_ranking"][0]["name"] == "crisis"
    assert len(result["intent_ranking"]) > 1


def test_violence_heard_now_is_caught_in_the_same_turn(parse):
    # Known regression of round 2 (issue 9): with UrgencyDetector C 0.5 this message scores
    # below the crisis threshold and gets the safety question ("Ben je nu in gevaar?") first,
    # not the numbers at once. It is still caught in the same turn, which is what the bars count.
    result = parse("help hij slaat mama nu heel hard")
    assert entity(result, "urgency") == "acute_danger"
    assert result["intent"]["name"] in ("crisis", "safety_check")
    assert entity(result, "urgency_action") in ("crisis", "ask")


@pytest.mark.parametrize(
    "text",
    ["hallo", "wanneer is de chat open", "wat is het nummer van de zelfmoordlijn", "mijn zus van 15 wordt gepest"],
)
def test_parse_no_false_crisis_on_ordinary_messages(parse, text):
    result = parse(text)
    assert entity(result, "urgency") == "none"
    assert result["intent"]["name"] != "crisis"


def test_habitual_violence_is_not_danger_now_but_immediacy_is():
    from bot.components.textnorm import normalize
    from bot.components.urgency_model import DEFAULTS, decide

    model_scores = {"acute_danger": 0.6, "suicide_risk": 0.0, "none": 0.4}
    habitual = decide(model_scores, normalize("mijn man slaat me als hij gedronken heeft"), DEFAULTS)
    now = decide(model_scores, normalize("mijn man slaat me nu, hij heeft gedronken"), DEFAULTS)
    assert habitual.label == "none"
    assert now.label == "acute_danger"
