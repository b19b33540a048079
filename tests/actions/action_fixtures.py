"""Action tests: a tracker built from a fixture, the handoff client faked at its class boundary."""
from __future__ import annotations

import copy
from pathlib import Path
from typing import Any, Dict, List, Optional

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import handoff_client
from actions.config import settings
from actions.handoff_client import AlreadyBooked, HandoffClient, HandoffUnavailable, SlotTaken

DOMAIN_DIR = Path(__file__).resolve().parents[2] / "bot" / "domain"
NUPRAATIKEROVER = {
    "id": "nupraatikerover",
    "name": "Nupraatikerover.be",
    "email": "info@nupraatikerover.be",
    "country": "BE",
    "phones": [],
}


def load_domain() -> Dict[str, Any]:
    domain: Dict[str, Any] = {}
    for path in sorted(DOMAIN_DIR.glob("*.yml")):
        part = yaml.safe_load(path.read_text(encoding="utf-8"))
        for key, value in part.items():
            if isinstance(value, dict):
                domain.setdefault(key, {}).update(value)
            elif isinstance(value, list):
                domain.setdefault(key, []).extend(value)
    return domain


DOMAIN = load_domain()


def default_slots() -> Dict[str, Any]:
    slots = {name: None for name in DOMAIN["slots"]}
    slots.update(entry_point="nupraatikerover", country="be", helpline_name="Nupraatikerover.be")
    return slots


def entity(name: str, value: Any, confidence: Optional[float] = None) -> Dict[str, Any]:
    item = {"entity": name, "value": value, "start": 0, "end": 1}
    if confidence is not None:
        item.update(confidence_entity=confidence, extractor="TriageClassifier")
    return item


def make_tracker(
    text: str = "",
    intent: str = "tell_story",
    entities: Optional[List[Dict[str, Any]]] = None,
    slots: Optional[Dict[str, Any]] = None,
    active_loop: Optional[str] = None,
    sender_id: str = "conv-1",
) -> Tracker:
    all_slots = default_slots()
    all_slots.update(slots or {})
    latest = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": entities or []}
    return Tracker(
        sender_id=sender_id,
        slots=all_slots,
        latest_message=latest,
        events=[],
        paused=False,
        followup_action=None,
        active_loop={"name": active_loop} if active_loop else {},
        latest_action_name="action_listen",
    )


class FakeHandoffClient(HandoffClient):
    """Answers as the handoff API's contract says; records every call."""

    def __init__(self) -> None:
        super().__init__(settings)
        self.calls: List[tuple] = []
        self.down = False
        self.availability_answer: Dict[str, Any] = {}
        self.handoff_answer: Dict[str, Any] = {}
        self.slots: List[Dict[str, Any]] = []
        self.taken: set = set()
        self.booked = False

    def _record(self, *call: Any) -> None:
        self.calls.append(copy.deepcopy(call))
        if self.down:
            raise HandoffUnavailable("connection refused")

    async def record_event(self, conversation_id: str, kind: str, urgency: Optional[str] = None) -> None:
        try:
            self._record("record_event", conversation_id, kind, urgency)
        except HandoffUnavailable:
            pass  # as the real client: counting never changes what the bot says

    async def availability(self, entry_point: str, conversation_id: str) -> Dict[str, Any]:
        self._record("availability", entry_point, conversation_id)
        return self.availability_answer

    async def create_handoff(self, handoff: Dict[str, Any]) -> Dict[str, Any]:
        self._record("create_handoff", handoff)
        return self.handoff_answer

    async def appointment_slots(self, entry_point: str, conversation_id: str, limit: int = 5) -> List[Dict[str, Any]]:
        self._record("appointment_slots", entry_point, conversation_id)
        return self.slots

    async def book_appointment(self, conversation_id: str, entry_point: str, start: str) -> Dict[str, Any]:
        self._record("book_appointment", conversation_id, entry_point, start)
        if self.booked:
            raise AlreadyBooked(start)
        if start in self.taken:
            raise SlotTaken(start)
        return {"code": "K7Q2-M9XD", "start": start, "end": start, "helpline": NUPRAATIKEROVER}

    async def email_request(self, conversation_id: str, entry_point: str, message: str, reply_to: Optional[str]):
        self._record("email_request", conversation_id, entry_point, message, reply_to)
        return {"helpline": NUPRAATIKEROVER, "pickup_code": None if reply_to else "P4X8-2KDQ"}


@pytest.fixture
def client():
    fake = FakeHandoffClient()
    handoff_client.set_client(fake)
    yield fake
    handoff_client.set_client(None)


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    return CollectingDispatcher()


def responses(dispatcher: CollectingDispatcher) -> List[str]:
    return [message.get("response") or message.get("text") for message in dispatcher.messages]


def utterance(response: str, buttons: Optional[List[Dict[str, str]]] = None, **variables: Any) -> Dict[str, Any]:
    """The exact message the SDK dispatcher sends for a domain response."""
    message = {
        "text": None, "buttons": buttons or [], "elements": [], "custom": {}, "template": response,
        "response": response, "image": None, "attachment": None,
    }
    message.update(variables)
    return message
