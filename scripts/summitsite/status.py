"""``build.py status``: how far each record's English has come, and the glossary terms no record uses.

Unlike the build, it reads what it can and says what it cannot: a record that does not parse gets a line
saying why, and the rest are counted.
"""
from __future__ import annotations

import os
from dataclasses import dataclass

from . import check, content
from .check import Coverage
from .errors import BuildError
from .pipeline import load_record, record_paths


@dataclass
class Status:
    """Each record's coverage (or its first problem), and the glossary's entries found in no record."""

    coverage: list[Coverage]
    unreadable: list[tuple[str, str]]
    unused_terms: list[content.GlossaryEntry]


def collection_status(content_dir: str, root: str) -> Status:
    coverage, unreadable, records = [], [], []
    for path in record_paths(content_dir):
        try:
            loaded = load_record(path, content_dir, root)
        except BuildError as err:
            unreadable.append((os.path.basename(path)[: -len(".txt")], str(err.problems[0])))
            continue
        records.append(loaded.record)
        coverage.append(loaded.coverage)
    try:
        glossary = content.load_glossary(os.path.join(content_dir, "glossary.yml"), root)
    except BuildError:
        glossary = []
    occurrences, _problems = check.glossary_occurrences(records, glossary, "glossary.yml")
    return Status(coverage, unreadable, [e for e in glossary if not occurrences[e.id]])


def report(status: Status) -> list[str]:
    """The lines ``build.py status`` prints."""
    width = max([len(c.record) for c in status.coverage] + [len(r) for r, _ in status.unreadable] + [6])
    lines = [f"{'record':<{width}}  units  translated  stale  missing"]
    for c in status.coverage:
        lines.append(f"{c.record:<{width}}  {c.total:>5}  {c.translated:>10}  {c.stale:>5}  {c.missing:>7}")
    for record, problem in status.unreadable:
        lines.append(f"{record:<{width}}  cannot be read: {problem}")
    total = sum(c.total for c in status.coverage)
    done = sum(c.translated for c in status.coverage)
    lines.append(f"{len(status.coverage)} record(s), {done} of {total} units in English"
                 + (f", {sum(c.stale for c in status.coverage)} stale" if any(c.stale for c in status.coverage) else ""))
    unused = ", ".join(f"{e.id} ({'/'.join(e.forms)})" for e in status.unused_terms)
    lines.append(f"glossary terms in no record: {unused or 'none'}")
    return lines
