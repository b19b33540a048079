"""The entity contract the bot's actions read from tracker.latest_message["entities"]."""

from __future__ import annotations

import pytest

from bot.components.labels import FIELDS, LABELS

MESSAGES = [
    "hoi",
    "ik ben 14 en mn stiefvader komt snachts op mijn kamer",
    "ik ben leerkracht en een leerling vertelde me dat ze thuis geslagen wordt",
    "ik wil dood",
    "de eerste",
    "",
]


@pytest.mark.parametrize("text", MESSAGES)
def test_every_message_carries_one_entity_per_triage_field(parse, text):
    entities = parse(text)["entities"]
    for field in FIELDS:
        matching = [e for e in entities if e["entity"] == field]
        assert len(matching) == 1, (field, entities)
        item = matching[0]
        assert item["value"] in LABELS[field]
        assert 0.0 <= item["confidence_entity"] <= 1.0
        assert item["start"] == 0 and item["end"] == len(text)
        assert item["extractor"] in ("TriageClassifier", "UrgencyDetector")


def test_labels_of_a_clear_disclosure(parse):
    values = {e["entity"]: e["value"] for e in parse("ik ben 14 en mn stiefvader komt snachts op mijn kamer")["entities"]}
    assert values["theme"] == "sexual_violence"
    assert values["age_group"] == "minor"
    assert values["role"] == "victim"
    assert values["urgency"] == "none"


def test_labels_of_a_professional(parse):
    values = {
        e["entity"]: e["value"]
        for e in parse("ik ben leerkracht en een leerling vertelde me dat ze thuis geslagen wordt")["entities"]
    }
    assert values["role"] == "professional"
    assert values["age_group"] == "adult"
    assert values["theme"] == "physical_violence"
