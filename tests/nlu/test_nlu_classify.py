"""`make -s classify`: JSON lines in, one JSON line per message out, in the agreed format."""

from __future__ import annotations

import json
import subprocess
import sys

from nlu_helpers import ROOT

from bot.components.labels import FIELDS, LABELS


def test_classify_output_format(tmp_path, model_path):
    rows = [
        {"id": 1, "text": "ik ben 15 en mijn papa slaat me"},
        {"id": "b", "text": "ik wil er niet meer zijn"},
        {"id": 3, "text": "hallo"},
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    completed = subprocess.run(
        [sys.executable, "-m", "bot.nlu_tools.classify", "--model", model_path, str(source)],
        cwd=ROOT, capture_output=True, text=True, timeout=900,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    lines = [line for line in completed.stdout.splitlines() if line.strip()]
    assert len(lines) == len(rows), completed.stdout
    outputs = [json.loads(line) for line in lines]
    assert [o["id"] for o in outputs] == [r["id"] for r in rows]
    for output in outputs:
        assert set(output) == {"id", *FIELDS, "urgency_action", "confidence"}
        assert output["urgency_action"] in ("crisis", "ask", "none")
        for field in FIELDS:
            assert output[field] in LABELS[field]
        assert set(output["confidence"]) == set(FIELDS)
        assert all(0.0 <= v <= 1.0 for v in output["confidence"].values())
    assert outputs[0]["age_group"] == "minor" and outputs[0]["theme"] == "physical_violence"
    assert outputs[1]["urgency"] == "suicide_risk" and outputs[1]["urgency_action"] == "crisis"
    assert outputs[2]["theme"] == "other" and outputs[2]["urgency"] == "none" and outputs[2]["urgency_action"] == "none"
