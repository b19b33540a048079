"""Where a name stands: the position rules of the name detector (names.py).

A mixin for ``Scrubber`` (through ``NameRules``), which owns the lists (``first_names``,
``surnames``) and ``is_word``. The context before a word ("ik heet", "mijn zus", "ik ben",
"ze noemen me"), the words after it ("Roos zegt", "Jade uit mijn klas", "Bo is 9"), a name
that signs a message ("... op mijn naam. Christel"), and the positions where a name-shaped
word is no person ("onze hond Max", "Storm Ciarán", "Iris van mijn oog").
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from .name_organisations import organisation_or_language
from .patterns import DATE_IN_BRACKETS, STREET_ONLY, STREET_ONLY_WEAK
from .username_patterns import GAME_THINGS

from .name_words import (
    _ABSTRACT_NAMES,
    _AFTER_PERSON,
    _AGE_FOLLOWERS,
    _BEFORE_PERSON,
    _BODY_AND_LIFE,
    _CALL_ADVERBS,
    _CALL_OBJECTS,
    _CALL_VERBS,
    _CHAT_WORDS,
    _FUNCTION_WORD_NAMES,
    _GREETINGS,
    _HEET_ADVERBS,
    _HEET_SUBJECTS,
    _VOLGENS_OBJECTS,
    _KIN,
    _NAME_IS_MINE,
    _NAME_LABEL,
    _NAME_VERBS,
    _NATIONALITIES,
    _PERSON_VERBS,
    _PETS,
    _POSSESSIVES,
    _PRODUCT_BRANDS,
    _CAR_BRANDS,
    _DEMONYM_NAMES,
    _PROFILE_AFTER,
    _ROLE_LABEL,
    _SIGNED_NAME,
    _SENT_PUNCT,
    _STORM_WORDS,
    _STRETCHED,
    _STRONG_CONTEXT,
    _TITLES,
)

if TYPE_CHECKING:
    from .scrubber import Span

# A class after "van"/"uit": "3B", "2a", "6de", "1ste" ("mo van 3B zegt ...").
_CLASS = re.compile(r"^\d(?:[A-Za-z]{1,2}|de|ste|e)$")

_DATE_IN_BRACKETS_AFTER = re.compile(r"[ \t]*(?=" + DATE_IN_BRACKETS.pattern.replace("(?P<name>", "(?:")
                                     .replace("(?P<date>", "(?:") + ")")
# What a writer is, capitalized after "ik ben" all the same: no name.
_BELONGINGS = frozenset(
    """moslim moslima christen jood katholiek protestant atheïst atheist hindoe boeddhist homo gay
    lesbienne lesbisch trans bi queer hetero transgender vluchteling asielzoeker nieuwkomer
    mama papa moeder vader oma opa leerkracht juf meester student leerling dokter
    bang moe boos kwaad verdrietig blij alleen zwanger ziek eenzaam klaar kapot bezorgd bezig
    wanhopig ongerust depressief gestrest zenuwachtig veilig thuis hier weg""".split()
)
# Pronouns before "is mijn naam" ("Dat is mijn naam"); any other capitalized word is the name.
_NOT_A_NAME_IS_MINE = frozenset("dat dit het die wat welke hoe niks niets iets alles zo".split())
# Nationality adjectives: "Marokkaans", "Turks", "Pools", "Nederlands", "Belgisch", "Congolees".
_NATIONALITY_ENDINGS = ("sch", "aans", "ees", "ts", "ks", "ls", "ns", "ms", "nds", "eds")
_LIVING = frozenset("woon woont wonen woonde woonden verhuisd verhuizen logeer logeert opgegroeid".split())
_FRENCH_STREET_WORDS = frozenset("rue avenue chaussée boulevard place quai allée impasse drève".split())
_STREET_ENDING = re.compile(rf"^(?:{STREET_ONLY.pattern}|{STREET_ONLY_WEAK.pattern})$")


# More verbs a person does, first in a sentence after an ambiguous name that is no Dutch word
# ("bo doet altijd zo lief"); a word ("hoop doet leven") keeps the narrow list.
_MORE_PERSON_VERBS = frozenset(
    """doet deed heeft had wil wou wilde gaat ging komt kwam kan kon moet moest mag zit zat woont
    speelt liegt lacht huilt schreeuwt roept duwt trekt kijkt keek noemt noemde""".split())


class NamePositions:
    """Position rules of the name detector; see the module docstring."""

    def _sentence_start(self, doc: Doc, i: int) -> bool:
        if i > 1 and doc[i - 1].text == "." and doc[i - 2].lower_ in _TITLES \
                or i > 0 and doc[i - 1].text.endswith(".") and doc[i - 1].lower_[:-1] in _TITLES:
            return False  # "Mw. Hendriks", "Dhr. Peeters": the dot of a title ends no sentence
        if i == 0 or doc[i].is_sent_start:
            return True
        prev = doc[i - 1].text
        return prev in _SENT_PUNCT or prev.isspace() or not any(c.isalnum() for c in prev) and prev != ","

    @staticmethod
    def _title(tok) -> bool:
        t = tok.text
        return len(t) > 1 and t[0].isupper() and not t.isupper()

    def _context(self, doc: Doc, i: int) -> str | None:
        """'strong' after 'heet'/'mijn naam is', 'kin' after a kinship or title word,
        'ben' after 'ik ben', else None."""
        prev = [t.lower_.rstrip(".") if t.lower_.rstrip(".") in _TITLES else t.lower_
                for t in doc[max(0, i - 6):i]]  # "Dhr." is one token
        while len(prev) > 2 and prev[-1] in _HEET_ADVERBS and prev[-2] in _HEET_ADVERBS | {"heet", "heten"}:
            prev.pop()  # "hij heet daar ook Kurt": the context reaches over the adverbs
        if len(prev) > 3 and prev[-1] in _VOLGENS_OBJECTS and prev[-2] == "volgens" and prev[-3] in ("heet", "heten"):
            del prev[-2:]  # "het meisje heet volgens mij Rahaf"
        if len(prev) > 1 and prev[-2] == "volgens" and prev[-1] in _VOLGENS_OBJECTS:
            return None  # the pronoun after "volgens" is no name
        if len(prev) >= 2 and prev[-1] == "." and prev[-2] in _TITLES:
            prev.pop()  # "Ik ben Mw. Hendriks": the dot of a title
        while len(prev) > 2 and prev[-1] in _CALL_ADVERBS and prev[-2] in _CALL_OBJECTS | _CALL_ADVERBS:
            prev.pop()  # "ik noem hem gewoon de Vos": the context reaches over the adverbs
        prev = prev[-3:]
        if len(prev) >= 2 and prev[-1] in _CALL_OBJECTS and _CALL_VERBS & set(prev[-3:-1]):
            return "call"  # "ze noemen me ...", "op school noemen ze me ..."
        if len(prev) == 3 and prev[0] in _CALL_VERBS and prev[-1] in _KIN:
            return "call"  # "mama noemt mijn stiefvader Pietje"
        if prev and prev[-1] in ("wordt", "werd", "worden", "werden") and i + 1 < len(doc) \
                and doc[i + 1].lower_ == "genoemd":
            return "call"  # "hij wordt Pipo genoemd"
        if prev and prev[-1] in ("heet", "heten") and len(prev) >= 2 and (
                prev[-2] in _HEET_SUBJECTS or prev[-2] in _KIN or prev[-2] in self.first_names
                or self._title(doc[i]) and doc[i].lower_ not in self.vocabulary
                and not self._sentence_start(doc, i)) \
                and not (len(prev) == 3 and prev[0] in ("die", "dat", "wie") and prev[-2] not in _HEET_SUBJECTS):
            return "strong"  # not the verb after "een meisje dat Lisa heet": the name came before
        if prev and prev[-1] == "kheet":
            return "strong"  # "kheet lien": Flemish chat glues the "k" of "ik" to the verb
        for pattern in _STRONG_CONTEXT:
            if tuple(prev[-len(pattern):]) == pattern:
                return "strong"
        if prev and prev[-1] in _KIN:
            return "kin"
        if len(prev) >= 2 and prev[-1] == "," and prev[-2] in _KIN:
            return "kin"
        if len(prev) >= 2 and (prev[-1] == "ben" and prev[-2] in ("ik", "k", "ikke")
                               or prev[-1] == "am" and prev[-2] == "i"):
            return "ben"
        if prev and prev[-1] in ("kben", "kbn", "ikben"):
            return "ben"  # "kben kyano", "hallo. kben fleur."
        if len(prev) >= 2 and prev[-2:] == ["zeg", "maar"] and i + 2 < len(doc) \
                and doc[i + 1].lower_ == "tegen" and doc[i + 2].lower_ in _CALL_OBJECTS:
            return "call"  # "zeg maar Bolle tegen mij"
        if self._nickname_after_name(doc, i, prev):
            return "call"  # "ik heet Rose-Marie maar zeg maar Rosie", "ik ben Jasper maar iedereen zegt Jas"
        return None

    @staticmethod
    def _nickname_after_name(doc: Doc, i: int, prev: list[str]) -> bool:
        """"maar zeg maar X" / "maar iedereen zegt X" right after the writer gave a name
        ("ik heet", "ik ben", "mijn naam is" earlier in the sentence), X closing the clause."""
        said = prev[-2:] == ["zeg", "maar"] or len(prev) >= 2 and prev[-1] in ("zegt", "zeggen", "noemt", "noemen") \
            and prev[-2] in ("iedereen", "ze", "men", "allemaal", "vrienden", "iedereen")
        if not said or i + 1 < len(doc) and doc[i + 1].is_alpha and doc[i + 1].lower_ not in ("tegen", "en"):
            return False
        start = doc[i].sent.start
        before = [t.lower_ for t in doc[start:i]]
        return "maar" in before[-5:] and any(
            w in ("heet", "naam", "kheet") or w == "ben" and k > 0 and before[k - 1] in ("ik", "k")
            for k, w in enumerate(before))

    def _lower_name_position(self, doc: Doc, i: int) -> bool:
        """A lower-case word of the ambiguous list where a person stands: after "met",
        "van", "zegt" ... and before the end of the clause or a word that follows a person
        ("ik was met roos naar de stad"), or first, before a verb a person does ("bo zegt")."""
        n = len(doc)
        nxt = doc[i + 1].lower_ if i + 1 < n else None
        clause_ends = nxt is None or not any(c.isalnum() for c in nxt) or nxt in _AFTER_PERSON
        if i > 0 and doc[i - 1].lower_ in _BEFORE_PERSON and clause_ends and not self._material_after_van(doc, i):
            return True
        verbs = _PERSON_VERBS if self.is_word(doc[i].lower_) else _PERSON_VERBS | _MORE_PERSON_VERBS
        return self._sentence_start(doc, i) and (self._person_follows(doc, i, verbs)
                                                 or self._names_pair_or_origin(doc, i)
                                                 or self._possessive_follows(doc, i))

    def _person_follows(self, doc: Doc, i: int, verbs: frozenset[str]) -> bool:
        """The next word is a verb a person does; "is"/"was" only before "mijn", "de" ...:
        "Roos is mijn zus" but not "Hoop is alles" or "Storm is voorbij"."""
        n = len(doc)
        if i + 1 >= n or doc[i + 1].lower_ not in verbs:
            return False
        if doc[i + 1].lower_ in ("is", "was"):
            if i + 2 < n and doc[i].lower_ in self.first_names and doc[i + 2].text.isdigit() \
                    and int(doc[i + 2].text) < 100:
                # "Bo is 9 en zegt ...": an age; not "Storm is 12 uur bezig"
                return i + 3 >= n or doc[i + 3].lower_ in _AGE_FOLLOWERS or not doc[i + 3].is_alpha
            return i + 2 < n and doc[i + 2].lower_ in _POSSESSIVES | {"een", "niet", "ook", "echt"} \
                and not self._favourite_thing(doc, i + 3)  # not "Amber is mijn lievelingskleur"
        return True

    def _names_pair_or_origin(self, doc: Doc, i: int) -> bool:
        """"Kris en Nadia zijn ...": another listed name after "en", or "en ik" ("Roos en ik zijn
        zussen"; not an abstract name); "Jade uit mijn klas", "mo van 3B": "uit"/"van" before a
        possessive (not "de": "Storm van de eeuw") or a class ("3B", "6de"); "van de/het" + a
        noun before what a person does ("Ali van de snackbar doet raar")."""
        n = len(doc)
        if i + 2 >= n:
            return False
        nxt, after = doc[i + 1].lower_, doc[i + 2]
        if self._kin_apposition(doc, i):
            return doc[i].lower_ not in _ABSTRACT_NAMES  # "Dries mijn vriend heeft ..."
        if nxt == "en":
            if after.lower_ in ("ik", "mij", "ikzelf", "k"):
                return doc[i].lower_ not in _ABSTRACT_NAMES
            return self._title(after) and after.lower_ in self.first_names
        if nxt in ("uit", "van") and _CLASS.match(after.text):
            return doc[i].lower_ not in _ABSTRACT_NAMES
        if i + 3 < n and re.sub(r"^(?:linker|rechter|boven|onder)", "", doc[i + 3].lower_) in _BODY_AND_LIFE:
            return False  # "Iris van mijn (linker)oog is rood", "Hoop van mijn leven"
        if nxt in ("uit", "van") and after.lower_ in ("de", "het", "'t") and doc[i].lower_ not in _ABSTRACT_NAMES \
                and i + 4 < n and doc[i + 3].is_alpha and self._person_follows(doc, i + 3, _NAME_VERBS):
            return True  # "Ali van de snackbar doet raar", "Roos van het jeugdhuis zegt ..."
        return nxt in ("uit", "van") and after.lower_ in _POSSESSIVES - {"de", "je"}

    @staticmethod
    def _verbs_after_start(low: str) -> frozenset[str]:
        """The verbs that make a capitalized listed name at a sentence start a person's:
        a name that is an abstract word ("Hoop doet leven", "Storm komt eraan") needs a verb
        only a person does ("Hoop zegt", "Storm slaat")."""
        return _PERSON_VERBS if low in _ABSTRACT_NAMES else _NAME_VERBS

    @staticmethod
    def _name_after_ik_ben(doc: Doc, i: int) -> bool:
        """"ik ben ben", "ik ben hoop. ja echt mijn naam": a name that is also an everyday word,
        right after "ik ben" and before the end of the clause; not an adjective or
        determiner ("ik ben lief", "ik ben elke dag bang")."""
        low = doc[i].lower_
        if low not in _FUNCTION_WORD_NAMES or low in ("lief", "lieve", "elke"):
            return False
        nxt = doc[i + 1].lower_ if i + 1 < len(doc) else None
        return nxt is None or not any(c.isalnum() for c in nxt) or nxt in ("en", "van", "uit", "hier")

    def _sign_off(self, doc: Doc, i: int) -> bool:
        """"... op mijn naam. Roos", "groetjes,\nKyra": one capitalized word that closes a longer
        message: a listed first name after the end of a sentence, a line break or a greeting;
        a word that is no Dutch word only after a greeting (a word alone at the end is as often
        chat: "Shukran", "Grtz", "Nvm")."""
        tok = doc[i]
        if any(t.is_alpha or t.like_num for t in doc[i + 1:]) or not self._title(tok):
            return False
        k, closed, greeting = i - 1, False, False
        while k >= 0 and (doc[k].is_space or doc[k].text == "," or doc[k].lower_ in _GREETINGS):
            closed = closed or doc[k].text != ","  # a line break or a greeting before the name
            greeting = greeting or doc[k].lower_ in _GREETINGS
            k -= 1
        if k < 1 or not (closed or doc[k].text in _SENT_PUNCT):
            return False
        low = tok.lower_
        if low in _FUNCTION_WORD_NAMES or low in _ABSTRACT_NAMES or low in _GREETINGS or low in self.places:
            return False
        return low in self.first_names or greeting and (
            len(low) >= 3 and not self.is_word(low) and low not in self.places and low not in self.not_names
            and low not in _CHAT_WORDS and not _STRETCHED.search(low))

    @staticmethod
    def _street_name(doc: Doc, i: int, end: int) -> bool:
        """A public street named after a person, without a number: "de Koningin Maria
        Hendrikaplein", "Avenue Louise" (an address where someone lives was found before)."""
        return (i > 0 and doc[i - 1].lower_ in _FRENCH_STREET_WORDS
                or bool(_STREET_ENDING.search(doc[end - 1].text)))

    def _not_a_person(self, doc: Doc, i: int, found: list[Span]) -> bool:
        """A pet's name ("onze hond Max", "mijn hamster heet Storm"), a storm's ("Storm
        Ciarán"), or the place right after a postcode ("3722 AK Bilthoven")."""
        if i > 0 and doc[i - 1].lower_ in _STORM_WORDS or self._pet_name(doc, i) or doc[i].lower_ in _NATIONALITIES:
            return True  # a storm, a pet, a nationality ("he is British")
        low = doc[i].lower_.rstrip(".!?")
        if any(doc[j].lower_.rstrip(".!?") == low and self._pet_name(doc, j) for j in range(i)):
            return True  # "mijn hond ... hij heet Max. ik wil weg met Max en mama": the pet again
        if doc[i].text[:1].isupper() and i >= 2 and doc[i - 1].lower_ in ("in", "te") \
                and doc[i - 2].lower_ in _LIVING and (i + 1 == len(doc) or not doc[i + 1].is_alpha
                                                      or doc[i + 1].lower_ in ("en", "bij", "met", "maar")):
            return True  # "ik woon in Brecht": a town that is a first name too
        if doc[i].text[:1].isupper() and organisation_or_language(
                doc, i, low in self.first_names or low in self.surnames):
            return True  # "WZC Ter Linde", "werkt bij Volvo Cars", "op Pukkelpop", "spreekt Tigrinya"
        if low in _PRODUCT_BRANDS and low not in self.first_names:
            return True  # "ik bel met mijn Nokia": a device
        if i > 0 and doc[i - 1].lower_ in ("een", "ne", "'n") and doc[i].lower_ in _DEMONYM_NAMES:
            return True  # "mijn lief is een Noor": a nationality
        if any(t.lower_ in _PRODUCT_BRANDS and (doc[i].lower_ not in self.first_names or t.lower_ in _CAR_BRANDS)
               and all(self._title(u) for u in doc[k:i])
                for k, t in ((k, doc[k]) for k in range(max(0, i - 2), i))):
            return True  # "een Apple Watch", "een Samsung Galaxy Watch": a product
        if any(t.lower_ in ("woord", "werkwoord", "afkorting") for t in doc[i + 1:i + 5]) \
                and i + 2 < len(doc) and doc[i + 1].lower_ in ("is", "was"):
            return True  # "Bo is een Nederlands woord?": the word itself, no person
        start = doc[i].idx
        return any(s.label == "POSTCODE" and s.end <= start and not doc.text[s.end:start].strip()
                   for s in found)

    @staticmethod
    def _pet_name(doc: Doc, i: int) -> bool:
        """"onze hond Max", "mijn hamster heet Storm", "mijn kat ... die heet Storm", "mijn skin heet
        Peely"."""
        prev = doc[i - 1].lower_ if i > 0 else ""
        if prev in _PETS or prev in GAME_THINGS:
            return True  # also "in roblox heet mijn personage Zoeflap": a thing of a game
        if i > 1 and prev in ("heet", "heette", "noemt", "noemde") and doc[i - 2].lower_ in _PETS | GAME_THINGS:
            return True  # "mn fortnite skin heet Peely"
        return i > 2 and prev in ("heet", "heette") and doc[i - 2].lower_ in ("die", "ze", "hij", "zij", "het") \
            and any(t.lower_ in _PETS for t in doc[max(0, i - 12):i - 2])

    def _named_by_profile(self, doc: Doc, i: int, ctx: str | None) -> bool:
        """A capitalized word after "ik ben" or a kin word with an age or a birth after it, as
        in a profile ("Ik ben Lotus, geboren ...", "ik ben El , 13 ,", "mijn buurman Frans (78)"),
        even when it is a word; not a place, a listed non-name or a kin word. A listed first
        name anywhere before a full date in brackets ("Jade (03/09/2011) ...")."""
        tok = doc[i]
        low = tok.lower_
        if tok.is_title and low in self.first_names and low not in self.places \
                and _DATE_IN_BRACKETS_AFTER.match(doc.text, tok.idx + len(tok.text)):
            return True  # "Jade (3 sept. 2011) is mijn dochter": a listed name before a birth date
        return (ctx in ("ben", "kin") and tok.is_title and tok.is_alpha and len(low) >= 2
                and low not in self.places and low not in self.not_names and low not in _KIN
                and bool(_PROFILE_AFTER.match(doc.text, tok.idx + len(tok.text))))

    def _capitalized_after_ik_ben(self, doc: Doc, i: int) -> bool:
        """A capitalized word right after "ik ben", in text where capitals inform, before the end
        of the clause ("ik ben Rama, mijn man ...", "ik ben Lama en ik ben 12"), even when it is a
        Dutch word too: mid-sentence only a name is written so. Not a nationality or a
        belonging ("ik ben Marokkaans", "ik ben Belg", "ik ben Moslim"), a place or a kin word."""
        tok = doc[i]
        low = tok.lower_
        if not (tok.is_title and tok.is_alpha and len(low) >= 2) or low in self.places \
                or low in self.not_names or low in _KIN or low in _TITLES or low in _NATIONALITIES \
                or low in _BELONGINGS or self._nationality_form(low):
            return False
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        return nxt is None or nxt.text in (",", ".", "!", "?", "(", ":", ";") or nxt.is_space \
            or nxt.lower_ in ("en", "uit", "van", "hier", "trouwens", "btw")

    def _nationality_form(self, low: str) -> bool:
        """"marokkaans", "nederlands" and their forms with -e ("Nederlandse", "Belgische")."""
        stem = low[:-1] if low.endswith(("se", "sche")) else low
        return len(stem) >= 5 and stem.endswith(_NATIONALITY_ENDINGS) and low not in self.first_names

    def _labelled_names(self, text: str):
        """A name after "naam:" glued to the words around it, which the tokenizer keeps in one
        token ("nr:0483217659.naam:Lore.ik ben 15"): a listed first name or a capitalized word
        that is no word, place or listed non-name."""
        for m in (*_NAME_LABEL.finditer(text), *_NAME_IS_MINE.finditer(text)):
            name = m.group("name")
            low = name.lower()
            if low in self.places or low in self.not_names or low in _CHAT_WORDS:
                continue
            if low in self.first_names and not self.is_word(low) or name.istitle() and (
                    low in self.first_names or not self.is_word(low) or low in self.surnames
                    or m.re is _NAME_IS_MINE and low not in _NOT_A_NAME_IS_MINE):  # "Grietje is mijn naam"
                yield m.start("name"), m.end("name"), "NAAM"

    def _formal_names(self, text: str):
        """A full name after a formal closing that ends the message ("Met vriendelijke groet,
        Johanna de Graaf") or after a role label ("Cliënte: Naïma Haddouchi"); asked before the
        token rules, so that the whole name is one span."""
        for m in (*_SIGNED_NAME.finditer(text), *_ROLE_LABEL.finditer(text)):
            words = m.group("name").split()
            first = words[0].lower()
            particled = len(words) > 2 and words[1].islower()  # "Johanna de Graaf": a surname's shape
            if first not in self.places and first not in self.not_names and first not in _GREETINGS \
                    and (first in self.first_names or not self.is_word(first) or particled):
                yield m.start("name"), m.end("name"), "NAAM"  # "Met vriendelijke groet, Johanna de Graaf"
