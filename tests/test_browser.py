"""The built site in a real browser (Debian's Chromium through Playwright):
accessibility (axe-core, WCAG 2.0/2.1 A and AA), no third-party requests,
Swedish search, keyboard use and print."""

from __future__ import annotations

import os
from urllib.parse import urlparse

import pytest

from browser_support import AXE, CHROMIUM, RESULT_LINK, WCAG_TAGS, SiteServer, chromium, html_pages, run_search

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


def _axe_failures(page, base: str, paths) -> dict[str, str]:
    """Load each page and run axe; the report of every page with violations."""
    failures = {}
    for path in paths:
        page.goto(base + path, wait_until="load")
        violations = _axe(page)
        if violations:
            failures[path] = _report(violations)
    return failures


def _report(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        targets = [", ".join(n["target"]) for n in v["nodes"][:3]]
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} – {targets}")
    return "\n".join(lines)


def test_every_page_passes_axe_and_makes_no_third_party_request(browser, server, built_site):
    ctx, rec = _context(browser, server, viewport=DESKTOP, scheme="light")
    page = ctx.new_page()
    pages = html_pages(built_site)
    assert len(pages) > 50
    failures = _axe_failures(page, server.base, pages)
    ctx.close()
    assert not failures, "axe violations:\n" + "\n".join(f"/{p}:\n{r}" for p, r in failures.items())
    assert rec.foreign == [], f"requests to other hosts: {rec.foreign}"


# One page of each kind and every generated view (tables that become cards on a
# phone, the timeline, the matrix), and every state of the search page: the
# combinations that add a case to the light desktop run over every page above.
KEY_PAGES = [
    "",
    "praxismodellen/bba/",
    "familj/",
    "utbildning/m01-varfor-och-vad/",
    "roller/processledare/",
    "roller/parter/region-kronoberg/",
    "handlingsplan/2019-2023/",
    "handlingsplan/2019-2023/omrade-2/",
    "handlingsplan/2019-2023/tidslinje/",
    "styrning/statusrapport/",
    "styrning/underlag/",
    "styrning/finansiering/",
    "roller/matris/",
    "sok/?q=samtycke",
    "sok/?q=kompetensutveckling%20f%C3%B6rskola",
    "sok/?q=samtyke",
    "sok/?q=xyzzy",
]


@pytest.mark.parametrize(
    "variant", [("dark", DESKTOP), ("light", MOBILE), ("dark", MOBILE)], ids=["morkt-dator", "ljust-mobil", "morkt-mobil"]
)
def test_key_pages_pass_axe_in_the_other_combinations(browser, server, built_site, variant):
    scheme, viewport = variant
    ctx, rec = _context(browser, server, viewport=viewport, scheme=scheme, block=False)
    page = ctx.new_page()
    for path in KEY_PAGES:
        assert (built_site / path.split("?")[0] / "index.html").exists(), f"a key page moved: update KEY_PAGES ({path})"
        page.goto(server.base + path, wait_until="load")
        if path.startswith("sok/"):
            # Every state of the search page: results with filters, partial
            # matches with a note, "Menade du", nothing found with the doors.
            page.wait_for_function("() => performance.getEntriesByName('bbg-sok-klar').length > 0", timeout=15000)
        violations = _axe(page)
        assert not violations, f"/{path}:\n{_report(violations)}"
    ctx.close()
    assert rec.foreign == []


from sokfragor import TEST_QUERIES  # noqa: E402  (the subset of tools/bench.py's benchmark that runs as tests)


@pytest.mark.parametrize("q", TEST_QUERIES, ids=[q.query for q in TEST_QUERIES])
def test_search_finds_a_page_that_answers_the_query(browser, server, q):
    ctx, rec = _context(browser, server, block=False)
    page = ctx.new_page()
    found = run_search(page, server.base, q.query)
    ctx.close()
    top = list(dict.fromkeys(found["paths"]))[:3]
    assert any(a in top for a in q.answers), f"{q.query!r}: top three were {top}, expected one of {q.answers}"
    assert rec.foreign == []


def _indexed_text(built_site, path: str) -> str:
    """A page's text as a reader sees it (tags removed), read straight from
    the built HTML: the expectation does not come from the search code."""
    import html
    import re

    raw = (built_site / path / "index.html").read_text(encoding="utf-8")
    body = raw.split("data-pagefind-body", 1)[-1]
    return html.unescape(re.sub(r"<[^>]+>", " ", body))


def test_every_variant_of_a_term_finds_pages_that_use_the_term(browser, server, built_site, site_data):
    """A query in any variant of a glossary term (data/ordlista.yaml) finds, among
    the first three pages, a page that uses the term's own name or abbreviation."""
    ctx, _ = _context(browser, server, block=False)
    page = ctx.new_page()
    failures = []
    checked = 0
    for term in site_data.ordlista.termer:
        names = [n for n in (term.term.split(" (")[0], term.forkortning) if n]
        for variant in term.varianter:
            top = list(dict.fromkeys(run_search(page, server.base, variant)["paths"]))[:3]
            checked += 1
            if not any(any(n.lower() in _indexed_text(built_site, p).lower() for n in names) for p in top if p != "ordlista/"):
                failures.append(f"{variant!r} ({term.id}): {top}")
    ctx.close()
    assert checked >= 6
    assert not failures, "variants that do not reach their term's pages:\n" + "\n".join(failures)


def test_search_never_ends_with_nothing_while_pages_have_some_of_the_words(browser, server):
    ctx, _ = _context(browser, server, block=False)
    page = ctx.new_page()
    # No page has both words: the pages with most of them, and a plain note.
    r = run_search(page, server.base, "kompetensutveckling förskola")
    assert r["paths"] and "handlingsplan/2019-2023/omrade-5/" in r["paths"][:3]
    assert "Ingen sida innehåller alla orden" in r["status"]
    # Question words and small words never empty a result.
    for query in ["vem är BBA för en 15-åring", "hur får jag dela information", "vad är en SIP"]:
        r = run_search(page, server.base, query)
        assert r["paths"], query
    # A misspelt glossary word: "Menade du …?" with a link that searches the right word.
    r = run_search(page, server.base, "anmälningsplickt")
    assert "Menade du Anmälningsplikt?" in r["note"]
    with page.expect_navigation():
        page.click("#bbg-sok-not a")
    page.wait_for_function("() => performance.getEntriesByName('bbg-sok-klar').length > 0", timeout=15000)
    assert page.input_value("#bbg-sok-falt") == "Anmälningsplikt"
    hrefs = page.eval_on_selector_all(RESULT_LINK, "els => els.slice(0, 3).map(e => new URL(e.href).pathname)")
    assert "/praxismodellen/anmalningsplikt/" in hrefs
    ctx.close()


def test_when_nothing_matches_the_page_offers_the_glossary_and_every_door(browser, server, root):
    import yaml

    ctx, _ = _context(browser, server, block=False)
    page = ctx.new_page()
    r = run_search(page, server.base, "xyzzy qwerty")
    assert r["paths"] == [] and "Inga träffar" in r["status"]
    assert page.is_visible("#bbg-sok-tomt")
    links = page.eval_on_selector_all("#bbg-sok-tomt a", "els => els.map(e => new URL(e.href).pathname)")
    ctx.close()
    # The doors: every top-level section of the navigation (mkdocs.yml), and the glossary.
    nav = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8").split("# ---------------------------------------------------------------- navigation")[1])["nav"]
    doors = []
    for item in nav:
        (title, target), = item.items()
        first = target if isinstance(target, str) else target[0]
        if first != "index.md":
            doors.append("/" + first.removesuffix("index.md").removesuffix(".md").rstrip("/") + "/")
    missing = [d for d in doors if d.replace("//", "/") not in links]
    assert not missing, f"doors not offered: {missing}; offered: {links}"


def test_results_say_their_kind_and_can_be_narrowed_by_kind(browser, server):
    ctx, _ = _context(browser, server, block=False)
    page = ctx.new_page()
    r = run_search(page, server.base, "barnetsbästa-ansvarig")
    kinds = page.eval_on_selector_all("#bbg-sok-traffar > li", "els => els.map(e => e.querySelector('.bbg-sok-typ').textContent)")
    assert len(kinds) == len(r["paths"]) and all(k.startswith("Sidtyp:") for k in kinds)
    kind_of = dict(zip(r["paths"], [k.removeprefix("Sidtyp:").strip() for k in kinds]))
    assert kind_of["praxismodellen/bba/"] == "Vägledning"
    assert kind_of["roller/barnensbasta-ansvarig/"] == "Roll"
    # Narrow to guidance with the keyboard: focus the radio button and press Space.
    page.focus("#bbg-sok-filter input[value='Vägledning']")
    page.keyboard.press("Space")
    page.wait_for_function("() => document.querySelector('#bbg-sok-status').textContent.includes('Vägledning')", timeout=15000)
    shown = page.eval_on_selector_all("#bbg-sok-traffar > li .bbg-sok-typ", "els => els.map(e => e.textContent)")
    assert shown and all(k.endswith("Vägledning") for k in shown)
    # Easy-read pages are found by "lättläst" and "lätt svenska", and are marked so.
    for query in ["lättläst", "lätt svenska"]:
        r = run_search(page, server.base, query)
        assert set(r["paths"][:2]) == {"familj/", "familj/rattigheter/"}, (query, r["paths"])
        first = page.eval_on_selector("#bbg-sok-traffar > li .bbg-sok-typ", "e => e.textContent")
        assert first.endswith("Lättläst")
    ctx.close()


def test_results_are_announced_and_a_new_search_works_from_the_keyboard(browser, server):
    ctx, _ = _context(browser, server, block=False)
    page = ctx.new_page()
    run_search(page, server.base, "samtycke")
    # The status line is a live region (role=status: polite), outside the list it describes.
    assert page.get_attribute("#bbg-sok-status", "role") == "status"
    first = page.inner_text("#bbg-sok-status")
    assert "träff" in first
    # A new search from the page's own field, with the keyboard only.
    page.focus("#bbg-sok-falt")
    page.keyboard.press("Control+A")
    page.keyboard.type("BBIC")
    page.keyboard.press("Enter")
    page.wait_for_function("""() => { const t = document.querySelector('#bbg-sok-status').textContent;
                                   return t.includes('BBIC') && t.includes('träff'); }""", timeout=15000)
    assert "q=BBIC" in page.url
    assert page.eval_on_selector_all(RESULT_LINK, "els => els.length") > 0
    ctx.close()


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
    page.wait_for_function("() => performance.getEntriesByName('bbg-sok-klar').length > 0", timeout=15000)
    assert "/sok/" in page.url
    # Tab into the results and open the first one with Enter.
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('#bbg-sok-traffar')"):
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
