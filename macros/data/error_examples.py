"""Real error messages for the editors' guide, produced by the validator.

Each example copies data/ to a temporary folder, breaks one line the way an
editor might, runs the same validation the build runs (load_site) and keeps
the message it prints. The guide shows these messages, so they are always the
build's own words. An example whose line is no longer in the data, or whose
broken copy validates, stops the build (the guide must be updated).
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pydantic
import yaml

from .. import cache
from .loader import DataError
from .site import load_site


@dataclass(frozen=True)
class Example:
    title: str
    file: str  # relative to data/
    find: str  # a regular expression matching one whole line (first match is changed)
    replace: str
    advice: str  # how to fix it, in plain Swedish


EXAMPLES = (
    Example(
        "Ett id som inte finns",
        "handlingsplan/2019-2023.yaml",
        r"^( +- roll: )processledare$",
        r"\1processledarna",
        "Ett id ska skrivas exakt som det står i filen där saken beskrivs, här data/roller.yaml. "
        "Bygget föreslår det id som liknar mest.",
    ),
    Example(
        "Ett värde som inte är tillåtet",
        "handlingsplan/2019-2023.yaml",
        r"^( +status: )inte_redovisad$",
        r"\1klar",
        "Vissa fält tar bara emot bestämda värden. Meddelandet räknar upp dem. En status som planen "
        "inte anger skrivs som inte_redovisad; det planen noterar skrivs som en lista med text och plats.",
    ),
    Example(
        "Ett datum som inte finns",
        "andringar.yaml",
        r"^( +datum: )2026-11-24$",
        r"\g<1>2026-11-31",
        "Datum skrivs ÅÅÅÅ-MM-DD och måste finnas i almanackan.",
    ),
    Example(
        "En adress som inte finns",
        "andringar.yaml",
        r"^( +- )/ordlista/$",
        r"\1/ordlistan/",
        "En ändring får bara nämna adresser som står i data/adresser.yaml. Kopiera adressen därifrån, "
        "med snedstreck först och sist.",
    ),
    Example(
        "Ett felstavat fältnamn",
        "andringar.yaml",
        r"^( +)sammanfattning:",
        r"\1sammanfatning:",
        "Fältnamnen står i schemat (data/schemas/). Ett okänt namn är nästan alltid en felstavning.",
    ),
    Example(
        "Fel indrag",
        "andringar.yaml",
        r"^( +)typ: ny$",
        r"\1  typ: ny",
        "Raderna i en post ska börja lika långt in. Använd mellanslag, inte tabb.",
    ),
)


@dataclass(frozen=True)
class Produced:
    example: Example
    before: str
    after: str
    line: int
    message: str


def produce(data_dir: Path, examples: tuple[Example, ...] = EXAMPLES) -> list[Produced]:
    """Break a copy of the data once per example and keep the validator's
    message. The result is kept in a file named by a hash of everything it
    depends on (the data, the validating code, the examples), so a build with
    the same inputs reads it back instead of validating six copies again."""
    path = cache.cache_dir("felexempel") / f"{_inputs_hash(data_dir, examples)}.json"
    saved = cache.read(path)
    if saved is not None:
        return [Produced(ex, *row) for ex, row in zip(examples, json.loads(saved))]
    out = _produce(data_dir, examples)
    cache.write(path, json.dumps([[p.before, p.after, p.line, p.message] for p in out], ensure_ascii=False).encode())
    return out


def _inputs_hash(data_dir: Path, examples) -> str:
    digest = hashlib.sha256(f"{examples!r} {sys.version} pydantic {pydantic.VERSION} pyyaml {yaml.__version__}".encode())
    code = Path(__file__).resolve().parent.parent
    for path in sorted(p for p in data_dir.rglob("*") if p.is_file()) + sorted(code.rglob("*.py")):
        digest.update(str(path.name).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:24]


def _produce(data_dir: Path, examples) -> list[Produced]:
    out: list[Produced] = []
    with tempfile.TemporaryDirectory(prefix="bbg-felexempel-") as tmp:
        for ex in examples:
            copy = Path(tmp) / f"ex{len(out)}" / "data"
            shutil.copytree(data_dir, copy, ignore=shutil.ignore_patterns("schemas"))
            path = copy / ex.file
            text = path.read_text(encoding="utf-8")
            m = re.search(ex.find, text, re.M)
            if not m:
                raise ValueError(f"felexemplet \"{ex.title}\": raden {ex.find!r} finns inte längre i data/{ex.file}; uppdatera macros/data/error_examples.py")
            after = m.expand(ex.replace)
            path.write_text(text[: m.start()] + after + text[m.end():], encoding="utf-8")
            try:
                load_site(copy)
            except DataError as exc:
                message = str(exc)
            else:
                raise ValueError(f"felexemplet \"{ex.title}\" gav inget fel; uppdatera macros/data/error_examples.py")
            out.append(Produced(ex, m.group(0), after, text.count("\n", 0, m.start()) + 1, message))
    return out
