"""data/utbildning.yaml (training modules and the educations they fit) and
data/adresser.yaml (every published address that must keep working)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, ValidationInfo, field_validator, model_validator

from .common import Entity, Kalla, NonEmptyStr, Ref, Strict

ModulRef = Annotated[str, Ref("modul")]


class Lasning(Strict):
    """A page of the handbook that holds the content of a module."""

    sida: NonEmptyStr = Field(pattern=r"^[a-z0-9/\-]+\.md(#[a-z0-9\-]+)?$", description="Sidans fil under docs/, t.ex. praxismodellen/bba.md")
    text: NonEmptyStr = Field(description="Länktexten")


class Modul(Entity):
    namespace = "modul"
    id: str = Field(pattern=r"^m\d{2}$", description="Permanent id, t.ex. m03")
    adress: str = Field(pattern=r"^m\d{2}-[a-z0-9\-]+$", description="Sidans permanenta namn, t.ex. m03-barnets-plan (sidan docs/utbildning/<adress>.md)")
    titel: NonEmptyStr
    malgrupper: list[NonEmptyStr] = Field(min_length=1)
    larandemal: list[NonEmptyStr] = Field(min_length=1, description="Efter modulen kan deltagaren …")
    minuter: int = Field(ge=5, le=480, description="Ungefärlig tid i minuter (handbokens förslag)")
    forkunskaper: list[ModulRef] = Field(default_factory=list)
    las: list[Lasning] = Field(min_length=1, description="Sidorna i handboken där innehållet finns")
    fordjupning: list[Kalla] = Field(default_factory=list)

    # Field by field, so a message names the module and the field.
    @field_validator("adress")
    @classmethod
    def _address_starts_with_id(cls, value: str, info: ValidationInfo) -> str:
        mid = info.data.get("id")
        if mid and not value.startswith(mid + "-"):
            raise ValueError(f"adressen ska börja med modulens id ({mid}-…), inte {value}")
        return value

    @field_validator("forkunskaper")
    @classmethod
    def _earlier_modules(cls, value: list[str], info: ValidationInfo) -> list[str]:
        mid = info.data.get("id")
        for dep in value:
            if mid and dep >= mid:
                raise ValueError(f"förkunskapen {dep} ska vara en tidigare modul än {mid}")
        return value


class Utbildning(Entity):
    namespace = "utbildning"
    namn: NonEmptyStr = Field(description="Utbildningens namn, t.ex. Polisutbildningen")
    rubrik: NonEmptyStr = Field(description="Sidans rubrik, t.ex. 'Moduler för polisutbildningen'")
    yrken: NonEmptyStr = Field(description="Yrken utbildningen leder till")
    moduler: list[ModulRef] = Field(min_length=1)


class UtbildningFil(Strict):
    moduler: list[Modul] = Field(min_length=8)
    utbildningar: list[Utbildning] = Field(min_length=1)
    forslag_kallor: list[Kalla] = Field(min_length=1, description="Varför modulerna finns: handlingsplanens aktiviteter 5.1–5.3")

    @model_validator(mode="after")
    def _order(self):
        ids = [m.id for m in self.moduler]
        if ids != sorted(ids):
            raise ValueError(f"modulerna ska stå i nummerordning (nu {ids})")
        return self


class Adress(Strict):
    adress: str = Field(pattern=r"^/([a-z0-9\-]+/)*$", description="Adressen som den publicerats, t.ex. /utbildning/m03-barnets-plan/")
    flyttad_till: str | None = Field(None, pattern=r"^/([a-z0-9\-]+/)*$", description="Ny adress när sidan har flyttats; den gamla leder dit")
    anmarkning: str | None = None


class AdresserFil(Strict):
    adresser: list[Adress] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self):
        seen = set()
        for a in self.adresser:
            if a.adress in seen:
                raise ValueError(f"adressen {a.adress} står två gånger")
            seen.add(a.adress)
        return self
