"""The site builds with the plain `mkdocs` command (the installed package is
found without any sys.path edit) and with ProperDocs, the maintained
continuation of MkDocs 1.x: the two sites are equal apart from the generator
tag, so switching (README: "Om MkDocs 1.6 slutar fungera") changes no page."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from packaging.version import Version
from tiers import require_tier

BIN = Path(sys.executable).parent
GENERATOR = re.compile(rb'<meta name="generator" content="([^"]*)">')


def _build(command: str, out: Path, cwd: Path) -> None:
    require_tier("build", "runs a build")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    result = subprocess.run(
        [str(BIN / command), "build", "--strict", "--config-file", str(ROOT / "mkdocs.yml"), "--site-dir", str(out)],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, f"{command} build --strict failed:\n{result.stdout}\n{result.stderr}"


def _files(site: Path) -> dict[str, bytes]:
    """Every file of a built site but Pagefind's index, whose file names and
    map order vary from run to run even for the same pages."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file() and p.relative_to(site).parts[0] != "pagefind"}


@pytest.mark.build
def test_mkdocs_and_properdocs_build_the_same_site(tmp_path):
    # Built from another directory: only the installed package can provide `macros`.
    _build("mkdocs", tmp_path / "mkdocs", cwd=tmp_path)
    _build("properdocs", tmp_path / "properdocs", cwd=tmp_path)
    one, other = _files(tmp_path / "mkdocs"), _files(tmp_path / "properdocs")
    assert "index.html" in one and "handlingsplan/2019-2023/index.html" in one
    assert "praxismodellen/praxismodellen.pdf" in one and "sok/ordforrad.json" in one  # the hooks' outputs
    assert (tmp_path / "properdocs" / "pagefind" / "pagefind.js").is_file()
    assert one.keys() == other.keys()
    different = [path for path in one if GENERATOR.sub(b"", one[path]) != GENERATOR.sub(b"", other[path])]
    assert different == []
    # The generator tag is what tells them apart: each site names its own builder.
    assert GENERATOR.search(one["index.html"]).group(1).startswith(b"mkdocs-1.6.1,")
    assert GENERATOR.search(other["index.html"]).group(1).startswith(b"mkdocs-ProperDocs 1.6.7,")


def test_every_pin_is_exact_and_no_pre_release():
    """MkDocs 2.0 pre-releases drop plugins: only exact, final versions are pinned."""
    pins = {}
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"not pinned exactly: {line}"
            pins[name.split("[")[0].lower()] = Version(version)
    assert [name for name, version in pins.items() if version.is_prerelease or version.is_devrelease] == []
    assert pins["mkdocs"] == Version("1.6.1")
    assert pins["properdocs"] == Version("1.6.7")
