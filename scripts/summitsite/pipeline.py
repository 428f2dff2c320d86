"""The one orchestrator, one straight pass: load every input, check it all, render every page in
memory, then write what changed. A failure at any stage raises before anything is written."""
from __future__ import annotations

import gc
import os
import re
import time
from contextlib import contextmanager
from dataclasses import dataclass

from . import check, content
from .check import Coverage
from .decode import decode_record
from .errors import BuildError, Problem
from .model import Record
from .parse import parse_record
from .render import RecordCache, Renderer, SiteData
from .timeline import build_timeline
from .write import WriteSummary, changed, existing_files, remove, write_files

RECORD_ID = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


@dataclass
class BuildResult:
    """The outcome of a build: what writing the files did."""

    summary: WriteSummary
    coverage: list[Coverage]
    records: int
    seconds: float


def record_paths(content_dir: str) -> list[str]:
    """Every ``content/records/*.txt``, sorted."""
    folder = os.path.join(content_dir, "records")
    if not os.path.isdir(folder):
        return []
    return sorted(os.path.join(folder, n) for n in os.listdir(folder) if n.endswith(".txt"))


def read_record(path: str, root: str, meta: content.RecordMeta | None = None, check_id: bool = True) -> Record:
    """Decode and parse one record file; errors name the file relative to ``root``. ``meta`` supplies
    what the page lacks (``date:``, ``title:``); ``check_id``: the file name must be a record id (it
    becomes the record's URL), which matters only inside content/records/."""
    display = os.path.relpath(path, root)
    with open(path, "rb") as handle:
        data = handle.read()
    record_id = os.path.basename(path).rsplit(".", 1)[0]
    if check_id and not re.match(RECORD_ID, record_id):
        raise BuildError([Problem(display, 0, "expected a record file name of lowercase letters, digits and "
                                              f"hyphens (it becomes the URL), found '{record_id}'")])
    meta = meta or content.RecordMeta()
    return parse_record(decode_record(data, display), display, record_id, meta.date, meta.title)


@dataclass
class LoadedRecord:
    """A record with its metadata and English, and what checking that English found."""

    record: Record
    meta: content.RecordMeta
    translation: content.Translation | None
    coverage: Coverage
    problems: list[Problem]


def load_record(path: str, content_dir: str, root: str) -> LoadedRecord:
    """One record with its metadata (``<id>.yml``) and its English (``translations/<id>.en.yml``)."""
    meta = content.load_record_meta(path[: -len(".txt")] + ".yml", root)
    record = read_record(path, root, meta)
    for topic in record.topics:
        topic.slug = meta.topics.get(topic.number, f"topic-{topic.number}")
    problems: list[Problem] = []
    try:
        translation = content.load_translation(
            os.path.join(content_dir, "translations", f"{record.id}.en.yml"), root, record.id)
    except BuildError as err:
        problems += err.problems
        translation = None
    coverage, found = check.check_translation(record, translation)
    return LoadedRecord(record, meta, translation, coverage, problems + found)


def gather(content_dir: str, root: str, english: bool = True) -> SiteData:
    """Read and check every input; raise one BuildError listing every problem found."""
    problems: list[Problem] = []
    paths = record_paths(content_dir)
    if not paths:
        raise BuildError([Problem(os.path.relpath(os.path.join(content_dir, "records"), root), 0,
                                  "expected at least one record (*.txt), found none")])
    loaded: list[LoadedRecord] = []
    unreadable: set[str] = set()  # records whose own problems are reported: nothing else is said of them
    for path in paths:
        try:
            loaded.append(load_record(path, content_dir, root))
        except BuildError as err:
            problems += err.problems
            unreadable.add(os.path.basename(path)[: -len(".txt")])
    problems += [p for x in loaded for p in x.problems]
    glossary_path = os.path.join(content_dir, "glossary.yml")
    timeline_path = os.path.join(content_dir, "timeline.yml")
    readings_path = os.path.join(content_dir, "readings.yml")
    glossary = _load_or_note(content.load_glossary, glossary_path, root, problems)
    curated = _load_or_note(content.load_timeline, timeline_path, root, problems)
    readings, reading_lines = _load_or_note(content.load_readings, readings_path, root, problems) or ({}, {})
    records = [x.record for x in loaded]
    if not unreadable:
        problems += check.check_readings(records, reading_lines, os.path.relpath(readings_path, root))
    occurrences, found = check.glossary_occurrences(records, glossary, os.path.relpath(glossary_path, root))
    # An entry 'found nowhere' says nothing while some record could not be read.
    problems += found if not unreadable else []
    problems += check.check_timeline(records, curated, os.path.relpath(timeline_path, root), unreadable)
    check.raise_if(problems)
    return SiteData(records=records, metas={x.record.id: x.meta for x in loaded},
                    translations={x.record.id: x.translation for x in loaded}, glossary=glossary,
                    occurrences=occurrences, timeline=build_timeline(records, curated),
                    coverage=[x.coverage for x in loaded], english=english, readings=readings)


def _load_or_note(loader, path: str, root: str, problems: list[Problem]) -> list:
    """``loader(path, root)``, or nothing with its problems added to ``problems``."""
    try:
        return loader(path, root)
    except BuildError as err:
        problems += err.problems
        return []


@contextmanager
def cycle_collection_paused():
    """A build keeps nearly all it allocates until it ends and frees it by reference counting; the
    cyclic collector's passes over that growing heap found some 500 objects in a 300-record build
    and took a tenth of its time. Paused for the build, then restored."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def build(root: str, content_dir: str | None = None, out_dir: str | None = None, english: bool = True,
          dry_run: bool = False, display_root: str | None = None, cache: RecordCache | None = None) -> BuildResult:
    """Load, check and render everything, then (unless ``dry_run``) write what changed into ``out_dir``
    and remove what the build no longer makes. Error messages name files relative to ``display_root``
    (the project root by default)."""
    started = time.perf_counter()
    content_dir = content_dir or os.path.join(root, "content")
    out_dir = out_dir or os.path.join(root, "docs")
    with cycle_collection_paused():
        data = gather(content_dir, display_root or root, english)
        files = Renderer(data, cache).render()
    existing = existing_files(out_dir)
    written = changed(files, out_dir, existing)
    stale = sorted(existing.difference(files))
    if not dry_run:
        write_files(files, out_dir, written, existing)
        remove(out_dir, stale)
    return BuildResult(WriteSummary(written, stale, len(files) - len(written)), data.coverage, len(data.records),
                       time.perf_counter() - started)
