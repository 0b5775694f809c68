"""Every built page is valid HTML: 0 errors from the W3C Nu HTML Checker
(npm vnu-jar, run with the machine's Java, one JVM over all pages).

Nothing is filtered out of the checker's report: Material's invalid markup is
fixed after rendering (macros/render/valid_html.py, unit-tested in
test_escaping.py)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT

VNU = ROOT / "tools" / "npm" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
JAVA = shutil.which("java")


def nu_errors(pages: list[Path]) -> list[dict]:
    """The checker's error messages for these files (its JSON report)."""
    result = subprocess.run(
        [JAVA, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, pages)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    report = json.loads(result.stderr)  # vnu writes its report to stderr
    assert result.returncode in (0, 1), result.stderr[-2000:]
    return [m for m in report["messages"] if m["type"] in ("error", "non-document-error")]


@pytest.mark.skipif(JAVA is None, reason="java is not installed (Debian: default-jre-headless)")
def test_every_page_is_valid_html(built_site: Path):
    assert VNU.exists(), "vnu-jar is missing: run `make test` (npm ci --prefix tools/npm)"
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 50
    errors = nu_errors(pages)
    lines = [f"{m.get('url', '')}:{m.get('lastLine')}: {m['message']}" for m in errors]
    assert not errors, f"{len(errors)} errors on {len({m.get('url') for m in errors})} pages:\n" + "\n".join(lines[:40])


@pytest.mark.skipif(JAVA is None, reason="java is not installed (Debian: default-jre-headless)")
@pytest.mark.build
def test_the_checker_does_report_errors(tmp_path: Path):
    """The check can fail: a page with Material's original markup has errors."""
    page = tmp_path / "sida.html"
    page.write_text(
        '<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>T</title></head><body>'
        '<input type="checkbox" id="a" autocomplete="off"><label for="a" tabindex="">A</label></body></html>',
        encoding="utf-8",
    )
    messages = [m["message"] for m in nu_errors([page])]
    assert len(messages) == 2 and any("autocomplete" in m for m in messages) and any("tabindex" in m for m in messages)
