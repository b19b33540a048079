"""StoryOverFallback: a message torn between "here is my story" and "I want to tell" is a story.

FallbackClassifier answers `nlu_fallback` when DIET's two best intents are close. When both of
them are the visitor's own situation (`tell_story`, `want_to_tell`), "Sorry, dat begreep ik niet
goed" would be untrue: the bot did understand that someone is telling what happens to them. Of
the two readings `tell_story` is the one that keeps the visitor's words for the briefing (the
other only invites them to write it again), so the victim does not have to repeat their story.
Vague disclosures ("er is iets thuis en ik weet niet wat ik moet doen") are exactly where DIET
hesitates between the two, and where a retrained model may fall on either side.

It must come after FallbackClassifier and before UrgencyDetector, which may still make it a crisis.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY
from rasa.shared.nlu.training_data.message import Message

FALLBACK_INTENT = "nlu_fallback"
STORY_INTENT = "tell_story"
STORY_INTENTS = frozenset({STORY_INTENT, "want_to_tell"})


def _ranking_without_fallback(message: Message) -> List[Dict[str, Any]]:
    return [r for r in message.get(INTENT_RANKING_KEY, []) or [] if r.get("name") != FALLBACK_INTENT]


def story_reading(message: Message) -> Optional[Dict[str, Any]]:
    """The `tell_story` entry of the ranking when the fallback stood between two story intents."""
    if (message.get(INTENT) or {}).get("name") != FALLBACK_INTENT:
        return None
    best_two = _ranking_without_fallback(message)[:2]
    if len(best_two) < 2 or {r.get("name") for r in best_two} != STORY_INTENTS:
        return None
    return next(r for r in best_two if r.get("name") == STORY_INTENT)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class StoryOverFallback(GraphComponent):
    """Turns `nlu_fallback` between `tell_story` and `want_to_tell` into `tell_story`."""

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "StoryOverFallback":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            story = story_reading(message)
            if story is None:
                continue
            top = {"name": STORY_INTENT, "confidence": story.get("confidence")}
            rest = [r for r in message.get(INTENT_RANKING_KEY, []) or [] if r.get("name") != STORY_INTENT]
            message.set(INTENT, top, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [top] + rest, add_to_output=True)
        return messages
