"""Urgency over the whole conversation, not one message.

The `urgency_label` slot keeps the highest risk seen so far as {value, confidence, source}; the
`urgency` slot mirrors its value. A later message can raise the risk; a calmer message never
lowers it. Only a clear answer of the visitor to the safety question does ("Nee" to "Ben je nu in
gevaar?" lowers acute danger, not a suicide risk read earlier).
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet

from actions import labels

VISITOR = "visitor"


def risk(label: Dict[str, Any]) -> float:
    """The probability of a crisis that a label stands for."""
    confidence = float(label.get("confidence") or 0.0)
    return confidence if label["value"] in labels.URGENT else 1.0 - confidence


def combined(current: Optional[Dict[str, Any]], new: Optional[Dict[str, Any]]) -> Optional[Dict[str, Any]]:
    """The label to keep when `new` is read after `current`."""
    if new is None:
        return current
    if current is None or new.get("source") == VISITOR:
        return new
    if current.get("source") == VISITOR:
        # the visitor's own answer stands until a message reads as a crisis again
        return new if new["value"] in labels.URGENT and current["value"] not in labels.URGENT else current
    return new if risk(new) > risk(current) else current


def urgency_events(tracker: Tracker, new: Optional[Dict[str, Any]]) -> List[EventType]:
    current = tracker.get_slot("urgency_label")
    kept = combined(current, new)
    if kept is None or kept == current:
        return []
    return [SlotSet("urgency_label", kept), SlotSet("urgency", kept["value"])]


def from_message(message: Dict[str, Any]) -> Optional[Dict[str, Any]]:
    """The classifier's urgency for one message, with its confidence, or None for a button payload."""
    item = labels.entity(message, "urgency")
    if item is None or not item.get("extractor"):
        return None
    return {"value": str(item["value"]), "confidence": labels.confidence(item), "source": "classifier"}


def visitor_answer(value: str) -> Dict[str, Any]:
    """The visitor answered the safety question themself."""
    return {"value": value, "confidence": 1.0, "source": VISITOR}


def lowered_by_no(current: Optional[Dict[str, Any]], asked_about: str) -> Dict[str, Any]:
    """After "no" to the question about `asked_about`: none, unless another crisis was read."""
    if current is not None and current["value"] in labels.URGENT and current["value"] != asked_about:
        return current
    return visitor_answer("none")
