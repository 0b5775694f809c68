"""Make the theme's markup valid HTML (W3C Nu HTML Checker), after rendering.

Material 9.8 writes three kinds of invalid markup on every page:

- `tabindex=""` on the labels of navigation sections. An empty tabindex is
  not a valid integer, and browsers ignore it: removing it changes nothing
  for keyboard users.
- `autocomplete="off"` on the checkboxes that hold the drawer and search
  state; the attribute is not allowed on checkboxes.
- `<label for="__toc">` in the table of contents on pages where the theme
  did not write the `__toc` checkbox; a label may only point at a form
  control that exists. The `for` is dropped, the label text stays.

`valid_html(html)` is a pure string transform, applied by the glue to every
page (on_post_page) and to the 404 page (on_post_template).
"""

from __future__ import annotations

import re

_LABEL = re.compile(r"<label\b[^>]*>")
_EMPTY_TABINDEX = re.compile(r'\s+tabindex=""')
_CHECKBOX = re.compile(r'<input\b[^>]*\btype="checkbox"[^>]*>')
_AUTOCOMPLETE = re.compile(r'\s+autocomplete="[^"]*"')
_FOR = re.compile(r'\s+for="([^"]*)"')
_ID = re.compile(r'\sid="([^"]*)"')


def valid_html(html: str) -> str:
    ids = set(_ID.findall(html))

    def label(m: re.Match) -> str:
        tag = _EMPTY_TABINDEX.sub("", m.group(0))
        target = _FOR.search(tag)
        if target and target.group(1) not in ids:
            tag = tag[: target.start()] + tag[target.end() :]
        return tag

    html = _LABEL.sub(label, html)
    return _CHECKBOX.sub(lambda m: _AUTOCOMPLETE.sub("", m.group(0)), html)
