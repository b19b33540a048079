"""Per-account login throttling with backoff, on top of the per-address rate limit."""

import math
from datetime import timedelta

from sqlalchemy import delete, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from handoff_api.config import Settings
from handoff_api.counsellors.models import LoginThrottle
from handoff_api.db import utcnow
from handoff_api.errors import ApiError


def login_locked(seconds: int) -> ApiError:
    return ApiError(
        429,
        "login_locked",
        f"Te veel mislukte aanmeldingen voor dit account. Probeer het over {seconds} seconden "
        "opnieuw.",
        f"Too many failed logins for this account. Try again in {seconds} seconds.",
        headers={"Retry-After": str(seconds)},
    )


def refuse_while_locked(session: Session, key: str) -> None:
    """429 while the account's lock runs, before any password is checked."""
    throttle = session.get(LoginThrottle, key)
    if throttle is None or throttle.locked_until is None:
        return
    left = (throttle.locked_until - utcnow()).total_seconds()
    if left > 0:
        raise login_locked(max(1, math.ceil(left)))


def lock_seconds(settings: Settings, failures: int) -> float:
    beyond = failures - settings.login_free_failures
    if beyond <= 0:
        return 0.0
    return min(settings.login_backoff_max_seconds, settings.login_backoff_seconds * 2 ** (beyond - 1))


def record_failure(session: Session, settings: Settings, key: str) -> None:
    """Counts one more failure in a row (atomically) and locks the account's login for longer."""
    now = utcnow()
    failures = session.execute(
        update(LoginThrottle)
        .where(LoginThrottle.key_hash == key)
        .values(failures=LoginThrottle.failures + 1, updated_at=now)
        .returning(LoginThrottle.failures)
    ).scalar_one_or_none()
    if failures is None:
        failures = 1
        session.add(LoginThrottle(key_hash=key, failures=failures, updated_at=now))
    seconds = lock_seconds(settings, failures)
    if seconds:
        session.execute(
            update(LoginThrottle)
            .where(LoginThrottle.key_hash == key)
            .values(locked_until=now + timedelta(seconds=seconds))
            .execution_options(synchronize_session=False)
        )
    try:
        session.commit()
    except IntegrityError:  # a simultaneous first failure made the row: that one counts
        session.rollback()


def clear(session: Session, key: str) -> None:
    session.execute(delete(LoginThrottle).where(LoginThrottle.key_hash == key))


def purge_stale(session: Session, older_than: timedelta) -> int:
    """Throttles nobody touched for a while (called by the retention purge)."""
    cutoff = utcnow() - older_than
    return session.execute(delete(LoginThrottle).where(LoginThrottle.updated_at < cutoff)).rowcount
