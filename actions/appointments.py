"""Chat appointments: free slots from the handoff API, booked with an anonymous code."""
from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Any, Dict, List, Optional

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import labels
from actions.fallback import entry_point_of, utter_fallback
from actions.dutch_time import slot_title, weekday_name
from actions.handoff_client import AlreadyBooked, HandoffUnavailable, SlotTaken, get_client

ORDINALS = {"eerste": 0, "1e": 0, "tweede": 1, "2e": 1, "derde": 2, "3e": 2, "vierde": 3, "4e": 3, "vijfde": 4, "5e": 4}
HOUR = re.compile(r"\b(\d{1,2})(?:[.:h]\d{2})?\s*(?:u|uur|h)\b")


def _button(slot: Dict[str, Any]) -> Dict[str, str]:
    payload = json.dumps({"appointment_start": slot["start"]})
    return {"title": slot["title"], "payload": f"/choose_appointment{payload}"}


def match_offered(text: str, offered: List[Dict[str, Any]]) -> Optional[Dict[str, Any]]:
    """Which offered slot a visitor means with free text: 'de eerste', 'dinsdag om 19 uur'."""
    words = text.lower()
    for word, index in ORDINALS.items():
        if re.search(rf"\b{re.escape(word)}\b", words) and index < len(offered):
            return offered[index]
    candidates = offered
    day_matches = [slot for slot in candidates if weekday_name(datetime.fromisoformat(slot["start"]).weekday()) in words]
    if day_matches:
        candidates = day_matches
    hour = HOUR.search(words)
    if hour:
        candidates = [slot for slot in candidates if datetime.fromisoformat(slot["start"]).hour == int(hour.group(1))]
    if (day_matches or hour) and candidates:
        return candidates[0]
    return None


async def offer(dispatcher: CollectingDispatcher, tracker: Tracker) -> List[EventType]:
    entry_point = entry_point_of(tracker)
    try:
        slots = await get_client().appointment_slots(entry_point, tracker.sender_id)
    except HandoffUnavailable:
        utter_fallback(dispatcher, tracker, "utter_appointment_failed")
        return []
    if not slots:
        if tracker.get_slot("appointments_offered"):  # offered, but taken meanwhile
            dispatcher.utter_message(response="utter_no_appointments")
        else:  # asked in words where this visitor has no appointment at all
            dispatcher.utter_message(response="utter_no_appointments_here", helpline_name=tracker.get_slot("helpline_name"))
        dispatcher.utter_message(response="utter_offers_without_appointment")
        return [SlotSet("offered_appointments", []), SlotSet("appointments_offered", False), SlotSet("appointment_helpline", None)]
    offered = [{**slot, "title": slot_title(datetime.fromisoformat(slot["start"]))} for slot in slots]
    dispatcher.utter_message(
        response="utter_appointment_intro",
        buttons=[_button(slot) for slot in offered],
        helpline_name=tracker.get_slot("helpline_name"),
    )
    return [SlotSet("offered_appointments", offered)]


class ActionOfferAppointments(Action):
    def name(self) -> str:
        return "action_offer_appointments"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        return await offer(dispatcher, tracker)


class ActionBookAppointment(Action):
    def name(self) -> str:
        return "action_book_appointment"

    def _chosen(self, tracker: Tracker) -> Optional[Dict[str, Any]]:
        offered = tracker.get_slot("offered_appointments") or []
        picked = labels.entity(tracker.latest_message, "appointment_start")
        if picked:
            return next((slot for slot in offered if slot["start"] == picked["value"]), None) or {
                "start": picked["value"],
                "title": slot_title(datetime.fromisoformat(picked["value"])),
            }
        return match_offered(tracker.latest_message.get("text") or "", offered)

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        if not tracker.get_slot("offered_appointments") and not labels.entity(
            tracker.latest_message, "appointment_start"
        ):
            return await offer(dispatcher, tracker)
        chosen = self._chosen(tracker)
        if chosen is None:
            dispatcher.utter_message(response="utter_appointment_unclear")
            return await offer(dispatcher, tracker)

        entry_point = entry_point_of(tracker)
        try:
            booking = await get_client().book_appointment(tracker.sender_id, entry_point, chosen["start"])
        except SlotTaken:
            dispatcher.utter_message(response="utter_appointment_taken")
            return await offer(dispatcher, tracker)
        except AlreadyBooked:
            dispatcher.utter_message(response="utter_appointment_already_booked")
            return [SlotSet("offered_appointments", [])]
        except HandoffUnavailable:
            utter_fallback(dispatcher, tracker, "utter_appointment_failed")
            return []
        # The API wrote the code into the transcript itself, just above this message.
        dispatcher.utter_message(
            response="utter_appointment_booked",
            appointment_time=slot_title(datetime.fromisoformat(booking["start"])),
        )
        return [SlotSet("offered_appointments", [])]
