#!/usr/bin/env python3
"""Search at scale: the seed record plus N-1 synthetic records (bench/synth.py), built, indexed, and
searched by fresh visitors in real headless Chromium.

    python bench/search_scale.py [--records 100] [--keep DIR]

For each query, --repeat times, a new browser context (empty cache) opens a topic page, presses "/",
types the query and waits for the results. Printed per query: results shown, median and worst time from
typing to results shown (including loading Pagefind and the 100 ms typing debounce), bytes and requests
fetched by the search, and how many index chunks and fragments it fetched (of how many there are). A search should fetch only the chunks for its words and one fragment per result checked.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "tests"))

from browser import chromium, serve  # noqa: E402
from search_bench import Session, build_site, served_size  # noqa: E402

QUERIES = ["北朝鮮", "プーチン", "六ケ所村", "くるみ割り人形", "日露 行動計画", "North Korea", "Putin", "fisheries",
           "ITER", "気候変動"]
TOPIC = "2003-01-10-japan-russia/energy/"


def synthetic_records(n: int) -> dict[str, str]:
    from synth import write_records

    folder = tempfile.mkdtemp(prefix="ss-synth-")
    try:
        return {os.path.basename(p): open(p, encoding="utf-8").read() for p in write_records(folder, n, seed=0)}
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def count_files(site: str, sub: str) -> int:
    folder = os.path.join(site, "pagefind", sub)
    return len(os.listdir(folder)) if os.path.isdir(folder) else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=100)
    parser.add_argument("--site", help="an already built and indexed site (skips the build)")
    parser.add_argument("--keep", help="build into this folder and keep it")
    parser.add_argument("--repeat", type=int, default=3, help="fresh visitors per query (median and max shown)")
    args = parser.parse_args(argv)
    temp = None
    site = args.site
    if not site:
        dest = args.keep or tempfile.mkdtemp(prefix="ss-search-scale-")
        temp = None if args.keep else dest
        os.makedirs(dest, exist_ok=True)
        print(f"building {args.records} records…", file=sys.stderr)
        started = time.perf_counter()
        site = build_site(dest, synthetic_records(args.records - 1) if args.records > 1 else None)
        print(f"built and indexed in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    try:
        pages = sum(1 for _, _, names in os.walk(site) for n in names if n == "index.html")
        index_bytes = sum(os.path.getsize(os.path.join(f, n)) for f, _, ns in os.walk(os.path.join(site, "pagefind"))
                          for n in ns)
        chunks, fragments = count_files(site, "index"), count_files(site, "fragment")
        print(f"{args.records} records, {pages} pages; index {index_bytes / 1e6:.2f} MB: {chunks} index chunks, "
              f"{fragments} fragments; load average {os.getloadavg()[0]:.1f}")
        print(f"{'query':<16}{'results':>8}{'median ms':>10}{'max ms':>8}{'kB':>6}{'requests':>9}{'chunks':>7}"
              f"{'fragments':>10}")
        worst = []
        with serve(site) as base, chromium() as browser:
            for query in QUERIES:
                times = []
                for _ in range(args.repeat):
                    session = Session(browser, base, "pagefind")
                    try:
                        session.open(TOPIC)
                        session.fetched.clear()
                        items, seconds = session.ask(query)
                        session.page.wait_for_load_state("networkidle")
                        meta = session.page.locator(".md-search-result__meta").inner_text()
                        fetched = [(u, served_size(site, base, u, n)) for u, n in session.fetched]
                        times.append(seconds)
                        if session.offsite or session.errors:
                            print(f"  PROBLEMS: {session.offsite} {session.errors}")
                    finally:
                        session.close()
                n_chunks = sum(1 for url, _ in fetched if "/pagefind/index/" in url)
                n_frags = sum(1 for url, _ in fetched if "/pagefind/fragment/" in url)
                median = sorted(times)[len(times) // 2]
                worst.append(median)
                print(f"{query:<16}{meta.split()[0]:>8}{median * 1000:>10.0f}{max(times) * 1000:>8.0f}"
                      f"{sum(s for _, s in fetched) / 1e3:>6.0f}{len(fetched):>9}{n_chunks:>7}{n_frags:>10}")
        worst = max(worst)
        print(f"slowest median first query: {worst * 1000:.0f} ms (target < 1000 ms); "
              f"load average {os.getloadavg()[0]:.1f}")
    finally:
        if temp:
            shutil.rmtree(temp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
