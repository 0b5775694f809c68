"""The steering group: follow-up calendar, status overview, revision history."""

from __future__ import annotations

import datetime as dt

from ..paths import layout
from ..context import Context
from ..render import pages
from ..render.governance import calendar_table


def follow_up_calendar(ctx: Context, plan_id: str | None = None) -> str:
    """Every planned follow-up of a plan, by month."""
    plan = ctx.plan(plan_id)
    return calendar_table(plan, ctx.activity_url(plan))


def calendar_link(ctx: Context) -> str:
    return f"[Prenumerera eller ladda ner kalendern (iCalendar, .ics)]({ctx.md(layout.CALENDAR_DOWNLOAD)})"


def status_overview(ctx: Context, plan_id: str | None = None, as_of: dt.date | None = None) -> str:
    """The status handout: summary, lists, one table per area and per party (as of today)."""
    plan = ctx.plan(plan_id)
    return pages.status_overview(plan, ctx.org, as_of or dt.date.today(), ctx.activity_url(plan))


def revision_history(ctx: Context, plan_id: str | None = None) -> str:
    """Set and revised dates of a plan (every plan, newest first, when no id
    is given) and what changed between the versions we have."""
    if plan_id is None:
        return pages.plans_revision_history(ctx.plans_newest_first(), lambda p: revision_history(ctx, p.id))
    plan = ctx.site.handlingsplaner[plan_id]
    versions = sorted((v for v in (ctx.site.planversioner or {}).values() if v.plan == plan_id), key=lambda v: v.galler_fran)
    return pages.revision_history(plan, versions, ctx.site.get("roll", plan.faststalld_av).namn)


MACROS = (follow_up_calendar, calendar_link, status_overview, revision_history)
