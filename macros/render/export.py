"""The action plan as downloads: CSV and XLSX, generated at build time.

Both carry the same rows and Swedish headers: the plan's own cells verbatim,
then what we read out of them. The files are byte-for-byte reproducible
(no build timestamps), so a rebuild of unchanged data changes nothing.
No cell is ever a formula: a CSV cell that starts like one gets a leading
`'` (escape.sheet_cell), an XLSX cell is a text cell with Excel's own
"starts with an apostrophe" flag (quotePrefix), so it shows as written.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable

from ..data.models.handlingsplan import Aktivitet, Handlingsplan, Part
from .escape import is_formula_like, sheet_cell
from .plan import recurring_text, status_notes

HEADERS = [
    "Ämnesområde",
    "Nr",
    "Aktiviteter",
    "Ansvarig utförare",
    "Tid",
    "Uppföljning/utvärdering",
    "Noteringar om status",
    "Ansvariga parter (tolkat)",
    "Start (tolkat)",
    "Slut (tolkat)",
    "Återkommer varje år (tolkat)",
]


def _periods(activity: Aktivitet) -> tuple[str, str]:
    periods = activity.tid.perioder
    if not periods:
        return "", ""
    first = min(p.first_day for p in periods)
    ends = [p.last_day for p in periods]
    last = "" if None in ends else max(e for e in ends if e is not None).isoformat()
    return first.isoformat(), last


def plan_rows(plan: Handlingsplan, name_of: Callable[[Part], str]) -> list[list[str]]:
    """One row per activity, in plan order, with the columns of HEADERS."""
    rows = []
    for area in plan.amnesomraden:
        for a in area.aktiviteter:
            start, end = _periods(a)
            rows.append(
                [
                    f"{area.nummer}. {area.namn}",
                    a.id,
                    a.text,
                    a.ansvarig.original,
                    a.tid.original,
                    a.uppfoljning or "",
                    " | ".join(status_notes(a)) or "Ingen notering i planen",
                    "; ".join(name_of(p) for p in a.ansvarig.parter),
                    start,
                    end,
                    recurring_text(a),
                ]
            )
    return rows


def plan_csv(plan: Handlingsplan, name_of: Callable[[Part], str]) -> bytes:
    """UTF-8 with a byte order mark and semicolons, which is what Excel with
    Swedish settings opens directly; every field quoted."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(HEADERS)
    writer.writerows([sheet_cell(cell) for cell in row] for row in plan_rows(plan, name_of))
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


_FIXED = (1980, 1, 1, 0, 0, 0)


def plan_xlsx(plan: Handlingsplan, name_of: Callable[[Part], str]) -> bytes:
    from openpyxl import Workbook  # noqa: PLC0415 (heavy, only for the download)
    from openpyxl.styles import Alignment, Font  # noqa: PLC0415

    wb = Workbook()
    ws = wb.active
    ws.title = "Handlingsplan"
    ws.append(HEADERS)
    for row in plan_rows(plan, name_of):
        ws.append(row)
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str) and is_formula_like(cell.value):
                cell.data_type = "s"  # openpyxl made it a formula; text, as written
                cell.quotePrefix = True
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    widths = [30, 6, 60, 30, 20, 40, 30, 40, 12, 12, 20]
    for i, width in enumerate(widths):
        ws.column_dimensions[chr(ord("A") + i)].width = width
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    stamp = dt.datetime.combine(plan.revisioner[-1].datum if plan.revisioner else plan.faststalld, dt.time())
    wb.properties.creator = "Barnens bästa gäller! – i Kronoberg"
    wb.properties.title = plan.titel
    wb.properties.created = stamp
    wb.properties.modified = stamp
    raw = io.BytesIO()
    wb.save(raw)
    return _reproducible_zip(raw.getvalue(), stamp)


def _reproducible_zip(data: bytes, stamp: dt.datetime) -> bytes:
    """Rewrite a zip with fixed entry times; openpyxl stamps the build time
    into the entries and into docProps/core.xml (dcterms:modified)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_FIXED)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    rb"\g<1>" + stamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode() + rb"\g<2>",
                    content,
                )
            dst.writestr(fixed, content)
    return out.getvalue()
