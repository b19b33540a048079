"""E-mail requests: stored in the helpline's e-mail queue, then sent to its mailbox."""

import logging
import smtplib
from email.message import EmailMessage

from sqlalchemy import select
from sqlalchemy.orm import Session

from handoff_api.config import Settings
from handoff_api.conversations.models import Conversation
from handoff_api.conversations.service import append_message
from handoff_api.db import utcnow
from handoff_api.email.models import EmailRequest
from handoff_api.errors import not_found
from handoff_api.helplines.catalog import Helpline
from handoff_api.security import CodeHasher, new_code
from handoff_api.stats import events

log = logging.getLogger(__name__)


def file_request(
    session: Session,
    codes: CodeHasher,
    conversation: Conversation,
    helpline: Helpline,
    message: str,
    reply_to: str | None,
) -> tuple[EmailRequest, str | None]:
    pickup_code = None if reply_to else new_code()
    request = EmailRequest(
        conversation_id=conversation.id,
        helpline_id=helpline.id,
        message=message,
        reply_to=reply_to,
        pickup_code_hash=codes.code(pickup_code) if pickup_code else None,
    )
    session.add(request)
    if pickup_code:
        # In the transcript at once, with the request: a slow or failing bot never loses it.
        append_message(
            session,
            conversation.id,
            "system",
            f"Je vraag is bewaard voor {helpline.name}. Je ophaalcode is {pickup_code}. "
            "Schrijf hem ergens op waar niemand hem vindt. Met die code lees je later hier het "
            "antwoord.",
        )
    conversation.offer_taken = "email"
    events.record(
        session, helpline, "email_request", conversation.entry_point, conversation.now(),
        arrival=conversation.arrival_status,
    )
    session.commit()
    return request, pickup_code


def compose(settings: Settings, helpline: Helpline, request: EmailRequest) -> EmailMessage:
    mail = EmailMessage()
    mail["From"] = settings.smtp_from
    mail["To"] = helpline.email
    mail["Subject"] = f"Vraag via de chat van {helpline.name} ({request.id[:8]})"
    if request.reply_to:
        mail["Reply-To"] = request.reply_to
        how_to_answer = f"Antwoord rechtstreeks aan {request.reply_to}."
    else:
        how_to_answer = (
            "De bezoeker gaf geen e-mailadres. Beantwoord de vraag in de hulpverlenersomgeving "
            f"(verzoek {request.id}); de bezoeker leest het antwoord met een ophaalcode."
        )
    mail.set_content(
        f"Een bezoeker van de chat stelde deze vraag:\n\n{request.message}\n\n{how_to_answer}\n"
    )
    return mail


def deliver(settings: Settings, helpline: Helpline, request: EmailRequest) -> bool:
    """Hands one request to the mail server (no database work: see handoff_api.email.jobs)."""
    try:
        with smtplib.SMTP(
            settings.smtp_host, settings.smtp_port, timeout=settings.smtp_timeout_seconds
        ) as smtp:
            if settings.smtp_starttls:
                smtp.starttls()
            if settings.smtp_username:
                smtp.login(settings.smtp_username, settings.smtp_password)
            smtp.send_message(compose(settings, helpline, request))
    except (OSError, smtplib.SMTPException) as error:
        # The error's type and SMTP code only: its text can quote the visitor's reply address.
        code = getattr(error, "smtp_code", "") or getattr(error, "errno", "") or ""
        log.warning("e-mail request %s not sent: %s %s", request.id, type(error).__name__, code)
        return False
    return True


def pick_up(session: Session, codes: CodeHasher, code: str) -> EmailRequest:
    request = session.scalar(
        select(EmailRequest).where(EmailRequest.pickup_code_hash.in_(codes.stored_forms(code)))
    )
    if request is None:
        raise not_found(
            "Deze ophaalcode kennen we niet. Kijk na of je hem juist overtypte.",
            "Unknown pick-up code.",
        )
    if request.pickup_code_hash != codes.code(code):  # a row from before the HMAC gets it now
        request.pickup_code_hash = codes.code(code)
        session.commit()
    return request


def answer(session: Session, request: EmailRequest, text: str) -> EmailRequest:
    request.reply_text = text
    request.replied_at = utcnow()
    request.status = "answered"
    session.commit()
    return request


def for_helplines(session: Session, helpline_ids: set[str]) -> list[EmailRequest]:
    return list(
        session.scalars(
            select(EmailRequest)
            .where(EmailRequest.helpline_id.in_(helpline_ids))
            .order_by(EmailRequest.created_at)
        )
    )
