"""Sending e-mail requests as a job: one worker claims a request before it talks to the mail server.

PostgreSQL: the next queued row is picked with `SELECT … FOR UPDATE SKIP LOCKED`, so workers
sending at once each get another row without waiting. SQLite: a state-guarded UPDATE (the row
must still be `queued`) claims it, BEGIN IMMEDIATE (handoff_api.db) serialising the writers.
No transaction is held while the mail server answers. A claim older than STALE_CLAIM (its
worker was killed mid-send) is taken again: the one case where a request can go out twice.
"""

import logging
from datetime import timedelta

from sqlalchemy import and_, or_, select, update
from sqlalchemy.orm import Session

from handoff_api.config import Settings
from handoff_api.db import utcnow
from handoff_api.email.models import EmailRequest
from handoff_api.email.service import deliver
from handoff_api.helplines.catalog import Helpline

log = logging.getLogger(__name__)
STALE_CLAIM = timedelta(minutes=15)


def _claimable(now):
    return or_(
        EmailRequest.status == "queued",
        and_(EmailRequest.status == "sending", EmailRequest.claimed_at < now - STALE_CLAIM),
    )


def _pick(session: Session, request_id: str | None, now) -> str | None:
    query = select(EmailRequest.id).where(_claimable(now)).order_by(EmailRequest.created_at).limit(1)
    if request_id is not None:
        query = query.where(EmailRequest.id == request_id)
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    return session.scalar(query)


def claim(session: Session, request_id: str | None = None) -> EmailRequest | None:
    """Claims one request (that one, or the oldest claimable), or None when there is none left."""
    now = utcnow()
    picked = _pick(session, request_id, now)
    claimed = picked is not None and session.execute(
        update(EmailRequest)
        .where(EmailRequest.id == picked, _claimable(now))
        .values(status="sending", claimed_at=now, attempts=EmailRequest.attempts + 1)
    ).rowcount == 1
    request = None
    if claimed:  # read inside the claim's transaction: none is left open once it returns
        request = session.scalar(
            select(EmailRequest).where(EmailRequest.id == picked).execution_options(populate_existing=True)
        )
    session.commit()
    return request


def _settle(session: Session, request: EmailRequest, **values) -> None:
    """Only this claim's row changes: a counsellor's answer meanwhile stays as it is."""
    session.execute(
        update(EmailRequest)
        .where(
            EmailRequest.id == request.id,
            EmailRequest.status == "sending",
            EmailRequest.claimed_at == request.claimed_at,
        )
        .values(**values)
    )
    session.commit()


def send_claimed(session: Session, settings: Settings, helpline: Helpline, request: EmailRequest) -> bool:
    if not deliver(settings, helpline, request):
        _settle(session, request, status="queued", claimed_at=None)
        return False
    _settle(session, request, status="sent", sent_at=utcnow())
    return True


def send_by_id(session_factory, settings: Settings, helpline: Helpline, request_id: str) -> bool:
    """Right after filing (a background task): sent unless another worker has claimed it."""
    if not settings.smtp_enabled or not helpline.email:
        return False
    with session_factory() as session:
        request = claim(session, request_id)
        return request is not None and send_claimed(session, settings, helpline, request)


def send_queued(session: Session, settings: Settings, catalog) -> int:
    """`handoff-admin send-emails`: every claimable request once, each claimed on its own."""
    if not settings.smtp_enabled:
        return 0
    rows = session.execute(
        select(EmailRequest.id, EmailRequest.helpline_id)
        .where(_claimable(utcnow()))
        .order_by(EmailRequest.created_at)
    ).all()
    session.commit()
    sent = 0
    for request_id, helpline_id in rows:
        helpline = catalog.helpline(helpline_id)
        if helpline is None or not helpline.email:
            continue
        request = claim(session, request_id)  # None: another worker has it
        if request is not None and send_claimed(session, settings, helpline, request):
            sent += 1
    return sent
