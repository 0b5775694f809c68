"""The test suite's own machinery (tests/conftest.py): a session build made
once for every test process, and tiers from fixtures."""

from __future__ import annotations

import multiprocessing
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import made_once, tier_of


def _factory(base: Path):
    return SimpleNamespace(getbasetemp=lambda: base)


def _make_counting(folder: Path) -> None:
    count = folder.parent / "antal"
    count.write_text(str(int(count.read_text()) + 1 if count.exists() else 1))
    (folder / "sida.html").write_text("<p>byggd</p>")


def _ask(base: str, worker: str) -> str:
    import os

    os.environ["PYTEST_XDIST_WORKER"] = worker
    return str(made_once(_factory(Path(base) / worker), "prov", _make_counting))


def test_two_processes_share_one_made_folder(tmp_path):
    for worker in ("gw0", "gw1"):
        (tmp_path / worker).mkdir()
    with multiprocessing.get_context("fork").Pool(2) as pool:
        folders = pool.starmap(_ask, [(str(tmp_path), "gw0"), (str(tmp_path), "gw1")])
    assert folders[0] == folders[1] == str(tmp_path / "gemensam-prov")
    assert (tmp_path / "antal").read_text() == "1"
    assert (tmp_path / "gemensam-prov" / "sida.html").exists()


def test_a_failed_make_is_tried_again_not_taken_as_made(tmp_path, monkeypatch):
    monkeypatch.delenv("PYTEST_XDIST_WORKER", raising=False)

    def broken(folder: Path) -> None:
        (folder / "halv.html").write_text("<p>halv")
        raise AssertionError("bygget misslyckades")

    with pytest.raises(AssertionError, match="bygget misslyckades"):
        made_once(_factory(tmp_path), "prov", broken)
    made = made_once(_factory(tmp_path), "prov", _make_counting)
    assert sorted(p.name for p in made.iterdir()) == ["sida.html"]


def test_tier_from_marker_or_from_the_highest_fixture():
    assert tier_of({"browser"}, []) == "browser"
    assert tier_of(set(), ["built_site", "host", "browser"]) == "nginx"
    assert tier_of(set(), ["tmp_path"]) == "unit"
