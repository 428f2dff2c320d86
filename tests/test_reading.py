"""Reading on every screen, in real Chromium: no page scrolls sideways, term popovers stay on screen and off
the line being read, furigana over kanji only with no gaps and no broken ruby, marks at first occurrence
with a switch, provenance near each title, the Japanese measure, labels in Japanese alone with English
off, the skip link and search's focus, the timeline's jumps and dots. On the seed site and on a site of
the seed with every fixture record and the real pages of ../shared/real-dev (when present)."""
from __future__ import annotations

import os
import re

import pytest
from playwright.sync_api import expect

from conftest import FIXTURES, REAL, SEED_ID, real_record_id

SEED_PAGES = ["", f"{SEED_ID}/", f"{SEED_ID}/importance-of-relations/", f"{SEED_ID}/other-economic-relations/",
              f"{SEED_ID}/north-korea/", "glossary/", "timeline/"]
WIDTHS = (320, 390, 1280)
WIDER = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.fixture(scope="module")
def fixtures_url(fixture_site):
    from browser import serve
    _project, site = fixture_site
    with serve(site) as base:
        yield base


@pytest.fixture
def page(open_page, site_url):
    """A watched page at desktop size on the seed site."""
    return open_page(site_url)


def record_pages(site: str, record_id: str) -> list[str]:
    """The overview and topic pages of a record in a built site."""
    folder = os.path.join(site, record_id)
    return [f"{record_id}/"] + sorted(f"{record_id}/{name}/" for name in os.listdir(folder)
                                      if os.path.isdir(os.path.join(folder, name)))


def collection_pages(site: str) -> list[str]:
    ids = [os.path.basename(p)[: -len(".txt")] for p in FIXTURES] + [real_record_id(p) for p in REAL]
    return ["", "glossary/", "timeline/"] + [page for rid in ids for page in record_pages(site, rid)]


# --- 1. no page scrolls sideways ------------------------------------------------------------------------
@pytest.mark.parametrize("width", WIDTHS)
def test_no_seed_page_scrolls_sideways(open_page, site_url, width):
    page = open_page(site_url, viewport={"width": width, "height": 800})
    for settings in ("?en=1&furigana=1", "?en=0&furigana=1", "?en=1&furigana=0"):
        for path in SEED_PAGES:
            page.goto(site_url + path + settings)
            assert page.evaluate(WIDER) <= 0, (width, path, settings)


@pytest.mark.parametrize("width", (320, 390))
def test_no_collection_page_scrolls_sideways(open_page, fixture_site, fixtures_url, width):
    _project, site = fixture_site
    page = open_page(fixtures_url, viewport={"width": width, "height": 800})
    for path in collection_pages(site):
        page.goto(fixtures_url + path + "?furigana=1")
        assert page.evaluate(WIDER) <= 0, (width, path)


# --- 2. term popovers ------------------------------------------------------------------------------------
POPOVER_INSIDE = """() => { const r = document.getElementById('ss-popover').getBoundingClientRect();
  return r.left >= 0 && r.right <= document.documentElement.clientWidth && r.width > 0; }"""


@pytest.mark.parametrize("width", (320, 390))
def test_a_tapped_term_opens_a_popover_inside_the_phone_screen(open_page, site_url, width):
    page = open_page(site_url, viewport={"width": width, "height": 700}, has_touch=True, is_mobile=True)
    page.goto(site_url + f"{SEED_ID}/north-korea/")
    terms = page.locator("a.ss-term")
    assert terms.count() >= 5
    for k in range(terms.count()):  # every term of the page, at the left and right edges alike
        term = terms.nth(k)
        term.scroll_into_view_if_needed()
        term.tap()
        assert page.url.endswith("/north-korea/"), "the first tap shows the gloss; it does not follow the link"
        assert page.locator("#ss-popover").is_visible() and page.evaluate(POPOVER_INSIDE), k
        assert page.evaluate(WIDER) <= 0
    page.locator("h1").tap()  # a tap elsewhere closes it
    assert not page.locator("#ss-popover").is_visible()
    # A second tap on the open term follows its link to the glossary entry.
    term = terms.first
    term.tap()
    term.tap()
    page.wait_for_url(re.compile(r"/glossary/#g-"))


def test_the_popover_on_a_desktop_leaves_the_line_being_read(page, site_url):
    page.goto(site_url + f"{SEED_ID}/importance-of-relations/")
    terms = page.locator("a.ss-term")
    for k in range(min(terms.count(), 12)):
        term = terms.nth(k)
        term.hover()
        tip = page.locator("#ss-popover")
        assert tip.is_visible() and tip.get_attribute("role") == "tooltip"
        line = term.evaluate("e => { const r = e.getClientRects(); return [r[0].top, r[r.length - 1].bottom]; }")
        box = tip.bounding_box()
        assert box["y"] >= line[1] or box["y"] + box["height"] <= line[0], (k, line, box)
        assert page.evaluate(POPOVER_INSIDE)
    page.mouse.move(5, 400)
    page.wait_for_timeout(250)
    assert not page.locator("#ss-popover").is_visible(), "leaving the term closes it"


def test_terms_are_one_tab_stop_per_passage_and_arrows_move_among_them(page, site_url):
    page.goto(site_url + f"{SEED_ID}/importance-of-relations/")
    stops = page.evaluate("""() => [...document.querySelectorAll('.ss-passage, .ss-lead, .ss-closing')].map(g =>
        [...g.querySelectorAll('a.ss-term')].filter(t => t.closest('.ss-passage, .ss-lead, .ss-closing') === g
          && t.tabIndex === 0).length)""")
    assert max(stops) == 1 and stops.count(1) >= 3
    first = page.locator("#s2-3 a.ss-term[tabindex='0']")
    first.focus()
    assert page.locator("#ss-popover").is_visible()
    before = first.get_attribute("href")
    page.keyboard.press("ArrowRight")
    focused = page.evaluate("() => document.activeElement.getAttribute('href')")
    assert focused != before and page.evaluate("() => document.activeElement.closest('.ss-passage').id") == "s2-3"
    assert page.locator("#ss-popover").is_visible()
    page.keyboard.press("Escape")
    assert not page.locator("#ss-popover").is_visible()


# --- 3. furigana ---------------------------------------------------------------------------------------
RUBY_AUDIT = """() => [...document.querySelectorAll('.ss-ja ruby, h1 ruby')].map(r => {
  const base = r.textContent;
  const rt = r.querySelector('rt'), rects = r.getClientRects(), box = r.getBoundingClientRect();
  const reading = rt.getBoundingClientRect();
  return {base, lines: rects.length, width: box.width, left: box.left, top: box.top,
          readingBottom: reading.bottom, readingShown: reading.height > 0,
          reading: getComputedStyle(rt, '::before').content};
})"""


# Readings that run into each other, on the same line: each must end before the next begins.
READINGS_CLASH = """() => { const rs = [...document.querySelectorAll('.ss-ja ruby, h1 ruby')].map(r => {
    const b = r.querySelector('rt').getBoundingClientRect(); return {base: r.textContent, l: b.left, r: b.right, t: b.top}; });
  const clash = [];
  for (let i = 0; i + 1 < rs.length; i++) { const a = rs[i], b = rs[i + 1];
    if (Math.abs(a.t - b.t) < 1 && b.l > a.l && a.r > b.l + 0.5) clash.push(a.base + '|' + b.base); }
  return clash; }"""


@pytest.mark.parametrize("width", (320, 1280))
def test_readings_never_clash_on_any_collection_page(open_page, fixture_site, fixtures_url, width):
    """Words whose readings are wider than they are (協力 きょうりょく) beside other readings, long titles
    (国家安全保障問題担当大統領補佐官), a word before an ASCII comma: on every page of the collection."""
    _project, site = fixture_site
    page = open_page(fixtures_url, viewport={"width": width, "height": 800})
    for path in collection_pages(site):
        page.goto(fixtures_url + path + "?furigana=1")
        assert page.evaluate(READINGS_CLASH) == [], path


def test_the_clash_check_sees_readings_run_into_each_other(page, site_url):
    page.goto(site_url + f"{SEED_ID}/importance-of-relations/?furigana=1")
    assert page.evaluate(READINGS_CLASH) == []
    page.add_style_tag(content="html[data-furigana='1'] rt { font-size: 0.8em !important; }")
    assert len(page.evaluate(READINGS_CLASH)) > 5


@pytest.mark.parametrize("width", (390, 1280))
def test_furigana_over_kanji_word_by_word_never_broken_and_without_gaps(open_page, built_site, site_url, width):
    page = open_page(site_url, viewport={"width": width, "height": 900})
    kanji = re.compile(r"[\u4e00-\u9fff\u3005ヶ]+")
    readings = {}
    for path in record_pages(built_site, SEED_ID):
        page.goto(site_url + path + "?furigana=0")
        off = page.evaluate(RUBY_AUDIT)
        page.goto(site_url + path + "?furigana=1")
        on = page.evaluate(RUBY_AUDIT)
        assert len(on) > 10 and len(on) == len(off), path
        for before, after in zip(off, on):
            assert kanji.fullmatch(after["base"]), after["base"]  # a reading stands over kanji only
            assert after["lines"] == 1, after  # a word's ruby is never broken across lines
            assert after["readingShown"] and after["readingBottom"] <= after["top"] + 1, after  # above its word
            # No gaps: the word takes the same width with its reading as without.
            assert abs(after["width"] - before["width"]) < 0.5, (before, after)
        assert page.evaluate(READINGS_CLASH) == [], path
        readings.update({a["base"]: a["reading"].strip('"') for a in on})
    assert readings["大統領"] == "だいとうりょう" and readings["遺憾"] == "いかん" and readings["認識"] == "にんしき"
    assert "プーチン" not in readings and "プーチン大統領" not in readings


# --- 4. marks ---------------------------------------------------------------------------------------------
def test_each_term_is_marked_once_per_page_and_the_switch_turns_marks_off(page, site_url):
    for path in SEED_PAGES[1:5]:
        page.goto(site_url + path)
        hrefs = page.eval_on_selector_all(".ss-ja a.ss-term", "els => els.map(a => a.getAttribute('href'))")
        assert hrefs and len(hrefs) == len(set(hrefs)), path
    switch = page.locator('[data-ss-toggle="marks"]')
    assert switch.get_attribute("aria-pressed") == "true"
    switch.click()
    term = page.locator("a.ss-term").first
    assert term.evaluate("e => getComputedStyle(e).textDecorationLine") == "none"
    term.hover(force=True)
    assert not page.locator("#ss-popover").is_visible()
    page.goto(site_url + f"{SEED_ID}/iraq/")
    assert page.locator('[data-ss-toggle="marks"]').get_attribute("aria-pressed") == "false", "remembered"
    page.goto(site_url + f"{SEED_ID}/iraq/?marks=1")
    assert page.locator("a.ss-term").first.evaluate("e => getComputedStyle(e).textDecorationLine") != "none"
    # Grammatical words are not terms.
    page.goto(site_url + "glossary/")
    forms = page.eval_on_selector_all("[data-ja-text]", "els => els.map(e => e.textContent)")
    assert not {"旨", "旨述べた", "かかる", "双方", "日本側"} & set(forms)


# --- 5. provenance --------------------------------------------------------------------------------------
def test_provenance_near_the_title_of_every_record_page(page, site_url):
    for path in SEED_PAGES[1:5]:
        page.goto(site_url + path)
        head = page.locator(".ss-head")
        source = head.locator(".ss-source a")
        assert source.get_attribute("href") == "https://www.mofa.go.jp/mofaj/kaidan/s_koi/russia_03/jr_kaidan.html"
        assert "平成15年1月10日" in head.locator(".ss-source").inner_text()
        note = head.locator(".ss-unofficial")
        assert note.locator('[lang="ja"]').inner_text() == "英文は当サイトによる参考訳（非公式）"
        assert "unofficial translation" in note.locator('[lang="en"]').inner_text()
        # Near the title: within the first screen.
        assert source.bounding_box()["y"] < 450, path


def test_mofas_english_outline_is_linked_where_the_yaml_names_it(open_page, fixtures_url):
    page = open_page(fixtures_url)
    page.goto(fixtures_url + "no-date-subtitles-reference/")
    assert page.locator('.ss-source a[lang="en"]').get_attribute("href") == \
        "https://www.mofa.go.jp/na/na1/us/page4e_001000.html"
    assert page.locator(".ss-unofficial").count() == 0, "no English of this site's to call unofficial"


# --- 6. layout --------------------------------------------------------------------------------------------
MEASURE = """() => { const p = document.querySelector('.ss-passage .ss-ja');
  return p.getBoundingClientRect().width / parseFloat(getComputedStyle(p).fontSize); }"""


def test_the_japanese_reads_30_to_40_characters_a_line_on_a_desktop(open_page, site_url):
    page = open_page(site_url, viewport={"width": 1280, "height": 900})
    for english in ("1", "0"):
        page.goto(site_url + f"{SEED_ID}/importance-of-relations/?en={english}")
        assert 30 <= page.evaluate(MEASURE) <= 40, english


def test_a_records_topics_are_in_the_left_navigation_and_the_phones_menu(open_page, site_url):
    page = open_page(site_url, viewport={"width": 1280, "height": 900})
    page.goto(site_url + f"{SEED_ID}/energy/")
    nav = page.locator(".ss-record-nav__list")
    assert nav.is_visible() and nav.locator("a").count() == 11
    assert nav.locator('[aria-current="page"]').inner_text().startswith("5.エネルギー分野での協力")
    phone = open_page(site_url, viewport={"width": 390, "height": 844})
    phone.goto(site_url + f"{SEED_ID}/iraq/")
    here = phone.locator('.ss-record-nav__list [aria-current="page"]')
    expect(here).not_to_be_in_viewport()  # the drawer is closed
    phone.locator('label.md-header__button[for="__drawer"]').click()
    expect(here).to_be_in_viewport()  # it opens at the page being read
    link = phone.locator(".ss-record-nav__list a", has_text="9.北朝鮮")
    link.scroll_into_view_if_needed()
    link.click()
    phone.wait_for_url(re.compile(r"/north-korea/$"))


# --- 7. labels --------------------------------------------------------------------------------------------
VISIBLE_ENGLISH = """() => { const out = [];
  const walker = document.createTreeWalker(document.querySelector('.md-content'), NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) { const n = walker.currentNode, el = n.parentElement, t = n.textContent.trim();
    if (!t || !/[A-Za-z]{2,}/.test(t) || el.closest('.ss-ja, [data-ja-text], script, style')) continue;
    if (el.closest('[lang]').getAttribute('lang') === 'en' && el.checkVisibility()) out.push(t); }
  return out; }"""


def test_with_english_off_the_pages_are_japanese(open_page, site_url):
    page = open_page(site_url)
    for path in SEED_PAGES:
        page.goto(site_url + path + "?en=0")
        assert page.evaluate(VISIBLE_ENGLISH) in ([], ["JSON"]), path
    page.goto(site_url + f"{SEED_ID}/north-korea/?en=0")
    bar = page.locator("#s9-1 .ss-passage__bar").inner_text()
    assert "発言者" in bar and "引用" in bar and "Speakers" not in bar and "Cite" not in bar
    assert "前へ" in page.locator(".ss-pager").inner_text() and "Previous" not in page.locator(".ss-pager").inner_text()
    page.goto(site_url + "timeline/?en=0")
    whens = page.eval_on_selector_all(".ss-event__when", "els => els.map(e => e.innerText)")
    assert "1703年5月27日" in " ".join(whens) and "May" not in " ".join(whens)
    page.goto(site_url + "timeline/?en=1")
    assert "27 May 1703" in page.locator(".ss-year").first.inner_text()


# --- 8. keyboard --------------------------------------------------------------------------------------------
def test_the_skip_link_is_first_and_search_opens_only_when_asked(page, site_url):
    page.goto(site_url + f"{SEED_ID}/iraq/")
    page.keyboard.press("Tab")
    skip = page.evaluate("() => [document.activeElement.classList.contains('ss-skip'), document.activeElement.getAttribute('href')]")
    assert skip == [True, "#ss-main"]
    assert page.locator(".ss-skip").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "ss-main"
    # Tabbing through the header passes the search field without opening search.
    page.goto(site_url + f"{SEED_ID}/iraq/")
    for _ in range(12):
        page.keyboard.press("Tab")
        assert not page.locator("#__search").is_checked()
    assert page.evaluate("() => !!document.activeElement.closest('.md-content, .md-sidebar')")
    # It opens on "/", and closes when focus moves on.
    page.locator("h1").click()
    page.keyboard.press("/")
    assert page.locator("#__search").is_checked()
    page.keyboard.type("イラク")
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    assert not page.locator("#__search").is_checked()


# --- 9. timeline ----------------------------------------------------------------------------------------------
def test_the_timeline_jumps_to_the_meeting_and_its_dots_sit_on_the_line(open_page, site_url):
    page = open_page(site_url, viewport={"width": 390, "height": 844})
    page.goto(site_url + "timeline/")
    jump = page.locator(".ss-jump-meeting").first
    assert jump.bounding_box()["y"] + jump.bounding_box()["height"] <= 844, "on the first screen"
    jump.click()
    meeting = page.locator(f"#record-{SEED_ID}")
    box = meeting.bounding_box()
    assert 0 <= box["y"] < 300
    # The day's sessions follow the meeting, hour by hour.
    assert page.locator(f"#record-{SEED_ID}-session-1").is_visible()
    offsets = page.evaluate("""() => [...document.querySelectorAll('.ss-event')].slice(0, 40).map(e => {
      const list = e.closest('.ss-events').getBoundingClientRect(), style = getComputedStyle(e, '::before');
      const line = list.left + parseFloat(getComputedStyle(e.closest('.ss-events')).borderLeftWidth) / 2;
      const li = e.getBoundingClientRect();
      const dot = li.left + parseFloat(style.left);  // the dot is translated by -50%: its centre is here
      return dot - line; })""")
    assert offsets and all(abs(x) <= 1.01 for x in offsets), offsets


# --- 11. the English ---------------------------------------------------------------------------------------------
def test_the_seeds_english_follows_mofas_forms(page, site_url):
    page.goto(site_url + f"{SEED_ID}/")
    assert page.locator("h1 .ss-h-en").inner_text() == "Japan-Russia Summit Meeting (Outline)"
    lead = page.locator("#lead p.ss-en").first.inner_text()
    assert "Prime Minister Junichiro Koizumi" in lead and "President Vladimir Putin" in lead
    page.goto(site_url + f"{SEED_ID}/iraq/")
    english = page.locator("#s10-1 p.ss-en").inner_text()
    assert "UNMOVIC" in english and "Blix Commission" not in english


def test_a_leader_named_under_two_titles_is_listed_once(fixture_site):
    """安倍総理大臣 and, later, 安倍総理 are one person: the home page lists him once, as first written."""
    _project, site = fixture_site
    with open(os.path.join(site, "index.html"), encoding="utf-8") as f:
        home = f.read()
    row = re.search(r'<li class="ss-record".*?country-section-reiwa-no-blank-lines/.*?</li>', home, re.S).group()
    meta = re.sub(r"<[^>]+>", "", re.search(r'<p class="ss-record__meta">.*?</p>', row, re.S).group())
    assert "安倍総理大臣、習主席 ·" in meta and "安倍総理、" not in meta and "、安倍総理" not in meta
