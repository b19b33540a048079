"""Authored training examples (JSON lines) into Rasa NLU data, checked on the way in.

    python -m bot.nlu_tools.import_examples --model models/helpline-....tar.gz \\
        --out nlu_data/authored_<voice>.yml data/train/<voice>.jsonl

Each line: {"text", "theme", "age_group", "role", "urgency", "recent_assault"} (LABELLING.md).

- every label must be one of the contract's values; a line that is not is reported and skipped;
- near-duplicates are dropped: a text whose character n-gram cosine similarity with an example
  already in `nlu_data/` (or an earlier line) reaches `--max-similarity`;
- the intent: `crisis` for acute_danger or suicide_risk, `tell_story` for a message about
  violence; a message without violence (theme other) gets the conversational intent the current
  model reads for it (a question about the hours is `ask_hours`), else `tell_story`;
- lines whose labels disagree with a rule of the guide (a stated own age and the age group, a
  joke cue and a crisis label) are listed for a person to check; they are not changed here.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional

from bot.components import age as age_rules
from bot.components import clauses
from bot.components.labels import CRISIS_URGENCIES, LABELS
from bot.components.textnorm import normalize

CONVERSATIONAL_TARGETS = {
    "ask_hours", "ask_email", "ask_appointment", "ask_anonymity", "ask_emergency_numbers", "ask_is_bot",
    "request_human", "want_to_tell", "out_of_scope", "greet", "thanks", "bye",
}
FIELDS = ("theme", "age_group", "role", "urgency")


def read_lines(paths: List[str]) -> List[Dict[str, Any]]:
    rows = []
    for path in paths:
        for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                print(f"{path}:{number}: not JSON ({error}); skipped", file=sys.stderr)
                continue
            bad = [f for f in FIELDS if row.get(f) not in LABELS[f]]
            if not isinstance(row.get("text"), str) or not row["text"].strip() or bad:
                print(f"{path}:{number}: invalid {bad or 'text'}; skipped", file=sys.stderr)
                continue
            row["text"] = " ".join(row["text"].split())
            row["where"] = f"{path}:{number}"
            rows.append(row)
    return rows


def existing_texts(data: str) -> List[str]:
    from rasa.shared.nlu.training_data.loading import load_data

    return [example.get("text") for example in load_data(data).intent_examples]


def drop_near_duplicates(rows: List[Dict[str, Any]], known: List[str], limit: float) -> List[Dict[str, Any]]:
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)
    vectorizer.fit(known + [r["text"] for r in rows])
    known_matrix = vectorizer.transform([normalize(t) for t in known]) if known else None
    kept: List[Dict[str, Any]] = []
    kept_matrix = None
    import scipy.sparse as sp

    for row in rows:
        vector = vectorizer.transform([normalize(row["text"])])
        similar = 0.0
        for matrix in (known_matrix, kept_matrix):
            if matrix is not None and matrix.shape[0]:
                similar = max(similar, float((matrix @ vector.T).max()))
        if similar >= limit:
            print(f"{row['where']}: near-duplicate (cosine {similar:.2f}); dropped", file=sys.stderr)
            continue
        kept.append(row)
        kept_matrix = vector if kept_matrix is None else sp.vstack([kept_matrix, vector])
    return kept


def guide_conflicts(row: Dict[str, Any]) -> List[str]:
    norm = normalize(row["text"])
    found = age_rules.own_age(norm)
    problems = []
    if found is not None and age_rules.age_group_of(found.age) != row["age_group"] and row["role"] != "professional":
        problems.append(f"states own age {found.age} but age_group {row['age_group']}")
    if row["urgency"] in CRISIS_URGENCIES and clauses.clause_vector(norm)[0]:
        problems.append(f"{row['urgency']} with a joke cue")
    if row.get("recent_assault") and row["theme"] != "sexual_violence":
        problems.append("recent_assault without sexual_violence")
    return problems


def intents(rows: List[Dict[str, Any]], model: Optional[str], read: Optional[Dict[str, str]] = None) -> List[str]:
    """The intent of each row; `read` (text -> intent the model read) instead of loading `model`."""
    result = ["crisis" if r["urgency"] in CRISIS_URGENCIES else "tell_story" for r in rows]
    others = [i for i, r in enumerate(rows) if r["theme"] == "other" and result[i] == "tell_story"]
    if read is not None:
        for index in others:
            best = read.get(rows[index]["text"], "tell_story")
            result[index] = best if best in CONVERSATIONAL_TARGETS else "tell_story"
    elif model and others:
        from bot.nlu_tools.common import load_agent, parse_all, quiet

        quiet()
        agent = load_agent(model)
        for index, parse in zip(others, parse_all(agent, [rows[i]["text"] for i in others])):
            ranking = [r["name"] for r in parse.get("intent_ranking", []) if r["name"] not in ("crisis", "safety_check")]
            best = ranking[0] if ranking else "tell_story"
            result[index] = best if best in CONVERSATIONAL_TARGETS else "tell_story"
    return result


def to_yaml(rows: List[Dict[str, Any]], names: List[str], source: str) -> str:
    out = [
        'version: "3.1"',
        "",
        f"# Authored examples from {source}, imported by bot/nlu_tools/import_examples.py",
        "# (labels per LABELLING.md; near-duplicates dropped; intent of a message without violence as the model read it).",
        "",
        "nlu:",
    ]
    for intent in sorted(set(names)):
        out += [f"- intent: {intent}", "  examples:"]
        for row, name in zip(rows, names):
            if name != intent:
                continue
            labels = ", ".join(f"{f}: {row[f]}" for f in FIELDS)
            out += [f"  - text: {json.dumps(row['text'], ensure_ascii=False)}",
                    f"    metadata: {{triage: {{{labels}}}}}"]
    return "\n".join(out) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+")
    parser.add_argument("--out", required=True)
    parser.add_argument("--data", default="nlu_data", help="existing NLU data (near-duplicates against it)")
    parser.add_argument("--model", help="trained model that reads the intent of messages without violence")
    parser.add_argument("--intents-read", help="JSON {text: intent} the model read (instead of --model)")
    parser.add_argument("--max-similarity", type=float, default=0.85)
    args = parser.parse_args(argv)
    rows = read_lines(args.files)
    known = [t for t in existing_texts(args.data)] if Path(args.data).exists() else []
    out_path = Path(args.out)
    if out_path.exists():  # re-importing the same file: compare with the rest of the data only
        own = set(existing_texts(str(out_path)))
        known = [t for t in known if t not in own]
    rows = drop_near_duplicates(rows, known, args.max_similarity)
    for row in rows:
        for problem in guide_conflicts(row):
            print(f"CHECK {row['where']}: {problem}", file=sys.stderr)
    read = json.loads(Path(args.intents_read).read_text(encoding="utf-8")) if args.intents_read else None
    names = intents(rows, args.model, read)
    out_path.write_text(to_yaml(rows, names, ", ".join(Path(f).name for f in args.files)), encoding="utf-8")
    counts: Dict[str, int] = {}
    for name in names:
        counts[name] = counts.get(name, 0) + 1
    print(f"{out_path}: {len(rows)} examples {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
