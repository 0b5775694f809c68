"""On a phone (390 px) no table cell squeezes running text into a column a
few letters wide: a table either fits, or becomes cards (render/cards.py),
on every built page. Measured in Debian's Chromium on the real built site."""

from __future__ import annotations

import os

import pytest

from browser_support import CHROMIUM, SiteServer, chromium, html_pages

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Debian chromium is not installed (.ci/run installs it)"),
]

PHONE = {"width": 390, "height": 844}
# About eight letters of body text: a narrower column breaks words letter by letter.
MIN_CELL_PX = 64

# Every visible table cell in the page content whose visible text is running
# text (two or more words of letters) and whose box is narrower than the limit.
# Text a sighted reader does not see (visually hidden helpers, the header row
# of a table laid out as cards) is not counted.
NARROW = """(minPx) => {
  const hidden = (el, stop) => {
    for (let e = el; e && e !== stop.parentElement; e = e.parentElement) {
      const box = e.getBoundingClientRect();
      const cs = getComputedStyle(e);
      if (box.width <= 1 || box.height <= 1 || cs.visibility === 'hidden' || cs.display === 'none') return true;
      if (cs.clip && cs.clip !== 'auto' && cs.position === 'absolute') return true;
    }
    return false;
  };
  const out = [];
  for (const cell of document.querySelectorAll('.md-content table td, .md-content table th')) {
    const table = cell.closest('table');
    if (hidden(cell, table)) continue;
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    let text = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!hidden(n.parentElement, cell)) text += ' ' + n.textContent;
    }
    text = text.replace(/\\s+/g, ' ').trim();
    const words = text.match(/\\p{L}{2,}/gu) || [];
    if (words.length < 2) continue;
    const width = cell.getBoundingClientRect().width;
    if (width < minPx) out.push(`${Math.round(width)} px: "${text.slice(0, 40)}"`);
  }
  return out;
}"""


@pytest.fixture(scope="module")
def phone_page(built_site):
    srv = SiteServer(built_site)
    try:
        with chromium() as browser:
            ctx = browser.new_context(viewport=PHONE)
            ctx.route("**/*", lambda route: route.continue_() if route.request.url.startswith(srv.base) else route.abort())
            yield ctx.new_page(), srv.base
            ctx.close()
    finally:
        srv.close()


def test_no_running_text_in_a_squeezed_cell_on_a_phone(phone_page, built_site):
    page, base = phone_page
    pages = html_pages(built_site)
    assert len(pages) > 40, pages  # the whole site, not an empty build
    failures = {}
    for path in pages:
        page.goto(base + path, wait_until="load")
        narrow = page.evaluate(NARROW, MIN_CELL_PX)
        if narrow:
            failures[path or "/"] = narrow[:4]
    assert not failures, "\n".join(f"{p}: {cells}" for p, cells in failures.items())


def test_law_table_and_module_table_are_cards_on_a_phone(phone_page):
    """The two tables the audit found squeezed: each row is a card whose
    values are led by their column headers."""
    page, base = phone_page
    for path, caption in [
        ("praxismodellen/lagar/", "Lagar och bestämmelser som rör arbetet"),
        ("utbildning/", "Utbildningsmodulerna"),
    ]:
        page.goto(base + path, wait_until="load")
        table = page.locator("table", has=page.locator("caption", has_text=caption))
        assert table.count() == 1, path
        first_row = table.locator("tbody > tr").first
        assert first_row.evaluate("tr => getComputedStyle(tr).display") == "block", path
        labels = first_row.locator(".bbg-etikett")
        assert labels.count() >= 3, path
        assert labels.first.is_visible(), path
