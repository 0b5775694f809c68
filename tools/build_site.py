"""Build the site into site/ atomically: a failed build never touches site/.

    python tools/build_site.py [--project DIR] [--site-dir DIR]

mkdocs writes into a fresh temporary directory next to the target, the PDF
documents are written from its pages (tools/pdf.py), Pagefind
adds the search index there (search_index()), then the publishing steps run (tools/publishing.py:
the address registry is checked, the Content-Security-Policy written, the tree
made readable for the web server, every text file precompressed). Only when all
of it succeeded is the old site/ swapped out for the new one (two renames on the
same file system). On any failure the temporary directory is removed and the
published site/ is left byte for byte as it was. Any warning from a tool stops
the build, as mkdocs --strict does.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from macros.steps import publishing
from macros.steps.pdf import build_pdfs
from macros.steps.search_index import build_search_index

ROOT = Path(__file__).resolve().parent.parent


def search_index(site: Path, project: Path) -> subprocess.CompletedProcess:
    """The search index: Pagefind, with Swedish stemming, chunked so a page
    loads only the parts a query needs, and the search vocabulary beside it
    (glossary variants, kinds of page, compounds). The same code runs in the
    preview (macros/sokindex.py, macros/sokhooks.py). Returns Pagefind's run
    (its output is checked for warnings)."""
    return build_search_index(site, project)


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
        if build_pdfs(project, tmp, quiet=True) != 0:  # the PDF documents, from the built pages (tools/pdf.py)
            print(f"\nPDF-dokumenten kunde inte skapas; {site_dir} är oförändrad.", file=sys.stderr)
            return 1
        index = search_index(tmp, project)
        if index.returncode != 0 or tool_warnings(index):
            print(index.stdout + index.stderr, file=sys.stderr)
            print(f"\nSökindexet kunde inte byggas utan varningar (kod {index.returncode}); {site_dir} är oförändrad.",
                  file=sys.stderr)
            return index.returncode or 1
        if not prepare_for_publishing(project, tmp):
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
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def tool_warnings(result: subprocess.CompletedProcess) -> list[str]:
    """Lines a quiet tool printed: with --quiet, Pagefind prints only warnings."""
    return [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]


def prepare_for_publishing(project: Path, tmp: Path) -> bool:
    """The publishing steps on the built tree (tools/publishing.py); False, with
    the problems printed, if the build must stop."""
    problems = publishing.check_addresses(project / "data" / "adresser.yaml", tmp)
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
