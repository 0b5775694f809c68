"""Steering group: follow-up calendar (iCalendar read back with a real
library), status overview and the revision history of plan versions."""

from __future__ import annotations

import datetime as dt
import html
import re

import icalendar
import pytest
import yaml

from conftest import ROOT
from macros.data.models.handlingsplan import Handlingsplan, Planversion
from macros.data.models.uppfoljning import Uppfoljning
from macros.render.follow_up import activity_table, known, status_counts_table
from macros.render.governance import calendar_ics, calendar_items, diff, ended, month_spans

FIXTURE = ROOT / "tests" / "fixtures" / "handlingsplan-2024-2025.yaml"
VERSION = ROOT / "tests" / "fixtures" / "handlingsplan-2024-2025--2024-02-01.yaml"


@pytest.fixture(scope="module")
def plan():
    return Handlingsplan.model_validate(yaml.safe_load(FIXTURE.read_text(encoding="utf-8")))


def test_month_spans():
    assert month_spans([1, 2]) == [(1, 2)]
    assert month_spans([4, 11]) == [(4, 4), (11, 11)]
    assert month_spans([7, 8, 9, 12]) == [(7, 9), (12, 12)]


def test_calendar_reads_back_as_the_data_says(site_data):
    plan = site_data.handlingsplaner["2019-2023"]
    cal = icalendar.Calendar.from_ical(calendar_ics([plan]))
    events = list(cal.walk("VEVENT"))
    expected = []
    for p in calendar_items(plan):
        for first, last in month_spans(p.item.manader):
            expected.append((p.item.rubrik, dt.date(p.first_year, first, 1), p.last_year, first, last))
    assert len(events) == len(expected) and expected
    for ev, (title, start, last_year, first, last) in zip(events, expected):
        assert str(ev["SUMMARY"]) == title
        assert ev["DTSTART"].dt == start
        end = ev["DTEND"].dt
        assert (end.year * 12 + end.month) - (start.year * 12 + start.month) == last - first + 1
        rrule = ev.get("RRULE")
        if last_year > start.year:
            assert rrule["FREQ"] == ["YEARLY"] and rrule["UNTIL"][0] == dt.date(last_year, 12, 31)
        else:
            assert rrule is None
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    # the budget in January–February and the status analyses in April and November
    starts = {(str(e["SUMMARY"]), e["DTSTART"].dt.month) for e in events}
    assert any(m == 1 and "budget" in s.lower() for s, m in starts)
    assert {4, 11} <= {m for s, m in starts if s.startswith("Nulägesanalys")}


def test_items_without_a_time_of_year_are_not_in_the_file(site_data):
    plan = site_data.handlingsplaner["2019-2023"]
    undated = [p for p in calendar_items(plan) if not p.item.manader]
    assert undated, "the plan has yearly follow-ups without a month (e.g. the researchers' report)"
    text = calendar_ics([plan]).decode("utf-8").replace("\r\n ", "")
    for p in undated:
        assert p.item.rubrik not in text


def test_calendar_is_stamped_with_the_plan_not_the_clock(site_data):
    text = calendar_ics(list(site_data.handlingsplaner.values())).decode("utf-8")
    # the plan's last revision, 210616 (seed 001), for every event
    stamps = {line for line in text.split("\r\n") if line.startswith("DTSTAMP")}
    assert stamps == {"DTSTAMP:20210616T000000Z"}
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))


def test_built_calendar_and_page(built_site, site_data):
    data = (built_site / "styrning" / "uppfoljningar.ics").read_bytes()
    events = list(icalendar.Calendar.from_ical(data).walk("VEVENT"))
    plan = site_data.handlingsplaner["2019-2023"]
    # Each follow-up with months in the YAML is one event per run of consecutive months.
    dated = [k for a in plan.aktiviteter for k in a.kalender if k.manader]
    assert {str(e["SUMMARY"]) for e in events} == {k.rubrik for k in dated}
    # hand count from data/handlingsplan/2019-2023.yaml: [12], [12], [1, 2], [7, 8, 9], [4, 11] (two runs)
    assert sorted(e["DTSTART"].dt.month for e in events) == [1, 4, 7, 11, 12, 12]
    page = (built_site / "styrning" / "kalender" / "index.html").read_text(encoding="utf-8")
    assert 'href="../uppfoljningar.ics"' in page
    text = html.unescape(page)
    for p in calendar_items(site_data.handlingsplaner["2019-2023"]):
        assert p.item.harlett in text


# ------------------------------------------------------------------ status


def test_ended_and_status_on_fixture(plan):
    a11, a12, a21 = plan.aktiviteter
    assert ended(a11, dt.date(2025, 7, 1)) and not ended(a11, dt.date(2025, 6, 30))
    assert not ended(a12, dt.date(2030, 1, 1))  # open end never ends
    # A fictional follow-up: the plan's own note on 2.1 ("Rapport") and a later record on 1.2.
    follow_up = Uppfoljning.model_validate(
        {
            "id": "2024-2025",
            "aktiviteter": [
                {"id": "1.2", "poster": [{"datum": "2024-05-02", "status": "pagar", "rapporterat": "Fiktivt: första analysen klar",
                                          "underlag": "styrgruppsprotokoll", "kalla": {"titel": "Fiktivt protokoll"}}]},
                {"id": "2.1", "poster": [{"datum": "2024-10-01", "status": "okand", "rapporterat": "Rapport",
                                          "underlag": "handlingsplan", "kalla": {"titel": "Fiktiv plan"}}]},
            ],
        }
    )
    items = known(plan, follow_up)
    assert [k.status_text for k in items] == ["ingen post", "pågår", "okänd"]
    assert [k.activity.id for k in items if ended(k.activity, dt.date(2026, 1, 1)) and not k.posts] == ["1.1"]
    out = str(status_counts_table(items, dt.date(2024, 10, 1)))
    assert "<caption>Aktiviteter efter senaste status, läget 1 oktober 2024</caption>" in out
    counts = {}
    for row in out.split("<tr>")[2:]:
        cells = re.findall(r"</span> ([^<]*)</t[hd]>", row)
        counts[cells[0]] = cells[1]
    assert counts == {"Genomförd": "0", "Pågår": "1", "Inte påbörjad": "0", "Avslutad utan åtgärd": "0", "Okänd": "1",
                      "Ingen post": "1", "Alla aktiviteter": "3"}
    table = str(activity_table(items, "x", lambda a: "#", dt.date(2026, 1, 1), lambda k: (k.titel, None)))
    assert "Ingen post: inget underlag säger något om aktiviteten." in table and "”Fiktivt: första analysen klar”" in table
    assert "(tiden har gått ut)" in table and "&lt;b&gt;med tecken&lt;/b&gt;" in table


def test_status_handout_prints_on_a4(built_site, root):
    css = (root / "docs" / "assets" / "stylesheets" / "handbok.css").read_text(encoding="utf-8")
    assert re.search(r"@page\s*\{[^}]*\bsize:\s*a4\b", css, re.IGNORECASE), "the print stylesheet sets the page to A4"
    page = (built_site / "styrning" / "statusrapport" / "index.html").read_text(encoding="utf-8")
    assert page.count('class="bbg-tabell bbg-kort bbg-status"') == 6
    assert "Per part" in page


def test_status_handout_quotes_the_plans_own_notes(built_site, site_data):
    """The plan (version 210616) notes "Inte gjorts" (3.2), "Ny aktivitet våren 2021"
    (3.3) and "6 nov 2021" (4.1, own cell): the first records, shown verbatim, never as "redovisat"."""
    page = html.unescape((built_site / "styrning" / "statusrapport" / "index.html").read_text(encoding="utf-8"))
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))
    assert "redovisat" not in text.replace("Redovisat", "redovisat").replace("redovisar", "")
    assert "Tiden har gått ut, och ingen post finns" in text
    for note in ("”Inte gjorts”", "”Ny aktivitet våren 2021”", "”6 nov 2021”"):
        assert note in text, note
    # how many activities have no record after 2021, counted here from the data
    records = site_data.uppfoljningar["2019-2023"]
    plan = site_data.handlingsplaner["2019-2023"]
    later = {a.id for a in records.aktiviteter if any(p.datum.year >= 2022 for p in a.poster)}
    assert f"{len(plan.aktiviteter) - len(later)} av {len(plan.aktiviteter)} aktiviteter har ingen post efter 2021" in text


# ------------------------------------------------------------------ revisions


def test_diff_between_two_versions():
    old = Planversion.model_validate(yaml.safe_load(VERSION.read_text(encoding="utf-8")))
    new = Handlingsplan.model_validate(yaml.safe_load(FIXTURE.read_text(encoding="utf-8")))
    d = diff(old, new)
    assert [a.id for a in d.added] == ["1.2"]
    assert [a.id for a in d.removed] == ["2.2"]
    assert [(o.id, fields) for o, _, fields in d.changed] == [("1.1", ["Tid"])]
    assert diff(new, new).empty


def test_revision_history_page_is_generated_from_versions(edited_site):
    # the fixture plan and an earlier wording of it in data/ (conftest.py)
    page = (edited_site / "styrning" / "revisioner" / "index.html").read_text(encoding="utf-8")
    section = page.split('id="plan-2024-2025"', 1)[1].split('id="plan-2019-2023"', 1)[0]
    assert "Från 1 februari 2024 till 1 oktober 2024" in section
    assert "Tillagda aktiviteter" in section and "1.2 Analysera läget" in section
    assert "Borttagna aktiviteter" in section and "2.2 En fiktiv aktivitet" in section
    assert "Ändrade aktiviteter" in section and "Q1 2024 – Q4 2024" in section
    real = page.split('id="plan-2019-2023"', 1)[1]
    assert "Planen anger inte vad som ändrades." in real and "Tidigare lydelser av planen finns inte" in real
