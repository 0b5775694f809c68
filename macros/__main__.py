"""Command line for editors and CI, without mkdocs:

    python -m macros check      validate every file in data/, list all problems
    python -m macros schemas    re-export data/schemas/*.schema.json from the models
    python -m macros granska [fil.csv]
                                write the review queue (as on the page Att granska,
                                among the editors' pages) as CSV for the steering group
    python -m macros granska-hash <sida>
                                print a guidance page's current fingerprint, the value
                                `innehall:` of a review in data/granskningar.yaml must have
"""

from __future__ import annotations

import sys
from pathlib import Path

from .builddate import build_date
from .domain import review
from .paths import layout
from .paths.links import address_of
from .data.loader import DataError
from .render.review import counts, queue_csv
from .data.schemas import schema_header_problems, write_schemas
from .data.site import load_site

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "granska":
        return granska(Path(argv[1]) if len(argv) > 1 else ROOT / "granskning.csv")
    if command == "granska-hash":
        return granska_hash(argv[1] if len(argv) > 1 else "")
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
        docs_dir = data_dir.parent / "docs"
        records = review.record_problems(site, docs_dir, data_dir)
        if records:
            print(DataError(records), file=sys.stderr)
            return 1
        for line in review.record_report(review.record_states(site, docs_dir, build_date())):
            print(f"Obs: {line}")
        counts = ", ".join(f"{len(v)} {k}" for k, v in sorted(site.index.items()))
        print(f"Datafilerna är giltiga ({counts}).")
        return 0
    if command == "schemas":
        written = write_schemas(data_dir / "schemas")
        print("\n".join(f"skrev {p}" for p in written) or "Scheman är redan aktuella.")
        return 0
    print(__doc__, file=sys.stderr)
    return 2


def granska_hash(page: str, root: Path = ROOT) -> int:
    """Print the fingerprint of a guidance page, to copy into a review record."""
    page = page.removeprefix("docs/")
    if not page or not (root / "docs" / page).is_file() or not layout.is_guidance(page):
        print(f"Ange en vägledningssida under docs/, t.ex. make granska-hash SIDA=praxismodellen/bba.md (fick: {page or 'ingen'})", file=sys.stderr)
        return 2
    try:
        site = load_site(root / "data")
    except DataError as exc:
        print(exc, file=sys.stderr)
        return 1
    text = (root / "docs" / page).read_text(encoding="utf-8")
    data, names = review.drawn_on(site, text)
    print(f"innehall: {review.fingerprint(text, data)}")
    print(f"# docs/{page} och " + ", ".join(names), file=sys.stderr)
    return 0


def granska(out: Path, root: Path = ROOT) -> int:
    """The review queue as CSV (UTF-8 with BOM, semicolons, formula-safe)."""

    try:
        site = load_site(root / "data")
    except DataError as exc:
        print(exc, file=sys.stderr)
        return 1
    docs = review.docs_pages(root / "docs")
    items = review.review_items(site, docs, root / "docs")
    out.write_bytes(queue_csv(items, review.title_of(site, docs), address_of))
    summary = ", ".join(f"{n} {k}" for k, n in counts(items).items())
    print(f"Skrev {out} med {len(items)} punkter ({summary}).")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
