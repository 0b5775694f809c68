"""Provenance and the review queue (issue 12): every statement that is not
simply belagt is listed once, on the page "Att granska" and in the CSV from
`make granska`; both list the same items and the counts match the data."""

from __future__ import annotations

import csv
import html
import io
import re
from collections import Counter
from html.parser import HTMLParser

import yaml
from pydantic import BaseModel

from conftest import ROOT
from macros.data.models.common import GrundForslag, GrundKontrolleras, GrundTolkning
from macros.domain.review import KIND_LABELS, Punkt
from macros.render.review import queue_csv

QUEUE = "redaktorer/granskning"


class _Tables(HTMLParser):
    """Rows of every <table> in the queue page, with the <h2> above each."""

    def __init__(self):
        super().__init__()
        self.groups: list[tuple[str, list[list[str]]]] = []
        self._heading: str | None = None
        self._cell: list[str] | None = None
        self._row: list[str] | None = None
        self._in_h2 = False
        self._in_label = False  # a card label (render/cards.py): the column header again, not the cell's value

    def handle_starttag(self, tag, attrs):
        if tag == "span" and "bbg-etikett" in (dict(attrs).get("class") or "").split():
            self._in_label = True
        elif tag == "h2":
            self._in_h2, self._heading = True, ""
        elif tag == "table":
            self.groups.append((self._heading or "", []))
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag):
        if tag == "span" and self._in_label:
            self._in_label = False
        elif tag == "h2":
            self._in_h2 = False
        elif tag in ("td", "th") and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.groups[-1][1].append(self._row)
            self._row = None

    def handle_data(self, data):
        if self._in_h2:
            self._heading += data
        if self._cell is not None and not self._in_label:
            self._cell.append(data)


def _page_rows(built_site):
    text = (built_site / QUEUE / "index.html").read_text(encoding="utf-8")
    parser = _Tables()
    parser.feed(text)
    summary = {row[0]: int(row[1]) for row in parser.groups[0][1][1:]}
    rows = []
    for heading, table in parser.groups[1:]:
        title = re.sub(r"\s*\(\d+\)\s*¶?\s*$", "", " ".join(heading.split()))
        rows += [(title, *row) for row in table[1:]]  # skip the header row
    return text, summary, rows


def _csv_rows(data: bytes):
    assert data.startswith(b"\xef\xbb\xbf"), "CSV must start with a UTF-8 BOM"
    reader = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert reader[0] == ["Sida", "Adress", "Slag", "Vad", "Grund eller vad som saknas", "Ändras i"]
    return reader[1:]


def _walk(obj, found: Counter):
    """Count every non-belagt grund and every `tolkning` text in the data, by kind
    (a plain walk over the validated models, independent of the queue code)."""
    if isinstance(obj, GrundTolkning):
        found["tolkning"] += 1
    elif isinstance(obj, GrundForslag):
        found["forslag"] += 1
    elif isinstance(obj, GrundKontrolleras):
        found["kontrolleras"] += 1
    if isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            value = getattr(obj, name)
            if name == "tolkning" and isinstance(value, str):
                found["tolkning"] += 1
            elif name == "aldre_term" and value:
                found["tolkning"] += 1
            elif name == "ja_tillagg" and value:
                found["forslag"] += 1
            elif name == "innehall" and value is not None:
                found["kalla"] += 1
                continue
            _walk(value, found)
    elif isinstance(obj, (list, tuple)):
        for v in obj:
            _walk(v, found)
    elif isinstance(obj, dict):
        for v in obj.values():
            _walk(v, found)


def test_queue_page_and_csv_list_the_same_items_and_counts_match_the_data(built_site, site_data, tmp_path):
    from macros.__main__ import granska

    text, summary, page_rows = _page_rows(built_site)
    out = tmp_path / "granskning.csv"
    assert granska(out) == 0
    csv_rows = _csv_rows(out.read_bytes())

    # The same items: (page, kind, what, grund/missing, file), as multisets.
    page_items = Counter((r[0], r[1], r[2], r[3], r[4]) for r in page_rows)
    csv_items = Counter((r[0] or "Källor (data/kallor.yaml)", r[2], r[3], r[4] or "–", r[5]) for r in csv_rows)
    assert page_items == csv_items
    assert summary["Totalt"] == len(csv_rows) == len(page_rows)

    # Counts from the data, walked independently of the queue code.
    expected = Counter()
    for key in ("ordlista", "lagar", "roller", "aktorer", "beslut", "finansiering", "praxis", "kallor", "utbildning", "lokalt"):
        _walk(getattr(site_data, key), expected)
    for plan in site_data.handlingsplaner.values():
        _walk(plan, expected)
    for follow_up in site_data.uppfoljningar.values():
        _walk(follow_up, expected)
    expected["forslag"] += len(site_data.utbildning.moduler)  # module length and audiences: the handbook's proposal
    marks = Counter()
    for md in (ROOT / "docs").rglob("*.md"):
        if md.relative_to(ROOT / "docs").as_posix() == QUEUE + ".md":
            continue
        page = md.read_text(encoding="utf-8")
        front = re.match(r"^---\n(.*?)\n---\n", page, re.S)
        meta = (yaml.safe_load(front.group(1)) or {}) if front else {}
        if meta.get("render_macros") is False:
            continue  # the macro catalogue shows calls as written: examples, not marks
        for kind in re.findall(r"\{\{\s*(forslag|tolkning|kontrolleras)\(", page):
            marks[kind] += 1
        grund = meta.get("grund")
        if grund:
            marks[grund["typ"]] += 1
    guidance = [p for folder in ("praxismodellen", "familj") for p in (ROOT / "docs" / folder).glob("*.md")]
    assert guidance, "the guidance pages are found"
    # Every guidance page waits for a review, but for those with a record in
    # data/granskningar.yaml (read as YAML here, not through the model).
    records = yaml.safe_load((ROOT / "data" / "granskningar.yaml").read_text(encoding="utf-8"))["granskningar"]
    for kind in ("tolkning", "forslag", "kontrolleras"):
        assert summary[KIND_LABELS[kind]] == expected[kind] + marks[kind], kind
    assert summary[KIND_LABELS["granskas"]] == len(guidance) - len(records)
    assert summary[KIND_LABELS["kalla"]] == expected["kalla"]  # sources whose content could not be confirmed

    # Known items, by hand: they must be in the list.
    kinds_by_what = {(r[1], r[2]) for r in page_rows}
    assert ("Tolkning", "Vilka beslutet gäller: Socialnämnden föreslår kommunfullmäktige att ställa sig bakom inriktningsbeslutet") in kinds_by_what
    assert ("Kontrolleras", "Term: Förhandsbedömning") in kinds_by_what  # the 14 days of the new act (data/ordlista.yaml)
    assert ("Tolkning", "Kolumn: Kostnad Från sept. 2018") in kinds_by_what
    assert ("Förslag", "Rapportväg: Tvärgrupp barn (och unga)") in kinds_by_what

    assert ("Förslag", "Hela sidan") in kinds_by_what  # front matter grund of utbildning/utbildningar/index.md

    # In the search index (a steering group looks for it: issue 25), and linked to each page.
    assert "data-pagefind-body" in text
    assert 'href="../../praxismodellen/bba/"' in text


def test_csv_cells_are_formula_safe():
    hostile = Punkt("x.md", "forslag", "=HYPERLINK(\"http://evil\")", "+1+1", "-data@x")
    rows = _csv_rows(queue_csv([hostile], lambda s: "@SUM(A1)", lambda s: "/x/"))
    assert rows == [["'@SUM(A1)", "/x/", "Förslag", "'=HYPERLINK(\"http://evil\")", "'+1+1", "'-data@x"]]


def test_marks_are_text_labels_explained_on_om_webbplatsen(built_site):
    bba = html.unescape((built_site / "praxismodellen" / "bba" / "index.html").read_text(encoding="utf-8"))
    # The full text is in the page (read without JavaScript, printed, in the PDFs);
    # grund.js makes the label a toggletip on screen (tests/test_trust.py).
    assert re.search(r'<span class="bbg-grund bbg-grund-forslag" data-forklaring="Förslag: [^"]+"><span class="bbg-grund-typ">Förslag</span></span>', bba)
    assert '<span class="bbg-grund-typ">Tolkning</span><span class="bbg-grund-text">:' in bba
    about = html.unescape((built_site / "om-webbplatsen" / "index.html").read_text(encoding="utf-8"))
    assert 'id="grund"' in about
    for label in ("Källa", "Tolkning", "Förslag", "Kontrolleras"):
        assert f'<span class="bbg-grund-typ">{label}</span>' in about
