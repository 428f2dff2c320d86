"""Render the site's Markdown pages and JSON files in memory: {docs-relative path: text}.

Each page is YAML front matter and one raw HTML block made by a Jinja2 template with autoescaping and
StrictUndefined. Record text only ever reaches the output through escaping (``blocks``), so nothing in
a record is read as HTML, Markdown or Jinja. The records' pages are ``record_pages``, the collection's
(home, glossary, timeline) ``site_pages``; this module holds what they share.
"""
from __future__ import annotations

import hashlib
import html
import json
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache

import yaml
from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined

from . import urls
from .blocks import JapaneseMarkup, english_runs
from .check import Coverage
from .content import GlossaryEntry, RecordMeta, Translation
from .countries import countries_in
from .furigana import Readings
from .model import Record, Topic, body_lines
from .record_pages import RecordPages
from .searchmarks import mark_for_search
from .site_pages import KIND_LABELS, SitePages
from .terms import RecordMatchers
from .timeline import Entry
from .yamlfile import quoted

# libyaml's safe dumper when PyYAML has it (the pinned wheels do): the same text, about 4x faster
# than the pure-Python emitter, which was a sixth of the generator's rendering time.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
TEMPLATES = os.path.join(os.path.dirname(__file__), "templates")
LEADER_TITLES = ("総理", "大統領", "首相", "主席", "総理大臣", "国王")


@dataclass
class SiteData:
    """Everything the pages are made from, checked and ready."""

    records: list[Record]
    metas: dict[str, RecordMeta]
    translations: dict[str, Translation | None]
    glossary: list[GlossaryEntry]
    occurrences: dict[str, list[tuple[str, str]]]
    timeline: list[Entry]
    coverage: list[Coverage] = field(default_factory=list)
    english: bool = True
    readings: dict[str, str] = field(default_factory=dict)  # content/readings.yml: form → reading


class RecordCache:
    """Each record's files from the last build, kept by ``make serve`` between builds: a save re-renders
    the records whose pages it can change and takes the others from here. A record's files are a function
    of its key (its model, metadata, English, coverage, the timeline events that link to it, and the
    glossary entries and readings.yml words found in its text) within one ``site_key`` (English on or off,
    the templates); a new site key empties the cache. An edit to the generator's code loads it afresh and
    with it a new cache."""

    def __init__(self):
        self.site_key: str | None = None
        self.files: dict[str, tuple[str, dict[str, str]]] = {}  # record id → (its key, its files)

    def start(self, site_key: str) -> None:
        if site_key != self.site_key:
            self.site_key, self.files = site_key, {}


def _digest(*values) -> str:
    """A fingerprint of dataclasses and plain values (their repr names every field)."""
    return hashlib.blake2b(repr(values).encode(), digest_size=16).hexdigest()


class Renderer:
    """Renders every output file of the site from ``SiteData``: the records' pages (``RecordPages``), the
    collection's pages (``SitePages``), and the JSON files. With a ``RecordCache`` (``make serve``), the
    records whose inputs are as at the last build are not rendered again."""

    def __init__(self, data: SiteData, cache: RecordCache | None = None):
        self.data = data
        self.cache = cache
        if cache is not None:
            cache.start(_digest(data.english, _templates_stamp()))
        readings = Readings({**{form: reading for e in data.glossary for form, reading in e.forms.items()},
                             **data.readings})
        # record id → its JapaneseMarkup (records that the same limited glossary entries apply to share one)
        self.markup = RecordMatchers(data.glossary, make=lambda entries: JapaneseMarkup(entries, readings))
        self.env = Environment(
            loader=FileSystemLoader(TEMPLATES), bytecode_cache=_bytecode_cache(), autoescape=True,
            undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, auto_reload=False,
            keep_trailing_newline=False)
        self.env.globals.update(rel=urls.rel, KIND_LABELS=KIND_LABELS)
        self.env.filters["en"] = english_runs
        self._record_front: dict[str, str] = {}
        self.coverage = {c.record: c for c in data.coverage}
        self.records = RecordPages(self)
        self.site = SitePages(self)

    def en(self, record_id: str, key: str) -> str | None:
        """The English of a unit of a record, or None (none yet, or a Japanese-only site)."""
        if not self.data.english:
            return None
        translation = self.data.translations.get(record_id)
        gloss = translation.units.get(key) if translation else None
        return (gloss.en or None) if gloss else None

    def render(self) -> dict[str, str]:
        """All output files, keyed by docs/-relative path."""
        records = sorted(self.data.records, key=lambda r: (r.date or "", r.id))
        files: dict[str, str] = {}
        for record in records:
            files.update(self.record_files(record))
        files[urls.source_path(urls.HOME)] = self.site.home(records)
        files[urls.source_path(urls.GLOSSARY)] = self.site.glossary()
        files[urls.source_path(urls.TIMELINE)] = self.site.timeline()
        files["timeline.json"] = self.json_text(self.timeline_json())
        return files

    def record_files(self, record: Record) -> dict[str, str]:
        """A record's files, from the cache when what they are made from is as it was."""
        if self.cache is None:
            return self.records.files(record)
        # Terms and readings can only change the pages of a record whose text holds one of their forms.
        text = "\n".join([record.era_date or "", *(line for _n, line in body_lines(record) if line)])
        terms = [e for e in self.data.glossary if any(form in text for form in e.forms)]
        readings = [(word, reading) for word, reading in self.data.readings.items() if word in text]
        key = _digest(record, self.data.metas[record.id], self.data.translations.get(record.id),
                      self.coverage.get(record.id), self.records.events_by_record.get(record.id), terms, readings)
        kept = self.cache.files.get(record.id)
        if kept is None or kept[0] != key:
            kept = self.cache.files[record.id] = (key, self.records.files(record))
        return kept[1]

    def page(self, template: str, front_matter: dict, record: Record | None = None,
             nav: list[dict] | None = None, **context) -> str:
        """A page: YAML front matter (``front_matter``, the left navigation ``nav`` of a record's page,
        then the fields of ``record`` shared by all of its pages) and the template's HTML as one raw
        block. Generated pages have no table of contents: the right sidebar's width goes to the text."""
        body = self.env.get_template(template).render(**context)
        # One raw HTML block: no blank lines (they would end the block) and no indentation; Pagefind's
        # attributes on it say what the search index reads.
        body = mark_for_search("\n".join(filter(None, map(str.strip, body.splitlines()))))
        # MkDocs renders its theme without autoescaping and Material inserts title and description
        # as they are (<title>, header, nav, <meta content="…">): escape them here, once.
        front_matter = {k: html.escape(v) if k in ("title", "description") else v for k, v in front_matter.items()}
        front = _strings_yaml(front_matter) + "hide: [toc]\n"
        if nav:
            front += f"ss_nav: {_flow(nav)}\n"
        front += self.record_front_matter(record) if record else ""
        return f"---\n{front}---\n\n{body}\n"

    def record_front_matter(self, record: Record) -> str:
        """The front matter every page of ``record`` carries, as YAML, made once per record."""
        text = self._record_front.get(record.id)
        if text is None:
            text = self._record_front[record.id] = _yaml(_record_fields(
                record, self.data.metas[record.id], self.en(record.id, "title")))
        return text

    def passage_url(self, record: Record, anchor: str) -> str:
        """URL of a passage id, a topic ``t<n>`` (its title or lead), or ``record-title`` / ``lead`` /
        ``closing``. A record that is one page holds them all."""
        if anchor in ("record-title", "lead"):
            return f"{urls.record_url(record.id)}#{anchor}"
        if anchor == "closing":
            page = urls.topic_url(record.id, record.topics[-1].slug) if record.paged else urls.record_url(record.id)
            return f"{page}#closing"
        topic = record.topics[int(re.match(r"[st](\d+)", anchor).group(1)) - 1]
        if not record.paged:
            fragment = f"t{topic.number}" if anchor.startswith("t") else anchor
            return f"{urls.record_url(record.id)}#{fragment}"
        fragment = "topic-title" if anchor.startswith("t") else anchor
        return f"{urls.topic_url(record.id, topic.slug)}#{fragment}"

    def timeline_en(self, entry: Entry) -> str:
        """English label of an event extracted from a record."""
        record_id = entry.links[0].record
        if entry.id == f"record-{record_id}":
            return self.en(record_id, "title") or ""
        if "-session-" in entry.id:
            return self.en(record_id, f"session/{entry.id.rsplit('-', 1)[1]}") or ""
        return f"Date written in {entry.links[0].label}"

    # --- what pages say of a record ---------------------------------------------------------------
    def countries(self, record: Record) -> list[str]:
        """Countries from metadata, else read from the title (日露 → Japan, Russia) or the lead."""
        meta = self.data.metas[record.id]
        if meta.countries:
            return meta.countries
        return [c.en for c in countries_in(record.title, record.lead[0].text if record.lead else "")]

    def leaders(self, record: Record) -> list[str]:
        """Leaders from metadata, else the record's own speakers that carry a leader's title."""
        meta = self.data.metas[record.id]
        if meta.leaders:
            return meta.leaders
        names = [s for t in record.topics for st in t.statements for s in st.speakers
                 if s.endswith(LEADER_TITLES) and s not in LEADER_TITLES]  # a bare 総理 names nobody
        # One person under two titles (安倍総理大臣, then 安倍総理) is listed once, as first written.
        by_name: dict[str, str] = {}
        for name in names:
            title = max((t for t in LEADER_TITLES if name.endswith(t)), key=len)
            by_name.setdefault(name[: -len(title)], name)
        return list(by_name.values())

    @staticmethod
    def plain_title(record: Record) -> str:
        return f"{record.title}（{record.era_date}）" if record.era_date else record.title

    @staticmethod
    def description(record: Record, title_en: str | None) -> str:
        lead = record.lead[0].text if record.lead else ""
        text = f"{record.title} {record.era_date or ''}: {lead}"
        text = text[:110] + ("…" if len(text) > 110 else "")
        return f"{text} {title_en}" if title_en else text

    @staticmethod
    def topic_description(topic: Topic, title_en: str | None) -> str:
        first = next((p.text for st in topic.statements for p in st.paragraphs), "")
        text = f"{topic.marker}{topic.title or ''} {first}"
        text = text[:110] + ("…" if len(text) > 110 else "")
        return f"{text} ({title_en})" if title_en else text

    # --- data ---------------------------------------------------------------------------------------
    def record_json(self, record: Record) -> dict:
        meta = self.data.metas[record.id]
        return record_to_json(record) | {
            "source_url": meta.source_url, "publisher": meta.publisher,
            "retrieved": meta.retrieved, "licence": meta.licence,
        }

    def timeline_json(self) -> dict:
        by_id = {r.id: r for r in self.data.records}
        events = []
        for e in self.data.timeline:
            events.append({
                "id": e.id, "date": e.date, "end": e.end, "precision": e.precision, "kind": e.kind,
                "origin": e.origin, "recurring": e.recurring, "ja": e.ja,
                "en": e.en or self.timeline_en(e), "source": e.source,
                "links": [(self.passage_url(by_id[l.record], l.passage) if l.passage else urls.record_url(l.record))
                          for l in e.links],
            })
        return {"events": events}

    @staticmethod
    def json_text(data) -> str:
        # Compact: json's C encoder only runs without indent, and these files are for programs
        # (one object per line would not help a reader of 1,000 records either).
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def record_to_json(record: Record) -> dict:
    """The JSON contract of a parsed record (documented in ARCHITECTURE.md)."""
    return {
        "id": record.id, "title": record.title, "date": record.date, "era_date": record.era_date,
        "venue": record.venue, "attendees": record.attendees,
        "meeting_time": {"start": record.meeting_time[0], "end": record.meeting_time[1]}
        if record.meeting_time else None,
        "sessions": [{"start": s.start, "end": s.end, "label": s.label} for s in record.sessions],
        "lead": [p.text for p in record.lead],
        "topics": [{
            "number": t.number, "title": t.title, "slug": t.slug, "line": t.line,
            "lead": [p.text for p in t.lead],
            "statements": [{
                "id": s.id, "number": s.number, "title": s.title, "speakers": s.speakers, "text": s.text,
                "paragraphs": [p.text for p in s.paragraphs], "tail": [p.text for p in s.tail], "line": s.line,
                "items": [{"id": i.id, "label": i.label, "speakers": i.speakers, "text": i.text,
                           "paragraphs": [p.text for p in i.paragraphs], "line": i.line} for i in s.items],
            } for s in t.statements],
        } for t in record.topics],
        "closing": [p.text for p in record.closing],
    }


def _record_fields(record: Record, meta: RecordMeta, title_en: str | None) -> dict:
    """Front matter for link previews, JSON-LD and citations (raw text: the theme hooks escape it)."""
    return {"ss_record_title": record.title, "ss_record_title_en": title_en, "ss_date": record.date,
            "ss_era_date": record.era_date, "ss_venue": record.venue, "ss_source_url": meta.source_url,
            "ss_publisher": meta.publisher, "ss_publisher_en": meta.publisher_en}


def _bytecode_cache() -> FileSystemBytecodeCache | None:
    """Compiled templates kept beside them, as Python keeps .pyc files: compiling the six templates
    took 50 ms of every build. Jinja checks each against its template's source before using it."""
    folder = os.path.join(TEMPLATES, "__pycache__")
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(folder, "%s.jinja") if os.access(folder, os.W_OK) else None


def _templates_stamp() -> list[tuple[str, int, int]]:
    """Name, size and modification time of each template."""
    stamp = []
    for name in sorted(os.listdir(TEMPLATES)):
        if name.endswith(".html"):
            info = os.stat(os.path.join(TEMPLATES, name))
            stamp.append((name, info.st_size, info.st_mtime_ns))
    return stamp


def _yaml(mapping: dict) -> str:
    return yaml.dump(mapping, Dumper=_DUMPER, allow_unicode=True, sort_keys=True, width=10_000)


_quoted = lru_cache(maxsize=None)(quoted)  # a record's topic titles recur on each of its pages


def _flow(value) -> str:
    """Strings, numbers, booleans, None, and lists and mappings of them, as one line of YAML flow style,
    keys sorted: the record's navigation, on every page of it, without the YAML emitter's Python."""
    if isinstance(value, str):
        return _quoted(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(map(_flow, value)) + "]"
    return "{" + ", ".join(f"{_quoted(key)}: {_flow(value[key])}" for key in sorted(value)) + "}"


def _strings_yaml(mapping: dict[str, str]) -> str:
    """A mapping of strings as YAML, keys sorted, each value double-quoted: what a page's own front
    matter needs, some ten times faster than the YAML emitter (one call per page adds up)."""
    return "".join(f"{key}: {quoted(mapping[key])}\n" for key in sorted(mapping))
