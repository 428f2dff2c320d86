"""Timeline events: extracted from records (meeting, sessions, written dates) and curated in YAML."""
from __future__ import annotations

from dataclasses import dataclass, field

from .content import TimelineEvent
from .mentions import find_date_mentions
from .model import Record

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


ANCHOR_LABELS = {"record-title": "題名", "lead": "前文"}


@dataclass
class Link:
    """A link from a timeline entry to a passage (or a record's overview)."""

    record: str
    passage: str | None
    label: str


@dataclass
class Entry:
    """One event as shown and published: ``date`` is an ISO value usable in <time datetime>."""

    id: str
    date: str
    end: str | None
    precision: str
    kind: str
    origin: str
    ja: str
    en: str
    links: list[Link] = field(default_factory=list)
    source: str | None = None
    recurring: bool = False

    @property
    def group(self) -> str:
        return "recurring" if self.recurring else self.date[:4]


def passage_label(record: Record, pid: str) -> str:
    """The label of a passage id, a topic title 't2' ('2.'), or an overview anchor ('前文')."""
    if pid in ANCHOR_LABELS:
        return ANCHOR_LABELS[pid]
    if pid.startswith("t"):
        return f"{pid[1:]}."
    return record.labels.get(pid, pid)


def record_events(record: Record) -> list[Entry]:
    """The events a record dates itself: its meeting, its sessions and the dates written in its text."""
    entries: list[Entry] = []
    if record.date:
        entries.append(Entry(
            id=f"record-{record.id}", date=record.date, end=None, precision=_precision(record.date),
            kind="meeting", origin="record", ja=record.title, en="", links=[Link(record.id, None, record.title)]))
        if len(record.date) == 10:
            for k, s in enumerate(record.sessions, 1):
                entries.append(Entry(
                    id=f"record-{record.id}-session-{k}", date=f"{record.date}T{s.start}", end=f"{record.date}T{s.end}",
                    precision="minute", kind="meeting", origin="record", ja=s.label, en="",
                    links=[Link(record.id, None, record.title)]))
    for k, m in enumerate(find_date_mentions(record), 1):
        entries.append(Entry(
            id=f"record-{record.id}-date-{k}", date=m.date, end=None, precision=m.precision, kind="mentioned",
            origin="record", ja=m.text, en="", recurring=m.recurring,
            links=[Link(record.id, m.passage, passage_label(record, m.passage))]))
    return entries


def build_timeline(records: list[Record], curated: list[TimelineEvent],
                   events: dict[str, list[Entry]] | None = None) -> list[Entry]:
    """All events in date order (recurring ones last); deterministic for the same inputs. ``events``:
    each record's own (``record_events``) by record id, where they are already made."""
    entries: list[Entry] = []
    for record in records:
        entries += events[record.id] if events and record.id in events else record_events(record)
    by_id = {r.id: r for r in records}
    for ev in curated:
        links = [Link(ev.record, ref, passage_label(by_id[ev.record], ref)) for ref in ev.refs] if ev.record else []
        entries.append(Entry(id=ev.id, date=ev.date, end=ev.end, precision=ev.precision, kind=ev.kind,
                             origin="editors", ja=ev.ja, en=ev.en, links=links, source=ev.source))
    entries.sort(key=lambda e: (e.recurring, e.date if not e.recurring else e.date[2:], e.origin != "record", e.id))
    return entries


def _precision(date: str) -> str:
    return {4: "year", 7: "month", 10: "day"}[len(date)]


def english_date(entry: Entry) -> str:
    """'10 January 2003, 12:06–13:47', 'October 2002', '1783', 'every March'."""
    def one(value: str, precision: str) -> str:
        if value.startswith("--"):
            return f"every {MONTHS[int(value[2:4]) - 1]}"
        y = value[:4].lstrip("0") or "0"
        if precision == "year" or len(value) == 4:
            return y
        month = MONTHS[int(value[5:7]) - 1]
        if precision == "month" or len(value) == 7:
            return f"{month} {y}"
        day = f"{int(value[8:10])} {month} {y}"
        return f"{day}, {value[11:16]}" if len(value) > 10 else day
    return _span(entry, one, " – ")


def japanese_date(entry: Entry) -> str:
    """'2003年1月10日 12:06–13:47', '2002年10月', '1783年', '毎年3月', '1783年–1792年'."""
    def one(value: str, precision: str) -> str:
        if value.startswith("--"):
            return f"毎年{int(value[2:4])}月"
        y = value[:4].lstrip("0") or "0"
        if precision == "year" or len(value) == 4:
            return f"{y}年"
        if precision == "month" or len(value) == 7:
            return f"{y}年{int(value[5:7])}月"
        day = f"{y}年{int(value[5:7])}月{int(value[8:10])}日"
        return f"{day} {value[11:16]}" if len(value) > 10 else day
    return _span(entry, one, "–")


def _span(entry: Entry, one, dash: str) -> str:
    """An event's date as ``one`` writes a date, with its end: a time on the same day after '–', another
    date after ``dash``."""
    text = one(entry.date, entry.precision)
    if entry.end:
        if entry.end[:10] == entry.date[:10] and len(entry.end) > 10:
            return f"{text}–{entry.end[11:16]}"
        return f"{text}{dash}{one(entry.end, entry.precision)}"
    return text
