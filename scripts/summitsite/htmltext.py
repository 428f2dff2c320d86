"""A page saved from a browser (.html) → its visible text as a browser shows it: each block element on
lines of its own, runs of white space inside a line collapsed to one space, scripts, styles and the
document's head left out, an ordered list's items numbered ('  1. …', as MOFA's list-rendered pages
read when copied). Read with Python's own HTML parser (``html.parser``), which follows the HTML5 rules
for character references and tolerates the unclosed tags of old pages.

Pages of the 2000s were served as Shift_JIS: the encoding is the one the page declares (``<meta
charset>``), else UTF-8 when the bytes decode as such, else CP932.
"""
from __future__ import annotations

import html.parser
import re
import unicodedata

BLOCKS = {"address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "div", "dl",
          "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
          "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot",
          "tr", "ul", "caption"}
HIDDEN = {"head", "script", "style", "noscript", "template", "title", "iframe", "object", "svg", "select"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
WHITE = re.compile(r"[ \t\r\n\f]+")


def _collapse(m: re.Match) -> str:
    """A run of white space as CSS shows it: one space, or nothing for a line break between two wide
    (East Asian) characters, as the source's line breaks inside a Japanese sentence are not spaces
    (CSS Text 3, segment break transformation)."""
    text, start, end = m.string, m.start(), m.end()
    if "\n" in m.group() and 0 < start and end < len(text) and \
            unicodedata.east_asian_width(text[start - 1]) in "WF" and unicodedata.east_asian_width(text[end]) in "WF":
        return ""
    return " "


CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)


def decode_html(data: bytes) -> str:
    """The page's text: in its declared encoding, else UTF-8, else CP932 (Shift_JIS with Microsoft's
    additions, which MOFA's pages used)."""
    declared = CHARSET.search(data[:4096])
    candidates = [declared.group(1).decode("ascii").lower()] if declared else []
    candidates += ["utf-8", "cp932"]
    for name in candidates:
        name = {"shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932"}.get(name, name)
        try:
            return data.decode(name).removeprefix("\ufeff")
        except (UnicodeDecodeError, LookupError):
            continue
    raise UnicodeDecodeError("html", data, 0, 1, "neither the declared encoding, UTF-8 nor Shift_JIS")


class _Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.line: list[str] = []
        self.hidden = 0
        self.pre = 0
        self.lists: list[list[int]] = []  # per open list: [next number] for <ol>, [] for <ul>
        self.counter = ""  # an ordered list item's number, waiting for the item's first line of text
        self.canonical: str | None = None

    def newline(self) -> None:
        text = "".join(self.line)
        if not self.pre:
            text = WHITE.sub(_collapse, text).strip(" ")
        if text:
            self.lines.append(self.counter + text)
            self.counter = ""
        self.line = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and (a.get("rel") or "").lower() == "canonical" and a.get("href"):
            self.canonical = a["href"]
        if tag == "meta" and a.get("property") == "og:url" and a.get("content") and not self.canonical:
            self.canonical = a["content"]
        if tag in HIDDEN:
            self.hidden += tag not in VOID
            return
        if tag in BLOCKS or tag == "br":
            self.newline()
        if tag == "pre":
            self.pre += 1
        if tag == "ol":
            start = a.get("start") or "1"
            self.lists.append([int(start) if start.isdigit() else 1])
        elif tag == "ul":
            self.lists.append([])
        elif tag == "li" and self.lists and self.lists[-1]:
            self.counter = f"{'  ' * len(self.lists)}{self.lists[-1][0]}. "
            self.lists[-1][0] += 1
        elif tag in ("td", "th") and self.line:
            self.line.append(" ")

    def handle_endtag(self, tag):
        if tag in HIDDEN:
            self.hidden = max(0, self.hidden - 1)
            return
        if tag in BLOCKS:
            self.newline()
        if tag == "pre":
            self.pre = max(0, self.pre - 1)
        if tag in ("ol", "ul") and self.lists:
            self.lists.pop()

    def handle_data(self, data):
        if not self.hidden:
            self.line.append(data)

    def text(self) -> str:
        self.newline()
        return "\n".join(self.lines) + "\n"


def html_to_text(data: bytes) -> tuple[str, str | None]:
    """The visible text of an HTML page, one line per line a browser would show, and the page's own
    address when it names one (``<link rel="canonical">`` or ``og:url``)."""
    parser = _Text()
    parser.feed(decode_html(data))
    parser.close()
    return parser.text(), parser.canonical
