"""The bot hands a conversation over: routing, the queue, and what the briefing is built from."""

from sqlalchemy.orm import Session

from handoff_api.appointments import service as appointments
from handoff_api.conversations import consent, moves
from handoff_api.conversations.models import Conversation, Handoff
from handoff_api.conversations.queue import queue_position
from handoff_api.conversations.service import change_state, conversation_closed
from handoff_api.db import utcnow
from handoff_api.errors import ApiError, not_found
from handoff_api.helplines import service as helplines
from handoff_api.helplines.catalog import AGE_GROUPS, ROLES, THEMES, Catalog
from handoff_api.helplines.routing import VisitorProfile, route
from handoff_api.internal.schemas import HandoffRequest
from handoff_api.stats import events


def unknown_conversation():
    return not_found("Dit gesprek bestaat niet.", "Unknown conversation.")


def already_handed_over() -> ApiError:
    return ApiError(
        409,
        "already_handed_over",
        "Dit gesprek werd net al doorgegeven.",
        "This conversation was handed over just now.",
    )


def visitor_profile(entry_point: str, labels: dict) -> VisitorProfile:
    def value(name: str, allowed: tuple[str, ...], default):
        label = labels.get(name)
        if label is None or label.source == "skipped" or label.value not in allowed:
            return default
        return label.value

    return VisitorProfile(
        entry_point=entry_point,
        age_group=value("age_group", AGE_GROUPS, "unknown"),
        theme=value("theme", THEMES, None),
        role=value("role", ROLES, "unknown"),
    )


def urgency_of(labels: dict) -> str:
    label = labels.get("urgency")
    return label.value if label and label.value in ("acute_danger", "suicide_risk") else "none"


def create_handoff(session: Session, catalog: Catalog, request: HandoffRequest) -> dict:
    conversation = session.get(Conversation, request.conversation_id)
    if conversation is None:
        raise unknown_conversation()
    if conversation.state == "closed":
        raise conversation_closed()
    now = conversation.now()
    moved = None
    if conversation.state == "bot":
        moved = _route_and_store(session, catalog, conversation, request, now)
        session.commit()
        session.refresh(conversation)
    return {**handoff_outcome(session, catalog, conversation), "move_sentence": moved}


def stated_age(labels: dict) -> int | None:
    label = labels.get("age_group")
    return label.age if label is not None and label.source != "skipped" else None


def _route_and_store(session, catalog, conversation, request, now) -> str | None:
    """Routes and keeps the briefing; returns the sentence that tells a moved visitor why."""
    profile = visitor_profile(conversation.entry_point, request.labels)
    entry = catalog.helpline_for_entry_point(conversation.entry_point)
    entry_status = helplines.availability(session, entry, now).status
    decision = route(
        catalog,
        profile,
        status_of=lambda h: helplines.availability(session, h, now).status,
        describe_opening=lambda h: helplines.describe_next_opening(h, now),
    )
    values = {"helpline_id": decision.helpline_id, "urgency": urgency_of(request.labels)}
    if decision.outcome == "queued":
        values |= {"state": "queued", "queued_at": utcnow(), "queued_clock_at": now}
        values |= consent.leaving_the_bot()
    # First the guarded change (it locks the row), then the briefing: a racing second
    # handoff waits, then finds the conversation queued (409) or this briefing to update.
    change_state(session, conversation.id, ("bot",), values, already_handed_over)
    handoff = session.get(Handoff, conversation.id, populate_existing=True) or Handoff(
        conversation_id=conversation.id
    )
    handoff.labels = {name: label.model_dump() for name, label in request.labels.items()}
    handoff.consent = request.consent
    handoff.visitor_words = list(request.visitor_words)
    handoff.qa = [qa.model_dump() for qa in request.qa]
    handoff.details = request.details.model_dump(exclude_none=True)
    handoff.outcome = decision.outcome
    handoff.routed_helpline_id = decision.helpline_id
    handoff.routing_reason = moves.routing_reason(catalog, profile, decision, stated_age(request.labels))
    session.add(handoff)
    session.refresh(conversation)  # the guarded change above: helpline, urgency, state
    routed = helplines.availability(session, catalog.helpline(decision.helpline_id), now)
    events.record_for(
        session, catalog, "handover", conversation,
        status=routed.status, reason=getattr(routed, "reason", None), urgency=conversation.urgency,
    )
    if decision.outcome == "queued":
        events.record_for(session, catalog, "queued", conversation)
    return moves.move_sentence(catalog, profile, decision, entry_status)


def handoff_outcome(session: Session, catalog: Catalog, conversation: Conversation) -> dict:
    helpline = catalog.helpline(conversation.helpline_id)
    handoff = session.get(Handoff, conversation.id)
    now = conversation.now()
    availability = helplines.availability(session, helpline, now)
    position = queue_position(session, conversation)
    expected_wait = None
    if position is not None:
        load = helplines.current_load(session, helpline.id)
        expected_wait = helplines.expected_wait_minutes(helpline, load, position)
    return {
        "outcome": "closed" if conversation.state == "bot" else "queued",
        "helpline": helpline.public_view(),
        "routing_reason": handoff.routing_reason if handoff else "",
        "queue_position": position,
        "expected_wait_minutes": expected_wait,
        "next_opening": helplines.iso(availability.next_opening),
        "now": helplines.iso(availability.now),
        "appointment_helpline": appointments.offer_for(session, helpline, now),
    }
