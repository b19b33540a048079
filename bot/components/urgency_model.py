"""The urgency model without Rasa: calibrated probabilities and what the bot does with them.

`UrgencyModel` is a calibrated logistic regression over word, lemma and character n-grams and
the clause cues; a message is scored whole and sentence by sentence, and its crisis score is the
highest (a crisis in the third sentence of a long story counts as much as in a short one).
`decide` turns the probabilities and the crisis lexicon into an `UrgencyDecision`:

- `crisis`: the crisis score reaches `crisis_threshold` (or the lexicon and the model agree):
  the round-the-clock numbers at once;
- `ask`: the score lies in the grey zone from `ask_threshold` on (or only the lexicon fires):
  the bot asks "Ben je nu in gevaar?" or "Denk je eraan om een einde aan je leven te maken?";
- `none`: below both.

The UrgencyDetector component wraps this for Rasa; the NLU tools use it directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence

from bot.components import clauses, lexicon
from bot.components.calibration import CalibratedLogisticRegression
from bot.components.features import TextFeatures
from bot.components.textnorm import normalize

CRISIS_LABELS = ("acute_danger", "suicide_risk")
URGENCY_ACTIONS = ("crisis", "ask", "none")
UNTRAINED_LEXICON_SCORE = 0.9

DEFAULTS: Dict[str, float] = {
    "C": 1.0,
    # "svm" (linear SVM, fast) or "lr" (logistic regression), both calibrated by temperature
    "estimator": "svm",
    # the crisis answer at once from this crisis probability on
    "crisis_threshold": 0.8,
    # the safety question from this crisis probability on
    "ask_threshold": 0.12,
    # a lexicon hit lifts the crisis probability to at least this (0: the lexicon is not used)
    "lexicon_floor": 0.0,
    "clause_weight": 1.0,
    "lemmas": 1.0,
    "per_sentence": 1.0,
    # "hij slaat me als hij gedronken heeft": a pattern, not danger now; acute_danger times this
    "habitual_factor": 0.5,
    # a message whose context calms it (clauses.calming: over, feared, pressure, joke, procedure) and
    # that places no danger now: the crisis probability times this
    "calm_factor": 1.0,
    # a strong sign of the guide in the text (clauses.alarm: a farewell, belongings given away, a plan,
    # means, violence named as happening now, a threat with a time): at least this crisis probability
    # (0: not used); below crisis_threshold it asks, it never gives the crisis answer alone
    "alarm_floor": 0.0,
    # the crisis score from a second, crisis-or-not model (1) or from the three-class model (0)
    "binary_crisis": 1.0,
    # DIET reads `crisis` where this model does not: the safety question only from this share of
    # ask_threshold on (0: always). A DIET crisis reading over a near-zero score is mostly a word
    # such as "dood" in a joke ("ik ga dood van de zenuwen"), or no story at all.
    "diet_ask_factor": 0.0,
}


@dataclass
class UrgencyDecision:
    label: str  # acute_danger | suicide_risk | none: the most probable label
    confidence: float  # calibrated probability of `label`
    action: str  # crisis | ask | none
    about: str  # the crisis label to act on or ask about (acute_danger | suicide_risk)
    crisis_score: float  # probability that the message is a crisis of either kind
    probabilities: Dict[str, float]


class UrgencyModel:
    def __init__(self, config: Optional[Dict[str, float]] = None) -> None:
        self.config = {**DEFAULTS, **(config or {})}
        self.features: Optional[TextFeatures] = None
        self.model: Optional[CalibratedLogisticRegression] = None
        self.crisis_model: Optional[CalibratedLogisticRegression] = None

    def fit(self, vocabulary_texts: Sequence[str], texts: Sequence[str], labels: Sequence[str]) -> "UrgencyModel":
        if len(set(labels)) < 2:
            return self
        self.features = TextFeatures(
            cue_weight=0.0, lemmas=bool(self.config["lemmas"]), clause_weight=self.config["clause_weight"]
        ).fit(vocabulary_texts)
        matrix = self.features.transform(texts)
        self.model = CalibratedLogisticRegression(C=self.config["C"], kind=self.config["estimator"]).fit(matrix, labels)
        self.crisis_model = None
        if self.config["binary_crisis"]:
            crisis = ["crisis" if label in CRISIS_LABELS else "none" for label in labels]
            self.crisis_model = CalibratedLogisticRegression(C=self.config["C"], kind=self.config["estimator"]).fit(matrix, crisis)
        return self

    @property
    def trained(self) -> bool:
        return self.model is not None and self.features is not None

    def probabilities(self, texts: Sequence[str]) -> List[Dict[str, float]]:
        """Calibrated probabilities per text; per sentence too, keeping the most alarming sentence."""
        if not self.trained or not texts:
            return [{"none": 1.0} for _ in texts]
        norms = [normalize(t) for t in texts]
        whole = self._rows(norms)
        if not self.config["per_sentence"]:
            return whole
        pieces, owner = [], []
        for index, norm in enumerate(norms):
            parts = clauses.sentences(norm)
            if len(parts) > 1:
                pieces.extend(parts)
                owner.extend([index] * len(parts))
        for piece_row, index in zip(self._rows(pieces) if pieces else [], owner):
            if 1.0 - piece_row.get("none", 0.0) > 1.0 - whole[index].get("none", 0.0):
                whole[index] = piece_row
        return whole

    def _rows(self, norms: List[str]) -> List[Dict[str, float]]:
        matrix = self.features.transform_normalised(norms)
        classes = list(self.model.classes_)
        rows = [{label: float(p) for label, p in zip(classes, row)} for row in self.model.predict_proba(matrix)]
        if self.crisis_model is not None:
            # the crisis-or-not model sets how likely a crisis is; the three-class model which kind
            crisis_index = list(self.crisis_model.classes_).index("crisis")
            for row, binary in zip(rows, self.crisis_model.predict_proba(matrix)):
                crisis = float(binary[crisis_index])
                kinds = row.get("acute_danger", 0.0) + row.get("suicide_risk", 0.0)
                for label in CRISIS_LABELS:
                    row[label] = crisis * (row.get(label, 0.0) / kinds if kinds > 0 else 0.5)
                row["none"] = 1.0 - crisis
        return rows

    def decide(self, texts: Sequence[str]) -> List[UrgencyDecision]:
        config = self.config
        if not self.trained:
            # no model: the crisis lexicon alone decides, as a sure crisis (never silence)
            config = {**config, "lexicon_floor": max(config["lexicon_floor"], UNTRAINED_LEXICON_SCORE)}
        return [
            decide(probabilities, normalize(text), config)
            for text, probabilities in zip(texts, self.probabilities(texts))
        ]


def decide(probabilities: Dict[str, float], norm: str, config: Dict[str, float]) -> UrgencyDecision:
    scores = {label: float(probabilities.get(label, 0.0)) for label in CRISIS_LABELS + ("none",)}
    floor = config["lexicon_floor"]
    hits = {
        "suicide_risk": floor > 0 and lexicon.suicide_hit(norm),
        "acute_danger": floor > 0 and lexicon.danger_hit(norm),
    }
    for label, hit in hits.items():
        if hit and scores[label] < floor:
            _lift(scores, label, floor)
    if not hits["acute_danger"] and lexicon.habitual_only(norm):
        _move_to_none(scores, ("acute_danger",), config["habitual_factor"])
    if config["calm_factor"] < 1.0 and clauses.calming(norm):
        _move_to_none(scores, CRISIS_LABELS, config["calm_factor"])
    floor = config["alarm_floor"]
    if floor > 0 and scores["acute_danger"] + scores["suicide_risk"] < floor and clauses.alarm(norm):
        _lift_crisis(scores, floor)
    about = max(CRISIS_LABELS, key=lambda label: scores[label])
    crisis_score = scores["acute_danger"] + scores["suicide_risk"]
    if crisis_score >= config["crisis_threshold"]:
        action = "crisis"
    elif crisis_score >= config["ask_threshold"]:
        action = "ask"
    else:
        action = "none"
    label = about if action == "crisis" else max(scores, key=scores.get)
    return UrgencyDecision(label, scores[label], action, about, crisis_score, scores)


def diet_asks(decision: UrgencyDecision, config: Dict[str, float]) -> bool:
    """DIET reads a crisis the model does not: ask, unless the model's crisis score is near zero."""
    return decision.crisis_score >= config.get("diet_ask_factor", 0.0) * config["ask_threshold"]


def _move_to_none(scores: Dict[str, float], labels: Sequence[str], factor: float) -> None:
    """Keep `factor` of each label's probability; the rest goes to none."""
    for label in labels:
        moved = scores[label] * (1.0 - factor)
        scores[label] -= moved
        scores["none"] += moved


def _lift_crisis(scores: Dict[str, float], floor: float) -> None:
    """Raise the crisis probability to `floor`, keeping the ratio of the two crisis kinds."""
    crisis = scores["acute_danger"] + scores["suicide_risk"]
    for label in CRISIS_LABELS:
        scores[label] = floor * (scores[label] / crisis if crisis > 0 else 0.5)
    scores["none"] = 1.0 - floor


def _lift(scores: Dict[str, float], label: str, floor: float) -> None:
    """Give `label` probability `floor`, taking the difference from the others in proportion."""
    rest = sum(p for other, p in scores.items() if other != label)
    scale = (1.0 - floor) / rest if rest > 0 else 0.0
    for other in scores:
        if other != label:
            scores[other] *= scale
    scores[label] = floor


def urgency_action_counts(decisions: Sequence[UrgencyDecision]) -> Dict[str, int]:
    counts = {action: 0 for action in URGENCY_ACTIONS}
    for decision in decisions:
        counts[decision.action] += 1
    return counts


__all__ = ["UrgencyModel", "UrgencyDecision", "decide", "diet_asks", "CRISIS_LABELS", "URGENCY_ACTIONS", "DEFAULTS"]
