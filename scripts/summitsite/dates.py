"""Japanese era dates and clock times, read from NFKC-normalised text."""
from __future__ import annotations

import datetime as dt
import re

# First and last day of each era (the last one open-ended).
ERAS = {
    "明治": (dt.date(1868, 10, 23), dt.date(1912, 7, 29)),
    "大正": (dt.date(1912, 7, 30), dt.date(1926, 12, 24)),
    "昭和": (dt.date(1926, 12, 25), dt.date(1989, 1, 7)),
    "平成": (dt.date(1989, 1, 8), dt.date(2019, 4, 30)),
    "令和": (dt.date(2019, 5, 1), dt.date(9999, 12, 31)),
}

ERA_DATE = re.compile(
    r"^(?P<era>明治|大正|昭和|平成|令和)(?P<year>\d{1,2}|元)年(?:(?P<month>\d{1,2})月(?:(?P<day>\d{1,2})日)?)?$")
WESTERN_DATE = re.compile(r"^(?P<year>\d{4})年(?P<month>\d{1,2})月(?:(?P<day>\d{1,2})日)?$")


class DateError(ValueError):
    """A date line that has the shape of a date but names no real day."""


def looks_like_date(normalised: str) -> bool:
    """True when a (normalised, stripped) line has the shape of a publication date line."""
    s = normalised.replace(" ", "")
    return bool(ERA_DATE.match(s) or WESTERN_DATE.match(s))


def parse_date_line(normalised: str) -> str:
    """Return the ISO date (YYYY-MM-DD, or YYYY-MM without a day) of a date line."""
    s = normalised.replace(" ", "")
    m = ERA_DATE.match(s)
    if m:
        era = m["era"]
        era_year = 1 if m["year"] == "元" else int(m["year"])
        if era_year < 1:
            raise DateError(f"{era}{m['year']}年 is not a year of the {era} era")
        first, last = ERAS[era]
        year = first.year + era_year - 1
    else:
        m = WESTERN_DATE.match(s)
        if not m:
            raise DateError("not a date")
        year, first, last = int(m["year"]), dt.date(1, 1, 1), dt.date(9999, 12, 31)
    if m["month"] is None:
        if not first.year <= year <= last.year:
            raise DateError(f"the year {year} is outside the era")
        return f"{year:04d}"
    month = int(m["month"])
    if not 1 <= month <= 12:
        raise DateError(f"there is no month {month}")
    if m["day"] is None:
        if (year, month) < (first.year, first.month) or (year, month) > (last.year, last.month):
            raise DateError(f"{year}-{month:02d} is outside the era")
        return f"{year:04d}-{month:02d}"
    try:
        day = dt.date(year, month, int(m["day"]))
    except ValueError:
        raise DateError(f"{year}-{month:02d} has no day {int(m['day'])}") from None
    if not first <= day <= last:
        raise DateError(f"{day.isoformat()} is outside the era")
    return day.isoformat()


CLOCK = r"(?:(?P<{p}ampm>午前|午後))?(?P<{p}h>\d{{1,2}})(?::(?P<{p}m1>\d{{2}})|時(?:(?P<{p}m2>\d{{1,2}})分|半)?)"


def clock_pattern(prefix: str) -> str:
    """A regex fragment for a clock time (12:06, 9時40分, 午後0時10分) with named groups."""
    return CLOCK.format(p=prefix)


def to_24h(match: re.Match, prefix: str, ampm_default: str | None = None) -> str:
    """Read the clock time captured under ``prefix`` as 24-hour HH:MM."""
    hour = int(match[f"{prefix}h"])
    minute_text = match[f"{prefix}m1"] or match[f"{prefix}m2"]
    if minute_text is not None:
        minute = int(minute_text)
    else:
        minute = 30 if "半" in match.group(0) else 0
    ampm = match[f"{prefix}ampm"] or ampm_default
    # 午後 with a 24-hour hour (午後19時53分) already names the afternoon.
    if ampm == "午後" and hour < 12:
        hour += 12
    elif ampm == "午前" and hour == 12:
        hour = 0
    if hour > 24 or minute > 59:
        raise DateError(f"{hour}:{minute:02d} is not a time of day")
    return f"{hour:02d}:{minute:02d}"
