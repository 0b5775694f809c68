"""Generators for the county action plans (data/handlingsplan/*.yaml).

Pure functions: plan models in, Markdown/HTML out. Links to other pages come
in as callables from the glue (`activity_href`, `party_href`), so nothing here
knows where a page lives.
"""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup

from ..data.models.handlingsplan import Aktivitet, Amnesomrade, Handlingsplan, Part
from .html import Column, esc, link, md_text, slug, table
from .cards import css_class, labelled
from .text import MONTHS, sv_date, sv_join

Href = Callable[..., "str | None"]

# The plan's own column header; it may break after the slash in a narrow column.
FOLLOWUP = Markup("Uppföljning/<wbr>utvärdering")


def activity_anchor(activity: Aktivitet) -> str:
    """Stable anchor of an activity: "2.3" -> "aktivitet-2-3"."""
    return f"aktivitet-{slug(activity.id)}"


def area_anchor(area: Amnesomrade) -> str:
    return f"omrade-{area.nummer}"


def plan_period_text(plan: Handlingsplan) -> str:
    p = plan.period
    return f"{p.start}–{p.slut}" if p.slut else p.start


def plan_meta_line(plan: Handlingsplan, set_by: str) -> str:
    """ "Fastställd av styrgruppen 3 april 2020, reviderad 4 september 2020 och 16 juni 2021." """
    text = f"Fastställd av {set_by.lower()} {sv_date(plan.faststalld)}"
    if plan.revisioner:
        text += ", reviderad " + sv_join([sv_date(r.datum) for r in plan.revisioner])
    return md_text(text + ".")


# ---------------------------------------------------------------- cells


def _empty(text: str) -> Markup:
    return Markup('<span class="bbg-tom">{}</span>').format(text)


def _parts_html(parts: list[Part], name_of: Callable[[Part], str], href_of: Href | None) -> Markup:
    """The responsible parties as read from the cell, linked where a page exists."""
    items = []
    for part in parts:
        name = name_of(part)
        href = href_of(part) if href_of else None
        role = {"utforare": "", "samverkan": " (i samverkan)", "stod": " (stöd)"}[part.ansvar]
        items.append(link(href, name) + esc(role))
    return Markup(", ").join(items)


def responsible_cell(activity: Aktivitet, name_of: Callable[[Part], str] | None = None, href_of: Href | None = None) -> Markup:
    """The plan's own wording; below it, the parties read out of it."""
    cell = esc(activity.ansvarig.original)
    if name_of is not None:
        cell += Markup('<br><span class="bbg-parter">Tolkat som: {}</span>').format(
            _parts_html(activity.ansvarig.parter, name_of, href_of)
        )
    return cell


def time_cell(activity: Aktivitet) -> Markup:
    cell = esc(activity.tid.original)
    if activity.tid.tolkning:
        cell += Markup('<br><span class="bbg-tolkning">Tolkning: {}</span>').format(activity.tid.tolkning)
    if activity.tid.aterkommande:
        cell += Markup('<br><span class="bbg-tolkning">Återkommer varje år: {}</span>').format(
            recurring_text(activity)
        )
    return cell


def recurring_text(activity: Aktivitet) -> str:
    rec = activity.tid.aterkommande
    return sv_join([MONTHS[m - 1] for m in rec.manader]) if rec else ""


def status_notes(activity: Aktivitet) -> list[str]:
    """What the plan records about how the activity went, verbatim."""
    if activity.status == "inte_redovisad":
        return []
    return [n.text for n in activity.status]


def followup_cell(activity: Aktivitet) -> Markup:
    cell = esc(activity.uppfoljning) if activity.uppfoljning else _empty("Inget angivet i planen")
    if activity.status != "inte_redovisad":
        for note in activity.status:
            if note.plats == "extra_kolumn":
                cell += Markup('<br><span class="bbg-notering">Notering i planen (egen cell): {}</span>').format(note.text)
    return cell


# ---------------------------------------------------------------- tables


def area_table(
    plan: Handlingsplan,
    area: Amnesomrade,
    *,
    name_of: Callable[[Part], str] | None = None,
    href_of: Href | None = None,
    with_ids: bool = True,
    searchable: bool = True,
) -> Markup:
    """One subject area as a table in the plan's own column order.

    Rows carry the activity anchors when `with_ids` (only on the page that
    owns them, so that every anchor exists exactly once on the site)."""
    columns = labelled(
        [
            Column("Nr", lambda a: a.id, row_header=True),
            Column("Aktiviteter", lambda a: a.text),
            Column("Ansvarig utförare", lambda a: responsible_cell(a, name_of, href_of)),
            Column("Tid", time_cell),
            Column(FOLLOWUP, followup_cell),
        ]
    )
    caption = f"Ämnesområde {area.nummer}: {area.namn}"
    return table(
        area.aktiviteter,
        columns,
        caption,
        row_id=activity_anchor if with_ids else None,
        css_class=css_class("bbg-plan"),
        searchable=searchable,
    )


def whole_plan(plan: Handlingsplan, heading_level: int = 2, *, name_of=None, href_of=None, area_href: Href | None = None) -> str:
    """Every subject area: a heading with a stable anchor, then its table."""
    parts = []
    for area in plan.amnesomraden:
        heading = "#" * heading_level + f" Ämnesområde {area.nummer}: {md_text(area.namn)} {{ #{area_anchor(area)} }}"
        parts += [heading, ""]
        if area_href:
            parts += [f"[Ämnesområdet på en egen sida]({area_href(area)})", "{: .bbg-skarm }", ""]  # a link: screen only
        # The area pages hold the same tables and are what search should find.
        parts += [area_table(plan, area, name_of=name_of, href_of=href_of, searchable=not area_href), ""]
    return "\n".join(parts)


def area_page(plan: Handlingsplan, area: Amnesomrade, *, activity_href: Href, name_of=None, href_of=None) -> str:
    """The body of one subject area's page: its activities as a list of links
    to their rows in the whole plan, then the table (without anchors)."""
    lines = [
        f"Ämnesområdet har {len(area.aktiviteter)} aktiviteter. Rubriken i planen: "
        f"*{md_text(area.rubrik)}*.",
        "",
    ]
    lines += [f"- [{md_text(a.id)} {md_text(a.text)}]({activity_href(a)})" for a in area.aktiviteter]
    lines += ["", area_table(plan, area, name_of=name_of, href_of=href_of, with_ids=False), ""]
    return "\n".join(lines)


def area_list(plan: Handlingsplan, area_href: Href) -> str:
    """A Markdown list of the subject areas, each linking to its page."""
    return "\n".join(
        f"{area.nummer}. [{md_text(area.namn)}]({area_href(area)}) – {len(area.aktiviteter)} aktiviteter"
        for area in plan.amnesomraden
    )


def plan_list(plans: list[Handlingsplan], plan_href: Href) -> str:
    """The plans on the site, newest period first."""
    rows = sorted(plans, key=lambda p: p.period.first_day, reverse=True)
    return "\n".join(
        f"- [{md_text(p.titel)}]({plan_href(p)}) – {len(p.aktiviteter)} aktiviteter i "
        f"{len(p.amnesomraden)} ämnesområden, fastställd {sv_date(p.faststalld)}"
        for p in rows
    )
