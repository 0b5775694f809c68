"""Benchmark: prints build times and page weights (make bench). Not a test:
targets are checked by reading the printout.

    python tools/bench.py [--runs N]

Figures: full build; the same pages built without macros, and the ratio;
the build with the data scaled ×10 (generated into a temporary directory),
and the ratio; first-view transfer size of a page (HTML + CSS + JS, gzip -9);
the search index size; third-party bytes. Then Lighthouse (npm lighthouse,
Debian's chromium, mobile profile) on one page of each kind, served over HTTPS
by nginx set up exactly as the README says: the four scores and the bytes on
the wire (`--part lighthouse` runs only that).
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from macros.steps.project_copy import copy_project

ROOT = Path(__file__).resolve().parent.parent


def from_tests(name: str):
    """A helper module shared with the tests (tests/<name>.py; tests/ is not a
    package), loaded from its file."""
    if name != "tiers" and "tiers" not in sys.modules:
        from_tests("tiers")  # the helpers import it by name (tests/tiers.py: silent outside pytest)
    spec = importlib.util.spec_from_file_location(name, ROOT / "tests" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # NamedTuple and dataclasses look their module up
    spec.loader.exec_module(module)
    return module
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


def sv(value: float, spec: str) -> str:
    """A number as Swedish readers write it: decimal comma ("1,74")."""
    return format(value, spec).replace(".", ",")


def mkdocs_build(project: Path, site: Path, config: str = "mkdocs.yml", extra_env: dict | None = None) -> float:
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(project / config), "--site-dir", str(site)],
        cwd=project, env={**ENV, **(extra_env or {})}, capture_output=True, text=True,
    )
    if result.returncode != 0:
        raise SystemExit(f"bygget av {project} misslyckades:\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}")
    return time.perf_counter() - start


def best_of(n: int, fn) -> float:
    return min(fn() for _ in range(n))


def pages_in(site: Path) -> int:
    return sum(1 for p in site.rglob("index.html") if "pagefind" not in p.parts)


# ---------------------------------------------------------------- without macros


def plain_project(work: Path) -> Path:
    """The same pages as Markdown after the macros ran, in a project without macros."""
    dumped = copy_project(work / "med-dump")
    cfg = yaml.safe_load((dumped / "mkdocs.yml").read_text(encoding="utf-8"))
    cfg["hooks"] = ["macros/hooks/generated.py", "macros/hooks/page.py", "tools/bench_dump.py"]
    (dumped / "mkdocs.yml").write_text(yaml.safe_dump(cfg, allow_unicode=True), encoding="utf-8")
    dump = work / "dump"
    site = work / "site-dump"
    mkdocs_build(dumped, site, extra_env={"BBG_BENCH_DUMP": str(dump)})

    plain = work / "utan-makron"
    shutil.copytree(dump / "docs", plain / "docs")
    for asset in (ROOT / "docs" / "assets").rglob("*"):
        if asset.is_file():
            target = plain / "docs" / asset.relative_to(ROOT / "docs")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(asset, target)
    for download in list(site.rglob("*.csv")) + list(site.rglob("*.xlsx")) + list(site.rglob("*.rtf")):
        target = plain / "docs" / download.relative_to(site)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(download, target)
    shutil.copytree(ROOT / "overrides", plain / "overrides")
    cfg.pop("hooks")
    cfg.pop("watch", None)
    cfg["plugins"] = []
    cfg["nav"] = json.loads((dump / "nav.json").read_text(encoding="utf-8"))
    cfg["strict"] = False
    exts = cfg["markdown_extensions"]
    snippets = json.loads((dump / "snippets.json").read_text(encoding="utf-8"))
    cfg["markdown_extensions"] = [e if not (isinstance(e, dict) and "pymdownx.snippets" in e) else {"pymdownx.snippets": snippets} for e in exts]
    (plain / "mkdocs.yml").write_text(yaml.safe_dump(cfg, allow_unicode=True), encoding="utf-8")
    return plain


# ---------------------------------------------------------------- data ×10


def scaled_project(work: Path, factor: int = 10) -> Path:
    """A copy whose data has `factor` times the plans (activities), roles, parties and modules."""
    project = copy_project(work / "x10")
    data = project / "data"

    def load(p: Path):
        return yaml.safe_load(p.read_text(encoding="utf-8"))

    def dump(p: Path, obj) -> None:
        p.write_text(yaml.safe_dump(obj, allow_unicode=True, sort_keys=False), encoding="utf-8")

    def copies(file: str, key: str, refs: str) -> None:
        """`factor` - 1 renamed copies of every entry, their references (`refs`) renamed alike."""
        doc = load(data / file)
        base = list(doc[key])
        for k in range(1, factor):
            for e in base:
                copy = json.loads(json.dumps(e, default=str))
                copy["id"], copy["namn"] = f"{e['id']}-k{k}", f"{e['namn']} (kopia {k})"
                copy[refs] = [f"{x}-k{k}" for x in e.get(refs, [])]
                copy.pop("forkortning", None)  # abbreviations are unique; the copies go without
                for u in copy.get("enheter", []):
                    u["id"] = f"{u['id']}-k{k}"
                doc[key].append(copy)
        dump(data / file, doc)

    copies("roller.yaml", "roller", "rapporterar_till")
    copies("aktorer.yaml", "aktorer", "medlemmar")

    for plan_file in sorted((data / "handlingsplan").glob("*.yaml")):
        text = plan_file.read_text(encoding="utf-8")
        for k in range(1, factor):
            copy = re.sub(r"^id: (\S+)$", rf"id: \1-k{k}", text, count=1, flags=re.M)
            (plan_file.parent / f"{plan_file.stem}-k{k}.yaml").write_text(copy, encoding="utf-8")

    modules_file = data / "utbildning.yaml"
    modules = load(modules_file)
    base = list(modules["moduler"])
    docs = project / "docs" / "utbildning"
    for k in range(1, factor):
        renumber = {m["id"]: f"m{k * len(base) + int(m['id'][1:]):02d}" for m in base}
        for m in base:
            copy = json.loads(json.dumps(m, default=str))
            copy["id"] = renumber[m["id"]]
            copy["adress"] = f"{copy['id']}-{m['adress'].split('-', 1)[1]}-k{k}"
            copy["forkunskaper"] = [renumber[d] for d in m.get("forkunskaper", [])]
            modules["moduler"].append(copy)
            page = (docs / f"{m['adress']}.md").read_text(encoding="utf-8")
            (docs / f"{copy['adress']}.md").write_text(page.replace(f'("{m["id"]}")', f'("{copy["id"]}")'), encoding="utf-8")
    dump(modules_file, modules)
    # The copies are not in the nav: build them without strict mode.
    cfg = (project / "mkdocs.yml").read_text(encoding="utf-8").replace("strict: true", "strict: false")
    (project / "mkdocs.yml").write_text(cfg, encoding="utf-8")
    return project


# ---------------------------------------------------------------- page weight


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9))


def first_view(site: Path, page: str) -> tuple[int, int, list[str]]:
    """Raw and gzipped bytes of a page and the CSS and JS it loads; and any
    resource from another host."""
    html_path = site / page / "index.html" if not page.endswith(".html") else site / page
    html = html_path.read_text(encoding="utf-8")
    refs = re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', html) + re.findall(r'<script[^>]+src="([^"]+)"', html)
    foreign = [r for r in refs if r.startswith(("http://", "https://", "//"))]
    files = [html_path] + [(html_path.parent / r.split("?")[0]).resolve() for r in refs if r not in foreign]
    return sum(f.stat().st_size for f in files), sum(gz(f) for f in files), foreign


# ---------------------------------------------------------------- search


def _median(values: list[float]) -> float:
    values = sorted(values)
    mid = len(values) // 2
    return values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2


def search_benchmark(site: Path, verbose: bool = False) -> dict | None:
    """The search benchmark (tests/sokfragor.py) on the real site in Chromium:
    share of queries with a right page among the first three distinct pages
    and at first place, queries with no result, median time from navigation
    to the first result; and how many of the site's compound words the search
    splits into their parts."""
    import shutil as _sh

    chromium = _sh.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).exists():
        print("Sökningen mäts inte: chromium saknas.")
        return None
    from playwright.sync_api import sync_playwright

    browser_support = from_tests("browser_support")
    CHROMIUM_ARGS, SiteServer, run_search = browser_support.CHROMIUM_ARGS, browser_support.SiteServer, browser_support.run_search
    QUERIES = from_tests("sokfragor").QUERIES

    vocab = json.loads((site / "sok" / "ordforrad.json").read_text(encoding="utf-8"))
    server = SiteServer(site)
    top3, first, empty, times, misses = 0, 0, [], [], []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            page = browser.new_page()
            for q in QUERIES:
                r = run_search(page, server.base, q.query)
                distinct = list(dict.fromkeys(r["paths"]))
                if distinct:
                    times.append(r["ms"])
                else:
                    empty.append(q.query)
                if any(a in distinct[:3] for a in q.answers):
                    top3 += 1
                else:
                    misses.append(f"{q.query} -> {distinct[:3]}")
                if distinct[:1] and distinct[0] in q.answers:
                    first += 1
            browser.close()
    finally:
        server.close()
    # Compounds: the site's own compound words (Debian's hunspell-sv reads
    # them as compounds) that the vocabulary gives the search page in parts
    # (the page looks a word up there: docs/assets/javascripts/sok/fraga.js).
    words = sorted(vocab["delar"])
    split = sum(1 for w in words if len(vocab["delar"][w]) > 1)
    n = len(QUERIES)
    print(f"Sökfrågor i testbänken:                   {n} (tests/sokfragor.py)")
    print(f"Rätt sida bland de tre första:            {sv(100 * top3 / n, '6.1f')} %  ({top3} av {n}; mål: minst 90 %)")
    print(f"Rätt sida först:                          {sv(100 * first / n, '6.1f')} %  ({first} av {n})")
    print(f"Frågor utan träff:                        {len(empty):6d}    (mål: 0){': ' + ', '.join(empty) if empty else ''}")
    if times:
        print(f"Tid till första träff, median (Chromium): {_median(times):6.0f} ms (från att sidan öppnas)")
    print(f"Sammansatta ord på webbplatsen:           {len(words):6d}    (enligt hunspell-sv), "
          f"{split} delas i sina delar av sökningen ({100 * split / max(1, len(words)):.0f} %)")
    if misses and verbose:
        print("Missar:\n  " + "\n  ".join(misses))
    return {"top3": top3, "first": first, "empty": empty, "n": n, "misses": misses}


# ---------------------------------------------------------------- Lighthouse

LIGHTHOUSE = ROOT / "tools" / "npm" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def lighthouse_pages(site: Path) -> list[tuple[str, str]]:
    """(kind, path) for one page of each kind."""
    role = sorted(p.parent.name for p in (site / "roller").glob("*/index.html") if p.parent.name not in ("matris", "parter"))[0]
    return [
        ("startsida", ""),
        ("vägledning", "praxismodellen/bba/"),
        ("familjesida", "familj/"),
        ("hela handlingsplanen", "handlingsplan/2019-2023/"),
        ("tidslinje", "handlingsplan/2019-2023/tidslinje/"),
        ("utbildningsmodul", "utbildning/m05-barnets-plan/"),
        ("roll", f"roller/{role}/"),
        ("ansvarsmatris", "roller/matris/"),
        ("ordlista", "ordlista/"),
        ("sökning", "sok/?q=samtycke"),
    ]


def _num(value: float, decimals: int = 1) -> str:
    return f"{value:.{decimals}f}".replace(".", ",")


def lighthouse_once(url: str, out: Path, chromium: str) -> dict | None:
    """One Lighthouse run (mobile profile); the report, or None if it failed twice."""
    for _ in range(2):  # Lighthouse sometimes loses the trace on a busy machine
        lh = subprocess.run(
            [str(LIGHTHOUSE), url, "--output=json", f"--output-path={out}", "--quiet", "--form-factor=mobile",
             f"--only-categories={','.join(CATEGORIES)}",
             "--chrome-flags=--headless=new --no-sandbox --disable-gpu --ignore-certificate-errors"],
            env={**os.environ, "CHROME_PATH": chromium}, capture_output=True, text=True)
        if lh.returncode == 0:
            report = json.loads(out.read_text(encoding="utf-8"))
            if not report.get("runtimeError") and all(report["categories"][c]["score"] is not None for c in CATEGORIES):
                return report
    return None


def run_lighthouse(work: Path, runs: int) -> None:
    """Lighthouse on one page of each kind, served by nginx as the README says;
    per page the run with the median performance score of `runs`."""
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    nginx_support = from_tests("nginx_support")
    HAVE_NGINX, publish_as_the_readme_says = nginx_support.HAVE_NGINX, nginx_support.publish_as_the_readme_says

    if not (LIGHTHOUSE.exists() and Path(chromium).exists() and HAVE_NGINX):
        print("Lighthouse körs inte: kräver tools/npm (make bench installerar), chromium och nginx.")
        return
    host = publish_as_the_readme_says()  # its `make build` builds the site for the README's host name
    site = host.site
    try:
        version = subprocess.run([str(LIGHTHOUSE), "--version"], capture_output=True, text=True).stdout.strip()
        print(f"\nLighthouse {version}, mobilprofil (simulerad långsam 4G, mellanklassmobil), median av {runs} körningar; "
              "nginx uppsatt enligt README, HTTPS")
        print(f"{'sida':<22} {'prestanda':>9} {'tillgängl.':>10} {'praxis':>7} {'SEO':>5} {'överfört':>10} {'anrop':>5}"
              "  FCP / LCP / TBT")
        worst = {c: 1.0 for c in CATEGORIES}
        heaviest = 0.0
        for kind, path in lighthouse_pages(site):
            reports = [r for r in (lighthouse_once(host.base + path, work / "lighthouse.json", chromium) for _ in range(runs)) if r]
            if not reports:
                print(f"{kind:<22} Lighthouse misslyckades")
                continue
            report = sorted(reports, key=lambda r: r["categories"]["performance"]["score"])[len(reports) // 2]
            scores = {c: report["categories"][c]["score"] for c in CATEGORIES}
            audits = report["audits"]
            wire = audits["total-byte-weight"]["numericValue"]
            requests = len(audits["network-requests"]["details"]["items"])
            for c in CATEGORIES:
                worst[c] = min(worst[c], scores[c])
            if kind != "sökning":
                heaviest = max(heaviest, wire)
            timing = " / ".join(_num(audits[a]["numericValue"] / 1000) + " s" for a in ("first-contentful-paint", "largest-contentful-paint"))
            print(f"{kind:<22} {_num(scores['performance'], 2):>9} {_num(scores['accessibility'], 2):>10} "
                  f"{_num(scores['best-practices'], 2):>7} {_num(scores['seo'], 2):>5} {_num(wire / 1000) + ' kB':>10} {requests:>5}  "
                  f"{timing} / {audits['total-blocking-time']['numericValue']:.0f} ms")
        print(f"Lägsta poäng: {', '.join(f'{c} {_num(worst[c], 2)}' for c in CATEGORIES)} (mål: 1,00 i alla)")
        print(f"Största första visning utom söksidan: {_num(heaviest / 1000)} kB överfört, svarshuvuden inräknade (mål: högst 60 kB)")
    finally:
        host.close()


def pdf_report(site: Path, runs: int, work: Path) -> float:
    """What the PDF documents (macros/steps/pdf.py) add to the build, rendered
    and copied from the cache, and the whole build as `make build` runs it
    (target: under 10 s on 2 cores). Returns the time of the PDFs in a build
    whose documents are unchanged (as in the measured `mkdocs build` runs)."""
    from mkdocs.config import load_config

    from macros.data.site import load_site
    from macros.steps.pdf import build_pdfs

    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    data = load_site(ROOT / "data")

    def pdfs(use_cache: bool) -> float:
        start = time.perf_counter()
        # The nav as written (the generated pages it gains in a build hold no PDF page).
        if build_pdfs(data, config["nav"], site, config["use_directory_urls"], config["site_url"], use_cache=use_cache):
            raise SystemExit("PDF-dokumenten kunde inte skapas")
        return time.perf_counter() - start

    t = best_of(runs, lambda: pdfs(False))
    kept = best_of(runs, lambda: pdfs(True))  # what a build with unchanged documents spends
    files = sorted(site.rglob("*.pdf"))
    size = sum(p.stat().st_size for p in files)
    print(f"PDF-dokument (WeasyPrint, {os.cpu_count()} processer, utan cache): {sv(t, '6.2f')} s  ({len(files)} dokument, {sv(size / 1024, '.0f')} kB)")
    print(f"PDF-dokument ur cachen (oförändrade):     {sv(kept, '6.2f')} s")

    def whole() -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, str(ROOT / "tools" / "build_site.py"), "--site-dir", str(work / "site-make-build")],
                       check=True, env=ENV, capture_output=True)
        return time.perf_counter() - start

    print(f"Hela bygget (make build, med sök och PDF; oförändrade PDF:er från cachen): {sv(best_of(runs, whole), '6.2f')} s  (mål: under 10 s)")
    return kept


def main() -> int:
    parser = argparse.ArgumentParser(description="Build and page-weight benchmark")
    parser.add_argument("--runs", type=int, default=3, help="builds per figure; the fastest counts")
    parser.add_argument("--bara-sok", metavar="SITE", type=Path, default=None,
                        help="only the search benchmark, on a site built by tools/build_site.py")
    parser.add_argument("--part", choices=["all", "build", "lighthouse"], default="all")
    parser.add_argument("--lighthouse-runs", type=int, default=3, help="Lighthouse runs per page; the median counts")
    args = parser.parse_args()
    if args.bara_sok:
        return 0 if search_benchmark(args.bara_sok.resolve(), verbose=True) else 1
    work = Path(tempfile.mkdtemp(prefix="bbg-bench-"))
    try:
        if args.part == "lighthouse":
            run_lighthouse(work, args.lighthouse_runs)
            return 0
        print(f"Maskin: {platform.machine()}, {os.cpu_count()} kärnor, Python {platform.python_version()}, {platform.platform()}")
        site = work / "site"
        # `mkdocs build` also writes the search index and the PDFs (hooks); their
        # times are measured apart and left out of the figure for the pages.
        with_outputs = best_of(args.runs, lambda: mkdocs_build(ROOT, site))
        n_pages = pages_in(site)
        start = time.perf_counter()
        from macros.data.site import load_site
        from macros.steps.search_index import build_search_index

        if build_search_index(site, load_site(ROOT / "data"), ROOT).returncode != 0:
            raise SystemExit("sökindexet kunde inte byggas")
        search_t = time.perf_counter() - start
        pdf_t = pdf_report(site, args.runs, work)
        full = with_outputs - search_t - pdf_t
        print(f"Fullt bygge (mkdocs, med makron):        {sv(full, '6.2f')} s  ({n_pages} sidor; utan sök och PDF)")
        print(f"Sökindex (Pagefind och sökordlistan):     {sv(search_t, '6.2f')} s")

        plain = plain_project(work)
        plain_t = best_of(args.runs, lambda: mkdocs_build(plain, work / "site-plain"))
        print(f"Samma sidor utan makron:                  {sv(plain_t, '6.2f')} s  ({pages_in(work / 'site-plain')} sidor)")
        print(f"Makronas kostnad:                         {sv(100 * (full / plain_t - 1), '+6.1f')} %  (mål: högst +30 %)")

        x10 = scaled_project(work)
        x10_t = best_of(1, lambda: mkdocs_build(x10, work / "site-x10"))
        print(f"Data ×10:                                 {sv(x10_t, '6.2f')} s  ({pages_in(work / 'site-x10')} sidor; mål: högst 15 s)")
        print(f"Förhållande ×10 / verkligt bygge:         {sv(x10_t / full, '6.2f')}")

        for page in ["", "handlingsplan/2019-2023/", "praxismodellen/bba/"]:
            raw, packed, foreign = first_view(site, page)
            print(f"Första visning /{page:<26} {sv(raw / 1024, '7.1f')} kB, {sv(packed / 1024, '6.1f')} kB gzip (mål: högst 90 kB)")
        index = site / "pagefind"
        index_files = [p for p in index.rglob("*") if p.is_file()]
        data_files = [p for p in index_files if p.suffix in (".pf_fragment", ".pf_index", ".pf_meta", ".pf_filter") or p.name == "pagefind-entry.json"]
        print(f"Sökindex på disk:                         {sv(sum(p.stat().st_size for p in data_files) / 1024, '7.1f')} kB i {len(data_files)} filer "
              f"(redan komprimerade; mål: högst 150 kB)")
        vocab_file = site / "sok" / "ordforrad.json"
        print(f"Sökordlistan (sok/ordforrad.json):        {sv(vocab_file.stat().st_size / 1024, '7.1f')} kB, {sv(gz(vocab_file) / 1024, '6.1f')} kB gzip, "
              "laddas bara på söksidan")
        print(f"Sökmotorn (wasm, js, css):                {sv(sum(p.stat().st_size for p in index_files if p not in data_files) / 1024, '7.1f')} kB, "
              "laddas bara på söksidan")
        third = set()
        for html in site.rglob("*.html"):
            text = html.read_text(encoding="utf-8")
            third |= set(re.findall(r'<(?:script|img|iframe)[^>]+src="((?:https?:)?//[^"]+)"', text))
            third |= set(re.findall(r'<link[^>]+href="((?:https?:)?//[^"]+)"[^>]*rel="(?:stylesheet|preload|icon)', text))
        print(f"Resurser från andra värdar:               {len(third)} (0 byte)" if not third else f"Resurser från andra värdar: {sorted(third)}")
        search_benchmark(site, verbose=True)
        if args.part == "all":
            run_lighthouse(work, args.lighthouse_runs)
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
