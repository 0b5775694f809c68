"""Glue for the review queue (issue 12) and the review records (issue 23):
which pages exist, where data is shown, page titles and addresses, what a page
draws on (for its review fingerprint) and whether each recorded review still
matches. Used by the queue page (macros/__init__.py), the hooks (status line,
expired reviews) and `python -m macros granska | granska-hash | check`, so all
of them agree. The list itself is made by macros/render/review.py, the
fingerprint and status by macros/render/review_status.py.
"""

from __future__ import annotations

import datetime as dt
import importlib
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..builddate import build_date
from ..data.loader import Problem, load_yaml
from ..data.models import FILES
from ..data.models.granskningar import Granskning
from ..data.site import SiteData
from ..paths import layout
from ..paths.nav import first_heading
from ..render.local import review_items as lokalt_review_items
from ..render.practice import OLDER_TERM_READING
from ..render.review import Punkt, Sidor, data_items, expired_review_items, page_items, review_status_items, source_items
from ..render.review_status import Status, fingerprint, mismatch_reason, review_status

QUEUE_PAGE = layout.QUEUE_PAGE


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
    party = lambda aid: f"roller/parter/{aid}.md"  # noqa: E731
    return [Punkt(*item) for item in lokalt_review_items(site.lokalt, party, party)]


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
