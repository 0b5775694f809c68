"""Command line for editors and CI, without mkdocs:

    python -m macros check      validate every file in data/, list all problems
    python -m macros schemas    re-export data/schemas/*.schema.json from the models
"""

from __future__ import annotations

import sys
from pathlib import Path

from .loader import DataError
from .schemas import schema_header_problems, write_schemas
from .site import load_site

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    data_dir = Path(argv[1]) if len(argv) > 1 else ROOT / "data"
    if command == "check":
        try:
            site = load_site(data_dir)
        except DataError as exc:
            print(exc, file=sys.stderr)
            return 1
        headers = schema_header_problems(data_dir)
        for line in headers:
            print(line, file=sys.stderr)
        if headers:
            return 1
        counts = ", ".join(f"{len(v)} {k}" for k, v in sorted(site.index.items()))
        print(f"Datafilerna är giltiga ({counts}).")
        return 0
    if command == "schemas":
        written = write_schemas(data_dir / "schemas")
        print("\n".join(f"skrev {p}" for p in written) or "Scheman är redan aktuella.")
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
