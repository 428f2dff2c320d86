"""blocks.py: the HTML built in Python for the record's text (term links, English runs, passages)."""
from __future__ import annotations

import html
import random
import re

from markupsafe import escape as markupsafe_escape

from summitsite.blocks import (GlossaryPlace, GlossaryView, JapaneseMarkup, Pair, PassageView, TimelineLink, TopicLink,
                               english_runs, escape, glossary_entry_html, pair_html, passage_html, topic_list_html)
from summitsite.content import GlossaryEntry

SPECIAL = "&<>\"'"
ALPHABET = SPECIAL + "ab 日露　（）{}%#*_`|\\-\n\t;=/"


def test_escape_is_markupsafes_escape():
    rng = random.Random(7)
    samples = ["", SPECIAL, "&amp;", "<script>alert('x')</script>", '"{{ x }}"', "&#39;"]
    samples += ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 40))) for _ in range(2000)]
    for text in samples:
        assert escape(text) == str(markupsafe_escape(text)), text


GLOSSARY = [
    GlossaryEntry("hoppo-yonto", "place", {"北方四島": "ほっぽうよんとう", "四島": "よんとう"}, "the four northern islands",
                  "note", 1),
    GlossaryEntry("putin", "person", {"プーチン大統領": "ぷーちんだいとうりょう"}, "Vladimir Putin", "note", 2),
    GlossaryEntry("odd", "term", {"<b>": ""}, "a \"quoted\" & <odd> gloss", "note", 3),
]


def text_of(markup: str) -> str:
    """What a reader reads (and copies): the markup without its tags, unescaped."""
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def markup(entries=GLOSSARY, known=None):
    from summitsite.furigana import Readings
    return JapaneseMarkup(entries, Readings(known or {f: r for e in entries for f, r in e.forms.items()}))


def test_term_links_go_around_the_text_never_into_it():
    ja = markup().page("2003-01-10-japan-russia/energy/")
    text = "プーチン大統領は北方四島と四島の<b>問題&に触れた。北方四島"
    out = str(ja(text))
    assert text_of(out) == text
    # The longest form wins; each term is marked at its first occurrence on the page only.
    assert out.count('href="../../glossary/#g-hoppo-yonto"') == 1 and out.count("ss-term") == 3
    assert 'href="../../glossary/#g-putin"' in out
    # Readings over kanji only, word by word: プーチン大統領 → 大統領(だいとうりょう) alone.
    assert '<ruby>大統領<rt data-r="だいとうりょう" aria-hidden="true"></rt></ruby>' in out
    assert "<ruby>プーチン" not in out
    # A known reading goes word by word where the dictionary's words read the same: 四島 → 四(よん)島(とう).
    assert '<ruby>四<rt data-r="よん" aria-hidden="true"></rt></ruby><ruby>島<rt data-r="とう"' in out
    # Record text that looks like markup is escaped, and so is a term's English in its attribute.
    assert '<a class="ss-term" href="../../glossary/#g-odd"' in out and "&lt;b&gt;" in out and "<b>" not in out
    assert 'data-en="a &#34;quoted&#34; &amp; &lt;odd&gt; gloss"' in out
    assert "<b>問題" not in out and "&amp;に<ruby>触" in out
    # The same page marks nothing twice; another page marks afresh; headings get readings, no marks.
    assert "ss-term" not in str(ja("プーチン大統領")) and "ss-term" in str(markup().page("x/")("プーチン大統領"))
    assert "ss-term" not in str(markup().page("x/").plain("プーチン大統領"))
    # On the glossary page itself the link is a bare fragment.
    assert 'href="#g-putin"' in str(markup().page("glossary/")("プーチン大統領"))
    # Without glossary entries or readings, the text alone, escaped.
    assert str(markup([], {}).page("x/")("<b>&")) == str(markupsafe_escape("<b>&"))


def test_english_runs_mark_japanese_words():
    out = str(english_runs("the Foreign Minister (外相) & the 日ソ共同宣言 <1956>"))
    assert out == ('the Foreign Minister (<span lang="ja">外相</span>) &amp; the <span lang="ja">日ソ共同宣言</span> '
                   "&lt;1956&gt;")


def test_pair_and_passage_markup():
    ja = markup().page("r/t/")
    solo = pair_html(Pair("(1)", "四島の問題", None), ja)
    assert solo.startswith('<div class="ss-pair ss-pair--solo">') and '<p class="ss-en"' not in solo
    assert '<span class="ss-marker">(1)</span>' in solo
    both = pair_html(Pair("", "会談", "The talks <sic>"), ja, "ss-subtitle")
    assert both.startswith('<div class="ss-pair ss-subtitle">')
    assert '<p class="ss-en" lang="en">The talks &lt;sic&gt;</p>' in both
    item = PassageView("s2-1-1", "2.(1)(イ)", True, [], None, [Pair("(イ)", "本文", None)], [], [])
    view = PassageView("s2-1", "2.(1)", False, ["プーチン大統領", "<x>"], None, [Pair("(1)", "本文", "Text")], [item],
                       [TimelineLink("../../timeline/#e1", "1855年 日露通好条約")])
    out = passage_html(view, ja)
    assert out.startswith('<section class="ss-passage ss-statement" id="s2-1" data-passage="2.(1)">')
    assert '<section class="ss-passage ss-item" id="s2-1-1"' in out and out.count("</section>") == 2
    assert '<a class="ss-permalink" href="#s2-1"' in out and 'data-ss-cite="s2-1"' in out
    assert '<span class="ss-speaker">&lt;x&gt;</span>' in out
    assert '<a href="../../timeline/#e1" lang="ja">1855年 日露通好条約</a>' in out
    # Labels in both languages: the English half hides with the English.
    assert '<span lang="ja">発言者</span><span class="ss-en" lang="en"> Speakers</span>' in out
    assert '<span lang="ja">引用</span><span class="ss-en" lang="en"> Cite</span>' in out


def test_topic_list_marks_the_current_page():
    links = [TopicLink("../a/", "1.冒頭", "Opening"), TopicLink("../b/", "2.<領土>", None)]
    out = topic_list_html(links, 1)
    assert '<li><a href="../a/"><span lang="ja">1.冒頭</span> <span class="ss-en" lang="en">Opening</span></a></li>' in out
    assert '<li><span aria-current="page"><span lang="ja">2.&lt;領土&gt;</span></span></li>' in out
    assert "aria-current" not in topic_list_html(links)


def test_page_front_matter_reads_back_as_written():
    """A page's own front matter is written without the YAML emitter; MkDocs must read back every
    string exactly, whatever characters a record's title or first sentence holds."""
    from mkdocs.utils.meta import get_data

    from summitsite.render import _flow, _strings_yaml

    pool = (list("日ロ首脳会談（令和3年）—…、。:#'\"\\{}[]&*!|>%@`,?-") + ["\t", "\n", "\r", " ", "\u3000",
            "\x00", "\x07", "\x1b", "\x7f", "\x85", "\x9f", "\xa0", "\u2028", "\u2029", "\ufeff", "\ufffe", "\uffff",
            "\U0001f600", "null", "true", "~", "0x1F", "2003-01-10", "- ", "--- "])
    rng = random.Random(3)
    for _ in range(500):
        fields = {key: "".join(rng.choice(pool) for _ in range(rng.randint(0, 12)))
                  for key in ("title", "description", "ss_page")}
        _body, meta = get_data(f"---\n{_strings_yaml(fields)}---\n\nbody\n")
        assert meta == fields
    assert _strings_yaml({"title": "日ロ首脳会談", "ss_page": "topic"}) == 'ss_page: "topic"\ntitle: "日ロ首脳会談"\n'
    # The record's navigation, in flow style: lists of mappings of strings, numbers and booleans.
    for _ in range(200):
        nav = [{"href": "".join(rng.choice(pool) for _ in range(rng.randint(0, 8))), "level": rng.randint(1, 2),
                "current": rng.random() < 0.5, "en": "".join(rng.choice(pool) for _ in range(rng.randint(0, 8)))}
               for _ in range(rng.randint(1, 4))]
        _body, meta = get_data(f"---\nss_nav: {_flow(nav)}\n---\n\nbody\n")
        assert meta == {"ss_nav": nav}
    assert _flow([{"b": None, "a": True}]) == '[{"a": true, "b": null}]'


def test_glossary_entry_markup():
    """Every value escaped once; the English marks its Japanese words; the lines are the ones the
    glossary template made (the seed's committed glossary page, which `scripts/build.py --check` compares
    byte for byte, was made by that template)."""
    odd = GLOSSARY[2]
    bare = glossary_entry_html(GlossaryView(odd, [], [], 0, 0, "?q=%3Cb%3E"))
    assert bare == ('<div class="ss-gloss__entry" id="g-odd">\n<dt><span class="ss-form"><span lang="ja" '
                    'data-ja-text>&lt;b&gt;</span></span><a class="ss-permalink ss-permalink--small" href="#g-odd" '
                    'aria-label="&lt;b&gt;（a &#34;quoted&#34; &amp; &lt;odd&gt; gloss）へのリンク">#</a></dt>\n<dd><p '
                    'class="ss-gloss__en ss-en" lang="en"><strong>a &#34;quoted&#34; &amp; &lt;odd&gt; gloss</strong> — '
                    'note</p>\n</dd>\n</div>')
    seed = GlossaryPlace("../r/", "日露<首脳>会談", "2003-01-10")
    undated = GlossaryPlace("../s/", "会談", None)
    view = GlossaryView(GLOSSARY[0], [seed], [(seed, [GlossaryPlace("../r/t/#s1-1", "1.(1)")]), (undated, [])],
                        2, 9, "?q=%E5%9B%9B%E5%B3%B6")
    out = glossary_entry_html(view)
    assert '<span class="ss-reading" lang="ja">ほっぽうよんとう</span>' in out
    assert ('<p class="ss-gloss__scope"><span class="ss-label"><span lang="ja">この記録のみ</span><span class="ss-en" '
            'lang="en"> Marked only in</span></span> <a href="../r/" lang="ja">日露&lt;首脳&gt;会談</a></p>'
            '<div class="ss-gloss__occ">') in out
    assert ('<time datetime="2003-01-10">2003-01-10</time> <a href="../r/t/#s1-1" lang="ja">1.(1)</a></li>'
            '<li><a class="ss-gloss__record" href="../s/" lang="ja">会談</a> </li></ul>\n') in out
    assert ('<span lang="ja">ほか2件の記録（計9段落）</span><span class="ss-en" lang="en"> and 2 more records (9 passages '
            'in all)</span> <a class="ss-js-only" href="?q=%E5%9B%9B%E5%B3%B6"><span lang="ja">検索</span><span '
            'class="ss-en" lang="en"> search them</span></a></p></div>\n</dd>\n</div>') in out
    view.more = 1
    assert "and 1 more record (9 passages" in glossary_entry_html(view)



def test_touching_readings_join_only_where_they_would_run_into_each_other():
    from summitsite.blocks import MAX_RUBY, crowded, joined, within_terms
    # 日露 + 協力: きょうりょく is a character wider than 協力 and would run into にちろ.
    assert joined([(0, 2, "にちろ"), (2, 4, "きょうりょく")], []) == [(0, 4, "にちろきょうりょく")]
    # 関係 + 発展: each reading is as wide as its word; they stay word by word.
    assert joined([(0, 2, "かんけい"), (2, 4, "はってん")], []) == [(0, 2, "かんけい"), (2, 4, "はってん")]
    # 官房 + 副 + 長官: 副長官 joins first, then runs into 官房 and joins it too.
    assert joined([(0, 2, "かんぼう"), (2, 3, "ふく"), (3, 5, "ちょうかん")], []) == [(0, 5, "かんぼうふくちょうかん")]
    # Not touching (a kana between): the reading may overhang the kana.
    assert joined([(0, 2, "にちろ"), (3, 5, "きょうりょく")], []) == [(0, 2, "にちろ"), (3, 5, "きょうりょく")]
    # Never holding part of a term, never past MAX_RUBY characters.
    three = [(0, 2, "かんけい"), (2, 4, "にちろ"), (4, 6, "きょうりょく")]
    assert joined(three, [(0, 4, "関係日露")]) == three
    assert joined([(0, 2, "にちろ"), (2, 4, "きょうりょく")], [(2, 4, "協力")]) == [(0, 4, "にちろきょうりょく")]
    long = [(0, MAX_RUBY - 1, "か" * (2 * MAX_RUBY - 2)), (MAX_RUBY - 1, MAX_RUBY + 1, "きょうりょく")]
    assert joined(long, []) == long
    # A term's words are one ruby: 北方 + 四 + 島 → 北方四島.
    assert within_terms([(0, 2, "ほっぽう"), (2, 3, "よん"), (3, 4, "とう"), (4, 6, "もんだい")], [(0, 4, "北方四島")]) == [
        (0, 4, "ほっぽうよんとう"), (4, 6, "もんだい")]
    # What stays too wide closes up its letters: a word before a narrow comma, a ruby cut at MAX_RUBY.
    assert crowded([(0, 4, "ぼうえいきょうりょく"), (5, 7, "にちいん")], "防衛協力,日印") == {0: ' class="ss-tight"'}
    assert crowded([(0, 4, "ぼうえいきょうりょく"), (5, 7, "にちいん")], "防衛協力、日印") == {}
    assert crowded(long, "x" * (MAX_RUBY + 1)) == {MAX_RUBY - 1: ' class="ss-tight"'}  # the wider one only
