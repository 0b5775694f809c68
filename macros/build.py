"""One build's worth of derived data: the validated site, the organisation
index, and the pages and files generated from them. Computed once by
`define_env` and handed to the hooks through the macros plugin (no module
state), so every step of a build sees the same data."""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from .outputs import generated_files, generated_pages
from .domain.organisation import Org, organisation
from .data.site import SiteData, load_site


@dataclass(frozen=True, repr=False)
class Build:
    site: SiteData
    org: Org
    pages: dict[str, str]  # generated pages: docs path -> Markdown
    files: dict[str, bytes]  # generated downloads: site path -> bytes

    def __repr__(self) -> str:
        # Short: mkdocs-macros writes its variables as text (str()) at every build,
        # and the whole data, pages and downloads made that take seconds.
        return f"<Build: {len(self.pages)} generated pages, {len(self.files)} downloads>"


def load_build(data_dir: Path) -> Build:
    """Load and validate data/ (raises DataError listing every problem)."""
    site = load_site(data_dir)
    org = organisation(site)
    return Build(site, org, generated_pages(site, org), generated_files(site))


# `mkdocs serve` loads the hook files afresh for every rebuild and calls
# on_startup only once, so "this is the preview" is kept in the environment.
PREVIEW = "BBG_FORHANDSVISNING"


def in_preview() -> bool:
    """True in `mkdocs serve` (set by macros/hooks/search.py on_startup)."""
    return os.environ.get(PREVIEW) == "1"


def build_of(config) -> Build | None:
    """The Build that define_env made for this mkdocs config, or None when the
    macros plugin did not run (e.g. a config without it)."""
    plugin = config["plugins"].get("macros")
    return getattr(plugin, "handbok", None)


def run_mkdocs(config_file: Path, site_dir: Path) -> Build | None:
    """A strict mkdocs build in this process, as `mkdocs build --strict`
    runs it; the build's data, or None (the errors are printed) on failure."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
    log = logging.getLogger("mkdocs")
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = False
    try:
        config = load_config(config_file=str(config_file), site_dir=str(site_dir), strict=True)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
    except MkDocsException as exc:  # errors were logged; this is mkdocs' summary ("Aborted with …")
        print(f"Error: {exc.format_message()}", file=sys.stderr)
        return None
    finally:
        log.removeHandler(handler)
    return build_of(config)
