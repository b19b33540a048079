"""Is the helpline open, busy or closed, and when does it open?"""
from __future__ import annotations

from datetime import datetime
from typing import Any, Dict, List, Optional

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import offers
from actions.fallback import entry_point_of, utter_fallback
from actions.dutch_time import moment_from_now, opening_hours_text
from actions.handoff_client import HandoffUnavailable, get_client


def next_opening_text(availability: Dict[str, Any]) -> str:
    """The API's ready phrase ("morgen om 19 uur") when it gives one, else our own."""
    if availability.get("next_opening_text"):
        return str(availability["next_opening_text"])
    if not availability.get("next_opening"):
        return "later"
    now = datetime.fromisoformat(availability["now"])
    return moment_from_now(datetime.fromisoformat(availability["next_opening"]), now)


async def fetch_availability(
    dispatcher: CollectingDispatcher, tracker: Tracker, fallback_response: str
) -> Optional[Dict[str, Any]]:
    """The helpline's availability, or None after telling the visitor whom to reach instead."""
    try:
        return await get_client().availability(entry_point_of(tracker), tracker.sender_id)
    except HandoffUnavailable:
        utter_fallback(dispatcher, tracker, fallback_response)
        return None


class ActionCheckAvailability(Action):
    def name(self) -> str:
        return "action_check_availability"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        availability = await fetch_availability(dispatcher, tracker, "utter_status_unknown")
        if availability is None:
            dispatcher.utter_message(response="utter_emergency_numbers")
            dispatcher.utter_message(response="utter_invite_story")
            return [SlotSet("helpline_status", "unknown")]

        status = availability["status"]
        name = availability["helpline"]["name"]
        if status == "open":
            dispatcher.utter_message(response="utter_status_open", helpline_name=name)
            dispatcher.utter_message(response="utter_invite_story")
        elif status == "busy":
            dispatcher.utter_message(
                response="utter_status_busy",
                helpline_name=name,
                queue_sentence=offers.queue_sentence(availability),
                wait_sentence=offers.wait_sentence(availability),
            )
            dispatcher.utter_message(response="utter_invite_story")
            offers.utter_offers(dispatcher, availability)
        else:
            dispatcher.utter_message(
                response="utter_status_closed", helpline_name=name, next_opening=next_opening_text(availability)
            )
            offers.utter_own_line(dispatcher, availability["helpline"])
            offers.utter_offers(dispatcher, availability)
        return [
            SlotSet("helpline_status", status), SlotSet("helpline_name", name), *offers.offer_slots(availability)
        ]


class ActionTellHours(Action):
    def name(self) -> str:
        return "action_tell_hours"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        availability = await fetch_availability(dispatcher, tracker, "utter_hours_unknown")
        if availability is None:
            return []
        name = availability["helpline"]["name"]
        dispatcher.utter_message(
            response="utter_hours",
            helpline_name=name,
            opening_hours=opening_hours_text(availability.get("opening_hours") or []),
        )
        if availability["status"] == "closed":
            dispatcher.utter_message(
                response="utter_status_closed", helpline_name=name, next_opening=next_opening_text(availability)
            )
            offers.utter_own_line(dispatcher, availability["helpline"])
        return [SlotSet("helpline_status", availability["status"])]
