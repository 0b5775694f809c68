"""One way to copy the project for a throwaway build (tests that damage data on
purpose, the benchmark's scaled data, the offline bundle)."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
# What a project copy needs to build.
PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "macros", "overrides", "tools")


def copy_project(dest: Path, root: Path = ROOT) -> Path:
    """Copy the parts of the project a build needs to `dest` (created if missing)."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = root / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__", "node_modules"))
        elif src.exists():
            shutil.copy2(src, dest / part)
    return dest
