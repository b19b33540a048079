"""The age of the person WRITING, from what they say about themselves.

Rules, not a model: an age is a fact stated in the text, and the rules must
tell "ik ben 15" (the writer) from "mijn zus van 15" (someone else).

- a number: "ik ben 15", "15j", "(16m)", "meisje van 14 hier", "ik word 16", a bare "15" as an answer;
- school: "zesde leerjaar", "3de middelbaar", "groep 8", "havo 3", "brugklas", "op kot" ... mapped
  to an approximate age;
- someone else's age ("mijn dochter van 4") is never the writer's age, but a writer who has a child
  of their own is an adult: `adult_by_context` says so.

All functions take text normalised by `textnorm.normalize`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from bot.components.professions import professional_opening

NUMBER_WORDS = {
    "zes": 6, "zeven": 7, "acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12,
    "dertien": 13, "veertien": 14, "vijftien": 15, "zestien": 16, "zeventien": 17,
    "achttien": 18, "negentien": 19, "twintig": 20, "eenentwintig": 21, "tweeentwintig": 22,
    "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60,
}
ORDINAL_WORDS = {
    "eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5, "zesde": 6, "zevende": 7,
}
_NUM = r"(?P<n>\d{1,2}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
_BARE_AGE = r"(?P<n>1\d|2[0-5])"
_ORD = (
    r"(?P<o>[1-7]) ?(?:ste|de|e|d|st)?|(?P<ow>"
    + "|".join(ORDINAL_WORDS)
    + r")"
)
# Words after a number that make it something other than an age ("ik ben 2 keer geslagen").
_NOT_AGE_AFTER = re.compile(
    r"^\s*(keer|x|dagen|dag|weken|week|maanden|maand|uur|uren|minuten|min|euro|kilo|kg|km|%|procent|"
    r"cm|meter|jaar (geleden|lang|getrouwd|samen|bij|aan het|mee)|jaar met|jaar samen|jaar getrouwd|"
    r"weken zwanger|maanden zwanger|vrouwen|mannen|meisjes|jongens|kinderen|personen|mensen|broers|zussen|vrienden)\b"
)
# "toen ik 12 was", "sinds ik 10 ben": an age in the past, not the writer's age now.
_PAST_AGE = re.compile(r"\b(toen|sinds|als|vanaf|tot|voor|na) ik (ben |was )?(\d{1,2}|[a-z]+tien|twaalf|elf)( jaar| j)?( oud)?$")
# A person noun right before a school phrase or an age: then it is someone else's.
_OTHER_PERSON = (
    r"(mijn|m'n|zijn|haar|onze|ons|hun|je|jouw|die|dat|een|de) "
    r"(zus|zusje|zussen|broer|broertje|broers|vriendin|vriendinnetje|vriend|vriendje|lief|dochter|dochtertje|"
    r"zoon|zoontje|kind|kindje|kinderen|nicht|nichtje|neef|neefje|kleinzoon|kleindochter|leerling|"
    r"leerlinge|leerlingen|buurmeisje|buurjongen|klasgenoot|klasgenote|stiefzus|stiefbroer|"
    r"halfzus|halfbroer|pleegkind|pleegdochter|pleegzoon|meisje|jongen|cousin|kameraad|maat|"
    r"stiefdochter|stiefzoon|client|clienten|clientje|patient|patientje|baby|tweeling|nichtjes)"
)
_OWN_CHILD = re.compile(
    r"\b(mijn|ons|onze) (zoon|zoontje|dochter|dochtertje|kind|kindje|kinderen|kids|baby|kleinzoon|kleindochter|"
    r"kleinkind|kleinkinderen|stiefzoon|stiefdochter|stiefkind|stiefkinderen|pleegkind|pleegkinderen|"
    r"pleegzoon|pleegdochter|tweeling)\b"
)
_OWN_CHILD_WITH_AGE = re.compile(
    r"\b(mijn|ons|onze) (zoon|zoontje|dochter|dochtertje|kind|kindje|kleinzoon|kleindochter|kleinkind|stiefzoon|"
    r"stiefdochter|stiefkind|pleegkind|pleegzoon|pleegdochter|baby)"
    r"( is| van| \(| ,)? ?\d{1,2}\b"
)

_OWN_NUMBER_PATTERNS = [
    # ik ben 15 / ik ben pas 13 jaar / ik ben nu zestien
    re.compile(r"\bik ben (?:(?:nu|net|pas|bijna|al|ook|maar|zelf|zelf ook|trouwens|nog maar|wel) ){0,2}" + _NUM + r"\b"),
    # ik ben een meisje van 14 / ik ben een jongen (15)
    re.compile(
        r"\bik ben (?:een |nog een |maar een )?(?:(?:oudere|jonge|oude|gewone) )?(?:meisje|meid|meidje|jongen|gast|kerel|kind|tiener|puber|"
        r"vrouw|man|student|studente|mama|moeder|vader|papa|dame|heer|leerling|leerlinge) "
        r"(?:van |\( ?)" + _NUM + r"\b"
    ),
    # meisje van 14 hier / jongen 15 hier / m16 hier
    re.compile(
        r"^(?:hoi |hey |hallo |hi |dag )?(?:een )?(?:meisje|meid|jongen|gast|vrouw|man|m|v|j) ?(?:van )?"
        + _NUM + r" ?(?:jaar|j)?,? (?:hier|en ik|,|\.)"
    ),
    # ik (16m) / ik, 15 jaar, ... / ik 15j
    re.compile(r"\bik ?,? \(? ?" + _NUM + r" ?(?:j|jaar|m|v|f|x)? ?\)?(?= |$|,)"),
    # (16m) or 15j or 16 m at the very start of the message
    re.compile(r"^(?:hoi |hey |hallo |hi |dag )?\( ?" + _NUM + r" ?(?:j|jaar|m|v|f|x|jr)? ?\)"),
    re.compile(r"^(?:hoi |hey |hallo |hi |dag )?" + _NUM + r" ?(?:j|m|v|f|jr)\b"),
    # a bare number as the whole answer: "15", "15 jaar", "ik 15", "15 jaar oud"
    re.compile(r"^(?:ik |ik ben |)" + _NUM + r" ?(?:jaar|j|jr)?(?: oud)? ?[.!]?$"),
    # mijn leeftijd is 15 / leeftijd: 15 / ik heb 15 jaar (Brussels Dutch)
    re.compile(r"\b(?:mijn leeftijd is|leeftijd ?:?|ik heb) " + _NUM + r" ?(?:jaar|j)\b"),
    re.compile(r"\bmijn leeftijd (?:is )?" + _NUM + r"\b"),
    # 15 jaar hier / ben 15 jaar / ben 15 (without "ik")
    re.compile(r"^(?:ben |en ben |ben zelf )" + _NUM + r"\b"),
    re.compile(r"\b" + _NUM + r" (?:jaar|j) (?:oud )?hier\b"),
    # ik werd net 16 / ik word volgende maand 16
    re.compile(r"\bik (?:werd|ben net|ben pas) (?:net |pas |vorige week |gisteren |vorige maand )?" + _NUM + r"\b"),
    # dialect and Limburg: 'k zyn 14 / ich bin 22; "nu ben ik 41"
    re.compile(r"\b(?:ik|ich) (?:zyn|zijn|bin|zen) (?:nu |noe |nou |al |pas |bijna )?" + _NUM + r"\b"),
    re.compile(r"\bben ik (?:nu |al |pas |inmiddels |intussen )?" + _NUM + r"\b"),
    re.compile(r"\bik ben (?:inmiddels|intussen|ondertussen|sinds kort|vandaag|sinds (?:vorige|deze) (?:week|maand)|sinds gisteren) " + _NUM + r"\b"),
    # English: i'm 15 / im 16 / i am 14 / i'm a 15 year old / 15 year old here
    re.compile(r"\b(?:i'm|im|i am|i m) (?:only |just |almost |nearly |now |turning )?(?:a )?" + _NUM + r"\b(?! (?:minutes|hours|days|weeks|months|times|km|miles|euros?)\b)"),
    re.compile(r"^(?:hi |hey |hello )?" + _NUM + r" ?(?:year old|yo|y o|yrs?|years old)\b"),
    # French: j'ai 14 ans / moi 15 ans
    re.compile(r"\b(?:j'ai|j ai|jai|moi,?) " + _NUM + r" ans\b"),
    # the writer in a group of the same age: "we zijn 16", "we're both 19", "she's 16 like me"
    re.compile(r"\b(?:we zijn|wij zijn|we're|were|we are) (?:allebei |alle twee |both |all |ook )?" + _NUM + r"\b(?! (?:jaar samen|jaar getrouwd|years together|married))"),
    re.compile(r"\b" + _NUM + r" (?:like me|zoals ik|net als ik|net zoals ik)\b"),
    # round 6: an age in brackets after what the writer is to someone ("ik ben de oudere zus (21)",
    # "ik ben zijn grote zus (21)"), the same age as someone ("ze is 13 en ik ook"), French without "ans"
    re.compile(r"\bik ben (?:de|zijn|haar|hun|z'n|een|hier de) (?:\w+ ){0,2}\( ?" + _NUM + r" ?(?:j|jaar|m|v)? ?\)"),
    # round 10: the same after a comma ("ik ben haar tante, 41, en ...", "ik ben haar kleinzoon, 17")
    re.compile(r"\bik ben (?:de|zijn|haar|hun|z'n|een|hier de) (?:\w+ ){0,2}, ?" + _NUM + r"(?= ?[,.!?)]|$| jaar\b)"),
    re.compile(r"\b(?:ze|zij|hij|die|(?:mijn|haar|zijn) \w+) is (?:ook |al )?" + _NUM + r"(?: jaar)? (?:en|,) ik (?:ook|ook al|evengoed)\b"),
    re.compile(r"\b(?:j'ai|j ai|jai) " + _NUM + r"(?= ?[.!?,]|$)"),
    # round 7: the age as a sentence of its own, typed last or first ("... ook mn ma. 16j. sorry",
    # "i deleted everything. 15", "15, ik heb ...", "ik heb niks gezegd. ben 16"); a bare number only
    # from 10 to 25 (a count or a time has a word after it)
    re.compile(r"[.!?] " + _NUM + r" ?(?:j|jr|jaar|yo)(?= ?[.!?,]|$)"),
    re.compile(r"[.!?] " + _BARE_AGE + r" ?[.!?]*$"),
    re.compile(r"^" + _BARE_AGE + r" ?(?:j|jaar)? ?, "),
    re.compile(r"[.!?,] (?:en )?ben (?:zelf |pas |nog maar |zelf pas )?" + _NUM + r"(?: ?(?:jaar|j))? ?[.!?]*$"),
    # round 11: "ik zit op het mbo en ben 16", the same age in French ("elle a 14 ans comme moi")
    re.compile(r"\bik (?:zit|woon|ga|werk|sport|speel) [^.?!]{0,30}\ben ben (?:zelf |pas |nu |al |nog maar )?" + _NUM + r"\b"),
    re.compile(r"\b" + _NUM + r" (?:ans )?(?:comme moi|pareil que moi)\b"),
]
# "ik ben al zes jaar mantelzorger": a duration, not an age
_DURATION_BEFORE = re.compile(r"\bal (?:bijna |meer dan |ruim |zo'n )?$")
_DURATION_AFTER = re.compile(r"^ ?jaar (?!oud\b|en\b|jong\b)[a-z]")
_WILL_TURN = re.compile(
    r"\bik word (?:binnenkort |bijna |volgende (?:week|maand) |deze maand |straks |morgen |overmorgen |(?:deze |volgende )?(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag) |in (?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) )?"
    + _NUM + r"\b"
)

# round 7: the subordinate clause ("tot ik 18 word", "als ik 16 word")
_WILL_TURN_CLAUSE = re.compile(r"\b(?:tot|als|wanneer|zodra|voor) ik " + _NUM + r" (?:word|wordt)\b")

# School level -> approximate age of the writer.
_SCHOOL_PATTERNS = [
    # higher education: "2de bach", "1ste master"; first, since round 11: "in het eerste jaar hogeschool"
    (re.compile(r"\b(?:" + _ORD + r") (?:bach|bachelor|ba|master|ma|jaar (?:unief|universiteit|hogeschool|hoge school|hbo|bachelor))\b"), lambda n: n + 17),
    (re.compile(r"\b(?:" + _ORD + r") (?:leerjaar|lj)\b"), lambda n: n + 5),
    (re.compile(r"\b(?:" + _ORD + r") (?:jaar )?(?:middelbaar|middelbare|secundair|humaniora|aso|tso|bso|kso)\b"), lambda n: n + 11),
    (re.compile(r"\b(?:" + _ORD + r") graad\b"), lambda n: 11 + 2 * n),
    (re.compile(r"\b(?:" + _ORD + r") (?:klas|klass)\b"), lambda n: n + 11),
    (re.compile(r"\bklas (?P<o>[1-6])\b()"), lambda n: n + 11),
    (re.compile(r"\b(?:in|zit in|uit) groep (?P<o>[3-8])\b()"), lambda n: n + 4),
    (re.compile(r"^groep (?P<o>[3-8])\b()"), lambda n: n + 4),
    (re.compile(r"\b(?:havo|vwo|vmbo|mavo|atheneum|gymnasium|gym|tl|kader|vmbo-t|vmbo-b|vmbo-k) ?(?P<o>[1-6])\b()"), lambda n: n + 11),
    (re.compile(r"\b(?P<o>[1-6]) ?(?:havo|vwo|vmbo|mavo|atheneum|gymnasium)\b()"), lambda n: n + 11),
    # Flanders: "in het 4de jaar", "uit het 1ste" (secondary school years without the word middelbaar)
    (re.compile(r"\b(?:in|uit|van|heel) (?:het|t) (?:" + _ORD + r") (?:jaar\b|(?=[.,!?]|$))"), lambda n: n + 11),
    # England and international schools: "year 9"; the US: "grade 7", "7th grade"
    (re.compile(r"(?:^|\b(?:in|im in|i'm in|i am in|we're in|were in|we are in) )year (?P<o>[1-9]|1[0-3])\b()"), lambda n: n + 4),
    (re.compile(r"\b(?:in|im in|i'm in|i am in) (?:the )?(?P<o>[1-9]|1[0-2]) ?(?:st|nd|rd|th)? grade\b()"), lambda n: n + 6),
    (re.compile(r"\b(?:in|im in|i'm in|i am in) grade (?P<o>[1-9]|1[0-2])\b()"), lambda n: n + 6),
    # French (Brussels): "en 6eme primaire", "en 3eme secondaire"
    (re.compile(r"\b(?P<o>[1-6]) ?(?:e|eme|ieme|de|ste|ere|er)? (?:annee )?primaire\b()"), lambda n: n + 5),
    (re.compile(r"\b(?P<o>[1-6]) ?(?:e|eme|ieme|de|ste|ere|er)? (?:annee )?(?:secondaire|humanite|humanites)\b()"), lambda n: n + 11),
    # round 7: "ik zit in 5de", "ik zit zelf in de 2e": a secondary year with nothing after it
    (re.compile(r"\bik zit (?:zelf |nu |nog |al )?in (?:de |het |t )?(?:" + _ORD + r")(?= ?[.,!?]|$| en\b| maar\b)"), lambda n: n + 11),
]
_SCHOOL_FIXED = [
    (re.compile(r"\bbrugklas(ser)?\b"), 12),
    (re.compile(r"\b(lagere school|basisschool|basis school|het lager|lagere)\b"), 10),
    (re.compile(r"\b(middelbaar|middelbare|secundair|het middelbaar|de middelbare)\b"), 15),
    (re.compile(r"\b(op kot|op kamers|unief|universiteit|hogeschool|hoge school|bachelor|1ste bach|eerste bach|ba1|hbo|mbo)\b"), 19),
    (re.compile(r"\b(high school|middle school|secondary school|primary school|elementary school|lycee|secondaire|primaire)\b"), 14),
]
# "ik ben leerkracht in het 2de leerjaar": the school level is where they work, not their age.
_TEACHING = re.compile(
    r"\b(ik ben|als|ik werk|ik geef|wij zijn|ik sta)\b[^.?!]{0,30}\b(\w*leerkracht|\w*juf|meester|leraar|lerares|docent|"
    r"\w*begeleider|directeur|directrice|mentor|\w*trainer|coach|zorgco\w*|clb\w*|leiding|stagiair|les|titularis)\b"
    # round 10: "ik sta voor het 6de leerjaar", "ik sta al 20 jaar voor de klas"
    r"|\bik sta (al (\w+ )?(jaar|jaren) )?voor (de|een|het|mijn)\b"
)


@dataclass
class AgeFinding:
    age: int
    source: str  # "number" or "school"
    start: int
    end: int


def _num_value(match: re.Match) -> Optional[int]:
    raw = match.group("n")
    if raw is None:
        return None
    return int(raw) if raw.isdigit() else NUMBER_WORDS.get(raw)


def _ord_value(match: re.Match) -> Optional[int]:
    groups = match.groupdict()
    if groups.get("o"):
        return int(groups["o"])
    if groups.get("ow"):
        return ORDINAL_WORDS[groups["ow"]]
    return None


# the connector a school pattern starts with ("uit het 4de jaar"): whose school it is sits before it
_SCHOOL_LEAD = re.compile(r"(?:in|uit|van|heel|im in|i'm in|i am in|we're in|were in|we are in) (?:het |t )?")
_OTHER_NOUN = (
    r"\b(?:leerling|leerlinge|leerlingen|jongen|jongens|meisje|meisjes|kind|kinderen|kindje|jongetje|zoon|zoontje|"
    r"dochter|dochtertje|zus|zusje|broer|broertje|nicht|nichtje|neef|neefje|pupil|pupils|student|students|studente|"
    r"girl|boy|kid|kids|child|daughter|son|sister|brother|cousin|friend|classmate|eleve|fille|fils|soeur|frere|"
    r"cliente?|patiente?|bewoner|bewoonster|speler|speelster|sporter)\b"
)


def _belongs_to_other(text: str, start: int) -> bool:
    """True when a person noun ("mijn zus", "haar dochter", "een leerling uit") sits right before `start`."""
    before = text[max(0, start - 40):start]
    # round 10: "ik ben haar kleinzoon en zit in 4 aso": the writer is the person named
    if re.search(r"\b(?:ik ben|i'm|i am) (?:haar|zijn|hun|z'n|his|her|their) \w+(?: en| and)? (?:zit|zat|ben|am) (?:in|op|at)?\s*(?:het|de|t|the)?\s*$", before):
        return False
    # "wij zijn met 4 meisjes uit 5 vwo": the writer's own group
    if re.search(r"\b(?:wij|we) (?:zijn|zitten) (?:met )?(?:\w+ ){0,2}(?:uit|in|van) (?:het |de |t )?$", before):
        return False
    if re.search(r"\b(?:hij|zij|ze|he|she|il|elle|they|zijn \w+|haar \w+|his \w+|her \w+)(?: \w+)? (?:zit|zat|is|gaat|ging|zit nog|is in|goes|went|est|va) (?:in|naar|op|to|en|a)?\s*(?:het|de|t|the)?\s*$", before):
        return True
    if re.search(_OTHER_PERSON + r" ?(?:van|is|zit in|zit op|zit|gaat naar|in|op|uit|\()?\s*(?:het|de)?\s*$", before):
        return True
    return re.search(
        _OTHER_NOUN + r"(?: \w+){0,2} (?:van|uit|in|zit in|zit op|gaat naar|is in|in the|from|of|from the|de|du)\s*(?:het|de|t|the)?\s*$",
        before,
    ) is not None


def own_age(text: str) -> Optional[AgeFinding]:
    """The writer's own age, or None. `text` is normalised."""
    for pattern in _OWN_NUMBER_PATTERNS:
        for match in pattern.finditer(text):
            value = _num_value(match)
            if value is None or not 6 <= value <= 99:
                continue
            if _NOT_AGE_AFTER.match(text[match.end("n"):]) or _PAST_AGE.search(text[: match.end()]):
                continue
            if _DURATION_BEFORE.search(text[: match.start("n")]) and _DURATION_AFTER.match(text[match.end("n"):]):
                continue
            if _belongs_to_other(text, match.start()):
                continue
            return AgeFinding(value, "number", match.start(), match.end())
    for match in (m for pattern in (_WILL_TURN, _WILL_TURN_CLAUSE) for m in pattern.finditer(text)):
        value = _num_value(match)
        if value and 7 <= value <= 99:
            return AgeFinding(value - 1, "number", match.start(), match.end())
    if _TEACHING.search(text) or professional_opening(text):
        return None
    short_answer = len(text.split()) <= 6
    for pattern, to_age in _SCHOOL_PATTERNS:
        for match in pattern.finditer(text):
            level = _ord_value(match)
            if level is None:
                continue
            # a school level nobody else owns is the writer's ("in groep 7 pesten ze me")
            lead = _SCHOOL_LEAD.match(text, match.start())
            if _belongs_to_other(text, match.start()) or (lead and _belongs_to_other(text, lead.end())):
                continue
            return AgeFinding(to_age(level), "school", match.start(), match.end())
    for pattern, age in _SCHOOL_FIXED:
        for match in pattern.finditer(text):
            if _belongs_to_other(text, match.start()):
                continue
            prefix = text[:match.start()]
            if short_answer or re.search(
                r"\bik (zit|ben|ga|studeer|woon|zat)\b[^.?!,]{0,15}$", prefix
            ):
                return AgeFinding(age, "school", match.start(), match.end())
    return None


def adult_by_context(text: str) -> bool:
    """The writer speaks of their own child ("mijn dochter van 4"): the writer is an adult."""
    return bool(_OWN_CHILD_WITH_AGE.search(text) or _OWN_CHILD.search(text))


def age_group_of(age: int) -> str:
    return "minor" if age < 18 else "adult"
