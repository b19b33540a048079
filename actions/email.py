"""Writing to the helpline's mailbox, with a reply address or an anonymous pick-up code."""
from __future__ import annotations

import re
from typing import Any, Dict, List, Optional

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import labels
from actions.fallback import entry_point_of, utter_fallback
from actions.handoff_client import HandoffUnavailable, get_client

MAX_MESSAGE_LENGTH = 4000
EMAIL_ADDRESS = re.compile(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
EMAIL_SLOTS = ("email_message", "email_reply_by_mail", "email_address")


def _intent(tracker: Tracker) -> Optional[str]:
    return tracker.latest_message.get("intent", {}).get("name")


class ValidateEmailForm(FormValidationAction):
    def name(self) -> str:
        return "validate_email_form"

    async def required_slots(
        self, domain_slots: List[str], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[str]:
        if tracker.get_slot("email_reply_by_mail") is False:
            return [slot for slot in domain_slots if slot != "email_address"]
        return domain_slots

    def validate_email_message(
        self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        text = labels.visitor_text(tracker)
        if not text:
            return {"email_message": None}
        if len(text) > MAX_MESSAGE_LENGTH:
            dispatcher.utter_message(
                text=f"Je bericht is te lang. Het mag maximaal {MAX_MESSAGE_LENGTH} tekens zijn. Maak het wat korter."
            )
            return {"email_message": None}
        return {"email_message": text}

    def validate_email_reply_by_mail(
        self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        address = EMAIL_ADDRESS.search(tracker.latest_message.get("text") or "")
        if address:
            return {"email_reply_by_mail": True, "email_address": address.group(0)}
        intent = _intent(tracker)
        if intent == "affirm":
            return {"email_reply_by_mail": True}
        if intent in ("deny", "skip"):
            return {"email_reply_by_mail": False}
        return {"email_reply_by_mail": None}

    def validate_email_address(
        self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        if _intent(tracker) in ("skip", "deny"):
            return {"email_reply_by_mail": False, "email_address": None}
        address = EMAIL_ADDRESS.search(str(slot_value or ""))
        if address:
            return {"email_address": address.group(0)}
        dispatcher.utter_message(response="utter_invalid_email_address")
        return {"email_address": None}


class ActionSubmitEmail(Action):
    def name(self) -> str:
        return "action_submit_email"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        entry_point = entry_point_of(tracker)
        reply_to = tracker.get_slot("email_address") if tracker.get_slot("email_reply_by_mail") else None
        clear = [SlotSet(slot, None) for slot in EMAIL_SLOTS]
        try:
            answer = await get_client().email_request(
                tracker.sender_id, entry_point, tracker.get_slot("email_message"), reply_to
            )
        except HandoffUnavailable:
            utter_fallback(dispatcher, tracker, "utter_email_failed")
            return clear
        name = answer["helpline"]["name"]
        if reply_to:
            dispatcher.utter_message(response="utter_email_sent_address", helpline_name=name, email_address=reply_to)
        else:
            # The API wrote the code into the transcript itself, just above this message.
            dispatcher.utter_message(response="utter_email_sent_code", helpline_name=name)
        return clear
