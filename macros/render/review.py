"""The review queue for the county's editors: every statement that is not
simply *belagt* (our readings, the handbook's proposals, what is still to be
checked), every guidance page awaiting review and every source whose content
could not be confirmed. One list, shown as a page and written as CSV for the
steering group (`make granska`); both come from `review_items()`.

Pure: the glue passes the data, the pages' Markdown and where things are shown
(`Sidor`); nothing here reads files or knows mkdocs.
"""

from __future__ import annotations

import ast
import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import yaml
from markupsafe import Markup
from pydantic import ValidationError

from ..data.models.common import GRUND_LABELS, Grund
from .provenance import GRUND_ADAPTER
from .escape import sheet_cell
from .html import Column, md_text, table
from .cards import css_class, labelled

KIND_LABELS = {
    "utgangen": "Granskningen har gått ut",
    "andrad": "Ändrad efter granskningen",
    "kontrolleras": "Kontrolleras",
    "tolkning": "Tolkning",
    "forslag": "Förslag",
    "granskas": "Väntar på granskning",
    "kalla": "Källa inte bekräftad",
}
KIND_ORDER = list(KIND_LABELS)
FIRST = ("utgangen", "andrad")  # reviews that no longer hold: listed before everything else


@dataclass(frozen=True)
class Punkt:
    """One item of the queue."""

    sida: str | None  # docs path of the page where readers see it (None: no page)
    typ: str  # a key of KIND_LABELS
    var: str  # what, on that page: "Term: Huvudman", "Lagrum: sol-sip"
    text: str  # what it rests on / what is missing / the proposal
    fil: str  # the file an editor changes


@dataclass(frozen=True)
class Sidor:
    """Where the data is shown (given by the glue)."""

    fixed: dict[str, str]  # "ordlista", "lagar", "beslut", "finansiering", "steg", "samverkansansvarig", "bba", "organisation", "statusrapport"
    role: Callable[[str], str]
    plan_area: Callable[[str, int], str]
    module: Callable[[str], str]
    party: Callable[[str], str]
    guidance: list[str] = field(default_factory=list)  # every guidance page, for the review status


def _grund(sida: str | None, g: Grund | None, var: str, fil: str) -> list[Punkt]:
    if g is None or g.typ == "belagt":
        return []
    text = {"tolkning": getattr(g, "vilar_pa", ""), "forslag": getattr(g, "motivering", None) or "", "kontrolleras": getattr(g, "saknas", "")}[g.typ]
    return [Punkt(sida, g.typ, var, text, fil)]


def _glossary_and_laws(site, f: dict[str, str], older_term_reading: str) -> list[Punkt]:
    out: list[Punkt] = []
    for t in site.ordlista.termer:
        out += _grund(f["ordlista"], t.grund, f"Term: {t.term}", "data/ordlista.yaml")
        if t.aldre_term:
            out.append(Punkt(f["ordlista"], "tolkning", f"Term: {t.term} motsvarar ”{t.aldre_term}”", older_term_reading, "data/ordlista.yaml"))
    for r in site.lagar.lagrum:
        out += _grund(f["lagar"], r.grund, f"Lagrum: {r.lag} {r.lagrum or ''}".rstrip(), "data/lagar.yaml")
    return out


def _organisation(site, sidor: Sidor) -> list[Punkt]:
    out: list[Punkt] = []
    for role in site.roller.roller:
        page = sidor.role(role.id)
        out += _grund(page, role.grund, f"Roll: {role.namn}", "data/roller.yaml")
        out += _grund(page, role.beskrivning_grund, f"Beskrivning: {role.namn}", "data/roller.yaml")
        out += _grund(sidor.fixed["organisation"], role.rapporterar_till_grund, f"Rapportväg: {role.namn}", "data/roller.yaml")
        out += _grund(page, role.organisation_grund, f"Var rollen finns: {role.namn}", "data/roller.yaml")
    for a in site.aktorer.aktorer:
        out += _grund(sidor.party(a.id), a.grund, f"Part: {a.namn}", "data/aktorer.yaml")
        for unit in a.enheter:
            out += _grund(sidor.party(a.id), unit.grund, f"Enhet: {unit.namn}", "data/aktorer.yaml")
    return out


def _decisions_and_money(site, f: dict[str, str]) -> list[Punkt]:
    out: list[Punkt] = []
    for b in site.beslut.beslut:
        out += _grund(f["beslut"], b.grund, f"Beslut: {b.rubrik}", "data/beslut.yaml")
        out += _grund(f["beslut"], b.aktorer_grund, f"Vilka beslutet gäller: {b.rubrik}", "data/beslut.yaml")
    for fin in site.finansiering.finansiering:
        amounts = [item.belopp for item in fin.kostnader] + [fin.summa_per_ar, fin.region]
        out += [
            Punkt(f["finansiering"], "tolkning", f"Belopp: {bel.original}", bel.tolkning, "data/finansiering.yaml")
            for bel in amounts
            if bel.tolkning
        ]
        for col in fin.kolumner:
            if col.harledning:
                out += _grund(f["finansiering"], col.harledning.grund, f"Kolumn: {col.rubrik}", "data/finansiering.yaml")
    return out


def _practice(site, f: dict[str, str]) -> list[Punkt]:
    p = site.praxis
    out: list[Punkt] = []
    for s in p.steg:
        out += _grund(f["steg"], s.grund, f"Steg {s.nummer}: {s.rubrik}", "data/praxis.yaml")
    for s in p.bba_skeden:
        out += _grund(f["bba"], s.grund, f"BBA: {s.skede}", "data/praxis.yaml")
    for q in p.bba_fragor:
        if q.ja_tillagg:
            out.append(Punkt(f["steg"], "forslag", f"Fråga: {q.fraga} (ja)", q.ja_tillagg, "data/praxis.yaml"))
        out += _grund(f["steg"], q.nej_grund, f"Fråga: {q.fraga} (nej)", "data/praxis.yaml")
    out += _grund(f["samverkansansvarig"], p.samverkansansvarig_grund, "Den samverkansansvariga verksamhetens uppgifter", "data/praxis.yaml")
    return out


def _plans(site, sidor: Sidor) -> list[Punkt]:
    out: list[Punkt] = []
    for plan in site.handlingsplaner.values():
        fil = f"data/handlingsplan/{plan.id}.yaml"
        for area in plan.amnesomraden:
            page = sidor.plan_area(plan.id, area.nummer)
            for a in area.aktiviteter:
                notes = [] if a.status == "inte_redovisad" else a.status
                readings = [(f"Aktivitet {a.id}", a.tolkning), (f"Aktivitet {a.id}, tid ”{a.tid.original}”", a.tid.tolkning)]
                readings += [(f"Aktivitet {a.id}, notering ”{n.text}”", n.tolkning) for n in notes]
                out += [Punkt(page, "tolkning", what, text, fil) for what, text in readings if text]
    return out


def _follow_up(site, f: dict[str, str]) -> list[Punkt]:
    """Our readings of a follow-up record's status (data/uppfoljning/), shown on the status report."""
    out: list[Punkt] = []
    for fu in (getattr(site, "uppfoljningar", None) or {}).values():
        fil = f"data/uppfoljning/{fu.id}.yaml"
        for a in fu.aktiviteter:
            out += [
                Punkt(f.get("statusrapport"), "tolkning", f"Aktivitet {a.id}, post {p.datum.isoformat()} (”{p.status_text}”)", p.tolkning, fil)
                for p in a.poster
                if p.tolkning
            ]
    return out


def data_items(site, sidor: Sidor, older_term_reading: str) -> list[Punkt]:
    """Every non-belagt statement in data/, placed on the page that shows it."""
    modules = [
        Punkt(sidor.module(m.id), "forslag", f"Modul {m.id}: tid och målgrupper", "modulernas längd och målgrupper är handbokens förslag", "data/utbildning.yaml")
        for m in site.utbildning.moduler
    ]
    return (
        _glossary_and_laws(site, sidor.fixed, older_term_reading)
        + _organisation(site, sidor)
        + _decisions_and_money(site, sidor.fixed)
        + _practice(site, sidor.fixed)
        + _plans(site, sidor)
        + _follow_up(site, sidor.fixed)
        + modules
    )


def review_status_items(guidance: list[str], granskningar) -> list[Punkt]:
    """Every guidance page without a recorded review."""
    return [
        Punkt(page, "granskas", "Hela sidan", "ingen granskning finns i data/granskningar.yaml; sidan visas som utkast", "data/granskningar.yaml")
        for page in guidance
        if granskningar.latest(page) is None
    ]


def expired_review_items(states, fil: str) -> list[Punkt]:
    """Recorded reviews that no longer hold: (record, status kind) pairs whose
    kind is "andrad" (content changed after the review) or "utgangen" (the
    next review date has passed)."""
    out = []
    for record, kind in states:
        if kind == "andrad":
            out.append(Punkt(record.sida, "andrad", "Hela sidan", f"granskad {record.datum}; sidan eller data den bygger på har ändrats sedan dess", fil))
        elif kind == "utgangen":
            out.append(Punkt(record.sida, "utgangen", "Hela sidan", f"granskad {record.datum}; nästa granskning senast {record.nasta_granskning}", fil))
    return out


def source_items(documents) -> list[Punkt]:
    return [
        Punkt(None, "kalla", f"Källa: {d.titel}", d.innehall.saknas, "data/kallor.yaml")
        for d in documents
        if d.innehall is not None
    ]


# ---------------------------------------------------------------- marks written in pages

_MARK = re.compile(r"\{\{\s*(forslag|tolkning|kontrolleras)\((.*?)\)\s*\}\}", re.S)


def _args(text: str) -> list[str]:
    if not text.strip():
        return []
    value = ast.literal_eval(f"({text},)")
    return [str(v) for v in value]


def page_items(pages: dict[str, str]) -> list[Punkt]:
    """Inline marks ({{ forslag() }}, {{ tolkning("…") }}, {{ kontrolleras("…") }})
    and a page-level `grund:` in front matter, for every page (docs path -> Markdown)."""
    out: list[Punkt] = []
    for src, text in sorted(pages.items()):
        fil = f"docs/{src}"
        meta: dict = {}
        m = re.match(r"^---\n(.*?)\n---\n", text, re.S)
        if m:
            meta = yaml.safe_load(m.group(1)) or {}
        if isinstance(meta, dict) and meta.get("grund") is not None:
            try:
                g = GRUND_ADAPTER.validate_python(meta["grund"])
            except ValidationError as exc:
                raise ValueError(f'{fil}: fältet "grund" i sidhuvudet är fel: {exc.errors()[0]["msg"]}') from None
            out += _grund(src, g, "Hela sidan", fil)
        for m in _MARK.finditer(text):
            args = _args(m.group(2))
            line = text.count("\n", 0, m.start()) + 1
            out.append(Punkt(src, m.group(1), f"Rad {line}: ”{_sentence_before(text, m.start())}”", args[0] if args else "", fil))
    return out


def _sentence_before(text: str, at: int, limit: int = 90) -> str:
    """The sentence a mark stands after, as plain text (for the queue)."""
    before = re.sub(r"\{\{.*?\}\}", " ", text[max(0, at - 600) : at], flags=re.S)
    before = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", before)  # links -> their text
    before = re.sub(r"[*_`|#>]", "", before)
    parts = re.split(r"(?<=[.!?])\s+|\n\s*\n|\n\s*[-\d]+[.)]?\s+", before.strip())
    sentence = " ".join((parts[-1] if parts else "").split()).lstrip("- ")
    return sentence if len(sentence) <= limit else "…" + sentence[-(limit - 1) :]


# ---------------------------------------------------------------- output


def sort_items(items: list[Punkt]) -> list[Punkt]:
    first_pages = {p.sida for p in items if p.typ in FIRST}
    return sorted(items, key=lambda p: (p.sida not in first_pages, p.sida is None, p.sida or "", KIND_ORDER.index(p.typ), p.var))


def counts(items: list[Punkt]) -> dict[str, int]:
    return {k: sum(1 for p in items if p.typ == k) for k in KIND_ORDER}


def queue_markdown(items: list[Punkt], title_of: Callable[[str], str], href_of: Callable[[str], str]) -> str:
    """The queue page body: counts, then one section per page with a table."""
    items = sort_items(items)
    c = counts(items)
    pages = []
    for p in items:
        if p.sida not in pages:
            pages.append(p.sida)
    summary_rows = [(KIND_LABELS[k], c[k]) for k in KIND_ORDER] + [("Totalt", len(items))]
    out = [
        f"Listan har **{len(items)} punkter** på {len([s for s in pages if s])} sidor.",
        "",
        table(
            summary_rows,
            [Column("Slag", lambda r: r[0], row_header=True), Column("Antal", lambda r: str(r[1]))],
            "Antal punkter per slag",
            table_id="granska-antal",
        ),
        "",
    ]
    for sida in pages:
        group = [p for p in items if p.sida == sida]
        if sida is None:
            heading = "Källor (data/kallor.yaml)"
            out += [f"## {heading} ({len(group)}) {{ #granska-kallor }}", ""]
        else:
            out += [f"## [{md_text(title_of(sida))}]({href_of(sida)}) ({len(group)})", ""]
        out += [
            table(
                group,
                labelled(
                    [
                        Column("Slag", lambda p: KIND_LABELS[p.typ], row_header=True),
                        Column("Vad", lambda p: p.var),
                        Column("Grund eller vad som saknas", lambda p: p.text or "–"),
                        Column("Ändras i", lambda p: Markup("<code>{}</code>").format(p.fil)),
                    ]
                ),
                f"Att granska: {title_of(sida) if sida else 'källor'}",
                css_class=css_class("bbg-granska"),
                searchable=False,
            ),
            "",
        ]
    return "\n".join(out)


CSV_HEADERS = ["Sida", "Adress", "Slag", "Vad", "Grund eller vad som saknas", "Ändras i"]


def _safe(value: str) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula (on one line)."""
    return sheet_cell(" ".join(str(value).split()))


def queue_csv(items: list[Punkt], title_of: Callable[[str], str], address_of: Callable[[str], str]) -> bytes:
    """The same list as CSV: UTF-8 with BOM, semicolons, every field quoted,
    formula-safe cells (Excel with Swedish settings opens it directly)."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(CSV_HEADERS)
    for p in sort_items(items):
        writer.writerow(
            [_safe(x) for x in (title_of(p.sida) if p.sida else "", address_of(p.sida) if p.sida else "", KIND_LABELS[p.typ], p.var, p.text, p.fil)]
        )
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


GRUND_KINDS = tuple(k for k in GRUND_LABELS if k != "belagt")
