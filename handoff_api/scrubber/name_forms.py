"""Full names found by the form of the text around them, on the raw text (names.py holds the
token rules): a profile in brackets ("(Daphne Mulder, 14 april 2012)", "Mijn dochter (Jade,
03/09/2011)"), an account holder ("t.n.v. J. de Groot", "ten name van M. Peeters") and a full
name opening a record line ("Els Van Acker, Antwerpsesteenweg 300, ...").

A mixin for ``Scrubber``, which owns the lists (``first_names``, ``places``, ``not_names``) and
``is_word``. Asked before the token rules, so that the whole name is one span.
"""
from __future__ import annotations

import re

from .name_words import _CHAT_WORDS, _GREETINGS, _KIN, _NOT_NAMES, _TITLES

_CAP = r"[A-ZÀ-Ý][\w'À-ÿ]*(?:-(?:[A-ZÀ-Ý][\w'À-ÿ]*|van|de|der|den|ter|ten))*"
_PARTICLE_RUN = r"(?:(?:van|de|der|den|ter|ten|te|'t|el|al|le|la|du|von|Van|De|Der|Den|Ter|Ten)\s+){0,3}"
_FULL = rf"{_CAP}(?:\s+{_PARTICLE_RUN}{_CAP}){{0,3}}"
# A profile in brackets: a name, a comma, then a birth date, an age or a national number.
_BRACKET_PROFILE = re.compile(
    rf"\(\s*(?P<name>{_FULL})\s*(?:,|\s[\-–:])\s*(?=°|geb|\d{{1,2}}\s*[/.\-]\s*\d{{1,2}}\s*[/.\-]\s*\d{{2,4}}"
    r"|\d{1,2}\s+(?i:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)"
    r"|\d{1,2}\s*(?:jaar|j\.?)?\s*[,)]|(?i:rrn|bsn|rijksregister|insz)\b)"
)
# An account holder or addressee: "t.n.v. J. de Groot", "tnv M.P. Visser", "ten name van (de heer)
# Karel Smet", "t.a.v. mevrouw K. Peeters", "Rekeninghouder: J. de Groot".
_ACCOUNT_HOLDER = re.compile(
    r"(?<![\w.])(?i:t\.\s?[na]\.\s?v\.?|tnv|tav|ten\s+name\s+van|ter\s+attentie\s+van|op\s+(?:de\s+)?naam\s+van"
    r"|(?:naam|rekeninghouder|begunstigde|houder)\s*:)\s*"
    r"(?:(?i:de\s+heer|mevrouw|mevr\.?|mw\.?|dhr\.?|meneer|mr\.?)\s+)?"
    rf"(?P<name>(?:[A-Z]\.\s?){{1,3}}\s*{_PARTICLE_RUN}{_CAP}|{_FULL})"
)


# A record line opening with a full name and a comma: "Els Van Acker, Antwerpsesteenweg 300, ..."
_RECORD_OPENING = re.compile(rf"^\s*(?P<name>{_CAP}\s+{_PARTICLE_RUN}{_CAP}(?:\s+{_CAP})?)\s*,")


class NameForms:
    """Names by the form of the text around them; see the module docstring."""

    def profile_name(self, name: str) -> bool:
        """Capitalized words that can be a person's name: the first a listed first name, or no
        Dutch word, place, listed non-name, kin or title word."""
        first = name.split()[0].lower()
        if first in self.places or first in self.not_names or first in _NOT_NAMES or first in _KIN \
                or first in _TITLES or first in _GREETINGS or first in _CHAT_WORDS:
            return False
        last = name.split()[-1].lower()
        return first in self.first_names or len(first) >= 3 and not self.is_word(first) \
            or " " in name and last in self.surnames  # "Daphne Mulder": a listed surname after

    def _profile_names(self, text: str, found: list | None = None):
        for m in _BRACKET_PROFILE.finditer(text):
            if self.profile_name(m.group("name")):
                yield m.start("name"), m.end("name"), "NAAM"  # "(Daphne Mulder, 14 april 2012)"
        m = _RECORD_OPENING.match(text)
        if m and m.group("name").split()[0].lower() in self.first_names and self.profile_name(m.group("name")) \
                and not any(w.lower() in self.places or w.lower() in self.not_names for w in m.group("name").split()) \
                and any(s.label not in ("NAAM", "SCHOOL") and s.start >= m.end() for s in found or ()):
            # "Els Van Acker, Antwerpsesteenweg 300, ...": in a record line, even where capitals say little
            yield m.start("name"), m.end("name"), "NAAM"
        for m in _ACCOUNT_HOLDER.finditer(text):
            name = m.group("name")
            if re.match(r"[A-Z]\.", name) or self.profile_name(name):
                yield m.start("name"), m.end("name"), "NAAM"  # "t.n.v. J. de Groot"
