"""The relay's database work: short transactions in a worker thread, each with its own session,
never open while the bot is asked (handoff_api/conversations/relay.py does the asking)."""

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import and_, bindparam, delete, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from handoff_api.config import Settings
from handoff_api.conversations import service
from handoff_api.conversations.models import BotRelay, Conversation, Message
from handoff_api.conversations.rasa import BotReply
from handoff_api.conversations.safety import busy_reply, safe_reply
from handoff_api.db import holds_writers_lock_from_begin, utcnow
from handoff_api.helplines import service as helplines
from handoff_api.helplines.catalog import Catalog
from handoff_api.ratelimit import RateLimiter
from handoff_api.security import hash_secret, new_token
from handoff_api.stats import events

GREETING = "/greet"


@dataclass(frozen=True)
class Job:
    """One message for the bot, claimed (`sent`) by this process."""

    relay_id: int
    conversation_id: str
    bot_input: str
    entry_point: str
    after_seq: int
    kept_at: datetime | None = None  # when the message was stored for the bot


@dataclass
class Turn:
    """What storing a message decided: answer `messages` now, or send `job` (a slot is held
    for it), or wait for `in_flight` (a retry of a message already on its way)."""

    messages: list[dict] = field(default_factory=list)
    job: Job | None = None
    in_flight: Job | None = None
    queued: bool = False  # a message waits for the drain


@dataclass(frozen=True)
class VisitorMessage:
    text: str
    payload: str | None = None
    client_message_id: str | None = None
    simulated_now: datetime | None = None


def _views(messages) -> list[dict]:
    return [service.message_view(m) for m in messages]


def _commit_with_views(session: Session, conversation_id: str, after_seq: int) -> list[dict]:
    """The turn's messages, read in the transaction that wrote them: a read after the commit
    would be one more transaction (on SQLite one more wait for the writers' lock)."""
    session.flush()
    rows = session.execute(_VIEWS_AFTER, {"conversation_id": conversation_id, "after_seq": after_seq})
    views = [service.message_view(row) for row in rows]
    session.commit()
    return views


# The relay's statements, built once with their values bound at each call (building one cost
# about as much as running it on SQLite); Core where no ORM object is needed.
_MESSAGES, _RELAYS, _CONVERSATIONS = Message.__table__, BotRelay.__table__, Conversation.__table__
_VIEWS_AFTER = (  # a message view's columns as plain rows
    select(_MESSAGES.c.seq, _MESSAGES.c.sender, _MESSAGES.c.text, _MESSAGES.c.buttons,
           _MESSAGES.c.counsellor_name, _MESSAGES.c.created_at)
    .where(_MESSAGES.c.conversation_id == bindparam("conversation_id"), _MESSAGES.c.seq > bindparam("after_seq"))
    .order_by(_MESSAGES.c.seq)
)
_BY_CLIENT_ID = select(Message).where(
    Message.conversation_id == bindparam("conversation_id"),
    Message.client_message_id == bindparam("client_message_id"),
)
_WAITING_BEFORE = (
    select(_RELAYS.c.id)
    .where(_RELAYS.c.conversation_id == bindparam("conversation_id"), _RELAYS.c.state == "pending")
    .limit(1)
)
_INSERT_RELAY = insert(_RELAYS).returning(_RELAYS.c.id)
_ANSWERED_CONVERSATION = select(_CONVERSATIONS.c.state, _CONVERSATIONS.c.helpline_id).where(
    _CONVERSATIONS.c.id == bindparam("conversation_id")
)
_DELETE_RELAY = delete(_RELAYS).where(_RELAYS.c.id == bindparam("relay_id")).returning(_RELAYS.c.busy_reply_given)


def _job(relay: BotRelay, conversation: Conversation) -> Job:
    return Job(relay.id, conversation.id, relay.bot_input, conversation.entry_point, relay.after_seq,
               relay.created_at)


def store_new_conversation(
    factory: sessionmaker[Session],
    settings: Settings,
    catalog: Catalog,
    conversation_id: str,
    entry_point: str,
    simulated_now: datetime | None,
    slot_held: bool,
) -> tuple[dict, Turn]:
    helpline = catalog.helpline_for_entry_point(entry_point)
    if helpline is None:
        raise service.unknown_entry_point()
    with factory() as session:
        token = new_token()
        conversation = Conversation(
            id=conversation_id,
            token_hash=hash_secret(token),
            entry_point=entry_point,
            helpline_id=helpline.id,
            state="bot",
            clock_offset_seconds=service.clock_offset_seconds(settings, simulated_now),
        )
        session.add(conversation)
        session.flush()
        arrival = helplines.availability(session, catalog, helpline, conversation.now())
        conversation.arrival_status = arrival.status
        events.record_for(
            session, catalog, "chat_started", conversation,
            arrival=arrival.status, reason=arrival.reason,
        )
        turn = _queue_for_bot(session, catalog, conversation, GREETING, None, 0, slot_held)
        created = {"id": conversation.id, "token": token, "state": conversation.state}
        return created, turn


def store_visitor_message(
    factory: sessionmaker[Session],
    settings: Settings,
    catalog: Catalog,
    limiter: RateLimiter,
    conversation_id: str,
    token: str | None,
    message: VisitorMessage,
    slot_held: bool,
    stale_before: datetime,
) -> Turn:
    with factory() as session:
        conversation = service.authenticate_visitor(session, conversation_id, token)
        if message.client_message_id:
            earlier = _by_client_id(session, conversation.id, message.client_message_id)
            if earlier is not None:
                return _retry(session, catalog, conversation, earlier, slot_held, stale_before)
        if conversation.state == "closed":
            raise service.conversation_closed()
        if message.simulated_now is not None:
            conversation.clock_offset_seconds = service.clock_offset_seconds(settings, message.simulated_now)
        limiter.hit(settings.conversation_message_rate, "conversation", conversation.id)
        # Only a payload is checked against the bot's last buttons: plain text skips that read.
        offered = service.offered_payloads(session, conversation.id) if message.payload is not None else set()
        try:
            stored = service.append_message(
                session, conversation.id, "visitor", message.text, client_message_id=message.client_message_id
            )
        except IntegrityError:  # the same message, retried at the same moment: stored once
            session.rollback()
            earlier = _by_client_id(session, conversation.id, message.client_message_id or "")
            if earlier is None:
                raise
            return _retry(session, catalog, conversation, earlier, slot_held, stale_before)
        # The message, its way to the bot (or the busy reply) commit together: one commit, and
        # never a message stored without a relay. append_message's UPDATE holds the
        # conversation's row, so the state read now stays true until the commit. On SQLite the
        # writers' lock was held from the transaction's start: the state read then is still true.
        if not holds_writers_lock_from_begin(session):
            session.refresh(conversation)
        if conversation.state == "queued":
            views = _views(service.closed_while_waiting(session, catalog, conversation))
            session.commit()
            return Turn(views)
        if conversation.state != "bot":
            session.commit()
            return Turn()  # with a counsellor: the bot gets nothing
        bot_text = service.bot_input(message.text, message.payload, offered)
        if bot_text == service.NUMBERS_PAYLOAD:
            conversation.offer_taken = "numbers"
            events.record_for(session, catalog, "numbers_given", conversation, arrival=conversation.arrival_status)
        return _queue_for_bot(session, catalog, conversation, bot_text, stored.id, stored.seq, slot_held)


def _by_client_id(session: Session, conversation_id: str, client_message_id: str) -> Message | None:
    return session.scalar(_BY_CLIENT_ID, {"conversation_id": conversation_id, "client_message_id": client_message_id})


def _queue_for_bot(
    session: Session,
    catalog: Catalog,
    conversation: Conversation,
    bot_text: str,
    message_id: int | None,
    after_seq: int,
    slot_held: bool,
) -> Turn:
    """Sent at once when a slot is held and no earlier message of the conversation waits;
    otherwise it waits for the drain, and the visitor gets the busy reply now."""
    waiting_before = session.scalar(_WAITING_BEFORE, {"conversation_id": conversation.id})
    send_now = slot_held and waiting_before is None
    now = utcnow()
    relay_id = session.execute(_INSERT_RELAY, {
        "conversation_id": conversation.id, "message_id": message_id, "after_seq": after_seq,
        "bot_input": bot_text, "state": "sent" if send_now else "pending", "sent_at": now if send_now else None,
        "busy_reply_given": not send_now, "created_at": now,
    }).scalar_one()
    if send_now:
        session.commit()
        return Turn(job=Job(relay_id, conversation.id, bot_text, conversation.entry_point, after_seq, now))
    _append_busy_reply(session, catalog, conversation)
    return Turn(_commit_with_views(session, conversation.id, after_seq), queued=True)


def _append_busy_reply(session: Session, catalog: Catalog, conversation: Conversation) -> None:
    text = busy_reply(catalog, service.helpline_of(catalog, conversation))
    service.append_message(session, conversation.id, "system", text)


def _retry(
    session: Session,
    catalog: Catalog,
    conversation: Conversation,
    earlier: Message,
    slot_held: bool,
    stale_before: datetime,
) -> Turn:
    """The same message again: what followed it, or (when nothing did yet) its way to the bot."""
    followed = service.messages_after(session, conversation.id, earlier.seq)
    relay = session.scalar(select(BotRelay).where(BotRelay.message_id == earlier.id))
    if relay is None or followed:
        return Turn(_views(followed))
    job = _job(relay, conversation)
    if relay.state == "sent" and relay.sent_at is not None and relay.sent_at >= stale_before:
        return Turn(in_flight=job)
    if slot_held and _claim(session, relay.id, stale_before):
        session.commit()
        return Turn(job=job)
    session.rollback()
    return Turn(give_busy_reply(session, catalog, job), queued=True)


def _claimable(stale_before: datetime):
    return or_(
        BotRelay.state == "pending",
        and_(BotRelay.state == "sent", BotRelay.sent_at < stale_before),  # its sender died
    )


def _claim(session: Session, relay_id: int, stale_before: datetime) -> bool:
    """Of several workers, exactly one gets a waiting message."""
    return session.execute(
        update(BotRelay)
        .where(BotRelay.id == relay_id, _claimable(stale_before))
        .values(state="sent", sent_at=utcnow())
        .execution_options(synchronize_session=False)
    ).rowcount == 1


def give_busy_reply(session: Session, catalog: Catalog, job: Job) -> list[dict]:
    """The deadline passed: the busy reply, once per message (unless the answer came meanwhile)."""
    first = session.execute(
        update(BotRelay)
        .where(BotRelay.id == job.relay_id, BotRelay.busy_reply_given.is_(False))
        .values(busy_reply_given=True)
        .execution_options(synchronize_session=False)
    ).rowcount == 1
    conversation = session.get(Conversation, job.conversation_id)
    if conversation is None:
        return []
    if first:
        _append_busy_reply(session, catalog, conversation)
    return _commit_with_views(session, job.conversation_id, job.after_seq)


def busy_reply_for(factory: sessionmaker[Session], catalog: Catalog, job: Job) -> list[dict]:
    with factory() as session:
        return give_busy_reply(session, catalog, job)


def store_answer(
    factory: sessionmaker[Session], catalog: Catalog, job: Job, replies: list[BotReply] | None
) -> list[dict]:
    """The bot's replies (None: Rasa failed); every message of the turn after the visitor's."""
    with factory() as session:
        # Two columns, no ORM object: the answer changes neither.
        conversation = session.execute(_ANSWERED_CONVERSATION, {"conversation_id": job.conversation_id}).first()
        if conversation is None:
            return []  # purged meanwhile
        # The relay's row goes, in the statement that reads it.
        busy_given = session.scalar(_DELETE_RELAY, {"relay_id": job.relay_id}) or False
        if replies:
            for reply in replies:
                service.append_message(session, job.conversation_id, "bot", reply.text, reply.buttons)
        elif conversation.state == "bot" and not busy_given:
            # Down, failing, or silent while it should talk: never leave the visitor without a step.
            text = safe_reply(catalog, catalog.helpline(conversation.helpline_id))
            service.append_message(session, job.conversation_id, "system", text)
        return _commit_with_views(session, job.conversation_id, job.after_seq)


def claim_next(factory: sessionmaker[Session], conversation_id: str, stale_before: datetime) -> Job | None:
    """The conversation's oldest waiting message, claimed; none once it left the bot."""
    with factory() as session:
        conversation = session.get(Conversation, conversation_id)
        if conversation is None:
            return None
        waiting = (BotRelay.conversation_id == conversation_id, _claimable(stale_before))
        if conversation.state != "bot":
            session.execute(delete(BotRelay).where(*waiting).execution_options(synchronize_session=False))
            session.commit()
            return None
        relay = session.scalar(select(BotRelay).where(*waiting).order_by(BotRelay.id).limit(1))
        if relay is None or not _claim(session, relay.id, stale_before):
            session.rollback()
            return None
        session.commit()
        return _job(relay, conversation)


def waiting_conversations(
    factory: sessionmaker[Session], stale_before: datetime, limit: int = 500
) -> list[str]:
    """Conversations with a message waiting for the bot, the longest waiting first (`factory`
    may be one that only reads)."""
    with factory() as session:
        rows = session.execute(
            select(BotRelay.conversation_id)
            .where(_claimable(stale_before))
            .group_by(BotRelay.conversation_id)
            .order_by(func.min(BotRelay.id))
            .limit(limit)
        )
        return [conversation_id for (conversation_id,) in rows]
