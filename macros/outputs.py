"""What the build makes from the data besides the handwritten pages: the
generated pages (Markdown with one-line macro calls), the downloads, the
change notes that concern a page, and the makeup and date of each PDF
document. Paths come from macros/paths/layout.py, markup from macros/render/;
used by the glue (macros/build.py, macros/context.py, the hooks) and by
macros/steps/pdf.py."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .data.models.handlingsplan import Handlingsplan
from .data.site import SiteData
from .domain.organisation import Org, part_name
from .paths.layout import (
    CALENDAR_DOWNLOAD,
    MODULE_PDF,
    PLAN_PDF,
    PRACTICE_FOLDER,
    PRACTICE_PDF,
    PROJECT,
    STATUS_PAGE,
    STATUS_PDF,
    TEMPLATE_DOWNLOAD,
    TEMPLATE_NOTE,
    TEMPLATE_PAGE,
    TEMPLATE_PDF,
    area_page,
    education_page,
    moved_addresses,
    page_title,
    party_target,
    plan_download,
    plan_page,
    role_page,
)
from .paths.links import address_of
from .render.changes import notes_for
from .render.export import plan_csv, plan_xlsx
from .render.governance import calendar_ics
from .render.html import md_text
from .render.pdf import PdfDoc
from .render.plan import plan_period_text
from .render.practice import template_rtf
from .render.text import sv_date


def plan_period(plan: Handlingsplan) -> str:
    return plan_period_text(plan).replace("-", "–")


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
            "{{ status_report_link() }}\n\n"
            "<!-- Generated from data/handlingsplan/: edit the data, not this page. -->\n"
            f'{{{{ plan_document("{plan.id}") }}}}\n'
        )
        for area in plan.amnesomraden:
            pages[area_page(plan.id, area.nummer)] = (
                f"# {area.nummer}. {md_text(area.namn)}\n\n"
                f'{{{{ plan_area("{plan.id}", {area.nummer}) }}}}\n\n'
                "{{ status_report_link() }}\n"
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
        # A role with a guidance page of the same name gets its own title (issue 21).
        title = f"Rollen {role.namn}" if role.vagledning else role.namn
        pages[role_page(role.id)] = f"# {md_text(title)}\n\n{{{{ role_page(\"{role.id}\") }}}}\n"
    local = {k.id for k in site.lokalt.kommuner}
    for party in site.aktorer.aktorer:
        # the municipality's local addition (data/lokalt.yaml) near the top; the county's routes on the region's and police's pages
        top = ""
        if party.id in local:
            top = f'{{{{ lokala_kontakter("{party.id}") }}}}\n\n'
        elif any(r.aktor == party.id for r in site.lokalt.lansgemensamt) and party.typ != "grupp":
            top = f'{{{{ kontaktvagar("{party.id}") }}}}\n\n'
        pages[party_target(party.id, org)[0]] = f"# {md_text(party.namn)}\n\n{top}{{{{ party_page(\"{party.id}\") }}}}\n"
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


def page_notes(site: SiteData, src: str) -> list:
    """The change notes about a page, newest first (moved addresses followed)."""
    return notes_for(address_of(src), site.andringar.andringar, moved_addresses(site))


def _nav_sources(nav) -> list[str]:
    out: list[str] = []
    for item in nav or []:
        values = item.values() if isinstance(item, dict) else [item]
        for value in values:
            out += _nav_sources(value) if isinstance(value, list) else ([value] if isinstance(value, str) else [])
    return out


def _dated(site: SiteData, srcs: list[str], lead: str = "") -> tuple[str, dt.date]:
    """The date of a document's data: its pages' newest change note, else the
    handbook's newest change. Never the clock."""
    days = [n.datum for s in srcs for n in page_notes(site, s)]
    if days:
        return (lead + f"Innehållet ändrades senast {sv_date(max(days))}.", max(days))
    day = max(n.datum for n in site.andringar.andringar)
    return (lead + f"Handbokens innehåll ändrades senast {sv_date(day)}.", day)


def pdf_documents(site: SiteData, nav, docs_dir: Path = PROJECT / "docs") -> list[PdfDoc]:
    """Every PDF of the site: path, title, pages (sources, in order), date of
    its data. `nav` is mkdocs.yml's nav (the practice model in nav order)."""
    docs = []
    for plan in site.handlingsplaner.values():
        revised = plan.revisioner[-1].datum if plan.revisioner else plan.faststalld
        lead = f"Planen fastställdes {sv_date(plan.faststalld)} och reviderades senast {sv_date(revised)}. "
        text, day = _dated(site, [plan_page(plan.id)], lead)
        docs.append(PdfDoc(PLAN_PDF.format(plan=plan.id), plan.titel, (plan_page(plan.id),), text, max(day, revised), "Handlingsplan"))
    practice = [s for s in _nav_sources(nav) if s.startswith(PRACTICE_FOLDER)]
    if practice:
        text, day = _dated(site, practice)
        docs.append(PdfDoc(PRACTICE_PDF, "Praxismodellen", tuple(practice), text, day, "Vägledning"))
    for mod in site.utbildning.moduler:
        src = f"utbildning/{mod.adress}.md"
        text, day = _dated(site, [src])
        title = f"Modul {mod.id[1:].lstrip('0')}: {mod.titel}"
        docs.append(PdfDoc(MODULE_PDF.format(adress=mod.adress), title, (src,), text, day, "Utbildningsmodul att dela ut"))
    text, day = _dated(site, [TEMPLATE_PAGE])
    docs.append(PdfDoc(TEMPLATE_PDF, "Mall för barnets plan", (TEMPLATE_PAGE,), text, day, "Mall"))
    text, day = _dated(site, [STATUS_PAGE])
    docs.append(PdfDoc(STATUS_PDF, page_title(STATUS_PAGE, {}, docs_dir), (STATUS_PAGE,), text, day, "Statusrapport"))
    return docs
