"""The search vocabulary (pure): what the search page (docs/assets/javascripts/sok/)
needs besides Pagefind's index to understand the words practitioners type.

- `termer`: every glossary term with the words to search for it and the keys
  (term name, abbreviation, variants, older and GIRFEC names) that lead to it;
- `nycklar`: key -> terms, for every key in its Swedish inflected forms too
  ("anmälningsplikten", "samtycket"), made here, so the search page only looks
  a normalised word up (`term_key` is the one normalisation);
- `andelser`: the Swedish endings (ENDINGS), for the search page's two checks
  on words it has no key for: a compound's inflected form ("barnhälsovårdens"
  in `delar`) and whether a word Pagefind matched is the query word inflected;
- `sidtyper`: the kinds of page, the words that ask for a kind ("lättläst")
  and the kind's weight in the ranking (guidance before training modules);
- `alder`: for each age, the words naming the child's Barnensbästa-ansvarig;
- `delar`: Swedish compounds of the site split into their parts (from a
  dictionary), so "barnhälsovården" also finds "hälsovård".

Everything here is data in, JSON-ready values out; the glue
(macros/steps/search_index.py) reads the built pages and the dictionary.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from html.parser import HTMLParser

from ..data.models.praxis import BbaSkede, Term, term_key

# Question words and small words: they never make a result empty (the search
# drops them unless the query has nothing else).
STOP_WORDS = (
    "vem vilka vilken vilket vad hur när var varför är är för jag du vi man får en ett "
    "till om med i på av och att det den de som kan ska skall måste mitt min mina ditt "
    "din dina sitt sin sina har hos vid från eller så inte"
).split()

# Common Swedish endings (definite, plural, genitive), longest first.
ENDINGS = ["arnas", "ernas", "ornas", "arna", "erna", "orna", "ens", "ets", "ans", "en", "et", "ar", "er",
           "or", "na", "ns", "s", "n", "a", "e"]
# Endings a word takes when a key is written in its base form: consonant
# ("anmälningsplikt" -> "anmälningsplikten"), -e ("samtycke" -> "samtycket")
# and -a ("skola" -> "skolan", "skolor").
_ADD = {
    "": ["en", "ens", "et", "ets", "s", "er", "erna", "ernas", "ar", "arna", "arnas"],
    "e": ["n", "ns", "t", "ts", "s", "r", "rna", "rnas"],
    "a": ["n", "ns", "s", "or", "orna", "ornas"],
}


def bba_for_age(stages: list[BbaSkede], age: int) -> list[BbaSkede]:
    """The stages whose age span covers `age` (a child of 16 who has left
    school may have two)."""
    return [s for s in stages if s.till_ar is not None and (s.fran_ar or 0) <= age <= s.till_ar]



def inflections(key: str) -> list[str]:
    """The key in its common Swedish inflected forms (for a key of at least
    four letters that ends in a letter), the key itself first."""
    out = [key]
    if len(key) < 4 or not key[-1].isalpha():
        return out
    last = key[-1] if key[-1] in "ea" else ""
    stem = key[:-1] if last == "a" else key
    endings = list(_ADD[last])
    if key[-2:] in ("ar", "er", "or"):  # a plural: "föräldrar" -> "föräldrarna"
        endings += ["na", "nas"]
    for ending in endings:
        form = (stem + ending) if last == "a" and ending[0] == "o" else key + ending
        if form not in out:
            out.append(form)
    return out


_PAREN = re.compile(r"\s*\(([^)]*)\)\s*")
_WORD = re.compile(r"[0-9A-Za-zÅÄÖåäöÉéÜü]+")


def _single_token(text: str) -> bool:
    """One search word (Pagefind indexes a hyphenated word as one word too)."""
    return len(text.split()) == 1


def term_search_words(term: Term) -> list[str]:
    """What the search page asks Pagefind for when a query names the term: the
    term as written on the site (without its parenthesis), the parenthesis on
    its own, the abbreviation, and each variant that is one word. Variants of
    several words ("Barnens bästa-ansvarig") only lead to the term: searched
    word by word they would match every page that has "barnens" and "bästa"."""
    name = _PAREN.sub(" ", term.term).strip()
    words = [name] + [p.strip() for p in _PAREN.findall(term.term)]
    if term.forkortning:
        words.append(term.forkortning)
    for extra in [*term.search_variants, term.aldre_term, term.girfec]:
        if extra and _single_token(_PAREN.sub(" ", extra).strip()):
            words.append(_PAREN.sub(" ", extra).strip())
    out: list[str] = []
    for w in words:
        if w and w.lower() not in (o.lower() for o in out):
            out.append(w)
    return out


def term_keys(term: Term) -> list[str]:
    """Every key (see models.praxis.term_key) that leads a query to the term."""
    texts = [term.term, _PAREN.sub(" ", term.term), *_PAREN.findall(term.term), term.forkortning, *term.search_variants]
    for extra in (term.aldre_term, term.girfec):
        if extra:
            texts += [extra, _PAREN.sub(" ", extra), *_PAREN.findall(extra)]
    keys: list[str] = []
    for t in texts:
        k = term_key(t or "")
        if k and k not in keys:
            keys.append(k)
    return keys


def age_words(stages: list[BbaSkede], oldest: int = 18) -> list[list[str]]:
    """For each age 0..oldest: words naming the child's BBA (the first word of
    who it is, and the abbreviation of the service), from data/praxis.yaml."""
    out = []
    for age in range(oldest + 1):
        words: list[str] = []
        for s in bba_for_age(stages, age):
            first = _WORD.findall(s.bba)[:1]
            abbr = re.findall(r"\(([A-ZÅÄÖ]{2,})\)", s.verksamhet)
            for w in [*(x.lower() for x in first), *abbr]:
                if w not in words:
                    words.append(w)
        out.append(words)
    return out


def term_index(terms: list[Term]) -> dict[str, list[int]]:
    """key -> the terms (indexes) it leads to: each term's own keys first, then
    their inflected forms where no term has that form as its own key."""
    own: dict[str, list[int]] = {}
    for i, t in enumerate(terms):
        for k in term_keys(t):
            own.setdefault(k, [])
            if i not in own[k]:
                own[k].append(i)
    keys = {k: list(v) for k, v in own.items()}
    for k, ids in own.items():
        for form in inflections(k)[1:]:
            if form in own:
                continue
            keys.setdefault(form, [])
            keys[form] += [i for i in ids if i not in keys[form]]
    return keys


def vocabulary(
    terms: list[Term],
    kinds: list[tuple[str, list[str], float]],
    ages: list[list[str]],
    parts: dict[str, list[str]],
    glossary_href: str,
) -> dict:
    """The JSON the search page loads (sok/ordforrad.json)."""
    entries = [{"namn": t.term, "ord": term_search_words(t), "href": f"{glossary_href}#term-{t.id}"} for t in terms]
    return {
        "stoppord": STOP_WORDS,
        "termer": entries,
        "nycklar": term_index(terms),
        "andelser": ENDINGS,
        "sidtyper": [{"namn": name, "nycklar": [term_key(w) for w in words], "vikt": weight} for name, words, weight in kinds],
        "alder": ages,
        "delar": parts,
    }


# ---------------------------------------------------------------- the site's own words


class _IndexedText(HTMLParser):
    """The text Pagefind indexes: inside data-pagefind-body, outside
    data-pagefind-ignore (void elements do not nest)."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[bool, bool]] = []
        self.body = 0
        self.ignore = 0
        self.chunks: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        if tag in self.VOID:
            return
        names = {name for name, _ in attrs}
        body, ignore = "data-pagefind-body" in names, "data-pagefind-ignore" in names
        self.stack.append((body, ignore))
        self.body += body
        self.ignore += ignore
        self.chunks.append(" ")

    def handle_endtag(self, tag) -> None:
        if tag in self.VOID or not self.stack:
            return
        body, ignore = self.stack.pop()
        self.body -= body
        self.ignore -= ignore
        self.chunks.append(" ")

    def handle_data(self, data: str) -> None:
        if self.body > 0 and self.ignore == 0:
            self.chunks.append(data)


def indexed_words(html: str) -> list[str]:
    """The words of a built page that the search index holds, lower case."""
    parser = _IndexedText()
    parser.feed(html)
    return [w.lower() for w in _WORD.findall("".join(parser.chunks)) if not w.isdigit()]


# ---------------------------------------------------------------- compounds


class Analysis:
    """One dictionary reading of a word: its base form and, for a compound,
    its parts (base forms)."""

    def __init__(self, lemma: str | None, parts: list[list[str]]):
        self.lemma = lemma
        self.parts = parts  # every split the dictionary allows, each a list of base forms


def split_compound(word: str, analysis: Analysis, known: set[str]) -> list[str] | None:
    """The best split of a compound into its parts: the fewest parts (so
    "barn|hälsovård", not "barn|hälso|vård", when the dictionary knows
    "hälsovård"), then the split whose parts the site itself uses
    ("sekretess|lag", not "sekretes|slag"), then the longest head."""
    splits = [p for p in analysis.parts if len(p) >= 2 and all(len(x) >= 2 for x in p)]
    if not splits:
        return None

    def rank(parts: list[str]):
        return (len(parts), -sum(x in known for x in parts), -len(parts[-1]))

    return [x.lower() for x in min(splits, key=rank)]


def compound_parts(words: Iterable[str], analyse: Callable[[str], Analysis], min_length: int = 7) -> dict[str, list[str]]:
    """{compound (as written and its base form): [parts]} for every
    word of at least `min_length` letters that the dictionary reads as a compound."""
    words = sorted(set(words))
    known = set(words)
    out: dict[str, list[str]] = {}
    for w in words:
        if len(w) < min_length:
            continue
        analysis = analyse(w)
        parts = split_compound(w, analysis, known)
        if not parts:
            continue
        out[w] = parts
        if analysis.lemma and analysis.lemma != w:
            out.setdefault(analysis.lemma.lower(), parts)
    return out
