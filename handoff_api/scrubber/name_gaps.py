"""Name positions that the blind score of the fourteenth independent set showed: a word used as a
name after "mijn" and a kin word ("mijn zusje Bloem"), a surname after initials and particles
("mr. R. van Leeuwen"), and a verb that only looks like a name, before its subject ("de vader ken
ik niet").

A mixin for ``Scrubber`` (through ``NameRules``), which owns ``places``, ``not_names``,
``first_names``, ``is_word`` and the other name helpers."""
from __future__ import annotations

from spacy.tokens import Doc

from .name_words import (
    _INITIALS,
    _KIN,
    _NATIONALITIES,
    _NOT_NAMES,
    _PARTICLES,
    _PRODUCT_BRANDS,
    _STRETCHED,
    _TITLES,
)

# "mijn", not "de": "de vader Bloem" is no way to name a person in a chat.
_OWNERS = frozenset("mijn mn m'n zijn z'n haar onze ons hun jouw je".split())
# Subject pronouns after a verb that opens an inverted clause: "de vader ken ik niet".
_SUBJECTS = frozenset("ik k je jij hij zij ze we wij u jullie".split())
_ADVERBS_AFTER_SUBJECT = frozenset(
    "niet nie ni nooit wel ook amper nauwelijks zelden goed graag al nog echt heel eigenlijk bijna "
    "helemaal totaal persoonlijk zo niet".split())


class NameGaps:
    """Three name positions; see the module docstring."""

    def _word_named_by_kin(self, doc: Doc, i: int) -> bool:
        """A capitalized Dutch word right after "mijn" and a kin word, inside a sentence: "en
        mijn zusje Bloem", "mijn broertje Storm" (mid-sentence only a name is written so). Not a
        place, a nationality, a brand or another kin word ("mijn vader Marokkaan")."""
        if i < 2 or doc[i - 1].lower_ not in _KIN or doc[i - 2].lower_ not in _OWNERS:
            return False
        tok, low = doc[i], doc[i].lower_
        return (tok.is_alpha and len(low) >= 3 and low not in self.places and low not in self.not_names
                and low not in _KIN and low not in _TITLES and low not in _NOT_NAMES
                and low not in _NATIONALITIES and low not in _PRODUCT_BRANDS
                and not self._nationality_form(low) and not _STRETCHED.search(low))

    def _initialled_surname(self, doc: Doc, i: int) -> int:
        """The end of a surname after initials and particles: "R. van Leeuwen", "mr. J. de
        Vries" (a surname that is a Dutch word too); ``i`` when there is none."""
        if doc[i].lower_ not in _PARTICLES or not _INITIALS.search(doc.text, 0, doc[i].idx):
            return i
        j = i
        while j < len(doc) and doc[j].lower_ in _PARTICLES and j - i < 3:
            j += 1
        if j < len(doc) and doc[j].is_title and doc[j].is_alpha and doc[j].lower_ not in self.places \
                and doc[j].lower_ not in self.not_names and doc[j].lower_ not in _NOT_NAMES:
            return j + 1
        return i

    def _inverted_verb(self, doc: Doc, i: int) -> bool:
        """A lower-case word before a subject pronoun and an adverb or the clause's end: "de vader
        ken ik niet", "mijn broer zie ik nooit" (the verb of an inverted clause). "mijn vriend
        jonas hij slaat me" has a verb after the pronoun: a name."""
        tok = doc[i]
        if not tok.is_lower or i + 1 >= len(doc) or doc[i + 1].lower_ not in _SUBJECTS:
            return False
        after = doc[i + 2] if i + 2 < len(doc) else None
        return after is None or not after.is_alpha or after.lower_ in _ADVERBS_AFTER_SUBJECT
