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


# The layers of CONTRIBUTING.md's picture, lowest first. A module may import
# its own layer and those below it; cache.py and builddate.py serve every layer.
# (The layer order is written here by hand, not read from the code.)
LAYERS = ["data", "paths", "domain", "render", "outputs", "steps", "areas", "glue"]
ANY_LAYER = {"macros.cache", "macros.builddate"}


def _layer(module: str) -> str | None:
    if module in ANY_LAYER:
        return None
    parts = module.split(".")
    if len(parts) > 1 and parts[1] in LAYERS:
        return parts[1]
    if module == "macros.context":
        return "areas"  # what every area's macros receive
    return "glue"  # macros (define_env), __main__, build.py, hooks/


def _module(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")


def _imports(path: Path, module: str):
    """(line, imported module) of every import from the package in `module`
    (at `path`), outside `if TYPE_CHECKING:`."""
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {id(n) for block in ast.walk(tree) if isinstance(block, ast.If) and getattr(block.test, "id", "") == "TYPE_CHECKING"
                   for n in ast.walk(block)}
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            target = ".".join(base + ([node.module] if node.module else []))
            if target == "macros":  # from macros import cache
                yield from ((node.lineno, f"macros.{a.name}") for a in node.names)
            elif target.startswith("macros"):
                yield node.lineno, target
        elif isinstance(node, ast.Import):
            yield from ((node.lineno, a.name) for a in node.names if a.name.startswith("macros"))


def test_no_module_imports_a_layer_above_its_own():
    upward = []
    for path in SOURCES:
        mine = _layer(_module(path))
        for line, target in _imports(path, _module(path)):
            theirs = _layer(target)
            if mine and theirs and LAYERS.index(theirs) > LAYERS.index(mine):
                upward.append(f"{path.relative_to(ROOT)}:{line} ({mine}) imports {target} ({theirs})")
    assert upward == []


def test_the_layer_check_sees_an_upward_import(tmp_path):
    probe = tmp_path / "probe.py"  # as if it were macros/paths/probe.py
    probe.write_text("from typing import TYPE_CHECKING\nfrom ..render.html import md_text\nif TYPE_CHECKING:\n    from ..areas import AREAS\n", encoding="utf-8")
    found = list(_imports(probe, "macros.paths.probe"))
    assert found == [(2, "macros.render.html")]
    assert LAYERS.index(_layer(found[0][1])) > LAYERS.index(_layer("macros.paths.probe"))
