"""Visitor bodies for coming back with an appointment code."""

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field


class CheckIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: str = Field(min_length=4, max_length=32)
    simulated_now: datetime | None = Field(
        default=None, description="Only with HANDOFF_ALLOW_SIMULATED_CLOCK=1."
    )


class CheckedIn(BaseModel):
    id: str
    token: str
    state: str
    queue_position: int | None
    expected_wait_minutes: int | None
