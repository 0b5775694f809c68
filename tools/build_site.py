"""Build the site into site/ atomically: a failed build never touches site/.

    python tools/build_site.py [--project DIR] [--site-dir DIR]

One process, one data load: mkdocs runs in this process (`load_config` reads
mkdocs.yml, the only reader of it) and writes into a fresh temporary
directory next to the target. Its hooks write the PDF documents and the search
index from the build's own validated data (macros/hooks/documents.py,
macros/hooks/search.py); then the publishing steps run on the same data
(macros/steps/publishing.py: the address registry is checked, the
Content-Security-Policy written, the tree made readable for the web server,
every text file precompressed). Only when all of it succeeded is the old site/
swapped out for the new one (two renames on the same file system). On any
failure the temporary directory is removed and the published site/ is left
byte for byte as it was. Any warning stops the build, as mkdocs --strict does.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

from macros.build import Build, run_mkdocs
from macros.steps import publishing

ROOT = Path(__file__).resolve().parent.parent


def build(project: Path, site_dir: Path) -> int:
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-bygge-", dir=site_dir.parent))
    cwd = Path.cwd()
    os.chdir(project)  # as `mkdocs build` run in the project (snippets' base path ".")
    try:
        done = run_mkdocs(project / "mkdocs.yml", tmp)
        if done is None:
            print(f"\nBygget misslyckades; {site_dir} är oförändrad.", file=sys.stderr)
            return 1
        if not prepare_for_publishing(done, tmp):
            print(f"\n{site_dir} är oförändrad.", file=sys.stderr)
            return 1
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
        os.chdir(cwd)
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def prepare_for_publishing(done: Build, tmp: Path) -> bool:
    """The publishing steps on the built tree (macros/steps/publishing.py); False,
    with the problems printed, if the build must stop."""
    problems = publishing.check_addresses(done.site.docs["data/adresser.yaml"], tmp)
    problems += publishing.write_csp(tmp)
    if problems:
        print("\nBygget stoppades:", *(f"  {p}" for p in problems), sep="\n", file=sys.stderr)
        return False
    publishing.make_readable(tmp)
    publishing.precompress(tmp)
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=ROOT)
    parser.add_argument("--site-dir", type=Path, default=None)
    args = parser.parse_args()
    project = args.project.resolve()
    return build(project, args.site_dir or project / "site")


if __name__ == "__main__":
    sys.exit(main())
