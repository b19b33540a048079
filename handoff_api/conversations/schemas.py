"""Visitor API bodies."""

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

MAX_MESSAGE_CHARS = 4000

MessageText = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_MESSAGE_CHARS)
]


class Button(BaseModel):
    title: str
    payload: str


class MessageOut(BaseModel):
    seq: int
    sender: Literal["visitor", "bot", "counsellor", "system"]
    text: str
    buttons: list[Button] = []
    counsellor_name: str | None = None
    created_at: str


class CreateConversation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    entry_point: str = Field(max_length=64)
    simulated_now: datetime | None = Field(
        default=None,
        description="Only with HANDOFF_ALLOW_SIMULATED_CLOCK=1: the conversation lives at this time.",
    )


class CreatedConversation(BaseModel):
    id: str
    token: str
    state: str
    messages: list[MessageOut]


class PostMessage(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: MessageText
    payload: str | None = Field(default=None, max_length=200, description="A button's payload")
    client_message_id: str | None = Field(
        default=None,
        min_length=8,
        max_length=64,
        pattern=r"^[A-Za-z0-9_-]+$",
        description="Made by the client for each message and sent again on a retry: stored once.",
    )
    simulated_now: datetime | None = Field(
        default=None,
        description="Only with the simulated clock allowed: the conversation's clock moves to this time.",
    )


class Replies(BaseModel):
    messages: list[MessageOut]


class HelplinePhone(BaseModel):
    name: str
    number: str | None
    hours: str


class HelplineOut(BaseModel):
    id: str
    name: str
    email: str | None
    country: Literal["BE", "NL"]
    phones: list[HelplinePhone]


class ExpectedWait(BaseModel):
    min_minutes: int
    max_minutes: int
    text: str = Field(description='"ongeveer 10 tot 20 minuten", or "even geduld" for a short queue')


ClosedReason = Literal["outside_hours", "holiday", "extra_closure", "nobody_on_duty"]


class ConversationOut(BaseModel):
    id: str
    state: Literal["bot", "queued", "human", "closed"]
    entry_point: str
    helpline: HelplineOut
    helpline_status: Literal["open", "busy", "closed"]
    next_opening: str | None
    reopens_sentence: str | None = None  # "De chat gaat morgen om 19 uur weer open." (when closed)
    queue_position: int | None
    expected_wait_minutes: int | None  # the upper end of expected_wait
    expected_wait: ExpectedWait | None = None
    now: str
    last_seq: int
    story_shared: bool = Field(
        description="Whether counsellors may read what the visitor wrote to the bot"
    )
