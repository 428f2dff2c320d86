"""NFKC-normalised views of text that remember where each character came from.

Patterns are matched on the normalised view (full-width digits, brackets, U+3000 become ASCII),
while anything quoted back (a speaker, a session label) is cut from the original text.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Normalised:
    """``text`` is NFKC of ``original``; ``origin[i]`` is the original index of text[i], or
    ``origin`` is None when every character normalised to exactly one (index i maps to i)."""

    original: str
    text: str
    origin: tuple[int, ...] | None = None

    def original_span(self, start: int, end: int) -> str:
        """The original characters behind the normalised span [start, end)."""
        if start >= end:
            return ""
        if self.origin is None:
            return self.original[start:end]
        return self.original[self.origin[start]: self.origin[end - 1] + 1]


# Characters whose NFKC form differs from themselves, as a str.translate table (ordinal → form), and
# every character looked at so far: a record uses a few hundred distinct characters.
_CHANGED: dict[int, str] = {}
_SEEN: set[str] = set()


def normalise(original: str) -> Normalised:
    """Normalise character by character so that every output character maps back."""
    if unicodedata.is_normalized("NFKC", original):
        return Normalised(original, original)
    for char in set(original).difference(_SEEN):
        _SEEN.add(char)
        form = unicodedata.normalize("NFKC", char)
        if form != char:
            _CHANGED[ord(char)] = form
    text = original.translate(_CHANGED)
    if len(text) == len(original):
        return Normalised(original, text)
    origin: list[int] = []
    for index, char in enumerate(original):
        origin.extend([index] * len(_CHANGED.get(ord(char), char)))
    return Normalised(original, text, tuple(origin))


def norm(text: str) -> str:
    """The normalised text alone, stripped, for matching a whole line."""
    return unicodedata.normalize("NFKC", text).strip()
