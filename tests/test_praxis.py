"""The practice model: data-driven answers, guidance-page rules, glossary,
laws and the template of barnets plan."""

from __future__ import annotations

import re

import pytest
import yaml

from conftest import ROOT, copy_project, review_record, run_build
from macros.domain.search_vocabulary import bba_for_age
from macros.render.practice import abbreviations_snippet, check_guidance_meta, guidance_footer


def _page(site, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_bba_by_age_answers_the_practitioner(site_data):
    stages = site_data.praxis.bba_skeden
    four = bba_for_age(stages, 4)
    fourteen = bba_for_age(stages, 14)
    # rk-medarbetare: "Sjuksköterska på barnavårdscentralen är barnetbästa-ansvarig till dess att barnet börjar förskoleklass"
    assert [s.verksamhet for s in four] == ["Barnhälsovården (BVC)"]
    assert "Rektor" in fourteen[0].bba
    for age in range(0, 18):
        assert bba_for_age(stages, age), f"no BBA for age {age}"


def test_built_bba_page_has_the_table_and_duties(built_site, site_data):
    page = _page(built_site, "praxismodellen/bba")
    for stage in site_data.praxis.bba_skeden:
        assert stage.bba in page and stage.skede in page
    assert page.count("<li>", page.index('class="bbg-checklista"')) >= len(site_data.praxis.bba_uppgifter)


def test_every_practice_page_has_the_danger_box_and_review_line(built_site, root):
    pages = sorted((root / "docs" / "praxismodellen").glob("*.md")) + sorted((root / "docs" / "familj").glob("*.md"))
    assert len(pages) >= 10
    for md in pages:
        rel = md.relative_to(root / "docs").with_suffix("")
        path = str(rel.parent) if rel.name == "index" else str(rel)
        html = _page(built_site, path)
        # No review is recorded in data/granskningar.yaml: every page is a draft,
        # and nothing claims a review.
        assert "Senast granskad" not in html and "Granskad " not in html, rel
        assert "Utkast:" in html and "inte granskad eller bekräftad av länet" in html, rel
        assert "Föreslagen ansvarig (förslag):" in html, rel
        if str(rel).startswith("praxismodellen"):
            assert "Är ett barn i fara?" in html and "112" in html, rel
    start = (built_site / "index.html").read_text(encoding="utf-8")
    assert "Är ett barn i fara?" in start and "anmalningsplikt/" in start


def test_guidance_meta_check_names_page_and_field():
    problems = check_guidance_meta(
        "docs/praxismodellen/x.md",
        {"foreslagen_ansvarig": "okand", "kallor": "fel", "granskad": __import__("datetime").date(2026, 11, 24)},
        {"processledare"},
        {"a"},
    )
    text = "\n".join(problems)
    assert 'docs/praxismodellen/x.md: fältet "granskad" får inte stå i sidhuvudet' in text
    assert "data/granskningar.yaml" in text
    assert '"foreslagen_ansvarig" hänvisar till "okand"' in text
    assert '"kallor" ska vara en lista' in text
    assert check_guidance_meta("p.md", {"foreslagen_ansvarig": "processledare", "kallor": ["a"]}, {"processledare"}, {"a"}) == []
    missing = "\n".join(check_guidance_meta("p.md", {"kallor": ["a"]}, {"processledare"}, {"a"}))
    assert 'p.md: fältet "foreslagen_ansvarig" saknas' in missing


def test_footer_says_granskad_only_from_a_recorded_review():
    from macros.domain.review import Status

    draft = guidance_footer(Status("utkast"), None, ("Processledarna", "../roller/processledare.md"), [("Källa", "https://example.org/")])
    assert "Granskad" not in draft and "Utkast:" in draft
    assert "Föreslagen ansvarig (förslag): [Processledarna](../roller/processledare.md)" in draft
    review = review_record(innehall="0123456789ab-0123456789ab", underlag="Protokoll 2027-02-03, § 4")
    done = guidance_footer(Status("granskad", review), ("Styrgruppen", None), ("Processledarna", None), [("Källa", None)])
    assert "Granskad 3 februari 2027 av Styrgruppen (Protokoll 2027-02-03, § 4) · Nästa granskning 3 februari 2028" in done
    assert "Utkast" not in done and "Processledarna (förslag)" in done
    changed = guidance_footer(Status("andrad", review, ("text",)), ("Styrgruppen", None), ("Processledarna", None), [("Källa", None)])
    assert "Ändrad efter granskningen 3 februari 2027" in changed and "Granskad " not in changed


@pytest.mark.build
def test_build_fails_when_a_guidance_page_lacks_its_front_matter(tmp_path):
    project = copy_project(tmp_path / "projekt")
    page = project / "docs" / "praxismodellen" / "bba.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(re.sub(r"^---\n.*?\n---\n", "", text, count=1, flags=re.S), encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert 'docs/praxismodellen/bba.md: fältet "foreslagen_ansvarig" saknas' in result.stderr + result.stdout
    assert not (tmp_path / "site").exists()


def test_glossary_and_abbreviations_come_from_the_data(built_site, site_data):
    page = _page(built_site, "ordlista")
    for term in site_data.ordlista.termer:
        assert f'id="term-{term.id}"' in page
    snippet = abbreviations_snippet(site_data.ordlista.termer)
    abbrevs = [t for t in site_data.ordlista.termer if t.forkortning]
    assert snippet.count("*[") == len(abbrevs)
    bba = _page(built_site, "praxismodellen/bba")
    assert '<abbr title="Barnensbästa-ansvarig">BBA</abbr>' in bba
    assert '<abbr title="Barnavårdscentral">BVC</abbr>' in bba


def _unverified(row) -> bool:
    return row.grund is not None and row.grund.typ == "kontrolleras"


def test_no_new_social_services_act_section_without_a_source(site_data):
    for row in site_data.lagar.lagrum:
        if row.sfs == "2025:400" and not _unverified(row):
            assert any(k.avsnitt and row.lagrum in k.avsnitt for k in row.kallor), row.id


def test_law_page_flags_unverified_sections_and_dates_only_checked_rows(built_site, site_data):
    page = _page(built_site, "praxismodellen/lagar")
    unverified = [r for r in site_data.lagar.lagrum if _unverified(r)]
    # The rows marked kontrolleras in data/lagar.yaml, read as YAML (when a row is
    # confirmed, it loses its mark and gains a source and a date).
    raw = yaml.safe_load((ROOT / "data" / "lagar.yaml").read_text(encoding="utf-8"))["lagrum"]
    assert [r.id for r in unverified] == [r["id"] for r in raw if (r.get("grund") or {}).get("typ") == "kontrolleras"]
    for row in site_data.lagar.lagrum:
        start = page.index(f'id="lagrum-{row.id}"')
        cells = re.findall(r"<td>(.*?)</td>", page[start : page.index("</tr>", start)])
        cells = [re.sub(r'^<span class="bbg-etikett"[^>]*>[^<]*</span> ', "", c) for c in cells]  # card labels
        if _unverified(row):
            assert row.kontrollerad is None
            assert "bbg-grund-kontrolleras" in cells[1], row.id
            assert cells[3] == "–", row.id  # no "Kontrollerad <date>" on a row that is not confirmed
        else:
            assert cells[3] == row.kontrollerad.isoformat(), row.id


def test_osl_10_18a_is_one_way(site_data):
    row = site_data.get("lagrum", "osl-10-18a")
    assert "till Polismyndigheten" in row.betydelse and "bara i den riktningen" in row.betydelse
    assert any(k.dokument == "prop-2011-12-171" for k in row.kallor)


def test_template_download_is_editable_and_complete(built_site, site_data):
    data = (built_site / "praxismodellen" / "barnets-plan-mall.rtf").read_bytes()
    assert data.startswith(b"{\\rtf1")
    text = re.sub(r"\\u(-?\d+)\?", lambda m: chr(int(m[1]) % 65536), data.decode("ascii"))
    for section in site_data.barnets_plan.avsnitt:
        assert section.rubrik in text
        for field in section.falt:
            assert field.rubrik in text
    # the note printed at the foot of the template, as the site writes it
    assert "Innehåller inga personuppgifter förrän den fylls i." in text
    assert text.count("{") == text.count("}")  # a well-formed RTF group structure
    page = _page(built_site, "praxismodellen/mall-barnets-plan")
    assert 'href="../barnets-plan-mall.rtf"' in page


def test_wellbeing_page_says_county_labels_are_unconfirmed(built_site, site_data):
    page = _page(built_site, "praxismodellen/valbefinnande")
    unconfirmed = [i for i in site_data.valbefinnande.indikatorer if not i.kronoberg_etikett]
    assert page.count("Inte bekräftad") == len(unconfirmed)
    for ind in site_data.valbefinnande.indikatorer:
        assert ind.svensk_oversattning in page
        for questions in ind.samtalsfragor.values():
            for q in questions:
                assert q in _text(page), q
