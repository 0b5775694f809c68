"""Write the site's PDF documents into a built site (a step after mkdocs
wrote the pages: macros/hooks/documents.py, on_post_build).

Which documents exist, their pages and dates come from macros.paths.layout
(the same code that links them from the pages); the layout and the PDF/UA
writing from macros.render.pdf. The documents are rendered in parallel
processes (one per core). Nothing is fetched from any host.

A rendered document is kept in the build cache (macros/cache.py) under a
hash of everything that decides its bytes: the print document's HTML, the
print stylesheet and PDF code, the files it shows (images, fonts), the
versions of WeasyPrint and its libraries and the fonts installed on the
machine (`render_fingerprint`). So an unchanged document is copied, not
rendered again, and any change renders it anew. A document that gave a
warning is never kept.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from concurrent.futures import ProcessPoolExecutor
from importlib import metadata
from pathlib import Path

from .. import cache
from ..data.site import SiteData
from ..outputs import pdf_documents
from ..paths.links import built_file, url_of
from ..render import pdf as render_module
from ..render.pdf import CSS_FILE, article_of, full_address, print_document, render_pdf, section_html

# Files a print document can show (its HTML's src=, href= and url()); pages and
# other PDFs it only links to do not change its bytes.
SHOWN = {".css", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".woff", ".woff2", ".ttf", ".otf"}
_REFERENCE = re.compile(r'(?:src|href|data)="([^"#?]+)|url\(\s*[\'"]?([^\'")#?]+)')
# Where fontconfig finds fonts and its settings (Debian): a font added or
# removed renders the documents anew.
FONT_PLACES = ("/etc/fonts", "/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts")
# The libraries WeasyPrint draws with, and the Python packages it uses.
LIBRARIES = re.compile(r"lib(pango|pangoft2|harfbuzz|fontconfig|freetype|cairo|fribidi)[^/\s]*\.so\S*")
PACKAGES = ("weasyprint", "pydyf", "pikepdf", "fonttools", "tinycss2", "cssselect2", "tinyhtml5", "pyphen", "pillow")


def _stat_lines(paths) -> list[str]:
    lines = []
    for path in paths:
        try:
            st = path.stat()
        except OSError:
            continue
        lines.append(f"{path} {st.st_size} {st.st_mtime_ns}")
    return sorted(lines)


def render_fingerprint() -> str:
    """What, besides a document's own HTML, decides its PDF bytes: the print
    stylesheet, the PDF code, the packages' versions, the drawing libraries
    loaded and the installed fonts."""
    import weasyprint  # noqa: F401, PLC0415  (loads Pango and the libraries below)

    parts = [CSS_FILE.read_bytes(), Path(render_module.__file__).read_bytes()]
    parts += [f"{name} {metadata.version(name)}".encode() for name in PACKAGES]
    try:
        maps = Path("/proc/self/maps").read_text(encoding="utf-8")
        libraries = {Path(m.group(0).split(" ")[-1]) for m in re.finditer(r"/\S*" + LIBRARIES.pattern, maps)}
    except OSError:
        libraries = set()
    parts += [line.encode() for line in _stat_lines(libraries)]
    fonts = [f for place in FONT_PLACES for f in Path(place).expanduser().rglob("*") if f.is_file()]
    parts += [line.encode() for line in _stat_lines(fonts)]
    digest = hashlib.sha256()
    for part in parts:
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()


def _document_key(html: str, base: Path, site_dir: Path, fingerprint: str) -> str:
    """The cache key of one print document: its HTML, every file it shows and the fingerprint."""
    digest = hashlib.sha256(fingerprint.encode() + html.encode())
    root = site_dir.resolve()
    shown = set()
    for match in _REFERENCE.finditer(html):
        ref = match.group(1) or match.group(2)
        if ":" in ref:  # data:, https: (refused by the fetcher anyway)
            continue
        path = (base / ref).resolve()
        if path.suffix.lower() in SHOWN and root in path.parents and path.is_file():
            shown.add(path)
    for path in sorted(shown):
        digest.update(path.relative_to(root).as_posix().encode() + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _render_one(args) -> tuple[str, int, list[str]]:
    """Render one document (runs in a worker process). Returns its site path,
    size and every message WeasyPrint logged (a warning fails the build)."""
    site_dir, doc, directory_urls, site_url, fingerprint = args
    messages: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record):
            messages.append(f"{record.levelname}: {record.getMessage()}")

    log = logging.getLogger("weasyprint")
    log.handlers[:] = [Collect(level=logging.WARNING)]
    log.propagate = False
    urls = [url_of(src, directory_urls) for src in doc.pages]
    in_doc = {u: n for n, u in enumerate(urls, start=1)}
    sections = []
    for n, url in enumerate(urls, start=1):
        page = site_dir / built_file(url)
        sections.append(section_html(article_of(page.read_text(encoding="utf-8")), n, url, in_doc, site_url))
    html = print_document(doc, sections, address=full_address(site_url, urls[0]))
    out = site_dir / doc.path
    kept = cache.cache_dir("pdf") / f"{_document_key(html, out.parent, site_dir, fingerprint)}.pdf" if fingerprint else None
    data = cache.read(kept) if kept else None
    if data is None:
        data = render_pdf(html, site_dir, out.parent)
        if kept and not messages:
            cache.write(kept, data)
    elif kept:
        cache.touch(kept)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    return doc.path, len(data), messages


def build_pdfs(
    site: SiteData, nav, site_dir: Path, directory_urls: bool = True, site_url: str | None = None, docs_dir: Path | None = None,
    use_cache: bool = True,
) -> list[str]:
    """Write every PDF into the built site_dir, with the build's validated data
    and its config's nav (macros/hooks/documents.py, after mkdocs wrote the
    pages). Returns the problems (a WeasyPrint warning, a document without a
    date); empty on success. use_cache=False renders every document."""
    try:
        docs = pdf_documents(site, nav, docs_dir) if docs_dir else pdf_documents(site, nav)
    except ValueError as exc:  # a document without a date, say
        return [f"PDF-dokumenten kan inte skapas: {exc}"]
    fingerprint = render_fingerprint() if use_cache else ""
    jobs = [(site_dir, d, directory_urls, site_url or None, fingerprint) for d in docs]
    workers = max(1, min(len(jobs), os.cpu_count() or 1))
    problems = []
    # Longest first, so the two workers finish at about the same time.
    jobs.sort(key=lambda j: -len(j[1].pages))
    import weasyprint  # noqa: F401, PLC0415  (imported once here, inherited by the forked workers)

    with ProcessPoolExecutor(max_workers=workers) as pool:
        for path, _size, messages in pool.map(_render_one, jobs):
            problems += [f"{path}: {m}" for m in messages]
    if use_cache:
        cache.prune(cache.cache_dir("pdf"))
    return ["PDF-dokumenten gav varningar:\n  - " + "\n  - ".join(problems)] if problems else []
