"""Small, safe helpers for the HTML and Markdown that generators emit."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from .escape import esc, md_link, md_text, md_url  # noqa: F401  (the helpers generators import from here)


def slug(value: str) -> str:
    """ASCII anchor id: "2.3" -> "2-3", "Växjö kommun" -> "vaxjo-kommun"."""
    table = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u"})
    text = value.lower().translate(table)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


@dataclass(frozen=True)
class Column:
    header: str
    cell: Callable[[Any], Markup | str]  # a row -> safe Markup, or text to escape
    row_header: bool = False  # render as <th scope="row">


def cell_html(value: Markup | str) -> Markup:
    return value if isinstance(value, Markup) else esc(value)


# Cells and list items are joined with a space: search indexers (and copy and
# paste) read "Nr Aktivitet", not "NrAktivitet".


def table(
    rows: Iterable[Any],
    columns: Sequence[Column],
    caption: str,
    *,
    table_id: str | None = None,
    row_id: Callable[[Any], str | None] | None = None,
    css_class: str = "bbg-tabell",
    searchable: bool = True,
) -> Markup:
    """An accessible HTML table: <caption>, <th scope="col">, optional row headers.
    searchable=False keeps a table that repeats content found elsewhere (the
    plan's activities on a role page, say) out of the search index.
    Emitted on one line per row and without blank lines, so Python-Markdown
    keeps it as one raw HTML block."""
    # A wide table scrolls inside a focusable, labelled region, so keyboard
    # users can scroll it too (WCAG 2.1.1).
    out = [
        Markup('<div class="bbg-tabellram" role="region" tabindex="0" aria-label="{}"{}>').format(
            caption, Markup(" data-pagefind-ignore") if not searchable else ""
        ),
        Markup('<table class="{}"{}>').format(css_class, Markup(' id="{}"').format(table_id) if table_id else ""),
        Markup("<caption>{}</caption>").format(caption),
        Markup("<thead><tr>")
        + Markup(" ").join(Markup('<th scope="col">{}</th>').format(c.header) for c in columns)
        + Markup("</tr></thead>"),
        Markup("<tbody>"),
    ]
    # Rows are joined as plain str (every part is escaped on the way in) and
    # marked safe once: Markup.format per cell costs more than the rest of a build.
    opens = ['<th scope="row">' if c.row_header else "<td>" for c in columns]
    closes = ["</th>" if c.row_header else "</td>" for c in columns]
    for row in rows:
        rid = row_id(row) if row_id else None
        cells = " ".join(f"{o}{cell_html(c.cell(row))}{e}" for c, o, e in zip(columns, opens, closes))
        attr = f' id="{esc(rid)}"' if rid else ""
        out.append(Markup(f"<tr{attr}>{cells}</tr>"))
    out.append(Markup("</tbody></table></div>"))
    return Markup("\n").join(out)


def link(href: str | None, text: object) -> Markup:
    """<a href> when there is a target, plain escaped text otherwise."""
    if not href:
        return esc(text)
    return Markup('<a href="{}">{}</a>').format(href, text)
