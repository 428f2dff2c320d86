#!/usr/bin/env python3
"""Build-time benchmark over synthetic collections (see bench/README.md).

    python bench/bench_build.py [--sizes 1,10,100,300] [--runs 3] [--warmup 1] [--no-search-split] [--keep]

For each size N, in a throwaway copy of the project (the seed alone for N=1, else the seed plus
N-1 records from bench/synth.py), after one untimed build (so that compiled Python and templates exist,
as in any project built before), each run moves docs/ and site/ aside and times ``make site``: one
``mkdocs build --strict`` whose pre-build hook generates docs/ from content/ (it logs how long that took,
wall and CPU: the generator's columns) and whose post-build hook makes the Pagefind search index. Then
the generator on its own, ``scripts/build.py`` in its own process as ``make docs`` runs it, over the
now up-to-date docs/ (the everyday rebuild) and over no docs/; and the same site is built again with
``SS_SEARCH_INDEX=0`` (no index): the search step is the difference of the medians of what is not the
generator. Prints one table on stdout (progress goes to stderr) and writes bench/out/bench-<time>.json
and bench/out/bench-latest.json.

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
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
sys.path.insert(0, os.path.join(ROOT, "tests"))
sys.path.insert(0, BENCH)

from conftest import SEED_ID, copy_project  # noqa: E402
from synth import write_records  # noqa: E402

PYTHON = sys.executable
# Without PYTHONDONTWRITEBYTECODE (set in some shells and containers): a project built before has its
# scripts' compiled bytecode, and the warm-up build writes it into the fresh copy as any first build does.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"NO_MKDOCS_2_WARNING": "1"}
# The pre-build hook's line (scripts/mkdocs_hooks.py): the generator's wall and CPU time in the build.
GENERATED = re.compile(r"generated docs/ from \d+ record\(s\) in (?P<wall>\d+\.\d+) s \(CPU (?P<cpu>\d+\.\d+) s")
COLUMNS = [("N", 5), ("pages", 6), ("gen s", 7), ("mkdocs s", 8), ("search s", 8), ("site s", 7), ("gen %", 6),
           ("site MB", 8), ("topic KB", 8), ("peak MB", 8), ("gen cpu", 7), ("mk cpu", 7), ("srch cpu", 8),
           ("gen cpu %", 9)]
TARGETS = {"site_s_at_100": 30.0, "ratio_300_100": 3.3, "topic_kb": 60.0}


@dataclass
class Timed:
    """One command's run: wall seconds, peak RSS (KiB), CPU seconds (user + sys, its children's too),
    and what it wrote on stderr."""

    seconds: float
    peak_kib: int
    cpu: float
    stderr: str

    def generator(self) -> tuple[float, float]:
        """The generator's (wall, CPU) seconds inside this ``mkdocs build``, from the hook's line."""
        m = GENERATED.search(self.stderr)
        if not m:
            raise SystemExit("mkdocs build did not log 'generated docs/ …' (scripts/mkdocs_hooks.py):\n" + self.stderr)
        return float(m["wall"]), float(m["cpu"])


def run(cmd: list[str], cwd: str, env: dict | None = None) -> Timed:
    """Run ``cmd`` and time it. os.wait4 gives this child's own rusage, so each run's peak is its own
    (RUSAGE_CHILDREN would only ever report the largest child so far)."""
    # Write out what earlier builds left in the page cache first, so that the kernel's writeback of
    # one build's 100 MB does not run during the next one's timing (it swung timings by half).
    os.sync()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=dict(ENV, **(env or {})), stdout=out, stderr=err)
        _pid, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
        if proc.returncode != 0:
            out.seek(0)
            sys.stderr.write(out.read().decode("utf-8", "replace") + stderr)
            raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)} in {cwd}")
    return Timed(seconds, usage.ru_maxrss, usage.ru_utime + usage.ru_stime, stderr)


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


def settle(trash: Trash, limit_us: float = 60.0, pause: float = 20.0, patience: float = 420.0) -> float:
    """Wait until creating a file costs less than ``limit_us`` again (or ``patience`` seconds pass) and
    return what it costs, in µs. On this disk creating files is several times slower for a few minutes
    after many were deleted (see the module's docstring): by a test run, say, or an earlier benchmark.
    The probe writes 300 files of 4 KB into the trash, which is emptied only at the end."""
    waited = 0.0
    while True:
        os.sync()
        folder = tempfile.mkdtemp(prefix="probe-", dir=trash.folder)
        started = time.perf_counter()
        for i in range(300):
            with open(os.path.join(folder, f"{i}.md"), "xb") as handle:
                handle.write(b"x" * 4000)
        cost = (time.perf_counter() - started) / 300 * 1e6
        if cost <= limit_us or waited >= patience:
            return cost
        print(f"  creating a file costs {cost:.0f} µs (files deleted in the last minutes?): waiting {pause:.0f} s",
              file=sys.stderr)
        time.sleep(pause)
        waited += pause


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
        # `make site`: `mkdir -p docs` (MkDocs checks that docs_dir exists before its hooks run), then this.
        site_cmd = [PYTHON, "-m", "mkdocs", "build", "--strict", "-f", os.path.join(project, "mkdocs.yml"),
                    "-d", site]
        other = os.path.join(project, "site-nosearch")
        nosearch_cmd = [PYTHON, "-m", "mkdocs", "build", "--strict", "-f", os.path.join(project, "mkdocs.yml"),
                        "-d", other]
        # One untimed build first, as a project that has been built before: Python's .pyc files and
        # Jinja's compiled templates exist (a fresh copy has neither; the first build writes them).
        for _ in range(warmup):
            os.makedirs(docs, exist_ok=True)
            run(site_cmd, project)
            run(gen_cmd, project)
            trash.discard(docs)
            trash.discard(site)
        create_us = settle(trash)
        load_before = os.getloadavg()
        keys = ("site", "site_cpu", "peak", "gen", "gen_cpu", "mk", "mk_cpu", "alone", "alone_cpu", "alone_peak",
                "warm", "nosearch", "nosearch_cpu", "warm_inside")
        t: dict[str, list] = {key: [] for key in keys}
        for k in range(runs):
            trash.discard(docs)
            trash.discard(site)
            os.mkdir(docs)
            built = run(site_cmd, project)
            g, g_cpu = built.generator()
            t["site"].append(built.seconds), t["site_cpu"].append(built.cpu), t["peak"].append(built.peak_kib)
            t["gen"].append(g), t["gen_cpu"].append(g_cpu)
            t["mk"].append(built.seconds - g), t["mk_cpu"].append(built.cpu - g_cpu)
            # The generator on its own (`make docs`): over the up-to-date docs/ (the everyday rebuild),
            # then over none (a first build).
            t["warm"].append(run(gen_cmd, project).seconds)
            trash.discard(docs)
            alone = run(gen_cmd, project)
            t["alone"].append(alone.seconds), t["alone_cpu"].append(alone.cpu), t["alone_peak"].append(alone.peak_kib)
            note = ""
            if search_split:
                # Right after the real build, on the same content: load spikes hit both alike.
                trash.discard(other)
                bare = run(nosearch_cmd, project, {"SS_SEARCH_INDEX": "0"})
                bare_gen, bare_gen_cpu = bare.generator()
                t["nosearch"].append(bare.seconds - bare_gen), t["nosearch_cpu"].append(bare.cpu - bare_gen_cpu)
                t["warm_inside"].append(bare_gen)  # this build's generator found docs/ up to date
                note = f", without search {bare.seconds:.2f} s"
            print(f"  N={n} run {k + 1}/{runs}: site {built.seconds:.2f} s (generator {g:.3f} s), generator alone "
                  f"{alone.seconds:.2f} s{note} (load {os.getloadavg()[0]:.2f})", file=sys.stderr)
        trash.discard(other)
        pages = sum(1 for _b, _d, names in os.walk(docs) for x in names if x.endswith(".md"))
        html = sum(1 for _b, _d, names in os.walk(site) for x in names if x.endswith(".html"))
        site_bytes = tree_bytes(site)
        index_bytes = tree_bytes(os.path.join(site, "pagefind"))
        seed_topics = [os.path.getsize(p) for p in topic_pages(site, SEED_ID)]
        all_topics = [os.path.getsize(p) for rid in ids for p in topic_pages(site, rid)]
        med = statistics.median
        nosearch = t["nosearch"]
        result = {
            "n": n, "records": len(ids), "pages": pages, "html_files": html, "runs": runs, "warmup": warmup,
            "gen_s": med(t["gen"]), "mkdocs_s": med(t["mk"]), "site_s": med(t["site"]),
            "mkdocs_nosearch_s": med(nosearch) if nosearch else None,
            "search_s": med(t["mk"]) - med(nosearch) if nosearch else None,
            "mkdocs_nosearch_cpu_s": med(t["nosearch_cpu"]) if nosearch else None,
            "search_cpu_s": med(t["mk_cpu"]) - med(t["nosearch_cpu"]) if nosearch else None,
            "gen_share": med(t["gen"]) / med(t["site"]), "gen_warm_s": med(t["warm"]),
            "gen_alone_s": med(t["alone"]), "gen_alone_cpu_s": med(t["alone_cpu"]),
            "gen_warm_inside_s": med(t["warm_inside"]) if t["warm_inside"] else None,
            "site_bytes": site_bytes, "search_index_bytes": index_bytes,
            "topic_bytes_seed_max": max(seed_topics), "topic_bytes_all_max": max(all_topics),
            "topic_bytes_all_median": med(all_topics),
            "site_peak_kib": max(t["peak"]), "gen_alone_peak_kib": max(t["alone_peak"]),
            "gen_cpu_s": med(t["gen_cpu"]), "mkdocs_cpu_s": med(t["mk_cpu"]),
            "gen_share_cpu": med(t["gen_cpu"]) / med(t["site_cpu"]),
            "samples": t, "loadavg_before": load_before, "loadavg_after": os.getloadavg(),
            "file_create_us_before": create_us,
        }
        if keep:
            result["project"] = project
        return result
    finally:
        if not keep:
            trash.discard(project)


def row(r: dict) -> list[str]:
    search = f"{r['search_s']:.2f}" if r["search_s"] is not None else "-"
    peak = max(r["site_peak_kib"], r["gen_alone_peak_kib"]) * 1024 / 1e6
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
    lines.append("scripts/build.py on its own (its own process, as `make docs`): over no docs/ "
                 + ", ".join(f"N={r['n']} {r['gen_alone_s']:.2f} s" for r in results)
                 + "; over an up-to-date docs/ (nothing to write) "
                 + ", ".join(f"N={r['n']} {r['gen_warm_s']:.2f} s" for r in results))
    if all(r["gen_warm_inside_s"] is not None for r in results):
        lines.append("generator inside the build over an up-to-date docs/ (the everyday make site): "
                     + ", ".join(f"N={r['n']} {r['gen_warm_inside_s']:.2f} s" for r in results))
    biggest = results[-1]
    lines.append(f"gen share of total at N={biggest['n']}: {100 * biggest['gen_share']:.1f}% of wall time, "
                 f"{100 * biggest['gen_share_cpu']:.1f}% of CPU time")
    if 100 in by_n:
        checks["target_site_100"] = by_n[100]["site_s"] <= TARGETS["site_s_at_100"]
    checks["target_topic_kb"] = all(r["topic_bytes_all_max"] / 1e3 <= TARGETS["topic_kb"] for r in results)
    names = {"target_site_100": "make site at N=100 <= 30 s", "target_ratio": "t(300)/t(100) <= 3.3",
             "target_topic_kb": "every topic page <= 60 KB"}
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
          + ", ".join(f"N={r['n']} {r['loadavg_before'][0]:.2f}" for r in results)
          + "; creating a file: " + ", ".join(f"N={r['n']} {r['file_create_us_before']:.0f} µs" for r in results))
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
