"""Building blocks shared by the data models.

- `Strict`: every model forbids unknown keys, so a misspelt key is an error,
  not silently ignored data.
- `Entity`: a thing with an `id` in a namespace (`namespace` class attribute);
  ids are collected across all files and must be unique per namespace.
- `Ref(kind)`: marks a string field as a reference to an entity id of `kind`;
  every reference is checked after all files are loaded.
- `Url`: a web address (http/https) that can be printed in a link as is.
- `Period`: a machine-readable point in time at year, quarter or month
  precision ("2020", "2020-Q4", "2020-12"), with its first and last day.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, ClassVar, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, field_validator, model_validator


# Control characters (other than the line break) have no place in text that
# is shown: invisible on a page, invalid in HTML and in XLSX, and a way to
# smuggle a line break into a CSV or iCalendar line.
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def _check_text(value):
    if isinstance(value, str):
        m = _CONTROL.search(value)
        if m:
            raise ValueError(
                f"texten innehåller ett osynligt styrtecken (U+{ord(m.group()):04X}) på plats {m.start() + 1}; ta bort det"
            )
    elif isinstance(value, (list, tuple)):
        for item in value:
            _check_text(item)
    elif isinstance(value, dict):
        for item in value.values():
            _check_text(item)
    return value


class FieldProblem(ValueError):
    """Raised by a model validator about one of its fields: `path` below the
    model (e.g. ("status", 0, "text")), so the message names that field."""

    def __init__(self, path: str | int | tuple, message: str):
        super().__init__(message)
        self.path = path if isinstance(path, tuple) else (path,)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)

    @field_validator("*", mode="after")
    @classmethod
    def _no_control_characters(cls, value):
        return _check_text(value)


ID_PATTERN = r"^[a-z0-9][a-z0-9.\-]*$"


class Entity(Strict):
    """A data entry others can refer to by `id`."""

    namespace: ClassVar[str] = ""
    # When set, ids are unique only within the enclosing entity of this
    # namespace (activity "1.1" exists in every plan); indexed as "<scope id>/<id>".
    scope: ClassVar[str | None] = None
    id: str = Field(pattern=ID_PATTERN, description="Permanent id: små bokstäver a–z, siffror, '-' och '.'")


@dataclass(frozen=True)
class Ref:
    """Marker: the annotated string is the id of an entity of `kind`."""

    kind: str


AktorRef = Annotated[str, Ref("aktor")]
RollRef = Annotated[str, Ref("roll")]
KallaRef = Annotated[str, Ref("kalla")]

NonEmptyStr = Annotated[str, Field(min_length=1)]


# ---------------------------------------------------------------- web addresses

# Characters that never belong in an address as written in the data: they
# would end a Markdown link or an HTML attribute, or hide what the link is.
_URL_FORBIDDEN = set(' "\'<>`\\{}|^')


def check_url(value: str) -> str:
    """A web address as the handbook links it: http or https, a host, and no
    character that could end a link early (space, quote, angle bracket,
    backslash, unbalanced parenthesis) or a control character.

    Raises ValueError with a Swedish message; returns the value unchanged."""
    bad = sorted({ch for ch in value if ch in _URL_FORBIDDEN or ord(ch) < 32 or 127 <= ord(ch) < 160 or ch in "\u2028\u2029"})
    if bad:
        shown = ", ".join("mellanslag" if ch == " " else repr(ch) for ch in bad)
        raise ValueError(f"webbadressen får inte innehålla {shown}; skriv tecknen med %-kod (mellanslag som %20)")
    depth = 0
    for ch in value:
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth < 0:
            break
    if depth != 0:
        raise ValueError("webbadressen har parenteser som inte går ihop; skriv dem som %28 och %29")
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f'"{value}" är ingen webbadress; den ska börja med https:// (eller http://) och ett domännamn')
    return value


Url = Annotated[
    str,
    Field(pattern=r"^https?://", description="Webbadress som börjar med https:// (eller http://)"),
    AfterValidator(check_url),
]


# ---------------------------------------------------------------- periods

_PERIOD = re.compile(r"^(?P<year>\d{4})(?:-(?:Q(?P<q>\d)|(?P<m>\d{2})))?$")


def parse_period(value: str) -> tuple[dt.date, dt.date]:
    """First and last day of a period written "2020", "2020-Q4" or "2020-12".

    Raises ValueError with a Swedish message for anything else.
    """
    m = _PERIOD.match(value)
    if not m:
        raise ValueError(
            f'"{value}" är ingen giltig tidpunkt; skriv år ("2020"), kvartal ("2020-Q4") eller månad ("2020-12")'
        )
    year = int(m["year"])
    if not 1900 <= year <= 2100:
        raise ValueError(f'året i "{value}" är orimligt')
    if m["q"] is not None:
        q = int(m["q"])
        if not 1 <= q <= 4:
            raise ValueError(f'"{value}": kvartal måste vara Q1–Q4')
        first, last = 3 * q - 2, 3 * q
    elif m["m"] is not None:
        first = last = int(m["m"])
        if not 1 <= first <= 12:
            raise ValueError(f'"{value}": månad måste vara 01–12')
    else:
        first, last = 1, 12
    return dt.date(year, first, 1), dt.date(year, last, calendar.monthrange(year, last)[1])


def _check_period(value: str) -> str:
    parse_period(value)
    return value


def text_field(pattern: str, description: str, *examples: str):
    """A text field's pattern, meaning and examples, as the JSON schemas show
    them to editors (data/schemas/)."""
    return Field(pattern=pattern, description=description, examples=list(examples))


Period = Annotated[
    str,
    AfterValidator(_check_period),
    text_field(r"^\d{4}(-(Q[1-4]|0[1-9]|1[0-2]))?$", 'År ("2020"), kvartal ("2020-Q4") eller månad ("2020-12")', "2020", "2020-Q4", "2020-12"),
]


class Kalla(Strict):
    """A cited source: a document in data/kallor.yaml, or a public web page."""

    dokument: KallaRef | None = Field(None, description="id i data/kallor.yaml")
    titel: str | None = None
    url: Url | None = None
    avsnitt: str | None = Field(None, description="Avsnitt, sida eller paragraf i källan")

    @model_validator(mode="after")
    def _named(self):
        if not self.dokument and not self.titel:
            raise ValueError("en källa behöver antingen 'dokument' (id i kallor.yaml) eller 'titel'")
        return self


# ---------------------------------------------------------------- provenance (grund)
#
# Every factual statement is one of four kinds. A data entry says which with
# `grund:`; an entry with `kallor` and no `grund` is *belagt* by those sources.
#   {typ: belagt, kallor: [...]}            a named source says it
#   {typ: tolkning, vilar_pa: "...", kallor: [...]}  our reading, and what it rests on
#   {typ: forslag, motivering: "..."}      the handbook's own proposal
#   {typ: kontrolleras, saknas: "..."}     not confirmed; what is missing


class GrundBelagt(Strict):
    typ: Literal["belagt"]
    kallor: list[Kalla] = Field(min_length=1, description="Källorna som säger det, med avsnitt")


class GrundTolkning(Strict):
    typ: Literal["tolkning"]
    vilar_pa: NonEmptyStr = Field(description="Vad tolkningen vilar på, t.ex. 'beloppen är Ljungbys rad i tabellen'")
    kallor: list[Kalla] = Field(default_factory=list)


class GrundForslag(Strict):
    typ: Literal["forslag"]
    motivering: str | None = Field(None, description="Varför handboken föreslår detta (valfritt)")


class GrundKontrolleras(Strict):
    typ: Literal["kontrolleras"]
    saknas: NonEmptyStr = Field(description="Vad som saknas för att uppgiften ska vara belagd")


Grund = Annotated[
    GrundBelagt | GrundTolkning | GrundForslag | GrundKontrolleras,
    Field(discriminator="typ", description="Uppgiftens grund: belagt, tolkning, forslag eller kontrolleras"),
]

GRUND_LABELS = {"belagt": "Belagt", "tolkning": "Tolkning", "forslag": "Förslag", "kontrolleras": "Kontrolleras"}
GRUND_ADAPTER: TypeAdapter[Grund] = TypeAdapter(Grund)


def page_grund(raw: object, page: str) -> Grund:
    """A page's front matter `grund:`, validated. Raises ValueError naming the
    page and the field when it is malformed."""
    try:
        return GRUND_ADAPTER.validate_python(raw)
    except ValidationError as exc:
        raise ValueError(f'{page}: fältet "grund" i sidhuvudet är fel: {exc.errors()[0]["msg"]}') from None


def missing_grund_message() -> str:
    return (
        "uppgiften saknar grund: ange 'kallor' (källa med avsnitt) eller 'grund' med typ "
        "tolkning (och vilar_pa), forslag eller kontrolleras (och saknas)"
    )


class Grundad(Strict):
    """Mixin for a factual entry: sources (`kallor`) or a `grund`, never neither.

    Subclasses keep `kallor` before `grund` so the check below can see it."""

    kallor: list[Kalla] = Field(default_factory=list)
    grund: Grund | None = Field(None, validate_default=True)

    @field_validator("grund", mode="after")
    @classmethod
    def _has_grund(cls, value, info):
        if value is None and not info.data.get("kallor"):
            raise ValueError(missing_grund_message())
        return value

    @property
    def grund_typ(self) -> str:
        return self.grund.typ if self.grund is not None else "belagt"
