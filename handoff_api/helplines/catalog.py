"""The helplines YAML: its schema, loading and look-ups."""

from datetime import date, time
from functools import cached_property
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

AgeGroup = Literal["minor", "adult", "unknown"]
Theme = Literal["sexual_violence", "physical_violence", "psychological_violence", "neglect", "other"]
Role = Literal["victim", "bystander", "perpetrator", "professional", "unknown"]
Urgency = Literal["acute_danger", "suicide_risk", "none"]

AGE_GROUPS: tuple[str, ...] = AgeGroup.__args__
THEMES: tuple[str, ...] = Theme.__args__
ROLES: tuple[str, ...] = Role.__args__
URGENCIES: tuple[str, ...] = Urgency.__args__


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Phone(StrictModel):
    name: str
    number: str | None
    hours: str


class OpeningHours(StrictModel):
    weekday: int = Field(ge=0, le=6)
    opens: time
    closes: time  # at or before `opens` means the next day (e.g. 22:00-02:00)


class Closures(StrictModel):
    public_holidays: Literal["BE", "NL"] | None = None
    extra_dates: list[date] = []


class Audience(StrictModel):
    age_groups: list[AgeGroup]
    themes: list[Theme]
    roles: list[Role]


class AppointmentPolicy(StrictModel):
    enabled: bool = False
    slot_minutes: int = Field(default=45, ge=10, le=240)
    per_slot: int = Field(default=1, ge=1)
    horizon_days: int = Field(default=14, ge=1, le=60)
    min_lead_minutes: int = Field(default=30, ge=0)
    early_checkin_minutes: int = Field(default=15, ge=0)


class Helpline(StrictModel):
    id: str
    name: str
    country: Literal["BE", "NL"]
    timezone: str
    audience: Audience
    entry_points: list[str]
    email: str | None
    phones: list[Phone]
    chat_hours: list[OpeningHours]
    closures: Closures = Closures()
    average_chat_minutes: int = Field(default=45, ge=1)
    appointments: AppointmentPolicy = AppointmentPolicy()
    staffed_by: str | None = None
    operator_to_fill_in: list[str] = []

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        ZoneInfo(value)
        return value

    @cached_property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def team(self) -> str:
        """The helpline whose counsellors answer this one's chats."""
        return self.staffed_by or self.id

    def public_view(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "email": self.email,
            "country": self.country,
            "phones": [phone.model_dump() for phone in self.phones],
        }


class RuleCondition(StrictModel):
    entry_points: list[str] | None = None
    age_groups: list[AgeGroup] | None = None
    themes: list[Theme] | None = None
    roles: list[Role] | None = None


class RoutingRule(StrictModel):
    name: str
    description: str
    when: RuleCondition = RuleCondition()
    try_helplines: list[str] = Field(alias="try")
    otherwise: str  # whose out-of-hours offers the visitor gets when none is open


class Catalog(StrictModel):
    round_the_clock: dict[Literal["BE", "NL"], list[Phone]]
    helplines: list[Helpline]
    routing: list[RoutingRule]

    @model_validator(mode="after")
    def _references_exist(self) -> "Catalog":
        ids = {helpline.id for helpline in self.helplines}
        for helpline in self.helplines:
            if helpline.staffed_by and helpline.staffed_by not in ids:
                raise ValueError(f"{helpline.id}: unknown staffed_by {helpline.staffed_by}")
        for rule in self.routing:
            for target in [*rule.try_helplines, rule.otherwise]:
                if target not in ids:
                    raise ValueError(f"routing rule {rule.name}: unknown helpline {target}")
        entry_points = [ep for helpline in self.helplines for ep in helpline.entry_points]
        if len(entry_points) != len(set(entry_points)):
            raise ValueError("an entry point belongs to more than one helpline")
        if not self.routing or self.routing[-1].when != RuleCondition():
            raise ValueError("the last routing rule must match everyone")
        return self

    def helpline(self, helpline_id: str) -> Helpline | None:
        return next((h for h in self.helplines if h.id == helpline_id), None)

    def helpline_for_entry_point(self, entry_point: str) -> Helpline | None:
        return next((h for h in self.helplines if entry_point in h.entry_points), None)

    def team_helpline_ids(self, team_id: str) -> set[str]:
        """Helplines whose chats the counsellors of `team_id` answer."""
        return {h.id for h in self.helplines if h.team == team_id}

    def unfilled_fields(self) -> list[str]:
        return [
            f"{helpline.id}.{field}"
            for helpline in self.helplines
            for field in helpline.operator_to_fill_in
        ]


def load_catalog(path: Path) -> Catalog:
    with open(path, encoding="utf-8") as handle:
        return Catalog.model_validate(yaml.safe_load(handle))
