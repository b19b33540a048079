"""`make promote` (bot/nlu_tools/promote.py): only a candidate marked ready becomes live."""

import hashlib
import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "bot" / "nlu_tools" / "promote.py"  # standard library only: runs in either environment


def promote(models: Path, *argv) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--models", str(models), *argv],
        capture_output=True, text=True, timeout=60, cwd=REPO,
    )


def fake_model(models: Path, name: str, content: bytes = b"model") -> Path:
    models.mkdir(exist_ok=True)
    path = models / f"{name}.tar.gz"
    path.write_bytes(content)
    return path


def mark_ready(models: Path, model: Path, ready: bool = True) -> None:
    name = model.name[: -len(".tar.gz")]
    marker = {"model": name, "ready": ready, "sha256": hashlib.sha256(model.read_bytes()).hexdigest(),
              "compared_with": None, "crisis_recall": {}, "reason": "test", "generated_at": "2026-11-23T06:00:00+00:00"}
    (models / f"{name}.ready.json").write_text(json.dumps(marker), encoding="utf-8")


def test_a_candidate_without_a_ready_mark_is_refused(tmp_path):
    models = tmp_path / "models"
    candidate = fake_model(models, "helpline-aaa")
    refused = promote(models, "--model", str(candidate))
    assert refused.returncode == 1 and "geweigerd" in refused.stderr and "niet als klaar" in refused.stderr
    assert not (models / "live.json").exists()
    assert promote(models, "--print-live").stdout == ""


def test_a_candidate_marked_not_ready_or_changed_since_is_refused(tmp_path):
    models = tmp_path / "models"
    candidate = fake_model(models, "helpline-bbb")
    mark_ready(models, candidate, ready=False)
    assert promote(models, "--model", str(candidate)).returncode == 1
    mark_ready(models, candidate)
    candidate.write_bytes(b"retrained in place")
    changed = promote(models, "--model", str(candidate))
    assert changed.returncode == 1 and "veranderd" in changed.stderr
    assert not (models / "live.json").exists()


def test_a_ready_candidate_becomes_live_and_run_rasa_finds_it(tmp_path):
    models = tmp_path / "models"
    old = fake_model(models, "helpline-old", b"old")
    mark_ready(models, old)
    assert promote(models, "--model", str(old)).returncode == 0
    new = fake_model(models, "helpline-new", b"new")
    mark_ready(models, new)
    done = promote(models, "--model", str(new))
    assert done.returncode == 0 and "helpline-new (was helpline-old)" in done.stdout
    live = json.loads((models / "live.json").read_text(encoding="utf-8"))
    assert (live["model"], live["previous"]) == ("helpline-new", "helpline-old")
    assert promote(models, "--print-live").stdout.strip() == str(models / "helpline-new.tar.gz")
    history = (models / "live_history.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["model"] for line in history] == ["helpline-old", "helpline-new"]
    # a refused candidate leaves the live model as it was
    fake_model(models, "helpline-bad", b"bad")
    assert promote(models, "--model", str(models / "helpline-bad.tar.gz")).returncode == 1
    assert json.loads((models / "live.json").read_text(encoding="utf-8"))["model"] == "helpline-new"


def test_a_live_model_of_older_components_is_not_run(tmp_path):
    models = tmp_path / "models"
    model = fake_model(models, "helpline-live", b"live")
    mark_ready(models, model)
    assert promote(models, "--model", str(model)).returncode == 0
    live = json.loads((models / "live.json").read_text(encoding="utf-8"))
    assert live["components_sha256"]  # bot/components of this checkout
    live["components_sha256"] = "0" * 64  # as if the components changed since
    (models / "live.json").write_text(json.dumps(live), encoding="utf-8")
    printed = promote(models, "--print-live")
    assert printed.stdout == "" and "bot/components changed" in printed.stderr
