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
    "topic-items": "2003-01-10-japan-russia/other-economic-relations/",
    "glossary": "glossary/",
    "timeline": "timeline/",
}
SIZES = {"desktop": (1280, 900), "phone": (390, 844)}


def main() -> int:
    site = sys.argv[1] if len(sys.argv) > 1 else "site"
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join("bench", "out", "screenshots")
    only = sys.argv[3].split(",") if len(sys.argv) > 3 else list(PAGES)
    os.makedirs(out, exist_ok=True)
    with serve(site) as base, chromium() as browser:
        for scheme, size, context in contexts(browser, SIZES):
            page = context.new_page()
            for name in only:
                page.goto(base + PAGES[name])
                page.wait_for_load_state("networkidle")
                path = os.path.join(out, f"{name}-{size}-{scheme}.png")
                page.screenshot(path=path, full_page=False)
                print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
