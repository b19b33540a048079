"""The inbox's collection: unsure or corrected visitor messages read from Rasa's trackers.

Where messages come from: Rasa runs with `--enable-api`; for each conversation that is closed
(or idle for `collect_after_minutes`) the API reads `GET {RASA_URL}/conversations/{id}/tracker`
once, and again when a counsellor's registration arrives later. A visitor message becomes an
inbox item when

* its intent was `nlu_fallback`, or the top intent's confidence is below `intent_threshold`;
* a triage label's confidence is below `label_threshold` (urgency on every message; theme,
  age_group and role on tell_story/crisis messages, where they mean something);
* the counsellor's registration at closing differs from the bot's labels (theme always; role
  and age_group where the message itself gave a value other than unknown).

The text is scrubbed before anything is stored; the raw text only lives in memory.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Annotated, Protocol

import httpx
from fastapi import Depends
from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from starlette.requests import HTTPConnection

from handoff_api.conversations.models import Conversation, Handoff
from handoff_api.counsellors.models import Registration
from handoff_api.db import utcnow
from handoff_api.trainers import refusals
from handoff_api.trainers.config import TrainerSettings
from handoff_api.trainers.models import InboxCollection, InboxDecision, InboxItem
from handoff_api.trainers.nlu_data import FIELDS, normalise

LABELS = {
    "theme": ("sexual_violence", "physical_violence", "psychological_violence", "neglect", "other"),
    "age_group": ("minor", "adult", "unknown"),
    "role": ("victim", "bystander", "perpetrator", "professional", "unknown"),
    "urgency": ("acute_danger", "suicide_risk", "none"),
}
STORY_INTENTS = ("tell_story", "crisis")
CONTEXT_INTENTS = ("tell_story", "crisis", "inform")
FALLBACK = "nlu_fallback"
REGISTRATION_FIELDS = {"theme": "main_theme", "role": "role", "age_group": "age_group"}


class TrackerUnavailable(Exception):
    """Rasa's tracker could not be read."""


class TrackerSource(Protocol):
    def tracker(self, conversation_id: str) -> dict | None: ...


class RasaTrackerSource:
    """Reads a conversation's tracker from Rasa's HTTP API (`rasa run --enable-api`)."""

    def __init__(self, rasa_url: str, timeout_seconds: float = 15.0, token: str = "") -> None:
        self.base_url = rasa_url.rstrip("/")
        self.timeout_seconds = timeout_seconds
        self.token = token  # `rasa run --auth-token`: Rasa's HTTP API takes it as ?token=

    def tracker(self, conversation_id: str) -> dict | None:
        url = f"{self.base_url}/conversations/{conversation_id}/tracker"
        params = {"include_events": "ALL"} | ({"token": self.token} if self.token else {})
        try:
            response = httpx.get(url, params=params, timeout=self.timeout_seconds)
        except httpx.HTTPError as error:
            raise TrackerUnavailable(str(error)) from error
        if response.status_code == 404:
            return None
        if response.status_code != 200:
            raise TrackerUnavailable(f"Rasa answered {response.status_code}")
        try:
            return response.json()
        except ValueError as error:
            raise TrackerUnavailable("Rasa answered something other than JSON") from error


def get_tracker_source(connection: HTTPConnection) -> TrackerSource:
    state = connection.app.state
    if getattr(state, "tracker_source", None) is None:
        settings = state.settings
        state.tracker_source = RasaTrackerSource(
            settings.rasa_url, settings.rasa_timeout_seconds, settings.rasa_token
        )
    return state.tracker_source


TrackerSourceDep = Annotated[TrackerSource, Depends(get_tracker_source)]


# Defence in depth behind the scrubber: any run of 7 or more digits it left (a format it does
# not know, e.g. a phone number in parentheses) is hidden too. No NLU example needs one.
_RESIDUAL_NUMBER = re.compile(r"\+?\d(?:[\s./()-]{0,2}\d){6,}")
_DATE = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d\d")  # incident dates stay, as in the scrubber


def scrub_text(text: str) -> str:
    """The only way text gets into the inbox tables."""
    from handoff_api.scrubber import default_scrubber  # spaCy: loaded when first needed

    def hide(match: re.Match) -> str:
        return match.group(0) if _DATE.fullmatch(match.group(0)) else "[NUMMER]"

    return _RESIDUAL_NUMBER.sub(hide, default_scrubber().scrub(text))


# --- reading a parse ----------------------------------------------------------------------


@dataclass
class BotView:
    intent: str | None
    intent_confidence: float | None
    fallback: bool
    labels: dict  # field -> {"value", "confidence"}


def bot_view(parse_data: dict) -> BotView:
    intent = parse_data.get("intent") or {}
    name, confidence = intent.get("name"), intent.get("confidence")
    fallback = name == FALLBACK
    if fallback:  # the bot's best real guess is the next intent in the ranking
        ranked = [r for r in parse_data.get("intent_ranking") or [] if r.get("name") != FALLBACK]
        name = ranked[0].get("name") if ranked else None
        confidence = ranked[0].get("confidence") if ranked else None
    labels = {}
    for entity in parse_data.get("entities") or []:
        if entity.get("entity") in FIELDS:
            value = entity.get("value")
            score = entity.get("confidence_entity")
            labels[entity["entity"]] = {
                "value": value,
                "confidence": None if score is None else round(float(score), 4),
            }
    return BotView(name, None if confidence is None else round(float(confidence), 4), fallback, labels)


def reasons_for(view: BotView, settings: TrainerSettings) -> list[str]:
    reasons = []
    if view.fallback:
        reasons.append("fallback")
    if view.intent_confidence is not None and view.intent_confidence < settings.intent_threshold:
        reasons.append("low_intent_confidence")
    for name in FIELDS:
        label = view.labels.get(name)
        if not label or label["confidence"] is None:
            continue
        if name != "urgency" and view.intent not in STORY_INTENTS:
            continue
        if label["confidence"] < settings.label_threshold:
            reasons.append(f"low_{name}_confidence")
    return reasons


def counsellor_differs(view: BotView, counsellor: dict | None) -> bool:
    if not counsellor or view.intent not in STORY_INTENTS:
        return False
    for name, value in counsellor.items():
        bot = (view.labels.get(name) or {}).get("value")
        if name != "theme" and bot in (None, "unknown"):
            continue  # the message gave no cue: "unknown" is right for the message itself
        if bot != value:
            return True
    return False


def context_labels(later: list[BotView], handoff: Handoff | None) -> dict:
    """What the conversation said later: the handoff's labels, else the best later values."""
    if handoff is not None and handoff.labels:
        return {
            name: {"value": label.get("value"), "source": label.get("source") or "classifier"}
            for name, label in handoff.labels.items()
            if name in FIELDS and isinstance(label, dict)
        }
    best: dict = {}
    for view in later:
        if view.intent not in CONTEXT_INTENTS:
            continue
        for name, label in view.labels.items():
            value, score = label["value"], label["confidence"] or 0.0
            if value in (None, "unknown"):
                continue
            if name not in best or score > best[name]["confidence"]:
                best[name] = {"value": value, "confidence": score, "source": "classifier"}
    return {name: {"value": v["value"], "source": v["source"]} for name, v in best.items()}


# --- collecting ---------------------------------------------------------------------------


@dataclass
class CollectResult:
    conversations: int = 0
    new_items: int = 0
    updated_items: int = 0
    unavailable: int = 0
    errors: list[str] = field(default_factory=list)


def _latest_registration(session: Session, conversation_id: str) -> Registration | None:
    return session.scalar(
        select(Registration)
        .where(Registration.conversation_id == conversation_id)
        .order_by(Registration.registered_on.desc(), Registration.id.desc())
        .limit(1)
    )


def pending_conversations(session: Session, settings: TrainerSettings, limit: int = 200) -> list[Conversation]:
    """Closed or idle conversations not read yet, or read before their registration arrived."""
    cutoff = utcnow() - timedelta(minutes=settings.collect_after_minutes)
    candidates = session.scalars(
        select(Conversation)
        .where(or_(Conversation.state == "closed", Conversation.last_activity_at < cutoff))
        .where(refusals.not_refused(Conversation.id))  # a visitor's "no" keeps them out
        .order_by(Conversation.last_activity_at)
    ).all()
    collected = {c.conversation_id: c for c in session.scalars(select(InboxCollection)).all()}
    registered = dict(
        session.execute(
            select(Registration.conversation_id, Registration.id).where(Registration.conversation_id.is_not(None))
        ).all()
    )
    pending = []
    for conversation in candidates:
        done = collected.get(conversation.id)
        if done is None or (conversation.id in registered and done.registration_id is None):
            pending.append(conversation)
        if len(pending) >= limit:
            break
    return pending


def _timestamp(event: dict) -> datetime:
    try:
        return datetime.fromtimestamp(float(event["timestamp"]), tz=UTC)
    except (KeyError, TypeError, ValueError, OverflowError):
        return utcnow()


def known_texts(session: Session) -> set[str]:
    """Texts in the inbox or decided on already (normalised), so the same words come in once."""
    texts = session.scalars(select(InboxItem.text)).all()
    texts += session.scalars(
        select(InboxDecision.text).where(InboxDecision.text.is_not(None), InboxDecision.outcome != "undone")
    ).all()
    return {normalise(text) for text in texts}


def collect_conversation(
    session: Session,
    settings: TrainerSettings,
    conversation: Conversation,
    tracker: dict | None,
    known: set[str] | None = None,
) -> tuple[int, int]:
    """Adds the conversation's unsure or corrected messages (scrubbed); returns (new, updated).

    A message whose scrubbed words are already in the inbox or were decided on is not added
    again ("hallo?" from many visitors), unless a counsellor's registration differs for it.
    """
    if refusals.is_refused(session, conversation.id):
        refusals.forget(session, conversation.id)
        return 0, 0
    known = known_texts(session) if known is None else known
    registration = _latest_registration(session, conversation.id)
    counsellor = (
        {name: getattr(registration, column) for name, column in REGISTRATION_FIELDS.items()}
        if registration
        else None
    )
    collection = session.get(InboxCollection, conversation.id)
    if collection is None:
        collection = InboxCollection(conversation_id=conversation.id, seen_keys=[])
        session.add(collection)
    seen = set(collection.seen_keys or [])
    messages = []
    for index, event in enumerate((tracker or {}).get("events") or []):
        if event.get("event") != "user":
            continue
        text = (event.get("text") or "").strip()
        if not text or text.startswith("/"):  # button payloads are not the visitor's words
            continue
        key = str(event.get("message_id") or f"{index}-{event.get('timestamp')}")[:64]
        messages.append((key, text, _timestamp(event), bot_view(event.get("parse_data") or {})))
    existing = {
        item.message_key: item
        for item in session.scalars(select(InboxItem).where(InboxItem.conversation_id == conversation.id))
    }
    handoff = session.get(Handoff, conversation.id)
    new = updated = 0
    for position, (key, text, at, view) in enumerate(messages):
        reasons = reasons_for(view, settings)
        if counsellor_differs(view, counsellor):
            reasons.append("counsellor_correction")
        item = existing.get(key)
        if item is not None:
            if counsellor and item.counsellor_labels != counsellor:
                item.counsellor_labels = counsellor
                item.reasons = sorted(set(item.reasons) | set(reasons))
                updated += 1
            continue
        if key in seen or not reasons:
            continue
        scrubbed = scrub_text(text)
        seen.add(key)
        if normalise(scrubbed) in known and "counsellor_correction" not in reasons:
            continue
        known.add(normalise(scrubbed))
        session.add(
            InboxItem(
                conversation_id=conversation.id,
                message_key=key,
                helpline_id=conversation.helpline_id,
                text=scrubbed,
                message_at=at,
                reasons=reasons,
                bot_intent=view.intent,
                bot_intent_confidence=view.intent_confidence,
                bot_labels=view.labels,
                counsellor_labels=counsellor,
                context_labels=context_labels([m[3] for m in messages[position + 1 :]], handoff),
            )
        )
        new += 1
    collection.seen_keys = sorted(seen)
    collection.collected_at = utcnow()
    collection.registration_id = registration.id if registration else None
    return new, updated


def collect(session: Session, settings: TrainerSettings, source: TrackerSource) -> CollectResult:
    result = CollectResult()
    pending = pending_conversations(session, settings)
    known = known_texts(session)
    for position, conversation in enumerate(pending):
        try:
            tracker = source.tracker(conversation.id)
        except TrackerUnavailable as error:
            # Rasa is down or hanging: do not wait for each conversation; the next run retries.
            result.unavailable += len(pending) - position
            result.errors.append(str(error))
            break
        try:
            new, updated = collect_conversation(session, settings, conversation, tracker, known)
            session.commit()
        except IntegrityError:  # a colleague's collection read the same conversation just now
            session.rollback()
            known = known_texts(session)
            continue
        result.conversations += 1
        result.new_items += new
        result.updated_items += updated
    refusals.forget_refused(session)  # a "no" that came in while this run read the conversation
    session.commit()
    return result


# --- reading and deciding -----------------------------------------------------------------


