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


def _generated():
    import macros

    site = macros.CURRENT.get("site")
    if site is None:  # the macros plugin did not run; nothing to generate from
        return None, {}, {}
    return site, macros.generated_pages(site), macros.generated_files(site)


def on_config(config):
    from macros.nav import place_generated

    site, pages, _ = _generated()
    if site is None or not pages:
        return config
    try:
        config["nav"] = place_generated(list(config["nav"] or []), pages)
    except ValueError as exc:
        raise PluginError(str(exc)) from None
    return config


def on_files(files: Files, config) -> Files:
    site, pages, downloads = _generated()
    if site is None:
        return files
    for path, markdown in sorted(pages.items()):
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"generated page {path} would replace a file in docs/: remove one of them")
        files.append(File.generated(config, path, content=markdown))
    for path, content in sorted(downloads.items()):
        files.append(File.generated(config, path, content=content))
    return files
