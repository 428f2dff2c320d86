"""The typed model of a record. Every element carries the 1-based source line it came from.

Text fields hold the record's characters exactly as published (never normalised): the
parser normalises only a private copy to recognise patterns.
"""
from __future__ import annotations

from dataclasses import dataclass, field
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
    """A numbered statement (1); ``number`` is None for a topic's unnumbered text. ``tail``: its own
    paragraphs that come after its items (a sentence that runs over them: '(ロ)…、' / '旨伝えた。')."""

    number: int | None
    title: str | None
    items: list[Item]
    tail: list[Paragraph] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs + self.tail)


@dataclass
class Topic:
    """A numbered topic such as 1.冒頭発言. ``title`` is None when the numbered line is itself running
    text; ``lead``: the topic's own text before its first numbered statement; ``slug`` is set from
    content data or a fallback."""

    number: int
    marker: str
    sep: str
    title: str | None
    statements: list[Statement]
    line: int
    lead: list[Paragraph] = field(default_factory=list)
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
    """A parsed record: header fields, lead, topics and closing text; ``path`` names the source file.

    ``title_lines`` are the source lines of the title (none when the title comes from the record's
    YAML); ``headings`` are the record's own lines above the title (a visit heading such as
    '小泉総理大臣の訪露'); ``closing`` is the text after the last topic ('【参考】…')."""

    id: str
    path: str
    title: str
    title_lines: list[Paragraph]
    headings: list[Paragraph]
    era_date: str | None
    date: str | None
    date_line: int | None
    lead: list[Paragraph]
    sessions: list[Session]
    meeting_time: tuple[str, str] | None
    venue: str | None
    attendees: list[str]
    topics: list[Topic]
    closing: list[Paragraph] = field(default_factory=list)

    @property
    def paged(self) -> bool:
        """Whether each topic gets a page of its own: only when some topic has a title. A record of
        numbered paragraphs (a telephone talk) is one page."""
        return any(t.title for t in self.topics)

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

    For a faithful parse this equals every non-blank line of the source but the site's chrome,
    right-stripped: nothing dropped, added, altered or duplicated. (The date line is given as
    None: the parser checks it against the source as written.)"""
    out: list[tuple[int, str]] = [(p.line, p.indent + p.text) for p in record.headings + record.title_lines]
    if record.era_date is not None and record.date_line:
        out.append((record.date_line, None))
    out += [(p.line, p.indent + p.text) for p in record.lead]
    for topic in record.topics:
        paragraphs = [*topic.lead]
        first = next((p for p in paragraphs), None)
        if first is None and topic.statements and topic.statements[0].number is None:
            first = next(iter(topic.statements[0].paragraphs), None)
        on_line = first if first is not None and first.line == topic.line else None
        head = topic.indent + topic.marker + topic.sep + (on_line.text if on_line else topic.title or "")
        out.append((topic.line, head.rstrip()))
        out += [(p.line, p.indent + p.text) for p in topic.lead if p is not on_line]
        for st in topic.statements:
            out += _passage_lines(st, st.title, skip=on_line)
            for it in st.items:
                out += _passage_lines(it, None)
            out += [(p.line, p.indent + p.text) for p in st.tail]
    out += [(p.line, p.indent + p.text) for p in record.closing]
    return out


def _passage_lines(passage, title, skip=None):
    lines = []
    paragraphs = [p for p in passage.paragraphs if p is not skip]
    if passage.marker:
        head = passage.indent + passage.marker + passage.sep
        if title is not None:
            lines.append((passage.line, head + title))
        elif paragraphs and paragraphs[0].line == passage.line:
            lines.append((passage.line, head + paragraphs.pop(0).text))
        else:
            lines.append((passage.line, head.rstrip()))
    return lines + [(p.line, p.indent + p.text) for p in paragraphs]
