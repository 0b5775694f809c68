"""Publishing as the README says, with a real nginx.

The test reads the commands in the README's "Publicera" section and performs
exactly them, in order, on a copy of this machine's Debian /etc/nginx (stock
nginx.conf, `user www-data`) inside a temporary folder: every absolute path
(/etc/nginx, /etc/ssl/barnens-basta, /var/www, /var/log/nginx, /run) is moved
into that folder and ports 80/443 become free ports on 127.0.0.1. Nothing else
is changed. Then it checks, over TLS with the self-signed certificate the README
makes: workers run unprivileged and can read the tree, HTTP goes to HTTPS,
current TLS only, HSTS and the security headers on every location (downloads
included), the build's strict Content-Security-Policy (no 'unsafe-inline' for
scripts), precompressed responses, caching, the 404 page, and every page in
Chromium without a single CSP violation. Last, the README's update steps.
"""

from __future__ import annotations

import gzip
import os
import pwd
import re
import socket
import ssl
import warnings
from pathlib import Path

import brotli
import pytest
from browser_support import CHROMIUM, CHROMIUM_ARGS, html_pages
from nginx_support import DEST, HAVE_NGINX, ROOT, publish_as_the_readme_says, readme_commands

from macros.steps import publishing

pytestmark = [
    pytest.mark.nginx,
    pytest.mark.skipif(not HAVE_NGINX, reason="Debian's nginx is not installed (.ci/run installs nginx-light and libnginx-mod-http-brotli-static)"),
]


@pytest.fixture(scope="module")
def host():
    # pytest's own temporary folders are 0700, so the host lives in its own
    # world-readable folder under /tmp (www-data must enter it). The README's
    # sed step names the host in mkdocs.yml, so its `make build` is a real
    # build of the host's copy of the project (host.site).
    h = publish_as_the_readme_says()
    yield h
    h.close()


def _policy(site: Path) -> str:
    line = (site / publishing.CSP_FILE).read_text(encoding="utf-8").strip().splitlines()[-1]
    return re.fullmatch(r'add_header Content-Security-Policy "([^"]+)" always;', line)[1]


def _one(site: Path, pattern: str) -> str:
    return next(p for p in sorted(site.rglob(pattern)) if not p.name.endswith((".gz", ".br"))).relative_to(site).as_posix()


# ---------------------------------------------------------------- deploy as written


def test_the_built_tree_is_readable_by_the_web_server(built_site):
    wrong = [f"{p.relative_to(built_site)} {oct(p.stat().st_mode & 0o777)}" for p in [built_site, *built_site.rglob("*")]
             if (p.stat().st_mode & 0o777) != (0o755 if p.is_dir() else 0o644)]
    assert wrong == []


def test_workers_run_unprivileged_and_serve_the_published_tree(host):
    conf = host.conf.read_text(encoding="utf-8")
    assert re.search(r"^user www-data;", conf, re.M) and not re.search(r"^\s*user\s+root", conf, re.M)
    link = host.path(DEST) / "site"
    assert link.is_symlink() and os.readlink(link).startswith("releases/")
    assert all((p.stat().st_mode & 0o777) in (0o755, 0o644) for p in link.resolve().rglob("*"))
    if os.geteuid() == 0:  # only a root master can switch users
        www = pwd.getpwnam("www-data").pw_uid
        uids = {int(re.search(r"^Uid:\s+(\d+)", Path(f"/proc/{w}/status").read_text(), re.M)[1]) for w in host.workers()}
        assert uids == {www}
    for path in ["", "praxismodellen/bba/", "utbildning/m05-barnets-plan/"]:
        status, _, body = host.get(path)
        assert status == 200, f"/{path}: {status} (a tree the workers cannot read answers 403)"
        assert b"<html" in body


def test_http_goes_to_https(host):
    for path in ["", "praxismodellen/bba/", "styrning/uppfoljningar.ics", "finns-inte/"]:
        status, headers, _ = host.get(path, scheme="http")
        assert status == 301, path
        assert headers["Location"] == f"https://127.0.0.1/{path}"


def test_tls_is_current_and_the_certificate_is_the_one_installed(host):
    conn = socket.create_connection(("127.0.0.1", host.https))
    with host.tls().wrap_socket(conn, server_hostname="localhost") as s:
        assert s.version() == "TLSv1.3"
        installed = ssl.PEM_cert_to_DER_cert(host.path("/etc/ssl/barnens-basta/fullchain.pem").read_text())
        assert s.getpeercert(binary_form=True) == installed
    tls12 = host.tls()
    tls12.maximum_version = ssl.TLSVersion.TLSv1_2
    with tls12.wrap_socket(socket.create_connection(("127.0.0.1", host.https)), server_hostname="localhost") as s:
        name, version, _ = s.cipher()
        assert version == "TLSv1.2" and name.startswith("ECDHE-") and ("GCM" in name or "CHACHA20" in name)
    # Old protocols and ciphers without forward secrecy are refused.
    for maximum, ciphers in [(ssl.TLSVersion.TLSv1_1, "ALL:@SECLEVEL=0"), (ssl.TLSVersion.TLSv1_2, "AES128-GCM-SHA256:AES256-SHA")]:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        ctx.check_hostname, ctx.verify_mode = False, ssl.CERT_NONE
        with warnings.catch_warnings():  # the client side of this check is deprecated on purpose
            warnings.simplefilter("ignore", DeprecationWarning)
            ctx.minimum_version, ctx.maximum_version = ssl.TLSVersion.MINIMUM_SUPPORTED, maximum
        ctx.set_ciphers(ciphers)
        with pytest.raises((ssl.SSLError, ConnectionResetError)):
            with ctx.wrap_socket(socket.create_connection(("127.0.0.1", host.https))):
                pass


def test_security_headers_on_every_location(host):
    built_site = host.site
    policy = _policy(built_site)
    script_src = re.search(r"script-src ([^;]+)", policy)[1].split()
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    assert any(s.startswith("'sha256-") for s in script_src), "Material's inline start-up scripts are allowed by hash"
    paths = {
        "page": "praxismodellen/bba/",
        "start": "",
        "fingerprinted bundle": _one(built_site, "assets/javascripts/bundle.*.min.js"),
        "our CSS": "assets/stylesheets/handbok.css",
        "calendar download": "styrning/uppfoljningar.ics",
        "CSV download": _one(built_site, "handlingsplan/**/*.csv"),
        "XLSX download": _one(built_site, "handlingsplan/**/*.xlsx"),
        "RTF download": _one(built_site, "**/*.rtf"),
        "search index chunk": _one(built_site, "pagefind/fragment/*.pf_fragment"),
        "search engine": "pagefind/pagefind.js",
        "missing page": "finns-inte/",
        "the build's nginx snippet": publishing.CSP_FILE.as_posix(),
    }
    for what, path in paths.items():
        for scheme in ("https", "http"):
            status, headers, _ = host.get(path, scheme=scheme)
            assert status in ((200, 404) if scheme == "https" else (301,)), f"{what} /{path} over {scheme}: {status}"
            assert headers["Content-Security-Policy"] == policy, f"{what}: {scheme}"
            assert re.fullmatch(r"max-age=(\d+)", headers["Strict-Transport-Security"] or "") and \
                int(headers["Strict-Transport-Security"].split("=")[1]) >= 31536000, what
            assert headers["X-Content-Type-Options"] == "nosniff", what
            assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin", what
            assert headers["X-Frame-Options"] == "DENY", what
            assert headers["Server"] == "nginx", f"{what}: the server must not tell its version"


def test_the_policy_file_is_not_served(host):
    status, _, body = host.get(publishing.CSP_FILE.as_posix())
    assert status == 404 and b"Content-Security-Policy" not in body


def test_caching(host):
    built_site = host.site

    def cache(path):
        return host.get(path)[1]["Cache-Control"]

    assert cache(_one(built_site, "assets/javascripts/bundle.*.min.js")) == "public, max-age=31536000, immutable"
    assert "immutable" in cache(_one(built_site, "pagefind/fragment/*.pf_fragment")), "Pagefind's hashed chunks"
    assert "immutable" not in cache("pagefind/pagefind.js"), "an unhashed name must not be cached for a year"
    assert cache("praxismodellen/bba/") == "no-cache"
    assert cache("assets/stylesheets/handbok.css") == "public, max-age=3600"
    assert host.get("styrning/uppfoljningar.ics")[1]["Content-Type"].startswith("text/calendar")


def test_custom_404(host):
    status, _, body = host.get("det-har-finns-inte/alls/")
    assert status == 404
    text = body.decode("utf-8")
    assert "Sidan finns inte" in text and 'lang="sv"' in text


def test_text_is_served_precompressed(host):
    built_site = host.site
    # The site has no SVG file of its own today: add one to the published tree,
    # compressed by the build's own step, to check nginx sends SVG compressed too.
    extra = host.path(DEST) / "site" / "test-svg"
    extra.mkdir()
    (extra / "bild.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
                                    + '<rect width="10" height="10" fill="#3f51b5"/>' * 20 + "</svg>")
    publishing.precompress(extra, use_cache=False)
    published = host.path(DEST) / "site"
    kinds = {
        "HTML": ("praxismodellen/bba/", "praxismodellen/bba/index.html", "text/html"),
        "CSS": (_one(built_site, "assets/stylesheets/main.*.min.css"), None, "text/css"),
        "JS": (_one(built_site, "assets/javascripts/bundle.*.min.js"), None, "application/javascript"),
        "JSON": ("pagefind/pagefind-entry.json", None, "application/json"),
        "SVG": ("test-svg/bild.svg", None, "image/svg+xml"),
        "search engine": ("pagefind/pagefind.js", None, "application/javascript"),
        "search page UI": ("pagefind/pagefind-ui.js", None, "application/javascript"),
        "calendar": ("styrning/uppfoljningar.ics", None, "text/calendar"),
    }
    for what, (path, file, ctype) in kinds.items():
        original = (published / (file or path)).read_bytes()
        for accept, encoding, decode in [("br, gzip", "br", brotli.decompress), ("gzip", "gzip", gzip.decompress),
                                         (None, None, lambda b: b)]:
            status, headers, body = host.get(path, encoding=accept)
            assert status == 200, what
            assert headers["Content-Encoding"] == encoding, f"{what} with Accept-Encoding {accept!r}"
            assert headers["Content-Type"].startswith(ctype), f"{what}: {headers['Content-Type']}"
            assert decode(body) == original, what
            if encoding:
                assert len(body) < len(original) and "Accept-Encoding" in (headers["Vary"] or ""), what
    # Pagefind's index chunks and WebAssembly are gzip inside (Pagefind unpacks them).
    for path in [_one(built_site, "pagefind/fragment/*.pf_fragment"), _one(built_site, "pagefind/index/*.pf_index"),
                 _one(built_site, "pagefind/wasm.*.pagefind")]:
        status, _, body = host.get(path, encoding="br, gzip")
        assert status == 200 and body[:2] == b"\x1f\x8b", path


@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Debian chromium is not installed")
def test_every_page_runs_under_the_policy(host):
    from playwright.sync_api import sync_playwright

    pages = html_pages(host.site)
    assert len(pages) > 50
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(ignore_https_errors=True)
        context.add_init_script(
            "window.__csp = []; document.addEventListener('securitypolicyviolation',"
            " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));"
        )
        page = context.new_page()
        messages = []
        page.on("console", lambda m: messages.append(m.text) if "Content Security Policy" in m.text else None)
        workers = []  # only the search page starts a worker: Pagefind's, from this site
        page.on("worker", lambda w: (workers.append(w.url), w.on("console", lambda m: messages.append(m.text))))
        for path in pages:
            page.goto(host.base + path, wait_until="load")
            assert page.evaluate("window.__csp") == [], path
            assert page.evaluate("typeof document$") == "object", f"{path}: Material's script did not run"
            assert page.evaluate("document.body.getAttribute('data-md-color-scheme')"), f"{path}: the palette start-up script did not run"
        page.goto(host.base + "sok/?q=samtycket", wait_until="load")
        page.wait_for_selector("#bbg-sok-traffar > li > h2 > a", timeout=15000)
        assert page.evaluate("window.__csp") == []
        # The search page runs Pagefind in its web worker from the same origin
        # (docs/assets/javascripts/sok/motor.js): its WebAssembly runs under the policy.
        assert workers and all(w.startswith(host.base + "pagefind/") for w in workers), workers
        page.goto(host.base + "utbildning/m05-barnets-plan/", wait_until="load")
        assert page.is_visible(".bbg-kopiera"), "the copy button (our script) works under the policy"
        assert page.evaluate("window.__csp") == []
        browser.close()
    assert messages == []


def test_the_readme_update_steps_swap_the_site_in(host):
    """Runs last: the README's update steps publish a second release; the old
    one is kept for rolling back, older ones go."""
    link = host.path(DEST) / "site"
    first = link.resolve()
    for _ in range(2):
        for command in readme_commands("uppdatera"):
            host.run(command)
    assert link.resolve() != first and not first.exists()
    assert len([p for p in (host.path(DEST) / "releases").iterdir()]) == 2
    status, headers, _ = host.get("praxismodellen/bba/")
    assert status == 200 and "sha256-" in headers["Content-Security-Policy"]


# ---------------------------------------------------------------- the site's address and the feed (issue 24)

README_HOST = "handbok.er-kommun.se"  # the host name in the README's sed lines


def test_the_readme_names_the_host_in_mkdocs_yml_and_the_site_uses_it(host):
    import xml.etree.ElementTree as ET

    assert "site_url: https://handbok.kommun.example/" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), \
        "the checkout keeps the example host; the README's step changes the server's copy"
    assert f"site_url: https://{README_HOST}/" in (host.project / "mkdocs.yml").read_text(encoding="utf-8")
    published = host.path(DEST) / "site"
    locs = [el.text for el in ET.parse(published / "sitemap.xml").getroot().iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert len(locs) > 50 and all(loc.startswith(f"https://{README_HOST}/") for loc in locs)
    assert f"https://{README_HOST}/praxismodellen/bba/" in locs
    _, _, body = host.get("praxismodellen/bba/")
    assert f'<link rel="canonical" href="https://{README_HOST}/praxismodellen/bba/">' in body.decode("utf-8")
    feed = ET.parse(published / "andringar.xml").getroot()
    assert feed.get("{http://www.w3.org/XML/1998/namespace}base") == f"https://{README_HOST}/"
    assert f"server_name {README_HOST};" in host.path("/etc/nginx/sites-available/barnens-basta").read_text(encoding="utf-8")


BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"


def test_the_feed_is_served_as_atom_and_its_stylesheet_as_xsl(host):
    """Feed readers get application/atom+xml; a browser, which shows an Atom
    type as plain text, gets the same bytes as XML (and then the stylesheet)."""
    policy = _policy(host.site)
    original = (host.path(DEST) / "site" / "andringar.xml").read_bytes()
    for path, accept, ctype in [("andringar.xml", None, "application/atom+xml"),
                                ("andringar.xml", "application/atom+xml, application/rss+xml;q=0.9, */*;q=0.5", "application/atom+xml"),
                                ("andringar.xml", BROWSER_ACCEPT, "application/xml"),
                                ("andringar.xsl", None, "text/xsl")]:
        for encoding, decode in (("br, gzip", brotli.decompress), (None, lambda b: b)):
            status, headers, body = host.get(path, encoding=encoding, accept=accept)
            assert status == 200, path
            assert headers["Content-Type"].split(";")[0] == ctype, (path, accept, headers["Content-Type"])
            assert headers["Content-Security-Policy"] == policy and headers["X-Content-Type-Options"] == "nosniff", path
            if path == "andringar.xml":
                assert decode(body) == original and "Accept" in headers.get_all("Vary"), accept
    assert host.get(".andringar-i-webblasaren.xml")[0] == 404, "the browser's copy has no address of its own"


@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Debian chromium is not installed")
def test_the_feed_opens_as_a_swedish_page_under_the_policy(host):
    import xml.etree.ElementTree as ET

    from playwright.sync_api import sync_playwright

    entries = ET.parse(host.path(DEST) / "site" / "andringar.xml").getroot().findall("{http://www.w3.org/2005/Atom}entry")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(ignore_https_errors=True)
        # Chromium 138 and later put their own notice that XSLT is going away
        # (<xslt-warning-banner>, with an inline handler) into the page; the
        # policy blocks that handler, which is the browser's, not the site's.
        context.add_init_script("window.__csp = []; document.addEventListener('securitypolicyviolation',"
                                " e => window.__csp.push([e.violatedDirective, e.blockedURI,"
                                " !!(e.target && e.target.closest && e.target.closest('xslt-warning-banner'))]));")
        page = context.new_page()
        messages = []
        page.on("console", lambda m: messages.append(m.text) if "Content Security Policy" in m.text else None)
        page.goto(host.base + "andringar.xml", wait_until="load")
        assert page.evaluate("document.documentElement.lang") == "sv"
        assert page.inner_text("h1") == "Ändringar i handboken"
        assert "flödesläsare" in page.inner_text("body")
        assert page.eval_on_selector_all("li.post", "els => els.length") == len(entries) > 0
        # Every link of the page leads to a page of the site, on this host.
        hrefs = page.eval_on_selector_all("main a[href]", "els => els.map(e => e.href)")  # not the browser's own XSLT notice
        assert hrefs and [h for h in hrefs if not h.startswith(host.base)] == []
        for href in sorted({h.split("#")[0] for h in hrefs}):
            assert host.get(href[len(host.base):])[0] == 200, href
        violations = page.evaluate("window.__csp")
        browser.close()
    assert [v for v in violations if not v[2]] == [], "the site's own page breaks the policy"
    assert len(messages) == len(violations), (messages, violations)
