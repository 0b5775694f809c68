"""data/kallor.yaml: the source documents the site's facts trace to."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from .common import Entity, GrundKontrolleras, NonEmptyStr, Strict, Url


class Dokument(Entity):
    namespace = "kalla"
    titel: NonEmptyStr
    typ: Literal["beslutsunderlag", "protokoll", "handlingsplan", "webbsida", "rapport", "lag", "vagledning"]
    utfardare: str | None = Field(None, description="Vem som står bakom dokumentet")
    datum: dt.date | None = None
    beskrivning: str | None = None
    url: Url | None = None
    fil: str | None = Field(None, description="Källfilens namn bland projektets källdokument (shared/seeds)")
    innehall: GrundKontrolleras | None = Field(
        None, description="När källans innehåll inte har kunnat bekräftas: {typ: kontrolleras, saknas: ...}"
    )


class KallorFil(Strict):
    dokument: list[Dokument] = Field(min_length=1)
