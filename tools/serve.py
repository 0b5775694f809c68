"""Preview server for editors: `mkdocs serve`, restarted when Python code changes.

    python tools/serve.py [--dev-addr 127.0.0.1:8000]

mkdocs serve rebuilds when docs/, data/ or mkdocs.yml change, but Python keeps
the modules of macros/ it imported for the first build, so a change to a
generator or to the glue would not show. This runs mkdocs serve in a child
process and starts it again when any .py file under macros/ changes; the
browser's live reload then shows the new build.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WATCHED = ROOT / "macros"


def code_state() -> dict[Path, float]:
    """Modification time of every Python file under macros/."""
    return {p: p.stat().st_mtime for p in WATCHED.rglob("*.py")}


def serve(dev_addr: str, poll: float = 1.0) -> int:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    cmd = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", dev_addr]
    while True:
        state = code_state()
        child = subprocess.Popen(cmd, cwd=ROOT, env=env)
        try:
            while child.poll() is None and code_state() == state:
                time.sleep(poll)
        except KeyboardInterrupt:
            child.terminate()
            child.wait()
            return 0
        if child.poll() is not None:  # mkdocs stopped by itself (an error it printed)
            return child.returncode
        print("Koden i macros/ har ändrats: startar om förhandsvisningen …", flush=True)
        child.terminate()
        child.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev-addr", default="127.0.0.1:8000")
    args = parser.parse_args()
    return serve(args.dev_addr)


if __name__ == "__main__":
    sys.exit(main())
