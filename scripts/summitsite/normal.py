"""NFKC-normalised views of text that remember where each character came from.

Patterns are matched on the normalised view (full-width digits, brackets, U+3000 become ASCII),
while anything quoted back (a speaker, a session label) is cut from the original text.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Normalised:
    """``text`` is NFKC of ``original``; ``origin[i]`` is the original index of text[i]."""

    original: str
    text: str
    origin: tuple[int, ...]

    def original_span(self, start: int, end: int) -> str:
        """The original characters behind the normalised span [start, end)."""
        if start >= end:
            return ""
        return self.original[self.origin[start]: self.origin[end - 1] + 1]


def normalise(original: str) -> Normalised:
    """Normalise character by character so that every output character maps back."""
    if unicodedata.is_normalized("NFKC", original):
        # Most lines are already NFKC (every character maps to itself): skip the per-character loop.
        return Normalised(original, original, tuple(range(len(original))))
    out: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(original):
        norm = unicodedata.normalize("NFKC", char)
        # Katakana-Hiragana prolonged marks and wave dashes stay as they are.
        out.append(norm)
        origin.extend([index] * len(norm))
    return Normalised(original, "".join(out), tuple(origin))


def norm(text: str) -> str:
    """The normalised text alone, stripped, for matching a whole line."""
    return unicodedata.normalize("NFKC", text).strip()
