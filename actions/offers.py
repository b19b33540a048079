"""What the bot offers when the chat is closed or busy: only what exists for this visitor.

An appointment only where the API can book one (`appointment_helpline` in its answers), the
helpline's own round-the-clock line where it has one, and the queue in plain Dutch.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional

from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

ROUND_THE_CLOCK = "dag en nacht"


def appointment_helpline(answer: Dict[str, Any]) -> Optional[str]:
    """The name of the helpline whose appointment the visitor can book now, or None."""
    helpline = answer.get("appointment_helpline")
    return helpline.get("name") if isinstance(helpline, dict) else None


def offer_slots(answer: Dict[str, Any]) -> List[EventType]:
    name = appointment_helpline(answer)
    return [SlotSet("appointments_offered", name is not None), SlotSet("appointment_helpline", name)]


def utter_offers(dispatcher: CollectingDispatcher, answer: Dict[str, Any]) -> None:
    name = appointment_helpline(answer)
    if name:
        dispatcher.utter_message(response="utter_offers_with_appointment", appointment_helpline=name)
    else:
        dispatcher.utter_message(response="utter_offers_without_appointment")


def utter_own_line(dispatcher: CollectingDispatcher, helpline: Dict[str, Any]) -> None:
    """The helpline's own line that is open day and night (Veilig Thuis 0800-2000), if any."""
    for phone in helpline.get("phones") or []:
        if phone.get("number") and str(phone.get("hours", "")).strip().lower() == ROUND_THE_CLOCK:
            dispatcher.utter_message(
                response="utter_own_line", phone_name=phone.get("name") or helpline.get("name"),
                phone_number=phone["number"],
            )
            return


def queue_sentence(answer: Dict[str, Any]) -> str:
    """The API's own sentence when it gives one, else ours: never 'Er wachten nu 0 mensen'."""
    if answer.get("waiting_sentence"):
        return str(answer["waiting_sentence"])
    queue_length = answer.get("queue_length") or 0
    if queue_length <= 0:
        return "Er wacht nu niemand anders."
    if queue_length == 1:
        return "Er wacht nu 1 iemand voor je."
    return f"Er wachten nu {queue_length} mensen."


def wait_sentence(answer: Dict[str, Any]) -> str:
    """The API's own range when it gives one ('ongeveer 10 tot 20 minuten'), else its figure."""
    text = (answer.get("expected_wait") or {}).get("text")
    if text:
        return "Even geduld." if text == "even geduld" else f"Je wacht {text}."
    minutes = answer.get("expected_wait_minutes")
    return f"Je wacht ongeveer {minutes} minuten." if minutes else "Even geduld."
