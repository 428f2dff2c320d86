"""What a reader sees, in real headless Chromium (Debian's /usr/bin/chromium via Playwright)."""
from __future__ import annotations

import os
import re

import pytest

from conftest import SEED, SEED_ID, copy_project, make_record, run_build, run_mkdocs

TOPICS = ["opening-remarks", "importance-of-relations", "territorial-issue-action-plan", "counter-terrorism",
          "energy", "other-economic-relations", "security-and-defence", "japanese-culture-festival", "north-korea",
          "iraq"]


@pytest.fixture()
def page(open_page, site_url):
    return open_page(site_url)


LANG_AUDIT = """() => {
  const bad = [];
  const walker = document.createTreeWalker(document.querySelector('.md-content'), NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, text = node.textContent.trim();
    if (!text || node.parentElement.closest('script,style,[aria-hidden=true]')) continue;
    const lang = node.parentElement.closest('[lang]').getAttribute('lang');
    // Latin letters inside the record's Japanese sentences (UNDCP, ITER) are part of the Japanese text.
    if (node.parentElement.closest('.ss-ja,[data-ja-text]')) { if (lang !== 'ja') bad.push(['ja', lang, text]); continue; }
    if (/[\\u3040-\\u30ff\\u4e00-\\u9fff]/.test(text) && lang !== 'ja') bad.push(['ja', lang, text]);
    else if (!/[\\u3040-\\u30ff\\u4e00-\\u9fff]/.test(text) && /[A-Za-z]{3,}/.test(text) && lang !== 'en') bad.push(['en', lang, text]);
  }
  return bad;
}"""


def test_overview(page, site_url):
    page.goto(site_url + f"{SEED_ID}/")
    assert page.title().startswith("日露首脳会談(概要)（平成15年1月10日）")
    assert page.locator("h1").inner_text().startswith("日露首脳会談(概要)")
    facts = page.locator(".ss-facts").inner_text()
    for text in ("平成15年1月10日", "2003-01-10", "モスクワ", "12:06–13:47", "少人数会合", "13:51–14:57", "全体会合", "外務省"):
        assert text in facts
    links = page.locator(".ss-topics a")
    assert links.count() == 10
    source = page.locator('.ss-source a[href="https://www.mofa.go.jp/mofaj/kaidan/s_koi/russia_03/jr_kaidan.html"]')
    assert source.count() == 1 and source.inner_text() == "外務省「日露首脳会談(概要)」"
    assert page.evaluate(LANG_AUDIT) == []


# The record's text as a reader sees it: visible text nodes of the elements marked as the record's,
# ruby readings left out.
VISIBLE_RECORD_TEXT = """() => {
  const out = [];
  for (const root of document.querySelectorAll('[data-ss-text]')) {
    if (root.parentElement.closest('[data-ss-text]')) continue;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode, el = node.parentElement;
      if (el.closest('rt,rp') || !el.checkVisibility({visibilityProperty: true})) continue;
      out.push(node.textContent);
    }
  }
  return out.join('');
}"""


def test_the_record_as_a_reader_sees_it(page, site_url, seed_record):
    """The seed's visible text on its overview and topic pages, in order, is its source body exactly
    (tests/fidelity.py's definition of the body), with English on and off."""
    from fidelity import source_body
    expected = source_body(open(SEED, "rb").read()).chars
    for english in ("1", "0"):
        page.goto(site_url + f"{SEED_ID}/?en={english}")
        shown = [page.evaluate(VISIBLE_RECORD_TEXT)]
        links = page.eval_on_selector_all("[data-ss-topics] a", "els => els.map(a => a.href)")
        assert len(links) == len(seed_record.topics)
        for link in links:
            page.goto(link)
            shown.append(page.evaluate(VISIBLE_RECORD_TEXT))
        assert "".join("".join(shown).split()) == expected


def test_topic_pages_ids_and_speakers(page, site_url, seed_record):
    ids = []
    for slug in TOPICS:
        page.goto(site_url + f"{SEED_ID}/{slug}/")
        ids += page.eval_on_selector_all(".ss-passage", "els => els.map(e => e.id)")
        assert page.evaluate(LANG_AUDIT) == []
    assert ids == [pid for pid, _ in seed_record.passages()]
    page.goto(site_url + f"{SEED_ID}/north-korea/#s9-2")
    passage = page.locator("#s9-2")
    assert passage.locator(".ss-speakers").inner_text().endswith("総理")
    assert passage.evaluate("e => getComputedStyle(e).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")
    assert passage.locator(".ss-permalink").get_attribute("href") == "#s9-2"


def test_every_topic_shows_english_beside_japanese(page, site_url, seed_record):
    total = 0
    for slug in TOPICS:
        page.goto(site_url + f"{SEED_ID}/{slug}/")
        for block in page.locator(".ss-passage").all():
            pairs = block.locator(":scope > .ss-pair")
            for k in range(pairs.count()):
                en = pairs.nth(k).locator(".ss-en")
                assert en.get_attribute("lang") == "en" and len(en.inner_text()) > 3
            total += 1
        assert page.locator("h1 .ss-en").count() == 1
        ja, en = page.locator(".ss-pair").first.locator(".ss-ja"), page.locator(".ss-pair").first.locator(".ss-en")
        assert abs(ja.bounding_box()["y"] - en.bounding_box()["y"]) < 12, "side by side on a wide screen"
    assert total == 34


def test_english_toggle_persists_and_link_parameter(open_page, site_url):
    page = open_page(site_url)
    page.goto(site_url + f"{SEED_ID}/iraq/")
    toggle = page.locator('[data-ss-toggle="en"]')
    assert toggle.get_attribute("aria-pressed") == "true" and page.locator(".ss-en").first.is_visible()
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "false" and not page.locator(".ss-en").first.is_visible()
    page.goto(site_url + f"{SEED_ID}/energy/")
    assert not page.locator(".ss-en").first.is_visible(), "remembered across pages"
    page.reload()
    assert page.locator('[data-ss-toggle="en"]').get_attribute("aria-pressed") == "false"
    page.goto(site_url + f"{SEED_ID}/energy/?en=1")
    assert page.locator(".ss-en").first.is_visible()
    page.goto(site_url + f"{SEED_ID}/iraq/")
    assert page.locator(".ss-en").first.is_visible(), "?en=1 is remembered too"
    page.goto(site_url + f"{SEED_ID}/iraq/?en=0")
    assert not page.locator(".ss-en").first.is_visible()


def test_phone_stacks_languages(open_page, site_url):
    page = open_page(site_url, viewport={"width": 390, "height": 844})
    page.goto(site_url + f"{SEED_ID}/iraq/")
    pair = page.locator(".ss-pair").first
    assert pair.locator(".ss-en").bounding_box()["y"] > pair.locator(".ss-ja").bounding_box()["y"] + 20


def test_furigana_toggle_and_copy_keeps_the_record_text(open_page, site_url, seed_record):
    page = open_page(site_url)
    page.goto(site_url + f"{SEED_ID}/importance-of-relations/")
    # A term's words read as one ruby: 大黒屋光太夫(だいこくやこうだゆう), the glossary's reading.
    readings = page.locator('#s2-2-1 a[href$="#g-daikokuya-kodayu"] rt')
    assert readings.count() == 1 and not readings.first.is_visible()
    page.locator('[data-ss-toggle="furigana"]').click()
    assert readings.first.is_visible()
    assert readings.first.evaluate("e => getComputedStyle(e, '::before').content") == '"だいこくやこうだゆう"'
    # Words outside a term keep their own reading: 遭難(そうなん) ... each over its word.
    assert page.locator("#s2-2-1 ruby", has_text="漂着").count() == 1
    page.goto(site_url + f"{SEED_ID}/iraq/")
    assert page.locator('[data-ss-toggle="furigana"]').get_attribute("aria-pressed") == "true"
    page.goto(site_url + f"{SEED_ID}/importance-of-relations/")
    copied = page.evaluate("""() => { const p = document.querySelector('#s2-2-1 .ss-ja');
        const r = document.createRange(); r.selectNodeContents(p); const s = getSelection();
        s.removeAllRanges(); s.addRange(r); return s.toString(); }""")
    item = seed_record.topics[1].statements[1].items[0]
    assert copied == item.marker + item.sep + item.paragraphs[0].text


def test_term_popover_on_focus_and_the_glossary_link(page, site_url):
    page.goto(site_url + f"{SEED_ID}/importance-of-relations/")
    term = page.locator('#s2-2-1 a.ss-term[href$="#g-daikokuya-kodayu"]')
    assert term.count() == 1
    term.focus()
    tip = page.locator("#ss-popover")
    assert tip.is_visible() and tip.get_attribute("role") == "tooltip"
    assert term.get_attribute("aria-describedby") == "ss-popover"
    text = tip.inner_text()
    assert "大黒屋光太夫" in text and "だいこくやこうだゆう" in text and "Daikokuya" in text
    assert "漂着" in tip.locator('.ss-popover__note[lang="ja"]').inner_text()
    page.keyboard.press("Escape")
    assert not tip.is_visible() and term.get_attribute("aria-describedby") is None
    term.click()
    page.wait_for_url(re.compile(r"/glossary/#g-daikokuya-kodayu$"))
    assert page.locator("#g-daikokuya-kodayu").is_visible()


def test_glossary_links_both_ways(page, site_url):
    page.goto(site_url + "glossary/")
    entries = page.locator(".ss-gloss__entry")
    assert entries.count() >= 60
    assert page.evaluate(LANG_AUDIT) == []
    targets = page.eval_on_selector_all(".ss-gloss__occ a", "els => els.map(a => a.href)")
    occurrence = page.locator("#g-putin .ss-gloss__occ a[href*='#s']").first.get_attribute("href")
    assert re.fullmatch(r"\.\./2003-01-10-japan-russia/[a-z-]+/#s\d+-\d+(-\d+)?", occurrence)
    no_links = page.eval_on_selector_all(".ss-gloss__entry", "els => els.filter(e => !e.querySelector('.ss-gloss__occ a')).map(e => e.id)")
    assert no_links == [], "every entry links to where it occurs"
    _assert_targets_exist(page, targets)


def test_timeline(page, site_url):
    page.goto(site_url + "")
    assert page.evaluate(LANG_AUDIT) == [], "home page"
    page.goto(site_url + "timeline/")
    assert page.evaluate(LANG_AUDIT) == []
    datetimes = page.eval_on_selector_all("time[datetime]", "els => els.map(e => e.getAttribute('datetime'))")
    assert len(datetimes) >= 15
    assert {"2003-01-10T12:06", "2003-01-10T13:51", "1783", "2003-01-10"} <= set(datetimes)
    assert page.locator(".ss-event--record").count() >= 5 and page.locator(".ss-event--editors").count() >= 14
    assert page.locator("#record-2003-01-10-japan-russia-session-1 .ss-event__label").inner_text().startswith("少人数会合")
    targets = page.eval_on_selector_all(".ss-event__links a", "els => els.map(a => a.href)")
    assert len(targets) >= 20
    _assert_targets_exist(page, targets)
    # Filter by kind: unticking 'context' hides background events only.
    page.goto(site_url + "timeline/")
    page.locator('.ss-kinds input[value="context"]').uncheck()
    assert page.locator('.ss-event[data-kind="context"]').first.is_hidden()
    assert page.locator('.ss-event[data-kind="meeting"]').first.is_visible()
    # Statements link back to their timeline entries.
    page.goto(site_url + f"{SEED_ID}/importance-of-relations/")
    back = page.eval_on_selector_all("#s2-2-2 .ss-timeline-links a", "els => els.map(a => a.href)")
    assert back and all("/timeline/#" in h for h in back)
    _assert_targets_exist(page, back)


def _assert_targets_exist(page, hrefs):
    pages: dict[str, set[str]] = {}
    for href in hrefs:
        url, _, fragment = href.partition("#")
        if url not in pages:
            response = page.goto(url)
            assert response.status == 200, href
            pages[url] = set(page.eval_on_selector_all("[id]", "els => els.map(e => e.id)"))
        assert not fragment or fragment in pages[url], href


def test_pages_read_without_javascript(open_page, site_url):
    page = open_page(site_url, java_script_enabled=False)
    page.goto(site_url + f"{SEED_ID}/iraq/")
    assert page.locator(".ss-en").first.is_visible() and page.locator(".ss-ja").first.is_visible()
    assert not page.locator(".ss-controls").is_visible()
    page.goto(site_url + "timeline/")
    assert page.locator(".ss-event").count() == page.locator(".ss-event:visible").count()


MARKUP = make_record("日露首脳会談(概要)\n\n平成15年1月10日\n\n会談が行われた。\n\n1.<script>alert(1)</script>\n"
                     "(1) 総理より、{{ config.site_name }} {% if true %}x{% endif %} *強調* _下線_ [x](http://example.com) "
                     "| 表 | # 見出し &amp; `code` <!-- c --> <b>太字</b> 旨述べた。\n"
                     "(2) 大統領より、&lt;i&gt; &#x41; \\*エスケープ\\* 旨述べた。")


def test_markup_in_a_record_is_literal_text(open_page, tmp_path):
    from browser import serve
    project = copy_project(str(tmp_path), {"2003-01-10-markup.txt": MARKUP}, with_seed_content=False)
    assert run_build(project).returncode == 0
    site = os.path.join(project, "site")
    result = run_mkdocs(project, site)
    assert result.returncode == 0, result.stderr
    dialogs = []
    with serve(site) as base:
        page = open_page(base)
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(base + "2003-01-10-markup/topic-1/")
        assert page.locator("h1 span[lang=ja]").inner_text() == "1.<script>alert(1)</script>"
        shown = page.eval_on_selector_all(".ss-ja", "els => els.map(e => e.textContent)")
        lines = MARKUP.splitlines()
        assert shown == [next(l for l in lines if l.startswith("(1)")), next(l for l in lines if l.startswith("(2)"))]
        assert page.locator(".ss-ja b, .ss-ja em, .ss-ja code, .ss-ja script").count() == 0
    assert dialogs == []
