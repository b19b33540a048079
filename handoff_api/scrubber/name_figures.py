"""Public figures by the form of the sentence around a name, not by a list: a king or a pope
("Koning Filip"), an idol ("Dries Mertens is zijn idool"), a famous one of a profession someone
wants to be like ("profvoetballer worden zoals Lukaku"), a politician speaking in the media
("Bart De Wever zei op het nieuws"), an artist with a song ("Angèle heeft een lied over ...").

A mixin for the name rules: the host owns ``first_names`` and ``_title``. Asked only for a
name no kin word, title or "ik ben"/"heet" named (``ctx`` empty), so "mijn broer Jan heeft een
liedje over mij" stays a name.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

_ROYAL = frozenset(
    "koning koningin prins prinses kroonprins kroonprinses paus keizer keizerin groothertog".split()
)
_IDOL_AFTER = re.compile(
    r"(?i)^\s*,?\s*(?:is|was|blijft)\s+(?:echt\s+)?(?:mijn|zijn|haar|ons|hun|m'n|z'n|mn|zn)\s+"
    r"(?:grote\s+|groot\s+|absolute\s+)?(?:idool|held|voorbeeld)\b"
)
_IDOL_BEFORE = re.compile(r"(?i)\b(?:idool|idolen)\s*(?:is|was|:|,)?\s*$")
_PROFESSIONS = (
    r"(?:prof)?(?:voetballer|voetbalster|wielrenner|tennisser|basketballer|atleet|zanger|zangeres|"
    r"rapper|artiest|acteur|actrice|youtuber|influencer|streamer|dj|model|schrijver|schrijfster)s?"
)
# "mijn favoriete zanger is Joost Klein", "haar lievelingsrapper: ..."
_FAVOURITE_BEFORE = re.compile(
    rf"(?i)\b(?:favoriete\s+|lievelings-?){_PROFESSIONS}\s*(?:is|was|blijft|:|,)?\s*$|"
    r"\b(?:favoriete\s+|lievelings-?)(?:band|groep|artiesten)\s*(?:is|was|:|,)?\s*$"
)
_ROLE_MODEL_BEFORE = re.compile(
    rf"(?i)\b{_PROFESSIONS}\s+(?:\w+\s+){{0,2}}?(?:worden\s+|zijn\s+)?(?:zoals|als|net\s+als)\s+$"
)
_MEDIA_SAY_AFTER = re.compile(
    r"(?i)^\s+(?:\w+\s+){0,1}?(?:zei|zegt|zeggen|vertelde|vertelt|verklaarde|beweerde|riep|sprak)\s+"
    r"(?:\w+\s+){0,2}?(?:op\s+(?:het\s+nieuws|tv|televisie|de\s+radio|de\s+tv)|"
    r"in\s+(?:het\s+journaal|het\s+nieuws|de\s+krant|het\s+parlement|de\s+kamer|een\s+interview)|"
    # "Famke Louise zei in een video dat ...": a maker of videos in her own video
    r"in\s+(?:een|haar|zijn|d'r|z'n)\s+(?:video|filmpje|vlog|podcast|reel|livestream|story|tiktok))\b"
)
_SONG_AFTER = re.compile(
    r"(?i)^\s+(?:heeft|had|maakte|zingt|zong|bracht)\s+(?:\w+\s+){0,2}?(?:een|het|dat|die)\s+"
    r"(?:nieuwe?\s+)?(?:lied|liedje|nummer|song|album|single|clip)\s+(?:over|uit\b|gemaakt|uitgebracht)"
)


class PublicFigureRules:
    """Is the name at doc[i:end] a public figure by its sentence?"""

    def _public_figure(self, doc: Doc, i: int, end: int, ctx: str | None) -> bool:
        if i > 0 and doc[i - 1].lower_ in _ROYAL:
            return True  # "Koning Filip", "prinses Elisabeth"
        if ctx:
            return False
        text = doc.text
        before = text[max(0, doc[i].idx - 60):doc[i].idx]
        after = text[doc[end - 1].idx + len(doc[end - 1].text):][:100]
        # "Famke Louise zei ...": a given name before a listed one makes a full name too
        full_name = end - i >= 2 or i > 0 and self._title(doc[i - 1]) and doc[i - 1].lower_ in self.first_names
        if full_name and _MEDIA_SAY_AFTER.match(after):
            return True  # "Bart De Wever zei op het nieuws"
        if not full_name and doc[i].lower_ in self.first_names:
            return False  # a listed first name alone may be anyone's: "Marieke heeft een nummer over ..."
        # "mijn favoriete zanger is Joost Klein" too
        return bool(_IDOL_AFTER.match(after) or _IDOL_BEFORE.search(before) or _ROLE_MODEL_BEFORE.search(before)
                    or _FAVOURITE_BEFORE.search(before)
                    or self._sentence_start(doc, i) and _SONG_AFTER.match(after))
        # "Dries Mertens is zijn idool", "voetballer worden zoals Lukaku", "Angèle heeft een lied over"
