"""Publish a built site to the web server's folder, swapping it in atomically
(make publish DEST=/var/www/barnens-basta).

    python3 macros/steps/release.py --dest DIR [--site site]   (make publish)

The built tree is copied to DIR/releases/<time>/, made readable for the web
server's user (directories 0755, files 0644), and DIR/site, a symbolic link,
is switched to it with one rename: a reader gets either the old site or the new
one, never half of each. A site built for the example host
(handbok.kommun.example, mkdocs.yml's site_url) is refused. The previous release is kept (to roll back, point
DIR/site at it); older ones are removed. Standard library only, so it runs
with the system's python3 under sudo.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

CSP_FILE = Path(".nginx") / "content-security-policy.conf"
# The example host of mkdocs.yml's site_url and deploy/nginx/: the README's
# publishing steps replace it with the site's real host name (sed).
EXAMPLE_HOST = "handbok.kommun.example"
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def site_address_problem(site: Path) -> str | None:
    """Why `site` must not be published under its address, or None. The
    address is the one the build wrote into sitemap.xml (mkdocs.yml's
    site_url, which canonical links, the feed and the PDFs use too): it must
    be https and not the example host."""
    sitemap = site / "sitemap.xml"
    fix = ("Byt exempeladressen mot webbplatsens namn i mkdocs.yml (sed-raden under Publicera i README.md) "
           "och kör make build igen.")
    try:
        locs = [el.text or "" for el in ET.parse(sitemap).getroot().iter(f"{SITEMAP_NS}loc")]
    except (OSError, ET.ParseError) as exc:
        return f"{sitemap} går inte att läsa ({exc}); kör make build igen."
    hosts = {urlsplit(loc).netloc for loc in locs}
    if not locs or any(urlsplit(loc).scheme != "https" for loc in locs):
        return f"{sitemap}: adresserna är inte fullständiga https-adresser (site_url i mkdocs.yml saknas eller är fel). {fix}"
    if EXAMPLE_HOST in hosts:
        return f"Webbplatsen är byggd för exempeladressen https://{EXAMPLE_HOST}/ (site_url i mkdocs.yml). {fix}"
    return None


def make_readable(tree: Path) -> None:
    """Directories 0755 and files 0644, whatever the umask was: the web
    server's workers run as an unprivileged user (www-data) and must read all."""
    tree.chmod(0o755)
    for folder, dirs, files in os.walk(tree):
        for d in dirs:
            os.chmod(os.path.join(folder, d), 0o755)
        for f in files:
            os.chmod(os.path.join(folder, f), 0o644)


def _mkdirs(path: Path) -> None:
    """mkdir -p with 0755 on every folder it creates (not the umask's mode)."""
    missing = []
    while not path.exists():
        missing.append(path)
        path = path.parent
    for folder in reversed(missing):
        folder.mkdir()
        folder.chmod(0o755)


def publish(site: Path, dest: Path, keep: int = 1) -> Path:
    """Copy `site` to a new release under `dest` and switch `dest`/site to it.
    Returns the new release folder. Keeps `keep` earlier releases."""
    if not (site / "index.html").is_file() or not (site / CSP_FILE).is_file():
        raise SystemExit(f"{site} är inte en färdig byggd webbplats: kör make build först.")
    problem = site_address_problem(site)
    if problem:
        raise SystemExit(f"Publiceras inte: {problem}")
    releases = dest / "releases"
    _mkdirs(releases)
    dest.chmod(0o755)
    now = time.time_ns()
    name = time.strftime("%Y%m%dT%H%M%S", time.gmtime(now // 10**9)) + f".{now % 10**9:09d}"  # sorts by time
    staging = releases / f".{name}.kopieras"
    shutil.copytree(site, staging, symlinks=False)
    make_readable(staging)
    release = releases / name
    staging.rename(release)

    link = dest / "site"
    if link.exists() and not link.is_symlink():
        # A folder copied by hand before: keep it as a release, once.
        link.rename(releases / f"{name}-tidigare")
    new_link = dest / f".site-{os.getpid()}"
    new_link.unlink(missing_ok=True)
    new_link.symlink_to(Path("releases") / name)
    os.replace(new_link, link)  # the atomic switch

    old = sorted(p for p in releases.iterdir() if p.is_dir() and not p.name.startswith(".") and p != release)
    for stale in old[: max(0, len(old) - keep)]:
        shutil.rmtree(stale, ignore_errors=True)
    return release


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dest", type=Path, required=True, help="t.ex. /var/www/barnens-basta")
    parser.add_argument("--site", type=Path, default=Path(__file__).resolve().parent.parent.parent / "site")
    args = parser.parse_args()
    dest = args.dest.resolve()
    release = publish(args.site.resolve(), dest)
    print(f"Publicerad: {dest / 'site'} -> {release}")
    print("Ladda om nginx så att den läser säkerhetspolicyn för det nya bygget: sudo systemctl reload nginx")
    return 0


if __name__ == "__main__":
    sys.exit(main())
