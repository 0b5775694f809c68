"""Generators for the practice-model pages: BBA by age, duties, decision
questions, laws, glossary, wellbeing and the template of barnets plan."""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup

from ..data.models.common import Kalla
from ..data.models.praxis import Aldersgrupp, BarnetsPlanMall, BbaSkede, Fraga, Hjul, Indikator, Lagrum, Praxis, Term, TriangelSida
from .escape import esc_md
from .provenance import grund_mark, mark
from ..domain.review import OLDER_TERM_READING, Status
from .review_status import FOOTER_ID, status_text
from .html import Column, esc, link, md_link, md_text, table
from .cards import css_class, labelled

SourceHref = Callable[[Kalla], "tuple[str, str | None]"]  # -> (name, url or None)

AGE_GROUPS: dict[Aldersgrupp, str] = {"0-5": "0–5 år", "6-12": "6–12 år", "13-18": "13–18 år"}


# ---------------------------------------------------------------- BBA


def bba_table(stages: list[BbaSkede]) -> Markup:
    columns = [
        Column("Barnets ålder eller skede", lambda s: s.skede, row_header=True),
        Column("Barnensbästa-ansvarig (BBA)", lambda s: s.bba),
        Column("Verksamhet", lambda s: s.verksamhet),
    ]
    return table(stages, columns, "Vem som är barnets Barnensbästa-ansvarig i olika åldrar")


def checklist(items: list[str], label: str) -> Markup:
    """A numbered checklist: an ordered list, readable in order by anyone."""
    lis = Markup(" ").join(Markup("<li>{}</li>").format(i) for i in items)
    return Markup('<ol class="bbg-checklista" aria-label="{}">{}</ol>').format(label, lis)


def decision_flow(questions: list[Fraga], source: SourceHref | None = None) -> Markup:
    """The BBA decision questions as an ordered list: each question with what
    to do on yes and on no; "no" leads to the next question. The handbook's
    own additions carry a provenance mark."""
    items = []
    for i, q in enumerate(questions):
        last = i == len(questions) - 1
        no = Markup("{}").format(q.nej) if q.nej else Markup("" if last else f"Gå till fråga {i + 2}.")
        if q.nej and q.nej_grund is not None:
            no += Markup(" ") + grund_mark(q.nej_grund, source or (lambda k: (k.titel or "", k.url)))
        yes = esc(q.ja)
        if q.ja_tillagg:
            yes += Markup(" {} ").format(q.ja_tillagg) + mark("forslag")
        items.append(
            Markup(
                '<li id="fraga-{id}"><p class="bbg-fraga"><strong>{fraga}</strong></p>'
                '<ul class="bbg-svar"><li><strong>Ja:</strong> {ja}</li>{nej}</ul></li>'
            ).format(
                id=q.id,
                fraga=q.fraga,
                ja=yes,
                nej=Markup("<li><strong>Nej:</strong> {}</li>").format(no) if no else "",
            )
        )
    return Markup('<ol class="bbg-flode" aria-label="Frågor som BBA ställer sig">{}</ol>').format(Markup(" ").join(items))


def steps(praxis: Praxis) -> str:
    """The three steps as Markdown sections with stable anchors."""
    out = []
    for s in sorted(praxis.steg, key=lambda s: s.nummer):
        out += [f"## Steg {s.nummer}: {md_text(s.rubrik)} {{ #steg-{s.nummer} }}", "", md_text(s.beskrivning), ""]
    return "\n".join(out)


# ---------------------------------------------------------------- sources


def sources_inline(kallor: list[Kalla], source: SourceHref) -> Markup:
    parts = []
    for k in kallor:
        name, url = source(k)
        text = name + (f", {k.avsnitt}" if k.avsnitt else "")
        parts.append(link(url, esc_md(text)))  # also used inside Markdown paragraphs
    return Markup("; ").join(parts)


# ---------------------------------------------------------------- laws


def law_table(rows: list[Lagrum], source: SourceHref, caption: str) -> Markup:
    def place(r: Lagrum) -> Markup:
        cell = esc(r.lagrum or "")
        if r.grund is not None and r.grund.typ == "kontrolleras":
            cell += (Markup(" ") if r.lagrum else Markup("")) + grund_mark(r.grund, source)
        return cell

    def meaning(r: Lagrum) -> Markup:
        cell = esc(r.betydelse)
        if r.grund is not None and r.grund.typ in ("tolkning", "forslag"):
            cell += Markup("<br>") + grund_mark(r.grund, source)
        if r.anmarkning:
            cell += Markup('<br><span class="bbg-tolkning">Anmärkning: {}</span>').format(r.anmarkning)
        return cell

    columns = [
        Column("Lag", lambda r: r.lag, row_header=True),
        Column("SFS", lambda r: r.sfs or "–"),
        Column("Kapitel och paragraf", place),
        Column("Vad det betyder här", meaning),
        Column("Kontrollerad", lambda r: r.kontrollerad.isoformat() if r.kontrollerad else "–"),
        Column("Källa", lambda r: sources_inline(r.kallor, source)),
    ]
    # On a phone each law is a card (render/cards.py): six columns do not fit 390 px.
    return table(rows, labelled(columns), caption, row_id=lambda r: f"lagrum-{r.id}", css_class=css_class("bbg-lagar"))


# ---------------------------------------------------------------- glossary


def term_anchor(term: Term) -> str:
    return f"term-{term.id}"


def glossary(terms: list[Term], source: SourceHref) -> Markup:
    """Every term, alphabetically (Swedish order), as a definition list."""
    order = "abcdefghijklmnopqrstuvwxyzåäö"

    def key(t: Term):
        return [order.index(c) if c in order else -1 for c in t.term.lower()]

    items = []
    for t in sorted(terms, key=key):
        name = Markup("{} ({})").format(t.term, t.forkortning) if t.forkortning else esc(t.term)
        extra = []
        if t.varianter:
            variants = Markup(", ").join(Markup("<em>{}</em>").format(v) for v in t.varianter)
            extra.append(Markup("Skrivs också: {}.").format(variants))
        if t.vardagsord:
            words = Markup(", ").join(Markup("<em>{}</em>").format(v) for v in t.vardagsord)
            extra.append(Markup("Du hittar ordet också om du söker på: {}.").format(words))
        if t.aldre_term:
            extra.append(
                Markup("Motsvarar <em>{}</em> i 2018 års underlag. {}").format(
                    t.aldre_term, mark("tolkning", OLDER_TERM_READING)
                )
            )
        if t.girfec:
            extra.append(Markup('I GIRFEC: <em lang="en">{}</em>.').format(t.girfec))
        if t.kallor:
            extra.append(Markup('<span class="bbg-kalla">Källa: {}</span>').format(sources_inline(t.kallor, source)))
        if t.grund is not None:
            extra.append(grund_mark(t.grund, source))
        body = esc(t.forklaring)
        if extra:
            body += Markup(" ") + Markup(" ").join(extra)
        items.append(Markup('<dt id="{}">{}</dt><dd>{}</dd>').format(term_anchor(t), name, body))
    return Markup('<dl class="bbg-ordlista">{}</dl>').format(Markup(" ").join(items))




def term_mapping(terms: list[Term]) -> Markup:
    """Kronoberg's words beside the 2018 wording and the GIRFEC terms."""
    rows = [t for t in terms if (t.aldre_term or t.girfec) and not t.skotsk]  # GIRFEC's own terms are not Kronoberg's words
    columns = [
        Column("Kronobergs ord", lambda t: t.term, row_header=True),
        Column("Motsvarar i 2018 års underlag (tolkning)", lambda t: t.aldre_term or "–"),
        Column("GIRFEC (Skottland)", lambda t: Markup('<span lang="en">{}</span>').format(t.girfec) if t.girfec else "–"),
    ]
    return table(rows, columns, "Kronobergs ord, äldre ord och motsvarande ord i GIRFEC")


def abbreviations_snippet(terms: list[Term]) -> str:
    """Markdown abbreviation definitions (abbr extension), appended to every page."""
    lines = []
    for t in terms:
        if t.forkortning:
            title = " ".join(t.term.split())  # the abbr title is plain text (an escaped attribute)
            lines.append(f"*[{t.forkortning}]: {title}")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- wellbeing


def county_wheel(wheel: Hjul, source: SourceHref) -> Markup:
    """The county's own areas of its wheel, numbered, with their source."""
    items = Markup(" ").join(Markup("<li>{}</li>").format(a) for a in wheel.omraden)
    return Markup('<ol class="bbg-hjul" aria-label="{}">{}</ol><p class="bbg-kalla">Källa: {}</p>').format(
        f"Områdena i {wheel.namn}", items, sources_inline(wheel.kallor, source)
    )


def wellbeing_table(indicators: list[Indikator]) -> Markup:
    def label(i: Indikator) -> Markup:
        if i.kronoberg_etikett:
            return esc(i.kronoberg_etikett)
        return Markup('<span class="bbg-kontrolleras">Inte bekräftad</span>')

    columns = [
        Column("GIRFEC", lambda i: Markup('<span lang="en">{}</span>').format(i.girfec), row_header=True),
        Column("Svensk översättning (handbokens)", lambda i: i.svensk_oversattning),
        Column("Motsvarande område i länets hjul", label),
        Column("Vad det betyder", lambda i: i.beskrivning),
    ]
    return table(indicators, columns, "GIRFEC:s åtta indikatorer för välbefinnande", row_id=lambda i: f"omrade-{i.id}")


def conversation_questions(indicators: list[Indikator]) -> str:
    """Markdown: per age group, the suggested questions per area."""
    out = []
    for group, label in AGE_GROUPS.items():
        out += [f"### Barn {label} {{ #fragor-{group} }}", ""]
        for ind in indicators:
            qs = ind.samtalsfragor.get(group) or []
            out.append(f"- **{md_text(ind.svensk_oversattning)}**: " + " ".join(md_text(q) for q in qs))
        out.append("")
    return "\n".join(out)


def triangle(sides: list[TriangelSida]) -> Markup:
    columns = [
        Column("Sida (GIRFEC)", lambda s: Markup('<span lang="en">{}</span>').format(s.girfec), row_header=True),
        Column("Svensk översättning", lambda s: s.svensk_oversattning),
        Column("Vad den handlar om", lambda s: s.beskrivning),
    ]
    return table(sides, columns, "Min värld-triangelns tre sidor")


# ---------------------------------------------------------------- barnets plan: template


def template_html(mall: BarnetsPlanMall) -> Markup:
    """A printable form: headings, help texts and empty lines. No personal data."""
    parts = [Markup('<div class="bbg-mall">'), Markup('<p class="bbg-mall-inledning">{}</p>').format(mall.inledning)]
    for n, section in enumerate(mall.avsnitt, 1):
        parts.append(Markup('<section class="bbg-mall-avsnitt" aria-labelledby="mall-{n}"><h2 id="mall-{n}">{}</h2>').format(section.rubrik, n=n))
        for field in section.falt:
            lines = Markup("").join(Markup('<span class="bbg-mall-rad"></span>') for _ in range(field.rader))
            parts.append(
                Markup('<div class="bbg-mall-falt"><p class="bbg-mall-rubrik"><strong>{}</strong> <span class="bbg-mall-hjalp">{}</span></p>{}</div>').format(
                    field.rubrik, field.hjalptext, lines
                )
            )
        parts.append(Markup("</section>"))
    parts.append(Markup("</div>"))
    return Markup("").join(parts)


def _rtf(text: str) -> str:
    out = []
    for ch in text:
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ord(ch) > 127:
            code = ord(ch)
            out.append(f"\\u{code if code < 32768 else code - 65536}?")
        else:
            out.append(ch)
    return "".join(out)


def template_rtf(mall: BarnetsPlanMall, footer: str) -> bytes:
    """The template as an editable RTF document (opens in Word and LibreOffice)."""
    body = [r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss Arial;}}\f0\fs22"]
    body.append(r"{\pard\sa200\fs36\b " + _rtf(mall.titel) + r"\par}")
    body.append(r"{\pard\sa200 " + _rtf(mall.inledning) + r"\par}")
    for section in mall.avsnitt:
        body.append(r"{\pard\sb240\sa120\fs28\b " + _rtf(section.rubrik) + r"\par}")
        for field in section.falt:
            body.append(r"{\pard\sb120\b " + _rtf(field.rubrik) + r"\b0  \i " + _rtf(field.hjalptext) + r"\i0\par}")
            for _ in range(field.rader):
                body.append(r"{\pard\brdrb\brdrs\brdrw5\sa200 \par}")
    body.append(r"{\pard\sb240\fs18 " + _rtf(footer) + r"\par}")
    body.append("}")
    return "\n".join(body).encode("ascii")


# ---------------------------------------------------------------- guidance pages


# Wrapped so that the search index (Pagefind) does not list this box, which is
# on many pages, as a hit for every page.
DANGER = (
    '<div class="bbg-fara" data-pagefind-ignore="all" markdown>\n'
    '<div class="admonition danger" markdown>\n'
    '<p class="admonition-title">Är ett barn i fara?</p>\n\n'
    '- **Akut fara:** ring <a class="bbg-tel" href="tel:112">112</a>.{akut}\n'
    "- **Misstänker du att ett barn far illa:** gör en anmälan till socialtjänsten i barnets kommun. "
    "Arbetar du i en myndighet eller en yrkesmässig verksamhet som rör barn och unga, "
    "eller i hälso- och sjukvården eller socialtjänsten, har du anmälningsplikt. "
    "Alla andra bör anmäla.{anmal} [Så gör du en anmälan]({href}).\n"
    "- Kronobarnsmodellen ersätter aldrig anmälningsplikten. Samverkan med samtycke och en anmälan kan pågå samtidigt.\n"
    "{chooser}"
    "</div>\n"
    "</div>\n"
)


def danger_callout(report_href: str, chooser: str = "", akut_source: str = "", report_source: str = "") -> str:
    """The "Is a child in danger?" box (an admonition written as HTML, so that
    the municipality chooser, raw HTML, can sit inside it). `akut_source`: the
    mark of the sources for 112 (inline HTML); `chooser`: render/lokalt.chooser()."""
    return DANGER.format(
        href=report_href,
        akut=(" " + akut_source) if akut_source else "",
        anmal=(" " + report_source) if report_source else "",
        chooser=("\n" + chooser + "\n") if chooser else "",
    )


REQUIRED_META = ("foreslagen_ansvarig", "kallor")
# A review can only come from data/granskningar.yaml, never from a page's own front matter.
FORBIDDEN_META = {
    "granskad": "en granskning förs in i data/granskningar.yaml (vem som bekräftade, när och vad som visar det), inte i sidhuvudet",
    "ansvarig": 'skriv "foreslagen_ansvarig"; en bekräftad ansvarig kommer bara från en granskning i data/granskningar.yaml',
}


def check_guidance_meta(page: str, meta: dict, role_ids: set[str], source_ids: set[str]) -> list[str]:
    """Problems with a guidance page's front matter, each naming page and field."""
    problems = []
    for key in REQUIRED_META:
        if not meta.get(key):
            problems.append(
                f'{page}: fältet "{key}" saknas i sidhuvudet (front matter); varje vägledningssida ska ha foreslagen_ansvarig och kallor'
            )
    for key, why in FORBIDDEN_META.items():
        if key in meta:
            problems.append(f'{page}: fältet "{key}" får inte stå i sidhuvudet: {why}')
    owner = meta.get("foreslagen_ansvarig")
    if owner and owner not in role_ids:
        problems.append(f'{page}: fältet "foreslagen_ansvarig" hänvisar till "{owner}", men det finns ingen roll i data/roller.yaml med det id:t')
    sources = meta.get("kallor")
    if sources is not None and not isinstance(sources, list):
        problems.append(f'{page}: fältet "kallor" ska vara en lista med id:n ur data/kallor.yaml')
    elif sources:
        for s in sources:
            if s not in source_ids:
                problems.append(f'{page}: fältet "kallor" hänvisar till "{s}", men det finns ingen källa i data/kallor.yaml med det id:t')
    return problems


def guidance_footer(
    status: Status,
    function: tuple[str, str | None] | None,
    proposed_owner: tuple[str, str | None],
    sources: list[tuple[str, str | None]],
    confirmed_owner: tuple[str, str | None] | None = None,
) -> str:
    """The status line of a guidance page, as a Markdown block.

    Without a recorded review that still matches the page, the page is a
    draft (or "Ändrad efter granskningen") and the owner only a proposal;
    "Granskad" is printed only from a matching review entry (domain/review.py: review_status)."""

    def named(pair: tuple[str, str | None]) -> str:
        name, href = pair
        return md_link(name, href)

    src = "; ".join(named(s) for s in sources)
    line = status_text(status, function or ("", None), with_basis=True)
    if status.kind in ("granskad", "utgangen") and confirmed_owner:
        owner = f"Ansvarig: {named(confirmed_owner)}"
    elif status.kind in ("granskad", "utgangen"):
        owner = f"Ansvarig: {named(proposed_owner)} (förslag)"
    else:
        owner = f"Föreslagen ansvarig (förslag): {named(proposed_owner)}"
    return f'<div class="bbg-granskad" id="{FOOTER_ID}" markdown>\n\n' f"{line} · {owner} · Källor: {src}\n\n" "</div>\n"
