"""The small typed context every area's macros work over: the validated data,
the derived organisation index, and how to make links from the page being
rendered. Built once per build by `define_env`; a test builds one with
`Context.for_page(site, "index.md")` and calls any macro without mkdocs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .paths import layout
from .paths.links import Links
from .data.models.handlingsplan import Aktivitet, Handlingsplan, Part
from .domain.organisation import Org, organisation, part_name
from .outputs import generated_pages
from .render.plan import activity_anchor
from .data.site import SiteData


@dataclass(frozen=True)
class Context:
    site: SiteData
    org: Org
    page: Callable[[], str]  # docs path of the page being rendered ("utbildning/index.md")
    directory_urls: bool = True
    # The project being built (a test's copy is another project than this checkout).
    docs_dir: Path = layout.PROJECT / "docs"
    data_dir: Path = layout.PROJECT / "data"
    generated: dict[str, str] | None = None  # the build's generated pages (docs path -> Markdown)

    @classmethod
    def for_page(cls, site: SiteData, page_src: str, org: Org | None = None) -> Context:
        """A context fixed on one page (for tests and command-line tools), over this checkout."""
        return cls(site, org or organisation(site), lambda: page_src)

    def generated_pages(self) -> dict[str, str]:
        """The pages generated from data: the build's own, or made now (tests)."""
        return self.generated if self.generated is not None else generated_pages(self.site, self.org)

    # ------------------------------------------------------------ links from the current page
    @property
    def links(self) -> Links:
        return Links(self.page(), self.directory_urls)

    def md(self, src: str, anchor: str | None = None) -> str:
        """Markdown link target (mkdocs validates it)."""
        return self.links.md(src, anchor)

    def to(self, src: str, anchor: str | None = None) -> str:
        """URL for raw HTML (the link check of the built site validates it)."""
        return self.links.to(src, anchor)

    def role_md(self, role_id: str) -> str:
        return self.md(layout.role_page(role_id))

    def party_md(self, aktor_id: str) -> str:
        return self.md(*layout.party_target(aktor_id, self.org))

    def role_url(self, role_id: str) -> str:
        return self.to(layout.role_page(role_id))

    def party_url(self, aktor_id: str) -> str:
        return self.to(*layout.party_target(aktor_id, self.org))

    def part_url(self, part: Part) -> str | None:
        """The page of an activity's responsible part (its role first, then its party)."""
        for kind, id_ in (("roll", part.roll), ("aktor", part.aktor)):
            where = layout.entity_page(kind, id_, self.org) if id_ else None
            if where:
                return self.to(*where)
        return None

    def activity_url(self, plan: Handlingsplan) -> Callable[[Aktivitet], str]:
        return lambda act: self.to(layout.plan_page(plan.id), activity_anchor(act))

    def activity_md(self, plan: Handlingsplan) -> Callable[[Aktivitet], str]:
        return lambda act: self.md(layout.plan_page(plan.id), activity_anchor(act))

    def area_md(self, plan: Handlingsplan) -> Callable:
        return lambda area: self.md(layout.area_page(plan.id, area.nummer))

    # ------------------------------------------------------------ data lookups
    def plan(self, plan_id: str | None = None) -> Handlingsplan:
        """A plan by id; without an id, the current plan (from the data)."""
        return self.site.handlingsplaner[plan_id] if plan_id else layout.current_plan(self.site)

    def plans_newest_first(self) -> list[Handlingsplan]:
        return sorted(self.site.handlingsplaner.values(), key=lambda p: p.period.first_day, reverse=True)

    def part_name(self, part: Part) -> str:
        return part_name(self.site, part)

    def source_name(self, source_id: str) -> str:
        return self.site.get("kalla", source_id).titel

    def source_of(self, k) -> tuple[str, str | None]:
        """(title, url) of a source reference: a document in kallor.yaml or a titled URL."""
        if k.dokument:
            doc = self.site.get("kalla", k.dokument)
            return doc.titel, doc.url
        return k.titel or "", k.url
