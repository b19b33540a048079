"""Bodies for e-mail requests: the visitor's pick-up and the counsellor's answer."""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from handoff_api.conversations.schemas import MessageText


class PickUp(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: str = Field(min_length=4, max_length=32)


class PickedUp(BaseModel):
    status: Literal["waiting", "answered"]
    question: str
    reply: str | None
    replied_at: str | None


class EmailRequestView(BaseModel):
    id: str
    helpline_id: str
    message: str
    reply_to: str | None
    needs_answer_here: bool
    status: str
    created_at: str
    reply: str | None


class Answer(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: MessageText
