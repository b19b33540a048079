"""Opening-hours advice: the optimiser, the queueing model and the simulation that checks it."""

import numpy as np
import pytest

from handoff_api.helplines.catalog import load_catalog
from handoff_api.config import Settings
from handoff_api.stats import advice
from handoff_api.stats.queueing import Rates, hour_outcome, simulate_week, week_outcome


@pytest.fixture(scope="module")
def nupraatikerover():
    return load_catalog(Settings(_env_file=None).helplines_file).helpline("nupraatikerover")


def _demand(arrivals: np.ndarray, handling: float = 45.0, patience: float = 10.0) -> advice.Demand:
    return advice.Demand(arrivals, Rates(handling, patience), weeks=10, measured_handling=True, measured_patience=True)


def _evening_and_weekend_demand() -> np.ndarray:
    arrivals = np.full((7, 24), 0.05)
    arrivals[:, 16:23] = 0.8  # after school and in the evening, every day
    arrivals[5:7, 13:23] = 1.2  # the weekend, when the chat is closed today
    return arrivals


def test_erlang_a_answers_more_with_more_counsellors_and_never_more_than_arrive():
    rates = Rates(45, 10)
    answered = [hour_outcome(2.0, servers, rates).answered for servers in range(5)]
    assert answered[0] == 0.0
    assert all(a < b for a, b in zip(answered, answered[1:]))
    assert answered[-1] < 2.0
    assert all(hour_outcome(2.0, s, rates).answered_within_5 <= hour_outcome(2.0, s, rates).answered + 1e-9 for s in range(1, 5))


def test_the_advice_answers_more_with_the_same_counsellor_hours(nupraatikerover):
    demand = _demand(_evening_and_weekend_demand())
    today = advice.current_staffing(nupraatikerover, 1)
    rows = advice.advise(demand, today, advice.Window(9, 23))
    now, advised = rows
    assert advised.counsellor_hours <= now.counsellor_hours == int(today.sum())
    assert advised.model.answered > now.model.answered * 1.05
    assert advised.simulated.answered > now.simulated.answered
    assert advised.model.arrived_closed < now.model.arrived_closed
    for row in rows:  # every shift lies in the window and lasts at least 2 hours
        assert row.staffing[:, :9].sum() == 0 or row is now
        assert row.model_vs_simulation < 0.05, (row.name, row.model.answered, row.simulated.answered)
    for day in range(7):
        runs = np.diff(np.concatenate([[0], (advised.staffing[day] > 0).astype(int), [0]]))
        starts, ends = np.flatnonzero(runs == 1), np.flatnonzero(runs == -1)
        assert all(end - start >= 2 for start, end in zip(starts, ends))


def test_the_model_matches_the_simulation_on_todays_hours(nupraatikerover):
    arrivals = _evening_and_weekend_demand()
    today = advice.current_staffing(nupraatikerover, 2)
    rates = Rates(45, 10)
    model = week_outcome(arrivals, today, rates)
    simulated = simulate_week(arrivals, today, rates, weeks=200, seed=4)
    assert abs(model.answered - simulated.answered) / simulated.answered < 0.05
    assert model.arrived_closed == pytest.approx(simulated.arrived_closed)


def test_two_helplines_planned_together_answer_more(nupraatikerover):
    catalog = load_catalog(Settings(_env_file=None).helplines_file)
    minors = _demand(_evening_and_weekend_demand())
    everyone = _demand(np.where(np.arange(24) < 18, 0.6, 0.2)[None, :].repeat(7, axis=0))
    today = np.stack([advice.current_staffing(nupraatikerover, 1), advice.current_staffing(catalog.helpline("1712"), 1)])
    now, advised = advice.advise_joint(minors, everyone, today, advice.Window(8, 23))
    assert advised.staffing.sum() <= today.sum()
    assert advised.model.answered > now.model.answered
    assert advised.simulated.answered > now.simulated.answered
    text = advice.describe_joint([now, advised], nupraatikerover, catalog.helpline("1712"), minors)
    assert "samen" in text and "1712:" in text
