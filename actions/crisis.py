"""Crisis first: the round-the-clock lines in the same turn, before anything else.

A sure crisis gets one short acknowledgement (`action_crisis_acknowledge`) and then the numbers
(`action_crisis_support`); the wording differs for suicide risk and for acute danger.
An uncertain one gets the safety question a counsellor would ask (`action_ask_safety`): "Ben je
nu in gevaar?" or, for suicide risk, "Denk je eraan om een einde aan je leven te maken?". Yes
leads to the crisis answer and top priority; no or skip continues (`action_safety_continue`).
"""
from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import labels, urgency
from actions.handoff_client import get_client
from actions.handover import send_handoff
from actions.triage import story_events

CRISIS_RESPONSES = {
    "acute_danger": "utter_crisis_danger",
    "suicide_risk": "utter_crisis_suicide",
}
ACKNOWLEDGEMENTS = {
    "acute_danger": "utter_crisis_acknowledge",
    "suicide_risk": "utter_crisis_acknowledge_suicide",
}
SAFETY_QUESTIONS = {
    "acute_danger": ("utter_ask_safety_danger", "Ben je nu in gevaar?"),
    "suicide_risk": ("utter_ask_safety_suicide", "Denk je eraan om een einde aan je leven te maken?"),
}
SAFETY_NOTED = {
    "acute_danger": "utter_safety_noted_danger",
    "suicide_risk": "utter_safety_noted_suicide",
}
ANSWERS = {"affirm": "ja", "deny": "nee", "skip": "liever niet gezegd"}


def _intent(tracker: Tracker) -> str:
    return (tracker.latest_message.get("intent") or {}).get("name") or ""


def _answer_events(tracker: Tracker, about: str) -> List[EventType]:
    """The safety question and the visitor's answer for the briefing; the question is closed."""
    answer = labels.visitor_text(tracker) or ANSWERS.get(_intent(tracker), "liever niet gezegd")
    qa = list(tracker.get_slot("qa") or []) + [{"question": SAFETY_QUESTIONS[about][1], "answer": answer}]
    return [SlotSet("qa", qa), SlotSet("safety_asked", None)]


def _crisis_kind(tracker: Tracker) -> tuple[str, bool]:
    """(the crisis to answer, whether the visitor said yes to the safety question)."""
    answered_yes = bool(tracker.get_slot("safety_asked")) and _intent(tracker) == "affirm"
    if answered_yes:
        return tracker.get_slot("safety_about") or "acute_danger", True
    return labels.urgency_of(tracker.latest_message)["value"], False


def _with_urgency(events: List[EventType], label: Dict[str, Any]) -> List[EventType]:
    kept = [e for e in events if e.get("name") not in ("urgency_label", "urgency")]
    return kept + [SlotSet("urgency_label", label), SlotSet("urgency", label["value"])]


class ActionCrisisAcknowledge(Action):
    """One short line that takes the visitor seriously, before any number."""

    def name(self) -> str:
        return "action_crisis_acknowledge"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        kind, _ = _crisis_kind(tracker)
        dispatcher.utter_message(response=ACKNOWLEDGEMENTS.get(kind, "utter_crisis_acknowledge"))
        return []


class ActionCrisisSupport(Action):
    def name(self) -> str:
        return "action_crisis_support"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        kind, answered_yes = _crisis_kind(tracker)
        recent_assault = labels.recent_assault(tracker.latest_message)
        if kind in CRISIS_RESPONSES:
            dispatcher.utter_message(response=CRISIS_RESPONSES[kind])
        if recent_assault:
            dispatcher.utter_message(response="utter_crisis_recent_assault")
        if kind not in CRISIS_RESPONSES and not recent_assault:
            # The intent said crisis but no detector said why: give every line rather than guess.
            dispatcher.utter_message(response="utter_crisis_danger")
            dispatcher.utter_message(response="utter_emergency_numbers")
        if tracker.get_slot("handoff_status") is None:
            dispatcher.utter_message(response="utter_crisis_priority")
        counted = kind if kind in CRISIS_RESPONSES else ("recent_assault" if recent_assault else None)
        await get_client().record_event(tracker.sender_id, "crisis_answer", counted)  # anonymous count

        if answered_yes:
            return _with_urgency(_answer_events(tracker, kind), urgency.visitor_answer(kind))
        events = [e for e in story_events(tracker) if e.get("name") != "safety_asked"]
        if kind not in CRISIS_RESPONSES and tracker.get_slot("urgency") in (None, "none") and not recent_assault:
            events = _with_urgency(events, {"value": "acute_danger", "confidence": None, "source": "intent"})
        # always closed here, so that every rule with this action sees the same slots
        return events + [SlotSet("safety_asked", None)]


class ActionAskSafety(Action):
    """The grey zone: ask the visitor, with buttons, instead of guessing."""

    def name(self) -> str:
        return "action_ask_safety"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        about = labels.ask_about(tracker.latest_message)
        dispatcher.utter_message(response=SAFETY_QUESTIONS[about][0])
        events = [e for e in story_events(tracker) if e.get("name") != "safety_asked"]
        return events + [SlotSet("safety_asked", True), SlotSet("safety_about", about)]


class ActionSafetyContinue(Action):
    """No or skip: say where help is if that changes, lower the urgency only on a clear no."""

    def name(self) -> str:
        return "action_safety_continue"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        about = tracker.get_slot("safety_about") or "acute_danger"
        dispatcher.utter_message(response=SAFETY_NOTED[about])
        events = _answer_events(tracker, about)
        if _intent(tracker) == "deny":
            events = _with_urgency(events, urgency.lowered_by_no(tracker.get_slot("urgency_label"), about))
        if tracker.get_slot("handoff_status") == "stored":
            # the words before the question belong in the briefing that is already waiting
            updated = tracker.copy()
            for event in events:
                updated.slots[event["name"]] = event["value"]
            events += await send_handoff(dispatcher, updated, announce_stored=False)
        return events
