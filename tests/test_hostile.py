"""Hostile data, not hand-picked: every string field of every data file gets
every payload class, and each time one of two things happens:

- the data is rejected with a message naming file, entry and field, or
- the payload is inert text in every output: the HTML pages, the downloads
  (CSV, XLSX, iCalendar, RTF) and the search index.

Nothing in between, and no traceback.

Affordable on a small machine: step 1 validates in-process (macros.site.
load_site) once per field and payload class, with the payload in the field's
first occurrence. Step 2 puts the payload into every occurrence of every
field that was accepted, each with its own marker (zq<n>zq) so a leak names
its field, and runs one real build per payload class.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import icalendar
import pytest
import yaml
from openpyxl import load_workbook

import macros.data.site
from conftest import ROOT, copy_project, run_build
from macros.data.loader import DataError, load_yaml

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# name -> payload with its marker; each holds the marker exactly once.
PAYLOADS = {
    "markup": lambda m: f"<b>{m}</b><img src=x onerror=alert(1)><script>alert(2)</script>",
    "attribute-title": lambda m: f"{m}\" onmouseover=\"alert(3)\" x='y' </title><img src=x onerror=alert(4)>",
    "markdown-link": lambda m: f"{m}](https://x.example/a) <img src=x onerror=alert(5)> ( [x](javascript:alert(6)) *fet* _k_ `kod` | cell | # rubrik",
    "jinja": lambda m: f"{m} {{{{ 7*191 }}}} {{% if true %}}ja{{% endif %}} {{# c #}} {{## d ##}} {{{{ config.site_name }}}}",
    "formula": lambda m: f"=HYPERLINK(\"https://x.example/{m}\",\"klicka\")",
    "control": lambda m: f"{m}\x00\x1b[31m\x07\r\nrad",
    "long": lambda m: f"{m} " + ("långt ord " * 1000)[: 10_000 - len(m) - 1],
    # a valid address full of Markdown syntax: accepted where addresses go too
    "url": lambda m: f"https://x.example/{m}/a_(b)_*c*[d]!e~f$g;h,i=j&k+l#m",
}
# The long payload goes into the first occurrence of each field only (every
# occurrence would make a site of hundreds of megabytes); the others go everywhere.
FIRST_ONLY = {"long"}


# ---------------------------------------------------------------- the data, walked


@dataclass(frozen=True)
class Leaf:
    file: str  # "data/roller.yaml"
    path: tuple  # ("roller", 3, "namn")

    @property
    def field(self) -> tuple:
        """The field, whatever the occurrence: ("roller", "*", "namn")."""
        return (self.file, *("*" if isinstance(p, int) else p for p in self.path))


def _string_leaves(node, path=()):
    if isinstance(node, str):
        yield path
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _string_leaves(value, path + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _string_leaves(value, path + (i,))


def _data_files(data_dir: Path) -> list[Path]:
    return sorted(p for p in data_dir.rglob("*.yaml") if "schemas" not in p.relative_to(data_dir).parts)


def _get(node, path):
    for p in path:
        node = node[p]
    return node


def _set(node, path, value):
    _get(node, path[:-1])[path[-1]] = value


def _expected_place(data, path) -> tuple[str | None, str]:
    """(entry id, field below it) as a process leader reads them: the entry is
    the innermost mapping with an `id` on the path."""
    entry, below, node = (str(data["id"]) if isinstance(data, dict) and "id" in data else None), list(path), data
    for depth, key in enumerate(path, start=1):
        node = node[key]
        if isinstance(node, dict) and "id" in node:
            entry, below = str(node["id"]), list(path[depth:])
    text = ""
    for p in below:
        text += f"[{p}]" if isinstance(p, int) else (f".{p}" if text else p)
    return entry, text


@pytest.fixture(scope="module")
def docs():
    """Every data file, parsed once: {shown path: YamlDoc}."""
    return {f"data/{p.relative_to(ROOT / 'data').as_posix()}": load_yaml(p, f"data/{p.relative_to(ROOT / 'data').as_posix()}") for p in _data_files(ROOT / "data")}


@pytest.fixture(scope="module")
def leaves(docs) -> list[Leaf]:
    return [Leaf(file, path) for file, doc in docs.items() for path in _string_leaves(doc.data)]


def _validate(docs, monkeypatch) -> DataError | None:
    """load_site on the (mutated) parsed files, in-process."""
    by_path = {str(ROOT / shown): doc for shown, doc in docs.items()}
    monkeypatch.setattr(macros.data.site, "load_yaml", lambda path, shown=None: by_path[str(path)])
    try:
        macros.data.site.load_site(ROOT / "data")
    except DataError as exc:
        return exc
    return None


def _check_named(exc: DataError, doc, leaf: Leaf) -> None:
    """The rejection names the file, the entry and the field."""
    entry, field = _expected_place(doc.data, leaf.path)
    named = [p for p in exc.problems if p.file == leaf.file and p.entry == entry and p.field and (field == p.field or field.startswith(p.field + ".") or field.startswith(p.field + "["))]
    assert named, f"{leaf.file} {leaf.path}: the message does not name entry {entry!r} and field {field!r}:\n{exc}"


# ---------------------------------------------------------------- step 1: what validation rejects


@pytest.fixture(scope="module")
def accepted(docs, leaves):
    """{payload class: fields that validation accepts}; every rejection is
    checked for naming file, entry and field."""
    mp = pytest.MonkeyPatch()
    firsts: dict[tuple, Leaf] = {}
    for leaf in leaves:
        firsts.setdefault(leaf.field, leaf)
    result: dict[str, set[tuple]] = {}
    try:
        for name, make in PAYLOADS.items():
            result[name] = set()
            for field, leaf in firsts.items():
                doc = docs[leaf.file]
                old = _get(doc.data, leaf.path)
                _set(doc.data, leaf.path, make("zq0zq"))
                try:
                    exc = _validate(docs, mp)
                    if exc is None:
                        result[name].add(field)
                    else:
                        _check_named(exc, doc, leaf)  # as the data stands (a bad id names the entry by it)
                finally:
                    _set(doc.data, leaf.path, old)
    finally:
        mp.undo()
    return result


def test_validation_rejects_by_name_or_accepts(accepted, leaves):
    fields = {leaf.field for leaf in leaves}
    assert len(fields) > 100, "the walk found the data's string fields"
    # ids, references, enumerations, addresses and dates are never free text
    for name in PAYLOADS:
        assert not any(f[-1] == "id" for f in accepted[name]), name
    assert not accepted["control"], "control characters are rejected in every field"
    # free text is accepted as text (and must then be inert, step 2)
    assert ("data/roller.yaml", "roller", "*", "namn") in accepted["markup"]
    assert ("data/kallor.yaml", "dokument", "*", "url") in accepted["url"]
    assert not any(f[-1] == "url" for f in accepted["markup"])


# ---------------------------------------------------------------- step 2: one build per payload class


class _Page(HTMLParser):
    """Text nodes, attribute values and live-markup findings of one page."""

    STRUCTURAL = {"id", "href", "src", "class", "for", "name", "headers", "aria-labelledby", "aria-describedby", "aria-controls", "xlink:href"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.structural: list[str] = []
        self.hrefs: list[str] = []
        self.script: list[str] = []
        self.live: list[str] = []
        self._in: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._in.append(tag)
        for key, value in attrs:
            if key.startswith("on") or "zq" in key or "'" in key or '"' in key:
                self.live.append(f"<{tag} {key}=…>")
            if value is None:
                continue
            if tag == "img" and key == "src" and value == "x":
                self.live.append("<img src=x>")
            if key == "href" and value.strip().lower().startswith("javascript:"):
                self.live.append(f"<a href={value}>")
            if key == "href" and MARKER.search(value) and value.startswith(("http:", "https:")):
                self.hrefs.append(value)
            (self.structural if key in self.STRUCTURAL else self.texts).append(value)

    def handle_endtag(self, tag):
        if self._in and self._in[-1] == tag:
            self._in.pop()

    def handle_data(self, data):
        (self.script if self._in else self.texts).append(data)


MARKER = re.compile(r"zq\d+zq")


def _shown_as_written(low: str, at: int, payload: str, marker: str) -> bool:
    """Does the marker at `at` stand inside its payload, verbatim? Shortened
    forms count: the first sentence (role lists) or a start cut with "…"
    (the role matrix); a shortened text is still the payload's own text."""
    before, after = payload.lower().split(marker, 1)
    if low[max(0, at - len(before)) : at] != before:
        return False
    rest = low[at + len(marker) :]
    if rest.startswith(after):
        return True
    first = after.split(".")[0]
    if "." in after and rest.startswith(first):
        return True
    cut = rest.find("…")
    return cut >= 0 and after.startswith(rest[:cut].rstrip())


def _inert_text(where: str, texts: list[str], payloads: dict[str, str], leaks: list[str]) -> None:
    """Every marker in these texts stands inside its payload, verbatim."""
    for text in texts:
        low = text.lower()
        for found in MARKER.finditer(low):
            marker = found.group()
            payload = payloads.get(marker)
            if payload is not None and not _shown_as_written(low, found.start(), payload, marker):
                leaks.append(f"{where}: {marker} not shown as written: …{text[max(0, found.start() - 60): found.start() + 200]!r}…")


def _scan_html(site: Path, payloads: dict[str, str], leaks: list[str]) -> int:
    """Scans every page; returns how many links were made from data addresses."""
    links = 0
    for page in sorted(site.rglob("*.html")):
        parser = _Page()
        parser.feed(page.read_text(encoding="utf-8"))
        parser.close()
        where = str(page.relative_to(site))
        leaks.extend(f"{where}: live {x}" for x in parser.live)
        leaks.extend(f"{where}: marker in a script" for s in parser.script if MARKER.search(s))
        leaks.extend(
            f"{where}: marker in markup {s[:120]!r}"
            for s in parser.structural
            if MARKER.search(s) and s not in parser.hrefs and not re.fullmatch(r"[a-z0-9\-#/.%_:?=&]*", s)
        )
        for href in parser.hrefs:  # a link made from an address in the data goes there
            links += 1
            marker = MARKER.search(href).group()
            if marker in payloads and unquote(href) != unquote(payloads[marker]):
                leaks.append(f"{where}: link {href!r} is not the address {payloads[marker]!r}")
        _inert_text(where, parser.texts, payloads, leaks)
    return links


def _strings(node):
    """The texts of a search record (not its urls and anchor ids)."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            if key not in ("id", "url", "element"):
                yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def _scan_search_index(site: Path, payloads: dict[str, str], leaks: list[str]) -> None:
    """Pagefind's fragments hold plain text (its UI escapes < and > before
    showing an excerpt): the page's text, payloads verbatim."""
    fragments = sorted((site / "pagefind" / "fragment").glob("*.pf_fragment"))
    assert fragments, "the build wrote a search index"
    for frag in fragments:
        raw = gzip.decompress(frag.read_bytes()).decode("utf-8")
        record = json.loads(raw[raw.index("{"):])
        _inert_text(f"search index {record.get('url')}", list(_strings(record)), payloads, leaks)


def _rtf_text(raw: str) -> str:
    out = re.sub(r"\\u(-?\d+)\?", lambda m: chr(int(m[1]) % 65536), raw)
    return out.replace("\\\\", "\x01").replace("\\{", "{").replace("\\}", "}").replace("\x01", "\\")


def _scan_downloads(site: Path, payloads: dict[str, str], leaks: list[str]) -> None:
    for path in sorted(site.rglob("*.csv")):
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig")), delimiter=";"))
        cells = [c for row in rows for c in row]
        leaks.extend(f"{path.name}: formula cell {c[:80]!r}" for c in cells if c.startswith(FORMULA_START))
        _inert_text(path.name, cells, payloads, leaks)
    for path in sorted(site.rglob("*.xlsx")):
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                if name.startswith("xl/worksheets/") and re.search(rb"<f[ >]", z.read(name)):
                    leaks.append(f"{path.name}: formula in {name}")
        sheet = load_workbook(path).active
        cells = [c for row in sheet.iter_rows() for c in row if c.value is not None]
        leaks.extend(f"{path.name}: formula cell {c.coordinate}" for c in cells if c.data_type == "f")
        leaks.extend(
            f"{path.name}: {c.coordinate} starts like a formula without Excel's text flag"
            for c in cells
            if isinstance(c.value, str) and c.value.startswith(FORMULA_START) and not c.quotePrefix
        )
        _inert_text(path.name, [str(c.value) for c in cells], payloads, leaks)
    for path in sorted(site.rglob("*.ics")):
        raw = path.read_bytes()
        cal = icalendar.Calendar.from_ical(raw)
        lines = raw.decode("utf-8").replace("\r\n ", "").split("\r\n")
        names = {line.split(":", 1)[0].split(";", 1)[0] for line in lines if line}
        allowed = {"BEGIN", "END", "VERSION", "PRODID", "CALSCALE", "X-WR-CALNAME", "UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "TRANSP", "RRULE", "URL"}
        leaks.extend(f"{path.name}: property {n!r} made from data" for n in names - allowed)
        texts = [str(e[k]) for e in cal.walk("VEVENT") for k in ("SUMMARY", "DESCRIPTION") if k in e]
        _inert_text(path.name, texts, payloads, leaks)
    for path in sorted(site.rglob("*.rtf")):
        raw = path.read_text(encoding="ascii")
        unescaped = re.sub(r"\\[\\{}]", "", raw)
        if unescaped.count("{") != unescaped.count("}"):
            leaks.append(f"{path.name}: groups do not balance")
        _inert_text(path.name, [_rtf_text(raw)], payloads, leaks)


@pytest.mark.parametrize("name", [n for n in PAYLOADS if n != "control"])
def test_payload_is_rejected_or_inert_everywhere(name, docs, leaves, accepted, tmp_path, monkeypatch):
    make = PAYLOADS[name]
    chosen = [leaf for leaf in leaves if leaf.field in accepted[name]]
    if name in FIRST_ONLY:
        firsts: dict[tuple, Leaf] = {}
        for leaf in chosen:
            firsts.setdefault(leaf.field, leaf)
        chosen = list(firsts.values())
    assert chosen, f"no field accepts the {name} payload"
    originals = {leaf: _get(docs[leaf.file].data, leaf.path) for leaf in chosen}
    payloads = {f"zq{n}zq": make(f"zq{n}zq") for n in range(1, len(chosen) + 1)}
    where = {f"zq{n}zq": leaf for n, leaf in enumerate(chosen, 1)}
    try:
        for marker, leaf in where.items():
            _set(docs[leaf.file].data, leaf.path, payloads[marker])
        # An occurrence can be rejected where the first one was not (a rule on
        # one entry): that is the first outcome; check the message, put the
        # data back and go on with the rest.
        for _ in range(20):
            exc = _validate(docs, monkeypatch)
            if exc is None:
                break
            back = set()
            for problem in exc.problems:
                assert problem.field, f"rejected without naming a field:\n{problem}"
                place = {m: (leaf.file, *_expected_place(docs[leaf.file].data, leaf.path)) for m, leaf in where.items()}
                exact = {m for m, p in place.items() if p == (problem.file, problem.entry, problem.field)}
                # a rule between two fields of one entry names one of them
                same_entry = {m for m, p in place.items() if p[:2] == (problem.file, problem.entry)}
                assert exact or same_entry, f"rejected, but the message names none of the changed fields:\n{problem}"
                back |= exact or same_entry
            for marker in back:
                leaf = where.pop(marker)
                _set(docs[leaf.file].data, leaf.path, originals[leaf])
        else:
            pytest.fail("validation kept rejecting")
        project = copy_project(tmp_path / "projekt")
        for file, doc in docs.items():
            if any(leaf.file == file for leaf in where.values()):
                header = (ROOT / file).read_text(encoding="utf-8").splitlines()[0]
                (project / file).write_text(header + "\n" + yaml.safe_dump(doc.data, allow_unicode=True, sort_keys=False, width=10**6), encoding="utf-8")
    finally:
        for leaf, old in originals.items():
            _set(docs[leaf.file].data, leaf.path, old)

    site = tmp_path / "site"
    result = run_build(project, site)
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output[-4000:]
    assert result.returncode == 0, f"the build stopped although validation accepted the data:\n{output[-4000:]}"

    leaks: list[str] = []
    links = _scan_html(site, payloads, leaks)
    _scan_search_index(site, payloads, leaks)
    _scan_downloads(site, payloads, leaks)
    kinds: dict[str, list[str]] = {}
    for leak in leaks:
        kinds.setdefault(MARKER.sub("zq…zq", leak.split("…")[0])[:160], []).append(leak)
    report = []
    for kind, found in sorted(kinds.items(), key=lambda kv: -len(kv[1]))[:25]:
        fields = sorted({f"{where[m].file} {where[m].path}" for leak in found for m in MARKER.findall(leak) if m in where})
        report.append(f"{len(found)} × {kind}\n    e.g. {found[0][:300]}\n    fields: {fields[:4]}")
    assert not leaks, f"{len(leaks)} leaks of the {name} payload:\n" + "\n".join(report)
    shown = {m for m in where if any(m in p.read_text(encoding="utf-8") for p in [site / "handlingsplan" / "2019-2023" / "index.html"])}
    assert shown or name in FIRST_ONLY, "the payload reached the plan page at all"
    if name == "url":
        assert links > 0, "addresses from the data became links"
