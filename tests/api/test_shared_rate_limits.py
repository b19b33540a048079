"""Rate limits shared by every worker through Redis (real Redis on 127.0.0.1:6379).

Each test has its own key prefix and removes its keys. Two RateLimiter objects stand for two
workers (two processes have nothing else in common); the whole-stack check with two uvicorn
workers is in tests/scaled.
"""

import os
import uuid

import pytest
import redis

from handoff_api.errors import ApiError
from handoff_api.ratelimit import RateLimiter

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
SECRET = b"test-code-secret-of-at-least-16-bytes"


@pytest.fixture
def prefix():
    name = f"handoff-test-{uuid.uuid4().hex[:12]}"
    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.ping()
    except redis.ConnectionError:
        pytest.fail(f"Redis is not reachable at {REDIS_URL} (DEVELOPERS.md: tests need it)")
    yield name
    for key in client.scan_iter(f"{name}:*"):
        client.delete(key)
    client.close()


def _worker(prefix: str, url: str = REDIS_URL) -> RateLimiter:
    return RateLimiter(redis_url=url, key_prefix=prefix, shared_secret=SECRET)


def _allowed(limiter: RateLimiter, limit: str, *identifiers: str) -> bool:
    try:
        limiter.hit(limit, *identifiers)
    except ApiError as error:
        assert error.status == 429
        return False
    return True


def test_two_workers_count_against_one_limit(prefix):
    first, second = _worker(prefix), _worker(prefix)
    answers = [_allowed(limiter, "5/minute", "conversation", "c1") for limiter in (first, second) * 4]
    assert answers == [True] * 5 + [False] * 3
    assert _allowed(first, "5/minute", "conversation", "c2")  # another conversation, its own count


def test_workers_key_an_address_alike_and_never_in_the_clear(prefix):
    first, second = _worker(prefix), _worker(prefix)
    assert first.address_key("203.0.113.7") == second.address_key("203.0.113.7")
    first.hit("5/minute", "address", first.address_key("203.0.113.7"))
    keys = [key.decode() for key in redis.Redis.from_url(REDIS_URL).scan_iter(f"{prefix}:*")]
    assert keys and not any("203.0.113.7" in key for key in keys)


def test_another_deployment_prefix_counts_apart(prefix):
    ours, theirs = _worker(prefix), _worker(prefix + "-other")
    assert [_allowed(ours, "1/minute", "x") for _ in range(2)] == [True, False]
    try:
        assert _allowed(theirs, "1/minute", "x")
    finally:
        client = redis.Redis.from_url(REDIS_URL)
        for key in client.scan_iter(f"{prefix}-other:*"):
            client.delete(key)


def test_without_redis_each_worker_still_limits_in_memory(prefix):
    limiter = _worker(prefix, url="redis://127.0.0.1:1/0")  # nothing listens on port 1
    assert limiter.shared
    assert [_allowed(limiter, "2/minute", "conversation", "c1") for _ in range(3)] == [True, True, False]


def test_the_embedded_shape_keeps_memory_and_a_process_secret():
    first, second = RateLimiter(), RateLimiter()
    assert not first.shared
    assert first.address_key("203.0.113.7") != second.address_key("203.0.113.7")
