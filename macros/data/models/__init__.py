"""The registry of data files: which files in data/ exist and their schema.

Each entry maps a file name pattern (relative to data/) to the pydantic model
of that file and to the attribute under which `SiteData` exposes it. A file in
data/ that matches no entry is an error, so nothing is published unvalidated.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from .aktorer import AktorerFil
from .andringar import AndringarFil
from .beslut import BeslutFil
from .finansiering import FinansieringFil
from .granskningar import GranskningarFil
from .handlingsplan import Handlingsplan, Planversion
from .kallor import KallorFil
from .lokalt import LokaltFil
from .praxis import BarnetsPlanMall, LagarFil, OrdlistaFil, Praxis, ValbefinnandeFil
from .roller import RollerFil
from .uppfoljning import Uppfoljning
from .utbildning import AdresserFil, UtbildningFil


@dataclass(frozen=True)
class DataFile:
    pattern: str  # glob relative to data/, e.g. "handlingsplan/*.yaml"
    model: type[BaseModel]
    key: str  # attribute on SiteData
    many: bool = False  # one object per matching file, keyed by file stem
    schema: str = ""  # name of the exported JSON Schema in data/schemas/
    required: bool = True  # must at least one file match?

    @property
    def schema_name(self) -> str:
        return self.schema or self.key


FILES: list[DataFile] = [
    DataFile("kallor.yaml", KallorFil, "kallor"),
    DataFile("aktorer.yaml", AktorerFil, "aktorer"),
    DataFile("roller.yaml", RollerFil, "roller"),
    DataFile("handlingsplan/*.yaml", Handlingsplan, "handlingsplaner", many=True, schema="handlingsplan"),
    # --- add new data files below, one line each ---
    DataFile("handlingsplan-versioner/*.yaml", Planversion, "planversioner", many=True, schema="planversion", required=False),
    DataFile("finansiering.yaml", FinansieringFil, "finansiering"),
    DataFile("beslut.yaml", BeslutFil, "beslut"),
    DataFile("praxis.yaml", Praxis, "praxis"),
    DataFile("lagar.yaml", LagarFil, "lagar"),
    DataFile("ordlista.yaml", OrdlistaFil, "ordlista"),
    DataFile("valbefinnande.yaml", ValbefinnandeFil, "valbefinnande"),
    DataFile("barnets-plan.yaml", BarnetsPlanMall, "barnets_plan", schema="barnets-plan"),
    DataFile("utbildning.yaml", UtbildningFil, "utbildning"),
    DataFile("adresser.yaml", AdresserFil, "adresser"),
    DataFile("granskningar.yaml", GranskningarFil, "granskningar"),
    DataFile("andringar.yaml", AndringarFil, "andringar"),
    DataFile("lokalt.yaml", LokaltFil, "lokalt"),
    DataFile("uppfoljning/*.yaml", Uppfoljning, "uppfoljningar", many=True, schema="uppfoljning", required=False),
]
