"""Readings (furigana) for the kanji of a record's text, word by word, at build time.

The words and their readings come from a morphological analyser's dictionary: MeCab through fugashi,
with UniDic 2.1.2 (unidic-lite), chosen on the seed record over SudachiPy, IPADIC and Janome (it read
96% of a hand-checked list of the record's words right, 98% with the glossary first; README, Furigana).
Where a reading is known better it takes precedence: the glossary's readings (names above all:
金正日 is きむじょんいる, not きんしょうにち) and ``content/readings.yml`` (what the dictionary gets
wrong in these records: 日本 as にほん). A reading goes over kanji only: 取り組み → 取(と)り組(く)み;
プーチン大統領 → 大統領(だいとうりょう) alone. A counter right after a number (1日, 2人) gets none, as
the dictionary reads those out of context.

The text is never changed: the result is a list of (start, end, reading) spans of the text's kanji.
"""
from __future__ import annotations

import os
import re
from functools import lru_cache

KANJI = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ヶヵ"
_HAS_KANJI = re.compile(f"[{KANJI}]")
KANA = "\u3041-\u309f\u30a1-\u30fa\u30fc-\u30ff"  # hiragana and katakana; the middle dot ・ (30FB) is not read
_RUNS = re.compile(f"([{KANJI}]+)|([{KANA}]+)|(.)", re.S)
_KANJI_AND_KANA = re.compile(f"[{KANJI}{KANA}・]+")
_DIGIT_BEFORE = re.compile(r"[0-9０-９〇一二三四五六七八九十百千万億]$")
# Counters the dictionary reads right after a number (10年, 3月); others it reads out of context (1日 か).
_COUNTERS_READ_RIGHT = {"年", "月", "億", "万", "千", "百", "年間", "か月", "ヶ月", "カ月", "周年"}

Span = tuple[int, int, str]


_HIRAGANA = {c: c - 0x60 for c in range(ord("ァ"), ord("ヶ") + 1)}


def hiragana(text: str) -> str:
    """Katakana as hiragana (ァ–ヶ → ぁ–ゖ); everything else as it is (ー stays)."""
    return text.translate(_HIRAGANA)


@lru_cache(maxsize=1)
def _tagger():
    """The analyser, loaded once per process (a few milliseconds). The dictionary is named explicitly,
    so that a full UniDic installed beside it is not picked up instead."""
    import fugashi
    import unidic_lite

    return fugashi.Tagger(f'-d "{unidic_lite.DICDIR}" -r "{os.path.join(unidic_lite.DICDIR, "mecabrc")}"')


_KANA_FIELD = 17  # UniDic 2.1.2's features: pos1–4, cType, cForm, lForm, lemma, orth, pron, orthBase,
# pronBase, goshu, iType, iForm, fType, fForm, kana, … (fugashi's UnidicFeatures26)


@lru_cache(maxsize=65536)
def _tokens(text: str) -> tuple[tuple[int, int, str | None], ...]:
    """(start, end, hiragana reading or None) for each word of ``text``, as the dictionary reads it. The
    same paragraph recurs across builds under ``make serve``: it is analysed once per process."""
    out = []
    pos = 0
    for word in _tagger()(text):
        surface = word.surface
        start = text.find(surface, pos)
        if start < 0:  # the analyser normalised something: leave the rest unread
            break
        # The reading is UniDic's 'kana' field. Splitting the raw CSV takes a third of the time of
        # fugashi's named features, which are only needed when a field is quoted.
        raw = word.feature_raw
        fields = raw.split(",") if '"' not in raw else list(word.feature)
        kana = fields[_KANA_FIELD] if len(fields) > _KANA_FIELD else None
        out.append((start, start + len(surface), hiragana(kana) if kana and kana != "*" else None))
        pos = start + len(surface)
    return tuple(out)


@lru_cache(maxsize=None)
def split_reading(surface: str, reading: str) -> tuple[Span, ...] | None:
    """The reading of ``surface`` put over its kanji only: its kana must match the reading's kana
    ('取り組み', 'とりくみ' → ((0, 1, 'と'), (2, 3, 'く'))). None when they do not line up. A record's
    words recur: each pair is worked out once per process."""
    pattern, kanji_runs = [], []
    for m in _RUNS.finditer(surface):
        if m.group(1):
            pattern.append("(.+?)")
            kanji_runs.append(m.span())
        elif m.group(2):
            pattern.append(re.escape(hiragana(m.group(2))))
        else:
            pattern.append("(?:" + re.escape(m.group(3)) + ")?")  # a middle dot, a digit: read or not
    if not kanji_runs:
        return ()
    m = re.fullmatch("".join(pattern), hiragana(reading))
    if not m:
        return None
    return tuple((a, b, m.group(k)) for k, (a, b) in enumerate(kanji_runs, 1))


def shown_reading(surface: str, reading: str) -> str:
    """A form's reading as a reader is shown it: the kanji read, the form's own kana kept as written
    ('プーチン大統領', 'ぷーちんだいとうりょう' → 'プーチンだいとうりょう'); the reading itself when the two do
    not line up."""
    spans = split_reading(surface, reading) if _KANJI_AND_KANA.fullmatch(surface) else None
    if not spans:  # a form with digits or letters: where they are read is not known
        return reading
    out, at = [], 0
    for start, end, kana in spans:
        out += [surface[at:start], kana]
        at = end
    return "".join(out) + surface[at:]


class Readings:
    """Readings for texts, with ``known`` readings (form → reading: the glossary's, then readings.yml)
    taking precedence over the dictionary's."""

    def __init__(self, known: dict[str, str]):
        self.known = {form: reading for form, reading in known.items() if reading and _HAS_KANJI.search(form)}
        forms = sorted(self.known, key=lambda f: (-len(f), f))
        self._known = re.compile("|".join(map(re.escape, forms))) if forms else None
        self._cache: dict[str, tuple[Span, ...]] = {}

    def spans(self, text: str) -> tuple[Span, ...]:
        """(start, end, reading) for the kanji of ``text``, in order, never overlapping."""
        found = self._cache.get(text)
        if found is None:
            found = self._cache[text] = tuple(self._spans(text))
        return found

    def _spans(self, text: str) -> list[Span]:
        tokens = _tokens(text) if _HAS_KANJI.search(text) else ()
        out: list[Span] = []
        taken = [False] * len(text)
        for m in self._known.finditer(text) if self._known else ():
            parts = self._known_parts(text, m.start(), m.end(), self.known[m.group()], tokens)
            for a, b, r in parts:
                out.append((a, b, r))
            for k in range(m.start(), m.end()):
                taken[k] = True
        for start, end, reading in tokens:
            if reading is None or any(taken[start:end]) or not _HAS_KANJI.search(text, start, end):
                continue
            surface = text[start:end]
            if _DIGIT_BEFORE.search(text, 0, start) and surface not in _COUNTERS_READ_RIGHT \
                    and not _HAS_KANJI.search(text[start - 1]):
                continue
            parts = split_reading(surface, reading)
            out += [(start + a, start + b, r) for a, b, r in parts or ()]
        return sorted(out)

    @staticmethod
    def _known_parts(text: str, start: int, end: int, reading: str, tokens) -> list[Span]:
        """A known reading of text[start:end], word by word where the dictionary's words of that span read
        the same altogether (小泉総理: 小泉 こいずみ + 総理 そうり), else over each kanji run the
        reading's kana delimit (プーチン大統領: 大統領 alone)."""
        inside = [t for t in tokens if start <= t[0] and t[1] <= end]
        if inside and inside[0][0] == start and inside[-1][1] == end:
            pattern = "".join(re.escape(r) if r and _HAS_KANJI.search(text, a, b) else
                              re.escape(hiragana(text[a:b])) if re.fullmatch(r"[\u3041-\u30ffー]+", text[a:b]) else ".*?"
                              for a, b, r in inside)
            if re.fullmatch(pattern, reading):
                spans = []
                for a, b, r in inside:
                    if r and _HAS_KANJI.search(text, a, b):
                        spans += [(a + x, a + y, s) for x, y, s in split_reading(text[a:b], r) or ()]
                return spans
        return [(start + a, start + b, r) for a, b, r in split_reading(text[start:end], reading) or ()]
