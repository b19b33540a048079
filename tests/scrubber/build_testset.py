"""Turn scrub_testset.src.txt (inline [[TYPE:text]] marks) into scrub_testset.jsonl.

Run from anywhere: python tests/scrubber/build_testset.py [NAME.src.txt ...]
(default: scrub_testset.src.txt and scrub_challenge.src.txt; each X.src.txt gives X.jsonl)
Each output line: {"text": ..., "spans": [{"start", "end", "type", "text"}]}.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "scrub_testset.src.txt"
OUT = HERE / "scrub_testset.jsonl"

TYPES = {
    "NAAM", "TELEFOON", "EMAIL", "ADRES", "POSTCODE", "IBAN", "RIJKSREGISTERNUMMER",
    "BSN", "URL", "GEBRUIKERSNAAM", "SCHOOL", "DATUM",
}
MARK = re.compile(r"\[\[([A-Z]+):(.*?)\]\]")


def parse(line: str) -> dict:
    text, spans, pos = [], [], 0
    length = 0
    for m in MARK.finditer(line):
        before = line[pos:m.start()]
        text.append(before)
        length += len(before)
        kind, value = m.group(1), m.group(2)
        if kind not in TYPES:
            raise ValueError(f"unknown type {kind!r} in: {line}")
        spans.append({"start": length, "end": length + len(value), "type": kind, "text": value})
        text.append(value)
        length += len(value)
        pos = m.end()
    text.append(line[pos:])
    joined = "".join(text)
    if "[[" in joined or "]]" in joined:
        raise ValueError(f"unbalanced mark in: {line}")
    return {"text": joined, "spans": spans}


def build(src: Path) -> list[dict]:
    rows = []
    for raw in src.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        rows.append(parse(line))
    return rows


def main() -> None:
    sources = [Path(a) for a in sys.argv[1:]] or [SRC, HERE / "scrub_challenge.src.txt"]
    for src in sources:
        src = src if src.is_absolute() else Path.cwd() / src
        out = src.with_name(src.name.replace(".src.txt", ".jsonl"))
        rows = build(src)
        with out.open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"wrote {len(rows)} sentences to {out}")


if __name__ == "__main__":
    main()
