"""Measure the scrubber on a labelled test set (JSON lines: {"text", "spans": [{"start", "end", "type"}]}).

    python -m handoff_api.scrubber.evaluate tests/scrubber/scrub_testset.jsonl [--json]

Per type:
  recall    a labelled span counts as found when predictions of the same type cover every
            non-space character of it (nothing of it is left readable);
  masked    the same, but a prediction of any type counts (the data is hidden, maybe under the
            wrong placeholder);
  precision a prediction counts as correct when it overlaps a labelled span of its type.
False positives on ordinary words: predictions overlapping no labelled span at all.
Bars of issue 11 over a whole set: structured recall (every type but NAAM and SCHOOL, pooled),
name recall, and the share of lines without personal data that are left unchanged.
Exits 1 when a bar below is not met (a per-type bar counts only where the set has that type).
A set given with --blind is reported by its figures only, never its texts (also in --json);
--role PATH=ROLE prints a set's role (tuned, blind ...) beside its figures.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .scrubber import LABELS, Scrubber, Span

BARS = {
    "TELEFOON": 0.98, "EMAIL": 0.98, "IBAN": 0.98, "RIJKSREGISTERNUMMER": 0.98, "BSN": 0.98,
    "URL": 0.98, "NAAM": 0.85,
}
STRUCTURED = tuple(label for label in LABELS if label not in ("NAAM", "SCHOOL"))
SET_BARS = {"structured recall": 0.99, "name recall": 0.92, "ordinary lines unchanged": 0.97}


@dataclass
class TypeScore:
    gold: int = 0
    found: int = 0
    masked: int = 0
    predicted: int = 0
    correct: int = 0

    @property
    def recall(self) -> float | None:
        return self.found / self.gold if self.gold else None

    @property
    def masked_recall(self) -> float | None:
        return self.masked / self.gold if self.gold else None

    @property
    def precision(self) -> float | None:
        return self.correct / self.predicted if self.predicted else None


@dataclass
class Report:
    sentences: int = 0
    clean_sentences: int = 0
    clean_sentences_altered: int = 0
    scores: dict[str, TypeScore] = field(default_factory=lambda: {t: TypeScore() for t in LABELS})
    misses: list[dict] = field(default_factory=list)
    false_positives: list[dict] = field(default_factory=list)
    wrong_type: list[dict] = field(default_factory=list)

    def set_figures(self) -> dict[str, tuple[int, int]]:
        """(hits, total) for each bar of SET_BARS."""
        structured = [self.scores[label] for label in STRUCTURED]
        return {
            "structured recall": (sum(s.found for s in structured), sum(s.gold for s in structured)),
            "name recall": (self.scores["NAAM"].found, self.scores["NAAM"].gold),
            "ordinary lines unchanged": (self.clean_sentences - self.clean_sentences_altered, self.clean_sentences),
        }

    def failed_bars(self) -> list[str]:
        failed = []
        for label, bar in BARS.items():
            recall = self.scores[label].recall
            if recall is not None and recall < bar:
                failed.append(f"{label}: recall {round(recall, 3)} < {bar}")
        for name, (hits, total) in self.set_figures().items():
            if total and hits / total < SET_BARS[name]:
                failed.append(f"{name} {hits / total:.3f} < {SET_BARS[name]}")
        return failed

    def as_dict(self) -> dict:
        return {
            "sentences": self.sentences,
            "clean_sentences": self.clean_sentences,
            "clean_sentences_altered": self.clean_sentences_altered,
            "types": {t: {"gold": s.gold, "found": s.found, "masked": s.masked,
                          "predicted": s.predicted, "correct": s.correct, "recall": s.recall,
                          "masked_recall": s.masked_recall, "precision": s.precision}
                      for t, s in self.scores.items()},
            "false_positives": self.false_positives,
            "misses": self.misses,
            "wrong_type": self.wrong_type,
            "set_figures": {k: {"hits": h, "total": t, "value": h / t if t else None}
                            for k, (h, t) in self.set_figures().items()},
            "failed_bars": self.failed_bars(),
        }


def load(path: str | Path) -> list[dict]:
    rows = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            rows.append(json.loads(line))
    return rows


def _covered(text: str, start: int, end: int, spans: list[Span]) -> bool:
    for pos in range(start, end):
        if text[pos].isspace():
            continue
        if not any(s.start <= pos < s.end for s in spans):
            return False
    return True


def evaluate(rows: list[dict], scrubber: Scrubber | None = None) -> Report:
    scrubber = scrubber or Scrubber()
    report = Report()
    for row in rows:
        text, gold = row["text"], row["spans"]
        predicted = scrubber.find(text)
        report.sentences += 1
        if not gold:
            report.clean_sentences += 1
            report.clean_sentences_altered += bool(predicted)
        for g in gold:
            score = report.scores[g["type"]]
            score.gold += 1
            same = [p for p in predicted if p.label == g["type"]]
            if _covered(text, g["start"], g["end"], same):
                score.found += 1
            else:
                report.misses.append({"type": g["type"], "gold": text[g["start"]:g["end"]], "text": text,
                                      "predicted": [p.as_dict() for p in predicted]})
            if _covered(text, g["start"], g["end"], predicted):
                score.masked += 1
        for p in predicted:
            score = report.scores[p.label]
            score.predicted += 1
            overlapping = [g for g in gold if g["start"] < p.end and p.start < g["end"]]
            if any(g["type"] == p.label for g in overlapping):
                score.correct += 1
            elif overlapping:
                report.wrong_type.append({"type": p.label, "span": p.text, "gold_types": sorted({g["type"] for g in overlapping}),
                                          "text": text})
            else:
                report.false_positives.append({"type": p.label, "span": p.text, "text": text})
    return report


def _ratio(hits: int, total: int) -> str:
    return f"{hits / total:6.3f} ({hits}/{total})" if total else "   -  (0/0)"


def _ok(hits: int, total: int, bar: float) -> str:
    return "-" if not total else ("ok" if hits / total >= bar else "FAIL")


def print_summary(reports: list[tuple[str, Report]], out=None, roles: dict[str, str] | None = None) -> None:
    """One line per test set: its role (tuned, blind ...) and the three bars of issue 11 side by side."""
    w = (out or sys.stdout).write
    names = list(SET_BARS)
    roles = roles or {}
    role_width = max([len(r) for r in roles.values()] + [4]) + 2
    w("\nSummary (issue 11 bars: " + ", ".join(f"{n} ≥{SET_BARS[n]}" for n in names) + ")\n")
    w(f"{'set':<28}{'role':<{role_width}}{'lines':>6}  " + "".join(f"{n:<28}" for n in names) + "bars\n")
    for path, report in reports:
        figures = report.set_figures()
        cells = "".join(f"{_ratio(*figures[n]) + ' ' + _ok(*figures[n], SET_BARS[n]):<28}" for n in names)
        role = roles.get(_key(path), "")
        w(f"{Path(path).name:<28}{role:<{role_width}}{report.sentences:>6}  {cells}"
          f"{'FAIL' if report.failed_bars() else 'ok'}\n")


def _key(path: str | Path) -> str:
    return str(Path(path).resolve())


def _roles(pairs: list[str], blind: set[str]) -> dict[str, str]:
    """--role PATH=TEXT pairs by resolved path; a blind set without a role is "blind"."""
    roles = {}
    for pair in pairs:
        path, sep, role = pair.partition("=")
        if not sep or not role.strip():
            raise SystemExit(f"--role needs PATH=ROLE, got {pair!r}")
        roles[_key(path)] = role.strip()
    for path in blind:
        roles.setdefault(path, "blind")
    return roles


def _fmt(value: float | None) -> str:
    return "   -  " if value is None else f"{value:6.3f}"


def print_report(report: Report, out=None, examples: int = 25) -> None:
    w = (out or sys.stdout).write
    w(f"Scrubber evaluation: {report.sentences} sentences, {report.clean_sentences} without personal data\n\n")
    w(f"{'type':<21}{'gold':>5}{'found':>7}{'recall':>8}{'masked':>8}{'pred':>6}{'prec':>8}   bar\n")
    for label in LABELS:
        s = report.scores[label]
        bar = BARS.get(label)
        status = ""
        if bar is not None and s.recall is not None:
            status = f"≥{bar:.2f} " + ("ok" if s.recall >= bar else "FAIL")
        w(f"{label:<21}{s.gold:>5}{s.found:>7}{_fmt(s.recall):>8}{_fmt(s.masked_recall):>8}"
          f"{s.predicted:>6}{_fmt(s.precision):>8}   {status}\n")
    total_gold = sum(s.gold for s in report.scores.values())
    total_masked = sum(s.masked for s in report.scores.values())
    w(f"\nAll personal data hidden (any placeholder): {total_masked}/{total_gold}\n")
    w(f"Sentences without personal data that were altered: {report.clean_sentences_altered}/{report.clean_sentences}\n")
    w("\nIssue 11 bars:\n")
    for name, (hits, total) in report.set_figures().items():
        w(f"  {name:<26}{_ratio(hits, total)}   ≥{SET_BARS[name]:.2f} {_ok(hits, total, SET_BARS[name])}\n")
    w(f"\nFalse positives on ordinary words (no labelled span overlapped): {len(report.false_positives)}\n")
    by_type: dict[str, list[dict]] = defaultdict(list)
    for fp in report.false_positives:
        by_type[fp["type"]].append(fp)
    for label, items in sorted(by_type.items()):
        w(f"  {label}: {len(items)}\n")
        for fp in items[:examples]:
            w(f"    {fp['span']!r:<28} in: {fp['text']}\n")
    if report.wrong_type:
        w(f"\nHidden under the wrong placeholder: {len(report.wrong_type)}\n")
        for item in report.wrong_type[:examples]:
            w(f"    {item['span']!r} as {item['type']} (labelled {', '.join(item['gold_types'])}) in: {item['text']}\n")
    if report.misses:
        w(f"\nMissed (not fully covered by its own type): {len(report.misses)}\n")
        for miss in report.misses[:examples * 3]:
            w(f"    {miss['type']:<20} {miss['gold']!r:<32} in: {miss['text']}\n")
    failed = report.failed_bars()
    w("\n" + ("BARS FAILED: " + "; ".join(failed) if failed else "All recall bars met.") + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("testsets", nargs="+", metavar="testset",
                        help="JSON lines file(s) with text and labelled spans; each is reported on its own")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--blind", metavar="PATH", action="append", default=[],
                        help="a set to report by figures only, without its texts (an independent set stays "
                             "blind for whoever reads the output)")
    parser.add_argument("--role", metavar="PATH=ROLE", action="append", default=[],
                        help="the set's role, printed beside its figures, e.g. "
                             "'tests/scrubber/scrub_testset.jsonl=tuned'")
    parser.add_argument("--plain", metavar="PATH", action="append", default=[],
                        help="also report what is changed in unlabelled ordinary text: a .txt file (one "
                             "sentence a line) or a directory/file of Rasa NLU YAML (e.g. nlu_data); "
                             "reported only, no bar")
    args = parser.parse_args(argv)
    scrubber = Scrubber()
    reports = [(path, evaluate(load(path), scrubber)) for path in args.testsets]
    plain = [plain_report(Path(p), scrubber) for p in args.plain]
    blind = {_key(p) for p in args.blind}
    roles = _roles(args.role, blind)
    if args.json:
        out = {path: _figures_only(report.as_dict()) if _key(path) in blind else report.as_dict()
               for path, report in reports}
        out["plain"] = plain
        json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        for path, report in reports:
            role = roles.get(_key(path))
            print(f"===== {path}" + (f" — {role}" if role else "")
                  + (" (blind: figures only)" if _key(path) in blind else ""))
            print_report(report, examples=0 if _key(path) in blind else 25)
            print()
        if len(reports) > 1:
            print_summary(reports, roles=roles)
        for item in plain:
            print(f"\nUnlabelled text {item['path']}: {len(item['altered'])} of {item['sentences']} "
                  f"sentences changed (each change is a false positive if the text holds no personal data)")
            for change in item["altered"][:40]:
                print(f"    {change['spans']} in: {change['text']}")
    return 1 if any(report.failed_bars() for _, report in reports) else 0


def _figures_only(report: dict) -> dict:
    """A blind set's JSON report: counts, not texts."""
    return {**report, **{key: len(report[key]) for key in ("misses", "false_positives", "wrong_type")}}


def _plain_sentences(path: Path) -> list[str]:
    files = sorted(path.rglob("*")) if path.is_dir() else [path]
    sentences: list[str] = []
    for f in files:
        if f.suffix in (".yml", ".yaml"):
            import yaml

            data = yaml.safe_load(f.read_text(encoding="utf-8")) or {}
            for item in data.get("nlu", []) or []:
                examples = item.get("examples")
                if isinstance(examples, list):
                    sentences += [e["text"] for e in examples if isinstance(e, dict) and "text" in e]
                elif isinstance(examples, str):
                    sentences += [line.strip()[2:] for line in examples.splitlines() if line.strip().startswith("- ")]
        elif f.suffix == ".txt":
            sentences += [line for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    return sentences


def plain_report(path: Path, scrubber: Scrubber) -> dict:
    sentences = _plain_sentences(path)
    altered = []
    for text in sentences:
        spans = scrubber.find(text)
        if spans:
            altered.append({"text": text, "spans": [f"{s.label}:{s.text}" for s in spans]})
    return {"path": str(path), "sentences": len(sentences), "altered": altered}


if __name__ == "__main__":
    sys.exit(main())
