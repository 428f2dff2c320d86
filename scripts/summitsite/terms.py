"""Find glossary terms in running Japanese text without touching its characters.

Japanese has no word boundaries, so terms are matched as plain substrings, longest first,
left to right, never overlapping (北方四島 wins over 四島).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .content import GlossaryEntry


@dataclass(frozen=True)
class Segment:
    """A run of the text; ``entry`` and ``reading`` are set when the run is a glossary form."""

    text: str
    entry: GlossaryEntry | None = None
    reading: str = ""


class TermMatcher:
    """Matches every form of every entry; build once per glossary."""

    def __init__(self, entries: list[GlossaryEntry]):
        self.by_form = {form: (entry, reading) for entry in entries for form, reading in entry.forms.items()}
        forms = sorted(self.by_form, key=lambda f: (-len(f), f))
        self.pattern = re.compile("|".join(map(re.escape, forms))) if forms else None

    def segments(self, text: str) -> list[Segment]:
        """Split ``text`` into plain runs and term runs; joined, they give ``text`` back."""
        if self.pattern is None:
            return [Segment(text)] if text else []
        out: list[Segment] = []
        pos = 0
        for m in self.pattern.finditer(text):
            if m.start() > pos:
                out.append(Segment(text[pos:m.start()]))
            entry, reading = self.by_form[m.group(0)]
            out.append(Segment(m.group(0), entry, reading))
            pos = m.end()
        if pos < len(text):
            out.append(Segment(text[pos:]))
        return out

    def entries_in(self, text: str) -> list[GlossaryEntry]:
        """Distinct entries occurring in ``text``, in order of appearance."""
        seen: dict[str, GlossaryEntry] = {}
        for seg in self.segments(text):
            if seg.entry is not None:
                seen.setdefault(seg.entry.id, seg.entry)
        return list(seen.values())
