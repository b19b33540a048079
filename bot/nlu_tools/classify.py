"""Classify messages with the trained model: `make -s classify FILE=messages.jsonl`.

Input: JSON lines {"id": ..., "text": ...}. Output, one JSON line per input line:

    {"id": ..., "theme": ..., "age_group": ..., "role": ..., "urgency": ...,
     "urgency_action": "crisis" | "ask" | "none",
     "confidence": {"theme": 0.93, "age_group": 0.88, "role": 0.91, "urgency": 0.99}}

`urgency_action` is what the bot does with the message: the crisis answer at once, the safety
question ("Ben je nu in gevaar?"), or nothing special. The confidences are calibrated
probabilities (`make evaluate` reports their expected calibration error).

Each message goes through rasa's Agent.parse_message, the code path of the live
bot (the same pipeline, the same custom components); the labels are the
entities the bot's actions read.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from bot.nlu_tools.common import load_agent, parse_all, quiet, read_jsonl, triage_from_parse


def classify_lines(agent, rows):
    texts = [str(row.get("text") or "") for row in rows]
    for row, parse in zip(rows, parse_all(agent, texts)):
        triage = triage_from_parse(parse)
        yield {
            "id": row.get("id"),
            "theme": triage["theme"],
            "age_group": triage["age_group"],
            "role": triage["role"],
            "urgency": triage["urgency"],
            "urgency_action": triage["urgency_action"],
            "confidence": {field: round(score, 4) for field, score in triage["confidence"].items()},
        }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", required=True, help="trained model (.tar.gz)")
    parser.add_argument("file", nargs="?", default="-", help="JSON lines file ('-' or nothing: stdin)")
    parser.add_argument("--timing", action="store_true", help="print parse time to stderr")
    args = parser.parse_args(argv)
    if args.file in ("", "-"):
        if sys.stdin.isatty():
            parser.error("give FILE=path.jsonl (or pipe JSON lines into stdin)")
        rows = [json.loads(line) for line in sys.stdin if line.strip()]
    else:
        rows = list(read_jsonl(args.file))
    for number, row in enumerate(rows, 1):
        if not isinstance(row, dict) or "text" not in row:
            raise SystemExit(f"line {number}: expected an object with 'id' and 'text'")
    quiet()
    agent = load_agent(args.model)
    start = time.perf_counter()
    out = sys.stdout
    for result in classify_lines(agent, rows):
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
    out.flush()
    if args.timing:
        print(f"{len(rows)} messages in {time.perf_counter() - start:.2f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
