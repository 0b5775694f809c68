"""Financing: the published table with its open cross-check."""

from __future__ import annotations

from ..context import Context
from ..data.models.finansiering import Finansiering
from ..render import finance as render
from ..render.provenance import grund_mark


def _financing(ctx: Context, fin_id: str | None) -> Finansiering:
    """A financing decision by id; without an id, the newest (last in data/finansiering.yaml)."""
    return ctx.site.get("finansiering", fin_id) if fin_id else ctx.site.finansiering.finansiering[-1]


def financing_costs(ctx: Context, fin_id: str | None = None) -> str:
    """The cost items of a financing decision."""
    return render.costs_list(_financing(ctx, fin_id))


def financing_table(ctx: Context, fin_id: str | None = None) -> str:
    """The published table, with the cross-check beside each figure."""
    return render.financing_table(_financing(ctx, fin_id), ctx.org.short, ctx.party_url)


def financing_decided(ctx: Context, fin_id: str | None = None) -> str:
    """The decided figures per municipality and year; the years of the current
    plan that no record gives are shown as Kontrolleras."""
    fin = _financing(ctx, fin_id)
    later = render.later_years(fin, ctx.plan().period.closing_day.year)
    return render.decided_table(fin, ctx.org.short, ctx.party_url, later)


def financing_later_years(ctx: Context, fin_id: str | None = None) -> str:
    """ "2020–2023": the years of the current plan no financing record gives."""
    later = render.later_years(_financing(ctx, fin_id), ctx.plan().period.closing_day.year)
    return render.years_text(later) if later else ""


def financing_summary(ctx: Context, fin_id: str | None = None) -> str:
    """Totals: the region's half and the municipalities' half."""
    return render.summary(_financing(ctx, fin_id), ctx.org.short)


def financing_checks(ctx: Context, fin_id: str | None = None) -> str:
    """Every published figure that the cross-check does not confirm, with its working."""
    return render.checks_table(_financing(ctx, fin_id), ctx.org.short)


def financing_reading(ctx: Context, fin_id: str | None = None) -> str:
    """Columns read out of another column (our reading), with their provenance mark."""
    return render.derived_columns(_financing(ctx, fin_id), ctx.org.short, lambda g: grund_mark(g, ctx.source_of))


MACROS = (financing_costs, financing_decided, financing_later_years, financing_table, financing_summary, financing_checks, financing_reading)
