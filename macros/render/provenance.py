"""Provenance marks: how strong a statement is, shown to readers as text.

Four kinds (macros/models/common.py, `Grund`): *belagt* (a named source says
it), *tolkning* (our reading, and what it rests on), *förslag* (the handbook's
own proposal) and *kontrolleras* (not confirmed; what is missing). A mark is a
short text label ("Förslag", "Tolkning: …", "Kontrolleras: …"), never colour
or a tooltip only, so it is read aloud, printed and copied with the sentence.
Explained once on docs/om-webbplatsen/index.md (#grund).

Plain functions, no mkdocs: links come in as arguments.
"""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup
from pydantic import TypeAdapter, ValidationError

from ..data.models.common import GRUND_LABELS, Grund, Kalla
from .escape import esc_md
from .html import link

GRUND_ADAPTER = TypeAdapter(Grund)
SourceHref = Callable[[Kalla], "tuple[str, str | None]"]  # -> (name, url or None)

KINDS = ("belagt", "tolkning", "forslag", "kontrolleras")


def mark(kind: str, text: str | None = None, sources: Markup | None = None) -> Markup:
    """One inline label: <span class="bbg-grund bbg-grund-forslag">Förslag: text</span>."""
    if kind not in KINDS:
        raise ValueError(f"okänd grund '{kind}'; välj en av {', '.join(KINDS)}")
    label = GRUND_LABELS[kind]
    body = Markup("")
    if text:  # esc_md: a mark often sits in a Markdown paragraph
        body += Markup(": {}").format(esc_md(text))
    if sources:
        body += Markup(" (") + sources + Markup(")")
    return Markup('<span class="bbg-grund bbg-grund-{k}"><span class="bbg-grund-typ">{l}</span>{b}</span>').format(
        k=kind, l=label, b=body
    )


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
        return Markup('<span class="bbg-grund bbg-grund-belagt"><span class="bbg-grund-typ">Källa</span>: {}</span>').format(
            sources_text(grund.kallor, source)
        )
    if grund.typ == "tolkning":
        src = sources_text(grund.kallor, source) if grund.kallor else None
        return mark("tolkning", grund.vilar_pa, src)
    if grund.typ == "forslag":
        return mark("forslag", grund.motivering)
    return mark("kontrolleras", grund.saknas)


def grund_plain(grund: Grund | None) -> str:
    """The same, as plain text (CSV, PDF, alt text)."""
    if grund is None or grund.typ == "belagt":
        return ""
    text = {"tolkning": getattr(grund, "vilar_pa", ""), "forslag": getattr(grund, "motivering", "") or "", "kontrolleras": getattr(grund, "saknas", "")}[grund.typ]
    return GRUND_LABELS[grund.typ] + (f": {text}" if text else "")


# ---------------------------------------------------------------- inline marks in prose pages


def inline_source(name: str, url: str | None, avsnitt: str | None = None) -> Markup:
    """{{ kalla("id", "avsnitt") }}: "Källa: <a>name</a>, avsnitt" after a sentence."""
    text = name + (f", {avsnitt}" if avsnitt else "")
    return Markup('<span class="bbg-grund bbg-grund-belagt"><span class="bbg-grund-typ">Källa</span>: {}</span>').format(
        link(url, esc_md(text))
    )


def insert_after_title(markdown: str, block: str) -> str:
    """Put a block right after the page's first "# " heading (or at the top)."""
    lines = markdown.split("\n")
    at = next((i for i, line in enumerate(lines) if line.startswith("# ")), -1) + 1
    lines[at:at] = ["", block, ""]
    return "\n".join(lines)


def page_note(grund: Grund, source: SourceHref) -> str:
    """The mark of a page-level `grund:` (front matter), shown under the title."""
    return str(Markup('<p class="bbg-sidgrund">{}</p>').format(grund_mark(grund, source, show_belagt=True)))


def with_page_grund(markdown: str, raw: object, page: str, source: SourceHref) -> str:
    """A page's front matter `grund:` validated and shown under its title.
    Raises ValueError naming the page and field when it is malformed."""
    try:
        grund = GRUND_ADAPTER.validate_python(raw)
    except ValidationError as exc:
        raise ValueError(f'{page}: fältet "grund" i sidhuvudet är fel: {exc.errors()[0]["msg"]}') from None
    return insert_after_title(markdown, page_note(grund, source))


def legend() -> Markup:
    """The explanation of the four kinds, with one example label each (for "Om webbplatsen")."""
    rows = [
        ("belagt", "Källa", "En namngiven källa säger det: ett av länets dokument eller en offentlig källa, med avsnitt. Källan står vid uppgiften."),
        ("tolkning", "Tolkning", "Handbokens läsning av en källa. Efter ordet står vad tolkningen vilar på, till exempel att beloppen är Ljungbys rad i tabellen."),
        ("forslag", "Förslag", "Handbokens eget förslag, som ingen källa anger: till exempel modulernas längd och målgrupper eller en arbetsregel."),
        ("kontrolleras", "Kontrolleras", "Uppgiften är inte bekräftad. Efter ordet står vad som saknas."),
    ]
    items = Markup(" ").join(
        Markup('<dt><span class="bbg-grund bbg-grund-{k}"><span class="bbg-grund-typ">{l}</span></span></dt><dd>{d}</dd>').format(
            k=k, l=label, d=desc
        )
        for k, label, desc in rows
    )
    return Markup('<dl class="bbg-grund-forklaring">{}</dl>').format(items)


