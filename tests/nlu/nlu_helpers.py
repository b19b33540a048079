"""Helpers shared by the NLU tests (a uniquely named module: tests/actions has its own conftest)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, List

ROOT = Path(__file__).resolve().parents[2]
HELDOUT = ROOT / "tests" / "nlu" / "heldout.jsonl"


def heldout_rows() -> List[Dict[str, Any]]:
    return [json.loads(line) for line in HELDOUT.read_text(encoding="utf-8").splitlines() if line.strip()]


def entity(parse_result: Dict[str, Any], name: str):
    """The value of the entity `name` in a parse result, or None."""
    for item in parse_result.get("entities", []):
        if item.get("entity") == name:
            return item.get("value")
    return None
