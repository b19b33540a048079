"""Bodies of the internal API for the action server (see handoff_api/README.md)."""

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from handoff_api.conversations.schemas import HelplineOut


class Label(BaseModel):
    value: str = Field(max_length=64)
    confidence: float | None = None
    source: str = Field(default="classifier", max_length=32)
    answered_with: Literal["button", "text"] | None = Field(
        default=None, description="How the visitor answered, when source is visitor"
    )
    age: int | None = Field(default=None, ge=0, le=120, description="The age the visitor gave")


class QuestionAnswer(BaseModel):
    question: str = Field(max_length=1000)
    answer: str = Field(max_length=4000)


class HandoffDetails(BaseModel):
    model_config = {"extra": "allow"}

    recent_sexual_assault: bool = False
    relation: str | None = Field(default=None, max_length=1000)
    setting: str | None = Field(default=None, max_length=1000)
    when: str | None = Field(default=None, max_length=1000)
    safe_now: str | None = Field(default=None, max_length=1000)
    asks_for: str | None = Field(default=None, max_length=1000)


class HandoffRequest(BaseModel):
    conversation_id: str = Field(max_length=64)
    entry_point: str = Field(max_length=64)
    labels: dict[Literal["theme", "age_group", "role", "urgency"], Label] = {}
    consent: bool
    visitor_words: list[str] = Field(default=[], max_length=100)
    qa: list[QuestionAnswer] = Field(default=[], max_length=50)
    details: HandoffDetails = HandoffDetails()


class AppointmentHelpline(BaseModel):
    id: str
    name: str


class HandoffOutcome(BaseModel):
    outcome: Literal["queued", "closed"]
    helpline: HelplineOut
    routing_reason: str
    queue_position: int | None
    expected_wait_minutes: int | None
    next_opening: str | None
    now: str
    appointment_helpline: AppointmentHelpline | None = None
    move_sentence: str | None = Field(
        default=None, description="Said to a visitor routed away from where they came in (Dutch)"
    )


class OpeningHoursOut(BaseModel):
    weekday: int
    opens: str
    closes: str


class AvailabilityOut(BaseModel):
    entry_point: str
    helpline: HelplineOut
    status: Literal["open", "busy", "closed"]
    now: str
    next_opening: str | None
    closes_at: str | None
    queue_length: int
    expected_wait_minutes: int | None
    opening_hours: list[OpeningHoursOut]
    appointments_possible: bool
    appointment_helpline: AppointmentHelpline | None = Field(
        default=None, description="Where this visitor can book a chat appointment now (null: offer none)"
    )


class Slot(BaseModel):
    start: str
    end: str


class SlotsOut(BaseModel):
    helpline: HelplineOut
    slots: list[Slot]


class BookAppointment(BaseModel):
    conversation_id: str = Field(max_length=64)
    entry_point: str = Field(max_length=64)
    start: datetime


class BookedAppointment(BaseModel):
    code: str
    start: str
    end: str
    helpline: HelplineOut


class EmailRequestIn(BaseModel):
    conversation_id: str = Field(max_length=64)
    entry_point: str = Field(max_length=64)
    message: str = Field(min_length=1, max_length=4000)
    reply_to: str | None = Field(default=None, max_length=320)


class EmailRequestOut(BaseModel):
    helpline: HelplineOut
    pickup_code: str | None


class BotEvent(BaseModel):
    """Something the bot did that the coordinators' statistics count (nothing else is kept)."""

    conversation_id: str = Field(max_length=64)
    kind: Literal["crisis_answer", "numbers_given"]
    urgency: Literal["acute_danger", "suicide_risk", "recent_assault"] | None = None
