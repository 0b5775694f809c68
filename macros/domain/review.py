"""The review queue (issue 12) and the review records (issue 23), as logic
without markup: every statement that is not simply *belagt* (readings,
proposals, what is still to be checked) in the data, the pages' marks and the
local layer; every guidance page awaiting review; every unconfirmed source;
a page's content fingerprint (two SHA-256 prefixes, "<page>-<data>", so
`make check` can say what changed) and its review status. Used by the queue
page, the hooks (status line, expired reviews) and `python -m macros granska
| granska-hash | check`, so all of them agree. Written out by
macros/render/review.py (queue page, CSV) and macros/render/review_status.py
(what a page shows).
"""

from __future__ import annotations

import ast
import datetime as dt
import hashlib
import importlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import yaml

from ..builddate import build_date
from ..data.loader import Problem, load_yaml
from ..data.models import FILES
from ..data.models.granskningar import Granskning
from ..data.models.lokalt import SLOTS
from ..data.site import SiteData
from ..paths import layout
from ..paths.nav import first_heading
from ..data.models.common import Grund, page_grund

DIGITS = 12
# Shown with an older term on the glossary page, and listed in the queue.
OLDER_TERM_READING = (
    "underlaget nämner ordet bland de enkla regler och verktyg som skulle tas fram; "
    "att det motsvarar dagens ord är handbokens läsning"
)


# ---------------------------------------------------------------- the queue's items

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
            out += _grund(src, page_grund(meta["grund"], fil), "Hela sidan", fil)
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



# ---------------------------------------------------------------- a page's review: fingerprint and status

def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:DIGITS]


def canonical(value: object) -> bytes:
    """Data as canonical JSON bytes (sorted keys), so formatting and comments
    in the YAML do not count, only what the data says."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str).encode("utf-8")


def fingerprint(markdown: str, data: object) -> str:
    """ "<12 hex of the page's Markdown>-<12 hex of the data it draws on>"."""
    text = markdown.replace("\r\n", "\n").replace("\r", "\n")
    return f"{_digest(text.encode('utf-8'))}-{_digest(canonical(data))}"


@dataclass(frozen=True)
class Status:
    """What a page may say about its review."""

    kind: Literal["utkast", "granskad", "andrad", "utgangen"]
    record: Granskning | None = None
    changed: tuple[str, ...] = ()  # "text", "data": what no longer matches (kind "andrad")


def review_status(record: Granskning | None, current: str, today: dt.date) -> Status:
    """utkast: no record; andrad: the content changed after the review;
    utgangen: the content matches but the next review date has passed;
    granskad: otherwise."""
    if record is None:
        return Status("utkast")
    then_page, then_data = record.innehall.split("-")
    now_page, now_data = current.split("-")
    changed = tuple(part for part, a, b in (("text", then_page, now_page), ("data", then_data, now_data)) if a != b)
    if changed:
        return Status("andrad", record, changed)
    if today > record.nasta_granskning:
        return Status("utgangen", record)
    return Status("granskad", record)


def mismatch_reason(status: Status, page_file: str, data_parts: list[str]) -> str:
    """Why a record no longer matches (for `make check`)."""
    why = []
    if "text" in status.changed:
        why.append(f"texten i {page_file} har ändrats")
    if "data" in status.changed:
        why.append("data som sidan bygger på har ändrats (" + ", ".join(data_parts) + ")")
    return " och ".join(why)




# ---------------------------------------------------------------- glue: pages, records, titles



def docs_pages(docs_dir: Path) -> dict[str, str]:
    """Every Markdown page under docs/ (docs path -> text)."""
    return {p.relative_to(docs_dir).as_posix(): p.read_text(encoding="utf-8") for p in sorted(docs_dir.rglob("*.md"))}


def sidor(site: SiteData, docs: dict[str, str]) -> Sidor:
    return Sidor(
        fixed=dict(layout.DATA_PAGES),
        role=layout.role_page,
        plan_area=layout.area_page,
        module=lambda mid: layout.module_page(site, mid),
        party=layout.party_page,
        guidance=[src for src in docs if layout.is_guidance(src)],
    )


def review_items(site: SiteData, docs: dict[str, str], docs_dir: Path | None = None, today: dt.date | None = None) -> list[Punkt]:
    """Every item to review; `docs` is docs_pages(docs_dir), read once by the caller.
    With `docs_dir`, recorded reviews that no longer match or have expired
    (at `today`, the build's date by default) are items too, listed first."""
    where = sidor(site, docs)
    items = data_items(site, where, OLDER_TERM_READING)
    # Pages that show macro calls as written (render_macros: false) carry examples, not marks.
    marked = {k: v for k, v in docs.items() if k != layout.QUEUE_PAGE and not _shows_macros_as_written(v)}
    items += page_items(marked)
    items += review_status_items(where.guidance, site.granskningar)
    if docs_dir is not None:
        items += expired_review_items(
            [(r.record, r.status.kind) for r in record_states(site, docs_dir, today or build_date())], "data/granskningar.yaml"
        )
    items += source_items(site.kallor.dokument)
    items += local_items(site)
    return items


def local_items(site: SiteData) -> list[Punkt]:
    """The local layer's unconfirmed slots and readings (data/lokalt.yaml), on the pages that show them."""
    fil, lokalt = "data/lokalt.yaml", site.lokalt
    found = []  # (page, grund, what)
    for k in lokalt.kommuner:
        page = layout.party_page(k.id)
        found += [(page, getattr(k, slot).grund, f"{label}: {k.id}") for slot, label in SLOTS]
        found += [(page, p.grund, f"Kommunens sida: {p.titel}") for p in k.sidor]
        found += [(page, f.grund, f"Lokal funktion: {f.namn}") for f in k.funktioner]
    found += [(layout.party_page(r.aktor), r.grund, f"Kontaktväg: {r.rubrik}") for r in lokalt.lansgemensamt]
    return [item for page, g, what in found if g is not None and g.typ in ("kontrolleras", "tolkning") for item in _grund(page, g, what, fil)]


def _shows_macros_as_written(text: str) -> bool:
    return layout.front_matter(text)[1].get("render_macros") is False


def title_of(site: SiteData, docs: dict[str, str]):
    """Page title: the first "# " heading of a docs page; generated pages by their data."""

    def title(src: str) -> str:
        text = docs.get(src)
        # The page's own heading (the queue names pages as readers see them, not by their nav title).
        title = first_heading(layout.front_matter(text)[0]) if text is not None else None
        if title:
            return title
        rid = layout.role_of_page(src)
        if rid and site.has("roll", rid):
            return site.get("roll", rid).namn
        area_of = layout.plan_area_of_page(src)
        if area_of and area_of[0] in site.handlingsplaner:
            plan = site.handlingsplaner[area_of[0]]
            area = plan.amnesomraden[area_of[1] - 1]
            return f"Handlingsplan {plan.id}, ämnesområde {area.nummer}: {area.namn}"
        return src

    return title


# ---------------------------------------------------------------- review records (issue 23)

RECORDS_FILE = "granskningar.yaml"

# What each area's macros read (SiteData keys): a page's review fingerprint
# covers the data of every area whose macros the page calls. An area missing
# here stops the fingerprint (KeyError), so a new area cannot be left out.
AREA_DATA: dict[str, tuple[str, ...]] = {
    "plan": ("handlingsplaner", "planversioner", "aktorer", "roller"),
    "organisation": ("aktorer", "roller", "finansiering"),
    "finance": ("finansiering",),
    "decisions": ("beslut", "handlingsplaner", "aktorer", "roller"),
    "practice": ("praxis", "lagar", "ordlista", "valbefinnande", "barnets_plan"),
    "training": ("utbildning", "adresser"),
    "governance": ("handlingsplaner", "planversioner", "uppfoljningar", "aktorer", "roller"),
    "provenance": (),  # kalla("id"): only the sources named (below); the queue is not on guidance pages
    "documents": ("andringar", "adresser"),
    "local": ("lokalt",),
}
_KEY_FILES = {spec.key: spec.pattern for spec in FILES}


def _macro_areas() -> dict[str, str]:
    areas = importlib.import_module("..areas", __package__).AREAS  # the areas import this module: look them up when called
    return {fn.__name__: area.__name__.rsplit(".", 1)[1] for area in areas for fn in area.MACROS}


def _dump(value):
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    if isinstance(value, dict):
        return {k: _dump(v) for k, v in value.items()}
    return value


def _documents(value) -> set[str]:
    """Every source id (`dokument:`) named anywhere in dumped data."""
    if isinstance(value, dict):
        found = {value["dokument"]} if isinstance(value.get("dokument"), str) else set()
        return found.union(*(_documents(v) for v in value.values()))
    if isinstance(value, list):
        return set().union(*(_documents(v) for v in value))
    return set()


def _front_matter(text: str) -> dict:
    m = re.match(r"^---\n(.*?)\n---\n", text, re.S)
    meta = (yaml.safe_load(m.group(1)) or {}) if m else {}
    return meta if isinstance(meta, dict) else {}


def drawn_on(site: SiteData, text: str) -> tuple[dict, list[str]]:
    """The data a page's Markdown draws on (as plain data, for its fingerprint)
    and the names of those data files (for messages): every data file read by
    an area whose macros the page calls; of data/kallor.yaml only the sources
    the page or that data names (front matter `kallor`, `kalla("id")`,
    `dokument:` in the data), and of data/roller.yaml (unless read whole) the
    proposed owner."""
    areas = _macro_areas()
    called = {areas[name] for name in re.findall(r"\{\{\s*([a-z_]+)\s*\(", text) if name in areas}
    keys = sorted({key for area in called for key in AREA_DATA[area]})
    data: dict = {key: _dump(getattr(site, key, None)) for key in keys}
    names = [f"data/{_KEY_FILES[key]}" for key in keys]
    meta = _front_matter(text)
    sources = {str(s) for s in meta.get("kallor") or [] if isinstance(s, str)}
    sources |= set(re.findall(r"\{\{\s*kalla\(\s*[\"']([^\"']+)[\"']", text))
    sources |= _documents(data)
    if sources:
        data["kallor.poster"] = {sid: _dump(site.get("kalla", sid)) for sid in sorted(sources) if site.has("kalla", sid)}
        names.append("data/kallor.yaml (" + ", ".join(sorted(sources)) + ")")
    owner = meta.get("foreslagen_ansvarig")
    if "roller" not in data and isinstance(owner, str) and site.has("roll", owner):
        data["roller.poster"] = {owner: _dump(site.get("roll", owner))}
        names.append(f"data/roller.yaml ({owner})")
    return data, names


def page_fingerprint(site: SiteData, docs_dir: Path, src: str) -> str:
    """The current fingerprint of a docs page (what `innehall:` of a review must say)."""
    text = (Path(docs_dir) / src).read_text(encoding="utf-8")
    return fingerprint(text, drawn_on(site, text)[0])


@dataclass(frozen=True)
class RecordState:
    record: Granskning
    index: int  # position in data/granskningar.yaml
    status: Status
    reason: str  # why it no longer matches ("" when it does)


def record_states(site: SiteData, docs_dir: Path, today: dt.date) -> list[RecordState]:
    """The status of every record that is the latest of its page (older
    records of a page are history). Pages that do not exist are skipped:
    record_problems() reports them."""
    out = []
    for i, record in enumerate(site.granskningar.granskningar):
        path = Path(docs_dir) / record.sida
        if not path.is_file() or site.granskningar.latest(record.sida) is not record:
            continue
        text = path.read_text(encoding="utf-8")
        data, names = drawn_on(site, text)
        status = review_status(record, fingerprint(text, data), today)
        reason = mismatch_reason(status, f"docs/{record.sida}", names) if status.kind == "andrad" else ""
        out.append(RecordState(record, i, status, reason))
    return out


def record_problems(site: SiteData, docs_dir: Path, data_dir: Path, shown_as: str = "data") -> list[Problem]:
    """Records for a page that does not exist or is not a guidance page, with
    file, line, entry and field."""
    records = site.granskningar.granskningar
    if not records:
        return []
    doc = load_yaml(Path(data_dir) / RECORDS_FILE, f"{shown_as}/{RECORDS_FILE}")
    problems = []
    for i, record in enumerate(records):
        if not (Path(docs_dir) / record.sida).is_file():
            why = f'sidan docs/{record.sida} finns inte; skriv sidans fil under docs/, t.ex. praxismodellen/bba.md'
        elif not layout.is_guidance(record.sida):
            why = f"docs/{record.sida} är ingen vägledningssida (praxismodellen/, familj/); bara de granskas"
        else:
            continue
        problems.append(Problem(doc.file, why, doc.line_of(("granskningar", i, "sida")), entry=record.sida, field="sida"))
    return problems


def record_report(states: list[RecordState]) -> list[str]:
    """Lines for `make check` and the build's output: records that no longer
    match (and why) and expired reviews."""
    lines = []
    for s in states:
        r = s.record
        where = f"data/{RECORDS_FILE}, granskningen av {r.sida} ({r.datum})"
        if s.status.kind == "andrad":
            lines.append(f"{where} stämmer inte längre: {s.reason}. Sidan visar ”Ändrad efter granskningen”.")
        elif s.status.kind == "utgangen":
            lines.append(f"{where} gick ut {r.nasta_granskning}: sidan visar att granskningen är för gammal.")
    return lines
