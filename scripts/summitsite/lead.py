"""What a record's lead tells: the sessions of the meeting, its time, its venue and who else was present.

Sessions are only explicit start–end ranges tied to a named part of the meeting (少人数会合, 全体会合,
拡大会合, テタテ会合, ワーキング・ランチ, 首脳間のみ…), with the time before or after the name; a start time
with a duration (約40分間) is no session. A range with no part named is the meeting's time.
"""
from __future__ import annotations

import re

from . import dates
from .errors import Problem
from .model import Paragraph, Session
from .normal import normalise
from .speakers import NAME_CHAR

_S = dates.clock_pattern("s")
_E = dates.clock_pattern("e")
_TO = r"\s*(?:-|~|〜|–|から|より)\s*同?"
_NAME = r"(?P<label>[\u4e00-\u9fff\u30a0-\u30ff・]{0,12}?(?:会合|ランチ|ディナー|セッション|朝食会|昼食会|夕食会|晩餐会|首脳間のみ%s))"
# '12:06-13:47は少人数会合', '9時40分から10時35分まで少人数会合' (after a time, '…会談' names a part too)
TIME_FIRST = re.compile(rf"{_S}{_TO}{_E}(?:まで)?(?:は|に|の)?{_NAME % '|会談|会議'}")
# '少人数会合(12:06-13:47)', 'テタテ会合は10時から10時30分まで'
NAME_FIRST = re.compile(rf"{_NAME % ''}(?:は|:|\()?\s*{_S}{_TO}{_E}")
RANGE = re.compile(rf"{_S}{_TO}{_E}(?:まで|にかけて)")
VENUE = re.compile(rf"(?P<venue>{NAME_CHAR}+)(?:において|にて)")
ATTENDEES = re.compile(r"\((?P<who>[^()]*同席[^()]*)\)")


def sessions(lead: list[Paragraph], path: str, problems: list[Problem]):
    """The named parts of the meeting with their times, and the meeting's own time range (or None)."""
    found: list[Session] = []
    meeting_time = None
    for p in lead:
        view = normalise(p.text)
        spans = []
        for pattern in (TIME_FIRST, NAME_FIRST):
            for m in pattern.finditer(view.text):
                if any(a < m.end() and m.start() < b for a, b in spans):
                    continue  # the same words read both ways
                start, end = _clock_range(m, p, path, problems)
                if start:
                    spans.append(m.span())
                    found.append(Session(start=start, end=end, label=view.original_span(*m.span("label")),
                                         source=view.original_span(*m.span()), line=p.line))
        if meeting_time is None:
            for m in RANGE.finditer(view.text):
                if not any(a <= m.start() < b for a, b in spans):
                    start, end = _clock_range(m, p, path, problems)
                    if start:
                        meeting_time = (start, end)
                        break
    found.sort(key=lambda s: (s.line, s.start))
    return found, meeting_time


def _clock_range(m: re.Match, p: Paragraph, path: str, problems: list[Problem]):
    try:
        start = dates.to_24h(m, "s")
        end = dates.to_24h(m, "e", m["sampm"] if not m["eampm"] else None)
        if end < start and not m["eampm"] and int(m["eh"]) < 12:
            end = f"{int(end[:2]) + 12:02d}{end[2:]}"
    except dates.DateError as err:
        problems.append(Problem(path, p.line, f"expected a time of day, found {err}"))
        return None, None
    return start, end


def venue(lead: list[Paragraph]) -> str | None:
    """The place written as 'Xにおいて' / 'Xにて' in the lead."""
    for p in lead:
        view = normalise(p.text)
        m = VENUE.search(view.text)
        if m:
            return view.original_span(*m.span("venue"))
    return None


def attendees(lead: list[Paragraph]) -> list[str]:
    """Who else was present: '(当方:…、先方:…同席)' or the lines of a 【同席者】 block."""
    found: list[str] = []
    in_block = False
    for p in lead:
        view = normalise(p.text)
        text = view.text.strip()
        if text.startswith("【"):
            in_block = text.startswith("【同席者】")
            rest = text[len("【同席者】"):].strip() if in_block else ""
            if rest:
                found.append(p.text[p.text.index("】") + 1:].strip())
            continue
        if in_block:
            found.append(p.text)
            continue
        found.extend(view.original_span(*m.span("who")) for m in ATTENDEES.finditer(view.text))
    return found
