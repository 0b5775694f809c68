"""data/beslut.yaml: the decision history, dated, each entry tied to what it concerns."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field

from .common import AktorRef, Entity, Kalla, NonEmptyStr, Ref, RollRef, Strict


class Beslut(Entity):
    namespace = "beslut"
    datum: dt.date | None = Field(None, description="Dagen, när källan anger den")
    tid: NonEmptyStr = Field(description="Tiden som källan anger den, t.ex. '2017', 'december 2018', '2018-05-23'")
    typ: Literal["beslut", "beredning", "handlingsplan", "finansiering", "studiebesok", "forskning"]
    rubrik: NonEmptyStr
    beslutande: str | None = Field(None, description="Vem som beslutade, med källans ord")
    paragraf: str | None = Field(None, description="Paragraf och diarienummer, t.ex. 'Bu § 96, dnr 2018/0234'")
    beredning: list[NonEmptyStr] = Field(default_factory=list, description="Hur ärendet bereddes, med datum och paragraf")
    beslut: list[NonEmptyStr] = Field(default_factory=list, description="Vad som beslutades, med källans ord")
    roller: list[RollRef] = Field(default_factory=list, description="Roller som beslutet gäller")
    aktorer: list[AktorRef] = Field(default_factory=list, description="Parter som beslutet gäller")
    handlingsplan: Annotated[str, Ref("handlingsplan")] | None = None
    kallor: list[Kalla] = Field(min_length=1)


class BeslutFil(Strict):
    beslut: list[Beslut] = Field(min_length=1)
