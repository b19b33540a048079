"""Session start: which helpline's button the visitor came through."""
from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.config import settings


class ActionSessionStart(Action):
    def name(self) -> str:
        return "action_session_start"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        metadata = tracker.get_slot("session_started_metadata") or {}
        requested = metadata.get("entry_point") or tracker.get_slot("entry_point")
        entry = settings.entry_point(requested)
        return [
            SessionStarted(),
            SlotSet("entry_point", entry.id),
            SlotSet("country", entry.country),
            SlotSet("helpline_name", entry.helpline_name),
            ActionExecuted("action_listen"),
        ]
