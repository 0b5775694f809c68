"""Shared helpers for the browser tests: a local HTTP server for the built
site and Debian's Chromium driven by Playwright (no browser download)."""

from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from tiers import require_tier

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE = Path(__file__).resolve().parent.parent / "tools" / "npm" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 375, "height": 740}


class Recorder:
    """Every request a page makes; anything not to our server is aborted and kept."""

    def __init__(self, base: str):
        self.base = base
        self.foreign: list[str] = []

    def __call__(self, route):
        url = route.request.url
        if url.startswith(self.base) or url.startswith("data:") or url.startswith("blob:"):
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort()


def browser_context(browser, server, *, viewport=DESKTOP, scheme="light", block=True):
    """A fresh browser context. block=True aborts and records every request to
    another host; block=False only records them (Pagefind's search worker does
    not answer when its requests are routed, so the search tests listen)."""
    ctx = browser.new_context(viewport=viewport, color_scheme=scheme)
    rec = Recorder(server.base)
    if block:
        ctx.route("**/*", rec)
    else:
        ctx.on("request", lambda req: None if req.url.startswith((server.base, "data:", "blob:")) else rec.foreign.append(req.url))
    return ctx, rec


def axe_violations(page) -> list[dict]:
    """axe-core (WCAG 2.1 A and AA rules) on the page as it is now: its violations."""
    if not AXE.exists():
        pytest.fail(f"axe-core is not installed: run `make test` (it runs npm ci in tools/npm); missing {AXE}")
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", WCAG_TAGS
    )
    return result["violations"]


def axe_report(violations: list[dict]) -> str:
    """One line a violation: rule, impact, help and up to three of its elements."""
    lines = []
    for v in violations:
        targets = [", ".join(n["target"]) for n in v["nodes"][:3]]
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} – {targets}")
    return "\n".join(lines)


@contextlib.contextmanager
def chromium(*extra_args: str):
    """Debian's Chromium, driven by Playwright (browsers cannot be downloaded here)."""
    require_tier("browser", "starts a browser")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, *extra_args])
        try:
            yield browser
        finally:
            browser.close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test output readable
        pass


class SiteServer:
    """The built site on http://127.0.0.1:<free port>/ in a background thread."""

    def __init__(self, root: Path):
        handler = functools.partial(_Quiet, directory=str(root))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def html_pages(site: Path) -> list[str]:
    """Site paths of every built page ("", "om/", "ordlista/", "404.html" …)."""
    pages = []
    for f in sorted(site.rglob("*.html")):
        rel = f.relative_to(site).as_posix()
        if rel.startswith("pagefind/"):
            continue
        pages.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return pages


# ---------------------------------------------------------------- the search page

RESULT_LINK = "#bbg-sok-traffar > li > h2 > a"


def run_search(page, base: str, query: str, timeout: float = 15000) -> dict:
    """Open the search page with a query (as the header form does) and wait
    until the page has shown its answer (it sets the performance mark
    "bbg-sok-klar"). Returns the result paths (site-relative, in order), the
    status line, the note, and milliseconds from navigation to the answer."""
    from urllib.parse import quote, urlparse

    page.goto(base + "sok/?q=" + quote(query), wait_until="load")
    page.wait_for_function("() => performance.getEntriesByName('bbg-sok-klar').length > 0", timeout=timeout)
    hrefs = page.eval_on_selector_all(RESULT_LINK, "els => els.map(e => e.getAttribute('href'))")
    return {
        "paths": [urlparse(h).path.lstrip("/") for h in hrefs],
        "status": page.inner_text("#bbg-sok-status"),
        "note": page.inner_text("#bbg-sok-not"),
        "ms": page.evaluate("performance.getEntriesByName('bbg-sok-klar')[0].startTime"),
    }
