"""Crisis recall on the held-out split: a missed crisis is the worst failure this product can have."""

from __future__ import annotations

from nlu_helpers import entity, heldout_rows

from bot.components.labels import CRISIS_URGENCIES

MIN_RECALL = 0.97


def test_crisis_recall_on_heldout_is_at_least_097(parse):
    crisis_rows = [row for row in heldout_rows() if row["urgency"] in CRISIS_URGENCIES]
    assert len(crisis_rows) >= 40, "the held-out split needs enough crisis messages to measure recall"
    missed = [row["text"] for row in crisis_rows if entity(parse(row["text"]), "urgency") not in CRISIS_URGENCIES]
    recall = 1 - len(missed) / len(crisis_rows)
    assert recall >= MIN_RECALL, f"crisis recall {recall:.3f} < {MIN_RECALL}; missed: {missed}"


def test_every_detected_crisis_reaches_the_dialogue_as_crisis_intent(parse):
    """Urgency or a recent assault must turn into the `crisis` intent, whatever DIET chose."""
    rows = [row for row in heldout_rows() if row["urgency"] in CRISIS_URGENCIES or row.get("recent_assault")]
    not_overridden = []
    for row in rows:
        result = parse(row["text"])
        detected = entity(result, "urgency") in CRISIS_URGENCIES or entity(result, "recent_assault") == "yes"
        if detected and result["intent"]["name"] != "crisis":
            not_overridden.append(row["text"])
    assert not not_overridden, not_overridden
