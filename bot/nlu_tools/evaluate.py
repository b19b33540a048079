"""`make evaluate`: the Rasa pipeline against a scikit-learn baseline on the held-out split.

1. trains the NLU pipeline of config.yml on the training data only (`nlu_data/`);
2. parses every message of `tests/nlu/heldout.jsonl` (written separately from the
   training data, never sampled from it) through rasa's Agent, the live bot's path;
3. trains the baseline of `baseline.py` on the same training examples and labels;
4. scores both per field: per-label precision/recall/F1, macro-F1, accuracy,
   confusion matrices, crisis recall and precision (acute_danger + suicide_risk
   against none), and for Rasa also recent_assault, the crisis intent override and
   intent accuracy;
5. prints a side-by-side table with the issue's bars and writes
   `reports/nlu_evaluation.md` and `reports/nlu_evaluation.json`.

A held-out field that is null is not scored for that message (the short inform
answers carry only the field they answer).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Dict, List, Optional

from bot.components.labels import CRISIS_URGENCIES, FIELDS, LABELS
from bot.nlu_tools.common import load_agent, parse_all, quiet, read_jsonl, triage_from_parse

BARS = [
    # (field, metric, threshold)
    ("theme", "macro_f1", 0.90),
    ("age_group", "accuracy", 0.95),
    ("role", "macro_f1", 0.85),
    ("crisis", "recall", 0.97),
    ("crisis", "precision", 0.80),
]


def field_scores(gold: List[Optional[str]], pred: List[str], field: str) -> Dict[str, Any]:
    from sklearn.metrics import accuracy_score, confusion_matrix, precision_recall_fscore_support

    pairs = [(g, p) for g, p in zip(gold, pred) if g is not None]
    g_list = [g for g, _ in pairs]
    p_list = [p for _, p in pairs]
    labels = [label for label in LABELS[field] if label in g_list]
    all_labels = list(LABELS[field])
    precision, recall, f1, support = precision_recall_fscore_support(
        g_list, p_list, labels=all_labels, zero_division=0
    )
    per_label = {
        label: {
            "precision": float(precision[i]),
            "recall": float(recall[i]),
            "f1": float(f1[i]),
            "support": int(support[i]),
        }
        for i, label in enumerate(all_labels)
    }
    macro_f1 = sum(per_label[label]["f1"] for label in labels) / len(labels) if labels else 0.0
    return {
        "n": len(pairs),
        "accuracy": float(accuracy_score(g_list, p_list)) if pairs else 0.0,
        "macro_f1": macro_f1,
        "per_label": per_label,
        "labels": all_labels,
        "confusion": confusion_matrix(g_list, p_list, labels=all_labels).tolist() if pairs else [],
    }


def binary_scores(gold: List[bool], pred: List[bool]) -> Dict[str, Any]:
    tp = sum(1 for g, p in zip(gold, pred) if g and p)
    fp = sum(1 for g, p in zip(gold, pred) if not g and p)
    fn = sum(1 for g, p in zip(gold, pred) if g and not p)
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "support": tp + fn,
        "recall": tp / (tp + fn) if tp + fn else 0.0,
        "precision": tp / (tp + fp) if tp + fp else 0.0,
    }


def score(rows: List[Dict[str, Any]], predictions: List[Dict[str, Any]]) -> Dict[str, Any]:
    result: Dict[str, Any] = {}
    for field in FIELDS:
        result[field] = field_scores([r.get(field) for r in rows], [p[field] for p in predictions], field)
    result["crisis"] = binary_scores(
        [r.get("urgency") in CRISIS_URGENCIES for r in rows],
        [p["urgency"] in CRISIS_URGENCIES for p in predictions],
    )
    return result


def rasa_extras(rows: List[Dict[str, Any]], predictions: List[Dict[str, Any]]) -> Dict[str, Any]:
    extras: Dict[str, Any] = {
        "recent_assault": binary_scores(
            [bool(r.get("recent_assault")) for r in rows], [p["recent_assault"] for p in predictions]
        ),
        # every crisis message (urgency or recent assault) must end with the crisis intent
        "crisis_intent": binary_scores(
            [r.get("urgency") in CRISIS_URGENCIES or bool(r.get("recent_assault")) for r in rows],
            [p["intent"] == "crisis" for p in predictions],
        ),
    }
    # crisis recall per batch of the held-out split (v1 was used while developing the lexicon,
    # v2 was written afterwards and not used for tuning)
    extras["crisis_by_batch"] = {}
    for batch in sorted({r.get("batch") for r in rows if r.get("batch")}):
        pairs = [(r, p) for r, p in zip(rows, predictions) if r.get("batch") == batch]
        extras["crisis_by_batch"][batch] = binary_scores(
            [r.get("urgency") in CRISIS_URGENCIES for r, _ in pairs],
            [p["urgency"] in CRISIS_URGENCIES for _, p in pairs],
        )
    with_intent = [(r, p) for r, p in zip(rows, predictions) if r.get("intent")]
    extras["intent_accuracy"] = (
        sum(1 for r, p in with_intent if r["intent"] == p["intent"]) / len(with_intent) if with_intent else 0.0
    )
    extras["intent_n"] = len(with_intent)
    return extras


def errors(rows, predictions, field: str) -> List[Dict[str, Any]]:
    return [
        {"id": r["id"], "text": r["text"], "gold": r.get(field), "pred": p[field]}
        for r, p in zip(rows, predictions)
        if r.get(field) is not None and r.get(field) != p[field]
    ]


def table(rasa: Dict[str, Any], base: Dict[str, Any], extras: Dict[str, Any]) -> List[List[str]]:
    rows = []
    bars = {(f, m): t for f, m, t in BARS}

    def line(field, metric, r_value, b_value):
        bar = bars.get((field, metric))
        verdict = ""
        if bar is not None:
            verdict = f">= {bar:.2f} {'PASS' if r_value >= bar else 'FAIL'}"
        versus = "" if b_value is None else ("rasa" if r_value > b_value + 1e-9 else "tie" if abs(r_value - b_value) <= 1e-9 else "BASELINE")
        rows.append(
            [field, metric, f"{r_value:.3f}", "-" if b_value is None else f"{b_value:.3f}", versus, verdict]
        )

    for field in FIELDS:
        line(field, "macro_f1", rasa[field]["macro_f1"], base[field]["macro_f1"])
        line(field, "accuracy", rasa[field]["accuracy"], base[field]["accuracy"])
    line("crisis", "recall", rasa["crisis"]["recall"], base["crisis"]["recall"])
    line("crisis", "precision", rasa["crisis"]["precision"], base["crisis"]["precision"])
    for batch, value in extras.get("crisis_by_batch", {}).items():
        line(f"crisis [{batch}]", "recall", value["recall"], None)
    line("recent_assault", "recall", extras["recent_assault"]["recall"], None)
    line("recent_assault", "precision", extras["recent_assault"]["precision"], None)
    line("crisis_intent", "recall", extras["crisis_intent"]["recall"], None)
    line("intent", "accuracy", extras["intent_accuracy"], None)
    return rows


def render_table(rows: List[List[str]]) -> str:
    header = ["field", "metric", "rasa", "baseline", "better", "bar"]
    widths = [max(len(str(x)) for x in column) for column in zip(header, *rows)]
    fmt = "  ".join("{:<" + str(w) + "}" for w in widths)
    return "\n".join([fmt.format(*header), fmt.format(*["-" * w for w in widths])] + [fmt.format(*r) for r in rows])


def markdown_report(meta, rasa, base, extras, rows_table, rasa_errors, base_errors) -> str:
    out = ["# NLU evaluation: Rasa pipeline vs scikit-learn baseline", ""]
    out += [f"- {key}: {value}" for key, value in meta.items()]
    out += ["", "## Summary", "", "```", render_table(rows_table), "```", ""]
    wins = [r[0] + " " + r[1] for r in rows_table if r[4] == "BASELINE"]
    if wins:
        out += ["Where the baseline is better: " + ", ".join(wins) + ".", ""]
        if "crisis precision" in wins:
            out += [
                "Crisis precision is lower by design: the UrgencyDetector flags a crisis from a 0.3 "
                "probability or a lexicon hit, because a missed crisis is the worst failure. The baseline's "
                f"higher precision comes with a crisis recall of {base['crisis']['recall']:.3f}.",
                "",
            ]
    for field in FIELDS:
        out += [f"## {field}", ""]
        out += ["| label | rasa P | rasa R | rasa F1 | base P | base R | base F1 | support |", "|---|---|---|---|---|---|---|---|"]
        for label in LABELS[field]:
            r, b = rasa[field]["per_label"][label], base[field]["per_label"][label]
            out.append(
                f"| {label} | {r['precision']:.2f} | {r['recall']:.2f} | {r['f1']:.2f} | "
                f"{b['precision']:.2f} | {b['recall']:.2f} | {b['f1']:.2f} | {r['support']} |"
            )
        for name, scores in (("Rasa", rasa), ("baseline", base)):
            labels = scores[field]["labels"]
            out += ["", f"Confusion matrix ({name}; rows gold, columns predicted):", "", "```"]
            width = max(len(l) for l in labels) + 1
            out.append(" " * width + " ".join(f"{l[:8]:>8}" for l in labels))
            for label, counts in zip(labels, scores[field]["confusion"]):
                out.append(f"{label:<{width}}" + " ".join(f"{c:>8}" for c in counts))
            out += ["```"]
        out += [""]
    out += ["## Crisis", ""]
    for name, value in (("Rasa crisis", rasa["crisis"]), ("baseline crisis", base["crisis"]),
                        ("Rasa recent_assault", extras["recent_assault"]), ("Rasa crisis intent", extras["crisis_intent"])):
        out.append(f"- {name}: recall {value['recall']:.3f}, precision {value['precision']:.3f} "
                   f"(tp {value['tp']}, fp {value['fp']}, fn {value['fn']})")
    out += ["", "## Rasa errors", ""]
    for field, items in rasa_errors.items():
        out += [f"### {field} ({len(items)})", ""]
        out += [f"- `{e['id']}` gold {e['gold']}, predicted {e['pred']}: {e['text']}" for e in items]
        out += [""]
    out += ["## Baseline errors (counts)", ""]
    out += [f"- {field}: {len(items)}" for field, items in base_errors.items()]
    return "\n".join(out) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Rasa NLU vs scikit-learn baseline on the held-out split")
    parser.add_argument("--config", default="config.yml")
    parser.add_argument("--domain", default="bot/domain")
    parser.add_argument("--data", default="nlu_data")
    parser.add_argument("--heldout", default="tests/nlu/heldout.jsonl")
    parser.add_argument("--out", default="reports")
    parser.add_argument("--model", help="score this trained model instead of training one")
    args = parser.parse_args(argv)
    # train for real: no reuse of Rasa's training cache, so the training time is honest
    os.environ["RASA_MAX_CACHE_SIZE"] = "0"
    quiet()

    rows = list(read_jsonl(args.heldout))
    texts = [r["text"] for r in rows]
    print(f"held-out: {len(rows)} messages from {args.heldout}", flush=True)

    from rasa.model_training import train_nlu

    from bot.nlu_tools.baseline import Baseline, load_examples

    examples = load_examples(args.data)
    overlap = {t.strip().lower() for t, _ in examples} & {t.strip().lower() for t in texts}
    if overlap:
        print(f"WARNING: {len(overlap)} held-out texts also occur in the training data: {sorted(overlap)[:5]}")

    with tempfile.TemporaryDirectory() as tmp:
        if args.model:
            model_path, rasa_train_s = args.model, float("nan")
        else:
            print("training the Rasa NLU pipeline on the training data ...", flush=True)
            start = time.perf_counter()
            domain = args.domain if Path(args.domain).exists() else None
            model_path = train_nlu(config=args.config, nlu_data=args.data, output=tmp, domain=domain, fixed_model_name="evaluate")
            rasa_train_s = time.perf_counter() - start
            if not model_path:
                raise SystemExit("rasa NLU training failed")
        agent = load_agent(model_path)
        rasa_pred = [triage_from_parse(p) for p in parse_all(agent, texts)]

    start = time.perf_counter()
    baseline = Baseline().fit(examples)
    base_train_s = time.perf_counter() - start
    base_pred = baseline.predict(texts)

    rasa_scores = score(rows, rasa_pred)
    base_scores = score(rows, base_pred)
    extras = rasa_extras(rows, rasa_pred)
    rows_table = table(rasa_scores, base_scores, extras)
    rasa_errors = {field: errors(rows, rasa_pred, field) for field in FIELDS}
    rasa_errors["recent_assault"] = [
        {"id": r["id"], "text": r["text"], "gold": bool(r.get("recent_assault")), "pred": p["recent_assault"]}
        for r, p in zip(rows, rasa_pred) if bool(r.get("recent_assault")) != p["recent_assault"]
    ]
    base_errors = {field: errors(rows, base_pred, field) for field in FIELDS}

    meta = {
        "held-out messages": len(rows),
        "training examples": len(examples),
        "Rasa NLU training time (s)": f"{rasa_train_s:.1f}",
        "baseline training time (s)": f"{base_train_s:.1f}",
        "config": args.config,
    }
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "nlu_evaluation.md").write_text(
        markdown_report(meta, rasa_scores, base_scores, extras, rows_table, rasa_errors, base_errors), encoding="utf-8"
    )
    (out_dir / "nlu_evaluation.json").write_text(
        json.dumps(
            {"meta": meta, "rasa": rasa_scores, "baseline": base_scores, "rasa_extras": extras,
             "rasa_errors": rasa_errors, "predictions": [{"id": r["id"], **p} for r, p in zip(rows, rasa_pred)]},
            ensure_ascii=False, indent=1,
        ),
        encoding="utf-8",
    )
    print()
    print(render_table(rows_table))
    print()
    baseline_wins = [r[0] + " " + r[1] for r in rows_table if r[4] == "BASELINE"]
    if baseline_wins:
        print("baseline better on: " + ", ".join(baseline_wins))
        if "crisis precision" in baseline_wins:
            print(
                f"  (crisis precision: the pipeline flags a crisis from a 0.3 probability or a lexicon hit, "
                f"recall first; the baseline's precision comes with recall {base_scores['crisis']['recall']:.3f})"
            )
    failed = [r[0] + " " + r[1] for r in rows_table if r[5].endswith("FAIL")]
    print("bars: " + ("all met" if not failed else "NOT met: " + ", ".join(failed)))
    print(f"report: {out_dir / 'nlu_evaluation.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
