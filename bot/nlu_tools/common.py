"""Shared helpers of the NLU tools: quiet Rasa, load a model, read triage labels from a parse."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import warnings
from pathlib import Path
from typing import Any, Dict, Iterable, Iterator, List, Optional

from bot.components.labels import FIELDS

TRIAGE_DEFAULTS = {"theme": "other", "age_group": "unknown", "role": "unknown", "urgency": "none"}
# What the bot does with a message follows its intent: the crisis answer, or the safety question.
URGENCY_ACTION_OF_INTENT = {"crisis": "crisis", "safety_check": "ask"}


def quiet() -> None:
    """Keep stdout for results: no telemetry, no TensorFlow chatter, warnings only on errors."""
    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
    warnings.filterwarnings("ignore")
    logging.basicConfig(level=logging.ERROR)
    for name in ("rasa", "tensorflow", "absl", "matplotlib", "bot"):
        logging.getLogger(name).setLevel(logging.ERROR)
    # rasa's structlog events (e.g. every parse) print at debug level unless configured
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.ERROR)


def load_agent(model_path: str):
    """The trained model through rasa's Agent, as `rasa run` loads it."""
    from rasa.core.agent import Agent

    if not Path(model_path).exists():
        raise SystemExit(f"model not found: {model_path} (run `make train`)")
    return Agent.load(model_path)


def parse_all(agent, texts: Iterable[str]) -> List[Dict[str, Any]]:
    """Parse texts one by one through Agent.parse_message (the live bot's code path)."""

    async def run() -> List[Dict[str, Any]]:
        return [await agent.parse_message(text) for text in texts]

    return asyncio.run(run())


def triage_from_parse(parse: Dict[str, Any]) -> Dict[str, Any]:
    """theme/age_group/role/urgency, their confidences, age, recent_assault, intent and urgency_action."""
    labels: Dict[str, Any] = dict(TRIAGE_DEFAULTS)
    confidence: Dict[str, float] = {field: 0.0 for field in FIELDS}
    age: Optional[int] = None
    recent = False
    for entity in parse.get("entities", []):
        name = entity.get("entity")
        if name in FIELDS:
            labels[name] = entity.get("value")
            confidence[name] = float(entity.get("confidence_entity") or 0.0)
        elif name == "age":
            age = entity.get("value")
        elif name == "recent_assault":
            recent = entity.get("value") == "yes"
    intent = (parse.get("intent") or {}).get("name")
    return {
        **labels,
        "confidence": confidence,
        "age": age,
        "recent_assault": recent,
        "intent": intent,
        "urgency_action": URGENCY_ACTION_OF_INTENT.get(intent, "none"),
    }


def read_jsonl(path: str) -> Iterator[Dict[str, Any]]:
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            line = line.strip()
            if not line:
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as error:
                raise SystemExit(f"{path}:{number}: not valid JSON ({error})")
