"""The steering group: follow-up calendar, status overview, revision history."""

from __future__ import annotations

import datetime as dt

from ..paths import layout
from ..context import Context
from ..builddate import build_date
from ..render import pages
from ..render import follow_up
from ..render.governance import calendar_table


def follow_up_calendar(ctx: Context, plan_id: str | None = None) -> str:
    """Every planned follow-up of a plan, by month."""
    plan = ctx.plan(plan_id)
    return calendar_table(plan, ctx.activity_url(plan))


def calendar_link(ctx: Context) -> str:
    return f"[Prenumerera eller ladda ner kalendern (iCalendar, .ics)]({ctx.md(layout.CALENDAR_DOWNLOAD)})"


def status_overview(ctx: Context, plan_id: str | None = None, as_of: dt.date | None = None) -> str:
    """The status report: what is known now about each activity (latest record,
    its date and source), counts by status, area and party. `as_of`: the build
    date (default: macros/builddate.py, SOURCE_DATE_EPOCH or today)."""
    plan = ctx.plan(plan_id)
    record = (ctx.site.uppfoljningar or {}).get(plan.id)
    return follow_up.status_report(plan, record, ctx.org, as_of or build_date(), ctx.activity_url(plan), ctx.source_of)


def steering_papers(ctx: Context, plan_id: str | None = None, sedan: str | None = None, as_of: dt.date | None = None) -> str:
    """Underlag till styrgruppens möte: per area, records since `sedan` (ÅÅÅÅ-MM-DD;
    default the plan's last revision), activities without a record, open readings."""
    plan = ctx.plan(plan_id)
    record = (ctx.site.uppfoljningar or {}).get(plan.id)
    since = dt.date.fromisoformat(sedan) if sedan else (plan.revisioner[-1].datum if plan.revisioner else plan.faststalld)
    return follow_up.meeting_papers(plan, record, since, as_of or build_date(), ctx.activity_url(plan), ctx.source_of)


def status_report_link(ctx: Context) -> str:
    """A line for the plan pages: where the status report and the meeting papers are."""
    return (
        f"Hur det har gått med aktiviteterna: [Statusrapport för styrgruppen]({ctx.md(layout.STATUS_PAGE)}) "
        f"och [Underlag till styrgruppens möte]({ctx.md(layout.PAPERS_PAGE)})."
    )


def revision_history(ctx: Context, plan_id: str | None = None) -> str:
    """Set and revised dates of a plan (every plan, newest first, when no id
    is given) and what changed between the versions we have."""
    if plan_id is None:
        return pages.plans_revision_history(ctx.plans_newest_first(), lambda p: revision_history(ctx, p.id))
    plan = ctx.site.handlingsplaner[plan_id]
    versions = sorted((v for v in (ctx.site.planversioner or {}).values() if v.plan == plan_id), key=lambda v: v.galler_fran)
    return pages.revision_history(plan, versions, ctx.site.get("roll", plan.faststalld_av).namn)


MACROS = (follow_up_calendar, calendar_link, status_overview, steering_papers, status_report_link, revision_history)
