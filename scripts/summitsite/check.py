"""Cross-checks between records and content data; every problem is collected, then raised once."""
from __future__ import annotations

from dataclasses import dataclass

from .content import GlossaryEntry, TimelineEvent, Translation
from .errors import BuildError, Problem
from .model import Record
from .terms import RecordMatchers
from .units import record_units


@dataclass
class Coverage:
    """How many of a record's units have English: ``translated`` (English for the Japanese as it is),
    ``stale`` (English for Japanese that has changed since), ``missing`` (no English yet)."""

    record: str
    translated: int
    stale: int
    missing: int
    total: int


def check_translation(record: Record, translation: Translation | None) -> tuple[Coverage, list[Problem]]:
    """A record's coverage in English, and the problems of its English: a gloss whose Japanese no longer
    matches the record's (stale) or that names no unit of the record (unknown). A unit without English
    is not a problem: the page shows its Japanese alone."""
    units = record_units(record)
    if translation is None:
        return Coverage(record.id, 0, 0, len(units), len(units)), []
    problems: list[Problem] = []
    keys = {u.key for u in units}
    missing, stale = [], []
    for unit in units:
        gloss = translation.units.get(unit.key)
        if gloss is None or not gloss.en.strip():
            if gloss is not None and gloss.ja != unit.ja:
                stale.append((unit, gloss))  # an empty skeleton entry whose Japanese has changed
            else:
                missing.append(unit)
        elif gloss.ja != unit.ja:
            stale.append((unit, gloss))
    for unit, gloss in stale:
        problems.append(Problem(translation.path, gloss.line,
                                f"stale gloss '{unit.key}': expected ja {unit.ja[:30]!r}… as in "
                                f"{record.path}:{unit.line}, found {gloss.ja[:30]!r}…"))
    for key, gloss in translation.units.items():
        if key not in keys:
            problems.append(Problem(translation.path, gloss.line, f"unknown unit '{key}': the record has no such unit"))
    translated = len(units) - len(missing) - len(stale)
    return Coverage(record.id, translated, len(stale), len(missing), len(units)), problems


def record_occurrences(record: Record, matcher) -> list[tuple[str, str]]:
    """Every (entry id, anchor) where a glossary term occurs in ``record``, in the record's order, each
    pair once; ``matcher`` is the record's (``RecordMatchers``). Anchors are passage ids, ``t<n>`` for a
    topic's title and lead, ``record-title``, ``lead`` and ``closing``."""
    found: dict[tuple[str, str], None] = {}  # dict keys: ordered, one occurrence noted once

    def note(anchor: str, texts: list[str]) -> None:
        for text in texts:
            for m in matcher.finditer(text):
                found[(matcher.by_form[m.group()][0].id, anchor)] = None

    note("record-title", [record.title, record.era_date or ""])
    note("lead", [p.text for p in record.lead])
    for topic in record.topics:
        note(f"t{topic.number}", [topic.title or ""] + [p.text for p in topic.lead])
        for st in topic.statements:
            note(st.id, [st.title or ""] + [p.text for p in st.paragraphs + st.tail])
            for it in st.items:
                note(it.id, [p.text for p in it.paragraphs])
    note("closing", [p.text for p in record.closing])
    return list(found)


def glossary_occurrences(records: list[Record], entries: list[GlossaryEntry], path: str):
    """Map entry id → [(record id, anchor)] where it occurs; an entry found nowhere is a problem."""
    matchers = RecordMatchers(entries)
    # Entry id → its (record id, anchor) pairs in order, as dict keys: one occurrence is noted once.
    found: dict[str, dict[tuple[str, str], None]] = {e.id: {} for e in entries}
    for record in records:
        for entry_id, anchor in record_occurrences(record, matchers(record.id)):
            found[entry_id][(record.id, anchor)] = None
    problems = [Problem(path, e.line, f"entry '{e.id}': none of its forms ({', '.join(e.forms)}) occurs in any "
                                      "record" + (" it is limited to" if e.records else ""))
                for e in entries if not found[e.id]]
    ids = {r.id for r in records}
    problems += [Problem(path, e.line, f"entry '{e.id}': expected 'records' to name records of content/records/, "
                                       f"found '{rid}'")
                 for e in entries for rid in e.records if rid not in ids]
    return {entry_id: list(places) for entry_id, places in found.items()}, problems


def check_timeline(records: list[Record], events: list[TimelineEvent], path: str,
                   unreadable: set[str] = frozenset()) -> list[Problem]:
    """Every curated event's record and refs must exist (events of a record that could not be read,
    ``unreadable``, are left until it can)."""
    ids = {r.id: {pid for pid, _ in r.passages()} for r in records}
    problems: list[Problem] = []
    for event in events:
        if event.record in unreadable:
            continue
        if event.record and event.record not in ids:
            problems.append(Problem(path, event.line, f"event '{event.id}': expected an existing record, "
                                                      f"found '{event.record}'"))
            continue
        for ref in event.refs:
            if ref not in ids.get(event.record, set()):
                problems.append(Problem(path, event.line, f"event '{event.id}': expected a passage id of "
                                                          f"{event.record}, found '{ref}'"))
    return problems


def check_readings(records: list[Record], lines: dict[str, int], path: str) -> list[Problem]:
    """Every word of readings.yml must occur in some record (a reading for nothing is a slip)."""
    problems = []
    for form, line in lines.items():
        if not any(form in p.text for r in records for p in _all_paragraphs(r)):
            problems.append(Problem(path, line, f"'{form}': expected a word that occurs in a record, found it in none"))
    return problems


def _all_paragraphs(record: Record):
    yield from record.title_lines + record.lead + record.closing
    for topic in record.topics:
        yield from topic.lead
        for st in topic.statements:
            yield from st.paragraphs + st.tail
            for it in st.items:
                yield from it.paragraphs


def raise_if(problems: list[Problem]) -> None:
    """Raise one BuildError carrying all problems, if there are any."""
    if problems:
        raise BuildError(problems)
