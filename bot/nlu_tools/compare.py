"""`make compare-models`: the candidate model (of the current data) against the live model.

1. scores both on the held-out split (`tests/nlu/heldout.jsonl`) and on the inbox items
   trainers annotated since the live model was promoted (JSON lines from
   `handoff-admin inbox export`; they are training examples of the candidate, so that set
   shows whether the corrections were learned, not how well it generalises);
2. reports per-label precision/recall/F1 and the changes, biggest first;
3. writes PNG charts (matplotlib): the confusion matrices of each field, live beside
   candidate, and the per-label F1 before and after;
4. marks the candidate ready (`models/<name>.ready.json`) only when crisis recall
   (acute_danger + suicide_risk against none) does not drop, on the held-out split and on
   the inbox set; else it removes a stale marker and exits 3.

Output in `--out` (default reports/comparison): comparison.md, comparison.json (with every
error), summary.json (no message texts: read by the trainers' page) and the PNG files.
Scoring reuses bot/nlu_tools/evaluate.py.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Dict, List, Optional

from bot.components.labels import CRISIS_URGENCIES, FIELDS, LABELS
from bot.nlu_tools.common import load_agent, parse_all, quiet, read_jsonl, triage_from_parse
from bot.nlu_tools.scoring import BARS, binary_scores, errors, score
from bot.nlu_tools.promote import model_name, read_live, ready_file, sha256

EPSILON = 1e-9
NOT_READY_EXIT = 3
# Without a live model to compare with (none yet, or it no longer runs with the current
# components), the candidate must meet the crisis recall bar of `make evaluate` instead.
CRISIS_RECALL_BAR = next(t for f, m, t in BARS if (f, m) == ("crisis", "recall"))


def predict(model_path: Path, texts: List[str]) -> List[Dict[str, Any]]:
    agent = load_agent(str(model_path))
    try:
        return [triage_from_parse(p) for p in parse_all(agent, texts)]
    finally:
        del agent
        gc.collect()


def inbox_rows(path: Optional[Path], since: Optional[str]) -> List[Dict[str, Any]]:
    if not path or not path.exists():
        return []
    rows = list(read_jsonl(str(path)))
    if since:
        cutoff = datetime.fromisoformat(since)
        rows = [r for r in rows if r.get("decided_at") and datetime.fromisoformat(r["decided_at"]) >= cutoff]
    return [r for r in rows if r.get("text")]


def crisis_by_class(rows, predictions) -> Dict[str, Dict[str, Any]]:
    return {
        label: binary_scores([r.get("urgency") == label for r in rows], [p["urgency"] == label for p in predictions])
        for label in CRISIS_URGENCIES
    }


def set_scores(rows, predictions) -> Dict[str, Any]:
    scores = score(rows, predictions)
    scores["crisis_by_class"] = crisis_by_class(rows, predictions)
    intent_pairs = [(r, p) for r, p in zip(rows, predictions) if r.get("intent")]
    scores["intent_accuracy"] = (
        sum(1 for r, p in intent_pairs if r["intent"] == p["intent"]) / len(intent_pairs) if intent_pairs else None
    )
    scores["errors"] = {field: errors(rows, predictions, field) for field in FIELDS}
    return scores


def label_changes(set_name: str, live: Dict[str, Any], candidate: Dict[str, Any]) -> List[Dict[str, Any]]:
    changes = []
    for field in FIELDS:
        for label in LABELS[field]:
            before, after = live[field]["per_label"][label], candidate[field]["per_label"][label]
            if not after["support"] and not before["support"]:
                continue
            changes.append(
                {
                    "set": set_name,
                    "field": field,
                    "label": label,
                    "support": after["support"],
                    "live": round(before["f1"], 4),
                    "candidate": round(after["f1"], 4),
                    "delta": round(after["f1"] - before["f1"], 4),
                    "recall_live": round(before["recall"], 4),
                    "recall_candidate": round(after["recall"], 4),
                }
            )
    return sorted(changes, key=lambda c: (-abs(c["delta"]), c["set"], c["field"], c["label"]))


def verdict(
    results: Dict[str, Dict[str, Any]], has_live: bool, live_error: Optional[str] = None
) -> tuple[bool, str, Dict[str, Any]]:
    """Ready unless crisis recall drops on a set with crisis messages (or misses the bar without a live model)."""
    crisis = {}
    drops = []
    for set_name, result in results.items():
        after = result["candidate"]["crisis"]
        before = result["live"]["crisis"] if has_live else None
        crisis[set_name] = {
            "support": after["support"],
            "live": before["recall"] if before else None,
            "candidate": after["recall"],
        }
        if has_live and after["support"] and after["recall"] < before["recall"] - EPSILON:
            drops.append(f"{set_name} {before['recall']:.3f} -> {after['recall']:.3f}")
    if not has_live:
        recall = results["heldout"]["candidate"]["crisis"]["recall"]
        why = (f"het live model draait niet met de huidige componenten ({live_error})" if live_error
               else "er is nog geen live model")
        if recall + EPSILON < CRISIS_RECALL_BAR:
            return False, f"{why} en de crisis-recall {recall:.3f} haalt de lat {CRISIS_RECALL_BAR:.2f} niet", crisis
        return True, f"{why}; de crisis-recall {recall:.3f} haalt de lat {CRISIS_RECALL_BAR:.2f}", crisis
    if drops:
        return False, "crisis-recall daalt (" + "; ".join(drops) + ")", crisis
    return True, "crisis-recall daalt niet", crisis


# --- charts ---------------------------------------------------------------------------------


def _short(label: str) -> str:
    return label.replace("_violence", " v.").replace("_", " ")


def charts(out: Path, results: Dict[str, Dict[str, Any]], candidate_name: str, live_name: Optional[str]) -> List[str]:
    import warnings

    with warnings.catch_warnings():  # pyparsing deprecation notices of matplotlib 3.5
        warnings.simplefilter("ignore")
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

    written = []
    heldout = results["heldout"]
    models = [("live: " + live_name, heldout["live"])] if live_name else []
    models.append(("kandidaat: " + candidate_name, heldout["candidate"]))
    for field in FIELDS:
        labels = heldout["candidate"][field]["labels"]
        figure, axes = plt.subplots(1, len(models), figsize=(5.2 * len(models), 4.6), squeeze=False)
        for axis, (title, scores) in zip(axes[0], models):
            matrix = scores[field]["confusion"] or [[0] * len(labels) for _ in labels]
            axis.imshow(matrix, cmap="Blues")
            axis.set_xticks(range(len(labels)))
            axis.set_yticks(range(len(labels)))
            axis.set_xticklabels([_short(l) for l in labels], rotation=40, ha="right", fontsize=8)
            axis.set_yticklabels([_short(l) for l in labels], fontsize=8)
            axis.set_xlabel("voorspeld")
            axis.set_ylabel("juist")
            axis.set_title(f"{title}\n{field}", fontsize=9)
            peak = max((max(row) for row in matrix), default=0) or 1
            for i, row in enumerate(matrix):
                for j, value in enumerate(row):
                    axis.text(j, i, str(value), ha="center", va="center", fontsize=8,
                              color="white" if value > peak / 2 else "black")
        figure.suptitle(f"Verwarringsmatrix {field} (testset)", fontsize=11)
        figure.tight_layout()
        name = f"confusion_{field}.png"
        figure.savefig(out / name, dpi=90)
        plt.close(figure)
        written.append(name)

    for set_name, result in results.items():
        if not result["n"]:
            continue
        rows = [
            (f"{field}: {label}", result["live"][field]["per_label"][label]["f1"] if live_name else None,
             result["candidate"][field]["per_label"][label]["f1"])
            for field in FIELDS
            for label in LABELS[field]
            if result["candidate"][field]["per_label"][label]["support"]
        ]
        if not rows:
            continue
        figure, axis = plt.subplots(figsize=(7.5, 0.32 * len(rows) + 1.4))
        positions = list(range(len(rows)))
        height = 0.38
        if live_name:
            axis.barh([p - height / 2 for p in positions], [r[1] for r in rows], height, label="live", color="#9aa5b1")
        axis.barh([p + height / 2 for p in positions], [r[2] for r in rows], height, label="kandidaat", color="#1f5fa8")
        axis.set_yticks(positions)
        axis.set_yticklabels([r[0] for r in rows], fontsize=8)
        axis.invert_yaxis()
        axis.set_xlim(0, 1.0)
        axis.set_xlabel("F1")
        title = "testset" if set_name == "heldout" else "inbox-voorbeelden sinds het live model"
        axis.set_title(f"F1 per label voor en na ({title}, n={result['n']})", fontsize=10)
        axis.legend(loc="lower right", fontsize=8)
        figure.tight_layout()
        name = f"f1_{set_name}.png"
        figure.savefig(out / name, dpi=90)
        plt.close(figure)
        written.append(name)
    return written


# --- report ---------------------------------------------------------------------------------


def markdown(summary: Dict[str, Any], results: Dict[str, Dict[str, Any]]) -> str:
    out = ["# Candidate vs live model", ""]
    out += [
        f"- candidate: `{summary['candidate']}`",
        f"- live: `{summary['live'] or '(none)'}`" + (f", promoted {summary['live_since']}" if summary.get("live_since") else ""),
        f"- generated: {summary['generated_at']}",
        f"- verdict: **{'READY' if summary['ready'] else 'NOT READY'}**: {summary['reason']}",
        "",
        "| set | n | crisis recall live | crisis recall candidate |",
        "|---|---|---|---|",
    ]
    for set_name, crisis in summary["crisis_recall_by_set"].items():
        live = "-" if crisis["live"] is None else f"{crisis['live']:.3f}"
        out.append(f"| {set_name} | {results[set_name]['n']} (crisis {crisis['support']}) | {live} | {crisis['candidate']:.3f} |")
    out += ["", "## Per-label F1 changes (biggest first)", "", "| set | field | label | support | live | candidate | change |", "|---|---|---|---|---|---|---|"]
    for c in summary["changes"]:
        out.append(f"| {c['set']} | {c['field']} | {c['label']} | {c['support']} | {c['live']:.2f} | {c['candidate']:.2f} | {c['delta']:+.2f} |")
    for set_name, result in results.items():
        if not result["n"]:
            continue
        out += ["", f"## {set_name}: macro-F1 and accuracy", "", "| field | live macro-F1 | candidate macro-F1 | live acc | candidate acc |", "|---|---|---|---|---|"]
        for field in FIELDS:
            live = result["live"][field] if result["live"] else None
            cand = result["candidate"][field]
            out.append(
                f"| {field} | {live['macro_f1']:.3f} | {cand['macro_f1']:.3f} | {live['accuracy']:.3f} | {cand['accuracy']:.3f} |"
                if live else f"| {field} | - | {cand['macro_f1']:.3f} | - | {cand['accuracy']:.3f} |"
            )
        out += ["", "Crisis by class (recall live -> candidate):", ""]
        for label in CRISIS_URGENCIES:
            cand = result["candidate"]["crisis_by_class"][label]
            live = result["live"]["crisis_by_class"][label] if result["live"] else None
            out.append(f"- {label}: {'-' if not live else format(live['recall'], '.3f')} -> {cand['recall']:.3f} (support {cand['support']})")
        out += ["", f"### {set_name}: candidate errors", ""]
        for field, items in result["candidate"]["errors"].items():
            for e in items:
                out.append(f"- {field}: `{e['id']}` gold {e['gold']}, predicted {e['pred']}: {e['text']}")
    out += ["", "Charts: " + ", ".join(f"`{c}`" for c in summary["charts"])]
    return "\n".join(out) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="candidate model vs live model; marks the candidate ready")
    parser.add_argument("--candidate", required=True, help="the candidate model (.tar.gz), e.g. the model of the current data")
    parser.add_argument("--models", default="models", help="models directory with live.json")
    parser.add_argument("--live", help="compare against this model instead of the one in live.json")
    parser.add_argument("--heldout", default="tests/nlu/heldout.jsonl")
    parser.add_argument("--inbox", help="JSON lines from `handoff-admin inbox export` (optional)")
    parser.add_argument("--out", default="reports/comparison")
    args = parser.parse_args(argv)
    quiet()

    models_dir = Path(args.models)
    candidate = Path(args.candidate)
    if not candidate.exists():
        raise SystemExit(f"candidate model not found: {candidate} (run `make train`)")
    live_info = read_live(models_dir)
    live_path = Path(args.live) if args.live else (models_dir / f"{live_info['model']}.tar.gz" if live_info else None)
    if live_path is not None and not live_path.exists():
        raise SystemExit(f"live model not found: {live_path}")
    candidate_name = model_name(candidate)
    live_name = model_name(live_path) if live_path else None
    same = live_name == candidate_name

    sets = {
        "heldout": list(read_jsonl(args.heldout)),
        "inbox": inbox_rows(Path(args.inbox) if args.inbox else None, None if args.live else (live_info or {}).get("promoted_at")),
    }
    texts = [r["text"] for rows in sets.values() for r in rows]
    print(f"held-out: {len(sets['heldout'])}, inbox annotated since the live model: {len(sets['inbox'])}", flush=True)
    print(f"parsing with the candidate {candidate_name} ...", flush=True)
    cand_pred = predict(candidate, texts)
    live_pred = None
    live_error = None
    if live_path is not None:
        print(f"parsing with the live model {live_name} ...", flush=True)
        try:
            live_pred = cand_pred if same else predict(live_path, texts)
        except Exception as error:  # e.g. trained with older custom components
            live_error = f"{type(error).__name__}: {str(error)[:200]}"
            print(f"the live model {live_name} cannot be scored with the current code: {live_error}", flush=True)

    results: Dict[str, Dict[str, Any]] = {}
    offset = 0
    for set_name, rows in sets.items():
        cand = cand_pred[offset : offset + len(rows)]
        live = live_pred[offset : offset + len(rows)] if live_pred is not None else None
        offset += len(rows)
        results[set_name] = {
            "n": len(rows),
            "candidate": set_scores(rows, cand),
            "live": set_scores(rows, live) if live is not None else None,
        }

    ready, reason, crisis = verdict(results, live_pred is not None, live_error)
    changes = []
    if live_pred is not None:
        for set_name, result in results.items():
            if result["n"]:
                changes += label_changes(set_name, result["live"], result["candidate"])
        changes.sort(key=lambda c: (-abs(c["delta"]), c["set"], c["field"], c["label"]))

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.png"):
        old.unlink()
    chart_files = charts(out, results, candidate_name, live_name if live_pred is not None else None)
    generated_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
    summary = {
        "generated_at": generated_at,
        "candidate": candidate_name,
        "live": live_name,
        "live_since": (live_info or {}).get("promoted_at") if not args.live else None,
        "live_error": live_error,
        "ready": ready,
        "reason": reason,
        "crisis_recall": crisis["heldout"],
        "crisis_recall_by_set": crisis,
        "sets": {name: result["n"] for name, result in results.items()},
        "changes": changes,
        "charts": chart_files,
    }
    (out / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    (out / "comparison.json").write_text(json.dumps({"summary": summary, "results": results}, ensure_ascii=False, indent=1), encoding="utf-8")
    (out / "comparison.md").write_text(markdown(summary, results), encoding="utf-8")

    marker = ready_file(models_dir, candidate_name)
    if ready:
        marker.write_text(
            json.dumps(
                {
                    "model": candidate_name,
                    "ready": True,
                    "sha256": sha256(candidate),
                    "compared_with": live_name,
                    "crisis_recall": crisis,
                    "reason": reason,
                    "generated_at": generated_at,
                    "report": str(out / "comparison.md"),
                },
                indent=1,
            )
            + "\n",
            encoding="utf-8",
        )
    elif marker.exists():
        marker.unlink()

    print()
    for set_name, value in crisis.items():
        if results[set_name]["n"] and not value["support"]:
            print(f"crisis recall [{set_name}]: no crisis messages")
        elif results[set_name]["n"]:
            before = "n/a" if value["live"] is None else f"{value['live']:.3f}"
            print(f"crisis recall [{set_name}, {value['support']} crisis messages]: live {before} -> candidate {value['candidate']:.3f}")
    for change in [c for c in changes if abs(c["delta"]) > EPSILON][:12]:
        print(f"  {change['set']:8} {change['field']:9} {change['label']:22} F1 {change['live']:.2f} -> {change['candidate']:.2f} ({change['delta']:+.2f})")
    print(f"report: {out / 'comparison.md'}; charts: {', '.join(chart_files)}")
    if ready:
        print(f"READY: {candidate_name} ({reason}); marked in {marker}. `make promote` makes it live.")
        return 0
    print(f"NOT READY: {candidate_name}: {reason}. `make promote` will refuse it.")
    return NOT_READY_EXIT


if __name__ == "__main__":
    sys.exit(main())
