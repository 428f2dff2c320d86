"""A record's pages: its overview (head, provenance, facts, lead, and its topics, or every passage when it
is one page) and one page per titled topic. Page layout is in the templates (overview.html, topic.html);
the record's own text goes through ``blocks`` (escaped, with readings and terms around it)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from markupsafe import Markup

from . import urls
from .blocks import (Pair, PageMarkup, PassageView, TimelineLink, TopicLink, escape, label, pair_html,
                     passage_html, topic_list_html)
from .countries import japanese_names
from .model import Item, Paragraph, Record, Statement, Topic

if TYPE_CHECKING:
    from .render import Renderer


class RecordPages:
    """Renders the pages of records; ``renderer`` gives the site's data, templates and English."""

    def __init__(self, renderer: "Renderer"):
        self.r = renderer
        self.timeline_by_passage: dict[tuple[str, str], list] = {}
        self.events_by_record: dict[str, list] = {}  # the events shown beside a record's passages
        for entry in renderer.data.timeline:
            for link in entry.links:
                if link.passage:
                    self.timeline_by_passage.setdefault((link.record, link.passage), []).append(entry)
                    self.events_by_record.setdefault(link.record, []).append(entry)

    def files(self, record: Record) -> dict[str, str]:
        """The overview, the topic pages (for a record with titled topics) and record.json."""
        files = {urls.source_path(urls.record_url(record.id)): self.overview(record)}
        siblings = self.sibling_links(record) if record.paged else []
        for index, topic in enumerate(record.topics if record.paged else []):
            files[urls.source_path(urls.topic_url(record.id, topic.slug))] = self.topic_page(record, index, siblings)
        files[f"{record.id}/record.json"] = self.r.json_text(self.r.record_json(record))
        return files

    # --- pages ----------------------------------------------------------------------------------
    def overview(self, record: Record) -> str:
        """A record's page: its head, provenance and lead, then the list of its topics; a record with no
        titled topic (numbered paragraphs, as telephone talks are written) holds every passage here."""
        url = urls.record_url(record.id)
        meta = self.r.data.metas[record.id]
        title_en = self.r.en(record.id, "title")
        ja = self.r.markup(record.id).page(url)
        countries = self.r.countries(record)
        return self.r.page("overview.html", {
            "title": self.r.plain_title(record),
            "description": self.r.description(record, title_en),
            "ss_page": "overview", "ss_record": record.id,
        }, record, nav=self.nav(record, url, None), r=record, meta=meta, url=url,
            en=lambda k: self.r.en(record.id, k), ja=ja,
            pair=lambda prefix, text, en_text: Markup(pair_html(Pair(prefix, text, en_text), ja)),
            topic_body=lambda t: self.topic_body(record, t, url, ja), english_note=self.english_note(record),
            provenance=self.provenance(record, url),
            closing=self.closing(record, ja) if not record.paged else Markup(""),
            topic_list=Markup(topic_list_html(self.topic_links(record, url))) if record.paged else None,
            countries=countries, countries_ja=japanese_names(countries), json_url="record.json", label=lambda j, e: Markup(label(j, e)))

    def topic_page(self, record: Record, index: int, siblings: list[TopicLink]) -> str:
        """A topic's page; ``siblings`` are the links from any topic page of the record to each topic."""
        topic = record.topics[index]
        url = urls.topic_url(record.id, topic.slug)
        title_en = siblings[index].en
        ja = self.r.markup(record.id).page(url)
        neighbours = {"prev": index - 1 if index > 0 else None,
                      "next": index + 1 if index + 1 < len(record.topics) else None}
        return self.r.page("topic.html", {
            "title": f"{topic.marker}{topic_name(topic)} — {self.r.plain_title(record)}",
            "description": self.r.topic_description(topic, title_en),
            "ss_page": "topic", "ss_record": record.id,
        }, record, nav=self.nav(record, url, index), r=record, t=topic, url=url, ja=ja, title_en=title_en,
            neighbours={k: {"label": siblings[i].ja, "url": siblings[i].href} if i is not None else None
                        for k, i in neighbours.items()},
            topic_body=self.topic_body(record, topic, url, ja), topic_label=topic.marker + topic_name(topic),
            english_note=self.english_note(record), provenance=self.provenance(record, url),
            closing=self.closing(record, ja) if index == len(record.topics) - 1 else Markup(""),
            record_href=urls.rel(url, urls.record_url(record.id)), home_href=urls.rel(url, urls.HOME),
            label=lambda j, e: Markup(label(j, e)))

    # --- navigation -----------------------------------------------------------------------------
    def topic_links(self, record: Record, page_url: str) -> list[TopicLink]:
        return [TopicLink(urls.rel(page_url, urls.topic_url(record.id, t.slug)), t.marker + topic_name(t),
                          self.r.en(record.id, f"t{t.number}")) for t in record.topics]

    def sibling_links(self, record: Record) -> list[TopicLink]:
        """Links between topic pages: they are siblings, so a link to a topic is the same from every
        topic page but its own (which shows no link to itself)."""
        first, *rest = [urls.topic_url(record.id, t.slug) for t in record.topics]
        links = self.topic_links(record, first)
        if rest:  # the first topic as linked from its siblings
            links[0].href = urls.rel(rest[0], first)
        return links

    def nav(self, record: Record, url: str, current: int | None) -> list[dict]:
        """The left navigation of a record's page (and the phone's menu): the record, then its topics,
        the page itself marked current. Front matter that overrides/main.html renders."""
        items = [{"href": urls.rel(url, urls.record_url(record.id)), "ja": record.title,
                  "en": self.r.en(record.id, "title") or "", "current": current is None, "level": 1}]
        for index, link in enumerate(self.topic_links(record, url) if record.paged else []):
            items.append({"href": link.href, "ja": link.ja, "en": link.en or "", "current": index == current,
                          "level": 2})
        return items

    # --- the record's text ----------------------------------------------------------------------
    def topic_body(self, record: Record, topic: Topic, url: str, ja: PageMarkup) -> Markup:
        """A topic's text: its lead, then its statements (the title is the page's or the list's)."""
        lead = [Markup(pair_html(Pair(topic_prefix(topic, p), p.text, self.r.en(record.id, f"t{topic.number}/lead/p{k}")),
                                 ja)) for k, p in enumerate(topic.lead, 1)]
        parts = ([Markup(f'<div class="ss-topic-lead" id="t{topic.number}-lead">')] + lead + [Markup("</div>")]
                 if lead else [])
        parts += [Markup(passage_html(self.passage_view(record, st, url), ja)) for st in topic.statements]
        return Markup("\n").join(parts)

    def closing(self, record: Record, ja: PageMarkup) -> Markup:
        """The record's text after its last topic ('【参考】…')."""
        if not record.closing:
            return Markup("")
        pairs = [Markup(pair_html(Pair(p.indent, p.text, self.r.en(record.id, f"closing/p{k}")), ja))
                 for k, p in enumerate(record.closing, 1)]
        return Markup('<section class="ss-closing" id="closing">\n') + Markup("\n").join(pairs) + \
            Markup("\n</section>")

    def passage_view(self, record: Record, passage: Statement | Item, url: str) -> PassageView:
        """What a page shows of one statement or item: paragraphs paired with their English."""
        is_item = isinstance(passage, Item)
        head = passage.indent + passage.marker + passage.sep
        topic = record.topics[int(re.match(r"s(\d+)", passage.id).group(1)) - 1]
        en = self.r.en
        pairs = [Pair(head if k == 1 and p.line == passage.line and passage.marker else topic_prefix(topic, p),
                      p.text, en(record.id, f"{passage.id}/p{k}"))
                 for k, p in enumerate(passage.paragraphs, 1)]
        tail = [] if is_item else [Pair(p.indent, p.text, en(record.id, f"{passage.id}/p{k}"))
                                   for k, p in enumerate(passage.tail, len(passage.paragraphs) + 1)]
        title = None
        if not is_item and passage.title:
            title = Pair(head, passage.title, en(record.id, f"{passage.id}/title"))
        elif not pairs and passage.marker:
            title = Pair(head, "", None)
        events = self.timeline_by_passage.get((record.id, passage.id), [])
        return PassageView(
            id=passage.id, label=record.labels[passage.id], is_item=is_item, speakers=passage.speakers,
            title=title, pairs=pairs, tail=tail,
            children=[] if is_item else [self.passage_view(record, it, url) for it in passage.items],
            timeline=[TimelineLink(urls.rel(url, f"{urls.TIMELINE}#{e.id}"), e.ja) for e in events])

    # --- around the text ------------------------------------------------------------------------
    def provenance(self, record: Record, url: str) -> Markup:
        """Where the text comes from, near the title of each of the record's pages: the MOFA page, its
        date line, MOFA's own English outline where there is one, and that the English is this site's."""
        meta = self.r.data.metas[record.id]
        publisher = meta.publisher or "外務省"
        named = f"{publisher}「{record.title}」"
        source = (f'<a href="{escape(meta.source_url)}" rel="noopener" lang="ja">{escape(named)}</a>'
                  if meta.source_url else f'<span lang="ja">{escape(named)}</span>')
        when = f' <span lang="ja">{escape(record.era_date or record.date or "")}</span>'
        parts = [f'<p class="ss-source"><span class="ss-label">{label("出典", "Source")}</span> {source}{when}']
        if meta.source_url_en:
            parts.append(f' <a class="ss-en" href="{escape(meta.source_url_en)}" rel="noopener" lang="en">'
                         "MOFA's English outline</a>")
        parts.append("</p>")
        c = self.r.coverage.get(record.id)
        if self.r.data.english and c is not None and c.translated:
            parts.append('<p class="ss-unofficial"><span lang="ja">英文は当サイトによる参考訳（非公式）</span> '
                         '<span lang="en">English: this site\'s unofficial translation, not MOFA\'s</span></p>')
        return Markup("".join(parts))

    def english_note(self, record: Record) -> Markup:
        """A line near the top of a record's pages when its English is missing or partial (nothing on a
        Japanese-only site, where no page has English)."""
        c = self.r.coverage.get(record.id)
        if not self.r.data.english or c is None or c.translated == c.total:
            return Markup("")
        if c.translated == 0:
            text = ('<span lang="ja">この記録の英訳はまだありません。</span> '
                    '<span lang="en">No English rendering of this record yet: the Japanese is shown alone.</span>')
        else:
            text = (f'<span lang="ja">英訳は{c.total}段落のうち{c.translated}段落のみです。</span> '
                    f'<span lang="en">English for {c.translated} of {c.total} paragraphs so far.</span>')
        state = "none" if c.translated == 0 else "partial"
        return Markup(f'<p class="ss-note ss-no-english" role="note" data-ss-english="{state}">{text}</p>')


def topic_prefix(topic: Topic, paragraph: Paragraph) -> str:
    """What stands before a paragraph: the topic's number when the paragraph is the rest of an untitled
    topic's line ('1 冒頭,…'), else the paragraph's own indent."""
    if paragraph.line == topic.line and topic.title is None:
        return topic.indent + topic.marker + topic.sep
    return paragraph.indent


def topic_name(topic: Topic) -> str:
    """A topic's title, or for a topic that is running text its first words ('冒頭、ハワード首相から、…')."""
    if topic.title:
        return topic.title
    first = next((p.text for p in topic.lead + [p for st in topic.statements for p in st.paragraphs]), "")
    return first[:20] + ("…" if len(first) > 20 else "")
