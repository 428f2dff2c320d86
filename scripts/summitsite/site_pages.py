"""The collection's pages: home (the records), the glossary and the timeline."""
from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlencode

from markupsafe import Markup

from . import urls
from .blocks import (EventLinks, EventView, GlossaryPlace, GlossaryView, TimelineLink, event_html,
                     glossary_entry_html, label)
from .content import GlossaryEntry
from .model import Record
from .timeline import english_date, japanese_date, passage_label

if TYPE_CHECKING:
    from .render import Renderer

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
# A glossary entry lists its passages in this many records at most, so that the glossary page stays
# the same size however many records there are; a search link finds the rest.
GLOSSARY_RECORDS = 3
# Below this many records the home page lists them without a filter (there is nothing to narrow).
FILTER_FROM = 10
# A timeline of this many records or fewer opens with a link to each meeting; beyond, with the years.
MEETING_JUMPS = 10


class SitePages:
    """Renders the home, glossary and timeline pages; ``renderer`` gives the site's data and templates."""

    def __init__(self, renderer: "Renderer"):
        self.r = renderer
        self.by_id = {rec.id: rec for rec in renderer.data.records}

    def home(self, records: list[Record]) -> str:
        """The records, newest first; with a filter once there are enough of them to need one."""
        rows = []
        for rec in reversed(records):
            rows.append({"r": rec, "url": urls.record_url(rec.id), "title_en": self.r.en(rec.id, "title"),
                         "countries": self.r.countries(rec), "leaders": self.r.leaders(rec),
                         "lead": (rec.lead[0].text if rec.lead else "")[:90]})
        return self.r.page("home.html", {
            "title": "ホーム",
            "description": "外務省の首脳会談記録（概要）を原文のまま、英訳・用語解説・年表とともに読む。"
                           "MOFA summit records in the original Japanese with English, glossary and timeline.",
            "ss_page": "home",
        }, rows=rows, url=urls.HOME, english=self.r.data.english, filter=len(rows) >= FILTER_FROM,
            label=lambda j, e: Markup(label(j, e)))

    # --- glossary ---------------------------------------------------------------------------------
    def glossary(self) -> str:
        url = urls.GLOSSARY
        groups = []
        for kind, labels in KIND_LABELS.items():
            entries = sorted((e for e in self.r.data.glossary if e.kind == kind),
                             key=lambda e: (next(iter(e.forms.values())) or next(iter(e.forms)), e.id))
            if entries:
                groups.append({"kind": kind, "labels": labels,
                               "entries": [Markup(glossary_entry_html(self.glossary_view(e, url))) for e in entries]})
        return self.r.page("glossary.html", {
            "title": "用語集 Glossary",
            "description": f"記録に登場する人物・地名・組織・条約・出来事・用語 {len(self.r.data.glossary)} 項目の"
                           "読みと英訳。Readings, English and notes for the people, places and terms of the records.",
            "ss_page": "glossary",
        }, groups=groups, url=url, english=self.r.data.english, label=lambda j, e: Markup(label(j, e)))

    def glossary_view(self, entry: GlossaryEntry, url: str) -> GlossaryView:
        """An entry with the records it is limited to and where it occurs, by record: the passages of
        the first ``GLOSSARY_RECORDS`` records, how many records and passages there are in all, and a
        search for the rest."""
        by_record: dict[str, list[str]] = {}
        for rid, anchor in self.r.data.occurrences.get(entry.id, []):
            by_record.setdefault(rid, []).append(anchor)
        shown = list(by_record.items())[:GLOSSARY_RECORDS]
        return GlossaryView(
            entry=entry,
            only_in=[self._record_place(url, self.by_id[rid]) for rid in entry.records if rid in self.by_id],
            records=[(self._record_place(url, self.by_id[rid]),
                      [GlossaryPlace(urls.rel(url, self.r.passage_url(self.by_id[rid], anchor)),
                                     passage_label(self.by_id[rid], anchor)) for anchor in anchors])
                     for rid, anchors in shown],
            more=len(by_record) - len(shown),
            passages=sum(len(anchors) for anchors in by_record.values()),
            # The shortest form: searching for it also finds the longer ones (行動計画, 日露行動計画).
            search="?" + urlencode({"q": min(entry.forms, key=len)}))

    @staticmethod
    def _record_place(url: str, record: Record) -> GlossaryPlace:
        return GlossaryPlace(urls.rel(url, urls.record_url(record.id)), record.title, record.date)

    # --- timeline ---------------------------------------------------------------------------------
    def timeline(self) -> str:
        url = urls.TIMELINE
        groups: list[dict] = []
        several = len(self.by_id) > 1
        for entry in self.r.data.timeline:
            if not groups or groups[-1]["key"] != entry.group:
                groups.append({"key": entry.group, "events": []})
            # Links by record; with several records, each record's passage labels follow its title.
            by_record: list[EventLinks] = []
            last = None
            for link in entry.links:
                record = self.by_id[link.record]
                if record is not last:
                    named = several and link.passage is not None
                    by_record.append(EventLinks([], record.title if named else None, record.date if named else None))
                    last = record
                by_record[-1].links.append(TimelineLink(
                    urls.rel(url, self.r.passage_url(record, link.passage) if link.passage
                             else urls.record_url(link.record)),
                    link.label if link.passage else record.title))
            kind_ja, kind_en = TIMELINE_KINDS[entry.kind]
            groups[-1]["events"].append(event_html(EventView(
                id=entry.id, kind=entry.kind, kind_ja=kind_ja, kind_en=kind_en, origin=entry.origin,
                hourly=entry.precision == "minute", recurring=entry.recurring, date=entry.date,
                when=english_date(entry), when_ja=japanese_date(entry), ja=entry.ja, source=entry.source,
                links=by_record, en=(entry.en or self.r.timeline_en(entry)) if self.r.data.english else None)))
        for group in groups:
            group["events"] = Markup("\n".join(group["events"]))
        return self.r.page("timeline.html", {
            "title": "年表 Timeline",
            "description": "会談の経過と、記録で言及された出来事の年表。"
                           "Each meeting hour by hour, and the events the records refer to.",
            "ss_page": "timeline",
        }, groups=groups, url=url, english=self.r.data.english, several=several,
            meetings=self.meetings() if len(self.by_id) <= MEETING_JUMPS else [],
            years=[g["key"] for g in groups if g["key"] != "recurring"], TIMELINE_KINDS=TIMELINE_KINDS,
            long=len(self.r.data.timeline) > LONG_TIMELINE, json_href=urls.rel(url, "timeline.json"),
            label=lambda j, e: Markup(label(j, e)))

    def meetings(self) -> list[dict]:
        """Each record's meeting on the timeline, newest first, for the jumps at its top."""
        found = []
        for entry in self.r.data.timeline:
            if entry.origin == "record" and entry.links and entry.id == f"record-{entry.links[0].record}":
                found.append({"id": entry.id, "ja": entry.ja, "when": japanese_date(entry),
                              "en": english_date(entry)})
        return list(reversed(found))
