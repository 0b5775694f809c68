"""Change notes and the editors' guide: the change log page, its feed link,
the kinds of change, and the build's real error messages for the guide."""

from __future__ import annotations

from ..paths import layout
from ..context import Context
from ..data.error_examples import produce
from ..render import changes as render
from ..render.editing import error_examples


def change_log(ctx: Context) -> str:
    """Every change note, newest first, grouped by date, with links to the pages."""
    generated = ctx.generated_pages()

    def page_link(address: str) -> str | None:
        src = layout.address_source(address, generated, ctx.docs_dir)
        return f"[{layout.page_title(src, generated, ctx.docs_dir)}]({ctx.md(src)})" if src else None

    return render.change_log(ctx.site.andringar.andringar, layout.moved_addresses(ctx.site), page_link)


def change_kinds(ctx: Context) -> str:
    """What the three kinds of change mean (ny, ändrad innebörd, språklig)."""
    return render.kind_legend()


def change_feed_link(ctx: Context) -> str:
    """A link to the Atom feed of the change notes."""
    return f"[Prenumerera på ändringarna (Atom-flöde, andringar.xml)]({ctx.md(layout.FEED_FILE)})"


def data_error_examples(ctx: Context) -> str:
    """The validator's real messages for a few deliberately broken copies of data/."""
    return error_examples(produce(ctx.data_dir))


MACROS = (change_log, change_kinds, change_feed_link, data_error_examples)
