"""NFKC-normalised views of text that remember where each character came from.

Patterns are matched on the normalised view (full-width digits, brackets, U+3000 become ASCII;
half-width ｶﾞ becomes ガ), while anything quoted back (a speaker, a session label) is cut from the
original text. The view's text is always exactly ``unicodedata.normalize("NFKC", original)``.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Normalised:
    """``text`` is NFKC of ``original``. text[i] came from the original characters
    ``origin[i]`` to ``origin_end[i]`` (inclusive: one character, or the several that composed into
    it); both are None when every character normalised to exactly one (index i maps to i)."""

    original: str
    text: str
    origin: tuple[int, ...] | None = None
    origin_end: tuple[int, ...] | None = None

    def original_span(self, start: int, end: int) -> str:
        """The original characters behind the normalised span [start, end)."""
        if start >= end:
            return ""
        if self.origin is None or self.origin_end is None:
            return self.original[start:end]
        return self.original[self.origin[start]: self.origin_end[end - 1] + 1]


def normalise(original: str) -> Normalised:
    """NFKC of the whole string, with every output character traced to the original characters it
    came from. Normalisation is worked out on segments that start at a character which composes with
    nothing before it (a "starter"); a voiced-sound mark (ﾞ, ゙, ゛) or a combining mark joins the
    segment of the character before it, as NFKC may compose the two (ｶﾞ → ガ). The segments'
    forms joined are checked against NFKC of the whole, so the text is NFKC whatever the input."""
    if unicodedata.is_normalized("NFKC", original):
        return Normalised(original, original)
    text = unicodedata.normalize("NFKC", original)
    if _MAY_JOIN.search(original):
        starts = [i for i, char in enumerate(original) if i == 0 or _is_starter(char)]
    else:  # no mark that composes with the character before it: every character is its own segment
        starts = list(range(len(original)))
    starts.append(len(original))
    first: list[int] = []
    last: list[int] = []
    pieces = []
    for start, end in zip(starts, starts[1:]):
        piece = unicodedata.normalize("NFKC", original[start:end])
        pieces.append(piece)
        if len(piece) == end - start:  # one character each, in order (ＡＢ → AB)
            first.extend(range(start, end))
            last.extend(range(start, end))
        else:  # composed or expanded (ｶﾞ → ガ, … → ...): each output character is the whole segment
            first.extend([start] * len(piece))
            last.extend([end - 1] * len(piece))
    if "".join(pieces) != text:  # a case the segmenting does not cover: the whole line is one segment
        first, last = [0] * len(text), [len(original) - 1] * len(text)
    if first == last == list(range(len(original))):
        return Normalised(original, text)
    return Normalised(original, text, tuple(first), tuple(last))


# Half-width and spacing voiced-sound marks, which NFKC turns into the combining ones.
_VOICED_MARKS = frozenset("\uff9e\uff9f\u309b\u309c\u3099\u309a")
# Characters that may join the one before them: the voiced-sound marks and the blocks of combining marks
# (a mark outside these blocks is still handled: the segments' forms would not join up to NFKC of the
# whole, and the whole line becomes one segment).
_MAY_JOIN = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
                       "\u3099-\u309c\uff9e\uff9f]")


def _is_starter(char: str) -> bool:
    if char in _VOICED_MARKS or unicodedata.combining(char):
        return False
    form = unicodedata.normalize("NFKC", char)
    return not form or not (unicodedata.combining(form[0]) or form[0] in _VOICED_MARKS)


def norm(text: str) -> str:
    """The normalised text alone, stripped, for matching a whole line."""
    return unicodedata.normalize("NFKC", text).strip()
