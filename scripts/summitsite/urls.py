"""Site paths: where each page lives in docs/ and its directory URL, and relative links between them.

Links inside generated HTML are relative, so the site works at a domain root and under a
project sub-path (https://user.github.io/repo/) alike.
"""
from __future__ import annotations

import posixpath
from functools import lru_cache

HOME = ""
GLOSSARY = "glossary/"
TIMELINE = "timeline/"


def record_url(record_id: str) -> str:
    return f"{record_id}/"


def topic_url(record_id: str, slug: str) -> str:
    return f"{record_id}/{slug}/"


def source_path(url: str) -> str:
    """docs/-relative Markdown file of a directory URL ('' → index.md, 'a/' → a/index.md, 'a/b/' → a/b.md)."""
    if url == "":
        return "index.md"
    parts = url.rstrip("/").split("/")
    if len(parts) == 1:
        return f"{parts[0]}.md" if url in (GLOSSARY, TIMELINE) else f"{parts[0]}/index.md"
    return "/".join(parts[:-1]) + f"/{parts[-1]}.md"


def rel(from_url: str, to: str) -> str:
    """Relative link from the page at ``from_url`` to ``to`` (a URL, maybe with #fragment)."""
    target, _, fragment = to.partition("#")
    link = "" if target == from_url else _path_link(target, from_url)
    return f"{link}#{fragment}" if fragment else (link or "./")


@lru_cache(maxsize=65536)
def _path_link(target: str, from_url: str) -> str:
    """The path part of ``rel``: a page links to the same few pages many times over (each passage of
    a topic to the glossary, the glossary to each topic page), so each pair is worked out once."""
    link = _relpath(target or ".", from_url or ".")
    if link == ".":
        return "./"
    return link if posixpath.splitext(target)[1] else link + "/"


def _relpath(path: str, start: str) -> str:
    """posixpath.relpath for site-relative paths, without its two os.getcwd() calls per link.

    Both paths are relative to the same root, so the working directory relpath prefixes to each
    cancels out. Paths with '.' or '..' segments, or absolute ones, are left to posixpath.relpath."""
    start_list = [x for x in start.split("/") if x]
    path_list = [x for x in path.split("/") if x]
    if (start.startswith("/") or path.startswith("/") or "." in start_list or ".." in start_list
            or "." in path_list or ".." in path_list):
        return posixpath.relpath(path, start)
    i = 0
    for a, b in zip(start_list, path_list):
        if a != b:
            break
        i += 1
    return "/".join([".."] * (len(start_list) - i) + path_list[i:]) or "."
