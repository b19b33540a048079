"""Username rules of the scrubber, on the raw text (character offsets): @handles, Discord tags and
Reddit users, a word after a platform word ("mijn snap is lisa.x", "op discord heet hij
ShadowWolf"), and words with a handle's shape (an underscore, a dot or digits where a platform is
named, camel case after "noemt zich").

A mixin for ``Scrubber``, which owns ``vocabulary``, ``first_names``, ``places`` and ``is_word``; the
patterns are in ``username_patterns.py``, a second handle after a first in ``username_forms.py``.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.lang.nl.stop_words import STOP_WORDS

from . import patterns as P
from . import username_patterns as U
from .name_words import _GREETINGS, _NOT_NAMES

if TYPE_CHECKING:
    from .scrubber import Span


class UsernameRules:
    """Usernames; see the module docstring."""

    def _handles(self, text: str, found: list[Span]):
        for rx in (U.HANDLE, U.DISCORD_TAG, U.REDDIT_USER):
            for m in rx.finditer(text):
                if len(m.group(0)) >= 3:
                    yield m.start(), m.end(), "GEBRUIKERSNAAM"

    def _usernames_after_platform(self, text: str, found: list[Span]):
        for m in U.USERNAME_CONTEXT.finditer(text):  # a handle opened by a dot keeps its closing dots
            handle = m.group("handle") if m.group("handle").startswith(".") else m.group("handle").rstrip(".")
            start = m.start("handle")
            sep = m.group("sep")
            handle_like = bool(re.search(r"[\d_.#@]", handle))
            low = handle.lower().lstrip("@")
            if low in _NOT_NAMES or low in self.vocabulary and not handle_like and not (
                    sep.strip() and low in self.first_names):
                continue  # "mijn insta is gehackt"; but "snap: lisa" is her username
            if not sep.strip() and not handle_like:
                continue  # "op tiktok gezet": a platform word alone is no username context
            if low in {"is", "en", "of", "maar", "ook"} or low.isdigit() or self._glued_sentences(handle):
                continue
            if U.ENGLISH_PROGRESSIVE.fullmatch(handle) and U.ENGLISH_AFTER_VERB.match(text, start + len(handle)):
                continue  # "a man from Snapchat is asking her to meet"
            yield start, start + len(handle), "GEBRUIKERSNAAM"
        for m in U.USERNAME_NAMED_AFTER_PLATFORM.finditer(text):
            handle = m.group("handle").rstrip(".")
            if m.group("between").split()[-1:] and m.group("between").split()[-1].lower() in U.GAME_THINGS:
                continue  # "mn fortnite skin heet Peely": a thing of the game, no player
            low = handle.lower().lstrip("@")
            # a handle's shape (digits, "_", ".", camel case "NachtUil") or no word and no name
            if re.search(r"[\d_.#@]|[a-z][A-Z]", handle) or not (self.is_word(low) or low in self.first_names
                                                       or low in _NOT_NAMES or low in self.places):
                yield m.start("handle"), m.start("handle") + len(handle), "GEBRUIKERSNAAM"
        for m in U.HANDLE_BEFORE_HEET.finditer(text):  # "iemand die CreeperHunter99 heet", "genaamd sniper2008"
            group = "handle" if m.group("handle") else "named"
            handle = m.group(group).rstrip(".")
            if re.search(r"[_.#@]|[a-z][A-Z]", handle) or self._called_handle(handle) and re.search(r"\d", handle):
                yield m.start(group), m.start(group) + len(handle), "GEBRUIKERSNAAM"
        for m in U.USERNAME_IS_AFTER_PLATFORM.finditer(text):  # "mijn nieuwe is anonieme.bloem"
            handle = m.group("handle")
            parts = re.split(r"[._]", handle.lower())
            if re.search(r"[\d_.]", handle) and min(map(len, parts)) >= 2 and parts[-1] not in U.FILE_ENDINGS \
                    and not self._glued_sentences(handle):
                yield m.start("handle"), m.end("handle"), "GEBRUIKERSNAAM"

    @staticmethod
    def _glued_sentences(word: str) -> bool:
        """Two sentences glued by a missing space, the second opening with a function word:
        "mijn account is weg.daarom bel ik" (not "stille.regen", "lisa.x", "jan.de.smet")."""
        parts = word.lower().split(".")
        return len(parts) == 2 and parts[0].isalpha() and parts[1] in STOP_WORDS

    def _handle_shaped(self, text: str, found: list[Span]):
        """Usernames without "@": an underscore anywhere ("boss_kev99"); a dot inside or
        letters with digits ("mila.xx07", "yara.hz", "kev99") where a platform is named."""
        for m in U.HANDLE_UNDERSCORE.finditer(text):
            yield m.start(), m.end(), "GEBRUIKERSNAAM"
        platform = bool(U.PLATFORM.search(text))
        for m in U.HANDLE_SHAPED.finditer(text):
            # "de gast noemt zich sniper2008": what someone calls themselves is a handle too
            called = U.CALLED_BEFORE.search(text[max(0, m.start() - 40):m.start()])
            if platform and self._handle_like(m.group(0)) or called and self._called_handle(m.group(0)):
                yield m.start(), m.end(), "GEBRUIKERSNAAM"
        for m in U.CAMEL_HANDLE.finditer(text):  # "die noemde zich xXDarkWolfXx" (on Fortnite)
            if platform or U.CALLED_BEFORE.search(text[max(0, m.start() - 40):m.start()]):
                yield m.start(), m.end(), "GEBRUIKERSNAAM"

    def _handle_like(self, word: str) -> bool:
        low = word.lower()
        if U.PLATFORM.search(low):
            return False  # "insta.ik": a missing space after a platform word
        parts = re.split(r"[._]", low)
        if len(parts) > 1:
            last = parts[-1]
            if len(last) == 1 and len(parts) == 2:
                # "lenaaa.x", "mila.b": one letter after a first part that is no word; not the
                # kiss after a greeting ("doei.x", "dankje.x")
                return len(parts[0]) >= 3 and self._name_or_no_word(parts[0])
            if len(parts[0]) < 2 or len(last) < 2 or last in U.FILE_ENDINGS or U.website_name(word, self.is_word):
                return False  # "o.a.", "d.w.z.", "foto.jpg"
            return any(c.isdigit() for c in last) or not self.is_word(last)
        letters = re.sub(r"\d", " ", low).split()
        if len(letters) == 1 and len(letters[0]) >= 4 and re.fullmatch(r"[a-z]+\d{2,4}", low) \
                and letters[0] not in U.PRODUCT_WORDS and not P.MONTH_OR_UNIT.fullmatch(letters[0]):
            return True  # "draak07", "tijger88": a word with a number after it, where a platform is named
        if len(low) >= 6 and len(re.findall(r"[a-z]\d+(?=[a-z])", low)) >= 2:
            return True  # leetspeak, digits for letters: "tr1ckyv1per", "sn1p3r" (parts may be words)
        # "kev99", "sk8boy"; not "ps5", "groep7", "fifa23"
        return len(low) >= 5 and not any(self.is_word(w) or w in U.PRODUCT_WORDS for w in letters)

    def _called_handle(self, word: str) -> bool:
        """What someone calls themselves: letters with digits or a dot, even when the letters
        are a word ("sniper2008", "dark.angel"); not a product ("ps5") or a unit ("12u")."""
        letters = re.sub(r"[\d._]", " ", word.lower()).split()
        return len(word) >= 4 and bool(letters) and not any(w in U.PRODUCT_WORDS for w in letters) and (
            self._handle_like(word) or len(letters[0]) >= 3)

    def _name_or_no_word(self, word: str) -> bool:
        """"lenaaa" (a stretched name) or "xyra", not "doeiii" or "bedanktt" (a stretched word or
        greeting): stretched letters are undone to one or two before the lists are asked."""
        forms = {word, re.sub(r"(\w)\1{2,}", r"\1", word), re.sub(r"(\w)\1{2,}", r"\1\1", word),
                 re.sub(r"(\w)\1+", r"\1", word)}
        if forms & self.first_names:
            return True
        return not any(self.is_word(f) or f in _GREETINGS for f in forms)
