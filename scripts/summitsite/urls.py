"""Site paths: where each page lives in docs/ and its directory URL, and relative links between them.

Links inside generated HTML are relative, so the site works at a domain root and under a
project sub-path (https://user.github.io/repo/) alike.
"""
from __future__ import annotations

import posixpath

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
    if target == from_url:
        link = ""
    else:
        link = posixpath.relpath(target or ".", from_url or ".")
        if link == ".":
            link = "./"
        elif not posixpath.splitext(target)[1]:
            link += "/"
    return f"{link}#{fragment}" if fragment else (link or "./")
