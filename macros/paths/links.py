"""Pages, addresses and links: the one mapping between a page's source path,
its URL, its published address and its built file, and relative links
between pages. mkdocs' own rules (`File.url`, `get_relative_url`) decide, so
a link made here is the link mkdocs would make. The glue creates one `Links`
per page; generators receive it (or plain href strings) and never know the
site's layout themselves.
"""

from __future__ import annotations

import posixpath

from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url


def url_of(src_uri: str, directory_urls: bool = True) -> str:
    """Site-relative URL of a source file: "a/index.md" -> "a/", "a/b.md" -> "a/b/",
    "index.md" -> "" (with use_directory_urls: false "a/index.html", "a/b.html")."""
    url = File(src_uri, None, "", directory_urls).url
    return "" if url == "./" else url


def address_of(src_uri: str) -> str:
    """The published address of a page: "utbildning/m03-x.md" -> "/utbildning/m03-x/"."""
    return "/" + url_of(src_uri)


def sources_of(address: str) -> list[str]:
    """The source paths that publish at `address`: "/a/b/" -> ["a/b.md", "a/b/index.md"]; "/" -> ["index.md"]."""
    stem = address.strip("/")
    return [f"{stem}.md", f"{stem}/index.md"] if stem else ["index.md"]


def built_file(url_or_address: str) -> str:
    """The file of the built site that serves a URL or address: "a/b/" -> "a/b/index.html"."""
    url = url_or_address.lstrip("/")
    return url + "index.html" if url == "" or url.endswith("/") else url


class Links:
    """Links from the page `page_src` to other source files."""

    def __init__(self, page_src: str, directory_urls: bool = True):
        self.page_src = page_src
        self.directory_urls = directory_urls
        self.page_url = url_of(page_src, directory_urls)

    def to(self, src_uri: str, anchor: str | None = None) -> str:
        """A URL relative to this page, for raw HTML (mkdocs leaves it alone)."""
        rel = get_relative_url(url_of(src_uri, self.directory_urls) or "./", self.page_url or "./")
        if rel in (".", "./"):
            return f"#{anchor}" if anchor else "./"
        return rel + (f"#{anchor}" if anchor else "")

    def md(self, src_uri: str, anchor: str | None = None) -> str:
        """A Markdown link target (relative .md path) that mkdocs validates and
        rewrites; use `to()` inside raw HTML, which mkdocs leaves alone."""
        rel = get_relative_url(src_uri, self.page_src)
        if rel == posixpath.basename(self.page_src) and anchor:
            return f"#{anchor}"
        return rel + (f"#{anchor}" if anchor else "")
