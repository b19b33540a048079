"""Address and postcode rules of the scrubber, on the raw text (character offsets).

A mixin for ``Scrubber``, which owns the lists (``places``, ``first_names``, ``surnames``), the
Dutch ``vocabulary`` and ``is_word``. Streets come from their ending ("Kerkstraat 12"), a street
word first ("Laan van Meerdervoort 530"), French street words, the place before a postcode and
a living verb before them; the capitalized words before a street word belong to its name
("de Karel van de Woestijnestraat"). Postcodes come from a place after them, a living verb or
"in"/"bij" before them, or the address just before.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.lang.nl.stop_words import STOP_WORDS

from . import patterns as P
from .name_words import _DETERMINERS, _NOT_NAMES, _PARTICLES

if TYPE_CHECKING:
    from .scrubber import Span

_STREET_PREFIXES = frozenset(w.lower() for w in P.STREET_PREFIX.split("|"))
_WORD = re.compile(r"[\w'À-ÿ\-]+")
# Street prefixes that are no adjective count in lower case too: "op pastoor de neveplein 4",
# "in de koning albertstraat 7"; an ordinal also ("2e Jan Steenstraat", "1ste Hulststraat").
_LOWER_STREET_PREFIXES = _STREET_PREFIXES - frozenset(
    "grote kleine oude nieuwe lange korte hoge lage van jan frans johan willem onze lieve vrouw".split())
# "de Delhaize", "De Action": an article before a capitalized word (the caller asks for a listed shop).
_LISTED_AFTER_DE = re.compile(r"(?<![\w\-])(?:[Dd]e|[Hh]et)\s+(?P<name>[A-Z][\w'&\-]+)")
_ORDINAL_PREFIX = re.compile(r"[1-9](?:e|ste|de)")
_STREET_ABBREVIATIONS = frozenset(P.STREET_ABBREVIATIONS.split("|"))
_ABBREVIATION_GAP = re.compile(r"\.\s?")
_ABBREVIATION_BEFORE = re.compile(rf"(?<![\w.])(?:{P.STREET_ABBREVIATIONS})\.$")
# Squares and quays named by their street word alone: "Markt 1A, 3740 Bilzen", "Kouter 7, 9000 Gent".
_BARE_STREET_WORDS = frozenset(
    "markt plein kouter zavel vrijthof dam brink kaai kade vest wal dijk singel gracht dreef heirbaan".split())
# Words that count things before a number: "Week 14, Gent" is no address.
_COUNTED = frozenset(
    "week pagina blz hoofdstuk groep klas kamer lokaal blok jaar bus tram lijn nummer nr punt level "
    "deel les uur dag maand seizoen editie tafel zaal bed perron spoor poort gate".split())


class AddressRules:
    """Addresses and postcodes; see the module docstring for what the host provides."""

    def _addresses(self, text: str, found: list[Span]):
        for rx in (P.ADDRESS, P.FRENCH_STREET):
            for m in rx.finditer(text):
                word = m.group(0).split()[0].lower()
                if word.endswith("plaats") and self.is_word(word):
                    continue  # "woonplaats 2800 Mechelen", "parkeerplaats 3": a place word, no street
                yield self._street_start(text, m.start()), m.end(), "ADRES"
        dwelling = bool(P.DWELLING.search(text))
        for m in P.FRENCH_STREET_ONLY.finditer(text):
            if not self._public_street(text, m.start(), m.end(), dwelling):
                yield m.start(), m.end(), "ADRES"  # "ik woon Rue du Moulin"; with a number found above
        for m in P.STREET_WORD_FIRST.finditer(text):
            if m.group("number") or text[:m.start()].lower().endswith("de "):
                yield m.start(), m.end(), "ADRES"  # "Laan van Meerdervoort 530", "op de Laan van ..."
        for m in P.ADDRESS_BEFORE_POSTCODE.finditer(text):
            first = m.group("street").split()[0].lower()
            place = _WORD.match(text, m.end() - 1)
            listed_place = place is not None and place.group(0).lower() in self.places
            if first not in _NOT_NAMES and first not in _COUNTED and (
                    first not in self.vocabulary or first in _BARE_STREET_WORDS or listed_place):
                # also "Markt 1A, 3740 Bilzen"; a street that is a word before a postcode and a
                # listed place too ("Kiel 17, 2020 Antwerpen", "Zand 7, 8000 Brugge")
                yield m.start("street"), m.end("street"), "ADRES"
        for m in P.STREET_AFTER_LIVING.finditer(text):
            yield m.start("street"), m.end("street"), "ADRES"
        for m in P.CAPITALIZED_STREET_AFTER_LIVING.finditer(text):
            if m.group("street").split()[0].lower() not in self.places:
                yield m.start("street"), m.end("street"), "ADRES"
        for m in P.CAPITALIZED_STREET_FAR_AFTER_LIVING.finditer(text):
            first = m.group("street").split()[0].lower()
            if first not in self.places and first not in _NOT_NAMES and not self.is_word(first):
                yield m.start("street"), m.end("street"), "ADRES"  # "ik woon met mn mama ... op de Meir 50"
        for m in P.ADDRESS_BEFORE_PLACE.finditer(text):
            first = m.group("street").split()[0].lower()
            if m.group("place").lower() in self.places and first not in self.places \
                    and first not in _NOT_NAMES and first not in _COUNTED:
                yield m.start("street"), m.end("street"), "ADRES"  # "thuis, Ooievaarsnest 14, Wilrijk"
        for m in P.ADDRESS_BEFORE_IN_PLACE.finditer(text):
            first = m.group("street").split()[0].lower()
            if m.group("place").lower() in self.places and first not in self.places \
                    and first not in _NOT_NAMES and first not in _COUNTED and first not in self.not_names:
                yield m.start("street"), m.end("street"), "ADRES"  # "op de Overtoom 301 in Amsterdam"
        for rx in (P.STREET_ONLY, P.STREET_ONLY_WEAK):
            for m in rx.finditer(text):
                if self._public_street(text, self._street_start(text, m.start()), m.end(), dwelling):
                    continue
                before = text[:m.start()].rstrip()
                if not before or before[-1] in ".!?\n" and not _ABBREVIATION_BEFORE.search(before):
                    continue  # sentence start: could be any capitalized word (not "de Dr. Schaepmanstraat")
                if re.search(r"(?i)\b(?:atheneum|college|lyceum|instituut|gymnasium|school|campus)$", before):
                    continue  # "Atheneum Voskenslaan": a school named after its street
                if rx is P.STREET_ONLY_WEAK and (self.is_word(m.group(0).lower())
                                                 or m.group(0).lower() in self.places
                                                 or self.is_word(m.group(0).lower().rsplit("-", 1)[-1])):
                    continue  # "de Loopbaan", "de Afsluitdijk" as a word
                yield self._street_start(text, m.start()), m.end(), "ADRES"

    def _public_street(self, text: str, start: int, end: int, dwelling: bool) -> bool:
        """A street without a number is a public place where the message names a shop or a
        public spot besides it and nobody lives or stays there: "bij de Lidl op de
        Torhoutsesteenweg", "de Delhaize in de Kerkstraat is dicht" (a listed shop or brand after
        "de", anywhere); "zijn kot is in de Hendrik van Veldekestraat" stays an address."""
        if dwelling:
            return False
        rest = text[:start] + " " * (end - start) + text[end:]
        return bool(P.PUBLIC_PLACE.search(rest)) or any(
            m.group("name").lower() in self.not_names for m in _LISTED_AFTER_DE.finditer(rest))

    def _street_start(self, text: str, start: int) -> int:
        """Start a street at the capitalized words (with particles between them) just before
        its street word: "de Pastoor Coplaan", "de Karel van de Woestijnestraat"."""
        words = list(_WORD.finditer(text, max(0, start - 60), start))
        new_start, k, pos = start, len(words) - 1, start
        taken = 0
        while k >= 0 and taken < 5:
            w = words[k]
            gap = text[w.end():pos]
            low = w.group(0).lower()
            if _ABBREVIATION_GAP.fullmatch(gap) and w.group(0) in _STREET_ABBREVIATIONS:
                new_start, pos, k, taken = w.start(), w.start(), k - 1, taken + 1
                continue  # "in de Burg. Jansenlaan": an office shortened with a dot
            if gap.strip() or not gap or "\n" in gap:
                break  # not a single run of spaces between the words (a new line: a name above)
            if w.group(0)[0].isupper() and (self._street_name_word(low) or self._word_inside_street(text, w, pos)) \
                    or low in _LOWER_STREET_PREFIXES or _ORDINAL_PREFIX.fullmatch(low):
                new_start = w.start()  # also "pastoor de neveplein 4", "2e Jan Steenstraat"
            elif low not in _PARTICLES:
                break
            pos, k, taken = w.start(), k - 1, taken + 1
        return new_start

    def _word_inside_street(self, text: str, word, pos: int) -> bool:
        """A capitalized Dutch word inside a sentence right before a capitalized street name is
        its first part: "mijn adres online, Schalk Burgerstraat 188" (not at a sentence start,
        not a function word, place or shop)."""
        low = word.group(0).lower()
        before = text[:word.start()].rstrip()
        return (text[pos:pos + 1].isupper() and bool(before) and before[-1] not in ".!?:;\n\"'("
                and low not in STOP_WORDS and low not in _NOT_NAMES and low not in self.not_names
                and low not in self.places and low not in _DETERMINERS and len(low) >= 3)

    def _street_name_word(self, low: str) -> bool:
        if low in _NOT_NAMES or low in _DETERMINERS or low in self.places:
            return False
        return (low in _STREET_PREFIXES or low in self.first_names or low in self.surnames
                or not self.is_word(low))

    def _postcodes(self, text: str, found: list[Span]):
        for m in P.POSTCODE_NL.finditer(text):
            yield m.start(), m.end(), "POSTCODE"
        for m in P.POSTCODE_NL_LOWER.finditer(text):
            if P.POSTCODE_CONTEXT.search(text[max(0, m.start() - 20):m.start()]) \
                    or self._place_follows(text[m.end():]):
                yield m.start(), m.end(), "POSTCODE"  # "5611 em Eindhoven"
        addresses_end = {s.end for s in found if s.label == "ADRES"}
        for m in P.POSTCODE_BE.finditer(text):
            number = int(m.group(0)[-4:])
            if P.POSTCODE_CONTEXT.search(text[max(0, m.start() - 20):m.start()]):
                yield m.start(), m.end(), "POSTCODE"
                continue
            before = re.search(r"[\s,]*$", text[:m.start()])
            if before.start() in addresses_end and before.group(0):
                yield m.start(), m.end(), "POSTCODE"  # "Veldstraat 2, 2450, meerhout"
                continue
            after = text[m.end():]
            if self._after_living_place(text[max(0, m.start() - 60):m.start()], after):
                yield m.start(), m.end(), "POSTCODE"  # "i live in antwerp, 2018"
                continue
            year_like = 1900 <= number <= 2039
            if not year_like and after.startswith(")") and self._place_in_bracket_before(text[:m.start()]):
                yield m.start(), m.end(), "POSTCODE"  # "ik woon in Mechelen (2800)"
                continue
            if not year_like and (self._where_a_place_stands(text[:m.start()], after)
                                  or P.POSTCODE_AFTER_LIVING.search(text[max(0, m.start() - 40):m.start()])
                                  or self._after_place_and_comma(text[max(0, m.start() - 40):m.start()], after)):
                yield m.start(), m.end(), "POSTCODE"  # "bij ons in 9100 kent ...", "ik woon in 8630 veurne"
                continue
            nxt = re.match(r"\s+([A-Za-zÀ-ÿ][\w'À-ÿ\-]*(?:\s+[A-Za-zÀ-ÿ][\w'À-ÿ\-]*){0,3})", after)
            if not nxt:
                continue
            words = nxt.group(1).split()
            is_place = any(" ".join(words[:k]).lower() in self.places for k in range(1, len(words) + 1))
            first = words[0]
            if re.fullmatch(r"[\w'À-ÿ]+-[a-zà-ÿ]+", first) and first.lower() not in self.places:
                continue  # "1200 Snapchat-vrienden": a compound with a lower-case tail, no place
            plausible_name = first[0].isupper() and first.lower() not in _NOT_NAMES and not year_like
            if is_place or plausible_name:
                yield m.start(), m.end(), "POSTCODE"

    def _place_in_bracket_before(self, before: str) -> bool:
        m = re.search(r"([A-Za-zÀ-ÿ][\w'À-ÿ\-]*(?:\s+[A-Za-zÀ-ÿ][\w'À-ÿ\-]*)?)\s*\($", before)
        if not m:
            return False
        words = m.group(1).lower().split()
        return words[-1] in self.places or " ".join(words) in self.places

    def _place_follows(self, after: str) -> bool:
        words = re.match(r"\s+([A-Za-zÀ-ÿ][\w'À-ÿ\-]*(?:\s+[A-Za-zÀ-ÿ][\w'À-ÿ\-]*){0,2})", after)
        if not words:
            return False
        words = words.group(1).split()
        return any(" ".join(words[:k]).lower() in self.places for k in range(1, len(words) + 1))

    @classmethod
    def _where_a_place_stands(cls, before: str, after: str) -> bool:
        """"bij ons in 9100 kent iedereen hem": after in/bij/uit, then the clause ends."""
        return bool(P.POSTCODE_WHERE_PLACE.search(before[-20:])) and cls._clause_ends(after)

    def _after_place_and_comma(self, before: str, after: str) -> bool:
        """"ik woon in Rotterdam-Zuid, 3074.": a place, a comma, the digits, the clause ends.
        The place is listed (also its first part: "Rotterdam-Zuid") or follows in/te/uit."""
        m = P.POSTCODE_AFTER_PLACE.search(before)
        if not m or not self._clause_ends(after):
            return False
        place = m.group("place").lower()
        if place in _NOT_NAMES or place in self.not_names:
            return False
        return bool(m.group("before")) or place in self.places or place.split("-")[0] in self.places

    def _after_living_place(self, before: str, after: str) -> bool:
        m = P.POSTCODE_AFTER_LIVING_PLACE.search(before)
        if not m or not self._clause_ends(after):
            return False
        place = m.group("place").lower()
        return place in self.places or place.split("-")[0] in self.places

    @staticmethod
    def _clause_ends(after: str) -> bool:
        nxt = re.match(r"\s*(\w+)", after)
        return not after.strip() or after.lstrip()[0] in ".,!?;:)" or (
            nxt is not None and nxt.group(1).lower() in P.CLAUSE_AFTER_PLACE)
