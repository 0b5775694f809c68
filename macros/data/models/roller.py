"""data/roller.yaml: bodies and roles (styrgrupp, processledare, BBA …)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from pydantic import Field

from .common import AktorRef, Entity, Grund, Grundad, Kalla, NonEmptyStr, RollRef, Strict


class Sammansattning(Strict):
    """Who sits in a body, in one dated version (a proposal, a later plan)."""

    version: NonEmptyStr = Field(description="T.ex. 'Förslaget 2018' eller 'Enligt handlingsplanen 2020'")
    datum: dt.date | None = Field(None, description="Datum för dokumentet som beskriver sammansättningen")
    ledamoter: list[NonEmptyStr] = Field(min_length=1, description="Funktionerna, med källans ord")
    kallor: list[Kalla] = Field(min_length=1)


class Bemanning(Strict):
    """How many full-time posts a function has, as a source states it."""

    period: NonEmptyStr = Field(description="T.ex. 'Förslaget 2018' eller '2020–2021'")
    arsarbetare: Decimal = Field(gt=0, description="Antal helårsarbetare")
    original: NonEmptyStr = Field(description="Källans ordalydelse")
    kallor: list[Kalla] = Field(min_length=1)


class Roll(Grundad, Entity):
    namespace = "roll"
    namn: NonEmptyStr
    typ: Literal["organ", "funktion", "praktikroll"] = Field(
        description="organ = grupp som möts (styrgrupp …); funktion = uppdrag i styrningen; praktikroll = roll i arbetet kring barnet"
    )
    beskrivning: str | None = None
    beskrivning_grund: Grund | None = Field(
        None, description="Grunden för beskrivningens sista mening när den är handbokens läsning (t.ex. tolkning)"
    )
    syfte: str | None = Field(None, description="Varför rollen finns, med källans ord så långt det går")
    mandat: str | None = Field(None, description="Vad rollen får besluta om")
    uppgifter: list[NonEmptyStr] = Field(default_factory=list, description="Uppgifter som källorna nämner (inte aktiviteter i handlingsplanen – de hämtas ur planen)")
    sammansattning: list[Sammansattning] = Field(default_factory=list)
    bemanning: list[Bemanning] = Field(default_factory=list)
    leds_av: str | None = Field(None, description="Vem som leder eller arbetsleder rollen, med källans ord")
    organisation: list[AktorRef] = Field(default_factory=list, description="Aktörer som rollen finns hos")
    rapporterar_till: list[RollRef] = Field(default_factory=list)
    rapporterar_till_grund: Grund | None = Field(
        None, description="Grunden för rapportvägen när ingen källa anger den (t.ex. forslag: ritad för tydlighetens skull)"
    )
    organisation_grund: Grund | None = Field(None, description="Grunden för 'organisation' när ingen källa anger den")
    vagledning: str | None = Field(
        None,
        pattern=r"^[a-z0-9][a-z0-9/-]*\.md$",
        description="Vägledningen om rollen i arbetet runt barnet (sida i docs/, t.ex. praxismodellen/bba.md). "
        "Rollens sida får då en egen titel och länkar vägledningen först.",
    )


class RollerFil(Strict):
    roller: list[Roll] = Field(min_length=1)
