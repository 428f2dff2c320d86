#!/usr/bin/env python3
"""Screenshots of each page type at desktop and phone widths, light and dark, for a person to look at.

    python bench/screenshots.py [SITE_DIR] [OUT_DIR]     (defaults: site/ and bench/out/screenshots/)
"""
from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests"))
from browser import chromium, contexts, serve  # noqa: E402

PAGES = {
    "home": "",
    "overview": "2003-01-10-japan-russia/",
    "topic": "2003-01-10-japan-russia/importance-of-relations/",
    "topic-furigana": "2003-01-10-japan-russia/importance-of-relations/?furigana=1",
    "topic-japanese-only": "2003-01-10-japan-russia/importance-of-relations/?en=0&furigana=1",
    "topic-items": "2003-01-10-japan-russia/other-economic-relations/",
    "glossary": "glossary/",
    "timeline": "timeline/",
}
SIZES = {"desktop": (1280, 900), "phone": (390, 844)}
RESET = "?en=1&furigana=0&marks=1"  # preferences are remembered: each shot starts from the defaults


def one_page_record(site: str) -> str | None:
    """The first record of the site written on one page (a telephone talk without topic titles), if any."""
    for name in sorted(os.listdir(site)):
        folder = os.path.join(site, name)
        if os.path.isfile(os.path.join(folder, "record.json")) and not any(
                os.path.isdir(os.path.join(folder, sub)) for sub in os.listdir(folder)):
            return name + "/"
    return None


def main() -> int:
    site = sys.argv[1] if len(sys.argv) > 1 else "site"
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join("bench", "out", "screenshots")
    pages = dict(PAGES)
    if one_page_record(site):
        pages["one-page-record"] = one_page_record(site)
    only = sys.argv[3].split(",") if len(sys.argv) > 3 else list(pages) + ["popover"]
    os.makedirs(out, exist_ok=True)
    with serve(site) as base, chromium() as browser:
        for scheme, size, context in contexts(browser, SIZES):
            page = context.new_page()
            for name in only:
                page.goto(base + RESET)
                if name == "popover":  # a term's popover, opened from the keyboard
                    page.goto(base + PAGES["topic"])
                    page.locator("a.ss-term[tabindex='0']").first.focus()
                else:
                    page.goto(base + pages[name])
                page.wait_for_load_state("networkidle")
                path = os.path.join(out, f"{name}-{size}-{scheme}.png")
                page.screenshot(path=path, full_page=False)
                print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
