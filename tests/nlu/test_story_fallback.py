"""A fallback between the two story intents becomes tell_story; every other fallback stays."""

from __future__ import annotations

from rasa.shared.nlu.training_data.message import Message

from bot.components.story_fallback import StoryOverFallback


def _after_fallback(*ranking: tuple[str, float]) -> Message:
    """A message as FallbackClassifier leaves it: nlu_fallback on top, DIET's ranking below."""
    message = Message(data={"text": "er is iets thuis en ik weet niet wat ik moet doen"})
    fallback = {"name": "nlu_fallback", "confidence": 0.4}
    message.set("intent", fallback, add_to_output=True)
    message.set(
        "intent_ranking", [fallback] + [{"name": n, "confidence": c} for n, c in ranking], add_to_output=True
    )
    return message


def _process(message: Message) -> Message:
    return StoryOverFallback().process([message])[0]


def test_a_fallback_between_story_and_want_to_tell_is_the_story_with_its_own_confidence():
    message = _process(_after_fallback(("want_to_tell", 0.41), ("tell_story", 0.38), ("greet", 0.1)))
    assert message.get("intent") == {"name": "tell_story", "confidence": 0.38}
    assert [r["name"] for r in message.get("intent_ranking")] == ["tell_story", "nlu_fallback", "want_to_tell", "greet"]


def test_the_order_of_the_two_story_intents_does_not_matter():
    message = _process(_after_fallback(("tell_story", 0.44), ("want_to_tell", 0.40)))
    assert message.get("intent")["name"] == "tell_story"


def test_a_fallback_with_another_intent_among_the_best_two_stays_a_fallback():
    message = _process(_after_fallback(("tell_story", 0.35), ("out_of_scope", 0.33), ("want_to_tell", 0.2)))
    assert message.get("intent")["name"] == "nlu_fallback"
    assert message.get("intent_ranking")[0]["name"] == "nlu_fallback"


def test_a_confident_intent_is_left_alone():
    message = Message(data={"text": "wanneer zijn jullie open"})
    message.set("intent", {"name": "ask_hours", "confidence": 0.9}, add_to_output=True)
    message.set("intent_ranking", [{"name": "ask_hours", "confidence": 0.9}, {"name": "tell_story", "confidence": 0.05}])
    assert _process(message).get("intent")["name"] == "ask_hours"


def test_a_fallback_with_a_single_intent_left_stays_a_fallback():
    assert _process(_after_fallback(("tell_story", 0.3))).get("intent")["name"] == "nlu_fallback"
