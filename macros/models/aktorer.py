"""data/aktorer.yaml: the parties behind Barnens bästa gäller! and their units."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .common import AktorRef, Entity, Kalla, NonEmptyStr, Strict


class Enhet(Entity):
    """A unit of a party (förvaltning, verksamhet, avdelning) named in the sources."""

    namespace = "aktor"
    namn: NonEmptyStr
    beskrivning: str | None = None
    kallor: list[Kalla] = Field(default_factory=list)


class Aktor(Entity):
    namespace = "aktor"
    namn: NonEmptyStr
    kortnamn: str | None = Field(None, description="Kort namn i tabeller, t.ex. 'Växjö'")
    typ: Literal["kommun", "region", "myndighet", "universitet", "fou", "ideburen-sektor", "grupp"]
    beskrivning: str | None = None
    medlemmar: list[AktorRef] = Field(default_factory=list, description="För en grupp: vilka aktörer den omfattar")
    enheter: list[Enhet] = Field(default_factory=list)
    kallor: list[Kalla] = Field(default_factory=list)


class AktorerFil(Strict):
    aktorer: list[Aktor] = Field(min_length=1)
