"""mkdocs-macros glue: load the data once per build and register every area's
macros (macros/areas/). Nothing else happens here; see CONTRIBUTING.md."""

from __future__ import annotations

import functools
from pathlib import Path

from mkdocs.exceptions import PluginError

from .areas import AREAS
from .build import load_build
from .context import Context
from .data.loader import DataError


def bind(fn, ctx: Context):
    """A page-callable macro: `fn` with the build's context as first argument."""
    return functools.wraps(fn)(functools.partial(fn, ctx))


def define_env(env) -> None:
    try:
        build = load_build(Path(env.project_dir) / "data")
    except DataError as exc:
        raise PluginError(str(exc)) from None  # stops before any page is written, listing every problem
    env.handbok = build  # read by hooks.py through config.plugins["macros"] (macros/build.py: build_of)
    project = Path(env.project_dir)
    ctx = Context(build.site, build.org, lambda: env.page.file.src_uri, env.conf.get("use_directory_urls", True),
                  Path(env.conf["docs_dir"]), project / "data", build.pages)
    for area in AREAS:
        for fn in area.MACROS:
            env.macro(bind(fn, ctx), fn.__name__)
