#!/usr/bin/env python3
"""Synthetic MOFA summit summaries, for benchmarks and multi-record tests.

    python bench/synth.py OUT_DIR N [--seed S] [--verify]

writes N records ``OUT_DIR/<date>-japan-<country>-<k>.txt`` in the shapes of real MOFA pages
(see ../shared/MOFA-FORMAT.md and tests/fixtures/): headers with menus and a breadcrumb, or only a
section line (a leader, 報道発表, a country, a mirror's 外務省・新着情報), Reiwa pages with no blank line;
one- and two-line titles, a visit heading above the title, photo captions, pages with no title or no
date line (their ``<id>.yml`` then gives ``title:`` / ``date:``); Heisei/Reiwa dates (元年, some without
a day); leads with sessions named before or after their times; 4–12 topics as '1.', '1．', '1　' or a
rendered list with counters before (1); topics that are running text (telephone talks are all such),
a topic's lead before its (1), closing text after the last topic; statements with and without
sub-titles, items (イ)(ロ)(ハ) or (ア)(イ)(ウ), a sentence running past its items; 、 or the 2010s' ，
and ,; and the speaker forms (Xより, Xから, Xは…旨述べた, 両首脳は…). ``--verify`` parses each with the
project's parser. Record ``k`` depends only on ``(seed, k)``: the first 100 records of a 300-record set
are the 100-record set. The text is made up; it is never committed (write it to a temp folder).
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys

# country: (title abbreviation, slug, leaders by first year in office, venues, foreign minister)
COUNTRIES = [
    ("米", "us", [(2001, "ブッシュ大統領"), (2009, "オバマ大統領"), (2017, "トランプ大統領"), (2021, "バイデン大統領")],
     ["ワシントン", "ニューヨーク", "クロフォード", "ホノルル"], "ライス国務長官"),
    ("中", "china", [(2001, "胡錦濤国家主席"), (2013, "習近平国家主席")], ["北京", "上海", "杭州"], "王毅外交部長"),
    ("韓", "korea", [(2001, "金大中大統領"), (2003, "盧武鉉大統領"), (2008, "李明博大統領"), (2013, "朴槿恵大統領"),
                   (2017, "文在寅大統領"), (2022, "尹錫悦大統領")], ["ソウル", "釜山", "済州"], "潘基文外交通商部長官"),
    ("英", "uk", [(2001, "ブレア首相"), (2007, "ブラウン首相"), (2010, "キャメロン首相"), (2016, "メイ首相"),
                  (2019, "ジョンソン首相"), (2022, "スナク首相")], ["ロンドン", "エディンバラ"], "ストロー外相"),
    ("仏", "france", [(2001, "シラク大統領"), (2007, "サルコジ大統領"), (2012, "オランド大統領"), (2017, "マクロン大統領")],
     ["パリ", "ビアリッツ"], "ドヴィルパン外相"),
    ("独", "germany", [(2001, "シュレーダー首相"), (2005, "メルケル首相"), (2021, "ショルツ首相")], ["ベルリン", "ハンブルク"],
     "フィッシャー外相"),
    ("印", "india", [(2001, "ヴァジペーイー首相"), (2004, "シン首相"), (2014, "モディ首相")], ["ニューデリー", "ムンバイ"],
     "ジャイシャンカル外相"),
    ("豪", "australia", [(2001, "ハワード首相"), (2008, "ラッド首相"), (2013, "アボット首相"), (2018, "モリソン首相"),
                         (2022, "アルバニージー首相")], ["キャンベラ", "シドニー"], "ダウナー外相"),
    ("露", "russia", [(2001, "プーチン大統領"), (2008, "メドヴェージェフ大統領"), (2012, "プーチン大統領")],
     ["モスクワ", "ソチ", "ウラジオストク"], "ラブロフ外相"),
    ("加", "canada", [(2001, "クレティエン首相"), (2006, "ハーパー首相"), (2015, "トルドー首相")], ["オタワ", "トロント"], "ジョリー外相"),
    ("伊", "italy", [(2001, "ベルルスコーニ首相"), (2014, "レンツィ首相"), (2022, "メローニ首相")], ["ローマ", "ミラノ"],
     "タヤーニ外相"),
    ("越", "vietnam", [(2001, "カイ首相"), (2006, "ズン首相"), (2016, "フック首相"), (2021, "チン首相")], ["ハノイ"], "ミン外相"),
]
PRIME_MINISTERS = [(2001, "小泉"), (2006, "安倍"), (2007, "福田"), (2008, "麻生"), (2009, "鳩山"), (2010, "菅"),
                   (2011, "野田"), (2013, "安倍"), (2020, "菅"), (2021, "岸田")]
EVENTS = ["APEC首脳会議", "G20サミット", "ASEAN関連首脳会議", "国連総会", "G8サミット", "アジア欧州会合(ASEM)"]
TOPICS = ["冒頭発言", "二国間関係", "経済関係", "貿易・投資", "安全保障", "防衛協力", "北朝鮮", "地域情勢", "中東情勢",
          "気候変動", "エネルギー協力", "人的交流", "文化交流", "科学技術協力", "国連安保理改革", "テロ対策", "海洋安全保障",
          "インド太平洋", "感染症対策", "開発協力", "核軍縮・不拡散", "宇宙協力", "サイバー", "観光", "教育交流",
          "国際場裡における協力", "食料安全保障", "インフラ協力", "環境問題", "次回会談"]
SUBTITLES = ["総論", "漁業", "原子力分野での協力", "貿易", "投資環境", "金融", "人的往来", "青少年交流", "防衛交流",
             "拉致問題", "核・ミサイル", "国際機関", "今後の日程"]
CLAUSES = [
    "{x}は両国関係にとって極めて重要である",
    "{x}について引き続き緊密に連携していきたい",
    "{x}の分野での協力を一層強化していく必要がある",
    "{x}に関する作業部会の成果を高く評価する",
    "{x}をめぐる情勢について率直な意見交換を行いたい",
    "{x}の早期実現に向けて協力していきたい",
    "{x}については具体的な成果を上げることが重要である",
    "先般の{x}に関する協議の結果を歓迎する",
    "{x}の潜在力を十分に生かすため、あらゆる分野で関係を発展させていかねばならない",
    "{x}は地域の平和と安定のためにも重要である",
    "国際社会全体が{x}に注目している",
    "{x}に関し、実務者レベルでの協議を加速させたい",
]
ENDINGS = ["旨述べた", "旨発言した", "旨指摘した", "旨強調した", "旨表明した", "旨説明した"]
FACTS = [
    "両国間の貿易額は過去10年間で約2倍に拡大している。",
    "{y}年{m}月には閣僚級の協議が行われ、行動計画が採択された。",
    "この分野での協力は、{x}の重要な柱となっている。",
    "毎年{m}月には両国の若者の交流事業が行われている。",
    "今後、事務レベルで具体的な協力の在り方を検討していくこととなった。",
    "{x}については、双方の専門家による共同研究が進められている。",
]
FULLWIDTH = str.maketrans("0123456789().", "０１２３４５６７８９（）．")
# How MOFA names each country's area page: its section line and the '<name>へ戻る' of newer pages.
AREA_NAMES = {"us": "アメリカ合衆国", "china": "中華人民共和国", "korea": "大韓民国", "uk": "英国", "france": "フランス",
              "germany": "ドイツ", "india": "インド", "australia": "オーストラリア", "russia": "ロシア", "canada": "カナダ",
              "italy": "イタリア", "vietnam": "ベトナム"}


def _pick(table, year):
    return [name for since, name in table if since <= year][-1]


def era_date(day: dt.date, with_day: bool) -> tuple[str, str]:
    """('平成16年3月15日', '2004-03-15') — or without the day: ('平成18年11月', '2006-11')."""
    era, year = ("令和", day.year - 2018) if day >= dt.date(2019, 5, 1) else ("平成", day.year - 1988)
    y = "元" if year == 1 else str(year)
    if with_day:
        return f"{era}{y}年{day.month}月{day.day}日", day.isoformat()
    return f"{era}{y}年{day.month}月", day.isoformat()[:7]


def _clock(minutes: int, style: str) -> str:
    h, m = divmod(minutes, 60)
    if style == "colon":
        return f"{h}:{m:02d}"
    prefix = ""
    if h >= 12:
        prefix, h = "午後", h - 12
    return f"{prefix}{h}時{m}分" if m else f"{prefix}{h}時"


class _Record:
    def __init__(self, rng: random.Random, k: int):
        self.rng = rng
        r = rng
        self.abbr, self.slug, leaders, venues, self.minister = r.choice(COUNTRIES)
        self.day = dt.date(2001, 5, 1) + dt.timedelta(days=r.randrange(0, 8600))
        self.leader = _pick(leaders, self.day.year)
        self.venue = r.choice(venues + ["東京", "官邸"])
        self.pm = _pick(PRIME_MINISTERS, self.day.year) + "総理"
        self.with_day = r.random() > 0.1
        self.era, self.iso = era_date(self.day, self.with_day)
        self.id = f"{self.iso}-japan-{self.slug}-{k:03d}"
        self.reiwa = self.era.startswith("令和")
        self.fullwidth = r.random() < 0.25
        self.commas = r.choice(["，", ","]) if 2015 <= self.day.year <= 2019 and r.random() < 0.5 else None
        self.dense = r.random() < 0.3  # no blank lines between statements
        self.space = r.choice(["", " "])  # after (1)
        self.topic_style = "reiwa" if self.reiwa and r.random() < 0.7 else r.choice(["dot", "dot", "dotspace"])
        self.telephone = r.random() < 0.08  # numbered paragraphs only: one page
        self.listed = not self.telephone and r.random() < 0.1  # rendered as a list: '  1. ' and indented bodies
        self.gojuon = r.random() < 0.3  # items (ア)(イ)(ウ)
        self.meta: dict[str, str] = {}  # what the page lacks, for <id>.yml
        self.lines: list[str] = []

    # --- pieces ---------------------------------------------------------------------------
    def marker(self, text: str) -> str:
        return text.translate(FULLWIDTH) if self.fullwidth else text

    def indent(self) -> str:
        return "\u3000" if self.fullwidth else " "

    def comma(self, text: str) -> str:
        if self.commas and self.rng.random() < 0.7:
            return text.replace("、", self.commas)
        return text

    def sentence(self, x: str, speaker: str | None = None) -> str:
        r = self.rng
        clauses = "、".join(c.format(x=x) for c in r.sample(CLAUSES, r.randint(1, 3)))
        s = speaker or r.choice([self.pm, "総理", self.leader, self.leader])
        form = r.randrange(9)
        if form == 0:
            text = f"{s}より、{clauses}{r.choice(ENDINGS)}。"
        elif form == 1:
            text = f"{s}から、{clauses}旨発言があった。"
        elif form == 2:
            text = f"{s}からは、{clauses}{r.choice(ENDINGS)}。"
        elif form == 3:
            text = f"{s}は{clauses}旨発言した。"
        elif form == 4:
            text = f"これに対し{s}より、{clauses}{r.choice(ENDINGS)}。"
        elif form == 5:
            other = self.leader if s != self.leader else self.pm
            text = f"{s}が、{clauses}旨述べたところ、{other}はこれに同意する旨述べた。"
        elif form == 6:
            text = f"両首脳は、{x}について緊密に連携していくことで一致した。"
        elif form == 7:
            text = f"同席の{self.minister}より、{clauses}旨発言があった。"
        else:
            text = f"{s}より、{clauses}{r.choice(ENDINGS)}。{self.fact(x)}"
        return self.comma(text)

    def fact(self, x: str) -> str:
        r = self.rng
        return r.choice(FACTS).format(x=x, y=self.day.year - r.randint(0, 3), m=r.randint(1, 12))

    def gap(self, n: int = 1) -> None:
        self.lines.extend([""] * (0 if self.dense and n == 1 else n))

    # --- the page --------------------------------------------------------------------------
    def header(self) -> None:
        r = self.rng
        menu = ["外務省 English リンクページ よくある質問集 検索 サイトマップ",
                "外務省案内 渡航関連情報 各国・地域情勢 外交政策 ODA",
                "会談・訪問 報道・広報 キッズ外務省 資料・公開情報 各種手続き"]
        if self.reiwa and r.random() < 0.4:  # a country's page, with no blank line anywhere
            self.dense = True
            self.lines += [AREA_NAMES[self.slug]]
            self.title(with_blank=False, tight=True)
            return
        kind = r.choice(["visit", "visit", "area", "none", "section", "section"])
        if kind == "visit":
            self.lines += menu + [f"トップページ 会談・訪問 {self.pm}大臣", f"{self.pm}大臣", "", ""]
        elif kind == "area":
            region = r.choice(["アジア", "北米", "欧州", "大洋州"])
            crumb = f"トップページ 各国・地域情勢 {region}" if r.random() < 0.5 else f"トップページ各国・地域情勢{region}"
            self.lines += menu + [crumb, "世界地図", region]
        elif kind == "section":
            self.lines += [r.choice([f"{self.pm}大臣", "総理大臣", "報道発表", "外務省・新着情報", AREA_NAMES[self.slug]]), ""]
        self.title(with_blank=kind != "area")

    def title(self, with_blank: bool, tight: bool = False) -> None:
        r = self.rng
        a = self.abbr
        form = r.randrange(10)
        if self.telephone:
            lines = [f"日{a}首脳電話会談" if r.random() < 0.7 else f"{self.pm}大臣と{self.leader}との電話会談"]
        elif form == 7 and a in "露米中韓印英仏独":
            lines = [f"{self.pm}訪{a}の概要", f"({self.day.month}月{self.day.day}日、於:{self.venue})"]
        elif form == 8 and a in "露米中韓印英仏独":
            lines = [f"{self.pm}大臣の訪{a}", "(首脳会談:概要)"]
        elif form == 0:
            lines = [f"日{a}首脳会談(概要)"]
        elif form == 1:
            lines = [f"日{a}首脳会談概要"]
        elif form == 2:
            lines = [f"日{a}首脳会談の概要"]
        elif form == 3:
            lines = [f"{r.choice(EVENTS)}の際の日{a}首脳会談", "結果概要"]
        elif form == 4:
            lines = [f"{r.choice(EVENTS)}における日{a}首脳会談", "(概要)"]
        elif form == 5 and a in "露米中韓印英仏独":
            lines = [f"{self.pm}大臣の訪{a}", f"日{a}首脳会談"]
        else:
            lines = [f"日{a}首脳会談"]
        missing = r.random() if self.day.year >= 2014 else 1.0
        if missing < 0.15:  # the title lived only in the page's heading
            self.meta["title"] = "".join(lines)
        else:
            self.lines += lines
            if not tight:
                self.lines += ["", ""] if with_blank or len(lines) > 1 else [""]
        if 0.15 <= missing < 0.25:  # no date line: the lead says only '18日に…'
            self.meta["date"] = self.iso if self.with_day else self.iso + "-01"
            self.iso = self.meta["date"]
            return
        self.lines += [self.era] + ([] if tight else ["", ""])
        if self.reiwa or self.day.year >= 2013:
            if r.random() < 0.4:
                self.lines += ["(写真提供:内閣広報室)"] + ([] if tight else [""])

    def lead(self) -> None:
        r = self.rng
        d, m = self.day.day, self.day.month
        who = f"{self.pm}と{self.leader}との間で日{self.abbr}首脳会談が行われた"
        form = r.randrange(6)
        start = r.randrange(8 * 60, 17 * 60)
        t1 = start + r.randint(30, 100)
        t2 = t1 + r.randint(3, 15)
        t3 = t2 + r.randint(30, 90)
        if form == 0:
            c = [_clock(t, "colon") for t in (start, t1, t2, t3)]
            label = r.choice(["全体会合", "拡大会合", "ワーキング・ランチ"])
            text = (f"{m}月{d}日{c[0]}から{c[3]}にかけて{self.venue}において{who}({c[0]}-{c[1]}は少人数会合、"
                    f"{c[2]}-{c[3]}は{label})ところ、概要以下のとおり。")
        elif form == 1:
            c = [_clock(t, "kanji") for t in (start, t1, t2, t3)]
            text = (f"{d}日、{self.venue}において、{c[0]}から{c[1]}まで少人数会合、{c[2]}から{c[3]}まで拡大会合の形で"
                    f"{who}ところ、概要以下のとおり。")
        elif form == 2 and r.random() < 0.5:  # the parts named before their times
            c = [_clock(t, "kanji") for t in (start, t1, t2, t3)]
            first, second = r.choice([("テタテ会合", "全体会合"), ("首脳間のみ", "拡大会合"), ("少人数会合", "ワーキング・ランチ")])
            text = (f"{d}日、{self.venue}において{who}ところ、概要以下のとおり。なお、会談は{first}({c[0]}~{c[1]})"
                    f"及び{second}({c[2]}~{c[3]})の形で行われた。")
        elif form == 2:
            s, e = r.randrange(9 * 60, 10 * 60), r.randrange(10 * 60 + 30, 11 * 60 + 50)
            text = (f"{d}日午前{_clock(s, 'kanji')}より同{_clock(e, 'kanji')}まで、{self.venue}において{who}"
                    "ところ、概要以下のとおり。")
        elif form == 3:
            text = (f"現地時間{d}日午後3時20分過ぎ(日本時間{d}日深夜)より約{r.randint(3, 9)}0分間、{self.venue}において"
                    f"{who}ところ、概要は以下のとおり。")
        elif form == 4:
            text = f"{d}日18時過ぎ(現地時間)より約40分、{self.venue}において{who}。概要は以下のとおり。"
        else:
            text = f"{m}月{d}日、{self.pm}は、{self.venue}において{self.leader}と会談を行ったところ、概要以下のとおり。"
        if r.random() < 0.3:  # attendees, with the stray 。 real pages have
            text = text.replace("概要", f"(先方からは{self.minister}等が同席。)。概要", 1)
        self.lines += [" " + text]
        if r.random() < 0.25:
            self.lines += ["", " なお、会談に先立ち、両首脳は共同記者発表を行った。"]
        self.gap(2)

    def topics(self) -> None:
        r = self.rng
        n = min(12, max(4, round(r.triangular(4, 12.49, 12))))
        titles = r.sample(TOPICS, n)
        if r.random() < 0.5:
            titles[0] = "冒頭発言"
        for number, title in enumerate(titles, 1):
            self.topic(number, title)
            self.gap(2 if not self.dense else 1)
        if r.random() < 0.15:  # text after the last topic: the record's closing
            closing = r.choice([f"【参考】今回の会談は、{self.leader}との{r.randint(2, 9)}回目の首脳会談となった。",
                                "(この他、両首脳は地域情勢についても意見交換を行った。)"])
            self.lines += [self.comma(closing)]

    def topic_line(self, number: int, rest: str) -> str:
        if self.listed or self.telephone:
            return f"  {number}. {rest}"
        if self.topic_style == "reiwa":
            return f"{self.marker(str(number))}\u3000{rest}"
        sep = " " if self.topic_style == "dotspace" else ""
        return f"{self.marker(f'{number}.')}{sep}{rest}"

    def topic(self, number: int, title: str) -> None:
        r = self.rng
        x = title if title not in ("冒頭発言", "次回会談") else "両国関係"
        shape = r.random()
        if self.telephone or shape < 0.06:  # no title: the text runs on the topic line
            self.lines += [self.topic_line(number, self.sentence(x))]
            if r.random() < 0.5:
                self.lines += [self.indent() + self.fact(x)]
            return
        self.lines += [self.topic_line(number, title)]
        self.gap()
        if self.listed:  # a rendered list: the body indented under the title, a counter before each (n)
            for k in range(1, r.randint(2, 4)):
                self.lines += [f"    {k}. ({k}) {self.sentence(x)}"]
            return
        if shape < 0.16:  # no (n) at all
            for _ in range(r.randint(1, 2)):
                self.lines += [self.indent() + self.sentence(x)]
            return
        if shape < 0.24:  # items only
            self.items(x, r.randint(2, 4))
            return
        if shape > 0.9:  # the topic's own lead before its (1)
            self.lines += [self.indent() + self.comma(f"両首脳は、{x}について以下のとおり意見交換を行った。")]
        for k in range(1, r.randint(2, 5)):
            self.statement(k, x)
            self.gap()

    def statement(self, k: int, x: str) -> None:
        r = self.rng
        head = self.marker(f"({k})") + self.space
        shape = r.random()
        if shape < 0.15:  # sub-title, then text (or items) on the following lines
            self.lines += [head + r.choice(SUBTITLES)]
            if r.random() < 0.4:
                self.lines += [""]
            if r.random() < 0.5:
                self.lines += [self.indent() + self.sentence(x)]
            else:
                self.lines += [self.indent() + f"{self.leader}より以下の発言があった、"]
                self.gap()
                self.items(x, r.randint(2, 3))
        elif shape < 0.3:  # preamble, then items
            self.lines += [head + f"{r.choice([self.pm, '総理'])}より、以下の発言を行った。"]
            self.gap()
            self.items(x, r.randint(2, 4))
        elif shape < 0.36:  # one sentence running over its items: (1)…、 / (イ)…、 / (ロ)…、 / 旨述べた。
            self.lines += [head + self.comma(f"{self.leader}より、{x}に関し、")]
            for label in self.letters()[: r.randint(2, 3)]:
                self.lines += [self.marker(f"({label})") + self.comma(f"{r.choice(SUBTITLES)}の分野での協力、")]
            self.lines += [r.choice(ENDINGS) + "。"]
        else:
            self.lines += [head + self.sentence(x)]
            if shape > 0.85:
                self.gap()
                for _ in range(r.randint(1, 2)):
                    self.lines += [self.indent() + self.fact(x) + self.fact(x)]

    def letters(self) -> str:
        return "アイウエオ" if self.gojuon else "イロハニホ"

    def items(self, x: str, n: int) -> None:
        r = self.rng
        for label in self.letters()[:n]:
            text = self.sentence(x) if r.random() < 0.6 else self.fact(x)
            self.lines += [self.marker(f"({label})") + " " + text]
            if r.random() < 0.15:
                self.lines += [self.indent() + self.fact(x)]
            self.gap()

    def footer(self) -> str:
        r = self.rng
        kind = r.randrange(3)
        body = "\n".join(self.lines).rstrip("\n")
        if kind == 0:
            return (body + "\n\n\n\n目次\n\n外務省案内 渡航関連情報 各国・地域情勢 外交政策 ODA\n"
                    "会談・訪問 報道・広報 キッズ外務省 資料・公開情報 各種手続き\n外務省")
        if kind == 1:
            return body + "\n\n\nこのページのトップへ戻る\n目次へ戻る\n"
        return body + "\n\n\n" + AREA_NAMES[self.slug] + "へ戻る\n"

    def text(self) -> str:
        self.header()
        self.lead()
        self.topics()
        return self.footer()


def make_record(k: int, seed: int = 0) -> tuple[str, str, dict[str, str]]:
    """The ``k``-th synthetic record of ``seed``: (record id, text, what its YAML must give: title, date).
    Depends only on (seed, k)."""
    record = _Record(random.Random(f"summit-synth-{seed}-{k}"), k)
    text = record.text()
    return record.id, text, record.meta


def write_records(folder: str, n: int, seed: int = 0) -> list[str]:
    """Write records 1..n into ``folder`` (created if needed), each with the ``<id>.yml`` that gives the
    title or date its page lacks; return the records' paths in order."""
    os.makedirs(folder, exist_ok=True)
    paths = []
    for k in range(1, n + 1):
        record_id, text, meta = make_record(k, seed)
        path = os.path.join(folder, record_id + ".txt")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
        if meta:
            with open(os.path.join(folder, record_id + ".yml"), "w", encoding="utf-8") as handle:
                handle.write("".join(f'{key}: "{value}"\n' for key, value in sorted(meta.items())))
        paths.append(path)
    return paths


def verify(paths: list[str]) -> int:
    """Parse each record with the project's parser; print problems; return how many failed."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    sys.path.insert(0, os.path.join(root, "scripts"))
    from summitsite.content import load_record_meta
    from summitsite.errors import BuildError
    from summitsite.pipeline import read_record

    failed = 0
    for path in paths:
        try:
            read_record(path, os.path.dirname(path), load_record_meta(path[: -len(".txt")] + ".yml", "/"))
        except BuildError as err:
            failed += 1
            for problem in err.problems:
                print(problem, file=sys.stderr)
    return failed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", help="where to write the records (e.g. a temp copy's content/records)")
    parser.add_argument("n", type=int, help="how many records")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--verify", action="store_true", help="parse every record with the project's parser")
    args = parser.parse_args(argv)
    paths = write_records(args.folder, args.n, args.seed)
    print(f"wrote {len(paths)} record(s) into {args.folder}")
    if args.verify:
        failed = verify(paths)
        print(f"verified: {len(paths) - failed} parsed, {failed} failed")
        return 1 if failed else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
