"""Probabilities a counsellor can read as they are: temperature scaling and the calibration error.

A logistic regression trained with balanced class weights on a few thousand short texts is
over-confident: it gives 0.99 to messages it gets wrong. `CalibratedLogisticRegression` fits the
model, then one temperature on out-of-fold decision values (the model never scores its own
training text), and divides every later decision value by it. The argmax does not change; the
probabilities do. `expected_calibration_error` is what `make evaluate` reports per field.
"""

from __future__ import annotations

from typing import Iterable, List, Sequence

import numpy as np
from scipy.optimize import minimize_scalar
from scipy.special import log_softmax, softmax
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.svm import LinearSVC


class CalibratedLogisticRegression:
    """Multinomial logistic regression plus one temperature fitted on out-of-fold scores."""

    def __init__(
        self, C: float = 20.0, folds: int = 3, class_weight: str | None = "balanced", kind: str = "svm"
    ) -> None:
        self.C = C
        self.folds = folds
        self.class_weight = class_weight
        self.kind = kind
        self.model: LogisticRegression | None = None
        self.temperature = 1.0

    def _new_model(self):
        if self.kind == "svm":
            # a linear SVM trains ~10x faster than lbfgs on sparse n-grams; the temperature makes
            # its margins probabilities
            return LinearSVC(C=self.C, class_weight=self.class_weight, random_state=0)
        return LogisticRegression(C=self.C, class_weight=self.class_weight, max_iter=5000, random_state=0)

    @property
    def classes_(self) -> np.ndarray:
        return self.model.classes_

    def fit(self, matrix, labels: Sequence[str]) -> "CalibratedLogisticRegression":
        labels = np.asarray(labels)
        self.model = self._new_model().fit(matrix, labels)
        classes = list(self.model.classes_)
        smallest = min(int((labels == c).sum()) for c in classes)
        folds = min(self.folds, smallest)
        if folds < 2:
            self.temperature = 1.0
            return self
        scores = np.zeros((len(labels), len(classes)))
        splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=0)
        for train_index, test_index in splitter.split(np.zeros(len(labels)), labels):
            fold_model = self._new_model().fit(matrix[train_index], labels[train_index])
            fold_scores = _decision_matrix(fold_model, matrix[test_index])
            # a class missing from a fold cannot happen with stratified folds of >= 2 per class
            order = [list(fold_model.classes_).index(c) for c in classes]
            scores[test_index] = fold_scores[:, order]
        target = np.array([classes.index(label) for label in labels])
        self.temperature = fit_temperature(scores, target)
        return self

    def decision_function(self, matrix) -> np.ndarray:
        return _decision_matrix(self.model, matrix)

    def predict_proba(self, matrix) -> np.ndarray:
        return softmax(self.decision_function(matrix) / self.temperature, axis=1)


def _decision_matrix(model: LogisticRegression, matrix) -> np.ndarray:
    scores = model.decision_function(matrix)
    if scores.ndim == 1:  # binary: sklearn gives one column, the logit of classes_[1]
        scores = np.column_stack([np.zeros_like(scores), scores])
    return scores


def fit_temperature(scores: np.ndarray, target: np.ndarray) -> float:
    """The temperature that minimises the negative log-likelihood of the true labels."""

    def nll(log_t: float) -> float:
        logp = log_softmax(scores / np.exp(log_t), axis=1)
        return -float(logp[np.arange(len(target)), target].mean())

    result = minimize_scalar(nll, bounds=(-3.0, 3.0), method="bounded")
    return float(np.exp(result.x))


def expected_calibration_error(
    confidences: Iterable[float], correct: Iterable[bool], bins: int = 10
) -> float:
    """Top-label ECE: the weighted mean gap between confidence and accuracy over equal-width bins."""
    conf = np.asarray(list(confidences), dtype=float)
    hit = np.asarray(list(correct), dtype=float)
    if conf.size == 0:
        return 0.0
    edges = np.linspace(0.0, 1.0, bins + 1)
    index = np.clip(np.digitize(conf, edges[1:-1], right=True), 0, bins - 1)
    total = 0.0
    for b in range(bins):
        members = index == b
        if members.any():
            total += members.mean() * abs(conf[members].mean() - hit[members].mean())
    return float(total)


def smoothed_precision(hits: int, fires: int, prior: float = 0.5, strength: float = 2.0) -> float:
    """How often a rule was right on the training data, pulled a little toward `prior`."""
    return (hits + prior * strength) / (fires + strength)


__all__: List[str] = [
    "CalibratedLogisticRegression",
    "expected_calibration_error",
    "fit_temperature",
    "smoothed_precision",
]
