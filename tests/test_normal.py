"""The NFKC view of a line: character by character, each normalised character traced to its source."""
from __future__ import annotations

import random
import unicodedata

from summitsite.normal import Normalised, normalise

# Characters whose NFKC form is themselves, another single character, several characters (…, ㈱, ﬁ),
# or a combining mark; plus ASCII, kana, kanji and the full-width space.
POOL = list("日ロ首脳会談総理大統領、。（）()１２３123ＡＢａｂ　 \tｶﾞｶﾞパ゛゜…㈱ﬁ①⑩½㍻ｰー〜～･・") + ["\u0301", "\u3099"]


def reference(original: str) -> Normalised:
    """The definition: NFKC of each character on its own, concatenated."""
    parts = [unicodedata.normalize("NFKC", c) for c in original]
    text = "".join(parts)
    if len(text) == len(original):
        return Normalised(original, text)
    origin = tuple(i for i, part in enumerate(parts) for _ in part)
    return Normalised(original, text, origin)


def test_normalise_matches_the_character_by_character_definition():
    rng = random.Random(7)
    for _ in range(3000):
        original = "".join(rng.choice(POOL) for _ in range(rng.randint(0, 30)))
        assert normalise(original) == reference(original), original


def test_spans_come_from_the_original_text():
    view = normalise("（１）総理…㈱より")
    assert view.text == "(1)総理...(株)より"
    start = view.text.index("...")
    assert view.original_span(start, start + 3) == "…"
    start = view.text.index("(株)")
    assert view.original_span(start, start + 3) == "㈱"
    assert view.original_span(0, 3) == "（１）"
    assert normalise("日ロ首脳会談") == Normalised("日ロ首脳会談", "日ロ首脳会談")
