"""HTML for the record's own text: term-marked Japanese, English runs, paired paragraphs, passages.

These blocks run tens of thousands of times in a large collection (every paragraph of every
record), so they are built as escaped strings here rather than as Jinja macros, which were half
of the generator's rendering time. Page layout stays in the Jinja templates, which call these.

Every value from a record or a content file goes through ``escape``, which gives exactly what
markupsafe's escape (Jinja's autoescape) gives, so record text is never read as HTML, Markdown or Jinja.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from markupsafe import Markup

from . import urls
from .content import GlossaryEntry
from .furigana import Readings, shown_reading
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
    kind_ja: str
    kind_en: str
    origin: str
    hourly: bool
    recurring: bool
    date: str
    when: str
    when_ja: str
    ja: str
    en: str | None
    source: str | None
    links: list[EventLinks]


class JapaneseMarkup:
    """Japanese text with readings over its kanji, word by word (``furigana.Readings``), and a
    glossary term marked (linked to its entry, with its reading, English and note for the popover) at
    its first occurrence on a page. The characters are the record's own: markup only goes around them."""

    def __init__(self, entries: list[GlossaryEntry], readings: Readings):
        self.matcher = TermMatcher(entries)
        self.readings = readings
        # Everything of a term's opening tag after the page-relative path to the glossary is the same on
        # every page, so it is made once per form (each form has its own reading).
        self._attrs = {form: self._term_attributes(entry, form, reading)
                       for form, (entry, reading) in self.matcher.by_form.items()}
        self._glossary_links: dict[str, str] = {}

    @staticmethod
    def _term_attributes(entry: GlossaryEntry, form: str, reading: str) -> str:
        # The popover shows the reading (hiragana, or for a name in katakana its katakana), the English and
        # the note in Japanese; the link goes to the entry. Only one term of a passage is a tab stop
        # (assets/site.js moves focus among the others with the arrow keys).
        note = f' data-note="{escape(entry.note_ja)}"' if entry.note_ja else ""
        return (f'g-{escape(entry.id)}" tabindex="-1" data-r="{escape(shown_reading(form, reading))}" data-en="{escape(entry.en)}"{note}>')

    def glossary_link(self, page_url: str) -> str:
        """The escaped relative link from ``page_url`` to the glossary page, up to its '#'."""
        link = self._glossary_links.get(page_url)
        if link is None:
            link = escape(urls.rel(page_url, urls.GLOSSARY + "#g")[:-1])
            self._glossary_links[page_url] = link
        return link

    def page(self, page_url: str) -> "PageMarkup":
        """The markup for one page, which marks each term only where it first occurs on it."""
        return PageMarkup(self, page_url)

    def html(self, text: str, page_url: str, marked: set[str] | None) -> str:
        """``text`` as HTML: escaped, readings over its kanji, and (unless ``marked`` is None) the terms
        not in ``marked`` linked, which are then added to it."""
        terms = []
        if marked is not None:
            for m in self.matcher.finditer(text):
                entry = self.matcher.by_form[m.group()][0]
                if entry.id not in marked:
                    marked.add(entry.id)
                    terms.append((m.start(), m.end(), m.group()))
        # A word's reading is left out rather than cut by a term's edge; words that touch share one ruby
        # unless it would cut a term (a term may lie inside a ruby, or a ruby inside a term).
        edges = {edge for start, end, _form in terms for edge in (start, end)}
        spans = [(a, b, r) for a, b, r in self.readings.spans(text) if not any(a < e < b for e in edges)]
        spans = within_terms(spans, terms)
        link = self.glossary_link(page_url) if terms else ""
        elements = [(start, end, "a", form) for start, end, form in terms]
        runs = joined(spans, terms)
        tight = crowded(runs, text)
        elements += [(start, end, "ruby", f'<rt data-r="{escape(reading)}"{tight.get(start, "")} aria-hidden="true">')
                     for start, end, reading in runs]
        # Outer before inner: the longer first where two open together, a term around a ruby of its length.
        elements.sort(key=lambda el: (el[0], -el[1], el[2]))
        out: list[str] = []
        pos = 0
        stack: list[tuple[int, str, str]] = []

        def close_until(at: int) -> None:
            nonlocal pos
            while stack and stack[-1][0] <= at:
                end, kind, data = stack.pop()
                out.append(escape(text[pos:end]))
                pos = end
                out.append("</a>" if kind == "a" else f"{data}</rt></ruby>")

        for start, end, kind, data in elements:
            close_until(start)
            out.append(escape(text[pos:start]))
            pos = start
            out.append(f'<a class="ss-term" href="{link}{self._attrs[data]}' if kind == "a" else "<ruby>")
            stack.append((end, kind, data))
        close_until(len(text))
        out.append(escape(text[pos:]))
        return "".join(out)


class PageMarkup:
    """``JapaneseMarkup`` for one page: each term marked once, where it first occurs in reading order."""

    def __init__(self, markup: JapaneseMarkup, page_url: str):
        self.markup, self.page_url = markup, page_url
        self.marked: set[str] = set()

    def __call__(self, text: str) -> Markup:
        """A paragraph of the record: readings and first occurrences of terms."""
        return Markup(self.markup.html(text, self.page_url, self.marked))

    def plain(self, text: str) -> Markup:
        """A heading of the record: readings only (its terms are marked in the text below)."""
        return Markup(self.markup.html(text, self.page_url, None))


def english_runs(text: str) -> Markup:
    """English text whose Japanese words (外相, 日ソ) are marked lang="ja", so they render as Japanese."""
    out, pos = [], 0
    for m in CJK_RUN.finditer(text):
        out.append(escape(text[pos:m.start()]))
        out.append(f'<span lang="ja">{escape(m.group(0))}</span>')
        pos = m.end()
    out.append(escape(text[pos:]))
    return Markup("".join(out))


MAX_RUBY = 12  # characters: a ruby never breaks across lines, so it must fit a phone's line


def within_terms(spans: list[tuple[int, int, str]], terms: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The touching words of one term read as one ruby (北方 + 四 + 島 → 北方四島 ほっぽうよんとう): a term is
    one word to its reader, and a ruby beside it may then hold it whole (see ``joined``)."""
    out: list[tuple[int, int, str]] = []
    for start, end, reading in spans:
        if out and out[-1][1] == start and end - out[-1][0] <= MAX_RUBY and any(
                s <= out[-1][0] and end <= e for s, e, _form in terms):
            out[-1] = (out[-1][0], end, out[-1][2] + reading)
        else:
            out.append((start, end, reading))
    return out


def joined(spans: list[tuple[int, int, str]], terms: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Readings of touching words joined into one ruby where they would run into each other (日露 + 協力 →
    日露協力 にちろきょうりょく: きょうりょく is wider than 協力), so a reading wider than its word only ever
    overhangs kana. A reading is half a character wide per kana. Never joined where the ruby would cut
    a term (hold part of it) or pass MAX_RUBY characters."""
    def excess(start: int, end: int, reading: str) -> float:
        return len(reading) / 2 - (end - start)

    def cuts_a_term(start: int, end: int) -> bool:
        return any(s < end and start < e and not (start <= s and e <= end) and not (s <= start and end <= e)
                   for s, e, _form in terms)

    out: list[tuple[int, int, str]] = []
    for span in spans:
        out.append(span)
        # A joined ruby may now run into the one before it (官房 + 副 + 長官): join again, leftwards.
        while len(out) > 1:
            (a, b, left), (c, d, right) = out[-2], out[-1]
            if b != c or excess(a, b, left) + excess(c, d, right) <= 0 or d - a > MAX_RUBY or cuts_a_term(a, d):
                break
            out[-2:] = [(a, d, left + right)]
    return out


def crowded(runs: list[tuple[int, int, str]], text: str) -> dict[int, str]:
    """The rubies that stay too wide for their place after ``joined`` (a run at MAX_RUBY, a word beside
    a narrow comma: 防衛協力,日印), as start → the attribute that closes up their reading's letters."""
    def width(chars: str) -> float:  # in characters of the text: a full-width one is 1, others (',') 1/4
        return sum(1 if unicodedata.east_asian_width(c) in "WF" else 0.25 for c in chars)

    out: dict[int, str] = {}
    for (a, b, left), (c, d, right) in zip(runs, runs[1:]):
        over = [(a, len(left) / 2 - (b - a)), (c, len(right) / 2 - (d - c))]
        if sum(x for _at, x in over) / 2 > width(text[b:c]):
            out.update({at: ' class="ss-tight"' for at, x in over if x > 0})
    return out


def label(ja: str, en: str) -> str:
    """A label in both languages: the English half hides with the English (html[data-en="0"])."""
    return f'<span lang="ja">{escape(ja)}</span><span class="ss-en" lang="en"> {escape(en)}</span>'


SEPARATOR = '<span class="ss-sep" aria-hidden="true">・</span>'


def links_html(links: list[tuple[str, str]]) -> str:
    """Adjacent links (href, Japanese text) that may wrap, with a visible separator between them."""
    return SEPARATOR.join(f'<a href="{escape(href)}" lang="ja">{escape(text)}</a>' for href, text in links)


def pair_html(pair: Pair, ja: PageMarkup, cls: str = "") -> str:
    """A paragraph in Japanese with its English beside it (``ss-pair--solo`` when there is none)."""
    classes = "ss-pair" + (" ss-pair--solo" if pair.en is None else "") + (f" {escape(cls)}" if cls else "")
    marker = f'<span class="ss-marker">{escape(pair.prefix)}</span>' if pair.prefix else ""
    lines = [f'<div class="{classes}">', f'<p class="ss-ja" lang="ja" data-ss-text>{marker}{ja(pair.text)}</p>']
    if pair.en is not None:
        lines.append(f'<p class="ss-en" lang="en">{english_runs(pair.en)}</p>')
    lines.append("</div>")
    return "\n".join(lines)


def passage_html(view: PassageView, ja: PageMarkup) -> str:
    """A statement or item: its permalink and cite bar, speakers, paragraphs, items and timeline links."""
    pid, label_ = escape(view.id), escape(view.label)
    kind = "ss-item" if view.is_item else "ss-statement"
    lines = [f'<section class="ss-passage {kind}" id="{pid}" data-passage="{label_}">',
             '<div class="ss-passage__bar">',
             f'<a class="ss-permalink" href="#{pid}"><span lang="ja">{label_}</span>'
             '<span class="ss-visually-hidden"><span lang="ja">（この段落へのリンク）</span>'
             '<span class="ss-en" lang="en"> permalink</span></span></a>',
             f'<button type="button" class="ss-cite-open ss-js-only" data-ss-cite="{pid}" aria-haspopup="dialog">'
             f'{label("引用", "Cite")}<span class="ss-visually-hidden" lang="ja"> {label_}</span></button>']
    if view.speakers:
        names = "".join(f'<span class="ss-speaker">{escape(s)}</span>' for s in view.speakers)
        lines.append(f'<span class="ss-speakers"><span class="ss-label">{label("発言者", "Speakers")}</span> '
                     f'<span lang="ja">{names}</span></span>')
    lines.append("</div>")
    if view.title:
        lines.append(pair_html(view.title, ja, "ss-subtitle"))
    lines += [pair_html(p, ja) for p in view.pairs]
    lines += [passage_html(child, ja) for child in view.children]
    lines += [pair_html(p, ja) for p in view.tail]
    if view.timeline:
        lines.append(f'<p class="ss-timeline-links"><span class="ss-label">{label("年表", "Timeline")}</span> '
                     + links_html([(t.href, t.ja) for t in view.timeline]) + "</p>")
    lines.append("</section>")
    return "\n".join(lines)


ORIGIN_LABELS = {"record": ("記録", "In the record"), "editors": ("編集部", "Editors")}


def event_html(x: EventView) -> str:
    """A timeline event: when (in Japanese, and English beside), its badges, its text in Japanese (and
    English), its links and source."""
    kind, origin = escape(x.kind), escape(x.origin)
    english = f'<span class="ss-en" lang="en"> {escape(x.when)}</span>'
    when = (f'<span lang="ja">{escape(x.when_ja)}</span>{english}' if x.recurring else
            f'<time datetime="{escape(x.date)}"><span lang="ja">{escape(x.when_ja)}</span>{english}</time>')
    en = f' <span class="ss-en" lang="en">{english_runs(x.en)}</span>' if x.en else ""
    lines = [f'<li class="ss-event ss-event--{kind} ss-event--{origin}{" ss-event--hour" if x.hourly else ""}" '
             f'id="{escape(x.id)}" data-kind="{kind}">',
             f'<p class="ss-event__when">{when} <span class="ss-badge ss-badge--{origin}">{label(*ORIGIN_LABELS[x.origin])}</span> '
             f'<span class="ss-badge">{label(x.kind_ja, x.kind_en)}</span></p>',
             f'<p class="ss-event__label"><span lang="ja">{escape(x.ja)}</span>{en}</p>']
    # The links, the source and the end of the item share one line (as the template made them).
    tail = ""
    if x.links:
        parts = []
        for group in x.links:
            if parts:
                parts.append(SEPARATOR)
            if group.title is not None:
                parts.append(f'<span class="ss-event__record" lang="ja">{escape(group.title)}</span>')
                if group.date:
                    parts.append(f' <time class="ss-event__record-date" datetime="{escape(group.date)}" '
                                 f'lang="en">({escape(group.date)})</time>')
                parts.append(" ")
            parts.append(links_html([(link.href, link.ja) for link in group.links]))
        tail = f'<p class="ss-event__links">{"".join(parts)}</p>'
    if x.source:
        tail += (f'<p class="ss-event__source ss-small ss-en" lang="en">Source: {english_runs(x.source)}</p>')
    lines.append(tail + "</li>")
    return "\n".join(lines)


def topic_list_html(links: list[TopicLink], current: int | None = None) -> str:
    """A record's topics as an ordered list; the one at index ``current`` is the page itself."""
    lines = ["<ol>"]
    for index, link in enumerate(links):
        text = f'<span lang="ja">{escape(link.ja)}</span>'
        if link.en:
            text += f' <span class="ss-en" lang="en">{english_runs(link.en)}</span>'
        if index == current:
            lines.append(f'<li><span aria-current="page">{text}</span></li>')
        else:
            lines.append(f'<li><a href="{escape(link.href)}">{text}</a></li>')
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
    """A glossary entry: its forms with readings, its English and notes, and where it occurs. A glossary
    of a hundred entries each linking tens of passages took a template a tenth of a small build."""
    e = x.entry
    eid = escape(e.id)
    forms = "".join(f'<span class="ss-form"><span lang="ja" data-ja-text>{escape(form)}</span>'
                    + (f' <span class="ss-reading" lang="ja">{escape(shown_reading(form, reading))}</span>' if reading else "") + "</span>"
                    for form, reading in e.forms.items())
    note_ja = f'<p class="ss-gloss__ja" lang="ja">{escape(e.note_ja)}</p>\n' if e.note_ja else ""
    out = [f'<div class="ss-gloss__entry" id="g-{eid}">\n'
           f'<dt>{forms}<a class="ss-permalink ss-permalink--small" href="#g-{eid}" '
           f'aria-label="{escape(next(iter(e.forms)))}（{escape(e.en)}）へのリンク">#</a></dt>\n'
           f'<dd>{note_ja}<p class="ss-gloss__en ss-en" lang="en"><strong>{english_runs(e.en)}</strong> — '
           f'{english_runs(e.note)}</p>\n']
    if x.only_in:
        out.append(f'<p class="ss-gloss__scope"><span class="ss-label">{label("この記録のみ", "Marked only in")}</span> '
                   + links_html([(o.href, o.label) for o in x.only_in]) + "</p>")
    if x.records:
        items = []
        for record, passages in x.records:
            date = f' <time datetime="{escape(record.date)}">{escape(record.date)}</time>' if record.date else ""
            items.append(f'<li><a class="ss-gloss__record" href="{escape(record.href)}" lang="ja">{escape(record.label)}</a>'
                         f'{date} ' + links_html([(o.href, o.label) for o in passages]) + "</li>")
        out.append(f'<div class="ss-gloss__occ"><span class="ss-label">{label("出現箇所", "Occurs in")}</span>\n<ul>\n'
                   + "".join(items) + "</ul>\n")
        if x.more:
            out.append(f'<p class="ss-gloss__more"><span lang="ja">ほか{x.more}件の記録（計{x.passages}段落）</span>'
                       f'<span class="ss-en" lang="en"> and {x.more} more record{"s" if x.more > 1 else ""} '
                       f'({x.passages} passages in all)</span> <a class="ss-js-only" href="{escape(x.search)}">'
                       f'{label("検索", "search them")}</a></p>')
        out.append("</div>\n")
    out.append("</dd>\n</div>")
    return "".join(out)
