"""How far a name reaches: the initials and particles before it, a surname after a first name
("Jonas Peeters", "Lisa de Vries", "Wilma Schouten-de Jong") and a given name before a surname
("Ik ben Diana Kromodimedjo", "Nguyen Thi Lan, ik woon ...").

A mixin for ``Scrubber`` (through ``NameRules``), which owns the lists (``first_names``,
``surnames``, ``places``, ``not_names``), the Dutch ``vocabulary`` and ``_free``.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from .name_words import _CHAT_WORDS, _DETERMINERS, _GREETINGS, _INITIALS, _KIN, _NAME_VERBS, _NOT_NAMES, \
    _PARTICLES, _SCHOOL_KEYWORDS, _TITLES

if TYPE_CHECKING:
    from .scrubber import Span

# An elided particle glued to a surname: "D'Hondt", "O'Brien", "d'Haese", and Flemish "D'hondt",
# "D'haese" with the capital on the particle only.
_ELIDED_SURNAME = re.compile(r"[DdOo]['’][A-Z][a-zà-ÿ]+|[DO]['’][a-zà-ÿ]{3,}")
# A married name with the particle after the hyphen: "Schouten-de Jong", "Bakker-van Dijk".
_PARTICLE_HYPHEN = re.compile(r"[^\W\d_]{2,}-(?:van|de|der|den|ter|ten|te)$")


class NameExtent:
    """The extent of a name; see the module docstring."""

    @staticmethod
    def _initials_before(text: str, start: int) -> int:
        """Start a name at the initials before it: "J. Pauwels", "A.M. De Wolf"."""
        m = _INITIALS.search(text, 0, start)
        return m.start() if m else start

    def _particles_before(self, doc: Doc, i: int, found: list[Span]) -> int:
        """Start a surname at its capitalized particles: "Van den Broeck-Peeters"."""
        j = i
        while j > 0 and i - j < 3 and doc[j - 1].lower_ in _PARTICLES \
                and self._free(found, doc[j - 1].idx, doc[j - 1].idx + len(doc[j - 1].text)):
            j -= 1
        while j < i and not doc[j].text[0].isupper():
            j += 1
        return j

    def _extend_surname(self, doc: Doc, end: int, surname_phrases: dict[int, int],
                        capitals_inform: bool = True) -> int:
        """Take a surname after a first name: 'Jonas Peeters', 'Lisa de Vries', 'Van den Broeck';
        inside a sentence also a capitalized word that is a rare word too ('Kevin Pinas')."""
        n = len(doc)
        while end < n:
            if end in surname_phrases:
                end = surname_phrases[end]
                continue
            if doc[end].text == "A" and end + 1 < n and self._title(doc[end + 1]) \
                    and doc[end + 1].lower_ not in self.vocabulary and doc[end + 1].lower_ not in self.places:
                end += 2  # "Sharon Tjon A Fong": the "A" of a Surinamese-Chinese surname
                continue
            j = end
            while j < n and doc[j].lower_ in _PARTICLES and j - end < 3:
                j += 1
            if j < n and j > end and (self._title(doc[j]) or doc[j].lower_ in self.surnames) \
                    and self._wordlike(doc[j]) and doc[j].lower_ not in _NOT_NAMES:
                end = j + 1
                continue
            tok = doc[end]
            if _PARTICLE_HYPHEN.search(doc[end - 1].text) and self._title(tok) and tok.is_alpha:
                end += 1  # "Wilma Schouten-de Jong": a married name, the particle after the hyphen
                continue
            if _ELIDED_SURNAME.fullmatch(tok.text):
                end += 1  # "Luc D'Hondt", "Sean O'Brien": an elided particle glued to the surname
                continue
            if not self._wordlike(tok) or tok.lower_ in _NOT_NAMES or tok.lower_ in self.places:
                break
            if "-" in tok.text and self._title(tok) and self._hyphenated_name(tok, "kin", False, True):
                end += 1  # "Lisa Peeters-Janssens"
                continue
            if self._title(tok) and (tok.lower_ in self.surnames or tok.lower_ not in self.vocabulary
                                    or tok.lower_ in self.first_names):
                end += 1
                continue
            if tok.is_lower and tok.lower_ in self.surnames and (
                    tok.lower_ not in self.vocabulary or end >= 2 and doc[end - 2].lower_ in ("heet", "kheet")):
                end += 1  # "hij heet daan bakker": a surname that is a word too, after "heet" + a name
                continue
            if capitals_inform and self._title(tok) and self._title(doc[end - 1]) \
                    and self._surname_shaped(tok):
                end += 1
                continue
            break
        return end

    def _surname_shaped(self, tok) -> bool:
        """A capitalized word after a capitalized name that is no function word, place, month,
        brand or person word: 'Kevin Pinas', 'Jolanda Pinas' ('pinas' is also a boat)."""
        low = tok.lower_
        return (len(low) >= 3 and tok.is_alpha and not tok.is_stop and low not in self.places
                and low not in self.not_names and low not in _KIN and low not in _SCHOOL_KEYWORDS
                and low not in _CHAT_WORDS and low not in _GREETINGS)

    def _given_names_before(self, doc: Doc, i: int, end: int, found: list[Span], capitals_inform: bool) -> int:
        """Where a name found at i..end starts with the given names before it (up to two)."""
        first = i
        while i - first < 2 and self._given_name_before(doc, first, end, found, capitals_inform):
            first -= 1
        return first

    def _given_name_before(self, doc: Doc, i: int, end: int, found: list[Span], capitals_inform: bool) -> bool:
        """A capitalized word right before a name found by its shape or list: inside a sentence
        ('Ik ben Diana Kromodimedjo': 'diana' is in the lemma tables), or, when it is no word,
        opening the message before a comma or "hier" ('Nguyen Thi Lan, ik woon ...') or a sentence before
        what a person does ('Baptiste Lefèvre is de man van mijn zus')."""
        if i < 1 or not capitals_inform or not self._title(doc[i]) or not self._title(doc[i - 1]):
            return False
        prev = doc[i - 1]
        if not self._free(found, prev.idx, prev.idx + len(prev.text)):
            return False
        unknown = prev.is_alpha and prev.lower_ not in self.vocabulary and prev.lower_ not in self.places \
            and prev.lower_ not in self.not_names and prev.lower_ not in _NOT_NAMES
        if unknown and end < len(doc) and (
                self._opens_message(doc, i - 1) and (doc[end].text == "," or doc[end].lower_ == "hier")
                or self._sentence_start(doc, i - 1) and self._person_follows(doc, end - 1, _NAME_VERBS)):
            return True  # "Priya Ramaswamy, ik ben 28", "Baptiste Lefèvre is de man van ..."
        return (i >= 2 and not self._sentence_start(doc, i - 1) and prev.lower_.rstrip(".") not in _TITLES
                and prev.lower_ not in _DETERMINERS and prev.lower_ not in _PARTICLES
                and self._surname_shaped(prev))
