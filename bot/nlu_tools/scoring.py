"""Scores of one labelled set: per field, the crisis answer, the safety question, calibration.

Used by `make evaluate` (every set, Rasa beside the baseline) and `make compare-models`.
A gold field that is null is not scored for that message. `urgency_action` is what the bot does
with the message (crisis answer, safety question, nothing); a crisis message is *caught* when the
bot answers it as a crisis or asks the safety question in the same turn.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from bot.components.calibration import expected_calibration_error
from bot.components.labels import CRISIS_URGENCIES, FIELDS, LABELS

# (field, metric, bar): at least this, on the sets nobody tuned on (the bars)
BARS = [
    ("theme", "macro_f1", 0.88),
    ("age_group", "accuracy", 0.92),
    ("role", "macro_f1", 0.88),
    ("crisis", "recall", 0.98),
    ("crisis_answer", "precision", 0.85),
]
# (field, metric, bar): at most this
MAX_BARS = [("safety_question", "rate_non_crisis", 0.15)]


def field_scores(gold: List[Optional[str]], pred: List[str], field: str,
                 confidence: Optional[List[float]] = None) -> Dict[str, Any]:
    from sklearn.metrics import accuracy_score, confusion_matrix, precision_recall_fscore_support

    index = [i for i, g in enumerate(gold) if g is not None]
    g_list = [gold[i] for i in index]
    p_list = [pred[i] for i in index]
    labels = [label for label in LABELS[field] if label in g_list]
    all_labels = list(LABELS[field])
    precision, recall, f1, support = precision_recall_fscore_support(
        g_list, p_list, labels=all_labels, zero_division=0
    )
    per_label = {
        label: {"precision": float(precision[i]), "recall": float(recall[i]), "f1": float(f1[i]),
                "support": int(support[i])}
        for i, label in enumerate(all_labels)
    }
    result = {
        "n": len(index),
        "accuracy": float(accuracy_score(g_list, p_list)) if index else 0.0,
        "macro_f1": sum(per_label[label]["f1"] for label in labels) / len(labels) if labels else 0.0,
        "per_label": per_label,
        "labels": all_labels,
        "confusion": confusion_matrix(g_list, p_list, labels=all_labels).tolist() if index else [],
        "ece": None,
    }
    if confidence is not None and index:
        result["ece"] = expected_calibration_error(
            [confidence[i] for i in index], [gold[i] == pred[i] for i in index]
        )
    return result


def binary_scores(gold: List[bool], pred: List[bool]) -> Dict[str, Any]:
    tp = sum(1 for g, p in zip(gold, pred) if g and p)
    fp = sum(1 for g, p in zip(gold, pred) if not g and p)
    fn = sum(1 for g, p in zip(gold, pred) if g and not p)
    return {
        "tp": tp, "fp": fp, "fn": fn, "support": tp + fn,
        "recall": tp / (tp + fn) if tp + fn else 0.0,
        "precision": tp / (tp + fp) if tp + fp else 0.0,
    }


def _is_crisis(row: Dict[str, Any]) -> bool:
    return row.get("urgency") in CRISIS_URGENCIES


def score(rows: List[Dict[str, Any]], predictions: List[Dict[str, Any]]) -> Dict[str, Any]:
    result: Dict[str, Any] = {"n": len(rows)}
    for field in FIELDS:
        confidence = None
        if all(isinstance(p.get("confidence"), dict) and field in p["confidence"] for p in predictions):
            confidence = [float(p["confidence"][field]) for p in predictions]
        result[field] = field_scores([r.get(field) for r in rows], [p[field] for p in predictions], field, confidence)
    scored = [(r, p) for r, p in zip(rows, predictions) if r.get("urgency") is not None]
    actions = [p.get("urgency_action") or ("crisis" if p["urgency"] in CRISIS_URGENCIES else "none") for _, p in scored]
    # caught: the crisis answer or the safety question in the same turn
    result["crisis"] = binary_scores([_is_crisis(r) for r, _ in scored], [a != "none" for a in actions])
    # the crisis answer itself is right for a crisis and for a sexual assault of the last days
    result["crisis_answer"] = binary_scores(
        [_is_crisis(r) or bool(r.get("recent_assault")) for r, _ in scored], [a == "crisis" for a in actions]
    )
    result["crisis_label"] = binary_scores(
        [_is_crisis(r) for r, _ in scored], [p["urgency"] in CRISIS_URGENCIES for _, p in scored]
    )
    non_crisis = [a for (r, _), a in zip(scored, actions) if not _is_crisis(r)]
    asked_crisis = [a for (r, _), a in zip(scored, actions) if _is_crisis(r)]
    result["safety_question"] = {
        "asked_non_crisis": sum(1 for a in non_crisis if a == "ask"),
        "non_crisis": len(non_crisis),
        "rate_non_crisis": sum(1 for a in non_crisis if a == "ask") / len(non_crisis) if non_crisis else 0.0,
        "asked_crisis": sum(1 for a in asked_crisis if a == "ask"),
    }
    if all("recent_assault" in p for p in predictions):
        result["recent_assault"] = binary_scores(
            [bool(r.get("recent_assault")) for r in rows], [bool(p["recent_assault"]) for p in predictions]
        )
    return result


def errors(rows, predictions, field: str) -> List[Dict[str, Any]]:
    return [
        {"id": r["id"], "text": r["text"], "gold": r.get(field), "pred": p[field]}
        for r, p in zip(rows, predictions)
        if r.get(field) is not None and r.get(field) != p[field]
    ]


def metric(scores: Dict[str, Any], field: str, name: str) -> Optional[float]:
    value = (scores.get(field) or {}).get(name)
    return None if value is None else float(value)


def failed_bars(scores: Dict[str, Any]) -> List[str]:
    failed = [f"{f} {m}" for f, m, t in BARS if (metric(scores, f, m) or 0.0) < t]
    failed += [f"{f} {m}" for f, m, t in MAX_BARS if (metric(scores, f, m) or 0.0) > t]
    return failed
