"""Features shared by the triage and urgency components.

Word uni/bigrams and character n-grams (TF-IDF) of the normalised text, plus a
small block of cue features that n-grams cannot see: whether an age belongs to
the writer, whether the writer speaks of their own child, whether they speak as
a professional, and the crisis lexicon of `lexicon.py`.
"""

from __future__ import annotations

import re
from typing import Iterable, List

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer

from bot.components import age, lexicon
from bot.components.textnorm import normalize

_PROFESSIONAL = re.compile(
    r"\b(ik ben|als|ik werk als|ik werk in|werk als|ik werk op|ik werk bij|wij zijn|ik geef les|als een) (een |de |het )?"
    r"(leerkracht|juf|juffrouw|meester|leraar|lerares|docent|docente|mentor|zorgco(o|ö)rdinator|zorgcoordinator|"
    r"leerlingbegeleider|leerlingenbegeleider|huisarts|arts|dokter|verpleegkundige|verpleger|psycholoog|"
    r"therapeut|maatschappelijk werker|hulpverlener|begeleider|begeleidster|opvoeder|opvoedster|"
    r"kinderbegeleider|kinderbegeleidster|onthaalouder|onthaalmoeder|gastouder|trainer|trainster|coach|"
    r"jeugdwerker|jeugdleider|animator|leiding|kinesist|fysiotherapeut|politie|agent|clb|"
    r"clb-medewerker|zorgleerkracht|directeur|directrice|pedagoog|orthopedagoog|logopedist|tandarts|"
    r"vroedvrouw|verloskundige|wijkagent|sociaal assistent|zorgverlener|kinderverzorger|kinderverzorgster|"
    r"schoolmaatschappelijk werker|jeugdarts|jeugdverpleegkundige|consulent|medewerker|stagiair|"
    r"leidster|leider|monitor|begeleiding|zorgjuf|kleuterjuf|schooldirecteur|huisbezoeker|wijkverpleegkundige)\b"
    r"|\b(mijn|een|onze|een van mijn|één van mijn) (leerling|leerlinge|leerlingen|cli(e|ë)nt|cli(e|ë)nte|"
    r"cli(e|ë)nten|patient|patiente|patienten|pupil|bewoner|bewoonster|jongere uit mijn groep|"
    r"kind uit mijn klas|kleuter|kleuters|sporter|speler|speelster|lid van de chiro|lid van de scouts)\b"
    r"|\b(in mijn klas|bij ons op school|op onze school|in mijn praktijk|op mijn werk zie|"
    r"in de opvang|in onze groep|beroepsgeheim|meldcode|collega's en ik|ons team|"
    r"vanuit mijn werk|in mijn job|tijdens mijn stage|op mijn stage)\b"
)
_PERPETRATOR = re.compile(
    r"\bik (heb|had) (mijn|haar|hem|m|zijn|ze|hen|ons|onze) [^.?!]{0,30}"
    r"(geslagen|geduwd|geschopt|gestompt|gewurgd|bedreigd|uitgescholden|pijn gedaan|opgesloten|vastgepakt|"
    r"door elkaar geschud|gekleineerd|gedwongen|betast|aangeraakt)"
    r"|\bik (sla|sloeg|schop|schopte|duw|duwde|stomp|knijp|kneep|scheld|schold|bedreig|bedreigde|"
    r"kleineer|controleer|schud|schudde) (mijn|haar|hem|ze|m|hen|onze|soms|vaak|weer|ook)\b"
    r"|\bik (ben|word|werd) (soms |vaak |zo |heel |te )?(agressief|gewelddadig|handtastelijk)"
    r"|\bik (kan|krijg) mijn (woede|agressie|kwaadheid|handen) niet"
    r"|\bik (ben|was) (de )?dader\b|\bals dader\b"
    r"|\bik (voel|heb) [^.?!]{0,25}(aangetrokken|fantasie|fantasieen|gedachten)[^.?!]{0,30}"
    r"(kind|kinderen|minderjarig|jonge meisjes|jonge jongens)"
)

N_CUES = 8


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
