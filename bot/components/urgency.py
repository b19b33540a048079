"""UrgencyDetector: suicide risk, acute danger and a recent sexual assault, decided on their own.

Urgency is not a side effect of the top intent. The model is `urgency_model.UrgencyModel`
(calibrated probabilities, per sentence, the crisis lexicon as a floor); its decision says what
the bot does. On every message this component adds

    {"entity": "urgency", "value": "acute_danger"|"suicide_risk"|"none", "confidence_entity": p}
    {"entity": "urgency_action", "value": "crisis"|"ask"|"none", "confidence_entity": crisis score}

plus, for `ask`, {"entity": "ask_about", "value": "acute_danger"|"suicide_risk"} (which safety
question to ask), and, when the message tells of a sexual assault in the last days,
{"entity": "recent_assault", "value": "yes"}.

The intent follows: `crisis` for the crisis answer (or a recent assault), `safety_check` for the
safety question; either goes first in `intent_ranking` (the rest of the ranking is kept), so the
dialogue reacts in the same turn whatever DIET or the FallbackClassifier chose. It must therefore
come after FallbackClassifier in the pipeline, and after TriageClassifier (it reads the theme
entity for `recent_assault`).
"""

from __future__ import annotations

import logging
from typing import Any, Dict, List, Optional

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.components import lexicon
from bot.components.storage import JoblibComponent
from bot.components.textnorm import normalize
from bot.components.triage import labelled_examples, replace_entities, whole_text_entity
from bot.components.urgency_model import DEFAULTS as URGENCY_DEFAULTS
from bot.components.urgency_model import UrgencyDecision, UrgencyModel, diet_asks

logger = logging.getLogger(__name__)

CRISIS_INTENT = "crisis"
SAFETY_CHECK_INTENT = "safety_check"
# intents only this component sets (no NLU examples; scripts/validate.py accepts them)
PIPELINE_INTENTS = (SAFETY_CHECK_INTENT,)
ENTITY_NAMES = ("urgency", "urgency_action", "ask_about", "recent_assault")


def is_recent_assault(norm: str, theme: Optional[str], theme_confidence: float) -> bool:
    if not lexicon.recent_hit(norm):
        return False
    return lexicon.sexual_assault_hit(norm) or (theme == "sexual_violence" and theme_confidence >= 0.6)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class UrgencyDetector(JoblibComponent):
    """Urgency, the bot's urgency action and recent assault as entities; overrides the intent."""

    MODEL_FILE = "urgency.joblib"
    UNTRAINED_NOTE = "only the lexicon is used"

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        return dict(URGENCY_DEFAULTS)

    def __init__(
        self,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        model: Optional[UrgencyModel] = None,
    ) -> None:
        super().__init__(config, model_storage, resource)
        self._model = model or UrgencyModel(self._config)
        # the thresholds of config.yml apply also to a model trained with other ones
        self._model.config.update(
            {key: self._config[key] for key in ("crisis_threshold", "ask_threshold", "lexicon_floor", "habitual_factor", "calm_factor", "alarm_floor", "diet_ask_factor")}
        )

    def train(self, training_data: TrainingData) -> Resource:
        texts, labels = labelled_examples(training_data, "urgency")
        vocabulary = [example.get(TEXT) for example in training_data.intent_examples]
        self._model = UrgencyModel(self._config).fit(vocabulary, texts, labels)
        if not self._model.trained:
            logger.warning("UrgencyDetector: fewer than two urgency labels; only the lexicon is used.")
        self.persist()
        return self._resource

    def _stored(self) -> Dict[str, Any]:
        return {"model": self._model}

    def decisions(self, texts: List[str]) -> List[UrgencyDecision]:
        return self._model.decide(texts)

    def process(self, messages: List[Message]) -> List[Message]:
        texts = [message.get(TEXT) or "" for message in messages]
        name = self.__class__.__name__
        for message, text, decision in zip(messages, texts, self.decisions(texts)):
            if decision.action == "none" and (message.get(INTENT) or {}).get("name") == CRISIS_INTENT:
                # DIET reads a crisis where the urgency model does not: uncertain, so ask (unless
                # the model's score is near zero: then DIET keyed on a word, see diet_ask_factor)
                if diet_asks(decision, self._model.config):
                    decision.action = "ask"
            entities = [
                whole_text_entity("urgency", decision.label, decision.confidence, text, name),
                whole_text_entity("urgency_action", decision.action, decision.crisis_score, text, name),
            ]
            if decision.action == "ask":
                entities.append(
                    whole_text_entity("ask_about", decision.about, decision.probabilities[decision.about], text, name)
                )
            theme = next((e for e in message.get(ENTITIES, []) or [] if e.get("entity") == "theme"), None)
            recent = is_recent_assault(
                normalize(text),
                theme.get("value") if theme else None,
                float(theme.get("confidence_entity", 0.0)) if theme else 0.0,
            )
            if recent:
                theme_confidence = float(theme.get("confidence_entity", 0.0)) if theme else 0.0
                entities.append(whole_text_entity("recent_assault", "yes", theme_confidence, text, name))
            replace_entities(message, ENTITY_NAMES, entities)
            if decision.action == "crisis" or recent:
                self._override_intent(message, CRISIS_INTENT, decision.crisis_score)
            elif decision.action == "ask":
                self._override_intent(message, SAFETY_CHECK_INTENT, decision.crisis_score)
            elif (message.get(INTENT) or {}).get("name") == CRISIS_INTENT:
                self._demote_crisis(message)
        return messages

    @staticmethod
    def _demote_crisis(message: Message) -> None:
        """DIET's `crisis` over a near-zero crisis score: the next intent DIET read (round 7).

        Before, the intent stayed `crisis` and the bot gave the crisis answer though this component
        said `none` (24 such answers on the development sets, none of them on a crisis message)."""
        ranking = [r for r in message.get(INTENT_RANKING_KEY, []) or [] if r.get("name") != CRISIS_INTENT]
        if ranking:
            message.set(INTENT, dict(ranking[0]), add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)

    @staticmethod
    def _override_intent(message: Message, intent: str, confidence: float) -> None:
        top = {"name": intent, "confidence": round(float(confidence), 4)}
        ranking = [r for r in message.get(INTENT_RANKING_KEY, []) or [] if r.get("name") != intent]
        message.set(INTENT, top, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [top] + ranking, add_to_output=True)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
