"""Where the build's blocks go on a page (macros/render/page_parts.py): under
the first "# " heading in the order given, or at the top of a page without
one; at the end after the text; empty blocks leave no trace."""

from __future__ import annotations

from macros.render.page_parts import PageParts, assemble


def test_blocks_under_the_title_in_the_order_given():
    page = "---\nignored: front matter is already gone\n---\n# Rubrik\n\nBrödtext.\n\n## Avsnitt\n"
    out = assemble(page, PageParts(under_title=("FÖRST", "SEDAN")))
    lines = out.split("\n")
    title = lines.index("# Rubrik")
    assert lines[title + 1 : title + 7] == ["", "FÖRST", "", "", "SEDAN", ""]
    assert out.index("SEDAN") < out.index("Brödtext.") < out.index("## Avsnitt")


def test_a_page_without_a_title_gets_the_blocks_at_the_top():
    assert assemble("Text utan rubrik.", PageParts(under_title=("RUTA",))).split("\n")[:3] == ["", "RUTA", ""]


def test_only_the_first_level_one_heading_counts():
    out = assemble("## Inte denna\n# Denna\n# Inte heller denna", PageParts(under_title=("RUTA",)))
    assert out.index("# Denna") < out.index("RUTA") < out.index("# Inte heller denna")
    assert out.index("## Inte denna") < out.index("RUTA")


def test_blocks_at_the_end_follow_the_text_each_after_a_blank_line():
    assert assemble("# R\n\nText.", PageParts(at_end=("KÄLLOR", "SIDFOT"))) == "# R\n\nText.\n\nKÄLLOR\n\nSIDFOT\n"


def test_empty_blocks_change_nothing():
    page = "# R\n\nText.\n"
    assert assemble(page, PageParts(under_title=("", ""), at_end=("",))) == page
    assert assemble(page, PageParts()) == page
