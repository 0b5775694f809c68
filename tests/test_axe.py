"""Accessibility in a real browser (axe-core, WCAG 2.0/2.1 A and AA, Debian's
Chromium): every page once in the light theme on a desktop, with no request
to another host, and the key pages in the other three combinations of theme
and width. Pages with states of their own (an open explanation, the chooser,
the open menu) are checked where those states are made: test_trust.py,
test_kommunval.py, test_browser.py, test_layout.py."""

from __future__ import annotations

import os

import pytest

from browser_support import CHROMIUM, DESKTOP, MOBILE, axe_report, axe_violations, browser_context, html_pages

pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Debian chromium is not installed (.ci/run installs it)")


def _axe_failures(page, base: str, paths) -> dict[str, str]:
    """Load each page and run axe; the report of every page with violations."""
    failures = {}
    for path in paths:
        page.goto(base + path, wait_until="load")
        violations = axe_violations(page)
        if violations:
            failures[path] = axe_report(violations)
    return failures


# Every page, in parts that the test processes share out (`make test`).
PARTS = 4


@pytest.mark.parametrize("part", range(PARTS), ids=[f"del-{n + 1}-av-{PARTS}" for n in range(PARTS)])
def test_every_page_passes_axe_and_makes_no_third_party_request(browser, server, built_site, part):
    ctx, rec = browser_context(browser, server, viewport=DESKTOP, scheme="light")
    page = ctx.new_page()
    pages = html_pages(built_site)
    assert len(pages) > 50
    failures = _axe_failures(page, server.base, pages[part::PARTS])
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
    ctx, rec = browser_context(browser, server, viewport=viewport, scheme=scheme, block=False)
    page = ctx.new_page()
    for path in KEY_PAGES:
        assert (built_site / path.split("?")[0] / "index.html").exists(), f"a key page moved: update KEY_PAGES ({path})"
        page.goto(server.base + path, wait_until="load")
        if path.startswith("sok/"):
            # Every state of the search page: results with filters, partial
            # matches with a note, "Menade du", nothing found with the doors.
            page.wait_for_function("() => performance.getEntriesByName('bbg-sok-klar').length > 0", timeout=15000)
        violations = axe_violations(page)
        assert not violations, f"/{path}:\n{axe_report(violations)}"
    ctx.close()
    assert rec.foreign == []
