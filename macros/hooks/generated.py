"""mkdocs hooks (glue): add the pages and files generated from data to the build.

Listed under `hooks:` in mkdocs.yml, so they run after the macros plugin's
on_config (define_env), which loaded and validated the data once and made the
build's `Build` (macros/build.py). This publishes its generated pages and
downloads as mkdocs File objects, so that links to them are validated like any
other page or asset, and places the generated pages in the navigation. What
the build adds to a page (danger box, review line, sources): macros/hooks/page.py.
"""

from __future__ import annotations

import hashlib
import html
import logging
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from macros.domain import review
from macros import cache
from macros.build import build_of
from macros.builddate import build_date
from macros.data.loader import DataError
from macros.paths.links import built_file, url_of
from macros.paths.nav import place_generated
from macros.paths.redirects import redirect_map
from macros.render.redirect import redirect_page
from macros.render.practice import abbreviations_snippet
from macros.render.valid_html import valid_html


log = logging.getLogger("mkdocs.hooks.granskning")


def on_config(config):
    build = build_of(config)
    if build is None:
        return config
    _review_records(config, build.site)
    _abbreviations_file(config, build.site)
    _redirects(config, build.site)
    if not build.pages:
        return config
    try:
        config["nav"] = place_generated(list(config["nav"] or []), build.pages)
    except ValueError as exc:
        raise PluginError(str(exc)) from None
    return config


def on_files(files: Files, config) -> Files:
    build = build_of(config)
    if build is None:
        return files
    for path, markdown in sorted(build.pages.items()):
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"generated page {path} would replace a file in docs/: remove one of them")
        files.append(File.generated(config, path, content=markdown))
    for path, content in sorted(build.files.items()):
        files.append(File.generated(config, path, content=content))
    return files


def _review_records(config, site) -> None:
    """Stop the build on a review record for a page that does not exist; list
    records that no longer match and expired reviews (information only: a
    strict build does not fail on them)."""
    docs_dir = Path(config["docs_dir"])
    data_dir = Path(config["config_file_path"]).parent / "data"
    problems = review.record_problems(site, docs_dir, data_dir)
    if problems:
        raise PluginError(str(DataError(problems)))
    for line in review.record_report(review.record_states(site, docs_dir, build_date())):
        log.info(line)


# ---------------------------------------------------------------- helpers


def _abbreviations_file(config, site) -> None:
    """Write the abbreviations (from data/ordlista.yaml) to a build-local file
    and have pymdownx.snippets append it to every page."""
    text = abbreviations_snippet(site.ordlista.termer)
    folder = cache.cache_dir("snippets")
    path = folder / f"forkortningar-{hashlib.sha256(text.encode()).hexdigest()[:12]}.md"
    if cache.read(path) is None:
        cache.write(path, text.encode("utf-8"))
    snippets = dict(config["mdx_configs"].get("pymdownx.snippets", {}))
    snippets["auto_append"] = [str(path)]
    snippets["base_path"] = [str(folder), "."]
    config["mdx_configs"]["pymdownx.snippets"] = snippets


def _redirects(config, site) -> None:
    """Moved pages (data/adresser.yaml, flyttad_till) become mkdocs-redirects entries."""
    plugin = config["plugins"].get("redirects")
    if plugin is None:
        return
    plugin.config["redirect_maps"] = {**plugin.config.get("redirect_maps", {}), **redirect_map(site.adresser.adresser)}


# ---------------------------------------------------------------- valid HTML (W3C Nu checker)


def on_post_page(output: str, page, config) -> str:
    return valid_html(output)


def on_post_template(output_content: str, template_name: str, config) -> str:
    return valid_html(output_content) if template_name.endswith(".html") else output_content


def on_post_build(config) -> None:
    """The pages left at moved addresses say so in Swedish (mkdocs-redirects,
    which runs before the hooks, writes them in English)."""
    build = build_of(config)
    if build is None:
        return
    site_dir = Path(config["site_dir"])
    for old in redirect_map(build.site.adresser.adresser):
        page = site_dir / built_file(url_of(old, config["use_directory_urls"]))
        if not page.is_file():
            continue
        found = re.search(r'<a href="([^"]+)">', page.read_text(encoding="utf-8"))
        if found:
            page.write_text(redirect_page(html.unescape(found.group(1))), encoding="utf-8")
