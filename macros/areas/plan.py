"""Action plans: title, vision and dates, the whole plan, subject areas, timeline."""

from __future__ import annotations

from ..paths import layout
from ..context import Context
from ..render import pages, plan as render
from ..render.html import md_text
from ..render.timeline import timeline


def plan_title(ctx: Context, plan_id: str | None = None) -> str:
    return md_text(ctx.plan(plan_id).titel)


def plan_vision(ctx: Context, plan_id: str | None = None) -> str:
    return md_text(ctx.plan(plan_id).vision)


def plan_meta(ctx: Context, plan_id: str | None = None) -> str:
    """One line: title, period, set and revised dates of a plan."""
    plan = ctx.plan(plan_id)
    return render.plan_meta_line(plan, ctx.site.get("roll", plan.faststalld_av).namn)


def plan_list(ctx: Context) -> str:
    """Every plan on the site, newest first, linked."""
    return render.plan_list(list(ctx.site.handlingsplaner.values()), lambda p: ctx.md(layout.plan_page(p.id)))


def plan_intro(ctx: Context, plan_id: str | None = None) -> str:
    """Title, vision, dates, downloads and the list of subject areas."""
    plan = ctx.plan(plan_id)
    return pages.plan_intro(
        plan,
        plan_meta(ctx, plan.id),
        ctx.area_md(plan),
        timeline_md=ctx.md(layout.plan_page(plan.id, "tidslinje")),
        csv_md=ctx.md(layout.plan_download(plan.id, "csv")),
        xlsx_md=ctx.md(layout.plan_download(plan.id, "xlsx")),
    )


def plan_document(ctx: Context, plan_id: str | None = None) -> str:
    """The whole plan: one heading and table per subject area."""
    plan = ctx.plan(plan_id)
    return render.whole_plan(plan, name_of=ctx.part_name, href_of=ctx.part_url, area_href=ctx.area_md(plan))


def plan_area(ctx: Context, plan_id: str, number: int) -> str:
    """One subject area's page."""
    plan = ctx.plan(plan_id)
    area = plan.amnesomraden[number - 1]
    return render.area_page(plan, area, activity_href=ctx.activity_md(plan), name_of=ctx.part_name, href_of=ctx.part_url)


def plan_timeline(ctx: Context, plan_id: str | None = None) -> str:
    """The timeline of every activity, as SVG with a text table."""
    plan = ctx.plan(plan_id)
    return timeline(plan, ctx.activity_url(plan))


MACROS = (plan_title, plan_vision, plan_meta, plan_list, plan_intro, plan_document, plan_area, plan_timeline)
