"""Where things live: the only module that knows the site's layout.

Paths of generated pages and downloads, which page presents a role or party,
the pages and files generated from data, and which plan is current. Pure: no
mkdocs import; generators get hrefs made from these paths."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from mkdocs.utils.meta import get_data

from .links import address_of, sources_of
from .nav import first_heading
from ..data.models.handlingsplan import Handlingsplan, Part
from ..render.changes import notes_for
from ..render.export import plan_csv, plan_xlsx
from ..render.html import md_text
from ..render.organisation import Org
from ..render.pdf import PdfDoc
from ..render.plan import plan_period_text
from ..render.practice import template_rtf
from ..render.governance import calendar_ics
from ..render.text import sv_date
from ..data.site import SiteData

TEMPLATE_DOWNLOAD = "praxismodellen/barnets-plan-mall.rtf"
TEMPLATE_NOTE = "Mall från handboken Barnens bästa gäller! – i Kronoberg. Innehåller inga personuppgifter förrän den fylls i."
CALENDAR_DOWNLOAD = "styrning/uppfoljningar.ics"
FINANCING_PAGE = "styrning/finansiering.md"
STATUS_PAGE = "styrning/statusrapport.md"
PAPERS_PAGE = "styrning/underlag.md"  # Underlag till styrgruppens möte
REPORT_PAGE = "praxismodellen/anmalningsplikt.md"
# Pages that give guidance: they must carry owner, review and sources in their
# front matter; those in DANGER_FOLDERS also show the "Är ett barn i fara?" box.
GUIDANCE_FOLDERS = ("praxismodellen/", "familj/")
DANGER_FOLDERS = ("praxismodellen/",)


def is_guidance(src_uri: str) -> bool:
    return src_uri.startswith(GUIDANCE_FOLDERS)


def has_danger_box(src_uri: str) -> bool:
    """The page gets the "Är ett barn i fara?" box from the build (under its title)."""
    return src_uri.startswith(DANGER_FOLDERS)


# The kind of each page: shown in every search result and offered as a filter
# (Pagefind filter "typ"). First matching rule wins: (pattern on the source
# path, kind). The words that ask for a kind: KIND_WORDS in macros/steps/search_index.py.
PAGE_KINDS = [
    (r"^familj/", "Lättläst"),
    (r"^praxismodellen/", "Vägledning"),
    (r"^utbildning/m\d\d-", "Utbildningsmodul"),
    (r"^utbildning/", "Utbildning"),
    (r"^handlingsplan/[^/]+/omrade-\d+\.md$", "Aktivitet i handlingsplanen"),
    (r"^handlingsplan/", "Handlingsplan"),
    (r"^roller/parter/", "Part"),
    (r"^roller/", "Roll"),
    (r"^styrning/beslut\.md$", "Beslut"),
    (r"^styrning/(statusrapport|kalender)\.md$", "Uppföljning"),
    (r"^styrning/", "Styrning och finansiering"),
    (r"^ordlista\.md$", "Ordlista"),
    (r"^om-webbplatsen/andringar\.md$", "Ändringar"),
    (r".", "Om handboken"),
]


def page_kind(src_uri: str) -> str:
    for pattern, kind in PAGE_KINDS:
        if re.search(pattern, src_uri):
            return kind
    return PAGE_KINDS[-1][1]


def role_page(role_id: str) -> str:
    return f"roller/{role_id}.md"


def party_page(party_id: str) -> str:
    return f"roller/parter/{party_id}.md"


def role_of_page(src: str) -> str | None:
    """The role id a generated role page presents ("roller/x.md" -> "x"), else None."""
    m = re.fullmatch(r"roller/([^/]+)\.md", src)
    return m.group(1) if m and src != "roller/index.md" else None


def plan_area_of_page(src: str) -> tuple[str, int] | None:
    """(plan id, area number) of a generated subject-area page, else None."""
    m = re.fullmatch(r"handlingsplan/([^/]+)/omrade-(\d+)\.md", src)
    return (m.group(1), int(m.group(2))) if m else None


# The review queue, and where the data of each kind is shown (macros/domain/review.py).
QUEUE_PAGE = "redaktorer/granskning.md"
DATA_PAGES = (
    ("ordlista", "ordlista.md"),
    ("lagar", "praxismodellen/lagar.md"),
    ("beslut", "styrning/beslut.md"),
    ("finansiering", "styrning/finansiering.md"),
    ("steg", "praxismodellen/steg-for-steg.md"),
    ("samverkansansvarig", "praxismodellen/samverkansansvarig.md"),
    ("bba", "praxismodellen/bba.md"),
    ("organisation", "roller/index.md"),
    ("statusrapport", STATUS_PAGE),
)


def plan_page(plan_id: str, name: str = "index") -> str:
    """Docs path of a plan's generated pages: "handlingsplan/2019-2023/index.md"."""
    return f"handlingsplan/{plan_id}/{name}.md"


def area_page(plan_id: str, number: int) -> str:
    """Docs path of a subject area's generated page: "handlingsplan/2019-2023/omrade-1.md"."""
    return plan_page(plan_id, f"omrade-{number}")


def plan_download(plan_id: str, ext: str) -> str:
    return f"handlingsplan/{plan_id}/handlingsplan-{plan_id}.{ext}"


def module_page(site: SiteData, module_id: str) -> str:
    """Docs path of a training module's page: "utbildning/m03-barnets-plan.md"."""
    return f"utbildning/{site.get('modul', module_id).adress}.md"


def education_page(education_id: str) -> str:
    return f"utbildning/utbildningar/{education_id}.md"


def entity_page(kind: str, id_: str, org: Org) -> tuple[str, str | None] | None:
    """(docs path, anchor) of the page that presents a role or party, or None."""
    if kind == "roll":
        return (role_page(id_), None)
    if kind == "aktor":
        return party_target(id_, org)
    return None


def party_target(aktor_id: str, org: Org) -> tuple[str, str | None]:
    """(docs path, anchor) of a party: its own page, or its unit's place on its party's page."""
    if aktor_id in org.unit_of:
        return (party_page(org.unit_of[aktor_id]), f"enhet-{aktor_id}")
    return (party_page(aktor_id), None)


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


# ---------------------------------------------------------------- change notes, PDFs, editors' guide
# Where the change log, its feed, the editors' pages and the PDF documents live,
# and which built pages make up each PDF (macros/steps/pdf.py writes them after the pages).

# This checkout (where the package is installed from): only the default of a
# Context made outside a build (tests, command line); a build uses its own project.
PROJECT = Path(__file__).resolve().parent.parent.parent
CHANGE_LOG_PAGE = "om-webbplatsen/andringar.md"
ABOUT_PAGE = "om-webbplatsen/index.md"  # explains the provenance marks (#grund)
GUIDE_PAGE = "redaktorer/redigera.md"
MACROS_PAGE = "redaktorer/makron.md"
FEED_FILE = "andringar.xml"
FEED_STYLESHEET = "andringar.xsl"  # shows the feed as a Swedish page in a browser
STATEMENT_PAGE = "om-webbplatsen/tillganglighet.md"  # the accessibility statement (DOS-lagen)
ABOUT_SITE_PAGE = "om-webbplatsen/index.md"
FEED_TITLE = "Ändringar – Barnens bästa gäller! – i Kronoberg"
PLAN_PDF = "handlingsplan/{plan}/handlingsplan-{plan}.pdf"
PRACTICE_PDF = "praxismodellen/praxismodellen.pdf"
PRACTICE_FOLDER = "praxismodellen/"
MODULE_PDF = "utbildning/{adress}.pdf"
TEMPLATE_PAGE = "praxismodellen/mall-barnets-plan.md"
TEMPLATE_PDF = "praxismodellen/barnets-plan-mall.pdf"
STATUS_PDF = "styrning/statusrapport.pdf"


def moved_addresses(site: SiteData) -> dict[str, str]:
    """{old address: new address} for every moved page (data/adresser.yaml)."""
    return {a.adress: a.flyttad_till for a in site.adresser.adresser if a.flyttad_till}


def address_source(address: str, generated: dict[str, str], docs_dir: Path) -> str | None:
    """The source of the page published at `address` ("/a/b/" -> "a/b.md" or "a/b/index.md"), or None."""
    return next((src for src in sources_of(address) if src in generated or (docs_dir / src).is_file()), None)


def page_title(src: str, generated: dict[str, str], docs_dir: Path) -> str:
    """A page's title as Markdown text: front matter `title`, else its first `# ` heading."""
    text = generated.get(src)
    if text is None:
        text = (docs_dir / src).read_text(encoding="utf-8")
    return text_title(text) or src


def front_matter(text: str) -> tuple[str, dict]:
    """(the Markdown body, the front matter) of a page's text, read as mkdocs reads it."""
    return get_data(text)


def text_title(text: str) -> str | None:
    """The title of a page's text as mkdocs gives it: front matter `title`,
    else its first "# " heading (without an attr_list suffix), else None."""
    body, meta = get_data(text)
    title = meta.get("title")
    return str(title) if title else first_heading(body)


def page_notes(site: SiteData, src: str) -> list:
    """The change notes about a page, newest first (moved addresses followed)."""
    return notes_for(address_of(src), site.andringar.andringar, moved_addresses(site))


def pdf_of_page(site: SiteData, src: str) -> tuple[str, str] | None:
    """(site path of the PDF, link text) when `src` is the page a PDF belongs to."""
    for plan in site.handlingsplaner.values():
        if src == plan_page(plan.id):
            return (PLAN_PDF.format(plan=plan.id), "Ladda ner hela handlingsplanen som PDF")
    if src == PRACTICE_FOLDER + "index.md":
        return (PRACTICE_PDF, "Ladda ner hela praxismodellen som PDF (alla sidor i ordning)")
    if src == TEMPLATE_PAGE:
        return (TEMPLATE_PDF, "Ladda ner mallen som PDF")
    if src == STATUS_PAGE:
        return (STATUS_PDF, "Ladda ner statusrapporten som PDF")
    for mod in site.utbildning.moduler:
        if src == f"utbildning/{mod.adress}.md":
            return (MODULE_PDF.format(adress=mod.adress), "Ladda ner modulen som PDF att dela ut")
    return None


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
