"""Site search (Pagefind behind Material's search box), in real headless Chromium.

The quick subset of the search benchmark (queries marked ``fast`` in bench/queries.yml), and what a
reader does with the box: open it from the keyboard or a ?q= link, move through results, arrive at the
passage. The whole benchmark is ``make search-bench`` (bench/search_bench.py).
"""
from __future__ import annotations

import os
import re
import sys

import pytest

from conftest import ROOT, SEED_ID

sys.path.insert(0, os.path.join(ROOT, "bench"))

import search_bench  # noqa: E402
from browser import SETTLED, axe_violations  # noqa: E402
from summitsite.searchmarks import mark_for_search  # noqa: E402

TOPIC = f"{SEED_ID}/other-economic-relations/"
DONE = ("(q) => { const r = document.querySelector('[data-search-results]');"
        " return r && r.getAttribute('data-search-state') === 'done' && r.getAttribute('data-search-query') === q; }")

LANG_AUDIT = """() => {
  const bad = [];
  const root = document.querySelector('.md-search');
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, text = node.textContent.trim();
    if (!text || node.parentElement.closest('[aria-hidden=true],svg')) continue;
    const owner = node.parentElement.closest('[lang]');
    const lang = owner && owner.getAttribute('lang');
    if (/[\\u3040-\\u30ff\\u4e00-\\u9fff]/.test(text) && lang !== 'ja') bad.push(['ja', lang, text]);
    else if (!/[\\u3040-\\u30ff\\u4e00-\\u9fff]/.test(text) && /[A-Za-z]{3,}/.test(text) && lang !== 'en') bad.push(['en', lang, text]);
  }
  return bad;
}"""


@pytest.fixture(scope="module")
def search_site(built_site):
    """The seed site, generated, built and indexed for real (Pagefind, extended, by the post-build hook)."""
    assert os.path.exists(os.path.join(built_site, "pagefind", "pagefind.js"))
    return built_site


@pytest.fixture(scope="module")
def search_url(search_site):
    from browser import serve
    with serve(search_site) as base:
        yield base


@pytest.fixture()
def page(open_page, search_url):
    return open_page(search_url, timeout=15_000)


def wait_done(page, query):
    page.wait_for_function(DONE, arg=query)


def test_fast_benchmark_queries(browser, search_url):
    """Recall, precision, no empty answer and passage links for the quick subset of the benchmark."""
    queries = search_bench.load_queries(fast=True)
    assert len(queries) >= 12
    session = search_bench.Session(browser, search_url, "pagefind")
    try:
        session.open()
        rows = []
        for query in queries:
            items, _seconds = session.ask(query["q"])
            rows.append(search_bench.score(query, items, search_url))
        assert session.errors == [] and session.offsite == []
    finally:
        session.close()
    summary = search_bench.summarise([dict(r, ms=0) for r in rows])["all"]
    assert [r["q"] for r in rows if not r["recall"]] == []
    assert [r["q"] for r in rows if r["zero"]] == []
    assert summary["precision"] >= 0.9, [(r["q"], r["top"]) for r in rows]
    assert [(r["q"], c) for r in rows for c in r["passages"] if not c["ok"]] == []


def test_q_link_opens_search_with_material_markup(page, search_url):
    page.goto(search_url + TOPIC + "?q=六ケ所村")
    wait_done(page, "六ケ所村")
    assert page.locator("#__search").is_checked()
    field = page.locator(".md-search__input")
    assert field.input_value() == "六ケ所村"
    assert field.get_attribute("role") == "combobox"
    assert field.get_attribute("aria-expanded") == "true"
    assert page.locator(".md-search-result[data-search-results]").count() == 1
    assert page.locator("#" + field.get_attribute("aria-controls")).get_attribute("role") == "listbox"
    items = page.locator(".md-search-result__item")
    assert items.count() >= 1
    first = items.first.locator("a.md-search-result__link").first
    assert first.get_attribute("role") == "option"
    # The hit is in statement 6.(3), item (ロ): the result goes to that passage.
    assert first.get_attribute("href").endswith(f"/{TOPIC}#s6-3-2")
    # The snippet is the record's own text (六ヶ所村, small ヶ, as published), the match marked.
    assert "六ヶ所村" in first.locator("mark").all_inner_texts()[0] + "".join(first.locator("mark").all_inner_texts())
    assert "ITERの青森六ヶ所村への誘致" in first.inner_text()
    assert page.evaluate(LANG_AUDIT) == []


def test_keyboard_open_move_follow_and_arrive(page, search_url):
    page.goto(search_url + f"{SEED_ID}/energy/")
    page.keyboard.press("/")
    field = page.locator(".md-search__input")
    assert page.evaluate("document.activeElement === document.querySelector('.md-search__input')")
    field.type("漁業")
    wait_done(page, "漁業")
    page.keyboard.press("ArrowDown")
    active_id = field.get_attribute("aria-activedescendant")
    active = page.locator("#" + active_id)
    assert active.get_attribute("aria-selected") == "true"
    href = active.get_attribute("href")
    assert re.search(r"/other-economic-relations/#s6-2(-\d)?$", href)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"#s6-2"))
    target = page.url.split("#")[1]
    # The passage is highlighted on arrival (:target) and in view.
    assert page.evaluate(f"document.getElementById('{target}').matches(':target')")
    page.wait_for_function(SETTLED)  # the highlight fades in (site.css: transition 0.6s)
    background = page.evaluate(f"getComputedStyle(document.getElementById('{target}')).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    assert not page.locator("#__search").is_checked()


def test_escape_closes_and_s_opens(page, search_url):
    page.goto(search_url + TOPIC)
    page.keyboard.press("s")
    assert page.locator("#__search").is_checked()
    page.keyboard.press("Escape")
    assert not page.locator("#__search").is_checked()


def test_english_gloss_words_and_nothing_for_absent_words(page, search_url):
    page.goto(search_url + TOPIC)
    page.keyboard.press("/")
    field = page.locator(".md-search__input")
    for query, expected in (("Nutcracker", "/opening-remarks/#s1-3"), ("Kodayu", "/importance-of-relations/#s2-2-1"),
                            ("North Korea", "/north-korea/#s9-")):
        field.fill(query)
        wait_done(page, query)
        hrefs = page.eval_on_selector_all(".md-search-result__item a.md-search-result__link:first-child", "as => as.map(a => a.href)")
        assert any(expected in h for h in hrefs), (query, hrefs)
    field.fill("プーチン ウクライナ")  # every word must match: Pagefind alone would answer "プーチン"
    wait_done(page, "プーチン ウクライナ")
    assert page.locator(".md-search-result__item").count() == 0
    assert field.get_attribute("aria-expanded") == "false"


def test_phone_button_opens_search_from_the_keyboard(open_page, search_url):
    page = open_page(search_url, viewport={"width": 390, "height": 844}, timeout=15_000)
    page.goto(search_url + TOPIC)
    button = page.locator("[data-ss-search-open]")
    assert button.is_visible()
    button.focus()
    page.keyboard.press("Enter")
    assert page.locator("#__search").is_checked()
    assert page.locator(".md-search__input").is_visible()
    page.keyboard.type("ITER")
    wait_done(page, "ITER")
    assert page.locator(".md-search-result__item").first.is_visible()


def test_search_marks_add_attributes_and_change_no_text(search_site):
    """The pages carry Pagefind's attributes; taken away, the page is what the generator's markup is."""
    with open(os.path.join(search_site, TOPIC, "index.html"), encoding="utf-8") as handle:
        served = handle.read()
    assert 'data-pagefind-body' in served and 'data-pagefind-title="6.(3)(ロ)"' in served
    unmarked = re.sub(r' data-pagefind-[a-z]+(="[^"]*")?', "", served)
    assert mark_for_search(unmarked) == served
    assert re.sub(r"<[^>]+>", "", unmarked) == re.sub(r"<[^>]+>", "", served)


def test_search_marks_say_what_is_searched():
    page = ('<div class="ss-page ss-page--topic"><nav class="ss-crumbs">ホーム</nav>'
            '<section class="ss-passage ss-statement" id="s1-1" data-passage="1.(1)"><div class="ss-passage__bar">'
            '<a class="ss-permalink" href="#s1-1">1.(1)</a></div><p class="ss-ja" lang="ja">本文&amp;</p></section>'
            '<p class="ss-record-line"><a href="../">記録</a></p></div>')
    marked = mark_for_search(page)
    assert '<div class="ss-page ss-page--topic" data-pagefind-body data-pagefind-meta="kind:topic">' in marked
    assert '<nav class="ss-crumbs" data-pagefind-ignore="all">' in marked
    assert 'id="s1-1" data-passage="1.(1)" data-pagefind-title="1.(1)">' in marked
    assert '<p class="ss-record-line" data-pagefind-ignore="index" data-pagefind-meta="record">' in marked
    assert '<p class="ss-ja" lang="ja">本文&amp;</p>' in marked
    assert "data-pagefind" not in mark_for_search('<div class="ss-page ss-page--home">x</div>')


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_search_panel_contrast_and_aria(open_page, search_url, scheme):
    page = open_page(search_url, viewport={"width": 1280, "height": 900}, color_scheme=scheme, timeout=15_000)
    page.goto(search_url + TOPIC + "?q=North Korea")
    wait_done(page, "North Korea")
    page.keyboard.press("ArrowDown")
    # The panel fades in (Material: opacity over 0.4 s): axe_violations waits until it has.
    violations = axe_violations(page, context={"include": [[".md-search"]]})
    problems = [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]
    for problem in problems:
        print(problem)
    assert problems == []


def test_english_names_find_a_record_that_has_no_english(browser, fixture_site):
    """'Daikokuya Kodayu' is in no fixture record's text (they have no translation), but the glossary gives it as
    the English of 大黒屋光太夫: the search finds the fixture's page through the Japanese form."""
    from browser import serve
    _project, site = fixture_site
    with serve(site) as base:
        session = search_bench.Session(browser, base, "pagefind")
        try:
            session.open()
            items, _seconds = session.ask("Daikokuya Kodayu")
            assert session.errors == [] and session.offsite == []
        finally:
            session.close()
    pages = [links[0].split("#")[0] for links in items]
    assert "/footer-trap/topic-1/" in pages, pages
    assert f"/{SEED_ID}/importance-of-relations/" in pages, pages
