"""Build the offline bundle: a zip of the site that opens from the file
system (file://) with working navigation and search, for intranets without a
web server.

    python tools/build_offline.py [--out barnens-basta-offline.zip]

The same sources and build as the published site, with the configuration
mkdocs.offline.yml (INHERIT: mkdocs.yml): pages linked as .html files,
Material's search (its index is inlined so it works without a server) instead
of Pagefind, and the iframe-worker shim that lets the search run from the file
system served from the bundle itself (npm package in tools/npm, copied in
here), not from a CDN.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

from macros.build import run_mkdocs

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "mkdocs.offline.yml"
SHIM = ROOT / "tools" / "npm" / "node_modules" / "iframe-worker" / "shim" / "index.js"
SHIM_PATH = "assets/javascripts/iframe-worker-shim.js"  # extra.polyfills in mkdocs.offline.yml


def build(out: Path) -> int:
    if not SHIM.exists():
        print(f"iframe-worker saknas ({SHIM}); kör `npm ci --prefix tools/npm`.", file=sys.stderr)
        return 1
    work = Path(tempfile.mkdtemp(prefix="bbg-offline-"))
    try:
        site = work / "site"
        if run_mkdocs(CONFIG, site) is None:
            print("Det offline-bygget misslyckades; ingen zip-fil skrevs.", file=sys.stderr)
            return 1
        shutil.copy2(SHIM, site / SHIM_PATH)
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
