"""The counsellor's briefing, built in one place from the handoff and the transcript.

The visitor's own words are quoted as they wrote them, never paraphrased.
"""

from sqlalchemy import select
from sqlalchemy.orm import Session

from handoff_api.conversations import consent
from handoff_api.conversations.models import Conversation, Handoff, Message, Transfer
from handoff_api.counsellors.models import Registration
from handoff_api.helplines.catalog import Catalog

FACT_FIELDS = ("relation", "setting", "when", "safe_now", "asks_for")
# Which bot question answers which briefing field (first matching keyword wins).
FACT_KEYWORDS = {
    "safe_now": ("veilig",),
    "relation": ("wie ", "wie?", "relatie", "dader", "familie"),
    "when": ("wanneer", "hoe lang", "sinds"),
    "setting": ("waar ", "waar?", "thuis of"),
    "asks_for": ("wat wil", "wat zou je", "wat verwacht", "hulp wil"),
}


def _facts(handoff: Handoff | None) -> dict:
    facts: dict = dict.fromkeys(FACT_FIELDS)
    if handoff is None:
        return facts
    for item in handoff.qa:
        question = item.get("question", "").lower()
        for field, keywords in FACT_KEYWORDS.items():
            if facts[field] is None and any(k in question for k in keywords):
                facts[field] = item.get("answer")
                break
    for field in FACT_FIELDS:
        if handoff.details.get(field):
            facts[field] = handoff.details[field]
    return facts


def _visitor_words(session: Session, conversation: Conversation, handoff: Handoff | None) -> list:
    """The bot's summary of the visitor's words, else (a later yes) what they wrote to the bot."""
    if handoff is not None and handoff.visitor_words:
        return list(handoff.visitor_words)
    query = select(Message).where(
        Message.conversation_id == conversation.id,
        Message.seq <= consent.bot_part(session, conversation),
    )
    words, offered = [], set()
    for message in session.scalars(query.order_by(Message.seq)):
        if message.sender == "visitor" and message.text not in offered:
            words.append(message.text)
        if message.sender == "bot":  # a visitor line equal to a button just offered was a press
            offered = {button.get("title") for button in message.buttons or ()}
    return words


def transfer_notes(session: Session, catalog: Catalog, conversation_id: str) -> list[dict]:
    return transfer_notes_of(session, catalog, [conversation_id]).get(conversation_id, [])


def transfer_notes_of(session: Session, catalog: Catalog, conversation_ids: list[str]) -> dict[str, list[dict]]:
    """The notes of several conversations in one query, oldest first."""
    notes: dict[str, list[dict]] = {}
    if not conversation_ids:
        return notes
    transfers = session.scalars(
        select(Transfer)
        .where(Transfer.conversation_id.in_(conversation_ids))
        .order_by(Transfer.created_at, Transfer.id)
    )
    for t in transfers:
        notes.setdefault(t.conversation_id, []).append(
            {
                "from_helpline": catalog.helpline(t.from_helpline_id).name,
                "to_helpline": catalog.helpline(t.to_helpline_id).name,
                "note": t.note,
                "created_at": t.created_at.isoformat(timespec="seconds"),
            }
        )
    return notes


def build_briefing(session: Session, catalog: Catalog, conversation: Conversation) -> dict:
    """The briefing as a counsellor may read it (see consent.py)."""
    briefing = _full_briefing(session, catalog, conversation)
    return consent.counsellor_briefing(briefing, consent.story_shared(session, conversation))


CORRECTED = {"theme": "main_theme", "role": "role", "age_group": "age_group"}


def _corrected(session: Session, conversation: Conversation, labels: dict) -> dict:
    """After the registration, its labels are the counsellor's, beside what the bot thought."""
    registration = session.scalar(
        select(Registration).where(Registration.conversation_id == conversation.id).limit(1)
    )
    if registration is None:
        return labels
    corrected = dict(labels)
    for name, field in CORRECTED.items():
        bot = (labels.get(name) or {}).get("value")
        value = getattr(registration, field)
        corrected[name] = {
            "value": value, "confidence": None, "source": "counsellor",
            "bot_value": bot if bot and bot != value else None,
        }
    return corrected


def _full_briefing(session: Session, catalog: Catalog, conversation: Conversation) -> dict:
    handoff = session.get(Handoff, conversation.id)
    labels = _corrected(session, conversation, handoff.labels if handoff else {})
    entry_helpline = catalog.helpline_for_entry_point(conversation.entry_point)
    return {
        "entry_point": conversation.entry_point,
        "came_in_through": entry_helpline.name if entry_helpline else conversation.entry_point,
        "helpline": catalog.helpline(conversation.helpline_id).name,
        "theme": labels.get("theme"),
        "age_group": labels.get("age_group"),
        "role": labels.get("role"),
        "urgency": labels.get("urgency"),
        "routing_reason": handoff.routing_reason if handoff else None,
        **_facts(handoff),
        "recent_sexual_assault": bool(handoff and handoff.details.get("recent_sexual_assault")),
        "consent": handoff.consent if handoff else None,
        "visitor_words": _visitor_words(session, conversation, handoff),
        "qa": handoff.qa if handoff else [],
        "from_appointment": conversation.from_appointment,
        "back_in_queue": conversation.requeued_at is not None,
        "transfer_notes": transfer_notes(session, catalog, conversation.id),
    }
