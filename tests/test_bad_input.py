"""Bad data never reaches a page: each kind of mistake a process leader can
make stops the build with a message naming file, entry, field and line, and a
previously published site/ is left byte for byte as it was."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EARLIER_PAGE, copy_project, run_build
from macros.data.loader import DataError
from macros.data.site import load_site

PLAN = "data/handlingsplan/2019-2023.yaml"


def _replace(old: str, new: str):
    def mutate(text: str) -> str:
        assert old in text, f"fixture text not found: {old!r}"
        return text.replace(old, new, 1)

    return mutate


# name -> (file, mutation, substrings the message must contain)
CASES = {
    "yaml-syntax": ("data/roller.yaml", _replace("    namn: Jurister\n", "    namn: [Jurister\n"),
                    ["data/roller.yaml:", "YAML-syntaxfel"]),
    "empty-file": ("data/aktorer.yaml", lambda text: "", ["data/aktorer.yaml", "filen är tom"]),
    "comment-only-file": ("data/aktorer.yaml", lambda text: "# bara en kommentar\n", ["data/aktorer.yaml", "filen är tom"]),
    "missing-field": ("data/roller.yaml", _replace("  - id: jurister\n    namn: Jurister\n", "  - id: jurister\n"),
                      ["data/roller.yaml:", 'post "jurister"', 'fält "namn"', "saknas"]),
    "wrong-type": (PLAN, _replace("        uppfoljning: Årligen\n", "        uppfoljning: [Årligen]\n"),
                   [PLAN + ":", 'post "2.5"', 'fält "uppfoljning"', "ska vara text"]),
    "unknown-key": (PLAN, _replace("        uppfoljning: Utvärderas 2023\n", "        uppföljning: Utvärderas 2023\n"),
                    [PLAN + ":", 'post "2.3"', 'fält "uppföljning"', "okänt fält"]),
    "unknown-reference": (PLAN, _replace("            - roll: digitaliseringsansvariga\n              aktor: vaxjo",
                                         "            - roll: digitaliseringsansvarig\n              aktor: vaxjo"),
                          [PLAN + ":", 'post "2.3"', 'fält "ansvarig.parter[0].roll"', '"digitaliseringsansvarig"',
                           'Menade du "digitaliseringsansvariga"']),
    "duplicate-id": ("data/roller.yaml", _replace("  - id: referensgrupper\n", "  - id: tvargrupp-barn\n"),
                     ["data/roller.yaml:", 'post "tvargrupp-barn"', 'fält "id"', "finns redan"]),
    "invalid-date": (PLAN, _replace("faststalld: 2020-04-03", "faststalld: 2020-02-30"),
                     [PLAN + ":10", 'fält "faststalld"', "inget giltigt datum"]),
    "invalid-quarter": (PLAN, _replace('perioder: [{start: "2020-Q2"}]\n        uppfoljning: Utvärderas efter',
                                       'perioder: [{start: "2020-Q5"}]\n        uppfoljning: Utvärderas efter'),
                        [PLAN + ":", 'post "1.2"', 'fält "tid.perioder[0].start"', "Q1–Q4"]),
    "period-ends-before-start": (PLAN, _replace('perioder: [{start: "2020-Q2", slut: "2021-Q4"}]',
                                                'perioder: [{start: "2021-Q2", slut: "2020-Q4"}]'),
                                 [PLAN + ":", 'post "2.3"', "slutar", "före start"]),
    "non-utf8": ("data/kallor.yaml", lambda text: text.encode("cp1252", errors="replace"), ["data/kallor.yaml:", "UTF-8"]),
    "financing-unknown-party": ("data/finansiering.yaml", _replace("{aktor: lessebo,", "{aktor: lesebo,"),
                                ["data/finansiering.yaml:", 'post "inriktningsbeslut-2018"', 'fält "kommuner[2].aktor"', 'Menade du "lessebo"']),
    "decision-unknown-role": ("data/beslut.yaml", _replace("    roller: [foljeforskare]\n", "    roller: [foljforskare]\n"),
                              ["data/beslut.yaml:", 'post "forskning-kampradstiftelsen"', 'fält "roller[0]"', '"foljforskare"']),
    "unknown-source-in-grund": ("data/ordlista.yaml",
                                _replace("      kallor: [{dokument: inriktningsbeslut-2018, avsnitt: Genomförandet}]\n  - id: vardnadshavare",
                                         "      kallor: [{dokument: inriktningsbeslut-2019, avsnitt: Genomförandet}]\n  - id: vardnadshavare"),
                                ["data/ordlista.yaml:", 'post "huvudman"', 'fält "grund.kallor[0].dokument"', 'Menade du "inriktningsbeslut-2018"']),
    "file-without-schema": ("data/okand.yaml", lambda text: "nyckel: värde\n", ["data/okand.yaml", "inget schema"]),
    # Provenance (issue 12): a factual entry needs a source or one of tolkning/forslag/kontrolleras.
    "fact-without-source-or-grund": (
        "data/ordlista.yaml",
        _replace("    forklaring: Den del av kommunens socialtjänst som bland annat arbetar med barn och familjer.\n"
                 "    kallor: [{dokument: inriktningsbeslut-2018}]\n",
                 "    forklaring: Den del av kommunens socialtjänst som bland annat arbetar med barn och familjer.\n"),
        ["data/ordlista.yaml:", 'post "ifo"', 'fält "grund"', "uppgiften saknar grund", "kontrolleras"]),
    "role-without-source-or-grund": (
        "data/roller.yaml",
        _replace("    kallor: [{dokument: handlingsplan-2019-2023, avsnitt: aktivitet 2.2}]\n", ""),
        ["data/roller.yaml:", 'post "jurister"', 'fält "grund"', "uppgiften saknar grund"]),
    "grund-unknown-kind": (
        "data/ordlista.yaml",
        _replace("      typ: kontrolleras\n      saknas: en källa i data/kallor.yaml för förklaringen",
                 "      typ: gissning\n      saknas: en källa i data/kallor.yaml för förklaringen"),
        ["data/ordlista.yaml:", 'post "vardnadshavare"', 'fält "grund', "belagt", "tolkning", "forslag", "kontrolleras"]),
    "unconfirmed-law-with-check-date": (
        "data/lagar.yaml",
        _replace("    grund:\n      typ: kontrolleras\n      saknas: paragrafen i den nya socialtjänstlagen (2025:400)\n",
                 "    kontrollerad: 2026-11-24\n    grund:\n      typ: kontrolleras\n      saknas: paragrafen i den nya socialtjänstlagen (2025:400)\n"),
        ["data/lagar.yaml:", 'post "sol-sip"', "'kontrollerad' får inte anges"]),
    # The local layer (issue 21): a phone number or web address that is not one stops the build.
    "local-bad-phone-number": ("data/lokalt.yaml", _replace("      telefon: 0478-125 10\n", "      telefon: 0478-12510x\n"),
                               ["data/lokalt.yaml:48", 'post "lessebo"', 'fält "socialtjanst.telefon"', "inget telefonnummer"]),
    "local-mobile-number": ("data/lokalt.yaml", _replace("      telefon: 0470-410 00\n", "      telefon: 070-123 45 67\n"),
                            ["data/lokalt.yaml:", 'post "vaxjo"', 'fält "socialtjanst.telefon"', "mobilnummer"]),
    "local-bad-url": ("data/lokalt.yaml",
                      _replace("        url: https://www.uppvidinge.se/stod-och-omsorg/barnens-basta-galler.html\n",
                               "        url: https://www.uppvidinge.se/stod och omsorg/barnens-basta-galler.html\n"),
                      ["data/lokalt.yaml:", 'post "uppvidinge"', 'fält "sidor[0].url"', "mellanslag"]),
    "local-number-without-source": ("data/lokalt.yaml",
                                    _replace("      tider: Under kontorstid\n      kallor:\n        - titel: Älmhults kommun – Anmäl misstanke om att barn och unga far illa\n"
                                             "          url: https://www.almhult.se/omsorgstod/stodforfamilj/misstankeomattbarnfarilla.1784.html\n"
                                             "          avsnitt: Så anmäler du\n      kontrollerad: 2026-12-03\n    efter_kontorstid:",
                                             "      tider: Under kontorstid\n      grund: {typ: forslag}\n      kontrollerad: 2026-12-03\n    efter_kontorstid:"),
                                    ["data/lokalt.yaml:", 'post "almhult"', 'fält "socialtjanst.telefon"', "offentlig källa"]),
}


def _damage(project: Path, case: str) -> None:
    rel, mutate, _ = CASES[case]
    path = project / rel
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    new = mutate(text)
    path.write_bytes(new if isinstance(new, bytes) else new.encode("utf-8"))


def _snapshot(directory: Path) -> dict[str, str]:
    return {
        str(p.relative_to(directory)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


@pytest.mark.parametrize("case", sorted(CASES))
def test_loader_names_file_entry_and_field(tmp_path: Path, case: str):
    project = copy_project(tmp_path)
    _damage(project, case)
    with pytest.raises(DataError) as info:
        load_site(project / "data")
    message = str(info.value)
    for expected in CASES[case][2]:
        assert expected in message, f"{expected!r} missing from:\n{message}"


def test_every_problem_is_listed_at_once(tmp_path: Path):
    project = copy_project(tmp_path)
    for case in ("missing-field", "invalid-quarter", "empty-file"):
        _damage(project, case)
    with pytest.raises(DataError) as info:
        load_site(project / "data")
    assert len(info.value.problems) == 3


@pytest.fixture(scope="module")
def published_site(tmp_path_factory) -> Path:
    """A site/ that was published by an earlier, successful build."""
    site = tmp_path_factory.mktemp("publicerad") / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>publicerad version</p>", encoding="utf-8")
    (site / "sub").mkdir()
    (site / "sub" / "data.bin").write_bytes(bytes(range(256)))
    return site


# One case for each stage that can stop a build: reading the file, parsing YAML,
# a model, a reference across files (every case's message: the loader test above).
BUILD_CASES = ["non-utf8", "yaml-syntax", "unknown-key", "unknown-reference"]


@pytest.mark.build
@pytest.mark.parametrize("case", BUILD_CASES)
def test_failed_build_leaves_published_site_untouched(tmp_path: Path, published_site: Path, case: str):
    project = copy_project(tmp_path / "projekt")
    _damage(project, case)
    before = _snapshot(published_site)
    result = run_build(project, published_site)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    for expected in CASES[case][2]:
        assert expected in output, f"{expected!r} missing from build output:\n{output[-3000:]}"
    assert _snapshot(published_site) == before
    assert not list(published_site.parent.glob(".site-bygge-*")), "temporary build directory left behind"


@pytest.mark.build
def test_bad_data_stops_mkdocs_before_any_page_is_written(tmp_path: Path):
    project = copy_project(tmp_path / "projekt")
    _damage(project, "unknown-reference")
    out = tmp_path / "ut"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
        cwd=project, capture_output=True, text=True, env=env, timeout=300,
    )
    assert result.returncode != 0
    assert not list(out.rglob("*.html")) if out.exists() else True


def test_successful_build_replaces_site(built_site: Path):
    # The shared build ran over an earlier site/ holding EARLIER_PAGE (conftest.py).
    assert (built_site / "index.html").is_file()
    assert not (built_site / EARLIER_PAGE).exists()
