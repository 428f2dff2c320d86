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
from .content import GlossaryEntry
from .decode import decode_record
from .errors import BuildError, Problem
from .model import Record
from .parse import parse_record
from .render import Renderer, SiteData
from .terms import RecordMatchers
from .timeline import Entry, build_timeline, record_events
from .write import WriteSummary, changed, existing_files, move_in, remove, write_files

RECORD_ID = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
# In a collection, a helper process loads and renders this share of the records (by bytes) while this
# process loads the rest, checks the whole and renders the rest with the home, glossary and timeline.
HELPER_SHARE = 0.55


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


@dataclass
class LoadedRecord:
    """A record read with its metadata and English, what checking that English found, the timeline
    events it dates itself and, when the glossary was at hand, where its terms occur: made once, by the
    process that loads the record."""

    record: Record
    meta: content.RecordMeta
    translation: content.Translation | None
    coverage: Coverage
    problems: list[Problem]
    events: list[Entry]
    occurrences: list[tuple[str, str]] | None = None


def _load_record(path: str, content_dir: str, root: str,
                 matchers: RecordMatchers | None = None) -> LoadedRecord | list[Problem]:
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
    coverage, found = check.check_translation(record, translation)
    occurrences = check.record_occurrences(record, matchers(record.id)) if matchers else None
    return LoadedRecord(record, meta, translation, coverage, problems + found, record_events(record), occurrences)


def _site_data(loaded: list[LoadedRecord], glossary: list, curated: list, english: bool,
               occurrences: dict | None = None) -> SiteData:
    records = [x.record for x in loaded]
    return SiteData(records=records, metas={x.record.id: x.meta for x in loaded},
                    translations={x.record.id: x.translation for x in loaded}, glossary=glossary,
                    occurrences=occurrences or {},
                    timeline=build_timeline(records, curated, {x.record.id: x.events for x in loaded}),
                    coverage=[x.coverage for x in loaded], english=english)


def load_records(paths: list[str], content_dir: str, root: str,
                 glossary: list[GlossaryEntry] | None = None) -> dict[str, LoadedRecord | list[Problem]]:
    """Each record of ``paths`` loaded, or the list of its problems, keyed by path; with the occurrences
    of ``glossary``'s terms when it is given."""
    matchers = RecordMatchers(glossary) if glossary is not None else None
    return {path: _load_record(path, content_dir, root, matchers) for path in paths}


def valid_glossary(content_dir: str, root: str) -> list[GlossaryEntry] | None:
    """The glossary, or None when it has problems (``gather`` reports them)."""
    try:
        return content.load_glossary(os.path.join(content_dir, "glossary.yml"), root)
    except BuildError:
        return None


def gather(content_dir: str, root: str, english: bool = True,
           loaded: dict[str, LoadedRecord | list[Problem]] | None = None,
           glossary: list[GlossaryEntry] | None = None) -> SiteData:
    """Read and check every input; raise one BuildError listing all problems.

    ``loaded``: records already loaded (by ``load_records``, here or in a helper process), by path;
    the others are loaded here. ``glossary``: the glossary, when it has been loaded without problems
    (and ``loaded`` found its terms)."""
    problems: list[Problem] = []
    paths = record_paths(content_dir)
    if not paths:
        raise BuildError([Problem(os.path.relpath(os.path.join(content_dir, "records"), root), 0,
                                  "expected at least one record (*.txt), found none")])
    loaded = loaded or {}
    records_loaded: list[LoadedRecord] = []
    for path in paths:
        result = loaded[path] if path in loaded else _load_record(path, content_dir, root)
        if isinstance(result, list):
            problems += result
        else:
            problems += result.problems
            records_loaded.append(result)
    glossary_path = os.path.join(content_dir, "glossary.yml")
    timeline_path = os.path.join(content_dir, "timeline.yml")
    if glossary is None:
        glossary = _load_or_note(content.load_glossary, glossary_path, root, problems)
    curated = _load_or_note(content.load_timeline, timeline_path, root, problems)
    records = [x.record for x in records_loaded]
    known = {x.record.id: x.occurrences for x in records_loaded if x.occurrences is not None}
    occurrences, found = check.glossary_occurrences(records, glossary, os.path.relpath(glossary_path, root), known)
    problems += found if len(records) == len(paths) else []
    problems += check.check_timeline(records, curated, os.path.relpath(timeline_path, root))
    check.raise_if(problems)
    return _site_data(records_loaded, glossary, curated, english, occurrences)


def _load_or_note(loader, path: str, root: str, problems: list[Problem]) -> list:
    """``loader(path, root)``, or nothing with its problems added to ``problems``."""
    try:
        return loader(path, root)
    except BuildError as err:
        problems += err.problems
        return []


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


def render_records(loaded: dict[str, LoadedRecord | list[Problem]], content_dir: str, root: str,
                   english: bool, glossary: list[GlossaryEntry] | None = None) -> dict[str, str]:
    """The pages of some loaded records on their own, as a whole build makes them: a record's pages
    depend on its own text, metadata and English, the glossary, and the timeline events that point
    into it. Raises on any problem: the build, which checks everything, reports it."""
    if any(isinstance(x, list) or x.problems for x in loaded.values()):
        raise BuildError([])
    records = list(loaded.values())
    ids = {x.record.id for x in records}
    if glossary is None:
        glossary = content.load_glossary(os.path.join(content_dir, "glossary.yml"), root)
    curated = [ev for ev in content.load_timeline(os.path.join(content_dir, "timeline.yml"), root)
               if ev.record in ids]
    data = _site_data(records, glossary, curated, english)
    return Renderer(data).record_pages(data.records)


def helper_job(channel: parallel.Channel, paths: list[str], content_dir: str, root: str, english: bool,
               out_dir: str, staging: str | None) -> None:
    """What the helper process does: load some records and hand them to the build (which checks
    everything), render their pages and tell the build which files they are; then, once the build
    says go, write those that changed.

    Until then the pages of records that ``out_dir`` has no folder for yet are written into ``staging``
    (a folder beside it, on the same file system; None for a check that writes nothing), so that
    writing them is one rename per record: creating files is much of a first build's time."""
    glossary = valid_glossary(content_dir, root)
    loaded = load_records(paths, content_dir, root, glossary)
    channel.send_ahead(loaded)  # the build may be rendering its own records: do not wait for it to read
    files = render_records(loaded, content_dir, root, english, glossary)
    channel.send(sorted(files))
    by_folder: dict[str, list[str]] = {}
    for path in sorted(files):  # every page of a record is in the record's folder
        by_folder.setdefault(path.split("/", 1)[0], []).append(path)
    fresh = {f: ps for f, ps in by_folder.items() if staging and not os.path.exists(os.path.join(out_dir, f))}
    staged = [p for ps in fresh.values() for p in ps]
    if staged:
        try:
            write_files(files, staging, staged, set())
        except OSError:  # no room or no right to write beside out_dir: write them there instead
            shutil.rmtree(staging, ignore_errors=True)
            fresh, staged = {}, []
    existing = channel.receive()
    written = changed({p: files[p] for f, ps in by_folder.items() if f not in fresh for p in ps}, out_dir, existing)
    if staging:
        unmoved = move_in(staging, out_dir, sorted(fresh)) if fresh else []
        write_files(files, out_dir, written + [p for f in unmoved for p in fresh[f]], existing)
    channel.send(sorted(written + staged))


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
    paths = record_paths(content_dir)
    share = helper_share(paths)
    helped_ids = {os.path.basename(p)[: -len(".txt")] for p in share}
    parent, name = os.path.split(os.path.abspath(out_dir))
    staging = None if dry_run else os.path.join(parent, f".{name}-staging-{os.getpid()}")
    if staging:
        shutil.rmtree(staging, ignore_errors=True)  # left by a build that was killed, with this pid
    try:
        with (parallel.Helper(lambda channel: helper_job(channel, share, content_dir, display_root, english,
                                                                  out_dir, staging))
              if share else nullcontext()) as helper:
            # This process loads the other records while the helper loads its own and sends them here
            # (a tenth of what parsing them again would cost); what it could not load, gather loads.
            glossary = valid_glossary(content_dir, display_root)
            loaded = load_records([p for p in paths if p not in set(share)], content_dir, display_root, glossary)
            # Then, until the helper's records arrive, it renders its own: pages that are used only
            # once gather has checked the whole, which it does before anything else can happen.
            early = _render_early(loaded, content_dir, display_root, english, glossary) if helper else None
            rendered = helped_ids | ({x.record.id for x in loaded.values()} if early is not None else set())
            loaded.update(_helper_step(helper) or {})
            data = gather(content_dir, display_root, english, loaded, glossary)
            renderer = Renderer(data)
            files = renderer.render(skip=rendered)
            files.update(early or {})
            theirs = _helper_step(helper)
            if theirs is None:  # no helper, or it failed: render its records here
                files.update(renderer.record_pages(r for r in data.records if r.id in helped_ids))
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
                    late = renderer.record_pages(r for r in data.records if r.id in helped_ids)
                    files.update(late)
                    now = existing_files(out_dir)  # with whatever it wrote before it stopped
                    theirs, mine = None, changed(late, out_dir, now)
                    if not dry_run:
                        write_files(late, out_dir, mine, now)
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


def _render_early(loaded: dict[str, LoadedRecord | list[Problem]], content_dir: str, root: str,
                  english: bool, glossary: list[GlossaryEntry] | None) -> dict[str, str] | None:
    """The pages of these records, rendered before the whole collection is checked; None when they
    cannot be (a problem in them, or anything else): then they are rendered after the checks, as a
    failed helper's records are, and whatever went wrong surfaces there."""
    try:
        return render_records(loaded, content_dir, root, english, glossary)
    except Exception:  # noqa: BLE001 - rendered again after the checks, which report the problem
        return None


def _helper_step(helper: parallel.Helper | None):
    """The helper's answer to its next step (the records it loaded, then the files it rendered), or
    None when there is no helper or it failed: then the build loads or renders those records here."""
    if helper is None:
        return None
    try:
        return helper.receive()
    except Exception:  # noqa: BLE001 - whatever went wrong there, the build does its part here
        return None
