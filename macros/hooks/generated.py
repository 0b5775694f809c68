"""mkdocs hooks (glue): add the pages and files generated from data to the build.

Listed under `hooks:` in mkdocs.yml, so they run after the macros plugin's
on_config (define_env), which loaded and validated the data once and made the
build's `Build` (macros/build.py). This publishes its generated pages and
downloads as mkdocs File objects, so that links to them are validated like any
other page or asset, places the generated pages in the navigation, and adds
the danger box and review line to guidance pages.
"""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from macros.paths import layout
from macros.build import build_of
from macros.context import Context
from macros.paths.links import Links
from macros.paths.nav import place_generated
from macros.areas.local import akut_sources, kommunval
from macros.paths.redirects import redirect_map
from macros.render.provenance import with_page_grund
from macros.render.practice import abbreviations_snippet, check_guidance_meta, danger_callout, guidance_footer
from macros.render.valid_html import valid_html


def on_config(config):
    build = build_of(config)
    if build is None:
        return config
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


def on_page_markdown(markdown: str, page, config, files):
    """Guidance pages: check their front matter, add the danger box and the
    status line (draft or recorded review · proposed owner · sources)."""
    build = build_of(config)
    src = page.file.src_uri
    if build is not None and page.meta.get("grund") is not None:  # a page's own provenance (issue 12)
        try:
            markdown = with_page_grund(markdown, page.meta["grund"], f"docs/{src}", Context.for_page(build.site, src, build.org).source_of)
        except ValueError as exc:
            raise PluginError(str(exc)) from None
    if build is None or not layout.is_guidance(src):
        return markdown
    site = build.site
    problems = check_guidance_meta(
        f"docs/{src}", page.meta, set(site.index.get("roll", {})), set(site.index.get("kalla", {}))
    )
    if problems:
        raise PluginError("Vägledningssidan saknar uppgifter:\n  - " + "\n  - ".join(problems))
    here = Links(src, config.get("use_directory_urls", True))
    if src.startswith(layout.DANGER_FOLDERS) and "Är ett barn i fara?" not in markdown:
        lines = markdown.split("\n")
        at = next((i for i, line in enumerate(lines) if line.startswith("# ")), -1) + 1
        ctx = Context(site, build.org, lambda: src, config.get("use_directory_urls", True))
        lines[at:at] = ["", danger_callout(here.md(layout.REPORT_PAGE), kommunval(ctx), akut_sources(ctx))]
        markdown = "\n".join(lines)
    review = site.granskningar.latest(src)  # only a recorded review makes the footer say "Granskad"
    sources = [(site.get("kalla", sid).titel, site.get("kalla", sid).url) for sid in page.meta["kallor"]]
    owner = site.get("roll", page.meta["foreslagen_ansvarig"])
    confirmed = site.get("roll", review.ansvarig) if review and review.ansvarig else None
    return markdown + "\n\n" + guidance_footer(
        review,
        (owner.namn, here.md(f"roller/{owner.id}.md")),
        sources,
        (confirmed.namn, here.md(f"roller/{confirmed.id}.md")) if confirmed else None,
    )


# ---------------------------------------------------------------- helpers


def _abbreviations_file(config, site) -> None:
    """Write the abbreviations (from data/ordlista.yaml) to a build-local file
    and have pymdownx.snippets append it to every page."""
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
