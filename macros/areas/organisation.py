"""Parties and roles: org chart, lists, a page per role and per party, the matrix."""

from __future__ import annotations

from ..paths import layout
from ..context import Context
from ..render import organisation as render, pages


def org_chart(ctx: Context) -> str:
    """Organisation chart: who reports to whom, as nested lists."""
    return render.org_chart(ctx.org, ctx.role_url)


def role_list(ctx: Context, typ: str) -> str:
    """Linked list of the roles of one type (organ, funktion, praktikroll)."""
    return render.role_list(ctx.site.roller.roller, ctx.role_md, typ)


def party_list(ctx: Context) -> str:
    """Linked list of the parties."""
    return render.party_list(ctx.org, ctx.party_md)


def role_page(ctx: Context, role_id: str) -> str:
    """A role's page: description, composition, and its plan activities (from the plan data)."""
    role = ctx.org.roller[role_id]
    resp = _responsibilities(ctx, role.namn, lambda plan: ctx.org.role_responsibilities(plan, role_id))
    details = render.role_details(role, ctx.org, ctx.role_md, ctx.party_md, ctx.source_name)
    guidance = ctx.md(role.vagledning) if role.vagledning else None
    return pages.role_page(role, details, resp, render.sources_line(role.kallor, ctx.source_name), guidance)


def party_page(ctx: Context, aktor_id: str) -> str:
    """A party's page: its roles, plan responsibilities (generated) and financing."""
    party = ctx.org.aktorer[aktor_id]
    resp = pages.party_responsibilities(
        ctx.plans_newest_first(),
        lambda plan: ctx.org.party_responsibilities(plan, aktor_id),
        party.namn,
        ctx.activity_url,
    )
    finance = pages.party_financing(aktor_id, ctx.site.finansiering.finansiering, ctx.md(layout.FINANCING_PAGE))
    details = render.party_details(party, ctx.org, ctx.party_md, ctx.role_md)
    return pages.party_page(party, details, resp, finance, render.sources_line(party.kallor, ctx.source_name))


def _responsibilities(ctx: Context, name: str, of_plan) -> str:
    """The plan activities `name` answers for, per plan, newest plan first."""
    return pages.responsibilities(
        ctx.plans_newest_first(), of_plan, lambda plan: f"Aktiviteter som {name} ansvarar för, {plan.titel}", ctx.activity_url
    )


def responsibility_matrix(ctx: Context, plan_id: str | None = None) -> str:
    """Activities × parties of a plan; each party links to its list of responsibilities."""
    plan = ctx.plan(plan_id)
    return render.matrix(
        ctx.org, plan, ctx.activity_url(plan), lambda a: ctx.to(layout.party_target(a, ctx.org)[0], "ansvar")
    )


MACROS = (org_chart, role_list, party_list, role_page, party_page, responsibility_matrix)
