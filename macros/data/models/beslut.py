"""data/beslut.yaml: the decision history, dated, each entry tied to what it concerns."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field

from .common import AktorRef, Entity, Grund, Grundad, NonEmptyStr, Ref, RollRef, Strict


class Beslut(Grundad, Entity):
    namespace = "beslut"
    datum: dt.date | None = Field(None, description="Dagen, när källan anger den")
    tid: NonEmptyStr = Field(description="Tiden i klarspråk, t.ex. '2017', 'december 2018', '4 september 2020'")
    tid_original: str | None = Field(None, description="Tiden som källan skriver den, när den skiljer sig, t.ex. '200904'")
    typ: Literal["beslut", "beredning", "handlingsplan", "finansiering", "studiebesok", "forskning", "organisation"]
    rubrik: NonEmptyStr
    beslutande: str | None = Field(None, description="Vem som beslutade, med källans ord")
    paragraf: str | None = Field(None, description="Paragraf och diarienummer, t.ex. 'Bu § 96, dnr 2018/0234'")
    beredning: list[NonEmptyStr] = Field(default_factory=list, description="Hur ärendet bereddes, med datum och paragraf")
    beslut: list[NonEmptyStr] = Field(default_factory=list, description="Vad som beslutades, med källans ord")
    ordagrant: bool = Field(False, description="Sant när beslut och beredning är ordagranna citat ur källan (visas inom citattecken)")
    roller: list[RollRef] = Field(default_factory=list, description="Roller som beslutet gäller")
    aktorer: list[AktorRef] = Field(default_factory=list, description="Parter som beslutet gäller")
    aktorer_grund: Grund | None = Field(None, description="Grunden för kopplingen till parterna när källan inte säger den (t.ex. tolkning)")
    handlingsplan: Annotated[str, Ref("handlingsplan")] | None = None


class BeslutFil(Strict):
    beslut: list[Beslut] = Field(min_length=1)
