"""The visitor's answer to "may I pass on what you wrote?", kept on every path a counsellor reads.

Without a yes, no counsellor sees anything from the time the conversation was with the bot: not
in the briefing, the transcript, the live replay or the queue card. They see that the visitor
chose to tell it themselves, and the urgency. Only the visitor's own choice opens it: "yes" to
the bot, or later "Toon wat ik aan de chatbot vertelde" in the chat (`share_story`).
Every counsellor-facing view of a conversation goes through this module.
"""

from sqlalchemy import func
from sqlalchemy.orm import Session

from handoff_api.conversations.models import Conversation, Handoff, Message
from handoff_api.conversations import service
from handoff_api.conversations.service import append_message, messages_after
from handoff_api.errors import ApiError

TOLD_THEMSELVES = (
    "De bezoeker koos ervoor om het zelf te vertellen. Wat de bezoeker aan de chatbot schreef, "
    "krijg je niet te zien."
)
SHARED_NOTICE = (
    "Je koos ervoor om te tonen wat je aan de chatbot vertelde. De hulpverlener kan het nu lezen."
)
# Briefing fields that come from what the visitor wrote (everything but urgency and the route).
STORY_FIELDS = {
    "theme": None, "age_group": None, "role": None,
    "relation": None, "setting": None, "when": None, "safe_now": None, "asks_for": None,
    "recent_sexual_assault": False, "visitor_words": [], "qa": [], "routing_reason": None,
}


def leaving_the_bot() -> dict:
    """Values for the UPDATE that takes a conversation from the bot (to a queue): the first one
    fixes the last message written to the bot."""
    return {
        "handed_over_seq": func.coalesce(Conversation.handed_over_seq, Conversation.message_count)
    }


story_shared = service.story_shared


def hidden_through(session: Session, conversation: Conversation) -> int:
    """The last sequence number a counsellor may not see (0: nothing is hidden)."""
    if story_shared(session, conversation):
        return 0
    if conversation.handed_over_seq is None:  # still with the bot: all of it so far
        return conversation.message_count
    return conversation.handed_over_seq


def bot_part(session: Session, conversation: Conversation) -> int:
    """The last sequence number of the part with the bot (the story's source when shared)."""
    if conversation.handed_over_seq is None:
        return conversation.message_count
    return conversation.handed_over_seq


def counsellor_messages(session: Session, conversation: Conversation, after: int) -> list[Message]:
    """The transcript after `after` as a counsellor may read it."""
    return messages_after(session, conversation.id, max(after, hidden_through(session, conversation)))


def counsellor_briefing(briefing: dict, shared: bool) -> dict:
    if shared:
        return {**briefing, "story_shared": True, "told_themselves": None}
    return {**briefing, **STORY_FIELDS, "story_shared": False, "told_themselves": TOLD_THEMSELVES}


def counsellor_labels(session: Session, conversation: Conversation, labels: dict | None) -> dict | None:
    """The bot's labels as a counsellor may see them: only the urgency without consent."""
    if labels is None or story_shared(session, conversation):
        return labels
    return {name: label for name, label in labels.items() if name == "urgency"}


def nothing_to_share() -> ApiError:
    return ApiError(
        409,
        "nothing_to_share",
        "Je gesprek is nog niet doorgegeven aan een hulpverlener.",
        "The conversation has not been handed over yet.",
    )


def share_story(session: Session, conversation: Conversation) -> Message | None:
    """The visitor changes their mind: counsellors may now read the part with the bot."""
    if conversation.state not in ("queued", "human"):
        raise nothing_to_share()
    handoff = session.get(Handoff, conversation.id)
    if handoff is not None and handoff.consent:
        return None
    if handoff is None:  # booked an appointment without telling the bot a story first
        handoff = Handoff(
            conversation_id=conversation.id, labels={}, visitor_words=[], qa=[], details={},
            outcome="queued", routed_helpline_id=conversation.helpline_id, routing_reason="",
        )
        session.add(handoff)
    handoff.consent = True
    message = append_message(session, conversation.id, "system", SHARED_NOTICE)
    session.commit()
    return message
