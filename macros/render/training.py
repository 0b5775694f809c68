"""Generators for the training modules (data/utbildning.yaml)."""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup

from ..data.models.common import Kalla
from ..data.models.utbildning import Modul, Utbildning
from .provenance import mark
from .html import Column, link, md_link, md_text, table
from .text import sv_join


def minutes(n: int) -> str:
    if n < 60:
        return f"{n} minuter"
    h, m = divmod(n, 60)
    return f"{h} {'timme' if h == 1 else 'timmar'}" + (f" {m} minuter" if m else "")


def module_header(mod: Modul, modules: dict[str, Modul], module_md: Callable[[str], str], path: str) -> str:
    """The facts box at the top of a module page, and its permanent address
    with a copy button (works without JavaScript: the address is text)."""
    prereq = ", ".join(f"[{md_text(modules[m].titel)}]({module_md(m)}) ({m})" for m in mod.forkunskaper) or "Inga"
    lines = [
        '<div class="bbg-modulfakta" markdown>',
        "",
        f"**Modul {mod.id[1:]}** · **Tid:** cirka {minutes(mod.minuter)} · **Målgrupper:** {md_text(', '.join(mod.malgrupper))} "
        + str(mark("forslag", "tid och målgrupper")),  # str: "…" + Markup would escape the Markdown again
        "",
        f"**Förkunskaper:** {prereq}",
        "",
        "**Efter modulen kan du:**",
        "",
        *[f"- {md_text(goal)}" for goal in mod.larandemal],
        "",
        "</div>",
        "",
        permalink(path),
        "",
    ]
    return "\n".join(lines)


def permalink(path: str) -> Markup:
    """The module's permanent address as visible text; kopiera.js adds the
    site's own host in front and shows a copy button."""
    return Markup(
        '<p class="bbg-permalank">Permanent adress: <code class="bbg-adress" data-sokvag="{p}">{p}</code> '
        '<button type="button" class="bbg-kopiera md-button" hidden>Kopiera länken</button> '
        '<span class="bbg-kopierad" role="status" aria-live="polite"></span></p>'
    ).format(p=path)


def module_reading(mod: Modul, page_md: Callable[[str], str]) -> str:
    return "\n".join(f"- [{md_text(r.text)}]({page_md(r.sida)})" for r in mod.las)


def further_reading(kallor: list[Kalla], source: Callable[[Kalla], tuple[str, str | None]]) -> str:
    out = []
    for k in kallor:
        name, url = source(k)
        out.append(f"- {md_link(name, url)}")
    return "\n".join(out) or "- Inga"


def module_table(modules: list[Modul], module_url: Callable[[str], str]) -> Markup:
    columns = [
        Column("Modul", lambda m: link(module_url(m.id), m.id), row_header=True),
        Column("Titel", lambda m: link(module_url(m.id), m.titel)),
        Column("Tid", lambda m: minutes(m.minuter)),
        Column("Målgrupper", lambda m: ", ".join(m.malgrupper)),
        Column("Förkunskaper", lambda m: ", ".join(m.forkunskaper) or "–"),
    ]
    return table(modules, columns, "Utbildningsmodulerna")


def education_matrix(
    modules: list[Modul], educations: list[Utbildning], module_url: Callable[[str], str], education_url: Callable[[str], str]
) -> Markup:
    """Educations (rows) × modules (columns)."""
    head = Markup(" ").join(
        Markup('<th scope="col"><a href="{}" title="{}">{}</a></th>').format(module_url(m.id), m.titel, m.id) for m in modules
    )
    out = [
        Markup('<div class="bbg-tabellram" role="region" tabindex="0" aria-label="Moduler per utbildning">'),
        Markup('<table class="bbg-tabell bbg-matris">'),
        Markup("<caption>Vilka moduler som föreslås för varje utbildning</caption>"),
        Markup('<thead><tr><th scope="col">Utbildning</th> ') + head + Markup("</tr></thead><tbody>"),
    ]
    for edu in educations:
        cells = [Markup('<th scope="row"><a href="{}">{}</a></th>').format(education_url(edu.id), edu.namn)]
        for m in modules:
            if m.id in edu.moduler:
                cells.append(Markup('<td class="bbg-matris-direkt">Ingår</td>'))
            else:
                cells.append(Markup('<td class="bbg-matris-tom"><span aria-hidden="true">–</span><span class="bbg-dolj">Ingår inte</span></td>'))
        out.append(Markup("<tr>") + Markup(" ").join(cells) + Markup("</tr>"))
    out.append(Markup("</tbody></table></div>"))
    return Markup("\n").join(out)


def education_page(edu: Utbildning, modules: dict[str, Modul], module_md: Callable[[str], str], module_path: Callable[[str], str]) -> str:
    chosen = [modules[m] for m in edu.moduler]
    total = sum(m.minuter for m in chosen)
    lines = [
        f"Utbildningen leder till: {md_text(edu.yrken)}.",
        "",
        f"Handboken föreslår {len(chosen)} moduler, sammanlagt cirka {minutes(total)}. Länka till modulerna "
        "med deras permanenta adresser. Ordningen nedan följer modulernas förkunskaper.",
        "",
    ]
    for m in chosen:
        lines.append(f"{chosen.index(m) + 1}. [{md_text(m.titel)}]({module_md(m.id)}) – {minutes(m.minuter)}  ")
        lines.append(f"    Adress: `{module_path(m.id)}`")
    lines += [
        "",
        "Vilka moduler som passar bäst avgörs av den som planerar kursen. Förslaget bygger på "
        "handlingsplanens mål att Kronobarnsmodellen ska ingå i utbildningarna till barnnära yrken, "
        "allt från barnskötare till polis.",
    ]
    return "\n".join(lines)


def educations_for(module_id: str, educations: list[Utbildning]) -> str:
    """Inline Markdown: the educations a module is proposed for."""
    return sv_join([md_text(e.namn) for e in educations if module_id in e.moduler]) or "–"

