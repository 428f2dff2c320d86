#!/usr/bin/env python3
"""Quality a reader feels: Lighthouse (mobile) and axe-core in real headless Chromium, on the home page,
a topic page, the timeline and the glossary; no request leaving the site; dark mode; print keeps ids.

    make quality                                  # builds site/, installs Lighthouse, runs everything
    .venv/bin/python bench/quality.py [--site site] [--runs 3] [--skip-lighthouse]
    .venv/bin/python bench/quality.py og-image    # redraw overrides/assets/og-image.png
    .venv/bin/python bench/quality.py screenshots # the cite dialog and a linked passage, into bench/out/screenshots/

These are measurements, not unit tests (a fast subset — axe, links, meta — is tests/test_publish.py).
The site is served the way GitHub Pages serves it: gzip for text and `Cache-Control: max-age=600`.
Lighthouse 12.2.3 (npm, bench/node_modules) runs Debian's /usr/bin/chromium (CHROME_PATH) with its
default mobile emulation and simulated throttling; on a busy machine the performance score can drop a
few points, so --runs N reports the median performance of N runs (the other categories do not vary).
Targets: 100 for accessibility, best practices and SEO, ≥ 95 for performance; no axe violation.
Results: a table on stdout, every run in bench/out/quality-latest.json; exit status 1 if a target is missed.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "tests"))
from browser import CHROMIUM, axe_violations, chromium, serve  # noqa: E402

PAGES = {
    "home": "",
    "topic": "2003-01-10-japan-russia/north-korea/",
    "timeline": "timeline/",
    "glossary": "glossary/",
}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
LIGHTHOUSE = os.path.join(HERE, "node_modules", ".bin", "lighthouse")


# --- Lighthouse --------------------------------------------------------------------------------------
def lighthouse(url: str, out_dir: str, name: str, run: int) -> dict:
    path = os.path.join(out_dir, f"lighthouse-{name}-{run}.json")
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    result = subprocess.run([LIGHTHOUSE, url, "--quiet", "--output=json", f"--output-path={path}",
                             "--only-categories=" + ",".join(CATEGORIES),
                             "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"],
                            capture_output=True, text=True, env=env, timeout=300)
    if result.returncode != 0 or not os.path.exists(path):
        raise RuntimeError(f"lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    report = json.load(open(path, encoding="utf-8"))
    scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    failing = []
    for category in CATEGORIES:
        for ref in report["categories"][category]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                failing.append(f"{category}/{ref['id']} ({audit['score']:.2f}{' ' + audit['displayValue'] if audit.get('displayValue') else ''})")
    metrics = {k: report["audits"][k].get("numericValue") for k in
               ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift",
                "speed-index", "total-byte-weight")}
    return {"scores": scores, "failing": failing, "metrics": metrics, "report": path}


# --- axe, requests, dark mode, print -----------------------------------------------------------------
def browser_checks(base: str) -> dict:
    out: dict = {"axe": {}, "offsite": [], "failed": [], "console": [], "dark": {}, "print": {}}
    with chromium() as browser:
        for scheme in ("light", "dark"):
            for size, viewport in (("desktop", {"width": 1280, "height": 900}), ("phone", {"width": 390, "height": 844})):
                context = browser.new_context(viewport=viewport, color_scheme=scheme)
                page = context.new_page()
                page.on("request", lambda r: r.url.startswith((base, "data:", "blob:")) or out["offsite"].append(r.url))
                page.on("response", lambda r: r.status >= 400 and out["failed"].append(f"{r.status} {r.url}"))
                page.on("console", lambda m: m.type in ("error", "warning") and out["console"].append(m.text))
                for name, path in {**PAGES, "overview": "2003-01-10-japan-russia/"}.items():
                    page.goto(base + path)
                    page.wait_for_load_state("networkidle")
                    key = f"{name}/{scheme}/{size}"
                    out["axe"][key] = [f"{v['id']} {[n['target'] for n in v['nodes']][:3]}"
                                       for v in axe_violations(page)]
                    out["dark"][key] = page.evaluate(
                        "() => document.body.getAttribute('data-md-color-scheme')") == ("slate" if scheme == "dark" else "default")
                page.goto(base + PAGES["topic"])
                page.locator("#s9-2 .ss-cite-open").click()
                out["axe"][f"topic+cite dialog/{scheme}/{size}"] = [
                    f"{v['id']} {[n['target'] for n in v['nodes']][:3]}" for v in axe_violations(page)]
                context.close()
        context = browser.new_context()
        page = context.new_page()
        page.goto(base + PAGES["topic"])
        page.emulate_media(media="print")
        ids = page.eval_on_selector_all(".ss-passage", "els => els.map(e => e.id)")
        shown = page.eval_on_selector_all(
            ".ss-passage > .ss-passage__bar > .ss-permalink",
            "els => els.map(e => getComputedStyle(e, '::after').content.replace(/[\" ]/g, ''))")
        out["print"] = {"passages": len(ids), "ids_printed": sum(f"#{i}" in s for i, s in zip(ids, shown)),
                        "hidden": page.evaluate("() => ['.md-header', '.ss-cite-open', '.md-sidebar'].every(s => "
                                                "[...document.querySelectorAll(s)].every(e => !e.offsetParent))")}
        context.close()
    out["failed"] = sorted(set(out["failed"]))
    out["offsite"] = sorted(set(out["offsite"]))
    return out


# --- the site-wide preview image ---------------------------------------------------------------------
OG_CARD = """<!doctype html><html lang="ja"><meta charset="utf-8"><style>
html,body{margin:0;width:1200px;height:630px;overflow:hidden}
body{font-family:"Noto Sans CJK JP",sans-serif;background:#fff;color:#1a1a2e;display:grid;grid-template-columns:56px 1fr}
.band{background:#4051b5}
main{padding:72px 80px 56px 72px;display:flex;flex-direction:column}
.kicker{font-size:30px;color:#4051b5;font-weight:700;letter-spacing:.04em}
h1{font-size:112px;line-height:1.1;margin:18px 0 0;font-weight:700;letter-spacing:.02em}
.en{font-size:54px;font-weight:400;color:#3a3a55;margin:6px 0 0;font-family:"Noto Sans","DejaVu Sans",sans-serif}
.rule{height:4px;width:140px;background:#4051b5;margin:32px 0 26px}
.desc{font-size:30px;line-height:1.5;color:#33334d;margin:0}
.desc-en{font-size:23px;color:#55556d;margin:8px 0 0;font-family:"Noto Sans","DejaVu Sans",sans-serif}
</style><body><div class="band"></div><main>
<div class="kicker">外務省 首脳会談記録（概要）</div>
<h1>首脳会談記録</h1>
<p class="en" lang="en">Summit Records</p>
<div class="rule"></div>
<p class="desc">原文のまま、英訳・用語解説・年表とともに。<br>段落ごとに引用・リンクできます。</p>
<p class="desc-en" lang="en">MOFA summit records in Japanese, with English — cite and link every paragraph.</p>
</main></body></html>"""


def og_image(path: str) -> None:
    """Draw the 1200×630 link-preview image with Chromium and Debian's fonts-noto-cjk (Noto Sans CJK JP)."""
    with tempfile.TemporaryDirectory() as tmp, chromium() as browser:
        card = os.path.join(tmp, "card.html")
        with open(card, "w", encoding="utf-8") as handle:
            handle.write(OG_CARD)
        page = browser.new_page(viewport={"width": 1200, "height": 630})
        page.goto("file://" + card)
        fonts = page.evaluate("() => document.fonts.check('112px \"Noto Sans CJK JP\"', '首脳会談記録')")
        if not fonts:
            raise SystemExit("Noto Sans CJK JP is missing: apt-get install fonts-noto-cjk")
        page.screenshot(path=path)
    print(f"{path}: {os.path.getsize(path)} bytes")


# --- screenshots of the cite dialog ------------------------------------------------------------------
def screenshots(site: str, out: str) -> None:
    """A topic page reached by #s2-2, after its permalink was clicked (Copied), with the cite dialog
    open (Japanese) and switched to BibTeX; desktop and phone, light and dark."""
    from browser import serve
    os.makedirs(out, exist_ok=True)
    with serve(site) as base, chromium() as browser:
        for scheme in ("light", "dark"):
            for size, (width, height) in {"desktop": (1280, 900), "phone": (390, 844)}.items():
                context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
                context.grant_permissions(["clipboard-read", "clipboard-write"])
                page = context.new_page()
                page.goto(base + "2003-01-10-japan-russia/importance-of-relations/#s2-2")
                page.wait_for_load_state("networkidle")
                shots = {"anchor": None, "copied": "#s2-2 > .ss-passage__bar .ss-permalink",
                         "cite": '[data-ss-cite="s2-2"]', "cite-bibtex": 'label[for="ss-cite-style-bibtex"]'}
                for name, click in shots.items():
                    if click:
                        page.locator(click).click()
                        page.wait_for_timeout(250)
                    path = os.path.join(out, f"{name}-{size}-{scheme}.png")
                    page.screenshot(path=path)
                    print(path)
                context.close()


# --- main --------------------------------------------------------------------------------------------
def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", nargs="?", default="measure", choices=["measure", "og-image", "screenshots"])
    parser.add_argument("--site", default=os.path.join(ROOT, "site"), help="built site to measure (default: site/)")
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse runs per page (median performance)")
    parser.add_argument("--skip-lighthouse", action="store_true")
    parser.add_argument("--out", default=os.path.join(HERE, "out", "quality"))
    args = parser.parse_args()
    if args.command == "og-image":
        og_image(os.path.join(ROOT, "overrides", "assets", "og-image.png"))
        return 0
    if not os.path.exists(os.path.join(args.site, "index.html")):
        raise SystemExit(f"{args.site}: no built site (run `make site`)")
    if args.command == "screenshots":
        screenshots(args.site, os.path.join(HERE, "out", "screenshots"))
        return 0
    if not args.skip_lighthouse and not os.path.exists(LIGHTHOUSE):
        raise SystemExit("Lighthouse is not installed: npm ci --prefix bench (make quality does it)")
    os.makedirs(args.out, exist_ok=True)
    started = time.strftime("%Y-%m-%dT%H:%M:%S")
    results: dict = {"started": started, "loadavg": os.getloadavg(), "lighthouse": {}, "targets": TARGETS}
    ok = True
    with serve(args.site, like_pages=True) as base:
        if not args.skip_lighthouse:
            print(f"{'page':10} " + " ".join(f"{c:>14}" for c in CATEGORIES) + "   (Lighthouse 12.2.3, mobile)")
            for name, path in PAGES.items():
                runs = [lighthouse(base + path, args.out, name, k) for k in range(args.runs)]
                scores = {c: (statistics.median(r["scores"][c] for r in runs)) for c in CATEGORIES}
                results["lighthouse"][name] = {"scores": scores, "runs": runs}
                missed = [c for c in CATEGORIES if scores[c] < TARGETS[c]]
                ok &= not missed
                print(f"{name:10} " + " ".join(f"{scores[c]:>14g}" for c in CATEGORIES) + ("   MISSED: " + ", ".join(missed) if missed else ""))
                for run in runs:
                    for fail in run["failing"]:
                        print(f"{'':10} {fail}")
        checks = browser_checks(base)
    results.update(checks)
    axe_total = sum(len(v) for v in checks["axe"].values())
    print(f"\naxe-core: {axe_total} violations on {len(checks['axe'])} page views (5 page types + the cite dialog, "
          "light and dark, desktop and phone)")
    for key, found in checks["axe"].items():
        for violation in found:
            print(f"  {key}: {violation}")
    print(f"requests leaving the site: {len(checks['offsite'])}" + "".join(f"\n  {u}" for u in checks["offsite"]))
    print(f"failed responses: {len(checks['failed'])}" + "".join(f"\n  {u}" for u in checks["failed"]))
    print(f"console errors and warnings: {len(checks['console'])}" + "".join(f"\n  {u}" for u in checks["console"][:10]))
    print(f"dark scheme applied when the system asks: {all(checks['dark'].values())}")
    p = checks["print"]
    print(f"print: {p['ids_printed']}/{p['passages']} passage ids printed; header, sidebars and cite buttons hidden: {p['hidden']}")
    ok &= (axe_total == 0 and not checks["offsite"] and not checks["failed"] and all(checks["dark"].values())
           and p["ids_printed"] == p["passages"] and p["hidden"])
    results["ok"] = ok
    with open(os.path.join(HERE, "out", "quality-latest.json"), "w", encoding="utf-8") as handle:
        json.dump(results, handle, ensure_ascii=False, indent=1)
    print("\nall targets met" if ok else "\nTARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
