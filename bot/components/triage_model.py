"""The triage model without Rasa: theme, age_group and role of the writer, with honest confidences.

One calibrated logistic regression per field over `features.TextFeatures`. The age group then
follows, in order, a stated own age, the cues of the labelling guide and the model (only when it
is confident, else unknown). A rule's confidence is not a number picked by hand: it is how often
that rule agreed with the labels of the training data (`calibration.smoothed_precision`).
"""

from __future__ import annotations

from typing import Callable, Dict, List, Optional, Sequence, Tuple

from bot.components import age as age_rules
from bot.components import cues
from bot.components.calibration import CalibratedLogisticRegression, smoothed_precision
from bot.components.features import TextFeatures
from bot.components.textnorm import normalize

TRIAGE_FIELDS = ("theme", "age_group", "role")
DEFAULTS: Dict[str, float] = {
    "C": 0.5,
    # "svm" (linear SVM, fast) or "lr" (logistic regression), both calibrated by temperature
    "estimator": "svm",
    "cue_weight": 1.0,
    "lemmas": 1.0,
    # without an age cue in the text, minor/adult only from this model probability on
    "no_cue_threshold": 0.75,
    # round 8: weight of the theme cue block (`theme_cues.py`); 0 leaves it out
    "theme_cue_weight": 1.0,
}
# the smallest probability that makes unknown the top label after `force` rescales the others
UNKNOWN_MAJORITY = 0.501
FALLBACK = {"theme": {"other": 1.0}, "age_group": {"unknown": 1.0}, "role": {"unknown": 1.0}}


def age_rule(norm: str) -> Optional[Tuple[str, str]]:
    """(rule name, age group) of the first age rule that fires on a normalised text, or None."""
    found = age_rules.own_age(norm)
    if found is not None and found.source == "number":
        return ("stated_number", age_rules.age_group_of(found.age))
    # the guide: when cues conflict the adult cue wins, also over a school level
    adult = cues.adult_cue(norm)
    # a school level now beats looking back on childhood ("toen ik 10 was ... ik zit nu in 4 vmbo")
    # round 11: also over a childhood told with "vroeger" ("vroeger sloeg mijn stiefvader mij ... ik zit nu in het 2de middelbaar")
    if adult and not (adult in ("looks back on childhood", "long ago") and found is not None):
        return ("adult_cue", "adult")
    if found is not None:
        return ("stated_" + found.source, age_rules.age_group_of(found.age))
    if cues.minor_cue(norm):
        return ("minor_cue", "minor")
    return None


class TriageModel:
    def __init__(self, config: Optional[Dict[str, float]] = None) -> None:
        self.config = {**DEFAULTS, **(config or {})}
        self.features: Optional[TextFeatures] = None
        self.models: Dict[str, CalibratedLogisticRegression] = {}
        # rule name -> how often it was right on the training data
        self.rule_precision: Dict[str, float] = {}

    def fit(
        self,
        vocabulary_texts: Sequence[str],
        examples: Dict[str, Tuple[Sequence[str], Sequence[str]]],
        on_skip: Callable[[str], None] = lambda field: None,
    ) -> "TriageModel":
        """`examples`: field -> (texts, labels)."""
        self.features = TextFeatures(
            cue_weight=self.config["cue_weight"],
            lemmas=bool(self.config["lemmas"]),
            theme_cue_weight=self.config["theme_cue_weight"],
        )
        self.features.fit(vocabulary_texts)
        # every text is featurised once, whatever number of fields it trains (cues and lemmas cost)
        unique = sorted({text for texts, _ in examples.values() for text in texts})
        row_of = {text: index for index, text in enumerate(unique)}
        matrix = self.features.transform(unique) if unique else None
        for field in TRIAGE_FIELDS:
            texts, labels = examples.get(field, ((), ()))
            if len(set(labels)) < 2:
                on_skip(field)
                continue
            self.models[field] = CalibratedLogisticRegression(C=self.config["C"], kind=self.config["estimator"]).fit(
                matrix[[row_of[text] for text in texts]], labels
            )
        texts, labels = examples.get("age_group", ((), ()))
        self.rule_precision = _rule_precision(texts, labels)
        return self

    def predict_proba(self, texts: Sequence[str]) -> List[Dict[str, Dict[str, float]]]:
        """For each text, field -> {label: probability}, with the age rules applied."""
        results: List[Dict[str, Dict[str, float]]] = [{} for _ in texts]
        if self.features is not None and texts and self.models:
            matrix = self.features.transform(texts)
            for field, model in self.models.items():
                for result, row in zip(results, model.predict_proba(matrix)):
                    result[field] = {label: float(p) for label, p in zip(model.classes_, row)}
        for text, result in zip(texts, results):
            for field, fallback in FALLBACK.items():
                result.setdefault(field, dict(fallback))
            result["age_group"] = self._age_group(normalize(text), result["age_group"])
        return results

    def _age_group(self, norm: str, distribution: Dict[str, float]) -> Dict[str, float]:
        rule = age_rule(norm)
        if rule is not None:
            name, group = rule
            return force(distribution, group, self.rule_precision.get(name, 0.8))
        label, probability = max(distribution.items(), key=lambda kv: kv[1])
        if label != "unknown" and probability < self.config["no_cue_threshold"]:
            # no cue in the text: the guide says unknown; its confidence is what the model left for it,
            # but at least a majority, so that unknown is the label (round 7: before, a minor at 0.6
            # stayed minor after the rescaling and the threshold did nothing)
            left = max(distribution.get("unknown", 0.0), 1.0 - probability)
            return force(distribution, "unknown", max(left, UNKNOWN_MAJORITY))
        return distribution


def _rule_precision(texts: Sequence[str], labels: Sequence[str]) -> Dict[str, float]:
    fires: Dict[str, int] = {}
    hits: Dict[str, int] = {}
    for text, label in zip(texts, labels):
        rule = age_rule(normalize(text))
        if rule is None:
            continue
        name, group = rule
        fires[name] = fires.get(name, 0) + 1
        hits[name] = hits.get(name, 0) + (1 if group == label else 0)
    return {name: smoothed_precision(hits[name], fires[name]) for name in fires}


def force(distribution: Dict[str, float], label: str, probability: float) -> Dict[str, float]:
    """`label` with `probability` (at least its own), the others rescaled to the rest."""
    probability = max(probability, distribution.get(label, 0.0))
    rest = sum(p for other, p in distribution.items() if other != label)
    scale = (1.0 - probability) / rest if rest > 0 else 0.0
    forced = {other: p * scale for other, p in distribution.items() if other != label}
    forced[label] = probability
    return forced


__all__ = ["TriageModel", "TRIAGE_FIELDS", "age_rule", "force"]
