"""mkdocs hooks (glue) for change notes and PDF links; logic in macros.dokument.

Listed under `hooks:` in mkdocs.yml after macros/hooks.py. Adds the Atom feed
of the change notes as a real file of the build, and to each page its PDF
link and its "Senast ändrad" block.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File, Files


def _site():
    import macros

    return macros.CURRENT.get("site")


def _generated(site) -> dict[str, str]:
    import macros

    if not hasattr(site, "_generated_pages"):
        site._generated_pages = macros.generated_pages(site)
    return site._generated_pages


def on_files(files: Files, config) -> Files:
    from macros.dokument import FEED_FILE, feed_bytes

    site = _site()
    if site is None:
        return files
    content = feed_bytes(site, Path(config["docs_dir"]), _generated(site), config.get("use_directory_urls", True))
    files.append(File.generated(config, FEED_FILE, content=content))
    return files


def on_page_markdown(markdown: str, page, config, files):
    from macros.dokument import page_markdown

    site = _site()
    if site is None:
        return markdown
    return page_markdown(markdown, page.file.src_uri, site, config.get("use_directory_urls", True))
