"""The head of a record: where the site's chrome ends, the title, the date line, and where the lead starts.

MOFA's pages put the title on the line (or two lines joined) just before the date line; above it may
stand a visit heading, which is the record's own. Photo captions after the date are the site's. Newer
pages often carry the title only in their heading, which a text copy loses, and some lack the date
line: then the record's YAML gives them (``title:``, ``date:``), or the page is refused with the line
and what is missing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import chrome, dates
from .errors import shorten
from .lines import Lines
from .model import Paragraph

# Words one of which every summary's title holds.
TITLE_WORDS = ("会談", "会議", "会合", "概要", "首脳", "会見", "訪問", "電話", "夕食会", "昼食会", "朝食会", "懇談")
# A topic's number at the start of a line: the first topic ends the head for good.
NUMBERED = re.compile(r"^\s*\d{1,2}(?:\.|\s)")
# How far down the date line is looked for: the title block is a few lines at most.
HEAD_LINES = 6


@dataclass
class Header:
    """The head of a record. ``title_lines`` are empty when the page has no title line (the title then
    comes from the YAML); ``lead_start`` is the index in ``body`` where the lead begins."""

    title: str
    title_lines: list[Paragraph]
    headings: list[Paragraph]
    era_date: str | None
    date: str | None
    date_line: int | None
    captions: list[int]
    lead_start: int


def header_end(lines: Lines) -> int:
    """Index of the first line after the site's menus, breadcrumb and section line."""
    i = 0
    while i < len(lines.raw) and (not lines.norm[i] or chrome.is_header(lines.norm[i])):
        i += 1
    return i


def footer_start(lines: Lines, start: int) -> int:
    """Index where the page's closing run of footer lines begins (len(lines) when there is none)."""
    i = len(lines.raw)
    while i > start and (not lines.norm[i - 1] or chrome.is_footer(lines.norm[i - 1])):
        i -= 1
    return i


def is_title_like(line: str) -> bool:
    """A (normalised) line that can be a title: short, not a sentence, with a summary's word in it."""
    return (len(line) <= 80 and not line.endswith(("。", "、", ",")) and any(w in line for w in TITLE_WORDS)
            and not NUMBERED.match(line))


def _is_short_line(line: str) -> bool:
    """A line that can stand above a lead: a title, a visit heading ('岸田総理大臣の訪露'), not a sentence."""
    return len(line) <= 40 and not line.endswith(("。", "、", ",")) and not NUMBERED.match(line) \
        and not dates.looks_like_date(line)


def continues_title(line: str) -> bool:
    """The second line of a two-line title: '(概要)', '(6月20日・21日、於:ソウル)', '結果概要'."""
    return (line.startswith("(") and line.endswith(")")) or line in ("結果概要", "概要", "の概要")


def in_yaml(key: str) -> str:
    """How a title or date the page lacks is supplied to the build."""
    return f"set '{key}:' in the record's YAML"


def read_header(lines: Lines, body: list[int], title_override: str | None, date_override: str | None,
                supply=in_yaml) -> Header:
    """The head of the record whose body lines (non-blank, chrome removed) are ``body``; problems are
    noted in ``lines`` (the caller stops on any). ``supply(key)`` says how to give what the page lacks."""
    norm = lines.norm
    date_k = None
    for k, i in enumerate(body[:HEAD_LINES]):
        if dates.looks_like_date(norm[i]):
            date_k = k
            break
        if not is_title_like(norm[i]) and not continues_title(norm[i]) and k > 0:
            break
    if date_k is not None:
        above = body[:date_k]
        title_block, headings = _title_block(norm, above)
        rest = date_k + 1
    else:  # no date line: the title block is the short lines above the lead's first sentence
        above = []
        for i in body[:HEAD_LINES]:
            if not _is_short_line(norm[i]):
                break
            above.append(i)
        title_block, headings = _title_block(norm, above)
        if not title_block:
            headings = []
        rest = len(headings) + len(title_block)
    title_lines = [lines.paragraph(i) for i in title_block]
    title = "".join(p.text for p in title_lines) or (title_override or "")
    if not title:
        at = body[date_k] if date_k is not None else body[0]
        where = "above the date line" if date_k is not None else "at the top of the record"
        lines.problem(at, f"expected the title of a summit summary (such as '日露首脳会談(概要)') {where}, found "
                          f"{shorten(lines.raw[body[date_k - 1]]) if date_k else shorten(lines.raw[at])} "
                          f"(if the page has none, as newer pages carry it only in their heading, {supply('title')})")
    era_date = iso = date_line = None
    if date_k is not None:
        date_line = body[date_k]
        era_date = lines.raw[date_line].strip()
        try:
            iso = dates.parse_date_line(norm[date_line])
        except dates.DateError as err:
            lines.problem(date_line, f"expected a real date, found {shorten(era_date)} ({err})")
    elif date_override:
        iso = date_override
    else:
        at = body[rest] if rest < len(body) else body[-1]
        found = shorten(lines.raw[at]) if rest < len(body) else "the end of the record"
        lines.problem(at, "expected a date line such as '平成15年1月10日' after the title, found "
                          f"{found} (if the page has none, {supply('date')})")
    captions = []
    while rest < len(body) and chrome.is_caption(norm[body[rest]]):
        captions.append(body[rest])
        rest += 1
    return Header(title=title, title_lines=title_lines, headings=[lines.paragraph(i) for i in headings],
                  era_date=era_date, date=iso, date_line=date_line + 1 if date_line is not None else None,
                  captions=captions, lead_start=rest)


def _title_block(norm: list[str], above: list[int]) -> tuple[list[int], list[int]]:
    """(the title's lines, the record's headings above it) among the lines above the date line."""
    if not above:
        return [], []
    last = above[-1]
    if continues_title(norm[last]) and len(above) >= 2 and is_title_like(norm[above[-2]]):
        return above[-2:], above[:-2]
    if is_title_like(norm[last]):
        return [last], above[:-1]
    return [], above
