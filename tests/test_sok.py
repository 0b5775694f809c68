"""Search without a browser: the glossary's variants (validated, shown), the
search vocabulary built beside the index, Swedish compounds split by Debian's
hunspell-sv, and the kind of each page. Expectations are written by hand from
data/ordlista.yaml, data/praxis.yaml and Swedish; the browser tests
(tests/test_browser.py) run the search itself."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from macros.data.loader import DataError
from macros.domain import search_vocabulary as sok
from macros.data.site import load_site
from macros.steps.search_index import DICTIONARY, dictionary_analyser, page_kind

ROOT = Path(__file__).resolve().parent.parent


def _data_copy(tmp_path: Path, old: str, new: str) -> Path:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    path = data / "ordlista.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return data


BBA_VARIANTS = "    varianter: [Barnetsbästa-ansvarig, Barnens bästa-ansvarig, Barnets bästa-ansvarig]\n"


@pytest.mark.parametrize(
    "new,expected",
    [
        # Another term's abbreviation as a variant.
        (BBA_VARIANTS.replace("]", ", BVC]"), ['termen "bba"', 'fält "varianter[3]"', '"BVC" hör redan till termen "bvc"', 'fält "forkortning"']),
        # The same word as a variant of two terms (compared as the search compares: case, spaces and hyphens do not count).
        (BBA_VARIANTS.replace("]", ", barn-hälsovård]"), ['termen "bvc"', 'fält "varianter[0]"', '"Barnhälsovård" hör redan till termen "bba"', 'fält "varianter[3]"']),
        # Markup is not a word.
        (BBA_VARIANTS.replace("]", ", \"<script>x</script>\"]"), ['data/ordlista.yaml', 'post "bba"', 'fält "varianter"', "får bara innehålla ord"]),
        # The same variant twice in one term.
        (BBA_VARIANTS.replace("]", ", barnetsbästa-ansvarig]"), ['post "bba"', 'fält "varianter"', "står redan som varianter[0]"]),
    ],
    ids=["annan-terms-forkortning", "tva-termer", "markup", "dubblett"],
)
def test_a_variant_belongs_to_one_term_and_errors_name_file_entry_and_field(tmp_path, new, expected):
    data = _data_copy(tmp_path, BBA_VARIANTS, new)
    with pytest.raises(DataError) as info:
        load_site(data)
    message = str(info.value)
    assert "ordlista.yaml" in message
    for part in expected:
        assert part in message, f"{part!r} missing from:\n{message}"


def test_spellings_that_differ_only_in_spaces_and_hyphens_may_stand_in_one_term(site_data):
    from macros.data.models.praxis import term_key

    bba = site_data.get("term", "bba")
    # Four spellings on Region Kronoberg's pages (issue 14) share two search keys.
    spellings = ["Barnensbästa-ansvarig", "Barnens bästa-ansvarig", "Barnetsbästa-ansvarig", "Barnets bästa-ansvarig"]
    assert set(spellings) <= {bba.term, *bba.varianter}
    assert {term_key(v) for v in spellings} == {"barnensbästaansvarig", "barnetsbästaansvarig"}


def test_the_glossary_shows_the_variants(built_site, site_data):
    page = (built_site / "ordlista" / "index.html").read_text(encoding="utf-8")
    entry = page.split('id="term-bba"', 1)[1].split("</dd>", 1)[0]
    assert "Skrivs också: <em>Barnetsbästa-ansvarig</em>, <em>Barnens bästa-ansvarig</em>, <em>Barnets bästa-ansvarig</em>." in entry
    for term in site_data.ordlista.termer:
        for v in term.varianter:
            assert f"<em>{v}</em>" in page


def test_what_the_search_asks_for_a_term(site_data):
    # Multi-word variants only lead to the term: searched word by word they would match everything.
    assert sok.term_search_words(site_data.get("term", "bba")) == ["Barnensbästa-ansvarig", "BBA", "Barnetsbästa-ansvarig"]
    assert sok.term_search_words(site_data.get("term", "mvc")) == ["Mödravårdscentral", "MVC", "Mödrahälsovård"]
    assert sok.term_search_words(site_data.get("term", "osl")) == ["Offentlighets- och sekretesslagen", "OSL", "Sekretesslagen"]
    keys = sok.term_keys(site_data.get("term", "bba"))
    for k in ["barnensbästaansvarig", "bba", "barnetsbästaansvarig", "namngivenperson", "namedperson"]:
        assert k in keys


def test_age_words_come_from_the_bba_table(site_data):
    ages = sok.age_words(site_data.praxis.bba_skeden)
    assert ages[0] == ages[4] == ages[5] == ["sjuksköterska", "BVC"]
    assert ages[6] == ages[15] == ages[17] == ["rektor"]
    assert ages[18] == []


def test_indexed_words_leave_out_what_the_index_leaves_out():
    html = (
        "<html><body><nav>Meny</nav><div data-pagefind-body><h1>Samtycke</h1><br>"
        "<div data-pagefind-ignore=\"all\">Dolt <b>ord</b></div><p>Vårdnadshavarens ja, 2025.</p></div>"
        "<footer>Sidfot</footer></body></html>"
    )
    assert sok.indexed_words(html) == ["samtycke", "vårdnadshavarens", "ja"]


def test_compound_split_prefers_fewest_parts_then_the_sites_own_words():
    readings = {
        # Made-up dictionary answers, in the shape spylls gives them.
        "sekretesslagen": sok.Analysis("sekretesslag", [["sekretes", "slag"], ["sekretess", "lag"]]),
        "barnhälsovården": sok.Analysis("barnhälsovård", [["barn", "hälso", "vård"], ["barn", "hälsovård"]]),
        "vårdnadshavarens": sok.Analysis("vårdnadshavare", []),
    }
    readings["sekretess"] = sok.Analysis(None, [])
    parts = sok.compound_parts(["sekretesslagen", "barnhälsovården", "vårdnadshavarens", "sekretess"], readings.__getitem__)
    assert parts["sekretesslagen"] == ["sekretess", "lag"]  # "sekretess" is on the site, "sekretes" is not
    assert parts["sekretesslag"] == ["sekretess", "lag"]  # the base form leads there too
    assert parts["barnhälsovården"] == parts["barnhälsovård"] == ["barn", "hälsovård"]
    assert "vårdnadshavarens" not in parts  # inflected, not compound


@pytest.mark.skipif(not DICTIONARY.with_suffix(".dic").exists(), reason="Debian's hunspell-sv is not installed (.ci/run installs it)")
def test_debians_swedish_dictionary_splits_the_sites_compounds():
    analyse = dictionary_analyser()
    words = ["barnhälsovården", "kompetensutveckling", "informationsdelning", "skatteunderlaget", "sekretess", "samtycke"]
    parts = sok.compound_parts(words, analyse)
    assert parts["barnhälsovården"] == ["barn", "hälsovård"]
    assert parts["kompetensutveckling"] == ["kompetens", "utveckling"]
    assert parts["informationsdelning"] == ["information", "delning"]
    assert parts["skatteunderlaget"] == ["skatte", "underlag"] or parts["skatteunderlaget"][-1] == "underlag"
    assert "samtycke" not in parts and "sekretess" not in parts


def test_the_built_site_has_the_search_vocabulary(built_site, site_data):
    vocab = json.loads((built_site / "sok" / "ordforrad.json").read_text(encoding="utf-8"))
    terms = vocab["termer"]

    def term_of(key: str) -> set[str]:
        return {terms[i]["namn"] for i in vocab["nycklar"][key]}

    assert term_of("barnetsbästaansvarig") == term_of("barnensbästaansvarig") == term_of("bba") == {"Barnensbästa-ansvarig"}
    assert term_of("barnhälsovård") == {"Barnavårdscentral"}
    assert term_of("sekretesslagen") == {"Offentlighets- och sekretesslagen"}
    # GIRFEC's Swedish name, as the 2018 proposal and the action plan write it.
    assert term_of("skottlandsmodellen") == {"Getting It Right For Every Child"}
    assert all(t["href"].startswith("ordlista/#term-") for t in terms)
    assert {"lättläst", "lättsvenska"} <= set(next(k for k in vocab["sidtyper"] if k["namn"] == "Lättläst")["nycklar"])
    assert "vem" in vocab["stoppord"] and "är" in vocab["stoppord"]
    if DICTIONARY.with_suffix(".dic").exists():
        assert vocab["delar"]["barnhälsovården"] == ["barn", "hälsovård"]


@pytest.mark.parametrize(
    "src,kind",
    [
        ("familj/index.md", "Lättläst"),
        ("familj/rattigheter.md", "Lättläst"),
        ("praxismodellen/bba.md", "Vägledning"),
        ("utbildning/m04-bba-och-overlamning.md", "Utbildningsmodul"),
        ("utbildning/for-utbildare.md", "Utbildning"),
        ("handlingsplan/2019-2023/omrade-2.md", "Aktivitet i handlingsplanen"),
        ("handlingsplan/2019-2023/tidslinje.md", "Handlingsplan"),
        ("roller/processledare.md", "Roll"),
        ("roller/parter/vaxjo.md", "Part"),
        ("styrning/beslut.md", "Beslut"),
        ("styrning/finansiering.md", "Styrning och finansiering"),
        ("ordlista.md", "Ordlista"),
        ("index.md", "Om handboken"),
    ],
)
def test_page_kind(src, kind):
    assert page_kind(src) == kind


def test_every_indexed_page_tells_pagefind_its_kind(built_site):
    pages = [p for p in built_site.rglob("index.html") if "pagefind" not in p.parts]
    seen = {}
    for p in pages:
        text = p.read_text(encoding="utf-8")
        if "data-pagefind-body" not in text:
            continue
        m = re.search(r'data-pagefind-body data-pagefind-filter="typ:([^"]+)"', text)
        assert m, p
        seen[p.parent.relative_to(built_site).as_posix()] = m.group(1)
    assert seen["familj"] == "Lättläst" and seen["praxismodellen/bba"] == "Vägledning"
    assert seen["handlingsplan/2019-2023/omrade-1"] == "Aktivitet i handlingsplanen"


@pytest.mark.skipif(not DICTIONARY.with_suffix(".dic").exists(), reason="Debian's hunspell-sv is not installed (.ci/run installs it)")
def test_the_dictionarys_answers_are_kept_between_builds(tmp_path, monkeypatch):
    import macros.steps.search_index as sokindex

    analyse, save = sokindex.cached_analyser(tmp_path)
    first = analyse("kompetensutveckling")
    save()
    # A second build reads the kept answers and never opens the dictionary.
    monkeypatch.setattr(sokindex, "dictionary_analyser", lambda: pytest.fail("the dictionary was read again"))
    analyse, _ = sokindex.cached_analyser(tmp_path)
    again = analyse("kompetensutveckling")
    assert (again.lemma, again.parts) == (first.lemma, first.parts)
    assert ["kompetens", "utveckling"] in again.parts
