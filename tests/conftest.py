"""Shared fixtures: the real data, loaded once, and one real strict build;
and the test tiers.

Every test is in exactly one tier (a pytest marker): `unit` (data, generators,
macros: no build, no browser), `build` (a real build), `browser` (Debian's
Chromium) or `nginx` (a real nginx). A test marked by hand keeps its tier;
otherwise it gets `nginx`, `browser` or `build` from the fixtures it uses and
`unit` if it uses none. `make test-fast` runs the unit tier. A test that
starts something above its tier fails (run_build, chromium(), nginx), so a
slow test cannot hide in the fast tier.

`make test` runs the tests in two or more processes (pytest-xdist, one a
core): the session's builds (`built_site`, `edited_site`) are made once for
all of them (`made_once`), and a module with a costly fixture of its own
(ONE_PROCESS) keeps its tests in one process, so the fixture is made once."""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from macros.data.site import load_site
from macros.steps.project_copy import copy_project  # noqa: F401  (shared with tools/)
from tiers import ENV, TIERS, require_tier

ROOT = Path(__file__).resolve().parent.parent


# Fixtures that put a test in a tier (the highest one wins).
TIER_FIXTURES = {"host": "nginx", "browser": "browser", "bundle": "browser", "built_site": "build", "edited_site": "build", "reviewed": "build"}


def pytest_configure(config) -> None:
    config.addinivalue_line("markers", "unit: data, generators and macros in-process; no build, no browser")
    config.addinivalue_line("markers", "build: runs a real build (tools/build_site.py or mkdocs)")
    config.addinivalue_line("markers", "browser: drives Debian's Chromium")
    config.addinivalue_line("markers", "nginx: runs a real nginx")


def tier_of(marks: set[str], fixtures: list[str]) -> str:
    """The test's tier: its own marker, else the highest its fixtures need, else unit."""
    own = [t for t in TIERS if t in marks]
    if len(own) > 1:
        raise pytest.UsageError(f"a test has more than one tier: {own}")
    if own:
        return own[0]
    needed = [TIER_FIXTURES[f] for f in fixtures if f in TIER_FIXTURES]
    return max(needed, key=TIERS.index) if needed else "unit"


# Modules whose module-scoped fixture builds a site or starts nginx: under
# pytest-xdist all their tests go to one process. Every other test is sent on
# its own to whichever process is free.
ONE_PROCESS = {"test_nginx.py", "test_offline.py", "test_trust.py", "test_uppfoljning.py"}


def pytest_xdist_make_scheduler(config, log):
    """xdist's scheduler by scope, the scope being the module for ONE_PROCESS
    and the single test otherwise (xdist's own `loadgroup` cannot read its
    marks under pytest 9)."""
    from xdist.scheduler import LoadScopeScheduling

    class Scheduler(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            module = nodeid.split("::", 1)[0]
            return module if Path(module).name in ONE_PROCESS else nodeid

    return Scheduler(config, log)


def pytest_collection_modifyitems(items) -> None:
    for item in items:
        tier = tier_of({m.name for m in item.iter_markers()}, list(item.fixturenames))
        if tier not in {m.name for m in item.iter_markers()}:
            item.add_marker(getattr(pytest.mark, tier))


def pytest_runtest_setup(item) -> None:
    os.environ[ENV] = next(m.name for m in item.iter_markers() if m.name in TIERS)


@pytest.fixture(scope="module")
def server(built_site):
    """The real build served on localhost (browser tests)."""
    from browser_support import SiteServer

    srv = SiteServer(built_site)
    yield srv
    srv.close()


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium for one test module (browser tests)."""
    from browser_support import chromium

    with chromium() as b:
        yield b


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def site_data():
    return load_site(ROOT / "data")


def run_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """The real build command (tools/build_site.py), as `make build` runs it."""
    require_tier("build", "runs a build")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    return subprocess.run(
        [sys.executable, str(project / "tools" / "build_site.py"), "--project", str(project), "--site-dir", str(site_dir)],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )


def made_once(tmp_path_factory, name: str, make: Callable[[Path], None]) -> Path:
    """A folder made by `make` once per test run, shared by the processes
    pytest-xdist starts: the first one to ask makes it under a file lock, the
    others wait for it and use the same folder. A failed `make` leaves nothing
    behind that looks made (the next one to ask tries again and fails the same way)."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the run's folder, above each process's own
    folder, done = base / f"gemensam-{name}", base / f"gemensam-{name}.klar"
    with open(base / f"gemensam-{name}.lock", "w") as lock, contextlib.ExitStack() as unlock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        unlock.callback(fcntl.flock, lock, fcntl.LOCK_UN)
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            make(folder)
            done.touch()
    return folder


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The whole real site, built once per test run with --strict, over
    an earlier site/ (which the build must replace: test_bad_input.py). The
    build's output is kept beside it in build.log (test_publishing.py)."""

    def build(folder: Path) -> None:
        out = folder / "site"
        out.mkdir()
        (out / EARLIER_PAGE).write_text("<p>en tidigare publicerad sida</p>", encoding="utf-8")
        result = run_build(ROOT, out)
        (folder / "build.log").write_text(result.stdout + result.stderr, encoding="utf-8")
        assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"

    return made_once(tmp_path_factory, "bygge", build) / "site"


def review_record(**fields):
    """A fictional review record (data/granskningar.yaml's model) for tests:
    the steering group reviewed praxismodellen/bba.md on 3 February 2027, next
    review 3 February 2028; any field can be given instead."""
    import datetime as dt

    from macros.data.models.granskningar import Granskning

    values = dict(
        sida="praxismodellen/bba.md",
        granskad_av="styrgrupp",
        datum=dt.date(2027, 2, 3),
        nasta_granskning=dt.date(2028, 2, 3),
        innehall="aaaaaaaaaaaa-bbbbbbbbbbbb",
        underlag="Styrgruppens protokoll 2027-02-03, § 4 (påhittat exempel)",
    )
    return Granskning(**{**values, **fields})


# A page of an earlier build that the real build must remove.
EARLIER_PAGE = "tidigare-sida.html"

FIXTURES = ROOT / "tests" / "fixtures"
FIXTURE_PLAN = FIXTURES / "handlingsplan-2024-2025.yaml"
FIXTURE_PLAN_VERSION = FIXTURES / "handlingsplan-2024-2025--2024-02-01.yaml"


def move_module(project: Path, old: str, new: str, register: bool) -> None:
    """Rename a module page as an editor would: file, data, nav; with or without the registry entry."""
    docs = project / "docs" / "utbildning"
    (docs / f"{old}.md").rename(docs / f"{new}.md")
    for rel in ("data/utbildning.yaml", "mkdocs.yml"):
        p = project / rel
        p.write_text(p.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    reg = project / "data" / "adresser.yaml"
    text = reg.read_text(encoding="utf-8")
    if register:
        text = text.replace(f"  - adress: /utbildning/{old}/\n", f"  - adress: /utbildning/{old}/\n    flyttad_till: /utbildning/{new}/\n  - adress: /utbildning/{new}/\n")
    reg.write_text(text, encoding="utf-8")


@pytest.fixture(scope="session")
def edited_site(tmp_path_factory) -> Path:
    """One build of the project after an editor's everyday changes, each a
    data-only change: a second plan period (the fictional 2024–2025 plan), an
    earlier wording of it, and module m05 moved with its old address kept."""

    def build(folder: Path) -> None:
        project = copy_project(folder / "projekt")
        shutil.copy(FIXTURE_PLAN, project / "data" / "handlingsplan" / "2024-2025.yaml")
        (project / "data" / "handlingsplan-versioner").mkdir(exist_ok=True)
        shutil.copy(FIXTURE_PLAN_VERSION, project / "data" / "handlingsplan-versioner" / "2024-2025--2024-02-01.yaml")
        move_module(project, "m05-barnets-plan", "m05-barnets-plan-och-sip", register=True)
        result = run_build(project, folder / "site")
        assert result.returncode == 0, result.stderr[-3000:]

    return made_once(tmp_path_factory, "redigerat", build) / "site"
