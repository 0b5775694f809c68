"""The whole site builds with --strict, and what the build guarantees."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from conftest import ROOT


def test_strict_build_succeeds_and_writes_every_nav_page(built_site: Path):
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_IgnoreTags)
    pages = list(_nav_pages(config["nav"]))
    assert len(pages) >= 10
    for src in pages:
        url = src[:-3] + "/index.html" if not src.endswith("index.md") else src[: -len("index.md")] + "index.html"
        assert (built_site / url).is_file(), f"{src} was not built"


def test_config_fails_loudly():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_IgnoreTags)
    assert config["strict"] is True
    assert config["theme"]["language"] == "sv"
    assert config["theme"]["font"] is False
    for key in ("omitted_files", "not_found", "absolute_links", "unrecognized_links", "anchors"):
        assert config["validation"][key] == "warn"
    macros = config["plugins"]["macros"]  # a mapping, so mkdocs.offline.yml can add plugins by INHERIT
    assert macros["on_undefined"] == "strict" and macros["on_error_fail"] is True
    assert {"data", "macros"} <= set(config["watch"])


def test_pages_are_swedish(built_site: Path):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="sv"' in html


def test_no_unrendered_jinja_in_pages(built_site: Path):
    # Pages that show macro calls as written (front matter render_macros: false).
    shown_as_written = {
        built_site / md.relative_to(ROOT / "docs").with_suffix("") / "index.html"
        for md in (ROOT / "docs").rglob("*.md")
        if md.read_text(encoding="utf-8").startswith("---\nrender_macros: false\n")
    }
    for page in built_site.rglob("*.html"):
        if page in shown_as_written:
            continue
        text = page.read_text(encoding="utf-8")
        body = text.split("<article", 1)[-1]
        assert "{{" not in body and "{%" not in body, f"unrendered template syntax in {page}"


# Attributes and CSS constructs that make the browser fetch something.
_FETCHING = [
    re.compile(r"<(?:script|img|iframe|source|audio|video|track|embed)\b[^>]*\bsrc\s*=\s*[\"']?([^\"'\s>]+)", re.I),
    # every <link> but those a browser does not fetch: the canonical address and alternates (feeds)
    re.compile(r"<link\b(?![^>]*\brel\s*=\s*[\"']?(?:canonical|alternate)[\"'\s>])[^>]*\bhref\s*=\s*[\"']?([^\"'\s>]+)", re.I),
    re.compile(r"<object\b[^>]*\bdata\s*=\s*[\"']?([^\"'\s>]+)", re.I),
    re.compile(r"\bsrcset\s*=\s*[\"']([^\"']+)", re.I),
    re.compile(r"url\(\s*[\"']?([^\"')\s]+)", re.I),
    re.compile(r"@import\s+[\"']([^\"']+)", re.I),
]


def external_fetches(text: str) -> list[str]:
    """URLs in HTML/CSS that a browser would fetch from another host."""
    found = []
    for pattern in _FETCHING:
        for match in pattern.finditer(text):
            for url in match.group(1).split(","):
                url = url.strip().split(" ")[0]
                if re.match(r"^(?:[a-z][a-z0-9+.-]*:)?//", url, re.I) and not url.lower().startswith("data:"):
                    found.append(url)
    return found


def test_detector_sees_third_party_assets():
    bad = (
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
        '<script src="//cdn.example.com/x.js"></script>'
        "<style>@import 'https://x.example/y.css'; body{background:url(https://x.example/i.png)}</style>"
        '<img srcset="a.png 1x, https://x.example/b.png 2x">'
    )
    assert len(external_fetches(bad)) == 5
    assert external_fetches('<a href="https://www.riksdagen.se/">lag</a><img src="../bild.png">') == []
    # site_url gives every page its canonical address: named, not fetched
    assert external_fetches('<link rel="canonical" href="https://handbok.kommun.example/ordlista/">') == []
    assert len(external_fetches('<link href="https://x.example/a.css" rel="stylesheet">')) == 1


def test_built_site_fetches_nothing_from_other_hosts(built_site: Path):
    offenders = {}
    for path in built_site.rglob("*"):
        if path.suffix in (".html", ".css") and path.is_file():
            urls = external_fetches(path.read_text(encoding="utf-8", errors="replace"))
            if urls:
                offenders[str(path.relative_to(built_site))] = urls
    assert offenders == {}


class _IgnoreTags(yaml.SafeLoader):
    """mkdocs.yml may hold !!python/name tags; we only read plain settings."""


_IgnoreTags.add_multi_constructor("", lambda loader, suffix, node: None)


def _nav_pages(nav):
    for item in nav:
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            for value in item.values():
                if isinstance(value, str):
                    if value.endswith(".md"):
                        yield value
                else:
                    yield from _nav_pages(value)
