"""The organisation index: parties, their units and groups, roles, and who
answers for which activity of an action plan (directly, through a unit, a
group or a role). Logic over the data, no markup; the tables and pages are in
macros/render/organisation.py."""

from __future__ import annotations

from dataclasses import dataclass

from ..data.models.aktorer import Aktor
from ..data.models.handlingsplan import Aktivitet, Handlingsplan, Part
from ..data.models.roller import Roll
from ..data.site import SiteData

ANSVAR = {"utforare": "Ansvarig", "samverkan": "I samverkan", "stod": "Stöd"}


@dataclass(frozen=True)
class Responsibility:
    activity: Aktivitet
    ansvar: str  # utforare | samverkan | stod
    via: str | None  # None = named directly; else how: "gruppen Länets kommuner", "rollen Processledarna"
    named: bool = True  # the plan's cell names the party (itself, a unit, a group it is in); False: only through a role or body
    cell: str | None = None  # the words of the plan's cell that name the party through its group ("Respektive kommun")

    @property
    def label(self) -> str:
        text = ANSVAR[self.ansvar]
        if self.via and self.named and self.cell:
            return f"{text} (planen: ”{self.cell}”)"
        return f"{text} (genom {self.via})" if self.via else text


class Org:
    """Lookups over parties and roles that the generators share."""

    def __init__(self, aktorer: list[Aktor], roller: list[Roll]):
        self.aktorer = {a.id: a for a in aktorer}
        self.roller = {r.id: r for r in roller}
        self.unit_of: dict[str, str] = {u.id: a.id for a in aktorer for u in a.enheter}
        self.units = {u.id: u for a in aktorer for u in a.enheter}
        self.groups_of: dict[str, list[str]] = {}
        for a in aktorer:
            for member in a.medlemmar:
                self.groups_of.setdefault(member, []).append(a.id)

    def name(self, aktor_id: str) -> str:
        if aktor_id in self.aktorer:
            return self.aktorer[aktor_id].namn
        unit = self.units[aktor_id]
        return f"{unit.namn} ({self.aktorer[self.unit_of[aktor_id]].namn})"

    def short(self, aktor_id: str) -> str:
        a = self.aktorer[aktor_id]
        return a.kortnamn or a.namn

    def abbr(self, aktor_id: str) -> str:
        """The party's abbreviation in the matrix (data), else its short name."""
        a = self.aktorer[aktor_id]
        return a.forkortning or self.short(aktor_id)

    def owner(self, aktor_id: str) -> str:
        """A unit's party; a party itself."""
        return self.unit_of.get(aktor_id, aktor_id)

    def party_responsibilities(self, plan: Handlingsplan, party: str) -> list[Responsibility]:
        """Every activity of the plan the party answers for, in plan order."""
        groups = self.groups_of.get(party, [])
        out = []
        for act in plan.aktiviteter:
            found: Responsibility | None = None
            for part in act.ansvarig.parter:
                hit = None
                if part.aktor and self.owner(part.aktor) == party:
                    hit = Responsibility(act, part.ansvar, None if part.aktor == party else f"enheten {self.units[part.aktor].namn}")
                elif part.aktor and part.aktor in groups:
                    hit = Responsibility(act, part.ansvar, f"gruppen {self.aktorer[part.aktor].namn}", cell=part.text)
                elif part.roll and not part.aktor:
                    role = self.roller[part.roll]
                    if party in role.organisation or any(g in role.organisation for g in groups):
                        hit = Responsibility(act, part.ansvar, f"rollen {role.namn}", named=False)
                if hit and (found is None or rank(hit) < rank(found)):
                    found = hit
            if found:
                out.append(found)
        return out

    def role_responsibilities(self, plan: Handlingsplan, role_id: str) -> list[Responsibility]:
        out = []
        for act in plan.aktiviteter:
            parts = [p for p in act.ansvarig.parter if p.roll == role_id]
            if parts:
                best = min(parts, key=lambda p: list(ANSVAR).index(p.ansvar))
                where = sorted({self.name(p.aktor) for p in parts if p.aktor})
                out.append(Responsibility(act, best.ansvar, ("hos " + ", ".join(where)) if where else None))
        return out

    def parties_in_plan(self, plan: Handlingsplan) -> list[str]:
        """Parties with at least one responsibility, in data order."""
        return [a for a in self.aktorer if self.party_responsibilities(plan, a)]

    def roles_in_plan(self, plan: Handlingsplan) -> list[str]:
        return [r for r in self.roller if self.role_responsibilities(plan, r)]


def rank(r: Responsibility) -> tuple[int, int, int]:
    return (0 if r.via is None else 1, 0 if r.named else 1, list(ANSVAR).index(r.ansvar))


def organisation(site: SiteData) -> Org:
    """The organisation index (parties, units, groups, roles), derived once per build."""
    return Org(site.aktorer.aktorer, site.roller.roller)


def part_name(site: SiteData, part: Part) -> str:
    """Name of a responsible part of an activity, from the data."""
    names = []
    if part.roll:
        names.append(site.get("roll", part.roll).namn)
    if part.aktor:
        names.append(site.get("aktor", part.aktor).namn)
    text = " – ".join(names) if names else ""
    return text or (part.text or "")
