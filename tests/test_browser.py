"""The built site in a real browser (Debian's Chromium through Playwright):
accessibility (axe-core, WCAG 2.0/2.1 A and AA), no third-party requests,
Swedish search, keyboard use and print."""

from __future__ import annotations

import os
from urllib.parse import quote, urlparse

import pytest

from browser_support import AXE, CHROMIUM, WCAG_TAGS, SiteServer, chromium, html_pages

pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Debian chromium is not installed (.ci/run installs it)")

DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 375, "height": 740}


@pytest.fixture(scope="module")
def server(built_site):
    srv = SiteServer(built_site)
    yield srv
    srv.close()


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


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


def _context(browser, server, *, viewport=DESKTOP, scheme="light", block=True):
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


def _axe(page) -> list[dict]:
    if not AXE.exists():
        pytest.fail(f"axe-core is not installed: run `make test` (it runs npm ci in tools/npm); missing {AXE}")
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", WCAG_TAGS
    )
    return result["violations"]


def _report(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        targets = [", ".join(n["target"]) for n in v["nodes"][:3]]
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} – {targets}")
    return "\n".join(lines)


@pytest.mark.parametrize("variant", [("light", DESKTOP), ("dark", MOBILE)], ids=["ljust-dator", "morkt-mobil"])
def test_every_page_passes_axe_and_makes_no_third_party_request(browser, server, built_site, variant):
    scheme, viewport = variant
    ctx, rec = _context(browser, server, viewport=viewport, scheme=scheme)
    page = ctx.new_page()
    failures = {}
    pages = html_pages(built_site)
    assert len(pages) > 50
    for path in pages:
        page.goto(server.base + path, wait_until="load")
        violations = _axe(page)
        if violations:
            failures[path] = _report(violations)
    ctx.close()
    assert not failures, "axe violations:\n" + "\n".join(f"/{p}:\n{r}" for p, r in failures.items())
    assert rec.foreign == [], f"requests to other hosts: {rec.foreign}"


@pytest.mark.parametrize("variant", [("dark", DESKTOP), ("light", MOBILE)], ids=["morkt-dator", "ljust-mobil"])
def test_key_pages_pass_axe_in_the_other_combinations(browser, server, variant):
    scheme, viewport = variant
    ctx, rec = _context(browser, server, viewport=viewport, scheme=scheme, block=False)
    page = ctx.new_page()
    for path in ["", "praxismodellen/bba/", "handlingsplan/2019-2023/", "roller/matris/", "styrning/finansiering/", "sok/?q=samtycke"]:
        page.goto(server.base + path, wait_until="load")
        if path.startswith("sok/"):
            page.wait_for_selector(".pagefind-ui__result", timeout=15000)
        violations = _axe(page)
        assert not violations, f"/{path}:\n{_report(violations)}"
    ctx.close()
    assert rec.foreign == []


from sokfragor import QUERIES  # noqa: E402  (shared with tools/bench.py)


TOP_RESULT = ".pagefind-ui__result-inner > .pagefind-ui__result-title > .pagefind-ui__result-link"


def _search(page, server, query: str) -> list[str]:
    page.goto(server.base + "sok/?q=" + quote(query), wait_until="load")
    # Results arrive in steps (count first, then each result): wait until the
    # message gives the count and the first three results (or all) are there.
    page.wait_for_function(
        """() => {
            const m = (document.querySelector('.pagefind-ui__message') || {textContent: ''}).textContent;
            if (m.includes('Inga träffar')) return true;
            const n = parseInt((m.match(/(\\d+) träff/) || [])[1] || '0', 10);
            return n > 0 && document.querySelectorAll(TOP).length >= Math.min(3, n);
        }""".replace("TOP", repr(TOP_RESULT)),
        timeout=15000,
    )
    hrefs = page.eval_on_selector_all(TOP_RESULT, "els => els.map(e => e.getAttribute('href'))")
    return [urlparse(h).path.lstrip("/") for h in hrefs]


@pytest.mark.parametrize("query,expected", QUERIES, ids=[q for q, _ in QUERIES])
def test_swedish_search_finds_the_page(browser, server, query, expected):
    ctx, rec = _context(browser, server, block=False)
    page = ctx.new_page()
    top = _search(page, server, query)[:3]
    ctx.close()
    assert expected in top, f"{query!r}: top three were {top}"
    assert rec.foreign == []


def test_search_and_navigation_work_with_the_keyboard(browser, server):
    ctx, _ = _context(browser, server, block=False)
    page = ctx.new_page()
    page.goto(server.base, wait_until="load")
    # Tab from the top: the skip link first, then on to the search field.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")
    for _ in range(30):
        if page.evaluate("document.activeElement.id") == "bbg-sokfalt":
            break
        page.keyboard.press("Tab")
    else:
        pytest.fail("the search field cannot be reached with Tab")
    page.keyboard.type("anmälningsplikten")
    page.keyboard.press("Enter")
    page.wait_for_selector(".pagefind-ui__result", timeout=15000)
    assert "/sok/" in page.url
    # Tab into the results and open the first one with Enter.
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('pagefind-ui__result-link')"):
            break
    else:
        pytest.fail("no search result can be reached with Tab")
    target = page.evaluate("document.activeElement.getAttribute('href')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlparse(page.url).path == urlparse(target).path
    # The navigation: a menu link reached with Tab opens its page with Enter
    # (the start page hides the menu, so start on another page).
    page.goto(server.base + "om/", wait_until="load")
    for _ in range(250):
        page.keyboard.press("Tab")
        text = page.evaluate("document.activeElement.closest('.md-nav--primary') ? document.activeElement.textContent.trim() : ''")
        if text.startswith("Ordlista"):
            break
    else:
        pytest.fail("the navigation link 'Ordlista' cannot be reached with Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.rstrip("/").endswith("/ordlista")
    ctx.close()


def test_print_shows_content_without_chrome(browser, server):
    ctx, _ = _context(browser, server)
    page = ctx.new_page()
    page.goto(server.base + "praxismodellen/bba/", wait_until="load")
    page.emulate_media(media="print")
    assert page.is_visible("article h1")
    for selector in [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".bbg-sokform"]:
        assert not page.is_visible(selector), f"{selector} is printed"
    ctx.close()


def test_every_page_is_swedish(browser, server, built_site):
    for f in built_site.rglob("*.html"):
        if "pagefind" in f.parts:
            continue
        assert '<html lang="sv"' in f.read_text(encoding="utf-8"), f
