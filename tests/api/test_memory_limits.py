"""Rate limits in memory (the embedded shape, and a worker while Redis is away): a moving window
as the `limits` package counts it, whose memory follows the keys hit within their window."""

import time

from limits import parse
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter

from handoff_api.memory_limits import SWEEP_SECONDS, MemoryMovingWindow


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_the_window_holds_amount_hits_and_frees_each_as_it_leaves():
    clock = Clock()
    limits = MemoryMovingWindow(clock)
    three = parse("3/minute")
    answers = []
    for at in (0, 20, 40, 50, 59.9, 60.5, 61, 80.5, 81):  # hits at 0, 20 and 40 fill the window
        clock.now = 1000.0 + at
        answers.append(limits.hit(three, "conversation", "c1"))
    assert answers == [True, True, True, False, False, True, False, True, False]


def test_each_identifier_and_each_limit_counts_apart():
    limits = MemoryMovingWindow(Clock())
    one = parse("1/minute")
    assert limits.hit(one, "conversation", "c1")
    assert not limits.hit(one, "conversation", "c1")
    assert limits.hit(one, "conversation", "c2")
    assert limits.hit(one, "address", "c1")
    assert limits.hit(parse("2/minute"), "conversation", "c1")


def test_it_answers_as_the_limits_package_does_on_the_same_hits():
    ours, theirs = MemoryMovingWindow(), MovingWindowRateLimiter(MemoryStorage())
    five = parse("5/second")
    for _ in range(3):
        assert [ours.hit(five, "k") for _ in range(8)] == [theirs.hit(five, "k") for _ in range(8)]
        time.sleep(1.05)


def test_keys_whose_hits_left_their_window_are_dropped():
    clock = Clock()
    limits = MemoryMovingWindow(clock)
    for number in range(5000):
        limits.hit(parse("20/minute"), "conversation", f"c{number}")
    limits.hit(parse("5/hour"), "address", "a1")
    assert len(limits) == 5001
    clock.now += max(SWEEP_SECONDS, 60) + 1
    limits.hit(parse("20/minute"), "conversation", "new")
    assert len(limits) == 2  # the address's hour is not over; the new conversation
