"""The search step: the kind of each page, the Pagefind index of a built site
and the search vocabulary beside it (sok/ordforrad.json).

`build_search_index(site_dir, site, cwd)` runs after every build, `mkdocs
build` and the preview's rebuilds alike (macros/hooks/search.py,
on_post_build), so an editor sees the search readers will get. The
vocabulary is made by macros/domain/search_vocabulary.py; this module only
knows paths, runs Pagefind and reads the Swedish dictionary.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from itertools import islice
from pathlib import Path

from spylls.hunspell import Dictionary
from spylls.hunspell.algo.lookup import CompoundForm

from macros import cache
from macros.domain import search_vocabulary
from macros.domain.search_vocabulary import Analysis
from macros.data.site import SiteData
from macros.paths import layout
from macros.paths.layout import PAGE_KINDS, VOCABULARY_FILE, page_kind  # noqa: F401  (page_kind: the search's view of it)
from macros.paths.links import url_of

# Pagefind's options (the language, Swedish, comes from <html lang="sv">).
# Left out of the index: heading permalinks, and the "Senast granskad ·
# Ansvarig · Källor" line under guidance pages (the same owner and source
# titles on many pages: it made every page match "processledarna").
PAGEFIND_ARGS = ["--exclude-selectors", ".headerlink", "--exclude-selectors", ".bbg-granskad"]
# Debian's hunspell-sv: the Swedish dictionary that splits compounds.
DICTIONARY = Path("/usr/share/hunspell/sv_SE")

KIND_WORDS = {
    "Lättläst": ["lättläst", "lättlästa", "lätt svenska", "lättläst svenska"],
    "Vägledning": ["vägledning", "vägledningar"],
    "Utbildningsmodul": ["utbildningsmodul", "utbildningsmoduler", "modul", "moduler"],
    "Aktivitet i handlingsplanen": ["aktivitet", "aktiviteter", "aktiviteten"],
    "Roll": ["roll", "roller", "rollen"],
    "Beslut": ["beslut", "besluten", "beslutet"],
    "Uppföljning": ["uppföljning", "uppföljningen", "statusrapport", "statusrapporten", "lägesrapport"],
    "Ändringar": ["ändringar", "ändringarna", "vad har ändrats", "vad är nytt", "senaste ändringarna", "ändringslogg"],
}
# A kind's weight in the ranking of pages that match as many of the query's
# words (issue 21): what-do-I-do answers are in the guidance and easy-read
# pages, so they come before training modules and role pages that repeat
# the same words. 1 when not listed.
KIND_WEIGHTS = {
    "Vägledning": 1.6,
    "Lättläst": 1.2,
    "Utbildningsmodul": 0.8,
    "Roll": 0.7,
    "Part": 0.8,
    # The handbook's own pages (change log, review queue, accessibility) come
    # after the content when both have the words.
    "Om handboken": 0.8,
}


def kinds() -> list[tuple[str, list[str], float]]:
    """(kind, the words that ask for it, its weight in the ranking)."""
    names = list(dict.fromkeys(kind for _, kind in PAGE_KINDS))
    return [(name, KIND_WORDS.get(name, []), KIND_WEIGHTS.get(name, 1.0)) for name in names]


# ---------------------------------------------------------------- the dictionary


def dictionary_analyser():
    """A function word -> render.sok.Analysis from Debian's hunspell-sv (read
    with spylls, Hunspell in Python), or None when the dictionary is missing."""
    if not DICTIONARY.with_suffix(".dic").exists():
        return None
    dic = Dictionary.from_files(str(DICTIONARY))

    def analyse(word: str) -> Analysis:
        lemma, parts = None, []
        for form in islice(dic.lookuper.good_forms(word), 40):
            if isinstance(form, CompoundForm):
                parts.append([p.stem for p in form.parts])
            elif lemma is None:
                lemma = form.stem
        return Analysis(lemma, parts)

    return analyse


def cached_analyser(cache_dir: Path | None = None):
    """dictionary_analyser() with its answers kept between builds (a file in
    the temporary directory, one per dictionary version), so the preview's
    rebuilds do not read the dictionary again. Returns (analyse, save) or None."""
    dic, aff = DICTIONARY.with_suffix(".dic"), DICTIONARY.with_suffix(".aff")
    if not dic.exists():
        return None
    stamp = hashlib.sha256(f"{dic.stat().st_size}:{dic.stat().st_mtime_ns}:{aff.stat().st_mtime_ns}".encode()).hexdigest()[:12]
    path = (cache_dir or cache.cache_dir("sok")) / f"sammansattningar-{stamp}.json"
    try:
        known = json.loads(cache.read(path) or b"{}")
    except ValueError:
        known = {}
    real: list = []  # the dictionary, read only when a word is not in the cache
    added = []

    def analyse(word: str) -> Analysis:
        if word not in known:
            if not real:
                real.append(dictionary_analyser())
            a = real[0](word)
            known[word] = [a.lemma, a.parts]
            added.append(word)
        lemma, parts = known[word]
        return Analysis(lemma, parts)

    def save() -> None:
        if added:
            cache.write(path, json.dumps(known, ensure_ascii=False).encode("utf-8"))

    return analyse, save


# ---------------------------------------------------------------- building


def write_vocabulary(site_dir: Path, site: SiteData) -> dict:
    """sok/ordforrad.json in the built site: the glossary's terms and
    variants, kinds of page, BBA by age and the site's compounds split."""
    words: set[str] = set()
    for html in site_dir.rglob("*.html"):
        if "pagefind" in html.relative_to(site_dir).parts:
            continue
        words.update(search_vocabulary.indexed_words(html.read_text(encoding="utf-8")))
    for term in site.ordlista.termer:
        for text in [term.term, *term.search_variants, term.aldre_term or ""]:
            words.update(w.lower() for w in re.findall(r"[A-Za-zÅÄÖåäöÉé]+", text))
    cached = cached_analyser()
    if cached is None:
        print(f"Obs: ordlistan {DICTIONARY}.dic saknas (Debian-paketet hunspell-sv): "
              "sökningen delar inte sammansatta ord.", file=sys.stderr)
        parts = {}
    else:
        analyse, save = cached
        parts = search_vocabulary.compound_parts(words, analyse)
        save()
    data = search_vocabulary.vocabulary(site.ordlista.termer, kinds(), search_vocabulary.age_words(site.praxis.bba_skeden), parts, url_of(layout.GLOSSARY_PAGE))
    target = site_dir / VOCABULARY_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True), encoding="utf-8")
    return data


def run_pagefind(site_dir: Path, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site_dir), "--quiet", *PAGEFIND_ARGS],
                          cwd=cwd, capture_output=True, text=True)


def build_search_index(site_dir: Path, site: SiteData, cwd: Path) -> subprocess.CompletedProcess:
    """Pagefind's index and the search vocabulary for a built site, from the
    build's validated data. Returns Pagefind's run: the caller checks its code
    and its output (a warning stops the build, macros/hooks/search.py)."""
    result = run_pagefind(site_dir, cwd)
    if result.returncode == 0:
        write_vocabulary(site_dir, site)
    return result
