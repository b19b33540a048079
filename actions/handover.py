"""Consent, then the handover to a human helpline with the visitor's own words."""
from __future__ import annotations

from datetime import datetime
from typing import Any, Dict, List

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import ConversationPaused, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import labels, offers
from actions.fallback import entry_point_of, utter_fallback
from actions.details import briefing_details
from actions.dutch_time import moment_from_now, slot_title
from actions.config import settings
from actions.handoff_client import HandoffUnavailable, get_client

YES = "affirm"
NO = ("deny", "skip")


def handoff_payload(tracker: Tracker) -> Dict[str, Any]:
    """The whole briefing, with the visitor's answer. On a "no" the API shows a counsellor only
    the urgency (and routes on nothing else) until the visitor chooses "Toon wat ik aan de
    chatbot vertelde" in the chat: then the briefing is the one a yes in time would have given."""
    known = tracker.get_slot("triage_labels") or {}
    label_set: Dict[str, Any] = {"urgency": urgency_label(tracker)}
    for field in labels.FIELDS:
        if field in known:
            label_set[field] = known[field]
    words = list(tracker.get_slot("visitor_words") or [])
    return {
        "conversation_id": tracker.sender_id,
        "entry_point": entry_point_of(tracker),
        "labels": label_set,
        "consent": bool(tracker.get_slot("consent")),
        "visitor_words": words,
        "qa": list(tracker.get_slot("qa") or []),
        "details": {
            "recent_sexual_assault": bool(tracker.get_slot("recent_assault")),
            "uncertain_labels": uncertain_labels(label_set),
            **briefing_details(words),
        },
    }


def urgency_label(tracker: Tracker) -> Dict[str, Any]:
    """The highest urgency read in the conversation, with its real confidence and source."""
    label = tracker.get_slot("urgency_label")
    if label:
        return dict(label)
    value = tracker.get_slot("urgency") or "none"
    # nothing the visitor typed was read for urgency (buttons only): no confidence to give
    return {"value": value, "confidence": None, "source": "not_assessed"}


def uncertain_labels(label_set: Dict[str, Any]) -> List[str]:
    """The labels a counsellor must check: the classifier's guesses below the confidence bar."""
    return sorted(
        field for field, label in label_set.items()
        if label.get("source") == "classifier" and float(label.get("confidence") or 0.0) < settings.confident_label
    )


def _next_opening(outcome: Dict[str, Any]) -> str:
    if outcome.get("next_opening_text"):
        return str(outcome["next_opening_text"])
    if not outcome.get("next_opening"):
        return "later"
    opening = datetime.fromisoformat(outcome["next_opening"])
    if outcome.get("now"):
        return moment_from_now(opening, datetime.fromisoformat(outcome["now"]))
    return slot_title(opening)


async def send_handoff(
    dispatcher: CollectingDispatcher, tracker: Tracker, announce_stored: bool = True
) -> List[EventType]:
    try:
        outcome = await get_client().create_handoff(handoff_payload(tracker))
    except HandoffUnavailable:
        utter_fallback(dispatcher, tracker, "utter_handover_failed")
        dispatcher.utter_message(response="utter_emergency_numbers")
        return [SlotSet("consent", None), SlotSet("handoff_status", None)]

    name = outcome["helpline"]["name"]
    if outcome.get("move_sentence") and (announce_stored or outcome["outcome"] == "queued"):
        dispatcher.utter_message(text=outcome["move_sentence"])  # where, why, and for whom
    if outcome["outcome"] == "queued":
        dispatcher.utter_message(
            response="utter_queued", helpline_name=name, queue_position=outcome.get("queue_position") or 1
        )
        if outcome.get("expected_wait_minutes"):
            dispatcher.utter_message(
                response="utter_queued_wait", expected_wait_minutes=outcome["expected_wait_minutes"]
            )
        # The counsellor takes over: the bot stays silent in this conversation from now on.
        return [SlotSet("handoff_status", "stored"), SlotSet("helpline_name", name), ConversationPaused()]

    if announce_stored:
        dispatcher.utter_message(
            response="utter_stored_closed", helpline_name=name, next_opening=_next_opening(outcome)
        )
        offers.utter_own_line(dispatcher, outcome["helpline"])
        offers.utter_offers(dispatcher, outcome)
    return [SlotSet("handoff_status", "stored"), SlotSet("helpline_name", name), *offers.offer_slots(outcome)]


class ValidateHandoverForm(FormValidationAction):
    def name(self) -> str:
        return "validate_handover_form"

    def validate_consent(
        self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        intent = tracker.latest_message.get("intent", {}).get("name")
        if intent == YES:
            return {"consent": True}
        if intent in NO:
            dispatcher.utter_message(response="utter_consent_noted_no")
            return {"consent": False}
        # Anything else is more of the story: keep it, then ask again.
        events = {"consent": None}
        text = labels.visitor_text(tracker)
        if text:
            events["visitor_words"] = list(tracker.get_slot("visitor_words") or []) + [text]
            dispatcher.utter_message(response="utter_story_added")
        return events


class ActionHandover(Action):
    def name(self) -> str:
        return "action_handover"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        return await send_handoff(dispatcher, tracker)


class ActionAddToHandoff(Action):
    """More words after the briefing was stored: add them, and send the briefing again."""

    def name(self) -> str:
        return "action_add_to_handoff"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        events = []
        text = labels.visitor_text(tracker)
        if text and text not in (tracker.get_slot("visitor_words") or []):
            events.append(SlotSet("visitor_words", list(tracker.get_slot("visitor_words") or []) + [text]))
        updated = tracker.copy()  # see the new words in the payload
        for event in events:
            updated.slots[event["name"]] = event["value"]
        dispatcher.utter_message(response="utter_story_added")
        return events + await send_handoff(dispatcher, updated, announce_stored=False)
