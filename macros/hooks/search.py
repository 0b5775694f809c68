"""mkdocs hooks (glue) for search, kept apart from macros/hooks.py.

- Every page gets its kind (macros.sokindex.page_kind), which the theme
  override writes as a Pagefind filter and meta field (overrides/main.html).
- In the preview (`mkdocs serve`, so `make serve`), the search index and the
  search vocabulary are built into the served directory after the first build
  and after every rebuild, as `make build` does (tools/build_site.py).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

from macros.steps.search_index import build_search_index, page_kind

# mkdocs serve loads this file afresh for every rebuild, so whether we are
# serving is kept in the process environment, set once at startup.
_SERVING = "BBG_FORHANDSVISNING_SOK"


def on_startup(command, dirty):
    if command == "serve":
        os.environ[_SERVING] = "1"


def on_page_context(context, page, config, nav):
    page.meta["sidtyp"] = page_kind(page.file.src_uri)
    return context


def on_post_build(config):
    if os.environ.get(_SERVING) != "1":
        return
    project = Path(config.config_file_path).resolve().parent
    result = build_search_index(Path(config.site_dir), project)
    if result.returncode != 0:
        raise PluginError(f"Sökindexet kunde inte byggas (Pagefind):\n{result.stdout}{result.stderr}")
    if (result.stdout + result.stderr).strip():
        print(result.stdout + result.stderr, file=sys.stderr)
