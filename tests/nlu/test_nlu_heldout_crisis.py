"""Crisis recall on the held-out split: a missed crisis is the worst failure this product can have.

A crisis is caught when the bot answers it as one or asks the safety question in the same turn
(intent `crisis` or `safety_check`). The held-out split was used for tuning; the independent
sets and the sealed set (test_nlu_sealed.py) give the honest figures.
"""

from __future__ import annotations

from nlu_helpers import entity, heldout_rows

from bot.components.labels import CRISIS_URGENCIES

MIN_RECALL = 0.97
CAUGHT = ("crisis", "safety_check")


def test_crisis_recall_on_heldout_is_at_least_097(parse):
    crisis_rows = [row for row in heldout_rows() if row["urgency"] in CRISIS_URGENCIES]
    assert len(crisis_rows) >= 40, "the held-out split needs enough crisis messages to measure recall"
    missed = [row["text"] for row in crisis_rows if parse(row["text"])["intent"]["name"] not in CAUGHT]
    recall = 1 - len(missed) / len(crisis_rows)
    assert recall >= MIN_RECALL, f"crisis recall {recall:.3f} < {MIN_RECALL}; missed: {missed}"


def test_every_detected_crisis_reaches_the_dialogue_as_crisis_intent(parse):
    """Urgency or a recent assault must turn into the crisis or safety-question intent, whatever DIET chose."""
    rows = [row for row in heldout_rows() if row["urgency"] in CRISIS_URGENCIES or row.get("recent_assault")]
    not_overridden = []
    for row in rows:
        result = parse(row["text"])
        detected = entity(result, "urgency") in CRISIS_URGENCIES or entity(result, "recent_assault") == "yes"
        if detected and result["intent"]["name"] not in CAUGHT:
            not_overridden.append(row["text"])
    assert not not_overridden, not_overridden
