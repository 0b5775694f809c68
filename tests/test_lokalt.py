"""The local layer (data/lokalt.yaml, issue 21): every municipality shows a
socialtjänst contact with a public source and a checked date, or an honest
slot that says what is missing; numbers are dialable; the review queue lists
every unconfirmed slot. Expectations are written by hand from the sources
read on 2026-12-03 (the addresses are in data/lokalt.yaml)."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape

import pytest

from macros.areas import local as area
from macros.context import Context
from macros.domain.review import local_items
from macros.data.models.lokalt import check_phone, tel_href

CHECKED = dt.date(2026, 12, 3)
EIGHT = ["alvesta", "lessebo", "ljungby", "markaryd", "tingsryd", "uppvidinge", "vaxjo", "almhult"]
# Daytime numbers found on the municipalities' own pages (hand-copied), and those not found.
DAYTIME = {"lessebo": "0478-125 10", "uppvidinge": "0474-470 00", "vaxjo": "0470-410 00", "almhult": "0476-550 81"}
NOT_FOUND = {"alvesta", "ljungby", "markaryd", "tingsryd"}


@pytest.fixture(scope="module")
def entries(site_data):
    return {k.id: k for k in site_data.lokalt.kommuner}


def test_all_eight_municipalities_have_an_entry(entries, site_data):
    assert sorted(entries) == sorted(EIGHT)
    assert all(site_data.get("aktor", k).typ == "kommun" for k in entries)


@pytest.mark.parametrize("kommun", EIGHT)
def test_socialtjanst_has_a_sourced_number_or_an_honest_slot(entries, kommun):
    slot = entries[kommun].socialtjanst
    if kommun in DAYTIME:
        assert slot.telefon == DAYTIME[kommun]
        assert slot.kallor and all(k.url and k.url.startswith("https://") for k in slot.kallor)
        assert slot.kontrollerad == CHECKED
        assert slot.grund is None
    else:
        assert kommun in NOT_FOUND
        assert slot.telefon is None
        assert slot.grund.typ == "kontrolleras" and "telefon" in slot.grund.saknas
        assert slot.kontrollerad is None


def test_after_hours_where_the_municipality_says_112(entries):
    # Alvesta, Lessebo, Växjö and Älmhult say: after office hours, 112.
    for kommun in ("alvesta", "lessebo", "vaxjo", "almhult"):
        assert entries[kommun].efter_kontorstid.telefon == "112", kommun
    for kommun in ("ljungby", "markaryd", "tingsryd", "uppvidinge"):
        assert entries[kommun].efter_kontorstid.grund.typ == "kontrolleras", kommun


def test_local_pages_and_functions(entries):
    lessebo = [p for p in entries["lessebo"].sidor if p.typ == "lokal-plan"]
    assert any(p.url and "barnens-basta-fortsatter-galla-i-lessebo-kommun" in p.url for p in lessebo)
    assert [f.namn for f in entries["markaryd"].funktioner] == ["Barnens bästa-samordnare"]
    assert entries["ljungby"].sidor[0].url == "https://www.ljungby.se/sv/stod-hjalp-och-omsorg/barn-ungdom-och-familj/barnens-basta-galler-i-kronoberg/"


def test_county_routes_112_and_114_14_rest_on_public_sources(site_data):
    akut = site_data.get("kontaktvag", "akut-112")
    polis = site_data.get("kontaktvag", "polisen-114-14")
    assert (akut.telefon, polis.telefon) == ("112", "114 14")
    for route in (akut, polis):
        docs = {k.dokument for k in route.kallor}
        assert docs <= {"polisen-tipsa", "sosalarm-114-14"} and docs, route.id
        assert route.grund is None  # belagt, not the handbook's proposal
    assert site_data.get("kalla", "polisen-tipsa").url.startswith("https://polisen.se/")
    assert site_data.get("kalla", "sosalarm-114-14").url.startswith("https://www.sosalarm.se/")


# ---------------------------------------------------------------- phone numbers


@pytest.mark.parametrize(
    "number,href",
    [("0470-410 00", "tel:+4647041000"), ("0478-125 10", "tel:+4647812510"), ("112", "tel:112"), ("114 14", "tel:11414"), ("1177", "tel:1177")],
)
def test_tel_href(number, href):
    assert tel_href(number) == href


@pytest.mark.parametrize(
    "bad,why",
    [
        ("070-123 45 67", "mobilnummer"),
        ("073-123 45 67", "mobilnummer"),
        ("0470 410 00", "handbokens form"),
        ("+46 470 410 00", "handbokens form"),
        ("0470-41000x", "handbokens form"),
        ("11", "handbokens form"),
        ("javascript:alert(1)", "handbokens form"),
    ],
)
def test_bad_phone_numbers_are_rejected(bad, why):
    with pytest.raises(ValueError, match=why):
        check_phone(bad)


# ---------------------------------------------------------------- what the pages show


def test_municipality_block_with_a_number(site_data):
    html = area.lokala_kontakter(Context.for_page(site_data, "roller/parter/vaxjo.md"), "vaxjo")
    assert html.startswith("## Kontakt i Växjö kommun { #lokalt }\n")
    assert '<a class="bbg-tel" href="tel:+4647041000">0470-410 00</a>' in html
    assert "Måndag–fredag 07.30–16.30" in html
    assert "läst 3 december 2026" in html
    assert "\n\n" not in html.split("\n\n", 1)[1].rstrip("\n")  # one raw HTML block


def test_municipality_block_with_an_honest_slot(site_data):
    html = area.lokala_kontakter(Context.for_page(site_data, "roller/parter/ljungby.md"), "ljungby")
    daytime = re.search(r"<dt>Socialtjänsten, dagtid</dt><dd>(.*?)</dd>", html).group(1)
    assert "tel:" not in daytime
    assert "Kontrolleras" in daytime and "telefonnummer och telefontider" in daytime
    # the county's numbers are always there
    assert 'href="tel:112"' in html and 'href="tel:11414"' in html
    assert 'href="../region-kronoberg/#kontaktvagar"' in html


def test_chooser_lists_the_eight_as_links(site_data):
    html = area.kommunval(Context.for_page(site_data, "praxismodellen/anmalningsplikt.md"))
    links = re.findall(r'<li><a href="([^"]+)" data-kommun="([a-z]+)">([^<]+)</a></li>', html)
    assert [k for _, k, _ in links] == EIGHT
    assert links[2] == ("../../roller/parter/ljungby/#lokalt", "ljungby", "Ljungby")
    assert [n for _, _, n in links][-2:] == ["Växjö", "Älmhult"]
    assert html.count('class="bbg-kommunkort"') == 8 and html.count(" hidden>") == 8
    assert "\n" not in html  # one raw HTML block, whatever page it lands on


def test_region_page_routes(site_data):
    html = unescape(area.kontaktvagar(Context.for_page(site_data, "roller/parter/region-kronoberg.md"), "region-kronoberg"))
    for rubrik in ("BVC (barnavårdscentralen)", "MVC (barnmorskemottagningen)", "BUP (barn- och ungdomspsykiatrin)", "Elevhälsan", "Akut fara"):
        assert f"<dt>{rubrik}</dt>" in html
    assert "Hitta vård" in html and "https://www.1177.se/Kronoberg/" in html


# ---------------------------------------------------------------- the review queue


def test_review_queue_lists_the_unconfirmed_slots(site_data):
    items = local_items(site_data)
    ljungby = [i for i in items if i.sida == "roller/parter/ljungby.md"]
    assert {i.var for i in ljungby} >= {"Socialtjänsten, dagtid: ljungby", "Efter kontorstid: ljungby", "E-tjänst för orosanmälan: ljungby"}
    assert all(i.typ == "kontrolleras" and i.fil == "data/lokalt.yaml" for i in ljungby)
    # the sourced numbers are not in the queue
    assert not [i for i in items if i.var == "Socialtjänsten, dagtid: vaxjo"]
    region = {i.var for i in items if i.sida == "roller/parter/region-kronoberg.md"}
    assert {"Kontaktväg: MVC (barnmorskemottagningen)", "Kontaktväg: BUP (barn- och ungdomspsykiatrin)"} <= region


def test_danger_box_says_where_ring_112_comes_from(site_data):
    from macros.render.practice import danger_callout

    ctx = Context.for_page(site_data, "praxismodellen/anmalningsplikt.md")
    box = danger_callout("anmalningsplikt.md", area.kommunval(ctx), area.akut_sources(ctx))
    akut = next(line for line in box.split("\n") if line.startswith("- **Akut fara:**"))
    assert 'href="tel:112"' in akut
    assert "https://polisen.se/kontakt/tipsa-polisen/tipsa-polisen-via-webben/" in akut
    assert "https://www.sosalarm.se/" in akut
    assert "Förslag" not in akut
    assert box.count('class="bbg-kommunval"') == 1


def test_danger_box_says_where_the_reporting_duty_comes_from(site_data):
    # issue 22 item 6: the sentence on who must report carries the sources the reporting page reads.
    from macros.areas.practice import report_sources
    from macros.render.practice import danger_callout

    ctx = Context.for_page(site_data, "praxismodellen/anmalningsplikt.md")
    box = danger_callout("anmalningsplikt.md", area.kommunval(ctx), area.akut_sources(ctx), report_sources(ctx))
    duty = next(line for line in box.split("\n") if "har du anmälningsplikt" in line)
    assert "https://elevhalsan.uppsala.se/hem/till-e-handboken/medicinska-elevhalsan/lagar-och-riktlinjer/socialtjanstlagen/" in duty
    assert "https://kunskapsguiden.se/omraden-och-teman/barn-och-unga/vagledning-for-elevhalsa/" in duty
    assert duty.index("Alla andra bör anmäla.") < duty.index("Källa") < duty.index("Så gör du en anmälan")
