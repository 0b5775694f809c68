"""Write the site's PDF documents into a built site (a step after mkdocs).

    python tools/pdf.py SITE_DIR [--project DIR]

Which documents exist, their pages and dates come from macros.layout
(the same code that links them from the pages); the layout and the PDF/UA
writing from macros.render.pdf. The documents are rendered in parallel
processes (one per core). Nothing is fetched from any host.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import yaml

from ..data.site import load_site
from ..paths.layout import pdf_documents
from ..paths.links import url_of
from ..render.pdf import article_of, full_address, print_document, render_pdf, section_html

ROOT = Path(__file__).resolve().parent.parent.parent


class _Loader(yaml.SafeLoader):
    """mkdocs.yml may hold !!python/name tags; keep them as text."""


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: f"!!python/{suffix}")


def _render_one(args) -> tuple[str, int, list[str]]:
    """Render one document (runs in a worker process). Returns its site path,
    size and every message WeasyPrint logged (a warning fails the build)."""
    project, site_dir, doc, directory_urls, site_url = args
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
        page = site_dir / (url + "index.html" if url.endswith("/") or url == "" else url)
        sections.append(section_html(article_of(page.read_text(encoding="utf-8")), n, url, in_doc, site_url))
    html = print_document(doc, sections, address=full_address(site_url, urls[0]))
    out = site_dir / doc.path
    data = render_pdf(html, site_dir, out.parent)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    return doc.path, len(data), messages


def documents(project: Path):
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    site = load_site(project / "data")
    return pdf_documents(site, config.get("nav")), config


def build_pdfs(project: Path, site_dir: Path, directory_urls: bool | None = None, quiet: bool = False) -> int:
    """Write every PDF into site_dir. 0 on success; messages on stderr otherwise."""
    start = time.perf_counter()
    try:
        docs, config = documents(project)
    except ValueError as exc:  # a document without a date, say
        print(f"PDF-dokumenten kan inte skapas: {exc}", file=sys.stderr)
        return 1
    if directory_urls is None:
        directory_urls = config.get("use_directory_urls", True)
    site_url = config.get("site_url") or None
    jobs = [(project, site_dir, d, directory_urls, site_url) for d in docs]
    workers = max(1, min(len(jobs), os.cpu_count() or 1))
    problems = []
    total = 0
    # Longest first, so the two workers finish at about the same time.
    jobs.sort(key=lambda j: -len(j[2].pages))
    import weasyprint  # noqa: F401, PLC0415  (imported once here, inherited by the forked workers)

    with ProcessPoolExecutor(max_workers=workers) as pool:
        for path, size, messages in pool.map(_render_one, jobs):
            total += size
            problems += [f"{path}: {m}" for m in messages]
    if problems:
        print("PDF-dokumenten gav varningar:\n  - " + "\n  - ".join(problems), file=sys.stderr)
        return 1
    if not quiet:
        print(f"PDF: {len(docs)} dokument, {total / 1024:.0f} kB, {time.perf_counter() - start:.1f} s".replace(".", ","))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", type=Path)
    parser.add_argument("--project", type=Path, default=ROOT)
    args = parser.parse_args()
    return build_pdfs(args.project.resolve(), args.site_dir.resolve())


if __name__ == "__main__":
    sys.exit(main())
