#!/usr/bin/env python3
"""Screenshots of the search box with results, desktop and phone, light and dark, for a person to look at.

    python bench/search_screenshots.py [SITE_DIR] [OUT_DIR]   (defaults: site/ and bench/out/screenshots/)

Shots: the header field closed; search open from ?q= (Japanese and English queries) with the second
result active (arrow keys); a passage reached from a result (highlighted on arrival).
"""
from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests"))
from browser import chromium, contexts, serve  # noqa: E402

SIZES = {"desktop": (1280, 900), "phone": (390, 844)}
TOPIC = "2003-01-10-japan-russia/other-economic-relations/"
WAIT = ("() => { const r = document.querySelector('[data-search-results]');"
        " return r && r.getAttribute('data-search-state') === 'done'; }")


def main() -> int:
    site = sys.argv[1] if len(sys.argv) > 1 else "site"
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join("bench", "out", "screenshots")
    os.makedirs(out, exist_ok=True)
    with serve(site) as base, chromium() as browser:
        for scheme, size, context in contexts(browser, SIZES):
            page = context.new_page()
            page.goto(base + TOPIC)
            page.wait_for_load_state("networkidle")
            page.screenshot(path=os.path.join(out, f"search-closed-{size}-{scheme}.png"))
            for name, query in (("search-ja", "六ケ所村"), ("search-en", "North Korea")):
                page.goto(base + TOPIC + "?q=" + query)
                page.wait_for_function(WAIT)
                page.keyboard.press("ArrowDown")
                page.keyboard.press("ArrowDown")
                page.wait_for_timeout(500)  # Material's opening transition
                page.screenshot(path=os.path.join(out, f"{name}-{size}-{scheme}.png"))
            page.goto(base + TOPIC + "?q=漁業")
            page.wait_for_function(WAIT)
            page.keyboard.press("Enter")
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(300)
            page.screenshot(path=os.path.join(out, f"search-arrival-{size}-{scheme}.png"))
            for name in ("search-closed", "search-ja", "search-en", "search-arrival"):
                print(os.path.join(out, f"{name}-{size}-{scheme}.png"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
