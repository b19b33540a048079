"""The bot hands a conversation over: routing, the queue, and what the briefing is built from."""

from sqlalchemy.orm import Session

from handoff_api import dutch
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
from handoff_api.trainers import refusals as trainer_inbox


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


def shared_labels(request: HandoffRequest) -> dict:
    """What routing may use: every label with the visitor's yes, else only the urgency. The bot
    sends them all either way; consent.py shows them once the visitor agrees, even later."""
    if request.consent:
        return request.labels
    return {name: label for name, label in request.labels.items() if name == "urgency"}


def _route_and_store(session, catalog, conversation, request, now) -> str | None:
    """Routes and keeps the briefing; returns the sentence that tells a moved visitor why."""
    shared = shared_labels(request)
    profile = visitor_profile(conversation.entry_point, shared)
    entry = catalog.helpline_for_entry_point(conversation.entry_point)
    entry_status = helplines.availability(session, catalog, entry, now).status
    decision = route(
        catalog,
        profile,
        status_of=lambda h: helplines.availability(session, catalog, h, now).status,
        describe_opening=lambda h: helplines.describe_next_opening(session, h, now),
    )
    values = {"helpline_id": decision.helpline_id, "urgency": urgency_of(request.labels)}
    if decision.outcome == "queued":
        values |= {"state": "queued", "queued_at": utcnow(), "queued_clock_at": now, "wait_notice": None}
        values |= consent.leaving_the_bot()
    # First the guarded change (it locks the row), then the briefing: a racing second
    # handoff waits, then finds the conversation queued (409) or this briefing to update.
    change_state(session, conversation.id, ("bot",), values, already_handed_over)
    handoff = session.get(Handoff, conversation.id, populate_existing=True) or Handoff(
        conversation_id=conversation.id
    )
    handoff.labels = {name: label.model_dump() for name, label in request.labels.items()}
    # A yes stays a yes: "Toon wat ik aan de chatbot vertelde" is not undone by the bot's resend.
    handoff.consent = request.consent or bool(handoff.consent)
    handoff.visitor_words = list(request.visitor_words)
    handoff.qa = [qa.model_dump() for qa in request.qa]
    handoff.details = request.details.model_dump(exclude_none=True)
    handoff.outcome = decision.outcome
    handoff.routed_helpline_id = decision.helpline_id
    handoff.routing_reason = moves.routing_reason(
        catalog, profile, decision, stated_age(shared), told=request.consent
    )
    session.add(handoff)
    if not handoff.consent:
        trainer_inbox.forget(session, conversation.id)  # the "no" holds for the trainers too
    session.refresh(conversation)  # the guarded change above: helpline, urgency, state
    routed = helplines.availability(session, catalog, catalog.helpline(decision.helpline_id), now)
    events.record_for(
        session, catalog, "handover", conversation,
        status=routed.status, reason=routed.reason, urgency=conversation.urgency,
    )
    if decision.outcome == "queued":
        events.record_for(session, catalog, "queued", conversation)
    return moves.move_sentence(catalog, profile, decision, entry_status)


def handoff_outcome(session: Session, catalog: Catalog, conversation: Conversation) -> dict:
    helpline = catalog.helpline(conversation.helpline_id)
    handoff = session.get(Handoff, conversation.id)
    now = conversation.now()
    availability = helplines.availability(session, catalog, helpline, now)
    position = queue_position(session, conversation)
    wait = helplines.wait_for(session, catalog, helpline, position) if position else None
    return {
        "outcome": "closed" if conversation.state == "bot" else "queued",
        "helpline": helpline.public_view(),
        "routing_reason": handoff.routing_reason if handoff else "",
        "queue_position": position,
        "expected_wait_minutes": wait.high_minutes if wait else None,
        "expected_wait": wait.view() if wait else None,
        "reason": availability.reason,
        "next_opening": helplines.iso(availability.next_opening),
        "reopens_sentence": (
            dutch.reopens_sentence(availability.next_opening, availability.now)
            if availability.status == "closed"
            else None
        ),
        "now": helplines.iso(availability.now),
        "appointment_helpline": appointments.offer_for(session, helpline, now),
    }
