"""The decision history as a dated list, each entry linking to what it concerns."""

from __future__ import annotations

from collections.abc import Callable

from ..data.models.common import Grund
from ..data.models.beslut import Beslut
from .html import md_text

TYP = {
    "beslut": "Beslut",
    "beredning": "Förslag och beredning",
    "handlingsplan": "Handlingsplan",
    "finansiering": "Finansiering",
    "studiebesok": "Studiebesök",
    "forskning": "Forskning",
    "organisation": "Organisation",
}


def decision_anchor(b: Beslut) -> str:
    return f"beslut-{b.id}"


def history(
    decisions: list[Beslut],
    role_link: Callable[[str], tuple[str, str | None]],
    party_link: Callable[[str], tuple[str, str | None]],
    plan_link: Callable[[str], tuple[str, str | None]],
    source_name: Callable[[str], str],
    grund_mark: Callable[[Grund | None], str] = lambda g: "",
) -> str:
    """Markdown: one heading per entry (stable anchor), in data order (oldest first).

    The *_link callables return (name, href-or-None)."""
    lines: list[str] = []
    for b in decisions:
        lines += [f"## {md_text(b.tid)}: {md_text(b.rubrik)} {{ #{decision_anchor(b)} }}", ""]
        facts = [f"**Typ:** {TYP[b.typ]}"]
        if b.beslutande:
            facts.append(f"**Beslutande:** {md_text(b.beslutande)}")
        if b.paragraf:
            facts.append(f"**Paragraf:** {md_text(b.paragraf)}")
        if b.tid_original:
            facts.append(f"**I källan:** ”{md_text(b.tid_original)}”")
        lines += [" · ".join(facts), ""]

        def item(x: str, quoted: bool = b.ordagrant) -> str:
            return f"- ”{md_text(x)}”" if quoted else f"- {md_text(x)}"

        if b.beredning:
            lines += ["Beredning" + (" (ordagrant):" if b.ordagrant else ":"), ""] + [item(x) for x in b.beredning] + [""]
        if b.beslut:
            lines += ["Innehåll" + (" (ordagrant):" if b.ordagrant else ":"), ""] + [item(x) for x in b.beslut] + [""]
        if b.grund is not None and b.grund.typ != "belagt":
            lines += [str(grund_mark(b.grund)), ""]
        concerns = [_link(*role_link(r)) for r in b.roller] + [_link(*party_link(a)) for a in b.aktorer]
        if b.handlingsplan:
            concerns.append(_link(*plan_link(b.handlingsplan)))
        if concerns:
            mark = grund_mark(b.aktorer_grund) if b.aktorer_grund else ""
            lines += ["Gäller: " + ", ".join(concerns) + (f" {mark}" if mark else ""), ""]
        src = "; ".join(md_text(source_name(k.dokument) if k.dokument else k.titel) + (f", {md_text(k.avsnitt)}" if k.avsnitt else "") for k in b.kallor)
        lines += [f"<small>Källa: {src}</small>", ""]
    return "\n".join(lines)


def _link(name: str, href: str | None) -> str:
    return f"[{md_text(name)}]({href})" if href else md_text(name)
