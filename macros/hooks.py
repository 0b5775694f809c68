"""mkdocs hooks (glue): add the pages and files generated from data to the build.

Listed under `hooks:` in mkdocs.yml, so they run after the macros plugin's
on_config (define_env), which loaded and validated the data once. This only
publishes what macros.generated_pages() and macros.generated_files() make from
it, as mkdocs File objects, so that links to them are validated like any other
page or asset, and places the generated pages in the navigation.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files


def _site():
    import macros

    return macros.CURRENT.get("site")  # None when the macros plugin did not run


def _pages(site) -> dict[str, str]:
    import macros

    if not hasattr(site, "_generated_pages"):  # once per build: on_config and on_files both need them
        site._generated_pages = macros.generated_pages(site)
    return site._generated_pages


def on_config(config):
    from macros.nav import place_generated

    site = _site()
    if site is None:
        return config
    _abbreviations_file(config)
    _redirects(config, site)
    pages = _pages(site)
    if not pages:
        return config
    try:
        config["nav"] = place_generated(list(config["nav"] or []), pages)
    except ValueError as exc:
        raise PluginError(str(exc)) from None
    return config


def on_files(files: Files, config) -> Files:
    import macros

    site = _site()
    if site is None:
        return files
    pages, downloads = _pages(site), macros.generated_files(site)
    for path, markdown in sorted(pages.items()):
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"generated page {path} would replace a file in docs/: remove one of them")
        files.append(File.generated(config, path, content=markdown))
    for path, content in sorted(downloads.items()):
        files.append(File.generated(config, path, content=content))
    return files


# ---------------------------------------------------------------- abbreviations and guidance pages


def _abbreviations_file(config) -> None:
    """Write the abbreviations (from data/ordlista.yaml) to a build-local file
    and have pymdownx.snippets append it to every page."""
    import hashlib
    import tempfile
    from pathlib import Path

    import macros
    from macros.render.praxis import abbreviations_snippet

    site = macros.CURRENT.get("site")
    if site is None:
        return
    text = abbreviations_snippet(site.ordlista.termer)
    folder = Path(tempfile.gettempdir()) / "bbg-snippets"
    folder.mkdir(exist_ok=True)
    path = folder / f"forkortningar-{hashlib.sha256(text.encode()).hexdigest()[:12]}.md"
    if not path.exists():
        tmp = path.with_suffix(".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    snippets = dict(config["mdx_configs"].get("pymdownx.snippets", {}))
    snippets["auto_append"] = [str(path)]
    snippets["base_path"] = [str(folder), "."]
    config["mdx_configs"]["pymdownx.snippets"] = snippets


def on_page_markdown(markdown: str, page, config, files):
    """Guidance pages: check their front matter, add the danger box and the
    "Senast granskad · Ansvarig · Källor" line."""
    import macros
    from macros.links import Links
    from macros.render.praxis import check_guidance_meta, danger_callout, guidance_footer

    site = macros.CURRENT.get("site")
    src = page.file.src_uri
    if site is None or not macros.is_guidance(src):
        return markdown
    problems = check_guidance_meta(
        f"docs/{src}", page.meta, set(site.index.get("roll", {})), set(site.index.get("kalla", {}))
    )
    if problems:
        raise PluginError("Vägledningssidan saknar uppgifter:\n  - " + "\n  - ".join(problems))
    here = Links(src, config.get("use_directory_urls", True))
    if src.startswith(macros.DANGER_FOLDERS) and "Är ett barn i fara?" not in markdown:
        lines = markdown.split("\n")
        at = next((i for i, line in enumerate(lines) if line.startswith("# ")), -1) + 1
        lines[at:at] = ["", danger_callout(here.md(macros.REPORT_PAGE))]
        markdown = "\n".join(lines)
    owner = site.get("roll", page.meta["ansvarig"])
    sources = []
    for sid in page.meta["kallor"]:
        doc = site.get("kalla", sid)
        sources.append((doc.titel, doc.url))
    return markdown + "\n\n" + guidance_footer(page.meta["granskad"], owner.namn, here.md(f"roller/{owner.id}.md"), sources)


def _redirects(config, site) -> None:
    """Moved pages (data/adresser.yaml, flyttad_till) become mkdocs-redirects entries."""
    from macros.redirects import redirect_map

    plugin = config["plugins"].get("redirects")
    if plugin is None:
        return
    plugin.config["redirect_maps"] = {**plugin.config.get("redirect_maps", {}), **redirect_map(site.adresser.adresser)}
