"""Ending access: deactivating accounts, revoking their logins, and the right of an open socket."""

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from handoff_api.conversations.models import Conversation, Participant
from handoff_api.conversations.queue import queue_position
from handoff_api.conversations.safety import round_the_clock_sentence
from handoff_api.conversations.service import append_message, change_state
from handoff_api.counsellors.models import Counsellor, CounsellorSession
from handoff_api.db import utcnow
from handoff_api.counsellors.accounts import AccountError, authenticate, require_staff
from handoff_api.counsellors.service import visible_conversation
from handoff_api.errors import ApiError, unauthorized
from handoff_api.helplines.catalog import Catalog
from handoff_api.supervision.models import StaffNote


def _account(session: Session, username: str) -> Counsellor:
    account = session.scalar(select(Counsellor).where(Counsellor.username == username))
    if account is None:
        raise AccountError(f"no account {username!r}")
    return account


def revoke_sessions(session: Session, username: str) -> int:
    """Ends every login of the account (its open sockets close within seconds)."""
    account = _account(session, username)
    ended = session.execute(
        delete(CounsellorSession).where(CounsellorSession.counsellor_id == account.id)
    ).rowcount
    session.commit()
    return ended


def set_active(session: Session, catalog: Catalog, username: str, active: bool) -> tuple[Counsellor, int]:
    """Deactivated: no login, every session and socket of the account ends, and its open
    chats go back to the head of their helpline's queue. Returns the account and how many
    chats were put back."""
    account = _account(session, username)
    account.active = active
    session.commit()
    if active:
        return account, 0
    revoke_sessions(session, username)
    return account, requeue_chats_of(session, catalog, account)


def requeue_chats_of(session: Session, catalog: Catalog, account: Counsellor) -> int:
    """Every chat the account owns goes back into its helpline's queue, before every other
    chat of its urgency, so the visitor is not stranded; the visitor is told, and the next
    counsellor finds a note. Each move is state-guarded: a chat closed or transferred in the
    meantime is left as it is."""
    owned = session.scalars(
        select(Conversation.id).where(
            Conversation.assigned_counsellor_id == account.id, Conversation.state == "human"
        )
    ).all()
    session.commit()
    moved = sum(_requeue(session, catalog, account, conversation_id) for conversation_id in owned)
    session.execute(
        update(Participant)
        .where(Participant.counsellor_id == account.id)
        .values(active=False)
        .execution_options(synchronize_session=False)
    )  # also out of colleagues' chats it was invited into
    session.commit()
    return moved


def _requeue(session: Session, catalog: Catalog, account: Counsellor, conversation_id: str) -> bool:
    conversation = session.get(Conversation, conversation_id)
    now = utcnow()
    try:
        change_state(
            session,
            conversation_id,
            ("human",),
            {
                "state": "queued",
                "assigned_counsellor_id": None,
                "queued_at": now,
                "queued_clock_at": conversation.now(),
                "requeued_at": now,
            },
            where=(Conversation.assigned_counsellor_id == account.id,),
        )
    except ApiError:
        return False  # closed or transferred meanwhile: nothing is stranded
    session.execute(
        update(Participant)
        .where(Participant.conversation_id == conversation_id)
        .values(active=False)
        .execution_options(synchronize_session=False)
    )
    session.refresh(conversation)
    helpline = catalog.helpline(conversation.helpline_id)
    append_message(
        session, conversation_id, "system", requeued_message(queue_position(session, conversation))
        + " " + round_the_clock_sentence(catalog, helpline.country),
    )
    session.add(
        StaffNote(
            conversation_id=conversation_id,
            kind="note",
            author_id=None,
            author_name="Systeem",
            text=f"{account.display_name} moest dit gesprek verlaten (account uitgeschakeld). "
            "Het gesprek staat terug vooraan in de wachtrij en de bezoeker weet dat een collega "
            "het overneemt. Lees eerst het gesprek tot nu: de bezoeker hoeft het verhaal niet "
            "opnieuw te doen.",
        )
    )
    session.commit()
    return True


def requeued_message(position: int) -> str:
    """What the visitor reads: true about their place (only a chat of higher urgency, or
    another one put back earlier, can be ahead)."""
    place = (
        "Je staat vooraan in de wachtrij."
        if position == 1
        else f"Je staat op plaats {position} in de wachtrij, zo ver vooraan als kan."
    )
    return (
        f"Je hulpverlener moest de chat verlaten. {place} De eerste hulpverlener die vrij is, "
        "neemt je gesprek over en kan lezen wat je al vertelde: je hoeft je verhaal niet "
        "opnieuw te doen."
    )


def account_deactivated() -> ApiError:
    return ApiError(
        401,
        "account_deactivated",
        "Je account is uitgeschakeld. Vraag je coördinator om meer uitleg.",
        "Your account has been deactivated.",
    )


def socket_counsellor(
    session: Session,
    catalog: Catalog,
    token: str | None,
    counsellor_id: str,
    conversation_id: str,
) -> Counsellor:
    """An open socket's right, checked again: the account is active, the login still valid
    (not logged out, expired or revoked), and the conversation still the counsellor's to see."""
    account = session.get(Counsellor, counsellor_id)
    if account is None or not account.active:
        raise account_deactivated()
    counsellor = authenticate(session, token)
    if counsellor.id != counsellor_id:
        raise unauthorized()
    require_staff(counsellor)
    visible_conversation(session, catalog, counsellor, conversation_id)
    return counsellor
