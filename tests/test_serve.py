"""The preview (`make serve` runs tools/serve.py): a change to generator code
shows without restarting by hand. Runs on a throwaway copy of the project."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

from conftest import copy_project


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, text: str, deadline: float) -> bool:
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                if text in r.read().decode("utf-8"):
                    return True
        except OSError:
            pass
        time.sleep(0.5)
    return False


def test_preview_picks_up_changed_generator_code(tmp_path):
    project = copy_project(tmp_path / "projekt")
    port = _free_port()
    url = f"http://127.0.0.1:{port}/styrning/statusrapport/"
    server = subprocess.Popen(
        [sys.executable, str(project / "tools" / "serve.py"), "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    try:
        assert _wait_for(url, "Allt om status är hämtat ur planen", time.monotonic() + 120), "the preview did not start"
        code = project / "macros" / "render" / "pages.py"
        code.write_text(code.read_text(encoding="utf-8").replace("Allt om status är hämtat", "Allt om läget är hämtat"), encoding="utf-8")
        assert _wait_for(url, "Allt om läget är hämtat ur planen", time.monotonic() + 120), "the change did not show"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
