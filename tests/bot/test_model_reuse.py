"""`make test` and `make setup` reuse a model trained for the same data, and only that one."""
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def fingerprint(root: Path) -> str:
    return subprocess.run(
        [str(ROOT / "scripts" / "model_fingerprint.sh")], cwd=root, capture_output=True, text=True, check=True
    ).stdout.strip()


@pytest.fixture
def model() -> Path:
    path = os.environ.get("HELPLINE_MODEL")
    if not path:
        pytest.fail("HELPLINE_MODEL is not set: run the tests through `make test`")
    return ROOT / path


def test_the_model_under_test_is_the_one_for_the_current_data(model):
    assert model.name == f"helpline-{fingerprint(ROOT)}.tar.gz"
    assert model.exists()


def test_make_train_does_not_train_again_for_the_same_data(model):
    before = model.stat().st_mtime_ns
    result = subprocess.run(["make", "train"], cwd=ROOT, capture_output=True, text=True, check=True)
    assert "Nothing to be done for 'train'" in result.stdout
    assert model.stat().st_mtime_ns == before


def test_changed_training_data_means_a_new_model_name(tmp_path):
    for part in ("config.yml", "bot", "nlu_data"):
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, tmp_path / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, tmp_path / part)
    same = fingerprint(tmp_path)
    assert same == fingerprint(ROOT)
    nlu_file = sorted((tmp_path / "nlu_data").glob("*.yml"))[0]
    nlu_file.write_text(nlu_file.read_text(encoding="utf-8") + "\n# one more line\n", encoding="utf-8")
    assert fingerprint(tmp_path) != same
