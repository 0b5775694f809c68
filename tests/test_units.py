"""Unit tests of the foundation: periods, links, schemas, the loader's locations."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from conftest import ROOT
from macros.paths.links import Links, url_of
from macros.data.loader import DataError, load_yaml
from macros.data.models.common import parse_period
from macros.data.schemas import schema_documents, schema_header_problems


@pytest.mark.parametrize(
    "value, first, last",
    [
        ("2020", dt.date(2020, 1, 1), dt.date(2020, 12, 31)),
        ("2020-Q4", dt.date(2020, 10, 1), dt.date(2020, 12, 31)),
        ("2021-Q1", dt.date(2021, 1, 1), dt.date(2021, 3, 31)),
        ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
    ],
)
def test_parse_period(value, first, last):
    assert parse_period(value) == (first, last)


@pytest.mark.parametrize("value", ["Q4 2020", "2020-Q0", "2020-Q5", "2020-13", "20201", "1800", "Q3-A4 2020"])
def test_parse_period_rejects(value):
    with pytest.raises(ValueError):
        parse_period(value)


@pytest.mark.parametrize(
    "page, target, anchor, expected",
    [
        ("index.md", "handlingsplan/index.md", "aktivitet-1-1", "handlingsplan/#aktivitet-1-1"),
        ("handlingsplan/omrade-1.md", "handlingsplan/index.md", None, "../"),
        ("handlingsplan/index.md", "handlingsplan/index.md", "x", "#x"),
        ("roller/index.md", "handlingsplan/2019-2023.csv", None, "../handlingsplan/2019-2023.csv"),
        ("a/b.md", "a/c.md", None, "../c/"),
        ("ordlista.md", "index.md", None, "../"),
    ],
)
def test_links(page, target, anchor, expected):
    assert Links(page).to(target, anchor) == expected


def test_url_of():
    assert url_of("index.md") == ""
    assert url_of("a/index.md") == "a/"
    assert url_of("a/b.md") == "a/b/"
    assert url_of("a/b.md", directory_urls=False) == "a/b.html"


def test_exported_schemas_are_current():
    for name, text in schema_documents().items():
        path = ROOT / "data" / "schemas" / name
        assert path.is_file(), f"run `make schemas`: {name} missing"
        assert path.read_text(encoding="utf-8") == text, f"run `make schemas`: {name} is out of date"
        json.loads(text)


def test_every_data_file_points_editors_at_its_schema():
    assert schema_header_problems(ROOT / "data") == []


def test_loader_keeps_lines(tmp_path: Path):
    path = tmp_path / "x.yaml"
    path.write_text("a:\n  - id: one\n    b: 1\n  - id: two\n    b: [2, 3]\n", encoding="utf-8")
    doc = load_yaml(path, "data/x.yaml")
    assert doc.line_of(("a", 1, "b")) == 5
    assert doc.line_of(("a", 1, "b", 7)) == 5  # missing below: nearest located parent
    assert doc.entry_of(("a", 1, "b", 0)) == ("two", ("b", 0))


def test_loader_rejects_duplicate_keys(tmp_path: Path):
    path = tmp_path / "x.yaml"
    path.write_text("id: a\nnamn: x\nnamn: y\n", encoding="utf-8")
    with pytest.raises(DataError, match=r'x.yaml:3: nyckeln "namn" förekommer två gånger'):
        load_yaml(path, "x.yaml")


def test_site_url_must_be_the_sites_https_address_or_the_previews_own():
    from macros.render.footer import check_site_url

    assert check_site_url("https://handbok.kommun.example/") == []
    assert check_site_url("http://127.0.0.1:8000/") == []  # what `mkdocs serve` sets
    assert check_site_url("http://localhost:8000/") == []
    for bad in ("http://handbok.kommun.example/", "https://handbok.kommun.example", "", None, "https://x.example/?a=1"):
        assert check_site_url(bad), bad


def test_a_moved_page_says_so_in_swedish_and_leads_on():
    from macros.render.redirect import redirect_page

    out = redirect_page("../../redaktorer/prestanda/")
    assert '<html lang="sv">' in out and "<title>Sidan har flyttat</title>" in out
    assert '<a href="../../redaktorer/prestanda/">den nya adressen</a>' in out
    assert 'content="0; url=../../redaktorer/prestanda/"' in out
    assert 'location.href="../../redaktorer/prestanda/"+' in out  # keeps the reader's anchor
    hostile = redirect_page('a"</script><b>')
    assert "</script><b>" not in hostile and "&lt;b&gt;" in hostile
