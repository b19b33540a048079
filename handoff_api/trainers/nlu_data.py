"""Writing trainers' examples into Rasa's NLU YAML (`nlu_data/`), keeping the files as written.

The files are edited as text, not re-dumped, so their comments, flow-style metadata and
ordering survive. An example is inserted at the end of its intent's block:

      # inbox item 3f2a..., 2026-11-23, corrected by a trainer
      - text: "mijn stiefvader komt 's nachts op mijn kamer"
        metadata: {triage: {theme: sexual_violence, age_group: minor, role: victim}}

The comment names the inbox item and the date, never the visitor or the conversation.
Texts already in the data (same intent and labels) are not written twice; the same text with
another intent or other labels, or a text of the held-out split, is refused.
"""

from __future__ import annotations

import fcntl
import json
import re
import threading
from dataclasses import dataclass
from pathlib import Path

import yaml

FIELDS = ("theme", "age_group", "role", "urgency")
STORY_INTENTS = ("tell_story", "crisis")
PARTIAL_INTENTS = ("inform",)
CONVERSATION_DEFAULTS = {"theme": "other", "age_group": "unknown", "role": "unknown", "urgency": "none"}

_INTENT_LINE = re.compile(r"^- intent:\s*([A-Za-z0-9_]+)\s*$")
_TEXT_LINE = re.compile(r"^(\s*)- text:\s*(.+?)\s*$")
_METADATA_LINE = re.compile(r"^\s+metadata:\s*(.+?)\s*$")
_lock = threading.Lock()


class NluConflict(ValueError):
    """The example cannot be written as asked; `nl` is the message for the trainer."""

    def __init__(self, code: str, nl: str, en: str) -> None:
        super().__init__(en)
        self.code = code
        self.nl = nl
        self.en = en


@dataclass(frozen=True)
class Existing:
    file: str
    intent: str
    triage: dict


@dataclass(frozen=True)
class WriteResult:
    outcome: str  # written, duplicate
    file: str


AUTHORED_PREFIX = "authored_"


def normalise(text: str) -> str:
    return " ".join(text.lower().split())


def clean_text(text: str) -> str:
    """One line; a placeholder never directly followed by ( { [ (Rasa's entity syntax)."""
    text = " ".join(text.split())
    return re.sub(r"\](?=[\[({])", "] ", text)


def _unquote(raw: str) -> str:
    try:
        value = yaml.safe_load(raw)
    except yaml.YAMLError:
        return raw
    return value if isinstance(value, str) else str(value)


def written_triage(intent: str, labels: dict) -> dict:
    """The metadata.triage to write, following bot/components/labels.py's defaults."""
    labels = {field: labels[field] for field in FIELDS if labels.get(field)}
    if intent in STORY_INTENTS:
        triage = {field: labels[field] for field in ("theme", "age_group", "role") if field in labels}
        if intent == "crisis" or labels.get("urgency", "none") != "none":
            triage["urgency"] = labels.get("urgency", "none")
        return triage
    # inform and conversational intents: only what differs from "says nothing"
    return {f: v for f, v in labels.items() if v != CONVERSATION_DEFAULTS[f]}


def _flow(triage: dict) -> str:
    inner = ", ".join(f"{field}: {triage[field]}" for field in FIELDS if field in triage)
    return "{triage: {" + inner + "}}"


@dataclass(frozen=True)
class PlannedWrite:
    target: Path
    intent: str
    text: str
    triage: dict
    comment: str


class NluData:
    def __init__(self, data_dir: Path, heldout_file: Path | None = None) -> None:
        self.data_dir = Path(data_dir)
        self.heldout_file = Path(heldout_file) if heldout_file else None

    def files(self) -> list[Path]:
        return sorted(p for p in self.data_dir.glob("*.yml") if p.is_file())

    def _scan(self, path: Path):
        """(intent, text, triage) of every example in one file."""
        intent = None
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines):
            match = _INTENT_LINE.match(line)
            if match:
                intent = match.group(1)
                continue
            if line and not line[0].isspace() and not line.startswith("#"):
                intent = None  # another top-level key or block (regex, synonym, ...)
            match = _TEXT_LINE.match(line)
            if match and intent:
                triage = {}
                following = lines[number + 1] if number + 1 < len(lines) else ""
                meta = _METADATA_LINE.match(following)
                if meta:
                    try:
                        triage = ((yaml.safe_load(meta.group(1)) or {}).get("triage")) or {}
                    except (yaml.YAMLError, AttributeError):
                        triage = {}
                yield intent, _unquote(match.group(2)), triage

    def intents(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for path in self.files():
            for line in path.read_text(encoding="utf-8").splitlines():
                match = _INTENT_LINE.match(line)
                if match and path.name not in found.setdefault(match.group(1), []):
                    found[match.group(1)].append(path.name)
        return found

    def find(self, text: str) -> Existing | None:
        key = normalise(text)
        for path in self.files():
            for intent, example, triage in self._scan(path):
                if normalise(example) == key:
                    return Existing(path.name, intent, triage)
        return None

    def in_heldout(self, text: str) -> bool:
        if not self.heldout_file or not self.heldout_file.exists():
            return False
        key = normalise(text)
        with self.heldout_file.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    try:
                        if normalise(str(json.loads(line).get("text", ""))) == key:
                            return True
                    except json.JSONDecodeError:
                        continue
        return False

    def target_file(self, intent: str, labels: dict) -> Path:
        """tell_story goes to triage_<theme>.yml; every other intent to the file holding its block."""
        if intent == "tell_story":
            candidate = self.data_dir / f"triage_{labels.get('theme') or 'other'}.yml"
            if candidate.exists():
                return candidate
        files = self.intents().get(intent)
        if not files:
            raise NluConflict(
                "unknown_intent",
                f"De intent '{intent}' bestaat niet in de trainingsdata.",
                f"Intent {intent!r} is not in the training data.",
            )
        # The imported author sets (authored_*.yml) stay as their authors wrote them: a trainer's
        # example goes to the topic file that holds the intent.
        topic_first = sorted(files, key=lambda name: name.startswith(AUTHORED_PREFIX))
        return self.data_dir / topic_first[0]

    def plan(self, intent: str, text: str, labels: dict, comment: str) -> tuple[WriteResult, "PlannedWrite | None"]:
        """Checks an example without writing it: (the outcome, what `write` will insert)."""
        text = clean_text(text)
        if not text:
            raise NluConflict("empty_text", "De tekst is leeg.", "The text is empty.")
        triage = written_triage(intent, labels)
        target = self.target_file(intent, labels)
        if self.in_heldout(text):
            raise NluConflict(
                "in_heldout",
                "Deze tekst staat al in de testset (tests/nlu/heldout.jsonl): niet toegevoegd.",
                "This text is in the held-out split: not added.",
            )
        existing = self.find(text)
        if existing:
            if existing.intent == intent and written_triage(intent, existing.triage) == triage:
                return WriteResult("duplicate", existing.file), None
            raise NluConflict(
                "conflicting_example",
                f"Deze tekst staat al in {existing.file} als '{existing.intent}' met labels "
                f"{existing.triage or 'standaard'}. Pas het voorbeeld daar aan of laat dit bericht vallen.",
                f"This text is already in {existing.file} as {existing.intent!r} with other labels.",
            )
        return WriteResult("written", target.name), PlannedWrite(target, intent, text, triage, comment)

    def write(self, planned: "PlannedWrite") -> None:
        """Writes a planned example (after the decision's commit); refuses one written meanwhile."""
        with _lock:
            if self.find(planned.text):
                raise NluConflict(
                    "written_meanwhile",
                    "Deze tekst werd net door een collega toegevoegd.",
                    "This text was added by a colleague just now.",
                )
            self._insert(planned.target, planned.intent, planned.text, planned.triage, planned.comment)

    def add(self, intent: str, text: str, labels: dict, comment: str) -> WriteResult:
        with _lock:
            result, planned = self.plan(intent, text, labels, comment)
            if planned is not None:
                self._insert(planned.target, planned.intent, planned.text, planned.triage, planned.comment)
        return result

    def _insert(self, path: Path, intent: str, text: str, triage: dict, comment: str) -> None:
        with path.open("r+", encoding="utf-8") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            original = handle.read()
            lines = original.splitlines()
            start = next((i for i, l in enumerate(lines) if (m := _INTENT_LINE.match(l)) and m.group(1) == intent), None)
            if start is None:  # no block for this intent in this file yet
                indent = "  "
                block = [f"- intent: {intent}", "  examples:"]
                lines = lines + block
                insert_at = len(lines)
            else:
                end = len(lines)
                for i in range(start + 1, len(lines)):
                    if lines[i] and not lines[i][0].isspace():
                        end = i
                        break
                last = max((i for i in range(start, end) if lines[i].strip() and lines[i][0].isspace()), default=start)
                indent = next((m.group(1) for l in lines[start:end] if (m := _TEXT_LINE.match(l))), "  ")
                insert_at = last + 1
            new = [f"{indent}# {comment}", f"{indent}- text: {json.dumps(text, ensure_ascii=False)}"]
            if triage:
                new.append(f"{indent}  metadata: {_flow(triage)}")
            lines[insert_at:insert_at] = new
            updated = "\n".join(lines) + "\n"
            _check(updated, intent, text, triage)
            handle.seek(0)
            handle.write(updated)
            handle.truncate()
            handle.flush()
            fcntl.flock(handle, fcntl.LOCK_UN)


    def remove(self, item_id: str) -> str | None:
        """Takes out the example written for an inbox item (its comment names the item)."""
        marker = re.compile(r"^\s*# inbox item " + re.escape(item_id) + r",")
        with _lock:
            for path in self.files():
                with path.open("r+", encoding="utf-8") as handle:
                    fcntl.flock(handle, fcntl.LOCK_EX)
                    lines = handle.read().splitlines()
                    start = next((i for i, line in enumerate(lines) if marker.match(line)), None)
                    if start is None:
                        continue
                    end = start + 1
                    if end < len(lines) and _TEXT_LINE.match(lines[end]):
                        end += 1
                        if end < len(lines) and _METADATA_LINE.match(lines[end]):
                            end += 1
                    updated = "\n".join(lines[:start] + lines[end:]) + "\n"
                    yaml.safe_load(updated)  # still valid YAML
                    handle.seek(0)
                    handle.write(updated)
                    handle.truncate()
                    return path.name
        return None


def _check(content: str, intent: str, text: str, triage: dict) -> None:
    """The edited file must still be valid YAML holding the new example under its intent."""
    try:
        document = yaml.safe_load(content)
    except yaml.YAMLError as error:
        raise RuntimeError(f"the edit would break the YAML file: {error}") from error
    for block in (document or {}).get("nlu", []):
        if block.get("intent") == intent:
            for example in block.get("examples") or []:
                if isinstance(example, dict) and example.get("text") == text:
                    if (example.get("metadata") or {}).get("triage", {}) == triage:
                        return
    raise RuntimeError("the new example is not where it should be in the YAML file")
