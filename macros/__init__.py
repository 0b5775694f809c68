"""mkdocs-macros glue: load the data once per build and expose the generators.

This is the only module (with hooks.py) that knows mkdocs and where pages live.
Everything it exposes is a one-line call to a pure function in macros.render.
"""

from __future__ import annotations

from pathlib import Path

from .links import Links
from .loader import DataError
from .site import SiteData, load_site

# The data of the build in progress: set in define_env (on_config, before any
# page is rendered), read by hooks.py to add generated files.
CURRENT: dict[str, SiteData] = {}


def generated_files(site: SiteData) -> dict[str, bytes]:
    """Files generated from data at build time (downloads), by site path."""
    files: dict[str, bytes] = {}
    # --- add generated downloads below, one block per area ---
    return files


def define_env(env) -> None:
    from mkdocs.exceptions import PluginError

    project = Path(env.project_dir)
    try:
        site = load_site(project / "data")
    except DataError as exc:
        # Stops the build before any page is written, listing every problem.
        raise PluginError(str(exc)) from None
    CURRENT["site"] = site
    directory_urls = env.conf.get("use_directory_urls", True)

    def links() -> Links:
        """Links relative to the page being rendered."""
        return Links(env.page.file.src_uri, directory_urls)

    # ------------------------------------------------------------ start page / shared
    @env.macro
    def source_title(source_id: str) -> str:
        """The title of a source document in data/kallor.yaml, as inline text."""
        from .render.html import md_text

        return md_text(site.get("kalla", source_id).titel)

    @env.macro
    def plan_title(plan_id: str = "2019-2023") -> str:
        from .render.html import md_text

        return md_text(site.handlingsplaner[plan_id].titel)

    @env.macro
    def plan_vision(plan_id: str = "2019-2023") -> str:
        from .render.html import md_text

        return md_text(site.handlingsplaner[plan_id].vision)

    @env.macro
    def plan_meta(plan_id: str = "2019-2023") -> str:
        """One line: title, period, set and revised dates of a plan."""
        from .render.plan import plan_meta_line

        plan = site.handlingsplaner[plan_id]
        return plan_meta_line(plan, site.get("roll", plan.faststalld_av).namn)

    # ------------------------------------------------------------ action plan
    @env.macro
    def plan_document(plan_id: str = "2019-2023") -> str:
        """The whole plan: one heading and table per subject area."""
        from .render.plan import whole_plan

        return whole_plan(site.handlingsplaner[plan_id])

    # --- add macros below, one block per area ---
