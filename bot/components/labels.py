"""The triage label contract and how training labels are read from the NLU data.

Labels live in per-example metadata in Rasa's YAML:

    - text: "ik ben 14 en mn stiefvader komt snachts op mijn kamer"
      metadata: {triage: {theme: sexual_violence, age_group: minor, role: victim}}

Fields may be partial. Missing fields are filled by intent, the same way for the
Rasa components and for the scikit-learn baseline of `make evaluate`:

- conversational intents (greet, ask_hours, ...): theme other, age_group unknown,
  role unknown, urgency none, unless the example says otherwise;
- tell_story and crisis: a missing age_group/role means the text does not reveal it
  (unknown), a missing urgency means none; theme must be given, else it is not used
  for the theme model;
- inform (short answers to triage questions): only the fields given are used (and
  urgency none); an answer like "over mezelf" says nothing about the theme.
"""

from __future__ import annotations

from typing import Any, Dict, Optional

FIELDS = ("theme", "age_group", "role", "urgency")
LABELS = {
    "theme": ("sexual_violence", "physical_violence", "psychological_violence", "neglect", "other"),
    "age_group": ("minor", "adult", "unknown"),
    "role": ("victim", "bystander", "perpetrator", "professional", "unknown"),
    "urgency": ("acute_danger", "suicide_risk", "none"),
}
CRISIS_URGENCIES = ("acute_danger", "suicide_risk")

STORY_INTENTS = ("tell_story", "crisis")
PARTIAL_INTENTS = ("inform",)
_CONVERSATION_DEFAULTS = {"theme": "other", "age_group": "unknown", "role": "unknown", "urgency": "none"}
_STORY_DEFAULTS = {"age_group": "unknown", "role": "unknown", "urgency": "none"}


def example_triage(metadata: Any) -> Dict[str, str]:
    """The `triage` mapping of an example's metadata (Rasa keeps it under metadata['example'])."""
    if not isinstance(metadata, dict):
        return {}
    example = metadata.get("example", metadata)
    if not isinstance(example, dict):
        return {}
    triage = example.get("triage") or {}
    return {k: v for k, v in triage.items() if k in FIELDS}


def training_labels(intent: Optional[str], metadata: Any) -> Dict[str, str]:
    """Labels for each field this example trains, after the defaults above."""
    given = example_triage(metadata)
    for field, value in given.items():
        if value not in LABELS[field]:
            raise ValueError(f"unknown {field} label {value!r} (allowed: {LABELS[field]})")
    if intent in PARTIAL_INTENTS:
        labels = {"urgency": "none"}
    elif intent in STORY_INTENTS:
        labels = dict(_STORY_DEFAULTS)
    else:
        labels = dict(_CONVERSATION_DEFAULTS)
    labels.update(given)
    return labels
