"""The visitor's story in their own words, and the few questions about what is still missing."""
from __future__ import annotations

from typing import Any, Dict, List, Optional

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import labels, urgency
from actions.config import settings

QUESTIONS = {
    "age_group": "Hoe oud ben je?",
    "role": "Gaat het over jezelf, of over iemand anders?",
    "theme": "Waarover gaat het vooral?",
}


def story_events(tracker: Tracker) -> List[EventType]:
    """Keep the visitor's words verbatim, take every label the pipeline is sure of, raise the urgency."""
    message = tracker.latest_message
    events: List[EventType] = []
    text = labels.visitor_text(tracker)
    if text:
        events.append(SlotSet("visitor_words", (tracker.get_slot("visitor_words") or []) + [text]))

    known = dict(tracker.get_slot("triage_labels") or {})
    for field in labels.FIELDS:
        guess = labels.guess(message, field)
        if guess is None or known.get(field, {}).get("source") in ("visitor", "skipped"):
            continue
        if field not in known or guess["confidence"] >= known[field]["confidence"]:
            known[field] = guess
        sure = guess["confidence"] >= settings.confident_label and guess["value"] != "unknown"
        if sure and tracker.get_slot(f"triage_{field}") is None:
            events.append(SlotSet(f"triage_{field}", guess["value"]))
    events.append(SlotSet("triage_labels", known))

    if labels.recent_assault(message):
        events.append(SlotSet("recent_assault", True))
    events += urgency.urgency_events(tracker, urgency.from_message(message))
    if tracker.get_slot("safety_asked"):
        # the visitor went on without answering the safety question: a later yes/no is not its answer
        events.append(SlotSet("safety_asked", None))
    return events


class ActionRecordStory(Action):
    def name(self) -> str:
        return "action_record_story"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        if labels.visitor_text(tracker):
            dispatcher.utter_message(response="utter_story_noted")
        return story_events(tracker)


class ValidateTriageForm(FormValidationAction):
    """Every answer ends its question: a label, 'unknown', or skipped. Never asked twice."""

    def name(self) -> str:
        return "validate_triage_form"

    def _answer(self, field: str, tracker: Tracker) -> Dict[str, Any]:
        if tracker.get_slot("requested_slot") != f"triage_{field}":
            # Filled from the story before the form asked (Rasa validates such slots when the
            # form starts): no question was asked, so nothing goes into the Q&A.
            return {f"triage_{field}": tracker.get_slot(f"triage_{field}")}
        message = tracker.latest_message
        known = dict(tracker.get_slot("triage_labels") or {})
        if message.get("intent", {}).get("name") == "skip":
            value: Optional[str] = None
            known[field] = {**known.get(field, {"value": "unknown", "confidence": 0.0}), "source": "skipped"}
        else:
            guess = labels.guess(message, field)
            usable = guess and guess["value"] != "unknown" and (
                guess["source"] == "visitor" or guess["confidence"] >= settings.confident_label / 2
            )
            value = guess["value"] if usable else None
            if usable:
                known[field] = {**guess, "source": "visitor", "answered_with": "text" if labels.visitor_text(tracker) else "button"}
        if field == "theme" and known.get(field, {}).get("value") == "unknown":
            known.pop(field)
        qa = list(tracker.get_slot("qa") or []) + [
            {"question": QUESTIONS[field], "answer": labels.answer_text(tracker, value)}
        ]
        return {f"triage_{field}": value or "unknown", "triage_labels": known, "qa": qa}

    def validate_triage_age_group(
        self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        return self._answer("age_group", tracker)

    def validate_triage_role(
        self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        return self._answer("role", tracker)

    def validate_triage_theme(
        self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        return self._answer("theme", tracker)
