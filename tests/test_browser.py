"""The built site in a real browser (Debian's Chromium through Playwright):
Swedish search, keyboard use and print, with no third-party requests.
Accessibility (axe-core): tests/test_axe.py."""

from __future__ import annotations

import os
from urllib.parse import urljoin, urlparse

import pytest

from browser_support import CHROMIUM, RESULT_LINK, Recorder, axe_report, axe_violations, browser_context, run_search

pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Debian chromium is not installed (.ci/run installs it)")

from sokfragor import TEST_QUERIES  # noqa: E402  (the subset of tools/bench.py's benchmark that runs as tests)


@pytest.mark.parametrize("q", TEST_QUERIES, ids=[q.query for q in TEST_QUERIES])
def test_search_finds_a_page_that_answers_the_query(browser, server, q):
    ctx, rec = browser_context(browser, server, block=False)
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
    ctx, _ = browser_context(browser, server, block=False)
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
    ctx, _ = browser_context(browser, server, block=False)
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

    ctx, _ = browser_context(browser, server, block=False)
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
    ctx, _ = browser_context(browser, server, block=False)
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
    ctx, _ = browser_context(browser, server, block=False)
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
    ctx, _ = browser_context(browser, server, block=False)
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
    ctx, _ = browser_context(browser, server)
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


# ---------------------------------------------------------------- the frame: menu, focus, footer (issue 24)

# What the focused element is, where it is and whether its focus ring shows.
# Material's palette switch is a radio input of no size with a label beside
# it: the label is what shows focus and what is clicked.
_FOCUS = """() => {
  let e = document.activeElement;
  if (!e || e === document.body) return null;
  let shown = e;
  if (e.matches('input.md-option') && e.nextElementSibling) shown = e.nextElementSibling;
  const r = shown.getBoundingClientRect();
  const s = getComputedStyle(e.matches('input.md-option') ? shown : e);
  const ring = e.matches('input.md-option') ? getComputedStyle(shown) : getComputedStyle(e);
  return {
    what: (e.tagName + ' ' + (e.className || '') + ' ' + (e.textContent || '').trim().slice(0, 40)).trim(),
    x: r.left, y: r.top, right: r.right, bottom: r.bottom, w: r.width, h: r.height,
    vw: window.innerWidth, vh: window.innerHeight,
    outline: ring.outlineStyle !== 'none' && parseFloat(ring.outlineWidth) >= 2,
    visible: s.visibility === 'visible',
    inDrawer: !!e.closest('.md-sidebar--primary'),
    inline: !!e.closest('.md-typeset p, .md-typeset li, .md-typeset td, .md-typeset th, .md-typeset dd') && !e.closest('.md-footer, .md-nav'),
  };
}"""

# 390 px phone, 1024 px tablet or small laptop, 1366 px laptop at 200 %
# (683 CSS px wide, two device pixels per CSS pixel).
DRAWER_SCREENS = {
    "telefon-390": ({"width": 390, "height": 844}, 1),
    "surfplatta-1024": ({"width": 1024, "height": 768}, 1),
    "zoom-200-procent": ({"width": 683, "height": 384}, 2),
}
FRAME_PAGE = "praxismodellen/bba/"


def _frame_context(browser, server, viewport, scale=1):
    ctx = browser.new_context(viewport=viewport, device_scale_factor=scale, color_scheme="light")
    rec = Recorder(server.base)
    ctx.route("**/*", rec)
    return ctx


def _drawer_settled(page) -> None:
    """Wait until the menu drawer has finished sliding (its transitions ran),
    however long that takes on a busy machine."""
    page.wait_for_function("() => document.querySelector('.md-sidebar--primary').getAnimations().length === 0")


def _tab_through(page, limit=400) -> list[dict]:
    """Press Tab from the top of the page until focus leaves the page; every stop."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        f = page.evaluate(_FOCUS)
        if f is None or (stops and f["what"] == stops[0]["what"] and len(stops) > 3):
            break
        stops.append(f)
    else:
        pytest.fail(f"Tab did not leave the page after {limit} stops")
    return stops


def _problems(stops: list[dict]) -> list[str]:
    """Focus that cannot be seen: off-screen, hidden, without a ring, or a target under 24 × 24 px."""
    out = []
    for f in stops:
        where = f"{f['what']!r} at ({f['x']:.0f}, {f['y']:.0f}) {f['w']:.0f}×{f['h']:.0f}"
        fits = f["w"] <= f["vw"] and f["h"] <= f["vh"]
        if fits:  # wholly on the screen (a few px of rounding in scrolled tables)
            off = f["x"] < -3 or f["y"] < -3 or f["right"] > f["vw"] + 3 or f["bottom"] > f["vh"] + 3
        else:  # a region larger than the screen (a scrolling table): at least part of it
            off = f["right"] < 24 or f["bottom"] < 24 or f["x"] > f["vw"] - 24 or f["y"] > f["vh"] - 24
        if f["w"] < 1 or f["h"] < 1 or off:
            out.append(f"off-screen: {where}")
        if not f["visible"]:
            out.append(f"invisible: {where}")
        if not f["outline"]:
            out.append(f"no visible focus ring: {where}")
        if not f["inline"] and (f["w"] < 24 or f["h"] < 24):
            out.append(f"target under 24×24 px: {where}")
    return out


@pytest.mark.parametrize("screen", list(DRAWER_SCREENS), ids=list(DRAWER_SCREENS))
def test_frame_menu_opens_and_closes_by_keyboard(browser, server, screen):
    viewport, scale = DRAWER_SCREENS[screen]
    ctx = _frame_context(browser, server, viewport, scale)
    page = ctx.new_page()
    page.goto(server.base + FRAME_PAGE, wait_until="load")
    button = ".md-header .bbg-menyknapp"
    assert page.evaluate(f"document.querySelector('{button}').tagName") == "BUTTON"
    assert page.get_attribute(button, "aria-expanded") == "false"

    # Closed: Tab walks the whole page without ever entering the drawer, and
    # every stop is on the screen with its focus ring showing.
    stops = _tab_through(page)
    assert stops[0]["what"].startswith("A md-skip"), "the skip link comes first"
    assert [f["what"] for f in stops if f["inDrawer"]] == [], "the closed drawer takes focus"
    assert _problems(stops) == []
    menu_at = [i for i, f in enumerate(stops) if "bbg-menyknapp" in f["what"]]
    assert menu_at and menu_at[0] <= 2, "the menu button is among the first stops (after the skip link)"

    for key in ("Enter", "Space"):
        page.goto(server.base + FRAME_PAGE, wait_until="load")
        page.focus(button)
        page.keyboard.press(key)
        page.wait_for_function("() => document.activeElement.closest('.md-sidebar--primary')")
        _drawer_settled(page)  # the drawer slides in (0,25 s)
        assert page.get_attribute(button, "aria-expanded") == "true", key
        assert page.evaluate("document.getElementById('__drawer').checked"), key
        # Open: focus is on the first link of the menu; Tab goes on through it, all on the screen.
        opened = [page.evaluate(_FOCUS)]
        for _ in range(12):
            page.keyboard.press("Tab")
            opened.append(page.evaluate(_FOCUS))
        inside = [f for f in opened if f["inDrawer"]]
        assert len(inside) >= 8, key
        assert _problems(inside) == [], key
        if key == "Enter":
            violations = axe_violations(page)  # the open menu too
            assert not violations, axe_report(violations)
        # Escape closes and returns focus to the button.
        page.focus(".md-sidebar--primary .md-nav__list a[href]")
        page.keyboard.press("Escape")
        assert page.get_attribute(button, "aria-expanded") == "false", key
        assert page.evaluate("document.activeElement.classList.contains('bbg-menyknapp')"), key
        assert not page.evaluate("document.getElementById('__drawer').checked"), key
    # The button closes what it opened.
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.closest('.md-sidebar--primary')")
    page.focus(button)
    page.keyboard.press("Enter")
    assert page.get_attribute(button, "aria-expanded") == "false"
    # After closing, Tab from the button does not enter the drawer.
    _drawer_settled(page)
    page.keyboard.press("Tab")
    assert not page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')")
    ctx.close()


def test_frame_wide_screen_has_the_menu_in_the_page(browser, server):
    ctx = _frame_context(browser, server, {"width": 1366, "height": 768})
    page = ctx.new_page()
    for path in [FRAME_PAGE, "", "handlingsplan/2019-2023/"]:
        page.goto(server.base + path, wait_until="load")
        assert not page.is_visible(".bbg-menyknapp"), "the navigation is a column of the page: no menu button"
        stops = _tab_through(page)
        assert stops[0]["what"].startswith("A md-skip")
        assert _problems(stops) == [], path
        if path:
            nav = [f["what"] for f in stops if f["inDrawer"]]
            assert any("Ordlista" in w for w in nav), "the navigation is reached with Tab"
            content = next(i for i, f in enumerate(stops) if not f["inDrawer"] and i > 0 and f["inline"])
            assert all(not f["inDrawer"] for f in stops[content:]), "Tab order: navigation before the content"
    ctx.close()


def test_frame_footer_on_every_page(built_site):
    """Every page: the proposed owner (a role page, marked Förslag), how to
    report an error (Kontrolleras until an address is confirmed in
    mkdocs.yml), the accessibility statement, the change log and its feed."""
    import re

    from browser_support import html_pages

    for path in html_pages(built_site):
        html = (built_site / (path if path.endswith(".html") else path + "index.html")).read_text(encoding="utf-8")
        if "<title>Sidan har flyttat</title>" in html:  # an old address (render/redirect.py), not a page
            continue
        footer = html.split('<footer class="md-footer"', 1)[1].split("</footer>", 1)[0]
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", footer))
        assert "Ansvarig för handboken: Processledarna" in text and "Förslag" in text, path
        assert "Hittar du ett fel?" in text and "Kontrolleras" in text, path
        hrefs = re.findall(r'href="([^"]+)"', footer)
        targets = {urlparse(urljoin("https://x/" + path, h)).path for h in hrefs}
        assert {"/roller/processledare/", "/om-webbplatsen/tillganglighet/", "/om-webbplatsen/andringar/",
                "/andringar.xml"} <= targets, (path, hrefs)
        if path == "404.html":  # served at any depth: links from the root
            assert all(h.startswith("/") for h in hrefs), hrefs


def test_frame_start_page_doors_and_links_on_a_phone(browser, server):
    ctx = _frame_context(browser, server, {"width": 390, "height": 844})
    page = ctx.new_page()
    page.goto(server.base, wait_until="load")
    doors = page.eval_on_selector_all(".bbg-dorrar > ul > li", "els => els.map(e => e.getBoundingClientRect().bottom)")
    assert len(doors) == 3
    assert max(doors) <= 844, f"the three doors end at {max(doors):.0f} px on a 844 px high phone screen"
    hrefs = page.eval_on_selector_all("article a[href]", "els => els.map(e => new URL(e.href).pathname)")
    for target in ["/praxismodellen/", "/utbildning/", "/handlingsplan/", "/familj/", "/familj/rattigheter/", "/ordlista/",
                   "/om-webbplatsen/tillganglighet/"]:
        assert target in hrefs, target
    ctx.close()
