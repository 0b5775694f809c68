"""The PDF documents of the built site, opened with pikepdf and pypdf.

What is checked for PDF/UA (veraPDF is not available here): tagged (a
structure tree, /MarkInfo /Marked true, PDF/UA identification in XMP), /Lang
sv, a title in the document information and XMP with /DisplayDocTitle,
bookmarks, every font embedded (a FontFile* in each descriptor), /Tabs /S on
every page, table header cells (TH) with /Scope, annotations in the structure
tree with /Contents, figures with /Alt, no link to a local file. Not checked:
the rest of the Matterhorn protocol (e.g. reading order and heading nesting as
a person would judge them, colour contrast, the quality of link descriptions).
A second checker, `pdfua` (PyPI; the machine-checkable subset of PDF/UA-1
on pikepdf), runs over every PDF too.

The text is read back with pypdf, in reading order: the PDFs must read as
paper documents (no card labels of the phone layout, no web-only phrases, the
full address of the page, Swedish hyphenation and no word broken without a
hyphen, a title block on page 1 followed by the content). Expected contents
come from the YAML data and hand-written values, not from the code that
renders the PDFs. Nothing here depends on which fonts are installed or on how
many pages a text takes: the repeated table header is shown with a table of
known length (test_a_long_table_repeats_its_header_and_keeps_rows_whole).
"""

from __future__ import annotations

import datetime as dt
from html import unescape
import re
import shutil
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
    "styrning/statusrapport.pdf": "styrning/statusrapport/index.html",
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


MODULES = [m for m in EXPECTED if m.startswith("utbildning/")]
HYPHEN = "\u2010"  # the hyphen WeasyPrint adds where it splits a word (hyphenate-character)


def norm(text: str) -> str:
    """Text without white space and without the hyphens added at line ends."""
    return re.sub(r"\s+", "", text.replace(HYPHEN, ""))


def pdf_text(path: Path) -> list[str]:
    """The text of each page, runs of white space as one space."""
    return [" ".join(page.extract_text().split()) for page in pypdf.PdfReader(path).pages]


def reading(path: Path) -> str:
    """The whole text as a reader reads it: words split at a line end with a
    hyphen joined again, runs of white space as one space."""
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    return " ".join(re.sub(HYPHEN + r"\s*\n\s*", "", text).split())


def mkdocs_site_url() -> str | None:
    """site_url as written in mkdocs.yml (a plain value or !ENV's default)."""
    m = re.search(r"^site_url:\s*(.+?)\s*$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    if not m:
        return None
    value = m.group(1)
    env = re.match(r"!ENV\s*\[(.*)\]", value)
    if env:
        value = env.group(1).split(",")[-1].strip()
    return value.strip("'\"") or None


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


def _proof_doc(path: str = "x.pdf", pages: tuple[str, ...] = ("a/",)):
    """A print document for a test page (fixed title and date)."""
    from macros.render.pdf import PdfDoc

    return PdfDoc(path, "Prov", pages, "Innehållet ändrades senast 1 januari 2026.", dt.date(2026, 1, 1), "Prov")


def _render_article(tmp_path: Path, article: str) -> Path:
    """One article rendered as a PDF document, as the build renders a page: tmp_path/x.pdf."""
    from macros.render.pdf import print_document, render_pdf, section_html

    out = tmp_path / "x.pdf"
    out.write_bytes(render_pdf(print_document(_proof_doc(), [section_html(article, 1, "a/", {"a/": 1})]), tmp_path, tmp_path))
    return out


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
    # The table header row stands on every page that holds rows of the plan
    # (how many pages that is depends on the fonts; the repeat itself is shown
    # with a table of known length below).
    with_rows = [i for i, text in enumerate(pages, start=1) if any(norm(a["text"])[:40] in norm(text) for a in activities)]
    assert with_rows
    for i in with_rows:
        assert norm("Ansvarig utförare") in norm(pages[i - 1]), f"no table header on page {i}"
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
        first = pdf_text(built_site / name)[0]
        assert f"Innehållet ändrades senast {day.day} {months[day.month - 1]} {day.year}." in first, name
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
    from macros.render.pdf import local_fetcher, print_document, render_pdf

    html = print_document(_proof_doc(), ['<h1>Rubrik</h1><p>Text.</p><img src="https://example.org/bild.png" alt="bild">'])
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


# ---------------------------------------------------------------- a second PDF/UA checker


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_pdfua_finds_nothing(built_site: Path, name: str):
    from pdfua import validate

    report = validate(str(built_site / name))
    assert list(report.findings) == [], [(f.rule_id, f.severity.name, f.message) for f in report.findings]
    assert report.exit_code == 0


def test_pdfua_is_a_real_check(tmp_path: Path):
    """The same kind of document written without PDF/UA tagging is refused."""
    from pdfua import validate
    from weasyprint import HTML

    untagged = tmp_path / "otaggad.pdf"
    untagged.write_bytes(HTML(string="<html><body><h1>Rubrik</h1><p>Text.</p></body></html>").write_pdf())
    report = validate(str(untagged))
    assert report.exit_code == 3 and {f.rule_id for f in report.findings} >= {"UA-01-002"}


# ---------------------------------------------------------------- paper, not screen


def test_the_plan_pdf_prints_no_card_labels(built_site: Path):
    """The phone layout leads each value with its column header
    ("Aktiviteter Ta fram …"); paper has the header row instead."""
    text = reading(built_site / "handlingsplan/2019-2023/handlingsplan-2019-2023.pdf")
    # 1.2 (hand-read from the plan): "Ta fram en instruktion till hur de länsgemensamma verktygen …"
    assert "Ta fram en instruktion" in text
    assert "Aktiviteter Ta fram" not in text
    assert "Ansvarig utförare Processledarna" not in text
    assert "Nr 1.1" not in text and "Tid Q2 2020" not in text
    plan = yaml.safe_load((ROOT / "data/handlingsplan/2019-2023.yaml").read_text(encoding="utf-8"))
    for a in (a for area in plan["amnesomraden"] for a in area["aktiviteter"]):
        first_words = " ".join(a["text"].split()[:3])
        assert first_words in text, a["id"]
        assert f"Aktiviteter {first_words}" not in text, a["id"]
    status = reading(built_site / "styrning/statusrapport.pdf")
    assert "Aktivitet Göra behovsanalys" not in status and "Göra behovsanalys" in status


def _words_of(paths: list[Path]) -> set[str]:
    words = set()
    for path in paths:
        words |= {w.lower() for w in re.findall(r"[^\W\d_]+", path.read_text(encoding="utf-8"))}
    return words


def test_no_word_is_broken_without_a_hyphen(built_site: Path):
    """Read line by line: where a line ends inside a word of the plan (the
    two pieces make a word of the data, and are not words themselves), the
    line ends with the hyphen WeasyPrint adds ("Process‐ledarna", never
    "Processled arna"). Every split that has a hyphen joins to a word."""
    vocabulary = _words_of(sorted((ROOT / "data").rglob("*.yaml")))
    broken, hyphenated = [], 0
    for name in ["handlingsplan/2019-2023/handlingsplan-2019-2023.pdf", "styrning/statusrapport.pdf"]:
        for page in pypdf.PdfReader(built_site / name).pages:
            lines = [line.strip() for line in page.extract_text().split("\n") if line.strip()]
            for before, after in zip(lines, lines[1:]):
                last, first = before.split()[-1], after.split()[0]
                head = re.search(r"([^\W\d_]+)(" + HYPHEN + r")?$", last)
                tail = re.match(r"[^\W\d_]+", first)
                if not head or not tail:
                    continue
                joined = (head.group(1) + tail.group(0)).lower()
                if head.group(2):
                    hyphenated += 1
                    continue
                if joined in vocabulary and not (head.group(1).lower() in vocabulary and tail.group(0).lower() in vocabulary):
                    broken.append(f"{name}: {head.group(1)} | {tail.group(0)}")
    assert not broken, broken[:10]


def test_swedish_hyphenation_in_a_narrow_column(tmp_path: Path):
    """A column far narrower than the words (any font): the words are split
    at Swedish syllables with a hyphen, and joined they are the words."""
    words = ["samverkansstrukturen", "länsgemensamma", "kompetensutveckling"]
    article = (
        '<h1>Prov</h1><table><thead><tr><th scope="col">Smal</th><th scope="col">Bred</th></tr></thead>'
        f'<tbody><tr><td style="width: 18mm">{" ".join(words)}</td><td style="width: 140mm">x</td></tr></tbody></table>'
    )
    out = _render_article(tmp_path, article)
    text = pypdf.PdfReader(out).pages[0].extract_text()
    assert HYPHEN + "\n" in text, text
    joined = re.sub(HYPHEN + r"\s*\n\s*", "", text)
    for word in words:
        assert word in joined, (word, text)
    lines = [line.strip() for line in text.split("\n")]
    pieces = [line for line in lines if line and any(line.rstrip(HYPHEN) in w for w in words)]
    assert all(line.endswith(HYPHEN) or any(w.endswith(line) for w in words) for line in pieces), pieces


@pytest.mark.parametrize("name", MODULES)
def test_module_pdfs_hold_no_web_only_phrases_and_the_full_address(built_site: Path, name: str):
    from macros.render.pdf import NO_SITE_URL

    text = reading(built_site / name)
    for phrase in ["Öppna sedan svaret", "Kopiera länken", "Ladda ner modulen som PDF"]:
        assert phrase not in text, phrase
    assert "Svara först för dig själv. Svaret står under varje fråga." in text
    # The page itself keeps its screen wording (the paper wording hidden there).
    html = (built_site / EXPECTED[name]).read_text(encoding="utf-8")
    assert re.search(r'<p class="bbg-skarm">Svara först för dig själv. Öppna sedan svaret.</p>', html)
    path = "utbildning/" + name.removeprefix("utbildning/").removesuffix(".pdf") + "/"
    site_url = mkdocs_site_url()
    expected = (site_url.rstrip("/") + "/" if site_url else "[webbplatsens adress saknas: site_url i mkdocs.yml]/") + path
    assert NO_SITE_URL == "[webbplatsens adress saknas: site_url i mkdocs.yml]"
    assert norm(f"Permanent adress: {expected}") in norm(text)
    assert norm(f"Senaste versionen: {expected}") in norm(text)
    assert not re.search(r"Permanent adress: /", text), "an address without the site's host"


def test_the_template_pdf_speaks_of_paper(built_site: Path):
    text = reading(built_site / "praxismodellen/barnets-plan-mall.pdf")
    assert "Skriv ut sidan" not in text
    assert "Fyll i mallen tillsammans med barnet och vårdnadshavarna." in text
    assert "Ladda ner mallen som redigerbart dokument" not in text


def test_the_plan_pdf_leaves_the_downloads_to_the_screen(built_site: Path):
    text = reading(built_site / "handlingsplan/2019-2023/handlingsplan-2019-2023.pdf")
    assert "Ladda ner planen" not in text and "Handlingsplanen som CSV" not in text
    assert "Ämnesområdet på en egen sida" not in text and "Tidslinje för alla aktiviteter" not in text
    html = (built_site / "handlingsplan/2019-2023/index.html").read_text(encoding="utf-8")
    assert re.search(r'<div class="bbg-skarm">\s*<h2 id="ladda-ner-planen">Ladda ner planen', html)


def test_addresses_are_full_or_visibly_missing():
    from macros.render.pdf import NO_SITE_URL, full_address, section_html

    assert full_address("https://handbok.kommun.example/", "/utbildning/m07/") == "https://handbok.kommun.example/utbildning/m07/"
    assert full_address("https://x.example/handbok", "utbildning/m07/") == "https://x.example/handbok/utbildning/m07/"
    assert full_address(None, "/utbildning/m07/") == "[webbplatsens adress saknas: site_url i mkdocs.yml]/utbildning/m07/"
    assert NO_SITE_URL in full_address("", "a/")
    page = '<p class="bbg-permalank">Permanent adress: <code class="bbg-adress" data-sokvag="/utbildning/m07/">/utbildning/m07/</code> <button type="button">Kopiera länken</button></p>'
    out = section_html(page, 1, "utbildning/m07/", {}, "https://handbok.kommun.example/")
    assert ">https://handbok.kommun.example/utbildning/m07/</code>" in out and "<button" not in out
    out = section_html(page, 1, "utbildning/m07/", {}, None)
    assert ">[webbplatsens adress saknas: site_url i mkdocs.yml]/utbildning/m07/</code>" in out


def test_screen_only_content_and_card_labels_are_left_out():
    from macros.render.pdf import section_html

    article = (
        '<p class="bbg-skarm">Öppna sedan svaret.</p><p class="bbg-papper">Svaret står under frågan.</p>'
        '<table><tr><td><span class="bbg-etikett" aria-hidden="true">Aktiviteter</span> Ta fram</td></tr></table>'
    )
    out = section_html(article, 1, "a/", {"a/": 1})
    assert "Öppna sedan" not in out and "Svaret står under frågan." in out
    assert "Aktiviteter" not in out and "Ta fram" in out


def test_page_one_is_a_title_block_with_the_content_under_it(built_site: Path):
    """No near-empty cover: page 1 says what the document is and from when,
    and the page's own heading (or, for several pages, the contents) follows."""
    for name, page in EXPECTED.items():
        html = (built_site / page).read_text(encoding="utf-8")
        h1 = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)
        h1 = unescape(re.sub(r'<a class="headerlink".*?</a>|<[^>]+>', "", h1)).strip()
        first = pdf_text(built_site / name)[0]
        assert "BARNENS BÄSTA GÄLLER! – I KRONOBERG" in first, name
        assert "Dokumentet är en utskrift av handbokens webbplats." in first, name
        if name == "praxismodellen/praxismodellen.pdf":
            assert "Innehåll" in first
        else:
            assert h1 in first, (name, h1)
    kinds = {
        "handlingsplan/2019-2023/handlingsplan-2019-2023.pdf": "HANDLINGSPLAN",
        "styrning/statusrapport.pdf": "STATUSRAPPORT",
        "utbildning/m07-anmalningsplikt.pdf": "UTBILDNINGSMODUL ATT DELA UT",
        "praxismodellen/barnets-plan-mall.pdf": "MALL",
    }
    for name, kind in kinds.items():
        assert pdf_text(built_site / name)[0].startswith(kind + " · "), name


def test_the_practice_model_lists_its_pages_with_the_page_each_starts_on(built_site: Path):
    pages = pypdf.PdfReader(built_site / "praxismodellen/praxismodellen.pdf").pages
    texts = [p.extract_text() for p in pages]
    entries = re.findall(r"^(.+?)\s*\.{3,}\s*(\d+)\s*$", texts[0], re.M)
    assert len(entries) >= 10, texts[0]
    for title, number in entries:
        target = " ".join(texts[int(number) - 1].split())
        assert " ".join(title.split()) in target, (title, number)


def test_a_long_table_repeats_its_header_and_keeps_rows_whole(tmp_path: Path):
    """A table of known length, far longer than a page with any font: the
    header row stands on every page, each row whole on one page."""
    rows = "".join(
        f'<tr><th scope="row">P{i:02d}</th><td>Provrad {i:02d}. {"Samma mening igen. " * (1 + i % 4)}</td><td>Provpart {i:02d}<br>rad två</td></tr>'
        for i in range(1, 61)
    )
    article = (
        '<h1>Prov</h1><table><caption>Provtabell</caption><thead><tr><th scope="col">Nummer</th>'
        f'<th scope="col">Provtext</th><th scope="col">Provansvarig</th></tr></thead><tbody>{rows}</tbody></table>'
    )
    out = _render_article(tmp_path, article)
    pages = pdf_text(out)
    assert len(pages) >= 2
    for n, text in enumerate(pages, start=1):
        if "Provrad" in text:
            assert norm("Nummer Provtext Provansvarig") in norm(text), f"page {n} holds rows but no header row"
    squeezed = [norm(p) for p in pages]
    for i in range(1, 61):
        whole = [n for n, p in enumerate(squeezed) if norm(f"P{i:02d} Provrad {i:02d}.") in p and norm(f"Provpart {i:02d} rad två") in p]
        assert len(whole) == 1, f"row {i} is cut between pages"


def test_the_paper_wording_is_hidden_on_screen_by_a_top_level_rule():
    """handbok.css parses without error and hides `.bbg-papper` outside any
    @media block (an unclosed block once made the rule print-only)."""
    import tinycss2

    css = (ROOT / "docs/assets/stylesheets/handbok.css").read_text(encoding="utf-8")
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    assert [r for r in rules if r.type == "error"] == []
    top = {tinycss2.serialize(r.prelude).strip(): tinycss2.serialize(r.content) for r in rules if r.type == "qualified-rule"}
    assert "display: none" in top[".bbg-papper"]
    assert ".bbg-skarm" not in top  # hidden only in print


# ---------------------------------------------------------------- the PDF cache


def _one_page_job(tmp_path: Path, built_site: Path, fingerprint: str):
    site = tmp_path / "site"
    if not site.exists():
        (site / "om").mkdir(parents=True)
        shutil.copy(built_site / "om" / "index.html", site / "om" / "index.html")
    return site, (site, _proof_doc("om/prov.pdf", ("om/index.md",)), True, "https://handbok.kommun.example/", fingerprint)


def test_a_kept_document_is_the_rendered_one_and_any_change_renders_it_anew(tmp_path: Path, built_site: Path, monkeypatch):
    from macros.steps import pdf as step

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    fingerprint = step.render_fingerprint()
    site, job = _one_page_job(tmp_path, built_site, fingerprint)
    out = site / "om" / "prov.pdf"
    step._render_one(job[:4] + ("",))  # no cache: rendered
    rendered = out.read_bytes()
    assert not (tmp_path / "cache").exists()
    step._render_one(job)  # rendered and kept
    assert out.read_bytes() == rendered
    assert len(list((tmp_path / "cache").rglob("*.pdf"))) == 1

    renders = []
    real = step.render_pdf
    monkeypatch.setattr(step, "render_pdf", lambda *a: renders.append(a) or real(*a))
    out.unlink()
    step._render_one(job)  # unchanged: the kept bytes, not rendered
    assert renders == [] and out.read_bytes() == rendered

    page = site / "om" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</article>", "<p>En ny mening.</p></article>", 1), encoding="utf-8")
    step._render_one(job)  # the page changed: rendered anew
    assert len(renders) == 1 and out.read_bytes() != rendered
    step._render_one(job[:4] + ("en annan font eller version",))
    assert len(renders) == 2


def test_a_document_that_warned_is_not_kept(tmp_path: Path, built_site: Path, monkeypatch):
    import logging

    from macros.steps import pdf as step

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    real = step.render_pdf

    def warn_then_render(*args):
        logging.getLogger("weasyprint").warning("Ignored `foo: bar` at 1:1, unknown property.")
        return real(*args)

    monkeypatch.setattr(step, "render_pdf", warn_then_render)
    _, job = _one_page_job(tmp_path, built_site, "avtryck")
    _, _, messages = step._render_one(job)
    assert messages and "unknown property" in messages[0]
    assert list((tmp_path / "cache").rglob("*.pdf")) == []


def test_the_key_counts_the_files_a_document_shows_not_the_pages_it_links(tmp_path: Path):
    from macros.steps.pdf import _document_key

    site = tmp_path / "site"
    (site / "bilder").mkdir(parents=True)
    (site / "annan-sida").mkdir()
    image, linked = site / "bilder" / "karta.svg", site / "annan-sida" / "index.html"
    image.write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    linked.write_text("<p>en</p>")
    html = '<img src="bilder/karta.svg" alt="Karta"><a href="annan-sida/index.html">Annan sida</a>'
    first = _document_key(html, site, site, "avtryck")
    linked.write_text("<p>två</p>")
    assert _document_key(html, site, site, "avtryck") == first
    image.write_text("<svg xmlns='http://www.w3.org/2000/svg'><rect/></svg>")
    assert _document_key(html, site, site, "avtryck") != first
    assert _document_key(html, site, site, "ett annat avtryck") != _document_key(html, site, site, "avtryck")
