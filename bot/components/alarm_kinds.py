"""Round 12 alarm kinds (LABELLING.md signs the alarm of `clauses` missed), used by `clauses.alarm`.

- a threat tied to a clock time, in a condition ("als ik om 10 uur niet in het park ben zet hij mijn
  naaktfoto's online", "ik ga het voelen als hij om 6 uur thuiskomt"): the guide's "a threat with a time";
- acting on someone's wish that the writer were not alive ("ze wou dat ik nooit geboren was. ik ga haar
  die wens geven"): an indirect plan to die;
- a letter or envelope to be opened later, the writer's own or someone else's (the guide's farewell
  letter "to be opened later");
- someone's plan or wish to end their life told by another person ("nu wil hij er een eind aan maken"),
  unless it is pressure on the writer ("... als ik hem verlaat").

`clauses.alarm` applies them only when the message is no joke and does not say the danger is over.
"""

from __future__ import annotations

import re

_CLOCK = r"(\b(om|tegen|voor|at|by|before) \d{1,2}( ?(u|uur|h|pm|am|o'clock)|:\d\d)(?=\W|$)|\b(by|before) \d{1,2}\b(?! (days|weeks|years|dagen|weken|jaar)))"
_THREAT = (
    r"(het|t|da|dat) (ga|gaat|zal|zult|gaan) voelen|ga (het |t )?voelen|(komt|komen) (hij|ze|zij) (me|mij|ons) (\w+ ){0,2}(halen|pakken)"
    r"|naaktfoto\w*|naaktbeelden|nudes|pak slaag|in elkaar (slaan|slaat|stampen|trappen)|(slaat|sla|slaan) (hij|ze|zij|ik)? ?(me|mij)\b"
    r"|afmaken|vermoord\w*|kapot ?maken|(zet|zetten|deelt|delen|stuurt|sturen) (hij|ze|zij) (de|die|mijn|mn|m'n) (foto|fotos|foto's|filmpje|video)"
    r"|(gooit|gooien|duwt|duwen|smijt|smijten) (hij |ze |zij )?(hem|haar|me|mij|ons) (\w+ )?(de trap af|van de trap)"
    r"|(post|share|leak|send) (my|the) (nudes|pics|photos|video)|(come|coming) (and |to )?get me|beat me|hurt me|kill me|pay for it"
)
_TIMED_THREAT = re.compile(
    r"\b(als|as|if) (ik|je|jij|i|you|hij|ze|zij|he|she|mijn \w+|mn \w+)\b[^.?!]{0,30}(" + _CLOCK + r"|\b(vanavond|vannacht|straks|tonight)\b)[^.?!]{0,90}\b(" + _THREAT + r")"
    r"|\b(" + _THREAT + r")\b[^.?!]{0,50}\b(als|wanneer|when|once) (hij|ze|zij|he|she|ik|i) [^.?!]{0,15}" + _CLOCK
)
# a threat a week or more ahead is no danger today
_LATER = re.compile(r"\b(volgende|volgend|next) (week|maand|weekend|jaar|week|month|year)\b|\bover (een|twee|\d+) (weken|maanden)\b")

_WISHED_GONE = re.compile(
    r"\b(wou|wilde|wenste|zou willen|wil|wish(es|ed)?) ((dat|that) )?(ik|i) (nooit (geboren|er) (was|ben|geweest)|er (nooit |niet )(was|meer was|geweest)|"
    r"dood (was|ben)|niet (bestond|besta)|(never (was|were|had been)|(was|were) never) born|was dead|didn't exist)\b"
)
_GRANT_WISH = re.compile(
    r"\bik (ga|zal) (haar|hem|hun|ze|jullie) (die|dat|deze|haar|zijn|hun|jullie)? ?(wens|zin) (geven|vervullen|bezorgen)\b"
    r"|\b(dan|straks|binnenkort|snel) krijg(t|en)? (ze|zij|hij|jullie) (\w+ )?(haar|zijn|hun|jullie|die)? ?(wens|zin)\b"
    r"|\b(die|haar|zijn|hun) wens (gaat|zal|komt) (\w+ )?(uitkomen|in vervulling)\b"
    r"|\b(i'll|i will|i'm going to|im going to|gonna) (give|grant) (her|him|them) (that|her|his|their) wish\b"
)

_OPEN_LATER = re.compile(
    r"\b(envelop|enveloppe|brief|briefje|brieven|letter|note|kaartje)\b[^.?!]{0,60}"
    r"\b((pas|niet|nie|ni) (\w+ )?(te )?openen (na|als|wanneer|over|tot|voor|later)|openen als (ik|hij|ze|zij) (er )?(niet meer|weg)|"
    r"pas (na|over) [^.?!]{0,25}(openen|open doen|lezen)|(do not|don't|dont|only) open (it |this )?(until|before|after|when))\b"
)

_OTHERS_END = re.compile(
    r"\b(wil|wilt|willen|gaat|zal|denkt eraan|dacht eraan|is van plan|wants to|is going to)\b ((hij|ze|zij|he|she) )?['\"]?(om )?(er|zichzelf)? ?(een )?(eind|einde) aan (te )?(maken|zijn leven|haar leven)\b(?! (aan|met) )"
    r"|\b(er|zichzelf) (een )?(eind|einde) aan (wil|wilt|willen|gaat|zal) maken\b|\bzichzelf (van kant|iets aan|dood) (wil|wilt|gaat|zal) (maken|doen)\b"
    r"|\b(eind|einde) aan (zijn|haar|hun) (eigen )?leven (te )?(maken|maakt|maken)\b"
    r"|\b(hij|zij|ze) (wil|wou|wilt) (niet meer leven|dood|zichzelf (van kant maken|ophangen|doden|iets aandoen))\b"
    r"|\b(hij|ze|zij)\b [^.?!]{0,25}\b(een )?(eind|einde) (maakt|gaat maken|zal maken)\b(?! aan (de|het|die|dat|onze|hun|die|deze) )"
    r"|\b(hij|ze|zij) (\w+ )?(van|uit|voor) (het|de|een) (balkon|dak|brug|raam|flat|trein) (springt|wil springen|gaat springen|zal springen)\b"
    r"|\b(hij|ze|zij) (springt|wil springen|gaat springen|zal springen) (van|uit|voor) (het|de|een) (balkon|dak|brug|raam|flat|trein)\b"
    r"|\b(he|she) (wants to|is going to|will) (die|end (it|his life|her life)|kill (himself|herself))\b"
)


# danger now shown by a situation: someone drunk now, smashing things ("mijn papa is heel dronken en slaat
# alles kapot"); not a habit ("als hij dronken is ...", "hij is vaak dronken")
_DRUNK_RAGE_NOW = re.compile(
    r"\b(is|zijn) ((nu|weer|heel|erg|zo|echt|super|helemaal|straal|stom) )*(dronken|zat|bezopen|stomdronken|straalbezopen|drunk|high)\b"
    r"[^.?!]{0,40}\b(slaat|smijt|gooit|schopt|breekt|trapt|smashing|throwing|breaking) (\w+ ){0,3}(kapot|stuk|tegen de muur|door|om|everything|things)\b"
)

_IF_WRITER = re.compile(r"\b(als|as|tenzij|if|unless) (ik|i)\b")
_OWN_PLAN = re.compile(r"\bik (wil|ga|denk|zal)\b|\bi (want|will|am going)\b")


def timed_threat(norm: str) -> bool:
    """A threat tied to a time today, or danger now shown by the situation."""
    if _DRUNK_RAGE_NOW.search(norm):
        return True
    return bool(_TIMED_THREAT.search(norm)) and not _LATER.search(norm)


def indirect_end(norm: str, pressure: bool) -> bool:
    """A wish granted to be gone, a letter for later, someone's plan to end their life (not pressure)."""
    if _WISHED_GONE.search(norm) and _GRANT_WISH.search(norm):
        return True
    if _OPEN_LATER.search(norm):
        return True
    if pressure:
        return False
    return any(_OTHERS_END.search(part) and not _on_writer(part) for part in re.split(r"[.?!]", norm))


def _on_writer(sentence: str) -> bool:
    """Someone's threat on a condition the writer must meet ("als ik niet terugkom"): pressure, not a plan."""
    return bool(_IF_WRITER.search(sentence)) and not _OWN_PLAN.search(sentence)
