"""Read one YAML data file, keeping the line of every value.

The result is plain Python data (dicts, lists, scalars) plus a map from each
value's path (a tuple of keys and list indices) to its 1-based line, so that a
validation error further on can name the line a process leader must fix.

Nothing here knows about mkdocs or about the meaning of the data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

Path_ = tuple  # a path into the data: ("aktiviteter", 3, "tid", "start")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data, located as precisely as we can."""

    file: str  # path as shown to the editor, e.g. "data/roller.yaml"
    message: str  # Swedish, plain
    line: int | None = None
    entry: str | None = None  # id of the entry, e.g. "2.3" or "styrgrupp"
    field: str | None = None  # dotted path below the entry, e.g. "tid.start"

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        parts = [where]
        if self.entry is not None:
            parts.append(f'post "{self.entry}"')
        if self.field:
            parts.append(f'fält "{self.field}"')
        return ", ".join(parts) + f": {self.message}"


class DataError(Exception):
    """Raised with every problem found, so an editor can fix them all at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__(self.render())

    def render(self) -> str:
        n = len(self.problems)
        head = f"Fel i datafilerna ({n} {'fel' if n == 1 else 'fel'}):"
        return "\n".join([head, *(f"  - {p}" for p in self.problems)])


@dataclass
class YamlDoc:
    """A loaded YAML file: its data and where each value stands."""

    file: str
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int | None:
        """Line of the value at `path`, or of its nearest located parent."""
        path = tuple(path)
        while True:
            if path in self.lines:
                return self.lines[path]
            if not path:
                return None
            path = path[:-1]

    def entry_of(self, path: Path_) -> tuple[str | None, Path_]:
        """The id of the innermost entry (a mapping with an `id`) on `path`,
        and the rest of the path below that entry."""
        node = self.data
        found: tuple[str | None, int] = (None, 0)
        by_page: tuple[str | None, int] = (None, 0)  # entries without an id (reviews) are named by their page
        if isinstance(node, dict) and "id" in node:
            found = (str(node["id"]), 0)
        for depth, key in enumerate(path, start=1):
            try:
                node = node[key]
            except (KeyError, IndexError, TypeError):
                break
            if isinstance(node, dict) and "id" in node and not isinstance(node["id"], (dict, list)):
                found = (str(node["id"]), depth)
            elif isinstance(node, dict) and isinstance(node.get("sida"), str):
                by_page = (node["sida"], depth)
        entry, depth = found if found[0] is not None else by_page
        return entry, tuple(path[depth:])


# libyaml's parser when PyYAML has it (several times faster), the pure-Python
# one otherwise; both give the same nodes and line marks.
_SafeBase: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeBase):  # libyaml's or the pure-Python one, chosen at import
    """SafeLoader; we build the Python objects ourselves to keep line numbers."""


def _problem_from_mark(file: str, message: str, mark) -> Problem:
    line = mark.line + 1 if mark is not None else None
    return Problem(file=file, message=message, line=line)


def _build(loader: _Loader, node: yaml.Node, path: Path_, lines: dict, file: str) -> Any:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)  # resolves YAML merge keys (<<)
        result: dict = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int)):
                raise DataError([_problem_from_mark(file, f"ogiltig nyckel {key!r}", key_node.start_mark)])
            if key in result:
                raise DataError(
                    [_problem_from_mark(file, f'nyckeln "{key}" förekommer två gånger i samma post', key_node.start_mark)]
                )
            result[key] = _build(loader, value_node, path + (key,), lines, file)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(loader, item, path + (i,), lines, file) for i, item in enumerate(node.value)]
    try:
        return loader.construct_object(node, deep=True)
    except ValueError:  # e.g. the date 2020-02-30: YAML sees a date, the calendar has no such day
        shown = ".".join(f"[{p}]" if isinstance(p, int) else str(p) for p in path).replace(".[", "[")
        raise DataError(
            [
                Problem(
                    file,
                    f'"{node.value}" är inget giltigt datum (skriv ÅÅÅÅ-MM-DD med en dag som finns)',
                    node.start_mark.line + 1,
                    field=shown or None,
                )
            ]
        ) from None


def load_yaml(path: Path, shown_as: str | None = None) -> YamlDoc:
    """Load one YAML file strictly: UTF-8, exactly one non-empty document,
    no duplicate keys. Raises DataError naming the file and line."""
    file = shown_as or str(path)
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError(
            [Problem(file, f"filen är inte sparad som UTF-8 (ogiltig byte 0x{raw[exc.start]:02x}); spara om den som UTF-8", line)]
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise DataError([Problem(file, "filen är tom")])
        lines: dict[Path_, int] = {}
        data = _build(loader, node, (), lines, file)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = exc.problem or "syntaxfel"
        raise DataError([_problem_from_mark(file, f"YAML-syntaxfel: {what}", mark)]) from None
    except yaml.YAMLError as exc:
        raise DataError([Problem(file, f"YAML-syntaxfel: {exc}")]) from None
    finally:
        loader.dispose()
    if data is None:
        raise DataError([Problem(file, "filen är tom")])
    return YamlDoc(file=file, data=data, lines=lines)
