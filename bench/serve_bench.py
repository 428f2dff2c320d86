#!/usr/bin/env python3
"""The editor's loop: how long from saving a file to the changed page being served by `make serve`.

    .venv/bin/python bench/serve_bench.py [--records 100] [--edits 5]

In a throwaway copy of the project with N records (the seed and N-1 from bench/synth.py) it runs
`make serve` exactly as an editor does (with this checkout's .venv), waits until the site is served,
then, one at a time:
- edits a record's text ``--edits`` times (a word added to a paragraph of a synthetic record), and
- edits the seed's English, the glossary and the curated timeline once each,
and after each save polls the page that must change (every 20 ms, over HTTP) until it shows the new
text. It prints, per kind of edit, the median seconds from the save to the changed page, the seconds
until the search index is up to date again (the log's 'search index:' line), and how many builds each
save caused (counted in the server's log after things are quiet). Results also go to
``bench/out/serve-latest.json``.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
sys.path.insert(0, BENCH)
sys.path.insert(0, os.path.join(ROOT, "tests"))
sys.path.insert(0, os.path.join(ROOT, "scripts"))

from synth import write_records  # noqa: E402
from conftest import SEED_ID, copy_project  # noqa: E402

BUILD_STARTS = re.compile(r"Building documentation")
INDEXED = re.compile(r"search index: ")


class Server:
    """`make serve` in a project, its log collected line by line."""

    def __init__(self, project: str, port: int):
        self.lines: list[tuple[float, str]] = []
        env = dict(os.environ, PYTHONUNBUFFERED="1")
        self.process = subprocess.Popen(
            ["make", "--no-print-directory", "serve", f"PORT={port}", f"VENV={os.path.join(ROOT, '.venv')}"],
            cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
            start_new_session=True)
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        for line in self.process.stdout:
            self.lines.append((time.perf_counter(), line.rstrip()))

    def count(self, pattern: re.Pattern, since: float) -> int:
        return sum(1 for t, line in list(self.lines) if t >= since and pattern.search(line))

    def last(self, pattern: re.Pattern, since: float) -> float | None:
        return max((t for t, line in list(self.lines) if t >= since and pattern.search(line)), default=None)

    def quiet_for(self, seconds: float, limit: float = 120) -> None:
        """Wait until the log has had no new line for ``seconds``."""
        deadline = time.perf_counter() + limit
        while time.perf_counter() < deadline:
            last = self.lines[-1][0] if self.lines else 0
            if time.perf_counter() - last >= seconds:
                return
            time.sleep(0.1)

    def stop(self):
        os.killpg(self.process.pid, signal.SIGINT)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except Exception:  # noqa: BLE001 - not served yet, or mid-build
        return None


def wait_for(url: str, needle: str, limit: float = 120) -> float:
    """Poll ``url`` until its body holds ``needle``; return the time it did."""
    deadline = time.perf_counter() + limit
    while time.perf_counter() < deadline:
        body = fetch(url)
        if body is not None and needle in body:
            return time.perf_counter()
        time.sleep(0.02)
    raise TimeoutError(f"{url} never showed {needle!r}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def save(path: str, text: str) -> float:
    """Write ``text`` to ``path`` as an editor's save does; return when the save was done."""
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    return time.perf_counter()


def one_edit(server: Server, path: str, old: str, new: str, url: str, needle: str) -> dict:
    """Replace the last ``old`` with ``new`` in ``path`` and time it until ``url`` shows ``needle``."""
    text = open(path, encoding="utf-8").read()
    before, found, after = text.rpartition(old)
    assert found, (path, old)
    saved = save(path, before + new + after)
    shown = wait_for(url, needle)
    server.quiet_for(8.0)  # longer than a search index run: every build and index this save caused is done
    indexed = server.last(INDEXED, saved)
    return {"page_s": round(shown - saved, 3), "index_s": round(indexed - saved, 3) if indexed else None,
            "builds": server.count(BUILD_STARTS, saved)}


def record_edits(server: Server, project: str, base: str, paths: list[str], count: int) -> list[dict]:
    """Add a word to a paragraph of a synthetic record, ``count`` times (a different record each time)."""
    out = []
    for k in range(count):
        path = paths[(k * 7) % len(paths)]
        record_id = os.path.basename(path)[: -len(".txt")]
        record = json.loads(subprocess.run(
            [os.path.join(ROOT, ".venv", "bin", "python"), os.path.join(project, "scripts", "build.py"), "parse",
             path], capture_output=True, text=True, check=True).stdout)
        # The record's last paragraph that ends a sentence: its last occurrence in the file is itself.
        topic, paragraph = next((t, p) for t in reversed(record["topics"]) for s in reversed(t["statements"])
                                for p in reversed(s["paragraphs"]) if p.endswith("。"))
        word = f"ベンチマーク{k}"
        new = paragraph[:-1] + word + "。"
        url = f"{base}{record_id}/topic-{topic['number']}/"  # synthetic records have no YAML slugs
        out.append(one_edit(server, path, paragraph, new, url, word))
        print(f"record edit {k + 1}: {out[-1]}", file=sys.stderr)
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=100)
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args(argv)
    folder = tempfile.mkdtemp(prefix="serve-bench-")
    project = copy_project(os.path.join(folder, "project"))
    for name in ("Makefile", "requirements.txt", "requirements-test.txt"):
        if os.path.exists(os.path.join(ROOT, name)):
            shutil.copy(os.path.join(ROOT, name), project)
    paths = write_records(os.path.join(project, "content", "records"), args.records - 1, seed=0)
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    started = time.perf_counter()
    server = Server(project, port)
    results: dict = {"records": args.records}
    try:
        wait_for(base, "ss-page", limit=600)
        server.quiet_for(3.0, limit=600)
        results["start_s"] = round(time.perf_counter() - started, 2)
        results["start_builds"] = server.count(BUILD_STARTS, started)
        print(f"served after {results['start_s']} s ({results['start_builds']} build(s))", file=sys.stderr)
        results["record"] = record_edits(server, project, base, paths, args.edits)
        english = os.path.join(project, "content", "translations", f"{SEED_ID}.en.yml")
        results["translation"] = one_edit(server, english, 'en: "North Korea"', 'en: "North Korea (edited)"',
                                          f"{base}{SEED_ID}/north-korea/", "North Korea (edited)")
        glossary = os.path.join(project, "content", "glossary.yml")
        results["glossary"] = one_edit(server, glossary, 'en: "Vladimir Putin"', 'en: "Vladimir V. Putin"',
                                       f"{base}glossary/", "Vladimir V. Putin")
        timeline = os.path.join(project, "content", "timeline.yml")
        text = open(timeline, encoding="utf-8").read()
        first_en = re.search(r'\n  en: "([^"\'&<>]+)"', text).group(1)  # printed as it is
        results["timeline"] = one_edit(server, timeline, f'en: "{first_en}"', f'en: "{first_en} (edited)"',
                                       f"{base}timeline/", f"{first_en} (edited)")
    finally:
        server.stop()
        log = [line for _t, line in server.lines]
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    pages = [r["page_s"] for r in results["record"]]
    indexes = [r["index_s"] for r in results["record"] if r["index_s"] is not None]
    print(f"records: {args.records}; served after {results['start_s']} s with {results['start_builds']} build(s)")
    print(f"record edit → page: median {statistics.median(pages):.2f} s (min {min(pages):.2f}, max {max(pages):.2f}; "
          f"{len(pages)} edits); builds per save: {[r['builds'] for r in results['record']]}")
    if indexes:
        print(f"record edit → search index up to date: median {statistics.median(indexes):.2f} s")
    for kind in ("translation", "glossary", "timeline"):
        r = results[kind]
        print(f"{kind} edit → page: {r['page_s']:.2f} s; index {r['index_s']} s; builds {r['builds']}")
    os.makedirs(os.path.join(BENCH, "out"), exist_ok=True)
    with open(os.path.join(BENCH, "out", "serve-latest.json"), "w", encoding="utf-8") as handle:
        json.dump(results | {"log_tail": log[-40:]}, handle, ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
