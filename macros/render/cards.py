"""Tables that read as cards on narrow screens.

A generated table stays one real table (caption, column headers with scope,
row headers) for every reader. For a narrow container the stylesheet
(handbok.css, "cards") lays each row out as a block; so that the reader still
sees what each value is, every cell starts with its column header as visible
text. That label is hidden from screen readers (aria-hidden): they already
announce the column header from the table semantics, and would otherwise hear
it twice. It is hidden on wide screens and kept out of the search index.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from .html import Column, cell_html

CARDS = "bbg-kort"  # table class: becomes cards in a narrow container


def label(header: object) -> Markup:
    """The visible label of a cell in card layout: its column header."""
    return Markup('<span class="bbg-etikett" aria-hidden="true" data-pagefind-ignore>{}</span> ').format(header)


def labelled(columns: Sequence[Column]) -> list[Column]:
    """The same columns, each cell starting with its column header as label."""
    return [Column(c.header, _with_label(c), c.row_header) for c in columns]


def _with_label(column: Column):
    def cell(row: object) -> Markup:
        return label(column.header) + cell_html(column.cell(row))

    return cell


def css_class(*names: str) -> str:
    """Class attribute of a card table: "bbg-tabell bbg-kort <names>"."""
    return " ".join(["bbg-tabell", CARDS, *names])
