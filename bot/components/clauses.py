"""Clause-level cues that word n-grams see badly: hyperbole, danger that is over, habit, pressure.

Each cue comes from the labelling guide's list of urgency `none` cases (LABELLING.md): a joke with
"dood", violence in the past with safety now, a pattern without danger tonight, someone else
threatening suicide to pressure the writer, thanks because things are better. They are features
of the urgency model (it learns how much each one counts), not rules. Text is normalised
(`textnorm.normalize`); `sentences` splits it for per-sentence scoring.
"""

from __future__ import annotations

import re
from typing import List

_HYPERBOLE = re.compile(
    r"\b(dood|kapot|sterf|sterven|bezwijk) (van het|van de|van|v) (lachen|schaamte|verveling|honger|dorst|stress|warmte|kou|slaap)"
    r"|\b(gsm|telefoon|batterij|laptop|fiets|auto|plant|planten|wifi|accu)\b[^.?!]{0,20}\b(dood|sterft|gestorven)\b"
    r"|\b(vermoordt|vermoorden|maakt|killt|doodt)\b[^.?!]{0,30}\b(rapport|punten|toets|examen|huiswerk|kamer|telefoon|gsm|cijfers|te laat)\b"
    r"|\b(rapport|punten|toets|examen|cijfers)\b[^.?!]{0,40}\b(vermoordt|vermoorden|ga ik dood|ben ik dood|dood)\b"
    r"|\b(lol|haha\w*|hihi|jk|grapje|xd|grap)\b|😂|🤣|😅|😆|💀"
    r"|\bik ga eraan\b[^.?!]{0,25}\b(als|van|toets|examen|rapport)\b"
)
_OVER = re.compile(
    r"\b(vroeger|toen ik (klein|kind|jong|\d+)|jaren geleden|lang geleden|vorig jaar|destijds)\b"
    r"|\b(nu|inmiddels|ondertussen|intussen|sindsdien) (woon|ben|zit|voel) ik (\w+ )?(veilig|goed|beter|apart|alleen|weg)\b"
    r"|\b(het is|alles is|het gaat) (nu |inmiddels )?(voorbij|beter|goed)\b"
    r"|\bik ben (weg|vertrokken|verhuisd)\b"
)
_HABITUAL = re.compile(
    r"\b(als|wanneer|telkens als|elke keer als|iedere keer als|zodra) (hij|ze|zij|mijn \w+|papa|mama)\b"
    r"|\b(soms|vaak|altijd|meestal|regelmatig|af en toe|al jaren|al maanden)\b"
    r"|\belke (dag|week|avond|nacht|keer|maand)\b|\biedere (dag|week|avond|keer)\b"
)
_PRESSURE = re.compile(
    r"\b(hij|zij|ze|mijn (vriend|vriendin|lief|man|vrouw|ex|partner))\b[^.?!]{0,20}\b(zegt|zei|dreigt|dreigde|roept)\b"
    r"[^.?!]{0,40}\b(zichzelf|zich|hem|haar)\b[^.?!]{0,25}\b(iets aan|van kant|dood|ophangen|zelfmoord|aandoet|doden)"
    r"|\bals ik (hem|haar|het) (verlaat|weg ga|wegga|uitmaak)\b"
)
_THANKS_BETTER = re.compile(
    r"\b(dank|bedankt|merci|thanks)\b[^.?!]{0,40}\b(beter|goed|veilig|geholpen|opgelost)\b"
    r"|\b(het gaat|gaat het|ik ben) (nu )?(veel |een stuk |al )?(beter|veilig)\b"
)
_NOW = re.compile(
    r"\b(nu|nu net|op dit moment|momenteel|vannacht|vanavond|straks|zonet|daarnet|net nu|terwijl ik (dit )?(typ|schrijf)|right now|now|tonight)\b"
)
_FIRST_PERSON_END = re.compile(r"\b(mijn leven|mezelf|mijzelf|myself|my life)\b")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+|\s*\n+\s*|\s+(?:maar|but)\s+")

NAMES = ("hyperbole", "over", "habitual", "pressure", "thanks_better", "now", "self")


def clause_vector(norm: str) -> List[float]:
    return [
        1.0 if _HYPERBOLE.search(norm) else 0.0,
        1.0 if _OVER.search(norm) else 0.0,
        1.0 if _HABITUAL.search(norm) else 0.0,
        1.0 if _PRESSURE.search(norm) else 0.0,
        1.0 if _THANKS_BETTER.search(norm) else 0.0,
        1.0 if _NOW.search(norm) else 0.0,
        1.0 if _FIRST_PERSON_END.search(norm) else 0.0,
    ]


def sentences(text: str) -> List[str]:
    """The sentences of a (raw or normalised) text, without empty pieces; at least the text itself."""
    parts = [part.strip() for part in _SENTENCE_SPLIT.split(text) if part and part.strip()]
    return parts or [text]
