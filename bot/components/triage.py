"""TriageClassifier: theme, age group and role of the person writing, and their age.

On every message it adds one entity per field (theme, age_group, role), each
with the best label and its probability, and an `age` entity when the writer
states their own age. The entities span the whole text:

    {"entity": "theme", "value": "sexual_violence", "confidence_entity": 0.91,
     "start": 0, "end": len(text), "extractor": "TriageClassifier"}

The model is `triage_model.TriageModel`: one calibrated logistic regression per
field over word, lemma and character n-grams plus cue features. The age group
follows a stated age when there is one ("ik ben 15", "3de middelbaar"), and
"mijn dochter van 4" makes the writer an adult; a rule's confidence is its
measured precision on the training data.
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

from bot.components import age as age_rules
from bot.components.labels import training_labels
from bot.components.storage import JoblibComponent
from bot.components.textnorm import normalize
from bot.components.triage_model import DEFAULTS as TRIAGE_DEFAULTS
from bot.components.triage_model import TRIAGE_FIELDS, TriageModel

logger = logging.getLogger(__name__)


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
        return dict(TRIAGE_DEFAULTS)

    def __init__(
        self,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        model: Optional[TriageModel] = None,
    ) -> None:
        super().__init__(config, model_storage, resource)
        self._model = model or TriageModel(self._config)

    def train(self, training_data: TrainingData) -> Resource:
        texts = [example.get(TEXT) for example in training_data.intent_examples]
        if not texts:
            logger.warning("TriageClassifier: no training examples; it will output defaults.")
            self.persist()
            return self._resource
        examples = {field: labelled_examples(training_data, field) for field in TRIAGE_FIELDS}
        self._model = TriageModel(self._config).fit(
            texts, examples, on_skip=lambda field: logger.warning("TriageClassifier: fewer than two %s labels; skipped.", field)
        )
        self.persist()
        return self._resource

    def _stored(self) -> Dict[str, Any]:
        return {"model": self._model}

    def predict_proba(self, texts: List[str]) -> List[Dict[str, Dict[str, float]]]:
        """For each text, field -> {label: probability}, with the age rules applied."""
        return self._model.predict_proba(texts)

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
                confidence = self._model.rule_precision.get("stated_" + found.source, 0.8)
                entities.append(whole_text_entity("age", found.age, confidence, text, name))
            replace_entities(message, TRIAGE_FIELDS + ("age",), entities)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data


__all__ = ["TriageClassifier", "whole_text_entity", "replace_entities", "labelled_examples"]
