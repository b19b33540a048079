"""The figures of `make evaluate`: caught crises, the crisis answer, the safety question, calibration."""

from __future__ import annotations

import numpy as np
import pytest

from bot.components.calibration import CalibratedLogisticRegression, expected_calibration_error, fit_temperature
from bot.components.urgency_model import DEFAULTS, decide
from bot.nlu_tools.scoring import failed_bars, score


def _pred(urgency, action, recent=False):
    return {"theme": "other", "age_group": "unknown", "role": "unknown", "urgency": urgency,
            "urgency_action": action, "recent_assault": recent,
            "confidence": {"theme": 0.9, "age_group": 0.9, "role": 0.9, "urgency": 0.9}}


def _gold(urgency, recent=False):
    return {"id": "x", "text": "t", "theme": "other", "age_group": "unknown", "role": "unknown",
            "urgency": urgency, "recent_assault": recent}


def test_a_crisis_is_caught_by_the_crisis_answer_or_the_safety_question():
    rows = [_gold("acute_danger"), _gold("suicide_risk"), _gold("acute_danger"), _gold("none"), _gold("none"),
            _gold("none", recent=True)]
    preds = [_pred("acute_danger", "crisis"), _pred("none", "ask"), _pred("none", "none"),
             _pred("none", "ask"), _pred("acute_danger", "crisis"), _pred("none", "crisis", recent=True)]
    result = score(rows, preds)
    assert result["crisis"]["recall"] == pytest.approx(2 / 3)
    # the crisis answer: right for the danger and for the recent assault, wrong for one none
    assert (result["crisis_answer"]["tp"], result["crisis_answer"]["fp"]) == (2, 1)
    assert result["safety_question"]["asked_non_crisis"] == 1
    assert result["safety_question"]["rate_non_crisis"] == pytest.approx(1 / 3)
    assert result["urgency"]["ece"] is not None
    assert "crisis recall" in failed_bars(result)


def test_expected_calibration_error_is_zero_when_confidence_matches_accuracy():
    assert expected_calibration_error([0.75] * 4, [True, True, True, False]) == pytest.approx(0.0)
    assert expected_calibration_error([1.0, 1.0], [False, False]) == pytest.approx(1.0)


def test_temperature_softens_overconfident_scores():
    rng = np.random.default_rng(0)
    target = rng.integers(0, 2, 400)
    noisy = np.where(rng.random(400) < 0.7, target, 1 - target)  # right 70% of the time
    scores = np.column_stack([np.where(noisy == 0, 8.0, 0.0), np.where(noisy == 1, 8.0, 0.0)])
    assert fit_temperature(scores, target) > 3.0


def test_calibrated_model_gives_probabilities_that_sum_to_one():
    import scipy.sparse as sp

    matrix = sp.csr_matrix(np.array([[1, 0], [0, 1]] * 20, dtype=float))
    model = CalibratedLogisticRegression(C=1.0).fit(matrix, ["a", "b"] * 20)
    probabilities = model.predict_proba(matrix[:2])
    assert np.allclose(probabilities.sum(axis=1), 1.0)
    assert list(model.classes_[probabilities.argmax(axis=1)]) == ["a", "b"]


@pytest.mark.parametrize(
    "crisis, action",
    [(0.95, "crisis"), (DEFAULTS["crisis_threshold"], "crisis"), (0.5, "ask"), (DEFAULTS["ask_threshold"], "ask"),
     (0.05, "none")],
)
def test_the_crisis_score_decides_between_crisis_answer_safety_question_and_nothing(crisis, action):
    decision = decide({"acute_danger": crisis, "suicide_risk": 0.0, "none": 1 - crisis}, "tekst", DEFAULTS)
    assert decision.action == action
    assert decision.about == "acute_danger"
