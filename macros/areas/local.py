"""The local layer (data/lokalt.yaml): each municipality's contacts on its
page, the county-wide routes, and the municipality chooser."""

from __future__ import annotations

from ..paths import layout
from ..context import Context
from ..render import local as render

REGION = "region-kronoberg"


def _page(ctx: Context, aktor_id: str, anchor: str) -> str:
    return ctx.to(layout.party_target(aktor_id, ctx.org)[0], anchor)


def _name(ctx: Context, aktor_id: str) -> str:
    return ctx.site.get("aktor", aktor_id).namn


def lokala_kontakter(ctx: Context, kommun_id: str) -> str:
    """A municipality's own addition: socialtjänsten by day, after hours, e-service, its pages and functions."""
    entry = next((k for k in ctx.site.lokalt.kommuner if k.id == kommun_id), None)
    if entry is None:
        raise ValueError(f'lokala_kontakter("{kommun_id}"): kommunen finns inte i data/lokalt.yaml')
    return render.municipality_block(entry, _name(ctx, kommun_id), ctx.source_of, _page(ctx, REGION, render.REGION_ANCHOR))


def kontaktvagar(ctx: Context, aktor_id: str | None = None) -> str:
    """The county-wide routes (BVC, MVC, BUP, elevhälsa, 112, 114 14); with a party id, only that party's."""
    routes = [r for r in ctx.site.lokalt.lansgemensamt if aktor_id is None or r.aktor == aktor_id]
    title = "Kontaktvägar i hela länet" if aktor_id in (None, REGION) else f"Kontaktvägar: {ctx.site.get('aktor', aktor_id).kortnamn or _name(ctx, aktor_id)}"
    if aktor_id == REGION:
        routes = list(ctx.site.lokalt.lansgemensamt)
    return render.region_block(routes, ctx.source_of, title)


def kommunval(ctx: Context, fraga: str | None = None) -> str:
    """Choose the child's municipality and see its contacts (a list of links without JavaScript)."""
    entries = []
    for k in ctx.site.lokalt.kommuner:
        party = ctx.site.get("aktor", k.id)
        entries.append((k, party.kortnamn or party.namn, _page(ctx, k.id, render.ANCHOR)))
    return render.chooser(entries, fraga) if fraga else render.chooser(entries)


MACROS = (lokala_kontakter, kontaktvagar, kommunval)


def akut_sources(ctx: Context) -> str:
    """The sources of "ring 112" (data/lokalt.yaml, route akut-112) as an inline mark."""
    route = ctx.site.get("kontaktvag", "akut-112")
    return str(render.source_line(route, ctx.source_of))
