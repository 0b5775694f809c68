"""The local layer (data/lokalt.yaml, issue 21): each municipality's contacts
for socialtjänsten, its own pages and functions, the county-wide routes, and
the municipality chooser used in the danger box and on guidance pages.

Pure: models in, Markdown/HTML out; hrefs come in as arguments. Every data
string is escaped with esc_md (safe in raw HTML and in Markdown paragraphs).
Raw HTML blocks contain no blank lines.
"""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup

from ..data.models.common import Kalla
from ..data.models.lokalt import SLOTS, KommunKontakter, Kontaktvag, RegionVag, tel_href
from .escape import esc_md
from .provenance import grund_mark
from .text import sv_date

SourceHref = Callable[[Kalla], "tuple[str, str | None]"]

ANCHOR = "lokalt"
REGION_ANCHOR = "kontaktvagar"


def phone_link(number: str) -> Markup:
    """<a href="tel:+4647041000">0470-410 00</a>: dialable on a phone, readable everywhere."""
    return Markup('<a class="bbg-tel" href="{}">{}</a>').format(tel_href(number), number)


def _sources(kallor: list[Kalla], source: SourceHref) -> Markup:
    parts = []
    for k in kallor:
        name, url = source(k)
        text = esc_md(name + (f", {k.avsnitt}" if k.avsnitt else ""))
        parts.append(Markup('<a href="{}">{}</a>').format(url, text) if url else text)
    return Markup("; ").join(parts)


def source_line(item, source: SourceHref) -> Markup:
    """"Källa: <a>…</a>, läst 3 december 2026" (a tolkning shows its own sources in its mark)."""
    read = getattr(item, "kontrollerad", None)
    if item.kallor:
        when = Markup(", läst {}").format(sv_date(read)) if read else Markup("")
        return Markup('<span class="bbg-grund bbg-grund-belagt"><span class="bbg-grund-typ">Källa</span>: {}{}</span>').format(
            _sources(item.kallor, source), when
        )
    if read:
        return Markup('<span class="bbg-lokalt-last">Läst {}.</span>').format(sv_date(read))
    return Markup("")


def _read(item) -> Markup:
    """"Läst 3 december 2026." for a page that is its own source."""
    return Markup('<span class="bbg-lokalt-last">Läst {}.</span>').format(sv_date(item.kontrollerad)) if item.kontrollerad else Markup("")


def _route(vag: Kontaktvag, source: SourceHref, *, with_sources: bool = True) -> Markup:
    """One route: number (tel: link) or web address, who answers, when, its mark and sources."""
    if vag.telefon:
        body = Markup("Ring {}. {}.").format(phone_link(vag.telefon), esc_md(vag.funktion.rstrip(".")))
        if vag.webb:
            body += Markup(' <a href="{}">Webbplats</a>.').format(vag.webb)
    elif vag.webb:
        body = Markup('<a href="{}">{}</a>.').format(vag.webb, esc_md(vag.funktion.rstrip(".")))
    else:
        body = Markup("{}.").format(esc_md(vag.funktion.rstrip(".")))
    if vag.tider:
        body += Markup(" {}.").format(esc_md(vag.tider.rstrip(".")))
    mark = grund_mark(vag.grund, source)
    if mark:
        body += Markup(" ") + mark
    if with_sources:
        line = source_line(vag, source)
        if line:
            body += Markup(" ") + line
    return body


def municipality_block(k: KommunKontakter, name: str, source: SourceHref, region_href: str) -> str:
    """The municipality's own addition, shown near the top of its page (roller/parter/<id>/)."""
    rows = Markup("").join(
        Markup("<dt>{}</dt><dd>{}</dd>").format(label, _route(getattr(k, slot), source)) for slot, label in SLOTS
    )
    pages = Markup("").join(
        Markup("<li>{}{}{}{}</li>").format(
            Markup('<a href="{}">{}</a>').format(p.url, esc_md(p.titel)) if p.url else esc_md(p.titel),
            Markup(". {}").format(esc_md(p.beskrivning)) if p.beskrivning else Markup(""),
            Markup(" ") + grund_mark(p.grund, source) if p.grund is not None and p.grund.typ != "belagt" else Markup(""),
            Markup(" ") + (_read(p) if all(src.url == p.url for src in p.kallor) else source_line(p, source)),
        )
        for p in k.sidor
    )
    functions = Markup("").join(
        Markup("<li><strong>{}</strong>{}{}{}</li>").format(
            esc_md(f.namn),
            Markup(": {}").format(esc_md(f.beskrivning)) if f.beskrivning else Markup(""),
            Markup(" ") + grund_mark(f.grund, source) if f.grund is not None and f.grund.typ != "belagt" else Markup(""),
            Markup(" ") + source_line(f, source),
        )
        for f in k.funktioner
    )
    county = Markup(
        '<p class="bbg-lokalt-lan"><strong>I hela länet:</strong> akut fara: ring {}. Polisen när det inte är akut: {}. '
        '<a href="{}">BVC, MVC, BUP och elevhälsa</a>.</p>'
    ).format(phone_link("112"), phone_link("114 14"), region_href)
    html = [
        Markup('<div class="bbg-lokalt">'),
        Markup('<p class="bbg-lokalt-inledning">Tillägg för {}: länets text gäller, och här står hur du når kommunens socialtjänst. '
               "Numren är växlar och funktioner, aldrig en enskild person.</p>").format(esc_md(name)),
        Markup('<dl class="bbg-lokalt-vagar">') + rows + Markup("</dl>"),
        county,
        Markup("<p><strong>Kommunens egna sidor om Barnens bästa gäller</strong></p>"),
        Markup("<ul>") + pages + Markup("</ul>"),
    ]
    if k.funktioner:
        html += [Markup("<p><strong>Lokala funktioner</strong></p>"), Markup("<ul>") + functions + Markup("</ul>")]
    html.append(Markup("</div>"))
    return f"## Kontakt i {esc_md(name)} {{ #{ANCHOR} }}\n\n" + "\n".join(html) + "\n"


def region_block(routes: list[RegionVag], source: SourceHref, title: str) -> str:
    """County-wide routes (Region Kronoberg, the police), as a Markdown heading and a list."""
    items = Markup("").join(
        Markup("<dt>{}</dt><dd>{}</dd>").format(esc_md(r.rubrik), _route(r, source)) for r in routes
    )
    return (
        f"## {esc_md(title)} {{ #{REGION_ANCHOR} }}\n\n"
        + str(Markup('<div class="bbg-lokalt"><dl class="bbg-lokalt-vagar">') + items + Markup("</dl></div>"))
        + "\n"
    )


def _card(k: KommunKontakter, name: str, page_href: str) -> Markup:
    """The short card the chooser shows: the three routes, without the sources
    (on the page behind the link). A <div hidden>, not a <template>: Python-Markdown
    keeps nested <div>s inside the danger box as one raw block."""
    rows = Markup("").join(
        Markup("<li><strong>{}:</strong> {}</li>").format(label, _route(getattr(k, slot), lambda _k: ("", None), with_sources=False))
        for slot, label in SLOTS
    )
    return Markup(
        '<div class="bbg-kommunkort" data-kommun="{}" hidden><p class="bbg-kommunkort-namn">{}</p><ul>{}'
        "<li><strong>Akut fara:</strong> ring {}.</li></ul>"
        '<p><a href="{}">Källor och mer om {}</a></p></div>'
    ).format(k.id, esc_md(name), rows, phone_link("112"), page_href, esc_md(name))


def chooser(entries: list[tuple[KommunKontakter, str, str]], question: str = "Socialtjänsten i barnets kommun – välj kommun:") -> str:
    """The municipality chooser: without JavaScript a list of links to each
    municipality's contacts; kommunval.js turns it into a <select> that shows
    the chosen municipality's card (hidden copies in the page) in place.
    `entries`: (contacts, short name, href of the municipality's #lokalt)."""
    links = Markup("").join(
        Markup('<li><a href="{}" data-kommun="{}">{}</a></li>').format(href, k.id, esc_md(name)) for k, name, href in entries
    )
    # Each municipality's card, hidden: kommunval.js shows a copy of the chosen one.
    cards = Markup("").join(_card(k, name, href) for k, name, href in entries)
    return str(
        Markup('<div class="bbg-kommunval" data-pagefind-ignore="all">')
        + Markup('<p class="bbg-kommunval-fraga">{}</p>').format(question)
        + Markup('<ul class="bbg-kommunval-lista">')
        + links
        + Markup("</ul>")
        + cards
        + Markup("</div>")
    )


