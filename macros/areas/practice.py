"""The practice model: steps, BBA, the collaboration lead, laws, glossary,
wellbeing, and the template of barnets plan."""

from __future__ import annotations

from ..paths import layout
from ..context import Context
from ..render import practice as render
from ..render.provenance import grund_mark
from .local import akut_sources
from .provenance import kalla


def fara(ctx: Context) -> str:
    """The "Är ett barn i fara?" box, for a page that does not get it from the
    build (macros/hooks/page.py: guidance pages in layout.DANGER_FOLDERS)."""
    if layout.has_danger_box(ctx.page()):
        raise ValueError(f"fara(): docs/{ctx.page()} får rutan Är ett barn i fara? automatiskt under rubriken; ta bort anropet")
    return render.danger_callout(ctx.md(layout.REPORT_PAGE), akut_source=akut_sources(ctx), report_source=report_sources(ctx))


# The sources the reporting page reads for who must report and that all others should.
REPORT_SOURCES = ("uppsala-elevhalsan-socialtjanstlagen", "kunskapsguiden-elevhalsa-anmala-oro")


def report_sources(ctx: Context) -> str:
    """The sources of the reporting-duty sentence in the danger box, as inline marks ({{ kalla() }})."""
    return " ".join(str(kalla(ctx, sid)) for sid in REPORT_SOURCES)


def praxis_steps(ctx: Context) -> str:
    """The steps of the practice model."""
    return render.steps(ctx.site.praxis)


def bba_table(ctx: Context) -> str:
    """Who is the child's BBA at each age."""
    return render.bba_table(ctx.site.praxis.bba_skeden)


def bba_duties(ctx: Context) -> str:
    """Checklist of the BBA's duties."""
    return render.checklist(ctx.site.praxis.bba_uppgifter, "BBA:s uppgifter")


def bba_questions(ctx: Context) -> str:
    """The BBA's decision questions."""
    return render.decision_flow(ctx.site.praxis.bba_fragor, ctx.source_of)


def bba_sources(ctx: Context) -> str:
    praxis = ctx.site.praxis
    return "Källor: " + render.sources_inline([*praxis.bba_uppgifter_kallor, *praxis.bba_fragor_kallor], ctx.source_of)


def lead_duties(ctx: Context) -> str:
    """Checklist of the collaboration lead's duties."""
    return render.checklist(ctx.site.praxis.samverkansansvarig_uppgifter, "Den samverkansansvariga verksamhetens uppgifter")


def lead_sources(ctx: Context) -> str:
    praxis = ctx.site.praxis
    out = "Källor: " + render.sources_inline(praxis.samverkansansvarig_kallor, ctx.source_of)
    if praxis.samverkansansvarig_grund is not None:  # provenance mark (issue 12)
        out += " " + grund_mark(praxis.samverkansansvarig_grund, ctx.source_of)
    return out


def law_table(ctx: Context, prefix: str = "") -> str:
    """Laws from data/lagar.yaml; `prefix` filters by id (e.g. "osl-")."""
    rows = [r for r in ctx.site.lagar.lagrum if r.id.startswith(prefix)]
    caption = "Bestämmelser i offentlighets- och sekretesslagen" if prefix == "osl-" else "Lagar och bestämmelser som rör arbetet"
    return render.law_table(rows, ctx.source_of, caption)


def glossary(ctx: Context) -> str:
    """Every term of data/ordlista.yaml."""
    return render.glossary(ctx.site.ordlista.termer, ctx.source_of)


def term_mapping(ctx: Context) -> str:
    """GIRFEC terms and their Kronoberg counterparts."""
    return render.term_mapping(ctx.site.ordlista.termer)


def county_wheel(ctx: Context) -> str:
    """The areas of the county's own wheel (data/valbefinnande.yaml, hjulet)."""
    wheel = ctx.site.valbefinnande.hjulet
    return render.county_wheel(wheel, ctx.source_of) if wheel else ""


def wellbeing_table(ctx: Context) -> str:
    return render.wellbeing_table(ctx.site.valbefinnande.indikatorer)


def wellbeing_questions(ctx: Context) -> str:
    return render.conversation_questions(ctx.site.valbefinnande.indikatorer)


def my_world(ctx: Context) -> str:
    return render.triangle(ctx.site.valbefinnande.triangel)


def wellbeing_sources(ctx: Context) -> str:
    v = ctx.site.valbefinnande
    return "Källor: " + render.sources_inline([*v.indikatorer_kallor, *v.triangel_kallor], ctx.source_of)


def plan_template(ctx: Context) -> str:
    """The printable template of barnets plan."""
    return render.template_html(ctx.site.barnets_plan)


def plan_template_link(ctx: Context) -> str:
    # A download link is for the screen: the PDF and a printout leave it out (bbg-skarm).
    return f"[Ladda ner mallen som redigerbart dokument (RTF, öppnas i Word och LibreOffice)]({ctx.md(layout.TEMPLATE_DOWNLOAD)})\n{{: .bbg-skarm }}"


def plan_template_sources(ctx: Context) -> str:
    return "Källor: " + render.sources_inline(ctx.site.barnets_plan.kallor, ctx.source_of)


MACROS = (
    fara, praxis_steps, bba_table, bba_duties, bba_questions, bba_sources, lead_duties, lead_sources, law_table,
    glossary, term_mapping, county_wheel, wellbeing_table, wellbeing_questions, my_world, wellbeing_sources,
    plan_template, plan_template_link, plan_template_sources,
)
