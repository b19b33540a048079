"""A seeded demand simulator that drives the real API with the simulated clock.

Visitors arrive by an hour-of-week profile scaled to monthly volumes. Each visit is one click on
the chat button; some visitors start a chat. Arriving while the chat is closed they send an
e-mail, book an appointment, ask for the round-the-clock numbers or leave; while it is open
they wait, and a counsellor claims and closes the chat, or they give up waiting. The
simulator plays the bot's part over the internal API (handover, e-mail, appointment, the
crisis answer) and the counsellor's over the counsellors' API.

Every visitor's conversation is played from start to end before the next one starts, so
visitors never meet each other in a queue; what the statistics count comes only from the
API's own event counters, and the simulator keeps its own tally to compare with.

Calibrated mode (`make demo-stats`) reproduces the monthly figures of seed 003 for
Nupraatikerover.be in 2020 exactly: conversations held, new callers and clicks per month.
"""

import math
import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

import httpx

from handoff_api.helplines import hours
from handoff_api.helplines.catalog import Helpline
from handoff_api.stats.report import ANSWERED_WITHIN_MINUTES

# Seed 003, the minister's answer to question 189: (conversations held, new callers, clicks).
SEED_NUPRAATIKEROVER_2020 = {
    "2020-01": (60, 21, 263),
    "2020-02": (60, 26, 304),
    "2020-03": (89, 40, 398),
    "2020-04": (123, 62, 452),
    "2020-05": (100, 46, 431),
    "2020-06": (80, 36, 327),
    "2020-07": (45, 19, 239),
    "2020-08": (36, 22, 246),
    "2020-09": (65, 28, 301),
    "2020-10": (110, 75, 766),
}

# Relative demand per hour of the day: quiet at night, after school and in the evening busiest.
HOUR_WEIGHTS = (
    0.3, 0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.4, 0.6, 0.7, 0.8, 0.9,
    1.0, 1.1, 1.3, 1.6, 1.9, 2.1, 2.3, 2.6, 2.8, 2.6, 2.0, 1.0,
)
WEEKDAY_WEIGHTS = (1.0, 1.0, 1.1, 1.0, 0.9, 0.8, 1.0)
PASSWORD = "simulated-counsellor-password"


@dataclass(frozen=True)
class Behaviour:
    """The shares that decide what a simulated visitor does (seeded, so every run is the same)."""

    starts_chat: float = 0.8  # of the visits that are not a held conversation
    closed_email: float = 0.22
    closed_appointment: float = 0.10
    closed_numbers: float = 0.25  # the rest of the closed arrivals leave
    open_gives_up_in_queue: float = 0.55  # the rest leave the bot before any handover
    appointments_kept_share: float = 0.05  # of the held conversations
    crisis_share: float = 0.06  # of the chats started
    mean_wait_minutes: float = 4.0
    mean_patience_minutes: float = 9.0
    mean_handling_minutes: float = 45.0  # seed 003's helplines.yml placeholder, gamma-shaped


@dataclass
class Tally:
    """The simulator's own count per month, in the names of the monthly table."""

    counts: dict[str, Counter] = field(default_factory=dict)
    left_waits: dict[str, list[int]] = field(default_factory=dict)

    def add(self, moment: datetime, name: str, amount: int = 1) -> None:
        self.counts.setdefault(_month(moment), Counter())[name] += amount

    def left(self, moment: datetime, wait: int) -> None:
        self.add(moment, "never_claimed")
        self.left_waits.setdefault(_month(moment), []).append(wait)


class SimulationError(RuntimeError):
    """The API answered something the simulated visitor did not expect."""


class ApiDriver:
    """The simulated people's calls: visitor (public API), bot (internal API), counsellor."""

    def __init__(self, public: httpx.Client, internal: httpx.Client, internal_token: str, entry_point: str):
        self.public = public
        self.internal = internal
        self.internal_headers = {"X-Internal-Token": internal_token}
        self.entry_point = entry_point
        self.counsellor_token: str | None = None

    def _check(self, response: httpx.Response, *ok: int) -> dict:
        if response.status_code not in ok:
            raise SimulationError(f"{response.request.method} {response.request.url.path}: {response.status_code} {response.text[:300]}")
        return response.json() if response.content else {}

    def login(self, username: str) -> None:
        body = self._check(self.public.post("/api/v1/counsellor/login", json={"username": username, "password": PASSWORD}), 200)
        self.counsellor_token = body["token"]
        self._check(
            self.public.post(
                "/api/v1/counsellor/presence", json={"status": "available"}, headers=self._counsellor()
            ),
            200,
        )

    def heartbeat(self) -> None:
        """The simulated console is still open (a long run outlasts the presence timeout)."""
        self._check(self.public.post("/api/v1/counsellor/presence/heartbeat", headers=self._counsellor()), 200)

    def _counsellor(self) -> dict:
        return {"Authorization": f"Bearer {self.counsellor_token}"}

    def click(self, at: datetime) -> None:
        self._check(self.public.post(f"/api/v1/entry-points/{self.entry_point}/opened", json={"simulated_now": at.isoformat()}), 204)

    def start(self, at: datetime) -> tuple[str, str]:
        body = self._check(
            self.public.post("/api/v1/conversations", json={"entry_point": self.entry_point, "simulated_now": at.isoformat()}),
            201,
        )
        return body["id"], body["token"]

    def say(self, conversation: tuple[str, str], text: str, at: datetime) -> None:
        conversation_id, token = conversation
        self._check(
            self.public.post(
                f"/api/v1/conversations/{conversation_id}/messages",
                json={"text": text, "simulated_now": at.isoformat()},
                headers={"Authorization": f"Bearer {token}"},
            ),
            200,
        )

    def end(self, conversation: tuple[str, str]) -> None:
        conversation_id, token = conversation
        self._check(self.public.post(f"/api/v1/conversations/{conversation_id}/end", headers={"Authorization": f"Bearer {token}"}), 200)

    def hand_over(self, conversation: tuple[str, str], urgency: str) -> dict:
        labels = {
            "age_group": {"value": "minor", "confidence": 0.9, "source": "classifier"},
            "theme": {"value": "physical_violence", "confidence": 0.8, "source": "classifier"},
            "role": {"value": "victim", "confidence": 0.8, "source": "classifier"},
            "urgency": {"value": urgency, "confidence": 0.9, "source": "classifier"},
        }
        body = {"conversation_id": conversation[0], "entry_point": self.entry_point, "labels": labels, "consent": False}
        return self._check(self.internal.post("/internal/v1/handoffs", json=body, headers=self.internal_headers), 200, 201)

    def bot_event(self, conversation: tuple[str, str], kind: str, urgency: str | None = None) -> None:
        body = {"conversation_id": conversation[0], "kind": kind, "urgency": urgency}
        self._check(self.internal.post("/internal/v1/events", json=body, headers=self.internal_headers), 204)

    def email(self, conversation: tuple[str, str]) -> None:
        body = {"conversation_id": conversation[0], "entry_point": self.entry_point, "message": "Gesimuleerde vraag.", "reply_to": None}
        self._check(self.internal.post("/internal/v1/email-requests", json=body, headers=self.internal_headers), 201)

    def book(self, conversation: tuple[str, str]) -> tuple[str, datetime, datetime] | None:
        params = {"entry_point": self.entry_point, "conversation_id": conversation[0], "limit": "1"}
        slots = self._check(self.internal.get("/internal/v1/appointments/slots", params=params, headers=self.internal_headers), 200)["slots"]
        if not slots:
            return None
        body = {"conversation_id": conversation[0], "entry_point": self.entry_point, "start": slots[0]["start"]}
        booked = self._check(self.internal.post("/internal/v1/appointments", json=body, headers=self.internal_headers), 201)
        return booked["code"], datetime.fromisoformat(booked["start"]), datetime.fromisoformat(booked["end"])

    def check_in(self, code: str, at: datetime) -> tuple[str, str] | None:
        response = self.public.post("/api/v1/appointments/check-in", json={"code": code, "simulated_now": at.isoformat()})
        if response.status_code == 410:
            return None  # too late: the appointment was missed
        body = self._check(response, 200)
        return body["id"], body["token"]

    def claim_and_close(self, conversation: tuple[str, str], first_contact: bool, ends_at: datetime) -> None:
        """A counsellor claims, the two chat until `ends_at` (the visitor's last message), then closes."""
        conversation_id = conversation[0]
        self._check(self.public.post(f"/api/v1/counsellor/conversations/{conversation_id}/claim", headers=self._counsellor()), 200)
        self.say(conversation, "Dank je, dit hielp.", ends_at)
        registration = {"main_theme": "physical_violence", "role": "victim", "age_group": "minor", "first_contact": first_contact}
        self._check(
            self.public.post(f"/api/v1/counsellor/conversations/{conversation_id}/close", json=registration, headers=self._counsellor()),
            200,
        )


def _month(moment: datetime) -> str:
    return moment.strftime("%Y-%m")


def month_span(month: str, helpline: Helpline) -> tuple[datetime, datetime]:
    year, number = (int(p) for p in month.split("-"))
    first = datetime(year, number, 1, tzinfo=helpline.tz)
    after = datetime(year + (number == 12), number % 12 + 1, 1, tzinfo=helpline.tz)
    return first, after


class Simulator:
    def __init__(self, driver: ApiDriver, helpline: Helpline, seed: int = 2020, behaviour: Behaviour = Behaviour()):
        self.driver = driver
        self.helpline = helpline
        self.random = random.Random(seed)
        self.behaviour = behaviour
        self.tally = Tally()
        self.moved_to_open = 0  # visits the profile put in closed hours, moved to open ones
        self.handled: list[int] = []  # minutes of every counsellor's chat, for the advice check

    # --- times ------------------------------------------------------------------------------
    def open_intervals(self, month: str) -> list[hours.Interval]:
        start, end = month_span(month, self.helpline)
        return [
            i for i in hours.intervals_between(self.helpline, start.astimezone(UTC), end.astimezone(UTC))
            if i.end - i.start >= timedelta(minutes=30)
        ]

    def is_open(self, moment: datetime) -> bool:
        return hours.current_interval(self.helpline, moment.astimezone(UTC)) is not None

    def profile_time(self, month: str) -> datetime:
        """A moment of the month by the hour-of-week profile (local wall clock)."""
        start, end = month_span(month, self.helpline)
        days = (end.date() - start.date()).days
        choices = [(d, h) for d in range(days) for h in range(24)]
        weights = [WEEKDAY_WEIGHTS[(start.date() + timedelta(days=d)).weekday()] * HOUR_WEIGHTS[h] for d, h in choices]
        day, hour = self.random.choices(choices, weights)[0]
        moment = datetime.combine(start.date() + timedelta(days=day), datetime.min.time()) + timedelta(
            hours=hour, seconds=self.random.randrange(3600)
        )
        return moment.replace(tzinfo=self.helpline.tz).astimezone(UTC).astimezone(self.helpline.tz)

    def open_time(self, intervals: list[hours.Interval]) -> datetime:
        """A moment at least 20 minutes before the end of an opening, so the chat is still open."""
        weights = [(i.end - i.start).total_seconds() for i in intervals]
        interval = self.random.choices(intervals, weights)[0]
        room = (interval.end - interval.start).total_seconds() - 20 * 60
        return (interval.start + timedelta(seconds=self.random.uniform(0, room))).astimezone(self.helpline.tz)

    def handling(self) -> timedelta:
        minutes = self.random.gammavariate(2.0, self.behaviour.mean_handling_minutes / 2)
        self.handled.append(int(min(minutes, 240)))
        return timedelta(minutes=int(min(minutes, 240)), seconds=30)

    def minutes(self, mean: float, at_most: int) -> int:
        return min(at_most, int(self.random.expovariate(1 / mean)))

    # --- visitors ---------------------------------------------------------------------------
    def held(self, at: datetime, first_contact: bool, urgency: str = "none") -> None:
        """Clicks, starts, is handed over, waits, and a counsellor claims and closes."""
        self.driver.click(at)
        self.tally.add(at, "clicks")
        conversation = self._start(at)
        wait = self.minutes(self.behaviour.mean_wait_minutes, 15)
        self._queue(conversation, at, urgency)
        claimed = at + timedelta(minutes=wait, seconds=30)
        self.driver.say(conversation, "Ben je er nog?", claimed)
        self.driver.claim_and_close(conversation, first_contact, claimed + self.handling())
        self._claimed(claimed, wait, first_contact)

    def _start(self, at: datetime) -> tuple[str, str]:
        conversation = self.driver.start(at)
        self.tally.add(at, "chats_started")
        if not self.is_open(at):
            self.tally.add(at, "arrived_closed")
        return conversation

    def _queue(self, conversation, at: datetime, urgency: str) -> None:
        self.driver.heartbeat()
        outcome = self.driver.hand_over(conversation, urgency)
        if outcome["outcome"] != "queued" or outcome["helpline"]["id"] != self.helpline.id:
            raise SimulationError(f"expected a place in {self.helpline.id}'s queue at {at}, got {outcome}")

    def _claimed(self, at: datetime, wait: int, first_contact: bool) -> None:
        self.tally.add(at, "conversations")
        self.tally.add(at, "new_callers" if first_contact else "returning_callers")
        if wait < ANSWERED_WITHIN_MINUTES:
            self.tally.add(at, "answered_within_5")

    def other_visit(self, at: datetime) -> None:
        """A click that is not a held conversation: looks and leaves, or starts and does not get one."""
        self.driver.click(at)
        self.tally.add(at, "clicks")
        if self.random.random() >= self.behaviour.starts_chat:
            return
        conversation = self._start(at)
        if self.random.random() < self.behaviour.crisis_share:
            self.driver.bot_event(conversation, "crisis_answer", "acute_danger")
            self.tally.add(at, "crisis_answers")
            if not self.is_open(at):
                self.tally.add(at, "closed_numbers")
            self.driver.end(conversation)
            self._left_bot(at, counted_as_numbers=True)
            return
        if self.is_open(at):
            self._open_without_counsellor(conversation, at)
        else:
            self._closed_choice(conversation, at)

    def _open_without_counsellor(self, conversation, at: datetime) -> None:
        if self.random.random() < self.behaviour.open_gives_up_in_queue:
            self._queue(conversation, at, "none")
            patience = self.minutes(self.behaviour.mean_patience_minutes, 60)
            self.driver.say(conversation, "Duurt het nog lang?", at + timedelta(minutes=patience, seconds=30))
            self.driver.end(conversation)
            self.tally.left(at + timedelta(minutes=patience, seconds=30), patience)
        else:
            self.driver.end(conversation)
            self._left_bot(at)

    def _closed_choice(self, conversation, at: datetime) -> None:
        roll = self.random.random()
        b = self.behaviour
        if roll < b.closed_email:
            self.driver.email(conversation)
            self.tally.add(at, "closed_email")
            self.driver.end(conversation)
            self._left_bot(at, counted_elsewhere=True)
        elif roll < b.closed_email + b.closed_appointment and self._book_and_miss(conversation, at):
            pass
        elif roll < b.closed_email + b.closed_appointment + b.closed_numbers:
            self.driver.bot_event(conversation, "numbers_given")
            self.tally.add(at, "closed_numbers")
            self.driver.end(conversation)
            self._left_bot(at, counted_as_numbers=True)
        else:
            self.driver.end(conversation)
            self._left_bot(at)

    def _left_bot(self, at: datetime, counted_as_numbers: bool = False, counted_elsewhere: bool = False) -> None:
        """Ended with the bot: in the table a closed arrival who only left is 'daarna weg'."""
        if not self.is_open(at) and not counted_as_numbers and not counted_elsewhere:
            self.tally.add(at, "closed_left")

    def _book_and_miss(self, conversation, at: datetime) -> bool:
        booked = self.driver.book(conversation)
        if booked is None:
            return False
        code, _start, end = booked
        self.tally.add(at, "closed_appointment")
        self.driver.end(conversation)
        self._left_bot(at, counted_elsewhere=True)
        self.driver.check_in(code, end + timedelta(minutes=10))  # too late: counted as missed
        self.tally.add(end, "appointments_missed")
        return True

    def kept_appointment(self, interval: hours.Interval, first_contact: bool) -> bool:
        """Books while closed, two hours before an opening, and comes back at the slot."""
        at = (interval.start - timedelta(hours=2)).astimezone(self.helpline.tz)
        if self.is_open(at):
            return False
        self.driver.click(at)
        self.tally.add(at, "clicks")
        conversation = self._start(at)
        booked = self.driver.book(conversation)
        if booked is None or booked[1].astimezone(UTC) != interval.start.astimezone(UTC):
            raise SimulationError(f"expected the slot at {interval.start}, got {booked}")
        code, start, _end = booked
        self.tally.add(at, "closed_appointment")
        self.driver.end(conversation)
        back = start + timedelta(minutes=1)
        self.driver.click(back)
        self.tally.add(back, "clicks")
        returned = self.driver.check_in(code, back)
        self.tally.add(back, "appointments_kept")
        self.driver.claim_and_close(returned, first_contact, back + self.handling())
        self._claimed(back, 0, first_contact)
        return True

    # --- a month -----------------------------------------------------------------------------
    def month(self, month: str, conversations: int, new_callers: int, clicks: int) -> None:
        """Exactly these conversations held, new callers and clicks in this month."""
        intervals = self.open_intervals(month)
        kept_wanted = round(conversations * self.behaviour.appointments_kept_share)
        first_month_day = month_span(month, self.helpline)[0] + timedelta(hours=3)
        candidates = [i for i in intervals if i.start >= first_month_day]
        first_contacts = [True] * new_callers + [False] * (conversations - new_callers)
        self.random.shuffle(first_contacts)
        kept = 0
        for interval in self.random.sample(candidates, min(kept_wanted, len(candidates))):
            if self.kept_appointment(interval, first_contacts[kept]):
                kept += 1
        walk_ins = conversations - kept
        visits = [self.profile_time(month) for _ in range(clicks - 2 * kept)]
        if walk_ins > len(visits):
            raise SimulationError(f"{month}: {clicks} clicks cannot hold {conversations} conversations")
        open_visits = [i for i, moment in enumerate(visits) if self.is_open(moment)]
        closed_visits = [i for i, moment in enumerate(visits) if not self.is_open(moment)]
        self.random.shuffle(closed_visits)
        while len(open_visits) < walk_ins:  # a quiet month's profile gives too few: move some
            index = closed_visits.pop()
            visits[index] = self.open_time(intervals)
            open_visits.append(index)
            self.moved_to_open += 1
        held = set(self.random.sample(open_visits, walk_ins))
        first_of_walk_ins = iter(first_contacts[kept:])
        for index in sorted(range(len(visits)), key=visits.__getitem__):
            if index in held:
                self.held(visits[index], next(first_of_walk_ins))
            else:
                self.other_visit(visits[index])


def run(simulator: Simulator, targets: dict[str, tuple[int, int, int]]) -> Tally:
    for month, (conversations, new_callers, clicks) in sorted(targets.items()):
        simulator.month(month, conversations, new_callers, clicks)
    return simulator.tally


__all__ = ["ApiDriver", "Behaviour", "SEED_NUPRAATIKEROVER_2020", "Simulator", "SimulationError", "Tally", "date", "math", "run"]
