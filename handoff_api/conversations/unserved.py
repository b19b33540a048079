"""Nobody comes: a visitor in a queue that no one serves is told so, with what is possible now.

`check_waiting` is one pass (tests call it); `watch_waiting` runs it in the app's lifespan.
They keep their place: the notice changes nothing in the queue.
"""

import asyncio
import logging
from datetime import datetime, timedelta

from sqlalchemy import false, or_, select, update
from sqlalchemy.orm import Session

from handoff_api.config import Settings
from handoff_api.conversations.models import Conversation
from handoff_api.conversations.safety import contact_sentence, round_the_clock_sentence
from handoff_api.conversations.service import append_message, tell_closed_while_waiting
from handoff_api.helplines import service as helplines
from handoff_api.helplines.catalog import Catalog, Helpline

log = logging.getLogger(__name__)


def nobody_comes_text(catalog: Catalog, helpline: Helpline) -> str:
    sentences = [
        f"Er is nu geen hulpverlener van {helpline.name} vrij. Dat spijt ons.",
        "Je houdt je plaats in de wachtrij: komt er iemand vrij, dan is dat eerst voor jou.",
        "Wil je niet wachten? Dit kan nu ook:",
        contact_sentence(helpline),
    ]
    if helpline.appointments.enabled:
        sentences.append(
            "Je kan ook een afspraak maken om op een vast moment te chatten. "
            "Vraag het aan de chatbot in een nieuw gesprek."
        )
    sentences.append(round_the_clock_sentence(catalog, helpline.country))
    return " ".join(s for s in sentences if s)


def _unserved_since(conversation: Conversation, last_available_at: datetime | None) -> datetime:
    """On the conversation's own clock: since it queued, or since a counsellor was last there."""
    since = conversation.queued_clock_at
    if last_available_at is not None:
        on_its_clock = last_available_at + timedelta(seconds=conversation.clock_offset_seconds)
        since = max(since, on_its_clock) if since else on_its_clock
    return since or conversation.now()


def _claim_notice(session: Session, conversation: Conversation, notice: str) -> bool:
    """Guarded, so that two processes never tell the same visitor twice."""
    earlier = (None,) if notice == "unserved" else (None, "unserved")  # closing is news
    not_told = or_(
        Conversation.wait_notice.is_(None),
        Conversation.wait_notice.in_([e for e in earlier if e]) if len(earlier) > 1 else false(),
    )
    changed = session.execute(
        update(Conversation)
        .where(Conversation.id == conversation.id, Conversation.state == "queued", not_told)
        .values(wait_notice=notice)
        .execution_options(synchronize_session=False)
    ).rowcount
    return changed == 1


def _news(settings: Settings, conversation: Conversation, state) -> str | None:
    """What a pass has to write for this conversation, from reads only: "served" (served again:
    a later silence is told again), "closed", "unserved" or nothing."""
    if state.status != "closed":
        return "served" if state.staffing.available and conversation.wait_notice else None
    if state.reason != "nobody_on_duty":
        return None if conversation.wait_notice == "closed" else "closed"
    waited = conversation.now() - _unserved_since(conversation, state.staffing.last_available_at)
    if waited < timedelta(minutes=settings.unserved_notice_minutes) or conversation.wait_notice:
        return None
    return "unserved"


def check_conversation(session: Session, catalog: Catalog, settings: Settings, conversation: Conversation) -> bool:
    helpline = catalog.helpline(conversation.helpline_id)
    state = helplines.availability(session, catalog, helpline, conversation.now())
    news = _news(settings, conversation, state)
    if news == "served":
        conversation.wait_notice = None
        session.commit()
        return False
    if news is None or not _claim_notice(session, conversation, news):
        return False
    if news == "closed":
        tell_closed_while_waiting(session, catalog, conversation, state)
        return True
    append_message(session, conversation.id, "system", nobody_comes_text(catalog, helpline))
    session.commit()
    return True


def _with_news(session: Session, catalog: Catalog, settings: Settings) -> list[str]:
    """The queued conversations a pass may have to write for, read without the writers' lock;
    availability once per helpline and clock (the writing step decides again, exactly)."""
    states: dict[tuple[str, float], object] = {}
    due = []
    for conversation in session.scalars(select(Conversation).where(Conversation.state == "queued")):
        key = (conversation.helpline_id, conversation.clock_offset_seconds)
        if key not in states:
            helpline = catalog.helpline(conversation.helpline_id)
            states[key] = helplines.availability(session, catalog, helpline, conversation.now())
        if _news(settings, conversation, states[key]):
            due.append(conversation.id)
    return due


def check_waiting(sessions, read_sessions, catalog: Catalog, settings: Settings) -> int:
    """One pass over every queue; the number of visitors told. It reads beside the writers (on
    SQLite a pass over 2,000 queued held their lock for seconds, and the counsellors' queue and
    every visitor's message waited for it); a conversation to write for takes the lock for itself."""
    with read_sessions() as session:
        due = _with_news(session, catalog, settings)
    told = 0
    for conversation_id in due:
        with sessions() as session:
            conversation = session.get(Conversation, conversation_id)
            if conversation is not None and conversation.state == "queued":
                told += check_conversation(session, catalog, settings, conversation)
    return told


async def watch_waiting(app) -> None:
    """Every `wait_check_seconds`, for as long as the app runs."""
    settings: Settings = app.state.settings

    def one_pass() -> int:
        return check_waiting(app.state.session_factory, app.state.read_session_factory, app.state.catalog, settings)

    while True:
        await asyncio.sleep(settings.wait_check_seconds)
        try:
            await asyncio.to_thread(one_pass)
        except Exception as error:  # noqa: BLE001 (the watch must go on; no text in the log)
            log.warning("queue check failed: %s", type(error).__name__)
