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


def _times(samples: deque, last: int) -> dict:
    values = list(samples)[-last:] if last > 0 else list(samples)
    return {"p50": _quantile(values, 0.5), "p95": _quantile(values, 0.95), "samples": len(values)}


@dataclass
class RelayCounters:
    counts: Counter = field(default_factory=Counter)
    # busy_at_arrival: no slot, or an earlier message of the conversation waits;
    # busy_at_deadline: sent, but Rasa was slower than the deadline; at_once: sent on arrival;
    # drained: sent later by the drain; answered / failed: what Rasa gave back (greetings too);
    # greeting: of those, the new conversations' greetings.
    waited: deque = field(default_factory=lambda: deque(maxlen=SAMPLES))  # kept -> sent, seconds
    # One call to Rasa, seconds: a visitor's message, or apart a new conversation's greeting (a
    # heavier turn: session start, greeting, availability), so that `rasa` compares with a
    # message sent straight to Rasa (make bench-load) and a burst of new chats does not skew it.
    rasa: deque = field(default_factory=lambda: deque(maxlen=SAMPLES))
    greeting: deque = field(default_factory=lambda: deque(maxlen=SAMPLES))

    def count(self, what: str) -> None:
        self.counts[what] += 1

    def rasa_call(self, seconds: float, greeting: bool) -> None:
        if greeting:
            self.count("greeting")
        (self.greeting if greeting else self.rasa).append(seconds)

    def view(self, instances, last: int = 0) -> dict:
        """`last` > 0: the times over that many most recent samples only."""
        return {
            "counts": dict(self.counts),
            "waited_seconds": _times(self.waited, last),
            "rasa_seconds": _times(self.rasa, last),
            "greeting_seconds": _times(self.greeting, last),
            "instances": [instance.bound.view() for instance in instances],
        }
