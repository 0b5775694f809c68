"""The publishing steps of the build (macros/steps/publishing.py) and `make publish`
(macros/steps/release.py), each on small hand-made trees."""

from __future__ import annotations

import gzip
import os
import subprocess
from pathlib import Path

import brotli
import pytest
from conftest import ROOT, copy_project, run_build

from macros.data.loader import load_yaml
from macros.steps import publishing, release as publish


def _sha256_b64(text: str) -> str:
    """The hash as openssl computes it (an implementation independent of the code)."""
    digest = subprocess.run(["openssl", "dgst", "-sha256", "-binary"], input=text.encode(), capture_output=True, check=True).stdout
    return subprocess.run(["openssl", "base64", "-A"], input=digest, capture_output=True, check=True).stdout.decode()


def _tree(root: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return root


# ---------------------------------------------------------------- addresses


REGISTRY = """\
# comment
adresser:
  - adress: /
  - adress: /om/
  - adress: /gammal/
    flyttad_till: /om/
  - adress: /borta/
  - adress: /flyttad-till-ingenstans/
    flyttad_till: /finns-inte/
"""


def test_address_check_names_each_address_that_disappeared(tmp_path):
    registry = tmp_path / "adresser.yaml"
    registry.write_text(REGISTRY, encoding="utf-8")
    site = _tree(tmp_path / "site", {"index.html": "", "om/index.html": "", "gammal/index.html": "redirect",
                                     "flyttad-till-ingenstans/index.html": "redirect"})
    problems = publishing.check_addresses(load_yaml(registry, "data/adresser.yaml"), site)
    assert len(problems) == 2
    assert problems[0].startswith("data/adresser.yaml:7: adressen /borta/ är publicerad men finns inte längre")
    assert "flyttad_till" in problems[0]
    assert problems[1].startswith("data/adresser.yaml:8: adressen /flyttad-till-ingenstans/ är flyttad till /finns-inte/")
    _tree(site, {"borta/index.html": "", "finns-inte/index.html": ""})
    assert publishing.check_addresses(load_yaml(registry, "data/adresser.yaml"), site) == []


# ---------------------------------------------------------------- Content-Security-Policy


def test_inline_scripts_are_found_exactly_and_data_blocks_and_files_are_not():
    html = (
        '<head><script>var a = "</p>";\n__md_scope=new URL("..",location)</script>'
        '<script id="__config" type="application/json">{"base": ".."}</script>'
        '<script src="x.js"></script><script type="module">import("./m.js")</script></head>'
        "<body><p>&lt;script&gt;alert(1)&lt;/script&gt; <a title=\"x onerror=alert(1)\" href=\"/\">ok</a></p>"
        "<!-- <script>kommentar</script> --></body>"
    )
    scripts, forbidden = publishing.inline_scripts(html)
    assert scripts == ['var a = "</p>";\n__md_scope=new URL("..",location)', 'import("./m.js")']
    assert forbidden == [], "escaped markup and attribute text are inert, not handlers"
    assert publishing.script_hash(scripts[0]) == f"'sha256-{_sha256_b64(scripts[0])}'"


def test_handlers_and_javascript_links_are_reported():
    _, forbidden = publishing.inline_scripts('<img src="x" onerror="alert(1)"><a href=" JavaScript:alert(1)">x</a>')
    assert len(forbidden) == 2 and "onerror" in forbidden[0] and "javascript:" in forbidden[1]


def test_policy_has_the_hashes_of_every_page_and_no_unsafe_inline(tmp_path):
    site = _tree(tmp_path, {"index.html": "<script>one()</script>", "a/index.html": "<script>two()</script><script>one()</script>",
                            "b/index.html": '<button onclick="x()">x</button>'})
    policy, problems = publishing.content_security_policy(site)
    script_src = next(d for d in policy.split("; ") if d.startswith("script-src ")).split()[1:]
    assert script_src == ["'self'", "'wasm-unsafe-eval'", *sorted([f"'sha256-{_sha256_b64('one()')}'", f"'sha256-{_sha256_b64('two()')}'"])]
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy and "default-src 'self'" in policy
    assert len(problems) == 1 and problems[0].startswith("b/index.html: <button onclick=")
    publishing.write_csp(site)
    line = (site / ".nginx" / "content-security-policy.conf").read_text(encoding="utf-8").splitlines()[-1]
    assert line == f'add_header Content-Security-Policy "{policy}" always;'


# ---------------------------------------------------------------- permissions and compression


def test_make_readable_whatever_the_umask(tmp_path):
    old = os.umask(0o077)
    try:
        site = tmp_path / "site"
        site.mkdir()
        _tree(site, {"index.html": "x", "a/b/c.css": "y"})
    finally:
        os.umask(old)
    assert (site / "a").stat().st_mode & 0o777 == 0o700
    publish.make_readable(site)
    modes = {p.relative_to(site).as_posix(): p.stat().st_mode & 0o777 for p in [site, *site.rglob("*")]}
    assert modes == {".": 0o755, "index.html": 0o644, "a": 0o755, "a/b": 0o755, "a/b/c.css": 0o644}


def test_precompress_writes_gzip_and_brotli_for_text_only(tmp_path):
    text = "<p>Barnens bästa gäller! – i Kronoberg</p>\n" * 50
    site = _tree(tmp_path, {"index.html": text, "bild.svg": "<svg>" + "<rect/>" * 40 + "</svg>", "data.json": '{"a": 1}' * 30,
                            "x.pf_fragment": gzip.compress(b"y" * 500), "bild.png": b"\x89PNG" + os.urandom(400),
                            "liten.css": "a{}", ".nginx/content-security-policy.conf": "x" * 500})
    publishing.precompress(site, use_cache=False)
    names = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    assert names == sorted([".nginx/content-security-policy.conf", "bild.png", "bild.svg", "bild.svg.br", "bild.svg.gz",
                            "data.json", "data.json.br", "data.json.gz", "index.html", "index.html.br", "index.html.gz",
                            "liten.css", "x.pf_fragment"]), "nothing bigger than the original, nothing already compressed"
    for name in ("index.html", "bild.svg", "data.json"):
        original = (site / name).read_bytes()
        assert gzip.decompress((site / f"{name}.gz").read_bytes()) == original
        assert brotli.decompress((site / f"{name}.br").read_bytes()) == original


def test_precompress_cache_gives_the_same_bytes(tmp_path):
    cache = tmp_path / "cache"
    for run in ("a", "b"):
        _tree(tmp_path / run, {"index.html": "<p>samma sida</p>\n" * 40})
        publishing.precompress(tmp_path / run, cache=cache)
    assert len(list(cache.iterdir())) == 1
    assert (tmp_path / "a" / "index.html.br").read_bytes() == (tmp_path / "b" / "index.html.br").read_bytes()
    assert brotli.decompress((tmp_path / "b" / "index.html.br").read_bytes()) == (tmp_path / "b" / "index.html").read_bytes()


# ---------------------------------------------------------------- make publish


def _sitemap(*locs: str) -> str:
    urls = "".join(f"<url><loc>{loc}</loc></url>" for loc in locs)
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'


def test_make_publish_swaps_the_site_and_keeps_the_previous(tmp_path):
    site = _tree(tmp_path / "site", {"index.html": "ett", ".nginx/content-security-policy.conf": "x",
                                     "sitemap.xml": _sitemap("https://handbok.er-kommun.se/", "https://handbok.er-kommun.se/om/")})
    dest = tmp_path / "www" / "barnens-basta"
    run = ["make", "-s", "-C", str(ROOT), "publish", f"DEST={dest}", f"SITE={site}"]
    releases = []
    for text in ("ett", "två", "tre"):
        (site / "index.html").write_text(text, encoding="utf-8")
        result = subprocess.run(run, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        assert "systemctl reload nginx" in result.stdout
        assert (dest / "site" / "index.html").read_text(encoding="utf-8") == text
        releases.append((dest / "site").resolve())
    assert (dest / "site").is_symlink()
    assert sorted((dest / "releases").iterdir()) == releases[1:], "the previous release is kept, older ones removed"
    assert (dest.stat().st_mode & 0o777) == 0o755 and (dest.parent.stat().st_mode & 0o777) == 0o755


def test_make_publish_refuses_an_unbuilt_site(tmp_path):
    result = subprocess.run(["make", "-s", "-C", str(ROOT), "publish", f"DEST={tmp_path / 'www'}", f"SITE={tmp_path / 'inget'}"],
                            capture_output=True, text=True)
    assert result.returncode != 0 and "kör make build först" in result.stderr
    no_dest = subprocess.run(["make", "-s", "-C", str(ROOT), "publish"], capture_output=True, text=True)
    assert no_dest.returncode != 0 and "make publish DEST=" in no_dest.stderr


def test_make_publish_refuses_a_site_built_for_the_example_host(built_site, tmp_path):
    """The real build of this repository keeps mkdocs.yml's example site_url:
    it builds, but it is not published until the README's sed step has named
    the real host."""
    dest = tmp_path / "www"
    result = subprocess.run(["make", "-s", "-C", str(ROOT), "publish", f"DEST={dest}", f"SITE={built_site}"],
                            capture_output=True, text=True)
    assert result.returncode != 0
    assert "exempeladressen https://handbok.kommun.example/" in result.stderr and "site_url" in result.stderr
    assert "README" in result.stderr, "the message says how to fix it"
    assert not dest.exists(), "nothing was copied"


def test_make_publish_refuses_a_site_without_full_addresses(tmp_path):
    for name, sitemap in [("utan-adress", _sitemap("None")), ("http", _sitemap("http://handbok.er-kommun.se/")),
                          ("ingen-sitemap", None)]:
        files = {"index.html": "x", ".nginx/content-security-policy.conf": "x"}
        if sitemap is not None:
            files["sitemap.xml"] = sitemap
        site = _tree(tmp_path / name, files)
        result = subprocess.run(["make", "-s", "-C", str(ROOT), "publish", f"DEST={tmp_path / 'www'}", f"SITE={site}"],
                                capture_output=True, text=True)
        assert result.returncode != 0 and "sitemap.xml" in result.stderr, name
        assert not (tmp_path / "www").exists(), name


# ---------------------------------------------------------------- zero warnings


@pytest.mark.build
def test_a_warning_from_pagefind_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "projekt")
    page = project / "docs" / "ordlista.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n<div data-pagefind-ignore="fel">x</div>\n', encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert 'data-pagefind-ignore value of "fel" is not valid' in result.stderr
    assert "Sökindexet kunde inte byggas utan varningar" in result.stderr
    assert not (tmp_path / "site").exists()


def test_the_real_build_prints_no_warning(built_site):
    lines = (built_site.parent / "build.log").read_text(encoding="utf-8").splitlines()
    assert [line for line in lines if not line.startswith("INFO") and "Webbplatsen är byggd" not in line] == []
