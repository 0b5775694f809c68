"""This is a handbook about children: no personal data, ever.

Rejects anything in docs/ or data/ that looks like a Swedish personnummer
(or samordningsnummer), a personal e-mail address or a personal phone number.
Public short numbers (112, 114 14, 1177) are allowed.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

# YYMMDD or YYYYMMDD, optional - or +, four digits.
_PNR = re.compile(r"(?<![\d/.-])(?:19|20)?(\d{2})(\d{2})(\d{2})[-+ ]?(\d{4})(?![\d/])")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
# Swedish phone numbers: 0xx-xxx xx xx, +46 …, 07x … (at least 8 digits in all).
_PHONE = re.compile(r"(?<![\d\w])(?:\+46|0046|0)[\s-]?\(?\d{1,3}\)?(?:[\s-]?\d){5,9}(?![\d])")
# Functional addresses of organisations may be allowed here, one by one, with a reason.
ALLOWED_EMAILS: set[str] = set()
PUBLIC_NUMBERS = {"112", "11414", "1177", "114 14"}


def _looks_like_date(yy: str, mm: str, dd: str) -> bool:
    day = int(dd)
    if day > 60:  # samordningsnummer: day + 60
        day -= 60
    try:
        dt.date(2000 + int(yy), int(mm), day)
        return True
    except ValueError:
        return False


def find_personal_data(text: str, function_numbers: frozenset[str] = frozenset()) -> list[str]:
    """Everything that looks like personal data. `function_numbers` (digits
    only): switchboards and function numbers allowed in this one text."""
    hits = []
    for m in _PNR.finditer(text):
        if _looks_like_date(*m.group(1, 2, 3)):
            hits.append(f"personnummer? {m.group(0)!r}")
    for m in _EMAIL.finditer(text):
        if m.group(0).lower() not in ALLOWED_EMAILS:
            hits.append(f"e-postadress {m.group(0)!r}")
    for m in _PHONE.finditer(text):
        digits = re.sub(r"\D", "", m.group(0))
        if digits not in PUBLIC_NUMBERS and digits not in function_numbers and len(digits) >= 8:
            hits.append(f"telefonnummer? {m.group(0)!r}")
    return hits


@pytest.mark.parametrize(
    "text",
    [
        "Barnet Kim, 121212-1212, går i förskola.",
        "personnummer 201507249876",
        "samordningsnummer 150784-1234",
        "Mejla anna.andersson@exempel.se om barnet.",
        "Ring 0470-12 34 56.",
        "Ring mamma på 070-123 45 67",
        "+46 70 123 45 67",
    ],
)
def test_detector_catches_personal_data(text: str):
    assert find_personal_data(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Ring 112 vid akut fara.",
        "Dnr 2018/0234, Bu § 96.",
        "Fastställd 2020-04-03, reviderad 200904, 210616.",
        "Kostnad 2019: 299 197 kronor, andel 44,79 %.",
        "SFS 2025:400, 2009:400 och 2018:1937.",
        "1 036 mkr, 668 000 kr/år",
    ],
)
def test_detector_leaves_ordinary_text_alone(text: str):
    assert find_personal_data(text) == []


def _content_files() -> list[Path]:
    files = []
    for top in ("docs", "data"):
        for path in (ROOT / top).rglob("*"):
            if path.is_file() and path.suffix in (".md", ".yaml", ".yml", ".json", ".html", ".txt", ".csv"):
                if "schemas" in path.relative_to(ROOT).parts:
                    continue
                files.append(path)
    return files


# The local layer (data/lokalt.yaml, issue 21) is the one file that holds phone
# numbers: switchboards and function numbers, each in a `telefon:` field, which
# the model checks (never a mobile number) and which has a public source.
LOCAL_FILE = "data/lokalt.yaml"
MOBILE = ("070", "072", "073", "076", "079")


def _function_numbers() -> frozenset[str]:
    """The digits of every `telefon:` value in data/lokalt.yaml."""
    data = yaml.safe_load((ROOT / LOCAL_FILE).read_text(encoding="utf-8"))
    found: set[str] = set()

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "telefon" and isinstance(value, (str, int)):
                    found.add(re.sub(r"\D", "", str(value)))
                else:
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(data)
    return frozenset(found)


def test_local_file_numbers_are_functions_not_people():
    numbers = _function_numbers()
    # hand-checked: the four daytime numbers and the county's short numbers
    assert {"047041000", "047812510", "047447000", "047655081", "112", "11414"} <= numbers
    assert not [n for n in numbers if n.startswith(MOBILE)]
    text = (ROOT / LOCAL_FILE).read_text(encoding="utf-8")
    assert not _EMAIL.search(text), "no e-mail address in the local layer, not even a functional one"
    # a number outside a telefon: field is still caught
    assert find_personal_data("ring 0470-12 34 56", _function_numbers())


def test_no_personal_data_in_docs_or_data():
    assert len(_content_files()) > 5
    assert (ROOT / LOCAL_FILE) in _content_files()
    found = {}
    for path in _content_files():
        allowed = _function_numbers() if path == ROOT / LOCAL_FILE else frozenset()
        hits = find_personal_data(path.read_text(encoding="utf-8", errors="replace"), allowed)
        if hits:
            found[str(path.relative_to(ROOT))] = hits
    assert found == {}
