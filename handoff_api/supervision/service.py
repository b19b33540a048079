"""Private notes, supervisors' whispers, the access log of supervisors' reads, standard texts."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from handoff_api.conversations import consent
from handoff_api.conversations.models import Conversation, Handoff, Participant
from handoff_api.conversations.service import TOUCHED_KEY
from handoff_api.counsellors.models import Counsellor
from handoff_api.db import utcnow
from handoff_api.errors import ApiError, not_found
from handoff_api.helplines.catalog import Catalog
from handoff_api.supervision.models import AccessLogEntry, StaffNote, StandardText, TakeoverRequest

# What a new helpline starts with (`handoff-admin standard-texts seed`); each team edits its own.
DEFAULT_TEXTS = (
    ("Begroeting", "Hoi, ik ben {naam}. Ik heb gelezen wat je aan de chatbot vertelde. "
     "Fijn dat je ons schrijft. Neem je tijd."),
    ("Veiligheid", "Ben je nu op een veilige plek? Als je nu in gevaar bent, bel dan 112."),
    ("Doorverwijzen", "Ik denk dat een andere hulplijn je hier beter kan helpen. "
     "Zal ik je doorverbinden? Je hoeft je verhaal dan niet opnieuw te vertellen."),
    ("Afsluiten", "Dank je dat je met ons praatte. Je kan altijd opnieuw chatten. "
     "Ben je in gevaar? Bel 112."),
)


def require_supervisor(account: Counsellor) -> None:
    if account.role != "supervisor":
        raise ApiError(
            403,
            "not_a_supervisor",
            "Dit kan alleen een supervisor.",
            "Only supervisors can do this.",
        )


# --- the access log ---------------------------------------------------------------------------
def record(
    session: Session, account: Counsellor, action: str, conversation: Conversation | None = None
) -> None:
    """One line of the access log, committed with the change it belongs to: who (the account's
    name), what, which conversation (its id), when; never any text."""
    session.add(
        AccessLogEntry(
            account_id=account.id,
            username=account.username,
            helpline_id=conversation.helpline_id if conversation else account.helpline_id,
            action=action,
            conversation_id=conversation.id if conversation else None,
        )
    )


def log_read(
    session: Session, account: Counsellor, action: str, conversation: Conversation | None = None
) -> None:
    """Every read by a supervisor (a counsellor's reads are their work, not logged)."""
    if account.role != "supervisor":
        return
    record(session, account, action, conversation)
    session.commit()


def access_log(
    session: Session,
    helpline_ids: set[str],
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = 500,
    offset: int = 0,
) -> tuple[list[dict], int]:
    """The lines of the helplines in [since, until), newest first: one page and the total."""
    where = [AccessLogEntry.helpline_id.in_(helpline_ids)]
    if since is not None:
        where.append(AccessLogEntry.at >= since)
    if until is not None:
        where.append(AccessLogEntry.at < until)
    total = session.scalar(select(func.count()).select_from(AccessLogEntry).where(*where))
    rows = session.scalars(
        select(AccessLogEntry)
        .where(*where)
        .order_by(AccessLogEntry.at.desc(), AccessLogEntry.id.desc())
        .limit(limit)
        .offset(offset)
    )
    lines = [
        {
            "at": row.at.isoformat(timespec="seconds"),
            "username": row.username,
            "helpline_id": row.helpline_id,
            "action": row.action,
            "conversation_id": row.conversation_id,
        }
        for row in rows
    ]
    return lines, total


def day_bounds(zone: ZoneInfo, first: date | None, last: date | None) -> tuple[datetime | None, datetime | None]:
    """From the start of `first` to the end of `last` (included), as the helpline's days."""
    since = datetime.combine(first, time.min, zone) if first else None
    until = datetime.combine(last + timedelta(days=1), time.min, zone) if last else None
    return since, until


def purge_access_log(session: Session, cutoff: datetime) -> int:
    return session.execute(delete(AccessLogEntry).where(AccessLogEntry.at < cutoff)).rowcount


# --- notes and whispers -----------------------------------------------------------------------
def _touch(session: Session, conversation_id: str) -> None:
    """Wakes the conversation's staff sockets (the visitor's socket sends messages only)."""
    session.info.setdefault(TOUCHED_KEY, set()).add(conversation_id)


def add_note(session: Session, conversation: Conversation, author: Counsellor, text: str) -> StaffNote:
    note = StaffNote(
        conversation_id=conversation.id, kind="note", author_id=author.id,
        author_name=author.display_name, text=text,
    )
    session.add(note)
    _touch(session, conversation.id)
    session.commit()
    return note


def no_counsellor() -> ApiError:
    return ApiError(
        409,
        "no_counsellor",
        "Er is nu geen hulpverlener in dit gesprek om naar te fluisteren.",
        "No counsellor is in this conversation to whisper to.",
    )


def whisper(session: Session, conversation: Conversation, supervisor: Counsellor, text: str) -> StaffNote:
    """Only the counsellor who has the conversation (and the supervisor) ever sees it."""
    require_supervisor(supervisor)
    if conversation.state != "human" or conversation.assigned_counsellor_id is None:
        raise no_counsellor()
    note = StaffNote(
        conversation_id=conversation.id, kind="whisper", author_id=supervisor.id,
        author_name=supervisor.display_name, recipient_id=conversation.assigned_counsellor_id,
        text=text,
    )
    session.add(note)
    record(session, supervisor, "whisper", conversation)
    _touch(session, conversation.id)
    session.commit()
    return note


def notes_for(session: Session, conversation_id: str, viewer_id: str, after_id: int = 0) -> list[dict]:
    """The notes of a conversation, and the whispers the viewer wrote or received."""
    rows = session.scalars(
        select(StaffNote)
        .where(StaffNote.conversation_id == conversation_id, StaffNote.id > after_id)
        .where(
            or_(
                StaffNote.kind == "note",
                StaffNote.recipient_id == viewer_id,
                StaffNote.author_id == viewer_id,
            )
        )
        .order_by(StaffNote.id)
    )
    return [note_view(row) for row in rows]


def note_view(note: StaffNote) -> dict:
    return {
        "id": note.id,
        "kind": note.kind,
        "author_name": note.author_name,
        "text": note.text,
        "created_at": note.created_at.isoformat(timespec="seconds"),
    }


# --- live conversations for supervisors ---------------------------------------------------------
def live_conversations(session: Session, catalog: Catalog, helpline_ids: set[str]) -> list[dict]:
    """The helplines' conversations with a counsellor now, and who has them; with the labels a
    list needs (as the queue shows them), so that listing reads no transcript."""
    rows = session.execute(
        select(Conversation, Counsellor.display_name)
        .outerjoin(Counsellor, Counsellor.id == Conversation.assigned_counsellor_id)
        .where(Conversation.state == "human", Conversation.helpline_id.in_(helpline_ids))
        .order_by(Conversation.claimed_at)
    ).all()
    asked = _takeovers_asked(session, [conversation for conversation, _ in rows])
    entries = []
    for conversation, name in rows:
        handoff = session.get(Handoff, conversation.id)
        labels = consent.counsellor_labels(session, conversation, handoff.labels if handoff else {})
        entry_helpline = catalog.helpline_for_entry_point(conversation.entry_point)
        entries.append(
            {
                "conversation_id": conversation.id,
                "helpline_id": conversation.helpline_id,
                "urgency": conversation.urgency or "none",
                "theme": (labels.get("theme") or {}).get("value"),
                "age_group": (labels.get("age_group") or {}).get("value"),
                "came_in_through": entry_helpline.name if entry_helpline else conversation.entry_point,
                "counsellor_name": name,
                "last_seq": conversation.message_count,
                "takeover_asked": conversation.id in asked,
            }
        )
    return entries


def _takeovers_asked(session: Session, conversations: list[Conversation]) -> set[str]:
    """The conversations whose counsellor asks for a take-over now (a request of an earlier
    owner no longer counts)."""
    owners = {c.id: c.assigned_counsellor_id for c in conversations}
    if not owners:
        return set()
    requests = session.scalars(select(TakeoverRequest).where(TakeoverRequest.conversation_id.in_(owners)))
    return {r.conversation_id for r in requests if r.requested_by_id == owners[r.conversation_id]}


def is_participant(session: Session, conversation_id: str, account_id: str) -> bool:
    participant = session.get(Participant, (conversation_id, account_id))
    return bool(participant and participant.active)


# --- standard texts ---------------------------------------------------------------------------
def standard_texts(session: Session, helpline_ids: set[str]) -> list[StandardText]:
    return list(
        session.scalars(
            select(StandardText)
            .where(StandardText.helpline_id.in_(helpline_ids))
            .order_by(StandardText.helpline_id, StandardText.position, StandardText.id)
        )
    )


def add_standard_text(session: Session, catalog: Catalog, helpline_id: str, title: str, text: str) -> StandardText:
    if catalog.helpline(helpline_id) is None:
        raise not_found("Die hulplijn vinden we niet.", "Unknown helpline.")
    last = session.scalar(
        select(StandardText.position)
        .where(StandardText.helpline_id == helpline_id)
        .order_by(StandardText.position.desc())
        .limit(1)
    )
    item = StandardText(helpline_id=helpline_id, title=title, text=text, position=(last or 0) + 1)
    session.add(item)
    session.commit()
    return item


def standard_text_of(session: Session, text_id: int, helpline_ids: set[str]) -> StandardText:
    """Another helpline's text is 404, as if it did not exist."""
    item = session.get(StandardText, text_id)
    if item is None or item.helpline_id not in helpline_ids:
        raise not_found("Die standaardtekst vinden we niet.", "No such standard text.")
    return item


def update_standard_text(session: Session, item: StandardText, title: str, text: str) -> StandardText:
    item.title, item.text, item.updated_at = title, text, utcnow()
    session.commit()
    return item


def remove_standard_text(session: Session, item: StandardText) -> None:
    session.delete(item)
    session.commit()


def seed_standard_texts(session: Session, catalog: Catalog, helpline_id: str) -> int:
    """The four defaults, for a helpline that has none yet."""
    if standard_texts(session, {helpline_id}):
        return 0
    for title, text in DEFAULT_TEXTS:
        add_standard_text(session, catalog, helpline_id, title, text)
    return len(DEFAULT_TEXTS)


def standard_text_view(item: StandardText) -> dict:
    return {"id": item.id, "helpline_id": item.helpline_id, "title": item.title, "text": item.text}
