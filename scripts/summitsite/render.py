"""Render the site's Markdown pages and JSON files in memory: {docs-relative path: text}.

Each page is YAML front matter (written with YAML's safe dumper) and one raw HTML block made by a
Jinja2 template with autoescaping and StrictUndefined. Record text only ever reaches the output
through escaping, so nothing in a record is read as HTML, Markdown or Jinja.
"""
from __future__ import annotations

import html
import json
import os
import re
from dataclasses import dataclass, field
from typing import Iterable
from urllib.parse import urlencode

import yaml
from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from . import urls
from .check import Coverage
from .countries import countries_in
from .content import GlossaryEntry, RecordMeta, Translation
from .model import Item, Record, Statement, Topic
from .blocks import (EventLinks, EventView, GlossaryPlace, GlossaryView, JapaneseMarkup, Pair, PassageView,
                     TimelineLink, TopicLink, english_runs, glossary_entry_html,
                     event_html, pair_html, passage_html, topic_list_html)
from .searchmarks import mark_for_search
from .terms import RecordMatchers
from .yamlfile import quoted
from .timeline import Entry, english_date, passage_label

# libyaml's safe dumper when PyYAML has it (the pinned wheels do): the same text, about 4x faster
# than the pure-Python emitter, which was a sixth of the generator's rendering time.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
TEMPLATES = os.path.join(os.path.dirname(__file__), "templates")
KIND_LABELS = {
    "person": ("人物", "People"), "place": ("地名", "Places"), "organisation": ("組織", "Organisations"),
    "agreement": ("条約・協定・文書", "Treaties, agreements and documents"), "event": ("出来事", "Events"),
    "term": ("用語", "Terms"),
}
TIMELINE_KINDS = {
    "meeting": ("本会談・訪問", "This meeting and visit"), "mentioned": ("記録で言及", "Mentioned in the record"),
    "context": ("背景", "Background"),
}
# Past this many events the timeline page lays out only the years near the screen (CSS
# content-visibility on .ss-long): a 100-record timeline has some 850 events and 10,000 elements.
LONG_TIMELINE = 200
LEADER_TITLES = ("総理", "大統領", "首相", "主席", "総理大臣", "国王")
# A glossary entry lists its passages in this many records at most, so that the glossary page stays
# the same size however many records there are; a search link finds the rest.
GLOSSARY_RECORDS = 3


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


class Renderer:
    """Renders every output file of the site from ``SiteData``."""

    def __init__(self, data: SiteData):
        self.data = data
        self.markup = RecordMatchers(data.glossary, make=JapaneseMarkup)  # record id → its JapaneseMarkup
        self.env = Environment(
            loader=FileSystemLoader(TEMPLATES), bytecode_cache=_bytecode_cache(), autoescape=True,
            undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, auto_reload=False,
            keep_trailing_newline=False)
        self.env.globals.update(rel=urls.rel, KIND_LABELS=KIND_LABELS, TIMELINE_KINDS=TIMELINE_KINDS,
                                english_date=english_date)
        self.env.filters["en"] = english_runs
        self._record_front: dict[str, str] = {}
        self.coverage = {c.record: c for c in data.coverage}
        self.timeline_by_passage: dict[tuple[str, str], list[Entry]] = {}
        for entry in data.timeline:
            for link in entry.links:
                if link.passage:
                    self.timeline_by_passage.setdefault((link.record, link.passage), []).append(entry)

    def pair(self, record: Record, prefix: str, text: str, en_text: str | None, url: str) -> Markup:
        return Markup(pair_html(Pair(prefix, text, en_text), self.markup(record.id), url))

    def en(self, record_id: str, key: str) -> str | None:
        if not self.data.english:
            return None
        translation = self.data.translations.get(record_id)
        gloss = translation.units.get(key) if translation else None
        return (gloss.en or None) if gloss else None

    # --- pages --------------------------------------------------------------------------
    def render(self) -> dict[str, str]:
        """All output files, keyed by docs/-relative path."""
        records = sorted(self.data.records, key=lambda r: (r.date or "", r.id))
        files = self.record_pages(records)
        files[urls.source_path(urls.HOME)] = self.home(records)
        files[urls.source_path(urls.GLOSSARY)] = self.glossary_page()
        files[urls.source_path(urls.TIMELINE)] = self.timeline_page()
        files["timeline.json"] = _json(self.timeline_json())
        return files

    def record_pages(self, records: Iterable[Record]) -> dict[str, str]:
        """The files of ``records``: each one's overview, topic pages and record.json."""
        files: dict[str, str] = {}
        for record in records:
            files.update(self.record_files(record))
        return files

    def record_files(self, record: Record) -> dict[str, str]:
        files = {}
        base = urls.record_url(record.id)
        files[urls.source_path(base)] = self.overview(record)
        siblings = self.sibling_links(record) if record.paged else []
        for index, topic in enumerate(record.topics if record.paged else []):
            files[urls.source_path(urls.topic_url(record.id, topic.slug))] = self.topic_page(record, index, siblings)
        files[f"{record.id}/record.json"] = _json(self.record_json(record))
        return files

    def page(self, template: str, front_matter: dict, record: Record | None = None, **context) -> str:
        """A page: YAML front matter (``front_matter``, then the fields of ``record`` shared by all of
        its pages) and the template's HTML as one raw block."""
        body = self.env.get_template(template).render(**context)
        # One raw HTML block: no blank lines (they would end the block) and no indentation; Pagefind's
        # attributes on it say what the search index reads.
        body = mark_for_search("\n".join(filter(None, map(str.strip, body.splitlines()))))
        # MkDocs renders its theme without autoescaping and Material inserts title and description
        # as they are (<title>, header, nav, <meta content="…">): escape them here, once.
        front_matter = {k: html.escape(v) if k in ("title", "description") else v for k, v in front_matter.items()}
        front = _strings_yaml(front_matter) + (self.record_front_matter(record) if record else "")
        return f"---\n{front}---\n\n{body}\n"

    def english_note(self, record: Record) -> Markup:
        """A line near the top of a record's pages when its English is missing or partial (nothing on a
        Japanese-only site, where no page has English)."""
        c = self.coverage.get(record.id)
        if not self.data.english or c is None or c.translated == c.total:
            return Markup("")
        if c.translated == 0:
            text = ('<span lang="ja">この記録の英訳はまだありません。</span> '
                    '<span lang="en">No English rendering of this record yet: the Japanese is shown alone.</span>')
        else:
            text = (f'<span lang="ja">英訳は{c.total}段落のうち{c.translated}段落のみです。</span> '
                    f'<span lang="en">English for {c.translated} of {c.total} paragraphs so far.</span>')
        state = "none" if c.translated == 0 else "partial"
        return Markup(f'<p class="ss-note ss-no-english" role="note" data-ss-english="{state}">{text}</p>')

    def record_front_matter(self, record: Record) -> str:
        """The front matter every page of ``record`` carries, as YAML, made once per record."""
        text = self._record_front.get(record.id)
        if text is None:
            text = self._record_front[record.id] = _yaml(_record_fields(
                record, self.data.metas[record.id], self.en(record.id, "title")))
        return text

    def overview(self, record: Record) -> str:
        """A record's page: its head and lead, then the list of its topics; a record with no titled
        topic (numbered paragraphs, as telephone talks are written) holds every passage here."""
        url = urls.record_url(record.id)
        meta = self.data.metas[record.id]
        title_en = self.en(record.id, "title")
        return self.page("overview.html", {
            "title": _plain_title(record),
            "description": _description(record, title_en),
            "ss_page": "overview", "ss_record": record.id,
        }, record, r=record, meta=meta, url=url, en=lambda k: self.en(record.id, k),
            ja=lambda text: self.markup(record.id)(text, url),
            pair=lambda prefix, text, en_text: self.pair(record, prefix, text, en_text, url),
            topic_body=lambda t: self.topic_body(record, t, url), english_note=self.english_note(record),
            closing=self.closing(record, url) if not record.paged else Markup(""),
            topic_list=Markup(topic_list_html(self.topic_links(record, url))) if record.paged else None,
            countries=countries(record, meta), json_url="record.json")

    def topic_links(self, record: Record, page_url: str) -> list[TopicLink]:
        return [TopicLink(urls.rel(page_url, urls.topic_url(record.id, t.slug)), t.marker + topic_name(t),
                          self.en(record.id, f"t{t.number}")) for t in record.topics]

    def topic_body(self, record: Record, topic: Topic, url: str) -> Markup:
        """A topic's text: its lead, then its statements (the title is the page's or the list's)."""
        lead = [self.pair(record, self.topic_prefix(topic, p), p.text,
                          self.en(record.id, f"t{topic.number}/lead/p{k}"), url)
                for k, p in enumerate(topic.lead, 1)]
        parts = ([Markup(f'<div class="ss-topic-lead" id="t{topic.number}-lead">')] + lead + [Markup("</div>")]
                 if lead else [])
        parts += [self.passage(record, st, url) for st in topic.statements]
        return Markup("\n").join(parts)

    def closing(self, record: Record, url: str) -> Markup:
        """The record's text after its last topic ('【参考】…')."""
        if not record.closing:
            return Markup("")
        pairs = [self.pair(record, p.indent, p.text, self.en(record.id, f"closing/p{k}"), url)
                 for k, p in enumerate(record.closing, 1)]
        return Markup('<section class="ss-closing" id="closing">\n') + Markup("\n").join(pairs) + \
            Markup("\n</section>")

    @staticmethod
    def topic_prefix(topic: Topic, paragraph) -> str:
        """What stands before a paragraph: the topic's number when the paragraph is the rest of an
        untitled topic's line ('1 冒頭,…'), else the paragraph's own indent."""
        if paragraph.line == topic.line and topic.title is None:
            return topic.indent + topic.marker + topic.sep
        return paragraph.indent

    def sibling_links(self, record: Record) -> list[TopicLink]:
        """Links between topic pages: they are siblings, so a link to a topic is the same from every
        topic page but its own (which shows no link to itself)."""
        if not record.topics:
            return []
        first, *rest = [urls.topic_url(record.id, t.slug) for t in record.topics]
        links = self.topic_links(record, first)
        if rest:  # the first topic as linked from its siblings
            links[0].href = urls.rel(rest[0], first)
        return links

    def topic_page(self, record: Record, index: int, siblings: list[TopicLink]) -> str:
        """A topic's page; ``siblings`` are the links from any topic page of the record to each topic."""
        topic = record.topics[index]
        url = urls.topic_url(record.id, topic.slug)
        title_en = siblings[index].en
        neighbours = {"prev": index - 1 if index > 0 else None,
                      "next": index + 1 if index + 1 < len(record.topics) else None}
        return self.page("topic.html", {
            "title": f"{topic.marker}{topic_name(topic)} — {_plain_title(record)}",
            "description": _topic_description(topic, title_en),
            "ss_page": "topic", "ss_record": record.id,
        }, record, r=record, t=topic, url=url, en=lambda k: self.en(record.id, k), title_en=title_en,
            topic_list=Markup(topic_list_html(siblings, index)), neighbours={
                k: {"label": siblings[i].ja, "url": siblings[i].href} if i is not None else None
                for k, i in neighbours.items()},
            topic_body=self.topic_body(record, topic, url), topic_label=topic.marker + topic_name(topic),
            english_note=self.english_note(record),
            closing=self.closing(record, url) if index == len(record.topics) - 1 else Markup(""),
            record_href=urls.rel(url, urls.record_url(record.id)), home_href=urls.rel(url, urls.HOME))

    def passage_view(self, record: Record, passage: Statement | Item, url: str) -> PassageView:
        """What a page shows of one statement or item: paragraphs paired with their English."""
        is_item = isinstance(passage, Item)
        head = passage.indent + passage.marker + passage.sep
        topic = record.topics[int(re.match(r"s(\d+)", passage.id).group(1)) - 1]
        pairs = [Pair(head if k == 1 and p.line == passage.line and passage.marker else self.topic_prefix(topic, p),
                      p.text, self.en(record.id, f"{passage.id}/p{k}"))
                 for k, p in enumerate(passage.paragraphs, 1)]
        tail = [] if is_item else [Pair(p.indent, p.text, self.en(record.id, f"{passage.id}/p{k}"))
                                   for k, p in enumerate(passage.tail, len(passage.paragraphs) + 1)]
        title = None
        if not is_item and passage.title:
            title = Pair(head, passage.title, self.en(record.id, f"{passage.id}/title"))
        elif not pairs and passage.marker:
            title = Pair(head, "", None)
        events = self.timeline_by_passage.get((record.id, passage.id), [])
        return PassageView(
            id=passage.id, label=record.labels[passage.id], is_item=is_item, speakers=passage.speakers,
            title=title, pairs=pairs, tail=tail,
            children=[] if is_item else [self.passage_view(record, it, url) for it in passage.items],
            timeline=[TimelineLink(urls.rel(url, f"{urls.TIMELINE}#{e.id}"), e.ja) for e in events])

    def passage(self, record: Record, passage: Statement | Item, url: str) -> Markup:
        return Markup(passage_html(self.passage_view(record, passage, url), self.markup(record.id), url))

    def home(self, records: list[Record]) -> str:
        rows = []
        for r in reversed(records):  # newest first
            meta = self.data.metas[r.id]
            rows.append({"r": r, "url": urls.record_url(r.id), "title_en": self.en(r.id, "title"),
                         "countries": countries(r, meta), "leaders": leaders(r, meta)})
        years = sorted({(r.date or "")[:4] for r in records if r.date})
        return self.page("home.html", {
            "title": "ホーム",
            "description": "外務省の首脳会談記録（概要）を原文のまま、英訳・用語解説・年表とともに読む。"
                           "MOFA summit records in the original Japanese with English, glossary and timeline.",
            "ss_page": "home",
        }, rows=rows, years=years, url=urls.HOME, english=self.data.english)

    def glossary_page(self) -> str:
        url = urls.GLOSSARY
        by_id = {r.id: r for r in self.data.records}
        groups = []
        for kind, labels in KIND_LABELS.items():
            entries = sorted((e for e in self.data.glossary if e.kind == kind),
                             key=lambda e: (next(iter(e.forms.values())) or next(iter(e.forms)), e.id))
            if not entries:
                continue
            groups.append({"kind": kind, "labels": labels,
                           "entries": [Markup(glossary_entry_html(self.glossary_view(e, url, by_id))) for e in entries]})
        return self.page("glossary.html", {
            "title": "用語集 Glossary",
            "description": f"記録に登場する人物・地名・組織・条約・出来事・用語 {len(self.data.glossary)} 項目の"
                           "読みと英訳。Readings, English and notes for the people, places and terms of the records.",
            "ss_page": "glossary",
        }, groups=groups, url=url, english=self.data.english)

    def glossary_view(self, entry: GlossaryEntry, url: str, by_id: dict[str, Record]) -> GlossaryView:
        """An entry with the records it is limited to and where it occurs, by record: the passages of
        the first ``GLOSSARY_RECORDS`` records, how many records and passages there are in all, and a
        search for the rest."""
        by_record: dict[str, list[str]] = {}
        for rid, anchor in self.data.occurrences.get(entry.id, []):
            by_record.setdefault(rid, []).append(anchor)
        shown = list(by_record.items())[:GLOSSARY_RECORDS]
        return GlossaryView(
            entry=entry,
            only_in=[self._record_place(url, by_id[rid]) for rid in entry.records if rid in by_id],
            records=[(self._record_place(url, by_id[rid]),
                      [GlossaryPlace(urls.rel(url, self.passage_url(by_id[rid], anchor)),
                                     passage_label(by_id[rid], anchor)) for anchor in anchors])
                     for rid, anchors in shown],
            more=len(by_record) - len(shown),
            passages=sum(len(anchors) for anchors in by_record.values()),
            # The shortest form: searching for it also finds the longer ones (行動計画, 日露行動計画).
            search="?" + urlencode({"q": min(entry.forms, key=len)}))

    @staticmethod
    def _record_place(url: str, record: Record) -> GlossaryPlace:
        return GlossaryPlace(urls.rel(url, urls.record_url(record.id)), record.title, record.date)

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

    def timeline_page(self) -> str:
        url = urls.TIMELINE
        by_id = {r.id: r for r in self.data.records}
        groups: list[dict] = []
        several = len(by_id) > 1
        for entry in self.data.timeline:
            if not groups or groups[-1]["key"] != entry.group:
                groups.append({"key": entry.group, "events": []})
            # Links by record; with several records, each record's passage labels follow its title.
            by_record: list[EventLinks] = []
            last = None
            for link in entry.links:
                record = by_id[link.record]
                if record is not last:
                    named = several and link.passage is not None
                    by_record.append(EventLinks([], record.title if named else None, record.date if named else None))
                    last = record
                by_record[-1].links.append(TimelineLink(
                    urls.rel(url, self.passage_url(record, link.passage) if link.passage
                             else urls.record_url(link.record)),
                    link.label if link.passage else record.title))
            groups[-1]["events"].append(event_html(EventView(
                id=entry.id, kind=entry.kind, kind_en=TIMELINE_KINDS[entry.kind][1], origin=entry.origin,
                hourly=entry.precision == "minute", recurring=entry.recurring, date=entry.date,
                when=english_date(entry), ja=entry.ja, source=entry.source, links=by_record,
                en=(entry.en or self.timeline_en(entry, by_id)) if self.data.english else None)))
        for group in groups:
            group["events"] = Markup("\n".join(group["events"]))
        return self.page("timeline.html", {
            "title": "年表 Timeline",
            "description": "会談の経過と、記録で言及された出来事の年表。"
                           "Each meeting hour by hour, and the events the records refer to.",
            "ss_page": "timeline",
        }, groups=groups, url=url, english=self.data.english, several=several,
            long=len(self.data.timeline) > LONG_TIMELINE, json_href=urls.rel(url, "timeline.json"))

    def timeline_en(self, entry: Entry, by_id: dict[str, Record]) -> str:
        """English label of an event extracted from a record."""
        record = by_id[entry.links[0].record]
        if entry.id == f"record-{record.id}":
            return self.en(record.id, "title") or ""
        if "-session-" in entry.id:
            return self.en(record.id, f"session/{entry.id.rsplit('-', 1)[1]}") or ""
        return f"Date written in {entry.links[0].label}"

    # --- data ---------------------------------------------------------------------------
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
                "en": e.en or self.timeline_en(e, by_id), "source": e.source,
                "links": [(self.passage_url(by_id[l.record], l.passage) if l.passage else urls.record_url(l.record))
                          for l in e.links],
            })
        return {"events": events}


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


def countries(record: Record, meta: RecordMeta) -> list[str]:
    """Countries from metadata, else read from the title (日露 → Japan, Russia) or the lead."""
    if meta.countries:
        return meta.countries
    return [c.en for c in countries_in(record.title, record.lead[0].text if record.lead else "")]


def leaders(record: Record, meta: RecordMeta) -> list[str]:
    """Leaders from metadata, else the record's own speakers that carry a leader's title."""
    if meta.leaders:
        return meta.leaders
    names = [s for t in record.topics for st in t.statements for s in st.speakers
             if s.endswith(LEADER_TITLES) and s not in LEADER_TITLES]  # a bare 総理 names nobody
    return list(dict.fromkeys(names))


def _record_fields(record: Record, meta: RecordMeta, title_en: str | None) -> dict:
    """Front matter for link previews, JSON-LD and citations (raw text: the theme hooks escape it)."""
    return {"ss_record_title": record.title, "ss_record_title_en": title_en, "ss_date": record.date,
            "ss_era_date": record.era_date, "ss_venue": record.venue, "ss_source_url": meta.source_url,
            "ss_publisher": meta.publisher, "ss_publisher_en": meta.publisher_en}


def _plain_title(record: Record) -> str:
    return f"{record.title}（{record.era_date}）" if record.era_date else record.title


def topic_name(topic: Topic) -> str:
    """A topic's title, or for a topic that is running text its first words ('冒頭、ハワード首相から、…')."""
    if topic.title:
        return topic.title
    first = next((p.text for p in topic.lead + [p for st in topic.statements for p in st.paragraphs]), "")
    return first[:20] + ("…" if len(first) > 20 else "")


def _description(record: Record, title_en: str | None) -> str:
    lead = record.lead[0].text if record.lead else ""
    text = f"{record.title} {record.era_date or ''}: {lead}"
    text = text[:110] + ("…" if len(text) > 110 else "")
    return f"{text} {title_en}" if title_en else text


def _topic_description(topic: Topic, title_en: str | None) -> str:
    first = next((p.text for st in topic.statements for p in st.paragraphs), "")
    text = f"{topic.marker}{topic.title or ''} {first}"
    text = text[:110] + ("…" if len(text) > 110 else "")
    return f"{text} ({title_en})" if title_en else text


def _bytecode_cache() -> FileSystemBytecodeCache | None:
    """Compiled templates kept beside them, as Python keeps .pyc files: compiling the six templates
    took 50 ms of every build. Jinja checks each against its template's source before using it."""
    folder = os.path.join(TEMPLATES, "__pycache__")
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(folder, "%s.jinja") if os.access(folder, os.W_OK) else None


def _yaml(mapping: dict) -> str:
    return yaml.dump(mapping, Dumper=_DUMPER, allow_unicode=True, sort_keys=True, width=10_000)


def _strings_yaml(mapping: dict[str, str]) -> str:
    """A mapping of strings as YAML, keys sorted, each value double-quoted: what a page's own front
    matter needs, some ten times faster than the YAML emitter (one call per page adds up)."""
    return "".join(f"{key}: {quoted(mapping[key])}\n" for key in sorted(mapping))


def _json(data) -> str:
    # Compact: json's C encoder only runs without indent, and these files are for programs
    # (one object per line would not help a reader of 1,000 records either).
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
