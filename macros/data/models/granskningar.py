"""data/granskningar.yaml: reviews of guidance pages that have actually taken
place. A page says "Granskad" only when an entry here records who confirmed
it (a role or body, never a person), when, and which record shows it."""

from __future__ import annotations

import datetime as dt

from pydantic import Field, model_validator

from .common import Kalla, NonEmptyStr, RollRef, Strict


class Granskning(Strict):
    sida: NonEmptyStr = Field(pattern=r"^[a-z0-9/\-]+\.md$", description="Sidans fil under docs/, t.ex. praxismodellen/bba.md")
    bekraftad_av: NonEmptyStr = Field(description="Vem som bekräftade sidan: en roll eller ett organ, aldrig en person (t.ex. 'Styrgruppen')")
    datum: dt.date = Field(description="Dagen då granskningen gjordes")
    underlag: NonEmptyStr = Field(description="Vad som visar granskningen, t.ex. 'Styrgruppens protokoll 2027-02-03, § 4'")
    ansvarig: RollRef | None = Field(None, description="Den bekräftade ansvariga rollen (id i data/roller.yaml), om granskningen bekräftade den")
    kallor: list[Kalla] = Field(default_factory=list)


class GranskningarFil(Strict):
    granskningar: list[Granskning] = Field(default_factory=list)

    @model_validator(mode="after")
    def _one_per_page_and_date(self):
        seen = set()
        for g in self.granskningar:
            key = (g.sida, g.datum)
            if key in seen:
                raise ValueError(f"granskningen av {g.sida} den {g.datum} står två gånger")
            seen.add(key)
        return self

    def latest(self, page: str) -> Granskning | None:
        """The most recent recorded review of `page` (path under docs/)."""
        found = [g for g in self.granskningar if g.sida == page]
        return max(found, key=lambda g: g.datum) if found else None
