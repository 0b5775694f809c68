"""Data of the practice model: BBA by age, duties and decision questions
(data/praxis.yaml), laws (data/lagar.yaml), the glossary (data/ordlista.yaml),
wellbeing (data/valbefinnande.yaml) and the template of barnets plan
(data/barnets-plan.yaml)."""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from .common import Entity, FieldProblem, Grund, Grundad, Kalla, NonEmptyStr, Strict


# ---------------------------------------------------------------- data/praxis.yaml


class BbaSkede(Grundad):
    skede: NonEmptyStr = Field(description="Barnets ålder eller skede, t.ex. 'Från födseln till förskoleklass'")
    fran_ar: int | None = Field(None, ge=0, le=18, description="Första ålder i år som skedet normalt gäller (för sökning på ålder)")
    till_ar: int | None = Field(None, ge=0, le=18, description="Sista ålder i år")
    bba: NonEmptyStr = Field(description="Vem som är Barnensbästa-ansvarig")
    verksamhet: NonEmptyStr


class Fraga(Entity):
    """One decision question of the BBA flow."""

    namespace = "bba-fraga"
    fraga: NonEmptyStr
    ja: NonEmptyStr = Field(description="Vad BBA gör om svaret är ja, så som källan säger det")
    ja_tillagg: str | None = Field(None, description="Handbokens eget tillägg till ja-svaret (visas märkt som förslag)")
    nej: str | None = Field(None, description="Vad som händer om svaret är nej (tomt = gå till nästa fråga)")
    nej_grund: Grund | None = Field(None, description="Grunden för nej-svaret när ingen källa anger det (t.ex. forslag)")


class Steg(Grundad, Entity):
    namespace = "praxis-steg"
    nummer: int = Field(ge=1)
    rubrik: NonEmptyStr
    beskrivning: NonEmptyStr


class Praxis(Strict):
    steg: list[Steg] = Field(min_length=1)
    bba_skeden: list[BbaSkede] = Field(min_length=1)
    bba_uppgifter: list[NonEmptyStr] = Field(min_length=1)
    bba_uppgifter_kallor: list[Kalla] = Field(min_length=1)
    bba_fragor: list[Fraga] = Field(min_length=1)
    bba_fragor_kallor: list[Kalla] = Field(min_length=1)
    samverkansansvarig_uppgifter: list[NonEmptyStr] = Field(default_factory=list)
    samverkansansvarig_kallor: list[Kalla] = Field(default_factory=list)
    samverkansansvarig_grund: Grund | None = Field(
        None, description="Grunden för uppgiftslistan när källorna inte räknar upp uppgifterna (t.ex. tolkning)"
    )


# ---------------------------------------------------------------- data/lagar.yaml


class Lagrum(Grundad, Entity):
    namespace = "lagrum"
    lag: NonEmptyStr = Field(description="Lagens namn")
    sfs: str | None = Field(
        None,
        pattern=r"^(\d{4}:\d+|EU \d{4}/\d+)$",
        description="SFS-nummer, t.ex. 2009:400; utelämnas bara när numret inte är belagt (grund: kontrolleras)",
    )
    lagrum: str | None = Field(
        None, description="Kapitel och paragraf, t.ex. '12 kap. 2 §', så långt en källa anger det; utelämnas när det inte är belagt (grund: kontrolleras)"
    )
    betydelse: NonEmptyStr = Field(description="Vad bestämmelsen betyder för arbetet med barnet")
    kontrollerad: dt.date | None = Field(
        None, description="Datum då uppgiften senast kontrollerades mot källan; utelämnas när uppgiften kontrolleras"
    )
    anmarkning: str | None = None

    @model_validator(mode="after")
    def _checked_only_when_confirmed(self):
        if self.lagrum and "[kontrolleras]" in self.lagrum:
            raise FieldProblem("lagrum", "skriv inte '[kontrolleras]' i lagrum: utelämna det som inte är belagt och ange grund: {typ: kontrolleras, saknas: ...}")
        unconfirmed = self.grund is not None and self.grund.typ == "kontrolleras"
        if unconfirmed and self.kontrollerad is not None:
            raise FieldProblem("kontrollerad", "'kontrollerad' får inte anges för en uppgift som har grund kontrolleras")
        if not unconfirmed and self.kontrollerad is None:
            raise FieldProblem("kontrollerad", "'kontrollerad' (datum) saknas; en uppgift som inte är kontrollerad ska ha grund: {typ: kontrolleras, saknas: ...}")
        if not self.sfs and not unconfirmed:
            raise FieldProblem("sfs", "'sfs' saknas; ange SFS-numret eller grund: {typ: kontrolleras, saknas: ...}")
        if not self.lagrum and not unconfirmed:
            raise FieldProblem("lagrum", "'lagrum' saknas; ange kapitel och paragraf eller grund: {typ: kontrolleras, saknas: ...}")
        return self


class LagarFil(Strict):
    lagrum: list[Lagrum] = Field(min_length=1)


# ---------------------------------------------------------------- data/ordlista.yaml


class Term(Grundad, Entity):
    namespace = "term"
    term: NonEmptyStr
    forkortning: str | None = Field(None, pattern=r"^[A-Za-zÅÄÖåäö0-9]+$")
    forklaring: NonEmptyStr
    aldre_term: str | None = Field(
        None,
        description="Det ord i 2018 års underlag som termen motsvarar (handbokens tolkning: underlaget nämnde det bland det som skulle tas fram)",
    )
    girfec: str | None = Field(None, description="Motsvarande term i GIRFEC (engelska)")
    skotsk: bool = Field(
        False, description="Termen är GIRFEC:s egen, inte länets: den står inte bland Kronobergs ord i jämförelsetabellen"
    )
    varianter: list[NonEmptyStr] = Field(
        default_factory=list,
        description=(
            "Andra sätt att skriva termen som sökningen ska känna igen: stavningar som används på "
            "länets egna sidor, äldre och nyare namn, förkortningar. En variant hör till en enda term. "
            "Visas i ordlistan som 'Skrivs också'."
        ),
    )
    vardagsord: list[NonEmptyStr] = Field(
        default_factory=list,
        description=(
            "Vardagsord som läsare söker med men som inte är samma ord som termen (till exempel 'föräldrar' "
            "för vårdnadshavare): sökningen känner igen dem, ordlistan visar dem som sökord, inte som stavningar."
        ),
    )

    @field_validator("varianter", "vardagsord")
    @classmethod
    def _variants_are_words(cls, value: list[str], info: ValidationInfo) -> list[str]:
        name = info.field_name
        seen: dict[str, int] = {}
        for i, v in enumerate(value):
            if any(c in v for c in "<>[]{}|\\`*_#") or v != v.strip():
                raise ValueError(f"{name}[{i}] ({v!r}) får bara innehålla ord, mellanslag, bindestreck och punkt")
            if not term_key(v):
                raise ValueError(f"{name}[{i}] ({v!r}) innehåller inga bokstäver")
            if v.casefold() in seen:
                raise ValueError(f"{name}[{i}] ({v!r}) står redan som {name}[{seen[v.casefold()]}]")
            seen[v.casefold()] = i
        return value

    @property
    def search_variants(self) -> list[str]:
        """Every other word the search takes for the term: its variants and everyday words."""
        return [*self.varianter, *self.vardagsord]


def term_key(text: str) -> str:
    """How the search compares words: lower case, letters and digits only
    ("Barnens bästa-ansvarig" and "barnensbästa-ansvarig" are the same key)."""
    return "".join(c for c in unicodedata.normalize("NFC", text).lower() if c.isalnum())


class OrdlistaFil(Strict):
    termer: list[Term] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_abbreviations(self) -> OrdlistaFil:
        seen: dict[str, str] = {}
        for t in self.termer:
            if t.forkortning:
                if t.forkortning in seen:
                    raise ValueError(f"förkortningen {t.forkortning} finns både i {seen[t.forkortning]} och {t.id}")
                seen[t.forkortning] = t.id
        return self

    @model_validator(mode="after")
    def _variants_belong_to_one_term(self) -> OrdlistaFil:
        """A variant names one term only: it may not be another term's name,
        abbreviation or variant (compared as the search compares words, so
        "Barnets bästa-ansvarig" and "Barnetsbästa-ansvarig" are one word and
        may stand in the same term)."""
        owner: dict[str, tuple[str, str]] = {}  # key -> (term id, field)
        for t in self.termer:
            for field, value in [("term", t.term), ("forkortning", t.forkortning)]:
                if value:
                    owner.setdefault(term_key(value), (t.id, field))
        problems = []
        for t in self.termer:
            for field, i, v in [("varianter", i, v) for i, v in enumerate(t.varianter)] + [("vardagsord", i, v) for i, v in enumerate(t.vardagsord)]:
                key = term_key(v)
                other = owner.get(key)
                if other is None:
                    owner[key] = (t.id, f"{field}[{i}]")
                elif other[0] != t.id:
                    problems.append(f'termen "{t.id}", fält "{field}[{i}]": "{v}" hör redan till termen "{other[0]}" (fält "{other[1]}")')
        if problems:
            raise ValueError("; ".join(problems))
        return self


# ---------------------------------------------------------------- data/valbefinnande.yaml

Aldersgrupp = Literal["0-5", "6-12", "13-18"]


class Indikator(Entity):
    namespace = "indikator"
    girfec: NonEmptyStr = Field(description="GIRFEC:s engelska namn, t.ex. Safe")
    svensk_oversattning: NonEmptyStr = Field(description="Handbokens svenska översättning av GIRFEC-namnet")
    kronoberg_etikett: str | None = Field(
        None, description="Namnet på området i Barnets bästa-hjulet i Kronoberg. Tomt tills det är bekräftat från länets eget material."
    )
    beskrivning: NonEmptyStr
    samtalsfragor: dict[Aldersgrupp, list[NonEmptyStr]] = Field(description="Förslag på frågor per åldersgrupp")


class TriangelSida(Strict):
    girfec: NonEmptyStr
    svensk_oversattning: NonEmptyStr
    beskrivning: NonEmptyStr


class Hjul(Strict):
    """The county's own wheel: its areas as a cited source names them."""

    namn: NonEmptyStr = Field(description="Hjulets namn så som handboken skriver det")
    omraden: list[NonEmptyStr] = Field(min_length=1, description="Områdena i hjulet, i källans ordning och stavning")
    kallor: list[Kalla] = Field(min_length=1, description="Källan som räknar upp områdena")


class ValbefinnandeFil(Strict):
    hjulet: Hjul | None = Field(None, description="Länets eget hjul (Barnets bästa-hjulet) med områdena från en källa")
    indikatorer: list[Indikator] = Field(min_length=8, max_length=8)
    indikatorer_kallor: list[Kalla] = Field(min_length=1)
    triangel: list[TriangelSida] = Field(min_length=3, max_length=3)
    triangel_kallor: list[Kalla] = Field(min_length=1)

    @model_validator(mode="after")
    def _every_age_group(self):
        for ind in self.indikatorer:
            missing = {"0-5", "6-12", "13-18"} - set(ind.samtalsfragor)
            if missing:
                raise ValueError(f"{ind.id}: samtalsfrågor saknas för åldersgrupp {sorted(missing)}")
        return self


# ---------------------------------------------------------------- data/barnets-plan.yaml


class Falt(Strict):
    rubrik: NonEmptyStr
    hjalptext: NonEmptyStr = Field(description="Vad som ska stå här")
    rader: int = Field(3, ge=1, le=20, description="Antal tomma rader i mallen")


class Avsnitt(Strict):
    rubrik: NonEmptyStr
    falt: list[Falt] = Field(min_length=1)


class BarnetsPlanMall(Strict):
    titel: NonEmptyStr
    inledning: NonEmptyStr
    avsnitt: list[Avsnitt] = Field(min_length=1)
    kallor: list[Kalla] = Field(min_length=1)
