"""Birth-date rules of the scrubber: which dates in a message are someone's birth date.

A mixin for ``Scrubber``. Only birth dates are personal data here; an incident date stays.
A date counts after a birth word ("geboren", "geb.", "ik ben van", "born"), before one
("op 21/7 word ik 15", "12 mei is mijn verjaardag", "... nee, dat is mijn geboortedatum"), between
"werd op" and an age ("werd op 21/06 16") or in brackets right after a person
("mijn zoon Daan (17-06-2009)").
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import patterns as P
from .names import _KIN, _PARTICLES

if TYPE_CHECKING:
    from .scrubber import Span

_PERSON_WORDS = _KIN | frozenset(
    "zoon zoontje dochter dochtertje kind kindje baby kleinzoon kleindochter pleegzoon pleegdochter "
    "stiefzoon stiefdochter leerling cliënt client slachtoffer".split()
)
class DateRules:
    """Birth dates on the raw text; the host provides ``first_names``."""

    def _birth_dates(self, text: str, found: list[Span]):
        for m in P.BIRTH_BEFORE.finditer(text):
            # "jarig? ja op 1 april", "geboortedatum?: 3/5/09": a question right after the birth
            # word is answered after it, so its "?" does not end the window.
            skip = re.match(r"[ \t]*[?:]+[ \t]*", text[m.end():]).end() if re.match(
                r"[ \t]*[?:]", text[m.end():]) else 0
            window = text[m.end() + skip:m.end() + skip + 100]
            stop = re.search(r"[.!?\n](?!\d)", window)
            window = window[:stop.start()] if stop else window
            dates = [d for d, near in ((P.DATE.search(window), 30), (P.DATE_WORDS.search(window), 50),
                                       (P.DATE_ORDINAL_MONTH.search(window), 30))
                     if d and d.start() < near]
            if not dates:
                # Further on in the same sentence, a full date with its year right after a colon
                # or "is": "mijn geboortedatum staat op mijn paspoort ...: 1 januari 1985".
                far = P.FULL_DATE_AFTER_COLON.search(window)
                dates = [far] if far else []
            if dates:
                d = min(dates, key=lambda d: (d.start("date"), -d.end("date"))
                        if "date" in d.re.groupindex else (d.start(), -d.end()))
                ds, de = (d.span("date") if "date" in d.re.groupindex else d.span())
                start = m.end() + skip + ds
                if P.AFTER_STREET_WORD.search(text[:start]):
                    continue  # "mijn adres is Van Eycklei 8/3": a house number, not "is van" + date
                if start > 0 and text[start - 1] == "°":
                    start -= 1  # "geboren °14/3/09": the birth sign glued to the date is part of it
                yield start, m.end() + skip + de, "DATUM"
        for d in (*P.DATE.finditer(text), *P.DATE_WORDS.finditer(text)):
            after = text[d.end():]
            if P.BIRTH_AFTER.search(after):  # "op twaalf maart tweeduizend tien geboren"
                yield d.start(), d.end(), "DATUM"
            elif P.BIRTH_NAMED_AFTER.search(after) \
                    and re.search(r"[/.\-]\s*(?:19|20)\d{2}$|\s(?:19|20)\d{2}$", d.group(0)):
                yield d.start(), d.end(), "DATUM"  # "14/07/1993... nee, dat is mijn geboortedatum"
            elif P.BIRTH_AGE_BEFORE.search(text[:d.start()]) and P.BIRTH_AGE_AFTER.search(after):
                yield d.start(), d.end(), "DATUM"  # "mijn dochter werd op 21/06 16"
        for m in P.DATE_AFTER_NAME_COMMA.finditer(text):
            if self._person_before(text[max(0, m.start() - 60):m.start()]):
                yield m.start("date"), m.end("date"), "DATUM"  # "Juul, 24.06.2009, Sint-..."
        for m in P.DATE_IN_BRACKETS.finditer(text):
            name = m.group("name")
            if self._person_before(text[max(0, m.start() - 60):m.start()]) \
                    or name and self.profile_name(name):
                yield m.start("date"), m.end("date"), "DATUM"  # "(Daphne Mulder, 14 april 2012)"

    def _person_before(self, before: str) -> bool:
        """"mijn zoon Daan", "mijn dochter", "Lisa Peeters", "mevrouw Wilma Schouten-de Jong": a
        person word, or up to four capitalized words (particles between them) of which the first
        is a listed first name or follows a person word."""
        words = re.findall(r"[\w'À-ÿ\-]+", before)[-6:]
        if not words:
            return False
        if words[-1].lower() in _PERSON_WORDS:
            return True
        k = len(words)
        while k > 0 and len(words) - k < 4 and (words[k - 1][0].isupper() or words[k - 1] in _PARTICLES):
            k -= 1
        return any(words[j][0].isupper() and (words[j].lower() in self.first_names
                                              or j > 0 and words[j - 1].lower() in _PERSON_WORDS)
                   for j in range(k, len(words)))
