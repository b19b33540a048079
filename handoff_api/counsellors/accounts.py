"""Counsellors' accounts: creating them, login with per-account throttling, logout, and who may do what."""

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from handoff_api.config import Settings
from handoff_api.counsellors import throttle
from handoff_api.counsellors.models import Counsellor, CounsellorSession
from handoff_api.db import utcnow
from handoff_api.errors import ApiError, unauthorized
from handoff_api.helplines.catalog import Catalog
from handoff_api.security import CodeHasher, hash_password, hash_secret, new_token, verify_password


class AccountError(ValueError):
    """An account cannot be created as asked (admin CLI)."""


def create_account(
    session: Session,
    catalog: Catalog,
    username: str,
    display_name: str,
    helpline_id: str,
    password: str,
    role: str = "counsellor",
) -> Counsellor:
    if catalog.helpline(helpline_id) is None:
        raise AccountError(f"unknown helpline {helpline_id!r}")
    if len(password) < 12:
        raise AccountError("the password needs at least 12 characters")
    if session.scalar(select(Counsellor).where(Counsellor.username == username)):
        raise AccountError(f"username {username!r} is taken")
    counsellor = Counsellor(
        username=username,
        display_name=display_name,
        helpline_id=helpline_id,
        role=role,
        password_hash=hash_password(password),
    )
    session.add(counsellor)
    session.commit()
    return counsellor


def login(
    session: Session, settings: Settings, codes: CodeHasher, username: str, password: str
) -> tuple[str, Counsellor]:
    """A deactivated account cannot log in; per account, failures in a row lock it for longer."""
    key = codes.login_key(username)
    throttle.refuse_while_locked(session, key)
    counsellor = session.scalar(
        select(Counsellor).where(Counsellor.username == username, Counsellor.active.is_(True))
    )
    if not verify_password(password, counsellor.password_hash if counsellor else None):
        throttle.record_failure(session, settings, key)
        raise ApiError(
            401,
            "invalid_login",
            "Gebruikersnaam of wachtwoord klopt niet.",
            "Wrong username or password.",
        )
    throttle.clear(session, key)
    token = new_token()
    session.add(
        CounsellorSession(
            token_hash=hash_secret(token),
            counsellor_id=counsellor.id,
            expires_at=utcnow() + timedelta(hours=settings.counsellor_token_hours),
        )
    )
    session.commit()
    return token, counsellor


def logout(session: Session, token: str) -> None:
    login_session = session.get(CounsellorSession, hash_secret(token))
    if login_session:
        session.delete(login_session)
        session.commit()


def authenticate(session: Session, token: str | None) -> Counsellor:
    if not token:
        raise unauthorized()
    login_session = session.get(CounsellorSession, hash_secret(token))
    if login_session is None or login_session.expires_at <= utcnow():
        raise unauthorized()
    counsellor = session.get(Counsellor, login_session.counsellor_id)
    if counsellor is None or not counsellor.active:
        raise unauthorized()
    return counsellor


def require_counsellor(account: Counsellor) -> None:
    if account.role != "counsellor":
        raise ApiError(
            403,
            "not_a_counsellor",
            "Dit kan alleen een hulpverlener.",
            "Only counsellors can do this.",
        )


STAFF_ROLES = ("counsellor", "supervisor")


def require_staff(account: Counsellor) -> None:
    """Counsellors and supervisors read queues, briefings and transcripts; trainers and
    coordinators never do."""
    if account.role not in STAFF_ROLES:
        raise ApiError(
            403,
            "not_a_counsellor",
            "Dit kan alleen een hulpverlener of supervisor.",
            "Only counsellors and supervisors can do this.",
        )
