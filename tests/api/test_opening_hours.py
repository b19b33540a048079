"""Opening hours through the internal availability call: midnight, DST, holidays."""

from pathlib import Path

import pytest
import yaml

from handoff_api.config import PACKAGE_DIR

from .conftest import INTERNAL, availability, availability_at, on_duty

NIGHT_LINE = {
    "id": "nachtlijn",
    "name": "Nachtlijn (test)",
    "country": "BE",
    "timezone": "Europe/Brussels",
    "audience": {
        "age_groups": ["minor", "adult", "unknown"],
        "themes": ["sexual_violence", "physical_violence", "psychological_violence", "neglect", "other"],
        "roles": ["victim", "bystander", "perpetrator", "professional", "unknown"],
    },
    "entry_points": ["nacht"],
    "email": "nacht@example.org",
    "phones": [],
    "chat_hours": [{"weekday": 5, "opens": "22:00", "closes": "02:00"}],
    "closures": {"public_holidays": "BE", "extra_dates": ["2026-12-05"]},
}


@pytest.fixture
def settings_overrides(tmp_path: Path) -> dict:
    catalog = yaml.safe_load((PACKAGE_DIR / "helplines.yml").read_text(encoding="utf-8"))
    catalog["helplines"].append(NIGHT_LINE)
    path = tmp_path / "helplines.yml"
    path.write_text(yaml.safe_dump(catalog, allow_unicode=True), encoding="utf-8")
    return {"helplines_file": path}


@pytest.fixture(autouse=True)
def staffed(client, database_url, monkeypatch, settings_overrides):
    """An available counsellor for each helpline here: inside its hours, it is open."""
    return on_duty(
        client, database_url, monkeypatch, "nupraatikerover", "nachtlijn", "veiligthuis",
        **settings_overrides,
    )


def test_the_contract_shape_of_availability(client):
    answer = availability_at(client, "nupraatikerover", "2026-11-22T23:30:00+01:00")
    assert answer == {
        "entry_point": "nupraatikerover",
        "helpline": {
            "id": "nupraatikerover",
            "name": "Nupraatikerover.be",
            "email": "info@nupraatikerover.be",
            "country": "BE",
            "phones": [],
        },
        "status": "closed",
        "reason": "outside_hours",
        "now": answer["now"],
        "next_opening": "2026-11-23T19:00:00+01:00",
        "next_opening_text": "morgen om 19 uur",
        "reopens_sentence": "De chat gaat morgen om 19 uur weer open.",
        "closes_at": None,
        "closes_text": None,
        "status_sentence": "De chat van Nupraatikerover.be is nu gesloten. "
        "De chat gaat morgen om 19 uur weer open.",
        "queue_length": 0,
        "waiting_sentence": "Er wacht nu niemand voor je.",
        "expected_wait_minutes": None,
        "expected_wait": None,
        "opening_hours": [
            {"weekday": 0, "opens": "19:00", "closes": "22:00"},
            {"weekday": 1, "opens": "19:00", "closes": "22:00"},
            {"weekday": 2, "opens": "14:00", "closes": "22:00"},
            {"weekday": 3, "opens": "19:00", "closes": "22:00"},
        ],
        "appointments_possible": True,
        "appointment_helpline": {"id": "nupraatikerover", "name": "Nupraatikerover.be"},
    }
    assert answer["now"].startswith("2026-11-22T23:30") and answer["now"].endswith("+01:00")


@pytest.mark.parametrize(
    ("moment", "status", "next_opening", "closes_at"),
    [
        ("2026-11-25T15:00:00+01:00", "open", None, "2026-11-25T22:00:00+01:00"),  # Wednesday
        ("2026-11-24T22:00:00+01:00", "closed", "2026-11-25T14:00:00+01:00", None),  # closing time
        ("2026-11-27T10:00:00+01:00", "closed", "2026-11-30T19:00:00+01:00", None),  # Friday
        # Armistice Day (Wednesday 11 November) is a Belgian public holiday
        ("2026-11-11T15:00:00+01:00", "closed", "2026-11-12T19:00:00+01:00", None),
        # Easter Monday 2026-04-06: closed, so Sunday night points to Tuesday
        ("2026-04-05T23:00:00+02:00", "closed", "2026-04-07T19:00:00+02:00", None),
        # DST starts on Sunday 29 March: the opening on Monday is at +02:00
        ("2026-03-28T12:00:00+01:00", "closed", "2026-03-30T19:00:00+02:00", None),
        # DST ends on Sunday 25 October: the opening on Monday is at +01:00
        ("2026-10-24T12:00:00+02:00", "closed", "2026-10-26T19:00:00+01:00", None),
    ],
)
def test_nupraatikerover_hours(client, moment, status, next_opening, closes_at):
    answer = availability_at(client, "nupraatikerover", moment)
    assert (answer["status"], answer["next_opening"], answer["closes_at"]) == (
        status,
        next_opening,
        closes_at,
    )


@pytest.mark.parametrize(
    ("moment", "status", "next_opening", "closes_at"),
    [
        ("2026-11-21T21:00:00+01:00", "closed", "2026-11-21T22:00:00+01:00", None),
        ("2026-11-21T23:59:00+01:00", "open", None, "2026-11-22T02:00:00+01:00"),
        ("2026-11-22T01:30:00+01:00", "open", None, "2026-11-22T02:00:00+01:00"),  # after midnight
        ("2026-11-22T02:00:00+01:00", "closed", "2026-11-28T22:00:00+01:00", None),
        # 02:00 does not exist on 29 March: the night closes at 03:00 summer time
        ("2026-03-29T01:30:00+01:00", "open", None, "2026-03-29T03:00:00+02:00"),
        # 02:00 comes twice on 25 October: the night closes at the first one
        ("2026-10-25T01:30:00+02:00", "open", None, "2026-10-25T02:00:00+02:00"),
        ("2026-10-25T02:30:00+01:00", "closed", "2026-10-31T22:00:00+01:00", None),
        # an extra closure date (Saturday 5 December) skips that night
        ("2026-12-05T21:00:00+01:00", "closed", "2026-12-12T22:00:00+01:00", None),
    ],
)
def test_hours_across_midnight_and_dst(client, moment, status, next_opening, closes_at):
    answer = availability_at(client, "nacht", moment)
    assert (answer["status"], answer["next_opening"], answer["closes_at"]) == (
        status,
        next_opening,
        closes_at,
    )


@pytest.mark.parametrize(
    ("moment", "status", "next_opening"),
    [
        ("2026-04-27T10:00:00+02:00", "closed", "2026-04-28T09:00:00+02:00"),  # King's Day
        ("2026-04-28T10:00:00+02:00", "open", None),
        ("2026-11-22T23:30:00+01:00", "closed", "2026-11-23T09:00:00+01:00"),
    ],
)
def test_veilig_thuis_workdays_in_amsterdam(client, moment, status, next_opening):
    answer = availability_at(client, "veiligthuis", moment)
    assert (answer["status"], answer["next_opening"]) == (status, next_opening)
    assert answer["helpline"]["country"] == "NL"
    assert {"name": "Veilig Thuis", "number": "0800-2000", "hours": "dag en nacht"} in answer[
        "helpline"
    ]["phones"]


def test_availability_needs_the_internal_token_and_a_known_entry_point(client):
    params = {"entry_point": "nupraatikerover"}
    assert client.get("/internal/v1/availability", params=params).status_code == 401
    wrong = {"X-Internal-Token": "wrong"}
    assert client.get("/internal/v1/availability", params=params, headers=wrong).status_code == 401
    unknown = client.get(
        "/internal/v1/availability", params={"entry_point": "nergens"}, headers=INTERNAL
    )
    assert unknown.status_code == 404


def test_availability_without_conversation_uses_the_real_clock(client):
    answer = availability(client, "1712")
    assert answer["status"] in ("open", "closed", "busy")
    assert answer["entry_point"] == "1712"
