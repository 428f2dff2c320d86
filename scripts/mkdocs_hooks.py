"""MkDocs hooks.

* Before every build (``mkdocs build``, which is ``make site``, and each ``mkdocs serve`` rebuild),
  regenerate docs/ from content/ in this process, as ``scripts/build.py`` does in its own: MkDocs has
  already started Python and loaded Jinja2 and PyYAML. Only changed files are written, so over an
  up-to-date docs/ (CI checks the committed one with ``scripts/build.py --check`` first) the build reads
  what was reviewed. A bad input stops ``mkdocs build`` with every problem as ``FILE:LINE: …`` and docs/
  and site/ as they were; ``mkdocs serve`` logs them and goes on serving the last good site until a
  save fixes them (``make serve`` is not --strict, so that MkDocs goes on serving). ``SS_GENERATE=0`` builds docs/ as it is (for instance the Japanese-only one of
  ``scripts/build.py --ja-only``). After an edit to scripts/summitsite/, the next rebuild loads the
  generator afresh (``_generator``).
* The editor's loop (``make serve`` is ``mkdocs serve --dirty``): a save to content/ regenerates docs/,
  rendering again only the records the save can change (the generator's ``RecordCache``) and writing only
  the pages that changed, and MkDocs renders only those; docs/ itself is not watched
  (``on_serve``), so the generator's writes do not start a second build; the search index is made in
  the background after the build (``on_post_build``). A change to the theme's overrides or mkdocs.yml
  re-renders every page, and a record taken away leaves the served site (``_keep_dirty_build_current``).
* Link previews: each page gets Open Graph and Twitter card tags and JSON-LD (``on_page_context`` puts
  them, ready to print, into ``ss_head`` for ``overrides/partials/ss-head.html``), and record pages the
  data that ``assets/cite.js`` makes citations from.
* Generated pages skip Python-Markdown: their body is one raw HTML block, which Markdown would give
  back unchanged after parsing it twice with ``html.parser`` (its raw-HTML block finder and MkDocs'
  anchor collector), two thirds of ``mkdocs build`` for a large collection. ``on_page_markdown`` hands
  Markdown nothing, ``on_page_content`` puts the block back, and the ids MkDocs would have collected
  for anchor validation are collected with a regular expression. ``tests/test_build.py`` checks that
  Markdown gives back every generated body unchanged, with the same ids.
* ``robots.txt`` naming the sitemap's absolute URL, and the Pagefind search index of the built pages
  (``on_post_build``; ``SS_SEARCH_INDEX=0`` skips the index, for measuring what it costs).

Escaping: MkDocs renders the theme without autoescaping. The generator writes ``title`` and
``description`` into front matter HTML-escaped (Material prints them as they are) and every other
field raw, so here the escaped ones are unescaped once and every value is escaped exactly once
where it is printed: ``html.escape`` in attributes, ``_script_json`` inside ``<script>``.
"""
from __future__ import annotations

import html
import json
import logging
import os
import re
import resource
import sys
import threading
import time
from contextlib import contextmanager
from urllib.parse import urljoin

from mkdocs.exceptions import PluginError

SCRIPTS = os.path.dirname(os.path.abspath(__file__))

log = logging.getLogger("mkdocs.hooks.summitsite")
_serving = False
_theme_stamp: tuple | None = None  # the theme's overrides and mkdocs.yml as the last serve build saw them

OG_IMAGE = "assets/og-image.png"
OG_IMAGE_SIZE = (1200, 630)
OG_IMAGE_ALT = "首脳会談記録 Summit Records — 外務省の首脳会談記録を原文と英訳で MOFA summit records in Japanese with English"
MOFA = {"ja": "外務省", "en": "Ministry of Foreign Affairs of Japan", "url": "https://www.mofa.go.jp/"}


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"
    if _serving and dirty:
        # `make serve` builds --dirty on purpose (see on_pre_build): MkDocs' warning that this makes
        # navigation inaccurate does not hold for this site's deliberate navigation.
        logging.getLogger("mkdocs.commands.build").addFilter(_NotTheDirtyWarning())


class _NotTheDirtyWarning(logging.Filter):
    def filter(self, record):
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def on_serve(server, config, builder):
    """docs/ is the generator's output, written during each build: watching it would make every save
    build twice. What an editor changes is watched instead: content/ and scripts/ (mkdocs.yml's
    ``watch``), and the theme's overrides."""
    server.unwatch(config.docs_dir)
    if config.theme.custom_dir:
        server.watch(config.theme.custom_dir)
    return server


def on_pre_build(config):
    if os.environ.get("SS_GENERATE", "1") == "0":
        return
    started, cpu = time.perf_counter(), _cpu_seconds()
    # The generator's modules are loaded here, not with this file, so that their time is the generator's.
    build, BuildError, cache = _generator()
    try:
        # Under serve, records whose inputs did not change are not rendered again (``RecordCache``).
        result = build(os.path.dirname(config.config_file_path), out_dir=config.docs_dir,
                       cache=cache if _serving else None)
    except (BuildError, OSError) as err:
        problems = err.problems if isinstance(err, BuildError) else [f"{err.filename or ''}: {err.strerror}"]
        for problem in problems:
            log.error(str(problem))
        if _serving:  # the build goes on over docs/ as it was: the last good pages stay served
            log.error("docs/ could not be generated from content/: the last good pages are still served; "
                      "fix the problems above and save again")
            return
        raise PluginError(f"docs/ could not be generated from content/ ({len(problems)} problem(s)); "
                          "docs/ and site/ were left unchanged") from None
    s = result.summary
    log.info("generated docs/ from %d record(s) in %.3f s (CPU %.3f s): %d written, %d removed, %d unchanged",
             result.records, time.perf_counter() - started, _cpu_seconds() - cpu,
             len(s.written), len(s.removed), s.unchanged)
    if _serving:
        _keep_dirty_build_current(config, s.removed)


def _keep_dirty_build_current(config, removed: list[str]) -> None:
    """Under `make serve` (``mkdocs serve --dirty``) MkDocs renders only the pages whose Markdown is newer
    than their HTML, and the generator writes only the pages that changed: a save re-renders what it
    changed and nothing else. Two things that does not cover are done here: a change to the theme's
    templates or to mkdocs.yml makes every page out of date (their Markdown is marked newer), and the
    pages of a record taken away are taken off the served site."""
    from mkdocs.structure.files import File

    global _theme_stamp
    stamp = _tree_stamp([config.theme.custom_dir or "", config.config_file_path])
    if _theme_stamp is not None and stamp != _theme_stamp:
        now = time.time()
        for folder, _dirs, names in os.walk(config.docs_dir):
            for name in names:
                os.utime(os.path.join(folder, name), (now, now))
    _theme_stamp = stamp
    for path in removed:
        target = File(path, config.docs_dir, config.site_dir, config.use_directory_urls).abs_dest_path
        if os.path.exists(target):
            os.remove(target)


def _tree_stamp(paths: list[str]) -> tuple:
    """Name, size and modification time of every file under ``paths`` (files or folders)."""
    stamp = []
    for path in paths:
        if os.path.isfile(path):
            info = os.stat(path)
            stamp.append((path, info.st_size, info.st_mtime_ns))
        for folder, _dirs, names in sorted(os.walk(path)) if os.path.isdir(path) else ():
            for name in sorted(names):
                info = os.stat(os.path.join(folder, name))
                stamp.append((os.path.join(folder, name), info.st_size, info.st_mtime_ns))
    return tuple(stamp)


def _generator():
    """The generator's ``build``, ``BuildError`` and a ``RecordCache`` for serve's builds, its modules
    loaded afresh (with a new cache) when one of their files has changed since they were loaded: under
    ``mkdocs serve`` an edit to scripts/summitsite/ then takes effect at the next rebuild, as an edit to
    its templates (read at every build) does."""
    stamp = _package_stamp()
    loaded = sys.modules.get("summitsite")
    if loaded is not None and getattr(loaded, "loaded_stamp", stamp) != stamp:
        for name in [n for n in sys.modules if n == "summitsite" or n.startswith("summitsite.")]:
            del sys.modules[name]
    with _importable():
        import summitsite
        from summitsite.errors import BuildError
        from summitsite.pipeline import build
        from summitsite.render import RecordCache
    if getattr(summitsite, "loaded_stamp", None) != stamp:
        summitsite.loaded_stamp, summitsite.serve_cache = stamp, RecordCache()
    return build, BuildError, summitsite.serve_cache


@contextmanager
def _importable():
    """MkDocs puts this file's folder on sys.path only while it loads this file; the generator's package
    is imported later, at the first build, so the folder is put back for that."""
    added = SCRIPTS not in sys.path
    if added:
        sys.path.insert(0, SCRIPTS)
    try:
        yield
    finally:
        if added:
            sys.path.remove(SCRIPTS)


def _package_stamp() -> tuple:
    """The name, size and modification time of each Python file of scripts/summitsite/."""
    folder = os.path.join(SCRIPTS, "summitsite")
    stamp = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".py"):
            info = os.stat(os.path.join(folder, name))
            stamp.append((name, info.st_size, info.st_mtime_ns))
    return tuple(stamp)


def _cpu_seconds() -> float:
    """CPU time of this process."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime


GENERATED_BODY = re.compile(r'<div class="ss-page [^"<>]*"[^<>]*>.*</div>', re.S)
ANCHOR_ID = re.compile(r'<[a-zA-Z][^<>]*?\sid="([^"]*)"')


def is_generated_body(markdown: str) -> bool:
    """A body as scripts/build.py writes it: one raw HTML block (no blank line) that is one ss-page div."""
    body = markdown.strip()
    return "\n\n" not in body and GENERATED_BODY.fullmatch(body) is not None


def on_page_markdown(markdown, page, config, files):
    if (page.meta or {}).get("ss_page") and is_generated_body(markdown):
        page.ss_body = markdown.strip()
        return ""
    return markdown


def on_page_content(html_text, page, config, files):
    body = getattr(page, "ss_body", None)
    if body is None:
        return html_text
    ids = {html.unescape(i) for i in ANCHOR_ID.findall(body)}
    page.present_anchor_ids = set(page.present_anchor_ids or ()) | ids
    return body


def on_page_context(context, page, config, nav):
    context["ss_head"] = head(page.meta or {}, page.canonical_url or config.site_url or "",
                              page.is_homepage, config)
    return context


def on_post_build(config):
    """robots.txt: crawl everything; the sitemap by its absolute URL (crawlers read robots.txt only
    at a host's root, so on a project sub-path it is informative; the sitemap still works).
    Then the search index, which Pagefind makes from the finished HTML: in the build itself for
    ``mkdocs build``, in the background under ``mkdocs serve`` (the changed page is served at once and
    the index follows a few seconds later)."""
    site_url = config.site_url or "/"
    with open(os.path.join(config.site_dir, "robots.txt"), "w", encoding="utf-8") as handle:
        handle.write(f"User-agent: *\nAllow: /\n\nSitemap: {urljoin(site_url, 'sitemap.xml')}\n")
    if os.environ.get("SS_SEARCH_INDEX", "1") == "0":
        return
    if _serving:
        _INDEXER.request(config.site_dir)
        return
    with _importable():
        from summitsite.search_index import SearchIndexError, build_index

    try:
        summary = build_index(config.site_dir, quiet=True)
    except SearchIndexError as err:
        raise PluginError(str(err)) from None
    _log_index(summary)


def _log_index(summary: dict) -> None:
    log.info("search index: %d of %d pages, %.2f MB, %.1f s", summary["indexed"], summary["pages"],
             summary["bytes"] / 1e6, summary["seconds"])


class _Indexer:
    """The search index made in a background thread, once per request; a request that comes while it
    runs (the next save) makes it run once more afterwards, over the pages as they are then."""

    def __init__(self):
        self._lock = threading.Lock()
        self._wanted: str | None = None
        self._running = False
        self.stopped = False  # serve is shutting down: its site folder is being deleted

    def request(self, site_dir: str) -> None:
        with self._lock:
            self._wanted = site_dir
            if not self._running:
                self._running = True
                threading.Thread(target=self._run, daemon=True, name="search-index").start()

    def _run(self) -> None:
        with _importable():
            from summitsite.search_index import SearchIndexError, build_index
        while True:
            with self._lock:
                site_dir, self._wanted = self._wanted, None
                if site_dir is None:
                    self._running = False
                    return
            try:
                _log_index(build_index(site_dir, quiet=True))
            except (SearchIndexError, OSError) as err:
                if not self.stopped:
                    log.error("search index: %s", err)


_INDEXER = _Indexer()


def on_shutdown():
    _INDEXER.stopped = True


def head(meta: dict, url: str, is_home: bool, config) -> dict:
    """Everything ss-head.html prints, each value escaped once for where it goes."""
    site_url = config.site_url or ""
    site_name = config.site_name
    title = site_name if is_home else html.unescape(str(meta.get("title") or site_name))
    description = html.unescape(str(meta.get("description") or config.site_description or ""))
    image = urljoin(site_url, OG_IMAGE)
    kind = meta.get("ss_page")
    record = kind in ("overview", "topic") and meta.get("ss_record_title")
    properties = [
        ("og:site_name", site_name), ("og:title", title), ("og:description", description), ("og:url", url),
        ("og:type", "article" if record else "website"), ("og:locale", "ja_JP"), ("og:locale:alternate", "en_US"),
        ("og:image", image), ("og:image:type", "image/png"), ("og:image:width", str(OG_IMAGE_SIZE[0])),
        ("og:image:height", str(OG_IMAGE_SIZE[1])), ("og:image:alt", OG_IMAGE_ALT),
    ]
    names = [("twitter:card", "summary_large_image"), ("twitter:title", title),
             ("twitter:description", description), ("twitter:image", image), ("twitter:image:alt", OG_IMAGE_ALT)]
    if record and meta.get("ss_date"):
        properties.append(("article:published_time", meta["ss_date"]))
    return {
        "properties": [(html.escape(k), html.escape(v)) for k, v in properties],
        "names": [(html.escape(k), html.escape(v)) for k, v in names],
        "jsonld": _script_json(json_ld(meta, url, title, description, image, site_url, config)),
        "cite": _script_json(cite_data(meta, site_name)) if record else None,
    }


def json_ld(meta: dict, url: str, title: str, description: str, image: str, site_url: str, config) -> dict:
    """schema.org: the site, this page, and for record pages the record (a MOFA report about a meeting)."""
    website = {"@type": "WebSite", "@id": site_url + "#website", "url": site_url, "name": config.site_name,
               "description": config.site_description, "inLanguage": ["ja", "en"]}
    kind = meta.get("ss_page")
    page = {"@type": "CollectionPage" if kind in ("home", "glossary", "timeline") else "WebPage",
            "@id": url, "url": url, "name": title, "description": description, "inLanguage": "ja",
            "isPartOf": {"@id": website["@id"]}, "primaryImageOfPage": {"@type": "ImageObject", "url": image}}
    graph = [website, page]
    if kind in ("overview", "topic") and meta.get("ss_record_title"):
        publisher = {"@type": "GovernmentOrganization", "name": meta.get("ss_publisher") or MOFA["ja"]}
        if (meta.get("ss_publisher") or MOFA["ja"]) == MOFA["ja"]:
            publisher.update(alternateName=MOFA["en"], url=MOFA["url"])
        elif meta.get("ss_publisher_en"):
            publisher["alternateName"] = meta["ss_publisher_en"]
        record = {"@type": "Report", "@id": urljoin(url, "../" if kind == "topic" else "./") + "#record",
                  "name": meta["ss_record_title"], "headline": meta["ss_record_title"], "inLanguage": "ja",
                  "publisher": publisher, "author": publisher}
        if meta.get("ss_record_title_en"):
            record["alternateName"] = meta["ss_record_title_en"]
        if meta.get("ss_source_url"):
            record["url"] = meta["ss_source_url"]
            page["isBasedOn"] = meta["ss_source_url"]
        if meta.get("ss_date"):
            record["dateCreated"] = meta["ss_date"]
            record["temporalCoverage"] = meta["ss_date"]
            name = re.sub(r"\s*[（(]?概要[)）]?\s*$", "", meta["ss_record_title"]) or meta["ss_record_title"]
            meeting = {"@type": "Event", "name": name, "startDate": meta["ss_date"],
                       "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode"}
            if meta.get("ss_venue"):
                meeting["location"] = {"@type": "Place", "name": meta["ss_venue"]}
            record["about"] = meeting
        page["about"] = {"@id": record["@id"]}
        graph.append(record)
    return {"@context": "https://schema.org", "@graph": graph}


def cite_data(meta: dict, site_name: str) -> dict:
    """What assets/cite.js needs to cite a passage of this record (raw text; the script escapes)."""
    return {"title": meta.get("ss_record_title"), "title_en": meta.get("ss_record_title_en"),
            "date": meta.get("ss_date"), "era_date": meta.get("ss_era_date"),
            "source_url": meta.get("ss_source_url"), "publisher": meta.get("ss_publisher"),
            "publisher_en": meta.get("ss_publisher_en"), "record": meta.get("ss_record"), "site_name": site_name}


def _script_json(data) -> str:
    """JSON that is safe inside <script>: no '<', '>' or '&' can end the element or open a comment."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
