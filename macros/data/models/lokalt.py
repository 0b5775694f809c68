"""data/lokalt.yaml: the local layer (issue 21). For each of the eight
municipalities, how a practitioner reaches socialtjänsten about a child
(daytime, after hours, e-service), the municipality's own pages on Barnens
bästa gäller and its local functions; and the county-wide routes to BVC, MVC,
BUP, elevhälsa and the police.

Functions, switchboards and service numbers only: never a named person, a
personal e-mail address or a person's mobile number. Every number comes from
a public source (`kallor`) with the date it was read (`kontrollerad`); a slot
no source fills stays in the file with `grund: {typ: kontrolleras, saknas: …}`
and is shown as such on the site and in the review queue.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, field_validator, model_validator

from .common import AktorRef, Entity, FieldProblem, Grundad, ID_PATTERN, NonEmptyStr, Ref, Strict, Url, text_field

# ---------------------------------------------------------------- phone numbers

SHORT_NUMBERS = ("112", "114 14", "1177", "113 13")
# Riktnummer (0 + 1–3 digits), a hyphen, then the number in groups: 0470-410 00, 010-123 45 67.
_PHONE = re.compile(r"^0[1-9]\d{0,2}-\d{2,3}(?: \d{2,3}){0,3}$")
# Mobile series: a mobile number is as a rule a person's, never a function's.
_MOBILE = ("070", "072", "073", "076", "079")


def check_phone(value: str) -> str:
    """A Swedish phone number as the handbook writes it: "0470-410 00", or a
    short number (112, 114 14, 1177, 113 13). Raises ValueError (Swedish)."""
    if value in SHORT_NUMBERS:
        return value
    if not _PHONE.match(value):
        raise ValueError(
            f'"{value}" är inget telefonnummer i handbokens form; skriv riktnummer, bindestreck och numret i grupper, '
            f"till exempel 0470-410 00, eller ett kortnummer: {', '.join(SHORT_NUMBERS)}"
        )
    digits = re.sub(r"\D", "", value)
    if not 7 <= len(digits) <= 10:
        raise ValueError(f'"{value}" har {len(digits)} siffror; ett svenskt nummer med riktnummer har 7–10 siffror')
    if digits.startswith(_MOBILE):
        raise ValueError(
            f'"{value}" är ett mobilnummer; ange kommunens växel eller ett funktionsnummer, aldrig en persons mobilnummer'
        )
    return value


def _number_as_text(value):
    # `telefon: 112` in YAML is a number; the handbook writes it as text.
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _phone_before(value):
    value = _number_as_text(value)
    return check_phone(value) if isinstance(value, str) else value


Telefon = Annotated[
    str,
    BeforeValidator(_phone_before),
    text_field(
        r"^(112|114 14|1177|113 13|0[1-9][0-9]{0,2}-[0-9]{2,3}( [0-9]{2,3}){0,3})$",
        "Växel, funktionsnummer eller kortnummer, t.ex. 0470-410 00, 112, 114 14 (aldrig en persons mobil)",
        "0470-410 00", "112", "114 14",
    ),
]


def tel_href(number: str) -> str:
    """The tel: address of a number: "0470-410 00" -> "tel:+4647041000", "112" -> "tel:112"."""
    digits = re.sub(r"\D", "", check_phone(number))
    return "tel:+46" + digits[1:] if digits.startswith("0") else "tel:" + digits


# ---------------------------------------------------------------- entries


def _unconfirmed(entry: Grundad) -> bool:
    return entry.grund is not None and entry.grund.typ == "kontrolleras"


def _check_dated(entry, read: str) -> None:
    """A confirmed entry says the day its source (`read`: "sidan", "källan")
    was read; one still to be confirmed (grund: kontrolleras) has no such day."""
    if not _unconfirmed(entry) and entry.kontrollerad is None:
        raise FieldProblem("kontrollerad", f"ange dagen då {read} lästes (ÅÅÅÅ-MM-DD)")
    if _unconfirmed(entry) and entry.kontrollerad is not None:
        raise FieldProblem("kontrollerad", "en uppgift som kontrolleras har inget kontrollerat datum; ta bort 'kontrollerad'")


class Kontaktvag(Grundad):
    """One way to reach a function: a phone number, a web address (e-service
    or page) or both, with office hours, the source and the date it was read."""

    funktion: NonEmptyStr = Field(description="Vem du når: en funktion (mottagning, växel, socialjour), aldrig en namngiven person")
    telefon: Telefon | None = None
    tider: str | None = Field(None, description="Telefontider eller när vägen gäller, som källan skriver dem")
    webb: Url | None = Field(None, description="E-tjänst eller sida där vägen finns")
    kontrollerad: dt.date | None = Field(None, description="Dagen då källan lästes (ÅÅÅÅ-MM-DD); inte för en uppgift som kontrolleras")

    @model_validator(mode="after")
    def _sourced(self):
        unconfirmed = _unconfirmed(self)
        read = self.kallor or (self.grund is not None and getattr(self.grund, "kallor", None))
        if (self.telefon or self.webb) and not read:
            raise FieldProblem(
                "telefon" if self.telefon else "webb",
                "ett nummer eller en adress kommer bara från en offentlig källa; ange 'kallor' (titel och url) och 'kontrollerad'",
            )
        if unconfirmed and self.kontrollerad is not None:
            raise FieldProblem("kontrollerad", "en uppgift som kontrolleras har inget kontrollerat datum; ta bort 'kontrollerad'")
        if (self.telefon or self.webb) and self.kontrollerad is None:
            raise FieldProblem("kontrollerad", "ange dagen då källan med numret eller adressen lästes (ÅÅÅÅ-MM-DD)")
        if self.grund is None and not self.telefon and not self.webb:
            raise FieldProblem("telefon", "ange telefon eller webb, eller grund {typ: kontrolleras, saknas: ...} med vad som saknas")
        return self


class LokalSida(Grundad):
    """The municipality's own page on Barnens bästa gäller / Kronobarnsmodellen, a local plan or news of local work."""

    titel: NonEmptyStr
    typ: Literal["barnens-basta", "lokal-plan", "nyhet"] = "barnens-basta"
    url: Url | None = None
    beskrivning: str | None = Field(None, description="Vad sidan säger, kort (inga namn på personer)")
    kontrollerad: dt.date | None = None

    @model_validator(mode="after")
    def _dated(self):
        if not _unconfirmed(self) and self.url is None:
            raise FieldProblem("url", "ange sidans adress, eller grund {typ: kontrolleras, saknas: ...}")
        _check_dated(self, "sidan")
        return self


class LokalFunktion(Grundad):
    """A local function (for example a Barnens bästa-samordnare): the function, never the person."""

    namn: NonEmptyStr = Field(description="Funktionens namn, t.ex. 'Barnens bästa-samordnare' (aldrig en persons namn)")
    beskrivning: str | None = None
    kontrollerad: dt.date | None = None

    @model_validator(mode="after")
    def _dated(self):
        _check_dated(self, "källan")
        return self


# A municipality's three routes (fields of KommunKontakter), as pages and the review queue name them.
SLOTS = (
    ("socialtjanst", "Socialtjänsten, dagtid"),
    ("efter_kontorstid", "Efter kontorstid"),
    ("e_tjanst", "E-tjänst för orosanmälan"),
)


class KommunKontakter(Strict):
    """One municipality's local addition. `id` is the municipality's id in data/aktorer.yaml."""

    id: Annotated[str, Ref("aktor"), Field(pattern=ID_PATTERN, description="Kommunens id i data/aktorer.yaml, t.ex. ljungby")]
    socialtjanst: Kontaktvag = Field(description="Socialtjänsten för barn (mottagning, barn och familj) på dagtid")
    efter_kontorstid: Kontaktvag = Field(description="Efter kontorstid: socialjour, eller 112 där kommunen säger det")
    e_tjanst: Kontaktvag = Field(description="E-tjänst för orosanmälan, där en finns")
    sidor: list[LokalSida] = Field(min_length=1, description="Kommunens egna sidor om Barnens bästa gäller och lokala planer")
    funktioner: list[LokalFunktion] = Field(default_factory=list, description="Lokala funktioner, t.ex. en Barnens bästa-samordnare")


class RegionVag(Kontaktvag, Entity):
    """A county-wide route (Region Kronoberg, the police): BVC, MVC, BUP, elevhälsa, 112, 114 14."""

    namespace = "kontaktvag"
    rubrik: NonEmptyStr = Field(description="Vart vägen leder, t.ex. 'BVC (barnavårdscentralen)'")
    aktor: AktorRef = Field(description="Vem som står bakom: region-kronoberg, polisen, kommunerna …")


class LokaltFil(Strict):
    kommuner: list[KommunKontakter] = Field(min_length=1)
    lansgemensamt: list[RegionVag] = Field(min_length=1, description="Vägar som gäller i hela länet: region och polis")

    @field_validator("kommuner")
    @classmethod
    def _one_entry_each(cls, value: list[KommunKontakter]):
        seen: set[str] = set()
        for i, k in enumerate(value):
            if k.id in seen:
                raise FieldProblem((i, "id"), f'kommunen "{k.id}" står två gånger; varje kommun har en post')
            seen.add(k.id)
        return value
