"""The PDF documents of the built site, opened with pikepdf and pypdf.

What is checked for PDF/UA (veraPDF is not available here): tagged (a
structure tree, /MarkInfo /Marked true, PDF/UA identification in XMP), /Lang
sv, a title in the document information and XMP with /DisplayDocTitle,
bookmarks, every font embedded (a FontFile* in each descriptor), /Tabs /S on
every page, table header cells (TH) with /Scope, annotations in the structure
tree with /Contents, figures with /Alt, no link to a local file. Not checked:
the rest of the Matterhorn protocol (e.g. reading order and heading nesting as
a person would judge them, colour contrast, the quality of link descriptions).
Expected contents come from the YAML data and hand-written values, not from
the code that renders the PDFs.
"""

from __future__ import annotations

import datetime as dt
from html import unescape
import re
from pathlib import Path

import pikepdf
import pypdf
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent

# Every PDF the site must have, with the page that links to it (hand-written).
EXPECTED = {
    "handlingsplan/2019-2023/handlingsplan-2019-2023.pdf": "handlingsplan/2019-2023/index.html",
    "praxismodellen/praxismodellen.pdf": "praxismodellen/index.html",
    "praxismodellen/barnets-plan-mall.pdf": "praxismodellen/mall-barnets-plan/index.html",
    **{
        f"utbildning/{m}.pdf": f"utbildning/{m}/index.html"
        for m in [
            "m01-varfor-och-vad",
            "m02-praxismodellen",
            "m03-barnets-basta-hjulet",
            "m04-bba-och-overlamning",
            "m05-barnets-plan",
            "m06-informationsdelning",
            "m07-anmalningsplikt",
            "m08-barnets-delaktighet",
            "m09-samverkan",
        ]
    },
}


def norm(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pdf_text(path: Path) -> list[str]:
    """The text of each page, runs of white space as one space."""
    return [" ".join(page.extract_text().split()) for page in pypdf.PdfReader(path).pages]


def structure(pdf: pikepdf.Pdf):
    """Every structure element, depth first."""
    out = []

    def walk(node):
        k = node.get("/K")
        kids = list(k) if isinstance(k, pikepdf.Array) else ([k] if k is not None else [])
        for kid in kids:
            if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                out.append(kid)
                walk(kid)

    walk(pdf.Root.StructTreeRoot)
    return out


def fonts(pdf: pikepdf.Pdf):
    seen = {}
    for page in pdf.pages:
        res = page.obj.get("/Resources")
        for f in (res.get("/Font") or {}).values() if res is not None else []:
            seen[f.objgen] = f
            for d in f.get("/DescendantFonts") or []:
                seen[d.objgen] = d
    return list(seen.values())


def test_every_pdf_is_built_and_linked_from_its_page(built_site: Path):
    built = sorted(str(p.relative_to(built_site)) for p in built_site.rglob("*.pdf"))
    assert built == sorted(EXPECTED)
    for pdf, page in EXPECTED.items():
        html = (built_site / page).read_text(encoding="utf-8")
        name = pdf.rsplit("/", 1)[1]
        assert re.search(rf'<a href="[^"]*{re.escape(name)}" type="application/pdf">', html), f"{page} does not link {pdf}"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_pdf_ua_structure(built_site: Path, name: str):
    path = built_site / name
    with pikepdf.open(path) as pdf:
        root = pdf.Root
        assert "/StructTreeRoot" in root, "not tagged"
        assert bool(root.MarkInfo.Marked) is True
        assert str(root.Lang) == "sv"
        title = str(pdf.docinfo.get("/Title", ""))
        assert title.strip(), "no title"
        assert bool(root.ViewerPreferences.DisplayDocTitle) is True
        with pdf.open_metadata() as meta:
            assert meta.get("dc:title") == title
            assert meta.get("pdfuaid:part") == "1"
        # Bookmarks: at least one, the first heading of the content.
        with pdf.open_outline() as outline:
            assert outline.root, "no bookmarks"
        # Fonts: every font (and descendant font) with a descriptor has the font file.
        found = fonts(pdf)
        assert found
        for f in found:
            desc = f.get("/FontDescriptor")
            if f.get("/Subtype") == "/Type0":
                continue  # its descendant carries the descriptor
            assert desc is not None, f"font {f.get('/BaseFont')} without descriptor"
            assert any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")), f"font {f.get('/BaseFont')} not embedded"
        for page in pdf.pages:
            assert page.obj.get("/Tabs") == "/S"
            for annot in page.obj.get("/Annots") or []:
                # PDF/UA: every annotation is in the structure tree and has a Contents entry.
                assert "/StructParent" in annot and "/Contents" in annot
                uri = str(annot.get("/A", {}).get("/URI", "")) if "/A" in annot else ""
                assert not uri.startswith("file:"), f"link to a local file: {uri}"
        elements = structure(pdf)
        kinds = {str(e.S) for e in elements}
        assert {"/H1", "/P"} <= kinds
        assert all("/Alt" in e for e in elements if e.S == "/Figure"), "a figure without alternative text"
        for th in (e for e in elements if e.S == "/TH"):
            assert th.A.Scope in (pikepdf.Name.Column, pikepdf.Name.Row)
    pages = pdf_text(path)
    n = len(pages)
    for i, text in enumerate(pages, start=1):
        assert f"Sida {i} av {n}" in text


def test_the_plan_pdf_holds_every_activity_with_repeated_headers_and_scopes(built_site: Path):
    plan = yaml.safe_load((ROOT / "data/handlingsplan/2019-2023.yaml").read_text(encoding="utf-8"))
    activities = [a for area in plan["amnesomraden"] for a in area["aktiviteter"]]
    assert len(activities) == 23
    path = built_site / "handlingsplan/2019-2023/handlingsplan-2019-2023.pdf"
    pages = pdf_text(path)
    whole = norm("".join(pages))
    missing = [a["id"] for a in activities if norm(a["text"]) not in whole]
    assert not missing, f"activities missing from the plan PDF: {missing}"
    # The table header row stands on every page that holds rows of the plan.
    with_rows = [i for i, text in enumerate(pages, start=1) if any(norm(a["text"])[:40] in norm(text) for a in activities)]
    assert len(with_rows) >= 3
    for i in with_rows:
        assert "Ansvarig utförare" in pages[i - 1], f"no table header on page {i}"
    # The revision date of the plan (data) and the newest change note for the page.
    assert "16 juni 2021" in pages[0]
    with pikepdf.open(path) as pdf:
        ths = [e for e in structure(pdf) if e.S == "/TH"]
        # 6 tables: 5 column headers each, one row header per activity.
        assert sum(1 for t in ths if t.A.Scope == "/Column") >= 6 * 5
        assert sum(1 for t in ths if t.A.Scope == "/Row") >= 23
        tds = [e for e in structure(pdf) if e.S == "/TD"]
        assert all("/Headers" in t.A for t in tds)


def test_each_pdf_is_dated_from_the_change_notes_not_the_clock(built_site: Path):
    notes = yaml.safe_load((ROOT / "data/andringar.yaml").read_text(encoding="utf-8"))["andringar"]
    months = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"]

    def newest(address: str) -> dt.date:
        return max(n["datum"] for n in notes if address in n["sidor"])

    for name, page in EXPECTED.items():
        address = "/" + page.removesuffix("index.html")
        day = newest(address)
        if name.startswith("praxismodellen/praxismodellen"):
            day = max(n["datum"] for n in notes if any(s.startswith("/praxismodellen/") for s in n["sidor"]))
        cover = pdf_text(built_site / name)[0]
        assert f"Innehållet ändrades senast {day.day} {months[day.month - 1]} {day.year}." in cover, name
        with pikepdf.open(built_site / name) as pdf:
            assert str(pdf.docinfo["/CreationDate"]).startswith("D:" + max(day, dt.date(2021, 6, 16) if "handlingsplan" in name else day).strftime("%Y%m%d"))


def test_practice_model_pdf_has_every_guidance_page_in_nav_order(built_site: Path):
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    order = re.findall(r"^\s+- (praxismodellen/[a-z\-]+)\.md$", config, re.M)
    assert len(order) >= 10
    titles = []
    for src in order:
        page = "praxismodellen/" if src.endswith("/index") else src + "/"
        html = (built_site / (page.replace("praxismodellen/index/", "praxismodellen/")) / "index.html").read_text(encoding="utf-8")
        h1 = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)
        titles.append(unescape(re.sub(r"<a class=\"headerlink\".*?</a>|<[^>]+>", "", h1)).strip())
    with pikepdf.open(built_site / "praxismodellen/praxismodellen.pdf") as pdf, pdf.open_outline() as outline:
        top = [item.title for item in outline.root]
    assert top == titles


def test_pdfs_are_reproducible_and_fetch_nothing(tmp_path: Path, built_site: Path):
    """The same page gives the same bytes; a reference to another host or to
    a file outside the site is refused, not fetched."""
    from macros.render.pdf import PdfDoc, local_fetcher, print_document, render_pdf

    doc = PdfDoc("x.pdf", "Prov", ("a/",), "Innehållet ändrades senast 1 januari 2026.", dt.date(2026, 1, 1), "Prov")
    html = print_document(doc, ['<h1>Rubrik</h1><p>Text.</p><img src="https://example.org/bild.png" alt="bild">'])
    site = tmp_path / "site"
    site.mkdir()
    first = render_pdf(html, site, site)
    second = render_pdf(html, site, site)
    assert first == second
    fetch = local_fetcher(site)
    with pytest.raises(ValueError):
        fetch("https://example.org/bild.png")
    with pytest.raises(ValueError):
        fetch((tmp_path / "hemlig.txt").as_uri())


def test_links_inside_a_document_stay_inside_it():
    from macros.render.pdf import section_html

    article = (
        '<h1 id="rubrik">A</h1><p><a href="../b/#x">till b</a> <a href="../c/">till c</a> '
        '<a href="#rubrik">upp</a> <a href="https://example.org/">ute</a></p>'
    )
    out = section_html(article, 1, "p/a/", {"p/a/": 1, "p/b/": 2})
    assert 'id="s1-rubrik"' in out
    assert 'href="#s2-x"' in out
    assert 'href="#s1-rubrik"' in out
    assert 'href="https://example.org/"' in out
    assert "till c" in out and "../c/" not in out


def test_collapsed_blocks_are_open_on_paper():
    from macros.render.pdf import section_html

    out = section_html("<details><summary>Visa ändringarna (2)</summary><ul><li>a</li></ul></details>", 1, "a/", {"a/": 1})
    assert "<details" not in out and "<summary" not in out
    assert '<p class="utskrift-rubrik">Ändringarna (2)</p>' in out and "<li>a</li>" in out
