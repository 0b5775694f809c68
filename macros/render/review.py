"""The review queue as the editors' page (Markdown tables by page) and as CSV
for the steering group (`make granska`, formula-safe). The items themselves
come from macros/domain/review.py (`review_items()`); this module only writes
them out. Pure: no files, no mkdocs.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

from markupsafe import Markup

from ..domain.review import KIND_LABELS, KIND_ORDER, Punkt, counts, sort_items
from .escape import sheet_cell
from .html import Column, md_text, table
from .cards import css_class, labelled

def queue_markdown(items: list[Punkt], title_of: Callable[[str], str], href_of: Callable[[str], str]) -> str:
    """The queue page body: counts, then one section per page with a table."""
    items = sort_items(items)
    c = counts(items)
    pages = []
    for p in items:
        if p.sida not in pages:
            pages.append(p.sida)
    summary_rows = [(KIND_LABELS[k], c[k]) for k in KIND_ORDER] + [("Totalt", len(items))]
    out = [
        f"Listan har **{len(items)} punkter** på {len([s for s in pages if s])} sidor.",
        "",
        table(
            summary_rows,
            [Column("Slag", lambda r: r[0], row_header=True), Column("Antal", lambda r: str(r[1]))],
            "Antal punkter per slag",
            table_id="granska-antal",
        ),
        "",
    ]
    for sida in pages:
        group = [p for p in items if p.sida == sida]
        if sida is None:
            heading = "Källor (data/kallor.yaml)"
            out += [f"## {heading} ({len(group)}) {{ #granska-kallor }}", ""]
        else:
            out += [f"## [{md_text(title_of(sida))}]({href_of(sida)}) ({len(group)})", ""]
        out += [
            table(
                group,
                labelled(
                    [
                        Column("Slag", lambda p: KIND_LABELS[p.typ], row_header=True),
                        Column("Vad", lambda p: p.var),
                        Column("Grund eller vad som saknas", lambda p: p.text or "–"),
                        Column("Ändras i", lambda p: Markup("<code>{}</code>").format(p.fil)),
                    ]
                ),
                f"Att granska: {title_of(sida) if sida else 'källor'}",
                css_class=css_class("bbg-granska"),
                searchable=False,
            ),
            "",
        ]
    return "\n".join(out)


CSV_HEADERS = ["Sida", "Adress", "Slag", "Vad", "Grund eller vad som saknas", "Ändras i"]


def _safe(value: str) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula (on one line)."""
    return sheet_cell(" ".join(str(value).split()))


def queue_csv(items: list[Punkt], title_of: Callable[[str], str], address_of: Callable[[str], str]) -> bytes:
    """The same list as CSV: UTF-8 with BOM, semicolons, every field quoted,
    formula-safe cells (Excel with Swedish settings opens it directly)."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(CSV_HEADERS)
    for p in sort_items(items):
        writer.writerow(
            [_safe(x) for x in (title_of(p.sida) if p.sida else "", address_of(p.sida) if p.sida else "", KIND_LABELS[p.typ], p.var, p.text, p.fil)]
        )
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


