"""The one orchestrator: read every input, check it all, render everything, then write."""
from __future__ import annotations

import gc
import os
import re
import shutil
import time
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass

from . import check, content, parallel
from .check import Coverage
from .decode import decode_record
from .errors import BuildError, Problem
from .model import Record
from .parse import parse_record
from .render import Renderer, SiteData
from .timeline import build_timeline
from .write import WriteSummary, changed, existing_files, move_in, remove, top_folders, write_files

RECORD_ID = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
# In a collection, a helper process renders this share of the records (by bytes) while this process
# parses every record, checks the whole and renders the rest with the home, glossary and timeline.
HELPER_SHARE = 0.65


@dataclass
class BuildResult:
    """The outcome of a build: what writing the files did."""

    summary: WriteSummary
    coverage: list[Coverage]
    records: int
    seconds: float
    helped: int = 0  # records whose pages a helper process rendered


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


def helper_share(paths: list[str]) -> list[str]:
    """The records a helper process renders: the first ones, up to ``HELPER_SHARE`` of the bytes;
    none when the collection is small or this process must not fork."""
    if len(paths) < parallel.MIN_ITEMS or not parallel.can_fork():
        return []
    sizes = [os.path.getsize(p) for p in paths]
    budget, taken, share = HELPER_SHARE * sum(sizes), 0, []
    for path, size in zip(paths, sizes):
        if taken + size > budget:
            break
        share.append(path)
        taken += size
    return share


def render_records(paths: list[str], content_dir: str, root: str, english: bool) -> dict[str, str]:
    """The pages of some records on their own, as a whole build makes them: a record's pages depend
    on its own text, metadata and English, the glossary, and the timeline events that point into it.
    Raises on any problem: the build, which checks everything, reports it."""
    loaded = [_load_record(path, content_dir, root) for path in paths]
    if any(isinstance(x, list) or x[4] for x in loaded):
        raise BuildError([])
    records = [x[0] for x in loaded]
    ids = {r.id for r in records}
    glossary = content.load_glossary(os.path.join(content_dir, "glossary.yml"), root)
    curated = [ev for ev in content.load_timeline(os.path.join(content_dir, "timeline.yml"), root)
               if ev.record in ids]
    renderer = Renderer(SiteData(
        records=records, metas={x[0].id: x[1] for x in loaded}, translations={x[0].id: x[2] for x in loaded},
        glossary=glossary, occurrences={}, timeline=build_timeline(records, curated), english=english))
    files: dict[str, str] = {}
    for record in records:
        files.update(renderer.record_files(record))
    return files


def helper_job(channel: parallel.Channel, paths: list[str], content_dir: str, root: str, english: bool,
               out_dir: str, staging: str | None) -> None:
    """What the helper process does: render some records' pages and tell the build which files they
    are; then, once the build has checked everything and says go, write those that changed.

    Until then the pages of records that ``out_dir`` has no folder for yet are written into ``staging``
    (a folder beside it, on the same file system; None for a check that writes nothing), so that
    writing them is one rename per record: creating files is much of a first build's time."""
    files = render_records(paths, content_dir, root, english)
    channel.send(sorted(files))
    fresh_folders = sorted(f for f in top_folders(list(files)) if staging and
                           not os.path.exists(os.path.join(out_dir, f)))
    fresh = [p for p in sorted(files) if p.split("/", 1)[0] in fresh_folders]
    if fresh:
        try:
            write_files(files, staging, fresh, set())
        except OSError:  # no room or no right to write beside out_dir: write them there instead
            shutil.rmtree(staging, ignore_errors=True)
            fresh_folders, fresh = [], []
    existing = channel.receive()
    fresh_set = set(fresh)
    written = changed({p: t for p, t in files.items() if p not in fresh_set}, out_dir, existing)
    if staging:
        elsewhere = set(move_in(staging, out_dir, fresh_folders)) if fresh else set()
        write_files(files, out_dir, written + [p for p in fresh if p.split("/", 1)[0] in elsewhere], existing)
    channel.send(sorted(written + fresh))


@contextmanager
def cycle_collection_paused():
    """A build keeps nearly all it allocates until it ends, and frees it by reference counting; the
    cyclic collector's passes over that growing heap found some 500 objects in a 300-record build
    and took a tenth of its time. Paused for the build (in both processes), then restored."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def build(root: str, content_dir: str | None = None, out_dir: str | None = None, english: bool = True,
          dry_run: bool = False, display_root: str | None = None) -> BuildResult:
    """Gather, render and (unless ``dry_run``) write the site's sources into ``out_dir``.

    Error messages name files relative to ``display_root`` (the project root by default). Nothing is
    written before every input is checked and every page rendered."""
    with cycle_collection_paused():
        return _build(root, content_dir, out_dir, english, dry_run, display_root)


def _build(root: str, content_dir: str | None, out_dir: str | None, english: bool, dry_run: bool,
           display_root: str | None) -> BuildResult:
    started = time.perf_counter()
    content_dir = content_dir or os.path.join(root, "content")
    out_dir = out_dir or os.path.join(root, "docs")
    display_root = display_root or root
    share = helper_share(record_paths(content_dir))
    helped_ids = {os.path.basename(p)[: -len(".txt")] for p in share}
    parent, name = os.path.split(os.path.abspath(out_dir))
    staging = None if dry_run else os.path.join(parent, f".{name}-staging-{os.getpid()}")
    if staging:
        shutil.rmtree(staging, ignore_errors=True)  # left by a build that was killed, with this pid
    try:
        with (parallel.Helper(lambda channel: helper_job(channel, share, content_dir, display_root, english,
                                                                  out_dir, staging))
              if share else nullcontext()) as helper:
            data = gather(content_dir, display_root, english)
            renderer = Renderer(data)
            files = renderer.render(skip=helped_ids)
            theirs = _first_step(helper)
            if theirs is None:  # no helper, or it failed: render its records here
                files.update(_record_files(renderer, data.records, helped_ids))
            existing = existing_files(out_dir)
            if theirs is not None:
                helper.send(existing)
            written = changed(files, out_dir, existing)
            if not dry_run:
                write_files(files, out_dir, written, existing)
            if theirs is not None:
                try:
                    written = sorted(written + helper.receive())
                except parallel.HelperFailed:  # it stopped before writing (an OSError it met is raised)
                    late = _record_files(renderer, data.records, helped_ids)
                    files.update(late)
                    theirs, mine = None, changed(late, out_dir, existing_files(out_dir))
                    if not dry_run:
                        write_files(late, out_dir, mine, existing)
                    written = sorted(written + mine)
    finally:
        if staging:
            shutil.rmtree(staging, ignore_errors=True)
    produced = len(files) + len(theirs or [])
    stale = sorted(existing.difference(files, theirs or []))
    if not dry_run:
        remove(out_dir, stale)
    return BuildResult(WriteSummary(written, stale, produced - len(written)), data.coverage, len(data.records),
                       time.perf_counter() - started, len(helped_ids) if theirs is not None else 0)


def _record_files(renderer: Renderer, records: list[Record], ids: set[str]) -> dict[str, str]:
    files: dict[str, str] = {}
    for record in records:
        if record.id in ids:
            files.update(renderer.record_files(record))
    return files


def _first_step(helper: parallel.Helper | None) -> list[str] | None:
    """The files the helper rendered, or None when there is no helper or it failed."""
    if helper is None:
        return None
    try:
        return helper.receive()
    except Exception:  # noqa: BLE001 - whatever went wrong there, the build renders those records here
        return None
