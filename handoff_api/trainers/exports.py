"""Inbox exports under reports/: written only there, and kept only as long as the inbox.

An export row (`service.annotations`) is `{"id": "inbox-<decision id>", "text", ...}`. The purge
keeps a row only while its decision is still in the database, and deletes the comparison
reports (bot/nlu_tools/compare.py) that quote a decision the purge already deleted.
"""

import json
import re
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from handoff_api.trainers.models import InboxDecision

_INBOX_ID = re.compile(r"inbox-([0-9a-f]{32})")
REPORTS_QUOTING_TEXT = ("comparison.md", "comparison.json")


class ExportOutsideReports(ValueError):
    """An inbox export was asked for outside the exports folder."""


def export_path(exports_dir: Path, out: str) -> Path:
    path = Path(out).resolve()
    root = exports_dir.resolve()
    if root != path and root not in path.parents:
        raise ExportOutsideReports(f"inbox exports belong under {root} (purged with the inbox)")
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def _kept_ids(session: Session) -> set[str]:
    return {
        decision_id
        for decision_id, outcome in session.execute(select(InboxDecision.id, InboxDecision.outcome))
        if outcome not in ("dropped", "undone", "not_written")
    }


def _trim_export(path: Path, kept: set[str]) -> bool:
    """Rewrites an export without the rows whose decision is gone; True when it changed."""
    lines = path.read_text(encoding="utf-8").splitlines()
    rows, is_export = [], False
    for line in lines:
        try:
            row = json.loads(line)
        except ValueError:
            return False  # not an inbox export
        if not isinstance(row, dict):
            return False
        match = _INBOX_ID.fullmatch(str(row.get("id", "")))
        if match is None:
            return False
        is_export = True
        if match.group(1) in kept:
            rows.append(line)
    if not is_export or len(rows) == len(lines):
        return False
    if rows:
        path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    else:
        path.unlink()
    return True


def purge_exports(session: Session, exports_dir: Path) -> int:
    """Trims exports and drops stale comparison reports; returns how many files changed.

    Runs after the inbox purge's commit, so `kept` already follows the retention period."""
    if not exports_dir.is_dir():
        return 0
    kept = _kept_ids(session)
    changed = 0
    for path in sorted(exports_dir.rglob("*.jsonl")):
        changed += _trim_export(path, kept)
    for name in REPORTS_QUOTING_TEXT:
        for path in sorted(exports_dir.rglob(name)):
            quoted = set(_INBOX_ID.findall(path.read_text(encoding="utf-8", errors="replace")))
            if quoted - kept:
                path.unlink()
                changed += 1
    return changed
