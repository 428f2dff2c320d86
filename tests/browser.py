"""Real headless Chromium (Debian's /usr/bin/chromium) driven by Playwright, and a static server.

Shared by the browser tests and the screenshot and measurement scripts.
"""
from __future__ import annotations

import contextlib
import functools
import http.server
import os
import threading

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(directory: str, prefix: str = ""):
    """Serve ``directory`` on 127.0.0.1 at a free port, under URL ``prefix`` (e.g. '/repo');
    yield the base URL ending in '/'."""

    class Handler(_Quiet):
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
