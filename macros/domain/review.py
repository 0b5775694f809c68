"""Glue for the review queue (issue 12): which pages exist, where data is
shown, page titles and addresses. Used by the queue page (macros/__init__.py)
and by `python -m macros granska` (CSV for the steering group), so both list
exactly the same items. The list itself is made by macros/render/granska.py.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..paths import layout
from ..render.review import Punkt, Sidor, data_items, page_items, review_status_items, source_items
from ..render.practice import OLDER_TERM_READING
from ..data.site import SiteData
from ..render.local import review_items as lokalt_review_items

QUEUE_PAGE = "om-webbplatsen/granskning.md"


def docs_pages(docs_dir: Path) -> dict[str, str]:
    """Every Markdown page under docs/ (docs path -> text)."""
    return {p.relative_to(docs_dir).as_posix(): p.read_text(encoding="utf-8") for p in sorted(docs_dir.rglob("*.md"))}


def sidor(site: SiteData, docs: dict[str, str]) -> Sidor:
    return Sidor(
        fixed={
            "ordlista": "ordlista.md",
            "lagar": "praxismodellen/lagar.md",
            "beslut": "styrning/beslut.md",
            "finansiering": "styrning/finansiering.md",
            "steg": "praxismodellen/steg-for-steg.md",
            "samverkansansvarig": "praxismodellen/samverkansansvarig.md",
            "bba": "praxismodellen/bba.md",
            "organisation": "roller/index.md",
            "statusrapport": layout.STATUS_PAGE,
        },
        role=lambda rid: f"roller/{rid}.md",
        plan_area=lambda pid, n: layout.plan_page(pid, f"omrade-{n}"),
        module=lambda mid: layout.module_page(site, mid),
        party=lambda aid: f"roller/parter/{aid}.md",
        guidance=[src for src in docs if layout.is_guidance(src)],
    )


def review_items(site: SiteData, docs: dict[str, str]) -> list[Punkt]:
    """Every item to review; `docs` is docs_pages(docs_dir), read once by the caller."""
    where = sidor(site, docs)
    items = data_items(site, where, OLDER_TERM_READING)
    # Pages that show macro calls as written (render_macros: false) carry examples, not marks.
    marked = {k: v for k, v in docs.items() if k != QUEUE_PAGE and not _shows_macros_as_written(v)}
    items += page_items(marked)
    items += review_status_items(where.guidance, site.granskningar)
    items += source_items(site.kallor.dokument)
    items += local_items(site)
    return items


def local_items(site: SiteData) -> list[Punkt]:
    """The local layer's unconfirmed slots and readings (data/lokalt.yaml), on the pages that show them."""
    party = lambda aid: f"roller/parter/{aid}.md"  # noqa: E731
    return [Punkt(*item) for item in lokalt_review_items(site.lokalt, party, party)]


def _shows_macros_as_written(text: str) -> bool:
    if not text.startswith("---\n"):
        return False
    front = text[4:].split("\n---", 1)[0]
    return re.search(r"^render_macros:\s*false\s*$", front, re.M) is not None


def title_of(site: SiteData, docs: dict[str, str]):
    """Page title: the first "# " heading of a docs page; generated pages by their data."""

    def title(src: str) -> str:
        text = docs.get(src)
        if text is not None:
            m = re.search(r"^# (.+)$", text, re.M)
            if m:
                return m.group(1).strip()
        if src.startswith("roller/") and src.count("/") == 1:
            rid = src[len("roller/") : -3]
            if site.has("roll", rid):
                return site.get("roll", rid).namn
        m = re.match(r"handlingsplan/([^/]+)/omrade-(\d+)\.md$", src)
        if m and m.group(1) in site.handlingsplaner:
            plan = site.handlingsplaner[m.group(1)]
            area = plan.amnesomraden[int(m.group(2)) - 1]
            return f"Handlingsplan {plan.id}, ämnesområde {area.nummer}: {area.namn}"
        return src

    return title
