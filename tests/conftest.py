"""Shared fixtures: the repository, synthetic records, and real builds (generator + mkdocs --strict)."""
from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
sys.path.insert(0, os.path.join(ROOT, "tests"))

SEED = os.path.join(ROOT, "content", "records", "2003-01-10-japan-russia.txt")
SEED_ID = "2003-01-10-japan-russia"
# Synthetic records written for the tests, one per layout of MOFA's pages (with a YAML beside some).
FIXTURES = sorted(glob.glob(os.path.join(ROOT, "tests", "fixtures", "*.txt")))
# Real MOFA pages with their correct parses, when ../shared/real-dev/ is beside this checkout.
REAL_DEV = os.path.join(os.path.dirname(ROOT), "shared", "real-dev")
REAL = sorted(glob.glob(os.path.join(REAL_DEV, "*.txt")))


def real_record_id(path: str) -> str:
    """The record id a real page gets in a test site: 'real-07-au-hanoi-h18'."""
    return "real-" + re.sub(r"[^a-z0-9]+", "-", os.path.basename(path)[: -len(".txt")].lower()).strip("-")
PYTHON = sys.executable
MKDOCS = [PYTHON, "-m", "mkdocs"]

HEADER = ("外務省 English リンクページ よくある質問集 検索 サイトマップ\n"
          "外務省案内 渡航関連情報 各国・地域情勢 外交政策 ODA\n"
          "会談・訪問 報道・広報 キッズ外務省 資料・公開情報 各種手続き\n"
          "トップページ 会談・訪問 小泉総理大臣\n小泉総理大臣\n\n\n")
FOOTER = "\n\n目次\n\n外務省案内 渡航関連情報 各国・地域情勢 外交政策 ODA\n会談・訪問 報道・広報 キッズ外務省 資料・公開情報 各種手続き\n外務省"


def make_record(body: str, header: str = HEADER, footer: str = FOOTER) -> str:
    """A record in MOFA's page-as-text form around ``body`` (title, date, lead, topics)."""
    return header + body.strip("\n") + footer


@pytest.fixture(scope="session")
def seed_record():
    from summitsite.pipeline import read_record
    return read_record(SEED, ROOT)


def copy_project(dest: str, records: dict[str, str] | None = None, with_seed_content: bool = True) -> str:
    """A throwaway copy of the project (config, overrides, scripts, content) to build in."""
    os.makedirs(dest, exist_ok=True)
    for name in ("mkdocs.yml", "overrides", "scripts"):
        src = os.path.join(ROOT, name)
        if os.path.isdir(src):
            shutil.copytree(src, os.path.join(dest, name), ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(src, dest)
    if with_seed_content:
        shutil.copytree(os.path.join(ROOT, "content"), os.path.join(dest, "content"))
    else:
        os.makedirs(os.path.join(dest, "content", "records"))
    for name, text in (records or {}).items():
        with open(os.path.join(dest, "content", "records", name), "w", encoding="utf-8") as handle:
            handle.write(text)
    return dest


def run_build(project: str, *args: str) -> subprocess.CompletedProcess:
    """Run the project's generator as a user would."""
    return subprocess.run([PYTHON, os.path.join(project, "scripts", "build.py"), *args], cwd=project,
                          capture_output=True, text=True, timeout=300)


def run_mkdocs(project: str, site_dir: str, env: dict | None = None, quiet: bool = True) -> subprocess.CompletedProcess:
    """A real ``mkdocs build --strict`` of ``project`` into ``site_dir`` (``make site``: it regenerates
    docs/ first); ``quiet=False`` keeps MkDocs' INFO lines."""
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env or {}))
    return subprocess.run([*MKDOCS, "build", "--strict", *(["-q"] if quiet else []), "-f",
                           os.path.join(project, "mkdocs.yml"), "-d", site_dir],
                          cwd=project, capture_output=True, text=True, timeout=600, env=environment)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The seed site, generated and built for real in a copy of the project; returns its site dir."""
    project = copy_project(str(tmp_path_factory.mktemp("project")))
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    site = os.path.join(project, "site")
    result = run_mkdocs(project, site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory):
    """The seed with every record of tests/fixtures/ (and its YAML) and the real pages of
    ../shared/real-dev/ (when present) in one project, built for real with its search index; returns
    (project, site dir). Only the seed has English."""
    project = copy_project(str(tmp_path_factory.mktemp("fixtures")))
    records = os.path.join(project, "content", "records")
    for path in FIXTURES:
        shutil.copy(path, records)
        meta = path[: -len(".txt")] + ".yml"
        if os.path.exists(meta):
            shutil.copy(meta, records)
    for path in REAL:
        shutil.copy(path, os.path.join(records, real_record_id(path) + ".txt"))
    os.makedirs(os.path.join(project, "docs"))  # as `make site` makes it
    site = os.path.join(project, "site")
    result = run_mkdocs(project, site)
    assert result.returncode == 0, result.stderr
    return project, site


@pytest.fixture(scope="session")
def browser():
    from browser import chromium
    with chromium() as b:
        yield b


@pytest.fixture()
def open_page(browser):
    """``open_page(base, **context_options)``: a page in a fresh browser context (1280×900 unless given);
    when the test ends, every page it opened must have had no console error, no page error, no failed
    response and no request leaving ``base`` (``not_found=(...)`` names URLs a test knows are 404)."""
    import contextlib

    from browser import watched_page
    with contextlib.ExitStack() as stack:
        yield lambda base, **options: stack.enter_context(watched_page(browser, base, **options))


@pytest.fixture(scope="session")
def site_url(built_site):
    from browser import serve
    with serve(built_site) as base:
        yield base
