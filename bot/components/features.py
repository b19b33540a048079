"""Features shared by the triage and urgency components.

Word uni/bigrams and character n-grams (TF-IDF) of the normalised text, optionally
word n-grams of its lemmas (simplemma, offline: "geslagen", "sloeg" -> "slaan"), plus
a small block of cue features that n-grams cannot see: whether an age belongs to
the writer, whether the writer speaks of their own child, whether they speak as
a professional, the crisis lexicon of `lexicon.py`, and optionally the clause cues
of `clauses.py` (hyperbole, danger that is over, habit, pressure).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, List

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer

from bot.components import age, clauses, lexicon, theme_cues
from bot.components.cues import PERPETRATOR as _PERPETRATOR
from bot.components.cues import PROFESSIONAL as _PROFESSIONAL
from bot.components.cues import PARENT_ON_PARENT, VICTIM_FIRST_PERSON, WRITES_FOR_OTHER
from bot.components.professions import professional_opening
from bot.components.textnorm import normalize

_LEMMA_TOKEN = re.compile(r"[a-z]+|\d+")

N_CUES = 11


def cue_vector(norm: str) -> List[float]:
    """Dense cue features for one normalised text."""
    found = age.own_age(norm)
    return [
        1.0 if found and found.age < 18 else 0.0,
        1.0 if found and found.age >= 18 else 0.0,
        1.0 if age.adult_by_context(norm) else 0.0,
        1.0 if _PROFESSIONAL.search(norm) or professional_opening(norm) else 0.0,
        1.0 if _PERPETRATOR.search(norm) else 0.0,
        1.0 if lexicon.suicide_hit(norm) else 0.0,
        1.0 if lexicon.danger_hit(norm) else 0.0,
        1.0 if lexicon.sexual_assault_hit(norm) else 0.0,
        1.0 if VICTIM_FIRST_PERSON.search(norm) else 0.0,
        1.0 if PARENT_ON_PARENT.search(norm) else 0.0,
        1.0 if WRITES_FOR_OTHER.search(norm) else 0.0,
    ]


@lru_cache(maxsize=50000)
def _lemma(token: str) -> str:
    import simplemma

    return simplemma.lemmatize(token, lang="nl")


def lemmatize(norm: str) -> str:
    """The normalised text as Dutch lemmas ("ze sloegen hem" -> "ze slaan hem")."""
    return " ".join(_lemma(token) for token in _LEMMA_TOKEN.findall(norm))


class TextFeatures:
    """TF-IDF word + character n-grams of the normalised text, lemmas, and the cue blocks."""

    def __init__(
        self, cue_weight: float = 1.0, lemmas: bool = False, clause_weight: float = 0.0, theme_cue_weight: float = 0.0
    ) -> None:
        self.cue_weight = cue_weight
        self.theme_cue_weight = theme_cue_weight
        self.lemmas = lemmas
        self.clause_weight = clause_weight
        self.lemma = TfidfVectorizer(
            ngram_range=(1, 2), sublinear_tf=True, min_df=1, token_pattern=r"(?u)\b\w+\b"
        ) if lemmas else None
        self.word = TfidfVectorizer(
            ngram_range=(1, 2), sublinear_tf=True, min_df=1, token_pattern=r"(?u)\b\w+\b"
        )
        self.char = TfidfVectorizer(
            analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2
        )

    def fit(self, texts: Iterable[str]) -> "TextFeatures":
        norms = [normalize(t) for t in texts]
        self.word.fit(norms)
        self.char.fit(norms)
        if self.lemma is not None:
            self.lemma.fit([lemmatize(n) for n in norms])
        return self

    def transform(self, texts: Iterable[str]) -> sp.csr_matrix:
        return self.transform_normalised([normalize(t) for t in texts])

    def transform_normalised(self, norms: List[str]) -> sp.csr_matrix:
        blocks = [self.word.transform(norms), self.char.transform(norms)]
        if self.lemma is not None:
            blocks.append(self.lemma.transform([lemmatize(n) for n in norms]))
        if self.cue_weight:
            blocks.append(sp.csr_matrix(np.array([cue_vector(n) for n in norms], dtype=np.float64) * self.cue_weight))
        if self.clause_weight:
            blocks.append(
                sp.csr_matrix(np.array([clauses.clause_vector(n) for n in norms], dtype=np.float64) * self.clause_weight)
            )
        # round 8, the triage model only; models pickled before it have no such attribute
        theme_weight = getattr(self, "theme_cue_weight", 0.0)
        if theme_weight:
            blocks.append(
                sp.csr_matrix(np.array([theme_cues.theme_vector(n) for n in norms], dtype=np.float64) * theme_weight)
            )
        return sp.hstack(blocks).tocsr()
