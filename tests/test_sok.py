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
        ("styrning/statusrapport.md", "Uppföljning"),
        ("om-webbplatsen/andringar.md", "Ändringar"),
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


def test_python_and_the_search_page_compare_words_alike():
    """term_key against the hand-written cases that tests/js/fraga.test.js
    also runs against the search page's key()."""
    from macros.data.models.praxis import term_key

    cases = json.loads((ROOT / "tests" / "fixtures" / "sok-nycklar.json").read_text(encoding="utf-8"))["cases"]
    assert len(cases) >= 10
    for text, expected in cases:
        assert term_key(text) == expected, text


def test_inflected_forms_of_a_key():
    assert sok.inflections("anmälningsplikt")[:3] == ["anmälningsplikt", "anmälningsplikten", "anmälningspliktens"]
    assert {"samtycket", "samtyckets", "samtycken"} <= set(sok.inflections("samtycke"))
    assert {"skolan", "skolor", "skolorna"} <= set(sok.inflections("skola"))
    assert sok.inflections("bba") == ["bba"]  # too short to inflect
    assert sok.inflections("2019") == ["2019"]


def test_the_vocabulary_knows_the_words_practitioners_use(site_data):
    """Issue 21: everyday words lead to the glossary's terms, in their inflected forms too."""
    keys = sok.term_index(site_data.ordlista.termer)
    terms = site_data.ordlista.termer

    def names(k: str) -> set[str]:
        return {terms[i].term for i in keys[k]}

    for word in ["soc", "socialen", "soctjänsten", "socialjour", "socialtjänsten"]:
        assert names(word) == {"Socialtjänst"}, word
    assert names("föräldrar") == names("förälder") == names("föräldrarnas") == {"Vårdnadshavare"}
    assert names("tystnadsplikt") == names("tystnadsplikten") == {"Sekretess"}
    for word in ["orosanmälan", "oroanmäla", "anmälaoro", "anmälningsplikten"]:
        assert names(word) == {"Anmälningsplikt"}, word
    # A term's own key is never taken over by another term's inflected form.
    assert names("sekretesslagen") == {"Offentlighets- och sekretesslagen"}


def test_guidance_outweighs_training_modules_and_role_pages():
    from macros.steps.search_index import kinds

    weight = {name: w for name, _, w in kinds()}
    assert weight["Vägledning"] > weight["Utbildningsmodul"] >= weight["Roll"]
    assert weight["Lättläst"] > 1


def test_a_role_page_and_a_guidance_page_never_share_a_title(built_site):
    def title(path: str) -> str:
        page = (built_site / path / "index.html").read_text(encoding="utf-8")
        return re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S).group(1).strip()

    guidance = {title(p.parent.relative_to(built_site).as_posix()) for p in (built_site / "praxismodellen").glob("*/index.html")}
    roles = [p.parent.relative_to(built_site).as_posix() for p in (built_site / "roller").glob("*/index.html")]
    assert "praxismodellen/bba" in {p.parent.relative_to(built_site).as_posix() for p in (built_site / "praxismodellen").glob("*/index.html")}
    shared = [r for r in roles if title(r) in guidance]
    assert not shared, shared
    # The BBA role page sends the reader to the guidance page in its first lines.
    page = (built_site / "roller" / "barnensbasta-ansvarig" / "index.html").read_text(encoding="utf-8")
    first = page.split("</h1>", 1)[1].split("</p>", 1)[0]
    assert 'href="../../praxismodellen/bba/"' in first


@pytest.mark.parametrize("path", ["styrning/statusrapport", "om-webbplatsen/andringar", "redaktorer/granskning"])
def test_the_follow_up_pages_are_in_the_search_index(built_site, path):
    """Issue 25: the status report, the change log and the review queue can be found."""
    page = (built_site / path / "index.html").read_text(encoding="utf-8")
    assert "data-pagefind-body" in page
