"""Tokens that name something public, never a person: a phrase of ``not_names.txt`` ("Call of
Duty", "Rock Werchter", "Veilig Thuis") with a capitalized branch right after it ("Veilig Thuis
Haaglanden"), and a platform word ("gamertag", "psn", "insta"), whatever its case.

A mixin for ``Scrubber`` (through ``NameRules``), which owns ``nlp``, ``not_names``,
``first_names`` and ``surnames``. The name rules skip these tokens, and every single-word entry
of ``not_names.txt`` that is no listed first name ("Zara", "Chelsea" are).
"""
from __future__ import annotations

import re

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from .name_words import _MONTH_NAMES
from .username_patterns import PLATFORM

# The quoted name of a group, a chat or a channel: "de groepschat heet 'Turnhout Leaks 2.0'".
_GROUP_TITLE = re.compile(
    r"(?i:\b(?:\w*groep(?:je)?|\w*chat|server|kanaal|channel|pagina|forum)\s+"
    r"(?:heet|heette|genaamd|met\s+de\s+naam|noemt)\s*:?\s*)['\"‘“«](?P<title>[^'\"’”»\n]{2,60})['\"’”»]")


class PublicNames:
    """Public names and platform words; see the module docstring."""

    _public_matcher: PhraseMatcher | None = None

    def _public_phrases(self) -> PhraseMatcher:
        if self._public_matcher is None:
            matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
            matcher.add("PUBLIC", [self.nlp.make_doc(p) for p in sorted(self.not_names) if " " in p])
            self._public_matcher = matcher
        return self._public_matcher

    def _public_tokens(self, doc: Doc) -> set[int]:
        """Indices of the tokens the name rules must leave alone."""
        tokens = {t.i for t in doc if PLATFORM.fullmatch(t.text)}  # "gamertag van die gast: ..."
        for _, start, end in self._public_phrases()(doc):
            if not any(t.text[:1].isupper() for t in doc[start:end]):
                continue  # "de lijn", "rode kruis" in lower case: ordinary words
            tokens.update(range(start, end))
            tokens.update(self._branch_after(doc, end))
        for m in _GROUP_TITLE.finditer(doc.text):
            tokens.update(t.i for t in doc if m.start("title") <= t.idx < m.end("title"))  # 'Turnhout Leaks 2.0'
        for tok in doc:
            if tok.lower_ in self.not_names and tok.lower_ not in self.first_names \
                    and not (tok.lower_ in _MONTH_NAMES and self._word_named_by_kin(doc, tok.i)):
                tokens.add(tok.i)  # "werkt voor Deliveroo": never a person, whatever rule would say so
                if tok.text[:1].isupper() and not tok.is_sent_start:
                    tokens.update(self._branch_after(doc, tok.i + 1))  # "Fedasil Brussel", "Jessa Hasselt"
        return tokens

    def _branch_after(self, doc: Doc, k: int) -> list[int]:
        """Capitalized words right after a public name that no list calls a person's: its
        branch or region ("Veilig Thuis Haaglanden", "Rode Kruis Vlaanderen")."""
        branch = []
        while k < len(doc) and doc[k].is_alpha and doc[k].is_title and doc[k].lower_ not in self.first_names \
                and doc[k].lower_ not in self.surnames:
            branch.append(k)
            k += 1
        return branch
