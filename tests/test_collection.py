"""A small collection (the seed and three synthetic records from bench/synth.py), generated and built for
real (scripts/build.py, mkdocs build --strict), read in real headless Chromium: the home page lists
the records newest first and filters them, overviews link their topics, topic pages chain with
breadcrumbs and prev/next, and the left navigation never lists other records' pages."""
from __future__ import annotations

import os
import sys

import pytest

from conftest import ROOT, SEED, SEED_ID, copy_project, run_build, run_mkdocs

sys.path.insert(0, os.path.join(ROOT, "bench"))
from synth import COUNTRIES, write_records  # noqa: E402
from summitsite.pipeline import read_record  # noqa: E402

# The English names the home page must give for bench/synth.py's countries (written out here, not
# taken from the code under test).
COUNTRY_BY_SLUG = {"us": "United States", "china": "China", "korea": "Republic of Korea", "uk": "United Kingdom",
                   "france": "France", "germany": "Germany", "india": "India", "australia": "Australia",
                   "russia": "Russia", "canada": "Canada", "italy": "Italy", "vietnam": "Viet Nam"}
assert set(COUNTRY_BY_SLUG) == {slug for _abbr, slug, *_rest in COUNTRIES}


@pytest.fixture(scope="module")
def collection(tmp_path_factory):
    """{record id: (date, countries, topic count)} and the built site's directory."""
    project = copy_project(str(tmp_path_factory.mktemp("collection")))
    paths = write_records(os.path.join(project, "content", "records"), 3, seed=0)
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    site = os.path.join(project, "site")
    result = run_mkdocs(project, site)
    assert result.returncode == 0, result.stderr
    records = {SEED_ID: (read_record(SEED, ROOT).date, ["Japan", "Russia"], 10)}
    for path in paths:
        record = read_record(path, project)
        slug = record.id.split("-japan-")[1].rsplit("-", 1)[0]
        records[record.id] = (record.date, ["Japan", COUNTRY_BY_SLUG[slug]], len(record.topics))
    return records, site


@pytest.fixture(scope="module")
def base(collection):
    from browser import serve
    with serve(collection[1]) as url:
        yield url


@pytest.fixture()
def page(open_page, base):
    return open_page(base)


def test_home_lists_records_newest_first(page, base, collection):
    records, _site = collection
    page.goto(base)
    rows = page.locator(".ss-record")
    assert rows.count() == 4
    newest_first = sorted(records, key=lambda rid: (records[rid][0], rid), reverse=True)
    hrefs = [rows.nth(k).locator("a").first.get_attribute("href") for k in range(4)]
    assert [h.strip("/").split("/")[-1] for h in hrefs] == newest_first
    dates = rows.locator("time").evaluate_all("els => els.map(e => e.getAttribute('datetime'))")
    assert dates == [records[rid][0] for rid in newest_first]
    for k, rid in enumerate(newest_first):
        meta = rows.nth(k).locator(".ss-record__meta").inner_text()
        assert all(country in meta for country in records[rid][1]), (rid, meta)
        # Leaders (the seed's from its YAML, the others' from their speakers with a name and a title;
        # the bare title 総理 names nobody) come just before the topic count.
        leaders = meta.split(" · ")[-2].split("、")
        assert leaders and "総理" not in leaders and all(name.strip() for name in leaders), (rid, meta)

    # Four records need no filter, and nothing else stands around the list.
    assert page.locator("#ss-record-filter").count() == 0 and page.locator(".ss-more").count() == 0
    assert page.locator(".ss-record__lead").count() == 4


TOPIC_PAGE = """() => {
  const hrefs = sel => [...document.querySelectorAll(sel)].map(a => a.href);
  return {crumbs: document.querySelectorAll('.ss-crumbs li').length, crumbLinks: hrefs('.ss-crumbs a'),
          current: document.querySelectorAll('.ss-crumbs [aria-current=page]').length,
          prev: hrefs('.ss-pager__prev'), next: hrefs('.ss-pager__next'),
          nav: hrefs('.md-nav a[href]').map(h => new URL(h).pathname)};
}"""


def check_topic_page(page, base, rid, urls, k, ids):
    """Breadcrumbs, pager and left navigation of topic ``k`` of record ``rid`` (the page is loaded)."""
    assert page.url == urls[k]
    found = page.evaluate(TOPIC_PAGE)
    assert found["crumbs"] == 3 and found["current"] == 1
    assert found["crumbLinks"] == [base, f"{base}{rid}/"]
    assert found["prev"] == urls[k - 1:k] if k else found["prev"] == []
    assert found["next"] == urls[k + 1:k + 2]
    # The left navigation is the site's own few pages and this record's: never another record's pages.
    assert len(found["nav"]) == 1 + 3 + 1 + len(urls), found["nav"]  # the logo, the site, the record, its topics
    assert not [p for p in found["nav"] if p.strip("/").split("/")[0] in ids - {rid}], found["nav"]
    return found["crumbLinks"] + found["prev"] + found["next"]


def test_overviews_link_topics_and_every_topic_page_chains(open_page, base, collection):
    """Every record: the overview's topic links, then every topic page's breadcrumbs, prev/next and left
    navigation (static HTML, without scripts: scripts, styles and images are not fetched, to keep this quick)."""
    records, _site = collection
    page = open_page(base, java_script_enabled=False)
    context = page.context
    context.route("**/*", lambda route: route.fulfill(status=204) if route.request.resource_type in
                  ("stylesheet", "script", "image", "font") else route.continue_())
    hrefs = set()
    for rid, (_date, _countries, topic_count) in records.items():
        page.goto(f"{base}{rid}/")
        urls = page.locator(".ss-topics a").evaluate_all("els => els.map(a => a.href)")
        assert len(urls) == topic_count and all(u.startswith(f"{base}{rid}/") for u in urls), rid
        for k, url in enumerate(urls):
            assert page.goto(url).status == 200
            hrefs.update(check_topic_page(page, base, rid, urls, k, set(records)))
    assert all(context.request.get(href).status == 200 for href in sorted(hrefs))


def test_pager_walk_with_the_full_page(page, base, collection):
    """Follow 'next' from the first topic to the last of the smallest synthetic record, then 'previous'."""
    records, _site = collection
    rid = min((r for r in records if r != SEED_ID), key=lambda r: records[r][2])
    page.goto(f"{base}{rid}/")
    urls = page.locator(".ss-topics a").evaluate_all("els => els.map(a => a.href)")
    assert page.goto(urls[0]).status == 200
    for k in range(len(urls)):
        check_topic_page(page, base, rid, urls, k, set(records))
        if k + 1 < len(urls):
            with page.expect_navigation() as navigation:
                page.locator(".ss-pager__next").click()
            assert navigation.value.status == 200
    with page.expect_navigation() as navigation:
        page.locator(".ss-pager__prev").click()
    assert navigation.value.status == 200 and page.url == urls[-2]
    with page.expect_navigation() as navigation:
        page.locator(".ss-crumbs a").nth(1).click()
    assert navigation.value.status == 200 and page.url == f"{base}{rid}/"


def test_glossary_lists_three_records_and_searches_the_rest(page, base, collection):
    """An entry found in more records than the glossary lists (GLOSSARY_RECORDS) names how many more
    there are, and its search link opens site search on that term, which finds the other records."""
    from summitsite.site_pages import GLOSSARY_RECORDS
    records, _site = collection
    page.goto(f"{base}glossary/")
    capped = page.locator(".ss-gloss__entry:has(.ss-gloss__more)")
    assert capped.count() >= 1, "some entry occurs in all four records"
    entry = capped.first
    listed = entry.locator(".ss-gloss__occ li")
    assert listed.count() == GLOSSARY_RECORDS
    shown = {a.split("/")[-2] for a in entry.locator("a.ss-gloss__record").evaluate_all("els => els.map(a => a.href)")}
    assert len(shown) == GLOSSARY_RECORDS and shown < set(records)
    dates = entry.locator(".ss-gloss__occ time").evaluate_all("els => els.map(t => t.getAttribute('datetime'))")
    assert dates == sorted(dates), "records in date order"
    more = entry.locator(".ss-gloss__more")
    more_records = len(records) - GLOSSARY_RECORDS
    assert more.locator('[lang="ja"]').first.inner_text().startswith(f"ほか{more_records}件の記録")
    assert more.locator('.ss-en').first.inner_text().strip().startswith(f"and {more_records} more record")
    form = min(entry.locator("dt [data-ja-text]").all_inner_texts(), key=len)
    with page.expect_navigation():
        more.locator("a").click()
    field = page.locator(".md-search__input")
    field.wait_for()
    page.wait_for_function("(q) => { const r = document.querySelector('[data-search-results]');"
                           " return r && r.getAttribute('data-search-state') === 'done'"
                           " && r.getAttribute('data-search-query') === q; }", arg=form)
    assert field.input_value() == form
    hits = page.locator(".md-search-result__item a.md-search-result__link").evaluate_all(
        "els => els.map(a => a.href)")
    missing = set(records) - shown
    assert any(rid in href for href in hits for rid in missing), "search reaches the unlisted records"


def test_timeline_names_the_record_of_each_passage_link(page, base, collection):
    """With several records a passage label such as 2.(2)(イ) is ambiguous: each event's links are
    grouped by record and every group of passage links follows the title of the record it points into."""
    records, site = collection
    project = os.path.dirname(site)
    page.goto(f"{base}timeline/")
    groups = page.evaluate("""() => [...document.querySelectorAll('.ss-event__links')].flatMap(p => {
      const out = []; let title = null;
      for (const el of p.children) {
        if (el.classList.contains('ss-event__record')) title = el.textContent;
        else if (el.hash) out.push([title, el.pathname.split('/')[1]]);
      }
      return out;
    })""")
    linked = {rid for _title, rid in groups}
    assert linked <= set(records) and len(linked) >= 2, "events link into several records"
    titles = {rid: read_record(os.path.join(project, "content", "records", rid + ".txt"), project).title
              for rid in records}
    assert all(title == titles[rid] for title, rid in groups), groups[:5]
    # Titles repeat across records (日米首脳会談), so each is followed by its record's date.
    dates = page.evaluate("() => [...document.querySelectorAll('.ss-event__record')]"
                          ".map(t => t.nextElementSibling.getAttribute('datetime'))")
    assert dates and all(dates), dates[:5]
    intro = page.locator(".ss-intro > .ss-en").inner_text()
    assert intro.startswith("Each meeting hour by hour")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_collection_pages_pass_axe(open_page, base, scheme):
    """The pages whose markup changes with several records (home list, glossary groups, timeline
    groups) have no axe-core violations."""
    from test_publish import axe_violations
    page = open_page(base, viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    found = {}
    for path in ("", "glossary/", "timeline/"):
        page.goto(base + path)
        found[path or "home"] = axe_violations(page)
    assert found == {name: [] for name in found}


@pytest.fixture(scope="module")
def long_base(tmp_path_factory):
    """A site of 30 records, whose timeline is past render.LONG_TIMELINE events."""
    from browser import serve
    project = copy_project(str(tmp_path_factory.mktemp("long")))
    write_records(os.path.join(project, "content", "records"), 29, seed=3)
    assert run_build(project).returncode == 0
    site = os.path.join(project, "site")
    result = run_mkdocs(project, site, {"SS_SEARCH_INDEX": "0"})
    assert result.returncode == 0, result.stderr
    with serve(site) as url:
        yield url


def test_long_timeline_lays_out_only_what_is_near_and_still_reaches_every_event(open_page, long_base):
    from summitsite.site_pages import LONG_TIMELINE
    page = open_page(long_base, viewport={"width": 390, "height": 844})
    page.goto(f"{long_base}timeline/")
    events = page.locator(".ss-event")
    assert events.count() > LONG_TIMELINE
    assert page.locator(".ss-page--timeline.ss-long").count() == 1
    years = page.locator(".ss-year")
    assert years.first.evaluate("e => getComputedStyle(e).contentVisibility") == "auto"
    # A link to an event in the last year still lands on it, laid out and in view.
    last = years.last.locator(".ss-event").last.get_attribute("id")
    page.goto(f"{long_base}timeline/#{last}")
    target = page.locator(f"#{last}")
    target.wait_for()
    page.wait_for_function("(id) => { const r = document.getElementById(id).getBoundingClientRect();"
                           " return r.height > 0 && r.top >= 0 && r.top < innerHeight; }", arg=last)
    assert target.inner_text().strip()
    # The kind filter still applies to every event, laid out or not.
    page.locator(".ss-kinds input[value='mentioned']").uncheck()
    hidden = page.evaluate("() => [...document.querySelectorAll('.ss-event[data-kind=mentioned]')].every(e => e.hidden)")
    assert hidden


def test_short_timeline_is_laid_out_whole(page, base):
    page.goto(f"{base}timeline/")
    assert page.locator(".ss-long").count() == 0
    assert page.locator(".ss-year").first.evaluate("e => getComputedStyle(e).contentVisibility") == "visible"


def test_collection_site_is_the_same_built_again(collection, tmp_path):
    """The same inputs make the same site, byte for byte, the Pagefind index included."""
    from test_build import tree
    _records, site = collection
    project = os.path.dirname(site)
    again = os.path.join(str(tmp_path), "site-again")
    result = run_mkdocs(project, again)
    assert result.returncode == 0, result.stderr
    first, second = tree(site), tree(again)
    assert len([p for p in first if p.endswith(".html")]) > 24
    assert first.keys() == second.keys()
    assert [p for p in first if first[p] != second[p]] == []


def test_every_record_of_the_collection_shows_its_source_exactly(collection):
    """The synthetic records take the layouts bench/synth.py writes: each one's pages against its file."""
    from fidelity import check
    records, site = collection
    folder = os.path.join(os.path.dirname(site), "content", "records")
    for rid in records:
        problems, _chrome = check(os.path.join(folder, rid + ".txt"), site, rid)
        assert problems == [], (rid, problems)


def test_a_long_home_list_has_a_filter(open_page, long_base):
    """Past nine records the home page lists them with a filter (by country, leader, date, venue)."""
    page = open_page(long_base)
    page.goto(long_base)
    rows = page.locator(".ss-record")
    total = rows.count()
    assert total == 30
    search = page.locator("#ss-record-filter")
    assert search.is_visible()
    visible = "() => [...document.querySelectorAll('.ss-record')].filter(e => e.offsetParent !== null).length"
    metas = rows.evaluate_all("els => els.map(e => e.getAttribute('data-filter'))")
    for word in ("russia", "japan", "2003", "no-such-country"):
        search.fill(word)
        expected = sum(word in m for m in metas)
        assert page.evaluate(visible) == expected, word
        assert page.locator("#ss-filter-status").inner_text() == f"{expected} / {total}"
    search.fill("")
    assert page.evaluate(visible) == total
