"""`make serve`, the editor's loop, for real: a save is served after one build, a bad save leaves the last
good site served with the problem in the log, a fix brings it back, a template change reaches every page
and a record taken away leaves the site. (The timings are bench/serve_bench.py's.)"""
from __future__ import annotations

import os
import re
import shutil
import sys
import time

import pytest

from conftest import ROOT, SEED_ID, copy_project, make_record

sys.path.insert(0, os.path.join(ROOT, "bench"))
from serve_bench import BUILD_STARTS, Server, fetch, free_port, save, wait_for  # noqa: E402

OTHER = make_record("日米首脳会談概要\n\n平成15年5月23日\n\n 会談が行われた。\n\n1.北朝鮮\n(1)ブッシュ大統領より、述べた。")


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    project = copy_project(str(tmp_path_factory.mktemp("serve")), {"2003-05-23-japan-us.txt": OTHER})
    for name in ("Makefile", "requirements.txt", "requirements-test.txt"):
        if os.path.exists(os.path.join(ROOT, name)):
            shutil.copy(os.path.join(ROOT, name), project)
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    server = Server(project, port)
    try:
        wait_for(base, "ss-page", limit=120)
        server.quiet_for(2.0)
        yield project, base, server
    finally:
        server.stop()


def page_of(url: str) -> str | None:
    """The page as served, without the live-reload script MkDocs adds (it names the build it came from)."""
    body = fetch(url)
    return re.sub(r"<script>\s*var livereload = .*?</script>", "", body, flags=re.S) if body else None


def log_since(server: Server, since: float) -> str:
    return "\n".join(line for t, line in list(server.lines) if t >= since)


def test_a_save_is_served_after_one_build(served):
    project, base, server = served
    path = os.path.join(project, "content", "records", "2003-05-23-japan-us.txt")
    text = open(path, encoding="utf-8").read()
    saved = save(path, text.replace("述べた。", "述べた。首脳会談は和やかに行われた。"))
    wait_for(f"{base}2003-05-23-japan-us/topic-1/", "首脳会談は和やかに行われた。")
    server.quiet_for(2.0)
    assert server.count(BUILD_STARTS, saved) == 1, log_since(server, saved)
    assert re.search(r"generated docs/ from 2 record\(s\) in [\d.]+ s \(CPU [\d.]+ s\): [1-9]\d* written",
                     log_since(server, saved))


def test_a_bad_save_keeps_the_last_good_site_and_a_fix_brings_it_back(served):
    project, base, server = served
    path = os.path.join(project, "content", "records", "2003-05-23-japan-us.txt")
    good = open(path, encoding="utf-8").read()
    page = f"{base}2003-05-23-japan-us/topic-1/"
    before = page_of(page)
    saved = save(path, good.replace("1.北朝鮮", "3.北朝鮮"))
    deadline = time.perf_counter() + 30
    while "expected topic 1, found topic 3" not in log_since(server, saved):
        assert time.perf_counter() < deadline, log_since(server, saved)
        time.sleep(0.1)
    server.quiet_for(1.5)
    assert "content/records/2003-05-23-japan-us.txt:14: expected topic 1, found topic 3" in log_since(server, saved)
    assert "Traceback" not in log_since(server, saved)
    assert before and page_of(page) == before, "the last good page is still served"
    assert fetch(base) is not None
    fixed = save(path, good.replace("1.北朝鮮", "1.北朝鮮問題"))
    wait_for(page, "北朝鮮問題")
    server.quiet_for(1.5)
    assert server.count(BUILD_STARTS, fixed) == 1


def test_a_template_change_reaches_every_page(served):
    project, base, server = served
    template = os.path.join(project, "overrides", "main.html")
    text = open(template, encoding="utf-8").read()
    marked = text.replace("{{ super() }}", "{{ super() }}<!-- ss-serve-test -->", 1)
    assert marked != text
    save(template, marked)
    wait_for(f"{base}{SEED_ID}/iraq/", "ss-serve-test")
    for page in ("", f"{SEED_ID}/", "glossary/", "2003-05-23-japan-us/topic-1/"):
        assert "ss-serve-test" in (fetch(base + page) or ""), page
    save(template, text)
    wait_for(f"{base}glossary/", "<html")
    server.quiet_for(1.5)


def test_a_record_taken_away_leaves_the_site(served):
    project, base, server = served
    os.remove(os.path.join(project, "content", "records", "2003-05-23-japan-us.txt"))
    deadline = time.perf_counter() + 30
    while fetch(f"{base}2003-05-23-japan-us/topic-1/") is not None:
        assert time.perf_counter() < deadline
        time.sleep(0.1)
    assert "日米首脳会談概要" not in fetch(base)
