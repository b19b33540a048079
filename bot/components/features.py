"""Features shared by the triage and urgency components.

Word uni/bigrams and character n-grams (TF-IDF) of the normalised text, plus a
small block of cue features that n-grams cannot see: whether an age belongs to
the writer, whether the writer speaks of their own child, whether they speak as
a professional, and the crisis lexicon of `lexicon.py`.
"""

from __future__ import annotations

from typing import Iterable, List

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer

from bot.components import age, lexicon
from bot.components.cues import PERPETRATOR as _PERPETRATOR
from bot.components.cues import PROFESSIONAL as _PROFESSIONAL
from bot.components.cues import VICTIM_FIRST_PERSON
from bot.components.textnorm import normalize

N_CUES = 9


def cue_vector(norm: str) -> List[float]:
    """Dense cue features for one normalised text."""
    found = age.own_age(norm)
    return [
        1.0 if found and found.age < 18 else 0.0,
        1.0 if found and found.age >= 18 else 0.0,
        1.0 if age.adult_by_context(norm) else 0.0,
        1.0 if _PROFESSIONAL.search(norm) else 0.0,
        1.0 if _PERPETRATOR.search(norm) else 0.0,
        1.0 if lexicon.suicide_hit(norm) else 0.0,
        1.0 if lexicon.danger_hit(norm) else 0.0,
        1.0 if lexicon.sexual_assault_hit(norm) else 0.0,
        1.0 if VICTIM_FIRST_PERSON.search(norm) else 0.0,
    ]


class TextFeatures:
    """TF-IDF word + character n-grams of the normalised text, and the cue block."""

    def __init__(self, cue_weight: float = 1.0) -> None:
        self.cue_weight = cue_weight
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
        return self

    def transform(self, texts: Iterable[str]) -> sp.csr_matrix:
        norms = [normalize(t) for t in texts]
        cues = np.array([cue_vector(n) for n in norms], dtype=np.float64) * self.cue_weight
        return sp.hstack(
            [self.word.transform(norms), self.char.transform(norms), sp.csr_matrix(cues)]
        ).tocsr()
