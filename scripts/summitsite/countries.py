"""Countries as MOFA's titles write them (日露, 日・インドネシア, 日米, XとYとの電話会談): their English name,
and the ASCII slug a record's id takes from them ('2010-10-04-japan-france')."""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Country:
    en: str
    slug: str
    abbreviations: tuple[str, ...]  # one-character forms of 日X titles: 露, ロ
    names: tuple[str, ...]  # forms written out: ロシア, ロシア連邦

    @property
    def ja(self) -> str:
        """The short Japanese name a page shows: ロシア, 米国, 英国, 南アフリカ."""
        return min(self.names, key=len)


COUNTRIES = (
    Country("Russia", "russia", ("露", "ロ"), ("ロシア連邦", "ロシア")),
    Country("United States", "us", ("米",), ("アメリカ合衆国", "アメリカ", "米国")),
    Country("China", "china", ("中",), ("中華人民共和国", "中国")),
    Country("Republic of Korea", "korea", ("韓",), ("大韓民国", "韓国")),
    Country("North Korea", "north-korea", ("朝",), ("北朝鮮",)),
    Country("United Kingdom", "uk", ("英",), ("英国", "イギリス")),
    Country("France", "france", ("仏",), ("フランス",)),
    Country("Germany", "germany", ("独",), ("ドイツ",)),
    Country("Italy", "italy", ("伊",), ("イタリア",)),
    Country("Canada", "canada", ("加",), ("カナダ",)),
    Country("India", "india", ("印",), ("インド",)),
    Country("Australia", "australia", ("豪",), ("オーストラリア",)),
    Country("New Zealand", "new-zealand", ("NZ",), ("ニュージーランド",)),
    Country("Indonesia", "indonesia", ("尼",), ("インドネシア",)),
    Country("Philippines", "philippines", ("比",), ("フィリピン",)),
    Country("Viet Nam", "vietnam", ("越",), ("ベトナム",)),
    Country("Thailand", "thailand", ("泰",), ("タイ",)),
    Country("Singapore", "singapore", ("星",), ("シンガポール",)),
    Country("Malaysia", "malaysia", ("馬",), ("マレーシア",)),
    Country("Mongolia", "mongolia", ("蒙",), ("モンゴル",)),
    Country("Cambodia", "cambodia", (), ("カンボジア",)),
    Country("Laos", "laos", (), ("ラオス",)),
    Country("Myanmar", "myanmar", (), ("ミャンマー",)),
    Country("Pakistan", "pakistan", (), ("パキスタン",)),
    Country("Bangladesh", "bangladesh", (), ("バングラデシュ",)),
    Country("Sri Lanka", "sri-lanka", (), ("スリランカ",)),
    Country("Spain", "spain", (), ("スペイン",)),
    Country("Netherlands", "netherlands", (), ("オランダ",)),
    Country("Poland", "poland", (), ("ポーランド",)),
    Country("Ukraine", "ukraine", (), ("ウクライナ",)),
    Country("Türkiye", "turkiye", (), ("トルコ",)),
    Country("Israel", "israel", (), ("イスラエル",)),
    Country("Iran", "iran", (), ("イラン",)),
    Country("Saudi Arabia", "saudi-arabia", (), ("サウジアラビア",)),
    Country("United Arab Emirates", "uae", (), ("アラブ首長国連邦",)),
    Country("Egypt", "egypt", (), ("エジプト",)),
    Country("South Africa", "south-africa", (), ("南アフリカ共和国", "南アフリカ")),
    Country("Brazil", "brazil", ("伯",), ("ブラジル",)),
    Country("Mexico", "mexico", ("墨",), ("メキシコ",)),
    Country("Argentina", "argentina", (), ("アルゼンチン",)),
    Country("Chile", "chile", (), ("チリ",)),
    Country("Peru", "peru", (), ("ペルー",)),
)
JAPAN = Country("Japan", "japan", ("日",), ("日本",))
_BY_ABBREVIATION = {a: c for c in COUNTRIES for a in c.abbreviations}
_NAMES = sorted(((n, c) for c in COUNTRIES for n in c.names), key=lambda nc: -len(nc[0]))
# 日露首脳会談, 日ロ首脳会談: the letters between 日 and the title's word. 日・インドネシア首脳会談: a name.
_ABBREVIATED = re.compile(r"日([^\s首会・]{1,3})(?:首脳|外相|電話|会談)")


def countries_in(title: str, lead: str = "") -> list[Country]:
    """The countries a record is about, Japan first: from its title ('日露首脳会談' → Japan, Russia), else
    the names written in it or in its lead ('フランス大統領との電話会談')."""
    found: list[Country] = []
    m = _ABBREVIATED.search(title)
    if m:
        found += [_BY_ABBREVIATION[a] for a in m.group(1) if a in _BY_ABBREVIATION]
    for text in (title, lead):
        if found:
            break
        hits, rest = [], text
        for name, country in _NAMES:  # longest first: 南アフリカ共和国 before 南アフリカ
            at = rest.find(name)
            if at >= 0:
                hits.append((at, country))
                rest = rest.replace(name, "\u3000" * len(name))
        found = [country for _at, country in sorted(hits, key=lambda h: h[0])]
    return [JAPAN] + list(dict.fromkeys(c for c in found if c.slug != "japan"))


def japanese_names(english: list[str]) -> list[str] | None:
    """The Japanese names of countries given in English (['Japan', 'Russia'] → ['日本', 'ロシア']), or None
    when one of them is not a country this module knows."""
    by_en = {c.en: c.ja for c in (JAPAN, *COUNTRIES)}
    names = [by_en.get(name) for name in english]
    return None if None in names else names
