"""Counsellor API bodies."""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from handoff_api.conversations.schemas import MessageOut, MessageText
from handoff_api.helplines.catalog import AgeGroup, Role, Theme
from handoff_api.supervision.schemas import TakeoverRequestOut


class Login(BaseModel):
    model_config = ConfigDict(extra="forbid")

    username: str = Field(min_length=1, max_length=128)
    password: str = Field(min_length=1, max_length=256)


class CounsellorOut(BaseModel):
    id: str
    username: str
    display_name: str
    helpline_id: str
    role: Literal["counsellor", "supervisor", "trainer", "coordinator"]


class LoggedIn(BaseModel):
    token: str
    counsellor: CounsellorOut


class TransferNote(BaseModel):
    from_helpline: str
    to_helpline: str
    note: str
    created_at: str


class QueueEntry(BaseModel):
    position: int
    conversation_id: str
    helpline_id: str
    entry_point: str
    helpline_name: str
    came_in_through: str
    urgency: str
    theme: str | None
    age_group: str | None
    waiting_minutes: int
    from_appointment: bool
    back_in_queue: bool = False  # its counsellor had to leave: it goes first among its urgency
    transfer_notes: list[TransferNote]


class Queue(BaseModel):
    entries: list[QueueEntry]
    total: int


class MyConversation(BaseModel):
    conversation_id: str
    helpline_id: str
    state: str
    role: Literal["owner", "invited"]
    last_seq: int


class Label(BaseModel):
    value: str
    confidence: float | None = None
    source: str | None = None  # classifier, visitor, skipped, counsellor, intent, not_assessed
    answered_with: Literal["button", "text"] | None = None
    age: int | None = None
    bot_value: str | None = None  # the bot's value a counsellor's registration corrected


class QuestionAnswer(BaseModel):
    question: str
    answer: str


class Briefing(BaseModel):
    entry_point: str
    came_in_through: str
    helpline: str
    theme: Label | None
    age_group: Label | None
    role: Label | None
    urgency: Label | None
    routing_reason: str | None
    relation: str | None
    setting: str | None
    when: str | None
    safe_now: str | None
    asks_for: str | None
    recent_sexual_assault: bool
    consent: bool | None
    story_shared: bool = Field(description="False: nothing from the part with the bot is shown")
    told_themselves: str | None = Field(description="Said instead of the story when it is not shared")
    visitor_words: list[str]
    qa: list[QuestionAnswer]
    from_appointment: bool
    back_in_queue: bool = False
    transfer_notes: list[TransferNote]


class Participant(BaseModel):
    name: str
    role: Literal["owner", "invited"]


class StaffNote(BaseModel):
    """A private note (`note`) or a supervisor's whisper (`whisper`): never shown to the visitor."""

    id: int
    kind: Literal["note", "whisper"]
    author_name: str
    text: str
    created_at: str


class ConversationDetail(BaseModel):
    id: str
    state: Literal["bot", "queued", "human", "closed"]
    helpline_id: str
    briefing: Briefing
    transcript: list[MessageOut]
    participants: list[Participant]
    notes: list[StaffNote] = []
    takeover: TakeoverRequestOut | None = Field(
        default=None, description="Its counsellor asks a supervisor to take it over (who, since when)"
    )


class SendMessage(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: MessageText


class TransferRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    to_helpline: str = Field(max_length=64)
    note: str = Field(min_length=1, max_length=4000, description="Read by the receiving counsellor before claiming")


class InviteRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    username: str = Field(min_length=1, max_length=128)


class CloseRequest(BaseModel):
    """The registration; it may correct the bot's labels."""

    model_config = ConfigDict(extra="forbid")

    main_theme: Theme
    role: Role
    age_group: AgeGroup
    first_contact: bool


class Closed(BaseModel):
    registration_id: str
    bot_labels: dict | None



class SetPresence(BaseModel):
    model_config = ConfigDict(extra="forbid")

    status: Literal["available", "pause", "offline"]


class Presence(BaseModel):
    status: Literal["available", "pause", "offline"]
    max_chats: int
    open_chats: int
    heartbeat_seconds: int
    timeout_seconds: int
