"""Where things live: the only module that knows the site's layout.

Paths of generated pages and downloads, which page presents a role or party,
the pages and files generated from data, and which plan is current. Pure: no
mkdocs import; generators get hrefs made from these paths."""

from __future__ import annotations

from .links import url_of
from .models.handlingsplan import Handlingsplan, Part
from .render.export import plan_csv, plan_xlsx
from .render.html import md_text
from .render.org import Org
from .render.plan import plan_period_text
from .render.praxis import template_rtf
from .render.styrning import calendar_ics
from .site import SiteData

TEMPLATE_DOWNLOAD = "praxismodellen/barnets-plan-mall.rtf"
TEMPLATE_NOTE = "Mall från handboken Barnens bästa gäller! – i Kronoberg. Innehåller inga personuppgifter förrän den fylls i."
CALENDAR_DOWNLOAD = "styrning/uppfoljningar.ics"
FINANCING_PAGE = "styrning/finansiering.md"
REPORT_PAGE = "praxismodellen/anmalningsplikt.md"
# Pages that give guidance: they must carry owner, review and sources in their
# front matter; those in DANGER_FOLDERS also show the "Är ett barn i fara?" box.
GUIDANCE_FOLDERS = ("praxismodellen/", "familj/")
DANGER_FOLDERS = ("praxismodellen/",)


def is_guidance(src_uri: str) -> bool:
    return src_uri.startswith(GUIDANCE_FOLDERS)


def plan_page(plan_id: str, name: str = "index") -> str:
    """Docs path of a plan's generated pages: "handlingsplan/2019-2023/index.md"."""
    return f"handlingsplan/{plan_id}/{name}.md"


def plan_download(plan_id: str, ext: str) -> str:
    return f"handlingsplan/{plan_id}/handlingsplan-{plan_id}.{ext}"


def module_page(site: SiteData, module_id: str) -> str:
    """Docs path of a training module's page: "utbildning/m03-barnets-plan.md"."""
    return f"utbildning/{site.get('modul', module_id).adress}.md"


def education_page(education_id: str) -> str:
    return f"utbildning/utbildningar/{education_id}.md"


def site_path(src: str) -> str:
    """The published address of a page: "utbildning/m03-x.md" -> "/utbildning/m03-x/"."""
    return "/" + url_of(src)


def entity_page(kind: str, id_: str, org: Org) -> tuple[str, str | None] | None:
    """(docs path, anchor) of the page that presents a role or party, or None."""
    if kind == "roll":
        return (f"roller/{id_}.md", None)
    if kind == "aktor":
        if id_ in org.unit_of:
            return (f"roller/parter/{org.unit_of[id_]}.md", f"enhet-{id_}")
        return (f"roller/parter/{id_}.md", None)
    return None


def organisation(site: SiteData) -> Org:
    """The organisation index (parties, units, groups, roles), derived once per build."""
    return Org(site.aktorer.aktorer, site.roller.roller)


def current_plan(site: SiteData) -> Handlingsplan:
    """The current action plan: the one whose period starts last."""
    return max(site.handlingsplaner.values(), key=lambda p: p.period.first_day)


def plan_period(plan: Handlingsplan) -> str:
    return plan_period_text(plan).replace("-", "–")


def part_name(site: SiteData, part: Part) -> str:
    """Name of a responsible part of an activity, from the data."""
    names = []
    if part.roll:
        names.append(site.get("roll", part.roll).namn)
    if part.aktor:
        names.append(site.get("aktor", part.aktor).namn)
    text = " – ".join(names) if names else ""
    return text or (part.text or "")


def generated_pages(site: SiteData, org: Org) -> dict[str, str]:
    """Pages generated from data (docs path -> Markdown with one-line macro
    calls). hooks.py adds them to the build and places them in the nav, in the
    section whose index.md is in the same folder."""
    pages: dict[str, str] = {}
    # action plans: the whole plan, one page per subject area, a timeline
    for plan in site.handlingsplaner.values():
        pages[plan_page(plan.id)] = (
            f"# Handlingsplan {plan_period(plan)}\n\n"
            f'{{{{ plan_intro("{plan.id}") }}}}\n\n'
            "<!-- Generated from data/handlingsplan/: edit the data, not this page. -->\n"
            f'{{{{ plan_document("{plan.id}") }}}}\n'
        )
        for area in plan.amnesomraden:
            pages[plan_page(plan.id, f"omrade-{area.nummer}")] = (
                f"# {area.nummer}. {md_text(area.namn)}\n\n"
                f'{{{{ plan_area("{plan.id}", {area.nummer}) }}}}\n'
            )
        pages[plan_page(plan.id, "tidslinje")] = (
            f"# Tidslinje {plan_period(plan)}\n\n"
            f'{{{{ plan_timeline("{plan.id}") }}}}\n'
        )
    # training: one page per education (the module pages are written by hand)
    for edu in site.utbildning.utbildningar:
        pages[education_page(edu.id)] = f"# {md_text(edu.rubrik)}\n\n{{{{ education_modules(\"{edu.id}\") }}}}\n"
    # organisation: one page per role and per party
    for role in site.roller.roller:
        pages[entity_page("roll", role.id, org)[0]] = f"# {md_text(role.namn)}\n\n{{{{ role_page(\"{role.id}\") }}}}\n"
    for party in site.aktorer.aktorer:
        pages[entity_page("aktor", party.id, org)[0]] = f"# {md_text(party.namn)}\n\n{{{{ party_page(\"{party.id}\") }}}}\n"
    return pages


def generated_files(site: SiteData) -> dict[str, bytes]:
    """Files generated from data at build time (downloads), by site path."""
    files: dict[str, bytes] = {}
    files[CALENDAR_DOWNLOAD] = calendar_ics(sorted(site.handlingsplaner.values(), key=lambda p: p.period.first_day))
    files[TEMPLATE_DOWNLOAD] = template_rtf(site.barnets_plan, TEMPLATE_NOTE)
    for plan in site.handlingsplaner.values():
        name = lambda part: part_name(site, part)  # noqa: E731
        files[plan_download(plan.id, "csv")] = plan_csv(plan, name)
        files[plan_download(plan.id, "xlsx")] = plan_xlsx(plan, name)
    return files
