"""Briefing details quoted from the visitor's own words: who, where, when.

Nothing is paraphrased: each detail is the phrase the visitor wrote, so the counsellor reads
their words and the visitor does not have to tell it again.
"""
from __future__ import annotations

import re
from typing import Dict, Iterable, List

PERSONS = (
    r"(?:stief)?(?:vader|papa|pa|moeder|mama|ma|broer|broertje|zus|zusje)|oom|tante|opa|oma|neef|nicht|"
    r"vriend|vriendin|vriendje|lief|ex|man|vrouw|partner|leerkracht|juf|meester|leraar|lerares|trainer|coach|"
    r"buurman|buurvrouw|baas|collega|klasgenoot|monitor|leider|leiding|begeleider|pleegvader|pleegmoeder"
)
RELATION = re.compile(rf"\b(?:mijn|m'n|mn|me|ons|onze)\s+(?:{PERSONS})\b(?:\s+van\s+(?:mijn|m'n|mn)\s+\w+)?", re.I)
SETTING = re.compile(
    r"\b(?:thuis|bij ons thuis|op school|in de klas|op kamp|op de sportclub|op training|op het werk|"
    r"op (?:snap|snapchat|insta|instagram|tiktok|whatsapp|discord)|online|op een feestje|op (?:het|een) feest|"
    r"op straat|in de jeugdbeweging|bij de (?:chiro|scouts|ksa)|op kot|in het internaat|in de auto)\b",
    re.I,
)
WHEN = re.compile(
    r"\b(?:vannacht|gisteren(?:avond|nacht)?|eergisteren|vandaag|vanochtend|vanmorgen|vorige (?:week|maand|nacht)|"
    r"vorig jaar|dit weekend|vorig weekend|al (?:jaren|maanden|weken|een tijd|lang)|elke (?:dag|avond|nacht|week)|"
    r"bijna elke (?:dag|avond|nacht)|sinds (?:de |het |mijn |m'n |mn |ik )?\w+|toen ik \d{1,2} (?:was|jaar was))\b",
    re.I,
)


def _quotes(pattern: re.Pattern, words: Iterable[str]) -> List[str]:
    found: List[str] = []
    for text in words:
        for match in pattern.finditer(text):
            phrase = match.group(0).strip()
            if phrase.lower() not in (item.lower() for item in found):
                found.append(phrase)
    return found


def briefing_details(visitor_words: List[str]) -> Dict[str, str]:
    """{'relation': 'mijn stiefvader', 'setting': 'thuis', 'when': 'al maanden'}: only what was said."""
    details = {}
    for key, pattern in (("relation", RELATION), ("setting", SETTING), ("when", WHEN)):
        quotes = _quotes(pattern, visitor_words)
        if quotes:
            details[key] = "; ".join(quotes)[:1000]
    return details
