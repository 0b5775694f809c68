"""data/andringar.yaml: change notes that trainers and readers can follow.

Each note says when a page changed, which pages (addresses from
data/adresser.yaml), what changed in plain Swedish, and how much it matters:
a new page, a change of meaning, or a change of wording only.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, field_validator

from .common import Entity, NonEmptyStr, Ref, Strict

# An address in data/adresser.yaml, e.g. "/praxismodellen/bba/".
AdressRef = Annotated[str, Ref("adress")]

KINDS = {"ny": "ny", "andrad-innebord": "ändrad innebörd", "spraklig": "språklig"}


class Andring(Entity):
    namespace = "andring"
    datum: dt.date = Field(description="Dagen då ändringen publicerades (ÅÅÅÅ-MM-DD)")
    typ: Literal["ny", "andrad-innebord", "spraklig"] = Field(
        description="ny = ny sida eller nytt innehåll; andrad-innebord = innehållet betyder något annat nu; spraklig = bara språket"
    )
    sidor: list[AdressRef] = Field(min_length=1, description="Sidorna som ändrades, med adresser ur data/adresser.yaml")
    sammanfattning: NonEmptyStr = Field(description="Vad som ändrades, på klarspråk, en till tre meningar")

    @field_validator("sidor")
    @classmethod
    def _once(cls, sidor: list[str]) -> list[str]:
        twice = sorted({s for s in sidor if sidor.count(s) > 1})
        if twice:
            raise ValueError(f"samma sida står två gånger: {', '.join(twice)}")
        return sidor


class AndringarFil(Strict):
    andringar: list[Andring] = Field(min_length=1)
