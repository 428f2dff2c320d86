"""HTML for the record's own text: term-marked Japanese, English runs, paired paragraphs, passages.

These blocks run tens of thousands of times in a large collection (every paragraph of every
record), so they are built as escaped strings here rather than as Jinja macros, which were half
of the generator's rendering time. Page layout stays in the Jinja templates, which call these.

Every value from a record or a content file goes through ``escape``, which gives exactly what
markupsafe's escape (Jinja's autoescape) gives, so record text is never read as HTML, Markdown or Jinja.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from markupsafe import Markup

from . import urls
from .content import GlossaryEntry
from .terms import TermMatcher

def escape(text: str) -> str:
    """``text`` with & < > " ' escaped exactly as markupsafe escapes them (tested to match): five
    C-level replaces, without markupsafe's Markup object, cost a third as much on short strings."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&#34;").replace("'", "&#39;"))


KANJI = re.compile(r"[\u4e00-\u9fff\u3005]")
CJK_RUN = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]+(?:[\s・ー]*[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]+)*")


@dataclass
class Pair:
    """One paragraph as shown: the marker or indent before it, the Japanese, and its English if any."""

    prefix: str
    text: str
    en: str | None


@dataclass
class TimelineLink:
    href: str
    ja: str


@dataclass
class TopicLink:
    """A topic in a record's list of topics: its link, its marker and title as written, its English."""

    href: str
    ja: str
    en: str | None


@dataclass
class PassageView:
    """A statement or item ready to show; ``title`` is a statement's sub-title line."""

    id: str
    label: str
    is_item: bool
    speakers: list[str]
    title: Pair | None
    pairs: list[Pair]
    children: list[PassageView]
    timeline: list[TimelineLink]
    tail: list[Pair] = field(default_factory=list)  # a statement's paragraphs after its items


@dataclass
class EventLinks:
    """An event's links into one record; ``title`` and ``date`` name the record when several are shown."""

    links: list[TimelineLink]
    title: str | None = None
    date: str | None = None


@dataclass
class EventView:
    """One timeline event as shown: ``when`` in English, ``kind_en`` its kind's label, ``en`` its
    English (None for none or a Japanese-only site)."""

    id: str
    kind: str
    kind_en: str
    origin: str
    hourly: bool
    recurring: bool
    date: str
    when: str
    ja: str
    en: str | None
    source: str | None
    links: list[EventLinks]


class JapaneseMarkup:
    """Japanese text with every glossary form linked to its entry, with a ruby reading when the
    form has kanji. The characters are the record's own: markup only goes around them."""

    def __init__(self, entries: list[GlossaryEntry]):
        self.matcher = TermMatcher(entries)
        # Everything of a term's link after the page-relative path to the glossary is the same on
        # every page, so it is made once per form.
        self._tails = {form: self._tail(form, entry, reading)
                       for form, (entry, reading) in self.matcher.by_form.items()}
        self._glossary_links: dict[str, str] = {}

    @staticmethod
    def _tail(form: str, entry: GlossaryEntry, reading: str) -> str:
        shown = reading if reading != form else ""
        gloss = f"{shown} · {entry.en}" if shown else entry.en
        inner = escape(form)
        if reading and KANJI.search(form):
            inner = f'<ruby>{inner}<rt data-r="{escape(reading)}"></rt></ruby>'
        return (f'g-{escape(entry.id)}" data-gloss="{escape(gloss)}" '
                f'aria-label="{escape(f"{form}（{gloss}）")}">{inner}</a>')

    def glossary_link(self, page_url: str) -> str:
        """The escaped relative link from ``page_url`` to the glossary page, up to its '#'."""
        link = self._glossary_links.get(page_url)
        if link is None:
            link = escape(urls.rel(page_url, urls.GLOSSARY + "#g")[:-1])
            self._glossary_links[page_url] = link
        return link

    def __call__(self, text: str, page_url: str) -> Markup:
        start = f'<a class="ss-term" href="{self.glossary_link(page_url)}'
        out, pos = [], 0
        for m in self.matcher.finditer(text):
            if m.start() > pos:
                out.append(escape(text[pos:m.start()]))
            out.append(start)
            out.append(self._tails[m.group(0)])
            pos = m.end()
        out.append(escape(text[pos:]))
        return Markup("".join(out))


def english_runs(text: str) -> Markup:
    """English text whose Japanese words (外相, 日ソ) are marked lang="ja", so they render as Japanese."""
    out, pos = [], 0
    for m in CJK_RUN.finditer(text):
        out.append(escape(text[pos:m.start()]))
        out.append(f'<span lang="ja">{escape(m.group(0))}</span>')
        pos = m.end()
    out.append(escape(text[pos:]))
    return Markup("".join(out))


def pair_html(pair: Pair, ja: JapaneseMarkup, url: str, cls: str = "") -> str:
    """A paragraph in Japanese with its English beside it (``ss-pair--solo`` when there is none)."""
    classes = "ss-pair" + (" ss-pair--solo" if pair.en is None else "") + (f" {escape(cls)}" if cls else "")
    marker = f'<span class="ss-marker">{escape(pair.prefix)}</span>' if pair.prefix else ""
    lines = [f'<div class="{classes}">', f'<p class="ss-ja" lang="ja" data-ss-text>{marker}{ja(pair.text, url)}</p>']
    if pair.en is not None:
        lines.append(f'<p class="ss-en" lang="en">{english_runs(pair.en)}</p>')
    lines.append("</div>")
    return "\n".join(lines)


def passage_html(view: PassageView, ja: JapaneseMarkup, url: str) -> str:
    """A statement or item: its permalink and cite bar, speakers, paragraphs, items and timeline links."""
    pid, label = escape(view.id), escape(view.label)
    kind = "ss-item" if view.is_item else "ss-statement"
    lines = [f'<section class="ss-passage {kind}" id="{pid}" data-passage="{label}">',
             '<div class="ss-passage__bar">',
             f'<a class="ss-permalink" href="#{pid}" title="Link to this passage / この段落へのリンク">'
             f'<span lang="ja">{label}</span><span class="ss-visually-hidden" lang="en"> permalink</span></a>',
             f'<button type="button" class="ss-cite-open ss-js-only" data-ss-cite="{pid}" aria-haspopup="dialog">'
             f'<span lang="ja">引用</span> <span lang="en">Cite</span>'
             f'<span class="ss-visually-hidden" lang="ja"> {label}</span></button>']
    if view.speakers:
        names = "".join(f'<span class="ss-speaker">{escape(s)}</span>' for s in view.speakers)
        lines.append(f'<span class="ss-speakers"><span class="ss-label" lang="en">Speakers</span> '
                     f'<span lang="ja">{names}</span></span>')
    lines.append("</div>")
    if view.title:
        lines.append(pair_html(view.title, ja, url, "ss-subtitle"))
    lines += [pair_html(p, ja, url) for p in view.pairs]
    lines += [passage_html(child, ja, url) for child in view.children]
    lines += [pair_html(p, ja, url) for p in view.tail]
    if view.timeline:
        links = "".join(f'<a href="{escape(t.href)}" lang="ja">{escape(t.ja)}</a>' for t in view.timeline)
        lines.append(f'<p class="ss-timeline-links"><span class="ss-label" lang="en">Timeline</span> {links}</p>')
    lines.append("</section>")
    return "\n".join(lines)


def event_html(x: EventView) -> str:
    """A timeline event: when, its badges, its text in Japanese (and English), its links and source."""
    kind, origin = escape(x.kind), escape(x.origin)
    when = (f'<span lang="en">{escape(x.when)}</span>' if x.recurring else
            f'<time datetime="{escape(x.date)}" lang="en">{escape(x.when)}</time>')
    badge = "In the record" if x.origin == "record" else "Editors"
    en = f' <span class="ss-en" lang="en">{english_runs(x.en)}</span>' if x.en else ""
    lines = [f'<li class="ss-event ss-event--{kind} ss-event--{origin}{" ss-event--hour" if x.hourly else ""}" '
             f'id="{escape(x.id)}" data-kind="{kind}">',
             f'<p class="ss-event__when">{when} <span class="ss-badge ss-badge--{origin}" lang="en">{badge}</span> '
             f'<span class="ss-badge" lang="en">{escape(x.kind_en)}</span></p>',
             f'<p class="ss-event__label"><span lang="ja">{escape(x.ja)}</span>{en}</p>']
    # The links, the source and the end of the item share one line (as the template made them).
    tail = ""
    if x.links:
        parts = []
        for group in x.links:
            if group.title is not None:
                parts.append(f'<span class="ss-event__record" lang="ja">{escape(group.title)}</span>')
                if group.date:
                    parts.append(f' <time class="ss-event__record-date" datetime="{escape(group.date)}" '
                                 f'lang="en">({escape(group.date)})</time>')
                parts.append(" ")
            parts += [f'<a href="{escape(link.href)}" lang="ja">{escape(link.ja)}</a>' for link in group.links]
        tail = f'<p class="ss-event__links">{"".join(parts)}</p>'
    if x.source:
        tail += f'<p class="ss-event__source ss-small" lang="en">Source: {english_runs(x.source)}</p>'
    lines.append(tail + "</li>")
    return "\n".join(lines)


def topic_list_html(links: list[TopicLink], current: int | None = None) -> str:
    """A record's topics as an ordered list; the one at index ``current`` is the page itself."""
    lines = ["<ol>"]
    for index, link in enumerate(links):
        label = f'<span lang="ja">{escape(link.ja)}</span>'
        if link.en:
            label += f' <span class="ss-en" lang="en">{english_runs(link.en)}</span>'
        if index == current:
            lines.append(f'<li><span aria-current="page">{label}</span></li>')
        else:
            lines.append(f'<li><a href="{escape(link.href)}">{label}</a></li>')
    lines.append("</ol>")
    return "\n".join(lines)


@dataclass
class GlossaryPlace:
    """A link from a glossary entry: to a record (``label`` its title, ``date`` its date) or a passage."""

    href: str
    label: str
    date: str | None = None


@dataclass
class GlossaryView:
    """A glossary entry as shown: the records it is limited to, and where it occurs, by record (the
    first few; ``more`` records beyond them, ``passages`` in all, ``search`` for the rest)."""

    entry: GlossaryEntry
    only_in: list[GlossaryPlace]
    records: list[tuple[GlossaryPlace, list[GlossaryPlace]]]
    more: int
    passages: int
    search: str


def glossary_entry_html(x: GlossaryView) -> str:
    """A glossary entry: its forms with readings, its English and note, and where it occurs. A glossary
    of a hundred entries each linking tens of passages took a template a tenth of a small build."""
    e = x.entry
    eid = escape(e.id)
    forms = "".join(f'<span class="ss-form"><span lang="ja" data-ja-text>{escape(form)}</span>'
                    + (f' <span class="ss-reading" lang="ja">{escape(reading)}</span>' if reading else "") + "</span>"
                    for form, reading in e.forms.items())
    out = [f'<div class="ss-gloss__entry" id="g-{eid}">\n'
           f'<dt>{forms}<a class="ss-permalink ss-permalink--small" href="#g-{eid}" '
           f'aria-label="Link to entry {escape(e.en)}">#</a></dt>\n'
           f'<dd><p class="ss-gloss__en" lang="en"><strong>{english_runs(e.en)}</strong> — {english_runs(e.note)}</p>\n']
    if x.only_in:
        out.append('<p class="ss-gloss__scope"><span class="ss-label" lang="en">Marked only in</span> '
                   + "".join(f'<a href="{escape(o.href)}" lang="ja">{escape(o.label)}</a>' for o in x.only_in) + "</p>")
    if x.records:
        items = []
        for record, passages in x.records:
            date = f' <time datetime="{escape(record.date)}" lang="en">{escape(record.date)}</time>' if record.date else ""
            items.append(f'<li><a class="ss-gloss__record" href="{escape(record.href)}" lang="ja">{escape(record.label)}</a>'
                         f'{date} ' + "".join(f'<a href="{escape(o.href)}" lang="ja">{escape(o.label)}</a>'
                                              for o in passages) + "</li>")
        out.append('<div class="ss-gloss__occ"><span class="ss-label" lang="en">Occurs in</span>\n<ul>\n'
                   + "".join(items) + "</ul>\n")
        if x.more:
            out.append(f'<p class="ss-gloss__more" lang="en">and {x.more} more record{"s" if x.more > 1 else ""} '
                       f'({x.passages} passages in all) <a class="ss-js-only" href="{escape(x.search)}">search them</a></p>')
        out.append("</div>\n")
    out.append("</dd>\n</div>")
    return "".join(out)

