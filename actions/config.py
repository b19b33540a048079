"""The action server's configuration, read from the environment in one place."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict

import yaml

CONTACTS_FILE = Path(__file__).with_name("fallback_contacts.yml")


@dataclass(frozen=True)
class EntryPoint:
    id: str
    helpline_name: str
    country: str
    contact: str


@dataclass(frozen=True)
class Settings:
    # The handoff API's internal listener (handoff_api.internal_main), not its public app.
    handoff_api_url: str = "http://127.0.0.1:8001"
    internal_token: str = ""
    request_timeout_seconds: float = 4.0
    default_entry_point: str = "1712"
    # A classifier label is taken without asking only above this confidence.
    confident_label: float = 0.6
    entry_points: Dict[str, EntryPoint] = field(default_factory=dict)
    round_the_clock: Dict[str, str] = field(default_factory=dict)

    def entry_point(self, entry_point_id: str | None) -> EntryPoint:
        return self.entry_points.get(entry_point_id or "", self.entry_points[self.default_entry_point])

    def fallback_contact(self, entry_point_id: str | None) -> str:
        """The helpline's own contact plus the round-the-clock numbers, as one sentence."""
        entry = self.entry_point(entry_point_id)
        return f"{entry.contact}. {self.round_the_clock[entry.country]}"


def load_settings() -> Settings:
    contacts = yaml.safe_load(CONTACTS_FILE.read_text(encoding="utf-8"))
    entry_points = {
        str(key): EntryPoint(id=str(key), **value) for key, value in contacts["entry_points"].items()
    }
    return Settings(
        handoff_api_url=os.environ.get("HANDOFF_INTERNAL_URL", Settings.handoff_api_url).rstrip("/"),
        internal_token=os.environ.get("HANDOFF_INTERNAL_TOKEN", ""),
        request_timeout_seconds=float(os.environ.get("HANDOFF_API_TIMEOUT", Settings.request_timeout_seconds)),
        default_entry_point=os.environ.get("DEFAULT_ENTRY_POINT", Settings.default_entry_point),
        confident_label=float(os.environ.get("TRIAGE_CONFIDENT_LABEL", Settings.confident_label)),
        entry_points=entry_points,
        round_the_clock=contacts["round_the_clock"],
    )


settings = load_settings()
