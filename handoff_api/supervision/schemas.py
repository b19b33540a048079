"""Bodies of notes, whispers, standard texts and the access log."""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from handoff_api.conversations.schemas import MessageText


class NoteIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: MessageText


class LiveConversation(BaseModel):
    conversation_id: str
    helpline_id: str
    urgency: str
    theme: str | None
    age_group: str | None
    came_in_through: str
    counsellor_name: str | None
    last_seq: int
    takeover_asked: bool = Field(description="Its counsellor asks a supervisor to take it over")


class StandardTextIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str = Field(min_length=1, max_length=80)
    text: str = Field(min_length=1, max_length=4000)
    helpline_id: str | None = Field(default=None, max_length=64, description="Default: the supervisor's own")


class StandardTextOut(BaseModel):
    id: int
    helpline_id: str
    title: str
    text: str


AccessAction = Literal[
    "view_queue", "view_conversation", "watch_conversation", "watch_desk", "view_live",
    "whisper", "join", "takeover_asked", "takeover_withdrawn", "takeover",
]


class AccessLogLine(BaseModel):
    at: str = Field(description="UTC, ISO 8601")
    username: str = Field(description="The staff account's name (never anything of the visitor)")
    helpline_id: str
    action: AccessAction
    conversation_id: str | None


class AccessLogPage(BaseModel):
    entries: list[AccessLogLine] = Field(description="Newest first")
    total: int = Field(description="Lines in the period, all pages")
    offset: int
    limit: int
    timezone: str = Field(description="The helpline's time zone: the period's days are its days")


class TakeoverRequestOut(BaseModel):
    asked_by: str
    asked_at: str
