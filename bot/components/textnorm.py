"""Normalisation of Dutch chat language before featurisation and rule matching.

Visitors write on a phone, often at night: no capitals, no accents, chat
abbreviations ("mn", "kben", "ni"), letters repeated for emphasis ("neeeee").
Both the classifiers and the rules work on the normalised text so that
"K ben 15 en mn stiefpa zit aan me" and "ik ben 15 en mijn stiefpa zit aan me"
look the same.
"""

from __future__ import annotations

import re
import unicodedata

# Whole-token rewrites (Flemish and Netherlands chat spelling).
_TOKEN_MAP = {
    "mn": "mijn",
    "m'n": "mijn",
    "mijne": "mijn",
    "men": "mijn",
    "zn": "zijn",
    "z'n": "zijn",
    "k": "ik",
    "'k": "ik",
    "ikke": "ik",
    "ni": "niet",
    "nie": "niet",
    "nt": "niet",
    "niej": "niet",
    "da": "dat",
    "wa": "wat",
    "wat'n": "wat een",
    "ge": "je",
    "gij": "jij",
    "gy": "jij",
    "u": "u",
    "ff": "even",
    "wrm": "waarom",
    "wnr": "wanneer",
    "mss": "misschien",
    "misch": "misschien",
    "nx": "niks",
    "tis": "het is",
    "'t": "het",
    "t": "het",
    "snachts": "'s nachts",
    "savonds": "'s avonds",
    "smorgens": "'s morgens",
    "pls": "alsjeblieft",
    "plz": "alsjeblieft",
    "aub": "alsjeblieft",
    "bn": "ben",
    "hb": "heb",
    "egt": "echt",
    "ech": "echt",
    "echt": "echt",
    "vn": "van",
    "gwn": "gewoon",
    "ofz": "of zo",
    "iem": "iemand",
    "idd": "inderdaad",
    "dnk": "denk",
    "wil": "wil",
    "wou": "wou",
    "kzou": "ik zou",
    "kzal": "ik zal",
    "khad": "ik had",
    "kwas": "ik was",
    "gister": "gisteren",
    "vanacht": "vannacht",
    "mama's": "mama",
    "stiefpa": "stiefvader",
    "stiefpapa": "stiefvader",
    "stiefma": "stiefmoeder",
    "stiefmama": "stiefmoeder",
    "pa": "papa",
    "mams": "mama",
    "paps": "papa",
    "jr": "jaar",
    "jaartjes": "jaar",
}

# "kben", "kheb", "kweet" ... -> "ik ben", "ik heb", "ik weet".
_K_VERBS = (
    "ben", "heb", "wil", "weet", "ga", "zit", "kan", "moet", "voel", "denk", "zou", "durf",
    "mag", "word", "was", "zyn", "zijn", "zen", "had", "snap", "hoop", "zie", "woon", "vind", "krijg", "hou", "werk",
    "wist", "dacht", "zeg", "zei", "wou", "kon", "mocht", "sta", "lig", "slaap",
)
_K_PREFIX = re.compile(r"^k(" + "|".join(_K_VERBS) + r")$")

_TOKEN_RE = re.compile(r"[a-z0-9']+|[^\sa-z0-9']", re.UNICODE)
_REPEAT_RE = re.compile(r"([a-z])\1{2,}")


def strip_accents(text: str) -> str:
    """'suïcide' -> 'suicide', 'één' -> 'een'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalize(text: str) -> str:
    """Lower-case, accent-free, chat abbreviations expanded, single spaces."""
    text = strip_accents(text.lower())
    text = text.replace("\u2019", "'").replace("`", "'")
    text = _REPEAT_RE.sub(r"\1\1", text)
    out = []
    for token in _TOKEN_RE.findall(text):
        mapped = _TOKEN_MAP.get(token)
        if mapped is None:
            k_match = _K_PREFIX.match(token)
            mapped = "ik " + k_match.group(1) if k_match else token
        out.append(mapped)
    return " ".join(out)
