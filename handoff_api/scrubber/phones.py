"""Private phone numbers in chat text, parsed and checked with phonenumbers (pinned).

A visitor writes a number in any form: +32/0032/0, spaces, dots, slashes, dashes, "(0)",
brackets, or in words ("nul vier zeven vijf ..."). Candidates come from phonenumbers' own
matcher (for Belgium and the Netherlands) and from runs of digit groups cut at spaces (so a
number between other numbers is still found); each is kept only when it is a personal number.

Crisis and service numbers stay readable: short numbers (112, 1712, 1813, 106, 113, 116 111)
are no full numbers at all, and toll-free, premium and shared-cost numbers (0800-0113,
0800-2000, 0900-8844, 070 245 245) are valid numbers of a non-personal type.
"""
from __future__ import annotations

import re
from typing import Iterator, Sequence

import phonenumbers as pn
from phonenumbers import Leniency, PhoneNumberType, ValidationResult

from .numberwords import number_word_runs

REGIONS = ("BE", "NL")
PERSONAL_TYPES = frozenset({
    PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE,
    PhoneNumberType.VOIP, PhoneNumberType.PERSONAL_NUMBER, PhoneNumberType.PAGER,
})
# For numbers in no allocated range (invented or mistyped, still somebody's number to a
# reader): national significant numbers that start like a service range stay readable.
_SERVICE_STARTS = {32: ("70", "78", "80", "90"), 31: ("800", "84", "85", "87", "88", "90")}

# A run of digits with the separators visitors use, at most ~40 characters (stays linear); a
# line break inside counts as a space ("0486\n12 34 56": the chat wrapped or Enter was hit).
CANDIDATE = re.compile(r"(?<![\w+/.\-(])\(?(?:\+|00)?\d[\d \t\n./\-\u2010-\u2015()]{0,38}\d(?!\d)")
_NON_DIGIT = re.compile(r"\D")
# A Belgian one-digit area code (Brussels, Antwerp, Liège, Gent) cut off by a slash.
_ONE_DIGIT_AREA = re.compile(r"\(?0[2349]\)?\s*/\s*\d")
# A group of digits with a letter O (for 0) or l/I (for 1) among them: "2O", "o6", "l2", "1OO".
_O_IN_DIGITS = re.compile(r"(?<![^\W\d_])(?=[\doOlI]*\d)(?=[\doOlI]*[oOlI])[\doOlI]+(?![^\W\d_])")
_LOOKALIKES = str.maketrans("oOlI", "0011")
# A number cut in two by a few words, a comma or a bracketed remark: "0487 maar dan 12 33 09",
# "06, 12345678", "0487 (nieuw) 12 33 09", "+32 487 en dan 12 33 09". The head is a 0 or a
# country code with the area or mobile prefix; the tail is the rest in digit groups.
_SPLIT = re.compile(
    r"(?<![\w+/.\-])(?P<head>(?:\+|00)\s?(?:32|31)\s?(?:\(0\)\s?)?\d{1,3}|0\d{1,3})"
    r"(?P<gap>\s*[,;:/*_\-\u2010-\u2015]\s*|\s*\.{2,}\s*|\s*[,:]?\s+(?:\(?[^\W\d_]{1,10}\)?,?\s+){1,3}(?:[:\-]\s*)?)"
    r"(?P<tail>\d{2,8}(?:[ .\-*_]\d{1,4}){0,4})(?!\d)"
)
# Stars and underscores typed between the digit groups: "0487*12*33*09", "0487_12_33_09".
_ODD_SEPARATORS = re.compile(r"(?<![\w+/.\-])(?:\+|00)?\d{2,4}(?:[*_]\d{1,4}){2,5}(?![\w*])")


def _parses(candidate: str) -> list[pn.PhoneNumber]:
    numbers = []
    for region in REGIONS:
        try:
            numbers.append(pn.parse(candidate, region))
        except pn.NumberParseException:
            pass
    return numbers


def _possible_personal(number: pn.PhoneNumber) -> bool:
    """An unallocated number with the length of a personal one in its country."""
    if pn.is_possible_number_with_reason(number) != ValidationResult.IS_POSSIBLE:
        return False
    nsn = str(number.national_number)
    if nsn.startswith(_SERVICE_STARTS.get(number.country_code, ())):
        return False
    if number.country_code == 32:  # Belgian mobiles (04xx) have 9 digits after the 0, landlines 8
        return len(nsn) == (9 if nsn.startswith("4") else 8)
    if number.country_code == 31:
        return len(nsn) == 9
    return len(nsn) >= 8


def is_personal_number(candidate: str) -> bool:
    """Is this written number a private phone number (Belgian, Dutch or international)?"""
    text = candidate.strip()
    digits = _NON_DIGIT.sub("", text)
    if not 8 <= len(digits) <= 17:
        return False
    if not (text.startswith(("+", "(+")) or digits.startswith("0")):
        return False  # "470123456": nobody gives a number without its 0 or country code
    if _ONE_DIGIT_AREA.match(text) and len(digits) == 9:
        return True  # "09/072.43.58": the slash marks Gent's area code, not a 0907 premium number
    numbers = _parses(text)
    valid = [n for n in numbers if pn.is_valid_number(n)]
    if any(pn.number_type(n) not in PERSONAL_TYPES for n in valid):
        return False
    return bool(valid) or any(_possible_personal(n) for n in numbers)


def find_phone_numbers(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every private phone number, in digits or in words. Spans found by
    different routes may overlap; the caller keeps the first. Digits glued by a dot to a code
    with digits of its own are the tail of that code, no number ("PV AN.55.L1.012345/2025";
    "tel.0470 12 34 56" stays a number)."""
    for start, end in _phone_spans(text):
        if not _CODE_BEFORE.search(text, 0, start):
            yield start, end


# A code glued before the digits: letters and digits with dots, a digit among them ("AN.55.L1.").
_CODE_BEFORE = re.compile(r"(?<!\S)(?=\S*\d)[\w.\-]*[\w]\.$")


def _phone_spans(text: str) -> Iterator[tuple[int, int]]:
    for region in REGIONS:
        for match in pn.PhoneNumberMatcher(text, region, leniency=Leniency.POSSIBLE):
            if is_personal_number(match.raw_string):
                yield _outside_brackets(text, match.start, match.end)
    digits_text = _letter_o_as_zero(text)
    for m in CANDIDATE.finditer(digits_text):
        groups = [(m.start() + g.start(), m.start() + g.end()) for g in re.finditer(r"\S+", m.group(0))]
        yield from _numbers_in(groups, lambda start, end: _digits_as_number(digits_text, start, end))
    yield from _split_numbers(digits_text)
    for m in _ODD_SEPARATORS.finditer(digits_text):
        if is_personal_number(re.sub(r"[*_]", " ", m.group(0))):
            yield m.start(), m.end()
    for run in number_word_runs(text):
        yield from _numbers_in(run.pieces, lambda start, end, run=run: (
            (start, end) if is_personal_number(run.digits_between(start, end)) else None))


def _split_numbers(text: str) -> Iterator[tuple[int, int]]:
    """"0487 maar dan 12 33 09": a prefix, a few words or a comma, then the rest of the number.
    The longest run of the tail's digit groups that makes a personal number with the head."""
    for m in _SPLIT.finditer(text):
        if re.search(r"[.!?\n]", m.group("gap").replace("...", "")):
            continue  # a new sentence: two numbers, not one
        head = m.group("head")
        groups = [g for g in re.finditer(r"\d+", m.group("tail"))]
        for last in range(len(groups) - 1, -1, -1):
            tail = " ".join(g.group(0) for g in groups[:last + 1])
            if 6 <= len(re.sub(r"\D", "", tail)) and is_personal_number(f"{head} {tail}"):
                yield m.start(), m.start("tail") + groups[last].end()
                break


def _letter_o_as_zero(text: str) -> str:
    """"0485 2O 17 66", "o6 l2 34 78 91": a letter O typed for a zero, an l or I for a one,
    inside a group of digits reads as that digit (same length, so the offsets stay)."""
    return _O_IN_DIGITS.sub(lambda m: m.group(0).translate(_LOOKALIKES), text)


def _numbers_in(pieces: Sequence[tuple[int, int]], as_number) -> Iterator[tuple[int, int]]:
    """Longest stretches of consecutive pieces that are a number, left to right: a number may
    stand between other numbers ("om 12 0470 12 34 56", "bel 0470 12 34 56 12 keer")."""
    first, n = 0, len(pieces)
    while first < n:
        for last in range(n - 1, first - 1, -1):
            span = as_number(pieces[first][0], pieces[last][1])
            if span:
                yield span
                first = last
                break
        first += 1


def _digits_as_number(text: str, start: int, end: int) -> tuple[int, int] | None:
    start, end = _outside_brackets(text, start, start + len(text[start:end].rstrip(" -./(")))
    written = text[start:end]
    if not _balanced(written) or "\n\n" in written:
        return None  # an empty line between digits parts two messages
    return (start, end) if is_personal_number(written.replace("\n", " ")) else None


def _outside_brackets(text: str, start: int, end: int) -> tuple[int, int]:
    """Leave out brackets around the whole number: "(0470 12 34 56)", "(0470 12 34 56"."""
    written = text[start:end]
    if written.startswith("(") and (not _balanced(written) or written.endswith(")") and _balanced(written[1:-1])):
        start += 1
    written = text[start:end]
    if written.endswith(")") and not _balanced(written):
        end -= 1
    while start < end and not (text[start].isdigit() or text[start] in "+("):
        start += 1  # "[0470 12 34 56]"
    while end > start and not (text[end - 1].isdigit() or text[end - 1] == ")"):
        end -= 1
    return start, end


def _balanced(written: str) -> bool:
    return written.count("(") == written.count(")")
