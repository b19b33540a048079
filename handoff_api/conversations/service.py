"""The visitor's side of a conversation: messages, states, views (the relay to the bot is in
handoff_api/conversations/relay.py)."""

import logging
from datetime import datetime

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session, make_transient_to_detached
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.util import identity_key

from handoff_api import dutch
from handoff_api.config import Settings
from handoff_api.conversations.models import Conversation, Handoff, Message, Participant
from handoff_api.conversations.queue import queue_position
from handoff_api.conversations.safety import contact_sentence, round_the_clock_sentence
from handoff_api.db import utcnow
from handoff_api.errors import ApiError, not_found, unauthorized
from handoff_api.helplines import service as helplines
from handoff_api.helplines.catalog import Catalog, Helpline
from handoff_api.security import secret_matches
from handoff_api.stats import events

log = logging.getLogger(__name__)
TOUCHED_KEY = "touched_conversations"
NUMBERS_PAYLOAD = "/ask_emergency_numbers"  # the bot's button for the round-the-clock numbers


def unknown_entry_point() -> ApiError:
    return ApiError(
        422,
        "unknown_entry_point",
        "Deze chatknop kennen we niet.",
        "Unknown entry point.",
    )


def conversation_closed() -> ApiError:
    return ApiError(
        409,
        "conversation_closed",
        "Dit gesprek is afgesloten. Je kan altijd een nieuw gesprek starten.",
        "This conversation is closed. You can always start a new one.",
    )


def conversation_changed() -> ApiError:
    return ApiError(
        409,
        "conversation_changed",
        "Dit gesprek veranderde net: iemand anders was je voor (afgesloten, doorverbonden of "
        "aangenomen). Bekijk het opnieuw.",
        "This conversation changed just now (closed, transferred or claimed by someone else). "
        "Look at it again.",
    )


def change_state(
    session: Session,
    conversation_id: str,
    from_states: tuple[str, ...],
    values: dict,
    lost_race=conversation_changed,
    where: tuple = (),
) -> None:
    """`UPDATE conversations ... WHERE state IN from_states`: of two racing changes exactly one
    applies; the other gets `lost_race()` (a 409), never a lost update or a 500.

    On PostgreSQL the row stays locked until the commit, so do this before the other writes
    of the change. Refresh ORM objects of the conversation afterwards.
    """
    changed = session.execute(
        update(Conversation)
        .where(Conversation.id == conversation_id, Conversation.state.in_(from_states), *where)
        .values(**values)
        .execution_options(synchronize_session=False)
    ).rowcount
    if changed != 1:
        session.rollback()
        raise lost_race()


def clock_offset_seconds(settings: Settings, simulated_now: datetime | None) -> float:
    if simulated_now is None:
        return 0.0
    if not settings.allow_simulated_clock:
        raise ApiError(
            422,
            "simulated_clock_disabled",
            "Een gesimuleerde tijd kan hier niet.",
            "A simulated time is not allowed on this server.",
        )
    if simulated_now.tzinfo is None:
        raise ApiError(
            422,
            "simulated_now_without_offset",
            "De gesimuleerde tijd heeft een tijdzone nodig.",
            "simulated_now needs a UTC offset.",
        )
    return (simulated_now - utcnow()).total_seconds()


def helpline_of(catalog: Catalog, conversation: Conversation) -> Helpline:
    return catalog.helpline(conversation.helpline_id)


def append_message(
    session: Session,
    conversation_id: str,
    sender: str,
    text: str,
    buttons: list[dict] | None = None,
    counsellor_name: str | None = None,
    client_message_id: str | None = None,
) -> Message:
    """Adds a message with the conversation's next sequence number (atomically)."""
    now = utcnow()
    seq = session.execute(_COUNT_MESSAGE, {"counted_id": conversation_id, "now": now}).scalar_one()
    _sync_counted(session, conversation_id, seq, now)
    values = {
        "conversation_id": conversation_id, "seq": seq, "sender": sender, "text": text,
        "buttons": buttons or None, "counsellor_name": counsellor_name, "created_at": now,
        "client_message_id": client_message_id,
    }
    # A Core INSERT now (a duplicate client_message_id raises IntegrityError here), and the
    # object attached as loaded: the ORM's flush of a new object cost about half a millisecond.
    message_id = session.execute(_INSERT_MESSAGE, values).scalar_one()
    message = Message(id=message_id, **values)
    make_transient_to_detached(message)
    session.add(message)
    session.info.setdefault(TOUCHED_KEY, set()).add(conversation_id)
    return message


# Built once, with their values bound at each call: building a statement cost about as much as
# running it on SQLite. The UPDATE stays an ORM statement, so pending objects are flushed first.
_COUNT_MESSAGE = (
    update(Conversation)
    .where(Conversation.id == bindparam("counted_id"))
    .values(message_count=Conversation.message_count + 1, last_activity_at=bindparam("now"))
    .returning(Conversation.message_count)
    .execution_options(synchronize_session=False)
)
_INSERT_MESSAGE = insert(Message.__table__).returning(Message.__table__.c.id)


def _sync_counted(session: Session, conversation_id: str, seq: int, now: datetime) -> None:
    """The loaded conversation gets the UPDATE's values from RETURNING: the ORM's own "evaluate"
    synchronisation cost about a third of a millisecond a message."""
    conversation = session.identity_map.get(identity_key(Conversation, conversation_id))
    if conversation is not None:
        set_committed_value(conversation, "message_count", seq)
        set_committed_value(conversation, "last_activity_at", now)


def authenticate_visitor(session: Session, conversation_id: str, token: str | None) -> Conversation:
    conversation = session.get(Conversation, conversation_id)
    if conversation is None:
        raise not_found("Dit gesprek bestaat niet (meer).", "This conversation does not exist.")
    if not token or not secret_matches(token, conversation.token_hash):
        raise unauthorized()
    return conversation


def offered_payloads(session: Session, conversation_id: str) -> set[str]:
    """The payloads of the buttons in the bot's last message."""
    buttons = session.scalar(
        select(Message.buttons)
        .where(Message.conversation_id == conversation_id, Message.sender == "bot")
        .order_by(Message.seq.desc())
        .limit(1)
    )
    return {str(button.get("payload")) for button in buttons or () if isinstance(button, dict)}


def bot_input(text: str, payload: str | None, offered: set[str]) -> str:
    """A payload goes to Rasa only when the bot offered it; everything else is text for the NLU.

    Rasa reads a message that starts with '/' as an intent with entities
    (`/crisis{"urgency": "acute_danger"}`), skipping the NLU: such text loses its slashes.
    """
    if payload is not None and payload in offered:
        return payload
    as_text = text.lstrip().lstrip("/").lstrip()
    return as_text or "..."


def closed_while_waiting(session: Session, catalog: Catalog, conversation: Conversation) -> list:
    """Still in the queue when the chat closed: say so, with what is open now."""
    helpline = helpline_of(catalog, conversation)
    state = helplines.availability(session, catalog, helpline, conversation.now())
    if state.status != "closed" or state.reason == "nobody_on_duty":
        return []  # waiting for a counsellor: the bot gets nothing (conversations/unserved.py tells)
    if conversation.wait_notice == "closed":
        return []  # told already
    return [tell_closed_while_waiting(session, catalog, conversation, state)]


def tell_closed_while_waiting(session: Session, catalog: Catalog, conversation: Conversation, state) -> Message:
    helpline = helpline_of(catalog, conversation)
    when = (
        f" ({dutch.moment_from_now(state.next_opening, state.now)})" if state.next_opening else ""
    )
    text = " ".join(
        part
        for part in (
            f"De chat van {helpline.name} is intussen gesloten. Je gesprek blijft bewaard en "
            f"je houdt je plaats in de wachtrij tot de chat weer opengaat{when}.",
            round_the_clock_sentence(catalog, helpline.country),
            contact_sentence(helpline),
        )
        if part
    )
    conversation.wait_notice = "closed"
    message = append_message(session, conversation.id, "system", text)
    session.commit()
    return message


def end_by_visitor(session: Session, catalog: Catalog, conversation: Conversation) -> Message:
    """The visitor leaves: the conversation closes, with the numbers that are always open."""
    for _attempt in range(3):
        if conversation.state == "closed":
            raise conversation_closed()
        record_departure(session, catalog, conversation)  # counted as it was when it ended
        try:
            change_state(
                session,
                conversation.id,
                (conversation.state,),
                {"state": "closed", "closed_at": utcnow()},
                conversation_closed,
            )
            break
        except ApiError:
            session.refresh(conversation)  # it changed meanwhile (a transfer, say): again
    else:
        raise conversation_closed()
    session.refresh(conversation)
    session.execute(
        update(Participant)
        .where(Participant.conversation_id == conversation.id)
        .values(active=False)
        .execution_options(synchronize_session=False)
    )
    helpline = helpline_of(catalog, conversation)
    message = append_message(
        session,
        conversation.id,
        "system",
        "Je hebt het gesprek beëindigd. Je mag altijd terugkomen. "
        + round_the_clock_sentence(catalog, helpline.country),
    )
    session.commit()
    session.refresh(conversation)
    return message


def record_departure(session: Session, catalog: Catalog, conversation: Conversation) -> None:
    """The visitor is gone: a bot-only chat, a wait given up, or the end of a counsellor's chat."""
    if conversation.state == "bot":
        events.record_for(
            session, catalog, "bot_only", conversation,
            arrival=conversation.arrival_status, took=conversation.offer_taken or "nothing",
        )
    elif conversation.state == "queued":
        wait = events.wait_minutes(conversation.queued_clock_at, conversation.now())
        events.record_for(session, catalog, "left_queue", conversation, wait=wait)
    elif conversation.state == "human":
        events.record_chat_ended(session, catalog, conversation)


def messages_after(session: Session, conversation_id: str, after: int) -> list[Message]:
    return list(
        session.scalars(
            select(Message)
            .where(Message.conversation_id == conversation_id)
            .where(Message.seq > after)
            .order_by(Message.seq)
        )
    )


def message_view(message: Message) -> dict:
    return {
        "seq": message.seq,
        "sender": message.sender,
        "text": message.text,
        "buttons": message.buttons or [],
        "counsellor_name": message.counsellor_name,
        "created_at": message.created_at.isoformat(timespec="seconds"),
    }


def conversation_view(session: Session, catalog: Catalog, conversation: Conversation) -> dict:
    helpline = helpline_of(catalog, conversation)
    position = queue_position(session, conversation)
    wait = helplines.wait_for(session, catalog, helpline, position) if position else None
    now = conversation.now()
    availability = helplines.availability(session, catalog, helpline, now)
    return {
        "id": conversation.id,
        "state": conversation.state,
        "entry_point": conversation.entry_point,
        "helpline": helpline.public_view(),
        "helpline_status": availability.status,
        "next_opening": helplines.iso(availability.next_opening),
        "reopens_sentence": (
            dutch.reopens_sentence(availability.next_opening, availability.now)
            if availability.status == "closed"
            else None
        ),
        "queue_position": position,
        "expected_wait_minutes": wait.high_minutes if wait else None,
        "expected_wait": wait.view() if wait else None,
        "now": helplines.iso(availability.now),
        "last_seq": conversation.message_count,
        "story_shared": story_shared(session, conversation),
    }


def story_shared(session: Session, conversation: Conversation) -> bool:
    handoff = session.get(Handoff, conversation.id)
    return bool(handoff and handoff.consent)


def shift_clock(conversation: Conversation, simulated_now: datetime) -> None:
    conversation.clock_offset_seconds = (simulated_now - utcnow()).total_seconds()

