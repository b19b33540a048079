"""Numbers written out in words, Dutch and English, as digits with their offsets in the text.

Visitors dodge filters, or just type, "nul vier zeven nul twaalf vierendertig zesenvijftig"
or "0 4 7 0 twaalf 34 56". A run of number words and digit groups, joined by nothing but
spaces and punctuation, becomes its digit string, so the phone check can read it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS = {
    "nul": 0, "een": 1, "één": 1, "eén": 1, "ene": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5,
    "zes": 6, "zeven": 7, "acht": 8, "negen": 9,
    "zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9,
}
_TEENS = {
    "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15,
    "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {
    "twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70,
    "tachtig": 80, "negentig": 90,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
# "vierendertig", "tweeëntwintig", "tweeentwintig"; English "thirty-four" / "twenty two" are two tokens (joined in ``_piece``).
_COMPOUND = re.compile(
    r"(?P<unit>een|één|eén|twee|drie|vier|vijf|zes|zeven|acht|negen)(?:ën|en)"
    r"(?P<tens>twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig)"
)
_TOKEN = re.compile(r"\d+|[^\W\d_]+")
_GAP = re.compile(r"[\s,.\-/–—]*")
_DOUBLE = frozenset({"dubbel", "double"})
_ENGLISH_TENS = frozenset({"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"})
_ENGLISH_UNITS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine"})
_AND = frozenset({"en", "and"})
_PLUS = frozenset({"plus", "plusteken"})


def word_digits(word: str) -> str | None:
    """The digits a single number word stands for ("vierendertig" -> "34"), else None."""
    low = word.lower()
    if low in _UNITS:
        return str(_UNITS[low])
    if low in _TEENS:
        return str(_TEENS[low])
    if low in _TENS:
        return str(_TENS[low])
    m = _COMPOUND.fullmatch(low)
    if m:
        return str(_TENS[m.group("tens")] + _UNITS[m.group("unit")])
    return None


@dataclass
class NumberRun:
    """Consecutive number pieces: (start, end) offsets and the digits each stands for."""

    pieces: list[tuple[int, int]]
    digits: list[str]

    def digits_between(self, start: int, end: int) -> str:
        return "".join(d for (s, e), d in zip(self.pieces, self.digits) if s >= start and e <= end)


def number_word_runs(text: str, min_digits: int = 8) -> list[NumberRun]:
    """Runs holding at least one number word and ``min_digits`` digits in all."""
    runs: list[NumberRun] = []
    pieces: list[tuple[int, int]] = []
    digits: list[str] = []
    has_word = False
    last_end = None
    tokens = list(_TOKEN.finditer(text))
    i = 0

    def close() -> None:
        if has_word and sum(map(len, digits)) >= min_digits:
            runs.append(NumberRun(list(pieces), list(digits)))

    while i < len(tokens):
        tok = tokens[i]
        value, end, is_word = _piece(tokens, i)
        joined = last_end is not None and _GAP.fullmatch(text, last_end, tok.start()) is not None
        if value is None or not joined:
            close()
            pieces, digits, has_word = [], [], False
        if value is not None:
            pieces.append((tok.start(), tokens[end - 1].end()))
            digits.append(value)
            has_word = has_word or is_word
            last_end = tokens[end - 1].end()
            i = end
        else:
            last_end = None
            i += 1
    close()
    return runs


def _piece(tokens: list[re.Match], i: int) -> tuple[str | None, int, bool]:
    """The digits of the number piece starting at token i, the index after it, and whether
    it was written in words. Handles "vier en dertig" (34), "dubbel zes" (66) and "plus drie" (+3)."""
    text = tokens[i].group(0)
    if text.isdigit():
        return text, i + 1, False
    low = text.lower()
    if low in _DOUBLE and i + 1 < len(tokens):
        nxt = word_digits(tokens[i + 1].group(0)) or (tokens[i + 1].group(0) if tokens[i + 1].group(0).isdigit() else None)
        if nxt is not None and len(nxt) == 1:
            return nxt * 2, i + 2, True
    if low in _PLUS and i + 1 < len(tokens) and tokens[i].string[tokens[i].end():tokens[i + 1].start()] == " ":
        value, end, _ = _piece(tokens, i + 1)
        if value is not None and value.startswith("3"):
            return "+" + value, end, True  # "plus drie twee, vier zeven vijf ...": +32 spoken
    value = word_digits(text)
    if value is None:
        return None, i + 1, False
    if (len(value) == 1 and value != "0" and i + 2 < len(tokens) and tokens[i + 1].group(0).lower() in _AND
            and tokens[i + 2].group(0).lower() in _TENS):
        return str(_TENS[tokens[i + 2].group(0).lower()] + int(value)), i + 3, True
    if (low in _ENGLISH_TENS and i + 1 < len(tokens) and tokens[i + 1].group(0).lower() in _ENGLISH_UNITS
            and tokens[i].string[tokens[i].end():tokens[i + 1].start()] in (" ", "-")):
        return str(_TENS[low] + _UNITS[tokens[i + 1].group(0).lower()]), i + 2, True  # "twenty two"
    return value, i + 1, True
