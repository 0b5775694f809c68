"""Where the blocks the build adds to a page go: one place, one order.

The page hook (macros/hooks/page.py) collects what each concern adds to a
page's Markdown (the page's own provenance note, the review summary, the
danger box, the PDF link, the numbered sources, the footer of a guidance page,
the "Senast ändrad" block) as `PageParts`, and `assemble` puts them in: the
blocks under the title in reading order right after the first "# " heading
(or at the top), the blocks at the end after the text. The order on the page
is the order of the parts, not the order in which hooks happen to run.

Plain functions, no mkdocs.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageParts:
    """Blocks of Markdown (or raw HTML) to add to a page, in reading order."""

    under_title: tuple[str, ...] = ()
    at_end: tuple[str, ...] = ()


def assemble(markdown: str, parts: PageParts) -> str:
    """The page's Markdown with its parts: each block under the title as a
    paragraph of its own, each block at the end after a blank line."""
    blocks = [block for block in parts.under_title if block]
    if blocks:
        lines = markdown.split("\n")
        at = next((i for i, line in enumerate(lines) if line.startswith("# ")), -1) + 1
        lines[at:at] = [line for block in blocks for line in ("", block, "")]
        markdown = "\n".join(lines)
    ends = [block for block in parts.at_end if block]
    return "\n\n".join([markdown, *ends]) + "\n" if ends else markdown
