"""Session start: which helpline's button the visitor came through, and everything said so far.

Rasa starts a new session after `session_expiration_time` minutes of silence
(bot/domain/session.yml). Like Rasa's own action_session_start, this one carries the slots over
when `carry_over_slots_to_new_session` is true: the story, the labels and the visitor's answer to
the consent question survive a long silence (and the entry point may come from new metadata).
A question the bot was asking (an active form) is asked on: the form stays active, so the
visitor's late answer is taken as the answer.
"""
from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, ActiveLoop, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.config import settings

ENTRY_SLOTS = ("entry_point", "country", "helpline_name")
# Rasa sets it anew for every session, before this action runs.
NOT_CARRIED = ENTRY_SLOTS + ("session_started_metadata",)


def carried_over_slots(tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
    """SlotSet for every slot with a value, in the domain's order, except those set anew."""
    if not (domain.get("session_config") or {}).get("carry_over_slots_to_new_session", True):
        return []
    values = tracker.current_slot_values()
    return [
        SlotSet(name, values[name])
        for name in domain.get("slots", {})
        if name not in NOT_CARRIED and values.get(name) is not None
    ]


def carried_over_loop(tracker: Tracker, domain: Dict[str, Any]) -> List[EventType]:
    if not (domain.get("session_config") or {}).get("carry_over_slots_to_new_session", True):
        return []
    name = (tracker.active_loop or {}).get("name")
    return [ActiveLoop(name)] if name else []


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
            *carried_over_slots(tracker, domain),
            SlotSet("entry_point", entry.id),
            SlotSet("country", entry.country),
            SlotSet("helpline_name", entry.helpline_name),
            *carried_over_loop(tracker, domain),
            ActionExecuted("action_listen"),
        ]
