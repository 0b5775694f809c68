"""Build the site into site/ atomically: a failed build never touches site/.

    python tools/build_site.py [--project DIR] [--site-dir DIR]

mkdocs writes into a fresh temporary directory next to the target, Pagefind
adds the search index there (search_index()); only when the whole strict build succeeded is the old site/ swapped out for the new one
(two renames on the same file system). On any failure the temporary directory
is removed and the published site/ is left byte for byte as it was.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def search_index(site: Path, project: Path) -> int:
    """The search index: Pagefind, with Swedish stemming, chunked so a page
    loads only the parts a query needs, and the search vocabulary beside it
    (glossary variants, kinds of page, compounds). The same code runs in the
    preview (macros/sokindex.py, macros/sokhooks.py)."""
    sys.path.insert(0, str(project))
    try:
        from macros.sokindex import build_search_index
    finally:
        sys.path.remove(str(project))
    return build_search_index(site, project) or 0


def build(project: Path, site_dir: Path) -> int:
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-bygge-", dir=site_dir.parent))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--config-file",
           str(project / "mkdocs.yml"), "--site-dir", str(tmp)]
    try:
        result = subprocess.run(cmd, cwd=project, env=env)
        if result.returncode != 0:
            print(f"\nBygget misslyckades (kod {result.returncode}); {site_dir} är oförändrad.", file=sys.stderr)
            return result.returncode or 1
        code = search_index(tmp, project)
        if code != 0:
            print(f"\nSökindexet kunde inte byggas (kod {code}); {site_dir} är oförändrad.", file=sys.stderr)
            return code
        old = None
        if site_dir.exists():
            old = site_dir.with_name(f".{site_dir.name}-gammal-{os.getpid()}")
            site_dir.rename(old)
        tmp.rename(site_dir)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        print(f"Webbplatsen är byggd i {site_dir}")
        return 0
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=ROOT)
    parser.add_argument("--site-dir", type=Path, default=None)
    args = parser.parse_args()
    project = args.project.resolve()
    return build(project, args.site_dir or project / "site")


if __name__ == "__main__":
    sys.exit(main())
