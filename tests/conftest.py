"""Shared fixtures: the real data, loaded once, and one real strict build."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from macros.data.site import load_site
from macros.steps.project_copy import copy_project  # noqa: F401  (shared with tools/)

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def site_data():
    return load_site(ROOT / "data")


def run_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """The real build command (tools/build_site.py), as `make build` runs it."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    return subprocess.run(
        [sys.executable, str(project / "tools" / "build_site.py"), "--project", str(project), "--site-dir", str(site_dir)],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The whole real site, built once per test session with --strict."""
    out = tmp_path_factory.mktemp("bygge") / "site"
    result = run_build(ROOT, out)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return out
