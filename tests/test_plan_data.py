"""The action plan 2019–2023 in data/ is the seed's plan, whole and in order."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT

# A copy of the seed (the published action plan as text) is kept with the
# tests, so CI checks the data against it; where the project's seeds folder
# is beside the repository, the copy must still be identical to it.
SEED = ROOT / "tests" / "fixtures" / "seeds" / "002_8a4402c008c7451b.txt"
SHARED = ROOT.parent / "shared" / "seeds" / SEED.name


def test_seed_copy_is_the_seed():
    if not SHARED.exists():
        pytest.skip("the project's seeds folder (../shared/seeds) is not beside this checkout")
    assert SEED.read_bytes() == SHARED.read_bytes()


def _seed_rows() -> list[list[str]]:
    """The activity rows of the seed's tables: number and the tab-separated cells."""
    rows = []
    for line in SEED.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if re.fullmatch(r"\d\.\d", cells[0].strip()):
            rows.append([_plain(c) for c in cells])
    return rows


def _plain(text: str | None) -> str:
    return re.sub(r"<[^>]+>", "", text or "").strip()


def test_plan_has_every_activity_of_the_seed_in_order(site_data):
    plan = site_data.handlingsplaner["2019-2023"]
    assert [a.id for a in plan.aktiviteter] == [r[0] for r in _seed_rows()]
    assert len(plan.aktiviteter) == 23
    assert len(plan.amnesomraden) == 6


def test_every_cell_is_verbatim(site_data):
    plan = site_data.handlingsplaner["2019-2023"]
    by_id = {a.id: a for a in plan.aktiviteter}
    for row in _seed_rows():
        act = by_id[row[0]]
        assert act.text == row[1]
        assert act.ansvarig.original == row[2]
        assert act.tid.original == row[3]
        assert (act.uppfoljning or "") == (row[4] if len(row) > 4 else "")
        extra = [c for c in row[5:] if c]
        recorded = [] if act.status == "inte_redovisad" else [s.text for s in act.status if s.plats == "extra_kolumn"]
        assert recorded == extra, act.id


def test_area_headings_are_the_seed_headings(site_data):
    text = SEED.read_text(encoding="utf-8")
    for area in site_data.handlingsplaner["2019-2023"].amnesomraden:
        assert area.rubrik in text
