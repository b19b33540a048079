"""Chat with abandonment as a queue: Erlang-A (M/M/s+M) per hour, and a simulation to check it.

Units are minutes. `arrivals` is the mean number of visitors starting a chat in that hour of the
week; counsellors answer one chat at a time (exponential handling, rate mu); a waiting visitor
gives up after an exponential patience (rate theta). A visitor who arrives while the chat is
closed is not answered by chat.
"""

import math
from dataclasses import dataclass
from functools import lru_cache

import ciw
import numpy as np

ANSWER_WITHIN_MINUTES = 5.0
MAX_QUEUE = 80  # states of the birth-death chain beyond s; the tail is negligible here
DRAIN_HOURS = 3  # after closing, chats still running end within this (98% for 45-minute chats)
WEEK_QUEUE = 30  # the same for the week's run through time (hourly arrivals of a few visitors)


@dataclass(frozen=True)
class Rates:
    handling_minutes: float  # mean length of a counsellor's chat
    patience_minutes: float  # mean time a visitor waits before giving up

    @property
    def mu(self) -> float:
        return 1.0 / self.handling_minutes

    @property
    def theta(self) -> float:
        return 1.0 / self.patience_minutes


@dataclass(frozen=True)
class HourOutcome:
    arrivals: float
    answered: float
    answered_within_5: float


def stationary(arrival_rate: float, servers: int, rates: Rates) -> np.ndarray:
    """Erlang-A's stationary distribution over the number of visitors in the chat."""
    size = servers + MAX_QUEUE + 1
    weights = np.empty(size)
    weights[0] = 1.0
    for n in range(1, size):
        death = min(n, servers) * rates.mu + max(n - servers, 0) * rates.theta
        weights[n] = weights[n - 1] * arrival_rate / death
    return weights / weights.sum()


def _served_within(servers: int, rates: Rates, limit_minutes: float) -> np.ndarray:
    """P(served within the limit) for a visitor who finds j visitors waiting ahead (j = 0..)."""
    return _served_within_cached(servers, rates.mu, rates.theta, limit_minutes)


@lru_cache(maxsize=256)
def _served_within_cached(servers: int, mu: float, theta: float, limit: float) -> np.ndarray:
    # Positions 1..J (1 = next to be served) plus two absorbing states: served, gave up.
    positions = MAX_QUEUE + 1
    size = positions + 2
    served, gave_up = positions, positions + 1
    generator = np.zeros((size, size))
    for index in range(positions):  # index i is position i + 1
        forward = servers * mu + index * theta  # a chat ends, or someone ahead gives up
        generator[index, served if index == 0 else index - 1] += forward
        generator[index, gave_up] += theta
        generator[index, index] = -(forward + theta)
    uniform = max(-generator.diagonal()) or 1.0
    step = np.eye(size) + generator / uniform
    mean = uniform * limit
    terms = int(mean + 8 * math.sqrt(mean) + 20)
    probability = np.zeros(size)
    weight = math.exp(-mean)
    power = np.eye(size)
    for k in range(terms):
        probability += weight * power[:, served]
        power = power @ step
        weight *= mean / (k + 1)
    return probability[:positions]


def hour_outcome(arrivals_per_hour: float, servers: int, rates: Rates) -> HourOutcome:
    """Pointwise-stationary Erlang-A for one hour of the week."""
    if servers <= 0 or arrivals_per_hour <= 0:
        return HourOutcome(arrivals_per_hour, 0.0, 0.0)
    rate = arrivals_per_hour / 60.0
    pi = stationary(rate, servers, rates)
    waiting = np.arange(len(pi)) - servers
    queue_length = float(np.sum(np.clip(waiting, 0, None) * pi))
    abandoned_share = rates.theta * queue_length / rate
    at_once = float(pi[:servers].sum())
    ahead = np.clip(waiting[servers:], 0, MAX_QUEUE)
    within = at_once + float(np.sum(pi[servers:] * _served_within(servers, rates, ANSWER_WITHIN_MINUTES)[ahead]))
    answered = arrivals_per_hour * (1.0 - abandoned_share)
    return HourOutcome(arrivals_per_hour, answered, arrivals_per_hour * within)


@dataclass(frozen=True)
class WeekOutcome:
    arrivals: float
    answered: float
    answered_within_5: float
    arrived_closed: float

    @property
    def share_within_5(self) -> float:
        return self.answered_within_5 / self.answered if self.answered else 0.0


def week_outcome(arrivals: np.ndarray, staffing: np.ndarray, rates: Rates) -> WeekOutcome:
    """The model's week (arrivals and staffing 7 x 24): Erlang-A run through time.

    Each opening starts with an empty chat, which matters for openings of a few hours and chats
    of three quarters of an hour, so the birth-death chain is carried from hour to hour
    (uniformization) instead of taking each hour's steady state; the week is run twice so that
    the second run starts where a week ends. When counsellors go off duty (or the chat closes)
    they finish the chats they have: that hour keeps the old number of counsellors."""
    flat_arrivals = arrivals.reshape(-1).astype(float)
    flat_staff = staffing.reshape(-1).astype(int)
    size = int(flat_staff.max(initial=0)) + WEEK_QUEUE + 1
    distribution = np.zeros(size)
    distribution[0] = 1.0
    totals = np.zeros(2)
    for run in range(2):
        totals[:] = 0.0
        previous = int(flat_staff[-1])
        last_open, hours_closed = previous, 0
        for hour in range(168):
            servers = int(flat_staff[hour])
            arrival_rate = flat_arrivals[hour] / 60.0 if servers > 0 else 0.0
            # Counsellors who go off duty first finish the chats in hand: an hour at the old
            # level, and after closing the last team finishes its chats (up to DRAIN_HOURS).
            hours_closed = 0 if servers else hours_closed + 1
            last_open = servers or last_open
            effective = max(servers, previous) if servers else (last_open if hours_closed <= DRAIN_HOURS else 0)
            if servers == 0 and previous > 0:
                distribution = _close_queue(distribution, previous)
            previous = servers
            if effective == 0 and distribution[0] > 1 - 1e-12:
                continue  # closed and empty: nothing happens this hour
            distribution, answered, within = _one_hour(distribution, arrival_rate, effective, servers > 0, rates)
            totals += (answered, within)
    closed = float(flat_arrivals[flat_staff == 0].sum())
    return WeekOutcome(float(flat_arrivals.sum()), float(totals[0]), float(totals[1]), closed)


def _close_queue(distribution: np.ndarray, servers: int) -> np.ndarray:
    """The chat closes: chats in hand go on, nobody waiting is taken any more."""
    closed = np.zeros_like(distribution)
    for n, probability in enumerate(distribution):
        closed[min(n, servers)] += probability
    return closed


def _one_hour(distribution: np.ndarray, arrival_rate: float, servers: int, taking_new: bool, rates: Rates):
    """Carries the distribution over 60 minutes; returns it with the chats answered (served)
    and the arrivals answered within 5 minutes in that hour."""
    size = len(distribution)
    n = np.arange(size)
    births = np.full(size, arrival_rate)
    births[-1] = 0.0
    serving = np.minimum(n, servers) * rates.mu if taking_new or servers else np.zeros(size)
    giving_up = np.clip(n - servers, 0, None) * rates.theta
    deaths = serving + giving_up
    uniform = float((births + deaths).max()) or 1.0
    mean = uniform * 60.0
    terms = int(mean + 8 * math.sqrt(mean) + 20)
    weight = math.exp(-mean)
    tail = 1.0 - weight  # P(Poisson > k)
    current = distribution.copy()
    time_integral = np.zeros(size)
    after = np.zeros(size)
    for k in range(terms):
        after += weight * current
        time_integral += tail * current / uniform
        stepped = current * (1 - (births + deaths) / uniform)
        stepped[1:] += current[:-1] * births[:-1] / uniform
        stepped[:-1] += current[1:] * deaths[1:] / uniform
        current = stepped
        weight *= mean / (k + 1)
        tail -= weight
    completions = float(np.sum(time_integral * serving))
    if not taking_new or servers == 0:
        return after / after.sum(), completions, 0.0
    waiting = np.clip(n - servers, 0, MAX_QUEUE)
    served_within = _served_within(servers, rates, ANSWER_WITHIN_MINUTES)[waiting]
    chance = np.where(n < servers, 1.0, served_within)
    within = float(arrival_rate * np.sum(time_integral * chance))
    return after / after.sum(), completions, within


def simulate_week(arrivals: np.ndarray, staffing: np.ndarray, rates: Rates, weeks: int = 200, seed: int = 1) -> WeekOutcome:
    """A discrete-event simulation (ciw) of the same weeks, averaged per week.

    Unlike the model, shifts change on the hour with chats still running (a counsellor finishes
    the chat first) and a queue carries over from one hour to the next."""
    hours = weeks * 168
    flat_arrivals = np.tile(arrivals.reshape(-1), weeks)
    flat_staff = np.tile(staffing.reshape(-1), weeks).astype(int)
    open_rates = [float(a) / 60.0 if s > 0 else 0.0 for a, s in zip(flat_arrivals, flat_staff)]
    endpoints = [60.0 * (h + 1) for h in range(hours)]
    ciw.seed(seed)
    numbers, ends = _shifts(flat_staff)
    network = ciw.create_network(
        arrival_distributions=[ciw.dists.PoissonIntervals(rates=open_rates, endpoints=endpoints, max_sample_date=endpoints[-1])],
        service_distributions=[ciw.dists.Exponential(rate=rates.mu)],
        number_of_servers=[ciw.Schedule(numbers_of_servers=numbers, shift_end_dates=ends)],
        reneging_time_distributions=[ciw.dists.Exponential(rate=rates.theta)],
    )
    simulation = ciw.Simulation(network)
    simulation.simulate_until_max_time(endpoints[-1] + 24 * 60)
    served = [r for r in simulation.get_all_records() if r.record_type == "service" and r.arrival_date < endpoints[-1]]
    within = sum(1 for r in served if r.waiting_time <= ANSWER_WITHIN_MINUTES)
    closed = float(sum(a for a, s in zip(flat_arrivals, flat_staff) if s == 0))
    return WeekOutcome(float(flat_arrivals.sum()) / weeks, len(served) / weeks, within / weeks, closed / weeks)


def _shifts(staff_per_hour: np.ndarray) -> tuple[list[int], list[float]]:
    """One schedule entry per run of equal staffing: ciw ends a shift at every entry, and a
    counsellor still in a chat would otherwise be joined by a fresh one for the same hour."""
    numbers: list[int] = []
    ends: list[float] = []
    for hour, servers in enumerate(int(s) for s in staff_per_hour):
        if numbers and numbers[-1] == servers:
            ends[-1] = 60.0 * (hour + 1)
        else:
            numbers.append(servers)
            ends.append(60.0 * (hour + 1))
    return numbers, ends
