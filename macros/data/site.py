"""Load and validate every file in data/, once, and check references between them.

`load_site(data_dir)` returns a `SiteData` or raises `DataError` listing every
problem found (file, line, entry id, field, message in Swedish), so a process
leader can fix them all in one go. No page is written before this succeeds.
"""

from __future__ import annotations

import datetime as dt
import difflib
import fnmatch
import types
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin, overload

from pydantic import BaseModel, ValidationError

from ..builddate import build_date
from .loader import DataError, Problem, YamlDoc, load_yaml
from .models import FILES, DataFile
from .models.aktorer import Aktor, AktorerFil
from .models.andringar import AndringarFil
from .models.beslut import BeslutFil
from .models.common import Entity, FieldProblem, Ref
from .models.finansiering import Finansiering, FinansieringFil
from .models.granskningar import GranskningarFil
from .models.handlingsplan import Handlingsplan, Planversion
from .models.kallor import Dokument, KallorFil
from .models.lokalt import LokaltFil
from .models.praxis import BarnetsPlanMall, LagarFil, OrdlistaFil, Praxis, ValbefinnandeFil
from .models.roller import Roll, RollerFil
from .models.uppfoljning import Uppfoljning
from .models.utbildning import AdresserFil, Modul, Utbildning, UtbildningFil

SCHEMA_DIR = "schemas"

# ---------------------------------------------------------------- messages

_MESSAGES = {
    "missing": "saknas (fältet är obligatoriskt)",
    "extra_forbidden": "okänt fält (kontrollera stavningen; se schemat i data/schemas/)",
    "string_type": "ska vara text",
    "int_type": "ska vara ett heltal",
    "int_parsing": "ska vara ett heltal",
    "int_from_float": "ska vara ett heltal",
    "float_type": "ska vara ett tal",
    "float_parsing": "ska vara ett tal",
    "bool_type": "ska vara true eller false",
    "bool_parsing": "ska vara true eller false",
    "date_type": "ska vara ett datum (ÅÅÅÅ-MM-DD)",
    "date_parsing": "ska vara ett datum (ÅÅÅÅ-MM-DD)",
    "date_from_datetime_parsing": "ska vara ett datum (ÅÅÅÅ-MM-DD)",
    "date_from_datetime_inexact": "ska vara ett datum utan klockslag (ÅÅÅÅ-MM-DD)",
    "list_type": "ska vara en lista",
    "model_type": "ska vara en post med fält (nyckel: värde)",
    "model_attributes_type": "ska vara en post med fält (nyckel: värde)",
    "dict_type": "ska vara en post med fält (nyckel: värde)",
    "too_short": "får inte vara tom",
    "string_too_short": "får inte vara tom",
}


def _message(err: Any) -> str:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if kind == "value_error":
        return str(ctx.get("error", err["msg"]))
    if kind == "union_tag_invalid":
        return f"typen \"{ctx.get('tag', '')}\" finns inte; välj en av: {ctx.get('expected_tags', '')}"
    if kind == "union_tag_not_found":
        return f"fältet \"{ctx.get('discriminator', 'typ').strip(chr(39))}\" saknas; välj en av typerna belagt, tolkning, forslag, kontrolleras"
    if kind == "literal_error":
        return f"måste vara ett av: {ctx.get('expected', '')}"
    if kind == "string_pattern_mismatch":
        return f"har fel form (ska matcha {ctx.get('pattern', '')})"
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        return f"värdet är utanför tillåtet intervall ({err['msg']})"
    text = _MESSAGES.get(kind, err["msg"])
    if kind not in ("missing", "extra_forbidden") and "input" in err and not isinstance(err["input"], (dict, list)):
        text += f" (nu: {err['input']!r})"
    return text


def _data_path(data: Any, loc: tuple) -> tuple[tuple, tuple]:
    """Split a pydantic error location into the path that exists in the YAML
    data and the full field path (without pydantic's union-member tags)."""
    node, found, full = data, [], []
    for part in loc:
        if isinstance(node, dict) and part in node:
            node = node[part]
            found.append(part)
            full.append(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
            found.append(part)
            full.append(part)
        elif isinstance(part, str) and ("[" in part or part.startswith(("literal", "function-"))):
            continue  # a union member's tag, not a key
        elif isinstance(node, dict) and isinstance(part, str) and part not in node and part in node.values():
            continue  # a tagged union's tag (the value of its discriminator, e.g. typ: tolkning), not a key
        else:
            full.append(part)
            node = None
    return tuple(found), tuple(full)


def _fmt_field(path: tuple) -> str:
    out = ""
    for p in path:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out


def _problems_from_validation(doc: YamlDoc, exc: ValidationError) -> list[Problem]:
    problems = []
    for err in exc.errors():
        loc = tuple(err["loc"])
        error = (err.get("ctx") or {}).get("error")
        if isinstance(error, FieldProblem):  # a model validator naming its field
            loc += error.path
        found, full = _data_path(doc.data, loc)
        entry, below = doc.entry_of(found)
        rest = full[len(found) - len(below) :] if entry is not None else full
        problems.append(
            Problem(file=doc.file, message=_message(err), line=doc.line_of(found), entry=entry, field=_fmt_field(rest) or None)
        )
    return problems


# ---------------------------------------------------------------- walking models


@dataclass
class _Found:
    entities: list[tuple[Entity, tuple, dict]] = field(default_factory=list)  # entity, path, enclosing scopes
    refs: list[tuple[str, str, tuple]] = field(default_factory=list)  # kind, id, path


def _strip(ann):
    while get_origin(ann) is Annotated:
        ann = get_args(ann)[0]
    return ann


def _fits(value: Any, ann) -> bool:
    base = _strip(ann)
    origin = get_origin(base)
    if origin is Literal:
        return value in get_args(base)
    if origin is list:
        return isinstance(value, list)
    if origin is dict:
        return isinstance(value, dict)
    if origin in (Union, types.UnionType):  # e.g. a discriminated union inside Optional
        return any(_fits(value, arg) for arg in get_args(base))
    if isinstance(base, type):
        return isinstance(value, base)
    return False


def _walk_value(value, ann, meta, path, scopes, found: _Found) -> None:
    if value is None:
        return
    for m in meta:
        if isinstance(m, Ref) and isinstance(value, str):
            found.refs.append((m.kind, value, path))
    origin = get_origin(ann)
    if origin is Annotated:
        base, *extra = get_args(ann)
        _walk_value(value, base, extra, path, scopes, found)
    elif origin in (Union, types.UnionType):
        for arg in get_args(ann):
            if arg is not type(None) and _fits(value, arg):
                _walk_value(value, arg, [], path, scopes, found)
                return
    elif origin is list:
        (elem,) = get_args(ann)
        for i, item in enumerate(value):
            _walk_value(item, elem, [], path + (i,), scopes, found)
    elif origin is dict:
        _, elem = get_args(ann)
        for k, item in value.items():
            _walk_value(item, elem, [], path + (k,), scopes, found)
    elif isinstance(value, BaseModel):
        _walk_model(value, path, scopes, found)


def _walk_model(obj: BaseModel, path: tuple, scopes: dict, found: _Found) -> None:
    if isinstance(obj, Entity) and obj.namespace:
        found.entities.append((obj, path, scopes))
        scopes = {**scopes, obj.namespace: obj.id}
    for name, info in type(obj).model_fields.items():
        _walk_value(getattr(obj, name), info.annotation, info.metadata, path + (name,), scopes, found)


def index_key(entity: Entity, scopes: dict) -> str:
    """The key of an entity in `SiteData.index[namespace]`."""
    if entity.scope:
        return f"{scopes.get(entity.scope, '?')}/{entity.id}"
    return entity.id


# ---------------------------------------------------------------- the site data


@dataclass(frozen=True, repr=False)
class SiteData:
    """Everything in data/, validated. One field per `models.FILES` key (a test
    checks they match); `index[kind][id]` finds any entity; `docs` keeps every
    file as loaded, so a later step can still name a value's line."""

    def __repr__(self) -> str:
        # Short (see Build.__repr__): the validated data, not its whole text.
        return f"<SiteData: {sum(len(v) for v in self.index.values())} entities>"

    kallor: KallorFil
    aktorer: AktorerFil
    roller: RollerFil
    handlingsplaner: dict[str, Handlingsplan]
    planversioner: dict[str, Planversion]
    finansiering: FinansieringFil
    beslut: BeslutFil
    praxis: Praxis
    lagar: LagarFil
    ordlista: OrdlistaFil
    valbefinnande: ValbefinnandeFil
    barnets_plan: BarnetsPlanMall
    utbildning: UtbildningFil
    adresser: AdresserFil
    granskningar: GranskningarFil
    andringar: AndringarFil
    lokalt: LokaltFil
    uppfoljningar: dict[str, Uppfoljning]
    index: dict[str, dict[str, Entity]] = field(default_factory=dict)
    docs: dict[str, YamlDoc] = field(default_factory=dict)  # "data/adresser.yaml" -> the loaded file

    def where(self, file: str, path: tuple) -> str:
        """"data/adresser.yaml:12": the line of the value at `path` in `file`."""
        doc = self.docs.get(file)
        line = doc.line_of(path) if doc else None
        return file if line is None else f"{file}:{line}"

    # The kinds the code looks up, typed (any other kind gives an Entity).
    @overload
    def get(self, kind: Literal["kalla"], id_: str) -> Dokument: ...
    @overload
    def get(self, kind: Literal["roll"], id_: str) -> Roll: ...
    @overload
    def get(self, kind: Literal["aktor"], id_: str) -> Aktor: ...
    @overload
    def get(self, kind: Literal["modul"], id_: str) -> Modul: ...
    @overload
    def get(self, kind: Literal["utbildning"], id_: str) -> Utbildning: ...
    @overload
    def get(self, kind: Literal["finansiering"], id_: str) -> Finansiering: ...
    @overload
    def get(self, kind: str, id_: str) -> Any: ...

    def get(self, kind: str, id_: str) -> Any:
        try:
            return self.index[kind][id_]
        except KeyError:
            raise KeyError(f'okänt id "{id_}" av sorten {kind}') from None

    def has(self, kind: str, id_: str) -> bool:
        return id_ in self.index.get(kind, {})


def _spec_for(rel: str) -> DataFile | None:
    for spec in FILES:
        if fnmatch.fnmatch(rel, spec.pattern) and rel.count("/") == spec.pattern.count("/"):
            return spec
    return None


def data_files(data_dir: Path) -> list[Path]:
    """Every data file below data_dir (the exported schemas excepted)."""
    return sorted(
        p
        for p in data_dir.rglob("*")
        if p.is_file() and not p.relative_to(data_dir).parts[0] == SCHEMA_DIR and not p.name.startswith(".")
    )


def _index(located: list[tuple[YamlDoc, BaseModel]], invalid_files: bool) -> tuple[dict[str, dict[str, Entity]], list[Problem]]:
    """Index every entity by namespace (ids unique per namespace or scope),
    then check that every reference resolves."""
    problems: list[Problem] = []
    # ids: unique per namespace (or per scope), then every reference must resolve
    index: dict[str, dict[str, Entity]] = {}
    where: dict[tuple[str, str], tuple[YamlDoc, tuple]] = {}
    all_refs: list[tuple[YamlDoc, str, str, tuple]] = []
    for doc, obj in located:
        found = _Found()
        _walk_model(obj, (), {}, found)
        for entity, path, scopes in found.entities:
            key = index_key(entity, scopes)
            bucket = index.setdefault(entity.namespace, {})
            if key in bucket:
                first_doc, first_path = where[(entity.namespace, key)]
                problems.append(
                    Problem(
                        doc.file,
                        f'id "{entity.id}" finns redan ({first_doc.file}:{first_doc.line_of(first_path)}); ett id får bara användas en gång',
                        doc.line_of(path + ("id",)),
                        entry=entity.id,
                        field="id",
                    )
                )
                continue
            bucket[key] = entity
            where[(entity.namespace, key)] = (doc, path)
        all_refs.extend((doc, kind, ref, path) for kind, ref, path in found.refs)

    # Published addresses (data/adresser.yaml) can be referred to as kind "adress".
    for _, obj in located:
        if isinstance(obj, AdresserFil):
            index["adress"] = {a.adress: a for a in obj.adresser}  # type: ignore[misc]  # addresses are referable, not entities

    for doc, kind, ref, path in all_refs:
        if invalid_files and kind not in index:
            continue  # the file defining these ids failed above; one error, not one per reference
        if ref not in index.get(kind, {}):
            entry, below = doc.entry_of(path)
            close = difflib.get_close_matches(ref, list(index.get(kind, {})), n=1)
            hint = f' Menade du "{close[0]}"?' if close else ""
            problems.append(
                Problem(
                    doc.file,
                    f'hänvisar till "{ref}", men det finns ingen {_KIND_NAMES.get(kind, kind)} med det id:t.{hint}',
                    doc.line_of(path),
                    entry=entry,
                    field=_fmt_field(below) or None,
                )
            )

    return index, problems


def load_site(data_dir: Path, shown_as: str = "data", today: dt.date | None = None) -> SiteData:
    """`today`: the build date that no follow-up record may be after (default: macros/builddate.py)."""
    data_dir = Path(data_dir)
    problems: list[Problem] = []
    invalid_files = False  # a file failed its schema: its ids are missing from the index
    values: dict[str, Any] = {spec.key: ({} if spec.many else None) for spec in FILES}
    located: list[tuple[YamlDoc, BaseModel]] = []

    if not data_dir.is_dir():
        raise DataError([Problem(shown_as, "datamappen saknas")])

    for path in data_files(data_dir):
        rel = path.relative_to(data_dir).as_posix()
        shown = f"{shown_as}/{rel}"
        spec = _spec_for(rel)
        if spec is None or path.suffix not in (".yaml", ".yml"):
            problems.append(Problem(shown, "okänd datafil: den har inget schema (se macros/data/models/__init__.py)"))
            continue
        try:
            doc = load_yaml(path, shown)
        except DataError as exc:
            problems.extend(exc.problems)
            continue
        try:
            obj = spec.model.model_validate(doc.data)
        except ValidationError as exc:
            problems.extend(_problems_from_validation(doc, exc))
            invalid_files = True
            continue
        if spec.many:
            obj_id = getattr(obj, "id", path.stem)
            if obj_id != path.stem:
                problems.append(
                    Problem(shown, f'id "{obj_id}" ska vara samma som filnamnet ("{path.stem}")', doc.line_of(("id",)), field="id")
                )
                continue
            values[spec.key][path.stem] = obj
        else:
            values[spec.key] = obj
        located.append((doc, obj))

    for spec in FILES:
        if spec.required and (values[spec.key] in (None, {})):
            if not any(p.file.startswith(f"{shown_as}/{spec.pattern.split('*')[0]}") for p in problems):
                problems.append(Problem(f"{shown_as}/{spec.pattern}", "filen saknas"))

    index, more = _index(located, invalid_files)
    problems.extend(more)
    problems.extend(check_uppfoljning(located, values["handlingsplaner"], today or build_date(), invalid_files))

    if problems:
        raise DataError(problems)
    return SiteData(**values, index=index, docs={doc.file: doc for doc, _ in located})


_KIND_NAMES = {
    "aktor": "aktör i data/aktorer.yaml",
    "roll": "roll i data/roller.yaml",
    "kalla": "källa i data/kallor.yaml",
    "aktivitet": "aktivitet",
    "handlingsplan": "handlingsplan i data/handlingsplan/",
    "adress": "adress i data/adresser.yaml",
}


def check_uppfoljning(located: list[tuple[YamlDoc, BaseModel]], plans: dict[str, Any], today: dt.date, invalid_files: bool = False) -> list[Problem]:
    """Follow-up files (data/uppfoljning/): the file names a plan, every
    activity exists in that plan, no record is dated after the build date.
    A plan file that failed its schema is reported already: its follow-up is not checked."""
    problems: list[Problem] = []
    for doc, obj in located:
        if not isinstance(obj, Uppfoljning):
            continue
        plan = plans.get(obj.id)
        if plan is None:
            if invalid_files:
                continue
            problems.append(Problem(doc.file, f'det finns ingen handlingsplan med id "{obj.id}" i data/handlingsplan/', doc.line_of(("id",)), entry=obj.id, field="id"))
            continue
        ids = [a.id for a in plan.aktiviteter]
        for i, act in enumerate(obj.aktiviteter):
            if act.id not in ids:
                close = difflib.get_close_matches(act.id, ids, n=1)
                hint = f' Menade du "{close[0]}"?' if close else ""
                problems.append(
                    Problem(doc.file, f'aktivitet "{act.id}" finns inte i handlingsplanen {obj.id}.{hint}', doc.line_of(("aktiviteter", i, "id")), entry=act.id, field="id")
                )
            for j, post in enumerate(act.poster):
                if post.datum > today:
                    problems.append(
                        Problem(
                            doc.file,
                            f"datumet {post.datum.isoformat()} ligger efter byggdagen {today.isoformat()}; en uppföljning kan bara gälla något som redan har hänt",
                            doc.line_of(("aktiviteter", i, "poster", j, "datum")),
                            entry=act.id,
                            field=f"poster[{j}].datum",
                        )
                    )
    return problems

