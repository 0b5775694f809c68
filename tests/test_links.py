"""Every internal link and anchor in the built site resolves: also links in
raw HTML that macros emit, which mkdocs' own validation does not see."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlparse


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("id", "name") if tag == "a" else ("id",):
            if a.get(key):
                self.ids.add(a[key])
        if tag in ("a", "link") and a.get("href") is not None:
            self.links.append(a["href"])
        if tag in ("script", "img", "source", "iframe") and a.get("src"):
            self.links.append(a["src"])


def _parse(path: Path) -> _Collect:
    c = _Collect()
    c.feed(path.read_text(encoding="utf-8"))
    return c


def _target(site: Path, page: Path, href: str) -> tuple[Path | None, str]:
    url, frag = urldefrag(href)
    if not url:
        return page, frag
    base = page.parent
    target = (base / unquote(url)).resolve()
    if target.is_dir() or url.endswith("/"):
        target = target / "index.html"
    return target, frag


def test_every_internal_link_and_anchor_resolves(built_site):
    site = built_site.resolve()
    pages = [p for p in site.rglob("*.html") if "pagefind" not in p.relative_to(site).parts]
    parsed = {p.resolve(): _parse(p) for p in pages}
    broken = []
    checked = 0
    for page, info in parsed.items():
        if page.name == "404.html":
            continue  # served at any depth; its links are root-relative by design
        for href in info.links:
            scheme = urlparse(href).scheme
            if scheme in ("http", "https", "mailto", "tel", "data", "javascript") or href.startswith("//"):
                continue
            target, frag = _target(site, page, href)
            checked += 1
            if target is None or not target.exists() or site not in target.parents and target != site:
                broken.append(f"{page.relative_to(site)}: {href} (no file)")
                continue
            if frag and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else _parse(target).ids
                if unquote(frag) not in ids:
                    broken.append(f"{page.relative_to(site)}: {href} (no id {frag!r})")
    assert checked > 1000, checked
    assert not broken, "broken links:\n" + "\n".join(broken[:50])


def test_the_link_check_catches_a_broken_anchor(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<a href="a/#finns">x</a><a href="a/#saknas">y</a>', encoding="utf-8")
    (tmp_path / "a" / "index.html").write_text('<h2 id="finns">x</h2>', encoding="utf-8")
    info = _parse(tmp_path / "index.html")
    results = []
    for href in info.links:
        target, frag = _target(tmp_path.resolve(), (tmp_path / "index.html").resolve(), href)
        results.append(frag in _parse(target).ids)
    assert results == [True, False]
