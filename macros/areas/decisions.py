"""Decisions and source documents."""

from __future__ import annotations

from ..paths import layout
from ..context import Context
from ..render.decisions import history
from ..render.provenance import grund_mark
from ..render.html import md_text


def source_title(ctx: Context, source_id: str) -> str:
    """The title of a source document in data/kallor.yaml, as inline text."""
    return md_text(ctx.site.get("kalla", source_id).titel)


def decision_history(ctx: Context) -> str:
    """Every decision, oldest first, linked to what it concerns."""
    return history(
        ctx.site.beslut.beslut,
        lambda r: (ctx.org.roller[r].namn, ctx.role_md(r)),
        lambda a: (ctx.org.name(a), ctx.party_md(a)),
        lambda p: (ctx.site.handlingsplaner[p].titel, ctx.md(layout.plan_page(p))),
        ctx.source_name,
        lambda g: grund_mark(g, ctx.source_of),  # provenance marks (issue 12)
    )


MACROS = (source_title, decision_history)
