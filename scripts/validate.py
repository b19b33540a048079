"""`rasa data validate` with every data warning fatal.

Rasa warns about each response that no story or rule names, even when a custom action sends it
or a form asks with it. Those are accepted only if an action in actions/ really sends the response
or it is a form's `utter_ask_<slot>`. Rasa also warns about an intent without NLU examples: that is
accepted only for the intents the UrgencyDetector sets itself (`PIPELINE_INTENTS`). Any other data
warning, and any response nobody uses, fails the build.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
UNUSED = re.compile(r"UserWarning: The utterance '([^']+)' is not used in any story or rule\.")
NO_EXAMPLES = re.compile(r"UserWarning: The intent '([^']+)' is listed in the domain file, but is not found in the NLU")
DATA_WARNING = re.compile(r"site-packages/rasa/\S+: UserWarning: (.*)")


def responses_sent_by_actions() -> set[str]:
    source = "\n".join(path.read_text(encoding="utf-8") for path in (ROOT / "actions").glob("*.py"))
    return set(re.findall(r"\"(utter_[a-z_]+)\"", source))


def responses_asked_by_forms() -> set[str]:
    asked = set()
    for path in (ROOT / "bot" / "domain").glob("*.yml"):
        for form in (yaml.safe_load(path.read_text(encoding="utf-8")).get("forms") or {}).values():
            asked.update(f"utter_ask_{slot}" for slot in form.get("required_slots", []))
    return asked


def intents_set_by_the_pipeline() -> set[str]:
    source = (ROOT / "bot" / "components" / "urgency.py").read_text(encoding="utf-8")
    names = dict(re.findall(r'^([A-Z_]+_INTENT) = "([a-z_]+)"', source, re.M))
    listed = re.search(r"^PIPELINE_INTENTS = \(([^)]*)\)", source, re.M)
    return {names[name.strip()] for name in listed.group(1).split(",") if name.strip()} if listed else set()


def main(rasa_command: list[str]) -> int:
    result = subprocess.run(rasa_command, cwd=ROOT, capture_output=True, text=True)
    output = result.stdout + result.stderr
    if result.returncode != 0:
        print(output)
        print("rasa data validate failed.", file=sys.stderr)
        return result.returncode

    sent_by_actions = responses_sent_by_actions() | responses_asked_by_forms()
    pipeline_intents = intents_set_by_the_pipeline()
    problems = []
    for line in output.splitlines():
        no_examples = NO_EXAMPLES.search(line)
        if no_examples and no_examples.group(1) in pipeline_intents:
            continue
        unused = UNUSED.search(line)
        if unused:
            if unused.group(1) not in sent_by_actions:
                problems.append(f"The response '{unused.group(1)}' is used by no story, rule or action.")
            continue
        warning = DATA_WARNING.search(line)
        if warning:
            problems.append(warning.group(1))
    for problem in problems:
        print(f"WARNING: {problem}", file=sys.stderr)
    if problems:
        print(f"{len(problems)} data warning(s): fix them.", file=sys.stderr)
        return 1
    print("Data valid: no warnings.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
