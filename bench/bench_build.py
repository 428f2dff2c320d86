#!/usr/bin/env python3
"""Build-time benchmark over synthetic collections (see bench/README.md).

    python bench/bench_build.py [--sizes 1,10,100,300] [--runs 3] [--warmup 1] [--no-search-split] [--keep]

For each size N, in a throwaway copy of the project (the seed alone for N=1, else the seed plus
N-1 records from bench/synth.py), after one untimed build (so that compiled Python and templates exist,
as in any project built before), each run moves docs/ and site/ aside, then times the generator
(``scripts/build.py``) and ``mkdocs build --strict`` one after the other, exactly what ``make site``
does (the Pagefind search index is made inside ``mkdocs build`` by the post-build hook); then the
generator once more over the now up-to-date docs/ (the everyday rebuild); and the same docs/ is built
again with ``SS_SEARCH_INDEX=0`` (no index): the search step is the difference of the medians. Prints one table on
stdout (progress goes to stderr) and writes bench/out/bench-<time>.json and bench/out/bench-latest.json.

Nothing is deleted while builds are timed: the old trees are renamed into a trash folder that is removed
when the benchmark ends. On ext4 without a journal (this machine's disk), creating a file searches past
every inode freed in the last 30 seconds or more (``recently_deleted`` in ``find_inode_bit``), so
deleting 1,000 files and at once creating 1,000 more costs up to a millisecond per file: a cost of the
deletion, not of the build that follows it (see bench/README.md).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
sys.path.insert(0, os.path.join(ROOT, "tests"))
sys.path.insert(0, BENCH)

from conftest import SEED_ID, copy_project  # noqa: E402
from synth import write_records  # noqa: E402

PYTHON = sys.executable
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")
COLUMNS = [("N", 5), ("pages", 6), ("gen s", 7), ("mkdocs s", 8), ("search s", 8), ("site s", 7), ("gen %", 6),
           ("site MB", 8), ("topic KB", 8), ("peak MB", 8), ("gen cpu", 7), ("mk cpu", 7), ("srch cpu", 8),
           ("gen cpu %", 9)]
TARGETS = {"site_s_at_100": 30.0, "ratio_300_100": 3.3, "topic_kb": 60.0, "gen_share": 0.10}


def run(cmd: list[str], cwd: str, env: dict | None = None) -> tuple[float, int, float]:
    """Run ``cmd``; return (wall seconds, peak RSS in KiB, CPU seconds user+sys) of that process.

    os.wait4 gives this child's own rusage, so each run's peak is its own (RUSAGE_CHILDREN would
    only ever report the largest child so far)."""
    # Write out what earlier builds left in the page cache first, so that the kernel's writeback of
    # one build's 100 MB does not run during the next one's timing (it swung timings by half).
    os.sync()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=dict(ENV, **(env or {})), stdout=out, stderr=err)
        _pid, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            out.seek(0)
            sys.stderr.write(out.read().decode("utf-8", "replace") + err.read().decode("utf-8", "replace"))
            raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)} in {cwd}")
    return seconds, usage.ru_maxrss, usage.ru_utime + usage.ru_stime


def tree_bytes(folder: str) -> int:
    return sum(os.path.getsize(os.path.join(base, n)) for base, _d, names in os.walk(folder) for n in names)


def topic_pages(site: str, record_id: str) -> list[str]:
    folder = os.path.join(site, record_id)
    return [os.path.join(folder, d, "index.html") for d in sorted(os.listdir(folder))
            if os.path.isfile(os.path.join(folder, d, "index.html"))]


class Trash:
    """Where old trees go during the benchmark: renamed, not deleted, until ``empty()``."""

    def __init__(self):
        self.folder = tempfile.mkdtemp(prefix="summit-bench-trash-")
        self.count = 0

    def discard(self, path: str) -> None:
        if os.path.exists(path):
            self.count += 1
            os.rename(path, os.path.join(self.folder, str(self.count)))

    def empty(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def measure(n: int, runs: int, search_split: bool, keep: bool, trash: Trash, warmup: int = 1) -> dict:
    project = tempfile.mkdtemp(prefix=f"summit-bench-{n}-")
    try:
        copy_project(project)
        records = os.path.join(project, "content", "records")
        ids = [SEED_ID]
        if n > 1:
            ids += [os.path.basename(p)[:-4] for p in write_records(records, n - 1)]
        docs, site = os.path.join(project, "docs"), os.path.join(project, "site")
        gen_cmd = [PYTHON, os.path.join(project, "scripts", "build.py")]
        mkdocs_cmd = [PYTHON, "-m", "mkdocs", "build", "--strict", "-f", os.path.join(project, "mkdocs.yml"),
                      "-d", site]
        other = os.path.join(project, "site-nosearch")
        nosearch_cmd = [PYTHON, "-m", "mkdocs", "build", "--strict", "-f", os.path.join(project, "mkdocs.yml"),
                        "-d", other]
        # One untimed build first, as a project that has been built before: Python's .pyc files and
        # Jinja's compiled templates exist (a fresh copy has neither; the first build writes them).
        for _ in range(warmup):
            run(gen_cmd, project)
            run(mkdocs_cmd, project)
            trash.discard(docs)
            trash.discard(site)
        load_before = os.getloadavg()
        gen, mk, total, gen_rss, mk_rss, gen_cpu, mk_cpu, nosearch, nosearch_cpu, warm = ([] for _ in range(10))
        for k in range(runs):
            trash.discard(docs)
            trash.discard(site)
            g, g_rss, g_cpu = run(gen_cmd, project)
            m, m_rss, m_cpu = run(mkdocs_cmd, project)
            # The everyday rebuild: the same generator over a docs/ that is already up to date.
            warm.append(run(gen_cmd, project)[0])
            gen.append(g), mk.append(m), total.append(g + m), gen_rss.append(g_rss), mk_rss.append(m_rss)
            gen_cpu.append(g_cpu), mk_cpu.append(m_cpu)
            note = ""
            if search_split:
                # Right after the real build, on the same docs/: load spikes hit both alike.
                trash.discard(other)
                s, _rss, s_cpu = run(nosearch_cmd, project, {"SS_SEARCH_INDEX": "0"})
                nosearch.append(s), nosearch_cpu.append(s_cpu)
                note = f", mkdocs without search {s:.2f} s"
            print(f"  N={n} run {k + 1}/{runs}: gen {g:.2f} s, mkdocs {m:.2f} s{note} (load {os.getloadavg()[0]:.2f})",
                  file=sys.stderr)
        trash.discard(other)
        pages = sum(1 for _b, _d, names in os.walk(docs) for x in names if x.endswith(".md"))
        html = sum(1 for _b, _d, names in os.walk(site) for x in names if x.endswith(".html"))
        site_bytes = tree_bytes(site)
        index_bytes = tree_bytes(os.path.join(site, "pagefind"))
        seed_topics = [os.path.getsize(p) for p in topic_pages(site, SEED_ID)]
        all_topics = [os.path.getsize(p) for rid in ids for p in topic_pages(site, rid)]
        med = statistics.median
        result = {
            "n": n, "records": len(ids), "pages": pages, "html_files": html, "runs": runs, "warmup": warmup,
            "gen_s": med(gen), "mkdocs_s": med(mk), "site_s": med(total),
            "mkdocs_nosearch_s": med(nosearch) if nosearch else None,
            "search_s": med(mk) - med(nosearch) if nosearch else None,
            "mkdocs_nosearch_cpu_s": med(nosearch_cpu) if nosearch else None,
            "search_cpu_s": med(mk_cpu) - med(nosearch_cpu) if nosearch else None,
            "gen_share": med(gen) / med(total), "gen_warm_s": med(warm),
            "site_bytes": site_bytes, "search_index_bytes": index_bytes,
            "topic_bytes_seed_max": max(seed_topics), "topic_bytes_all_max": max(all_topics),
            "topic_bytes_all_median": med(all_topics),
            "gen_peak_kib": max(gen_rss), "mkdocs_peak_kib": max(mk_rss),
            "gen_cpu_s": med(gen_cpu), "mkdocs_cpu_s": med(mk_cpu),
            "gen_share_cpu": med(gen_cpu) / (med(gen_cpu) + med(mk_cpu)),
            "samples": {"gen_s": gen, "mkdocs_s": mk, "site_s": total, "mkdocs_nosearch_s": nosearch,
                        "gen_cpu_s": gen_cpu, "mkdocs_cpu_s": mk_cpu, "mkdocs_nosearch_cpu_s": nosearch_cpu,
                        "gen_warm_s": warm},
            "loadavg_before": load_before, "loadavg_after": os.getloadavg(),
        }
        if keep:
            result["project"] = project
        return result
    finally:
        if not keep:
            trash.discard(project)


def row(r: dict) -> list[str]:
    search = f"{r['search_s']:.2f}" if r["search_s"] is not None else "-"
    peak = max(r["gen_peak_kib"], r["mkdocs_peak_kib"]) * 1024 / 1e6
    return [str(r["n"]), str(r["pages"]), f"{r['gen_s']:.2f}", f"{r['mkdocs_s']:.2f}", search, f"{r['site_s']:.2f}",
            f"{100 * r['gen_share']:.1f}", f"{r['site_bytes'] / 1e6:.1f}", f"{r['topic_bytes_seed_max'] / 1e3:.1f}",
            f"{peak:.0f}", f"{r['gen_cpu_s']:.2f}", f"{r['mkdocs_cpu_s']:.2f}",
            f"{r['search_cpu_s']:.2f}" if r["search_cpu_s"] is not None else "-", f"{100 * r['gen_share_cpu']:.1f}"]


def table(results: list[dict]) -> str:
    lines = [" | ".join(name.rjust(width) for name, width in COLUMNS)]
    lines.append("-+-".join("-" * width for _name, width in COLUMNS))
    for r in results:
        lines.append(" | ".join(cell.rjust(width) for cell, (_n, width) in zip(row(r), COLUMNS)))
    return "\n".join(lines)


def summary(results: list[dict]) -> tuple[list[str], dict]:
    by_n = {r["n"]: r for r in results}
    lines, checks = [], {}
    if 100 in by_n and 300 in by_n:
        for key in ("gen_s", "mkdocs_s", "site_s"):
            ratio = by_n[300][key] / by_n[100][key]
            lines.append(f"ratio t(300)/t(100) {key[:-2]}: {ratio:.2f}")
            checks[f"ratio_300_100_{key[:-2]}"] = ratio
        checks["target_ratio"] = checks["ratio_300_100_site"] <= TARGETS["ratio_300_100"]
    lines.append("generator over an up-to-date docs/ (nothing to write): "
                 + ", ".join(f"N={r['n']} {r['gen_warm_s']:.2f} s" for r in results))
    biggest = results[-1]
    lines.append(f"gen share of total at N={biggest['n']}: {100 * biggest['gen_share']:.1f}% of wall time, "
                 f"{100 * biggest['gen_share_cpu']:.1f}% of CPU time")
    if 100 in by_n:
        checks["target_site_100"] = by_n[100]["site_s"] <= TARGETS["site_s_at_100"]
    checks["target_topic_kb"] = all(r["topic_bytes_all_max"] / 1e3 <= TARGETS["topic_kb"] for r in results)
    checks["target_gen_share"] = all(r["gen_share"] <= TARGETS["gen_share"] for r in results if r["n"] >= 10)
    names = {"target_site_100": "make site at N=100 <= 30 s", "target_ratio": "t(300)/t(100) <= 3.3",
             "target_topic_kb": "every topic page <= 60 KB", "target_gen_share": "generator <= 10% of build (N>=10)"}
    for key, label in names.items():
        if key in checks:
            lines.append(f"target {label}: {'met' if checks[key] else 'MISSED'}")
    return lines, checks


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1,10,100,300", help="comma-separated collection sizes")
    parser.add_argument("--runs", type=int, default=3, help="runs per size (the median is reported)")
    parser.add_argument("--warmup", type=int, default=1, help="untimed builds before the timed runs")
    parser.add_argument("--no-search-split", action="store_true", help="skip the builds without search")
    parser.add_argument("--keep", action="store_true", help="keep the temp projects (paths in the JSON)")
    parser.add_argument("--out", default=os.path.join(BENCH, "out"), help="folder for the JSON results")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    started = dt.datetime.now()
    results = []
    trash = Trash()
    try:
        for n in sorted(sizes):
            print(f"N={n}: load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}", file=sys.stderr)
            results.append(measure(n, args.runs, not args.no_search_split, args.keep, trash, args.warmup))
    finally:
        trash.empty()
    lines, checks = summary(results)
    print(f"# summit-site build benchmark {started:%Y-%m-%d %H:%M}, {os.cpu_count()} CPUs, "
          f"median of {args.runs} run(s); load average at start of each N: "
          + ", ".join(f"N={r['n']} {r['loadavg_before'][0]:.2f}" for r in results))
    print(table(results))
    print("\n".join(lines))
    os.makedirs(args.out, exist_ok=True)
    data = {"started": started.isoformat(timespec="seconds"), "python": platform.python_version(),
            "cpus": os.cpu_count(), "runs": args.runs, "targets": TARGETS, "checks": checks, "results": results}
    for name in (f"bench-{started:%Y%m%d-%H%M%S}.json", "bench-latest.json"):
        with open(os.path.join(args.out, name), "w", encoding="utf-8") as handle:
            json.dump(data, handle, indent=2)
            handle.write("\n")
    print(f"results: {os.path.relpath(os.path.join(args.out, 'bench-latest.json'))}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
