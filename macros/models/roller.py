"""data/roller.yaml: bodies and roles (styrgrupp, processledare, BBA …)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .common import AktorRef, Entity, Kalla, NonEmptyStr, RollRef, Strict


class Roll(Entity):
    namespace = "roll"
    namn: NonEmptyStr
    typ: Literal["organ", "funktion", "praktikroll"] = Field(
        description="organ = grupp som möts (styrgrupp …); funktion = uppdrag i styrningen; praktikroll = roll i arbetet kring barnet"
    )
    beskrivning: str | None = None
    organisation: list[AktorRef] = Field(default_factory=list, description="Aktörer som rollen finns hos")
    rapporterar_till: list[RollRef] = Field(default_factory=list)
    kallor: list[Kalla] = Field(default_factory=list)


class RollerFil(Strict):
    roller: list[Roll] = Field(min_length=1)
