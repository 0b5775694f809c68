"""Provenance marks: how strong a statement is, shown to readers as text.

Four kinds (macros/data/models/common.py, `Grund`): *belagt* (a named source says
it), *tolkning* (our reading, and what it rests on), *förslag* (the handbook's
own proposal) and *kontrolleras* (not confirmed; what is missing). A mark is a
short text label ("Förslag", "Tolkning: …", "Kontrolleras: …"), never colour
or a tooltip only, so it is read aloud, printed and copied with the sentence.
Explained once on docs/om-webbplatsen/index.md (#grund).

On screen (issue 23) docs/assets/javascripts/grund.js makes the label a small
button that explains the kind on focus and tap (a toggletip: aria-expanded and
a live region, text from `data-forklaring`); the text after a Tolkning or
Förslag label moves into it, a Kontrolleras stays in the sentence. Without
JavaScript, on paper and in the PDFs the mark is the full text, as before.
Sources of a sentence ({{ kalla() }}) become numbered references, linked to a
list at the end of the page (`number_sources`, called by the page hook).

Plain functions, no mkdocs: links come in as arguments.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from markupsafe import Markup

from ..data.models.common import GRUND_LABELS, Grund, Kalla, page_grund
from .escape import esc, esc_md
from .html import link

SourceHref = Callable[[Kalla], "tuple[str, str | None]"]  # -> (name, url or None)

KINDS = ("belagt", "tolkning", "forslag", "kontrolleras")

# What each kind means, in one sentence: the toggletip of a mark and the legend.
EXPLAIN = {
    "belagt": "Belagt: en namngiven källa säger det. Källan står vid uppgiften.",
    "tolkning": "Tolkning: handbokens läsning av en källa, inte källans egna ord.",
    "forslag": "Förslag: handbokens eget förslag. Ingen källa anger det.",
    "kontrolleras": "Kontrolleras: uppgiften är inte bekräftad. Lita inte på den utan att kontrollera den.",
}


def _mark(kind: str, label: str, body: Markup) -> Markup:
    text = Markup('<span class="bbg-grund-text">{}</span>').format(body) if body else Markup("")
    return Markup('<span class="bbg-grund bbg-grund-{k}" data-forklaring="{e}"><span class="bbg-grund-typ">{l}</span>{t}</span>').format(
        k=kind, e=EXPLAIN[kind], l=label, t=text
    )


def mark(kind: str, text: str | None = None, sources: Markup | None = None) -> Markup:
    """One inline label: <span class="bbg-grund bbg-grund-forslag" data-forklaring="…">
    <span class="bbg-grund-typ">Förslag</span><span class="bbg-grund-text">: text</span></span>."""
    if kind not in KINDS:
        raise ValueError(f"okänd grund '{kind}'; välj en av {', '.join(KINDS)}")
    body = Markup("")
    if text:  # esc_md: a mark often sits in a Markdown paragraph
        body += Markup(": {}").format(esc_md(text))
    if sources:
        body += Markup(" (") + sources + Markup(")")
    return _mark(kind, GRUND_LABELS[kind], body)


def sources_text(kallor: list[Kalla], source: SourceHref) -> Markup:
    parts = []
    for k in kallor:
        name, url = source(k)
        parts.append(link(url, esc_md(name + (f", {k.avsnitt}" if k.avsnitt else ""))))
    return Markup("; ").join(parts)


def grund_mark(grund: Grund | None, source: SourceHref, *, show_belagt: bool = False) -> Markup:
    """The label for a data entry's `grund`. Belagt entries show their sources
    elsewhere; pass show_belagt=True to print "Källa: …" here."""
    if grund is None:
        return Markup("")
    if grund.typ == "belagt":
        if not show_belagt:
            return Markup("")
        return _mark("belagt", "Källa", Markup(": ") + sources_text(grund.kallor, source))
    if grund.typ == "tolkning":
        src = sources_text(grund.kallor, source) if grund.kallor else None
        return mark("tolkning", grund.vilar_pa, src)
    if grund.typ == "forslag":
        return mark("forslag", grund.motivering)
    return mark("kontrolleras", grund.saknas)


# ---------------------------------------------------------------- inline marks in prose pages


def inline_source(name: str, url: str | None, avsnitt: str | None = None, source_id: str = "") -> Markup:
    """{{ kalla("id", "avsnitt") }} after a sentence: "(Källa: <a>name, avsnitt</a>)".
    The page hook turns it into a numbered reference ([1]) to the list at the
    end of the page (`number_sources`); as written here it reads on its own."""
    text = name + (f", {avsnitt}" if avsnitt else "")
    return Markup('<span class="bbg-kalla" data-kalla="{i}" data-avsnitt="{a}">(Källa: {l})</span>').format(
        i=source_id, a=avsnitt or "", l=link(url, esc_md(text))
    )


_KALLA = re.compile(r'<span class="bbg-kalla" data-kalla="([^"]*)" data-avsnitt="([^"]*)">.*?</span>')
SOURCES_ANCHOR = "kallor-i-texten"


def number_sources(markdown: str, describe: Callable[[str], "tuple[str, str | None]"]) -> tuple[str, str]:
    """Number the sentence sources of a rendered page: each {{ kalla() }}
    becomes "[n]", a link to entry n of a list at the end of the page (the
    same source and section keep their number). `describe(id)` gives the
    source's (title, url). Returns the page and the list (Markdown: a heading
    and one raw HTML block; "" when the page cites no source in its text)."""
    numbers: dict[tuple[str, str], int] = {}
    uses: dict[int, int] = {}

    def ref(m: re.Match) -> str:
        key = (html.unescape(m.group(1)), html.unescape(m.group(2)))
        n = numbers.setdefault(key, len(numbers) + 1)
        uses[n] = uses.get(n, 0) + 1
        anchor = f"ref-{n}" if uses[n] == 1 else f"ref-{n}-{uses[n]}"
        return str(
            Markup('<sup class="bbg-ref" id="{a}"><a href="#kalla-{n}" aria-label="Källa {n}">&#91;{n}&#93;</a></sup>').format(
                a=anchor, n=n
            )
        )

    out = _KALLA.sub(ref, markdown)
    if not numbers:
        return markdown, ""
    items = []
    for (sid, avsnitt), n in numbers.items():
        name, url = describe(sid)
        items.append(
            Markup('<li id="kalla-{n}">{l}{a} <a class="bbg-tillbaka" href="#ref-{n}">tillbaka till texten</a></li>').format(
                n=n, l=link(url, esc(name)), a=Markup(", {}").format(avsnitt) if avsnitt else Markup("")
            )
        )
    block = Markup('<ol class="bbg-kallor">') + Markup("").join(items) + Markup("</ol>")
    return out, f"## Källor i texten {{ #{SOURCES_ANCHOR} }}\n\n{block}\n"


def page_note(grund: Grund, source: SourceHref) -> str:
    """The mark of a page-level `grund:` (front matter), shown under the title."""
    return str(Markup('<p class="bbg-sidgrund">{}</p>').format(grund_mark(grund, source, show_belagt=True)))


def page_grund_note(raw: object, page: str, source: SourceHref) -> str:
    """A page's front matter `grund:` validated, as the note under its title.
    Raises ValueError naming the page and field when it is malformed."""
    return page_note(page_grund(raw, page), source)


def legend() -> Markup:
    """The explanation of the four kinds, with one example label each (for "Om webbplatsen")."""
    rows = [
        ("belagt", "Källa", "En namngiven källa säger det: ett av länets dokument eller en offentlig källa, med avsnitt. Källan står vid uppgiften, eller som en siffra, till exempel [1], som leder till listan över källor längst ned på sidan."),
        ("tolkning", "Tolkning", "Handbokens läsning av en källa. Efter ordet står vad tolkningen vilar på, till exempel att beloppen är Ljungbys rad i tabellen."),
        ("forslag", "Förslag", "Handbokens eget förslag, som ingen källa anger: till exempel modulernas längd och målgrupper eller en arbetsregel."),
        ("kontrolleras", "Kontrolleras", "Uppgiften är inte bekräftad. Efter ordet står vad som saknas."),
    ]
    items = Markup(" ").join(Markup("<dt>{}</dt><dd>{}</dd>").format(_mark(k, label, Markup("")), desc) for k, label, desc in rows)
    return Markup('<dl class="bbg-grund-forklaring">{}</dl>').format(items)


