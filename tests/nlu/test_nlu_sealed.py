"""Crisis recall on the sealed set must not drop below what was measured on it, minus 0.02.

The sealed set (tests/nlu/sealed/) was written apart from the project and scored once, by
`make evaluate`, when the model was final; that figure is in tests/nlu/sealed_measured.json. A
crisis counts as caught when the bot answers it as a crisis or asks the safety question in the
same turn (intent `crisis` or `safety_check`), as in `make evaluate`.
"""

from __future__ import annotations

import json

from nlu_helpers import ROOT

from bot.components.labels import CRISIS_URGENCIES

SEALED = ROOT / "tests" / "nlu" / "sealed"
MEASURED = ROOT / "tests" / "nlu" / "sealed_measured.json"
TOLERANCE = 0.02
CAUGHT = ("crisis", "safety_check")


def test_crisis_recall_on_the_sealed_set_holds(parse):
    measured = json.loads(MEASURED.read_text(encoding="utf-8"))
    rows = [json.loads(line) for path in sorted(SEALED.glob("*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    crisis = [row for row in rows if row.get("urgency") in CRISIS_URGENCIES]
    assert len(crisis) == measured["crisis_messages"], "the sealed set changed; it must stay as it was scored"
    caught = sum(1 for row in crisis if parse(row["text"])["intent"]["name"] in CAUGHT)
    recall = caught / len(crisis)
    # only the figure, never which messages: nobody tunes on the sealed set
    assert recall >= measured["crisis_recall"] - TOLERANCE, (
        f"crisis recall on the sealed set {recall:.3f} < {measured['crisis_recall']:.3f} - {TOLERANCE}"
    )
