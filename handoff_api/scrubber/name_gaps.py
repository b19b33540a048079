"""Name positions that the blind scores of the fourteenth and fifteenth independent sets showed: a
word used as a name after "mijn" and a kin word ("mijn zusje Bloem"), a surname after initials
and particles ("mr. R. van Leeuwen"), a verb that only looks like a name, before its subject ("de
vader ken ik niet"), a name with "mijn" and a kin word after it ("Dries mijn vriend heeft ...")
and a name with a possessive "'s" ("Eva's vader"); after set 17's: a month as a given name after
a kin word ("mijn dochter Mei Ling"), a person pointed at ("die jongen dylano uit 3B"), a
possessive after a lower-case name ("amber haar linktree"), and what is no name there (a stone
after a jewel, a favourite thing).

A mixin for ``Scrubber`` (through ``NameRules``), which owns ``places``, ``not_names``,
``first_names``, ``is_word`` and the other name helpers."""
from __future__ import annotations

import re

from spacy.lang.nl.stop_words import STOP_WORDS
from spacy.tokens import Doc

from .name_words import (
    _INITIALS,
    _KIN,
    _MONTH_NAMES,
    _NATIONALITIES,
    _NOT_NAMES,
    _PARTICLES,
    _PRODUCT_BRANDS,
    _STRETCHED,
    _TITLES,
)

# A name with a possessive glued to it: "Eva's vader", "Thijs' moeder" ("Eva’s" is two tokens).
_POSSESSIVE = re.compile(r"(?P<stem>[A-ZÀ-Ý][a-zà-ÿ]+)(?:['’]s|(?<=s)['’])")
_POSSESSIVE_TAIL = frozenset(["'s", "’s", "'", "’"])
# What a possessive name owns that makes a word a person's name even when it is a word too.
_FAMILY = frozenset("ouders familie kinderen kind zoon dochter baby".split())
# "mijn", not "de": "de vader Bloem" is no way to name a person in a chat.
_OWNERS = frozenset("mijn mn m'n zijn z'n haar onze ons hun jouw je ma mon".split())  # "ma fille Grâce"
# Subject pronouns after a verb that opens an inverted clause: "de vader ken ik niet".
_SUBJECTS = frozenset("ik k je jij hij zij ze we wij u jullie".split())
_ADVERBS_AFTER_SUBJECT = frozenset(
    "niet nie ni nooit wel ook amper nauwelijks zelden goed graag al nog echt heel eigenlijk bijna "
    "helemaal totaal persoonlijk zo niet".split())


_POINTING = frozenset("die deze dat dit ene".split())
_PERSON_NOUNS = frozenset("jongen meisje man vrouw gast vent griet meid kerel jongetje meisje".split())
_AFTER_POINTED = frozenset("uit van zegt zei heeft had is was stuurt stuurde die doet deed wil".split())
# "een ketting van jade", "een ring van amber": a stone or material after a thing of jewellery.
_JEWELLERY = frozenset(
    """ketting kettinkje ring ringetje armband armbandje oorbel oorbellen hanger hangertje broche
    beeldje steen steentje sieraad sieraden horloge kralen kraal""".split())
# "Amber is mijn lievelingskleur": what a favourite is that no person is.
_FAVOURITE_THING = re.compile(
    r"(?:lievelings|favoriete)[\s-]?(?:kleur|eten|dier|bloem|steen|edelsteen|film|serie|boek|nummer|"
    r"lied|liedje|vak|plek|drank|snoep|getal|naam|sport|spel|game|seizoen|dag|maand|geur|parfum|smaak)"
)
# Titles a person is called by; after them a capitalized word is a name ("juf Annemiek").
_PERSON_TITLES = frozenset("juf juffrouw meester meneer mevrouw mevr mvr mw dhr mr".split())
# "juf Frans", "meester Wiskunde": the subject a teacher teaches, no name.
_SCHOOL_SUBJECTS = frozenset(
    """frans engels nederlands duits spaans latijn grieks wiskunde wisk geschiedenis biologie bio
    aardrijkskunde aardrijks fysica chemie scheikunde natuurkunde economie muziek tekenen lo gym
    turnen zwemmen godsdienst zedenleer informatica techniek plastische drama""".split())
# "amber haar linktree is ...": a possessive after a lower-case name at the start, then a noun.
_POSSESSIVE_AFTER = frozenset("haar zijn z'n zn d'r der".split())


class NameGaps:
    """Name positions the blind scores showed; see the module docstring."""

    @staticmethod
    def _pointed_at_person(doc: Doc, i: int) -> bool:
        """"die jongen dylano uit 3B zegt ...": a person pointed at, then a lower-case word that
        the caller found no word, then what follows a person."""
        return (doc[i - 2].lower_ in _POINTING and doc[i - 1].lower_ in _PERSON_NOUNS
                and i + 1 < len(doc) and doc[i + 1].lower_ in _AFTER_POINTED)

    @staticmethod
    def _material_after_van(doc: Doc, i: int) -> bool:
        return i > 1 and doc[i - 1].lower_ == "van" and doc[i - 2].lower_ in _JEWELLERY

    @staticmethod
    def _favourite_thing(doc: Doc, k: int) -> bool:
        return k < len(doc) and bool(_FAVOURITE_THING.match(doc.text, doc[k].idx))

    @staticmethod
    def _possessive_follows(doc: Doc, i: int) -> bool:
        """"amber haar linktree": "haar"/"zijn" after a lower-case name opening the sentence,
        then a noun (not "roos haar is mooi", nor a function word after it)."""
        if i + 2 >= len(doc) or doc[i + 1].lower_ not in _POSSESSIVE_AFTER:
            return False
        noun = doc[i + 2]
        return noun.is_alpha and noun.is_lower and noun.lower_ not in STOP_WORDS and len(noun.text) >= 3

    def _word_named_by_kin(self, doc: Doc, i: int) -> bool:
        """A capitalized Dutch word right after "mijn" and a kin word, inside a sentence: "en
        mijn zusje Bloem", "mijn broertje Storm" (mid-sentence only a name is written so). Not a
        place, a nationality, a brand or another kin word ("mijn vader Marokkaan")."""
        if i < 2 or doc[i - 1].lower_ not in _KIN or doc[i - 2].lower_ not in _OWNERS:
            return False
        tok, low = doc[i], doc[i].lower_
        if low in _MONTH_NAMES:  # "mijn dochter Mei Ling": a month is a name before a second name
            return (tok.is_title and i + 1 < len(doc) and doc[i + 1].is_title and doc[i + 1].is_alpha
                    and not self.is_word(doc[i + 1].lower_) and doc[i + 1].lower_ not in self.places)
        return (tok.is_alpha and len(low) >= 3 and low not in self.places and low not in self.not_names
                and low not in _KIN and low not in _TITLES and low not in _NOT_NAMES
                and low not in _NATIONALITIES and low not in _PRODUCT_BRANDS
                and not self._nationality_form(low) and not _STRETCHED.search(low))

    def _word_after_person_title(self, doc: Doc, i: int) -> bool:
        """A capitalized Dutch word right after a person's title inside a sentence: "mevrouw
        Bouwman", "bij juf Annemiek" (the word tables hold both). Not a school subject or a
        language ("juf Frans", "meester Wiskunde"), a place, a brand or another title."""
        if i < 1 or doc[i - 1].lower_.rstrip(".") not in _PERSON_TITLES or self._sentence_start(doc, i - 1) \
                and doc[i - 1].is_title and doc[i - 1].lower_ in ("meester", "dokter"):
            return False
        tok, low = doc[i], doc[i].lower_
        return (tok.is_title and tok.is_alpha and len(low) >= 3 and low not in _SCHOOL_SUBJECTS
                and low not in self.places and low not in self.not_names and low not in _NOT_NAMES
                and low not in _KIN and low not in _TITLES and low not in _NATIONALITIES
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

    @staticmethod
    def _kin_apposition(doc: Doc, i: int) -> bool:
        """"mijn" and a kin word right after the word, a comma between or not: "Dries mijn vriend
        heeft mijn snap overgenomen", "Yara, mijn zus, weet het": the word names that person."""
        k = i + 1
        if k < len(doc) and doc[k].text == ",":
            k += 1
        return k + 1 < len(doc) and doc[k].lower_ in _OWNERS and doc[k + 1].lower_ in _KIN

    def _possessive_names(self, doc: Doc):
        """"Eva's vader heeft haar buiten gezet", "bij Lotte's huis": a listed first name with a
        possessive before a word; a name that is a word too ("Roos' moeder") or no word at all only
        before a kin word. Not a place, a brand ("McDonald's") or a word in lower case."""
        for tok in doc:
            m = _POSSESSIVE.fullmatch(tok.text)
            k = tok.i + 1
            if m is None:
                split = k < len(doc) and not tok.whitespace_ and doc[k].text in _POSSESSIVE_TAIL \
                    and (doc[k].text.endswith("s") or tok.text.endswith("s")) and tok.is_alpha and tok.is_title
                if not split:
                    continue
                k += 1  # "Eva ’s vader": the tokenizer split the possessive off
            stem = m.group("stem") if m else tok.text
            low = stem.lower()
            if k >= len(doc) or not doc[k].is_alpha or low in self.places or low in self.not_names \
                    or low in _NOT_NAMES or low in _KIN or low in _TITLES or len(low) < 2:
                continue
            listed = low in self.first_names
            owned = doc[k].lower_
            if listed and low not in self.ambiguous_names \
                    or (listed or not self.is_word(low)) and (owned in _KIN or owned in _FAMILY):
                yield tok.idx, tok.idx + len(stem), "NAAM"

    def _inverted_verb(self, doc: Doc, i: int) -> bool:
        """A lower-case word before a subject pronoun and an adverb or the clause's end: "de vader
        ken ik niet", "mijn broer zie ik nooit" (the verb of an inverted clause). "mijn vriend
        jonas hij slaat me" has a verb after the pronoun: a name."""
        tok = doc[i]
        if not tok.is_lower or i + 1 >= len(doc) or doc[i + 1].lower_ not in _SUBJECTS:
            return False
        after = doc[i + 2] if i + 2 < len(doc) else None
        return after is None or not after.is_alpha or after.lower_ in _ADVERBS_AFTER_SUBJECT
