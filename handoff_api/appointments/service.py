"""Appointment slots from opening hours and capacity; booking and coming back with the code."""

from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from handoff_api import dutch
from handoff_api.appointments.models import Appointment
from handoff_api.config import Settings
from handoff_api.conversations.models import Conversation
from handoff_api.conversations.queue import queue_position
from handoff_api.conversations import consent
from handoff_api.conversations.service import append_message, clock_offset_seconds
from handoff_api.db import utcnow
from handoff_api.errors import ApiError, not_found
from handoff_api.helplines import hours
from handoff_api.helplines.catalog import Catalog, Helpline
from handoff_api.security import CodeHasher, hash_secret, new_code, new_token
from handoff_api.stats import events


def offer_for(session: Session, helpline: Helpline, now: datetime) -> dict | None:
    """The helpline whose chat appointment the bot may offer: only one with a free slot."""
    if not helpline.appointments.enabled or not free_slots(session, helpline, now, limit=1):
        return None
    return {"id": helpline.id, "name": helpline.name}


def slot_taken() -> ApiError:
    return ApiError(
        409,
        "slot_taken",
        "Dit tijdstip is niet meer vrij. Kies een ander moment.",
        "This slot is no longer free. Please choose another.",
    )


def _booked_counts(session: Session, helpline_id: str, start: datetime, end: datetime) -> dict:
    rows = session.execute(
        select(Appointment.start, func.count())
        .where(Appointment.helpline_id == helpline_id)
        .where(Appointment.start >= start, Appointment.start < end)
        .group_by(Appointment.start)
    ).all()
    return {moment.timestamp(): count for moment, count in rows}


def candidate_slots(helpline: Helpline, now: datetime) -> list[tuple[datetime, datetime]]:
    """Every slot in the booking horizon, in UTC, ignoring bookings."""
    policy = helpline.appointments
    if not policy.enabled:
        return []
    window_start = now + timedelta(minutes=policy.min_lead_minutes)
    window_end = now + timedelta(days=policy.horizon_days)
    length = timedelta(minutes=policy.slot_minutes)
    slots = []
    for interval in hours.intervals_between(helpline, window_start, window_end):
        start = interval.start.astimezone(window_start.tzinfo)
        while start + length <= interval.end:
            if start >= window_start:
                slots.append((start, start + length))
            start += length  # UTC arithmetic: right across daylight-saving changes
    return slots


def free_slots(
    session: Session, helpline: Helpline, now: datetime, limit: int | None = None
) -> list[tuple[datetime, datetime]]:
    now = now.astimezone(utcnow().tzinfo)
    slots = candidate_slots(helpline, now)
    if not slots:
        return []
    booked = _booked_counts(session, helpline.id, slots[0][0], slots[-1][1])
    free = [s for s in slots if booked.get(s[0].timestamp(), 0) < helpline.appointments.per_slot]
    return free[:limit] if limit else free


def already_booked() -> ApiError:
    return ApiError(
        409,
        "appointment_already_booked",
        "Je hebt in dit gesprek al een afspraak gemaakt. Je code staat hierboven in de chat. "
        "Wil je een ander moment? Start dan een nieuw gesprek.",
        "This conversation already has an appointment (one per conversation).",
    )


def _lock_conversation(session: Session, conversation_id: str) -> None:
    """PostgreSQL: bookings of one conversation wait for each other (SQLite serialises anyway)."""
    session.execute(
        select(Conversation.id).where(Conversation.id == conversation_id).with_for_update()
    )


def booked_message(helpline: Helpline, appointment: Appointment, code: str) -> str:
    when = dutch.moment(hours.to_local(helpline, appointment.start))
    return (
        f"Je afspraak met {helpline.name} staat vast: {when}. Je code is {code}. "
        "Schrijf hem ergens op waar niemand hem vindt. Kom op dat moment terug naar deze chat "
        "en typ je code."
    )


def book(
    session: Session,
    codes: CodeHasher,
    conversation: Conversation,
    helpline: Helpline,
    start: datetime,
) -> tuple[Appointment, str]:
    """One booking per conversation; the code goes into the transcript in the same transaction,
    so a slow or failing bot never loses it."""
    if start.tzinfo is None:
        raise slot_taken()
    _lock_conversation(session, conversation.id)
    if session.scalar(select(Appointment.id).where(Appointment.conversation_id == conversation.id)):
        raise already_booked()
    wanted = start.timestamp()
    slot = next(
        (s for s in free_slots(session, helpline, conversation.now()) if s[0].timestamp() == wanted),
        None,
    )
    if slot is None:
        raise slot_taken()
    taken = _booked_counts(session, helpline.id, slot[0], slot[1]).get(wanted, 0)
    if taken >= helpline.appointments.per_slot:  # booked meanwhile, after the check above
        raise slot_taken()
    code = new_code()
    appointment = Appointment(
        conversation_id=conversation.id,
        helpline_id=helpline.id,
        start=slot[0],
        end=slot[1],
        seat=taken,
        code_hash=codes.code(code),
    )
    session.add(appointment)
    try:
        session.flush()  # the seat's unique constraint decides here
        conversation.offer_taken = "appointment"
        events.record(
            session, helpline, "appointment_booked", conversation.entry_point, conversation.now(),
            arrival=conversation.arrival_status,
        )
        append_message(session, conversation.id, "system", booked_message(helpline, appointment, code))
        session.commit()
    except IntegrityError as error:  # another booking took the last seat meanwhile
        session.rollback()
        raise slot_taken() from error
    return appointment, code


def _mark_missed(session: Session, catalog: Catalog, appointment: Appointment) -> None:
    if appointment.status != "booked":
        return
    appointment.status = "missed"
    conversation = session.get(Conversation, appointment.conversation_id)
    helpline = catalog.helpline(appointment.helpline_id)
    if conversation is not None and helpline is not None:
        events.record(session, helpline, "appointment_missed", conversation.entry_point, appointment.start)


def record_missed(session: Session, catalog: Catalog) -> int:
    """Appointments whose time passed (on their conversation's clock) without a check-in."""
    booked = session.execute(
        select(Appointment, Conversation)
        .join(Conversation, Conversation.id == Appointment.conversation_id)
        .where(Appointment.status == "booked")
    ).all()
    missed = [a for a, conversation in booked if conversation.now() >= a.end]
    for appointment in missed:
        _mark_missed(session, catalog, appointment)
    session.commit()
    return len(missed)


def _checkin_refused(status: int, code: str, nl: str, en: str) -> ApiError:
    return ApiError(status, code, nl, en)


def check_in(
    session: Session,
    settings: Settings,
    catalog: Catalog,
    codes: CodeHasher,
    code: str,
    simulated_now: datetime | None,
) -> tuple[Conversation, str]:
    """The visitor is back with their code: the conversation goes to the front of the queue."""
    offset = clock_offset_seconds(settings, simulated_now)
    now = utcnow() + timedelta(seconds=offset)
    appointment = session.scalar(
        select(Appointment).where(Appointment.code_hash.in_(codes.stored_forms(code)))
    )
    if appointment is None:
        raise not_found(
            "Deze code kennen we niet. Kijk na of je hem juist overtypte.",
            "Unknown appointment code.",
        )
    helpline = catalog.helpline(appointment.helpline_id)
    early = timedelta(minutes=helpline.appointments.early_checkin_minutes)
    if now < appointment.start - early:
        when = dutch.moment(hours.to_local(helpline, appointment.start))
        raise _checkin_refused(
            409,
            "appointment_not_yet",
            f"Je afspraak is op {when}. Kom dan terug met je code.",
            "Your appointment has not started yet.",
        )
    if now >= appointment.end:
        _mark_missed(session, catalog, appointment)
        session.commit()
        raise _checkin_refused(
            410,
            "appointment_over",
            "Je afspraak is voorbij. Je kan een nieuw gesprek starten of een nieuwe afspraak maken.",
            "This appointment is over. You can start a new conversation.",
        )
    conversation = session.get(Conversation, appointment.conversation_id)
    token = new_token()
    conversation.token_hash = hash_secret(token)
    conversation.clock_offset_seconds = offset
    session.flush()
    # Guarded: a counsellor who claimed it meanwhile keeps it (no lost update back to the queue).
    session.execute(
        update(Conversation)
        .where(Conversation.id == conversation.id, Conversation.state != "human")
        .values(
            state="queued",
            helpline_id=helpline.id,
            from_appointment=True,
            queued_at=utcnow(),
            queued_clock_at=conversation.now(),
            closed_at=None,
            **consent.leaving_the_bot(),
        )
        .execution_options(synchronize_session=False)
    )
    session.refresh(conversation)
    appointment.status = "checked_in"
    appointment.checked_in_at = utcnow()
    appointment.code_hash = codes.code(code)  # a row from before the HMAC gets it now
    events.record_for(session, catalog, "appointment_kept", conversation)
    session.commit()
    session.refresh(conversation)
    if conversation.state == "queued":
        position = queue_position(session, conversation)
        append_message(
            session,
            conversation.id,
            "system",
            f"Welkom terug! Je staat op plaats {position} in de wachtrij van {helpline.name}. "
            + (
                "Een hulpverlener komt zo bij je en leest eerst wat je al vertelde: "
                "je hoeft je verhaal niet opnieuw te doen."
                if consent.story_shared(session, conversation)
                else "Een hulpverlener komt zo bij je. Wat je aan de chatbot vertelde, krijgt die "
                "niet te lezen."
            ),
        )
        session.commit()
    return conversation, token
