"""Random secrets and how they are stored: only hashes, never the secret itself."""

import hashlib
import hmac
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I: read aloud, typed by hand
_password_hasher = PasswordHasher()
_DUMMY_PASSWORD_HASH = _password_hasher.hash("not-a-real-password")


def new_token() -> str:
    """A bearer token with 256 random bits."""
    return secrets.token_urlsafe(32)


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def secret_matches(secret: str, stored_hash: str) -> bool:
    return hmac.compare_digest(hash_secret(secret), stored_hash)


def new_code(length: int = 10) -> str:
    """A short code a visitor writes down (10 symbols of 32: 50 bits), e.g. 'K7QF-M2XP-RT'."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))
    return "-".join(raw[i : i + 4] for i in range(0, length, 4))


def normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def hash_code(code: str) -> str:
    return hash_secret(normalise_code(code))


def hash_password(password: str) -> str:
    return _password_hasher.hash(password)


def verify_password(password: str, stored_hash: str | None) -> bool:
    """Verifies against a dummy hash when there is no account, so timing tells nothing."""
    try:
        return _password_hasher.verify(stored_hash or _DUMMY_PASSWORD_HASH, password) and (
            stored_hash is not None
        )
    except (VerificationError, InvalidHashError):
        return False
