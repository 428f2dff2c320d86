"""Who speaks in a passage: speaker phrases exactly as written, in order of first appearance.

A passage is cut into clauses, each ending at a reporting verb (述べ, 発言, 指摘, 意見交換, 示さ…) or a
full stop. A clause's first name is its speaker when the clause reports speech, or when it opens as
'Xより、' / 'Xから、' (a partial copy may cut the sentence off before its verb): a person or side followed
by a speaker particle (より, から(は), により, は, が, も), with or without a comma (、 , ，). Everything
else is a mention: a later name in the same clause (someone named inside another's words), a name in
quoted speech 「…」, 'Xからの助言' (の follows), 'ソ連から' (not a person), 'より多くの' (nothing before
より), 'Xは黙って聴いていた' and 'Xと電話会談を行った' (no reporting verb).
"""
from __future__ import annotations

import re

from .normal import normalise

# A person is named by a run ending in a title; a side by 側 or a collective noun.
TITLES = ("総理大臣", "総理", "首相", "副大統領", "大統領", "外務大臣", "外相", "国務長官", "長官", "大臣",
          "国家主席", "主席", "総書記", "書記長", "委員長", "議長", "国王", "首脳", "大使", "補佐官", "次官",
          "皇太子", "女王", "総督", "大公", "首長", "事務総長")
SIDES = ("双方", "先方", "当方", "両者", "両国")
# Time words and connectives that can stand glued to a name inside a kanji run.
PREFIXES = ("これに対し", "これに対して", "対し", "対して", "本日", "昨日", "昨夜", "今回", "同席", "次いで", "続いて",
            "更に", "最後に", "冒頭", "まず", "また", "さらに")
PREFIX_STARTS = {p[0] for p in PREFIXES}
REPORTING = re.compile(
    r"述べ|発言|指摘|表明|応じ|要請|強調|説明|紹介|言及|同意|歓迎|提起|提案|主張|反論|要望|伝達|伝え|回答|答え|"
    r"一致|確認|言明|示唆|要求|呼びかけ|呼び掛け|問題提起|挨拶|あいさつ|語っ|語り|述懐|報告|披露|"
    r"了承|賛同|期待を表明|求め|意見交換|示さ|示し|議論|協議")
NAME_CHAR = r"[\u4e00-\u9fff\u3005\u30a0-\u30ffA-Za-z・･]"
CANDIDATE = re.compile(
    rf"(?P<name>{NAME_CHAR}+)(?P<particle>よりも|より|からは|から|により|は|が|も)(?!の)")
UNIT_END = re.compile(rf"{REPORTING.pattern}|。")
HEADING = re.compile(rf"^\((?P<name>{NAME_CHAR}+)\)$")
OPENING = {"より", "よりも", "から", "からは"}
QUOTE = re.compile(r"「[^「」]*(?:「[^「」]*」[^「」]*)*」")  # quoted speech, one level of quotes inside


def _units(text: str):
    """Yield (start, end, has_reporting_verb) for each unit of a normalised passage."""
    start = 0
    for m in UNIT_END.finditer(text):
        yield start, m.end(), m.group(0) != "。"
        start = m.end()
    if start < len(text):
        yield start, len(text), False


def _speaker_name(name: str) -> tuple[str, int] | None:
    """Strip glued prefixes; return (name, offset of the kept part) when it names a speaker."""
    offset = 0
    changed = name[:1] in PREFIX_STARTS
    while changed:
        changed = False
        for prefix in PREFIXES:
            if name.startswith(prefix) and len(name) > len(prefix):
                name, offset, changed = name[len(prefix):], offset + len(prefix), True
    if name.endswith(TITLES) or name.endswith("側") or name in SIDES:
        return name, offset
    return None


def _is_person(name: str) -> bool:
    return name.endswith(TITLES)


def find_speakers(paragraphs: list[str]) -> list[str]:
    """Speakers of a passage's paragraphs, as written, deduplicated in order of appearance."""
    found: list[str] = []
    for original in paragraphs:
        view = normalise(original)
        text = view.text.strip()
        lead = len(view.text) - len(view.text.lstrip())
        heading = HEADING.match(text)
        if heading:
            start = lead + heading.start("name")
            _add(found, view.original_span(start, start + len(heading["name"])))
            continue
        quoted = [m.span() for m in QUOTE.finditer(view.text)]
        for ustart, uend, reported in _units(view.text):
            for m in CANDIDATE.finditer(view.text, ustart, uend):
                if any(a <= m.start() < b for a, b in quoted):
                    continue  # a name in quoted speech is the speaker's words
                named = _speaker_name(m["name"])
                if named is None:
                    continue
                name, offset = named
                # A side (日本側, 双方) speaks only as a clause's subject: 日本側より、… not 日本側よりUNDCPを通じる協力.
                side_ok = _is_person(name) or view.text.startswith(("、", ","), m.end()) or m.start() == ustart
                # The clause's first name speaks when the clause reports speech, or opens it as 'Xより、'
                # (a sentence a partial copy cuts off before its verb); a later name is a mention
                # (フィヨン首相より伺っている inside the Prime Minister's words).
                opening = m["particle"] in OPENING and view.text.startswith(("、", ","), m.end())
                if side_ok and (reported or opening):
                    start = m.start("name") + offset
                    _add(found, view.original_span(start, start + len(name)))
                break
    return found


def _add(found: list[str], name: str) -> None:
    if name and name not in found:
        found.append(name)
