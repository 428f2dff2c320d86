"""Find glossary terms in running Japanese text without touching its characters.

Japanese has no word boundaries, so terms are matched as plain substrings, longest first,
left to right, never overlapping (北方四島 wins over 四島).
"""
from __future__ import annotations

import re
from typing import Iterator

from .content import GlossaryEntry


class TermMatcher:
    """Matches every form of every entry; build once per glossary."""

    def __init__(self, entries: list[GlossaryEntry]):
        self.by_form = {form: (entry, reading) for entry in entries for form, reading in entry.forms.items()}
        forms = sorted(self.by_form, key=lambda f: (-len(f), f))
        self.pattern = re.compile("|".join(map(re.escape, forms))) if forms else None

    def finditer(self, text: str) -> Iterator[re.Match]:
        """The forms in ``text``, left to right, longest first, never overlapping; ``by_form`` of a
        match's text gives its entry and reading."""
        return self.pattern.finditer(text) if self.pattern is not None else iter(())


class RecordMatchers:
    """The matcher for each record: entries limited to some records (``GlossaryEntry.records``) are
    left out elsewhere. Records that the same limited entries apply to share one matcher."""

    def __init__(self, entries: list[GlossaryEntry], make=TermMatcher):
        self.entries = entries
        self.limited = [e for e in entries if e.records]
        self.make = make
        self._made: dict[tuple[str, ...], object] = {}

    def __call__(self, record_id: str):
        key = tuple(e.id for e in self.limited if record_id in e.records)
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = self.make([e for e in self.entries if e.applies_to(record_id)])
        return made
