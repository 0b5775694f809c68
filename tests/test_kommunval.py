"""From worry to a number (issue 21): on a phone (390 px), from the reporting
page, choosing the child's municipality shows a dialable number or the honest
slot within two taps, with JavaScript (the chooser in the danger box) and
without it (a list of links to the municipality's page). Real Chromium, the
real built site. Expectations are written by hand from data/lokalt.yaml:
Ljungby's daytime number is not in any public source read (an honest
"Kontrolleras" slot); Växjö's is 0470-410 00."""

from __future__ import annotations

import os

import pytest

from browser_support import CHROMIUM, axe_report, axe_violations

pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Debian chromium is not installed (.ci/run installs it)")

PHONE = {"width": 390, "height": 844}
REPORT = "praxismodellen/anmalningsplikt/"
CHOOSER = ".bbg-fara .bbg-kommunval"


def _phone(browser, *, javascript: bool = True):
    return browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True, java_script_enabled=javascript)


def _no_sideways_scroll(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def _daytime(card):
    return card.locator("li", has_text="Socialtjänsten, dagtid")


def test_with_javascript_two_taps_show_ljungbys_honest_slot(browser, server):
    ctx = _phone(browser)
    page = ctx.new_page()
    page.goto(server.base + REPORT, wait_until="load")
    select = page.locator(f"{CHOOSER} select")
    assert select.is_visible()
    assert page.locator(f"{CHOOSER} .bbg-kommunval-lista").is_hidden()  # the list became the select
    select.tap()  # tap 1: open the choice
    select.select_option("ljungby")  # tap 2: Ljungby
    card = page.locator(f"{CHOOSER} .bbg-kommunval-svar .bbg-kommunkort")
    assert card.is_visible()
    assert card.locator(".bbg-kommunkort-namn").inner_text() == "Ljungby"
    daytime = _daytime(card)
    assert "Kontrolleras" in daytime.inner_text()
    assert "telefonnummer" in daytime.inner_text()
    assert daytime.locator('a[href^="tel:"]').count() == 0
    assert card.locator('a[href="tel:112"]').is_visible()  # acute danger: dialable
    assert card.locator('a[href$="roller/parter/ljungby/#lokalt"]').is_visible()
    box = card.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    _no_sideways_scroll(page)
    ctx.close()


def test_with_javascript_vaxjo_shows_a_dialable_number(browser, server):
    ctx = _phone(browser)
    page = ctx.new_page()
    page.goto(server.base + REPORT, wait_until="load")
    select = page.locator(f"{CHOOSER} select")
    select.tap()
    select.select_option("vaxjo")
    tel = page.locator(f'{CHOOSER} .bbg-kommunval-svar a[href="tel:+4647041000"]')
    assert tel.is_visible() and tel.inner_text() == "0470-410 00"
    # the choice is remembered in this browser: the next page shows it at once
    page.goto(server.base + "praxismodellen/steg-for-steg/", wait_until="load")
    assert page.locator(f'{CHOOSER} .bbg-kommunval-svar a[href="tel:+4647041000"]').is_visible()
    ctx.close()


def test_without_javascript_one_tap_on_a_link_shows_ljungbys_contacts(browser, server):
    ctx = _phone(browser, javascript=False)
    page = ctx.new_page()
    page.goto(server.base + REPORT, wait_until="load")
    links = page.locator(f"{CHOOSER} .bbg-kommunval-lista a")
    assert links.count() == 8
    assert page.locator(f"{CHOOSER} .bbg-kommunkort").first.is_hidden()  # the cards are for the script
    ljungby = page.locator(f"{CHOOSER} .bbg-kommunval-lista a", has_text="Ljungby")
    assert ljungby.is_visible()
    box = ljungby.bounding_box()
    assert box["height"] >= 44  # a target a finger can hit (44 CSS px)
    ljungby.tap()  # tap 1
    page.wait_for_url("**/roller/parter/ljungby/#lokalt")
    heading = page.locator("h2#lokalt")
    assert heading.is_visible() and heading.inner_text().startswith("Kontakt i Ljungby kommun")
    daytime = page.locator("#lokalt + .bbg-lokalt dt", has_text="Socialtjänsten, dagtid").locator("xpath=following-sibling::dd[1]")
    assert "Kontrolleras" in daytime.inner_text()
    assert page.locator('#lokalt + .bbg-lokalt a[href="tel:112"]').is_visible()
    _no_sideways_scroll(page)
    ctx.close()


def test_without_javascript_vaxjo_page_has_a_dialable_number_near_the_top(browser, server):
    ctx = _phone(browser, javascript=False)
    page = ctx.new_page()
    page.goto(server.base + REPORT, wait_until="load")
    page.locator(f"{CHOOSER} .bbg-kommunval-lista a", has_text="Växjö").tap()
    page.wait_for_url("**/roller/parter/vaxjo/#lokalt")
    tel = page.locator('#lokalt + .bbg-lokalt a[href="tel:+4647041000"]')
    assert tel.is_visible() and tel.inner_text() == "0470-410 00"
    # near the top: the local addition is the page's first section
    assert page.locator("article h2").first.get_attribute("id") == "lokalt"
    ctx.close()


def test_keyboard_chooses_a_municipality(browser, server):
    ctx = browser.new_context(viewport=PHONE)
    page = ctx.new_page()
    page.goto(server.base + "familj/", wait_until="load")
    select = page.locator(".bbg-kommunval select")
    select.focus()
    for _ in range(3):  # Välj kommun -> Alvesta -> Lessebo -> Ljungby
        page.keyboard.press("ArrowDown")
    card = page.locator(".bbg-kommunval-svar .bbg-kommunkort")
    assert card.locator(".bbg-kommunkort-namn").inner_text() == "Ljungby"
    page.keyboard.press("Tab")  # the next stop is inside the card: a link a keyboard can follow
    focused = page.evaluate("document.activeElement.closest('.bbg-kommunval-svar') !== null")
    assert focused
    ctx.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_chooser_and_local_pages_pass_axe(browser, server, scheme):
    ctx = browser.new_context(viewport=PHONE, color_scheme=scheme)
    page = ctx.new_page()
    page.goto(server.base + REPORT, wait_until="load")
    page.locator(f"{CHOOSER} select").select_option("vaxjo")
    assert not (v := axe_violations(page)), axe_report(v)
    for path in ("familj/", "roller/parter/ljungby/", "roller/parter/vaxjo/", "roller/parter/region-kronoberg/", "roller/parter/polisen/"):
        page.goto(server.base + path, wait_until="load")
        assert not (v := axe_violations(page)), (path, axe_report(v))
    ctx.close()
