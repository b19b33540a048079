"""Never a dead end: what every action says when the handoff API cannot help."""
from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.config import settings


def entry_point_of(tracker: Tracker) -> str:
    return tracker.get_slot("entry_point") or settings.default_entry_point


def utter_fallback(dispatcher: CollectingDispatcher, tracker: Tracker, response: str) -> None:
    """A response that names the helpline's own contact and the round-the-clock numbers."""
    dispatcher.utter_message(response=response, fallback_contact=settings.fallback_contact(entry_point_of(tracker)))
