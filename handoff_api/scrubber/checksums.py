"""Checksums for Belgian national numbers, Dutch BSN and IBAN, from python-stdnum (pinned).

Thin wrappers so the scrubber asks one yes/no question per kind of number.
"""
from __future__ import annotations

import re

from stdnum import iban as _iban
from stdnum.be import ssn as _be_ssn
from stdnum.nl import bsn as _nl_bsn

# An IBAN has at most 34 characters (ISO 13616); the shortest in the registry has 15 (Norway).
IBAN_MIN_LENGTH, IBAN_MAX_LENGTH = 15, 34

_NON_ALNUM = re.compile(r"[^0-9A-Za-z]")
_NON_DIGIT = re.compile(r"\D")


def compact(value: str) -> str:
    """Letters and digits only, upper case: visitors separate groups with anything."""
    return _NON_ALNUM.sub("", value).upper()


def iban_valid(value: str) -> bool:
    """ISO 7064 mod 97-10 check digits, and the length and BBAN layout of the country in
    stdnum's IBAN registry. The banks' own national checks are not asked for: a valid IBAN of
    an unlisted Belgian bank is still somebody's account number."""
    iban = compact(value)
    return IBAN_MIN_LENGTH <= len(iban) <= IBAN_MAX_LENGTH and _iban.is_valid(iban, check_country=False)


def rrn_valid(value: str) -> bool:
    """Belgian national number (rijksregisternummer) or bis number (INSZ): 11 digits, a
    possible birth date (month + 20 or + 40 for bis numbers) and mod 97 check digits, with
    the post-2000 rule. stdnum.be.ssn accepts both kinds."""
    digits = _NON_DIGIT.sub("", value)  # slashes too: "85/07/30-033/28"
    return len(digits) == 11 and _be_ssn.is_valid(digits)


def bsn_valid(value: str) -> bool:
    """Dutch BSN: exactly 9 digits (stdnum would pad 8 with a zero), 11-proof."""
    digits = _NON_DIGIT.sub("", value)
    return len(digits) == 9 and _nl_bsn.is_valid(digits)
