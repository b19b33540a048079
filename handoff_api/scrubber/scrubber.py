"""Find and replace personal data in Dutch (Flemish and Netherlands) helpline messages.

Structured data (e-mail, URLs, IBAN, national numbers, phone numbers, @handles, birth dates,
addresses, postcodes) is found on the raw text: IBAN, national numbers and BSN are checked with
python-stdnum (``checksums.py``), phone numbers parsed with phonenumbers (``phones.py``, also
numbers written in words), addresses and postcodes by ``addresses.py``. Names (``names.py``)
and schools (``schools.py``) are found on spaCy tokens (``spacy.blank("nl")`` with Matcher and
PhraseMatcher patterns) and the lists in ``data/``. Nothing is downloaded: there is no Dutch spaCy model on PyPI.

When two findings overlap, the one found first in ``_regex_detectors`` order wins: the more
specific, checksummed kinds come first; names come last.
"""
from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

import spacy
from spacy.lang.nl.stop_words import STOP_WORDS
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from . import patterns as P
from .addresses import AddressRules
from .dates import DateRules
from .checksums import IBAN_MAX_LENGTH, IBAN_MIN_LENGTH, bsn_valid, iban_valid, rrn_valid
from .name_forms import NameForms
from .names import _NOT_NAMES, NameRules
from .username_forms import UsernameForms
from .usernames import UsernameRules
from .schools import (
    _SCHOOL_COMPOUND,
    _SCHOOL_NAMED_KEYWORDS,
    _SCHOOL_TITLE_COMPOUND,
    SchoolRules,
)
from .phones import find_phone_numbers

DATA_DIR = Path(__file__).resolve().parent / "data"

LABELS = (
    "NAAM", "TELEFOON", "EMAIL", "ADRES", "POSTCODE", "IBAN", "RIJKSREGISTERNUMMER", "BSN",
    "URL", "GEBRUIKERSNAAM", "SCHOOL", "DATUM",
)
PLACEHOLDERS = {label: f"[{label}]" for label in LABELS}


@dataclass(frozen=True, order=True)
class Span:
    """A piece of personal data: character offsets into the text, its type and its text."""

    start: int
    end: int
    label: str
    text: str

    @property
    def placeholder(self) -> str:
        return PLACEHOLDERS[self.label]

    def as_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "type": self.label, "text": self.text}


def _read_list(name: str) -> list[str]:
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def _dutch_vocabulary() -> frozenset[str]:
    """Ordinary Dutch word forms, from the lemma tables of spacy-lookups-data (pinned).
    Used to tell a username or surname from an everyday word. It also holds many proper
    names, so it is never used to reject a first name."""
    import spacy_lookups_data

    base = Path(spacy_lookups_data.__file__).parent / "data"
    words: set[str] = set()
    lookup = json.loads(gzip.open(base / "nl_lemma_lookup.json.gz").read())
    words.update(lookup)
    words.update(lookup.values())
    for forms in json.loads(gzip.open(base / "nl_lemma_index.json.gz").read()).values():
        words.update(forms)
    words.update(_read_list("common_words.txt"))
    return frozenset(w.lower() for w in words)


class Scrubber(NameRules, NameForms, SchoolRules, DateRules, AddressRules, UsernameRules, UsernameForms):
    """Build once (loading spaCy and the lists takes about a second), then reuse.

    >>> s = Scrubber()
    >>> s.scrub("ik heet Lotte, bel me op 0470 12 34 56")
    'ik heet [NAAM], bel me op [TELEFOON]'
    """

    def __init__(self) -> None:
        self.nlp = spacy.blank("nl")
        self.nlp.add_pipe("sentencizer")
        self.vocabulary = _dutch_vocabulary()

        self.first_names = {n.lower() for n in _read_list("first_names.txt")}
        self.ambiguous_names = {n.lower() for n in _read_list("ambiguous_first_names.txt")}
        self.first_names |= self.ambiguous_names
        surnames = _read_list("surnames.txt")
        self.surnames = {n.lower() for n in surnames if " " not in n}
        places = _read_list("places.txt")
        self.places = {p.lower() for p in places}
        self.not_names = {w.lower() for w in _read_list("not_names.txt")}

        # Multi-word surnames ("De Smet", "van den Berg") and places ("Den Haag").
        self.phrases = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.phrases.add("SURNAME", [self.nlp.make_doc(n) for n in surnames if " " in n])
        self.phrases.add("PLACE", [self.nlp.make_doc(p) for p in places])

        self.matcher = Matcher(self.nlp.vocab)
        self.matcher.add("FIRST_NAME", [[{"LOWER": {"IN": sorted(self.first_names)}}]])
        self.matcher.add("SCHOOL_COMPOUND", [[{"TEXT": {"REGEX": _SCHOOL_COMPOUND.pattern}}],
                                             [{"TEXT": {"REGEX": _SCHOOL_TITLE_COMPOUND.pattern}}]])
        # "Alfrink College", "Koninklijk Atheneum", "Erasmiaans Gymnasium"
        self.matcher.add("SCHOOL_MODIFIED", [[
            {"IS_TITLE": True, "LOWER": {"NOT_IN": sorted(_NOT_NAMES | {"het", "de"})}},
            {"LOWER": {"IN": ["college", "lyceum", "gymnasium", "atheneum", "instituut",
                              "scholengemeenschap", "humaniora"]}, "IS_TITLE": True},
        ]])
        # "basisschool De Regenboog", "OBS De Klimop", "basisschool 't Klavertje"
        self.matcher.add("SCHOOL_NAMED", [
            [{"LOWER": {"IN": sorted(_SCHOOL_NAMED_KEYWORDS)}},
             {"TEXT": {"IN": ["De", "Het", "'t", "Den", "de", "het", "den", "'T", "Ter", "Ten"]}},
             {"IS_TITLE": True}, {"IS_TITLE": True, "OP": "?"}],
            # "de Hotelschool Ter Duinen", "de kunstschool De Pont": any kind of school with its name
            [{"LOWER": {"REGEX": r"\w{3,}school$"}}, {"TEXT": {"IN": ["De", "Het", "'t", "Den", "Ter", "Ten"]}},
             {"IS_TITLE": True}, {"IS_TITLE": True, "OP": "?"}],
            [{"LOWER": {"IN": sorted(_SCHOOL_NAMED_KEYWORDS)}},
             {"TEXT": {"REGEX": r"^(?:Sint|St|Heilig)-\w+"}}],
            # "sint jozef college", "Sint Jozef Instituut"
            [{"LOWER": {"IN": ["sint", "st", "st.", "heilig", "onze-lieve-vrouw"]}}, {"IS_ALPHA": True},
             {"LOWER": {"IN": ["college", "lyceum", "atheneum", "instituut", "gymnasium", "school",
                               "humaniora"]}}],
        ])

    # ------------------------------------------------------------------ public API
    def find(self, text: str) -> list[Span]:
        """All personal data found in ``text``, as non-overlapping spans sorted by position."""
        found: list[Span] = []
        for detect in self._regex_detectors():
            for start, end, label in detect(text, found):
                self._claim(found, text, start, end, label)
        doc = self.nlp(text)
        for start, end, label in self._token_detectors(doc, found):
            self._claim(found, text, start, end, label)
        return sorted(found)

    def scrub(self, text: str) -> str:
        """``text`` with every finding replaced by its typed placeholder, e.g. ``[NAAM]``."""
        out, pos = [], 0
        for span in self.find(text):
            out.append(text[pos:span.start])
            out.append(span.placeholder)
            pos = span.end
        out.append(text[pos:])
        return "".join(out)

    def scrub_many(self, texts: Iterable[str]) -> Iterator[str]:
        for text in texts:
            yield self.scrub(text)

    def doc(self, text: str) -> Doc:
        """A spaCy Doc whose ``ents`` are the findings (labels as above)."""
        doc = self.nlp(text)
        ents = []
        for span in self.find(text):
            ent = doc.char_span(span.start, span.end, label=span.label, alignment_mode="expand")
            if ent is not None:
                ents.append(ent)
        doc.ents = filter_spans(ents)
        return doc

    # ------------------------------------------------------------------ helpers
    @staticmethod
    def _overlaps(found: list[Span], start: int, end: int) -> bool:
        return any(s.start < end and start < s.end for s in found)

    def _claim(self, found: list[Span], text: str, start: int, end: int, label: str) -> None:
        while end > start and text[end - 1].isspace():
            end -= 1
        while start < end and text[start].isspace():
            start += 1
        if end > start and not self._overlaps(found, start, end):
            found.append(Span(start, end, label, text[start:end]))

    def _regex_detectors(self):
        return (self._emails, self._urls, self._ibans, self._national_numbers, self._phones,
                self._handles, self._birth_dates, self._addresses, self._postcodes,
                self._usernames_after_platform, self._handle_shaped, self._second_usernames)

    # ------------------------------------------------------------------ structured data
    def _emails(self, text: str, found: list[Span]):
        # The spaced form first: "jan . de . smet@gmail.com" is one address, not "smet@gmail.com".
        for rx in (P.EMAIL_SPACED, P.EMAIL, P.EMAIL_OBFUSCATED):
            for m in rx.finditer(text):
                handle = P.HANDLE_AFTER_WORD.fullmatch(m.group(0))
                if handle and handle.group("word").lower() in STOP_WORDS | {"via", "als", "zoals"}:
                    continue  # "ik ben op @wannes.and.me": a function word, then a handle
                yield m.start(), m.end(), "EMAIL"

    def _urls(self, text: str, found: list[Span]):
        for rx in (P.URL_SCHEME, P.URL_BARE):
            for m in rx.finditer(text):
                start, end = m.start(), m.end()
                while end > start and text[end - 1] in P.URL_TRAILING:
                    end -= 1
                url = text[start:end]
                host = re.sub(r"(?i)^(?:https?://)?(?:www\.)?", "", url).split("/")[0].lower()
                if any(host == site or host.endswith("." + site) for site in P.PUBLIC_SITES):
                    continue
                if "." not in host:
                    continue
                if "/" not in url.split("//")[-1] and host.split(".")[-2] in self.not_names:
                    continue  # "gekocht bij Bol.com", "via zalando.be": a listed shop or brand's site

                if rx is P.URL_BARE and "/" not in url and host.rsplit(".", 1)[-1] in P.WEAK_TLDS:
                    continue
                yield start, end, "URL"

    def _ibans(self, text: str, found: list[Span]):
        for m in P.IBAN_START.finditer(text):
            ends = self._alnum_run_ends(text, m.start(), IBAN_MAX_LENGTH)
            # The longest run that is a valid IBAN and ends at a word boundary.
            for count in range(min(len(ends), IBAN_MAX_LENGTH), IBAN_MIN_LENGTH - 1, -1):
                end = ends[count - 1]
                if end < len(text) and text[end].isalnum():
                    continue
                if iban_valid(text[m.start():end]):
                    yield m.start(), end, "IBAN"
                    break

    @staticmethod
    def _alnum_run_ends(text: str, start: int, limit: int) -> list[int]:
        """End offsets after each of the first ``limit`` letters or digits from ``start``,
        allowing one space, dash or dot between groups ("BE71 0961-2345.6769")."""
        ends, i = [], start
        while i < len(text) and len(ends) < limit:
            ch = text[i]
            if ch.isalnum():
                i += 1
                ends.append(i)
            elif ch in " -." and i + 1 < len(text) and text[i + 1].isalnum() and len(ends) >= 2:
                i += 1
            else:
                break
        return ends

    def _national_numbers(self, text: str, found: list[Span]):
        for m in P.RRN.finditer(text):
            if rrn_valid(m.group(0)):
                yield m.start(), m.end(), "RIJKSREGISTERNUMMER"
        for m in P.BSN.finditer(text):
            value = m.group(0)
            if not bsn_valid(value):
                continue
            digits = re.sub(r"\D", "", value)
            if digits.startswith("0") and not P.BSN_CONTEXT.search(text[max(0, m.start() - 40):m.start()]):
                continue  # a Belgian landline written without separators; the phone check decides
            yield m.start(), m.end(), "BSN"
        for m in P.BSN_ANY_GROUPS.finditer(text):  # "burgerservicenummer 98 38 16 372"
            if bsn_valid(m.group(0)) and P.BSN_CONTEXT.search(text[max(0, m.start() - 40):m.start()]):
                yield m.start(), m.end(), "BSN"
        for m in P.RRN_ANY_GROUPS.finditer(text):  # "RRN is 941 226 294 14"
            if rrn_valid(m.group(0)) and P.RRN_CONTEXT.search(text[max(0, m.start() - 40):m.start()]):
                yield m.start(), m.end(), "RIJKSREGISTERNUMMER"

    def _phones(self, text: str, found: list[Span]):
        for start, end in find_phone_numbers(text):
            iban = P.IBAN_BEFORE.search(text, max(0, start - 30), start)
            if iban and not self._overlaps(found, iban.start(), iban.end()):
                continue  # "NL36 ASNB 0461 0876 89": a mistyped IBAN
            yield start, end, "TELEFOON"

    # ------------------------------------------------------------------ token-level data
    def _token_detectors(self, doc: Doc, found: list[Span]):
        yield from self._schools(doc, found)
        yield from self._formal_names(doc.text)  # "Met vriendelijke groet, Johanna de Graaf"
        yield from self._profile_names(doc.text, found)  # "(Daphne Mulder, 14 april 2012)", "t.n.v. J. de Groot"
        yield from self._names(doc, found)
        yield from self._possessive_names(doc)  # "Eva's vader", "Thijs' moeder"
        yield from self._labelled_names(doc.text)  # "nr:0483217659.naam:Lore.ik ben 15"

    def _free(self, found: list[Span], start: int, end: int) -> bool:
        return not self._overlaps(found, start, end)


@lru_cache(maxsize=1)
def default_scrubber() -> Scrubber:
    """A process-wide Scrubber (building one loads spaCy and the lists)."""
    return Scrubber()


def scrub(text: str) -> str:
    return default_scrubber().scrub(text)
