"""Request and response bodies of the trainers' API."""

from typing import Literal

from pydantic import BaseModel, ConfigDict

Theme = Literal["sexual_violence", "physical_violence", "psychological_violence", "neglect", "other"]
AgeGroup = Literal["minor", "adult", "unknown"]
Role = Literal["victim", "bystander", "perpetrator", "professional", "unknown"]
Urgency = Literal["acute_danger", "suicide_risk", "none"]


class Correction(BaseModel):
    """The trainer's intent and labels; a field left out keeps the bot's value."""

    model_config = ConfigDict(extra="forbid")

    intent: str | None = None
    theme: Theme | None = None
    age_group: AgeGroup | None = None
    role: Role | None = None
    urgency: Urgency | None = None


class BotLabel(BaseModel):
    value: str | None = None
    confidence: float | None = None


class ContextLabel(BaseModel):
    value: str | None = None
    source: str | None = None


class BotView(BaseModel):
    intent: str | None
    intent_confidence: float | None
    labels: dict[str, BotLabel]


class Item(BaseModel):
    id: str
    text: str
    message_at: str
    helpline_id: str | None
    reasons: list[str]
    bot: BotView
    counsellor: dict[str, str] | None
    context: dict[str, ContextLabel] | None


class Inbox(BaseModel):
    count: int
    items: list[Item]


class Collected(BaseModel):
    conversations: int
    new_items: int
    updated_items: int
    unavailable: int
    errors: list[str]


class Decision(BaseModel):
    id: str
    decision: Literal["accepted", "corrected", "dropped", "personal_data"]
    outcome: Literal["written", "duplicate", "dropped", "undone", "not_written"]
    intent: str | None
    labels: dict[str, str | None] | None
    nlu_file: str | None
    text: str | None
    decided_at: str


class Vocabulary(BaseModel):
    intents: list[str]
    labels: dict[str, list[str]]


class Trainer(BaseModel):
    id: str
    username: str
    display_name: str
    helpline_id: str
