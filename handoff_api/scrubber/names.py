"""Name rules of the scrubber: which spaCy tokens are a person's name.

A mixin for ``Scrubber``, which owns the lists (``first_names``, ``ambiguous_names``,
``surnames``, ``places``, ``not_names``), the Dutch ``vocabulary`` and ``_free``. Names come from
the lists, from the position of a word (after "ik heet", "mijn zus", "ik ben", "met", "zegt"),
and from its shape (a capitalized unknown word inside a sentence, a hyphenated name, a
Flemish surname); words that are also names ("roos", "hoop", "storm") need a name position.
The position rules themselves live in ``name_positions.py``, how far a name reaches in
``name_extent.py``; names found by the text around them (a profile in brackets, an account
holder) in ``name_forms.py``; public names the rules leave alone (festivals, games, a branch
after a listed organisation, platform words) in ``name_public.py``.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc

from .name_words import (  # noqa: F401  (re-exported for schools.py, dates.py, scrubber.py)
    _AFTER_PERSON,
    _BEFORE_PERSON,
    _CALL_OBJECTS,
    _CALL_VERBS,
    _CHAT_WORDS,
    _DETERMINERS,
    _DIMINUTIVES,
    _ENGLISH_AFTER_AM,
    _FLEMISH_SURNAME,
    _FUNCTION_WORD_NAMES,
    _GREETINGS,
    _HEET_ADVERBS,
    _HEET_SUBJECTS,
    _HYPHENATED,
    _INITIALS,
    _KIN,
    _KIN_VERB_ENDINGS,
    _MEDIA_BEFORE,
    _SHOW_BEFORE,
    _NAME_VERBS,
    _NOT_NAMES,
    _PARTICLES,
    _PERSON_FOLLOWERS,
    _PERSON_VERBS,
    _PETS,
    _STORM_WORDS,
    _AGE_FOLLOWERS,
    _POSSESSIVES,
    _SCHOOL_KEYWORDS,
    _SENT_PUNCT,
    _STRETCHED,
    _STRONG_CONTEXT,
    _TITLES,
    _NAMED_SO,
    _VERB_ENDINGS,
)

from .name_gaps import NameGaps
from .name_extent import _ELIDED_SURNAME, NameExtent
from .name_positions import NamePositions
from .name_figures import PublicFigureRules
from .name_public import PublicNames

if TYPE_CHECKING:
    from .scrubber import Span


# What follows a name that opens a chat message: "jade hier.", "Vera nog eens,", "Lies opnieuw:",
# "Johanna dus.".
_INTRO_AFTER = (("hier",), ("nog", "eens"), ("opnieuw",), ("weer",), ("dus",))


class NameRules(NameExtent, NamePositions, PublicNames, NameGaps, PublicFigureRules):
    """Name detection on a spaCy Doc; see the module docstring for what the host provides."""

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
        public = self._public_tokens(doc)  # "Call of Duty", "Veilig Thuis Haaglanden", "gamertag"
        i, n = 0, len(doc)
        while i < n:
            tok = doc[i]
            if not self._free(found, tok.idx, tok.idx + len(tok.text)) or not self._wordlike(tok) or i in public:
                i += 1
                continue
            low = tok.lower_
            title = self._title(tok) and capitals_inform
            start_of_sentence = self._sentence_start(doc, i)
            ctx = self._context(doc, i)
            after_article = i > 0 and doc[i - 1].lower_ in _DETERMINERS
            after_place_word = i > 0 and (doc[i - 1].lower_ in ("in", "te", "uit", "richting") or doc[i - 1].like_num)
            self_intro = self._self_intro(doc, i)  # "jade hier.", "hoi, Marten hier", "Vera nog eens,"
            is_name = False
            end = i + 1
            if "-" in low:
                is_name = self._hyphenated_name(tok, ctx, start_of_sentence, capitals_inform)
            elif i in first_name_tokens:
                if low not in self.ambiguous_names:
                    prev = doc[i - 1] if i else None
                    is_name = not (prev is not None and prev.like_num and low == "jan")
                elif ctx == "strong" or self_intro or (
                        ctx in ("ben", "kin", "call") and (title or low not in _FUNCTION_WORD_NAMES)) \
                        or ctx == "ben" and self._name_after_ik_ben(doc, i) or self._sign_off(doc, i):
                    is_name = True
                elif ctx in ("kin", "ben") and _NAMED_SO.match(doc.text, tok.idx + len(tok.text)):
                    is_name = True  # "mn vriendin hoop (ja echt zo heet ze)"
                elif tok.is_lower and low not in _FUNCTION_WORD_NAMES and self._lower_name_position(doc, i):
                    is_name = True  # "ik was met roos naar de stad", "dan zegt roos dat"
                elif title and not start_of_sentence and not after_article:
                    is_name = True
                elif title and start_of_sentence and (self._person_follows(doc, i, self._verbs_after_start(low))
                                                      or self._names_pair_or_origin(doc, i)):
                    is_name = True
                elif (title and i + 1 < n and self._title(doc[i + 1]) and doc[i + 1].lower_ in self.surnames
                      and doc[i + 1].lower_ not in self.vocabulary):
                    is_name = True  # "Roos Jansen is mijn naam": a listed surname follows
                elif title and self._ambiguous_name_by_shape(doc, i, first_name_tokens):
                    is_name = True  # "Nour: kan ik ...", "Gust, Bavo en Lowie", "Bas van 't Hof is ..."
            elif low in _NOT_NAMES or low in _TITLES or low in _PARTICLES and not (ctx in ("kin", "strong") and title):
                pass
            elif self._diminutive_name(low):
                is_name = True  # "lotteke", "jantje", "jonaske"
            elif (i > 0 and doc[i - 1].lower_ in _TITLES and tok.is_lower
                  and (self._unknown_lower_word(low) or low in self.surnames)):
                is_name = True  # "meneer peeters", "juf kaat"
            elif ctx == "strong" and low not in _CHAT_WORDS and low not in _HEET_ADVERBS and len(low) > 1:
                is_name = True
            elif ctx == "call" and len(low) > 1 and low not in _CHAT_WORDS and not self.is_word(low) \
                    and not _STRETCHED.search(low):
                is_name = True  # "iedereen noemt me mer", "hij noemt zichzelf bigD"
            elif self_intro and (self._unknown_lower_word(low) or title and (
                    not self.is_word(low) or low in self.first_names) and low not in self.places and low not in self.not_names):
                is_name = True  # "jade hier. het gaat niet goed": a chat's self-introduction
            elif self._sign_off(doc, i):
                is_name = True  # "... op mijn naam. Christel"
            elif ctx == "kin" and title and not start_of_sentence and low not in self.vocabulary \
                    and not self._nationality_form(low):
                is_name = True  # not "mijn moeder Belgische"
            elif title and not start_of_sentence and self._word_after_person_title(doc, i):
                is_name = True  # "mevrouw Bouwman", "bij juf Annemiek": a word as a name after a title
            elif ctx == "kin" and title and not start_of_sentence and self._word_named_by_kin(doc, i):
                is_name = True  # "en mijn zusje Bloem": a word as a name after "mijn" and a kin word
            elif self._title(tok) and low in self.surnames and i > 0 and (
                    doc[i - 1].lower_.rstrip(".") in _TITLES or _INITIALS.search(doc.text, 0, tok.idx)
                    or i > 1 and doc[i - 1].text == "." and doc[i - 2].lower_ in _TITLES):
                # "mevrouw Bos", "T. Bakker", "Mw. Hendriks": a listed surname after a title or
                # initials, also in text with many capitals
                is_name = True
            elif ctx == "call" and title and len(low) > 1 and low not in _NOT_NAMES and low not in self.not_names:
                is_name = True  # "iedereen noemt me Mimi", "zeg maar Bolle tegen mij"
            elif (ctx == "kin" and tok.is_lower and len(low) >= 3 and not self.is_word(low)
                  and i >= 2 and doc[i - 1].lower_ in _KIN
                  and (doc[i - 2].lower_ in _POSSESSIVES or self._pointed_at_person(doc, i))
                  and low not in _CHAT_WORDS and low not in self.places
                  and not low.endswith(_KIN_VERB_ENDINGS) and not self._compound(low)):
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
                  and not _STRETCHED.search(low) and not self._compound(low) and i + 1 < n
                  and (doc[i + 1].lower_ in _PERSON_FOLLOWERS or self._kin_apposition(doc, i)
                       or (doc[i + 1].lower_ in ("is", "was") and i + 2 < n
                           and doc[i + 2].lower_ in ("mijn", "mn", "m'n", "de", "een", "haar", "zijn")))):
                is_name = True  # "Bavo uit mijn klas ...", "Juul is mijn beste vriendin"
            elif ctx == "ben" and title and low not in self.vocabulary and not self._nationality_form(low):
                is_name = True  # not "ik ben Nederlandse"
            elif ctx == "ben" and tok.is_lower and self._unknown_lower_word(low) \
                    and low not in _ENGLISH_AFTER_AM:
                is_name = True  # "ik ben kato"
            elif (tok.is_lower and start_of_sentence and self._unknown_lower_word(low, _KIN_VERB_ENDINGS)
                  and self._person_follows(doc, i, _PERSON_FOLLOWERS | _PERSON_VERBS)):
                is_name = True  # "nguyen zit bij mij op school"
            elif title and not start_of_sentence and low in self.surnames and low not in self.vocabulary:
                is_name = True
            if ctx in ("kin", "strong") and i in surname_phrases and doc[i].is_title:
                is_name, end = True, surname_phrases[i]  # "mevrouw Van den Broeck"
            elif ctx in ("kin", "strong", "call") and low in _PARTICLES and (  # "heet de Boer", "noem hem de Vos"
                    title or ctx in ("strong", "call") or i > 0 and doc[i - 1].lower_ in _TITLES):
                j = i
                while j < n and doc[j].lower_ in _PARTICLES:
                    j += 1
                # Lower-case particles after a title ("meneer van der Berg", "mevrouw van 't Hof")
                # need two particles or a surname after them: "juf van Engels" is a subject.
                # One "de"/"ter"/... after a title is a surname's: "meneer de Wit", "juf de Bruin".
                surname_follows = j < n and (j - i >= 2 or doc[j].lower_ in self.surnames or ctx in ("strong", "call")
                                             or not self.is_word(doc[j].lower_)
                                             or low != "van" and i > 0 and doc[i - 1].lower_ in _TITLES)
                if j < n and self._title(doc[j]) and j > i and (title or surname_follows) \
                        and doc[j].lower_ not in self.places and doc[j].lower_ not in self.not_names:
                    is_name, end = True, j + 1  # "meneer De Smet", "ik heet Van den Broeck-Peeters"
            if not is_name and self._initialled_surname(doc, i) > i:
                is_name, end = True, self._initialled_surname(doc, i)  # "mr. R. van Leeuwen"
            if not is_name and (self._named_by_profile(doc, i, ctx)
                                or ctx == "ben" and capitals_inform and self._capitalized_after_ik_ben(doc, i)):
                is_name = True  # "ik ben Lotus, geboren ...", "mijn buurman Frans (78)", "ik ben Rama, ..."
            if is_name and (self._not_a_person(doc, i, found) or self._inverted_verb(doc, i)):
                is_name = False  # "onze hond Max", "Storm Ciarán", "3722 AK Bilthoven"
            if not is_name:
                i += 1
                continue
            end = self._extend_surname(doc, end, surname_phrases, capitals_inform)
            if self._street_name(doc, i, end) or self._public_figure(doc, i, end, ctx):
                i = end
                continue  # "Avenue Louise": a street; "Koning Filip", "Dries Mertens is zijn idool"
            while end > i + 1 and (not self._free(found, doc[i].idx, doc[end - 1].idx + len(doc[end - 1].text))
                                   or doc[end - 1].lower_ in _PARTICLES):
                end -= 1  # "ik ben Amélie van [SCHOOL]": the name stops before what was found
            if all(t.lower_ in _PARTICLES for t in doc[i:end]) and not (end == i + 1 and doc[i].is_title):
                i = end
                continue  # "de juf van [SCHOOL]": no name left
            if end - i >= 2 and _MEDIA_BEFORE.search(doc.text[max(0, tok.idx - 60):tok.idx]):
                i = end
                continue  # "filmpjes van Andrew Tate": a public figure
            show = _SHOW_BEFORE.search(doc.text[max(0, tok.idx - 80):tok.idx])
            if show and show.group("title").lower() not in self.first_names:
                i = end
                continue  # "ik kijk veel naar Stuk van Eefje": a show's title
            first = self._particles_before(doc, i, found)
            if first == i:  # "Ik ben Diana Kromodimedjo", "Nguyen Thi Lan, ...": given names before a surname
                first = self._given_names_before(doc, i, end, found, capitals_inform)
            span = doc[first:end]
            start_char = self._initials_before(doc.text, span.start_char)
            if self._free(found, start_char, span.end_char):
                yield start_char, span.end_char, "NAAM"
                if end + 2 < n and doc[end].text == "(" and doc[end + 2].text == ")" \
                        and self._title(doc[end + 1]) and doc[end + 1].lower_ not in self.not_names:
                    nick = doc[end + 1]  # "Charlotte (Charlie)": a nickname in brackets
                    yield nick.idx, nick.idx + len(nick.text), "NAAM"
            i = end

    def _ambiguous_name_by_shape(self, doc: Doc, i: int, first_name_tokens: set[int]) -> bool:
        """A capitalized first name that is a word too, named as a name by what follows it: a
        colon opening the message (a chat's "Naam: ...", when the name is no word), a comma and another capitalized first
        name (a list of people), or particles and a capitalized surname ("Bas van 't Hof")."""
        n = len(doc)
        if i + 1 >= n:
            return False
        nxt = doc[i + 1]
        if nxt.text == ":" and self._opens_message(doc, i) and not self.is_word(doc[i].lower_):
            return True  # "Nour: ..."; "Hoop: dat is ..." is a word
        if nxt.text == "," and i + 2 < n and i + 2 in first_name_tokens and self._title(doc[i + 2]) \
                and (i + 3 >= n or doc[i + 3].lower_ in ("en", ",", "of")):
            return True
        j = i + 1
        while j < n and doc[j].lower_ in _PARTICLES and j - i <= 3:
            j += 1
        return j > i + 1 and j < n and self._title(doc[j]) and self._wordlike(doc[j]) \
            and doc[j].lower_ not in self.places and doc[j].lower_ not in self.not_names \
            and doc[j].lower_ not in _NOT_NAMES

    @staticmethod
    def _wordlike(tok) -> bool:
        """A word, letters joined by hyphens ("Jan-Willem", "Broeck-Peeters") or a surname with
        an elided particle ("D'haese", "O'Brien")."""
        return tok.is_alpha or bool(_HYPHENATED.fullmatch(tok.text) or _ELIDED_SURNAME.fullmatch(tok.text))

    def _hyphenated_name(self, tok, ctx: str | None, start_of_sentence: bool, capitals_inform: bool) -> bool:
        """"Jan-Willem", "marie-louise", "Broeck-Peeters": every part a listed first name or
        surname, or a capitalized part that is no Dutch word; at least one part listed, or
        the token stands where a name stands. "Sint-Niklaas", "ex-vriend" and "e-mail" stay."""
        low = tok.lower_
        if low in self.places or low in self.not_names:
            return False
        parts, written = low.split("-"), tok.text.split("-")
        if any(p in _NOT_NAMES or p in _PARTICLES or p in self.not_names or len(p) < 2 for p in parts):
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

    def _self_intro(self, doc: Doc, i: int) -> bool:
        """A word opening the message before "hier", "nog eens", "opnieuw" or "weer" and the end of
        the clause: "jade hier.", "Vera nog eens, kunt u mij bellen?"."""
        if not self._opens_message(doc, i):
            return False
        for words in _INTRO_AFTER:
            k = i + 1 + len(words)
            if k <= len(doc) and tuple(t.lower_ for t in doc[i + 1:k]) == words and (k == len(doc) or not doc[k].is_alpha):
                return True
        return False

    @staticmethod
    def _opens_message(doc: Doc, i: int) -> bool:
        """First in the message, or after a greeting only: "hoi, Marten hier"."""
        k = i - 1
        while k >= 0 and (doc[k].text in ",!:" or doc[k].is_space):
            k -= 1
        return k < 0 or k == 0 and doc[0].lower_ in _GREETINGS
