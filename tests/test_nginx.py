"""The production nginx configuration (deploy/nginx/), tested with a real
nginx on 127.0.0.1: security headers, caching, the 404 page, and pages that
run in Chromium without a single Content-Security-Policy violation."""

from __future__ import annotations

import getpass
import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request

import pytest

from browser_support import CHROMIUM, CHROMIUM_ARGS
from conftest import ROOT

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
pytestmark = pytest.mark.skipif(not os.path.exists(NGINX), reason="nginx is not installed (.ci/run installs nginx-light)")
DEPLOY = ROOT / "deploy" / "nginx"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def nginx(built_site, tmp_path_factory):
    prefix = tmp_path_factory.mktemp("nginx")
    port = _free_port()
    headers = prefix / "headers.conf"
    shutil.copy(DEPLOY / "security-headers.conf", headers)
    server = (DEPLOY / "barnens-basta.conf").read_text(encoding="utf-8")
    for old, new in {
        "listen 80;": f"listen 127.0.0.1:{port};",
        "listen [::]:80;": "",
        "/var/www/barnens-basta/site": str(built_site),
        "/etc/nginx/snippets/barnens-basta-headers.conf": str(headers),
    }.items():
        assert old in server, f"deploy/nginx/barnens-basta.conf no longer contains {old!r}"
        server = server.replace(old, new)
    (prefix / "site.conf").write_text(server, encoding="utf-8")
    (prefix / "nginx.conf").write_text(
        f"""
# workers read the test's site in a private temporary folder: run them as us
user {getpass.getuser()};
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    include {prefix}/site.conf;
}}
""",
        encoding="utf-8",
    )
    test = subprocess.run([NGINX, "-t", "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-g", "daemon off;"], capture_output=True, text=True)
    assert test.returncode == 0, test.stderr
    proc = subprocess.Popen([NGINX, "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-g", "daemon off;"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}/"
    for _ in range(100):
        try:
            urllib.request.urlopen(base, timeout=1)
            break
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.05)
    yield base
    proc.terminate()
    proc.wait(timeout=10)


def _get(url: str):
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def test_security_headers_on_pages_and_assets(nginx, built_site):
    bundle = next((built_site / "assets" / "javascripts").glob("bundle.*.min.js")).name
    for path in ["", "praxismodellen/bba/", f"assets/javascripts/{bundle}", "styrning/uppfoljningar.ics", "finns-inte/"]:
        status, headers, _ = _get(nginx + path)
        assert status in (200, 404), path
        csp = headers["Content-Security-Policy"]
        assert "default-src 'self'" in csp and "object-src 'none'" in csp and "frame-ancestors 'none'" in csp, path
        assert headers["X-Content-Type-Options"] == "nosniff", path
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin", path
        assert headers["Server"] == "nginx", f"{path}: the server must not tell its version ({headers['Server']})"


def test_caching(nginx, built_site):
    bundle = next((built_site / "assets" / "javascripts").glob("bundle.*.min.js")).name
    _, headers, _ = _get(nginx + f"assets/javascripts/{bundle}")
    assert "immutable" in headers["Cache-Control"] and "max-age=31536000" in headers["Cache-Control"]
    fragment = next((built_site / "pagefind" / "fragment").glob("*.pf_fragment")).name
    _, headers, _ = _get(nginx + f"pagefind/fragment/{fragment}")
    assert "immutable" in headers["Cache-Control"], "Pagefind's hashed index chunks are cached long"
    _, headers, _ = _get(nginx + "pagefind/pagefind.js")
    assert "immutable" not in headers["Cache-Control"], "an unhashed name must not be cached for a year"
    _, headers, _ = _get(nginx + "praxismodellen/bba/")
    assert headers["Cache-Control"] == "no-cache"
    _, headers, _ = _get(nginx + "assets/stylesheets/handbok.css")
    assert headers["Cache-Control"] == "public, max-age=3600"
    _, headers, _ = _get(nginx + "styrning/uppfoljningar.ics")
    assert headers["Content-Type"].startswith("text/calendar")


def test_custom_404(nginx):
    status, headers, body = _get(nginx + "det-har-finns-inte/alls/")
    assert status == 404
    text = body.decode("utf-8")
    assert "Sidan finns inte" in text and 'lang="sv"' in text


@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Debian chromium is not installed")
def test_pages_run_without_csp_violations(nginx):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.add_init_script(
            "window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"
        )
        messages = []
        page.on("console", lambda m: messages.append(m.text) if "Content Security Policy" in m.text else None)
        for path in ["", "handlingsplan/2019-2023/tidslinje/", "utbildning/m05-barnets-plan/", "det-har-finns-inte/"]:
            page.goto(nginx + path, wait_until="load")
            assert page.evaluate("typeof document$") == "object" or path.startswith("det-"), f"{path}: Material's script did not run"
            assert page.evaluate("window.__csp") == [], path
        page.goto(nginx + "sok/?q=samtycket", wait_until="load")
        page.wait_for_selector("#bbg-sok-traffar > li > h2 > a", timeout=15000)
        assert page.evaluate("window.__csp") == []
        # the copy button (our script) works under the policy
        page.goto(nginx + "utbildning/m05-barnets-plan/", wait_until="load")
        assert page.is_visible(".bbg-kopiera")
        browser.close()
    assert messages == []
