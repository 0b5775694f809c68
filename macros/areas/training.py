"""Training: module pages, the module table, educations and their modules."""

from __future__ import annotations

from ..paths import layout
from ..paths.links import address_of
from ..context import Context
from ..render import training as render
from ..render.html import md_text


def _modules(ctx: Context) -> dict:
    return {m.id: m for m in ctx.site.utbildning.moduler}


def _module_md(ctx: Context):
    return lambda module_id: ctx.md(layout.module_page(ctx.site, module_id))


def _module_url(ctx: Context):
    return lambda module_id: ctx.to(layout.module_page(ctx.site, module_id))


def module_header(ctx: Context, module_id: str) -> str:
    """Facts, goals and the permanent address at the top of a module page."""
    mod = ctx.site.get("modul", module_id)
    here, home = ctx.page(), layout.module_page(ctx.site, module_id)
    if here != home:
        raise ValueError(f"modul {module_id} ska stå på docs/{home}, inte på docs/{here}")
    return render.module_header(mod, _modules(ctx), _module_md(ctx), address_of(home))


def module_reading(ctx: Context, module_id: str) -> str:
    """What to read before the module (links to the handbook's pages)."""
    def href(src: str) -> str:
        path, _, anchor = src.partition("#")
        return ctx.md(path, anchor or None)

    return render.module_reading(ctx.site.get("modul", module_id), href)


def module_further(ctx: Context, module_id: str) -> str:
    """Further reading (public sources)."""
    return render.further_reading(ctx.site.get("modul", module_id).fordjupning, ctx.source_of)


def module_educations(ctx: Context, module_id: str) -> str:
    """The educations that use a module."""
    return render.educations_for(module_id, ctx.site.utbildning.utbildningar)


def module_table(ctx: Context) -> str:
    """Every module with its length and audience."""
    return render.module_table(ctx.site.utbildning.moduler, _module_url(ctx))


def education_matrix(ctx: Context) -> str:
    """Educations × modules."""
    utb = ctx.site.utbildning
    return render.education_matrix(utb.moduler, utb.utbildningar, _module_url(ctx), lambda e: ctx.to(layout.education_page(e)))


def education_list(ctx: Context) -> str:
    """Linked list of the educations."""
    return "\n".join(f"- [{md_text(e.rubrik)}]({ctx.md(layout.education_page(e.id))})" for e in ctx.site.utbildning.utbildningar)


def education_modules(ctx: Context, education_id: str) -> str:
    """An education's page: its modules in order."""
    return render.education_page(
        ctx.site.get("utbildning", education_id),
        _modules(ctx),
        _module_md(ctx),
        lambda m: address_of(layout.module_page(ctx.site, m)),
    )


MACROS = (
    module_header, module_reading, module_further, module_educations, module_table,
    education_matrix, education_list, education_modules,
)
