"""Export the JSON Schema of every data file to data/schemas/.

Editors (VS Code with the YAML extension) read the schema named on each data
file's first line (`# yaml-language-server: $schema=…`) and autocomplete and
flag errors while a process leader types. The pydantic models are the single
source of truth; a test fails if the exported files are out of date.
"""

from __future__ import annotations

import json
from pathlib import Path

from .models import FILES
from .site import _spec_for, data_files


def schema_documents() -> dict[str, str]:
    """File name in data/schemas/ -> JSON text."""
    out = {}
    for spec in FILES:
        schema = spec.model.model_json_schema(mode="validation")
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": schema.pop("title", spec.schema_name),
            "description": f"Schema för data/{spec.pattern}. Genereras från macros/models; redigera inte för hand.",
            **schema,
        }
        out[f"{spec.schema_name}.schema.json"] = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
    return out


def write_schemas(schema_dir: Path) -> list[Path]:
    schema_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_documents().items():
        path = schema_dir / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written


def schema_header_problems(data_dir: Path) -> list[str]:
    """Data files whose first line does not point editors at their schema."""
    problems = []
    for path in data_files(data_dir):
        rel = path.relative_to(data_dir).as_posix()
        spec = _spec_for(rel)
        if spec is None:
            continue
        depth = rel.count("/")
        expected = f"# yaml-language-server: $schema={'../' * depth}schemas/{spec.schema_name}.schema.json"
        first = path.read_text(encoding="utf-8", errors="replace").splitlines()[:1]
        if first != [expected]:
            problems.append(f"data/{rel}: första raden ska vara: {expected}")
    return problems
