"""The training data and the held-out split keep the issue's bars and the label contract."""

from __future__ import annotations

import collections
from functools import lru_cache

import pytest
from nlu_helpers import ROOT, heldout_rows

from bot.components.labels import FIELDS, LABELS, example_triage, training_labels

CONVERSATIONAL = (
    "greet", "bye", "thanks", "affirm", "deny", "skip", "ask_hours", "ask_email", "ask_appointment",
    "ask_anonymity", "ask_emergency_numbers", "ask_is_bot", "request_human", "want_to_tell",
    "inform", "choose_appointment", "out_of_scope",
)
INTENTS = set(CONVERSATIONAL) | {"tell_story", "crisis"}


@lru_cache(maxsize=1)
def _examples():
    from rasa.shared.nlu.training_data.loading import load_data

    return load_data(str(ROOT / "nlu_data")).intent_examples


def test_exactly_the_agreed_intents():
    assert {e.get("intent") for e in _examples()} == INTENTS


@pytest.mark.parametrize("intent", CONVERSATIONAL)
def test_at_least_40_examples_per_conversational_intent(intent):
    assert sum(1 for e in _examples() if e.get("intent") == intent) >= 40


def _label_counts(field):
    counts = collections.Counter()
    for example in _examples():
        labels = training_labels(example.get("intent"), example.get("metadata"))
        if field in labels:
            counts[labels[field]] += 1
    return counts


@pytest.mark.parametrize("field, minimum", [("theme", 60), ("role", 60), ("urgency", 40)])
def test_enough_examples_per_label(field, minimum):
    counts = _label_counts(field)
    short = {label: counts[label] for label in LABELS[field] if counts[label] < minimum}
    assert not short, short


def test_metadata_labels_are_valid():
    for example in _examples():
        for field, value in example_triage(example.get("metadata")).items():
            assert value in LABELS[field], (example.get("text"), field, value)


def test_story_and_crisis_examples_carry_labels():
    for example in _examples():
        if example.get("intent") == "tell_story":
            assert "theme" in example_triage(example.get("metadata")), example.get("text")
        if example.get("intent") == "crisis":
            assert example_triage(example.get("metadata")).get("urgency") in ("acute_danger", "suicide_risk")


def test_no_text_is_repeated():
    counts = collections.Counter(" ".join(e.get("text").lower().split()) for e in _examples())
    assert [text for text, n in counts.items() if n > 1] == []


def test_heldout_is_large_valid_and_disjoint_from_training():
    rows = heldout_rows()
    assert len(rows) >= 150
    assert len({r["id"] for r in rows}) == len(rows)
    for row in rows:
        for field in FIELDS:
            assert row[field] is None or row[field] in LABELS[field], row
    training = {" ".join(e.get("text").lower().split()) for e in _examples()}
    overlap = [r["text"] for r in rows if " ".join(r["text"].lower().split()) in training]
    assert overlap == []
