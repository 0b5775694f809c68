"""The preview (`make serve` runs tools/serve.py): a change to generator code
shows without restarting by hand. Runs on a throwaway copy of the project."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from browser_support import CHROMIUM, chromium, run_search
from conftest import copy_project

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, text: str, deadline: float) -> bool:
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                if text in r.read().decode("utf-8"):
                    return True
        except OSError:
            pass
        time.sleep(0.5)
    return False


@contextlib.contextmanager
def _preview(project):
    """`tools/serve.py` (what `make serve` runs) on a free port; yields its base URL."""
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, str(project / "tools" / "serve.py"), "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def test_preview_picks_up_changed_generator_code(tmp_path):
    project = copy_project(tmp_path / "projekt")
    with _preview(project) as base:
        # The footer's parts come from a generator on every page (macros/render/footer.py):
        # an editor's change to it (here: a word after the owner's name) must show.
        url = base + "ordlista/"
        assert _wait_for(url, "md-footer", time.monotonic() + 120), "the preview did not start"
        code = project / "macros" / "render" / "footer.py"
        text = code.read_text(encoding="utf-8")
        old = '"ansvarig": Markup.escape(owner_name),'
        assert old in text
        code.write_text(text.replace(old, '"ansvarig": Markup.escape(owner_name + " provmarkörord"),'), encoding="utf-8")
        assert _wait_for(url, "provmarkörord", time.monotonic() + 120), "the change did not show"


def test_the_preview_searches_and_keeps_its_index_current(tmp_path):
    """`make serve` has search: the index and the search vocabulary are built
    at start and again after every rebuild (macros/hooks/search.py)."""
    if not os.path.exists(CHROMIUM):
        pytest.skip("Debian chromium is not installed (.ci/run installs it)")
    project = copy_project(tmp_path / "projekt")
    with _preview(project) as base:
        assert _wait_for(base + "sok/ordforrad.json", "nycklar", time.monotonic() + 240), "no search vocabulary in the preview"
        assert _wait_for(base + "pagefind/pagefind.js", "search", time.monotonic() + 60), "no search index in the preview"
        with chromium() as browser:
            page = browser.new_page()
            assert "praxismodellen/anmalningsplikt/" in run_search(page, base, "anmälningsplikten")["paths"][:3]
            # An editor adds a word; after the rebuild the search finds it.
            page_md = project / "docs" / "om" / "index.md"
            page_md.write_text(page_md.read_text(encoding="utf-8") + "\n\nExempelordet blåmesungarna står här för ett test.\n",
                               encoding="utf-8")
            deadline = time.monotonic() + 240
            found = False
            while not found and time.monotonic() < deadline:
                try:  # while the preview rebuilds, the page or the index may be missing for a moment
                    found = "om/" in run_search(page, base, "blåmesungarna", timeout=10000)["paths"]
                except Exception:
                    time.sleep(1)
            assert found, "the new word never reached the preview's search index"
