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
import http.client
import os
import pwd
import re
import shlex
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

import brotli
import pytest

from browser_support import CHROMIUM, CHROMIUM_ARGS, html_pages
from conftest import ROOT

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
pytestmark = pytest.mark.skipif(
    not (os.path.exists(NGINX) and os.path.exists("/etc/nginx/nginx.conf")),
    reason="Debian's nginx is not installed (.ci/run installs nginx-light and libnginx-mod-http-brotli-static)",
)
sys.path.insert(0, str(ROOT / "tools"))
import publishing  # noqa: E402

# Absolute paths the README's steps touch, moved into the test's folder.
SYSTEM_PATHS = ["/etc/nginx", "/etc/ssl/barnens-basta", "/var/www", "/var/log/nginx", "/var/lib/nginx", "/run"]
DEST = "/var/www/barnens-basta"


def readme_commands(marker: str) -> list[str]:
    """The commands of the sh block that follows `<!-- marker: ...` in the README."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(rf"<!-- {marker}:[^>]*-->\s*```sh\n(.*?)```", text, re.S)
    assert m, f"README.md: no sh block after <!-- {marker}: ... -->"
    return [line.strip() for line in m[1].splitlines() if line.strip() and not line.lstrip().startswith("#")]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _children(pid: int) -> set[int]:
    kids = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            kids.add(int(stat.parent.name))
    return kids


class Host:
    """A Debian nginx host inside a temporary folder, driven by README commands."""

    def __init__(self, root: Path, site: Path):
        self.root = root
        self.site = site
        self.http, self.https = _free_port(), _free_port()
        self.proc: subprocess.Popen | None = None
        shutil.copytree("/etc/nginx", self.path("/etc/nginx"), symlinks=True)
        for link in self.path("/etc/nginx").rglob("*"):
            if link.is_symlink() and os.readlink(link).startswith("/etc/nginx/"):
                target = self.relocate(os.readlink(link))
                link.unlink()
                link.symlink_to(target)
        for folder in ("/var/log/nginx", "/run", "/var/lib/nginx"):
            self.path(folder).mkdir(parents=True, exist_ok=True)

    def path(self, system_path: str) -> Path:
        return self.root / system_path.lstrip("/")

    def relocate(self, text: str) -> str:
        roots = "|".join(re.escape(p) for p in SYSTEM_PATHS)
        return re.sub(rf"(?<![\w./-])({roots})(?=[/;\s\"']|$)", lambda m: str(self.root) + m[1], text)

    @property
    def conf(self) -> Path:
        return self.path("/etc/nginx/nginx.conf")

    def configure(self) -> None:
        """Move paths and ports of every config file into the test's folder
        (idempotent; symbolic links, e.g. to /usr/share/nginx modules, are not touched)."""
        for folder, _, files in os.walk(self.path("/etc/nginx")):
            for name in files:
                f = Path(folder) / name
                if f.is_symlink() or name in ("mime.types", "koi-utf", "koi-win", "win-utf"):
                    continue
                text = f.read_text(encoding="utf-8")
                new = re.sub(re.escape(str(self.root)) + r"(?=/)", "", text)  # undo, then redo: idempotent
                new = self.relocate(new)
                new = re.sub(r"^\s*listen\s+\[::\]:\d+[^;]*;\n", "", new, flags=re.M)
                new = re.sub(r"listen\s+80\b", f"listen 127.0.0.1:{self.http}", new)
                new = re.sub(r"listen\s+443\b", f"listen 127.0.0.1:{self.https}", new)
                if name == "nginx.conf" and "client_body_temp_path" not in new:
                    temp = "".join(f"\t{k}_temp_path {self.root}/var/lib/nginx/{k.split('_')[-1]};\n"
                                   for k in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
                    new = new.replace("http {\n", "http {\n" + temp, 1)
                if new != text:
                    f.write_text(new, encoding="utf-8")

    def run(self, command: str) -> None:
        """Perform one README command."""
        args = shlex.split(command)
        if args[0] == "sudo":
            args = args[1:]
        if args[:2] == ["apt-get", "install"]:
            for package in args[2:]:
                if package.startswith("libnginx-mod-"):
                    module = f"/usr/share/nginx/modules-available/mod-{package.removeprefix('libnginx-mod-')}.conf"
                    assert os.path.exists(module), f"{package} is not installed (.ci/run installs it)"
        elif args == ["make", "build"]:
            assert (self.site / "index.html").is_file()  # the session's build: the same command
        elif args[:2] == ["make", "publish"]:
            dest = [a for a in args if a.startswith("DEST=")][0].split("=", 1)[1]
            result = subprocess.run(["make", "-s", "-C", str(ROOT), "publish", f"DEST={self.relocate(dest)}",
                                     f"SITE={self.site}"], capture_output=True, text=True)
            assert result.returncode == 0, result.stdout + result.stderr
        elif args == ["nginx", "-t"]:
            self.configure()
            result = subprocess.run([NGINX, "-t", "-c", str(self.conf)], capture_output=True, text=True)
            assert result.returncode == 0, result.stderr
            if os.geteuid() == 0:
                assert "[warn]" not in result.stderr and "[emerg]" not in result.stderr, result.stderr
        elif args == ["systemctl", "reload", "nginx"]:
            self.reload()
        else:
            assert args[0] in ("cp", "ln", "rm", "mkdir", "sed", "openssl"), f"README step the test does not know: {command}"
            subprocess.run([args[0]] + [self.relocate(a) for a in args[1:]], cwd=ROOT, check=True, capture_output=True)

    def reload(self) -> None:
        self.configure()
        if self.proc is None:
            self.proc = subprocess.Popen([NGINX, "-c", str(self.conf), "-g", "daemon off;"],
                                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            for _ in range(200):
                try:
                    with socket.create_connection(("127.0.0.1", self.https), timeout=1):
                        break
                except OSError:
                    assert self.proc.poll() is None, self.proc.stderr.read().decode()
                    time.sleep(0.05)
            return
        before = self.workers()
        subprocess.run([NGINX, "-c", str(self.conf), "-s", "reload"], check=True, capture_output=True)
        for _ in range(200):  # the new configuration runs in new workers
            if self.workers() - before:
                return
            time.sleep(0.05)
        raise AssertionError("nginx did not reload")

    def workers(self) -> set[int]:
        return _children(self.proc.pid)

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(timeout=10)

    # ------------------------------------------------------------ requests

    def tls(self) -> ssl.SSLContext:
        ctx = ssl.create_default_context(cafile=str(self.path("/etc/ssl/barnens-basta/fullchain.pem")))
        return ctx

    def get(self, path: str, scheme: str = "https", encoding: str | None = None, ctx: ssl.SSLContext | None = None):
        """(status, headers, raw body) of GET /path, without following redirects or decoding."""
        if scheme == "https":
            conn = http.client.HTTPSConnection("127.0.0.1", self.https, context=ctx or self.tls(), timeout=10)
        else:
            conn = http.client.HTTPConnection("127.0.0.1", self.http, timeout=10)
        try:
            conn.request("GET", "/" + path, headers={"Accept-Encoding": encoding} if encoding else {})
            r = conn.getresponse()
            return r.status, r.headers, r.read()
        finally:
            conn.close()

    @property
    def base(self) -> str:
        return f"https://127.0.0.1:{self.https}/"


@pytest.fixture(scope="module")
def host(built_site):
    # pytest's own temporary folders are 0700: www-data could not enter them.
    root = Path(tempfile.mkdtemp(prefix="bbg-nginx-", dir="/tmp"))
    root.chmod(0o755)
    h = Host(root, built_site)
    try:
        for command in readme_commands("publicera"):
            h.run(command)
        yield h
    finally:
        h.stop()
        shutil.rmtree(root, ignore_errors=True)


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


def test_security_headers_on_every_location(host, built_site):
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


def test_caching(host, built_site):
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


def test_text_is_served_precompressed(host, built_site):
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
def test_every_page_runs_under_the_policy(host, built_site):
    from playwright.sync_api import sync_playwright

    pages = html_pages(built_site)
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
        for path in pages:
            page.goto(host.base + path, wait_until="load")
            assert page.evaluate("window.__csp") == [], path
            assert page.evaluate("typeof document$") == "object", f"{path}: Material's script did not run"
            assert page.evaluate("document.body.getAttribute('data-md-color-scheme')"), f"{path}: the palette start-up script did not run"
        page.goto(host.base + "sok/?q=samtycket", wait_until="load")
        page.wait_for_selector(".pagefind-ui__result-link", timeout=15000)
        assert page.evaluate("window.__csp") == []
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
