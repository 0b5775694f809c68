"""For the steering group: the follow-up calendar (page and iCalendar file),
when an activity's time has passed, and the differences between plan versions.
The status report itself is in render/uppfoljning.py.

Pure functions; reference dates are passed in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from ..data.models.handlingsplan import Aktivitet, Handlingsplan, Kalenderpunkt
from .escape import ics_text
from .html import Column, link, md_text, table
from .cards import css_class, labelled
from .plan import status_notes
from .text import MONTHS, sv_join


# ---------------------------------------------------------------- calendar


@dataclass(frozen=True)
class Punkt:
    plan: Handlingsplan
    activity: Aktivitet
    index: int
    item: Kalenderpunkt

    @property
    def first_year(self) -> int:
        return self.item.fran_ar or self.plan.period.first_day.year

    @property
    def last_year(self) -> int:
        return self.item.till_ar or self.plan.period.closing_day.year

    @property
    def uid(self) -> str:
        return f"{self.plan.id}-{self.activity.id}-{self.index}@barnens-basta-galler.kronoberg"

    def when(self) -> str:
        months = sv_join([MONTHS[m - 1] for m in self.item.manader]) if self.item.manader else "tid på året anges inte"
        years = str(self.first_year) if self.first_year == self.last_year else f"varje år {self.first_year}–{self.last_year}"
        return f"{months[0].upper()}{months[1:]}, {years}"


def calendar_items(plan: Handlingsplan) -> list[Punkt]:
    return [Punkt(plan, a, i, item) for a in plan.aktiviteter for i, item in enumerate(a.kalender)]


def month_spans(months: Sequence[int]) -> list[tuple[int, int]]:
    """Consecutive months as (first, last): [1, 2] -> [(1, 2)]; [4, 11] -> [(4, 4), (11, 11)]."""
    spans: list[tuple[int, int]] = []
    for m in months:
        if spans and spans[-1][1] == m - 1:
            spans[-1] = (spans[-1][0], m)
        else:
            spans.append((m, m))
    return spans


def calendar_table(plan: Handlingsplan, activity_href: Callable[[Aktivitet], str]) -> Markup:
    items = calendar_items(plan)
    columns = [
        Column("När", lambda p: p.when(), row_header=True),
        Column("Vad", lambda p: p.item.rubrik),
        Column("Aktivitet", lambda p: link(activity_href(p.activity), p.activity.id)),
        Column("Hur tiden är hämtad ur planen", lambda p: p.item.harlett),
    ]
    ordered = sorted(items, key=lambda p: (not p.item.manader, list[int](p.item.manader[:1]) or [13], p.activity.id))
    return table(ordered, labelled(columns), f"Uppföljningar som planen nämner, {plan.titel}", css_class=css_class())


def _fold(line: str) -> str:
    """RFC 5545 3.1: lines longer than 75 octets are folded."""
    raw = line.encode("utf-8")
    if len(raw) <= 75:
        return line
    parts: list[str] = []
    current = b""
    for ch in line:
        b = ch.encode("utf-8")
        if len(current) + len(b) > (75 if not parts else 74):
            parts.append(current.decode("utf-8"))
            current = b""
        current += b
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


def calendar_ics(plans: list[Handlingsplan], page_url: str | None = None) -> bytes:
    """An iCalendar file (RFC 5545) with one all-day event per month span,
    repeating yearly within the years the plan gives. Deterministic: DTSTAMP
    is the plan's last revision date, so an unchanged plan gives the same file."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Barnens bästa gäller! i Kronoberg//Handbok//SV",
        "CALSCALE:GREGORIAN",
        "X-WR-CALNAME:Barnens bästa gäller! – uppföljningar",
    ]
    for plan in plans:
        stamp = (plan.revisioner[-1].datum if plan.revisioner else plan.faststalld).strftime("%Y%m%dT000000Z")
        for p in calendar_items(plan):
            for n, (first, last) in enumerate(month_spans(p.item.manader)):
                start = dt.date(p.first_year, first, 1)
                end = dt.date(p.first_year + (last == 12), last % 12 + 1, 1)
                description = f"Aktivitet {p.activity.id}: {p.activity.text}\nHur tiden är hämtad ur planen: {p.item.harlett}"
                lines += [
                    "BEGIN:VEVENT",
                    f"UID:{n}-{p.uid}",
                    f"DTSTAMP:{stamp}",
                    f"DTSTART;VALUE=DATE:{start:%Y%m%d}",
                    f"DTEND;VALUE=DATE:{end:%Y%m%d}",
                    f"SUMMARY:{ics_text(p.item.rubrik)}",
                    f"DESCRIPTION:{ics_text(description)}",
                    "TRANSP:TRANSPARENT",
                ]
                if p.last_year > p.first_year:
                    lines.append(f"RRULE:FREQ=YEARLY;UNTIL={p.last_year}1231")
                if page_url:
                    lines.append(f"URL:{page_url}")
                lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return ("\r\n".join(_fold(line) for line in lines) + "\r\n").encode("utf-8")


# ---------------------------------------------------------------- status overview


def ended(activity: Aktivitet, as_of: dt.date) -> bool:
    """True when every period of the activity has ended before `as_of`."""
    ends = [p.last_day for p in activity.tid.perioder]
    return bool(ends) and all(e is not None and e < as_of for e in ends)


# ---------------------------------------------------------------- versions


FIELDS = {
    "text": ("Aktivitet", lambda a: a.text),
    "ansvarig": ("Ansvarig utförare", lambda a: a.ansvarig.original),
    "tid": ("Tid", lambda a: a.tid.original),
    "uppfoljning": ("Uppföljning/utvärdering", lambda a: a.uppfoljning or ""),
    "status": ("Noteringar om status", lambda a: " · ".join(status_notes(a))),
}


@dataclass(frozen=True)
class Diff:
    added: list[Aktivitet]
    removed: list[Aktivitet]
    changed: list[tuple[Aktivitet, Aktivitet, list[str]]]  # old, new, changed field labels

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


def diff(old: Handlingsplan, new: Handlingsplan) -> Diff:
    """Activities added, removed and changed between two versions of a plan."""
    before = {a.id: a for a in old.aktiviteter}
    after = {a.id: a for a in new.aktiviteter}
    changed = []
    for aid in after:
        if aid in before:
            fields = [label for label, get in FIELDS.values() if get(before[aid]) != get(after[aid])]
            if fields:
                changed.append((before[aid], after[aid], fields))
    return Diff(
        added=[after[i] for i in after if i not in before],
        removed=[before[i] for i in before if i not in after],
        changed=changed,
    )


def diff_markdown(d: Diff) -> str:
    if d.empty:
        return "Inga ändringar i aktiviteterna."
    lines = []
    if d.added:
        lines += ["**Tillagda aktiviteter**", ""] + [f"- {a.id} {md_text(a.text)}" for a in d.added] + [""]
    if d.removed:
        lines += ["**Borttagna aktiviteter**", ""] + [f"- {a.id} {md_text(a.text)}" for a in d.removed] + [""]
    if d.changed:
        lines += ["**Ändrade aktiviteter**", ""]
        for old, new, fields in d.changed:
            lines.append(f"- {new.id} {md_text(new.text)} – ändrat: {md_text(sv_join([f.lower() for f in fields]))}")
            for label, get in FIELDS.values():
                if label in fields:
                    lines.append(f"    - {md_text(label)}: före \"{md_text(get(old)) or '(tomt)'}\", efter \"{md_text(get(new)) or '(tomt)'}\"")
        lines.append("")
    return "\n".join(lines)

