"""Explicit dates and years written in a record's passages (1783年, 2002年10月, 毎年3月)."""
from __future__ import annotations

import re

from . import dates
from .model import DateMention, Record
from .normal import normalise

WESTERN = re.compile(r"(?<![\d])(?P<y>\d{4})年(?:(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})日)?)?")
ERA = re.compile(r"(?P<era>昭和|平成|令和)(?P<y>\d{1,2}|元)年(?:(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})日)?)?")
YEARLY = re.compile(r"毎年(?P<m>\d{1,2})月")


def find_date_mentions(record: Record) -> list[DateMention]:
    """Every explicit date in the passages, with the passage id it occurs in."""
    found: list[DateMention] = []
    for pid, passage in record.passages():
        paragraphs = list(passage.paragraphs) + list(getattr(passage, "tail", []))
        for p in paragraphs:
            view = normalise(p.text)
            for m in WESTERN.finditer(view.text):
                iso, precision = _iso(int(m["y"]), m["m"], m["d"])
                if iso:
                    found.append(DateMention(view.original_span(*m.span()), iso, precision, False, pid, p.line))
            for m in ERA.finditer(view.text):
                try:
                    year = dates.parse_date_line(f"{m['era']}{m['y']}年")
                except dates.DateError:
                    continue
                iso, precision = _iso(int(year), m["m"], m["d"])
                if iso:
                    found.append(DateMention(view.original_span(*m.span()), iso, precision, False, pid, p.line))
            for m in YEARLY.finditer(view.text):
                month = int(m["m"])
                if 1 <= month <= 12:
                    found.append(DateMention(view.original_span(*m.span()), f"--{month:02d}", "month", True, pid,
                                             p.line))
    return found


def _iso(year: int, month: str | None, day: str | None) -> tuple[str | None, str]:
    if month is None:
        return f"{year:04d}", "year"
    if not 1 <= int(month) <= 12:
        return None, ""
    if day is None:
        return f"{year:04d}-{int(month):02d}", "month"
    try:
        import datetime as dt
        return dt.date(year, int(month), int(day)).isoformat(), "day"
    except ValueError:
        return None, ""
