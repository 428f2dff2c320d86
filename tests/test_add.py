"""Adding a record is one command (`build.py add`, `make add`), `status` says how far the English has come,
and a record without English reads as a Japanese page, in real Chromium."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess

import pytest

from conftest import PYTHON, REAL, ROOT, SEED_ID, copy_project, run_mkdocs

FIXTURES = os.path.join(ROOT, "tests", "fixtures")
TELEPHONE = os.path.join(FIXTURES, "telephone-no-title.txt")
VISIT = os.path.join(FIXTURES, "visit-heading-items-tail.txt")
REIWA = os.path.join(FIXTURES, "country-section-reiwa-no-blank-lines.txt")


def add(project: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([PYTHON, os.path.join(project, "scripts", "build.py"), "add", *args], cwd=project,
                          capture_output=True, text=True, timeout=60)


def status(project: str) -> list[str]:
    result = subprocess.run([PYTHON, os.path.join(project, "scripts", "build.py"), "status"], cwd=project,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def tree(folder: str) -> dict[str, bytes]:
    return {os.path.relpath(os.path.join(base, n), folder): open(os.path.join(base, n), "rb").read()
            for base, _dirs, names in os.walk(folder) for n in names}


@pytest.fixture()
def project(tmp_path):
    return copy_project(str(tmp_path / "project"))


def as_html(text: str, encoding: str) -> bytes:
    """A page as a browser saves it: chrome in a nav, the record in paragraphs, numbered list items in
    an <ol> (so that their numbers exist only as the list's counters), a script and a style."""
    body, items = [], []
    for line in text.splitlines():
        m = re.match(r"\s+(\d+)\. (.*)", line)
        if m:
            items.append(f"<li>{m.group(2)}</li>")
            continue
        if items:
            body.append("<ol>" + "\n".join(items) + "</ol>")
            items = []
        if line.strip():
            body.append(f"<p>{line.strip()}</p>")
    if items:
        body.append("<ol>" + "\n".join(items) + "</ol>")
    charset = "Shift_JIS" if encoding == "cp932" else "UTF-8"
    page = (f'<!DOCTYPE html><html lang="ja"><head><meta charset="{charset}"><title>外務省: 首脳会談</title>'
            '<link rel="canonical" href="https://www.mofa.go.jp/mofaj/press/release/22/10/1004_01.html">'
            "<style>p { color: black }</style><script>var x = '1. 偽の項目';</script></head><body>\n"
            + "\n".join(body) + "\n</body></html>\n")
    return page.encode(encoding)


# --- adding from text ---------------------------------------------------------------------------------
@pytest.mark.parametrize("encoding", ["utf-8", "cp932"])
def test_add_a_text_page_keeps_it_byte_for_byte(project, tmp_path, encoding):
    page = tmp_path / "page.txt"
    page.write_bytes(open(VISIT, encoding="utf-8").read().encode(encoding))
    result = add(project, str(page), "--source-url", "https://www.mofa.go.jp/mofaj/kaidan/s_koi/uk_03/kaidan.html")
    assert result.returncode == 0, result.stderr
    rid = "2003-08-18-japan-uk"
    assert result.stdout.startswith(f"added {rid}: 小泉総理大臣の英国訪問(首脳会談:概要) (平成15年8月18日), 2 topic(s)")
    assert f"next: make serve, and read it at http://127.0.0.1:8000/{rid}/" in result.stdout
    records = os.path.join(project, "content", "records")
    assert open(os.path.join(records, f"{rid}.txt"), "rb").read() == page.read_bytes()
    meta = open(os.path.join(records, f"{rid}.yml"), encoding="utf-8").read()
    assert 'source_url: "https://www.mofa.go.jp/mofaj/kaidan/s_koi/uk_03/kaidan.html"' in meta
    assert 'publisher: "外務省"' in meta and re.search(r'retrieved: "\d{4}-\d{2}-\d{2}"', meta)
    # 1.イラク and 2.北朝鮮 are glossary terms: their English names the topics' pages.
    assert "topics:" in meta and "  1: iraq\n" in meta and "  2: north-korea\n" in meta


def test_the_skeleton_holds_every_unit_in_reading_order(project):
    assert add(project, TELEPHONE, "--title", "日仏首脳電話会談").returncode == 0
    rid = "2010-10-04-japan-france"
    skeleton = open(os.path.join(project, "content", "translations", f"{rid}.en.yml"), encoding="utf-8").read()
    keys = re.findall(r"^  (\S+):$", skeleton, re.M)
    # Read off the page by hand: the title (given), the date line, then four numbered paragraphs.
    assert keys == ["title", "date", "s1/p1", "s2/p1", "s3/p1", "s4/p1"]
    assert '    ja: "日仏首脳電話会談"\n    en: ""' in skeleton
    assert '    ja: "冒頭、サルコジ大統領より、日本の国連安保理での取組を評価する旨述べた。"\n    en: ""' in skeleton
    meta = open(os.path.join(project, "content", "records", f"{rid}.yml"), encoding="utf-8").read()
    assert 'title: "日仏首脳電話会談"' in meta and "topics:" not in meta
    # The build takes the skeleton as it is: every unit missing, none stale or unknown.
    assert status(project)[2].split() == [rid, "6", "0", "0", "6"]  # after the seed's line


@pytest.mark.parametrize("encoding", ["utf-8", "cp932"])
def test_add_a_page_saved_as_html(project, tmp_path, encoding):
    page = tmp_path / "page.html"
    page.write_bytes(as_html(open(TELEPHONE, encoding="utf-8").read(), encoding))
    result = add(project, str(page), "--title", "日仏首脳電話会談")
    assert result.returncode == 0, result.stderr
    rid = "2010-10-04-japan-france"
    text = open(os.path.join(project, "content", "records", f"{rid}.txt"), encoding="utf-8").read()
    # The visible text, block by block; the ordered list's counters as a browser shows them.
    assert text.splitlines()[:4] == ["報道発表", "平成22年10月4日",
                                     "  1. 10月4日18時30分から約15分間、菅総理大臣は、サルコジ・フランス大統領と"
                                     "電話会談を行ったところ、概要は以下のとおり。",
                                     "  2. 冒頭、サルコジ大統領より、日本の国連安保理での取組を評価する旨述べた。"]
    assert "偽の項目" not in text and "color" not in text and "外務省: 首脳会談" not in text
    meta = open(os.path.join(project, "content", "records", f"{rid}.yml"), encoding="utf-8").read()
    assert 'source_url: "https://www.mofa.go.jp/mofaj/press/release/22/10/1004_01.html"' in meta
    parsed = json.loads(subprocess.run([PYTHON, "scripts/build.py", "parse", f"content/records/{rid}.txt"],
                                       cwd=project, capture_output=True, text=True, check=True).stdout)
    assert [s["speakers"] for t in parsed["topics"] for s in t["statements"]] == [
        [], ["サルコジ大統領"], ["菅総理大臣", "サルコジ大統領"], ["日仏両首脳"]]


def test_an_id_that_is_taken_gets_a_suffix(project):
    for _ in range(2):
        assert add(project, REIWA).returncode == 0
    records = os.listdir(os.path.join(project, "content", "records"))
    assert {"2019-12-23-japan-china.txt", "2019-12-23-japan-china-2.txt"} <= set(records)


# --- refusals: nothing written --------------------------------------------------------------------------
@pytest.mark.parametrize("case", ["existing id", "no date", "no title", "garbage", "binary"])
def test_a_refused_page_changes_nothing(project, tmp_path, case):
    page = tmp_path / "page.txt"
    args = []
    if case == "existing id":
        page.write_bytes(open(VISIT, "rb").read())
        args = ["--id", SEED_ID]
        expected = (f"content/records/{SEED_ID}.txt: expected a new record, found record '{SEED_ID}' already in "
                    "the collection (nothing was written; choose another with --id)")
    elif case == "no date":
        page.write_text(open(VISIT, encoding="utf-8").read().replace("平成15年8月18日", ""), encoding="utf-8")
        expected = re.compile(r".*page\.txt:\d+: expected a date line such as '平成15年1月10日' after the title, "
                              r"found '.*' \(if the page has none, give it with --date YYYY-MM-DD\)")
    elif case == "no title":
        page.write_bytes(open(TELEPHONE, "rb").read())
        expected = re.compile(r".*page\.txt:2: expected the title of a summit summary .* give it with --title TITLE\)")
    elif case == "garbage":
        page.write_text("Lorem ipsum dolor sit amet.\nconsectetur adipiscing elit.\n", encoding="utf-8")
        expected = re.compile(r".*page\.txt:1: expected the title of a summit summary .*found 'Lorem ipsum dolor sit amet\.'.*")
    else:
        page.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
        expected = re.compile(r".*page\.txt:3: expected text, found binary data \(a NUL byte\)")
    before = tree(os.path.join(project, "content"))
    result = add(project, str(page), *args)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    first = result.stderr.splitlines()[0]
    assert (expected.fullmatch(first) if isinstance(expected, re.Pattern) else first == expected), first
    assert result.stderr.splitlines()[-1].endswith("nothing was written")
    assert tree(os.path.join(project, "content")) == before


def test_make_add_says_how_to_use_it(project):
    for name in ("Makefile", "requirements.txt", "requirements-test.txt"):
        shutil.copy(os.path.join(ROOT, name), project)
    result = subprocess.run(["make", "-s", "add", f"VENV={os.path.join(ROOT, '.venv')}"], cwd=project,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and result.stderr.startswith("usage: make add RECORD=path/to/page.txt")
    result = subprocess.run(["make", "-s", "add", f"VENV={os.path.join(ROOT, '.venv')}", f"RECORD={REIWA}",
                             "URL=https://www.mofa.go.jp/mofaj/a_o/c_m1/cn/page4_005555.html"], cwd=project,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    meta = open(os.path.join(project, "content", "records", "2019-12-23-japan-china.yml"), encoding="utf-8").read()
    assert "page4_005555.html" in meta


# --- status ---------------------------------------------------------------------------------------------
def test_status_counts_translated_stale_and_missing(project):
    assert add(project, VISIT).returncode == 0
    rid = "2003-08-18-japan-uk"
    path = os.path.join(project, "content", "translations", f"{rid}.en.yml")
    text = open(path, encoding="utf-8").read()
    total = text.count('    en: ""')
    for key, english in (("title", "Prime Minister Koizumi's Visit to the United Kingdom (Summit Meeting: Outline)"),
                         ("t1", "Iraq"), ("t2", "North Korea")):
        text = re.sub(rf'(  {key}:\n    ja: "[^"]*"\n    en: )""', rf'\g<1>"{english}"', text)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
    lines = status(project)
    assert lines[0].split() == ["record", "units", "translated", "stale", "missing"]
    assert lines[1].split() == [SEED_ID, "58", "58", "0", "0"]
    assert lines[2].split() == [rid, str(total), "3", "0", str(total - 3)]
    assert lines[-2] == f"2 record(s), {58 + 3} of {58 + total} units in English"
    assert lines[-1] == "glossary terms in no record: none"
    # The Japanese of a translated unit changes: that English is stale (and the build fails on it).
    record = os.path.join(project, "content", "records", f"{rid}.txt")
    text = open(record, encoding="utf-8").read()
    with open(record, "w", encoding="utf-8") as handle:
        handle.write(text.replace("1.イラク", "1.イラク問題"))
    assert status(project)[2].split() == [rid, str(total), "2", "1", str(total - 3)]
    assert subprocess.run([PYTHON, "scripts/build.py"], cwd=project, capture_output=True).returncode == 1


def test_status_names_unused_glossary_terms_and_unreadable_records(project):
    with open(os.path.join(project, "content", "glossary.yml"), "a", encoding="utf-8") as handle:
        handle.write('- id: "nowhere"\n  kind: "term"\n  forms:\n    "存在しない語": "そんざいしないご"\n'
                     '  en: "x"\n  note: "y"\n')
    with open(os.path.join(project, "content", "records", "2004-01-01-broken.txt"), "w", encoding="utf-8") as handle:
        handle.write("日韓首脳会談\n\n平成16年2月30日\n\n会談。\n\n1.冒頭\n(1)総理より、述べた。\n")
    lines = status(project)
    assert lines[2] == ("2004-01-01-broken        cannot be read: content/records/2004-01-01-broken.txt:3: expected a "
                        "real date, found '平成16年2月30日' (2004-02 has no day 30)")
    assert lines[-1] == "glossary terms in no record: nowhere (存在しない語)"


# --- a record without English, read in Chromium ---------------------------------------------------------
@pytest.fixture(scope="module")
def japanese_only(tmp_path_factory):
    project = copy_project(str(tmp_path_factory.mktemp("ja")))
    for path in (VISIT, TELEPHONE):
        args = ["--title", "日仏首脳電話会談"] if path == TELEPHONE else []
        assert add(project, path, *args).returncode == 0
    os.makedirs(os.path.join(project, "docs"))
    site = os.path.join(project, "site")
    result = run_mkdocs(project, site)
    assert result.returncode == 0, result.stderr
    from browser import serve
    with serve(site) as base:
        yield base


def test_a_record_without_english_reads_as_a_japanese_page(open_page, japanese_only):
    base = japanese_only
    page = open_page(base)
    page.goto(base + "2003-08-18-japan-uk/")
    note = page.locator(".ss-no-english")
    assert note.is_visible()
    assert note.locator('[lang="ja"]').inner_text() == "この記録の英訳はまだありません。"
    assert note.locator('[lang="en"]').inner_text().startswith("No English rendering of this record yet")
    control = page.locator('[data-ss-toggle="en"]')
    assert control.is_visible() and control.get_attribute("aria-disabled") == "true"
    assert "No English" in control.get_attribute("aria-label")
    page.goto(base + "2003-08-18-japan-uk/iraq/")
    assert page.locator(".ss-no-english").is_visible() and page.locator(".ss-pair .ss-en").count() == 0
    # No empty English column beside the Japanese: one column, the Japanese at its full measure.
    pair = page.locator(".ss-pair").first
    assert len(pair.evaluate("e => getComputedStyle(e).gridTemplateColumns").split()) == 1
    ja = page.locator(".ss-ja").first
    em = float(ja.evaluate("e => getComputedStyle(e).fontSize")[:-2])
    assert ja.bounding_box()["width"] >= min(38 * em, pair.bounding_box()["width"] - 1)
    # Its glossary terms are still marked, its dates join the timeline, search finds it.
    assert page.locator('.ss-ja a.ss-term[href$="#g-iraq"]').count() >= 1
    page.goto(base + "timeline/")
    assert page.locator("#record-2003-08-18-japan-uk").count() == 1
    assert page.locator("#record-2003-08-18-japan-uk-session-1").inner_text().find("テタテ会合") >= 0
    page.goto(base + "?q=ブレア首相")
    page.wait_for_function("() => { const r = document.querySelector('[data-search-results]');"
                           " return r && r.getAttribute('data-search-state') === 'done'; }")
    hrefs = page.eval_on_selector_all(".md-search-result__item a", "els => els.map(a => a.getAttribute('href'))")
    assert any("2003-08-18-japan-uk/" in h for h in hrefs), hrefs
    # The seed, which has its English, says nothing of the kind and its control works.
    page.goto(base + f"{SEED_ID}/iraq/")
    assert page.locator(".ss-no-english").count() == 0
    assert page.locator('[data-ss-toggle="en"]').get_attribute("aria-disabled") is None


def test_a_telephone_talk_is_one_page_with_every_passage(open_page, japanese_only):
    base = japanese_only
    page = open_page(base, not_found=("/2010-10-04-japan-france/topic-1/",))
    page.goto(base + "2010-10-04-japan-france/")
    assert page.locator("h1").inner_text().startswith("日仏首脳電話会談")
    assert page.eval_on_selector_all(".ss-passage", "els => els.map(e => e.id)") == ["s1", "s2", "s3", "s4"]
    assert page.locator(".ss-topics").count() == 0
    # The numbered paragraphs show their numbers: '  2. 冒頭、サルコジ大統領より、…'.
    assert page.locator("#s2 .ss-ja").inner_text().strip().startswith("2. 冒頭、サルコジ大統領より")
    assert page.goto(base + "2010-10-04-japan-france/topic-1/").status == 404


# --- the walk-through: the six real pages added to a copy of the project ------------------------
@pytest.mark.skipif(not REAL, reason="../shared/real-dev/ is not beside this checkout: the real pages cannot be added")
def test_the_real_pages_added_build_a_seven_record_site(tmp_path, open_page):
    project = copy_project(str(tmp_path / "project"))
    ids = []
    for path in REAL:
        result = add(project, path)
        assert result.returncode == 0, result.stderr
        ids.append(re.match(r"added (\S+):", result.stdout).group(1))
    os.makedirs(os.path.join(project, "docs"))
    site = os.path.join(project, "site")
    result = run_mkdocs(project, site)
    assert result.returncode == 0, result.stderr
    from browser import serve
    from fidelity import check
    with serve(site) as base:
        page = open_page(base)
        page.goto(base)
        listed = page.eval_on_selector_all(".ss-record a", "els => els.map(a => a.getAttribute('href'))")
        assert len(listed) == 7 and all(any(h.startswith(rid) for h in listed) for rid in ids), listed
        for rid in ids:
            page.goto(base + rid + "/")
            assert page.locator(".ss-no-english").is_visible(), rid
            assert check(os.path.join(project, "content", "records", rid + ".txt"), site, rid)[0] == [], rid
