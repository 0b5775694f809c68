"""What is known now about each activity of a plan: the status report and the
steering group's meeting papers (Underlag till styrgruppens möte).

Pure: the plan, its follow-up records (data/uppfoljning/<plan>.yaml, may be
None), the organisation index, the build date and link helpers in; Markdown
and HTML out. A status is only ever the one a record gives; an activity
without a record says so."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from ..data.models.handlingsplan import Aktivitet, Amnesomrade, Handlingsplan
from ..data.models.uppfoljning import STATUSAR, UNDERLAG, Post, Uppfoljning
from .html import Column, esc, link, md_text, table
from .cards import css_class, labelled
from ..domain.organisation import Org, Responsibility
from .provenance import mark
from .governance import ended
from .text import sv_date

Href = Callable[[Aktivitet], str]
SourceOf = Callable[[object], tuple[str, str | None]]  # a Kalla -> (title, url)

NO_RECORD = "ingen post"
# The last year the plan's own notes cover (version 210616); "after 2021" counts records from 2022 on.
AFTER_YEAR = 2021


@dataclass(frozen=True)
class Known:
    """What is known about one activity."""

    activity: Aktivitet
    area: Amnesomrade
    posts: tuple[Post, ...]

    @property
    def latest(self) -> Post | None:
        return self.posts[-1] if self.posts else None

    @property
    def status(self) -> str:
        """The latest record's status key, or "" when there is no record."""
        return self.latest.status if self.latest else ""

    @property
    def status_text(self) -> str:
        return self.latest.status_text if self.latest else NO_RECORD

    def after(self, year: int) -> bool:
        return any(p.datum.year > year for p in self.posts)


def known(plan: Handlingsplan, follow_up: Uppfoljning | None) -> list[Known]:
    out = []
    for area in plan.amnesomraden:
        for a in area.aktiviteter:
            entry = follow_up.of(a.id) if follow_up else None
            out.append(Known(a, area, tuple(entry.poster) if entry else ()))
    return out


def newest(items: list[Known]) -> dt.date | None:
    dates = [k.latest.datum for k in items if k.latest]
    return max(dates) if dates else None


def age(since: dt.date, until: dt.date) -> str:
    """ "3 år och 2 månader", "5 månader", "mindre än en månad" (whole months, counted on the calendar)."""
    months = (until.year - since.year) * 12 + until.month - since.month - (until.day < since.day)
    years, rest = divmod(max(months, 0), 12)
    parts = []
    if years:
        parts.append(f"{years} år")
    if rest:
        parts.append(f"{rest} {'månad' if rest == 1 else 'månader'}")
    return " och ".join(parts) or "mindre än en månad"


def report_date(items: list[Known], build: dt.date) -> dt.date:
    """The report's date: the newest record's, else the build date."""
    return newest(items) or build


def source_html(post: Post, source_of: SourceOf) -> Markup:
    name, url = source_of(post.kalla)
    text = name + (f", {post.kalla.avsnitt}" if post.kalla.avsnitt else "")
    out = link(url, text)
    if post.kontrollerad:
        out += Markup(" (läst {})").format(sv_date(post.kontrollerad))
    return out


def record_html(post: Post | None, source_of: SourceOf) -> Markup:
    """The record behind a status: date, what was reported (quoted), kind and source."""
    if post is None:
        return Markup("Ingen post: inget underlag säger något om aktiviteten.")
    out = Markup("{}: ”{}”<br>Underlag: {}, {}.").format(sv_date(post.datum), post.rapporterat.strip(), UNDERLAG[post.underlag], source_html(post, source_of))
    if post.tolkning:
        out += Markup(" ") + mark("tolkning", post.tolkning)
    return out


def status_cell(k: Known) -> Markup:
    return esc(k.status_text.capitalize())


def history_html(k: Known, source_of: SourceOf) -> Markup:
    """The latest record, then the earlier ones (newest first), each with its status."""
    out = record_html(k.latest, source_of)
    for p in reversed(k.posts[:-1]):
        name, _ = source_of(p.kalla)
        out += Markup('<br><small>Tidigare, {}: {} – ”{}” ({})</small>').format(sv_date(p.datum), p.status_text, p.rapporterat.strip(), name)
    return out


# ---------------------------------------------------------------- tables


def activity_table(items: list[Known], caption: str, href: Href, as_of: dt.date, source_of: SourceOf) -> Markup:
    columns = [
        Column("Nr", lambda k: link(href(k.activity), k.activity.id), row_header=True),
        Column("Aktivitet", lambda k: k.activity.text),
        Column("Ansvarig", lambda k: k.activity.ansvarig.original),
        Column("Tid", lambda k: k.activity.tid.original + (" (tiden har gått ut)" if ended(k.activity, as_of) else "")),
        Column("Senaste status", status_cell),
        Column("Senaste uppgift och underlag", lambda k: history_html(k, source_of)),
    ]
    return table(items, labelled(columns), caption, css_class=css_class("bbg-status"), searchable=False)


def _count(items: list[Known], key: str) -> int:
    return sum(1 for k in items if k.status == key)


def status_counts_table(items: list[Known], as_of: dt.date) -> Markup:
    rows = [(STATUSAR[key].capitalize(), _count(items, key)) for key in STATUSAR] + [("Ingen post", _count(items, ""))]
    columns = [Column("Senaste status", lambda r: r[0], row_header=True), Column("Aktiviteter", lambda r: str(r[1]))]
    rows.append(("Alla aktiviteter", len(items)))
    return table(rows, labelled(columns), f"Aktiviteter efter senaste status, läget {sv_date(as_of)}", css_class=css_class("bbg-status-summa"))


def _mix(items: list[Known]) -> str:
    """ "genomförd 1 · okänd 2 · ingen post 2" (only the statuses that occur)."""
    parts = [f"{STATUSAR[key]} {_count(items, key)}" for key in STATUSAR if _count(items, key)]
    if _count(items, ""):
        parts.append(f"{NO_RECORD} {_count(items, '')}")
    return " · ".join(parts)


def area_counts_table(plan: Handlingsplan, items: list[Known], build: dt.date) -> Markup:
    groups = [(f"{a.nummer}. {a.namn}", [k for k in items if k.area is a]) for a in plan.amnesomraden] + [("Hela planen", items)]
    columns = [
        Column("Ämnesområde", lambda r: r[0], row_header=True),
        Column("Aktiviteter", lambda r: str(len(r[1]))),
        Column("Senaste status", lambda r: _mix(r[1])),
        Column(f"Ingen post efter {AFTER_YEAR}", lambda r: str(sum(1 for k in r[1] if not k.after(AFTER_YEAR)))),
        Column("Tiden har gått ut utan post", lambda r: str(sum(1 for k in r[1] if ended(k.activity, build) and not k.posts))),
    ]
    return table(groups, labelled(columns), "Per ämnesområde", css_class=css_class("bbg-status-summa"))


# ---------------------------------------------------------------- per party


def own_and_shared(org: Org, plan: Handlingsplan, party: str) -> tuple[list[Responsibility], list[Responsibility]]:
    """A party's responsibilities split: named in the plan's cell (itself, a unit
    of it, or "respektive kommun" for each municipality) and shared through a
    body or role (styrgruppen, huvudmännen, lokala arbetsgrupper …)."""
    resps = org.party_responsibilities(plan, party)
    return [r for r in resps if r.named], [r for r in resps if not r.named]


def _item(r: Responsibility, by_id: dict[str, Known]) -> str:
    k = by_id[r.activity.id]
    return f"{r.activity.id} ({k.status_text})"


def party_table(org: Org, plan: Handlingsplan, items: list[Known]) -> Markup:
    by_id = {k.activity.id: k for k in items}
    rows = []
    for party in org.parties_in_plan(plan):
        own, shared = own_and_shared(org, plan, party)
        rows.append((org.name(party), own, shared))
    columns = [
        Column("Part", lambda r: r[0], row_header=True),
        Column("Egna aktiviteter (parten namnges i planen)", lambda r: str(len(r[1]))),
        Column("Varav med post", lambda r: str(sum(1 for x in r[1] if by_id[x.activity.id].posts))),
        Column("Genom gemensamt organ eller roll", lambda r: str(len(r[2]))),
        Column("Varav med post", lambda r: str(sum(1 for x in r[2] if by_id[x.activity.id].posts))),
    ]
    return table(rows, labelled(columns), "Per part: egna och gemensamma aktiviteter", css_class=css_class("bbg-status-summa"))


def party_lists(org: Org, plan: Handlingsplan, items: list[Known]) -> str:
    by_id = {k.activity.id: k for k in items}
    out = []
    for party in org.parties_in_plan(plan):
        own, shared = own_and_shared(org, plan, party)
        line = f"- **{md_text(org.name(party))}**. Egna: " + (", ".join(md_text(_item(r, by_id)) for r in own) or "inga")
        if shared:
            line += ". Genom gemensamt organ eller roll: " + ", ".join(md_text(f"{_item(r, by_id)} genom {r.via}") for r in shared)
        out.append(line + ".")
    return "\n".join(out)


# ---------------------------------------------------------------- the report


def status_report(plan: Handlingsplan, follow_up: Uppfoljning | None, org: Org, build: dt.date, href: Href, source_of: SourceOf) -> str:
    items = known(plan, follow_up)
    latest = newest(items)
    day = report_date(items, build)
    late = [k for k in items if ended(k.activity, build) and not k.posts]
    old = [k for k in items if not k.after(AFTER_YEAR)]
    none = [k for k in items if not k.posts]
    if latest:
        knowledge = (
            f"Den nyaste uppgiften är från {sv_date(latest)}: {age(latest, build)} före byggdagen {sv_date(build)}."
        )
    else:
        knowledge = "Det finns inga poster alls om aktiviteterna."
    out = [
        f"**Rapportens datum: {sv_date(day)}** (den nyaste postens datum). {knowledge}",
        "",
        f"{md_text(plan.titel)}. Varje aktivitets status är den som den senaste posten anger, med datum och underlag. "
        "Planens egna noteringar (version 210616) är de första posterna och står ordagrant. Finns ingen post står det "
        f"\"{NO_RECORD}\": då vet vi inte hur det har gått.",
        "",
        "## Sammanfattning { #sammanfattning }",
        "",
        f"- **{len(old)} av {len(items)} aktiviteter har ingen post efter {AFTER_YEAR}.**",
        f"- {len(none)} av {len(items)} aktiviteter har ingen post alls.",
        f"- För {len(late)} aktiviteter har tiden i planen gått ut utan att någon post säger hur det gick.",
        "",
        status_counts_table(items, day),
        "",
        area_counts_table(plan, items, build),
        "",
        "### Tiden har gått ut, och ingen post finns { #utan-resultat }",
        "",
        "För de här aktiviteterna har tiden i planen gått ut, och inget underlag säger hur det gick:",
        "",
    ]
    out += [f"- {k.activity.id} {md_text(k.activity.text)} (tid: {md_text(k.activity.tid.original)})" for k in late] or ["Inga."]
    out += ["", "### Utan angiven uppföljning i planen { #utan-uppfoljning }", ""]
    out += [f"- {k.activity.id} {md_text(k.activity.text)}" for k in items if not k.activity.uppfoljning] or ["Inga."]
    out += ["", "## Per ämnesområde { #per-omrade }", ""]
    for area in plan.amnesomraden:
        rows = [k for k in items if k.area is area]
        out += [
            f"### {area.nummer}. {md_text(area.namn)} {{ #status-omrade-{area.nummer} }}",
            "",
            activity_table(rows, f"Status, ämnesområde {area.nummer}", href, build, source_of),
            "",
        ]
    out += [
        "## Per part { #per-part }",
        "",
        "Egna aktiviteter är de där planen namnger parten i cellen Ansvarig utförare, till exempel "
        "\"Respektive kommun\". Gemensamma är de där parten bara har del i ansvaret genom ett organ eller en roll "
        "som finns hos flera parter, till exempel styrgruppen, huvudmännen eller de lokala arbetsgrupperna. "
        "Den uppdelningen är handbokens tolkning av planens celler.",
        "",
        party_table(org, plan, items),
        "",
        party_lists(org, plan, items),
    ]
    return "\n".join(out)


# ---------------------------------------------------------------- the meeting papers


def changes_since(items: list[Known], since: dt.date) -> list[tuple[Known, Post, Post | None]]:
    """Every record dated after `since`: (activity, the record, the record before it)."""
    out = []
    for k in items:
        for i, p in enumerate(k.posts):
            if p.datum > since:
                out.append((k, p, k.posts[i - 1] if i else None))
    return out


def _readings(k: Known) -> list[str]:
    """Our readings about an activity that nobody has reviewed: the plan data's and the records'."""
    a = k.activity
    texts = [(f"Aktivitet {a.id}", a.tolkning), (f"Aktivitet {a.id}, tid ”{a.tid.original}”", a.tid.tolkning)]
    texts += [(f"Aktivitet {a.id}, post {sv_date(p.datum)}", p.tolkning) for p in k.posts]
    return [f"{what}: {text.strip()}" for what, text in texts if text]


def meeting_papers(plan: Handlingsplan, follow_up: Uppfoljning | None, since: dt.date, build: dt.date, href: Href, source_of: SourceOf) -> str:
    """One section per area (a printed A4 page each): records since `since`,
    activities without any record, open review items (our readings)."""
    items = known(plan, follow_up)
    latest = newest(items)
    out = [
        f"**{md_text(plan.titel)}.** Ändringar sedan {sv_date(since)}. Byggdag {sv_date(build)}; "
        f"den nyaste posten är från {sv_date(latest) if latest else '–'}.",
        "",
    ]
    for area in plan.amnesomraden:
        rows = [k for k in items if k.area is area]
        changes = changes_since(rows, since)
        out += [f"## {area.nummer}. {md_text(area.namn)} {{ #underlag-omrade-{area.nummer} .bbg-ny-sida }}", ""]
        out += [f"### Nya poster sedan {sv_date(since)} {{ #nytt-{area.nummer} }}", ""]
        if changes:
            columns = [
                Column("Nr", lambda c: link(href(c[0].activity), c[0].activity.id), row_header=True),
                Column("Status före", lambda c: c[2].status_text if c[2] else NO_RECORD),
                Column("Status nu", lambda c: c[1].status_text),
                Column("Uppgift och underlag", lambda c: record_html(c[1], source_of)),
            ]
            out += [table(changes, labelled(columns), f"Nya poster, ämnesområde {area.nummer}", css_class=css_class("bbg-underlag"), searchable=False), ""]
        else:
            out += [f"Inga nya poster sedan {sv_date(since)}.", ""]
        out += [f"### Utan någon post {{ #utan-post-{area.nummer} }}", ""]
        out += [
            f"- {k.activity.id} {md_text(k.activity.text)} (tid: {md_text(k.activity.tid.original)}"
            + ("; tiden har gått ut" if ended(k.activity, build) else "")
            + ")"
            for k in rows
            if not k.posts
        ] or ["Alla aktiviteter har minst en post."]
        out += ["", f"### Öppna granskningspunkter {{ #granska-{area.nummer} }}", ""]
        readings = [r for k in rows for r in _readings(k)]
        out += [f"- {md_text(r)}" for r in readings] or ["Inga."]
        out.append("")
    return "\n".join(out)
