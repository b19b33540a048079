"""The inbox: listing items, trainers' decisions (written to nlu_data/ after the commit), undo,
annotations for model comparison, and retention. Collection from Rasa: collection.py.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from handoff_api.counsellors.models import Counsellor, Registration
from handoff_api.db import utcnow
from handoff_api.errors import ApiError, not_found
from handoff_api.trainers import refusals
from handoff_api.trainers.collection import FALLBACK, LABELS, REGISTRATION_FIELDS, STORY_INTENTS, scrub_text
from handoff_api.trainers.models import InboxCollection, InboxDecision, InboxItem
from handoff_api.trainers.nlu_data import FIELDS, NluConflict, NluData


def _priority(item: InboxItem) -> tuple:
    urgency = (item.bot_labels.get("urgency") or {}).get("value")
    crisis = urgency in ("acute_danger", "suicide_risk") or "low_urgency_confidence" in item.reasons
    return (0 if crisis else 1, 0 if "counsellor_correction" in item.reasons else 1, item.message_at)


def item_view(item: InboxItem) -> dict:
    return {
        "id": item.id,
        "text": item.text,
        "message_at": item.message_at.isoformat(timespec="seconds"),
        "helpline_id": item.helpline_id,
        "reasons": list(item.reasons),
        "bot": {
            "intent": item.bot_intent,
            "intent_confidence": item.bot_intent_confidence,
            "labels": item.bot_labels,
        },
        "counsellor": item.counsellor_labels,
        "context": item.context_labels,
    }


def list_items(session: Session) -> list[InboxItem]:
    items = session.scalars(select(InboxItem).where(refusals.not_refused(InboxItem.conversation_id)))
    return sorted(items.all(), key=_priority)


def find_item(session: Session, item_id: str) -> InboxItem:
    item = session.scalar(
        select(InboxItem).where(InboxItem.id == item_id, refusals.not_refused(InboxItem.conversation_id))
    )
    if item is None:
        raise not_found(
            "Dit bericht staat niet (meer) in de inbox.", "This item is not (or no longer) in the inbox."
        )
    return item


def _invalid(nl: str, en: str) -> ApiError:
    return ApiError(422, "invalid_annotation", nl, en)


def decide(
    session: Session,
    nlu: NluData,
    item: InboxItem,
    trainer: Counsellor | None,
    action: str,
    intent: str | None = None,
    labels: dict | None = None,
) -> InboxDecision:
    """accept (the bot's intent and labels), correct (the trainer's), drop; the item goes."""
    planned = None
    if action in ("drop", "personal_data"):
        # "personal_data": the trainer saw something the scrubber missed; the item goes at once
        # and only the count is kept, to measure the scrubber on real messages.
        decision = InboxDecision(
            id=item.id,
            decision="dropped" if action == "drop" else "personal_data",
            outcome="dropped",
            trainer_id=trainer.id if trainer else None,
        )
    else:
        final_intent = intent or item.bot_intent
        final = {name: (item.bot_labels.get(name) or {}).get("value") for name in FIELDS}
        for name, value in (labels or {}).items():
            if value is not None:
                final[name] = value
        if action == "accept" and (intent or labels):
            raise _invalid("Aanvaarden neemt de labels van de bot over.", "Accept takes the bot's labels.")
        if not final_intent or final_intent == FALLBACK:
            raise _invalid(
                "De bot had geen bruikbare intent: kies er een (corrigeren).",
                "The bot had no usable intent: choose one (correct).",
            )
        for name, value in final.items():
            if value is not None and value not in LABELS[name]:
                raise _invalid(f"Onbekend label {value!r} voor {name}.", f"Unknown {name} label {value!r}.")
        if final_intent in STORY_INTENTS and not final.get("theme"):
            raise _invalid("Kies een thema.", "Choose a theme.")
        if final_intent == "crisis" and final.get("urgency") in (None, "none"):
            raise _invalid(
                "Een crisisbericht heeft urgentie acuut gevaar of suïciderisico.",
                "A crisis example needs urgency acute_danger or suicide_risk.",
            )
        if final_intent != "crisis" and final.get("urgency") in ("acute_danger", "suicide_risk"):
            raise _invalid(
                "Een bericht met acuut gevaar of suïciderisico hoort bij de intent 'crisis'.",
                "An example with a crisis urgency belongs to the crisis intent.",
            )
        verb = "accepted" if action == "accept" else "corrected"
        comment = f"inbox item {item.id}, {utcnow().date().isoformat()}, {verb} by a trainer"
        # Scrubbed again: the scrubber may have learnt since the item was collected. The file
        # is written only once the decision is committed (a failed commit writes nothing).
        text = scrub_text(item.text)
        try:
            written, planned = nlu.plan(final_intent, text, final, comment)
        except NluConflict as conflict:
            raise ApiError(409, conflict.code, conflict.nl, conflict.en) from conflict
        decision = InboxDecision(
            id=item.id,
            decision=verb,
            text=text,
            intent=final_intent,
            labels=final,
            nlu_file=written.file,
            outcome=written.outcome,
            trainer_id=trainer.id if trainer else None,
        )
    decision.decided_at = utcnow()
    decision = session.merge(decision)
    session.delete(item)
    try:
        session.commit()
    except (StaleDataError, IntegrityError) as error:
        session.rollback()
        raise ApiError(
            409,
            "already_decided",
            "Een collega verwerkte dit bericht net.",
            "A colleague decided on this item just now.",
        ) from error
    if planned is not None:
        _write_after_commit(session, nlu, decision, planned)
    return decision


def _write_after_commit(session: Session, nlu: NluData, decision: InboxDecision, planned) -> None:
    try:
        nlu.write(planned)
    except (NluConflict, OSError) as error:
        decision.outcome = "not_written"
        session.commit()
        if isinstance(error, NluConflict):
            raise ApiError(409, error.code, error.nl, error.en) from error
        raise ApiError(
            500,
            "nlu_data_not_written",
            "De beslissing is bewaard, maar het voorbeeld kon niet in nlu_data/ geschreven worden.",
            "The decision is stored, but the example could not be written to nlu_data/.",
        ) from error


def decision_view(decision: InboxDecision) -> dict:
    return {
        "id": decision.id,
        "decision": decision.decision,
        "outcome": decision.outcome,
        "intent": decision.intent,
        "labels": decision.labels,
        "nlu_file": decision.nlu_file,
        "text": decision.text,
        "decided_at": decision.decided_at.isoformat(timespec="seconds"),
    }


def personal_data_reports(session: Session) -> int:
    """How many items trainers flagged as still holding personal data (within retention)."""
    return len(session.scalars(select(InboxDecision.id).where(InboxDecision.decision == "personal_data")).all())


def recent_decisions(session: Session, limit: int = 30) -> list[InboxDecision]:
    return list(
        session.scalars(select(InboxDecision).order_by(InboxDecision.decided_at.desc()).limit(limit))
    )


def undo(session: Session, nlu: NluData, decision_id: str) -> InboxDecision:
    """Takes a written example out of nlu_data again (a mistaken click); the text stays out of the inbox."""
    decision = session.get(InboxDecision, decision_id)
    if decision is None:
        raise not_found("Deze beslissing bestaat niet (meer).", "No such decision.")
    if decision.outcome != "written":
        raise ApiError(
            409,
            "nothing_to_undo",
            "Er is niets terug te nemen: dit bericht werd niet aan de trainingsdata toegevoegd.",
            "Nothing to undo: this decision did not add an example.",
        )
    nlu.remove(decision.id)
    decision.outcome = "undone"
    session.commit()
    return decision


def annotations(session: Session, since: datetime | None = None) -> list[dict]:
    """Accepted and corrected examples (JSON lines for bot/nlu_tools/compare.py)."""
    query = (
        select(InboxDecision)
        .where(InboxDecision.outcome.not_in(("dropped", "undone", "not_written")))
        .order_by(InboxDecision.decided_at)
    )
    if since is not None:
        query = query.where(InboxDecision.decided_at >= since)
    rows = []
    for decision in session.scalars(query):
        labels = decision.labels or {}
        rows.append(
            {
                "id": f"inbox-{decision.id}",
                "text": decision.text,
                "intent": decision.intent,
                **{name: labels.get(name) for name in FIELDS},
                "decision": decision.decision,
                "decided_at": decision.decided_at.isoformat(timespec="seconds"),
                "nlu_file": decision.nlu_file,
            }
        )
    return rows


def registration_agreement(session: Session, since: datetime | None = None) -> dict:
    """The bot's labels beside the counsellors' registrations at closing (no text at all).

    Registrations outlive the transcripts, so this covers conversations the inbox no longer
    holds: per field, how often the registration agreed and which pairs differed.
    """
    query = select(Registration).where(Registration.bot_labels.is_not(None))
    if since is not None:
        query = query.where(Registration.registered_on >= since.date())
    fields: dict = {name: {"n": 0, "agree": 0, "pairs": {}} for name in REGISTRATION_FIELDS}
    for registration in session.scalars(query):
        for name, column in REGISTRATION_FIELDS.items():
            bot = ((registration.bot_labels or {}).get(name) or {}).get("value")
            if bot is None:
                continue
            registered = getattr(registration, column)
            entry = fields[name]
            entry["n"] += 1
            entry["agree"] += int(bot == registered)
            if bot != registered:
                entry["pairs"][(bot, registered)] = entry["pairs"].get((bot, registered), 0) + 1
    return {
        name: {
            "n": entry["n"],
            "agree": entry["agree"],
            "differences": [
                {"bot": bot, "registered": registered, "count": count}
                for (bot, registered), count in sorted(entry["pairs"].items(), key=lambda kv: -kv[1])
            ],
        }
        for name, entry in fields.items()
    }


# --- retention ----------------------------------------------------------------------------


def purge_inbox(session: Session, cutoff: datetime) -> int:
    """Deletes inbox items, read-markers and decisions older than the cutoff (no commit)."""
    items = session.execute(delete(InboxItem).where(InboxItem.message_at < cutoff)).rowcount
    session.execute(delete(InboxCollection).where(InboxCollection.collected_at < cutoff))
    decisions = session.execute(delete(InboxDecision).where(InboxDecision.decided_at < cutoff)).rowcount
    return items + decisions
