#!/usr/bin/env python3
"""The site's search index: Pagefind (extended build, Japanese segmentation) over the built pages.

Run after every ``mkdocs build`` and ``mkdocs serve`` rebuild by ``scripts/mkdocs_hooks.py``
(``on_post_build``); ``cd scripts && python -m summitsite.search_index SITE_DIR`` indexes a built site by hand.

Pagefind reads HTML, so the index is made after ``mkdocs build``. It reads an *index-only copy* of each
page, never the pages themselves: the copy marks what to index (``data-pagefind-body`` on the page's
``.ss-page``), what not to (breadcrumbs, pagers, topic lists, permalinks, timeline cross-links, licence
lines: ``data-pagefind-ignore``) and where each passage starts (``data-pagefind-title`` on
``section.ss-passage``, glossary entries and timeline events, so that a hit links to ``#s6-2``). The
pages in ``site/`` are not modified; what a reader sees is the record exactly as published.

Output, in ``SITE_DIR/pagefind/``: Pagefind's bundle (``pagefind.js``, a WebAssembly module, index
chunks and one fragment per page, fetched on demand) and ``ss-search.json``, the few things the search
box needs besides the index: English names from the glossary mapped to the Japanese forms they gloss
(so that "DPRK" also finds 北朝鮮). ``overrides/assets/search.js`` is the search box.

Pagefind comes from npm (``pagefind``, pinned in the Makefile, installed into ``.venv/pagefind/``, that is
``sys.prefix/pagefind`` of the Python running MkDocs); ``PAGEFIND_BINARY`` overrides where its
``pagefind_extended`` binary is looked for.
"""
from __future__ import annotations

import argparse
import glob
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata


PAGEFIND_VERSION = "1.6.0"
PAGEFIND_HOME = os.path.join(sys.prefix, "pagefind")
OUTPUT_SUBDIR = "pagefind"
EXTRA_FILE = "ss-search.json"
MEMORY = "/dev/shm"  # a tmpfs on Linux: the index copies are written there when it has room

# Classes whose elements are not searched: navigation and chrome repeated on many pages (they would
# make every topic page match every topic title), labels, licence lines and cross-links whose text is
# not the page's own (a topic page would otherwise match the timeline events it links to).
IGNORED_CLASSES = {
    "ss-crumbs", "ss-pager", "ss-topics", "ss-passage__bar", "ss-timeline-links", "ss-visually-hidden",
    "ss-jump", "ss-gloss__occ", "ss-gloss__scope", "ss-permalink", "ss-kinds", "ss-event__links",
    "ss-event__source", "ss-badge", "ss-legend", "ss-count", "ss-small", "ss-intro", "ss-filter", "ss-more",
    "ss-label",
}
# Words that make no name on their own (a place's "Village", "(to the effect) that …").
STOP_WORDS = {"city", "village", "prefecture", "region", "island", "islands", "border", "theatre", "theater",
              "north", "south", "east", "west", "united", "states", "union", "kingdom", "republic", "federation",
              "that", "this", "with", "from", "the", "and"}
UNUSED = ["pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js"]


class SearchIndexError(Exception):
    """Pagefind is missing or failed; the message says what to do."""


def find_pagefind() -> str:
    """Path of the ``pagefind_extended`` binary (PAGEFIND_BINARY, else the npm install in .venv)."""
    explicit = os.environ.get("PAGEFIND_BINARY")
    if explicit:
        return explicit
    found = sorted(glob.glob(os.path.join(PAGEFIND_HOME, "node_modules", "@pagefind", "*", "bin",
                                          "pagefind_extended")))
    if not found:
        raise SearchIndexError(f"pagefind {PAGEFIND_VERSION} (extended) is not installed: run `make pagefind` "
                               f"(npm install pagefind@{PAGEFIND_VERSION} into {PAGEFIND_HOME})")
    return found[0]


def text_of(fragment: str) -> str:
    """Plain text of an HTML fragment, whitespace collapsed."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", fragment))).strip()


def fold(text: str) -> str:
    """The key an English name is looked up by: NFKC, no diacritics, lower case, words only."""
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(re.findall(r"[a-z0-9]+", text))


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


def glossary_names(page: str) -> dict[str, list[str]]:
    """English names from the glossary → the Japanese forms they gloss.

    "North Korea (DPRK)" gives the keys "north korea (dprk)", "north korea" and "dprk"; "Daikokuya Kōdayū"
    gives "daikokuya kodayu". People are also found by surname and places by each word of their name
    ("putin" → プーチン大統領, the entry's first form only), so that an English name finds a record that has
    no English translation. The search box adds the Japanese forms to a query that is one of these keys.
    """
    names: dict[str, list[str]] = {}

    def add(key: str, forms: list[str]) -> None:
        if len(key) < 3 or (" " not in key and (len(key) < 4 or key in STOP_WORDS)):
            return
        for form in forms:
            if form not in names.setdefault(key, []):
                names[key].append(form)

    for group in re.finditer(r'<section class="ss-gloss-group" id="kind-([a-z-]+)"(.*?)</section>', page, re.S):
        kind = group.group(1)
        for m in re.finditer(r'<div class="ss-gloss__entry" id="[^"]+">\s*<dt>(.*?)</dt>\s*<dd>(.*?)</dd>',
                             group.group(2), re.S):
            forms = [text_of(f) for f in re.findall(r'<span lang="ja" data-ja-text>(.*?)</span>', m.group(1), re.S)]
            english = re.search(r"<strong>(.*?)</strong>", m.group(2), re.S)
            if not forms or not english:
                continue
            name = text_of(english.group(1))
            plain = re.sub(r"\([^)]*\)", " ", name)
            for key in {fold(name), fold(plain), fold(re.sub(r"^the\s+", "", name, flags=re.I))}:
                add(key, forms)
            for inner in re.findall(r"\(([^)]*)\)", name):
                add(fold(inner), forms)
            words = fold(plain).split()
            if kind == "person" and len(words) > 1:
                add(words[-1], forms[:1])
            elif kind == "place":
                for word in words:
                    add(word, forms[:1])
    return dict(sorted(names.items()))


# A start tag (attributes as Jinja and Material write them: double quotes, '>' escaped), or a whole
# <script>/<style> element, which is dropped (nothing to index there).
TAG = re.compile(r"<(script|style)\b.*?</\1\s*>|<([a-zA-Z][\w-]*)(\s[^>]*)?>", re.S | re.I)
ATTR = re.compile(r'([\w:-]+)="([^"]*)"')


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


def index_copy(page: str) -> str | None:
    """The page as Pagefind should read it, or None when the page is not searched (home, 404).

    Only start tags change (attributes added) and scripts and styles go; the text is untouched."""
    titles = entry_titles(page)
    indexed = False

    def rewrite(m: re.Match) -> str:
        nonlocal indexed
        if m.group(1):
            return ""
        raw, tag, attributes = m.group(0), m.group(2).lower(), m.group(3) or ""
        if 'class="' not in attributes and 'id="' not in attributes:
            return raw
        extra = extra_attributes(tag, dict(ATTR.findall(attributes)), titles)
        if not extra:
            return raw
        indexed = indexed or "data-pagefind-body" in extra
        added = "".join(f' {k}="{html.escape(v)}"' if v else f" {k}" for k, v in extra.items())
        closing = "/>" if raw.endswith("/>") else ">"
        return raw[: -len(closing)] + added + closing

    copy = TAG.sub(rewrite, page)
    return copy if indexed else None


def _read_page(source: str) -> tuple[str | None, dict[str, list[str]] | None]:
    """The index copy of one built page (None if it is not searched), and the glossary's names."""
    with open(source, encoding="utf-8") as handle:
        page = handle.read()
    names = glossary_names(page) if 'class="ss-page ss-page--glossary"' in page else None
    return index_copy(page), names


def _has_room(folder: str, size: int) -> bool:
    """Whether ``folder`` exists, can be written and has ``size`` bytes free (a container's /dev/shm
    may hold only 64 MB)."""
    try:
        stats = os.statvfs(folder)
    except (OSError, AttributeError):  # no such folder, or no statvfs (Windows)
        return False
    return os.access(folder, os.W_OK) and stats.f_bavail * stats.f_frsize >= size


def build_index(site_dir: str, quiet: bool = False) -> dict:
    """Index ``site_dir`` into ``site_dir/pagefind/``; returns counts and timings. The new index is made
    beside the old one and takes its place when complete, so a search during a rebuild under
    ``mkdocs serve`` reads the old index, never half of one."""
    started = time.perf_counter()
    binary = find_pagefind()
    output = os.path.join(site_dir, OUTPUT_SUBDIR)
    fresh, old = output + ".new", output + ".old"
    for folder in (fresh, old):
        shutil.rmtree(folder, ignore_errors=True)
    sources = []
    for folder, dirs, files in os.walk(site_dir):
        dirs[:] = sorted(d for d in dirs if os.path.join(folder, d) not in (output, fresh, old))
        sources += [os.path.join(folder, name) for name in sorted(files) if name.endswith(".html")]
    names: dict[str, list[str]] = {}
    # The copies are written in memory where there is room: creating a thousand files on this disk
    # costs half again as much as making them.
    memory = MEMORY if _has_room(MEMORY, 2 * sum(os.path.getsize(p) for p in sources)) else None
    with tempfile.TemporaryDirectory(prefix="ss-search-", dir=memory) as copy_dir:
        indexed = 0
        # Written in a fixed order: Pagefind reads files in directory order, and the index must come
        # out the same for the same pages.
        for source in sources:
            copy, found = _read_page(source)
            names = found if found is not None else names
            if copy is None:
                continue
            indexed += 1
            target = os.path.join(copy_dir, os.path.relpath(source, site_dir))
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "w", encoding="utf-8") as handle:
                handle.write(copy)
        pages = len(sources)
        result = subprocess.run([binary, "--site", copy_dir, "--output-path", fresh], capture_output=True,
                                text=True, timeout=600)
    if result.returncode != 0:
        shutil.rmtree(fresh, ignore_errors=True)
        raise SearchIndexError(f"pagefind failed:\n{result.stdout}\n{result.stderr}")
    for name in UNUSED:  # Pagefind's own search UIs: the site has its own box (assets/search.js)
        path = os.path.join(fresh, name)
        if os.path.exists(path):
            os.remove(path)
    with open(os.path.join(fresh, EXTRA_FILE), "w", encoding="utf-8") as handle:
        json.dump({"names": names}, handle, ensure_ascii=False, separators=(",", ":"))
    if os.path.exists(output):
        os.rename(output, old)
    os.rename(fresh, output)
    shutil.rmtree(old, ignore_errors=True)
    size = sum(os.path.getsize(os.path.join(f, n)) for f, _, ns in os.walk(output) for n in ns)
    summary = {"pages": pages, "indexed": indexed, "names": len(names), "bytes": size,
               "seconds": round(time.perf_counter() - started, 3)}
    if not quiet:
        print(f"search index: {indexed} of {pages} pages, {len(names)} glossary names, "
              f"{size / 1e6:.2f} MB in {output} ({summary['seconds']} s)", file=sys.stderr)
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", default="site", help="built site (default: site/)")
    args = parser.parse_args(argv)
    build_index(args.site)
    return 0


if __name__ == "__main__":
    sys.exit(main())
