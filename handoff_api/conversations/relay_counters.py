"""What the relay did, in this process: counts and recent times, no conversation or text.

Read at `GET /healthz/relay` (an operator's view on a campaign night; `make bench-load` reads it
per round): how many messages went to the bot at once, how many got the busy reply and why,
how many the drain handed on later and how long they waited, and each Rasa instance's slots.
"""

from collections import Counter, deque
from dataclasses import dataclass, field

SAMPLES = 2000  # the most recent times kept per kind


def _quantile(values, q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], 3)


@dataclass
class RelayCounters:
    counts: Counter = field(default_factory=Counter)
    # busy_at_arrival: no slot, or an earlier message of the conversation waits;
    # busy_at_deadline: sent, but Rasa was slower than the deadline; at_once: sent on arrival;
    # drained: sent later by the drain; answered / failed: what Rasa gave back.
    waited: deque = field(default_factory=lambda: deque(maxlen=SAMPLES))  # kept -> sent, seconds
    rasa: deque = field(default_factory=lambda: deque(maxlen=SAMPLES))  # one call to Rasa, seconds

    def count(self, what: str) -> None:
        self.counts[what] += 1

    def view(self, instances, last: int = 0) -> dict:
        """`last` > 0: the times over that many most recent samples only."""
        waited, rasa = list(self.waited), list(self.rasa)
        if last > 0:
            waited, rasa = waited[-last:], rasa[-last:]
        return {
            "counts": dict(self.counts),
            "waited_seconds": {"p50": _quantile(waited, 0.5), "p95": _quantile(waited, 0.95),
                               "samples": len(waited)},
            "rasa_seconds": {"p50": _quantile(rasa, 0.5), "p95": _quantile(rasa, 0.95), "samples": len(rasa)},
            "instances": [instance.bound.view() for instance in instances],
        }
