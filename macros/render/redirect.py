"""The page left at a moved address (data/adresser.yaml, flyttad_till): in
Swedish, valid HTML, leading on to the new address with the reader's anchor.
mkdocs-redirects writes the page; the build replaces its English text with this."""

from __future__ import annotations

import json

from .escape import esc


def redirect_page(target: str) -> str:
    """The whole page for a moved address; `target` is the new page's URL,
    relative to the old one (as mkdocs-redirects computed it)."""
    url = esc(target)
    return (
        "<!doctype html>\n"
        '<html lang="sv">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        "<title>Sidan har flyttat</title>\n"
        f'<link rel="canonical" href="{url}">\n'
        '<meta name="robots" content="noindex">\n'
        f"<script>var anchor=window.location.hash.substr(1);location.href={_js_string(target)}+(anchor?\"#\"+anchor:\"\")</script>\n"
        f'<meta http-equiv="refresh" content="0; url={url}">\n'
        "</head>\n"
        "<body>\n"
        f'<p>Sidan har flyttat. Du skickas vidare till <a href="{url}">den nya adressen</a>.</p>\n'
        "</body>\n"
        "</html>\n"
    )


def _js_string(value: str) -> str:
    """A JavaScript string literal that cannot end the inline script."""
    return json.dumps(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
