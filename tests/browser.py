"""Real headless Chromium (Debian's /usr/bin/chromium) driven by Playwright, and a static server.

Shared by the browser tests and the screenshot and measurement scripts.
"""
from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import os
import threading

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
# For page.wait_for_function: no transition or finite animation is running. axe reads colours as they
# are at that moment, so halfway through a fade-in (Material's search panel, 0.4 s) text looks faint.
SETTLED = ("() => document.getAnimations().every(a => a.playState !== 'running'"
           " || a.effect.getComputedTiming().iterations === Infinity)")


def axe_violations(page, context=None) -> list[dict]:
    """axe-core's violations on ``page`` (within ``context``), once no transition is running."""
    from axe_playwright_python.sync_playwright import Axe

    page.wait_for_function(SETTLED)
    return Axe().run(page, context=context).response["violations"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


TEXT_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


@contextlib.contextmanager
def serve(directory: str, prefix: str = "", like_pages: bool = False):
    """Serve ``directory`` on 127.0.0.1 at a free port, under URL ``prefix`` (e.g. '/repo');
    yield the base URL ending in '/'. ``like_pages`` adds what GitHub Pages does: gzip for text
    and a 10-minute cache (Lighthouse's performance score depends on both)."""
    compressed: dict[str, bytes] = {}

    class Handler(_Quiet):
        def end_headers(self):
            if like_pages:
                self.send_header("Cache-Control", "max-age=600")
            super().end_headers()

        def send_head(self):
            path = self.translate_path(self.path)
            if os.path.isdir(path):
                path = os.path.join(path, "index.html")
            kind = self.guess_type(path)
            if (not like_pages or "gzip" not in self.headers.get("Accept-Encoding", "")
                    or not os.path.isfile(path) or not kind.startswith(TEXT_TYPES)):
                return super().send_head()
            if path not in compressed:
                with open(path, "rb") as handle:
                    compressed[path] = gzip.compress(handle.read(), 6)
            body = compressed[path]
            self.send_response(200)
            self.send_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith("text/") else ""))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)

        def translate_path(self, path):
            if prefix:
                if not path.startswith(prefix + "/"):
                    return os.path.join(directory, "__outside_prefix__")
                path = path[len(prefix):]
            return super().translate_path(path)

        def send_error(self, code, message=None, explain=None):
            not_found = os.path.join(directory, "404.html")
            if code == 404 and os.path.exists(not_found):
                body = open(not_found, "rb").read()
                self.send_response(404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            super().send_error(code, message, explain)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=directory))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}/"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def chromium():
    """A Playwright browser running Debian's Chromium headless."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@contextlib.contextmanager
def watched_page(browser, base: str, timeout: int = 10_000, not_found: tuple[str, ...] = (), **context_options):
    """A page in a fresh context that, when the block ends, must have had no console error, no
    uncaught exception, no failed response and no request leaving ``base`` (the site under test).
    ``not_found``: the URLs (ending in one of these) that a test requests knowing they answer 404."""
    context = browser.new_context(**{"viewport": {"width": 1280, "height": 900}, **context_options})
    context.set_default_timeout(timeout)
    page = context.new_page()
    errors, offsite, failed = [], [], []
    expected = []

    def on_response(response):
        if response.status >= 400:
            (expected if response.url.split("#")[0].endswith(not_found) and not_found else failed).append(
                (response.status, response.url))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("response", on_response)
    context.on("request", lambda r: r.url.startswith((base, "data:", "blob:")) or offsite.append(r.url))
    try:
        yield page
        # A provoked 404 logs 'Failed to load resource … 404' once per response: those and only those pass.
        provoked = [e for e in errors if "status of 404" in e]
        assert len(provoked) <= len(expected) and [e for e in errors if e not in provoked] == [], errors
        assert failed == [], failed
        assert offsite == [], offsite
    finally:
        context.close()


def contexts(browser, sizes: dict[str, tuple[int, int]]):
    """(scheme, size name, context) for light and dark at each viewport size, for screenshots."""
    for scheme in ("light", "dark"):
        for size, (width, height) in sizes.items():
            context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme,
                                          device_scale_factor=1)
            try:
                yield scheme, size, context
            finally:
                context.close()
