"""The NFKC view of a line: NFKC of the whole string, each normalised character traced to its source."""
from __future__ import annotations

import glob
import os
import random
import unicodedata

from conftest import ROOT
from summitsite.normal import Normalised, normalise

# Characters whose NFKC form is themselves, another single character, several characters (…, ㈱, ﬁ),
# a combining mark, or a half-width kana with its voiced-sound marks; plus ASCII, kana, kanji and spaces.
POOL = list("日ロ首脳会談総理大統領、。（）()１２３123ＡＢａｂ　 \tｶﾞｶﾞﾊﾟﾊﾞｳﾞパ゛゜…㈱ﬁ①⑩½㍻ｰー〜～･・かがは") + [
    "\u0301", "\u3099", "\u309a", "\uff9e", "\uff9f", "e", "\u0308"]


def test_text_is_nfkc_of_the_whole_string():
    rng = random.Random(7)
    for _ in range(5000):
        original = "".join(rng.choice(POOL) for _ in range(rng.randint(0, 30)))
        view = normalise(original)
        assert view.text == unicodedata.normalize("NFKC", original), original
        # every normalised character traces back to characters of the original, in order
        if view.origin is not None:
            assert len(view.origin) == len(view.origin_end) == len(view.text)
            assert list(view.origin) == sorted(view.origin) and all(
                a <= b for a, b in zip(view.origin, view.origin_end))
        assert not view.text or view.original_span(0, len(view.text)) == original


def test_half_width_kana_with_voiced_marks_compose():
    view = normalise("ｶﾞｽﾊﾟｲﾌﾟﾗｲﾝ")
    assert view.text == "ガスパイプライン" == unicodedata.normalize("NFKC", "ｶﾞｽﾊﾟｲﾌﾟﾗｲﾝ")
    assert view.original_span(0, 1) == "ｶﾞ"
    assert view.original_span(1, 2) == "ｽ"
    assert view.original_span(0, 3) == "ｶﾞｽﾊﾟ"
    combining = normalise("か\u3099す")  # か + combining dakuten → が
    assert combining.text == "がす" and combining.original_span(0, 1) == "か\u3099"


def test_every_line_of_every_record_and_fixture_is_nfkc():
    paths = glob.glob(os.path.join(ROOT, "content", "records", "*.txt"))
    paths += glob.glob(os.path.join(ROOT, "tests", "fixtures", "*.txt"))
    real = os.path.join(os.path.dirname(ROOT), "shared", "real-dev")
    paths += glob.glob(os.path.join(real, "*.txt"))
    lines = 0
    for path in paths:
        for line in open(path, encoding="utf-8").read().splitlines():
            assert normalise(line).text == unicodedata.normalize("NFKC", line), (path, line)
            lines += 1
    assert lines > 50


def test_spans_come_from_the_original_text():
    view = normalise("（１）総理…㈱より")
    assert view.text == "(1)総理...(株)より"
    start = view.text.index("...")
    assert view.original_span(start, start + 3) == "…"
    start = view.text.index("(株)")
    assert view.original_span(start, start + 3) == "㈱"
    assert view.original_span(0, 3) == "（１）"
    assert normalise("日ロ首脳会談") == Normalised("日ロ首脳会談", "日ロ首脳会談")
