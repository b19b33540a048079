"""Retention: transcripts, briefings and e-mail requests are deleted after a period."""

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from handoff_api.appointments.models import Appointment
from handoff_api.appointments.service import record_missed
from handoff_api.conversations.models import Conversation
from handoff_api.conversations.service import record_departure
from handoff_api.counsellors import throttle
from handoff_api.counsellors.models import CounsellorSession
from handoff_api.db import utcnow
from handoff_api.email.models import EmailRequest
from handoff_api.trainers.service import purge_inbox


@dataclass(frozen=True)
class PurgeResult:
    conversations: int
    email_requests: int
    appointments: int
    login_sessions: int
    inbox_entries: int = 0  # trainers' inbox items and decisions (scrubbed text)


def purge(session: Session, retention_days: int, catalog=None) -> PurgeResult:
    """Deletes what is older than the retention period; registrations (no text) and the
    anonymous event counts stay."""
    now = utcnow()
    cutoff = now - timedelta(days=retention_days)
    if catalog is not None:
        _count_before_deleting(session, catalog, cutoff)
    conversations = session.execute(
        delete(Conversation).where(Conversation.last_activity_at < cutoff)
    ).rowcount  # messages, handoffs, transfers and appointments go with them
    email_requests = session.execute(
        delete(EmailRequest).where(EmailRequest.created_at < cutoff)
    ).rowcount
    appointments = session.execute(delete(Appointment).where(Appointment.end < cutoff)).rowcount
    login_sessions = session.execute(
        delete(CounsellorSession).where(CounsellorSession.expires_at < now)
    ).rowcount
    inbox_entries = purge_inbox(session, cutoff)
    throttle.purge_stale(session, timedelta(days=1))
    session.commit()
    return PurgeResult(conversations, email_requests, appointments, login_sessions, inbox_entries)


def _count_before_deleting(session: Session, catalog, cutoff) -> None:
    """Visitors who left without ending the chat are counted when their conversation goes."""
    record_missed(session, catalog)
    leaving = session.scalars(
        select(Conversation)
        .where(Conversation.last_activity_at < cutoff)
        .where(Conversation.state.in_(("bot", "queued")))
    )
    for conversation in leaving:
        record_departure(session, catalog, conversation)
