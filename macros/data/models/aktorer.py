"""data/aktorer.yaml: the parties behind Barnens bästa gäller! and their units."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .common import AktorRef, Entity, Grundad, NonEmptyStr, Strict


class Enhet(Grundad, Entity):
    """A unit of a party (förvaltning, verksamhet, avdelning) named in the sources."""

    namespace = "aktor"
    namn: NonEmptyStr
    beskrivning: str | None = None


class Aktor(Grundad, Entity):
    namespace = "aktor"
    namn: NonEmptyStr
    kortnamn: str | None = Field(None, description="Kort namn i tabeller, t.ex. 'Växjö'")
    forkortning: str | None = Field(
        None,
        pattern=r"^[A-ZÅÄÖÉ][A-Za-zÅÄÖÉåäöé]{1,4}$",
        description="Förkortning i ansvarsmatrisen (2–5 bokstäver), t.ex. 'VÄX'; förklaras i matrisens teckenförklaring",
    )
    typ: Literal["kommun", "region", "myndighet", "universitet", "fou", "ideburen-sektor", "grupp"]
    beskrivning: str | None = None
    medlemmar: list[AktorRef] = Field(default_factory=list, description="För en grupp: vilka aktörer den omfattar")
    enheter: list[Enhet] = Field(default_factory=list)


class AktorerFil(Strict):
    aktorer: list[Aktor] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_abbreviations(self) -> AktorerFil:
        seen: dict[str, str] = {}
        for a in self.aktorer:
            if a.forkortning is None:
                continue
            if a.forkortning.upper() in seen:
                raise ValueError(
                    f'förkortningen "{a.forkortning}" används av både "{seen[a.forkortning.upper()]}" och "{a.id}"; '
                    "varje part behöver en egen förkortning i ansvarsmatrisen"
                )
            seen[a.forkortning.upper()] = a.id
        return self
