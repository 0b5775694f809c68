"""Follow-up records (data/uppfoljning/): a record changes the status report,
the per-party counts and the meeting papers; bad records stop the build with
file, line, entry and field. The fictional records are in tests/fixtures/;
the fixture replaces the real file, so a real record the county adds does not
change what these tests expect."""

from __future__ import annotations

import datetime as dt
import html
import re
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, copy_project, run_build
from macros.builddate import build_date
from macros.data.loader import DataError
from macros.data.models.uppfoljning import Uppfoljning
from macros.render import follow_up as fu
from macros.data.site import load_site

FIXTURE = ROOT / "tests" / "fixtures" / "uppfoljning-2019-2023.yaml"
BAD = ROOT / "tests" / "fixtures" / "uppfoljning-fel.yaml"
BAD_STATUS = ROOT / "tests" / "fixtures" / "uppfoljning-fel-status.yaml"
# 1 December 2026, 00:00 UTC: the build date the tests set (SOURCE_DATE_EPOCH)
EPOCH = "1796083200"
BUILD = dt.date(2026, 12, 1)


def _text(page: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html.unescape(page)))


def _row(page: str, first_cell: str) -> list[str]:
    """The cells of the table row whose header cell ends with `first_cell` (labels removed)."""
    row = page.split(f"</span> {first_cell}</th>", 1)[1].split("</tr>", 1)[0]
    cells = re.findall(r"<td>(.*?)</td>", row, flags=re.S)
    return [re.sub(r"<span class=\"bbg-etikett\"[^>]*>.*?</span>", "", c).strip() for c in cells]


@pytest.fixture(scope="module")
def follow_up() -> Uppfoljning:
    return Uppfoljning.model_validate(yaml.safe_load(FIXTURE.read_text(encoding="utf-8")))


def test_build_date_comes_from_source_date_epoch():
    assert build_date({"SOURCE_DATE_EPOCH": EPOCH}) == BUILD
    assert build_date({"SOURCE_DATE_EPOCH": "0"}) == dt.date(1970, 1, 1)


def test_age_is_counted_in_calendar_months():
    assert fu.age(dt.date(2023, 10, 9), dt.date(2026, 12, 3)) == "3 år och 1 månad"
    assert fu.age(dt.date(2021, 6, 16), dt.date(2021, 6, 30)) == "mindre än en månad"
    assert fu.age(dt.date(2021, 6, 16), dt.date(2022, 6, 15)) == "11 månader"


def test_a_record_sets_the_latest_status(site_data, follow_up):
    plan = site_data.handlingsplaner["2019-2023"]
    items = {k.activity.id: k for k in fu.known(plan, follow_up)}
    # 2.4 (Budget och resursplanering, Styrgruppen): no note in the plan, one fictional record
    assert items["2.4"].status_text == "pågår" and items["2.4"].latest.datum == dt.date(2026, 11, 20)
    # 3.2: the plan's own words, verbatim (version 210616)
    assert items["3.2"].latest.rapporterat == "Inte gjorts"
    # 2.2 (Lagkrockar): nothing in the plan, no record
    assert items["2.2"].latest is None and items["2.2"].status_text == "ingen post"
    assert fu.report_date(list(items.values()), BUILD) == dt.date(2026, 11, 20)
    assert fu.report_date([], BUILD) == BUILD


def test_own_and_shared_for_a_municipality(site_data):
    """By hand from the plan (version 210616): Ljungby is named ("Respektive kommun",
    "Respektive kommuns utsedda kommunikatör") in 1.3, 2.5, 3.1 and 6.3; every other
    activity reaches it only through the steering group, the principals or a group."""
    from macros.domain.organisation import organisation

    org = organisation(site_data)
    plan = site_data.handlingsplaner["2019-2023"]
    own, shared = fu.own_and_shared(org, plan, "ljungby")
    assert [r.activity.id for r in own] == ["1.3", "2.5", "3.1", "6.3"]
    assert "2.4" in [r.activity.id for r in shared] and "2.3" not in [r.activity.id for r in own + shared]
    own_vx, _ = fu.own_and_shared(org, plan, "vaxjo")
    assert "2.3" in [r.activity.id for r in own_vx]  # Växjö kommuns digitaliseringsansvarig


# ------------------------------------------------------------------ bad records


def _data_copy(tmp_path, fixture):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    shutil.copy(fixture, data / "uppfoljning" / "2019-2023.yaml")
    return data


def test_unknown_activity_and_future_date_name_file_line_entry_and_field(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    with pytest.raises(DataError) as exc:
        load_site(_data_copy(tmp_path, BAD))
    found = {(p.file, p.line, p.entry, p.field) for p in exc.value.problems}
    # lines counted in tests/fixtures/uppfoljning-fel.yaml
    assert ("data/uppfoljning/2019-2023.yaml", 5, "9.9", "id") in found
    assert ("data/uppfoljning/2019-2023.yaml", 14, "2.6", "poster[0].datum") in found
    assert len(found) == 2


def test_a_record_may_be_dated_on_the_build_date(tmp_path):
    data = _data_copy(tmp_path, FIXTURE)
    assert load_site(data, today=dt.date(2026, 11, 20)).uppfoljningar["2019-2023"].of("2.4")
    with pytest.raises(DataError, match="ligger efter byggdagen 2026-11-19"):
        load_site(data, today=dt.date(2026, 11, 19))


def test_the_first_records_are_the_plans_own_notes_verbatim(site_data):
    """Every note the plan itself makes (version 210616) is a record resting on the
    plan, word for word, and no record resting on the plan says anything else."""
    for plan_id, follow_up in site_data.uppfoljningar.items():
        plan = site_data.handlingsplaner[plan_id]
        for a in plan.aktiviteter:
            notes = [n.text for n in a.status] if isinstance(a.status, list) else []
            entry = follow_up.of(a.id)
            from_plan = [p.rapporterat for p in entry.poster if p.underlag == "handlingsplan"] if entry else []
            assert sorted(from_plan) == sorted(notes), a.id
            if entry and from_plan:
                assert entry.poster[0].underlag == "handlingsplan", a.id  # the plan's notes come first


@pytest.mark.build
def test_bad_records_stop_the_build(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    project = copy_project(tmp_path / "projekt")
    shutil.copy(BAD, project / "data" / "uppfoljning" / "2019-2023.yaml")
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert 'data/uppfoljning/2019-2023.yaml:5, post "9.9", fält "id"' in result.stderr
    assert 'data/uppfoljning/2019-2023.yaml:14, post "2.6", fält "poster[0].datum"' in result.stderr
    shutil.copy(BAD_STATUS, project / "data" / "uppfoljning" / "2019-2023.yaml")
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert 'data/uppfoljning/2019-2023.yaml:8, post "2.4", fält "poster[0].status"' in result.stderr
    assert not (tmp_path / "site" / "styrning").exists()


# ------------------------------------------------------------------ a record on the built pages


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("uppfoljning")
    project = copy_project(tmp / "projekt")
    shutil.copy(FIXTURE, project / "data" / "uppfoljning" / "2019-2023.yaml")
    mp = pytest.MonkeyPatch()
    mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
    try:
        result = run_build(project, tmp / "site")
    finally:
        mp.undo()
    assert result.returncode == 0, result.stderr[-3000:]
    return tmp / "site"


@pytest.mark.build
def test_record_on_the_status_report(fixture_site):
    page = (fixture_site / "styrning" / "statusrapport" / "index.html").read_text(encoding="utf-8")
    text = _text(page)
    assert "Rapportens datum: 20 november 2026" in text
    assert "före byggdagen 1 december 2026" in text
    row = page.split(">2.4</a></th>", 1)[1].split("</tr>", 1)[0]
    row_text = _text(row)
    assert "Pågår" in row_text and "20 november 2026" in row_text
    assert "Fiktivt protokoll från styrgruppen 20 november 2026" in row_text
    assert "styrgruppens protokoll eller minnesanteckningar" in row_text
    # Polisen (by hand from the plan): named nowhere; in the steering group for 2.1 and 2.4;
    # of those only 2.4 has a record (the fictional one).
    assert _row(page, "Polismyndigheten i Kronobergs län") == ["0", "0", "2", "1"]


@pytest.mark.build
def test_record_on_the_meeting_papers(fixture_site):
    page = (fixture_site / "styrning" / "underlag" / "index.html").read_text(encoding="utf-8")
    area2 = page.split('id="underlag-omrade-2"', 1)[1].split('id="underlag-omrade-3"', 1)[0]
    new = area2.split('id="utan-post-2"', 1)[0]
    assert ">2.4</a></th>" in new
    assert _row(new, '<a href="../../handlingsplan/2019-2023/#aktivitet-2-4">2.4</a>')[:2] == ["ingen post", "pågår"]
    without = _text(area2.split('id="utan-post-2"', 1)[1].split('id="granska-2"', 1)[0])
    assert "2.4 Budget" not in without and "2.2 Identifiera" in without
    # one printed page per area: every area heading starts a page
    assert page.count('class="bbg-ny-sida"') == 6
    css = (fixture_site / "assets" / "stylesheets" / "handbok.css").read_text(encoding="utf-8")
    assert re.search(r"h2\.bbg-ny-sida \{\s*break-before: page;", css)


@pytest.mark.build
def test_record_on_the_party_page(fixture_site):
    page = (fixture_site / "roller" / "parter" / "ljungby" / "index.html").read_text(encoding="utf-8")
    own = page.split('id="egna-aktiviteter"', 1)[1].split("</table>", 1)[0]
    shared = page.split('id="genom-gemensamma-organ-och-roller"', 1)[1].split("</table>", 1)[0]
    assert re.findall(r">(\d\.\d)</a></th>", own) == ["1.3", "2.5", "3.1", "6.3"]
    assert "2.4" in re.findall(r">(\d\.\d)</a></th>", shared)


@pytest.mark.build
def test_plan_pages_link_the_report(fixture_site):
    for path in ("handlingsplan/2019-2023/index.html", "handlingsplan/2019-2023/omrade-2/index.html"):
        page = (fixture_site / path).read_text(encoding="utf-8")
        assert re.search(r'href="[./]*styrning/statusrapport/"', page), path
        assert re.search(r'href="[./]*styrning/underlag/"', page), path


@pytest.mark.browser
def test_meeting_papers_print_each_area_from_the_top_of_an_a4_page(fixture_site, site_data):
    import io

    from pypdf import PdfReader

    import browser_support as bs

    if not Path(bs.CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed")
    server = bs.SiteServer(fixture_site)
    try:
        with bs.chromium() as browser:
            page = browser.new_page()
            page.goto(server.base + "styrning/underlag/", wait_until="load")
            page.emulate_media(media="print")
            pdf = page.pdf(format="A4", prefer_css_page_size=True)
    finally:
        server.close()
    starts = [(p.extract_text() or "").lstrip() for p in PdfReader(io.BytesIO(pdf)).pages]
    assert starts[0].startswith("Underlag till styrgruppens möte")
    for area in site_data.handlingsplaner["2019-2023"].amnesomraden:
        heading = f"{area.nummer}. {area.namn}"
        assert any(s.startswith(heading) for s in starts), heading
