"""`make evaluate`: the Rasa pipeline beside a scikit-learn baseline, on every labelled set apart.

1. trains the NLU pipeline of config.yml on the training data only (`nlu_data/`);
2. parses every message of every set through rasa's Agent (the live bot's code path):
   - `tests/nlu/heldout.jsonl`, the project's own split: **tuned** (its misses were used to
     extend the lexicon and the data), so its figures flatter;
   - `tests/nlu/sets/*.jsonl`: **independent** sets, written by authors who never saw the training
     data, in different voices; the bars of the issue apply to them; those listed in
     `tests/nlu/sets/development.txt` were tuned on after their first blind score and are scored as
     **development** sets (their figures flatter);
   - `tests/nlu/sealed/*.jsonl`: the **sealed** set, scored only here (`--no-sealed` skips it);
3. trains the baseline of `baseline.py` on the same examples and labels and scores the same sets;
4. prints one table per set and a summary across sets, and writes `reports/nlu_evaluation.md`
   and `reports/nlu_evaluation.json`.

Only aggregate figures are written for the independent and sealed sets (per-field scores,
confusion matrices of counts, calibration error): no text, no individual error, so that nobody
tunes on them. The tuned split also lists its errors.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Dict, List, Tuple

from bot.components.labels import FIELDS
from bot.nlu_tools.common import load_agent, parse_all, quiet, read_jsonl, triage_from_parse
from bot.nlu_tools.scoring import BARS, MAX_BARS, errors, failed_bars, metric, score

TUNED, DEVELOPMENT, INDEPENDENT, SEALED = "tuned", "development", "independent", "sealed"
# Independent sets whose errors were read after their first blind score (listed one name a line
# in this file of the sets directory): scored as `development`, their figures flatter.
DEVELOPMENT_LIST = "development.txt"
KIND_LEGEND = (
    "Kinds: `tuned` = the project's own held-out split (used for tuning, flatters); `development` = "
    "independent sets tuned after their first blind score (flatter; first blind figures in "
    "tests/nlu/sets/README.md); `independent` = written apart from the training data and never tuned on "
    "(the bars apply); `sealed` = scored only by `make evaluate`."
)
# (label, field, metric) of the per-set table, in print order
ROWS: List[Tuple[str, str, str]] = [
    ("theme macro-F1", "theme", "macro_f1"),
    ("age_group accuracy", "age_group", "accuracy"),
    ("role macro-F1", "role", "macro_f1"),
    ("urgency macro-F1", "urgency", "macro_f1"),
    ("crisis caught (crisis or ask)", "crisis", "recall"),
    ("crisis answer precision", "crisis_answer", "precision"),
    ("safety question on non-crisis", "safety_question", "rate_non_crisis"),
    ("crisis label recall", "crisis_label", "recall"),
    ("recent_assault recall", "recent_assault", "recall"),
    ("ECE theme", "theme", "ece"),
    ("ECE age_group", "age_group", "ece"),
    ("ECE role", "role", "ece"),
    ("ECE urgency", "urgency", "ece"),
]
SUMMARY = [row for row in ROWS if row[2] != "ece"][:7]


def discover_sets(heldout: str, sets_dir: str, sealed_dir: str, with_sealed: bool) -> List[Dict[str, Any]]:
    found = [{"name": "heldout", "kind": TUNED, "path": heldout}]
    listed = Path(sets_dir) / DEVELOPMENT_LIST
    development = set(listed.read_text(encoding="utf-8").split()) if listed.is_file() else set()
    paths = sorted(Path(sets_dir).glob("*.jsonl")) if Path(sets_dir).is_dir() else []
    for path in sorted(paths, key=lambda p: (p.stem not in development, p.stem)):
        kind = DEVELOPMENT if path.stem in development else INDEPENDENT
        found.append({"name": path.stem, "kind": kind, "path": str(path)})
    if with_sealed:
        for path in sorted(Path(sealed_dir).glob("*.jsonl")) if Path(sealed_dir).is_dir() else []:
            found.append({"name": path.stem, "kind": SEALED, "path": str(path)})
    for item in found:
        item["rows"] = list(read_jsonl(item["path"]))
    return found


def pooled(sets: List[Dict[str, Any]], kind: str) -> Dict[str, Any] | None:
    members = [s for s in sets if s["kind"] == kind]
    if len(members) < 2:
        return None
    return {
        "name": f"all {kind}", "kind": kind, "pooled": True,
        "rows": [r for s in members for r in s["rows"]],
        "rasa_pred": [p for s in members for p in s["rasa_pred"]],
        "base_pred": [p for s in members for p in s["base_pred"]],
    }


def fmt(value) -> str:
    return "-" if value is None else f"{value:.3f}"


def bar_text(field: str, name: str) -> str:
    for f, m, t in BARS:
        if (f, m) == (field, name):
            return f">= {t:.2f}"
    for f, m, t in MAX_BARS:
        if (f, m) == (field, name):
            return f"<= {t:.2f}"
    return ""


def set_table(item: Dict[str, Any]) -> List[List[str]]:
    lines = []
    for label, field, name in ROWS:
        rasa, base = metric(item["rasa"], field, name), metric(item["base"], field, name)
        if rasa is None and base is None:
            continue
        bar = bar_text(field, name)
        verdict = ""
        if bar and item["kind"] != TUNED and rasa is not None:
            verdict = "FAIL" if f"{field} {name}" in failed_bars(item["rasa"]) else "pass"
        lines.append([label, fmt(rasa), fmt(base), bar, verdict])
    return lines


def render(header: List[str], rows: List[List[str]]) -> str:
    widths = [max(len(str(x)) for x in column) for column in zip(header, *rows)]
    line = "  ".join("{:<" + str(w) + "}" for w in widths)
    return "\n".join([line.format(*header), line.format(*["-" * w for w in widths])] + [line.format(*r) for r in rows])


def summary_table(sets: List[Dict[str, Any]]) -> str:
    header = ["set", "kind", "n"] + [label for label, _, _ in SUMMARY]
    rows = []
    for item in sets:
        cells = [item["name"], item["kind"], str(item["rasa"]["n"])]
        for _, field, name in SUMMARY:
            cells.append(f"{fmt(metric(item['rasa'], field, name))} ({fmt(metric(item['base'], field, name))})")
        rows.append(cells)
    return render(header, rows) + "\n(rasa pipeline, baseline in brackets)"


def confusion_block(scores: Dict[str, Any], field: str) -> List[str]:
    labels = scores[field]["labels"]
    width = max(len(label) for label in labels) + 1
    out = ["```", " " * width + " ".join(f"{label[:8]:>8}" for label in labels)]
    for label, counts in zip(labels, scores[field]["confusion"]):
        out.append(f"{label:<{width}}" + " ".join(f"{c:>8}" for c in counts))
    return out + ["```"]


def markdown(meta: Dict[str, Any], sets: List[Dict[str, Any]]) -> str:
    out = ["# NLU evaluation: Rasa pipeline vs scikit-learn baseline, every set apart", ""]
    out += [f"- {key}: {value}" for key, value in meta.items()]
    out += ["", KIND_LEGEND, "", "## Summary", "", "```", summary_table(sets), "```", ""]
    for item in sets:
        out += [f"## {item['name']} ({item['kind']}, {item['rasa']['n']} messages)", "", "```",
                render(["metric", "rasa", "baseline", "bar", ""], set_table(item)), "```", ""]
        safety = item["rasa"]["safety_question"]
        out += [f"Safety question: {safety['asked_non_crisis']} of {safety['non_crisis']} non-crisis messages, "
                f"{safety['asked_crisis']} crisis messages.", ""]
        for field in FIELDS:
            out += [f"Confusion matrix {field} (Rasa; rows gold, columns predicted):", ""] + confusion_block(item["rasa"], field) + [""]
        if item["kind"] == TUNED and not item.get("pooled"):
            out += ["### Rasa errors (tuned split only)", ""]
            for field in FIELDS:
                items = errors(item["rows"], item["rasa_pred"], field)
                out += [f"- {field} ({len(items)}): " + "; ".join(f"`{e['id']}` {e['gold']}->{e['pred']}" for e in items)]
            out += [""]
    return "\n".join(out) + "\n"


def train_rasa(args) -> Tuple[str, float, Any]:
    from rasa.model_training import train_nlu

    if args.model:
        return args.model, float("nan"), None
    tmp = tempfile.TemporaryDirectory()
    print("training the Rasa NLU pipeline on the training data ...", flush=True)
    start = time.perf_counter()
    domain = args.domain if Path(args.domain).exists() else None
    path = train_nlu(config=args.config, nlu_data=args.data, output=tmp.name, domain=domain, fixed_model_name="evaluate")
    if not path:
        raise SystemExit("rasa NLU training failed")
    return path, time.perf_counter() - start, tmp


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Rasa NLU vs scikit-learn baseline on every labelled set")
    parser.add_argument("--config", default="config.yml")
    parser.add_argument("--domain", default="bot/domain")
    parser.add_argument("--data", default="nlu_data")
    parser.add_argument("--heldout", default="tests/nlu/heldout.jsonl")
    parser.add_argument("--sets", default="tests/nlu/sets", help="directory of independent sets (*.jsonl)")
    parser.add_argument("--sealed", default="tests/nlu/sealed", help="directory of the sealed set")
    parser.add_argument("--no-sealed", action="store_true", help="do not score the sealed set")
    parser.add_argument("--out", default="reports")
    parser.add_argument("--model", help="score this trained model instead of training one")
    args = parser.parse_args(argv)
    os.environ["RASA_MAX_CACHE_SIZE"] = "0"  # train for real: the training time is honest
    quiet()

    sets = discover_sets(args.heldout, args.sets, args.sealed, not args.no_sealed)
    for item in sets:
        print(f"{item['kind']:<11} {item['name']}: {len(item['rows'])} messages", flush=True)

    from bot.nlu_tools.baseline import Baseline, load_examples

    examples = load_examples(args.data)
    training = {" ".join(t.lower().split()) for t, _ in examples}
    for item in sets:
        overlap = sum(1 for r in item["rows"] if " ".join(r["text"].lower().split()) in training)
        if overlap:
            print(f"WARNING: {overlap} texts of {item['name']} also occur in the training data")

    model_path, rasa_train_s, tmp = train_rasa(args)
    agent = load_agent(model_path)
    for item in sets:
        item["rasa_pred"] = [triage_from_parse(p) for p in parse_all(agent, [r["text"] for r in item["rows"]])]
    if tmp is not None:
        tmp.cleanup()

    start = time.perf_counter()
    baseline = Baseline().fit(examples)
    base_train_s = time.perf_counter() - start
    for item in sets:
        item["base_pred"] = baseline.predict([r["text"] for r in item["rows"]])

    for kind in (DEVELOPMENT, INDEPENDENT):
        extra = pooled(sets, kind)
        if extra:
            last = max(i for i, s in enumerate(sets) if s["kind"] == kind)
            sets.insert(last + 1, extra)
    for item in sets:
        item["rasa"] = score(item["rows"], item["rasa_pred"])
        item["base"] = score(item["rows"], item["base_pred"])

    meta = {
        "training examples": len(examples),
        "Rasa NLU training time (s)": f"{rasa_train_s:.1f}",
        "baseline training time (s)": f"{base_train_s:.1f}",
        "config": args.config,
    }
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "nlu_evaluation.md").write_text(markdown(meta, sets), encoding="utf-8")
    report = {
        "meta": meta,
        "sets": [{key: item[key] for key in ("name", "kind", "rasa", "base")} for item in sets],
        # per-message predictions of the tuned split only (the other sets stay aggregate)
        "tuned_predictions": [{"id": r["id"], **p} for s in sets if s["kind"] == TUNED and not s.get("pooled")
                              for r, p in zip(s["rows"], s["rasa_pred"])],
    }
    (out_dir / "nlu_evaluation.json").write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")

    sealed = [item for item in sets if item["kind"] == SEALED]
    if sealed:
        # the figure tests/nlu/test_nlu_sealed.py guards (copied to tests/nlu/sealed_measured.json once)
        crisis = sealed[0]["rasa"]["crisis"]
        (out_dir / "sealed_measured.json").write_text(json.dumps({
            "set": sealed[0]["name"], "crisis_messages": crisis["support"], "crisis_recall": round(crisis["recall"], 4),
            "config": args.config,
        }, indent=1) + "\n", encoding="utf-8")

    for item in sets:
        print(f"\n== {item['name']} ({item['kind']}, {item['rasa']['n']} messages)")
        print(render(["metric", "rasa", "baseline", "bar", ""], set_table(item)))
    print("\n== summary\n" + summary_table(sets))
    print(KIND_LEGEND)
    for item in sets:
        if item["kind"] != TUNED:
            failed = failed_bars(item["rasa"])
            print(f"bars on {item['name']} ({item['kind']}): " + ("all met" if not failed else "NOT met: " + ", ".join(failed)))
    print(f"report: {out_dir / 'nlu_evaluation.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
