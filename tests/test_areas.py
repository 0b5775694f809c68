"""Each area's macros, called directly as plain functions over a Context on
the real data, without mkdocs. Expected values are written by hand from the
seed documents (tests/fixtures/seeds, data/kallor.yaml) or the YAML data."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
import yaml

from conftest import ROOT
from macros.areas import decisions, documents, finance, governance, organisation, plan, practice, provenance, training
from macros.context import Context
from macros.paths.layout import current_plan


@pytest.fixture(scope="module")
def ctx_at(site_data):
    return lambda page: Context.for_page(site_data, page)


def test_plan_macros(ctx_at):
    ctx = ctx_at("index.md")
    # Handlingsplan 2019–2023, cover page: set 2020-04-03 by the steering group, revised 200904 and 210616.
    assert plan.plan_meta(ctx) == "Fastställd av styrgruppen 3 april 2020, reviderad 4 september 2020 och 16 juni 2021."
    assert plan.plan_vision(ctx).startswith("Tillsammans skapar vi en trygg och säker uppväxt för VARJE barn")
    whole = plan.plan_document(ctx)
    for anchor in ("aktivitet-1-1", "aktivitet-2-6", "aktivitet-4-1"):
        assert f'id="{anchor}"' in whole
    area = plan.plan_area(ctx_at("handlingsplan/2019-2023/omrade-1.md"), "2019-2023", 1)
    assert "(index.md#aktivitet-1-1)" in area  # a Markdown link mkdocs validates, relative to the area page


def test_current_plan_is_the_newest_period():
    old = SimpleNamespace(period=SimpleNamespace(first_day=dt.date(2019, 1, 1)))
    new = SimpleNamespace(period=SimpleNamespace(first_day=dt.date(2024, 1, 1)))
    site = SimpleNamespace(handlingsplaner={"2019-2023": old, "2024-2025": new})
    assert current_plan(site) is new


def test_organisation_macros(ctx_at):
    page = organisation.party_page(ctx_at("roller/parter/ljungby.md"), "ljungby")
    # Inriktningsbeslut 2018, financing table: Ljungby 14,48 %, 31 920 kr from Sept 2018, 96 726 kr for 2019.
    assert "14,48%" in page and "31\u00a0920 kr" in page and "96\u00a0726 kr" in page  # no-break spaces between thousands
    role = organisation.role_page(ctx_at("roller/processledare.md"), "processledare")
    assert "../handlingsplan/2019-2023/#aktivitet-1-1" in role  # 1.1: "Processledarna, Tvärgrupp barn och unga"
    chart = organisation.org_chart(ctx_at("roller/index.md"))
    assert 'href="styrgrupp/"' in chart and 'href="processledare/"' in chart


def test_financing_macros(ctx_at):
    ctx = ctx_at("styrning/finansiering.md")
    table = finance.financing_table(ctx)
    for figure in ("299\u00a0197", "96\u00a0726", "29\u00a0993"):  # Växjö, Ljungby, Lessebo 2019 (seed 003)
        assert figure in table
    assert finance.financing_table(ctx, "inriktningsbeslut-2018") == table


def test_decision_macros(ctx_at):
    ctx = ctx_at("styrning/beslut.md")
    # Inline Markdown: the "!" is escaped so it is shown, never read as Markdown.
    assert decisions.source_title(ctx, "handlingsplan-2019-2023") == (
        "Länsgemensam övergripande handlingsplan för Barnens bästa gäller\\! i Kronoberg 2019–2023"
    )
    history = decisions.decision_history(ctx)
    assert "2018" in history and "2020" in history


def test_practice_macros(ctx_at):
    assert "(praxismodellen/anmalningsplikt.md)" in practice.fara(ctx_at("index.md"))
    # A guidance page under praxismodellen/ gets the box from the build; a second one is refused by name.
    with pytest.raises(ValueError, match=r"fara\(\): docs/praxismodellen/bba.md får rutan"):
        practice.fara(ctx_at("praxismodellen/bba.md"))
    osl = practice.law_table(ctx_at("praxismodellen/informationsdelning.md"), "osl-")
    assert "offentlighets- och sekretesslagen" in osl and "skollagen" not in osl.lower().split("</caption>")[1]
    link = practice.plan_template_link(ctx_at("praxismodellen/mall-barnets-plan.md"))
    assert link.endswith("(barnets-plan-mall.rtf)\n{: .bbg-skarm }")  # a download: for the screen only


def test_training_macros(ctx_at):
    header = training.module_header(ctx_at("utbildning/m01-varfor-och-vad.md"), "m01")
    assert "/utbildning/m01-varfor-och-vad/" in header
    with pytest.raises(ValueError, match="modul m01 ska stå på docs/utbildning/m01-varfor-och-vad.md"):
        training.module_header(ctx_at("utbildning/index.md"), "m01")
    listing = training.education_list(ctx_at("utbildning/utbildningar/index.md"))
    educations = yaml.safe_load((ROOT / "data" / "utbildning.yaml").read_text(encoding="utf-8"))["utbildningar"]
    assert listing.count("\n") + 1 == len(educations)  # one line per education in data/utbildning.yaml, read as YAML


def test_steering_macros(ctx_at):
    ctx = ctx_at("styrning/statusrapport.md")
    text = governance.status_overview(ctx, as_of=dt.date(2026, 11, 25))
    # the build date is the reference for "time has passed"; the report's own date is its newest record's
    assert text.startswith("**Rapportens datum: ") and "före byggdagen 25 november 2026" in text
    assert governance.calendar_link(ctx_at("styrning/kalender.md")).endswith("(uppfoljningar.ics)")
    history = governance.revision_history(ctx_at("styrning/revisioner.md"))
    assert "**3 april 2020**" in history and '(i planen: "210616")' in history


def test_provenance_macros(ctx_at):
    ctx = ctx_at("om-webbplatsen/index.md")
    assert "Förslag" in provenance.forslag(ctx)
    mark = provenance.kontrolleras(ctx, "en <b>källa</b>")
    assert "Kontrolleras" in mark and "en &lt;b&gt;källa&lt;/b&gt;" in mark and "<b>" not in mark
    # the plan's title (seed 001) and the section, as the reader's source line
    assert "Källa" in provenance.kalla(ctx, "handlingsplan-2019-2023", "s. 2") and "s. 2" in provenance.kalla(ctx, "handlingsplan-2019-2023", "s. 2")


def test_change_note_macros(ctx_at):
    ctx = ctx_at("om-webbplatsen/andringar.md")
    assert documents.change_feed_link(ctx).endswith("(../andringar.xml)")
    log = documents.change_log(ctx)
    # newest first: this session's notes (25 November 2026) before the first publication (24 November 2026)
    assert log.index("25 november 2026") < log.index("24 november 2026")
