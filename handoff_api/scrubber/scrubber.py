"""Find and replace personal data in Dutch (Flemish and Netherlands) helpline messages.

Structured data (e-mail, URLs, IBAN, national numbers, phone numbers, @handles, birth dates,
addresses, postcodes) is found with regular expressions on the raw text and checked with the
checksums where a number has one. Names, schools and usernames that follow a platform word
are found on spaCy tokens (``spacy.blank("nl")`` with Matcher and PhraseMatcher patterns) and
the name lists in ``data/``. Nothing is downloaded: there is no Dutch spaCy model on PyPI.

When two findings overlap, the one found first in ``_DETECTORS`` order wins: the more
specific, checksummed kinds come first.
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
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span as SpacySpan
from spacy.util import filter_spans

from . import patterns as P
from .checksums import IBAN_MAX_LENGTH, IBAN_MIN_LENGTH, bsn_valid, iban_valid, rrn_valid
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


# Words that may follow a capitalized ambiguous name at the start of a sentence
# ("Roos is mijn zus", "Mark zei ...").
_NAME_VERBS = frozenset(
    "is was zegt zei heeft had haar z'n zijn wil wou doet deed stuurt stuurde komt kwam "
    "vindt vond weet wist belt belde slaat sloeg lacht woont zit zat gaat ging moet kan mag "
    "dreigt pest".split()
)
# Kinship, role and title words after which a capitalized word is a name ("mijn oom Dirk").
_KIN = frozenset(
    """vader moeder papa mama pa ma stiefvader stiefmoeder stiefpapa stiefmama pleegvader
    pleegmoeder pleegpapa pleegmama stiefpa stiefma pleegpa pleegma schoonpa schoonma broer zus zuster zusje broertje halfbroer halfzus stiefbroer
    stiefzus oom tante nonkel tantetje opa oma opi omi bompa bomma grootvader grootmoeder neef
    nicht nichtje neefje vriend vriendin vriendje vriendinnetje lief ex buurman buurvrouw
    buurjongen buurmeisje klasgenoot klasgenote trainer trainster coach leerkracht mentor leraar
    lerares juf juffrouw meester meneer mevrouw mevr mvr dhr mr mw baas collega schoonvader
    schoonmoeder dokter dr pastoor priester begeleider begeleidster opvoeder opvoedster
    zorgcoördinator directeur directrice jongen meisje man vrouw""".split()
)
_TITLES = frozenset("meneer mevrouw mevr mvr dhr mr mw juf juffrouw meester dokter dr pastoor".split())
_PARTICLES = frozenset("van de der den ter ten 't vanden vande vander el al le la d' da di du von".split())
_STRONG_CONTEXT = (("naam", "is"), ("naam", ":"), ("heet", "eigenlijk"), ("name", "is"), ("name", ":"))
# "heet" is also "hot" ("het is heet"): it is a name context only after a person.
_HEET_SUBJECTS = frozenset("ik k ikke hij zij ze je jij u die dat hem haar".split())
_CHAT_WORDS = frozenset(
    """ni nie nt da wa wat k zn mn ma em zo nog echt gwn gewoon altijd nooit ook wel ff even
    eens nu nou toch dus want omdat als dan""".split()
)
# The lemma tables miss many regular verb forms ("werkt"): an unknown lowercase word with a
# verb ending after "mijn mama" is more likely a verb than a name.
_VERB_ENDINGS = ("t", "en", "de", "te", "d")
_KIN_VERB_ENDINGS = ("t", "de", "te", "d")  # after "mijn mama" a plural verb is rare; "chen", "ruben" are not
# Ambiguous names that are everyday function words or verbs ("ik ben", "elke dag"): in lower
# case only "ik heet ..." / "mijn naam is ..." makes them a name.
_FUNCTION_WORD_NAMES = frozenset("ben an elke lieve lief max said job ward lot mark bas hoop".split())
# A capitalized unknown word after an article is a thing or a place ("de Efteling", "een Opel").
_DETERMINERS = frozenset("de het een 't 'n welke elke zo'n".split())
_POSSESSIVES = frozenset("mijn mn m'n zijn z'n haar onze ons je jouw uw de hun".split())
# Chat interjections and stretched words ("Heyy", "Jaaa", "Hmmm", "Okeej"): never a name.
_STRETCHED = re.compile(r"(\w)\1\1|^(?:h+m+|e+u*h*m+|u+h*m+|p+f+|o+k+e+\w*|j+a+|n+e+|he+y+|ha+l+o+|so+r+y+)$", re.I)
# After a capitalized word at the start of a sentence, these make it a person: "Bavo uit mijn
# klas", "Juul is mijn beste vriendin", "Thibault van de jeugdbeweging doet raar".
_PERSON_FOLLOWERS = frozenset(
    "uit van zegt zei heeft had slaat sloeg stuurt stuurde dreigt pest zit woont belt belde "
    "lacht doet deed wil zat".split()
)
_DIMINUTIVES = ("ke", "ske", "je", "tje", "ie", "eke")
_HYPHENATED = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")
# Around a lower-case name that is also a word: "met roos naar", "dan zegt roos dat".
_BEFORE_PERSON = frozenset("met van aan bij tegen zegt zei vraagt vroeg".split())
_AFTER_PERSON = frozenset(
    """en dat die ook niet nog naar is was heeft had gaat ging zegt zei gepraat gesproken
    gezegd geweest gedaan gezien gechat geappt gebeld al altijd""".split()
)
_PERSON_VERBS = frozenset(
    "zegt zei vraagt vroeg stuurt stuurde belt belde slaat sloeg dreigt pest appt is was".split()
)
_FLEMISH_SURNAME = re.compile(r"^(?:Van|Vanden|Vande|Vander|Ver|De|Den|Der|Dh|D')[a-z]{3,}[a-z]$")
_SENT_PUNCT = frozenset(".!?:;\"'()-–—…\n")
_NOT_NAMES = frozenset(
    """ik jij je hij zij ze wij we jullie het de een en of maar want dat die dit deze mijn
    zijn haar ons onze hun uw op in aan met van voor na bij om tot uit over door naar hoi hey
    hallo dag dank sorry ok oke oké ja nee neen niet wel ook nog al""".split()
)

_SCHOOL_KEYWORDS = frozenset(
    "atheneum lyceum college gymnasium instituut scholengemeenschap campus ka kta go vti sti "
    "tsm vbs gbs sbs".split()
)
_SCHOOL_NAMED_KEYWORDS = frozenset(
    "basisschool school lagere kleuterschool middenschool obs cbs pcbs rkbs ikc vbs gbs sbs "
    "campus scholengroep scholengemeenschap academie".split()
)
_SCHOOL_COMPOUND = re.compile(
    r"(?i)^(?:sint|st|heilig|onze-lieve-vrouw|olv)-[\w\-]*(?:college|lyceum|atheneum|instituut|gymnasium|school)$"
)
_SCHOOL_TITLE_COMPOUND = re.compile(r"^[A-Z][\w\-]+(?:college|lyceum|atheneum|instituut|gymnasium)$")
_SCHOOL_ABBREV = frozenset("ka kta go vti sti tsm".split())


class Scrubber:
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
                              "scholengemeenschap"]}, "IS_TITLE": True},
        ]])
        # "basisschool De Regenboog", "OBS De Klimop", "basisschool 't Klavertje"
        self.matcher.add("SCHOOL_NAMED", [
            [{"LOWER": {"IN": sorted(_SCHOOL_NAMED_KEYWORDS)}},
             {"TEXT": {"IN": ["De", "Het", "'t", "Den", "de", "het", "den", "'T"]}},
             {"IS_TITLE": True}, {"IS_TITLE": True, "OP": "?"}],
            [{"LOWER": {"IN": sorted(_SCHOOL_NAMED_KEYWORDS)}},
             {"TEXT": {"REGEX": r"^(?:Sint|St|Heilig)-\w+"}}],
            # "sint jozef college", "Sint Jozef Instituut"
            [{"LOWER": {"IN": ["sint", "st", "st.", "heilig", "onze-lieve-vrouw"]}}, {"IS_ALPHA": True},
             {"LOWER": {"IN": ["college", "lyceum", "atheneum", "instituut", "gymnasium", "school"]}}],
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
                self._usernames_after_platform)

    # ------------------------------------------------------------------ structured data
    def _emails(self, text: str, found: list[Span]):
        for rx in (P.EMAIL, P.EMAIL_OBFUSCATED):
            for m in rx.finditer(text):
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

    def _phones(self, text: str, found: list[Span]):
        for start, end in find_phone_numbers(text):
            yield start, end, "TELEFOON"

    def _handles(self, text: str, found: list[Span]):
        for m in P.HANDLE.finditer(text):
            if len(m.group(0)) >= 3:
                yield m.start(), m.end(), "GEBRUIKERSNAAM"

    def _usernames_after_platform(self, text: str, found: list[Span]):
        for m in P.USERNAME_CONTEXT.finditer(text):
            handle = m.group("handle").rstrip(".")
            start = m.start("handle")
            sep = m.group("sep")
            handle_like = bool(re.search(r"[\d_.#@]", handle))
            low = handle.lower().lstrip("@")
            if low in _NOT_NAMES or low in self.vocabulary and not handle_like and not (
                    sep.strip() and low in self.first_names):
                continue  # "mijn insta is gehackt"; but "snap: lisa" is her username
            if not sep.strip() and not handle_like:
                continue  # "op tiktok gezet": a platform word alone is no username context
            if low in {"is", "en", "of", "maar", "ook"} or low.isdigit():
                continue
            yield start, start + len(handle), "GEBRUIKERSNAAM"

    def _birth_dates(self, text: str, found: list[Span]):
        for m in P.BIRTH_BEFORE.finditer(text):
            window = text[m.end():m.end() + 30]
            stop = re.search(r"[.!?\n](?!\d)", window)
            window = window[:stop.start()] if stop else window
            d = P.DATE.search(window)
            if d:
                yield m.end() + d.start(), m.end() + d.end(), "DATUM"
        for d in P.DATE.finditer(text):
            if P.BIRTH_AFTER.search(text[d.end():]):
                yield d.start(), d.end(), "DATUM"

    def _addresses(self, text: str, found: list[Span]):
        for m in P.ADDRESS.finditer(text):
            yield m.start(), m.end(), "ADRES"
        for m in P.ADDRESS_BEFORE_POSTCODE.finditer(text):
            first = m.group("street").split()[0].lower()
            if first not in _NOT_NAMES and first not in self.vocabulary:
                yield m.start("street"), m.end("street"), "ADRES"
        for m in P.STREET_AFTER_LIVING.finditer(text):
            yield m.start("street"), m.end("street"), "ADRES"
        for m in P.CAPITALIZED_STREET_AFTER_LIVING.finditer(text):
            if m.group("street").split()[0].lower() not in self.places:
                yield m.start("street"), m.end("street"), "ADRES"
        for m in P.STREET_ONLY.finditer(text):
            before = text[:m.start()].rstrip()
            if not before or before[-1] in ".!?\n":
                continue  # sentence start: could be any capitalized word
            yield m.start(), m.end(), "ADRES"

    def _postcodes(self, text: str, found: list[Span]):
        for m in P.POSTCODE_NL.finditer(text):
            yield m.start(), m.end(), "POSTCODE"
        for m in P.POSTCODE_NL_LOWER.finditer(text):
            if P.POSTCODE_CONTEXT.search(text[max(0, m.start() - 20):m.start()]):
                yield m.start(), m.end(), "POSTCODE"
        for m in P.POSTCODE_BE.finditer(text):
            number = int(m.group(0)[-4:])
            if P.POSTCODE_CONTEXT.search(text[max(0, m.start() - 20):m.start()]):
                yield m.start(), m.end(), "POSTCODE"
                continue
            after = text[m.end():]
            nxt = re.match(r"\s+([A-Za-zÀ-ÿ][\w'À-ÿ\-]*(?:\s+[A-Za-zÀ-ÿ][\w'À-ÿ\-]*){0,3})", after)
            if not nxt:
                continue
            words = nxt.group(1).split()
            is_place = any(" ".join(words[:k]).lower() in self.places for k in range(1, len(words) + 1))
            first = words[0]
            plausible_name = (first[0].isupper() and first.lower() not in _NOT_NAMES
                              and not (1900 <= number <= 2039))
            if is_place or plausible_name:
                yield m.start(), m.end(), "POSTCODE"

    # ------------------------------------------------------------------ token-level data
    def _token_detectors(self, doc: Doc, found: list[Span]):
        yield from self._schools(doc, found)
        yield from self._names(doc, found)

    def _free(self, found: list[Span], start: int, end: int) -> bool:
        return not self._overlaps(found, start, end)

    def _place_spans(self, doc: Doc) -> dict[int, int]:
        """Token index where a place starts -> token index after it."""
        out: dict[int, int] = {}
        for match_id, s, e in self.phrases(doc):
            if self.nlp.vocab.strings[match_id] == "PLACE":
                out[s] = max(out.get(s, s), e)
        return out

    def _schools(self, doc: Doc, found: list[Span]):
        places = self._place_spans(doc)
        spans: list[SpacySpan] = []
        for match_id, s, e in self.matcher(doc):
            name = self.nlp.vocab.strings[match_id]
            if name == "SCHOOL_COMPOUND":
                # "Don Boscocollege": take capitalized words just before
                while s > 0 and doc[s - 1].is_title and not doc[s - 1].is_sent_start \
                        and doc[s - 1].lower_ not in _NOT_NAMES and doc[s - 1].lower_ not in {"het", "de"}:
                    s -= 1
                spans.append(doc[s:self._school_place_tail(doc, e, places)])
            elif name in ("SCHOOL_MODIFIED", "SCHOOL_NAMED"):
                spans.append(doc[s:self._school_place_tail(doc, e, places)])
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
            elif tok.lower_ in _SCHOOL_ABBREV and j == i and i < len(doc) and doc[i].is_title:
                spans.append(doc[tok.i:i + 1])
        for span in filter_spans(spans):
            if self._free(found, span.start_char, span.end_char):
                yield span.start_char, span.end_char, "SCHOOL"

    def _school_place_tail(self, doc: Doc, e: int, places: dict[int, int]) -> int:
        j = e + 1 if e < len(doc) and doc[e].lower_ in ("in", "van", "te") else e
        return places[j] if j in places else e

    def is_word(self, low: str) -> bool:
        """Is ``low`` an ordinary Dutch word? The lemma tables lack many plurals and inflected
        forms ("mensen", "ouders", "blauwe"), so strip a plural or inflection ending and try the
        stem too (with a doubled consonant undone and a long vowel restored)."""
        if low in self.vocabulary:
            return True
        for ending in ("en", "s", "'s", "e", "n", "ens", "ere", "ste"):
            if not low.endswith(ending) or len(low) - len(ending) < 4:
                continue
            stem = low[: -len(ending)]
            candidates = {stem}
            if len(stem) > 2 and stem[-1] == stem[-2]:
                candidates.add(stem[:-1])                       # klassen -> klas
            if len(stem) > 2 and stem[-2] in "aeou" and stem[-3] not in "aeiou":
                candidates.add(stem[:-1] + stem[-2] + stem[-1])  # straten -> straat
            if stem.endswith("z"):
                candidates.add(stem[:-1] + "s")                  # huizen -> huis
            if stem.endswith("v"):
                candidates.add(stem[:-1] + "f")                  # brieven -> brief
            if candidates & self.vocabulary:
                return True
        return False

    def _sentence_start(self, doc: Doc, i: int) -> bool:
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
        prev = [t.lower_ for t in doc[max(0, i - 3):i]]
        if prev and prev[-1] in ("heet", "heten") and len(prev) >= 2 and (
                prev[-2] in _HEET_SUBJECTS or prev[-2] in _KIN or prev[-2] in self.first_names):
            return "strong"
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
        return None

    def _names(self, doc: Doc, found: list[Span]):
        surname_phrases = {}
        for match_id, s, e in self.phrases(doc):
            if self.nlp.vocab.strings[match_id] == "SURNAME":
                surname_phrases[s] = max(surname_phrases.get(s, s), e)
        first_name_tokens = {s for match_id, s, e in self.matcher(doc)
                             if self.nlp.vocab.strings[match_id] == "FIRST_NAME"}
        # In Title Case Or ALL CAPS text, a capital says nothing about a name.
        alpha = [t for t in doc if t.is_alpha and len(t.text) > 1]
        capitals_inform = len(alpha) < 4 or sum(t.text[0].isupper() for t in alpha) <= 0.6 * len(alpha)
        i, n = 0, len(doc)
        while i < n:
            tok = doc[i]
            if not self._free(found, tok.idx, tok.idx + len(tok.text)) or not self._wordlike(tok):
                i += 1
                continue
            low = tok.lower_
            title = self._title(tok) and capitals_inform
            start_of_sentence = self._sentence_start(doc, i)
            ctx = self._context(doc, i)
            after_article = i > 0 and doc[i - 1].lower_ in _DETERMINERS
            after_place_word = i > 0 and (doc[i - 1].lower_ in ("in", "te", "uit") or doc[i - 1].like_num)
            is_name = False
            end = i + 1
            if "-" in low:
                is_name = self._hyphenated_name(tok, ctx, start_of_sentence, capitals_inform)
            elif i in first_name_tokens:
                if low not in self.ambiguous_names:
                    prev = doc[i - 1] if i else None
                    is_name = not (prev is not None and prev.like_num and low == "jan")
                elif ctx == "strong" or (ctx in ("ben", "kin") and (title or low not in _FUNCTION_WORD_NAMES)):
                    is_name = True
                elif tok.is_lower and low not in _FUNCTION_WORD_NAMES and self._lower_name_position(doc, i):
                    is_name = True  # "ik was met roos naar de stad", "dan zegt roos dat"
                elif title and not start_of_sentence and not after_article:
                    is_name = True
                elif title and start_of_sentence and self._person_follows(doc, i, _NAME_VERBS):
                    is_name = True
            elif low in _NOT_NAMES or low in _PARTICLES and not (ctx in ("kin", "strong") and title):
                pass
            elif self._diminutive_name(low):
                is_name = True  # "lotteke", "jantje", "jonaske"
            elif (i > 0 and doc[i - 1].lower_ in _TITLES and tok.is_lower
                  and (self._unknown_lower_word(low) or low in self.surnames)):
                is_name = True  # "meneer peeters", "juf kaat"
            elif ctx == "strong" and low not in _CHAT_WORDS and len(low) > 1:
                is_name = True
            elif ctx == "kin" and title and not start_of_sentence and low not in self.vocabulary:
                is_name = True
            elif (ctx == "kin" and tok.is_lower and len(low) >= 3 and not self.is_word(low)
                  and i >= 2 and doc[i - 1].lower_ in _KIN and doc[i - 2].lower_ in _POSSESSIVES
                  and low not in _CHAT_WORDS and low not in self.places
                  and not low.endswith(_KIN_VERB_ENDINGS)):
                is_name = True  # "mijn stiefpa ronny", "mijn vriendin chen"
            elif title and not start_of_sentence and _FLEMISH_SURNAME.match(tok.text) \
                    and not self.is_word(low) and low not in self.places and len(low) <= 14 \
                    and not (i > 0 and doc[i - 1].lower_ in _DETERMINERS):
                is_name = True  # "die Vandenbroucke van hiernaast"
            elif (title and not start_of_sentence and len(low) >= 3 and not self.is_word(low)
                  and low not in self.places and low not in self.not_names and low not in _KIN
                  and low not in _SCHOOL_KEYWORDS and len(low) <= 14
                  and not after_article and not after_place_word and not _STRETCHED.search(low)):
                is_name = True  # an unknown capitalized word inside a sentence: "aan Kato"
            elif (title and start_of_sentence and len(low) >= 3 and not self.is_word(low)
                  and low not in self.places and low not in self.not_names and low not in _KIN
                  and not _STRETCHED.search(low) and i + 1 < n
                  and (doc[i + 1].lower_ in _PERSON_FOLLOWERS
                       or (doc[i + 1].lower_ in ("is", "was") and i + 2 < n
                           and doc[i + 2].lower_ in ("mijn", "mn", "m'n", "de", "een", "haar", "zijn")))):
                is_name = True  # "Bavo uit mijn klas ...", "Juul is mijn beste vriendin"
            elif ctx == "ben" and title and low not in self.vocabulary:
                is_name = True
            elif ctx == "ben" and tok.is_lower and self._unknown_lower_word(low):
                is_name = True  # "ik ben kato"
            elif (tok.is_lower and start_of_sentence and self._unknown_lower_word(low, _KIN_VERB_ENDINGS)
                  and self._person_follows(doc, i, _PERSON_FOLLOWERS | _PERSON_VERBS)):
                is_name = True  # "nguyen zit bij mij op school"
            elif title and not start_of_sentence and low in self.surnames and low not in self.vocabulary:
                is_name = True
            if ctx in ("kin", "strong") and i in surname_phrases and doc[i].is_title:
                is_name, end = True, surname_phrases[i]  # "mevrouw Van den Broeck"
            elif ctx in ("kin", "strong") and title and low in _PARTICLES:
                j = i
                while j < n and doc[j].lower_ in _PARTICLES:
                    j += 1
                if j < n and self._title(doc[j]) and j > i:
                    is_name, end = True, j + 1  # "meneer De Smet", "ik heet Van den Broeck-Peeters"
            if not is_name:
                i += 1
                continue
            end = self._extend_surname(doc, end, surname_phrases)
            span = doc[self._particles_before(doc, i, found):end]
            if self._free(found, span.start_char, span.end_char):
                yield span.start_char, span.end_char, "NAAM"
            i = end

    @staticmethod
    def _wordlike(tok) -> bool:
        """A word, or letters joined by hyphens ("Jan-Willem", "Broeck-Peeters")."""
        return tok.is_alpha or bool(_HYPHENATED.fullmatch(tok.text))

    def _hyphenated_name(self, tok, ctx: str | None, start_of_sentence: bool, capitals_inform: bool) -> bool:
        """"Jan-Willem", "marie-louise", "Broeck-Peeters": every part a listed first name or
        surname, or a capitalized part that is no Dutch word; at least one part listed, or
        the token stands where a name stands. "Sint-Niklaas", "ex-vriend" and "e-mail" stay."""
        low = tok.lower_
        if low in self.places or low in self.not_names:
            return False
        parts, written = low.split("-"), tok.text.split("-")
        if any(p in _NOT_NAMES or p in _PARTICLES or len(p) < 2 for p in parts):
            return False
        listed = [p in self.first_names or p in self.surnames for p in parts]
        if not all(listed) and low in self.vocabulary:
            return False
        unknown = [(w[0].isupper() and capitals_inform or ctx is not None) and not self.is_word(p)
                   and p not in self.places for p, w in zip(parts, written)]
        if not all(a or b for a, b in zip(listed, unknown)):
            return False
        if all(p in self.ambiguous_names for p in parts) and not (ctx or tok.text[0].isupper() and not start_of_sentence):
            return False
        return any(listed) or ctx is not None or not start_of_sentence

    def _lower_name_position(self, doc: Doc, i: int) -> bool:
        """A lower-case word of the ambiguous list where a person stands: after "met",
        "van", "zegt" ... and before the end of the clause or a word that follows a person
        ("ik was met roos naar de stad"), or first, before a verb a person does ("bo zegt")."""
        n = len(doc)
        nxt = doc[i + 1].lower_ if i + 1 < n else None
        clause_ends = nxt is None or not any(c.isalnum() for c in nxt) or nxt in _AFTER_PERSON
        if i > 0 and doc[i - 1].lower_ in _BEFORE_PERSON and clause_ends:
            return True
        return self._sentence_start(doc, i) and self._person_follows(doc, i, _PERSON_VERBS)

    @staticmethod
    def _person_follows(doc: Doc, i: int, verbs: frozenset[str]) -> bool:
        """The next word is a verb a person does; "is"/"was" only before "mijn", "de" ...:
        "Roos is mijn zus" but not "Hoop is alles" or "Storm is voorbij"."""
        n = len(doc)
        if i + 1 >= n or doc[i + 1].lower_ not in verbs:
            return False
        if doc[i + 1].lower_ in ("is", "was"):
            return i + 2 < n and doc[i + 2].lower_ in _POSSESSIVES | {"een", "niet", "ook", "echt"}
        return True

    def _diminutive_name(self, low: str) -> bool:
        for ending in _DIMINUTIVES:
            base = low[: -len(ending)]
            if low.endswith(ending) and len(base) >= 3 and base in self.first_names \
                    and base not in self.ambiguous_names and not self.is_word(low):
                return True
        return False

    def _unknown_lower_word(self, low: str, verb_endings: tuple[str, ...] = _VERB_ENDINGS) -> bool:
        return (len(low) >= 3 and not self.is_word(low) and low not in _CHAT_WORDS
                and low not in self.places and not _STRETCHED.search(low) and not low.endswith(verb_endings)
                and not self._compound(low))

    def _compound(self, low: str) -> bool:
        """A Dutch compound the lemma tables lack: "jeugdarts", "zorgjuf", "sportmonitor"."""
        return any(self.is_word(low[k:]) and low[k:] not in self.first_names for k in range(3, len(low) - 2))

    def _particles_before(self, doc: Doc, i: int, found: list[Span]) -> int:
        """Start a surname at its capitalized particles: "Van den Broeck-Peeters"."""
        j = i
        while j > 0 and i - j < 3 and doc[j - 1].lower_ in _PARTICLES \
                and self._free(found, doc[j - 1].idx, doc[j - 1].idx + len(doc[j - 1].text)):
            j -= 1
        while j < i and not doc[j].text[0].isupper():
            j += 1
        return j

    def _extend_surname(self, doc: Doc, end: int, surname_phrases: dict[int, int]) -> int:
        """Take a surname after a first name: 'Jonas Peeters', 'Lisa de Vries', 'Van den Broeck'."""
        n = len(doc)
        while end < n:
            if end in surname_phrases:
                end = surname_phrases[end]
                continue
            j = end
            while j < n and doc[j].lower_ in _PARTICLES and j - end < 3:
                j += 1
            if j < n and j > end and (self._title(doc[j]) or doc[j].lower_ in self.surnames) \
                    and self._wordlike(doc[j]) and doc[j].lower_ not in _NOT_NAMES:
                end = j + 1
                continue
            tok = doc[end]
            if not self._wordlike(tok) or tok.lower_ in _NOT_NAMES or tok.lower_ in self.places:
                break
            if "-" in tok.text and self._title(tok) and self._hyphenated_name(tok, "kin", False, True):
                end += 1  # "Lisa Peeters-Janssens"
                continue
            if self._title(tok) and (tok.lower_ in self.surnames or tok.lower_ not in self.vocabulary
                                    or tok.lower_ in self.first_names):
                end += 1
                continue
            if tok.is_lower and tok.lower_ in self.surnames and tok.lower_ not in self.vocabulary:
                end += 1
                continue
            break
        return end


@lru_cache(maxsize=1)
def default_scrubber() -> Scrubber:
    """A process-wide Scrubber (building one loads spaCy and the lists)."""
    return Scrubber()


def scrub(text: str) -> str:
    return default_scrubber().scrub(text)
