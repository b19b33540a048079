"""Opening-hours advice: the weekly schedule that answers the most contacts for a staff budget.

Demand, handling time and patience are measured from the anonymous counts of a chosen period.
The optimiser (a MIP solved by HiGHS) chooses shifts of at least `min_shift_hours` inside the
windows the operator allows, within the budget of counsellor-hours per week; per hour it picks
a staffing level whose value is the Erlang-A number of answered contacts. Each schedule is then
judged by the Erlang-A model run through the week and by a simulation (queueing.simulate_week).

Two helplines together: a minor who comes to Nupraatikerover.be while it is closed can be
answered by 1712 when that is open (the routing rules of helplines.yml), so their hours are
chosen jointly from one budget.
"""

from dataclasses import dataclass

import highspy
import numpy as np
from sqlalchemy.orm import Session

from handoff_api.helplines.catalog import Helpline
from handoff_api.stats import report
from handoff_api.stats.charts import opening_blocks
from handoff_api.stats.events import parse_labels
from handoff_api.stats.queueing import Rates, WeekOutcome, hour_outcome, simulate_week, week_outcome

DEFAULT_HANDLING_MINUTES = 45.0
DEFAULT_PATIENCE_MINUTES = 10.0


@dataclass(frozen=True)
class Demand:
    arrivals: np.ndarray  # 7 x 24, mean chats started per week in that hour
    rates: Rates
    weeks: float
    measured_handling: bool
    measured_patience: bool


@dataclass(frozen=True)
class Window:
    """Hours in which the operator allows the chat to be open, every weekday (start, end)."""

    start_hour: int = 9
    end_hour: int = 23


@dataclass(frozen=True)
class Comparison:
    name: str
    staffing: np.ndarray
    model: WeekOutcome
    simulated: WeekOutcome

    @property
    def counsellor_hours(self) -> int:
        return int(self.staffing.sum())

    @property
    def model_vs_simulation(self) -> float:
        return abs(self.model.answered - self.simulated.answered) / max(self.simulated.answered, 1e-9)


def measure(session: Session, helpline_ids: set[str], first: str, last: str) -> Demand:
    """Demand per weekday and hour, and the rates, from the anonymous counts of the period."""
    start, end = report.bounds(first, last)
    weeks = (end - start).days / 7
    arrivals = np.zeros((7, 24))
    handled: list[tuple[int, int]] = []
    waits_served = waits_left = left = 0
    for hour, kind, key, count in report.event_rows(session, helpline_ids, start, end):
        labels = parse_labels(key)
        if kind == "chat_started":
            arrivals[hour.weekday(), hour.hour] += count
        elif kind == "chat_ended":
            handled.append((int(labels.get("handled", 0)), count))
        elif kind == "claimed":
            waits_served += (int(labels.get("wait", 0)) + 0.5) * count
        elif kind == "left_queue":
            waits_left += (int(labels.get("wait", 0)) + 0.5) * count
            left += count
    chats = sum(c for _, c in handled)
    handling = (sum((m + 0.5) * c for m, c in handled) / chats) if chats else DEFAULT_HANDLING_MINUTES
    # Exponential patience, estimated with the waits of those who were answered as censored:
    # rate = people who gave up / all minutes spent waiting.
    waited = waits_served + waits_left
    patience = (waited / left) if left else DEFAULT_PATIENCE_MINUTES
    return Demand(arrivals / max(weeks, 1e-9), Rates(handling, patience), weeks, bool(chats), bool(left))


def current_staffing(helpline: Helpline, counsellors: int) -> np.ndarray:
    """Today's default week (helplines.yml) with `counsellors` on duty in every open hour."""
    staffing = np.zeros((7, 24), dtype=int)
    for day, start, end in opening_blocks(helpline):
        for hour in range(int(start), int(np.ceil(end))):
            staffing[day, hour] = counsellors
    return staffing


def _shifts(window: Window, min_hours: int, max_hours: int) -> list[tuple[int, int, int]]:
    return [
        (day, start, length)
        for day in range(7)
        for start in range(window.start_hour, window.end_hour)
        for length in range(min_hours, max_hours + 1)
        if start + length <= window.end_hour
    ]


def optimise(
    values: dict[tuple[int, int], list[tuple[tuple[int, ...], float]]],
    helplines: int,
    budget_hours: int,
    window: Window,
    min_shift_hours: int = 2,
    max_shift_hours: int = 6,
    max_per_shift: int = 3,
) -> np.ndarray:
    """The staffing (helplines x 7 x 24) that maximises the summed values within the budget.

    `values[(day, hour)]` lists the choices for that hour: a staffing per helpline and the
    contacts it answers per week. Shifts start and end on the hour, inside the window."""
    model = highspy.Highs()
    model.setOptionValue("output_flag", False)
    model.setOptionValue("time_limit", 60.0)
    shifts = _shifts(window, min_shift_hours, max_shift_hours)
    x = {
        (line, shift): model.addIntegral(lb=0, ub=max_per_shift)
        for line in range(helplines)
        for shift in shifts
    }
    objective = []
    for (day, hour), choices in values.items():
        picks = [model.addBinary() for _ in choices]
        model.addConstr(sum(picks) == 1)
        objective.extend(value * pick for pick, (_, value) in zip(picks, choices))
        for line in range(helplines):
            covering = [x[(line, s)] for s in shifts if s[0] == day and s[1] <= hour < s[1] + s[2]]
            level = sum(staff[line] * pick for pick, (staff, _) in zip(picks, choices))
            model.addConstr(level == (sum(covering) if covering else 0))
    model.addConstr(sum(x[(line, s)] * s[2] for (line, s) in x) <= budget_hours)
    model.maximize(sum(objective))
    staffing = np.zeros((helplines, 7, 24), dtype=int)
    for (line, (day, start, length)), variable in x.items():
        count = int(round(model.val(variable)))
        staffing[line, day, start : start + length] += count
    return staffing


def single_values(demand: Demand, window: Window, max_level: int) -> dict:
    return {
        (day, hour): [((level,), hour_outcome(demand.arrivals[day, hour], level, demand.rates).answered)
                      for level in range(max_level + 1)]
        for day in range(7)
        for hour in range(window.start_hour, window.end_hour)
    }


def advise(
    demand: Demand, today: np.ndarray, window: Window, budget: int | None = None,
    min_shift_hours: int = 2, weeks: int = 200, seed: int = 1,
) -> list[Comparison]:
    """Today's schedule and the advised one (by default for the same counsellor-hours)."""
    hours = budget if budget is not None else int(today.sum())
    advised = optimise(single_values(demand, window, 3), 1, hours, window, min_shift_hours=min_shift_hours)[0]
    return [
        _compare("vandaag", today, demand, weeks, seed),
        _compare("advies", advised, demand, weeks, seed),
    ]


def _compare(name: str, staffing: np.ndarray, demand: Demand, weeks: int, seed: int) -> Comparison:
    return Comparison(
        name, staffing,
        week_outcome(demand.arrivals, staffing, demand.rates),
        simulate_week(demand.arrivals, staffing, demand.rates, weeks=weeks, seed=seed),
    )


@dataclass(frozen=True)
class JointComparison:
    name: str
    staffing: np.ndarray  # 2 x 7 x 24: first the minors' helpline, then the one for everyone
    model: WeekOutcome
    simulated: WeekOutcome


def joint_arrivals(minors: Demand, everyone: Demand, staffing: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where visitors go: minors to their own helpline when open, else to the other one."""
    own_open = staffing[0] > 0
    to_minors = np.where(own_open, minors.arrivals, 0.0)
    to_everyone = everyone.arrivals + np.where(own_open, 0.0, minors.arrivals)
    return to_minors, to_everyone


def advise_joint(
    minors: Demand, everyone: Demand, today: np.ndarray, window: Window, budget: int | None = None,
    min_shift_hours: int = 2, weeks: int = 200, seed: int = 1,
) -> list[JointComparison]:
    """Two helplines from one budget: today's hours against hours chosen together."""
    values = {}
    levels = [(a, b) for a in range(3) for b in range(3)]
    for day in range(7):
        for hour in range(window.start_hour, window.end_hour):
            choices = []
            for a, b in levels:
                own = minors.arrivals[day, hour] if a else 0.0
                other = everyone.arrivals[day, hour] + (0.0 if a else minors.arrivals[day, hour])
                value = hour_outcome(own, a, minors.rates).answered + hour_outcome(other, b, everyone.rates).answered
                choices.append(((a, b), value))
            values[(day, hour)] = choices
    hours = budget if budget is not None else int(today.sum())
    advised = optimise(values, 2, hours, window, min_shift_hours=min_shift_hours)
    return [_joint("vandaag", today, minors, everyone, weeks, seed), _joint("advies", advised, minors, everyone, weeks, seed)]


def _joint(name: str, staffing: np.ndarray, minors: Demand, everyone: Demand, weeks: int, seed: int) -> JointComparison:
    to_minors, to_everyone = joint_arrivals(minors, everyone, staffing)
    outcomes = [
        (week_outcome(to_minors, staffing[0], minors.rates), simulate_week(to_minors, staffing[0], minors.rates, weeks, seed)),
        (week_outcome(to_everyone, staffing[1], everyone.rates), simulate_week(to_everyone, staffing[1], everyone.rates, weeks, seed + 1)),
    ]
    total_arrivals = float(minors.arrivals.sum() + everyone.arrivals.sum())

    def summed(index: int) -> WeekOutcome:
        parts = [o[index] for o in outcomes]
        closed = float((minors.arrivals * ((staffing[0] == 0) & (staffing[1] == 0))).sum() + (everyone.arrivals * (staffing[1] == 0)).sum())
        return WeekOutcome(total_arrivals, sum(p.answered for p in parts), sum(p.answered_within_5 for p in parts), closed)

    return JointComparison(name, staffing, summed(0), summed(1))


# --- in words -----------------------------------------------------------------------------------

WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


def schedule_lines(staffing: np.ndarray) -> list[str]:
    """'maandag 18-22 uur: 1 hulpverlener' per block of equal staffing."""
    lines = []
    for day in range(7):
        hour = 0
        while hour < 24:
            level = int(staffing[day, hour])
            end = hour
            while end < 24 and int(staffing[day, end]) == level:
                end += 1
            if level:
                who = "hulpverlener" if level == 1 else "hulpverleners"
                lines.append(f"{WEEKDAYS[day]} {hour}-{end} uur: {level} {who}")
            hour = end
    return lines or ["gesloten"]


def _figures(model: WeekOutcome, simulated: WeekOutcome) -> list[str]:
    return [
        f"{model.answered:.1f} ({simulated.answered:.1f})",
        f"{100 * model.share_within_5:.0f}% ({100 * simulated.share_within_5:.0f}%)",
        f"{model.arrived_closed:.1f}",
    ]


def _table(rows: list[tuple[str, int, list[str]]]) -> list[str]:
    header = ["", "uren/week", "beantwoord/week model (simulatie)", "binnen 5 min model (simulatie)", "kwamen toen dicht/week"]
    cells = [[name, str(hours), *figures] for name, hours, figures in rows]
    widths = [max(len(r[i]) for r in [header, *cells]) for i in range(len(header))]
    return [" | ".join(c.ljust(w) for c, w in zip(row, widths)) for row in [header, *cells]]


def _measured(demand: Demand) -> str:
    handling = "gemeten" if demand.measured_handling else "aangenomen"
    patience = "gemeten" if demand.measured_patience else "aangenomen"
    return (
        f"Vraag: {demand.arrivals.sum():.1f} gestarte chats per week (gemeten over {demand.weeks:.1f} weken). "
        f"Duur van een gesprek {demand.rates.handling_minutes:.0f} min ({handling}), "
        f"geduld in de wachtrij {demand.rates.patience_minutes:.0f} min ({patience})."
    )


def describe(rows: list[Comparison], helpline: Helpline, demand: Demand) -> str:
    today, advised = rows
    gain = advised.model.answered - today.model.answered
    share = gain / today.model.answered if today.model.answered else 0.0
    lines = [f"Openingsuren van {helpline.name}", _measured(demand), ""]
    lines += _table([(c.name, c.counsellor_hours, _figures(c.model, c.simulated)) for c in rows])
    lines += [
        "",
        f"Het advies beantwoordt {gain:+.1f} contacten per week ({100 * share:+.0f}%) met "
        f"{advised.counsellor_hours} in plaats van {today.counsellor_hours} uren hulpverlening.",
        f"Model en simulatie verschillen {100 * advised.model_vs_simulation:.1f}% (advies) en "
        f"{100 * today.model_vs_simulation:.1f}% (vandaag).",
        "",
        "Vandaag:", *("  " + line for line in schedule_lines(today.staffing)),
        "Advies:", *("  " + line for line in schedule_lines(advised.staffing)),
    ]
    return "\n".join(lines)


def describe_joint(rows: list[JointComparison], first: Helpline, second: Helpline, demand: Demand) -> str:
    today, advised = rows
    gain = advised.model.answered - today.model.answered
    lines = [f"Openingsuren van {first.name} en {second.name} samen", _measured(demand), ""]
    lines += _table([(r.name, int(r.staffing.sum()), _figures(r.model, r.simulated)) for r in rows])
    lines += ["", f"Samen gepland beantwoorden ze {gain:+.1f} contacten per week."]
    for row in rows:
        lines.append(f"{row.name}:")
        for index, helpline in enumerate((first, second)):
            lines.append(f"  {helpline.name}: " + "; ".join(schedule_lines(row.staffing[index])))
    return "\n".join(lines)
