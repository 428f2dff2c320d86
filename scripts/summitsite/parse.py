"""Lines of a MOFA summit summary → Record. Pure Python: knows nothing of YAML or Markdown.

Stages: the site's chrome is set aside by exact whole-line forms (``chrome``); the head gives the title,
the date and where the lead starts (``header``); the lead gives the sessions, venue and attendees
(``lead``); the rest is topics, statements and items, and the closing text (``topics``). Patterns are
matched on an NFKC view of each line; every text kept in the model is cut from the original line.
Problems are collected and raised together, each naming FILE:LINE. Finally the model must give back
every line of the body exactly (``check_fidelity``): anything else is a parser bug, reported as one.
"""
from __future__ import annotations

from . import lead
from .errors import BuildError, shorten
from .header import footer_start, header_end, in_yaml, read_header
from .lines import Lines
from .model import Record, body_lines
from .topics import read_topics, topic_match


def parse_record(raw: list[str], path: str, record_id: str, date_override: str | None = None,
                 title_override: str | None = None, supply=in_yaml) -> Record:
    """Parse a record's lines; raise BuildError listing every problem found. ``date_override`` and
    ``title_override`` (from the record's YAML) stand in for a date line or a title the page lacks;
    ``supply(key)`` says, in the message that asks for one, how to give it."""
    lines = Lines(raw, path)
    start = header_end(lines)
    end = footer_start(lines, start)
    body = [i for i in range(start, end) if lines.norm[i]]
    if not body:
        raise lines.fatal(max(start, 0), "expected a MOFA summit record (title, date, lead, topics), "
                                         "found only site navigation")
    header = read_header(lines, body, title_override, date_override, supply)
    if lines.problems:
        raise BuildError(lines.problems)
    rest = body[header.lead_start:]
    first_topic = next((k for k, i in enumerate(rest) if topic_match(lines.view(i).text)), None)
    if first_topic is None:
        at = rest[0] if rest else body[-1]
        raise lines.fatal(at, "expected numbered topics such as '1.冒頭発言', found none")
    lead_paragraphs = [lines.paragraph(i) for i in rest[:first_topic]]
    sessions, meeting_time = lead.sessions(lead_paragraphs, path, lines.problems)
    topics, closing = read_topics(lines, rest[first_topic:])
    record = Record(
        id=record_id, path=path, title=header.title, title_lines=header.title_lines, headings=header.headings,
        era_date=header.era_date, date=header.date, date_line=header.date_line, lead=lead_paragraphs,
        sessions=sessions, meeting_time=meeting_time, venue=lead.venue(lead_paragraphs),
        attendees=lead.attendees(lead_paragraphs), topics=topics, closing=closing)
    if not lines.problems:
        check_fidelity(lines, record, [i for i in body if i not in header.captions])
    if lines.problems:
        raise BuildError(lines.problems)
    return record


def check_fidelity(lines: Lines, record: Record, body: list[int]) -> None:
    """The model must give back every body line exactly, in order; the first difference is reported."""
    source = [(i + 1, lines.raw[i].rstrip()) for i in body]
    rebuilt = [(n, t if t is not None else lines.raw[n - 1].rstrip()) for n, t in body_lines(record)]
    for (line, expected), got in zip(source, rebuilt + [(0, None)] * len(source), strict=False):
        if got != (line, expected):
            lines.problem(line - 1, f"expected the parsed record to reproduce this line exactly, found "
                                    f"{shorten(got[1] or '')} (a parser bug: please report it with this record)")
            return
    if len(rebuilt) > len(source):
        line, text = rebuilt[len(source)]
        lines.problem(line - 1, f"expected the parsed record to end with the body, found {shorten(text or '')} "
                                "again (a parser bug: please report it with this record)")
