"""Parser: the seed in full, and synthetic records for each variation of MOFA's format."""
from __future__ import annotations

import pytest

from conftest import make_record
from summitsite.decode import decode_record
from summitsite.parse import parse_record


def parse(text: str, record_id: str = "test"):
    return parse_record(decode_record(text.encode("utf-8"), "test.txt"), "test.txt", record_id)


# --- the seed ---------------------------------------------------------------------------------
def test_seed_header_fields(seed_record):
    r = seed_record
    assert r.title == "日露首脳会談(概要)"
    assert r.era_date == "平成15年1月10日" and r.date == "2003-01-10"
    assert r.venue == "モスクワ"
    assert r.meeting_time == ("12:06", "14:57")
    assert [(s.start, s.end, s.label) for s in r.sessions] == [("12:06", "13:47", "少人数会合"),
                                                               ("13:51", "14:57", "全体会合")]
    assert len(r.lead) == 1 and r.lead[0].text.startswith("1月10日12:06から") and r.lead[0].line == 14


def test_seed_topics_and_ids(seed_record):
    r = seed_record
    assert [t.title for t in r.topics] == [
        "冒頭発言", "日ロ関係発展の重要性", "領土問題・日露行動計画", "テロ対策", "エネルギー分野での協力", "その他経済関係",
        "治安・防衛分野の協力", "「ロシアにおける日本文化フェスティバル2003」", "北朝鮮", "イラク"]
    assert [len(t.statements) for t in r.topics] == [3, 3, 3, 3, 3, 3, 2, 2, 3, 2]
    ids = [pid for pid, _ in r.passages()]
    assert len(ids) == 34 and len(set(ids)) == 34
    assert sum(len(t.statements) for t in r.topics) == 27
    assert [i for i in ids if i.count("-") == 2] == ["s2-2-1", "s2-2-2", "s2-2-3", "s6-2-1", "s6-2-2", "s6-3-1",
                                                      "s6-3-2"]
    assert r.topics[8].statements[1].id == "s9-2"


def test_seed_subtitles_and_continuations(seed_record):
    t6 = seed_record.topics[5]
    assert [s.title for s in t6.statements] == ["総論", "漁業", "原子力分野での協力"]
    assert t6.statements[1].paragraphs[0].text == "プーチン大統領より以下の発言があった、"
    assert [len(i.paragraphs) for i in t6.statements[1].items] == [2, 1]
    assert t6.statements[1].items[0].paragraphs[1].text.startswith("日露間の密輸・密漁分野での協力")
    assert t6.statements[2].paragraphs == []
    s23 = seed_record.topics[1].statements[2]
    assert len(s23.paragraphs) == 3 and s23.paragraphs[1].indent == " "
    assert "我が方の提案 を伝えたい" in t6.statements[0].paragraphs[0].text


SEED_SPEAKERS = {
    "s1-1": ["プーチン大統領"], "s1-2": ["総理"], "s1-3": ["総理", "プーチン大統領"],
    "s2-1": ["プーチン大統領"], "s2-2": ["総理"], "s2-2-1": [], "s2-2-2": [], "s2-2-3": [], "s2-3": ["総理"],
    "s3-1": ["プーチン大統領"], "s3-2": ["総理"], "s3-3": ["プーチン大統領"],
    "s4-1": ["プーチン大統領"], "s4-2": ["総理"], "s4-3": ["イワノフ外相"],
    "s5-1": ["総理", "プーチン大統領"], "s5-2": ["総理"], "s5-3": ["プーチン大統領"],
    "s6-1": ["プーチン大統領", "小泉総理"], "s6-2": ["プーチン大統領", "小泉総理"], "s6-2-1": [], "s6-2-2": ["小泉総理"],
    "s6-3": ["プーチン大統領", "小泉総理"], "s6-3-1": ["プーチン大統領"], "s6-3-2": ["小泉総理"],
    "s7-1": ["プーチン大統領"], "s7-2": ["小泉総理"], "s8-1": ["小泉総理"], "s8-2": ["プーチン大統領"],
    "s9-1": ["総理", "プーチン大統領"], "s9-2": ["総理"], "s9-3": ["プーチン大統領"],
    "s10-1": ["プーチン大統領"], "s10-2": ["小泉総理", "プーチン大統領"],
}


def test_seed_speakers(seed_record):
    assert {pid: p.speakers for pid, p in seed_record.passages()} == SEED_SPEAKERS


def test_seed_json_export(seed_record):
    from summitsite.render import record_to_json
    data = record_to_json(seed_record)
    assert {"title", "date", "era_date", "sessions", "topics"} <= set(data)
    st = data["topics"][1]["statements"][1]
    assert set(st) >= {"id", "number", "title", "speakers", "text", "items"}
    assert st["items"][2] == {**st["items"][2], "id": "s2-2-3", "label": "ハ", "speakers": []}


# --- synthetic records ------------------------------------------------------------------------
FULLWIDTH = """
日中首脳会談（概要）

令和元年５月１日

　９時４０分から１０時３５分まで少人数会合、１０時４５分から午後０時１０分まで拡大会合が行われたところ、概要以下のとおり。

１．冒頭
（１）　習主席から、祝意が表明された。
（２）安倍総理からは、謝意を述べた。
２．各論
（１）　経済
　両首脳は、協力を進めることで一致した。
（イ）　李総理より、投資につき説明があった。
（ロ）　これに対し安倍総理は、歓迎する旨応じた。
"""


def test_fullwidth_forms_and_reiwa_first_year():
    r = parse(make_record(FULLWIDTH))
    assert r.date == "2019-05-01" and r.era_date == "令和元年５月１日"
    assert [(s.start, s.end, s.label) for s in r.sessions] == [("09:40", "10:35", "少人数会合"),
                                                               ("10:45", "12:10", "拡大会合")]
    assert [t.marker for t in r.topics] == ["１．", "２．"]
    s = r.topics[0].statements
    assert [x.marker for x in s] == ["（１）", "（２）"] and s[0].sep == "　" and s[1].sep == ""
    assert s[0].speakers == ["習主席"] and s[1].speakers == ["安倍総理"]
    econ = r.topics[1].statements[0]
    assert econ.title == "経済" and econ.paragraphs[0].indent == "　"
    assert econ.speakers == ["両首脳", "李総理", "安倍総理"]
    assert [i.id for i in econ.items] == ["s2-1-1", "s2-1-2"]


REIWA_TOPICS = """
日米首脳会談

令和5年1月13日

　現地時間13日午前10時50分（日本時間14日午前0時50分）から約2時間、岸田総理大臣とバイデン大統領との間で日米首脳会談が行われたところ、概要は以下のとおり。

1　冒頭
　バイデン大統領から、歓迎の意が表された。岸田総理大臣から、謝意を述べた。
2　地域情勢
（1）岸田総理大臣から、北朝鮮情勢について説明した。
"""


def test_reiwa_topic_with_ideographic_space_and_no_statement_number():
    r = parse(make_record(REIWA_TOPICS))
    assert r.sessions == [] and r.meeting_time is None
    t1 = r.topics[0]
    assert t1.title == "冒頭" and t1.sep == "　"
    assert [s.id for s in t1.statements] == ["s1"] and t1.statements[0].number is None
    assert t1.statements[0].speakers == ["バイデン大統領", "岸田総理大臣"]
    assert r.topics[1].statements[0].id == "s2-1"


TWO_LINE_TITLE = """
APEC首脳会議の際の日露首脳会談
結果概要

平成18年11月

　15日18時過ぎ(現地時間)より約40分、会談が行われた。

1.会談
(1)プーチン大統領より、述べた。
"""


def test_two_line_title_and_date_without_day():
    r = parse(make_record(TWO_LINE_TITLE))
    assert r.title == "APEC首脳会議の際の日露首脳会談結果概要"
    assert len(r.title_lines) == 2 and r.headings == []
    assert r.date == "2006-11" and r.sessions == [] and r.meeting_time is None


def test_visit_heading_then_title():
    r = parse(make_record("小泉総理大臣の訪露\n日露首脳会談\n\n平成15年1月10日\n\n会談が行われた。\n\n1.冒頭\n(1)総理より、述べた。"))
    assert r.title == "日露首脳会談" and [h.text for h in r.headings] == ["小泉総理大臣の訪露"]


LEAD_VARIANTS = """
日韓首脳会談（概要）

平成16年12月18日

（写真提供：内閣広報室）

 午前10時15分より同11時30分まで、指宿において会談が行われた(当方:細田官房長官、先方:潘外交通商部長官同席)。
 今次会談では、(イ)北朝鮮、(ロ)経済について議論した。
【同席者】
日本側:町村外務大臣
韓国側:潘長官
【会談概要】

1.日韓首脳会談(17日)
(1)盧大統領より謝意が表明され、小泉総理は、歓迎する旨発言した。
(温家宝総理)
(2)温家宝総理が、発言した。
"""


def test_lead_variants_captions_attendees_and_no_items_in_lead():
    r = parse(make_record(LEAD_VARIANTS))
    # The photo caption is the site's: in neither the lead nor anywhere else of the record.
    assert all("写真提供" not in p.text for p in r.lead)
    assert r.sessions == [] and r.meeting_time == ("10:15", "11:30")
    assert r.venue == "指宿"
    assert r.attendees == ["当方:細田官房長官、先方:潘外交通商部長官同席", "日本側:町村外務大臣", "韓国側:潘長官"]
    assert len(r.lead) == 6 and r.lead[1].text.startswith("今次会談では、(イ)")
    t = r.topics[0]
    assert t.title == "日韓首脳会談(17日)"
    # A heading line '(温家宝総理)' is kept as a paragraph and names a speaker of its passage.
    assert t.statements[0].paragraphs[1].text == "(温家宝総理)"
    assert t.statements[0].speakers == ["盧大統領", "小泉総理", "温家宝総理"]
    assert t.statements[1].speakers == ["温家宝総理"]


def test_afternoon_with_24_hour_clock_and_durations():
    r = parse(make_record("日露首脳会談\n\n平成15年1月10日\n\n 午後19時53分から午後20時30分まで夕食会、"
                          "モスクワ時間9日18時40分頃から約30分間。\n\n1.冒頭\n(1)総理より、述べた。"))
    assert [(s.start, s.end, s.label) for s in r.sessions] == [("19:53", "20:30", "夕食会")]


def test_topic_text_on_same_line_and_consecutive_statements():
    r = parse(make_record("日露首脳会談\n\n平成15年1月10日\n\n会談が行われた。\n\n"
                          "1.両首脳は、平和条約締結に向けて交渉を加速することで一致した。\n"
                          "2.経済\n(1)総理より、述べた。\n(2)大統領よりも、述べた。\n(3) 双方は、確認した。"))
    t1, t2 = r.topics
    assert t1.title is None and t1.statements[0].id == "s1" and t1.statements[0].speakers == ["両首脳"]
    assert [s.speakers for s in t2.statements] == [["総理"], ["大統領"], ["双方"]]


def test_no_menu_and_alternative_footers():
    for footer in ("\n\nこのページのトップへ戻る\n目次へ戻る", "\n\nロシアへ戻る", ""):
        r = parse(make_record("日露首脳会談\n\n平成15年1月10日\n\n会談が行われた。\n\n1.冒頭\n(1)総理より、述べた。",
                              header="", footer=footer))
        assert r.topics[0].statements[0].paragraphs[-1].text == "総理より、述べた。"


def test_area_page_header():
    header = "トップページ各国・地域情勢アジア\n世界地図\nアジア\n"
    r = parse(make_record("日中首脳会談の概要\n\n平成17年4月23日\n\n会談が行われた。\n\n1.冒頭\n(1)胡主席より、述べた。",
                          header=header))
    assert r.title == "日中首脳会談の概要"


def test_topics_made_only_of_items():
    r = parse(make_record("日露首脳会談\n\n平成15年1月10日\n\n会談が行われた。\n\n1.北朝鮮\n(イ)総理より、述べた。\n"
                          "(ロ)大統領より、同意した。\n(a)細目。"))
    st = r.topics[0].statements[0]
    assert st.id == "s1" and [i.id for i in st.items] == ["s1-0-1", "s1-0-2"]
    assert st.items[1].paragraphs[1].text == "(a)細目。"
    assert st.speakers == ["総理", "大統領"]


@pytest.mark.parametrize("line,expected", [
    ("平成15年2月29日", "2003-02 has no day 29"),
    ("平成32年1月1日", "2020-01-01 is outside the era"),
    ("昭和64年1月8日", "1989-01-08 is outside the era"),
    ("令和元年4月30日", "2019-04-30 is outside the era"),
    ("平成15年13月1日", "there is no month 13"),
])
def test_impossible_dates(line, expected):
    from summitsite.errors import BuildError
    with pytest.raises(BuildError) as err:
        parse(make_record(f"日露首脳会談\n\n{line}\n\n会談。\n\n1.冒頭\n(1)総理より、述べた。"))
    assert str(err.value) == f"test.txt:10: expected a real date, found '{line}' ({expected})"
