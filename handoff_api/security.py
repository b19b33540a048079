"""Random secrets and how they are stored: only hashes, never the secret itself."""

import hashlib
import hmac
import logging
import os
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from handoff_api.config import ConfigurationError, Settings

log = logging.getLogger(__name__)

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


def legacy_code_hash(code: str) -> str:
    """How codes were stored before the HMAC (unsalted SHA-256): still found, and rehashed on use."""
    return hash_secret(normalise_code(code))


class CodeHasher:
    """HMAC-SHA256 with the server's secret, for secrets too short for a plain hash.

    A code has 50 bits: from a copy of the database alone, its plain SHA-256 can be searched;
    without the secret, its HMAC cannot.
    """

    def __init__(self, secret: bytes) -> None:
        if len(secret) < 16:
            raise ConfigurationError("the code secret needs at least 16 bytes")
        self._secret = secret

    def _mac(self, value: str) -> str:
        return hmac.new(self._secret, value.encode("utf-8"), hashlib.sha256).hexdigest()

    def code(self, code: str) -> str:
        return self._mac("code:" + normalise_code(code))

    def stored_forms(self, code: str) -> list[str]:
        """Every stored form a code may have: the HMAC, and the hash of rows from before it."""
        return [self.code(code), legacy_code_hash(code)]

    def login_key(self, username: str) -> str:
        return self._mac("login:" + username.strip().casefold())


def load_code_secret(settings: Settings) -> bytes:
    """HANDOFF_CODE_SECRET; else the secret file, made on first start outside production."""
    if settings.code_secret:
        return settings.code_secret.encode("utf-8")
    path = settings.code_secret_file
    if path.exists():
        return path.read_text(encoding="utf-8").strip().encode("utf-8")
    if settings.env == "production":
        raise ConfigurationError(
            f"HANDOFF_ENV=production needs HANDOFF_CODE_SECRET or the file {path} "
            "(HANDOFF_CODE_SECRET_FILE): every process must use the same secret, and losing it "
            "makes every stored appointment and pick-up code unreadable."
        )
    secret = secrets.token_hex(32)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process made it just now
        return path.read_text(encoding="utf-8").strip().encode("utf-8")
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(secret + "\n")
    log.warning("made a new code secret in %s: keep it, and back it up with the database", path)
    return secret.encode("utf-8")


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
