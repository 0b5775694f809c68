"""Hostile data, not hand-picked: every string field of every data file gets
every payload class, and each time one of two things happens:

- the data is rejected with a message naming file, entry and field, or
- the payload is inert text in every output: the HTML pages, the downloads
  (CSV, XLSX, iCalendar, RTF), the review queue's CSV (`make granska`) and
  the search index.

Nothing in between, and no traceback.

Affordable on a small machine: step 1 validates in-process (macros.data.site.
load_site) with the payload class in the first occurrence of every field at
once; every problem must name one of the changed fields, which are put back,
until the rest is accepted (a few validations per class, not one per field).
Step 2 puts into every occurrence of every accepted field all the classes
that field accepts, joined into one text with its own marker (zq<n>zq, so a
leak names its field), and runs one real build.
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

import macros.__main__ as macros_main
import macros.data.site
from conftest import ROOT, copy_project, run_build
from macros.data.loader import DataError, load_yaml

# OWASP CSV injection: what a spreadsheet reads as a formula (full-width forms too).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")

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


def _named_leaves(problem, placed: dict[Leaf, tuple]) -> tuple[set[Leaf], bool]:
    """The changed leaves a problem names, and whether it names exactly one
    field: its field in its entry; failing that, the changed leaves below the
    field it names (a union or a list), or every changed leaf of its entry (a
    rule between two fields of one entry names one of them)."""
    same_entry = {leaf for leaf, (file, entry, *_) in placed.items() if (file, entry) == (problem.file, problem.entry)}
    exact = {leaf for leaf in same_entry if placed[leaf][2] == problem.field}
    if not exact:  # a message that quotes the value names its leaf (each holds its own marker)
        exact = {leaf for leaf in same_entry if (m := MARKER.search(str(placed[leaf][3]))) and m.group() in problem.message}
    if exact:
        return exact, True
    below = {leaf for leaf in same_entry if problem.field and placed[leaf][2].startswith((problem.field + ".", problem.field + "["))}
    return below or same_entry, False


def _put_back_rejected(docs, mp, live: dict[Leaf, str]) -> set[Leaf]:
    """Validates until accepted, putting back the leaves each problem names
    (every problem must name one of the changed leaves); `live` keeps the
    accepted ones. Returns the leaves put back only because a rule named their
    entry or a field above them: they may be fine on their own."""
    unsure: set[Leaf] = set()
    for _ in range(50):
        exc = _validate(docs, mp)
        if exc is None:
            return unsure
        placed = {leaf: (leaf.file, *_expected_place(docs[leaf.file].data, leaf.path), _get(docs[leaf.file].data, leaf.path)) for leaf in live}
        back, named_exactly = set(), set()
        for problem in exc.problems:
            assert problem.field, f"rejected without naming a field:\n{problem}"
            named, exact = _named_leaves(problem, placed)
            assert named, f"rejected, but the message names none of the changed fields:\n{problem}"
            back |= named
            if exact:
                named_exactly |= named
        for leaf in back:
            _set(docs[leaf.file].data, leaf.path, live.pop(leaf))
        unsure |= back - named_exactly
    pytest.fail("validation kept rejecting")


def _validate_until_accepted(docs, mp, changed: dict[Leaf, str]) -> dict[Leaf, str]:
    """Puts every changed value in place and validates; each problem must name
    one of the changed leaves, which are put back, until validation accepts
    the rest. Leaves put back only because a rule named their entry are tried
    again together, then one by one. Returns {accepted leaf: its original
    value}; the accepted values stay in place (the caller restores them)."""
    originals = {leaf: _get(docs[leaf.file].data, leaf.path) for leaf in changed}
    live: dict[Leaf, str] = {}
    batch = list(changed)
    for round_ in range(3):
        for leaf in batch:
            _set(docs[leaf.file].data, leaf.path, changed[leaf])
        group = {leaf: originals[leaf] for leaf in batch}
        unsure = _put_back_rejected(docs, mp, group)
        live |= group
        if not unsure:
            break
        # the last round takes the doubtful leaves one at a time
        batch = sorted(unsure, key=str)
        if round_ == 1:
            for leaf in batch:
                _set(docs[leaf.file].data, leaf.path, changed[leaf])
                single = {leaf: originals[leaf]}
                _put_back_rejected(docs, mp, single)
                live |= single
            break
    return live


# ---------------------------------------------------------------- step 1: what validation rejects


@pytest.fixture(scope="module")
def accepted(docs, leaves):
    """{payload class: fields that validation accepts}; every rejection names
    file, entry and field."""
    mp = pytest.MonkeyPatch()
    firsts: dict[tuple, Leaf] = {}
    for leaf in leaves:
        firsts.setdefault(leaf.field, leaf)
    result: dict[str, set[tuple]] = {}
    try:
        for name, make in PAYLOADS.items():
            # a marker per field, so no two fields hold the same text (ids, variants are unique)
            live = _validate_until_accepted(docs, mp, {leaf: make(f"zq{n}zq") for n, leaf in enumerate(firsts.values(), 1)})
            for leaf in firsts.values():  # put the data back (accepted or not)
                _set(docs[leaf.file].data, leaf.path, live.get(leaf, _get(docs[leaf.file].data, leaf.path)))
            result[name] = {leaf.field for leaf in live}
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


# ---------------------------------------------------------------- step 2: one build, every payload class


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


# Joined into one text per field in this order: a formula must start the cell,
# an address must be the whole value of an address field.
JOIN_ORDER = ("url", "formula", "markup", "attribute-title", "markdown-link", "jinja")


def _joined_payload(field: tuple, accepted: dict[str, set[tuple]], marker: str, first: bool) -> str | None:
    """Every payload class the field accepts, in one text holding the marker
    once; the first occurrence of a field also gets the long text."""
    classes = [n for n in JOIN_ORDER if field in accepted[n]]
    if "url" in classes and len(classes) > 1:
        classes.remove("url")  # free text: the address is one more text in it
        tail = [PAYLOADS["url"]("")]
    else:
        tail = []
    if not classes:
        return PAYLOADS["long"](marker) if first and field in accepted["long"] else None
    text = " ".join([PAYLOADS[classes[0]](marker), *(PAYLOADS[n]("") for n in classes[1:]), *tail])
    if first and field in accepted["long"]:
        text += " " + ("långt ord " * 1000)[: max(0, 10_000 - len(text) - 1)]
    return text


def _scan_review_queue(project: Path, out: Path, payloads: dict[str, str], leaks: list[str]) -> None:
    """`make granska`'s CSV, written in-process from the project's files."""
    assert macros_main.granska(out, root=project) == 0
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig")), delimiter=";"))
    cells = [c for row in rows for c in row]
    leaks.extend(f"{out.name}: formula cell {c[:80]!r}" for c in cells if c.startswith(FORMULA_START))
    _inert_text(out.name, cells, payloads, leaks)


@pytest.mark.build
def test_every_payload_is_rejected_or_inert_everywhere(docs, leaves, accepted, tmp_path, monkeypatch):
    firsts: set[Leaf] = set()
    seen: set[tuple] = set()
    for leaf in leaves:
        if leaf.field not in seen:
            seen.add(leaf.field)
            firsts.add(leaf)
    values: dict[Leaf, str] = {}
    for n, leaf in enumerate(leaves, 1):
        value = _joined_payload(leaf.field, accepted, f"zq{n}zq", leaf in firsts)
        if value is not None:
            values[leaf] = value
    assert len(values) > 500, "the payloads went into the data's string fields"
    originals = {leaf: _get(docs[leaf.file].data, leaf.path) for leaf in values}
    try:
        # An occurrence can be rejected where the first one was not (a rule on
        # one entry, or two classes together): the message names it; it is put
        # back and the rest goes on.
        live = _validate_until_accepted(docs, monkeypatch, values)
        where = {MARKER.search(values[leaf]).group(): leaf for leaf in live}
        payloads = {marker: values[leaf] for marker, leaf in where.items()}
        project = copy_project(tmp_path / "projekt")
        for file, doc in docs.items():
            if any(leaf.file == file for leaf in live):
                header = (ROOT / file).read_text(encoding="utf-8").splitlines()[0]
                (project / file).write_text(header + "\n" + yaml.safe_dump(doc.data, allow_unicode=True, sort_keys=False, width=10**6), encoding="utf-8")
    finally:
        for leaf, old in originals.items():
            _set(docs[leaf.file].data, leaf.path, old)
        monkeypatch.undo()  # from here on the project's files are read as written
    classes = {n: sum(1 for leaf in live if leaf.field in accepted[n]) for n in PAYLOADS if n != "control"}
    assert all(classes.values()), f"every payload class reached some field: {classes}"

    site = tmp_path / "site"
    result = run_build(project, site)
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output[-4000:]
    assert result.returncode == 0, f"the build stopped although validation accepted the data:\n{output[-4000:]}"

    leaks: list[str] = []
    links = _scan_html(site, payloads, leaks)
    _scan_search_index(site, payloads, leaks)
    _scan_downloads(site, payloads, leaks)
    _scan_review_queue(project, tmp_path / "granskning.csv", payloads, leaks)
    kinds: dict[str, list[str]] = {}
    for leak in leaks:
        kinds.setdefault(MARKER.sub("zq…zq", leak.split("…")[0])[:160], []).append(leak)
    report = []
    for kind, found in sorted(kinds.items(), key=lambda kv: -len(kv[1]))[:25]:
        fields = sorted({f"{where[m].file} {where[m].path}" for leak in found for m in MARKER.findall(leak) if m in where})
        report.append(f"{len(found)} × {kind}\n    e.g. {found[0][:300]}\n    fields: {fields[:4]}")
    assert not leaks, f"{len(leaks)} leaks:\n" + "\n".join(report)
    plan_page = (site / "handlingsplan" / "2019-2023" / "index.html").read_text(encoding="utf-8")
    assert any(m in plan_page for m in where), "the payloads reached the plan page at all"
    assert links > 0, "addresses from the data became links"
