"""The offline bundle (make offline): a zip that opens from the file system
with working navigation and search, and nothing fetched from other hosts."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile

import pytest

from browser_support import CHROMIUM, chromium
from conftest import ROOT

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    out = tmp_path_factory.mktemp("offline") / "handbok.zip"
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "build_offline.py"), "--out", str(out)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    folder = out.parent / "uppackad"
    with zipfile.ZipFile(out) as z:
        z.extractall(folder)
    return folder / "barnens-basta"


def test_bundle_links_files_and_loads_nothing_from_other_hosts(bundle):
    start = (bundle / "index.html").read_text(encoding="utf-8")
    assert 'href="praxismodellen/index.html"' in start
    assert (bundle / "search" / "search_index.js").exists()
    for page in bundle.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "unpkg.com" not in text and 'src="http' not in text and "pagefind/" not in text, page


@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Debian chromium is not installed")
def test_navigation_and_search_work_from_the_file_system(bundle):
    with chromium("--allow-file-access-from-files") as browser:
        page = browser.new_page()
        foreign = []
        page.on("request", lambda r: foreign.append(r.url) if not r.url.startswith(("file://", "data:", "blob:", "about:")) else None)
        page.goto((bundle / "index.html").as_uri(), wait_until="load")
        with page.expect_navigation():
            page.click("text=Jag möter barn i mitt arbete")
        assert page.url.endswith("/praxismodellen/index.html")
        assert "Praxismodellen" in page.inner_text("h1")
        page.click(".md-search__input")
        page.wait_for_function("document.querySelector('.md-search-result__meta').textContent.includes('Skriv')", timeout=15000)
        page.locator(".md-search__input").press_sequentially("samtycke")
        page.wait_for_selector(".md-search-result__item", timeout=15000)
        hits = page.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.getAttribute('href'))")
        assert any("informationsdelning.html" in h for h in hits), hits
    assert foreign == []
