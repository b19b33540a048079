"""How a writer shows they write in their job: a title at the start, "I'm a teacher", "ik geef les".

Shared by the age rules (a job makes the writer an adult, and a school level then is where they
work) and the role cues. Professionals often open with their title and no verb ("Huisarts.",
"Leerkracht groep 6.", "jeugdwerker hier", "CLB-medewerker: ..."), in Dutch, English or French.
Patterns work on text normalised by `textnorm.normalize` (hyphens and punctuation are separate
tokens: "clb - arts .").
"""

from __future__ import annotations

import re

# Job titles; a compound ending in one of them counts too ("zorgleerkracht", "thuisbegeleider").
TITLES = (
    r"leerkracht|juf|juffrouw|meester|leraar|lerares|docent|docente|mentor|zorgcoordinator|"
    r"leerlingbegeleider|leerlingenbegeleider|huisarts|arts|dokter|verpleegkundige|verpleger|psycholoog|"
    r"therapeut|werker|hulpverlener|begeleider|begeleidster|opvoeder|opvoedster|onthaalouder|onthaalmoeder|"
    r"gastouder|trainer|trainster|coach|jeugdwerker|jeugdleider|animator|kinesist|fysiotherapeut|politie|agent|"
    r"inspecteur|clb|directeur|directrice|pedagoog|orthopedagoog|logopedist|tandarts|vroedvrouw|verloskundige|"
    r"sociaal assistent|zorgverlener|kinderverzorger|kinderverzorgster|consulent|medewerker|medewerkster|"
    r"stagiair|stagiaire|leidster|leider|monitor|verzorgende|verzorger|verzorgster|decaan|wijkteam|"
    r"ib'er|pm'er|poh|gezinszorg|thuiszorg|jeugdbrigade|zedenpolitie|huisbezoeker|schoolarts|ggd|"
    r"teacher|nurse|doctor|gp|social worker|youth worker|counsellor|counselor|therapist|psychologist|"
    r"police|police officer|officer|midwife|paramedic|caseworker|case worker|principal|headteacher|"
    r"enseignant|enseignante|institutrice|instituteur|professeur|infirmier|infirmiere|medecin|educateur|"
    r"educatrice|assistante sociale|assistant social|policier"
)
# a finite verb after the noun makes it a sentence about someone ("politie heeft hem meegenomen ,")
_VERBS = (
    r"heeft|hebben|is|zijn|was|waren|zegt|zei|zeggen|komt|kwam|wil|wou|gaat|ging|staat|stond|belde|belt|doet|deed|"
    r"zit|zat|heb|ben|kan|kon|moet|mag|zou|weet|vindt|vond|ziet|zag|stuurt|stuurde|vraagt|vroeg|"
    r"has|had|said|says|came|wants|called|calls|told|tells|did|does|est|a|dit|veut"
)
_GREETING = r"(?:(?:hoi|hallo|hey|dag|hi|hello|goedemiddag|goedenavond|goedemorgen|bonjour)\W+)?"
# "Huisarts." / "Leerkracht groep 6." / "jeugdwerker hier" / "CLB - medewerker :" at the very start
LEADING_TITLE = re.compile(
    r"^" + _GREETING + r"(?:ik ben |i'm |im |i am |je suis )?(?:een |a |an |the |la |le )?"
    r"(?:(?!(?:mijn|de|het|onze|haar|zijn|my|our|her|his|ma|mon|" + _VERBS + r") )[\w']+ (?:- )?){0,2}"
    r"\w*(?:" + TITLES + r")\b(?: (?!(?:" + _VERBS + r")\b)[\w'-]+){0,4}(?: [.,:;!?]| (?:hier|here|ici)\b)"
)
# "I'm a youth worker" / "I teach" / "je suis infirmière" / "my pupils"
ENGLISH_FRENCH = re.compile(
    r"\b(?:i'm|im|i am|i work as|as) (?:a|an|the) (?:\w+ ){0,2}?(?:" + TITLES + r")\b"
    r"|\bi (?:teach|work at a school|work in a school|work in youth care|work for the police)\b"
    r"|\b(?:one of )?my (?:pupils?|students|patients?|clients?)\b"
    r"|\bje suis (?:\w+ )?(?:" + TITLES + r")\b|\b(?:un|une) de mes (?:eleves|patients|patientes|clients)\b"
    r"|\bmon eleve\b|\bmes eleves\b"
)
# Dutch phrases of the job without a title
DUTCH_PHRASES = re.compile(
    r"\bik geef les\b|\bik sta voor de klas\b|\bik begeleid\b|\bik loop stage (in|bij|op)\b|\bin mijn caseload\b|\bvanuit (het|ons|de) \w+\b[^.?!]{0,20}\bbegeleid"
    r"|\bik werk (in|bij|op) (de|het|een) (\w+ )?(opvang|kinderopvang|buitenschoolse opvang|thuiszorg|jeugdhuis|"
    r"ziekenhuis|school|basisschool|rusthuis|woonzorgcentrum|verpleeghuis|jeugdzorg|wijkteam|ocmw|politie|"
    r"kinderdagverblijf|creche|leefgroep|instelling|praktijk|spoed|seh)\b"
)


def professional_opening(norm: str) -> bool:
    """The writer presents themselves in their job (title at the start, or a job phrase)."""
    return bool(LEADING_TITLE.search(norm) or ENGLISH_FRENCH.search(norm) or DUTCH_PHRASES.search(norm))


__all__ = ["TITLES", "LEADING_TITLE", "ENGLISH_FRENCH", "DUTCH_PHRASES", "professional_opening"]
