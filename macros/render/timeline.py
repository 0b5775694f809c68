"""A build-time timeline of a plan's activities: inline SVG plus a text table.

The SVG is a picture (role="img" with a title and description); the same facts
are given as a table right after it, so nothing depends on seeing the picture
or on JavaScript.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from markupsafe import Markup

from ..data.models.handlingsplan import Aktivitet, Handlingsplan
from .html import Column, link, table
from .cards import css_class, labelled
from .text import MONTHS, sv_join
from .plan import recurring_text

LABEL_W = 56  # px for the activity number
Q_W = 30  # px per quarter
ROW_H = 22
TOP = 34  # room for the year and quarter headings


def _quarter_index(d: dt.date, first_year: int) -> float:
    """Position of a date in quarters since 1 January of first_year."""
    return (d.year - first_year) * 4 + (d.month - 1) / 3 + (d.day - 1) / 91


def period_text(value: str) -> str:
    """A period in words: "2020" -> "2020", "2020-Q4" -> "kvartal 4 2020",
    "2020-12" -> "december 2020" (the data notation is validated by the model)."""
    year, _, part = value.partition("-")
    if not part:
        return year
    if part.startswith("Q"):
        return f"kvartal {part[1:]} {year}"
    return f"{MONTHS[int(part) - 1]} {year}"


def span_text(activity: Aktivitet) -> str:
    """The periods read out of the plan's time cell, in words:
    "2019 till och med kvartal 4 2020", "december 2020 och kvartal 3 2021"."""
    parts = []
    for p in activity.tid.perioder:
        start = period_text(p.start)
        if p.oppen:
            parts.append(f"från {start}, inget slut angivet")
        elif p.slut and p.slut != p.start:
            parts.append(f"{start} till och med {period_text(p.slut)}")
        else:
            parts.append(start)
    if not parts:
        return "ingen period angiven"
    return "; ".join(parts) if any("," in part for part in parts) else sv_join(parts)


def timeline_svg(plan: Handlingsplan, *, title_id: str = "tidslinje-titel", desc_id: str = "tidslinje-beskrivning") -> Markup:
    first_year = plan.period.first_day.year
    last_year = plan.period.closing_day.year
    years = list(range(first_year, last_year + 1))
    quarters = len(years) * 4
    acts = plan.aktiviteter
    width = LABEL_W + quarters * Q_W + 24
    height = TOP + len(acts) * ROW_H + 10
    out: list[Markup] = [
        Markup(
            '<svg class="bbg-tidslinje" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" '
            'aria-labelledby="{t} {d}" xmlns="http://www.w3.org/2000/svg">'
        ).format(w=width, h=height, t=title_id, d=desc_id),
        Markup('<title id="{}">Tidslinje för {}</title>').format(title_id, plan.titel),
        Markup(
            '<desc id="{}">Varje rad är en aktivitet. En stapel visar perioden, en pil att perioden saknar slut, '
            "romber visar månader då aktiviteten återkommer varje år. Samma uppgifter finns i tabellen under bilden.</desc>"
        ).format(desc_id),
    ]
    # Year and quarter grid.
    for i, year in enumerate(years):
        x = LABEL_W + i * 4 * Q_W
        out.append(Markup('<rect class="bbg-tl-ar{}" x="{}" y="0" width="{}" height="{}"/>').format(i % 2, x, 4 * Q_W, height))
        out.append(Markup('<text class="bbg-tl-arstext" x="{}" y="14">{}</text>').format(x + 2 * Q_W, year))
        for q in range(4):
            out.append(Markup('<text class="bbg-tl-kvartal" x="{}" y="28">Q{}</text>').format(x + q * Q_W + Q_W / 2, q + 1))
    plan_end = _quarter_index(plan.period.closing_day + dt.timedelta(days=1), first_year)
    for row, act in enumerate(acts):
        y = TOP + row * ROW_H
        out.append(Markup('<text class="bbg-tl-nr" x="4" y="{}">{}</text>').format(y + 15, act.id))
        for p in act.tid.perioder:
            x0 = max(0.0, _quarter_index(p.first_day, first_year))
            if p.last_day is None:
                x1 = plan_end
            else:
                x1 = min(plan_end, _quarter_index(p.last_day + dt.timedelta(days=1), first_year))
            if x1 <= x0:
                continue
            cls = "bbg-tl-stapel bbg-tl-oppen" if p.oppen else "bbg-tl-stapel"
            out.append(
                Markup('<rect class="{}" x="{:.1f}" y="{}" width="{:.1f}" height="12" rx="3"/>').format(
                    cls, LABEL_W + x0 * Q_W, y + 5, (x1 - x0) * Q_W
                )
            )
            if p.oppen:
                xe = LABEL_W + x1 * Q_W
                out.append(
                    Markup('<path class="bbg-tl-pil" d="M{:.1f} {} l10 7 l-10 7 z"/>').format(xe, y + 4)
                )
        rec = act.tid.aterkommande
        if rec:
            for year in years:
                for month in rec.manader:
                    cx = LABEL_W + _quarter_index(dt.date(year, month, 15), first_year) * Q_W
                    out.append(
                        Markup('<path class="bbg-tl-romb" d="M{:.1f} {} l6 6 l-6 6 l-6 -6 z"/>').format(cx, y + 5)
                    )
    out.append(Markup("</svg>"))
    return Markup("").join(out)


def timeline_table(plan: Handlingsplan, activity_href: Callable[[Aktivitet], str]) -> Markup:
    """The text equivalent of the timeline."""
    columns = [
        Column("Nr", lambda a: link(activity_href(a), a.id), row_header=True),
        Column("Aktivitet", lambda a: a.text),
        Column("Tid i planen", lambda a: a.tid.original),
        Column("Tolkad period", span_text),
        Column("Återkommer varje år", lambda a: recurring_text(a) or "–"),
    ]
    return table(plan.aktiviteter, labelled(columns), f"Tidslinjen i textform: {plan.titel}", css_class=css_class(), searchable=False)


def timeline(plan: Handlingsplan, activity_href: Callable[[Aktivitet], str]) -> Markup:
    legend = Markup(
        '<ul class="bbg-tl-teckenforklaring" aria-label="Teckenförklaring">'
        '<li><span class="bbg-tl-ex bbg-tl-ex-stapel"></span> Period enligt planen</li>'
        '<li><span class="bbg-tl-ex bbg-tl-ex-oppen"></span> Period utan angivet slut (pil)</li>'
        '<li><span class="bbg-tl-ex bbg-tl-ex-romb"></span> Återkommer varje år den månaden</li>'
        "</ul>"
    )
    return Markup("").join(
        [
            # The picture scales to the width of the page (handbok.css); its
            # text equivalent is the table after it.
            Markup('<figure class="bbg-tidslinje-figur" data-pagefind-ignore>'),
            timeline_svg(plan),
            Markup("<figcaption>Tidslinje {}–{}. Tidslinjen i textform står i tabellen nedan.</figcaption></figure>").format(
                plan.period.first_day.year, plan.period.closing_day.year
            ),
            legend,
            Markup("\n"),
            timeline_table(plan, activity_href),
        ]
    )
