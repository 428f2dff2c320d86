"""The translatable units of a record, each with a stable key and the Japanese it holds.

Keys: ``title``, ``date``, ``lead/p<k>``, ``session/<k>``, ``t<n>`` (topic title), ``t<n>/lead/p<k>``
(a topic's text before its first statement), ``<passage-id>/title`` (a statement's sub-title),
``<passage-id>/p<k>`` (its paragraphs, those after its items included) and ``closing/p<k>``.
"""
from __future__ import annotations

from dataclasses import dataclass

from .model import Record


@dataclass(frozen=True)
class Unit:
    """One translatable piece of a record and the source line it starts on."""

    key: str
    ja: str
    line: int


def record_units(record: Record) -> list[Unit]:
    """Every unit of ``record`` in reading order."""
    units = [Unit("title", record.title, record.title_lines[0].line if record.title_lines else 0)]
    if record.era_date:
        units.append(Unit("date", record.era_date, record.date_line or 0))
    units += [Unit(f"lead/p{k}", p.text, p.line) for k, p in enumerate(record.lead, 1)]
    units += [Unit(f"session/{k}", s.label, s.line) for k, s in enumerate(record.sessions, 1)]
    for topic in record.topics:
        if topic.title:
            units.append(Unit(f"t{topic.number}", topic.title, topic.line))
        units += [Unit(f"t{topic.number}/lead/p{k}", p.text, p.line) for k, p in enumerate(topic.lead, 1)]
        for st in topic.statements:
            if st.title:
                units.append(Unit(f"{st.id}/title", st.title, st.line))
            units += [Unit(f"{st.id}/p{k}", p.text, p.line) for k, p in enumerate(st.paragraphs, 1)]
            for it in st.items:
                units += [Unit(f"{it.id}/p{k}", p.text, p.line) for k, p in enumerate(it.paragraphs, 1)]
            units += [Unit(f"{st.id}/p{k}", p.text, p.line) for k, p in enumerate(st.tail, len(st.paragraphs) + 1)]
    units += [Unit(f"closing/p{k}", p.text, p.line) for k, p in enumerate(record.closing, 1)]
    return units
