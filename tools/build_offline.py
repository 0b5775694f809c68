"""Build the offline bundle: a zip of the site that opens from the file
system (file://) with working navigation and search, for intranets without a
web server.

    python tools/build_offline.py [--out barnens-basta-offline.zip]

The same sources as the published site, with three differences: pages are
linked as .html files, the search is Material's (its index is inlined so it
works without a server) instead of Pagefind, and the iframe-worker shim that
lets the search run from the file system is served from the bundle itself
(npm package in tools/npm), not from a CDN.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import yaml
from macros.steps.pdf import build_pdfs
from macros.steps.project_copy import copy_project

ROOT = Path(__file__).resolve().parent.parent
SHIM = ROOT / "tools" / "npm" / "node_modules" / "iframe-worker" / "shim" / "index.js"
SHIM_PATH = "assets/javascripts/iframe-worker-shim.js"


class _Loader(yaml.SafeLoader):
    """mkdocs.yml may hold !!python/name tags (pymdownx); keep them as text."""


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: f"!!python/{suffix}")


def offline_config(config: dict) -> dict:
    config = dict(config)
    config["use_directory_urls"] = False
    config["plugins"] = [{"search": {"lang": "sv"}}, "offline", *config.get("plugins", [])]
    config["extra"] = {**config.get("extra", {}), "polyfills": [SHIM_PATH]}
    config["not_in_nav"] = (config.get("not_in_nav") or "") + "\n/sok.md\n"
    config["exclude_docs"] = (config.get("exclude_docs") or "") + "\nsok.md\n"
    config.pop("watch", None)
    return config


def build(out: Path) -> int:
    if not SHIM.exists():
        print(f"iframe-worker saknas ({SHIM}); kör `npm ci --prefix tools/npm`.", file=sys.stderr)
        return 1
    work = Path(tempfile.mkdtemp(prefix="bbg-offline-"))
    try:
        project = copy_project(work / "projekt")
        (project / "docs" / "sok.md").unlink()
        shutil.copy2(SHIM, project / "docs" / SHIM_PATH)
        config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
        (project / "mkdocs.yml").write_text(yaml.safe_dump(offline_config(config), allow_unicode=True, sort_keys=False), encoding="utf-8")
        site = work / "site"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(project / "mkdocs.yml"), "--site-dir", str(site)],
            cwd=project, env=env,
        )
        if result.returncode != 0:
            print("Det offline-bygget misslyckades; ingen zip-fil skrevs.", file=sys.stderr)
            return result.returncode or 1
        if build_pdfs(project, site, directory_urls=False, quiet=True) != 0:  # tools/pdf.py
            return 1
        out = out.resolve()
        tmp_zip = out.with_suffix(".zip.tmp")
        with zipfile.ZipFile(tmp_zip, "w", zipfile.ZIP_DEFLATED) as z:
            for f in sorted(site.rglob("*")):
                if f.is_file() and not f.name.endswith(".map"):
                    z.write(f, Path("barnens-basta") / f.relative_to(site))
        tmp_zip.replace(out)
        print(f"Offlineversionen är skriven till {out}. Packa upp och öppna barnens-basta/index.html.")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "barnens-basta-offline.zip")
    return build(parser.parse_args().out)


if __name__ == "__main__":
    sys.exit(main())
