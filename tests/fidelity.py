"""An independent fidelity check: a record's text as the built site shows it, against its source file.

It shares no logic with the generator. From the source file alone it takes the body: every line but
the site's chrome, which it recognises by its own few exact whole-line forms (menu bars, the
breadcrumb, a section line above the title, photo captions, and the run of footer lines that ends
the page). From the built site (``site/``, the HTML a reader gets) it takes the record's text in
page order: the overview page, then each topic page in the order the overview lists them; on each
page, the text of the elements marked ``data-ss-text`` (ruby readings excluded). The two must be
equal once whitespace is removed; nothing is cut to length. Every line it took for chrome is listed,
so that a test can assert that none of them is the record's.

The only thing it takes from the generator's package is vocabulary: MOFA's menu words and the names of
its area pages (``summitsite.chrome.MENU_WORDS`` and ``AREAS``), which name the section line above a
title and the '<area>へ戻る' link at the end of newer pages.

    python tests/fidelity.py SOURCE.txt SITE_DIR RECORD_ID
"""
from __future__ import annotations

import difflib
import html.parser
import os
import posixpath
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "scripts"))
from summitsite.chrome import AREAS, MENU_WORDS  # noqa: E402  (vocabulary only)

_FOOTER = {"目次", "このページのトップへ戻る", "ページのトップへ戻る", "目次へ戻る", "前のページへ戻る", "ページトップへ", "外務省"}
_CATEGORY = {"報道発表", "プレスリリース", "主な要人の来日日程", "会談・訪問", "首脳会談", "外務省・新着情報", "新着情報",
             "世界地図", "各国・地域情勢", "総理大臣の外国訪問", "総理の外国訪問一覧", "外交青書", "外務大臣"}
_LEADER = re.compile(r"[\u4e00-\u9fff]{0,4}総理大臣")
_CAPTION = re.compile(r".*\(写真提供:[^()]+\)")
_LINKS = re.compile(r"[^|。、,]+(?:\|[^|。、,]+)+")


@dataclass
class Chrome:
    """A source line the check did not take for the record's, and why."""

    line: int
    text: str
    kind: str  # menu, breadcrumb, section, caption, footer


@dataclass
class SourceBody:
    """The body's characters (whitespace removed), each with its 1-based source line."""

    chars: str
    lines: list[int]
    chrome: list[Chrome]


@dataclass
class SiteText:
    """The record's text as the site shows it (whitespace removed), each character with where it is:
    (page path, the nearest element id around it)."""

    chars: str
    places: list[tuple[str, str]]
    pages: list[str] = field(default_factory=list)


def _n(line: str) -> str:
    return unicodedata.normalize("NFKC", line).strip()


def _is_section(line: str) -> bool:
    compact = line.replace(" ", "")
    return bool(_LEADER.fullmatch(compact)) or compact in _CATEGORY or compact in AREAS


def _header_kind(line: str) -> str | None:
    if line.split() and all(w in MENU_WORDS for w in line.split()):
        return "menu"
    if line.startswith("トップページ"):
        return "breadcrumb"
    if _is_section(line):
        return "section"
    return None


def _is_footer(line: str) -> bool:
    compact = line.replace(" ", "")
    if compact in _FOOTER or (line.split() and all(w in MENU_WORDS for w in line.split())):
        return True
    if _LINKS.fullmatch(compact):
        return True
    return compact.endswith("へ戻る") and _is_section(compact[: -len("へ戻る")])


def read_lines(data: bytes) -> list[str]:
    """The file's lines: UTF-8 (with or without a BOM), else Shift_JIS/CP932."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp932")
    return re.split(r"\r\n|\r|\n", text.removeprefix("\ufeff"))


def source_body(data: bytes) -> SourceBody:
    """The body of a record file, and the chrome lines around it."""
    lines = read_lines(data)
    norm = [_n(line) for line in lines]
    chrome: list[Chrome] = []
    start = 0
    while start < len(lines) and (not norm[start] or _header_kind(norm[start])):
        if norm[start]:
            chrome.append(Chrome(start + 1, lines[start], _header_kind(norm[start]) or ""))
        start += 1
    end = len(lines)
    while end > start and (not norm[end - 1] or _is_footer(norm[end - 1])):
        end -= 1
    chars, where = [], []
    for i in range(start, end):
        if _CAPTION.fullmatch(norm[i]):
            chrome.append(Chrome(i + 1, lines[i], "caption"))
            continue
        for char in lines[i]:
            if not char.isspace():
                chars.append(char)
                where.append(i + 1)
    chrome += [Chrome(i + 1, lines[i], "footer") for i in range(end, len(lines)) if norm[i]]
    return SourceBody("".join(chars), where, sorted(chrome, key=lambda c: c.line))


class _PageText(html.parser.HTMLParser):
    """The text of ``data-ss-text`` elements of one page, with the id around each piece, and the
    links of its first ``data-ss-topics`` element."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None, bool, bool]] = []  # tag, id, record text, topics list
        self.pieces: list[tuple[str, str]] = []
        self.topic_links: list[str] = []
        self._topics_done = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        text = "data-ss-text" in a or (bool(self.stack) and self.stack[-1][2])
        topics = "data-ss-topics" in a or (bool(self.stack) and self.stack[-1][3])
        if tag in ("rt", "rp"):
            text = False  # a reading is not the record's text
        if topics and tag == "a" and a.get("href") and not self._topics_done:
            self.topic_links.append(a["href"])
        if tag not in self.VOID:
            self.stack.append((tag, a.get("id"), text, topics))

    def handle_endtag(self, tag):
        while self.stack:
            popped = self.stack.pop()
            if popped[3] and not (self.stack and self.stack[-1][3]) and self.topic_links:
                self._topics_done = True
            if popped[0] == tag:
                break

    def handle_data(self, data):
        if self.stack and self.stack[-1][2]:
            anchor = next((i for _, i, _, _ in reversed(self.stack) if i), "")
            self.pieces.append((data, anchor))


def _page_file(site_dir: str, page: str) -> str:
    path = os.path.join(site_dir, *page.split("/"))
    return os.path.join(path, "index.html") if page.endswith("/") or not page else path


def site_text(site_dir: str, record_id: str) -> SiteText:
    """The record's text as its pages show it: the overview, then its topic pages in listed order."""
    chars, places, pages = [], [], []
    overview = f"{record_id}/"
    queue = [overview]
    while queue:
        page = queue.pop(0)
        with open(_page_file(site_dir, page), encoding="utf-8") as handle:
            parser = _PageText()
            parser.feed(handle.read())
        pages.append(page)
        for data, anchor in parser.pieces:
            for char in data:
                if not char.isspace():
                    chars.append(char)
                    places.append((page, anchor))
        if page == overview:
            for href in parser.topic_links:
                target = urlsplit(href)
                if target.scheme or target.netloc:
                    continue
                queue.append(posixpath.normpath(posixpath.join(page, unquote(target.path))) + "/")
    return SiteText("".join(chars), places, pages)


def compare(source: SourceBody, site: SiteText, context: int = 12) -> list[str]:
    """Every difference between the source body and the site's text, as readable messages."""
    if source.chars == site.chars:
        return []
    problems = []
    matcher = difflib.SequenceMatcher(None, source.chars, site.chars, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if op == "delete":
            i1, i2, j1 = _slide(source, i1, i2, j1)
            problems.append(f"missing from the site ({_between(site, j1)}): {_lines(source, i1, i2)}: "
                            f"'{_cut(source.chars[i1:i2], context)}'")
        elif op == "insert":
            problems.append(f"not in the source, or out of place ({_place(site.places[j1])}): "
                            f"'{_cut(site.chars[j1:j2], context)}'")
        else:
            problems.append(f"differs ({_place(site.places[j1])}): {_lines(source, i1, i2)} has "
                            f"'{_cut(source.chars[i1:i2], context)}', the site shows '{_cut(site.chars[j1:j2], context)}'")
    return problems


def _slide(source: SourceBody, i1: int, i2: int, j1: int) -> tuple[int, int, int]:
    """A run of missing characters can often be placed a few characters earlier or later with the same
    meaning ('る。X…る。' lost): place it on whole source lines where it can be, as a reader would say it."""
    chars, lines = source.chars, source.lines
    left = 0
    while i1 - left > 0 and chars[i1 - left - 1] == chars[i2 - left - 1]:
        left += 1
    right = 0
    while i2 + right < len(chars) and chars[i1 + right] == chars[i2 + right]:
        right += 1
    for shift in range(-left, right + 1):
        a, b = i1 + shift, i2 + shift
        starts_line = a == 0 or lines[a - 1] != lines[a]
        ends_line = b == len(chars) or lines[b - 1] != lines[b]
        if starts_line and ends_line:
            return a, b, j1 + shift
    return i1, i2, j1


def _lines(source: SourceBody, i1: int, i2: int) -> str:
    lines = sorted(set(source.lines[i1:i2]))
    return f"source line {lines[0]}" + (f"-{lines[-1]}" if len(lines) > 1 else "")


def _between(site: SiteText, j: int) -> str:
    """Where in the site a missing run would have been: the passages shown before and after it."""
    before = _place(site.places[j - 1]) if j > 0 else None
    after = _place(site.places[j]) if j < len(site.places) else None
    if before and after and before != after:
        return f"between {before} and {after}"
    if before and after:
        return f"in {before}"
    return f"after {before}" if before else f"before {after}"


def _place(place: tuple[str, str]) -> str:
    page, anchor = place
    return f"{page}#{anchor}" if anchor else page


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= 2 * limit else f"{text[:limit]}…{text[-limit:]}"


def check(source_path: str, site_dir: str, record_id: str) -> tuple[list[str], list[Chrome]]:
    """The differences between a record file and its pages in ``site_dir``, and the chrome it left out."""
    with open(source_path, "rb") as handle:
        source = source_body(handle.read())
    return compare(source, site_text(site_dir, record_id)), source.chrome


if __name__ == "__main__":
    found, left_out = check(*sys.argv[1:4])
    for c in left_out:
        print(f"chrome {c.kind}: {c.line}: {c.text}")
    for problem in found:
        print(problem)
    sys.exit(1 if found else 0)
