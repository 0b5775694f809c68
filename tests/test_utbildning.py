"""Training modules: a page per module, mappings, and addresses that keep
working for years (data/adresser.yaml)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml

from browser_support import CHROMIUM, SiteServer, chromium
from conftest import copy_project, move_module, run_build
from macros.paths.redirects import address_to_src


def unresolved(site: Path, addresses) -> list[str]:
    """Registered addresses that do not open a page (or a redirect) in the built site."""
    return [a.adress for a in addresses if not (site / a.adress.lstrip("/") / "index.html").is_file()]


def redirect_target(page: Path) -> str | None:
    m = re.search(r'<meta http-equiv="refresh" content="0; url=([^"]+)"', page.read_text(encoding="utf-8"))
    return m[1] if m else None


def test_every_module_has_its_page_at_its_permanent_address(built_site, site_data, root):
    for mod in site_data.utbildning.moduler:
        src = root / "docs" / "utbildning" / f"{mod.adress}.md"
        assert src.exists(), f"{mod.id}: docs/utbildning/{mod.adress}.md saknas"
        assert f'module_header("{mod.id}")' in src.read_text(encoding="utf-8")
        html = (built_site / "utbildning" / mod.adress / "index.html").read_text(encoding="utf-8")
        assert f'data-sokvag="/utbildning/{mod.adress}/"' in html
        assert "Testa dig själv" in html and "Exempel (påhittat)" in html
        assert html.count("<details") >= 1, f"{mod.id}: the self-check answers must be hidden until opened"


def test_education_pages_list_their_modules_in_order(built_site, site_data):
    titles = {m.id: m.titel for m in site_data.utbildning.moduler}
    for edu in site_data.utbildning.utbildningar:
        html = (built_site / "utbildning" / "utbildningar" / edu.id / "index.html").read_text(encoding="utf-8")
        html = html.split("<article", 1)[1].split("</article>", 1)[0]  # the content, not the menu
        html = re.sub(r"<[^>]+>", "", html)  # text only (abbreviations are wrapped in <abbr>)
        positions = [html.index(titles[m]) for m in edu.moduler]
        assert positions == sorted(positions), edu.id
        assert edu.rubrik in html
    matrix = (built_site / "utbildning" / "utbildningar" / "index.html").read_text(encoding="utf-8")
    assert matrix.count(">Ingår</td>") == sum(len(e.moduler) for e in site_data.utbildning.utbildningar)


def test_every_registered_address_resolves_and_every_page_is_registered(built_site, site_data):
    assert unresolved(built_site, site_data.adresser.adresser) == []
    registered = {a.adress for a in site_data.adresser.adresser}
    built = {"/" + p.relative_to(built_site).as_posix()[: -len("index.html")] for p in built_site.rglob("index.html") if "pagefind" not in p.parts}
    assert built - registered == set(), "pages missing from data/adresser.yaml (register every published page)"
    for mod in site_data.utbildning.moduler:
        assert f"/utbildning/{mod.adress}/" in registered, mod.id


@pytest.mark.browser
def test_a_moved_module_keeps_its_old_address(edited_site):
    site = edited_site  # m05 moved with its old address registered (conftest.py)
    project = site.parent / "projekt"
    old = site / "utbildning" / "m05-barnets-plan" / "index.html"
    assert redirect_target(old) == "../m05-barnets-plan-och-sip/"
    from macros.data.site import load_site

    assert unresolved(site, load_site(project / "data").adresser.adresser) == []
    if os.path.exists(CHROMIUM):  # and a browser really lands on the new page
        server = SiteServer(site)
        try:
            with chromium() as browser:
                page = browser.new_page()
                page.goto(server.base + "utbildning/m05-barnets-plan/")
                page.wait_for_url("**/utbildning/m05-barnets-plan-och-sip/", timeout=10000)
                assert page.inner_text("h1").startswith("Barnets plan och SIP")
        finally:
            server.close()


@pytest.mark.build
def test_a_module_moved_without_a_redirect_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "projekt")
    move_module(project, "m05-barnets-plan", "m05-barnets-plan-och-sip", register=False)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("den publicerade webbplatsen", encoding="utf-8")
    result = run_build(project, site)
    assert result.returncode != 0
    registry = (project / "data" / "adresser.yaml").read_text(encoding="utf-8").splitlines()
    line = registry.index("  - adress: /utbildning/m05-barnets-plan/") + 1
    assert (f"data/adresser.yaml:{line}: adressen /utbildning/m05-barnets-plan/ är publicerad men finns inte "
            "längre i webbplatsen") in result.stderr
    assert "flyttad_till" in result.stderr and "Traceback" not in result.stderr
    assert [p.name for p in site.iterdir()] == ["index.html"], "a stopped build leaves the published site as it was"


@pytest.mark.build
def test_module_header_on_the_wrong_page_fails_the_build(tmp_path):
    project = copy_project(tmp_path / "projekt")
    page = project / "docs" / "utbildning" / "m04-bba-och-overlamning.md"
    page.write_text(page.read_text(encoding="utf-8").replace('module_header("m04")', 'module_header("m05")'), encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "modul m05 ska stå på docs/utbildning/m05-barnets-plan.md" in result.stdout + result.stderr


def test_redirect_map_from_registry():
    from macros.data.models.utbildning import AdresserFil
    from macros.paths.redirects import redirect_map

    reg = AdresserFil.model_validate(yaml.safe_load("adresser:\n  - {adress: /a/b/, flyttad_till: /c/}\n  - {adress: /c/}\n"))
    assert redirect_map(reg.adresser) == {"a/b.md": "c.md"}
    assert address_to_src("/") == "index.md"


@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Debian chromium is not installed (.ci/run installs it)")
def test_copy_button_and_printed_address(built_site):
    server = SiteServer(built_site)
    try:
        with chromium() as browser:
            ctx = browser.new_context()
            ctx.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.base.rstrip("/"))
            page = ctx.new_page()
            page.goto(server.base + "utbildning/m05-barnets-plan/", wait_until="load")
            address = page.inner_text(".bbg-adress")
            assert address == server.base + "utbildning/m05-barnets-plan/"
            page.focus(".bbg-kopiera")
            page.keyboard.press("Enter")
            page.wait_for_function("document.querySelector('.bbg-kopierad').textContent.length > 0")
            assert page.inner_text(".bbg-kopierad") == "Länken är kopierad."
            assert page.evaluate("navigator.clipboard.readText()") == address
            page.emulate_media(media="print")
            assert page.is_visible(".bbg-permalank") and not page.is_visible(".bbg-kopiera")
            for chrome in (".md-header", ".md-sidebar--primary", ".md-footer"):
                assert not page.is_visible(chrome)
    finally:
        server.close()
