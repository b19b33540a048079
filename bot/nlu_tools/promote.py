"""`make promote`: make a candidate model the live one, only when it was marked ready.

The live model is named by a small pointer file, `models/live.json`:

    {"model": "helpline-<fingerprint>", "path": "models/helpline-<fingerprint>.tar.gz",
     "sha256": "...", "promoted_at": "2026-11-23T06:10:00+00:00", "previous": "helpline-...",
     "ready": {...the marker's verdict...}}

`make compare-models` (bot/nlu_tools/compare.py) writes `models/<name>.ready.json` next to a
candidate whose crisis recall did not drop against the live model. This script refuses a
candidate without that marker, or whose archive changed since it was compared (sha256).
Every promotion is appended to `models/live_history.jsonl` (to see what was live when, and
to promote an earlier ready model again).

`--print-live` prints the live model's path (nothing when there is none), for `make run-rasa`.
A model only runs with the custom components it was trained with (bot/components): the pointer
records their hash, and when they changed since the promotion `--print-live` prints nothing and
warns, so that `make run-rasa` runs the model of the current code instead of a live model that
would fail on every message. Compare and promote again after changing the components.

Standard library only: it runs in either environment.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Optional

LIVE_FILE = "live.json"
HISTORY_FILE = "live_history.jsonl"
COMPONENTS_DIR = Path("bot") / "components"


def components_hash(directory: Path = COMPONENTS_DIR) -> Optional[str]:
    """sha256 over the custom NLU components' sources (None when the directory is missing)."""
    if not directory.is_dir():
        return None
    digest = hashlib.sha256()
    for path in sorted(p for p in directory.rglob("*") if p.is_file() and p.suffix in (".py", ".txt", ".yml")):
        if "__pycache__" in path.parts:
            continue
        digest.update(str(path.relative_to(directory)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def model_name(path: Path) -> str:
    name = path.name
    return name[: -len(".tar.gz")] if name.endswith(".tar.gz") else path.stem


def ready_file(models_dir: Path, name: str) -> Path:
    return models_dir / f"{name}.ready.json"


def read_live(models_dir: Path) -> Optional[dict]:
    try:
        live = json.loads((models_dir / LIVE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return live if isinstance(live, dict) and live.get("model") else None


def live_model_path(models_dir: Path, components: Path = COMPONENTS_DIR) -> Optional[Path]:
    live = read_live(models_dir)
    if not live:
        return None
    path = models_dir / f"{live['model']}.tar.gz"
    if not path.exists():
        print(f"live model {path} is missing: using the model of the current data", file=sys.stderr)
        return None
    recorded, current = live.get("components_sha256"), components_hash(components)
    if recorded and current and recorded != current:
        print(
            f"WARNING: bot/components changed since {live['model']} was promoted; it would not load. "
            "Using the model of the current data: run `make compare-models` and `make promote`.",
            file=sys.stderr,
        )
        return None
    return path


def _write_atomic(path: Path, content: str) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(content)
    os.replace(temporary, path)


class NotReady(Exception):
    pass


def promote(models_dir: Path, candidate: Path, now: Optional[datetime] = None) -> dict:
    name = model_name(candidate)
    if not candidate.exists():
        raise NotReady(f"het model {candidate} bestaat niet (eerst `make train`).")
    marker_path = ready_file(models_dir, name)
    try:
        marker = json.loads(marker_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise NotReady(
            f"{name} is niet als klaar gemarkeerd: draai eerst `make compare-models` "
            "(het model gaat pas live als de crisis-recall niet daalt)."
        )
    if marker.get("model") != name or not marker.get("ready"):
        raise NotReady(f"{marker_path} markeert {name} niet als klaar.")
    if marker.get("sha256") != sha256(candidate):
        raise NotReady(f"{candidate} is veranderd sinds de vergelijking: vergelijk opnieuw.")
    previous = read_live(models_dir)
    if previous and previous.get("model") == name:
        return previous
    live = {
        "model": name,
        "path": str(models_dir / candidate.name),
        "sha256": marker["sha256"],
        "promoted_at": (now or datetime.now(timezone.utc)).isoformat(timespec="seconds"),
        "previous": previous.get("model") if previous else None,
        "components_sha256": components_hash(),
        "ready": {k: marker.get(k) for k in ("compared_with", "crisis_recall", "generated_at", "reason")},
    }
    _write_atomic(models_dir / LIVE_FILE, json.dumps(live, indent=1) + "\n")
    with (models_dir / HISTORY_FILE).open("a", encoding="utf-8") as history:
        history.write(json.dumps(live) + "\n")
    return live


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="make a ready candidate model the live one")
    parser.add_argument("--models", default="models", help="the models directory")
    parser.add_argument("--model", help="the candidate (.tar.gz); default: the model of the current data")
    parser.add_argument("--print-live", action="store_true", help="print the live model's path and stop")
    args = parser.parse_args(argv)
    models_dir = Path(args.models)
    if args.print_live:
        path = live_model_path(models_dir)
        if path:
            print(path)
        return 0
    if not args.model:
        parser.error("--model is required")
    try:
        live = promote(models_dir, Path(args.model))
    except NotReady as refusal:
        print(f"make promote: geweigerd: {refusal}", file=sys.stderr)
        return 1
    previous = f" (was {live['previous']})" if live.get("previous") else ""
    print(f"live model: {live['model']}{previous}; herstart de chatbot (make run-rasa) om het te laden.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
