"""The shape the code must keep (CONTRIBUTING.md): a glue that fits on one
screen, short functions, no module state written at build time, and every
area's macros reachable as plain functions."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import macros
from macros.areas import AREAS
from macros.data.models import FILES
from macros.data.site import SiteData

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "macros").rglob("*.py"))


def _functions(tree):
    return [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]


def test_define_env_fits_in_thirty_lines():
    tree = ast.parse((ROOT / "macros" / "__init__.py").read_text(encoding="utf-8"))
    (fn,) = [f for f in _functions(tree) if f.name == "define_env"]
    assert fn.end_lineno - fn.lineno + 1 <= 30


def test_no_function_in_macros_is_longer_than_80_lines():
    long = []
    for path in SOURCES:
        for fn in _functions(ast.parse(path.read_text(encoding="utf-8"))):
            if fn.end_lineno - fn.lineno + 1 > 80:
                long.append(f"{path.relative_to(ROOT)}:{fn.lineno} {fn.name}")
    assert long == []


def test_no_module_state_is_written():
    """No `global`, and no module-level mutable container that code could fill
    at build time (constants are tuples, strings, numbers or frozen data)."""
    found = []
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found += [f"{path.name}:{n.lineno} global" for n in ast.walk(tree) if isinstance(n, (ast.Global, ast.Nonlocal))]
        for node in tree.body:
            if isinstance(node, (ast.Assign, ast.AnnAssign)) and isinstance(node.value, (ast.Dict, ast.List, ast.Set)):
                names = [t.id for t in (node.targets if isinstance(node, ast.Assign) else [node.target]) if isinstance(t, ast.Name)]
                # An UPPER_CASE table filled in by its literal is a constant; an empty one is a cache.
                if not all(n.isupper() for n in names) or not (node.value.keys if isinstance(node.value, ast.Dict) else node.value.elts):
                    found.append(f"{path.name}:{node.lineno} {names}")
    assert found == []


def test_site_data_has_one_typed_field_per_data_file():
    """SiteData is a frozen dataclass; a new data file (models.FILES) needs its field."""
    fields = {f.name for f in dataclasses.fields(SiteData)}
    assert fields - {"index", "docs"} == {spec.key for spec in FILES}
    assert SiteData.__dataclass_params__.frozen


def test_every_area_macro_is_a_plain_function_taking_the_context_first():
    names = []
    for area in AREAS:
        for fn in area.MACROS:
            assert fn.__code__.co_varnames[0] == "ctx", fn.__name__
            names.append(fn.__name__)
    assert len(names) == len(set(names)), "two areas register a macro under the same name"
    assert not hasattr(macros, "CURRENT")


def test_every_macro_a_page_calls_is_registered():
    registered = {fn.__name__ for area in AREAS for fn in area.MACROS}
    called = set()
    for page in (ROOT / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        if "render_macros: false" in text:
            continue
        for node in text.split("{{")[1:]:
            name = node.strip().split("(")[0].strip()
            if name.isidentifier():
                called.add(name)
    assert called - registered == set()
