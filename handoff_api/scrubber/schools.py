"""School rules of the scrubber: which spaCy tokens are the name of a school.

A mixin for ``Scrubber``, which owns the lists (``places``, ``not_names``), the spaCy
``matcher`` and ``phrases`` (with the SCHOOL_* and PLACE patterns built from the constants
here), ``_title`` and ``_free``. Schools come from school words ("Sint-Jozefcollege",
"Koninklijk Atheneum Redingenhof", "basisschool De Regenboog", "KA Ekeren", "atheneum van
Brugge") and from their position ("ik zit op sint-ursula", "mijn school is de Regenboog").
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span as SpacySpan
from spacy.util import filter_spans

from .names import _NOT_NAMES, _SCHOOL_KEYWORDS
from .school_forms import SchoolForms

if TYPE_CHECKING:
    from .scrubber import Span

_SCHOOL_NAMED_KEYWORDS = frozenset(
    "basisschool school lagere kleuterschool middenschool obs cbs pcbs rkbs ikc vbs gbs sbs "
    "campus scholengroep scholengemeenschap academie".split()
)
_SCHOOL_COMPOUND = re.compile(
    r"(?i)^(?:sint|st|heilig|onze-lieve-vrouw|olv)-[\w\-]*(?:college|lyceum|atheneum|instituut|gymnasium|school)$"
)
_SCHOOL_TITLE_COMPOUND = re.compile(r"^[A-Z][\w\-]+(?:college|lyceum|atheneum|instituut|gymnasium|school)$")
# A school's kind, no name of one, even when capitalized: "Basisschool", "Hogeschool".
_GENERIC_SCHOOLS = frozenset("basisschool kleuterschool middenschool hogeschool school".split())
_SCHOOL_ABBREV = frozenset("ka kta go vti sti tsm roc csg osg rsg isg".split())
_REGION_WORDS = frozenset("midden noord oost west zuid noordoost noordwest zuidoost zuidwest groot".split())
_SCHOOL_TYPE_WORDS = frozenset("atheneum college lyceum gymnasium instituut scholengemeenschap humaniora".split())
# "ik zit op sint-ursula", "we zaten allebei op Sint-Lodewijk": a saint's name after "zit op".
_SAINT_SCHOOL = re.compile(
    r"(?i)\b(?:k?zit|zat|zitten|zaten|zat ik|zit ik)\s+(?:\w+\s+){0,2}?(?:op|in)\s+(?:het\s+|de\s+)?"
    r"(?P<school>(?:sint|st|heilig|onze-lieve-vrouw|olv)(?:\.-|[-.\s]\s?)[a-zà-ÿ][\w\-]*)",
)
# French and English school names: "l'Athénée Royal d'Uccle", "Lycée Émile Jacqmain",
# "the International School of Brussels", "Brussels English Academy".
_SCHOOL_FRENCH = re.compile(
    r"(?<![\w\-])(?:[AÀ]th[ée]n[ée]e|Lyc[ée]e|Coll[èe]ge|Institut|[ÉE]cole)"
    # particles of a Dutch name inside: "le Lycée Français Vincent van Gogh"
    r"(?:\s+(?:(?:de\s+la|de\s+l'|des|du|de|d'|l'|la|le|van\s+der|van\s+den|van|von)\s*)?[A-ZÀ-Ý][\w\-À-ÿ]*){1,4}"
)
_SCHOOL_ENGLISH = re.compile(
    r"(?<![\w\-])(?:[A-Z][\w\-]+\s+){1,3}(?:High\s+)?(?:School|Academy)(?:\s+(?:of|in)\s+(?:[Tt]he\s+)?[A-Z][\w\-]+)?(?![\w\-])"
)
# "ik zit op het sjc in genk": a short abbreviation that is no word, after "zit op het", before
# "in"/"te" and a place.
_SCHOOL_ABBREV_AT = re.compile(
    r"(?i)\b(?:zit|zat|zitten|zaten|ga|gaat|gaan|ging)\s+(?:\w+\s+){0,2}?op\s+(?:het|de|'t)\s+"
    r"(?P<school>[a-z]{2,5})\s+(?:in|te)\s+(?P<place>[\w\-]+)"
)
# "de Europese School Mol", "Europese School Brussel II": the European schools by their place.
_SCHOOL_EUROPEAN = re.compile(r"(?<![\w\-])Europese\s+School\s+(?:van\s+)?[A-Z][\w\-]+(?:\s+(?:[IVX]{1,3}|\d))?(?![\w\-])")
# "wordt op Sint-Vincentius Anderlecht gepest": a saint's name after op/in, a place right after.
_SAINT_BEFORE = re.compile(r"(?i)\b(?:op|in)\s+(?:het\s+|de\s+)?$")
# "de groepsapp van Sint-Rembert" in a message about school: a saint's name is the school's.
_SAINT_NAME = re.compile(r"(?<![\w\-])(?:Sint|St\.?|Heilig)-[A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?(?![\w\-])")
_SCHOOL_TALK = re.compile(
    r"(?i)\b(?:school|klas|klasgeno\w*|leerling\w*|juf|meester|leerkracht\w*|speelplaats|mentor|"
    r"groep\s*[1-8]|havo|vwo|vmbo|mbo)\b"
)
# "het Sint-Pietersstation", "de Sint-Baafskathedraal": a saint's name on a building or place.
_SAINT_PLACE_ENDING = re.compile(
    r"(?i)(?:station|kerk|kathedraal|basiliek|abdij|kapel|plein|straat|laan|markt|park|brug|ziekenhuis|kliniek)$"
)
# "mijn broer zit op Maricolen", "ik zit in Kuurne op Spes Nostra": a name without a school word
# after "zit op"; the caller asks that it is no word, name, place or listed non-name.
_NAMED_AFTER_ZIT_OP = re.compile(
    r"(?i:\b(?:k?zit|zat|zitten|zaten)\s+(?:\w+\s+){0,3}?op\s+)"
    r"(?P<school>[A-Z][a-zà-ÿ]{3,}(?:\s+[A-Z][a-zà-ÿ]{3,})?)(?![\w\-'’])"
)
_NOT_SCHOOL_BEFORE = re.compile(r"(?i)\b(?:az|ziekenhuis|kliniek|kerk|parochie|feest|met|tot)\s+$")
# School networks and teaching methods that name a school, with the place after it:
# "op Don Bosco Halle", "Montessori Brugge", "het Dalton in Den Haag", "op Don Bosco".
_SCHOOL_NETWORK = re.compile(
    r"(?<![\w\-])(?:Don\s+Bosco|Dalton|Montessori|Freinet|Steiner|Jenaplan|Waldorf)"
    r"(?:[\s\-]?(?i:school|college|lyceum|instituut|basisschool))?(?![\w\-])"
)
_SCHOOL_NETWORK_BEFORE = re.compile(r"(?i)\b(?:op|naar|in|van|aan|uit|bij|zit|zat|school)\s+(?:het\s+|de\s+)?$")
# Kind of school before its name: "de Vrije Basisschool De Regenboog", "Stedelijk Lyceum Lange Lozana".
_SCHOOL_ADJECTIVES = frozenset(
    "vrije vrij gemeentelijke gemeentelijk stedelijke stedelijk katholieke katholiek openbare "
    "openbaar christelijke christelijk provinciale provinciaal koninklijk koninklijke "
    "protestants-christelijke".split()
)
# "groep 8 van De Vuurvogel", "in groep 5 op de Wingerd": a primary school's grade, then its name.
_SCHOOL_AFTER_GRADE = re.compile(
    r"(?i:\b(?:groep|klas)\s+[1-8]\s+(?:van|op|in)\s+)"
    r"(?P<school>(?:[Dd]e|[Hh]et|'t)\s+[A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+)?)"
)
# "ik word gepest op Het Baken Almere", "ik zit op De Klimop in Gent": a capitalized article
# inside a sentence after "zit op"/"gepest op" starts a name; the caller asks for a place
# after it or a message about school.
_SCHOOL_AFTER_OP = re.compile(
    r"(?i:\b(?:zit|zat|zitten|zaten|gepest|ga|gaat|gaan|ging)\s+(?:\w+\s+){0,2}?op\s+)"
    r"(?P<school>(?:De|Het|'t)\s+[A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+)?)"
)
# "de school van onze kinderen, De Wingerd in Leuven": a name after a comma, in apposition.
_SCHOOL_APPOSITION = re.compile(
    r"(?i:\b(?:school|basisschool|lagere school|kleuterschool)\b[^.!?\n,]{0,40},\s+)"
    r"(?P<school>(?:De|Het|'t)\s+[A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+)?)"
)
# "mijn school is de Regenboog", "onze school heet Het Spoor"
_SCHOOL_IS = re.compile(
    r"(?i:\b(?:mijn|onze|zijn|haar|de)\s+school\s+(?:is|heet)\s+)"
    r"(?P<school>(?:(?:[Dd]e|[Hh]et|'t)\s+)?[A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+)?)"
)


class SchoolRules(SchoolForms):
    """School detection on a spaCy Doc; see the module docstring for what the host provides."""

    def _place_spans(self, doc: Doc) -> dict[int, int]:
        """Token index where a place starts -> token index after it."""
        out: dict[int, int] = {}
        for match_id, s, e in self.phrases(doc):
            if self.nlp.vocab.strings[match_id] == "PLACE":
                out[s] = max(out.get(s, s), e)
        return out

    def _schools(self, doc: Doc, found: list[Span]):
        yield from self._school_words(doc, found)
        yield from self._schools_by_position(doc, found)
        yield from self._schools_after_article(doc, found)
        yield from self._school_networks(doc, found)
        yield from self._schools_in_other_languages(doc, found)
        yield from self._schools_after_zit_op(doc, found)
        yield from self._schools_dutch_forms(doc, found)

    def _schools_after_zit_op(self, doc: Doc, found: list[Span]):
        """"zit op Maricolen", "zit in Kuurne op Spes Nostra": after "zit op", one or two
        capitalized words, the first no Dutch word, name, place or listed non-name (platforms,
        brands: "zit op Tinder"); a second word only when it is capitalized too."""
        for m in _NAMED_AFTER_ZIT_OP.finditer(doc.text):
            words = m.group("school").split()
            first = words[0].lower()
            if self.is_word(first) or first in self.first_names | self.surnames | self.places | self.not_names:
                continue
            if any(w.lower() in self.places | self.not_names for w in words[1:]):
                words = words[:1]
            end = m.start("school") + len(" ".join(words))
            if self._free(found, m.start("school"), end):
                yield m.start("school"), end, "SCHOOL"

    def _schools_in_other_languages(self, doc: Doc, found: list[Span]):
        """French and English names, a short abbreviation after "zit op het", and a saint's
        name in a message about school."""
        text = doc.text
        for rx in (_SCHOOL_FRENCH, _SCHOOL_ENGLISH, _SCHOOL_EUROPEAN):
            for m in rx.finditer(text):
                words = [w.lower() for w in m.group(0).split()]
                if words[0] in _NOT_NAMES or words[0] in self.not_names:
                    continue
                english = " of " in m.group(0) or re.search(r"(?i)\b(?:the|at|to)\s+$", text[:m.start()])
                if rx is _SCHOOL_ENGLISH and not english and all(self.is_word(w) for w in words[:-1]):
                    continue  # "de Middelbare School": Dutch words before it, no English around
                if self._free(found, m.start(), m.end()):
                    yield m.start(), m.end(), "SCHOOL"
        for m in _SCHOOL_ABBREV_AT.finditer(text):
            short = m.group("school").lower()
            if m.group("place").lower() in self.places and not self.is_word(short) and short not in self.not_names \
                    and self._free(found, m.start("school"), m.end("school")):
                yield m.start("school"), m.end("school"), "SCHOOL"
        school_talk = bool(_SCHOOL_TALK.search(text))
        places = self._place_spans(doc)
        for m in _SAINT_NAME.finditer(text):
            if _SAINT_PLACE_ENDING.search(m.group(0)):
                continue  # "het Sint-Pietersstation"
            if m.group(0).lower() not in self.places and not _NOT_SCHOOL_BEFORE.search(text[max(0, m.start() - 20):m.start()]):
                span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
                end = span[-1].idx + len(span[-1].text) if span is not None else m.end()
                place_after = span is not None and span.end in places
                if place_after:  # "ik ga naar Sint-Maria Aalst"
                    last = doc[places[span.end] - 1]
                    end = last.idx + len(last.text)
                if not school_talk and not (place_after and _SAINT_BEFORE.search(text[max(0, m.start() - 12):m.start()])):
                    continue
                if self._free(found, m.start(), end):
                    yield m.start(), end, "SCHOOL"

    def _school_networks(self, doc: Doc, found: list[Span]):
        """"op Don Bosco Halle", "Dalton Den Haag": a network name, with the place after it
        or after "op"/"naar" (then also an unlisted place: "zit in Don Bosco Hechtel,"); a network
        name alone elsewhere ("de methode Montessori") stays."""
        places = self._place_spans(doc)
        for m in _SCHOOL_NETWORK.finditer(doc.text):
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is None:
                continue
            j = span.end + 1 if span.end < len(doc) and doc[span.end].lower_ in ("in", "te") else span.end
            if j in places:
                span = doc[span.start:places[j]]
            elif not _SCHOOL_NETWORK_BEFORE.search(doc.text[max(0, m.start() - 20):m.start()]):
                continue
            elif self._unlisted_place(doc, span.end):
                span = doc[span.start:span.end + 1]  # "zit in Don Bosco Hechtel, ...": a place the lists lack
            if self._free(found, span.start_char, span.end_char):
                yield span.start_char, span.end_char, "SCHOOL"

    def _unlisted_place(self, doc: Doc, k: int) -> bool:
        """A capitalized word at k that is no word or name and closes the clause: a place."""
        if k >= len(doc) or not self._title(doc[k]) or not doc[k].is_alpha:
            return False
        low = doc[k].lower_
        return not self.is_word(low) and low not in self.first_names | self.not_names | _NOT_NAMES \
            and (k + 1 == len(doc) or doc[k + 1].is_punct)

    @staticmethod
    def _with_adjective(doc: Doc, s: int) -> int:
        """Start a school's name at its kind ("Vrije Basisschool De Regenboog") and its network
        ("GO! Basisschool De Wingerd", "KA Basisschool ...")."""
        s = s - 1 if s > 0 and doc[s - 1].lower_ in _SCHOOL_ADJECTIVES else s
        if s >= 2 and doc[s - 1].text == "!" and doc[s - 2].lower_ in _SCHOOL_ABBREV:
            return s - 2
        return s - 1 if s >= 1 and doc[s - 1].lower_ in _SCHOOL_ABBREV and doc[s - 1].is_upper else s

    def _schools_by_position(self, doc: Doc, found: list[Span]):
        """After the school words: "zit op sint-ursula", "mijn school is de Regenboog"."""
        for rx in (_SAINT_SCHOOL, _SCHOOL_IS):
            for m in rx.finditer(doc.text):
                if m.group("school").split()[-1].lower() in self.places | self.not_names:
                    continue
                span = doc.char_span(m.start("school"), m.end("school"), alignment_mode="expand")
                if span is not None and rx is _SAINT_SCHOOL:
                    span = doc[span.start:self._place_spans(doc).get(span.end, span.end)]  # "Sint-Godelieve Gistel"
                if span is not None and self._free(found, span.start_char, span.end_char):
                    yield span.start_char, span.end_char, "SCHOOL"

    def _schools_after_article(self, doc: Doc, found: list[Span]):
        """"groep 8 van De Vuurvogel"; "gepest op Het Baken Almere" (with the place after it
        belonging to the name), only before a place or in a message about school."""
        places = self._place_spans(doc)
        for rx in (_SCHOOL_AFTER_GRADE, _SCHOOL_AFTER_OP, _SCHOOL_APPOSITION):
            for m in rx.finditer(doc.text):
                span = doc.char_span(m.start("school"), m.end("school"), alignment_mode="expand")
                if span is None:
                    continue
                name_end = next((k for k in range(span.start + 1, span.end) if k in places), span.end)
                if name_end == span.start + 1 or span.start in places \
                        or doc[span.start + 1].lower_ in self.not_names | self.places:
                    continue  # "op De Panne", a place or brand after the article
                j = name_end + 1 if name_end < len(doc) and doc[name_end].lower_ in ("in", "te") else name_end
                end = places.get(j, name_end)
                if rx is _SCHOOL_AFTER_OP and end == name_end and not _SCHOOL_TALK.search(doc.text):
                    continue
                if self._free(found, span.start_char, doc[end - 1].idx + len(doc[end - 1].text)):
                    yield span.start_char, doc[end - 1].idx + len(doc[end - 1].text), "SCHOOL"

    def _school_words(self, doc: Doc, found: list[Span]):
        places = self._place_spans(doc)
        spans: list[SpacySpan] = []
        for match_id, s, e in self.matcher(doc):
            name = self.nlp.vocab.strings[match_id]
            if name == "SCHOOL_COMPOUND":
                if doc[s].lower_ in _GENERIC_SCHOOLS | self.not_names or doc[s].lower_.endswith("school") and (
                        self._sentence_start(doc, s) or not doc[s].is_title):
                    continue  # "Basisschool", a kind; "Smartschool", a platform; "Broederschool" is a name
                # "Don Boscocollege": take capitalized words just before
                while s > 0 and doc[s - 1].is_title and not doc[s - 1].is_sent_start \
                        and doc[s - 1].lower_ not in _NOT_NAMES and doc[s - 1].lower_ not in {"het", "de"}:
                    s -= 1
                spans.append(doc[s:self._school_place_tail(doc, e, places)])
            elif name in ("SCHOOL_MODIFIED", "SCHOOL_NAMED"):
                spans.append(doc[self._with_adjective(doc, s):self._school_place_tail(doc, e, places)])
        # keyword + place: "Atheneum in Gent", "atheneum van brugge", "KA Ekeren"
        for tok in doc:
            if tok.lower_ not in _SCHOOL_KEYWORDS:
                continue
            if tok.lower_ in _SCHOOL_ABBREV and not tok.is_upper:
                continue
            i = tok.i + 1
            if i < len(doc) and doc[i].text == "!":  # "GO! Atheneum"
                i += 1
            j = i + 1 if i < len(doc) and doc[i].lower_ in ("in", "van", "te") else i
            start = tok.i
            # "GO! atheneum", "KA Ekeren", "Koninklijk Atheneum": take the prefix
            if start >= 2 and doc[start - 1].text == "!" and doc[start - 2].lower_ in _SCHOOL_ABBREV:
                start -= 2
            elif start >= 1 and doc[start - 1].lower_ in _SCHOOL_ABBREV and doc[start - 1].is_upper:
                start -= 1
            if j in places:
                spans.append(doc[start:places[j]])
            elif tok.lower_ in _SCHOOL_TYPE_WORDS and tok.is_title and i < len(doc) and self._title(doc[i]) \
                    and doc[i].lower_ not in self.not_names | _NOT_NAMES | self.places:
                spans.append(doc[start:self._school_place_tail(doc, i, places)])  # "Atheneum Redingenhof"
            elif tok.lower_ in _SCHOOL_ABBREV and j == i and i < len(doc) and doc[i].is_title \
                    and doc[i].lower_ not in _SCHOOL_NAMED_KEYWORDS:
                k = i + 1  # "ROC Midden Nederland": up to three capitalized words
                while k < len(doc) and k - i < 3 and doc[k].is_title and (doc[k].lower_ not in \
                        self.not_names | _NOT_NAMES | self.first_names | {"het", "de"}
                        or doc[k - 1].lower_ in _REGION_WORDS):  # "ROC Midden Nederland"
                    k += 1
                spans.append(doc[tok.i:k])
        for span in filter_spans([self._with_names_before(doc, sp) for sp in spans]):
            if self._free(found, span.start_char, span.end_char):
                yield span.start_char, span.end_char, "SCHOOL"

    def _with_names_before(self, doc: Doc, span: SpacySpan) -> SpacySpan:
        """"het Don Bosco Instituut Haacht": capitalized words just before a capitalized school
        word belong to its name (not at a sentence start, not an article or brand)."""
        s = span.start
        while s > 0 and span.start - s < 2 and doc[span.start].is_title and doc[s - 1].is_title \
                and not doc[s - 1].is_sent_start and s - 1 > 0 and doc[s - 2].text not in ".!?\n" \
                and doc[s - 1].lower_ not in _NOT_NAMES | self.not_names | self.places | {"het", "de"}:
            s -= 1
        if s > 1 and doc[s - 1].text in ("De", "Het") and not doc[s - 1].is_sent_start \
                and doc[s - 2].text not in ".!?\n":
            s -= 1  # "op Het Rijnlands Lyceum": a capitalized article inside a sentence is the name's
        return doc[s:span.end]

    def _school_place_tail(self, doc: Doc, e: int, places: dict[int, int]) -> int:
        j = e + 1 if e < len(doc) and doc[e].lower_ in ("in", "van", "te") else e
        if j in places:
            return places[j]
        # "Koninklijk Atheneum Redingenhof": a capitalized name right after the school word
        k = e
        while k < len(doc) and k - e < 2 and doc[e - 1].lower_ in _SCHOOL_TYPE_WORDS \
                and self._title(doc[k]) and doc[k].lower_ not in self.not_names | _NOT_NAMES:
            k += 1
        # "Heilig-Hartcollege Wezembeek", "Sint-Lutgardiscollege Schilde.": after a compound, one
        # capitalized word that is no word or closes the clause (a place the lists lack)
        if k == e and e < len(doc) and _SCHOOL_TITLE_COMPOUND.match(doc[e - 1].text) and self._title(doc[e]) \
                and doc[e].lower_ not in self.not_names | _NOT_NAMES and not doc[e].is_stop \
                and (not self.is_word(doc[e].lower_) or e + 1 == len(doc) or doc[e + 1].is_punct):
            k += 1
        return k
