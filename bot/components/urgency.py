"""UrgencyDetector: suicide risk, acute danger and a recent sexual assault, decided on their own.

Urgency is not a side effect of the top intent. This component has its own
classifier (logistic regression over word and character n-grams plus the crisis
lexicon) and the lexicon of `lexicon.py` as a floor under it, tuned for recall:
a crisis class wins as soon as its score reaches `crisis_threshold`, far below
an argmax.

On every message it adds

    {"entity": "urgency", "value": "acute_danger"|"suicide_risk"|"none", "confidence_entity": ...}

and, when the message tells of a sexual assault in the last days,

    {"entity": "recent_assault", "value": "yes", ...}

When urgency is not `none` or `recent_assault` is present, it sets the intent to
`crisis` (confidence = its score) and puts `crisis` first in `intent_ranking`,
so the dialogue reacts in the same turn whatever DIET or the FallbackClassifier
chose. It must therefore come after FallbackClassifier in the pipeline, and
after TriageClassifier (it reads the theme entity for `recent_assault`).
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
from sklearn.linear_model import LogisticRegression

from bot.components import lexicon
from bot.components.features import TextFeatures
from bot.components.storage import JoblibComponent
from bot.components.triage import labelled_examples, replace_entities, whole_text_entity
from bot.components.textnorm import normalize

logger = logging.getLogger(__name__)

CRISIS_INTENT = "crisis"
RULE_SCORE = 0.9
HABITUAL_FACTOR = 0.5


def decide(
    probabilities: Dict[str, float], norm: str, threshold: float
) -> tuple[str, float, Dict[str, float]]:
    """(label, score, adjusted probabilities) for one normalised text."""
    scores = dict(probabilities)
    scores.setdefault("acute_danger", 0.0)
    scores.setdefault("suicide_risk", 0.0)
    scores.setdefault("none", 0.0)
    if lexicon.suicide_hit(norm):
        scores["suicide_risk"] = max(scores["suicide_risk"], RULE_SCORE)
    if lexicon.danger_hit(norm):
        scores["acute_danger"] = max(scores["acute_danger"], RULE_SCORE)
    elif lexicon.habitual_only(norm):
        # "mijn man slaat me als hij gedronken heeft": a pattern, not danger now
        scores["acute_danger"] *= HABITUAL_FACTOR
    crisis_label = max(("acute_danger", "suicide_risk"), key=lambda label: scores[label])
    if scores[crisis_label] >= threshold:
        return crisis_label, scores[crisis_label], scores
    return "none", max(scores["none"], 1.0 - scores[crisis_label]), scores


def is_recent_assault(norm: str, theme: Optional[str], theme_confidence: float) -> bool:
    if not lexicon.recent_hit(norm):
        return False
    return lexicon.sexual_assault_hit(norm) or (theme == "sexual_violence" and theme_confidence >= 0.6)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class UrgencyDetector(JoblibComponent):
    """Urgency and recent assault as entities; overrides the intent with `crisis` when needed."""

    MODEL_FILE = "urgency.joblib"
    UNTRAINED_NOTE = "only the lexicon is used"

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        return {
            "C": 20.0,
            # 0: the classifier learns from the words alone. With the lexicon as a feature it
            # leaned on the lexicon and missed crisis wording the lexicon does not know; the
            # lexicon is applied separately, as a floor under the classifier's scores.
            "cue_weight": 0.0,
            # a crisis class wins from this probability on (recall first)
            "crisis_threshold": 0.3,
        }

    def __init__(
        self,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        features: Optional[TextFeatures] = None,
        model: Optional[LogisticRegression] = None,
    ) -> None:
        super().__init__(config, model_storage, resource)
        self._features = features
        self._model = model

    def train(self, training_data: TrainingData) -> Resource:
        texts, labels = labelled_examples(training_data, "urgency")
        if len(set(labels)) >= 2:
            self._features = TextFeatures(cue_weight=self._config["cue_weight"]).fit(
                [example.get(TEXT) for example in training_data.intent_examples]
            )
            self._model = LogisticRegression(C=self._config["C"], class_weight="balanced", max_iter=5000)
            self._model.fit(self._features.transform(texts), labels)
        else:
            logger.warning("UrgencyDetector: fewer than two urgency labels; only the lexicon is used.")
        self.persist()
        return self._resource

    def _stored(self) -> Dict[str, Any]:
        return {"features": self._features, "model": self._model}

    def model_probabilities(self, texts: List[str]) -> List[Dict[str, float]]:
        if self._model is None or self._features is None or not texts:
            return [{"none": 1.0} for _ in texts]
        rows = self._model.predict_proba(self._features.transform(texts))
        return [{label: float(p) for label, p in zip(self._model.classes_, row)} for row in rows]

    def process(self, messages: List[Message]) -> List[Message]:
        texts = [message.get(TEXT) or "" for message in messages]
        name = self.__class__.__name__
        for message, text, probabilities in zip(messages, texts, self.model_probabilities(texts)):
            norm = normalize(text)
            label, score, _ = decide(probabilities, norm, self._config["crisis_threshold"])
            entities = [whole_text_entity("urgency", label, score, text, name)]
            theme = next((e for e in message.get(ENTITIES, []) or [] if e.get("entity") == "theme"), None)
            recent = is_recent_assault(
                norm,
                theme.get("value") if theme else None,
                float(theme.get("confidence_entity", 0.0)) if theme else 0.0,
            )
            if recent:
                entities.append(whole_text_entity("recent_assault", "yes", 0.9, text, name))
            replace_entities(message, ("urgency", "recent_assault"), entities)
            if label != "none" or recent:
                self._override_intent(message, score if label != "none" else RULE_SCORE)
        return messages

    @staticmethod
    def _override_intent(message: Message, confidence: float) -> None:
        crisis = {"name": CRISIS_INTENT, "confidence": round(float(confidence), 4)}
        ranking = [r for r in message.get(INTENT_RANKING_KEY, []) or [] if r.get("name") != CRISIS_INTENT]
        message.set(INTENT, crisis, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [crisis] + ranking, add_to_output=True)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
