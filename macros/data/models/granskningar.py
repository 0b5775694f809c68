"""data/granskningar.yaml: reviews of guidance pages that have actually taken
place. A page says "Granskad" only when an entry here records which function
reviewed it (a role or body in data/roller.yaml, never a person), when, when
it is to be reviewed next, and what was reviewed: the fingerprint of the page's
Markdown and of the data it draws on (`python -m macros granska-hash <sida>`).
A page whose content no longer matches says "Ändrad efter granskningen"."""

from __future__ import annotations

import datetime as dt

from pydantic import Field, model_validator

from .common import FieldProblem, Kalla, NonEmptyStr, RollRef, Strict

FINGERPRINT_PATTERN = r"^[0-9a-f]{12}-[0-9a-f]{12}$"


class Granskning(Strict):
    sida: NonEmptyStr = Field(pattern=r"^[a-z0-9/\-]+\.md$", description="Sidans fil under docs/, t.ex. praxismodellen/bba.md")
    granskad_av: RollRef = Field(
        description="Funktionen som granskade sidan: id för en roll eller ett organ i data/roller.yaml (t.ex. styrgrupp), aldrig en person"
    )
    datum: dt.date = Field(description="Dagen då granskningen gjordes (ÅÅÅÅ-MM-DD)")
    nasta_granskning: dt.date = Field(description="Senaste dag för nästa granskning (ÅÅÅÅ-MM-DD); därefter visar sidan att granskningen är för gammal")
    innehall: str = Field(
        pattern=FINGERPRINT_PATTERN,
        description="Vad som granskades: sidans kontrollsumma när den granskades (make granska-hash SIDA=praxismodellen/bba.md)",
    )
    underlag: NonEmptyStr = Field(description="Vad som visar granskningen, t.ex. 'Styrgruppens protokoll 2027-02-03, § 4'")
    ansvarig: RollRef | None = Field(None, description="Den bekräftade ansvariga rollen (id i data/roller.yaml), om granskningen bekräftade den")
    kallor: list[Kalla] = Field(default_factory=list)

    @model_validator(mode="after")
    def _next_after_this(self):
        if self.nasta_granskning <= self.datum:
            raise FieldProblem("nasta_granskning", f"nästa granskning ({self.nasta_granskning}) ska komma efter granskningen ({self.datum})")
        return self


class GranskningarFil(Strict):
    granskningar: list[Granskning] = Field(default_factory=list)

    @model_validator(mode="after")
    def _one_per_page_and_date(self):
        seen = set()
        for i, g in enumerate(self.granskningar):
            key = (g.sida, g.datum)
            if key in seen:
                raise FieldProblem(("granskningar", i, "datum"), f"granskningen av {g.sida} den {g.datum} står två gånger")
            seen.add(key)
        return self

    def latest(self, page: str) -> Granskning | None:
        """The most recent recorded review of `page` (path under docs/)."""
        found = [g for g in self.granskningar if g.sida == page]
        return max(found, key=lambda g: g.datum) if found else None
