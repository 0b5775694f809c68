"""Place generated pages in the configured navigation (pure; no mkdocs import).

The nav in mkdocs.yml is a list of entries: a path string, or a one-key dict
{title: path-or-list}. A generated page "a/b.md" goes into the section whose
list holds "a/index.md"; a generated "a/x/index.md" whose folder has no section
yet opens a new section (titled by the page's first heading) inside the
section of "a/". Pages already in the nav are left where the config put them.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping


def first_heading(markdown: str) -> str | None:
    for line in markdown.splitlines():
        if line.startswith("# "):
            title = line[2:].strip()
            # Drop an attr_list suffix such as "{ #id }".
            if title.endswith("}") and "{" in title:
                title = title[: title.rindex("{")].strip()
            return title
    return None


def _paths(nav: list) -> set[str]:
    found: set[str] = set()
    for entry in nav:
        if isinstance(entry, str):
            found.add(entry)
        elif isinstance(entry, Mapping):
            for value in entry.values():
                if isinstance(value, str):
                    found.add(value)
                elif isinstance(value, list):
                    found |= _paths(value)
    return found


def _section_of(nav: list, index_path: str) -> list | None:
    """The list (section) that holds index_path, searched depth first."""
    for entry in nav:
        if entry == index_path:
            return nav
        if isinstance(entry, Mapping):
            for value in entry.values():
                if isinstance(value, list):
                    found = _section_of(value, index_path)
                    if found is not None:
                        return found
    return None


def _folder(path: str) -> str:
    folder = posixpath.dirname(path)
    if posixpath.basename(path) == "index.md":
        folder = posixpath.dirname(folder)  # an index page belongs to its parent's section
    return folder


def place_generated(nav: list, pages: Mapping[str, str]) -> list:
    """Return nav with every page of `pages` (path -> Markdown) placed once.

    Raises ValueError naming the page when no section can take it.
    """
    placed = _paths(nav)
    # Index pages first, so that their sections exist before their children.
    order = sorted(pages, key=lambda p: (p.count("/"), posixpath.basename(p) != "index.md", p))
    for path in order:
        if path in placed:
            continue
        if posixpath.basename(path) == "index.md":
            parent = _find_parent(nav, _folder(path))
            if parent is None:
                raise ValueError(f"generated page {path}: no nav section for its folder")
            title = first_heading(pages[path]) or path
            parent.append({title: [path]})
        else:
            own_index = posixpath.join(posixpath.dirname(path), "index.md")
            section = _section_of(nav, own_index) if posixpath.dirname(path) else nav
            if section is None:
                section = _find_parent(nav, posixpath.dirname(path))
            if section is None:
                raise ValueError(f"generated page {path}: no nav section for its folder")
            section.append(path)
        placed.add(path)
    return nav


def _find_parent(nav: list, folder: str) -> list | None:
    """The section for pages in `folder`: the one holding folder/index.md,
    else the one of the nearest ancestor folder."""
    while True:
        index = posixpath.join(folder, "index.md") if folder else "index.md"
        section = _section_of(nav, index)
        if section is not None:
            return section
        if not folder:
            return None
        folder = posixpath.dirname(folder)
