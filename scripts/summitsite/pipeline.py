"""The one orchestrator: read every input, check it all, render everything, then write."""
from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass

from . import check, content
from .check import Coverage
from .decode import decode_record
from .errors import BuildError, Problem
from .model import Record
from .parse import parse_record
from .render import Renderer, SiteData
from .timeline import build_timeline
from .write import WriteSummary, plan, write

RECORD_ID = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


@dataclass
class BuildResult:
    """The outcome of a build: the files and what writing them did."""

    files: dict[str, str]
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


def read_record(path: str, root: str, date_override: str | None = None) -> Record:
    """Decode and parse one record file; errors name the file relative to ``root``."""
    display = os.path.relpath(path, root)
    with open(path, "rb") as handle:
        data = handle.read()
    record_id = os.path.basename(path)[: -len(".txt")]
    if not re.match(RECORD_ID, record_id):
        raise BuildError([Problem(display, 0, "expected a record file name of lowercase letters, digits and "
                                              f"hyphens (it becomes the URL), found '{record_id}'")])
    return parse_record(decode_record(data, display), display, record_id, date_override)


def _load_record(path: str, content_dir: str, root: str):
    """One record with its metadata, its English and their check; or the list of its problems."""
    try:
        meta = content.load_record_meta(path[: -len(".txt")] + ".yml", root)
        record = read_record(path, root, meta.date)
    except BuildError as err:
        return err.problems
    for topic in record.topics:
        topic.slug = meta.topics.get(topic.number, f"topic-{topic.number}")
    problems: list[Problem] = []
    try:
        translation = content.load_translation(
            os.path.join(content_dir, "translations", f"{record.id}.en.yml"), root, record.id)
    except BuildError as err:
        problems += err.problems
        translation = None
    cov, found = check.check_translation(record, translation)
    return record, meta, translation, cov, problems + found


def gather(content_dir: str, root: str, english: bool = True) -> SiteData:
    """Read and check every input; raise one BuildError listing all problems."""
    problems: list[Problem] = []
    records: list[Record] = []
    metas: dict[str, content.RecordMeta] = {}
    translations: dict[str, content.Translation | None] = {}
    coverage: list[Coverage] = []
    paths = record_paths(content_dir)
    if not paths:
        raise BuildError([Problem(os.path.relpath(os.path.join(content_dir, "records"), root), 0,
                                  "expected at least one record (*.txt), found none")])
    # Parsed here, not in worker processes: sending Record objects back costs more than parsing.
    for loaded in (_load_record(path, content_dir, root) for path in paths):
        if isinstance(loaded, list):
            problems += loaded
            continue
        record, meta, translation, cov, found = loaded
        problems += found
        records.append(record)
        metas[record.id] = meta
        coverage.append(cov)
        translations[record.id] = translation
    glossary_path = os.path.join(content_dir, "glossary.yml")
    timeline_path = os.path.join(content_dir, "timeline.yml")
    glossary, curated = [], []
    for loader, path, target in ((content.load_glossary, glossary_path, "glossary"),
                                 (content.load_timeline, timeline_path, "timeline")):
        try:
            loaded = loader(path, root)
        except BuildError as err:
            problems += err.problems
            loaded = []
        if target == "glossary":
            glossary = loaded
        else:
            curated = loaded
    occurrences, found = check.glossary_occurrences(records, glossary, os.path.relpath(glossary_path, root))
    problems += found if len(records) == len(paths) else []
    problems += check.check_timeline(records, curated, os.path.relpath(timeline_path, root))
    check.raise_if(problems)
    timeline = build_timeline(records, curated)
    return SiteData(records=records, metas=metas, translations=translations, glossary=glossary,
                    occurrences=occurrences, timeline=timeline, coverage=coverage, english=english)


def build(root: str, content_dir: str | None = None, out_dir: str | None = None, english: bool = True,
          dry_run: bool = False, display_root: str | None = None) -> BuildResult:
    """Gather, render and (unless ``dry_run``) write the site's sources into ``out_dir``.

    Error messages name files relative to ``display_root`` (the project root by default)."""
    started = time.perf_counter()
    content_dir = content_dir or os.path.join(root, "content")
    out_dir = out_dir or os.path.join(root, "docs")
    data = gather(content_dir, display_root or root, english)
    files = Renderer(data).render()
    summary = plan(files, out_dir) if dry_run else write(files, out_dir)
    return BuildResult(files, summary, data.coverage, len(data.records), time.perf_counter() - started)

