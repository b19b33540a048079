"""Checksums for Belgian national numbers, Dutch BSN and IBAN.

No well-kept validation library (python-stdnum, schwifty) is pinned in .venv, so these are the
standard published algorithms, written out.
"""
from __future__ import annotations

import re

# IBAN lengths per country (ISO 13616 registry), for the countries a Belgian or Dutch
# helpline visitor is likely to mention.
IBAN_LENGTHS: dict[str, int] = {
    "AD": 24, "AL": 28, "AT": 20, "BA": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24,
    "DE": 22, "DK": 18, "EE": 20, "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GI": 23,
    "GL": 18, "GR": 27, "HR": 21, "HU": 28, "IE": 22, "IS": 26, "IT": 27, "LI": 21, "LT": 20,
    "LU": 20, "LV": 21, "MA": 28, "MC": 27, "ME": 22, "MK": 19, "MT": 31, "NL": 18, "NO": 15,
    "PL": 28, "PT": 25, "RO": 24, "RS": 22, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "TN": 24,
    "TR": 26, "UA": 29,
}

_NON_ALNUM = re.compile(r"[^0-9A-Za-z]")
_NON_DIGIT = re.compile(r"\D")


def compact(value: str) -> str:
    """Letters and digits only, upper case."""
    return _NON_ALNUM.sub("", value).upper()


def iban_valid(value: str) -> bool:
    """ISO 13616 / ISO 7064 mod 97-10: move the first four characters to the end, letters to
    numbers (A=10 .. Z=35), the remainder mod 97 must be 1. The length must fit the country."""
    iban = compact(value)
    if len(iban) < 15 or not iban[:2].isalpha() or not iban[2:4].isdigit():
        return False
    expected = IBAN_LENGTHS.get(iban[:2])
    if expected is None or len(iban) != expected:
        return False
    if iban[:2] == "BE" and not iban[4:].isdigit():
        return False
    rearranged = iban[4:] + iban[:4]
    try:
        number = int("".join(str(int(ch, 36)) for ch in rearranged))
    except ValueError:
        return False
    return number % 97 == 1


def rrn_valid(value: str) -> bool:
    """Belgian national number (rijksregisternummer / INSZ, also bis numbers): 11 digits
    YYMMDD SSS CC. CC = 97 - (first nine digits mod 97); for people born in 2000 or later
    the nine digits are prefixed with a 2 before the modulo. Month may be shifted by 20 or 40
    (bis numbers); 00 is allowed for unknown month or day."""
    digits = _NON_DIGIT.sub("", value)
    if len(digits) != 11:
        return False
    month, day = int(digits[2:4]), int(digits[4:6])
    if month > 52 or (12 < month < 20) or (32 < month < 40) or day > 31:
        return False
    base, check = int(digits[:9]), int(digits[9:])
    if check == 97 - base % 97:
        return True
    return check == 97 - (2_000_000_000 + base) % 97


def bsn_valid(value: str) -> bool:
    """Dutch BSN: 9 digits, 11-proof: 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 is divisible by 11
    (and not all zeros)."""
    digits = _NON_DIGIT.sub("", value)
    if len(digits) != 9 or int(digits) == 0:
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1))) - int(digits[8])
    return total % 11 == 0
