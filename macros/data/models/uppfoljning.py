"""data/uppfoljning/<plan>.yaml: what is known about each activity of a plan,
as dated records (poster), each resting on a named record.

The plan's own notes (its cells as of its last revision) are the first records,
verbatim. A later record is added only when a source says something about that
activity: a steering-group minute, an annual report, a news item or a web page.
The status is one of a small vocabulary and is never inferred: when the record
does not give a status, it is `okand`.

Checked after loading (macros/data/site.py, `check_uppfoljning`): the file's id is a
plan, every activity exists in that plan, and no record is dated after the
build date (macros/builddate.py).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator

from .common import Entity, FieldProblem, Kalla, NonEmptyStr, Strict

# The vocabulary: data key -> the word the site shows.
STATUSAR = {
    "genomford": "genomförd",
    "pagar": "pågår",
    "inte-paborjad": "inte påbörjad",
    "avslutad-utan-atgard": "avslutad utan åtgärd",
    "okand": "okänd",
}
Status = Literal["genomford", "pagar", "inte-paborjad", "avslutad-utan-atgard", "okand"]

# What kind of record a follow-up rests on: data key -> the words the site shows.
UNDERLAG = {
    "handlingsplan": "handlingsplanen",
    "styrgruppsprotokoll": "styrgruppens protokoll eller minnesanteckningar",
    "arsrapport": "årsrapport",
    "nyhet": "nyhet",
    "webbsida": "webbsida",
    "rapport": "rapport",
}


class Post(Strict):
    """One dated record about an activity."""

    datum: dt.date = Field(description="Dagen uppgiften avser eller publicerades (ÅÅÅÅ-MM-DD); aldrig senare än byggdagen")
    status: Status = Field(description="genomford, pagar, inte-paborjad, avslutad-utan-atgard eller okand (när källan inte anger status)")
    rapporterat: NonEmptyStr = Field(description="Vad som rapporterades, ordagrant ur källan")
    underlag: Literal["handlingsplan", "styrgruppsprotokoll", "arsrapport", "nyhet", "webbsida", "rapport"] = Field(
        description="Vilket slags underlag posten vilar på"
    )
    kalla: Kalla = Field(description="Underlaget: {dokument: <id i data/kallor.yaml>, avsnitt: ...} eller {titel, url}")
    kontrollerad: dt.date | None = Field(None, description="Dagen en webbkälla lästes, ÅÅÅÅ-MM-DD")
    tolkning: str | None = Field(None, description="Hur statusen är läst ur källans ord, när det behöver sägas")

    @model_validator(mode="after")
    def _checked(self):
        if self.kalla.url and not self.kontrollerad:
            raise FieldProblem("kontrollerad", "en källa med webbadress behöver datumet den lästes (kontrollerad: ÅÅÅÅ-MM-DD)")
        if self.kontrollerad and self.kontrollerad < self.datum:
            raise FieldProblem("kontrollerad", f"källan kan inte ha lästs ({self.kontrollerad}) före postens datum ({self.datum})")
        return self

    @property
    def status_text(self) -> str:
        return STATUSAR[self.status]


class Aktivitetsuppfoljning(Strict):
    """Every record about one activity of the plan, in date order."""

    id: str = Field(pattern=r"^\d+\.\d+$", description="Aktivitetens nummer i planen, t.ex. '2.3'")
    poster: list[Post] = Field(min_length=1)

    @model_validator(mode="after")
    def _order(self):
        for i in range(1, len(self.poster)):
            if self.poster[i].datum < self.poster[i - 1].datum:
                raise FieldProblem(("poster", i, "datum"), "posterna ska stå i datumordning, äldst först")
        return self

    @property
    def senaste(self) -> Post:
        return self.poster[-1]


class Uppfoljning(Entity):
    """The follow-up of one plan: `id` is the plan's id (and the file's name)."""

    namespace = "uppfoljning"
    aktiviteter: list[Aktivitetsuppfoljning] = Field(default_factory=list)

    @model_validator(mode="after")
    def _once(self) -> Uppfoljning:
        seen: set[str] = set()
        for i, a in enumerate(self.aktiviteter):
            if a.id in seen:
                raise FieldProblem(("aktiviteter", i, "id"), f"aktivitet {a.id} står redan i filen; samla dess poster på ett ställe")
            seen.add(a.id)
        return self

    def of(self, activity_id: str) -> Aktivitetsuppfoljning | None:
        return next((a for a in self.aktiviteter if a.id == activity_id), None)
