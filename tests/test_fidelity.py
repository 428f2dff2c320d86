"""Fidelity: every character of a record's body is shown on the built site, once, in order, unaltered.

The check is ``tests/fidelity.py``, which shares no logic with the generator: the source file against the
text of the built pages. It runs on the seed, on every synthetic fixture in ``tests/fixtures/``, and on the
real MOFA pages of ``../shared/real-dev/`` when that folder is present. The damage tests below break a
built site on purpose, in each way a renderer or parser could, and assert that the check names what broke.
"""
from __future__ import annotations

import os
import re
import shutil

import pytest

from conftest import FIXTURES, REAL, ROOT, SEED, SEED_ID, copy_project, real_record_id, run_mkdocs
from fidelity import check, compare, site_text, source_body
from summitsite.decode import decode_record
from summitsite.model import body_lines
from summitsite import content
from summitsite.pipeline import read_record

SHARED = os.path.join(os.path.dirname(ROOT), "shared")

# The seed's chrome, read off the file by hand: three menu bars, the breadcrumb and the section line
# above the title; the footer's 目次, two menu bars and the site's name.
SEED_CHROME = [(1, "menu"), (2, "menu"), (3, "menu"), (4, "breadcrumb"), (5, "section"),
               (131, "footer"), (133, "footer"), (134, "footer"), (135, "footer")]


def test_the_seed_site_shows_its_source_exactly(built_site):
    problems, chrome = check(SEED, built_site, SEED_ID)
    assert problems == []
    assert [(c.line, c.kind) for c in chrome] == SEED_CHROME


@pytest.mark.parametrize("path", FIXTURES, ids=os.path.basename)
def test_every_fixture_site_shows_its_source_exactly(fixture_site, path):
    _project, site = fixture_site
    problems, chrome = check(path, site, os.path.basename(path)[: -len(".txt")])
    assert problems == []
    # Chrome is only ever the site's: never a line with sentence punctuation.
    assert [c.text for c in chrome if re.search(r"[。、,，]", c.text)] == []


@pytest.mark.skipif(not REAL, reason="../shared/real-dev/ is not beside this checkout: no real pages to check")
@pytest.mark.parametrize("path", REAL, ids=os.path.basename)
def test_every_real_page_site_shows_its_source_exactly(fixture_site, path):
    _project, site = fixture_site
    problems, chrome = check(path, site, real_record_id(path))
    assert problems == []
    assert [c.text for c in chrome if re.search(r"[。、,，]", c.text)] == []


def test_the_body_line_before_the_footer_is_the_records(fixture_site):
    """' 会談後、総理はホテルへ戻る' ends the body, just above the footer: it is not a back link."""
    project, site = fixture_site
    path = os.path.join(ROOT, "tests", "fixtures", "footer-trap.txt")
    problems, chrome = check(path, site, "footer-trap")
    assert problems == []
    assert [c.text for c in chrome if c.kind == "footer"][0] == "目次"
    import json
    data = json.load(open(os.path.join(site, "footer-trap", "record.json"), encoding="utf-8"))
    last = data["topics"][-1]["statements"][-1]["paragraphs"]
    assert last[-3:] == ["目次", "外務省", "会談後、総理はホテルへ戻る"]
    shown = site_text(site, "footer-trap")
    assert shown.chars.endswith("目次外務省会談後、総理はホテルへ戻る")
    assert shown.places[-1] == ("footer-trap/topic-1/", "s1-2")


# --- the check can fail: damage a built site and see it named ----------------------------------------
@pytest.fixture()
def damaged(built_site, tmp_path):
    """A copy of the seed's built site to break, and a function that runs the check on it."""
    site = str(tmp_path / "site")
    shutil.copytree(built_site, site, ignore=shutil.ignore_patterns("pagefind", "assets", "search"))

    def problems():
        return check(SEED, site, SEED_ID)[0]
    return site, problems


JA_PARAGRAPH = re.compile(r'<p class="ss-ja"[^>]*>.*?</p>', re.S)


def _edit(site: str, page: str, change) -> None:
    path = os.path.join(site, *page.split("/"), "index.html")
    text = open(path, encoding="utf-8").read()
    changed = change(text)
    assert changed != text, "the damage must change the page"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(changed)


def _paragraph_reading(text: str, match: re.Match) -> str:
    """What a reader reads of one <p class="ss-ja">: its text without tags (readings are empty elements)."""
    return re.sub(r"<[^>]+>", "", match.group()).strip()


def _replace_in_passage(text: str, pid: str, old: str, new: str) -> str:
    """``text`` with the first ``old`` inside passage ``pid`` replaced by ``new``."""
    start = text.index(f'id="{pid}"')
    at = text.index(old, start)
    return text[:at] + new + text[at + len(old):]


def _passage_paragraphs(text: str, pid: str) -> list[re.Match]:
    start = text.index(f'id="{pid}"')
    end = text.index("</section>", start)
    return [m for m in JA_PARAGRAPH.finditer(text, start, end)]


PAGE = f"{SEED_ID}/importance-of-relations"


def test_a_dropped_paragraph_is_named(damaged):
    site, problems = damaged
    assert problems() == []

    def drop_last(text):  # s2-3 has three paragraphs; drop the third
        p = _passage_paragraphs(text, "s2-3")[-1]
        return text[: p.start()] + text[p.end():]
    _edit(site, PAGE, drop_last)
    found = problems()
    assert len(found) == 1 and found[0].startswith("missing from the site")
    assert f"{PAGE}/#s2-3" in found[0] and "source line 41" in found[0]


def test_two_swapped_paragraphs_are_named(damaged):
    site, problems = damaged

    def swap(text):
        a, b = _passage_paragraphs(text, "s2-3")[:2]
        return text[: a.start()] + b.group() + text[a.end(): b.start()] + a.group() + text[b.end():]
    _edit(site, PAGE, swap)
    found = problems()
    assert found and all(f"{PAGE}/#s2-3" in p for p in found), found


def test_a_repeated_paragraph_is_named(damaged):
    site, problems = damaged

    def repeat(text):
        p = _passage_paragraphs(text, "s2-1")[0]
        return text[: p.end()] + p.group() + text[p.end():]
    _edit(site, PAGE, repeat)
    found = problems()
    assert len(found) == 1 and found[0].startswith("not in the source") and f"{PAGE}/#s2-1" in found[0]


def test_an_altered_character_is_named(damaged):
    site, problems = damaged
    _edit(site, PAGE, lambda text: _replace_in_passage(text, "s2-3", "さらに", "更に"))
    found = problems()
    assert len(found) == 1 and found[0].startswith("differs") and "'さら'" in found[0] and "'更'" in found[0]
    assert f"{PAGE}/#s2-3" in found[0] and "source line 38" in found[0]


def test_a_missing_topic_page_is_named(damaged):
    site, problems = damaged
    _edit(site, SEED_ID, lambda text: re.sub(r'<li><a href="iraq/">.*?</li>', "", text, flags=re.S))
    found = problems()
    assert len(found) == 1 and found[0].startswith("missing from the site")
    assert "north-korea/#s9-3" in found[0]  # what the site shows last


def test_text_added_inside_the_record_is_named(damaged):
    site, problems = damaged
    _edit(site, PAGE, lambda text: _replace_in_passage(text, "s2-3", "さらに", "さらに（注）"))
    found = problems()
    assert len(found) == 1 and "（注）" in found[0] and f"{PAGE}/#s2-3" in found[0]


def test_a_dropped_body_line_before_the_footer_is_named(fixture_site, tmp_path):
    _project, built = fixture_site
    site = str(tmp_path / "site")
    shutil.copytree(os.path.join(built, "footer-trap"), os.path.join(site, "footer-trap"))
    path = os.path.join(ROOT, "tests", "fixtures", "footer-trap.txt")
    assert check(path, site, "footer-trap")[0] == []
    def drop(text):
        last = next(m for m in JA_PARAGRAPH.finditer(text) if _paragraph_reading(text, m) == "会談後、総理はホテルへ戻る")
        return text[: last.start()] + text[last.end():]
    _edit(site, "footer-trap/topic-1", drop)
    found = check(path, site, "footer-trap")[0]
    assert len(found) == 1 and "source line 24" in found[0] and "footer-trap/topic-1/#s1-2" in found[0]


def test_a_renderer_that_drops_each_topics_last_paragraph_fails(tmp_path, monkeypatch):
    """The review's case: the generator itself changed to drop the last paragraph of each topic page's last
    passage, docs/ regenerated, the site built for real from it."""
    from summitsite import pipeline
    from summitsite.record_pages import RecordPages

    project = copy_project(str(tmp_path / "project"))
    original = RecordPages.passage_view

    def losing(self, record, passage, url):
        view = original(self, record, passage, url)
        topic = next(t for t in record.topics if passage in t.statements or any(
            passage in s.items for s in t.statements))
        if passage is topic.statements[-1] and view.pairs:
            view.pairs = view.pairs[:-1]
        return view
    monkeypatch.setattr(RecordPages, "passage_view", losing)
    pipeline.build(project)
    site = str(tmp_path / "site")
    result = run_mkdocs(project, site, env={"SS_GENERATE": "0", "SS_SEARCH_INDEX": "0"})
    assert result.returncode == 0, result.stderr
    found = check(SEED, site, SEED_ID)[0]
    assert len(found) >= 9, found  # the last passage of each of the ten topics lost a paragraph
    assert any("importance-of-relations/#s2-3" in p for p in found)


# --- the parser's own model check, and the published seed --------------------------------------------
@pytest.mark.parametrize("path", [SEED] + FIXTURES, ids=os.path.basename)
def test_the_parsers_model_gives_back_the_body_the_independent_check_finds(path):
    """The model, line by line (the parser checks that itself as it parses), against the body that
    tests/fidelity.py finds in the source file on its own: the same characters."""
    meta = content.load_record_meta(path[: -len(".txt")] + ".yml", ROOT)
    record = read_record(path, ROOT, meta)
    lines = decode_record(open(path, "rb").read(), path)
    rebuilt = "".join(text if text is not None else lines[n - 1] for n, text in body_lines(record))
    assert "".join(rebuilt.split()) == source_body(open(path, "rb").read()).chars


def test_the_independent_check_and_the_site_agree_on_the_seed_text(built_site):
    """The same comparison, spelled out: what the check takes from each side is not empty or trivial."""
    source = source_body(open(SEED, "rb").read())
    site = site_text(built_site, SEED_ID)
    assert len(source.chars) > 3000 and site.chars == source.chars
    assert site.pages[0] == f"{SEED_ID}/" and len(site.pages) == 11
    assert compare(source, site) == []


def test_seed_is_stored_byte_identical():
    seed = os.path.join(SHARED, "seed", "000_cf755a8ecfe4b51b.txt")
    if not os.path.exists(seed):
        pytest.skip("../shared/seed/ is not beside this checkout: the published seed cannot be compared")
    assert open(SEED, "rb").read() == open(seed, "rb").read()
