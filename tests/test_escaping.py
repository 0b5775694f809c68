"""Unit tests of the escaping helpers (macros/render/escape.py, html.link,
Links.md), the Url type and the HTML fix-up after rendering. Expectations are
written by hand, and each output is also read back with the library that
consumers use (Python-Markdown, json, icalendar, csv, openpyxl)."""

from __future__ import annotations

import csv
import io
import shutil
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import icalendar
import jinja2
import markdown
import pytest
import yaml
from markupsafe import Markup
from openpyxl import load_workbook

from conftest import ROOT
from macros.domain.organisation import part_name
from macros.paths.links import Links
from macros.data.loader import DataError
from macros.data.models.common import check_url
from macros.data.models.handlingsplan import Handlingsplan
from macros.render.escape import esc, esc_md, ics_text, md_link, md_text, md_url, sheet_cell
from macros.render.export import plan_csv, plan_xlsx
from macros.render.html import link
from macros.render.governance import calendar_ics
from macros.render.valid_html import valid_html
from macros.data.site import load_site

PAYLOADS = [
    '<script>alert("x")</script>',
    "Alvesta kommun </title><img src=x onerror=alert(1)>",
    '" onmouseover="alert(1)',
    "https://x.example/a) <img src=x onerror=alert(1)> (",
    "[länk](javascript:alert(1)) *fet* _kursiv_ `kod` # rubrik | cell |",
    "{{ config.site_name }} {% if true %}JA{% endif %} {## kommentar ##}",
    "=HYPERLINK(\"https://x.example\",\"klicka\")",
    "a & b &amp; c &lt; d \\ e ! f + g",
]


# The Markdown extensions of mkdocs.yml that change inline syntax.
SITE_MARKDOWN = ["abbr", "attr_list", "def_list", "footnotes", "md_in_html", "tables", "toc"]


class _Reader(HTMLParser):
    """Text and element names of an HTML fragment."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text, self.tags, self.attrs = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)

    def handle_data(self, data):
        self.text.append(data)


def _read(html: str) -> _Reader:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader


# ---------------------------------------------------------------- HTML


def test_esc_by_hand():
    assert esc('<a href="x">&\'</a>') == "&lt;a href=&#34;x&#34;&gt;&amp;&#39;&lt;/a&gt;"
    assert esc(None) == "" and esc(3) == "3"
    assert esc(Markup("<b>x</b>")) == "<b>x</b>"  # already escaped: not twice


@pytest.mark.parametrize("payload", PAYLOADS)
def test_esc_reads_back_as_text(payload):
    page = _read(f'<p title="{esc(payload)}">{esc(payload)}</p>')
    assert page.tags == ["p"] and page.attrs == [("title", payload)] and "".join(page.text) == payload


def test_esc_md_by_hand_and_in_a_markdown_paragraph():
    assert esc_md("[x](javascript:a) *f* _k_ `c` <b> & \\ {{ j }}\n# h") == (
        "&#91;x&#93;&#40;javascript:a&#41; &#42;f&#42; &#95;k&#95; &#96;c&#96; &lt;b&gt; &amp; &#92; &#123;&#123; j &#125;&#125; # h"
    )
    for payload in PAYLOADS:
        out = _read(markdown.markdown(f"Källor: {link('https://a.se/', esc_md(payload))}", extensions=SITE_MARKDOWN))
        assert out.tags == ["p", "a"] and out.attrs == [("href", "https://a.se/")]
        assert "".join(out.text) == "Källor: " + payload


def test_link_by_hand():
    assert link('a/?x=1&y="2"', "<b>") == '<a href="a/?x=1&amp;y=&#34;2&#34;">&lt;b&gt;</a>'
    assert link(None, "<b>") == "&lt;b&gt;"
    assert link("", "x & y") == "x &amp; y"


# ---------------------------------------------------------------- Markdown


def test_md_text_by_hand():
    assert md_text("*fet* [länk](https://e.org/) <b> & x") == r"\*fet\* \[länk\]\(https://e.org/\) &lt;b&gt; &amp; x"
    assert md_text("{{ x }} {% if %} {## c ##}") == "&#123;&#123; x &#125;&#125; &#123;% if %&#125; &#123;\\#\\# c \\#\\#&#125;"
    assert md_text("rad ett\n  rad två") == "rad ett rad två"
    assert md_text(r"a\b `c` _d_ +e !f |g|") == r"a\\b \`c\` \_d\_ \+e \!f \|g\|"


@pytest.mark.parametrize("payload", PAYLOADS)
def test_md_text_renders_as_the_text_itself(payload):
    out = _read(markdown.markdown(md_text(payload), extensions=SITE_MARKDOWN))
    assert out.tags == ["p"]
    assert "".join(out.text) == payload


@pytest.mark.parametrize("payload", PAYLOADS)
def test_md_text_is_inert_in_a_heading_and_for_jinja(payload):
    source = f"# {md_text(payload)}\n"
    rendered = jinja2.Environment(comment_start_string="{##", comment_end_string="##}").from_string(source).render(config={"site_name": "X"})
    assert rendered.rstrip("\n") == source.rstrip("\n")  # nothing for Jinja to do
    out = _read(markdown.markdown(rendered, extensions=SITE_MARKDOWN))
    assert out.tags == ["h1"] and "".join(out.text) == payload


def test_md_url_by_hand():
    assert md_url("https://x.example/a) <img src=x onerror=alert(1)> (") == (
        "https://x.example/a%29%20%3Cimg%20src=x%20onerror=alert%281%29%3E%20%28"
    )
    assert md_url("https://sv.wikipedia.org/wiki/Barn_(juridik)") == "https://sv.wikipedia.org/wiki/Barn_%28juridik%29"
    assert md_url("https://a.se/s?q=1&b=2#del-3") == "https://a.se/s?q=1&b=2#del-3"
    assert md_url('https://a.se/"x"\\') == "https://a.se/%22x%22%5C"
    assert md_url("https://a.se/å") == "https://a.se/%C3%A5"


def test_md_link_by_hand_and_read_back():
    assert md_link("A (B)", "https://a.se/x y") == r"[A \(B\)](https://a.se/x%20y)"
    assert md_link("A [1]", None) == r"A \[1\]"
    out = _read(markdown.markdown(extensions=SITE_MARKDOWN, text=md_link("Källa", "https://x.example/a) <img src=x onerror=alert(1)> (")))
    assert out.tags == ["p", "a"]
    assert out.attrs == [("href", "https://x.example/a%29%20%3Cimg%20src=x%20onerror=alert%281%29%3E%20%28")]
    assert "".join(out.text) == "Källa"


@pytest.mark.parametrize(
    "page, target, anchor, expected",
    [
        ("handlingsplan/2019-2023/omrade-1.md", "handlingsplan/2019-2023/index.md", "aktivitet-1-1", "index.md#aktivitet-1-1"),
        ("roller/index.md", "roller/styrgrupp.md", None, "styrgrupp.md"),
        ("praxismodellen/bba.md", "praxismodellen/bba.md", "vem-ar-bba", "#vem-ar-bba"),
        ("praxismodellen/bba.md", "roller/parter/vaxjo.md", "enhet-1", "../roller/parter/vaxjo.md#enhet-1"),
        ("index.md", "styrning/uppfoljningar.ics", None, "styrning/uppfoljningar.ics"),
    ],
)
def test_links_md(page, target, anchor, expected):
    assert Links(page).md(target, anchor) == expected


# ---------------------------------------------------------------- JSON, iCalendar, spreadsheets


def test_ics_text_by_hand():
    assert ics_text("a;b,c\\d\ne\r\nf\x00g\th") == "a\\;b\\,c\\\\d\\ne\\nfg h"


@pytest.fixture(scope="module")
def hostile_plan() -> Handlingsplan:
    """The fixture plan with a formula, a calendar-breaking text and markup in it."""
    data = yaml.safe_load((ROOT / "tests" / "fixtures" / "handlingsplan-2024-2025.yaml").read_text(encoding="utf-8"))
    act = data["amnesomraden"][0]["aktiviteter"][0]
    act["text"] = '=HYPERLINK("https://x.example","klicka")'
    act["uppfoljning"] = "@SUM(A1:A2)"
    act["ansvarig"]["original"] = "-2+3"
    return Handlingsplan.model_validate(data)


def test_calendar_text_reads_back_verbatim():
    data = yaml.safe_load((ROOT / "data" / "handlingsplan" / "2019-2023.yaml").read_text(encoding="utf-8"))
    for act in (a for area in data["amnesomraden"] for a in area["aktiviteter"]):
        for item in act.get("kalender", []):
            item["rubrik"] = "Möte; del 1, rum \\2\nEND:VCALENDAR"
    plan = Handlingsplan.model_validate(data)
    cal = icalendar.Calendar.from_ical(calendar_ics([plan]))
    events = list(cal.walk("VEVENT"))
    assert events, "the fixture plan has calendar items"
    assert {str(e["SUMMARY"]) for e in events} == {"Möte; del 1, rum \\2\nEND:VCALENDAR"}
    assert calendar_ics([plan]).split(b"\r\n").count(b"END:VCALENDAR") == 1  # the text did not end the file


def test_sheet_cell_by_hand():
    for text in ["=1+1", "+46 470", "-x", "@SUM(A1)", "\tx", "\rx", "＝1", "＋1", "－1", "＠x"]:
        assert sheet_cell(text) == "'" + text
    for text in ["a=1", "1-2", "Årligen", "'redan"]:
        assert sheet_cell(text) == text
    assert sheet_cell("") == "" and sheet_cell(None) == ""


def test_csv_has_no_formula_cells(hostile_plan, site_data):
    rows = list(csv.reader(io.StringIO(plan_csv(hostile_plan, lambda part: part_name(site_data, part)).decode("utf-8-sig")), delimiter=";"))
    first = rows[1]
    assert first[2] == "'=HYPERLINK(\"https://x.example\",\"klicka\")"
    assert first[3] == "'-2+3" and first[5] == "'@SUM(A1:A2)"
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows for cell in row)


def test_xlsx_cells_are_text_shown_as_written(hostile_plan, site_data):
    raw = plan_xlsx(hostile_plan, lambda part: part_name(site_data, part))
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        sheet_xml = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<f>" not in sheet_xml and "<f " not in sheet_xml  # no formula anywhere
    sheet = load_workbook(io.BytesIO(raw)).active
    row = [c for c in sheet[2]]
    assert row[2].value == '=HYPERLINK("https://x.example","klicka")' and row[2].data_type == "s" and row[2].quotePrefix
    assert row[3].value == "-2+3" and row[3].quotePrefix
    assert row[5].value == "@SUM(A1:A2)" and row[5].quotePrefix
    assert not row[1].quotePrefix  # "1.1" is ordinary text


# ---------------------------------------------------------------- the Url type and control characters


@pytest.mark.parametrize(
    "url",
    ["https://www.riksdagen.se/sv/dokument", "http://a.se", "https://sv.wikipedia.org/wiki/Barn_(juridik)", "https://a.se/s?q=1&b=2#x"],
)
def test_check_url_accepts(url):
    assert check_url(url) == url


@pytest.mark.parametrize(
    "url, words",
    [
        ("https://x.example/a) <img src=x onerror=alert(1)> (", ["mellanslag", "'<'", "'>'"]),
        ("https://a.se/x y", ["mellanslag"]),
        ('https://a.se/"x', ["'\"'"]),
        ("https://a.se/'x", ['"\'"']),
        ("https://a.se/(x", ["parenteser"]),
        ("https://a.se/x)(", ["parenteser"]),
        ("javascript:alert(1)", ["https://"]),
        ("ftp://a.se/x", ["https://"]),
        ("https://", ["https://"]),
        ("https://a.se/\nx", ["'\\n'"]),
    ],
)
def test_check_url_rejects(url, words):
    with pytest.raises(ValueError) as info:
        check_url(url)
    for word in words:
        assert word in str(info.value)


def _damaged_data(tmp_path: Path, rel: str, old: str, new: str) -> Path:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    text = (data / rel).read_text(encoding="utf-8")
    assert old in text
    (data / rel).write_text(text.replace(old, new, 1), encoding="utf-8")
    return data


def test_bad_url_names_file_entry_and_field(tmp_path):
    text = (ROOT / "data" / "kallor.yaml").read_text(encoding="utf-8")
    doc = yaml.safe_load(text)
    entry = next(d for d in doc["dokument"] if d.get("url"))
    data = _damaged_data(tmp_path, "kallor.yaml", f"url: {entry['url']}", "url: 'https://x.example/a) <img src=x> ('")
    with pytest.raises(DataError) as info:
        load_site(data)
    message = str(info.value)
    assert "data/kallor.yaml:" in message and f'post "{entry["id"]}"' in message and 'fält "url"' in message
    assert "webbadressen får inte innehålla" in message


def test_control_character_names_file_entry_and_field(tmp_path):
    data = _damaged_data(tmp_path, "roller.yaml", "    namn: Jurister\n", '    namn: "Juri\\x1bster"\n')
    with pytest.raises(DataError) as info:
        load_site(data)
    message = str(info.value)
    assert "data/roller.yaml:" in message and 'post "jurister"' in message and 'fält "namn"' in message
    assert "U+001B" in message


# ---------------------------------------------------------------- valid HTML after rendering


def test_valid_html_fixes_materials_markup_by_hand():
    before = (
        '<input class="md-toggle" type="checkbox" id="__nav_3" autocomplete="off">'
        '<label class="md-nav__link" for="__nav_3" id="__nav_3_label" tabindex="">A</label>'
        '<label class="md-nav__title" for="__toc">B</label>'
        '<input type="search" id="q" autocomplete="off">'
        '<label for="q" tabindex="0">C</label>'
    )
    after = (
        '<input class="md-toggle" type="checkbox" id="__nav_3">'
        '<label class="md-nav__link" for="__nav_3" id="__nav_3_label">A</label>'
        '<label class="md-nav__title">B</label>'
        '<input type="search" id="q" autocomplete="off">'
        '<label for="q" tabindex="0">C</label>'
    )
    assert valid_html(before) == after
    assert valid_html(after) == after
