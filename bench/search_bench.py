#!/usr/bin/env python3
"""Search benchmark: the queries of bench/queries.yml typed into the site's search box in real headless
Chromium (Debian's /usr/bin/chromium via Playwright), scored against the pages and passages they should find.

    python bench/search_bench.py                   build the working tree into a temp dir, index it, run all
    python bench/search_bench.py --site site       run against an already built (and indexed) site
    python bench/search_bench.py --fast            only the queries marked fast (what tests/test_search.py runs)
    python bench/search_bench.py --engine material --site DIR   a site built with Material's search plugin
    make search-bench                              the first form

Per query, the first 10 results (result items: one per page) are read from the DOM, from Material's
markup (``.md-search-result__item``, its first ``.md-search-result__link`` is where the result goes).

    recall      the query's expected pages (``topics``) are ALL among the first 10 results
    precision   share of the first 10 results that are expected or acceptable (``topics`` + ``also``);
                queries with no result are left out of it and counted under zero
    zero        queries with no result at all, for words that are on the site (category absent: queries
                for words that are not, which must find nothing; for them recall means "nothing found")
    passage     for expected topic pages with ``passages`` listed: the result links to one of them

It also prints the index size, what the first query of a fresh visitor fetches (bytes and files, the page
itself excluded) and how long it takes, per category and overall. ``--json FILE`` writes everything.
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import shutil
import sys
import tempfile
import time
import urllib.parse

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "tests"))
sys.path.insert(0, HERE)

from browser import chromium, serve  # noqa: E402

SEED_RECORD = "2003-01-10-japan-russia"
QUERIES = os.path.join(HERE, "queries.yml")
TOP = 10


def load_queries(path: str = QUERIES, fast: bool = False, only: list[str] | None = None) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        queries = yaml.safe_load(handle)
    for q in queries:
        q["q"] = str(q["q"])
        q.setdefault("also", [])
        q.setdefault("passages", [])
    if fast:
        queries = [q for q in queries if q.get("fast")]
    if only:
        queries = [q for q in queries if q["cat"] in only]
    return queries


def build_site(dest: str, records: dict[str, str] | None = None, index: bool = True) -> str:
    """The working tree's site, generated, built (mkdocs --strict) and indexed in ``dest``; returns site dir."""
    from conftest import copy_project, run_build, run_mkdocs

    project = copy_project(dest, records)
    result = run_build(project)
    if result.returncode != 0:
        raise SystemExit(f"scripts/build.py failed:\n{result.stderr}")
    site = os.path.join(project, "site")
    # scripts/mkdocs_hooks.py indexes after the build unless SS_SEARCH_INDEX=0.
    result = run_mkdocs(project, site, env=None if index else {"SS_SEARCH_INDEX": "0"})
    if result.returncode != 0:
        raise SystemExit(f"mkdocs build failed:\n{result.stderr}")
    return site


def page_key(href: str, base: str, record: str = SEED_RECORD) -> tuple[str, str]:
    """(page key, fragment) for a result link: a topic slug, overview, glossary, timeline, home or the path."""
    url = urllib.parse.urlsplit(urllib.parse.urljoin(base, href))
    path = url.path[len(urllib.parse.urlsplit(base).path):].strip("/")
    parts = path.split("/") if path else []
    if not parts:
        key = "home"
    elif parts[0] in ("glossary", "timeline"):
        key = parts[0]
    elif parts[0] == record and len(parts) == 1:
        key = "overview"
    elif parts[0] == record and len(parts) == 2:
        key = parts[1]
    else:
        key = path
    return key, url.fragment


READ_RESULTS = """() => Array.from(document.querySelectorAll('.md-search-result__item')).map(item =>
  Array.from(item.querySelectorAll('a.md-search-result__link')).map(a => a.getAttribute('href')))"""

# Pagefind's own answer, without the site's query handling: first sub-result (or the page) per result.
RAW_PAGEFIND = """async (q) => {
  window.__pf = window.__pf || await import(new URL('pagefind/pagefind.js', location.href).href);  // opened at the root
  const found = await window.__pf.search(q);
  const out = [];
  for (const r of found.results.slice(0, 10)) { const d = await r.data();
    const subs = d.sub_results.filter(s => s.anchor && !/^h\\d$/i.test(s.anchor.element));
    out.push([(subs[0] || d).url]); }
  return out; }"""

WAIT_UI = """(q) => { const r = document.querySelector('[data-search-results]');
  return r && r.getAttribute('data-search-state') !== 'loading' && r.getAttribute('data-search-query') === q; }"""

WAIT_MATERIAL = """() => { const m = document.querySelector('.md-search-result__meta');
  return m && !/初期化|Initializ/.test(m.textContent); }"""


class Session:
    """One browser page on the site with its search box, typing queries and reading results."""

    def __init__(self, browser, base: str, engine: str, viewport=(1280, 900)):
        self.base, self.engine = base, engine
        self.context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
        self.context.set_default_timeout(20_000)
        self.fetched: list[tuple[str, int]] = []
        self.offsite: list[str] = []
        self.errors: list[str] = []
        self.context.on("requestfinished", self._finished)
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))

    def _finished(self, request):
        if not request.url.startswith(self.base) and not request.url.startswith("data:"):
            self.offsite.append(request.url)
        try:
            sizes = request.sizes()
            size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
        except Exception:  # noqa: BLE001 - a request without a response body
            size = 0
        self.fetched.append((request.url, size))

    def open(self, path: str = "") -> None:
        self.page.goto(self.base + path)
        self.page.wait_for_load_state("networkidle")

    def ask(self, query: str) -> tuple[list[list[str]], float]:
        """Type ``query`` into the search box; return (result links per item, seconds until shown)."""
        page = self.page
        field = page.locator(".md-search__input")
        started = time.perf_counter()
        if self.engine != "pagefind-raw":
            if not field.is_visible():
                page.keyboard.press("/")
            started = time.perf_counter()
            field.fill(query)
        if self.engine == "pagefind-raw":
            items = page.evaluate(RAW_PAGEFIND, query)
            return items, time.perf_counter() - started
        if self.engine == "material":
            field.press("End")  # Material searches on keyup; fill() types without key events
            page.wait_for_function(WAIT_MATERIAL)
            previous = None
            for _ in range(40):  # Material has no "done" signal: wait until the list stops changing
                page.wait_for_timeout(100)
                now = page.evaluate(READ_RESULTS)
                if now == previous:
                    break
                previous = now
        else:
            page.wait_for_function(WAIT_UI, arg=query.strip())
        seconds = time.perf_counter() - started
        return page.evaluate(READ_RESULTS), seconds

    def close(self):
        self.context.close()


def score(query: dict, items: list[list[str]], base: str) -> dict:
    top = items[:TOP]
    keys = [page_key(links[0], base) if links else ("?", "") for links in top]
    found = [k for k, _ in keys]
    expected = list(query["topics"])
    relevant = set(expected) | set(query["also"])
    passage_checks = []
    if query["passages"]:
        for topic in expected:
            if topic in ("overview", "glossary", "timeline"):
                continue
            fragment = next((frag for k, frag in keys if k == topic), None)
            passage_checks.append({"topic": topic, "fragment": fragment,
                                   "ok": fragment in query["passages"]})
    return {
        "q": query["q"], "cat": query["cat"], "results": len(items), "top": [f"{k}#{f}" if f else k for k, f in keys],
        "recall": all(t in found for t in expected) if expected else not items,
        "precision": (sum(1 for k in found if k in relevant) / len(found)) if found else None,
        "zero": not items and bool(expected),  # no result for a word that is on the site
        "passages": passage_checks,
    }


def summarise(rows: list[dict]) -> dict:
    def agg(group):
        precisions = [r["precision"] for r in group if r["precision"] is not None]
        checks = [c["ok"] for r in group for c in r["passages"]]
        return {"n": len(group), "recall": sum(r["recall"] for r in group) / len(group),
                "precision": sum(precisions) / len(precisions) if precisions else None,
                "zero": sum(r["zero"] for r in group),
                "passage": sum(checks) / len(checks) if checks else None,
                "median_ms": sorted(r["ms"] for r in group)[len(group) // 2]}
    by_cat = collections.OrderedDict()
    for r in rows:
        by_cat.setdefault(r["cat"], []).append(r)
    return {"categories": {c: agg(g) for c, g in by_cat.items()}, "all": agg(rows)}


def index_bytes(site: str, engine: str) -> int:
    if engine == "material":
        return os.path.getsize(os.path.join(site, "search", "search_index.json"))
    folder = os.path.join(site, "pagefind")
    return sum(os.path.getsize(os.path.join(f, n)) for f, _, ns in os.walk(folder) for n in ns)


def served_size(site: str, base: str, url: str, reported: int) -> int:
    """Bytes of a response: the file's size when it is one of the site's (the test server sends files
    as they are; Playwright under-reports some, e.g. a worker's script), else what Playwright reported."""
    if site and url.startswith(base):
        path = urllib.parse.unquote(urllib.parse.urlsplit(url).path[len(urllib.parse.urlsplit(base).path):])
        file = os.path.join(site, path, "index.html") if path.endswith("/") or not path else os.path.join(site, path)
        if os.path.isfile(file):
            return max(reported, os.path.getsize(file))
    return reported


def first_query(browser, base: str, engine: str, query: str, path: str = "", site: str = "") -> dict:
    """A fresh visitor: open a page, then search. What the search fetched, and how long it took."""
    session = Session(browser, base, engine)
    try:
        session.open(path)
        page_load = list(session.fetched)
        session.fetched.clear()
        items, seconds = session.ask(query)
        session.page.wait_for_load_state("networkidle")
        fetched = [(url, served_size(site, base, url, size)) for url, size in session.fetched]
        if engine == "material":  # Material fetches its index while the page loads, before any query
            fetched += [(url, served_size(site, base, url, size)) for url, size in page_load
                        if "/search/" in url or "workers/search" in url]
        return {"query": query, "seconds": seconds, "results": len(items),
                "bytes": sum(size for _, size in fetched),
                "files": [(url[len(base) - 1:] if url.startswith(base) else url, size) for url, size in fetched],
                "offsite": session.offsite, "errors": session.errors}
    finally:
        session.close()


def run(site: str, queries: list[dict], engine: str, verbose: bool = True) -> dict:
    with serve(site) as base, chromium() as browser:
        cold = first_query(browser, base, engine, queries[0]["q"], site=site)
        session = Session(browser, base, engine)
        rows = []
        try:
            session.open()
            for query in queries:
                items, seconds = session.ask(query["q"])
                row = score(query, items, base)
                row["ms"] = round(seconds * 1000)
                rows.append(row)
                if verbose:
                    mark = "ok " if row["recall"] else "MISS"
                    p = "-" if row["precision"] is None else f"{row['precision']:.2f}"
                    bad = [c["topic"] + "#" + str(c["fragment"]) for c in row["passages"] if not c["ok"]]
                    print(f"{mark} {row['cat']:<12} {query['q']:<28} n={row['results']:<3} p={p:<5} "
                          f"{' '.join(row['top'][:4])}{'  passage? ' + ' '.join(bad) if bad else ''}",
                          file=sys.stderr)
        finally:
            offsite, errors = session.offsite, session.errors
            session.close()
    return {"engine": engine, "index_bytes": index_bytes(site, engine), "first_query": cold,
            "summary": summarise(rows), "rows": rows, "offsite": offsite + cold["offsite"],
            "errors": errors + cold["errors"]}


def report(result: dict) -> str:
    lines = [f"engine: {result['engine']}",
             f"{'category':<13}{'n':>4}{'recall':>9}{'precision':>11}{'zero':>6}{'passage':>9}{'median ms':>11}"]
    s = result["summary"]
    for name, a in list(s["categories"].items()) + [("ALL", s["all"])]:
        passage = "-" if a["passage"] is None else f"{a['passage']:.0%}"
        precision = "-" if a["precision"] is None else f"{a['precision']:.0%}"
        lines.append(f"{name:<13}{a['n']:>4}{a['recall']:>9.0%}{precision:>11}{a['zero']:>6}{passage:>9}"
                     f"{a['median_ms']:>11}")
    cold = result["first_query"]
    lines.append(f"index: {result['index_bytes'] / 1e3:.0f} kB on disk")
    lines.append(f"first query ({cold['query']!r}, fresh visitor): {cold['seconds'] * 1000:.0f} ms, "
                 f"{cold['bytes'] / 1e3:.0f} kB in {len(cold['files'])} requests")
    misses = [r["q"] for r in result["rows"] if not r["recall"]]
    zeros = [r["q"] for r in result["rows"] if r["zero"]]
    lines.append(f"missed: {', '.join(misses) or 'none'}")
    lines.append(f"zero results: {', '.join(zeros) or 'none'}")
    if result["offsite"] or result["errors"]:
        lines.append(f"PROBLEMS: offsite requests {result['offsite']}, page errors {result['errors']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", help="a built site to search (default: build the working tree into a temp dir)")
    parser.add_argument("--engine", choices=["pagefind", "pagefind-raw", "material"], default="pagefind",
                        help="pagefind: the site's search box; pagefind-raw: Pagefind's JS API alone, "
                             "no query handling; material: Material's search plugin (a site built with it)")
    parser.add_argument("--queries", default=QUERIES)
    parser.add_argument("--fast", action="store_true", help="only the queries marked fast")
    parser.add_argument("--only", help="comma-separated categories")
    parser.add_argument("--json", help="write all results to this file")
    parser.add_argument("--quiet", action="store_true", help="no per-query lines")
    args = parser.parse_args(argv)
    queries = load_queries(args.queries, args.fast, args.only.split(",") if args.only else None)
    temp = None
    site = args.site
    if not site:
        temp = tempfile.mkdtemp(prefix="ss-search-bench-")
        print("building the site into a temp dir…", file=sys.stderr)
        site = build_site(temp)
    try:
        result = run(site, queries, args.engine, verbose=not args.quiet)
    finally:
        if temp:
            shutil.rmtree(temp, ignore_errors=True)
    print(report(result))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(result, handle, ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
