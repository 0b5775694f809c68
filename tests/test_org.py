"""Parties, roles, financing and decisions: generated from data, checked."""

from __future__ import annotations

import html
import re
from decimal import Decimal

import pytest

from macros.data.models.finansiering import Finansiering
from macros.render.finance import cross_check, financing_table
from macros.domain.organisation import Org
from macros.render.organisation import matrix

# A small made-up table with one known error: B's published amount is 100 kr
# too high, so its row and the column sum must both be flagged.
FIXTURE = {
    "id": "test",
    "rubrik": "Testfinansiering",
    "kallor": [{"titel": "Fiktivt underlag"}],
    "kostnader": [{"post": "Tjänst", "belopp": {"original": "800 tkr", "kronor": 800000}},
                  {"post": "Aktiviteter", "belopp": {"original": "200 tkr", "kronor": 200000}}],
    "summa_per_ar": {"original": "1 000 tkr", "kronor": 1000000},
    "region": {"original": "500 000 kr", "kronor": 500000},
    "kommunernas_fordelning": "test",
    "kolumner": [{"id": "ar", "rubrik": "År 1", "summa": {"original": "500 000", "kronor": 500000},
                  "bas": {"original": "500 000", "kronor": 500000}}],
    "andel_summa_original": "100 %",
    "kommuner": [
        {"aktor": "vaxjo", "andel_original": "60 %", "andel": 60, "belopp": {"ar": 300000}},
        {"aktor": "ljungby", "andel_original": "40 %", "andel": 40, "belopp": {"ar": 200100}},
    ],
}


@pytest.fixture(scope="module")
def fixture_fin() -> Finansiering:
    return Finansiering.model_validate(FIXTURE)


def test_cross_check_finds_the_known_discrepancy(fixture_fin):
    checks = {c.what: c for c in cross_check(fixture_fin, lambda a: a)}
    assert checks["vaxjo, År 1"].status == "stammer"
    assert checks["ljungby, År 1"].status == "avviker"
    assert checks["ljungby, År 1"].difference == Decimal(100)
    assert checks["Kolumnsumman för År 1"].status == "avviker"
    assert checks["Kolumnsumman för År 1"].implied == Decimal(500100)
    assert checks["Summan av andelarna"].status == "stammer"
    assert checks["Summa per år"].status == "stammer" and checks["Region Kronobergs halva"].status == "stammer"


def test_table_shows_published_figure_and_the_difference_beside_it(fixture_fin):
    out = str(financing_table(fixture_fin, lambda a: a, lambda a: None))
    row = out.split('</span> ljungby</th>', 1)[1].split("</tr>", 1)[0]
    assert row.index("200\u00a0100") < row.index("Avviker")  # published first, unchanged
    assert "200\u00a0000,00" in row and "100,00 kr skillnad" in row  # 40 % of 500 000
    assert "Avviker" not in out.split('</span> vaxjo</th>', 1)[1].split("</tr>", 1)[0]


def test_real_financing_checks_match_hand_arithmetic(site_data):
    """The 2019 column of the 2018 decision (seed 003), worked by hand: each
    municipality's share of 668 000 kr, the column sum and the sum of shares."""
    fin = site_data.get("finansiering", "inriktningsbeslut-2018")
    checks = {c.what: c for c in cross_check(fin, lambda a: site_data.get("aktor", a).kortnamn)}
    col = "2019"
    rubrik = next(c.rubrik for c in fin.kolumner if c.id == "ar-2019")
    # 14,48 % × 668 000 = 96 726,40: published 96 726, a rounding difference
    assert checks[f"Ljungby, {rubrik}"].implied == Decimal("96726.40")
    assert checks[f"Ljungby, {rubrik}"].status == "avrundning"
    # 10,46 % × 668 000 = 69 872,80, but the table says 68 872: 1 000,80 kr short
    assert checks[f"Alvesta, {rubrik}"].implied == Decimal("69872.80")
    assert checks[f"Alvesta, {rubrik}"].published == Decimal(68872)
    assert checks[f"Alvesta, {rubrik}"].status == "avviker"
    # 299 197 + 96 726 + 29 993 + 46 359 + 35 404 + 33 867 + 56 579 + 68 872 = 666 997, not 668 000
    assert checks[f"Kolumnsumman för {rubrik}"].implied == Decimal(666997)
    assert checks[f"Kolumnsumman för {rubrik}"].status == "avviker"
    # 44,79 + 14,48 + 4,49 + 6,94 + 5,30 + 5,07 + 8,47 + 10,46 = 100,00
    assert checks["Summan av andelarna"].implied == Decimal(100)
    assert col in rubrik


def test_september_2018_column_is_read_as_four_months_of_2019(site_data):
    """Issue 12, by hand: each Sept-2018 figure is 0,33 × the 2019 figure (Ljungby
    96 726 × 0,33 = 31 919,58 -> 31 920), Växjö's a third (299 197 / 3 = 99 732,33).
    Only Alvesta's 2019 figure (and so the 2019 column sum) still deviates."""
    fin = site_data.get("finansiering", "inriktningsbeslut-2018")
    checks = {c.what: c for c in cross_check(fin, lambda a: site_data.get("aktor", a).kortnamn)}
    assert checks["Ljungby, Kostnad Från sept. 2018"].implied == Decimal("31919.58")
    assert checks["Växjö, Kostnad Från sept. 2018"].working.startswith("⅓ × 299")
    assert abs(checks["Växjö, Kostnad Från sept. 2018"].implied - Decimal("99732.3333")) < Decimal("0.001")
    for name in ("Växjö", "Ljungby", "Lessebo", "Tingsryd", "Uppvidinge", "Markaryd", "Älmhult", "Alvesta"):
        assert checks[f"{name}, Kostnad Från sept. 2018"].status in ("stammer", "avrundning"), name
    deviating = sorted(c.what for c in checks.values() if c.status == "avviker")
    assert deviating == ["Alvesta, Kostnad 2019", "Kolumnsumman för Kostnad 2019"]
    assert fin.kolumner[0].harledning.grund.typ == "tolkning"


def test_built_financing_page_shows_every_published_figure(built_site, site_data):
    fin = site_data.get("finansiering", "inriktningsbeslut-2018")
    page = html.unescape((built_site / "styrning" / "finansiering" / "index.html").read_text(encoding="utf-8")).replace("\u00a0", " ")
    for row in fin.kommuner:
        assert row.andel_original in page
        for value in row.belopp.values():
            assert f"{int(value):,}".replace(",", " ") in page  # 299197 -> "299 197"
    for text in ("1 036 mkr", "1 336 mkr", "300 tkr", "668 000 kr/år", "221 106", "100,0%"):
        assert text in page


# ------------------------------------------------------------------ responsibilities from the plan


def _org(site_data) -> Org:
    return Org(site_data.aktorer.aktorer, site_data.roller.roller)


def test_every_named_role_and_party_has_the_activity(site_data):
    org = _org(site_data)
    plan = site_data.handlingsplaner["2019-2023"]
    for act in plan.aktiviteter:
        for part in act.ansvarig.parter:
            if part.roll:
                assert act.id in [r.activity.id for r in org.role_responsibilities(plan, part.roll)], (act.id, part.roll)
            if part.aktor:
                owner = org.owner(part.aktor)
                assert act.id in [r.activity.id for r in org.party_responsibilities(plan, owner)], (act.id, owner)


def test_group_and_role_responsibilities_reach_members(site_data):
    org = _org(site_data)
    plan = site_data.handlingsplaner["2019-2023"]
    # 1.3 names "Respektive verksamhet i kommun": every municipality answers for it through the group
    for m in site_data.get("aktor", "kommunerna").medlemmar:
        r = {x.activity.id: x for x in org.party_responsibilities(plan, m)}["1.3"]
        assert r.via and "Länets kommuner" in r.via
    # the process leaders sit at Region Kronoberg: 1.1 reaches the region through the role
    region = {x.activity.id: x for x in org.party_responsibilities(plan, "region-kronoberg")}
    assert region["1.1"].via == "rollen Processledarna"
    # 2.3: Växjö is named directly with its digitalisation lead; Ljungby is not
    assert "2.3" in {x.activity.id for x in org.party_responsibilities(plan, "vaxjo")}
    assert "2.3" not in {x.activity.id for x in org.party_responsibilities(plan, "ljungby")}


def test_matrix_has_a_row_per_activity_and_words_in_cells(site_data):
    org = _org(site_data)
    plan = site_data.handlingsplaner["2019-2023"]
    out = str(matrix(org, plan, lambda a: f"#a{a.id}", lambda p: None))
    # Seed 002: 23 activities in 6 subject areas; the parties its cells name are the
    # eight municipalities, "Länets kommuner", Region Kronoberg, Polisen and Linnéuniversitetet.
    assert out.count("<tr>") == 1 + 23
    assert out.count('<tr class="bbg-matris-omrade"><th scope="rowgroup"') == 6
    assert out.count('<th scope="col"') == 1 + 12
    assert "Inget ansvar" in out and "<caption>" in out
    # Every party column has its abbreviation from data/aktorer.yaml and the full name
    assert '<span class="bbg-matris-forkortning">VÄX</span><span class="md-visually-hidden">, Växjö kommun</span>' in out


def test_matrix_short_text_cuts_at_a_word():
    from macros.render.organisation import short_text

    assert short_text("Ta fram en digital plattform", 60) == "Ta fram en digital plattform"
    assert short_text("Ta fram en digital plattform och utforma arbetssättet", 20) == "Ta fram en digital…"
    assert short_text("Budget och resursplanering, fastställs i januari", 27) == "Budget och resursplanering…"


def test_abbreviations_must_be_unique():
    from pydantic import ValidationError

    from macros.data.models.aktorer import AktorerFil

    source = [{"titel": "Testkälla"}]  # a party is a factual entry: it needs a source (issue 12)
    parties = [{"id": "a", "namn": "A kommun", "typ": "kommun", "forkortning": "ALV", "kallor": source},
               {"id": "b", "namn": "B kommun", "typ": "kommun", "forkortning": "Alv", "kallor": source}]
    with pytest.raises(ValidationError, match='förkortningen "Alv" används av både "a" och "b"'):
        AktorerFil.model_validate({"aktorer": parties})


def test_built_role_and_party_pages(built_site, site_data):
    for role in site_data.roller.roller:
        page = built_site / "roller" / role.id / "index.html"
        assert page.exists(), role.id
        assert "Vad ansvarar vi för?" in page.read_text(encoding="utf-8")
    for party in site_data.aktorer.aktorer:
        text = (built_site / "roller" / "parter" / party.id / "index.html").read_text(encoding="utf-8")
        for unit in party.enheter:
            assert f'id="enhet-{unit.id}"' in text
    vaxjo = (built_site / "roller" / "parter" / "vaxjo" / "index.html").read_text(encoding="utf-8")
    assert "44,79%" in vaxjo and "299\u00a0197" in vaxjo
    styr = (built_site / "roller" / "styrgrupp" / "index.html").read_text(encoding="utf-8")
    assert "Förslaget i inriktningsbeslutet 2018" in styr and "Enligt handlingsplanen 2019–2023" in styr
    proc = (built_site / "roller" / "processledare" / "index.html").read_text(encoding="utf-8")
    assert "1,5 årsarbetare" in proc and "2,0 årsarbetare" in proc


def test_role_pages_mark_reporting_lines_no_source_states(built_site):
    """roller.yaml: the process leaders' line to the steering group is a proposal
    (the plan says they are led by a Region Kronoberg manager), the working
    committee's is a reading of "bereder ärenden ... till styrgruppsmötena"."""
    def facts(role_id):
        text = (built_site / "roller" / role_id / "index.html").read_text(encoding="utf-8")
        start = text.index("Rapporterar till:") if "Rapporterar till:" in text else text.index("Rapporterar hit:")
        return re.sub(r"<[^>]+>", " ", text[start : text.index("</ul>", start)])

    assert "Förslag" in facts("processledare").split("Rapporterar hit:")[0]
    assert "Tolkning" in facts("arbetsutskott")
    assert "Förslag" not in facts("arbetsutskott")


def test_decision_history_page(built_site, site_data):
    page = (built_site / "styrning" / "beslut" / "index.html").read_text(encoding="utf-8")
    ids = re.findall(r'<h2 id="beslut-([^"]+)"', page)
    assert ids == [b.id for b in site_data.beslut.beslut]
    assert "Bu § 96, dnr 2018/0234" in page and "Sn § 40" in page
