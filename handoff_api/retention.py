"""Retention: transcripts, briefings and e-mail requests are deleted after a period, in the
API's database, in Rasa's tracker store and in the trainers' exports under reports/."""

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

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
from handoff_api.rasa_store import RasaTrackerStore
from handoff_api.supervision.service import purge_access_log
from handoff_api.trainers.exports import purge_exports
from handoff_api.trainers.service import purge_inbox


@dataclass(frozen=True)
class PurgeResult:
    conversations: int
    email_requests: int
    appointments: int
    login_sessions: int
    inbox_entries: int = 0  # trainers' inbox items and decisions (scrubbed text)
    trackers: int = 0  # conversations deleted from Rasa's tracker store
    report_files: int = 0  # trainers' export and comparison files deleted or trimmed
    access_log: int = 0  # lines of the supervisors' access log


def purge(
    session: Session,
    retention_days: int,
    catalog=None,
    tracker_store: RasaTrackerStore | None = None,
    reports_dir: Path | None = None,
) -> PurgeResult:
    """Deletes what is older than the retention period; registrations (no text) and the
    anonymous event counts stay.

    Rasa's trackers go first: if Rasa's store cannot be reached, this raises and the API keeps
    the conversations, so the next run still knows which trackers to delete."""
    now = utcnow()
    cutoff = now - timedelta(days=retention_days)
    if catalog is not None:
        _count_before_deleting(session, catalog, cutoff)
    expired = list(session.scalars(select(Conversation.id).where(Conversation.last_activity_at < cutoff)))
    trackers = tracker_store.delete(expired, inactive_before=cutoff) if tracker_store else 0
    conversations = session.execute(
        delete(Conversation).where(Conversation.last_activity_at < cutoff)
    ).rowcount  # messages, handoffs, transfers, appointments, notes and whispers go with them
    email_requests = session.execute(
        delete(EmailRequest).where(EmailRequest.created_at < cutoff)
    ).rowcount
    appointments = session.execute(delete(Appointment).where(Appointment.end < cutoff)).rowcount
    login_sessions = session.execute(
        delete(CounsellorSession).where(CounsellorSession.expires_at < now)
    ).rowcount
    inbox_entries = purge_inbox(session, cutoff)
    access_lines = purge_access_log(session, cutoff)
    throttle.purge_stale(session, timedelta(days=1))
    session.commit()
    report_files = purge_exports(session, reports_dir) if reports_dir else 0
    return PurgeResult(
        conversations, email_requests, appointments, login_sessions, inbox_entries, trackers, report_files,
        access_lines,
    )


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
