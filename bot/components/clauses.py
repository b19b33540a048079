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
    # English and French
    r"|\b(die|died|dying|dead) (of|from) (laughter|laughing|embarrassment|shame|boredom)\b|\b(dead|died) lol\b"
    r"|\b(kill|murder) (me|him|her|you)\b[^.?!]{0,30}\b(if|when)\b[^.?!]{0,40}\b(report|grades|phone|clothes|xbox|room|late)\b"
    r"|\b(mourir|morte?|meurs) (de|d') ?(rire|honte|ennui)\b|\bmdr\b|\blmao\b|\blmfao\b|\bmort de rire\b"
)
_OVER = re.compile(
    r"\b(vroeger|toen ik (klein|kind|jong|\d+)|jaren geleden|lang geleden|vorig jaar|destijds)\b"
    r"|\b(nu|inmiddels|ondertussen|intussen|sindsdien) (woon|ben|zit|voel) ik (\w+ )?(veilig|goed|beter|apart|alleen|weg)\b"
    r"|\b(het is|alles is|het gaat) (nu |inmiddels )?(voorbij|beter|goed)\b"
    r"|\bik ben (weg|vertrokken|verhuisd)\b"
    r"|\b(jaar|maanden|weken) geleden\b|\bvorige (maand|zomer|winter)\b|\b(contactverbod|straatverbod|huisverbod)\b"
    r"|\bik ben (nu )?(niet|ni) in gevaar\b|\bnu is het (rustig|stil)\b|\bhij (zit|is) (nu )?(vast|in de gevangenis|op reis)\b"
    # English and French
    r"|\b(years|months|weeks) ago\b|\blast (year|summer|winter|month)\b|\bback then\b|\bused to\b|\bgrowing up\b"
    r"|\bwhen i was (little|a kid|a child|young|small|\d+)\b|\b(i'm|im|i am) (safe|okay|ok|doing (better|okay|ok|well))( now)?\b"
    r"|\bnot in danger\b|\b(i|we) (left|moved out|moved away)\b|\brestraining order\b|\bit's (quiet|calm|over) now\b"
    r"|\bil y a (\w+ )?(ans|mois|annees)\b|\bje suis partie?\b|\bje vais (bien|mieux)\b|\bquand j'etais (petite?|enfant)\b"
)
_HABITUAL = re.compile(
    r"\b(als|wanneer|telkens als|elke keer als|iedere keer als|zodra) (hij|ze|zij|mijn \w+|papa|mama)\b"
    r"|\b(soms|vaak|altijd|meestal|regelmatig|af en toe|al jaren|al maanden)\b"
    r"|\belke (dag|week|avond|nacht|keer|maand)\b|\biedere (dag|week|avond|keer)\b"
    r"|\b(always|often|sometimes|every (day|night|time|week|evening)|whenever|for years|for months)\b"
    r"|\b(toujours|souvent|parfois|tous les (jours|soirs)|chaque (fois|soir|jour)|depuis des (annees|ans|mois))\b"
)
_PRESSURE = re.compile(
    r"\b(hij|zij|ze|mijn (vriend|vriendin|lief|man|vrouw|ex|partner))\b[^.?!]{0,20}\b(zegt|zei|dreigt|dreigde|roept)\b"
    r"[^.?!]{0,40}\b(zichzelf|zich|hem|haar)\b[^.?!]{0,25}\b(iets aan|van kant|dood|ophangen|zelfmoord|aandoet|doden)"
    r"|\bals ik (hem|haar|het) (verlaat|weg ga|wegga|uitmaak)\b"
    r"|\b(he|she|they)('ll| will| would)? (says?|said|threatens?|threatened)\b[^.?!]{0,40}\b(kill|hurt) (himself|herself|themselves)\b"
    r"|\bif i (leave|break up|go)\b[^.?!]{0,30}\b(kill|hurt) (himself|herself)\b|\bsi je le quitte\b|\bva se tuer si\b"
)
_THANKS_BETTER = re.compile(
    r"\b(dank|bedankt|merci|thanks)\b[^.?!]{0,40}\b(beter|goed|veilig|geholpen|opgelost)\b"
    r"|\b(het gaat|gaat het|ik ben) (nu )?(veel |een stuk |al )?(beter|veilig)\b"
    r"|\b(thank you|thanks|merci)\b[^.?!]{0,60}\b(better|safe|helped|calmer|lighter|mieux|aide)\b|\bjust wanted to (say|let you know)\b"
    r"|\bwilde? (jullie )?(even )?(laten weten|bedanken|zeggen dat het goed gaat)\b"
)
_NOW = re.compile(
    r"\b(nu|nu net|op dit moment|momenteel|vannacht|vanavond|straks|zonet|daarnet|net nu|terwijl ik (dit )?(typ|schrijf)|right now|now|tonight|"
    r"just now|at the moment|this evening|maintenant|ce soir|cette nuit|en ce moment)\b"
)
# asking how a procedure works, not for help now ("kan ik nog aangifte doen?", "who do I report this to?")
_PROCEDURE = re.compile(
    r"\b(kan ik (nog )?(aangifte|klacht|een melding)|hoe (werkt|doe ik|meld ik|pak ik|breng ik)|bij wie (meld|moet|kan)|"
    r"is (dat|dit|het) (normaal|strafbaar|geweld|misbruik|verkrachting)|wat zijn (de|mijn) (eerste )?stappen|"
    r"moet ik (dit|dat|het) melden|heeft het (nog )?zin|"
    r"who do i (report|tell|contact)|how do i (report|know|stop|talk)|is (that|this|it) (normal|abuse|rape|a crime|illegal)|"
    r"what are my options|can i still|do i have to|should i (tell|report)|what happens (next|if)|"
    r"est-ce que c'est normal|a qui je peux|je dois porter plainte)\b"
)
_FIRST_PERSON_END = re.compile(r"\b(mijn leven|mezelf|mijzelf|myself|my life|ma vie|me tuer|moi-meme)\b")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+|\s*\n+\s*|\s+(?:maar|but)\s+")

NAMES = ("hyperbole", "over", "habitual", "pressure", "thanks_better", "now", "self", "procedure")


def clause_vector(norm: str) -> List[float]:
    return [
        1.0 if _HYPERBOLE.search(norm) else 0.0,
        1.0 if _OVER.search(norm) else 0.0,
        1.0 if _HABITUAL.search(norm) else 0.0,
        1.0 if _PRESSURE.search(norm) else 0.0,
        1.0 if _THANKS_BETTER.search(norm) else 0.0,
        1.0 if _NOW.search(norm) else 0.0,
        1.0 if _FIRST_PERSON_END.search(norm) else 0.0,
        1.0 if _PROCEDURE.search(norm) else 0.0,
    ]


def sentences(text: str) -> List[str]:
    """The sentences of a (raw or normalised) text, without empty pieces; at least the text itself."""
    parts = [part.strip() for part in _SENTENCE_SPLIT.split(text) if part and part.strip()]
    return parts or [text]
