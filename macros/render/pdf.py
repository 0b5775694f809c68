"""Accessible PDF documents (PDF/UA-1) made from the built pages of the site.

A document is one or more built pages (the article of each, in order) under
a title block (what the document is, the handbook, the date of the data it
was made from, the full address of its page on the site; a list of contents
when it holds several pages), laid out with a dedicated print stylesheet
(pdf.css beside this file: Swedish hyphenation, table headers repeated on
every page) and written by WeasyPrint as tagged PDF/UA-1: language, title
shown as window title, bookmarks from the headings, embedded fonts, page
numbers. Nothing is fetched from any host: only files below the built site
may be read.

What is for the screen only does not reach paper: the card labels of phone
tables (render/cards.py), buttons, and content a page marks `bbg-skarm`
(with a `bbg-papper` wording for paper beside it).

Pure functions apart from `render_pdf`, which writes one file. No mkdocs, no
page paths: the caller says which built pages make up a document.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlparse

from lxml import html as lh
from markupsafe import Markup

from .html import esc

CSS_FILE = Path(__file__).with_name("pdf.css")


@dataclass(frozen=True)
class PdfDoc:
    """One PDF: where it is published and which pages (site-relative URLs,
    "praxismodellen/bba/") it holds, in order."""

    path: str  # site path of the PDF, "praxismodellen/praxismodellen.pdf"
    title: str
    pages: tuple[str, ...]
    dated: str  # "Innehållet är från 25 november 2026 …": the data's date, never the clock
    date: dt.date  # the same date, for the PDF's metadata
    kind: str  # what the document is, for the cover: "Handlingsplan", "Utbildningsmodul" …


_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*)</article>', re.S)


def article_of(page_html: str) -> str:
    """The content of a built page (Material's article), without the page chrome."""
    m = _ARTICLE.search(page_html)
    if not m:
        raise ValueError("sidan har ingen <article class=\"md-content__inner md-typeset\">")
    return m.group(1)


# What a printed document has no use for: permalinks (¶), the PDF link itself,
# the card labels of phone tables (a printed table has its header row), the
# copy button's status, content marked for the screen only, scripts, forms
# and buttons.
SCREEN_ONLY = "bbg-skarm"  # class of content that is for the screen only
PAPER_ONLY = "bbg-papper"  # class of content that is for paper only (hidden on screen by handbok.css)
_DROP_XPATH = " | ".join(
    [
        *(
            f"//*[contains(concat(' ', normalize-space(@class), ' '), ' {c} ')]"
            for c in ("headerlink", "bbg-pdf", "md-source-file", "bbg-etikett", "bbg-kopierad", SCREEN_ONLY)
        ),
        "//script | //button | //form | //noscript",
    ]
)

# Printed where the site's address (mkdocs.yml `site_url`) should stand when
# it is not set: visibly missing, never a path without a host.
NO_SITE_URL = "[webbplatsens adress saknas: site_url i mkdocs.yml]"


def full_address(site_url: str | None, path: str) -> str:
    """The address a reader types: `site_url` + the site path ("utbildning/m07/"
    or "/utbildning/m07/"); without `site_url`, the path behind a visible
    marker (NO_SITE_URL)."""
    path = path.lstrip("/")
    if not site_url:
        return f"{NO_SITE_URL}/{path}"
    return site_url.rstrip("/") + "/" + path


def section_html(article: str, number: int, url: str, in_doc: dict[str, int], site_url: str | None = None) -> str:
    """One page's article made fit for a combined document.

    Ids get a per-page prefix ("s2-…"), so two pages' "#sammanfattning" stay
    apart. Links to a page in the same document become links inside the PDF;
    links to other pages of the site become absolute when `site_url` is known
    and plain text otherwise (a relative link in a PDF leads nowhere);
    links to other hosts stay. A permanent address shown on the page
    (`code.bbg-adress`, completed by kopiera.js on screen) gets the site's
    address in front (`full_address`)."""
    root = lh.fragment_fromstring(article, create_parent="div")
    for node in root.xpath(_DROP_XPATH):
        parent = node.getparent()
        if parent is not None:
            _remove_keep_tail(node)
    # Collapsed blocks are open on paper: <details> becomes a plain block and
    # its "Visa …" summary a heading-like paragraph without the verb.
    for details in root.xpath("//details"):
        details.tag = "div"
        details.set("class", (details.get("class", "") + " utskrift-detaljer").strip())
        for summary in details.xpath("./summary"):
            summary.tag = "p"
            summary.set("class", "utskrift-rubrik")
            if summary.text and summary.text.startswith("Visa "):
                rest = summary.text[len("Visa "):]
                summary.text = rest[:1].upper() + rest[1:]
    for code in root.xpath("//code[@data-sokvag]"):
        code.text = full_address(site_url, code.get("data-sokvag"))
        for child in list(code):
            code.remove(child)
    prefix = f"s{number}-"
    for node in root.xpath("//*[@id]"):
        node.set("id", prefix + node.get("id"))
    for node in root.xpath("//*[@aria-labelledby or @aria-describedby or @for or @headers]"):
        for attr in ("aria-labelledby", "aria-describedby", "for", "headers"):
            if node.get(attr):
                node.set(attr, " ".join(prefix + v for v in node.get(attr).split()))
    for a in root.xpath("//a[@href]"):
        href = a.get("href")
        parsed = urlparse(href)
        if parsed.scheme in ("http", "https", "mailto"):
            continue
        path, frag = urldefrag(href)
        if not path:
            a.set("href", f"#{prefix}{frag}" if frag else f"#s{number}")
            continue
        target = posixpath.normpath(posixpath.join(posixpath.dirname(url.rstrip("/") + "/x"), unquote(path)))
        target = "" if target == "." else target
        page = target.rstrip("/") + "/" if not posixpath.splitext(target)[1] and target else target
        if page in in_doc:
            n = in_doc[page]
            a.set("href", f"#s{n}-{frag}" if frag else f"#s{n}")
        elif site_url:
            a.set("href", site_url.rstrip("/") + "/" + page + (f"#{frag}" if frag else ""))
        else:
            _unwrap(a)
    return "".join(lh.tostring(child, encoding="unicode") for child in root) if len(root) else (root.text or "")


def _remove_keep_tail(node) -> None:
    parent = node.getparent()
    if node.tail:
        prev = node.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + node.tail
        else:
            parent.text = (parent.text or "") + node.tail
    parent.remove(node)


def _unwrap(a) -> None:
    """Replace an element by its content (a link that leads nowhere in print)."""
    span = a.makeelement("span", {})
    span.text, span.tail = a.text, a.tail
    for child in list(a):
        span.append(child)
    a.getparent().replace(a, span)


def print_document(
    doc: PdfDoc,
    sections: list[str],
    subtitle: str = "Barnens bästa gäller! – i Kronoberg",
    address: str | None = None,
) -> str:
    """The whole HTML document handed to WeasyPrint. `sections` are the
    prepared articles (section_html), in the order of `doc.pages`.

    Page 1 opens with a title block, not a cover of its own: what the
    document is and the handbook, the title (only when the document holds
    several pages: a single page's own heading is its title), the date of the
    data, and `address`, the full address of the document's page on the site
    (`full_address`; None: no address line). A document of several pages
    lists them (the first heading of each) with page numbers, and its first
    page of content starts on a new sheet."""
    block = [Markup('<p class="titelblock__sort">{} · {}</p>').format(doc.kind, subtitle)]
    if len(sections) > 1:
        block.append(Markup('<p class="titelblock__titel">{}</p>').format(doc.title))
    block.append(Markup('<p class="titelblock__datum">{}</p>').format(doc.dated))
    if address:
        block.append(
            Markup('<p class="titelblock__adress">Senaste versionen: <span class="titelblock__url">{}</span></p>').format(address)
        )
    block.append(Markup('<p class="titelblock__om">Dokumentet är en utskrift av handbokens webbplats.</p>'))
    several = len(sections) > 1
    if several:
        items = Markup("").join(
            Markup('<li><a href="#s{}">{}</a></li>').format(n, _first_heading(section)) for n, section in enumerate(sections, start=1)
        )
        block.append(Markup('<nav class="innehall" aria-label="Innehåll"><p class="innehall__rubrik">Innehåll</p><ol>{}</ol></nav>').format(items))
    body = [Markup('<header class="titelblock{}">{}</header>').format(" titelblock--flera" if several else "", Markup("").join(block))]
    for n, section in enumerate(sections, start=1):
        body.append(Markup('<section class="sida" id="s{}">{}</section>').format(n, Markup(section)))
    return (
        '<!DOCTYPE html>\n<html lang="sv"><head><meta charset="utf-8">'
        f"<title>{esc(doc.title)}</title>"
        f'<meta name="description" content="{esc(doc.kind)}: {esc(doc.title)}. {esc(doc.dated)}">'
        f'<meta name="author" content="{esc(subtitle)}">'
        f'<meta name="dcterms.created" content="{doc.date.isoformat()}">'
        f'<meta name="dcterms.modified" content="{doc.date.isoformat()}">'
        f"<style>@page {{ @bottom-left {{ content: \"{_css_string(doc.dated)}\"; }} }}</style>"
        "</head><body>" + "".join(str(b) for b in body) + "</body></html>"
    )


def _first_heading(section: str) -> str:
    """The text of a prepared section's first h1 (else its first heading)."""
    root = lh.fragment_fromstring(section, create_parent="div")
    for xpath in ("//h1", "//h2 | //h3"):
        found = root.xpath(xpath)
        if found:
            return " ".join(found[0].text_content().split())
    return ""


def _css_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")


def local_fetcher(root: Path):
    """A WeasyPrint URL fetcher that reads only files below `root` (and data:
    URLs) and refuses everything else: no request to any host, no file
    outside the site."""
    from weasyprint.urls import URLFetcher  # noqa: PLC0415 (heavy, only when writing PDFs)

    root = root.resolve()

    class LocalFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            parsed = urlparse(url)
            if parsed.scheme == "file":
                path = Path(unquote(parsed.path)).resolve()
                if root not in path.parents:
                    raise ValueError(f"PDF: filen ligger utanför webbplatsen ({path})")
            elif parsed.scheme != "data":
                raise ValueError(f"PDF: hämtar inget utanför webbplatsen ({url})")
            return super().fetch(url, headers)

    return LocalFetcher(allowed_protocols=("file", "data"), allow_redirects=False)


def render_pdf(document_html: str, site_root: Path, base_url_path: Path) -> bytes:
    """Tagged PDF/UA-1 bytes of a print document. Table header cells get the
    PDF /Scope their HTML scope gives (WeasyPrint links cells to headers with
    /Headers and IDs; the scope makes each header's direction explicit too)."""
    from weasyprint import CSS, HTML  # noqa: PLC0415 (heavy, only when writing PDFs)

    html = HTML(string=document_html, base_url=base_url_path.resolve().as_uri() + "/", url_fetcher=local_fetcher(site_root))
    pdf = html.write_pdf(
        stylesheets=[CSS(filename=str(CSS_FILE))],
        pdf_variant="pdf/ua-1",
        # The same page text gives the same file: the identifier is a hash of it.
        pdf_identifier=hashlib.sha256(document_html.encode()).hexdigest()[:32].encode(),
        optimize_images=True,
    )
    return add_table_scopes(pdf)


def add_table_scopes(pdf: bytes) -> bytes:
    """Give every TH in the structure tree /Scope /Column or /Row: a TH whose
    ID a data cell of the same row refers to is a row header, any other TH a
    column header (WeasyPrint maps HTML scope="row" to exactly that)."""
    import pikepdf  # noqa: PLC0415 (only when writing PDFs)

    with pikepdf.open(io.BytesIO(pdf)) as doc:
        root = doc.Root.get("/StructTreeRoot")
        if root is None:
            return pdf

        def kids(node):
            k = node.get("/K")
            if k is None:
                return []
            items = list(k) if isinstance(k, pikepdf.Array) else [k]
            return [i for i in items if isinstance(i, pikepdf.Dictionary) and "/S" in i]

        def walk(node):
            for kid in kids(node):
                if kid.get("/S") == "/TR":
                    cells = kids(kid)
                    row_ids = set()
                    for cell in cells:
                        attrs = cell.get("/A")
                        if cell.get("/S") == "/TD" and isinstance(attrs, pikepdf.Dictionary) and "/Headers" in attrs:
                            row_ids |= {bytes(h) for h in attrs.Headers}
                    for cell in cells:
                        if cell.get("/S") == "/TH":
                            attrs = cell.get("/A")
                            if not isinstance(attrs, pikepdf.Dictionary):
                                attrs = pikepdf.Dictionary(O=pikepdf.Name.Table)
                                cell.A = attrs
                            ident = bytes(cell.ID) if "/ID" in cell else None
                            attrs.Scope = pikepdf.Name.Row if ident in row_ids else pikepdf.Name.Column
                walk(kid)

        walk(root)
        out = io.BytesIO()
        doc.save(out, deterministic_id=True)
        return out.getvalue()


def pdf_link(href: str, text: str) -> str:
    """The download link shown on the page a PDF belongs to (raw HTML, one line)."""
    return str(
        Markup('<p class="bbg-pdf"><a href="{}" type="application/pdf">{}</a> (tillgänglig PDF för utskrift, A4)</p>').format(href, text)
    )
