"""Where things live: the only module that knows the site's layout.

Paths of generated pages and downloads, which page presents a role or party,
which page has which PDF, page kinds, and which plan is current. What the
build generates at these paths (pages, downloads, PDF documents) is made in
macros/outputs.py. Pure: no mkdocs import besides its front-matter reader;
generators get hrefs made from these paths."""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.utils.meta import get_data

from typing import TYPE_CHECKING

from .links import sources_of
from .nav import first_heading
from ..data.models.handlingsplan import Handlingsplan
from ..data.site import SiteData

if TYPE_CHECKING:  # a type only: the organisation index is made in macros/domain/organisation.py
    from ..domain.organisation import Org

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
GLOSSARY_PAGE = "ordlista.md"
DATA_PAGES = (
    ("ordlista", GLOSSARY_PAGE),
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


def current_plan(site: SiteData) -> Handlingsplan:
    """The current action plan: the one whose period starts last."""
    return max(site.handlingsplaner.values(), key=lambda p: p.period.first_day)


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
VOCABULARY_FILE = "sok/ordforrad.json"  # the search page's vocabulary (macros/steps/search_index.py)
FEED_STYLESHEET = "andringar.xsl"  # shows the feed as a Swedish page in a browser
STATEMENT_PAGE = "om-webbplatsen/tillganglighet.md"  # the accessibility statement (DOS-lagen)
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
