"""The action plan's generated views and downloads, on the real data and on a
small fixture plan (tests/fixtures/handlingsplan-2024-2025.yaml)."""

from __future__ import annotations

import csv
import html
import io
import zipfile
import re

import pytest
import yaml
from openpyxl import load_workbook

from conftest import ROOT
from macros.domain.organisation import part_name
from macros.data.models.handlingsplan import Handlingsplan
from macros.paths.nav import first_heading, place_generated
from macros.render.export import HEADERS, plan_csv, plan_xlsx
from macros.render.plan import area_table, status_notes, whole_plan
from macros.render.timeline import timeline_svg, timeline_table

FIXTURE = ROOT / "tests" / "fixtures" / "handlingsplan-2024-2025.yaml"


@pytest.fixture(scope="module")
def fixture_plan() -> Handlingsplan:
    return Handlingsplan.model_validate(yaml.safe_load(FIXTURE.read_text(encoding="utf-8")))


def _text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def _rows(page: str) -> dict[str, str]:
    """Activity rows of a built page by anchor id, as plain text."""
    return {m[1]: _text(m[2]) for m in re.finditer(r'<tr id="(aktivitet-[\d-]+)">(.*?)</tr>', page, re.S)}


# ------------------------------------------------------------------ generators on the fixture


def test_area_table_has_caption_headers_in_plan_order_and_escapes(fixture_plan):
    area = fixture_plan.amnesomraden[1]
    out = str(area_table(fixture_plan, area))
    assert "<caption>Ämnesområde 2: Andra testområdet</caption>" in out
    headers = [h.replace("<wbr>", "") for h in re.findall(r'<th scope="col">(.*?)</th>', out)]
    assert headers == ["Nr", "Aktiviteter", "Ansvarig utförare", "Tid", "Uppföljning/utvärdering"]
    # each cell carries its column header as a label for the card layout (hidden from screen readers)
    assert '<th scope="row"><span class="bbg-etikett" aria-hidden="true" data-pagefind-ignore>Nr</span> 2.1</th>' in out
    assert "<b>" not in out and "&lt;b&gt;med tecken&lt;/b&gt; &amp; citat &#34;så&#34;" in out
    assert 'id="aktivitet-2-1"' in out
    assert 'id="aktivitet-2-1"' not in str(area_table(fixture_plan, area, with_ids=False))


def test_extra_status_cell_and_empty_followup_are_shown(fixture_plan):
    out = str(area_table(fixture_plan, fixture_plan.amnesomraden[0]))
    assert "Inget angivet i planen" in out  # 1.2 has no follow-up cell
    assert "Genomfört mars 2024" in out
    assert "Återkommer varje år: mars och oktober" in out
    assert status_notes(fixture_plan.aktiviteter[0]) == []


def test_whole_plan_has_one_anchored_heading_and_table_per_area(fixture_plan):
    out = whole_plan(fixture_plan)
    assert re.findall(r"^## Ämnesområde (\d)", out, re.M) == ["1", "2"]
    assert "{ #omrade-1 }" in out and "{ #omrade-2 }" in out
    assert out.count("<table") == 2
    assert "\n\n" not in out.split("<table", 1)[1].split("</table>", 1)[0], "a blank line would end the raw HTML block"


def test_timeline_draws_periods_open_ends_and_recurring_months(fixture_plan):
    svg = str(timeline_svg(fixture_plan))
    assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
    assert svg.count('class="bbg-tl-stapel"') == 2  # 1.1 and 2.1
    assert svg.count('class="bbg-tl-stapel bbg-tl-oppen"') == 1  # 1.2 from 2024, no end
    assert svg.count('class="bbg-tl-pil"') == 1
    assert svg.count('class="bbg-tl-romb"') == 2 * 2  # March and October, 2024 and 2025
    text = str(timeline_table(fixture_plan, lambda a: f"#a{a.id}"))
    assert "från 2024, inget slut angivet" in text and "kvartal 1 2024 till och med kvartal 2 2025" in text
    assert text.count("<tr>") == 1 + 3


# The fixture plan's rows, written by hand from tests/fixtures/handlingsplan-2024-2025.yaml:
# verbatim cells first, then our reading (parties, first and last day, recurring months).
FIXTURE_ROWS = [
    ["1. Testområde", "1.1", "Ordna en fiktiv testaktivitet", "Processledarna", "Q1 2024 – Q2 2025",
     "Följs upp i styrgruppen", "Ingen notering i planen", "Processledarna", "2024-01-01", "2025-06-30", ""],
    ["1. Testområde", "1.2", "Analysera läget två gånger om året", "Växjö kommun, Region Kronoberg",
     "Årligen i mars och oktober", "", "Genomfört mars 2024", "Växjö kommun; Region Kronoberg", "2024-01-01", "",
     "mars och oktober"],
    ["2. Andra testområdet", "2.1", 'Skriv en fiktiv rapport <b>med tecken</b> & citat "så"', "Styrgruppen", "2025",
     "Rapport", "Rapport", "Styrgruppen", "2025-01-01", "2025-12-31", ""],
]


def test_downloads_hold_the_plan_cell_for_cell(fixture_plan, site_data):
    def name(part):
        return part_name(site_data, part)

    back = list(csv.reader(io.StringIO(plan_csv(fixture_plan, name).decode("utf-8-sig")), delimiter=";"))
    assert back[0] == HEADERS and back[1:] == FIXTURE_ROWS
    sheet = load_workbook(io.BytesIO(plan_xlsx(fixture_plan, name))).active
    cells = [[c or "" for c in row] for row in sheet.iter_rows(values_only=True)]
    assert cells[0] == HEADERS and cells[1:] == FIXTURE_ROWS


def test_xlsx_carries_no_build_time(fixture_plan, site_data):
    with zipfile.ZipFile(io.BytesIO(plan_xlsx(fixture_plan, lambda part: part_name(site_data, part)))) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        # the plan's last revision (2024-10-01), not the clock
        assert b"2024-10-01T00:00:00Z" in z.read("docProps/core.xml")


# ------------------------------------------------------------------ navigation placement


def test_generated_pages_are_placed_in_their_sections():
    nav = [{"Start": "index.md"}, {"Plan": ["plan/index.md"]}, {"Annat": ["annat/index.md"]}]
    pages = {
        "plan/2030/omrade-1.md": "# 1. Första\n",
        "plan/2030/index.md": "# Plan 2030 { #topp }\n",
        "annat/sida.md": "# Sida\n",
    }
    out = place_generated(nav, pages)
    assert out[1] == {"Plan": ["plan/index.md", {"Plan 2030": ["plan/2030/index.md", "plan/2030/omrade-1.md"]}]}
    assert out[2] == {"Annat": ["annat/index.md", "annat/sida.md"]}
    assert first_heading("text\n# Rubrik\n") == "Rubrik"
    with pytest.raises(ValueError, match="okand/sida.md"):
        place_generated([{"Start": "index.md"}], {"okand/sida.md": "# x"})


# ------------------------------------------------------------------ the real, built site

# The notes on status in the plan's own cells (seed 002, revised 16 June 2021).
SEED_STATUS_NOTES = {
    "1.5": "Kontinuerlig redovisning",
    "3.2": "Inte gjorts",
    "3.3": "Ny aktivitet våren 2021",
    "4.1": "6 nov 2021",
    "6.1": "Förslag finns framtaget",
    "6.3": "Genomfört april 2021",
}


def test_built_plan_page_holds_every_activity_in_order(built_site, site_data):
    plan = site_data.handlingsplaner["2019-2023"]
    page = (built_site / "handlingsplan" / "2019-2023" / "index.html").read_text(encoding="utf-8")
    rows = _rows(page)
    assert list(rows) == [f"aktivitet-{a.id.replace('.', '-')}" for a in plan.aktiviteter]
    for a in plan.aktiviteter:
        row = rows[f"aktivitet-{a.id.replace('.', '-')}"]
        for cell in (a.id, a.text, a.ansvarig.original, a.tid.original, a.uppfoljning or "Inget angivet i planen"):
            assert " ".join(cell.split()) in row, (a.id, cell)
    # The plan's own notes on status (seed 002, the plan as revised 16 June 2021), by hand.
    for aid, note in SEED_STATUS_NOTES.items():
        assert note in rows[f"aktivitet-{aid.replace('.', '-')}"], aid


def test_built_area_pages_and_timeline(built_site, site_data):
    plan = site_data.handlingsplaner["2019-2023"]
    folder = built_site / "handlingsplan" / "2019-2023"
    for area in plan.amnesomraden:
        page = (folder / f"omrade-{area.nummer}" / "index.html").read_text(encoding="utf-8")
        assert f"{area.nummer}. {area.namn}" in _text(page)
        for a in area.aktiviteter:
            anchor = f"aktivitet-{a.id.replace('.', '-')}"
            assert f'href="../#{anchor}"' in page, anchor
            assert html.escape(a.text, quote=False) in page or a.text in _text(page)
    timeline = (folder / "tidslinje" / "index.html").read_text(encoding="utf-8")
    assert "<svg" in timeline and "Tidslinjen i textform" in timeline
    # Seed 002: 2.4 "Årligen tillsammans med ordinarie budgetplanering" (set in January/February)
    # and 6.3 "Årligen i april och november": two marks a year each, 2019–2023.
    assert timeline.count('class="bbg-tl-romb"') == (2 + 2) * 5


def test_built_downloads_match_the_data(built_site, site_data):
    plan = site_data.handlingsplaner["2019-2023"]
    folder = built_site / "handlingsplan" / "2019-2023"
    data = (folder / "handlingsplan-2019-2023.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    back = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert back[0] == HEADERS
    # every activity of the YAML, in order, with its verbatim cells
    expected = [[a.id, a.text, a.ansvarig.original, a.tid.original, a.uppfoljning or ""] for a in plan.aktiviteter]
    assert [r[1:6] for r in back[1:]] == expected
    assert len(expected) == 23  # the plan (rev. 210616) has 23 activities
    sheet = load_workbook(folder / "handlingsplan-2019-2023.xlsx").active
    assert [[c or "" for c in r] for r in sheet.iter_rows(values_only=True)] == back
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert 'href="handlingsplan-2019-2023.csv"' in page and 'href="handlingsplan-2019-2023.xlsx"' in page


def test_a_second_plan_is_a_data_only_change(edited_site):
    site = edited_site  # the fixture plan copied into data/handlingsplan/ (conftest.py)
    folder = site / "handlingsplan" / "2024-2025"
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert list(_rows(page)) == ["aktivitet-1-1", "aktivitet-1-2", "aktivitet-2-1"]
    assert (folder / "omrade-2" / "index.html").exists() and (folder / "tidslinje" / "index.html").exists()
    assert (folder / "handlingsplan-2024-2025.csv").exists()
    landing = (site / "handlingsplan" / "index.html").read_text(encoding="utf-8")
    assert 'href="2024-2025/"' in landing and 'href="2019-2023/"' in landing
    assert landing.index("Testplan 2024") < landing.index("Länsgemensam övergripande handlingsplan"), "newest first"
    # the new plan is in the navigation of every page
    assert 'href="../2024-2025/"' in (site / "handlingsplan" / "2019-2023" / "index.html").read_text(encoding="utf-8")
