"""Counsellors: their helpline's queue, claiming and working a conversation (accounts: accounts.py)."""

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from handoff_api.conversations import consent
from handoff_api.conversations.briefing import build_briefing, transfer_notes_of
from handoff_api.conversations.models import Conversation, Handoff, Participant, Transfer
from handoff_api.conversations.queue import queue_page
from handoff_api.conversations.service import (
    append_message,
    change_state,
    message_view,
)
from handoff_api.conversations.safety import round_the_clock_sentence
from handoff_api.counsellors import presence
from handoff_api.counsellors.accounts import STAFF_ROLES
from handoff_api.counsellors.models import Counsellor, Registration
from handoff_api.db import utcnow
from handoff_api.errors import ApiError, not_found
from handoff_api.helplines.catalog import Catalog
from handoff_api.stats import events
from handoff_api.supervision import service as supervision
from handoff_api.supervision import takeover


def team_helplines(catalog: Catalog, counsellor: Counsellor) -> set[str]:
    return catalog.team_helpline_ids(counsellor.helpline_id)


def _participant(session: Session, conversation_id: str, counsellor_id: str) -> Participant | None:
    participant = session.get(Participant, (conversation_id, counsellor_id))
    return participant if participant and participant.active else None


def visible_conversation(
    session: Session, catalog: Catalog, counsellor: Counsellor, conversation_id: str
) -> Conversation:
    """404 unless the conversation is in the counsellor's team's helplines or they were invited."""
    conversation = session.get(Conversation, conversation_id)
    if conversation is None or not (
        conversation.helpline_id in team_helplines(catalog, counsellor)
        or _participant(session, conversation_id, counsellor.id)
    ):
        raise not_found("Dit gesprek bestaat niet.", "Conversation not found.")
    return conversation


def queue(session: Session, catalog: Catalog, counsellor: Counsellor, limit: int) -> dict:
    """The first `limit` entries and the total: a fixed number of queries however long it is."""
    now = utcnow()
    rows, total = queue_page(session, team_helplines(catalog, counsellor), limit)
    notes = transfer_notes_of(session, catalog, [conversation.id for conversation, _ in rows])
    entries = []
    for position, (conversation, handoff) in enumerate(rows, start=1):
        # the handoff is loaded with the page: consent's look-up finds it without a query
        labels = consent.counsellor_labels(session, conversation, handoff.labels if handoff else {})
        entries.append(
            {
                "position": position,
                "conversation_id": conversation.id,
                "helpline_id": conversation.helpline_id,
                "entry_point": conversation.entry_point,
                "helpline_name": catalog.helpline(conversation.helpline_id).name,
                "came_in_through": _entry_name(catalog, conversation.entry_point),
                "urgency": conversation.urgency or "none",
                "theme": (labels.get("theme") or {}).get("value"),
                "age_group": (labels.get("age_group") or {}).get("value"),
                "waiting_minutes": int((now - conversation.queued_at).total_seconds() // 60),
                "from_appointment": conversation.from_appointment,
                "back_in_queue": conversation.requeued_at is not None,
                "transfer_notes": notes.get(conversation.id, []),
            }
        )
    return {"entries": entries, "total": total}


def _entry_name(catalog: Catalog, entry_point: str) -> str:
    helpline = catalog.helpline_for_entry_point(entry_point)
    return helpline.name if helpline else entry_point


def my_conversations(session: Session, counsellor: Counsellor) -> list[dict]:
    """The conversations the counsellor is in now (after a page reload, say)."""
    rows = session.execute(
        select(Conversation, Participant.role)
        .join(Participant, Participant.conversation_id == Conversation.id)
        .where(Participant.counsellor_id == counsellor.id, Participant.active.is_(True))
        .order_by(Conversation.claimed_at)
    ).all()
    return [
        {
            "conversation_id": conversation.id,
            "helpline_id": conversation.helpline_id,
            "state": conversation.state,
            "role": role,
            "last_seq": conversation.message_count,
        }
        for conversation, role in rows
    ]


def conversation_detail(
    session: Session, catalog: Catalog, conversation: Conversation, viewer: Counsellor | None = None
) -> dict:
    """Briefing, transcript and participants; with a `viewer`, the private notes and the
    whispers that viewer may read (never part of the visitor's views)."""
    participants = session.execute(
        select(Counsellor.display_name, Participant.role)
        .join(Participant, Participant.counsellor_id == Counsellor.id)
        .where(Participant.conversation_id == conversation.id, Participant.active.is_(True))
    ).all()
    return {
        "id": conversation.id,
        "state": conversation.state,
        "helpline_id": conversation.helpline_id,
        "briefing": build_briefing(session, catalog, conversation),
        "transcript": [message_view(m) for m in consent.counsellor_messages(session, conversation, 0)],
        "participants": [{"name": name, "role": role} for name, role in participants],
        "notes": supervision.notes_for(session, conversation.id, viewer.id) if viewer else [],
        "takeover": takeover.request_view(session, conversation),
    }


def already_claimed() -> ApiError:
    return ApiError(
        409,
        "already_claimed",
        "Een collega nam dit gesprek al aan.",
        "Another counsellor already claimed this conversation.",
    )


def claim(session: Session, catalog: Catalog, counsellor: Counsellor, conversation_id: str) -> Conversation:
    """Atomic: of several counsellors claiming at once, exactly one wins; the others get 409.
    Only while available (not on a break, not offline): 409 `not_available` otherwise."""
    conversation = visible_conversation(session, catalog, counsellor, conversation_id)
    presence.require_available(counsellor)
    session.commit()  # end the read transaction: the claim below decides on its own
    change_state(
        session,
        conversation_id,
        ("queued",),
        {"state": "human", "assigned_counsellor_id": counsellor.id, "claimed_at": utcnow(),
         "requeued_at": None},
        already_claimed,
        where=(Conversation.helpline_id.in_(team_helplines(catalog, counsellor)),),
    )
    _join(session, conversation_id, counsellor, "owner")
    session.refresh(conversation)
    wait = events.wait_minutes(conversation.queued_clock_at, conversation.now())
    events.record_for(session, catalog, "claimed", conversation, wait=wait)
    conversation.claimed_clock_at = conversation.now()
    helpline = catalog.helpline(conversation.helpline_id)
    read = (
        "Die las al wat je aan de chatbot vertelde."
        if consent.story_shared(session, conversation)
        else "Wat je aan de chatbot vertelde, kreeg die niet te lezen: vertel het zelf, op je eigen tempo."
    )
    append_message(
        session,
        conversation_id,
        "system",
        f"Je praat nu met {counsellor.display_name}, een hulpverlener van {helpline.name}. {read}",
    )
    session.commit()
    session.refresh(conversation)
    return conversation


def _join(session: Session, conversation_id: str, counsellor: Counsellor, role: str) -> None:
    participant = session.get(Participant, (conversation_id, counsellor.id))
    if participant is None:
        session.add(Participant(conversation_id=conversation_id, counsellor_id=counsellor.id, role=role))
    else:
        participant.active = True
        participant.role = role


def _require_participant(session: Session, conversation: Conversation, counsellor: Counsellor) -> Participant:
    participant = _participant(session, conversation.id, counsellor.id)
    if participant is None or conversation.state != "human":
        raise ApiError(
            409,
            "not_in_conversation",
            "Je neemt niet (meer) deel aan dit gesprek. Neem het eerst aan.",
            "You are not (or no longer) in this conversation. Claim it first.",
        )
    return participant


def send_message(session: Session, conversation: Conversation, counsellor: Counsellor, text: str):
    _require_participant(session, conversation, counsellor)
    message = append_message(
        session, conversation.id, "counsellor", text, counsellor_name=counsellor.display_name
    )
    session.commit()
    return message


def transfer(
    session: Session,
    catalog: Catalog,
    conversation: Conversation,
    counsellor: Counsellor,
    to_helpline_id: str,
    note: str,
) -> Conversation:
    """The 'push': back into another helpline's queue, with a note read before claiming."""
    participant = _require_participant(session, conversation, counsellor)
    target = catalog.helpline(to_helpline_id)
    if participant.role != "owner" or target is None or target.id == conversation.helpline_id:
        raise ApiError(
            422,
            "invalid_transfer",
            "Doorverbinden kan alleen door wie het gesprek aannam, naar een andere hulplijn.",
            "Only the counsellor who claimed it can transfer, to another helpline.",
        )
    from_helpline_id = conversation.helpline_id
    change_state(
        session,
        conversation.id,
        ("human",),
        {
            "helpline_id": target.id,
            "state": "queued",
            "queued_at": utcnow(),
            "queued_clock_at": conversation.now(),
            "assigned_counsellor_id": None,
            "wait_notice": None,
        },
        where=(
            Conversation.helpline_id == from_helpline_id,
            Conversation.assigned_counsellor_id == counsellor.id,
        ),
    )
    session.add(
        Transfer(
            conversation_id=conversation.id,
            from_helpline_id=from_helpline_id,
            to_helpline_id=target.id,
            from_counsellor_id=counsellor.id,
            note=note,
        )
    )
    _leave_all(session, conversation.id)
    append_message(
        session,
        conversation.id,
        "system",
        f"Je wordt doorverbonden met {target.name}. De hulpverlener daar krijgt eerst "
        "een samenvatting: je hoeft je verhaal niet opnieuw te vertellen.",
    )
    session.commit()
    session.refresh(conversation)
    return conversation


def _leave_all(session: Session, conversation_id: str) -> None:
    session.execute(
        update(Participant)
        .where(Participant.conversation_id == conversation_id)
        .values(active=False)
        .execution_options(synchronize_session=False)
    )


def invite(
    session: Session, conversation: Conversation, counsellor: Counsellor, username: str
) -> Counsellor:
    _require_participant(session, conversation, counsellor)
    guest = session.scalar(
        select(Counsellor).where(
            Counsellor.username == username,
            Counsellor.active.is_(True),
            # a supervisor joins when asked; trainers never join a live conversation
            Counsellor.role.in_(STAFF_ROLES),
        )
    )
    if guest is None or guest.id == counsellor.id:
        raise not_found("Die collega vinden we niet.", "No such colleague.")
    change_state(session, conversation.id, ("human",), {"last_activity_at": utcnow()})
    _join(session, conversation.id, guest, "invited")
    if guest.role == "supervisor":
        supervision.record(session, guest, "join", conversation)
    append_message(
        session,
        conversation.id,
        "system",
        f"{guest.display_name} neemt ook deel aan het gesprek.",
    )
    session.commit()
    return guest


def close(
    session: Session,
    catalog: Catalog,
    conversation: Conversation,
    counsellor: Counsellor,
    registration: dict,
) -> Registration:
    still_open = conversation.state != "closed"
    if still_open:
        _require_participant(session, conversation, counsellor)
        change_state(
            session, conversation.id, ("human",), {"state": "closed", "closed_at": utcnow()}
        )
    else:
        _require_unregistered_former_participant(session, conversation, counsellor)
    handoff = session.get(Handoff, conversation.id)
    record = Registration(
        conversation_id=conversation.id,
        helpline_id=conversation.helpline_id,
        counsellor_id=counsellor.id,
        # kept for statistics: only what the visitor agreed to share
        bot_labels=consent.counsellor_labels(session, conversation, handoff.labels) if handoff else None,
        registered_on=utcnow().date(),
        **registration,
    )
    session.add(record)
    events.record_for(
        session, catalog, "registration", conversation,
        first_contact=record.first_contact, theme=record.main_theme, role=record.role,
        age_group=record.age_group,
    )
    if still_open:
        events.record_chat_ended(session, catalog, conversation)
        _leave_all(session, conversation.id)
        helpline = catalog.helpline(conversation.helpline_id)
        append_message(
            session,
            conversation.id,
            "system",
            "Het gesprek is afgesloten. Je kan altijd opnieuw chatten. "
            + round_the_clock_sentence(catalog, helpline.country),
        )
    session.commit()
    session.refresh(conversation)
    return record


def _require_unregistered_former_participant(
    session: Session, conversation: Conversation, counsellor: Counsellor
) -> None:
    """The visitor ended the conversation (or left with the quick exit): a counsellor who was
    in it still registers it, once."""
    if session.get(Participant, (conversation.id, counsellor.id)) is None:
        _require_participant(session, conversation, counsellor)  # raises: never was in it
    registered = session.scalar(
        select(Registration.id).where(Registration.conversation_id == conversation.id)
    )
    if registered is not None:
        raise ApiError(
            409,
            "already_registered",
            "Dit gesprek is al geregistreerd.",
            "This conversation has already been registered.",
        )



def registration_labels(session: Session, conversation: Conversation, record: Registration) -> dict | None:
    """The bot's labels beside the registration, as the counsellor may see them."""
    return consent.counsellor_labels(session, conversation, record.bot_labels)


def counsellor_messages(session: Session, conversation_id: str, after: int) -> list:
    """The live feed's messages after `after`, as a counsellor may see them."""
    conversation = session.get(Conversation, conversation_id)
    return consent.counsellor_messages(session, conversation, after) if conversation else []
