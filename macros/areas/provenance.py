"""Provenance marks (issue 12): inline marks for prose pages and the legend
on "Om webbplatsen". The marks are text labels (macros/render/grund.py)."""

from __future__ import annotations


from ..domain import review
from ..context import Context
from ..render import provenance as render
from ..render.review import queue_markdown


def forslag(ctx: Context, motivering: str = "") -> str:
    """{{ forslag() }} after a sentence that is the handbook's own proposal."""
    return render.mark("forslag", motivering or None)


def tolkning(ctx: Context, vilar_pa: str) -> str:
    """{{ tolkning("vad den vilar på") }} after a sentence that is our reading."""
    return render.mark("tolkning", vilar_pa)


def kontrolleras(ctx: Context, saknas: str) -> str:
    """{{ kontrolleras("vad som saknas") }} after a sentence that is not confirmed."""
    return render.mark("kontrolleras", saknas)


def kalla(ctx: Context, source_id: str, avsnitt: str = "") -> str:
    """{{ kalla("id", "avsnitt") }}: the source of a sentence, from data/kallor.yaml."""
    doc = ctx.site.get("kalla", source_id)
    return render.inline_source(doc.titel, doc.url, avsnitt or None, source_id)


def grund_legend(ctx: Context) -> str:
    """The four kinds, explained once (docs/om-webbplatsen/index.md#grund)."""
    return render.legend()


def review_queue(ctx: Context) -> str:
    """The review queue (redaktorer/granskning.md): the same list as `make granska`."""
    docs = review.docs_pages(ctx.docs_dir)
    items = review.review_items(ctx.site, docs, ctx.docs_dir)
    return queue_markdown(items, review.title_of(ctx.site, docs), ctx.md)


MACROS = (forslag, tolkning, kontrolleras, kalla, grund_legend, review_queue)
