"""Username forms that lean on a username found before them in the same message.

A mixin for ``Scrubber`` (which provides ``is_word`` and ``first_names``): a second handle
named as "die van hem/haar" after a first one ("mijn snap is kaatjeeee.x en die van hem
w.brnds", "zijn insta is tibo.vh, die van zijn broer is jonas_vh").
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .scrubber import Span

# "en die van hem w.brnds", ", die van zijn broer is jonas_vh", "en het zijne: kobe.x"
_SECOND_HANDLE = re.compile(
    r"(?i)(?:\ben|,|;)\s+(?:(?:die|dat)\s+van\s+(?:hem|haar|hen|hun|mij|(?:mijn|zijn|haar|mn|m'n|z'n|d'r)\s+\w+)"
    r"|de\s+zijne|de\s+hare|het\s+zijne|het\s+hare)"
    r"\s*(?:\bis\b|=|:)?\s*(?P<handle>@?(?:\.+[^\W_][\w.]*\w\.*|[^\W\d_](?:[\w.]*\w)?))(?![\w@])"
)


class UsernameForms:
    """A second username after a first; see the module docstring."""

    def _second_usernames(self, text: str, found: list[Span]):
        for m in _SECOND_HANDLE.finditer(text):
            if not any(s.label == "GEBRUIKERSNAAM" and s.end <= m.start() for s in found):
                continue  # "en die van hem ook" needs a first username before it
            handle = m.group("handle").lstrip("@")
            shaped = re.search(r"[\d_.]", handle.strip("."))
            if shaped or not (self.is_word(handle.lower()) or handle.lower() in self.first_names):
                yield m.start("handle"), m.end("handle"), "GEBRUIKERSNAAM"
