"""Parties, roles and their responsibilities, generated from data.

Who is responsible for which plan activity is read from the plan data
(`ansvarig.parter`), never typed twice. A party is responsible for an activity
directly (it, or one of its units, is named), through a group it belongs to
("Respektive verksamhet i kommun" names all municipalities), or through a role
that sits at the party (the process leaders at Region Kronoberg).
"""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup

from ..data.models.aktorer import Aktor
from ..data.models.handlingsplan import Aktivitet, Handlingsplan
from ..data.models.roller import Roll
from ..domain.organisation import ANSVAR, Org, Responsibility
from .provenance import grund_mark
from .html import Column, link, md_text, table
from .cards import css_class, labelled
from .plan import FOLLOWUP

# Bodies and functions rest on the 2018 proposal and the plan's last revision:
# the page says so at the top, so its present tense is read as theirs.
_SEEDS = "så som 2018 års beslutsunderlag och handlingsplanen (reviderad 16 juni 2021) beskriver"
TYP = {"organ": f"Organ, {_SEEDS} det", "funktion": f"Funktion, {_SEEDS} den", "praktikroll": "Roll i arbetet kring barnet"}


# ---------------------------------------------------------------- tables


def responsibility_table(resps: list[Responsibility], caption: str, activity_href: Callable[[Aktivitet], str]) -> Markup:
    columns = [
        Column("Nr", lambda r: link(activity_href(r.activity), r.activity.id), row_header=True),
        Column("Aktivitet", lambda r: r.activity.text),
        Column("Ansvar", lambda r: r.label.replace("(genom hos", "(hos")),
        Column("Tid", lambda r: r.activity.tid.original),
        Column(FOLLOWUP, lambda r: r.activity.uppfoljning or "Inget angivet i planen"),
    ]
    return table(resps, labelled(columns), caption, css_class=css_class("bbg-ansvar"), searchable=False)  # the plan pages hold these activities


# How a party takes part, as a compact sign in the matrix. A sign in brackets:
# through a group the party belongs to or a role that sits at the party.
SIGN = {"utforare": "●", "samverkan": "◐", "stod": "○"}


def short_text(text: str, limit: int = 60) -> str:
    """The start of an activity's text, cut at a word and marked with "…";
    the whole text is one click away (the activity in the plan)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit + 1].rsplit(" ", 1)[0].rstrip(",;:.–- ")
    return cut + "…"


def matrix_legend(org: Org, parties: list[str], party_href: Callable[[str], str | None]) -> Markup:
    """What the abbreviations and signs mean. Each party links to its page,
    which lists everything the party answers for (works without JavaScript)."""
    items = Markup("").join(
        Markup('<li><span class="bbg-matris-forkortning">{}</span> {}</li>').format(
            org.abbr(p), link(party_href(p), org.name(p))
        )
        for p in parties
    )
    signs = Markup("").join(
        Markup('<li><span class="bbg-matris-tecken" aria-hidden="true">{}</span> {}</li>').format(SIGN[k], ANSVAR[k])
        for k in ANSVAR
    )
    return Markup(
        '<div class="bbg-matris-forklaring" data-pagefind-ignore>'
        '<p id="bbg-matris-parter-rubrik"><strong>Parterna.</strong> Välj en part för att se allt den ansvarar för:</p>'
        '<ul class="bbg-matris-parter" aria-labelledby="bbg-matris-parter-rubrik">{}</ul>'
        '<p id="bbg-matris-tecken-rubrik"><strong>Tecknen.</strong> Tecken inom parentes, till exempel (●): '
        "genom en grupp som parten ingår i eller en roll som finns hos parten.</p>"
        '<ul class="bbg-matris-tecknen" aria-labelledby="bbg-matris-tecken-rubrik">{}</ul>'
        "</div>"
    ).format(items, signs)


def matrix(
    org: Org,
    plan: Handlingsplan,
    activity_href: Callable[[Aktivitet], str],
    party_href: Callable[[str], str | None],
) -> Markup:
    """Activities (rows, grouped by subject area) × parties (columns).

    Columns carry the parties' abbreviations (explained in the legend above the
    table, and in full for screen readers); a cell holds a sign and, for screen
    readers, the responsibility in words. In a narrow container the rows become
    cards listing the parties involved (handbok.css); matris.js adds a choice
    of one party. The party columns carry data-part for that choice."""
    parties = org.parties_in_plan(plan)
    by_party = {p: {r.activity.id: r for r in org.party_responsibilities(plan, p)} for p in parties}
    def column_head(p: str) -> Markup:
        label = Markup('<span class="bbg-matris-forkortning">{}</span><span class="md-visually-hidden">, {}</span>').format(
            org.abbr(p), org.name(p)
        )
        href = party_href(p)
        return Markup('<a href="{}">{}</a>').format(href, label) if href else label

    head = Markup(" ").join(Markup('<th scope="col" data-part="{}">{}</th>').format(p, column_head(p)) for p in parties)
    out = [
        matrix_legend(org, parties, party_href),
        Markup('<div class="bbg-tabellram" role="region" tabindex="0" aria-label="Ansvarsmatris" data-pagefind-ignore>'),
        Markup('<table class="bbg-tabell bbg-matris" id="bbg-matris">'),
        Markup("<caption>Vem ansvarar för vilken aktivitet i {}</caption>").format(plan.titel),
        Markup('<thead><tr><th scope="col">Aktivitet</th>') + head + Markup("</tr></thead>"),
    ]
    for area in plan.amnesomraden:
        out.append(
            Markup('<tbody><tr class="bbg-matris-omrade"><th scope="rowgroup" colspan="{}">Ämnesområde {}: {}</th></tr>').format(
                len(parties) + 1, area.nummer, area.namn
            )
        )
        for act in area.aktiviteter:
            cells = [
                Markup('<th scope="row">{} <span class="bbg-matris-text">{}</span></th>').format(
                    link(activity_href(act), act.id), short_text(act.text)
                )
            ]
            for p in parties:
                r = by_party[p].get(act.id)
                if r is None:
                    cells.append(
                        Markup(
                            '<td class="bbg-matris-tom" data-part="{}"><span aria-hidden="true">·</span>'
                            '<span class="md-visually-hidden">Inget ansvar</span></td>'
                        ).format(p)
                    )
                    continue
                sign = SIGN[r.ansvar] if r.via is None else f"({SIGN[r.ansvar]})"
                cls = "bbg-matris-direkt" if r.via is None else "bbg-matris-via"
                cells.append(
                    Markup(
                        '<td class="{}" data-part="{}" title="{}">'
                        '<span class="bbg-etikett" aria-hidden="true">{} </span>'
                        '<span class="bbg-matris-tecken" aria-hidden="true">{}</span>'
                        '<span class="md-visually-hidden">{}</span></td>'
                    ).format(cls, p, r.label, org.abbr(p), sign, r.label)
                )
            out.append(Markup("<tr>") + Markup(" ").join(cells) + Markup("</tr>"))
        out.append(Markup("</tbody>"))
    out.append(Markup("</table></div>"))
    return Markup("\n").join(out)


# ---------------------------------------------------------------- pages


def role_details(role: Roll, org: Org, role_href: Callable[[str], str | None], party_md: Callable[[str], str | None], source_name: Callable[[str], str]) -> str:
    """Markdown body of one role's page (without the plan responsibilities)."""
    lines = [f"*{TYP[role.typ]}*", ""]
    if role.beskrivning:
        mark = grund_mark(role.beskrivning_grund, lambda k: (source_name(k.dokument) if k.dokument else k.titel or "", None))
        lines += [md_text(role.beskrivning) + (f" {mark}" if mark else ""), ""]
    if role.syfte:
        lines += ["## Syfte", "", md_text(role.syfte), ""]
    if role.mandat:
        lines += ["## Mandat", "", md_text(role.mandat), ""]
    if role.uppgifter:
        lines += ["## Uppgifter", ""] + [f"- {md_text(u)}" for u in role.uppgifter] + [""]
    if role.sammansattning:
        lines += ["## Sammansättning", ""]
        for version in role.sammansattning:
            lines += [f"### {md_text(version.version)}", ""]
            lines += [f"- {md_text(m)}" for m in version.ledamoter]
            lines += ["", f"Källa: {_sources(version.kallor, source_name)}", ""]
    if role.bemanning:
        lines += ["## Bemanning", ""]
        for b in role.bemanning:
            amount = f"{b.arsarbetare:f}".replace(".", ",")
            lines.append(f"- {md_text(b.period)}: **{amount} årsarbetare** (\"{md_text(b.original)}\"; {_sources(b.kallor, source_name)})")
        lines.append("")
    if role.leds_av:
        lines += ["## Vem leder arbetet", "", md_text(role.leds_av), ""]
    facts = []
    if role.organisation:
        facts.append("Finns hos: " + ", ".join(_md_link(party_md(a), org.name(a)) for a in role.organisation))
    def line_mark(r: Roll) -> str:
        # How strong the reporting line is (förslag/tolkning), beside the line itself.
        m = grund_mark(r.rapporterar_till_grund, lambda k: (source_name(k.dokument) if k.dokument else k.titel or "", None))
        return f" {m}" if m else ""

    if role.rapporterar_till:
        facts.append("Rapporterar till: " + ", ".join(_md_link(role_href(r), org.roller[r].namn) for r in role.rapporterar_till) + line_mark(role))
    reporting = [r for r in org.roller.values() if role.id in r.rapporterar_till]
    if reporting:
        facts.append("Rapporterar hit: " + ", ".join(_md_link(role_href(r.id), r.namn) + line_mark(r) for r in reporting))
    if facts:
        lines += ["## Plats i organisationen", ""] + [f"- {f}" for f in facts] + [""]
    return "\n".join(lines)


def _md_link(href: str | None, text: str) -> str:
    return f"[{md_text(text)}]({href})" if href else md_text(text)


def _sources(kallor, source_name: Callable[[str], str]) -> str:
    parts = []
    for k in kallor:
        name = source_name(k.dokument) if k.dokument else (k.titel or "")
        parts.append(md_text(name + (f", {k.avsnitt}" if k.avsnitt else "")))
    return "; ".join(parts)


def sources_line(kallor, source_name: Callable[[str], str]) -> str:
    return f"<small>Källor: {_sources(kallor, source_name)}</small>" if kallor else ""


def party_details(party: Aktor, org: Org, party_md: Callable[[str], str | None], role_md: Callable[[str], str | None]) -> str:
    lines = []
    if party.beskrivning:
        lines += [md_text(party.beskrivning), ""]
    if party.medlemmar:
        lines += ["Gruppen omfattar: " + ", ".join(_md_link(party_md(m), org.name(m)) for m in party.medlemmar) + ".", ""]
    groups = org.groups_of.get(party.id, [])
    if groups:
        lines += ["Ingår i: " + ", ".join(_md_link(party_md(g), org.name(g)) for g in groups) + ".", ""]
    roles = [r for r in org.roller.values() if party.id in r.organisation or any(g in r.organisation for g in groups)]
    if roles:
        lines += ["## Roll i styrningen", "", "Enligt 2018 års beslutsunderlag och handlingsplanen (reviderad 16 juni 2021) finns parten med i dessa organ och funktioner:", ""]
        lines += [f"- {_md_link(role_md(r.id), r.namn)}" for r in roles]
        lines.append("")
    if party.enheter:
        lines += ["## Enheter som nämns i källorna", ""]
        for unit in party.enheter:
            lines += [f"### {md_text(unit.namn)} {{ #enhet-{unit.id} }}", ""]
            if unit.beskrivning:
                lines += [md_text(unit.beskrivning), ""]
    return "\n".join(lines)


def org_chart(org: Org, role_href: Callable[[str], str | None]) -> Markup:
    """The reporting lines as nested lists: who reports to whom, top down.
    Plain markup: readable by screen readers and without JavaScript."""
    children: dict[str | None, list[Roll]] = {}
    for role in org.roller.values():
        if role.typ == "praktikroll":
            continue
        parents: list[str | None] = list(role.rapporterar_till) or [None]
        for parent in parents:
            children.setdefault(parent, []).append(role)

    def render(parent: str | None, depth: int) -> Markup:
        items = children.get(parent, [])
        if not items:
            return Markup("")
        lis = []
        for role in items:
            where = ", ".join(org.short(a) if a in org.aktorer else org.name(a) for a in role.organisation)
            meta = Markup(' <span class="bbg-org-var">{}</span>').format(where) if where else Markup("")
            lis.append(
                Markup('<li><span class="bbg-org-nod">{}{}</span>{}</li>').format(
                    link(role_href(role.id), role.namn), meta, render(role.id, depth + 1) if depth < 6 else ""
                )
            )
        return Markup('<ul class="bbg-org{}">{}</ul>').format(" bbg-org-rot" if depth == 0 else "", Markup(" ").join(lis))

    top = render(None, 0)
    return Markup('<nav class="bbg-organisation" aria-label="Organisationsschema">{}</nav>').format(top)


def role_list(roles: list[Roll], role_md: Callable[[str], str | None], typ: str) -> str:
    return "\n".join(
        f"- {_md_link(role_md(r.id), r.namn)}" + (f" – {md_text(r.beskrivning.split('.')[0])}." if r.beskrivning else "")
        for r in roles
        if r.typ == typ
    )


def party_list(org: Org, party_md: Callable[[str], str | None]) -> str:
    order = ["kommun", "grupp", "region", "myndighet", "universitet", "fou", "ideburen-sektor"]
    parties = sorted(org.aktorer.values(), key=lambda a: order.index(a.typ))
    return "\n".join(f"- {_md_link(party_md(a.id), a.namn)}" for a in parties)
