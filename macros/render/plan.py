"""Generators for the county action plan (data/handlingsplan/*.yaml)."""

from __future__ import annotations

from markupsafe import Markup

from ..models.handlingsplan import Aktivitet, Amnesomrade, Handlingsplan
from .html import Column, esc, md_text, slug, table
from .text import sv_date, sv_join


def activity_anchor(activity: Aktivitet) -> str:
    """Stable anchor of an activity: "2.3" -> "aktivitet-2-3"."""
    return f"aktivitet-{slug(activity.id)}"


def plan_meta_line(plan: Handlingsplan, set_by: str) -> str:
    """ "Fastställd av styrgruppen 3 april 2020, reviderad 4 september 2020 och 16 juni 2021." """
    text = f"Fastställd av {set_by.lower()} {sv_date(plan.faststalld)}"
    if plan.revisioner:
        text += ", reviderad " + sv_join([sv_date(r.datum) for r in plan.revisioner])
    return md_text(text + ".")


def _cell_lines(text: str | None, empty: str = "–") -> Markup:
    return esc(text) if text else Markup('<span class="bbg-tom">{}</span>').format(empty)


def area_table(plan: Handlingsplan, area: Amnesomrade) -> Markup:
    """One subject area as a table in the plan's own column order."""
    columns = [
        Column("Nr", lambda a: a.id, row_header=True),
        Column("Aktiviteter", lambda a: a.text),
        Column("Ansvarig utförare", lambda a: a.ansvarig.original),
        Column("Tid", lambda a: a.tid.original),
        Column("Uppföljning/utvärdering", lambda a: _cell_lines(a.uppfoljning, "Inget angivet")),
    ]
    caption = f"Ämnesområde {area.nummer}: {area.namn}"
    return table(area.aktiviteter, columns, caption, row_id=activity_anchor)


def area_anchor(area: Amnesomrade) -> str:
    return f"omrade-{area.nummer}"


def whole_plan(plan: Handlingsplan, heading_level: int = 2) -> str:
    """Every subject area: a heading with a stable anchor, then its table."""
    parts = []
    for area in plan.amnesomraden:
        heading = "#" * heading_level + f" Ämnesområde {area.nummer}: {md_text(area.namn)} {{ #{area_anchor(area)} }}"
        parts += [heading, "", area_table(plan, area), ""]
    return "\n".join(parts)
