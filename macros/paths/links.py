"""Relative links between pages, computed from source paths.

The glue creates one `Links` per page; generators receive it (or plain href
strings) and never know the site's layout themselves. No mkdocs import: the
URL rule is the one of `use_directory_urls: true` ("a/b.md" -> "a/b/").
"""

from __future__ import annotations

import posixpath


def url_of(src_uri: str, directory_urls: bool = True) -> str:
    """Site-relative URL of a source file: "a/index.md" -> "a/", "a/b.md" -> "a/b/"."""
    if not src_uri.endswith(".md"):
        return src_uri
    stem = src_uri[:-3]
    if stem == "index" or stem.endswith("/index"):
        base = stem[: -len("index")]
        return base if directory_urls else base + "index.html"
    return stem + "/" if directory_urls else stem + ".html"


class Links:
    """Links from the page `page_src` to other source files."""

    def __init__(self, page_src: str, directory_urls: bool = True):
        self.page_src = page_src
        self.directory_urls = directory_urls
        self.page_url = url_of(page_src, directory_urls)

    def to(self, src_uri: str, anchor: str | None = None) -> str:
        target = url_of(src_uri, self.directory_urls)
        here = posixpath.dirname(self.page_url) if not self.page_url.endswith("/") else self.page_url.rstrip("/")
        rel = posixpath.relpath(target or ".", here or ".")
        if rel == ".":
            return f"#{anchor}" if anchor else "./"
        if target == "" or target.endswith("/"):
            rel += "/"
        return rel + (f"#{anchor}" if anchor else "")

    def md(self, src_uri: str, anchor: str | None = None) -> str:
        """A Markdown link target (relative .md path) that mkdocs validates and
        rewrites; use `to()` inside raw HTML, which mkdocs leaves alone."""
        rel = posixpath.relpath(src_uri, posixpath.dirname(self.page_src) or ".")
        if rel == posixpath.basename(self.page_src) and anchor:
            return f"#{anchor}"
        return rel + (f"#{anchor}" if anchor else "")

