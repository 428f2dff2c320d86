"""The typed model of a record. Every element carries the 1-based source line it came from.

Text fields hold the record's characters exactly as published (never normalised): the
parser normalises only a private copy to recognise patterns.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property


@dataclass
class Paragraph:
    """One line of running text; ``indent`` is the leading layout whitespace, kept for fidelity."""

    text: str
    line: int
    indent: str = ""


@dataclass(kw_only=True)
class Passage:
    """What statements and items share: an id, the marker as written (with the separator after
    it), paragraphs, speakers as written, and the line the marker is on."""

    id: str
    marker: str
    sep: str
    paragraphs: list[Paragraph]
    speakers: list[str]
    line: int
    indent: str = ""

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)


@dataclass(kw_only=True)
class Item(Passage):
    """A lettered item such as (イ); ``label`` is the letter as written."""

    label: str


@dataclass(kw_only=True)
class Statement(Passage):
    """A numbered statement (1); ``number`` is None for a topic's unnumbered text."""

    number: int | None
    title: str | None
    items: list[Item]


@dataclass
class Topic:
    """A numbered topic such as 1.冒頭発言; ``slug`` is set from content data or a fallback."""

    number: int
    marker: str
    sep: str
    title: str
    statements: list[Statement]
    line: int
    slug: str = ""
    indent: str = ""


@dataclass
class Session:
    """A part of the meeting with explicit start and end, as 24-hour HH:MM."""

    start: str
    end: str
    label: str
    source: str
    line: int


@dataclass
class DateMention:
    """An explicit date or year written in the text (1783年, 2002年10月, 毎年3月)."""

    text: str
    date: str
    precision: str
    recurring: bool
    passage: str
    line: int


@dataclass
class Record:
    """A parsed record: header fields, lead, topics; ``path`` names the source file."""

    id: str
    path: str
    title: str
    title_lines: list[Paragraph]
    visit_heading: Paragraph | None
    era_date: str | None
    date: str | None
    date_line: int | None
    captions: list[Paragraph]
    lead: list[Paragraph]
    sessions: list[Session]
    meeting_time: tuple[str, str] | None
    venue: str | None
    attendees: list[str]
    topics: list[Topic]

    @cached_property
    def labels(self) -> dict[str, str]:
        """Every passage id with its label as the record numbers it: 's2-2-3' → '2.(2)(ハ)'."""
        labels = {}
        for topic in self.topics:
            for st in topic.statements:
                labels[st.id] = f"{topic.number}.{st.marker}" if st.marker else f"{topic.number}."
                for it in st.items:
                    labels[it.id] = f"{topic.number}.{st.marker}{it.marker}"
        return labels

    def passages(self):
        """Yield (id, statement or item) for every addressable passage, in reading order."""
        for topic in self.topics:
            for st in topic.statements:
                yield st.id, st
                for it in st.items:
                    yield it.id, it


def body_lines(record: Record) -> list[tuple[int, str]]:
    """The record's body rebuilt from the model as (line number, text) pairs, in source order.

    For a faithful parse this equals every non-blank line of the source between the site's
    header and footer, right-stripped: nothing dropped, added, altered or duplicated.
    """
    out: list[tuple[int, str]] = []
    if record.visit_heading:
        out.append((record.visit_heading.line, record.visit_heading.indent + record.visit_heading.text))
    out += [(p.line, p.indent + p.text) for p in record.title_lines]
    if record.era_date is not None and record.date_line:
        out.append((record.date_line, None))  # the date line is checked as written below
    out += [(p.line, p.indent + p.text) for p in record.captions]
    out += [(p.line, p.indent + p.text) for p in record.lead]
    for topic in record.topics:
        first = topic.statements[0] if topic.statements else None
        same_line = first is not None and first.number is None and first.paragraphs and \
            first.paragraphs[0].line == topic.line
        head = topic.indent + topic.marker + topic.sep + (first.paragraphs[0].text if same_line else topic.title)
        out.append((topic.line, head))
        for st in topic.statements:
            out += _passage_lines(st, st.title, skip_first=st is first and same_line)
            for it in st.items:
                out += _passage_lines(it, None)
    return out


def _passage_lines(passage, title, skip_first=False):
    lines = []
    paragraphs = list(passage.paragraphs)
    if skip_first:
        paragraphs = paragraphs[1:]
    if passage.marker:
        head = passage.indent + passage.marker + passage.sep
        if title is not None:
            lines.append((passage.line, head + title))
        elif paragraphs and paragraphs[0].line == passage.line:
            lines.append((passage.line, head + paragraphs.pop(0).text))
        else:
            lines.append((passage.line, head.rstrip()))
    return lines + [(p.line, p.indent + p.text) for p in paragraphs]
