"""mkdocs hooks (glue) for change notes and PDF documents.

Listed under `hooks:` in mkdocs.yml after macros/hooks/generated.py. Adds the
Atom feed of the change notes (data/andringar.yaml) as a real file of the
build, and after a build (not in the preview) writes the
PDF documents from the built pages, with the build's own data and nav
(macros/steps/pdf.py). A page's PDF link and "Senast ändrad" block:
macros/hooks/page.py. Where things live: macros/paths/layout.py.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from macros.paths import layout
from macros.build import build_of, in_preview
from macros.paths.links import Links
from macros.render.changes import atom_feed, note_anchor
from macros.steps.pdf import build_pdfs


def on_files(files: Files, config) -> Files:
    build = build_of(config)
    if build is None:
        return files
    files.append(File.generated(config, layout.FEED_FILE, content=_feed(build, config)))
    return files


def on_post_build(config):
    """The PDF documents, from the built pages (not in the preview: too slow
    for every keystroke; README)."""
    build = build_of(config)
    if build is None or in_preview():
        return
    problems = build_pdfs(build.site, config["nav"], Path(config["site_dir"]), config["use_directory_urls"], config["site_url"],
                          Path(config["docs_dir"]))
    if problems:
        raise PluginError("\n".join(problems))


def _feed(build, config) -> bytes:
    """andringar.xml, with links relative to the feed (at the site's root)."""
    here = Links(layout.FEED_FILE, config.get("use_directory_urls", True))
    docs = Path(config["docs_dir"])

    def page_href(address: str) -> str:
        src = layout.address_source(address, build.pages, docs)
        return here.to(src) if src else address.lstrip("/")

    def page_title(address: str) -> str:
        src = layout.address_source(address, build.pages, docs)
        return _plain(layout.page_title(src, build.pages, docs)) if src else address

    return atom_feed(
        build.site.andringar.andringar,
        title=layout.FEED_TITLE,
        feed_href=layout.FEED_FILE,
        log_href=here.to(layout.CHANGE_LOG_PAGE),
        note_href=lambda n: here.to(layout.CHANGE_LOG_PAGE, note_anchor(n)),
        page_href=page_href,
        page_title=page_title,
        moved=layout.moved_addresses(build.site),
        base=config.get("site_url") or None,
        stylesheet=layout.FEED_STYLESHEET,
    )


def _plain(markdown_text: str) -> str:
    """Markdown inline text (as md_text escapes it) back to plain text for the feed."""
    text = re.sub(r"\\(.)", r"\1", markdown_text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
