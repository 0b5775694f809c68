"""A Debian nginx host inside a temporary folder, set up by performing the
README's publishing commands literally (tests/test_nginx.py, make bench).

Every absolute path the commands touch (/etc/nginx, /etc/ssl/barnens-basta,
/var/www, /var/log/nginx, /var/lib/nginx, /run) is moved into the folder, and
ports 80/443 become free ports on 127.0.0.1. Commands with relative paths run
in a copy of the project inside the folder (the README's sed step changes its
mkdocs.yml, never this checkout's), and `make build` builds that copy for real
whenever its mkdocs.yml differs from the one the current build was made from.
Nothing else is changed: the stock nginx.conf from this machine's /etc/nginx
(`user www-data`), the modules Debian enabled, the files the README copies.
"""

from __future__ import annotations

import http.client
import os
import re
import shlex
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tiers import require_tier

from macros.steps.project_copy import copy_project

ROOT = Path(__file__).resolve().parent.parent
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
HAVE_NGINX = os.path.exists(NGINX) and os.path.exists("/etc/nginx/nginx.conf")

# Absolute paths the README's steps touch, moved into the test's folder.
SYSTEM_PATHS = ["/etc/nginx", "/etc/ssl/barnens-basta", "/var/www", "/var/log/nginx", "/var/lib/nginx", "/run"]
DEST = "/var/www/barnens-basta"


def readme_commands(marker: str) -> list[str]:
    """The commands of the sh block that follows `<!-- marker: ...` in the README."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(rf"<!-- {marker}:[^>]*-->\s*```sh\n(.*?)```", text, re.S)
    assert m, f"README.md: no sh block after <!-- {marker}: ... -->"
    return [line.strip() for line in m[1].splitlines() if line.strip() and not line.lstrip().startswith("#")]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _children(pid: int) -> set[int]:
    kids = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            kids.add(int(stat.parent.name))
    return kids


class Host:
    """A Debian nginx host inside a temporary folder, driven by README commands."""

    def __init__(self, root: Path, site: Path | None):
        self.root = root
        self.site = site  # the build `make build` gives, made from `built_from` (mkdocs.yml's text)
        self.built_from = (ROOT / "mkdocs.yml").read_text(encoding="utf-8") if site is not None else None
        self.project = copy_project(root / "projekt")
        shutil.copytree(ROOT / "deploy", self.project / "deploy")
        self.http, self.https = _free_port(), _free_port()
        self.proc: subprocess.Popen | None = None
        shutil.copytree("/etc/nginx", self.path("/etc/nginx"), symlinks=True)
        for link in self.path("/etc/nginx").rglob("*"):
            if link.is_symlink() and os.readlink(link).startswith("/etc/nginx/"):
                target = self.relocate(os.readlink(link))
                link.unlink()
                link.symlink_to(target)
        for folder in ("/var/log/nginx", "/run", "/var/lib/nginx"):
            self.path(folder).mkdir(parents=True, exist_ok=True)

    def path(self, system_path: str) -> Path:
        return self.root / system_path.lstrip("/")

    def relocate(self, text: str) -> str:
        roots = "|".join(re.escape(p) for p in SYSTEM_PATHS)
        return re.sub(rf"(?<![\w./-])({roots})(?=[/;\s\"']|$)", lambda m: str(self.root) + m[1], text)

    @property
    def conf(self) -> Path:
        return self.path("/etc/nginx/nginx.conf")

    def configure(self) -> None:
        """Move paths and ports of every config file into the test's folder
        (idempotent; symbolic links, e.g. to /usr/share/nginx modules, are not touched)."""
        for folder, _, files in os.walk(self.path("/etc/nginx")):
            for name in files:
                f = Path(folder) / name
                if f.is_symlink() or name in ("mime.types", "koi-utf", "koi-win", "win-utf"):
                    continue
                text = f.read_text(encoding="utf-8")
                new = re.sub(re.escape(str(self.root)) + r"(?=/)", "", text)  # undo, then redo: idempotent
                new = self.relocate(new)
                new = re.sub(r"^\s*listen\s+\[::\]:\d+[^;]*;\n", "", new, flags=re.M)
                new = re.sub(r"listen\s+80\b", f"listen 127.0.0.1:{self.http}", new)
                new = re.sub(r"listen\s+443\b", f"listen 127.0.0.1:{self.https}", new)
                if name == "nginx.conf" and "client_body_temp_path" not in new:
                    temp = "".join(f"\t{k}_temp_path {self.root}/var/lib/nginx/{k.split('_')[-1]};\n"
                                   for k in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
                    new = new.replace("http {\n", "http {\n" + temp, 1)
                if new != text:
                    f.write_text(new, encoding="utf-8")

    def run(self, command: str) -> None:
        """Perform one README command."""
        args = shlex.split(command)
        if args[0] == "sudo":
            args = args[1:]
        if args[:2] == ["apt-get", "install"]:
            for package in args[2:]:
                if package.startswith("libnginx-mod-"):
                    module = f"/usr/share/nginx/modules-available/mod-{package.removeprefix('libnginx-mod-')}.conf"
                    assert os.path.exists(module), f"{package} is not installed (.ci/run installs it)"
        elif args == ["make", "build"]:
            self.build()
        elif args[:2] == ["make", "publish"]:
            dest = [a for a in args if a.startswith("DEST=")][0].split("=", 1)[1]
            result = subprocess.run(["make", "-s", "-C", str(ROOT), "publish", f"DEST={self.relocate(dest)}",
                                     f"SITE={self.site}"], capture_output=True, text=True)
            assert result.returncode == 0, result.stdout + result.stderr
        elif args == ["nginx", "-t"]:
            self.configure()
            result = subprocess.run([NGINX, "-t", "-c", str(self.conf)], capture_output=True, text=True)
            assert result.returncode == 0, result.stderr
            if os.geteuid() == 0:
                assert "[warn]" not in result.stderr and "[emerg]" not in result.stderr, result.stderr
        elif args == ["systemctl", "reload", "nginx"]:
            self.reload()
        else:
            assert args[0] in ("cp", "ln", "rm", "mkdir", "sed", "openssl"), f"README step the test does not know: {command}"
            subprocess.run([args[0]] + [self.relocate(a) for a in args[1:]], cwd=self.project, check=True, capture_output=True)

    def build(self) -> None:
        """`make build` in the project copy (tools/build_site.py, as make runs
        it), unless the current build was made from the same mkdocs.yml."""
        config = (self.project / "mkdocs.yml").read_text(encoding="utf-8")
        if self.site is not None and config == self.built_from:
            assert (self.site / "index.html").is_file()
            return
        site = self.root / "bygge" / "site"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
        result = subprocess.run([sys.executable, str(self.project / "tools" / "build_site.py"), "--project", str(self.project),
                                 "--site-dir", str(site)], capture_output=True, text=True, env=env, timeout=900)
        assert result.returncode == 0, result.stdout + result.stderr
        self.site, self.built_from = site, config

    def reload(self) -> None:
        self.configure()
        if self.proc is None:
            require_tier("nginx", "starts nginx")
            self.proc = subprocess.Popen([NGINX, "-c", str(self.conf), "-g", "daemon off;"],
                                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            for _ in range(200):
                try:
                    with socket.create_connection(("127.0.0.1", self.https), timeout=1):
                        break
                except OSError:
                    assert self.proc.poll() is None, self.proc.stderr.read().decode()
                    time.sleep(0.05)
            return
        before = self.workers()
        subprocess.run([NGINX, "-c", str(self.conf), "-s", "reload"], check=True, capture_output=True)
        for _ in range(200):  # the new configuration runs in new workers
            if self.workers() - before:
                return
            time.sleep(0.05)
        raise AssertionError("nginx did not reload")

    def workers(self) -> set[int]:
        return _children(self.proc.pid)

    def close(self) -> None:
        """Stop nginx and remove the folder."""
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(timeout=10)
            self.proc = None
        shutil.rmtree(self.root, ignore_errors=True)

    # ------------------------------------------------------------ requests

    def tls(self) -> ssl.SSLContext:
        ctx = ssl.create_default_context(cafile=str(self.path("/etc/ssl/barnens-basta/fullchain.pem")))
        return ctx

    def get(self, path: str, scheme: str = "https", encoding: str | None = None, ctx: ssl.SSLContext | None = None,
            accept: str | None = None):
        """(status, headers, raw body) of GET /path, without following redirects or decoding."""
        if scheme == "https":
            conn = http.client.HTTPSConnection("127.0.0.1", self.https, context=ctx or self.tls(), timeout=10)
        else:
            conn = http.client.HTTPConnection("127.0.0.1", self.http, timeout=10)
        try:
            headers = {"Accept-Encoding": encoding} if encoding else {}
            if accept:
                headers["Accept"] = accept
            conn.request("GET", "/" + path, headers=headers)
            r = conn.getresponse()
            return r.status, r.headers, r.read()
        finally:
            conn.close()

    @property
    def base(self) -> str:
        return f"https://127.0.0.1:{self.https}/"




def publish_as_the_readme_says(site: Path | None = None) -> Host:
    """A running Host set up by the README's publishing steps; `site` is a
    build of this checkout, used where the steps leave mkdocs.yml as it is
    (the README's sed step names the host, so its `make build` builds anew).
    The folder is world-readable (www-data must enter it); Host.close() removes it."""
    root = Path(tempfile.mkdtemp(prefix="bbg-nginx-", dir="/tmp"))
    root.chmod(0o755)
    host = Host(root, site)
    try:
        for command in readme_commands("publicera"):
            host.run(command)
    except BaseException:
        host.close()
        raise
    return host
