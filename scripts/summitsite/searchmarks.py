"""Pagefind's attributes on a generated page: what is searched, what is not, and where each result
starts. Only start tags change (attributes added); the text is untouched.

- ``data-pagefind-body`` on the page's ``.ss-page`` (not the home page's): Pagefind then reads only
  that, never the theme's header, navigation and footer, and skips pages without it (home, 404);
- ``data-pagefind-ignore`` on what repeats across pages or is not the page's own text: breadcrumbs,
  pagers, topic lists, passage bars, timeline cross-links, labels and licence lines;
- ``data-pagefind-title`` on each passage (its label, ``2.(3)``), glossary entry (its forms and English)
  and timeline event (its label): Pagefind makes them sub-results with their own ``#id``, so that a hit
  links to the passage.

The rules are here, by class name, rather than written into each template: ``render`` applies them to
every page it makes.
"""
from __future__ import annotations

import html
import re

# Classes whose elements are not searched: navigation and chrome repeated on many pages (they would
# make every topic page match every topic title), labels, licence lines and cross-links whose text is
# not the page's own (a topic page would otherwise match the timeline events it links to).
IGNORED_CLASSES = {
    "ss-crumbs", "ss-pager", "ss-topics", "ss-passage__bar", "ss-timeline-links", "ss-visually-hidden",
    "ss-jump", "ss-gloss__occ", "ss-gloss__scope", "ss-permalink", "ss-kinds", "ss-event__links",
    "ss-event__source", "ss-badge", "ss-legend", "ss-count", "ss-small", "ss-intro", "ss-filter", "ss-more",
    "ss-label",
}

# Classes of the elements that get an attribute: the ignored ones and those below.
MARKED_CLASSES = IGNORED_CLASSES | {"ss-page", "ss-record-line", "ss-passage", "ss-gloss__entry", "ss-event", "ss-lead"}
# A start tag with one of those classes, its attributes as the templates and blocks.py write them (double
# quotes, '>' escaped). Most tags of a page (term links, ruby, paragraphs) have none and are not looked at.
TAG = re.compile(r'<([a-zA-Z][\w-]*)(\s[^>]*?class="(?:[^"]*\s)?(?:'
                 + "|".join(sorted(map(re.escape, MARKED_CLASSES), key=len, reverse=True))
                 + r')[\s"][^>]*)>')
ATTR = re.compile(r'([\w:-]+)="([^"]*)"')


def text_of(fragment: str) -> str:
    """Plain text of an HTML fragment, whitespace collapsed."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", fragment))).strip()



def entry_titles(page: str) -> dict[str, str]:
    """Titles for the sub-results of the glossary (entry forms and English) and timeline (event label)."""
    titles = {}
    for m in re.finditer(r'<div class="ss-gloss__entry" id="([^"]+)">\s*<dt>(.*?)</dt>\s*<dd>(.*?)</dd>', page, re.S):
        forms = re.findall(r"<span lang=\"ja\" data-ja-text>(.*?)</span>", m.group(2), re.S)
        english = re.search(r"<strong>(.*?)</strong>", m.group(3), re.S)
        titles[m.group(1)] = " / ".join(text_of(f) for f in forms) + (f" — {text_of(english.group(1))}" if english else "")
    for m in re.finditer(r'<li class="ss-event[^"]*" id="([^"]+)"[^>]*>(.*?)</li>', page, re.S):
        label = re.search(r'<p class="ss-event__label">(.*?)</p>', m.group(2), re.S)
        if label:
            titles[m.group(1)] = text_of(label.group(1))
    return titles


def extra_attributes(tag: str, attrs: dict[str, str], titles: dict[str, str]) -> dict[str, str]:
    """The ``data-pagefind-*`` attributes a start tag gets in the index copy."""
    classes = set(attrs.get("class", "").split())
    extra = {}
    if tag == "div" and "ss-page" in classes and "ss-page--home" not in classes:
        extra["data-pagefind-body"] = ""
        kind = next((c[len("ss-page--"):] for c in sorted(classes) if c.startswith("ss-page--")), "")
        if kind:  # topic, overview, glossary, timeline: the glossary and timeline are lists of entries
            extra["data-pagefind-meta"] = f"kind:{kind}"
    if classes & IGNORED_CLASSES:
        extra["data-pagefind-ignore"] = "all"
    if "ss-record-line" in classes:
        # Not searched (it is on every topic page), but shown under each result.
        extra["data-pagefind-ignore"] = "index"
        extra["data-pagefind-meta"] = "record"
    ident = attrs.get("id")
    if ident and tag == "section" and "ss-passage" in classes:
        extra["data-pagefind-title"] = html.unescape(attrs.get("data-passage") or ident)
    elif ident and ident in titles:
        extra["data-pagefind-title"] = titles[ident]
    elif ident == "lead":
        extra["data-pagefind-title"] = "概要 Lead"
    return extra



def mark_for_search(body: str) -> str:
    """``body``, a generated page's HTML, with Pagefind's attributes added to its start tags."""
    titles = entry_titles(body)

    def rewrite(m: re.Match) -> str:
        raw, tag, attributes = m.group(0), m.group(1).lower(), m.group(2)
        extra = extra_attributes(tag, dict(ATTR.findall(attributes)), titles)
        if not extra:
            return raw
        added = "".join(f' {k}="{html.escape(v)}"' if v else f" {k}" for k, v in extra.items())
        closing = "/>" if raw.endswith("/>") else ">"
        return raw[: -len(closing)] + added + closing

    return TAG.sub(rewrite, body)
