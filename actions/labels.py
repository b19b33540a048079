"""Reading the triage labels that the NLU pipeline puts on every message as entities."""
from __future__ import annotations

from typing import Any, Dict, List, Optional

from rasa_sdk import Tracker

FIELDS = ("theme", "age_group", "role")
ADULT_AGE = 18
URGENT = ("acute_danger", "suicide_risk")

# Visible answers for the counsellor's question-and-answer list when a button was used.
ANSWER_TITLES = {
    "minor": "jonger dan 18",
    "adult": "18 of ouder",
    "victim": "over mezelf",
    "bystander": "over iemand die ik ken",
    "perpetrator": "ik doe zelf iemand pijn",
    "professional": "ik vraag het voor mijn werk",
    "sexual_violence": "seksueel geweld",
    "physical_violence": "lichamelijk geweld",
    "psychological_violence": "uitschelden, dreigen of kleineren",
    "neglect": "niet goed verzorgd worden",
    "other": "iets anders",
}


def _entities(message: Dict[str, Any]) -> List[Dict[str, Any]]:
    return message.get("entities") or []


def entity(message: Dict[str, Any], name: str) -> Optional[Dict[str, Any]]:
    return next((item for item in _entities(message) if item.get("entity") == name), None)


def confidence(item: Dict[str, Any]) -> float:
    # Entities from a button payload carry no confidence: the visitor chose them.
    return float(item.get("confidence_entity", 1.0) if item.get("extractor") else 1.0)


def stated_age_group(message: Dict[str, Any]) -> Optional[Dict[str, Any]]:
    """The age group of a stated age, with the confidence of the age the pipeline read."""
    age = entity(message, "age")
    if age is None:
        return None
    try:
        group = "minor" if int(age["value"]) < ADULT_AGE else "adult"
    except (TypeError, ValueError):
        return None
    source = "classifier" if age.get("extractor") else "visitor"
    return {"value": group, "confidence": round(confidence(age), 3), "source": source, "age": int(age["value"])}


def guess(message: Dict[str, Any], field: str) -> Optional[Dict[str, Any]]:
    """The pipeline's label for one field of one message, as {value, confidence, source}."""
    if field == "age_group":
        from_age = stated_age_group(message)
        if from_age:
            return from_age
    item = entity(message, field)
    if item is None:
        return None
    source = "classifier" if item.get("extractor") else "visitor"
    return {"value": str(item["value"]), "confidence": round(confidence(item), 3), "source": source}


def urgency_of(message: Dict[str, Any]) -> Dict[str, Any]:
    item = entity(message, "urgency")
    if item is None or item.get("value") not in URGENT:
        return {"value": "none", "confidence": round(confidence(item), 3) if item else 0.0}
    return {"value": str(item["value"]), "confidence": round(confidence(item), 3)}


def ask_about(message: Dict[str, Any]) -> str:
    """Which safety question the pipeline wants asked: acute_danger (default) or suicide_risk."""
    item = entity(message, "ask_about")
    return "suicide_risk" if item and item.get("value") == "suicide_risk" else "acute_danger"


def recent_assault(message: Dict[str, Any]) -> bool:
    item = entity(message, "recent_assault")
    return bool(item) and str(item.get("value")).lower() in ("yes", "true", "1")


def visitor_text(tracker: Tracker) -> Optional[str]:
    """What the visitor typed, or None for a button payload such as '/affirm'."""
    text = (tracker.latest_message.get("text") or "").strip()
    return None if not text or text.startswith("/") else text


def answer_text(tracker: Tracker, value: Optional[str]) -> str:
    return visitor_text(tracker) or ANSWER_TITLES.get(value or "", "liever niet gezegd")
