"""data/handlingsplan/<period>.yaml: one county action plan per file.

Every cell of the published plan is kept verbatim (`original`, `text`), and
beside it what we read out of it (references, periods). Nothing is corrected
silently: where the source has an evident typo, `tolkning` says how it was read.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, model_validator

from .common import AktorRef, Entity, FieldProblem, Kalla, NonEmptyStr, Period, Ref, RollRef, Strict, parse_period

MANADER = Literal[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]


class Part(Strict):
    """One responsible party of an activity: a role, a party, or both
    (a role at a party, e.g. Växjö kommuns digitaliseringsansvarig)."""

    roll: RollRef | None = None
    aktor: AktorRef | None = None
    text: str | None = Field(None, description="Den del av originaltexten som avses, när den behöver förtydligas")
    ansvar: Literal["utforare", "samverkan", "stod"] = Field(
        "utforare", description="utforare = ansvarig utförare; samverkan = i samverkan med; stod = bistår / med stöd av"
    )

    @model_validator(mode="after")
    def _something(self):
        if not (self.roll or self.aktor or self.text):
            raise ValueError("en ansvarig part behöver 'roll', 'aktor' eller 'text'")
        return self


class Ansvarig(Strict):
    original: NonEmptyStr = Field(description="Cellen 'Ansvarig utförare' ordagrant")
    parter: list[Part] = Field(min_length=1)


class Tidsperiod(Strict):
    start: Period
    slut: Period | None = Field(None, description="Sista år/kvartal/månad; utelämnas när perioden är en enda tidpunkt eller öppen")
    oppen: bool = Field(False, description="Sant när planen anger en start men inget slut")

    @model_validator(mode="after")
    def _order(self):
        if self.slut is not None and self.oppen:
            raise ValueError("en öppen period har inget 'slut'")
        if self.slut is not None and parse_period(self.slut)[1] < parse_period(self.start)[0]:
            raise ValueError(f"perioden slutar ({self.slut}) före start ({self.start})")
        return self

    @property
    def end(self) -> str | None:
        """The last period: `slut`, or `start` itself for a single year/quarter/month;
        None for an open end."""
        if self.oppen:
            return None
        return self.slut or self.start

    @property
    def first_day(self) -> dt.date:
        return parse_period(self.start)[0]

    @property
    def last_day(self) -> dt.date | None:
        return None if self.end is None else parse_period(self.end)[1]

    @property
    def closing_day(self) -> dt.date:
        """The last day of a period that ends (a plan's period; an open one is an error)."""
        if self.last_day is None:
            raise ValueError(f"perioden {self.start}– saknar slut")
        return self.last_day


class Aterkommande(Strict):
    frekvens: Literal["arligen"] = "arligen"
    manader: list[MANADER] = Field(min_length=1, description="Månader (1–12) då det återkommer")
    harlett_ur: Literal["tid", "aktivitet"] = Field(
        "tid", description="Vilken kolumn månaderna är hämtade ur"
    )


class Tid(Strict):
    original: NonEmptyStr = Field(description="Cellen 'Tid' ordagrant")
    perioder: list[Tidsperiod] = Field(default_factory=list)
    aterkommande: Aterkommande | None = None
    tolkning: str | None = Field(None, description="Hur originaltexten tolkats, t.ex. vid skrivfel")


class Statusnotering(Strict):
    text: NonEmptyStr = Field(description="Noteringen ordagrant")
    plats: Literal["uppfoljningskolumnen", "extra_kolumn"] = Field(
        description="Var i planen noteringen står: i kolumnen Uppföljning/utvärdering eller i en extra cell efter den"
    )
    datum: dt.date | None = Field(None, description="Datum som noteringen anger, när ett sådant går att läsa ut")
    tolkning: str | None = None


class Kalenderpunkt(Strict):
    """A follow-up the plan names at a time of year, for the steering group's
    calendar. Only what the plan states or implies; `harlett` says how."""

    rubrik: NonEmptyStr = Field(description="Vad som händer, t.ex. 'Budget och resursplanering fastställs'")
    manader: list[MANADER] = Field(default_factory=list, description="Månader (1–12); tom lista = planen anger ingen tid på året")
    fran_ar: int | None = Field(None, ge=1900, le=2100, description="Första året; utelämnat = planperiodens första år")
    till_ar: int | None = Field(None, ge=1900, le=2100, description="Sista året; utelämnat = planperiodens sista år")
    harlett: NonEmptyStr = Field(description="Hur tiden är hämtad ur planen, med planens ord")

    @model_validator(mode="after")
    def _years(self):
        if self.fran_ar and self.till_ar and self.till_ar < self.fran_ar:
            raise FieldProblem("till_ar", f"till_ar ({self.till_ar}) är före fran_ar ({self.fran_ar})")
        if sorted(set(self.manader)) != list(self.manader):
            raise FieldProblem("manader", "månaderna ska stå i ordning och bara en gång")
        return self


class Aktivitet(Entity):
    namespace = "aktivitet"
    scope = "handlingsplan"  # numbers are unique within one plan
    id: str = Field(pattern=r"^\d+\.\d+$", description="Aktivitetens nummer i planen, t.ex. '2.3'")
    text: NonEmptyStr = Field(description="Cellen 'Aktiviteter' ordagrant")
    ansvarig: Ansvarig
    tid: Tid
    uppfoljning: str | None = Field(None, description="Cellen 'Uppföljning/utvärdering' ordagrant; tom cell = null")
    status: Literal["inte_redovisad"] | list[Statusnotering] = Field(
        description="Vad planen noterar om hur aktiviteten gått; 'inte_redovisad' när planen inte säger något"
    )
    tolkning: str | None = Field(None, description="Anmärkning om hur aktivitetens text lästs")
    kalender: list[Kalenderpunkt] = Field(default_factory=list, description="Återkommande eller daterade uppföljningar som planen nämner")

    @model_validator(mode="after")
    def _status_matches_cell(self):
        if isinstance(self.status, list):
            if not self.status:
                raise FieldProblem("status", "skriv status: inte_redovisad i stället för en tom lista")
            for i, note in enumerate(self.status):
                if note.plats == "uppfoljningskolumnen" and note.text != self.uppfoljning:
                    raise FieldProblem(
                        ("status", i, "text"),
                        f'statusnoteringen "{note.text}" ska stå i uppföljningskolumnen men kolumnen lyder "{self.uppfoljning}"'
                    )
        return self


class Amnesomrade(Strict):
    nummer: int = Field(ge=1)
    rubrik: NonEmptyStr = Field(description="Rubriken ordagrant som i planen")
    namn: NonEmptyStr = Field(description="Rubriken i läsbar form (gemener)")
    aktiviteter: list[Aktivitet] = Field(min_length=1)

    @model_validator(mode="after")
    def _numbers(self):
        for i, a in enumerate(self.aktiviteter):
            if a.id.split(".")[0] != str(self.nummer):
                raise FieldProblem(("aktiviteter", i, "id"), f"aktivitet {a.id} hör inte till ämnesområde {self.nummer}")
        return self


class Revision(Strict):
    datum: dt.date
    original: str | None = Field(None, description="Datumet som det står i planen, t.ex. '200904'")
    beskrivning: str | None = Field(None, description="Vad som ändrades, när källan säger det")


class Handlingsplan(Entity):
    namespace = "handlingsplan"
    titel: NonEmptyStr
    vision: NonEmptyStr
    period: Tidsperiod
    faststalld: dt.date
    faststalld_av: RollRef
    revisioner: list[Revision] = Field(default_factory=list)
    parter: list[AktorRef] = Field(min_length=1)
    kallor: list[Kalla] = Field(default_factory=list)
    amnesomraden: list[Amnesomrade] = Field(min_length=1)

    @model_validator(mode="after")
    def _order(self):
        nums = [o.nummer for o in self.amnesomraden]
        if nums != list(range(1, len(nums) + 1)):
            raise FieldProblem("amnesomraden", f"ämnesområdena ska vara numrerade 1, 2, 3 … i ordning (nu {nums})")
        dates = [self.faststalld, *(r.datum for r in self.revisioner)]
        if dates != sorted(dates) or len(set(dates)) != len(dates):
            raise FieldProblem("revisioner", "revisionerna ska komma efter fastställandet och i datumordning")
        return self

    @property
    def aktiviteter(self) -> list[Aktivitet]:
        return [a for o in self.amnesomraden for a in o.aktiviteter]


class Planversion(Handlingsplan):
    """An earlier wording of a plan, as it read from `galler_fran` until the
    next version (data/handlingsplan-versioner/<plan>--<date>.yaml). The
    current wording is the plan file itself. The revision history compares
    consecutive versions."""

    plan: Annotated[str, Ref("handlingsplan")] = Field(description="Planens id, t.ex. 2019-2023")
    galler_fran: dt.date = Field(description="Datum då den här lydelsen fastställdes eller reviderades")
