"""TriageClassifier: theme, age group and role of the person writing, and their age.

On every message it adds one entity per field (theme, age_group, role), each
with the best label and its probability, and an `age` entity when the writer
states their own age. The entities span the whole text:

    {"entity": "theme", "value": "sexual_violence", "confidence_entity": 0.91,
     "start": 0, "end": len(text), "extractor": "TriageClassifier"}

One multinomial logistic regression per field over `features.TextFeatures`
(word and character n-grams of the normalised text plus cue features). The age
group follows a stated age when there is one ("ik ben 15", "3de middelbaar"),
and "mijn dochter van 4" makes the writer an adult.
"""

from __future__ import annotations

import logging
from typing import Any, Dict, List, Optional, Tuple

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, INTENT, METADATA, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from sklearn.linear_model import LogisticRegression

from bot.components import age as age_rules
from bot.components import cues
from bot.components.features import TextFeatures
from bot.components.labels import training_labels
from bot.components.storage import JoblibComponent
from bot.components.textnorm import normalize

logger = logging.getLogger(__name__)

TRIAGE_FIELDS = ("theme", "age_group", "role")


def whole_text_entity(name: str, value: Any, confidence: float, text: str, extractor: str) -> Dict[str, Any]:
    return {
        "entity": name,
        "value": value,
        "confidence_entity": round(float(confidence), 4),
        "start": 0,
        "end": len(text),
        "extractor": extractor,
    }


def replace_entities(message: Message, names: Tuple[str, ...], new: List[Dict[str, Any]]) -> None:
    """Set `new` entities, dropping earlier ones of the same names (a message may be parsed twice)."""
    kept = [e for e in message.get(ENTITIES, []) or [] if e.get("entity") not in names]
    message.set(ENTITIES, kept + new, add_to_output=True)


def labelled_examples(training_data: TrainingData, field: str) -> Tuple[List[str], List[str]]:
    texts, labels = [], []
    for example in training_data.intent_examples:
        labels_of = training_labels(example.get(INTENT), example.get(METADATA))
        if field in labels_of:
            texts.append(example.get(TEXT))
            labels.append(labels_of[field])
    return texts, labels


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=True)
class TriageClassifier(JoblibComponent):
    """Per-message theme, age_group, role (and own age) as whole-text entities."""

    MODEL_FILE = "triage.joblib"

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        return {
            # inverse regularisation strength of the logistic regressions
            "C": 20.0,
            # weight of the cue block next to the TF-IDF features
            "cue_weight": 1.0,
            # without an age cue in the text, minor/adult only from this model probability on
            "no_cue_threshold": 0.75,
        }

    def __init__(
        self,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        features: Optional[TextFeatures] = None,
        models: Optional[Dict[str, LogisticRegression]] = None,
    ) -> None:
        super().__init__(config, model_storage, resource)
        self._features = features
        self._models = models or {}

    def train(self, training_data: TrainingData) -> Resource:
        texts = [example.get(TEXT) for example in training_data.intent_examples]
        if not texts:
            logger.warning("TriageClassifier: no training examples; it will output defaults.")
            self.persist()
            return self._resource
        self._features = TextFeatures(cue_weight=self._config["cue_weight"]).fit(texts)
        for field in TRIAGE_FIELDS:
            field_texts, labels = labelled_examples(training_data, field)
            if len(set(labels)) < 2:
                logger.warning("TriageClassifier: fewer than two %s labels; skipped.", field)
                continue
            model = LogisticRegression(
                C=self._config["C"], class_weight="balanced", max_iter=5000
            )
            model.fit(self._features.transform(field_texts), labels)
            self._models[field] = model
        self.persist()
        return self._resource

    def _stored(self) -> Dict[str, Any]:
        return {"features": self._features, "models": self._models}

    def predict_proba(self, texts: List[str]) -> List[Dict[str, Dict[str, float]]]:
        """For each text, field -> {label: probability}, with the age rules applied."""
        results: List[Dict[str, Dict[str, float]]] = [{} for _ in texts]
        if self._features is not None and texts:
            matrix = self._features.transform(texts)
            for field, model in self._models.items():
                probabilities = model.predict_proba(matrix)
                for result, row in zip(results, probabilities):
                    result[field] = {label: float(p) for label, p in zip(model.classes_, row)}
        for text, result in zip(texts, results):
            result.setdefault("theme", {"other": 1.0})
            result.setdefault("age_group", {"unknown": 1.0})
            result.setdefault("role", {"unknown": 1.0})
            result["age_group"] = self._age_group(normalize(text), result["age_group"])
        return results

    def _age_group(self, norm: str, distribution: Dict[str, float]) -> Dict[str, float]:
        """Age group of the writer: a stated age, then the cues of the labelling guide, then the model.

        Minor and adult need a cue in the text; without one the model's guess is kept only
        when it is confident (`no_cue_threshold`), else the writer's age group is unknown.
        """
        found = age_rules.own_age(norm)
        if found is not None:
            group = age_rules.age_group_of(found.age)
            return _force(distribution, group, 0.97 if found.source == "number" else 0.9)
        if cues.adult_cue(norm):
            return _force(distribution, "adult", 0.9)
        if cues.minor_cue(norm):
            return _force(distribution, "minor", 0.85)
        label, probability = max(distribution.items(), key=lambda kv: kv[1])
        if label != "unknown" and probability < self._config["no_cue_threshold"]:
            return _force(distribution, "unknown", max(distribution.get("unknown", 0.0), 0.55))
        return distribution

    def process(self, messages: List[Message]) -> List[Message]:
        texts = [message.get(TEXT) or "" for message in messages]
        name = self.__class__.__name__
        for message, text, probabilities in zip(messages, texts, self.predict_proba(texts)):
            entities = []
            for field in TRIAGE_FIELDS:
                label, confidence = max(probabilities[field].items(), key=lambda kv: kv[1])
                entities.append(whole_text_entity(field, label, confidence, text, name))
            found = age_rules.own_age(normalize(text))
            if found is not None:
                entities.append(whole_text_entity("age", found.age, 0.95 if found.source == "number" else 0.8, text, name))
            replace_entities(message, TRIAGE_FIELDS + ("age",), entities)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data


def _force(distribution: Dict[str, float], label: str, floor: float) -> Dict[str, float]:
    """Make `label` the best label with at least probability `floor`, rescaling the others."""
    current = distribution.get(label, 0.0)
    if current >= floor:
        return distribution
    rest = sum(p for other, p in distribution.items() if other != label)
    scale = (1.0 - floor) / rest if rest > 0 else 0.0
    forced = {other: p * scale for other, p in distribution.items() if other != label}
    forced[label] = floor
    return forced


__all__ = ["TriageClassifier", "whole_text_entity", "replace_entities", "labelled_examples"]
