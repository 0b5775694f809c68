"""Change notes: validation, the page blocks, the change log page, the Atom
feed (parsed back with xml.etree), and the editors' guide and macro catalogue.

Expectations are read from data/andringar.yaml with plain PyYAML, not through
the code under test.
"""

from __future__ import annotations

import ast
import datetime as dt
import inspect
import re
import subprocess
import sys
from html import unescape
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import yaml

from conftest import copy_project

ROOT = Path(__file__).resolve().parent.parent
ATOM = "{http://www.w3.org/2005/Atom}"
MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"]


def sv(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


@pytest.fixture(scope="module")
def notes() -> list[dict]:
    """The notes as written, with each address that has moved since followed to
    where it is now (data/adresser.yaml's flyttad_till, read as YAML here)."""
    addresses = yaml.safe_load((ROOT / "data/adresser.yaml").read_text(encoding="utf-8"))["adresser"]
    moved = {a["adress"]: a["flyttad_till"] for a in addresses if a.get("flyttad_till")}

    def now(address: str) -> str:
        seen = set()
        while address in moved and address not in seen:
            seen.add(address)
            address = moved[address]
        return address

    written = yaml.safe_load((ROOT / "data/andringar.yaml").read_text(encoding="utf-8"))["andringar"]
    return [{**n, "sidor": [now(a) for a in n["sidor"]]} for n in written]


def page_file(site: Path, address: str) -> Path:
    return site / address.strip("/") / "index.html" if address != "/" else site / "index.html"


# ---------------------------------------------------------------- validation


def _load(tmp_path: Path, text: str):
    from macros.data.loader import DataError
    from macros.data.site import load_site

    data = tmp_path / "data"
    import shutil

    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("schemas"))
    (data / "andringar.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_site(data)
    return str(err.value)


NOTE = """andringar:
  - id: prov
    datum: {datum}
    typ: {typ}
    sidor: [{sidor}]
    sammanfattning: {text}
"""


def test_a_note_about_an_unregistered_address_names_file_entry_and_field(tmp_path):
    msg = _load(tmp_path, NOTE.format(datum="2026-11-25", typ="ny", sidor="/finns-inte/", text="Prov."))
    assert 'data/andringar.yaml:5, post "prov", fält "sidor[0]"' in msg
    assert "/finns-inte/" in msg and "data/adresser.yaml" in msg


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (dict(datum="2026-11-25", typ="stor", sidor="/ordlista/", text="Prov."), 'post "prov", fält "typ": måste vara ett av'),
        (dict(datum="igår", typ="ny", sidor="/ordlista/", text="Prov."), 'fält "datum"'),
        (dict(datum="2026-11-25", typ="ny", sidor="", text="Prov."), 'post "prov", fält "sidor"'),
        (dict(datum="2026-11-25", typ="ny", sidor="/ordlista/, /ordlista/", text="Prov."), "samma sida står två gånger: /ordlista/"),
        (dict(datum="2026-11-25", typ="ny", sidor="/ordlista/", text='""'), 'post "prov", fält "sammanfattning"'),
    ],
)
def test_bad_notes_are_rejected_with_file_entry_and_field(tmp_path, fields, expected):
    msg = _load(tmp_path, NOTE.format(**fields))
    assert "data/andringar.yaml" in msg
    assert expected in msg


# ---------------------------------------------------------------- the built site


def test_every_page_with_notes_shows_its_newest_date_and_its_notes(built_site, notes):
    addresses = yaml.safe_load((ROOT / "data/adresser.yaml").read_text(encoding="utf-8"))["adresser"]
    moved = {a["adress"] for a in addresses if a.get("flyttad_till")}
    for entry in addresses:
        address = entry["adress"]
        if address in moved:
            continue
        html = page_file(built_site, address).read_text(encoding="utf-8")
        mine = [n for n in notes if address in n["sidor"]]
        if not mine:
            assert "Senast ändrad" not in html, address
            continue
        newest = max(n["datum"] for n in mine)
        assert f'Senast ändrad <time datetime="{newest.isoformat()}">{sv(newest)}</time>.' in html, address
        for n in mine:
            assert re.search(rf'href="(?:[^"]*andringar/)?#andring-{n["id"]}"', html), (address, n["id"])


def test_a_module_page_links_its_own_notes(built_site, notes):
    html = page_file(built_site, "/utbildning/m03-barnets-basta-hjulet/").read_text(encoding="utf-8")
    block = re.search(r'<aside class="bbg-andringar".*?</aside>', html, re.S).group(0)
    linked = re.findall(r'href="\.\./\.\./om-webbplatsen/andringar/#andring-([a-z0-9\-]+)"', block)
    expected = [n["id"] for n in sorted((n for n in notes if "/utbildning/m03-barnets-basta-hjulet/" in n["sidor"]), key=lambda n: n["datum"], reverse=True)]
    assert linked == expected and expected


def test_the_change_log_lists_every_note_newest_first(built_site, notes):
    html = page_file(built_site, "/om-webbplatsen/andringar/").read_text(encoding="utf-8")
    shown = re.findall(r'<p id="andring-([a-z0-9\-]+)" class="bbg-andring">', html)
    assert sorted(shown) == sorted(n["id"] for n in notes)
    by_id = {n["id"]: n for n in notes}
    dates = [by_id[i]["datum"] for i in shown]
    assert dates == sorted(dates, reverse=True)
    labels = {"ny": "Ny", "andrad-innebord": "Ändrad innebörd", "spraklig": "Språklig"}
    for n in notes:
        part = html.split(f'id="andring-{n["id"]}"', 1)[1][:3000]
        assert f"<strong>{labels[n['typ']]}</strong>" in part
        assert " ".join(n["sammanfattning"].split()) in unescape(re.sub(r"<[^>]+>", "", part))


def test_the_feed_is_atom_with_one_entry_per_note(built_site, notes):
    path = built_site / "andringar.xml"
    root = ET.parse(path).getroot()
    assert root.tag == f"{ATOM}feed"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "sv"
    feed_id = root.findtext(f"{ATOM}id")
    assert feed_id.startswith("urn:uuid:")
    assert root.findtext(f"{ATOM}title").strip()
    newest = max(n["datum"] for n in notes)
    assert root.findtext(f"{ATOM}updated") == f"{newest.isoformat()}T00:00:00Z"
    self_links = [link for link in root.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert len(self_links) == 1 and self_links[0].get("href") == "andringar.xml"
    assert root.find(f"{ATOM}author/{ATOM}name") is not None
    # Feed readers find it from any page.
    start = (built_site / "index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" type="application/atom+xml" title="Ändringar i handboken" href="andringar.xml">' in start
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == len(notes)
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(set(ids)) == len(ids) and all(re.fullmatch(r"urn:uuid:[0-9a-f\-]{36}", i) for i in ids)
    by_anchor = {}
    for e in entries:
        alt = [link.get("href") for link in e.findall(f"{ATOM}link") if link.get("rel") == "alternate"]
        assert len(alt) == 1
        by_anchor[alt[0].split("#andring-")[1]] = e
    log = page_file(built_site, "/om-webbplatsen/andringar/").read_text(encoding="utf-8")
    for n in notes:
        e = by_anchor[n["id"]]
        assert e.findtext(f"{ATOM}updated") == f"{n['datum'].isoformat()}T00:00:00Z"
        assert e.findtext(f"{ATOM}summary") == " ".join(n["sammanfattning"].split())
        assert e.findtext(f"{ATOM}title").strip()
        related = [link.get("href") for link in e.findall(f"{ATOM}link") if link.get("rel") == "related"]
        assert ["/" + r if r != "./" else "/" for r in related] == n["sidor"]
        for href in related:  # relative to the feed at the site's root
            assert page_file(built_site, "/" + href).exists(), href
        assert f'id="andring-{n["id"]}"' in log


def test_feed_entry_ids_are_stable_across_builds(built_site):
    """An entry's id depends on the note's id only: a second feed made from
    the same notes in another order has the same ids."""
    from macros.render.changes import atom_feed
    from macros.data.site import load_site

    site = load_site(ROOT / "data")
    notes = list(reversed(site.andringar.andringar))
    again = atom_feed(
        notes, title="t", feed_href="andringar.xml", log_href="l/", note_href=lambda n: f"l/#andring-{n.id}",
        page_href=lambda a: a.lstrip("/"), page_title=lambda a: a, moved={},
    )
    built = ET.parse(built_site / "andringar.xml").getroot()

    def ids(root):
        return {e.find(f"{ATOM}link[@rel='alternate']").get("href").split("#")[1]: e.findtext(f"{ATOM}id") for e in root.findall(f"{ATOM}entry")}

    assert ids(ET.fromstring(again)) == ids(built)


def test_a_moved_page_keeps_its_notes():
    from types import SimpleNamespace as NS

    from macros.render.changes import notes_for

    old = NS(id="a", datum=dt.date(2026, 1, 1), sidor=["/gammal/"])
    new = NS(id="b", datum=dt.date(2026, 2, 1), sidor=["/ny/"])
    assert [n.id for n in notes_for("/ny/", [old, new], {"/gammal/": "/ny/"})] == ["b", "a"]


# ---------------------------------------------------------------- editors' guide and macros


def test_the_guide_shows_the_messages_the_validator_prints(built_site, tmp_path):
    """Each example in the guide is what `python -m macros check` prints for
    the same broken line in a copy of the data (run as a real command)."""
    from macros.data.error_examples import EXAMPLES

    html = page_file(built_site, "/redaktorer/redigera/").read_text(encoding="utf-8")
    text = unescape(re.sub(r"<[^>]+>", "", html))
    for n, ex in enumerate(EXAMPLES):
        project = copy_project(tmp_path / f"p{n}")
        path = project / "data" / ex.file
        source = path.read_text(encoding="utf-8")
        m = re.search(ex.find, source, re.M)
        path.write_text(source[: m.start()] + m.expand(ex.replace) + source[m.end():], encoding="utf-8")
        result = subprocess.run([sys.executable, "-m", "macros", "check", str(project / "data")], cwd=project, capture_output=True, text=True)
        assert result.returncode == 1
        printed = result.stderr.strip().replace(str(project / "data"), "data")
        assert printed, ex.title
        assert printed in text, f"the guide's example {ex.title!r} differs from what the build prints:\n{printed}"


def _registered_macros() -> dict:
    from macros.areas import AREAS

    return {fn.__name__: fn for area in AREAS for fn in area.MACROS}


def test_the_macro_catalogue_lists_exactly_the_registered_macros_with_valid_calls():
    page = (ROOT / "docs/redaktorer/makron.md").read_text(encoding="utf-8")
    assert page.startswith("---\nrender_macros: false\n")
    calls = re.findall(r"`\{\{ (.+?) \}\}`", page)
    registered = _registered_macros()
    named = set()
    for call in calls:
        node = ast.parse(call, mode="eval").body
        assert isinstance(node, ast.Call), call
        name = node.func.id
        named.add(name)
        assert name in registered, f"{name} in the catalogue is no macro"
        args = [ast.literal_eval(a) for a in node.args]
        inspect.signature(registered[name]).bind(None, *args)  # the context, then the page's arguments; raises if they do not fit
    assert named == set(registered), f"not in the catalogue: {sorted(set(registered) - named)}"


def test_every_macro_used_in_docs_is_in_the_catalogue():
    page = (ROOT / "docs/redaktorer/makron.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"`\{\{ ([a-z_]+)\(", page))
    used = set()
    for md in (ROOT / "docs").rglob("*.md"):
        if md.name == "makron.md":
            continue
        used |= set(re.findall(r"\{\{ *([a-z_]+)\(", md.read_text(encoding="utf-8")))
    assert used <= listed, sorted(used - listed)


def test_new_pages_are_registered_and_in_nav():
    addresses = (ROOT / "data/adresser.yaml").read_text(encoding="utf-8")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "- adress: /om-webbplatsen/andringar/" in addresses
    assert "- om-webbplatsen/andringar.md" in config
    # The editors' pages are in their own area (not in the readers' menu); the old addresses lead there.
    assert "\n  /redaktorer/\n" in config.split("not_in_nav: |", 1)[1].split("\n\n", 1)[0] + "\n"
    for page in ("redigera", "makron"):
        assert f"- adress: /redaktorer/{page}/" in addresses
        assert f"- adress: /om-webbplatsen/{page}/\n    flyttad_till: /redaktorer/{page}/" in addresses
