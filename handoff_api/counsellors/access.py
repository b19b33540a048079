"""Ending access: deactivating accounts, revoking their logins, and the right of an open socket."""

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from handoff_api.counsellors.models import Counsellor, CounsellorSession
from handoff_api.counsellors.service import (
    AccountError,
    authenticate,
    require_staff,
    visible_conversation,
)
from handoff_api.errors import ApiError, unauthorized
from handoff_api.helplines.catalog import Catalog


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


def set_active(session: Session, username: str, active: bool) -> Counsellor:
    """Deactivated: no login, and every session and socket of the account ends."""
    account = _account(session, username)
    account.active = active
    session.commit()
    if not active:
        revoke_sessions(session, username)
    return account


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
