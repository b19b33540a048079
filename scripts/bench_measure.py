"""bench_load.py's figures of one side of one level, and of its rounds together."""

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class Run:
    """One side of one level."""

    latencies: list[float] = field(default_factory=list)  # to the HTTP answer, seconds
    to_answer: list[float] = field(default_factory=list)  # to the bot's answer, seconds
    kinds: Counter = field(default_factory=Counter)  # bot, busy, safe, empty, 4xx, 5xx, connection
    failures: Counter = field(default_factory=Counter)  # "503 database_busy": what each 4xx/5xx was
    answered: int = 0
    wall: float = 0.0
    spread: dict = field(default_factory=dict)  # visitors per API worker and per Rasa instance

    def summary(self) -> dict:
        sent = sum(self.kinds.values())
        return {
            "messages": sent,
            "p50_ms": ms(quantile(self.latencies, 0.5)),
            "p95_ms": ms(quantile(self.latencies, 0.95)),
            "answer_p50_ms": ms(quantile(self.to_answer, 0.5)),
            "answer_p95_ms": ms(quantile(self.to_answer, 0.95)),
            "answers_per_s": round(self.answered / self.wall, 2) if self.wall else None,
            "busy_share": round(self.kinds["busy"] / sent, 3) if sent else None,
            "errors_5xx": self.kinds["5xx"],
            "errors_4xx": self.kinds["4xx"],
            "errors_connection": self.kinds["connection"],
            "kinds": dict(self.kinds),
            "failures": dict(self.failures),
            "visitors_per": self.spread,
        }


def quantile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def ms(seconds: float | None) -> int | None:
    return None if seconds is None else round(seconds * 1000)


def median(values: list[float]) -> float | None:
    values = sorted(v for v in values if v is not None)
    if not values:
        return None
    middle = len(values) // 2
    return values[middle] if len(values) % 2 else (values[middle - 1] + values[middle]) / 2


def pooled(runs: list[Run]) -> dict:
    """The rounds of one side together: latencies and counts pooled; answers/s is the median of the
    rounds' own figures (each round's answers over its own wall time)."""
    total = Run(spread=runs[0].spread if runs else {})
    for run in runs:
        total.latencies += run.latencies
        total.to_answer += run.to_answer
        total.kinds += run.kinds
        total.failures += run.failures
        total.answered += run.answered
        total.wall += run.wall
    summary = total.summary()
    rounds = [run.summary()["answers_per_s"] for run in runs]
    summary["answers_per_s_rounds"] = rounds
    summary["answers_per_s"] = rounded(median(rounds))
    return summary


def rounded(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)
