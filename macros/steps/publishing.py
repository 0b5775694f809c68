"""Steps that make a built site ready to publish (run by tools/build_site.py on
the temporary build directory, before it replaces site/):

- check_addresses: every published address (data/adresser.yaml) still opens a
  page or leads on to one (`flyttad_till`); otherwise the build stops;
- write_csp: the Content-Security-Policy for exactly this build: scripts from
  the site itself plus the SHA-256 hashes of the inline start-up scripts that
  Material writes into every page; no 'unsafe-inline'. Written to
  .nginx/content-security-policy.conf, which deploy/nginx/ includes;
- make_readable: directories 0755, files 0644, so the web server's unprivileged
  user (www-data) can read the tree whatever the umask;
- precompress: a .gz and a .br beside every compressible file, for nginx's
  gzip_static and brotli_static.

Each step is a plain function over a directory; tests call them directly.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import os
from html.parser import HTMLParser
from pathlib import Path

import brotli

from macros import cache as _cache
from macros.data.loader import YamlDoc
from macros.paths.links import built_file
from macros.steps.release import CSP_FILE, make_readable  # noqa: F401  (make_readable: a publishing step too)

# ---------------------------------------------------------------- addresses


def check_addresses(registry: YamlDoc, site: Path) -> list[str]:
    """Problems (Swedish, one per address) with the published addresses in
    `registry` (data/adresser.yaml as the loader read it, with its lines;
    validated by the build) against the built `site`: an address that no
    longer opens a page, or a `flyttad_till` that leads nowhere."""

    def opens(address: str) -> bool:
        return (site / built_file(address)).is_file()

    problems = []
    for n, entry in enumerate(registry.data.get("adresser") or []):
        address, moved_to = entry.get("adress", ""), entry.get("flyttad_till")
        line = registry.line_of(("adresser", n, "adress"))
        where = registry.file if line is None else f"{registry.file}:{line}"
        if moved_to:
            if not opens(moved_to):
                problems.append(
                    f"{where}: adressen {address} är flyttad till {moved_to}, "
                    f"men den adressen finns inte i webbplatsen. Ange en adress som finns."
                )
            elif not opens(address):
                problems.append(f"{where}: adressen {address} leder inte vidare till {moved_to}.")
        elif not opens(address):
            problems.append(
                f"{where}: adressen {address} är publicerad men finns inte längre i webbplatsen. "
                f"Utbildare och andra länkar till den. Har sidan flyttat: skriv "
                f"\"flyttad_till: <ny adress>\" under adressen i data/adresser.yaml, så leder den "
                f"gamla adressen till den nya sidan. Annars: återställ sidan."
            )
    return problems


# ---------------------------------------------------------------- Content-Security-Policy

# Everything from this site only (default-src also covers fetch, fonts and
# Pagefind's worker). 'wasm-unsafe-eval' lets the search (Pagefind) run its
# WebAssembly; inline styles stay allowed (Material sets style attributes);
# inline scripts only by hash, so injected markup cannot run. Short on
# purpose: nginx sends it with every response.
CSP_DIRECTIVES = [
    ("default-src", ["'self'"]),
    ("script-src", ["'self'", "'wasm-unsafe-eval'"]),
    ("style-src", ["'self'", "'unsafe-inline'"]),
    ("img-src", ["'self'", "data:"]),
    ("object-src", ["'none'"]),
    ("base-uri", ["'self'"]),
    ("form-action", ["'self'"]),
    ("frame-ancestors", ["'none'"]),
]
# <script type="..."> that the browser runs (anything else is a data block).
_JS_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript", "application/ecmascript"}
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href"}


class _Scripts(HTMLParser):
    """Inline scripts (their exact text) and what a strict CSP cannot allow by
    hash: event-handler attributes and javascript: URLs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self.forbidden: list[str] = []
        self._current: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.forbidden.append(f"<{tag} {name}=…> (händelseattribut)")
            elif name in _URL_ATTRIBUTES and (value or "").strip().lower().startswith("javascript:"):
                self.forbidden.append(f"<{tag} {name}=\"javascript:…\">")
        if tag == "script":
            a = dict(attrs)
            runs = "src" not in a and (a.get("type") or "").strip().lower() in _JS_TYPES
            self._current = [] if runs else None

    def handle_data(self, data):
        if self._current is not None:
            self._current.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._current is not None:
            self.scripts.append("".join(self._current))
            self._current = None


def inline_scripts(html: str) -> tuple[list[str], list[str]]:
    """(inline script texts, forbidden constructs) of one HTML document."""
    parser = _Scripts()
    parser.feed(html)
    parser.close()
    return parser.scripts, parser.forbidden


def script_hash(text: str) -> str:
    """The CSP source expression for one inline script: 'sha256-<base64>'."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def content_security_policy(site: Path) -> tuple[str, list[str]]:
    """(the policy for every page of `site`, problems). A problem is markup a
    strict policy would block (an onclick attribute, a javascript: link)."""
    hashes: set[str] = set()
    problems = []
    for page in sorted(site.rglob("*.html")):
        scripts, forbidden = inline_scripts(page.read_text(encoding="utf-8"))
        hashes |= {script_hash(s) for s in scripts}
        problems += [f"{page.relative_to(site).as_posix()}: {f} körs inte under säkerhetspolicyn; "
                     "lägg skriptet i en fil under docs/assets/javascripts/" for f in forbidden]
    parts = []
    for name, sources in CSP_DIRECTIVES:
        if name == "script-src":
            sources = sources + sorted(hashes)
        parts.append(" ".join([name, *sources]))
    return "; ".join(parts), problems


def write_csp(site: Path) -> list[str]:
    """Write the nginx snippet with this build's policy; return problems."""
    policy, problems = content_security_policy(site)
    target = site / CSP_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(
        "# Written by tools/build_site.py for exactly this build (do not edit): the\n"
        "# Content-Security-Policy with the hashes of Material's inline start-up\n"
        "# scripts. Included by deploy/nginx/security-headers.conf; reload nginx\n"
        "# after publishing a new build.\n"
        f'add_header Content-Security-Policy "{policy}" always;\n',
        encoding="utf-8",
    )
    return problems


# ---------------------------------------------------------------- compression

# Text formats worth compressing. Not: Pagefind's index chunks and WebAssembly
# (.pf_*, .pagefind: already gzip inside), images, XLSX (a zip), source maps
# (only developer tools load them).
COMPRESSIBLE = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".xsl", ".txt", ".ics", ".csv", ".rtf"}


def _brotli(data: bytes, cache: Path | None) -> bytes:
    """Brotli at the highest quality; results are kept by content hash in
    `cache`, because quality 11 is slow and most files are the same from build
    to build (Material's bundles, unchanged pages)."""
    if cache is None:
        return brotli.compress(data, quality=11)
    key = cache / f"{hashlib.sha256(data).hexdigest()}-q11-{brotli.__version__}.br"
    packed = _cache.read(key)
    if packed is not None:
        _cache.touch(key)  # used: kept by prune
        return packed
    packed = brotli.compress(data, quality=11)
    _cache.write(key, packed)
    return packed


def precompress(site: Path, cache: Path | None = None, use_cache: bool = True) -> int:
    """Write file.gz (gzip -9) and file.br (brotli 11) beside every compressible
    file whose compressed form is smaller. Returns the number of files."""
    cache = (cache or _cache.cache_dir("brotli")) if use_cache else None
    count = 0
    for path in sorted(site.rglob("*")):
        if path.suffix.lower() not in COMPRESSIBLE or not path.is_file() or path.is_relative_to(site / CSP_FILE.parent):
            continue
        data = path.read_bytes()
        for suffix, packed in ((".gz", gzip.compress(data, compresslevel=9, mtime=0)), (".br", _brotli(data, cache))):
            out = path.with_name(path.name + suffix)
            if len(packed) < len(data):
                out.write_bytes(packed)
                os.chmod(out, 0o644)
            elif out.exists():
                out.unlink()
        count += 1
    if cache is not None:
        _cache.prune(cache)
    return count


