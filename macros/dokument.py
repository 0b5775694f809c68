"""Glue for documents to take away, change notes and the editors' guide.

The only place that knows where these live on the site: the change log page,
the Atom feed, which built pages make up which PDF and where each PDF is
published. Generators (render/andringar.py, render/pdf.py, render/redigera.py)
get hrefs and models. Used by define_env (macros), hooks_dokument.py (page
blocks, the feed file) and tools/pdf.py (the PDFs, after mkdocs).
"""

from __future__ import annotations

import re
from pathlib import Path

from .links import Links, url_of

LOG_PAGE = "om-webbplatsen/andringar.md"
GUIDE_PAGE = "om-webbplatsen/redigera.md"
MACROS_PAGE = "om-webbplatsen/makron.md"
FEED_FILE = "andringar.xml"
FEED_TITLE = "Ändringar – Barnens bästa gäller! – i Kronoberg"

PLAN_PDF = "handlingsplan/{plan}/handlingsplan-{plan}.pdf"
PRACTICE_PDF = "praxismodellen/praxismodellen.pdf"
MODULE_PDF = "utbildning/{adress}.pdf"
TEMPLATE_PDF = "praxismodellen/barnets-plan-mall.pdf"
PRACTICE_FOLDER = "praxismodellen/"
TEMPLATE_PAGE = "praxismodellen/mall-barnets-plan.md"


# ---------------------------------------------------------------- addresses and pages


def address_of(src: str) -> str:
    """"praxismodellen/bba.md" -> "/praxismodellen/bba/"."""
    return "/" + url_of(src)


def moved(site) -> dict[str, str]:
    return {a.adress: a.flyttad_till for a in site.adresser.adresser if a.flyttad_till}


def source_of(address: str, docs_dir: Path, generated: dict[str, str]) -> str | None:
    """The source file of the page published at `address`, or None."""
    stem = address.strip("/")
    for cand in ([f"{stem}.md", f"{stem}/index.md"] if stem else ["index.md"]):
        if cand in generated or (docs_dir / cand).is_file():
            return cand
    return None


_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def title_of(src: str, docs_dir: Path, generated: dict[str, str]) -> str:
    """A page's title as Markdown text: front matter `title`, else its first `# ` heading."""
    text = generated.get(src)
    if text is None:
        text = (docs_dir / src).read_text(encoding="utf-8")
    m = _FRONT.match(text)
    if m:
        t = re.search(r"^title:\s*(.+)$", m.group(1), re.M)
        if t:
            return t.group(1).strip().strip("\"'")
        text = text[m.end():]
    h1 = re.search(r"^# (.+?)\s*(\{[^}]*\})?\s*$", text, re.M)
    return h1.group(1) if h1 else src


def plain(markdown_text: str) -> str:
    """Markdown inline text (as md_text escapes it) back to plain text."""
    text = re.sub(r"\\(.)", r"\1", markdown_text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


# ---------------------------------------------------------------- change notes


def page_notes(site, src: str) -> list:
    from .render.andringar import notes_for

    return notes_for(address_of(src), site.andringar.andringar, moved(site))


def page_markdown(markdown: str, src: str, site, directory_urls: bool = True) -> str:
    """Add the PDF link (after the first heading) and the page's change notes
    (at the end) to a page's Markdown."""
    from .render.andringar import note_anchor, page_block
    from .render.pdf import pdf_link

    here = Links(src, directory_urls)
    pdf = pdf_of_page(site, src)
    if pdf is not None:
        lines = markdown.split("\n")
        at = next((i for i, line in enumerate(lines) if line.startswith("# ")), -1) + 1
        lines[at:at] = ["", pdf_link(here.to(pdf[0]), pdf[1]), ""]
        markdown = "\n".join(lines)
    block = page_block(page_notes(site, src), lambda n: here.to(LOG_PAGE, note_anchor(n)), here.to(LOG_PAGE))
    return markdown + ("\n\n" + block + "\n" if block else "")


def feed_bytes(site, docs_dir: Path, generated: dict[str, str], directory_urls: bool = True) -> bytes:
    """andringar.xml, links relative to the feed (at the site's root)."""
    from .render.andringar import atom_feed, note_anchor

    here = Links("andringar.xml", directory_urls)
    where = moved(site)

    def page_href(address: str) -> str:
        src = source_of(address, docs_dir, generated)
        return here.to(src) if src else address.lstrip("/")

    def page_title(address: str) -> str:
        src = source_of(address, docs_dir, generated)
        return plain(title_of(src, docs_dir, generated)) if src else address

    return atom_feed(
        site.andringar.andringar,
        title=FEED_TITLE,
        feed_href=FEED_FILE,
        log_href=here.to(LOG_PAGE),
        note_href=lambda n: here.to(LOG_PAGE, note_anchor(n)),
        page_href=page_href,
        page_title=page_title,
        moved=where,
    )


# ---------------------------------------------------------------- PDFs


def _flat(nav) -> list[str]:
    out: list[str] = []
    for item in nav or []:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                out += _flat(value) if isinstance(value, list) else ([value] if isinstance(value, str) else [])
        elif isinstance(item, list):
            out += _flat(item)
    return out


def pdf_documents(site, nav) -> list:
    """Every PDF of the site: where it goes, its title, its pages (sources, in
    order) and the date of its data. `nav` is mkdocs.yml's nav."""
    from .render.pdf import PdfDoc
    from .render.text import sv_date

    def dated(srcs: list[str], lead: str = "") -> tuple[str, object]:
        days = [n.datum for s in srcs for n in page_notes(site, s)]
        if days:
            day = max(days)
            return (lead + f"Innehållet ändrades senast {sv_date(day)}.", day)
        # No note about these pages (yet): the date of the newest change of the handbook.
        day = max(n.datum for n in site.andringar.andringar)
        return (lead + f"Handbokens innehåll ändrades senast {sv_date(day)}.", day)

    docs = []
    for plan in site.handlingsplaner.values():
        src = f"handlingsplan/{plan.id}/index.md"
        revised = plan.revisioner[-1].datum if plan.revisioner else plan.faststalld
        text, day = dated([src], f"Planen fastställdes {sv_date(plan.faststalld)} och reviderades senast {sv_date(revised)}. ")
        docs.append(PdfDoc(PLAN_PDF.format(plan=plan.id), plan.titel, (src,), text, max(day, revised), "Handlingsplan"))
    practice = [s for s in _flat(nav) if s.startswith(PRACTICE_FOLDER)]
    if practice:
        text, day = dated(practice)
        docs.append(PdfDoc(PRACTICE_PDF, "Praxismodellen", tuple(practice), text, day, "Vägledning"))
    for mod in site.utbildning.moduler:
        src = f"utbildning/{mod.adress}.md"
        text, day = dated([src])
        docs.append(PdfDoc(MODULE_PDF.format(adress=mod.adress), f"Modul {mod.id[1:].lstrip('0')}: {mod.titel}", (src,), text, day, "Utbildningsmodul, handout"))
    text, day = dated([TEMPLATE_PAGE])
    docs.append(PdfDoc(TEMPLATE_PDF, "Mall för barnets plan", (TEMPLATE_PAGE,), text, day, "Mall"))
    return docs


def pdf_of_page(site, src: str) -> tuple[str, str] | None:
    """(site path of the PDF, link text) for the page that a PDF belongs to."""
    if src.startswith("handlingsplan/") and src.endswith("/index.md") and src.count("/") == 2:
        plan = src.split("/")[1]
        if plan in site.handlingsplaner:
            return (PLAN_PDF.format(plan=plan), "Ladda ner hela handlingsplanen som PDF")
    if src == PRACTICE_FOLDER + "index.md":
        return (PRACTICE_PDF, "Ladda ner hela praxismodellen som PDF (alla sidor i ordning)")
    if src == TEMPLATE_PAGE:
        return (TEMPLATE_PDF, "Ladda ner mallen som PDF")
    for mod in site.utbildning.moduler:
        if src == f"utbildning/{mod.adress}.md":
            return (MODULE_PDF.format(adress=mod.adress), "Ladda ner modulen som PDF (handout)")
    return None


# ---------------------------------------------------------------- macros


def register(env, site, links) -> None:
    """The macros of the change log and the editors' guide (one block in define_env)."""
    import macros

    docs_dir = Path(env.conf["docs_dir"])

    def generated() -> dict[str, str]:
        if not hasattr(site, "_generated_pages"):
            site._generated_pages = macros.generated_pages(site)
        return site._generated_pages

    @env.macro
    def change_log() -> str:
        """Every change note, newest first, grouped by date, with links to the pages."""
        from .render.andringar import change_log as render

        def page_link(address: str) -> str | None:
            src = source_of(address, docs_dir, generated())
            return f"[{title_of(src, docs_dir, generated())}]({links().md(src)})" if src else None

        return render(site.andringar.andringar, moved(site), page_link)

    @env.macro
    def change_kinds() -> str:
        """What the three kinds of change mean (ny, ändrad innebörd, språklig)."""
        from .render.andringar import kind_legend

        return kind_legend()

    @env.macro
    def change_feed_link() -> str:
        """A link to the Atom feed of the change notes."""
        return f"[Prenumerera på ändringarna (Atom-flöde, andringar.xml)]({links().md(FEED_FILE)})"

    @env.macro
    def data_error_examples() -> str:
        """The validator's real messages for a few deliberately broken copies of data/."""
        from .felexempel import produce
        from .render.redigera import error_examples

        return error_examples(produce(Path(env.project_dir) / "data"))
