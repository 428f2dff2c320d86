#!/usr/bin/env python3
"""The site's search index: Pagefind (extended build, Japanese segmentation) over the built pages.

Run after every ``mkdocs build`` and ``mkdocs serve`` rebuild by ``scripts/mkdocs_hooks.py``
(``on_post_build``); ``cd scripts && python -m summitsite.search_index SITE_DIR`` indexes a built site by hand.

Pagefind reads HTML, so the index is made after ``mkdocs build``, from the pages in ``site/`` as they are
served: the generator has marked what to index, what not to, and where each passage starts with
Pagefind's attributes (``searchmarks.py``), which change no text.

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
import json
import os
import re
import shutil
import subprocess
import sys
import time
import unicodedata

from .searchmarks import text_of


PAGEFIND_VERSION = "1.6.0"
PAGEFIND_HOME = os.path.join(sys.prefix, "pagefind")
OUTPUT_SUBDIR = "pagefind"
EXTRA_FILE = "ss-search.json"

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


def fold(text: str) -> str:
    """The key an English name is looked up by: NFKC, no diacritics, lower case, words only."""
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(re.findall(r"[a-z0-9]+", text))


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
        for m in re.finditer(r'<div class="ss-gloss__entry" id="[^"]+"[^>]*>\s*<dt>(.*?)</dt>\s*<dd>(.*?)</dd>',
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
    # The pages carry Pagefind's attributes (searchmarks.py): it reads them as they are served.
    result = subprocess.run([binary, "--site", site_dir, "--output-path", fresh], capture_output=True, text=True,
                            timeout=600)
    pages = sum(1 for _folder, _dirs, names in os.walk(site_dir) for name in names if name.endswith(".html"))
    indexed = int(m.group(1)) if (m := re.search(r"Indexed (\d+) page", result.stdout)) else 0
    glossary = os.path.join(site_dir, "glossary", "index.html")
    names = glossary_names(open(glossary, encoding="utf-8").read()) if os.path.exists(glossary) else {}
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
