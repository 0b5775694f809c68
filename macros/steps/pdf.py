"""Write the site's PDF documents into a built site (a step after mkdocs
wrote the pages: macros/hooks/documents.py, on_post_build).

Which documents exist, their pages and dates come from macros.paths.layout
(the same code that links them from the pages); the layout and the PDF/UA
writing from macros.render.pdf. The documents are rendered in parallel
processes (one per core). Nothing is fetched from any host.
"""

from __future__ import annotations

import logging
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from ..data.site import SiteData
from ..paths.layout import pdf_documents
from ..paths.links import built_file, url_of
from ..render.pdf import article_of, full_address, print_document, render_pdf, section_html


def _render_one(args) -> tuple[str, int, list[str]]:
    """Render one document (runs in a worker process). Returns its site path,
    size and every message WeasyPrint logged (a warning fails the build)."""
    site_dir, doc, directory_urls, site_url = args
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
    data = render_pdf(html, site_dir, out.parent)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    return doc.path, len(data), messages


def build_pdfs(
    site: SiteData, nav, site_dir: Path, directory_urls: bool = True, site_url: str | None = None, docs_dir: Path | None = None
) -> list[str]:
    """Write every PDF into the built site_dir, with the build's validated data
    and its config's nav (macros/hooks/documents.py, after mkdocs wrote the
    pages). Returns the problems (a WeasyPrint warning, a document without a
    date); empty on success."""
    try:
        docs = pdf_documents(site, nav, docs_dir) if docs_dir else pdf_documents(site, nav)
    except ValueError as exc:  # a document without a date, say
        return [f"PDF-dokumenten kan inte skapas: {exc}"]
    jobs = [(site_dir, d, directory_urls, site_url or None) for d in docs]
    workers = max(1, min(len(jobs), os.cpu_count() or 1))
    problems = []
    # Longest first, so the two workers finish at about the same time.
    jobs.sort(key=lambda j: -len(j[1].pages))
    import weasyprint  # noqa: F401, PLC0415  (imported once here, inherited by the forked workers)

    with ProcessPoolExecutor(max_workers=workers) as pool:
        for path, _size, messages in pool.map(_render_one, jobs):
            problems += [f"{path}: {m}" for m in messages]
    return ["PDF-dokumenten gav varningar:\n  - " + "\n  - ".join(problems)] if problems else []
