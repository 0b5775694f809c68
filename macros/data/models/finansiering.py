"""data/finansiering.yaml: the financing decided in 2018, exactly as published.

Published figures stay as published (`original`, `belopp`); what we read out
of an ambiguous figure goes in `tolkning`. The cross-check in
macros/render/finansiering.py compares the figures with each other in the open.
"""

from __future__ import annotations

import re
from decimal import Decimal

from pydantic import Field, model_validator

from .common import AktorRef, Entity, Grund, Kalla, NonEmptyStr, Strict


class Belopp(Strict):
    original: NonEmptyStr = Field(description="Beloppet som det står i källan, t.ex. '1 036 mkr'")
    kronor: Decimal = Field(ge=0, description="Beloppet i kronor som vi läser det")
    tolkning: str | None = Field(None, description="Hur ett tvetydigt belopp har lästs, t.ex. fel enhet")


class Kostnadspost(Strict):
    post: NonEmptyStr
    belopp: Belopp


FAKTOR = r"^\d+(,\d+)?$|^\d+/\d+$"


class Harledning(Strict):
    """How a column's figures can be read out of another column (our reading:
    the source does not say how the column was computed)."""

    fran_kolumn: str = Field(pattern=r"^[a-z0-9-]+$", description="Kolumnen beloppen räknas från")
    faktor: str = Field(pattern=FAKTOR, description="Faktorn, t.ex. '0,33' eller '1/3'")
    faktor_per_kommun: dict[AktorRef, str] = Field(default_factory=dict, description="Kommuner med en annan faktor, t.ex. vaxjo: '1/3'")
    grund: Grund = Field(description="Vad läsningen vilar på (normalt typ: tolkning)")

    @model_validator(mode="after")
    def _factors(self):
        for k, f in self.faktor_per_kommun.items():
            if not re.match(FAKTOR, f):
                raise ValueError(f"faktor_per_kommun.{k}: '{f}' har fel form (skriv t.ex. 0,33 eller 1/3)")
        return self


class Kolumn(Strict):
    id: str = Field(pattern=r"^[a-z0-9-]+$")
    rubrik: NonEmptyStr = Field(description="Kolumnrubriken ordagrant")
    ar: int | None = Field(None, ge=1900, le=2100, description="Året kolumnen gäller, när den gäller ett helt år (t.ex. 2019)")
    summa: Belopp = Field(description="Totalen som står under kolumnen")
    bas: Belopp | None = Field(None, description="Beloppet som andelarna avser, när källan anger det (t.ex. 668 000 kr/år)")
    harledning: Harledning | None = Field(None, description="När kolumnens belopp kan läsas ut ur en annan kolumn")


class Kommunandel(Strict):
    aktor: AktorRef
    andel_original: NonEmptyStr = Field(description="Andelen som den står, t.ex. '44,79%'")
    andel: Decimal = Field(ge=0, le=100, description="Andelen i procent")
    belopp: dict[str, Decimal] = Field(description="Publicerat belopp i kronor per kolumn-id")


class Finansiering(Entity):
    namespace = "finansiering"
    rubrik: NonEmptyStr
    kallor: list[Kalla] = Field(min_length=1)
    beskrivning: str | None = None
    kostnader: list[Kostnadspost] = Field(min_length=1)
    summa_per_ar: Belopp
    region: Belopp = Field(description="Region Kronobergs del per år")
    region_aktor: AktorRef = "region-kronoberg"
    kommunernas_fordelning: NonEmptyStr = Field(description="Grunden för kommunernas fördelning, t.ex. 2014 års skatteunderlag")
    kolumner: list[Kolumn] = Field(min_length=1)
    andel_summa_original: NonEmptyStr = Field(description="Totalen i andelskolumnen som den står, t.ex. '100,0%'")
    kommuner: list[Kommunandel] = Field(min_length=1)

    @model_validator(mode="after")
    def _columns(self):
        ids = [k.id for k in self.kolumner]
        for k in self.kolumner:
            if k.harledning and k.harledning.fran_kolumn not in ids:
                raise ValueError(f"kolumnen {k.id}: harledning.fran_kolumn '{k.harledning.fran_kolumn}' finns inte bland {ids}")
        for row in self.kommuner:
            if sorted(row.belopp) != sorted(ids):
                raise ValueError(f"{row.aktor}: belopp ska finnas för kolumnerna {ids}, inte {sorted(row.belopp)}")
        return self


class FinansieringFil(Strict):
    finansiering: list[Finansiering] = Field(min_length=1)
