"""Escaping for every output context a data string can reach.

One function per context; each takes any data value and returns text that
shows the value as written and cannot change the structure around it:

- `esc`        HTML text and attribute values (quotes included)
- `esc_md`     HTML text in an inline fragment that sits in a Markdown
               paragraph ("Källor: <a …>…</a>"): Markdown still reads the
               text between inline tags, so its syntax is written as
               character references
- `md_text`    inline Markdown (headings, list items, link texts); also inert
               for Jinja, since generated pages pass through mkdocs-macros
- `md_url`     a Markdown link target `[text](here)`
- `md_link`    `[text](target)`, or plain text without a target
- `ics_text`   an iCalendar TEXT value (RFC 5545 3.3.11)
- `sheet_cell` a spreadsheet cell (CSV, XLSX): no formula (OWASP CSV injection)

Pure functions, no mkdocs import; tests/test_escaping.py has hand-written
expectations for each.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from markupsafe import Markup, escape

# ---------------------------------------------------------------- HTML


def esc(value: object) -> Markup:
    """Escape any data string for HTML text or attribute content (Markup,
    already escaped, passes unchanged)."""
    if isinstance(value, Markup):
        return value
    return escape("" if value is None else str(value))


_MD_REFS = {ord(c): f"&#{ord(c)};" for c in "\\`*_{}[]()!|~"}


def esc_md(value: object) -> Markup:
    """Escaped HTML text that Markdown also leaves alone (whitespace collapsed,
    so no line can start a heading or a list)."""
    text = " ".join(("" if value is None else str(value)).split())
    return Markup(str(esc(text)).translate(_MD_REFS))


# ---------------------------------------------------------------- Markdown


_MD_SPECIAL = re.compile(r"([\\`*_\[\]()#+!|])")


def md_text(value: object) -> str:
    """Escape a data string for inline Markdown (headings, list items): it is
    shown as written, never interpreted as Markdown, HTML or Jinja. Braces
    become character references: a backslash would not stop Jinja from
    seeing "{%" in a generated page, and "{" also opens an attr_list."""
    text = " ".join(str(value).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return text.replace("{", "&#123;").replace("}", "&#125;")


# Everything that could end the link target or open markup is percent-encoded
# (as are letters outside ASCII, which browsers show decoded); ASCII letters,
# digits and URL punctuation stay as they are.
_URL_SAFE = "/:?#[]@!$&*+,;=%-._~"


def md_url(url: str) -> str:
    """A link target for `[text](target)`: spaces, quotes, angle brackets,
    parentheses, backslashes and control characters are percent-encoded, so
    the target cannot end early or carry markup."""
    return quote(str(url), safe=_URL_SAFE)


def md_link(text: object, url: str | None) -> str:
    """`[text](url)` with both parts escaped; the plain text without a url."""
    if not url:
        return md_text(text)
    return f"[{md_text(text)}]({md_url(url)})"


# ---------------------------------------------------------------- JSON in HTML


# ---------------------------------------------------------------- iCalendar

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def ics_text(value: object) -> str:
    """An iCalendar TEXT value: backslash, semicolon and comma escaped, line
    breaks as \\n, other control characters (not allowed in TEXT) dropped."""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text.replace("\t", " "))
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


# ---------------------------------------------------------------- spreadsheets

# OWASP "CSV Injection": a cell starting with one of these is read as a
# formula by Excel, LibreOffice or Google Sheets (full-width forms included).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def is_formula_like(value: str) -> bool:
    return value.startswith(FORMULA_START)


def sheet_cell(value: object) -> str:
    """A CSV cell that no spreadsheet runs as a formula: a leading `'` when the
    text starts like one, the text itself otherwise."""
    text = "" if value is None else str(value)
    return "'" + text if is_formula_like(text) else text
