"""mkdocs hooks (glue) for search.

- Every page gets its kind (macros.steps.search_index.page_kind), which the
  theme override writes as a Pagefind filter and meta field
  (overrides/main.html).
- After every build (`mkdocs build`, `make build`, and each rebuild of the
  preview) the search index and the search vocabulary are built into the
  site from the build's own data. Any warning from Pagefind stops a build; the
  preview prints it and goes on. A configuration that uses Material's own
  search (the offline bundle, mkdocs.offline.yml) gets no Pagefind index.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

from macros.build import PREVIEW, build_of, in_preview
from macros.paths.layout import page_kind
from macros.steps.search_index import build_search_index


def on_startup(command, dirty):
    if command == "serve":
        os.environ[PREVIEW] = "1"


def on_page_context(context, page, config, nav):
    page.meta["sidtyp"] = page_kind(page.file.src_uri)
    return context


def on_post_build(config):
    build = build_of(config)
    if build is None or "search" in config["plugins"] or "material/search" in config["plugins"]:
        return
    result = build_search_index(Path(config["site_dir"]), build.site, Path(config.config_file_path).resolve().parent)
    output = (result.stdout + result.stderr).strip()
    if result.returncode == 0 and not output:
        return
    message = f"Sökindexet kunde inte byggas utan varningar (Pagefind, kod {result.returncode}):\n{output}"
    if in_preview() and result.returncode == 0:
        print(message, file=sys.stderr)
        return
    raise PluginError(message)
