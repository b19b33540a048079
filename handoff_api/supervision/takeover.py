"""Take-over when asked. The counsellor who has a conversation asks ("Vraag overname"); a
supervisor who sees it then takes it over and becomes its owner. The counsellor is released: the
chat no longer counts as theirs (presence, their list, the registration), and like every
counsellor of the team they can still read it. Without a request no supervisor takes a chat
over: they watch, whisper, or join when invited. The visitor reads only the neutral notice any
new counsellor brings ("Je praat nu verder met ..."), never that it was asked or by whom."""

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from handoff_api.conversations.models import Conversation, Participant
from handoff_api.conversations.service import TOUCHED_KEY, append_message, change_state
from handoff_api.counsellors.models import Counsellor
from handoff_api.db import utcnow
from handoff_api.errors import ApiError
from handoff_api.helplines.catalog import Catalog
from handoff_api.supervision.models import StaffNote, TakeoverRequest
from handoff_api.supervision.service import record, require_supervisor


def not_asked() -> ApiError:
    return ApiError(
        409,
        "takeover_not_asked",
        "Overnemen kan alleen als de hulpverlener van dit gesprek erom vraagt, en die vraag staat "
        "er nu niet (meer). Je kan wel meekijken en fluisteren.",
        "Only when the conversation's counsellor asks for it; no such request stands now.",
    )


def not_the_owner() -> ApiError:
    return ApiError(
        409,
        "not_the_owner",
        "Alleen de hulpverlener die het gesprek heeft, kan vragen om het over te nemen.",
        "Only the counsellor who has the conversation can ask for a take-over.",
    )


def no_supervisor() -> ApiError:
    return ApiError(
        409,
        "no_supervisor",
        "Er is geen supervisor die dit gesprek kan overnemen. Nodig een collega uit of verwijs door.",
        "No supervisor can take this conversation over.",
    )


def pending(session: Session, conversation: Conversation) -> TakeoverRequest | None:
    """The request that stands: made by the counsellor who has the conversation now."""
    request = session.get(TakeoverRequest, conversation.id)
    if request is None or conversation.state != "human":
        return None
    return request if request.requested_by_id == conversation.assigned_counsellor_id else None


def request_view(session: Session, conversation: Conversation) -> dict | None:
    request = pending(session, conversation)
    if request is None:
        return None
    asker = session.get(Counsellor, request.requested_by_id)
    return {"asked_by": asker.display_name, "asked_at": request.requested_at.isoformat(timespec="seconds")}


def _owns(session: Session, conversation: Conversation, account: Counsellor) -> bool:
    participant = session.get(Participant, (conversation.id, account.id))
    return bool(
        conversation.state == "human"
        and conversation.assigned_counsellor_id == account.id
        and participant is not None
        and participant.active
        and participant.role == "owner"
    )


def _supervisors_for(session: Session, catalog: Catalog, conversation: Conversation) -> int:
    """Active supervisors who see the conversation (their team answers its helpline)."""
    supervisors = session.scalars(
        select(Counsellor).where(Counsellor.role == "supervisor", Counsellor.active.is_(True))
    )
    return sum(conversation.helpline_id in catalog.team_helpline_ids(s.helpline_id) for s in supervisors)


def _touch(session: Session, conversation_id: str) -> None:
    session.info.setdefault(TOUCHED_KEY, set()).add(conversation_id)  # wakes the desks


def ask(session: Session, catalog: Catalog, conversation: Conversation, counsellor: Counsellor) -> dict:
    """Asking twice is asking once; an earlier owner's request is replaced."""
    if not _owns(session, conversation, counsellor):
        raise not_the_owner()
    if pending(session, conversation) is None:
        if not _supervisors_for(session, catalog, conversation):
            raise no_supervisor()
        session.execute(delete(TakeoverRequest).where(TakeoverRequest.conversation_id == conversation.id))
        session.add(TakeoverRequest(conversation_id=conversation.id, requested_by_id=counsellor.id))
        record(session, counsellor, "takeover_asked", conversation)
        _touch(session, conversation.id)
        session.commit()
    return request_view(session, conversation)


def withdraw(session: Session, conversation: Conversation, counsellor: Counsellor) -> None:
    """The counsellor goes on alone after all (nothing to withdraw: nothing happens)."""
    withdrawn = session.execute(
        delete(TakeoverRequest).where(
            TakeoverRequest.conversation_id == conversation.id,
            TakeoverRequest.requested_by_id == counsellor.id,
        )
    ).rowcount
    if withdrawn:
        record(session, counsellor, "takeover_withdrawn", conversation)
        _touch(session, conversation.id)
    session.commit()


def take_over(session: Session, catalog: Catalog, conversation: Conversation, supervisor: Counsellor) -> Conversation:
    """Atomic: of two supervisors (or a withdrawal at the same moment) exactly one wins; the
    other gets 409 `takeover_not_asked`."""
    require_supervisor(supervisor)
    request = pending(session, conversation)
    if request is None:
        raise not_asked()
    counsellor = session.get(Counsellor, request.requested_by_id)
    session.commit()  # end the read transaction: the change below decides on its own
    change_state(
        session,
        conversation.id,
        ("human",),
        {"assigned_counsellor_id": supervisor.id, "last_activity_at": utcnow()},
        not_asked,
        where=(Conversation.assigned_counsellor_id == counsellor.id,),
    )
    taken = session.execute(
        delete(TakeoverRequest).where(
            TakeoverRequest.conversation_id == conversation.id,
            TakeoverRequest.requested_by_id == counsellor.id,
        )
    ).rowcount
    if taken != 1:  # withdrawn meanwhile
        session.rollback()
        raise not_asked()
    _hand_over(session, conversation.id, counsellor, supervisor)
    helpline = catalog.helpline(conversation.helpline_id)
    append_message(
        session,
        conversation.id,
        "system",
        f"Je praat nu verder met {supervisor.display_name}, een hulpverlener van {helpline.name}. "
        f"{supervisor.display_name} kan lezen wat jullie al schreven: je hoeft niets opnieuw te vertellen.",
    )
    session.add(
        StaffNote(
            conversation_id=conversation.id,
            kind="note",
            author_id=None,
            author_name="Systeem",
            text=f"{supervisor.display_name} nam dit gesprek over op vraag van {counsellor.display_name}. "
            f"{counsellor.display_name} kan nog meelezen, maar schrijft en registreert het niet meer.",
        )
    )
    record(session, supervisor, "takeover", conversation)
    session.commit()
    session.refresh(conversation)
    return conversation


def _hand_over(session: Session, conversation_id: str, counsellor: Counsellor, supervisor: Counsellor) -> None:
    session.execute(
        update(Participant)
        .where(Participant.conversation_id == conversation_id, Participant.counsellor_id == counsellor.id)
        .values(active=False, role="released")
        .execution_options(synchronize_session=False)
    )
    joined = session.get(Participant, (conversation_id, supervisor.id))
    if joined is None:
        session.add(Participant(conversation_id=conversation_id, counsellor_id=supervisor.id, role="owner"))
    else:  # had joined when invited
        joined.active, joined.role = True, "owner"


def require_owner_to_close(session: Session, conversation: Conversation, account: Counsellor) -> None:
    """A supervisor closes and registers only a conversation they took over (an invited one
    is closed by its counsellor)."""
    if account.role != "supervisor":
        return
    participant = session.get(Participant, (conversation.id, account.id))
    if participant is None or participant.role != "owner":
        raise ApiError(
            403,
            "not_the_owner",
            "Een supervisor sluit alleen een gesprek af dat die overnam.",
            "A supervisor closes only a conversation they took over.",
        )
