"""Crisis first: the round-the-clock lines in the same turn, before anything else."""
from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import labels
from actions.triage import story_events

CRISIS_RESPONSES = {
    "acute_danger": "utter_crisis_danger",
    "suicide_risk": "utter_crisis_suicide",
}


class ActionCrisisSupport(Action):
    def name(self) -> str:
        return "action_crisis_support"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        message = tracker.latest_message
        urgency = labels.urgency_of(message)["value"]
        recent_assault = labels.recent_assault(message)

        if urgency in CRISIS_RESPONSES:
            dispatcher.utter_message(response=CRISIS_RESPONSES[urgency])
        if recent_assault:
            dispatcher.utter_message(response="utter_crisis_recent_assault")
        if urgency not in CRISIS_RESPONSES and not recent_assault:
            # The intent said crisis but no detector said why: give every line rather than guess.
            dispatcher.utter_message(response="utter_crisis_danger")
            dispatcher.utter_message(response="utter_emergency_numbers")
        if tracker.get_slot("handoff_status") is None:
            dispatcher.utter_message(response="utter_crisis_priority")

        events = story_events(tracker)
        if urgency in CRISIS_RESPONSES:
            events.append(SlotSet("urgency", urgency))
        elif tracker.get_slot("urgency") is None:
            events.append(SlotSet("urgency", "acute_danger" if not recent_assault else "none"))
        return events
