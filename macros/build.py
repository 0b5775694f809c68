"""One build's worth of derived data: the validated site, the organisation
index, and the pages and files generated from them. Computed once by
`define_env` and handed to the hooks through the macros plugin (no module
state), so every step of a build sees the same data."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .paths import layout
from .render.organisation import Org
from .data.site import SiteData, load_site


@dataclass(frozen=True)
class Build:
    site: SiteData
    org: Org
    pages: dict[str, str]  # generated pages: docs path -> Markdown
    files: dict[str, bytes]  # generated downloads: site path -> bytes


def load_build(data_dir: Path) -> Build:
    """Load and validate data/ (raises DataError listing every problem)."""
    site = load_site(data_dir)
    org = layout.organisation(site)
    return Build(site, org, layout.generated_pages(site, org), layout.generated_files(site))


def build_of(config) -> Build | None:
    """The Build that define_env made for this mkdocs config, or None when the
    macros plugin did not run (e.g. a config without it)."""
    plugin = config["plugins"].get("macros")
    return getattr(plugin, "handbok", None)
