"""Dutch (Netherlands) school names that the first score of the seventeenth independent set
showed: a school kind before its name ("de Mavo Centraal", "de Vrije School Zeist"), a name
with particles before a school word ("de Johan de Witt Scholengroep", "het Stanislas College")
and a name after "het" in a message about school ("docent op het Wolfert van Borselen",
"een leerling van het Noordik in Almelo").

A mixin for ``Scrubber`` (through ``SchoolRules``), which owns ``places``, ``not_names``,
``first_names``, ``surnames``, ``is_word`` and ``_free``; on the raw text (character offsets).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.lang.nl.stop_words import STOP_WORDS
from spacy.tokens import Doc

from .name_words import _NOT_NAMES

if TYPE_CHECKING:
    from .scrubber import Span

_NAME_WORD = r"[A-ZÀ-Ý][\w'À-ÿ\-]+"
_PARTICLE = r"(?:van|de|der|den|ter|ten|'t|von)"
# "de Mavo Centraal", "op de Vrije School Zeist", "het Havo Noord": a kind of school, then its name.
_KIND_BEFORE_NAME = re.compile(
    rf"(?<![\w\-])(?P<school>(?:Vrije\s+School|Mavo|Havo|Vwo|Vmbo|Praktijkschool|Islamitische\s+School|"
    rf"Christelijke\s+School|Openbare\s+School)\s+(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD})?))"
)
# "de Johan de Witt Scholengroep", "het Hendrik Pierson College": a name with particles before a
# capitalized school word.
_NAME_BEFORE_KIND = re.compile(
    rf"(?<![\w\-])(?P<school>{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+){{0,2}}{_NAME_WORD}){{0,3}}\s+"
    rf"(?:Scholengroep|Scholengemeenschap|Onderwijsgroep|College|Lyceum|Gymnasium))(?![\w\-])"
)
# "op het Wolfert van Borselen", "van het Noordik in Almelo": a name after "het" where a school
# is talked about; the caller asks that its first word is no Dutch word, place or listed non-name.
_NAME_AFTER_HET = re.compile(
    rf"(?i:\b(?:op|van|naar|bij|aan)\s+het\s+)"
    # a name, not an abbreviation in capitals ("naar het BSO")
    rf"(?P<school>[A-ZÀ-Ý][a-zà-ÿ'][\w'À-ÿ\-]*(?:\s+{_PARTICLE}(?:\s+{_PARTICLE})?\s+{_NAME_WORD})?)(?![\w\-])"
)
# "ze zit op de Haagse Beek ofzo, in groep 6": a lower-case article and one or two capitalized
# words after "zit op", then a grade within the clause; the grade makes it a school even when the
# words are Dutch words ("Haagse", "Beek"); the caller skips a place or listed non-name.
_NAME_BEFORE_GRADE = re.compile(
    rf"(?i:\b(?:zit|zat|zitten|zaten|ga|gaat|gaan|ging)\s+op\s+(?:de|het)\s+)"
    rf"(?P<school>{_NAME_WORD}(?:\s+{_NAME_WORD})?)"
    r"(?=(?:\s+[a-zà-ÿ]+){0,2}\s*,?\s+(?i:in|van)\s+(?i:groep|klas|het)\s+(?:\d|\w+de\b|\w+ste\b))"
)
# After a name after "het", one capitalized word that is a listed place or no Dutch word is the
# school's town: "het Noordik Vroomshoop", "het Greijdanus Zwolle".
_TOWN_AFTER = re.compile(rf"\s+(?P<town>{_NAME_WORD})(?![\w\-])")
_PUBLIC_BUILDING = re.compile(
    r"(?:park|bos|museum|station|plein|ziekenhuis|theater|stadion|strand|huis|centrum|gebouw|paleis|"
    r"zwembad|hof|kerk|veld|meer)$")
_STREET_ENDING = re.compile(r"(?:markt|straat|laan|weg|dijk|kade|gracht|singel|lei|dreef)$")
_SCHOOL_PEOPLE = re.compile(
    r"(?i)\b(?:leerling\w*|docent\w*|leraar|lerares|mentor\w*|conciërge|leerplicht\w*|"
    r"rector|klas|klasgeno\w*|school\w*|havo|vwo|vmbo|mavo|brugklas\w*)\b"
)


class SchoolForms:
    """Netherlands school forms; see the module docstring."""

    def _schools_dutch_forms(self, doc: Doc, found: list[Span]):
        text = doc.text
        for m in _KIND_BEFORE_NAME.finditer(text):
            if m.group("name").split()[0].lower() not in _NOT_NAMES | STOP_WORDS:
                yield m.start("school"), m.end("school"), "SCHOOL"
        for m in _NAME_BEFORE_KIND.finditer(text):
            start = self._name_start(text, m)
            if start is not None:
                yield start, m.end("school"), "SCHOOL"
        for m in _NAME_BEFORE_GRADE.finditer(text):
            words = [w.lower() for w in m.group("school").split()]
            if not any(w in self.places or w in self.not_names or w in _NOT_NAMES for w in words) \
                    and not _PUBLIC_BUILDING.search(words[-1]) and not _STREET_ENDING.search(words[-1]):
                yield m.start("school"), m.end("school"), "SCHOOL"
        if not _SCHOOL_PEOPLE.search(text):
            return
        for m in _NAME_AFTER_HET.finditer(text):
            first = m.group("school").split()[0].lower()
            if self.is_word(first) or first in self.places or first in self.not_names or first in STOP_WORDS \
                    or _PUBLIC_BUILDING.search(first):
                continue  # "naar het Vondelpark", "in het Rijksmuseum": a park or a building
            yield m.start("school"), self._town_end(text, m.end("school")), "SCHOOL"

    def _town_end(self, text: str, end: int) -> int:
        """The end of the school's town right after its name, or ``end`` when none follows."""
        town = _TOWN_AFTER.match(text, end)
        if town is None:
            return end
        low = town.group("town").lower()
        if low in self.places or not (self.is_word(low) or low in self.first_names or low in self.not_names
                                      or low in STOP_WORDS or low in _NOT_NAMES):
            return town.end("town")
        return end

    def _name_start(self, text: str, m: re.Match) -> int | None:
        """The first word of the name before a school word: a function word, place or listed
        non-name there is left out ("Het Hendrik Pierson College", "in Zeist College")."""
        words = list(re.finditer(r"\S+", m.group("school")))[:-1]
        for w in words:
            low = w.group(0).lower()
            if low in STOP_WORDS or low in _NOT_NAMES or low in self.places or low in self.not_names:
                continue
            if re.fullmatch(_PARTICLE, low):
                return None  # the name may not open with a particle
            start = m.start("school") + w.start()
            before = text[:start].rstrip()
            if (not before or before[-1] in ".!?\n") and self.is_word(low) and low not in self.first_names:
                return None  # "Gisteren College gehad": a word opening the sentence
            return start
        return None
