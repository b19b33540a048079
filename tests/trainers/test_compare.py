"""bot/nlu_tools/compare.py without real models (.venv-rasa: matplotlib, scikit-learn, bot/).

`predict` is replaced by canned predictions, so the verdict, the report, the charts and the
ready mark are checked in a second. The real models are compared in tests/e2e/test_trainers_loop.py.
"""

import json

import pytest

pytest.importorskip("matplotlib")
pytest.importorskip("sklearn")

from bot.nlu_tools import compare  # noqa: E402
from bot.nlu_tools.promote import main as promote_main  # noqa: E402

HELDOUT = [
    {"id": "h1", "text": "ik wil dood", "theme": "other", "age_group": "unknown", "role": "victim", "urgency": "suicide_risk"},
    {"id": "h2", "text": "hij staat met een mes voor de deur", "theme": "physical_violence", "age_group": "unknown", "role": "victim", "urgency": "acute_danger"},
    {"id": "h3", "text": "mijn papa slaat me", "theme": "physical_violence", "age_group": "minor", "role": "victim", "urgency": "none"},
    {"id": "h4", "text": "hoe laat zijn jullie open", "theme": "other", "age_group": "unknown", "role": "unknown", "urgency": "none"},
]
INBOX = [
    {"id": "inbox-1", "text": "mijn oom [NAAM] duwt me", "intent": "tell_story", "theme": "physical_violence", "age_group": "unknown",
     "role": "victim", "urgency": "none", "decided_at": "2026-11-23T06:00:00+00:00"},
    {"id": "inbox-0", "text": "van voor het live model", "intent": "greet", "theme": "other", "age_group": "unknown",
     "role": "unknown", "urgency": "none", "decided_at": "2026-11-20T06:00:00+00:00"},
]


def prediction(row, **change):
    labels = {f: row.get(f) or "unknown" for f in ("theme", "age_group", "role", "urgency")}
    labels.update(change)
    return {**labels, "confidence": {}, "age": None, "recent_assault": False, "intent": row.get("intent", "tell_story")}


@pytest.fixture
def setup(tmp_path, monkeypatch):
    models = tmp_path / "models"
    models.mkdir()
    (models / "helpline-live.tar.gz").write_bytes(b"live")
    (models / "helpline-cand.tar.gz").write_bytes(b"candidate")
    (models / "live.json").write_text(json.dumps({"model": "helpline-live", "promoted_at": "2026-11-22T00:00:00+00:00"}))
    heldout = tmp_path / "heldout.jsonl"
    heldout.write_text("".join(json.dumps(r) + "\n" for r in HELDOUT))
    inbox = tmp_path / "inbox.jsonl"
    inbox.write_text("".join(json.dumps(r) + "\n" for r in INBOX))
    answers = {}

    def fake_predict(model_path, texts):
        by_text = {r["text"]: r for r in HELDOUT + INBOX}
        return [answers[model_path.name](by_text[t]) for t in texts]

    monkeypatch.setattr(compare, "predict", fake_predict)

    def run():
        return compare.main([
            "--candidate", str(models / "helpline-cand.tar.gz"), "--models", str(models),
            "--heldout", str(heldout), "--inbox", str(inbox), "--out", str(tmp_path / "out"),
        ])

    return models, answers, run, tmp_path / "out"


def test_a_candidate_that_misses_a_crisis_the_live_model_caught_is_not_ready(setup):
    models, answers, run, out = setup
    answers["helpline-live.tar.gz"] = lambda row: prediction(row)
    answers["helpline-cand.tar.gz"] = lambda row: prediction(row, urgency="none") if row["id"] == "h2" else prediction(row)
    assert run() == compare.NOT_READY_EXIT
    summary = json.loads((out / "summary.json").read_text())
    assert summary["ready"] is False and "crisis-recall daalt" in summary["reason"]
    assert summary["crisis_recall"] == {"support": 2, "live": 1.0, "candidate": 0.5}
    assert not (models / "helpline-cand.ready.json").exists()
    assert promote_main(["--models", str(models), "--model", str(models / "helpline-cand.tar.gz")]) == 1


def test_a_candidate_that_learned_the_correction_is_ready_with_charts_and_changes(setup):
    models, answers, run, out = setup
    answers["helpline-live.tar.gz"] = lambda row: prediction(row, theme="neglect") if row["id"] == "inbox-1" else prediction(row)
    answers["helpline-cand.tar.gz"] = lambda row: prediction(row)
    assert run() == 0
    summary = json.loads((out / "summary.json").read_text())
    assert summary["ready"] and summary["sets"] == {"heldout": 4, "inbox": 1}  # inbox-0 predates the live model
    [top] = summary["changes"][:1]
    assert (top["set"], top["field"], top["label"], top["live"], top["candidate"]) == ("inbox", "theme", "physical_violence", 0.0, 1.0)
    assert "[NAAM]" not in json.dumps(summary)  # the page's summary carries no message texts
    assert sorted(p.name for p in out.glob("*.png")) == sorted(summary["charts"])
    assert {"confusion_theme.png", "f1_heldout.png", "f1_inbox.png"} <= set(summary["charts"])
    assert all((out / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for name in summary["charts"])
    assert "READY" in (out / "comparison.md").read_text()
    marker = json.loads((models / "helpline-cand.ready.json").read_text())
    assert marker["ready"] and marker["compared_with"] == "helpline-live"
    assert promote_main(["--models", str(models), "--model", str(models / "helpline-cand.tar.gz")]) == 0
    assert json.loads((models / "live.json").read_text())["model"] == "helpline-cand"


def test_a_live_model_that_no_longer_loads_falls_back_to_the_bar(setup):
    models, answers, run, out = setup

    def broken(row):
        raise RuntimeError("X has 14595 features, but LogisticRegression is expecting 14594")

    answers["helpline-live.tar.gz"] = broken
    answers["helpline-cand.tar.gz"] = lambda row: prediction(row)
    assert run() == 0  # crisis recall 1.0 >= 0.97
    summary = json.loads((out / "summary.json").read_text())
    assert summary["live_error"] and "lat" in summary["reason"]
    answers["helpline-cand.tar.gz"] = lambda row: prediction(row, urgency="none")
    assert run() == compare.NOT_READY_EXIT
    assert not (models / "helpline-cand.ready.json").exists()
