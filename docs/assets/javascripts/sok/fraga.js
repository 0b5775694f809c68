/* The search page's understanding of a query: pure functions, no DOM and no
   Pagefind (tested with `node --test tests/js/`).

   The words it knows come from the vocabulary that Python writes beside the
   index (sok/ordforrad.json, macros/render/sok.py): the glossary's terms under
   every key and inflected form Python made (`nycklar`), the Swedish endings
   (`andelser`), the kinds of page and their weights (`sidtyper`), BBA by age
   (`alder`) and the site's compounds split into parts (`delar`). The only
   normalisation here is `key`, which must equal Python's `term_key`
   (tests/fixtures/sok-nycklar.json holds the cases both test). */

const AGE = /^(\d{1,2})(?:-?(år|åring|åringar|åringen|årig|åriga|års|åriges))?$/;
const AGE_WORD = /^(år|åring|åringar|årig|åriga|års|gammal|gamla)$/;

export const EMPTY_VOCABULARY = Object.freeze({
  stoppord: [], termer: [], nycklar: {}, andelser: [], sidtyper: [], alder: [], delar: {},
});

const has = (table, k) => Object.prototype.hasOwnProperty.call(table, k);

/** Lower case, letters and digits only: Python's term_key. */
export function key(text) {
  return text.normalize("NFC").toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
}

/** The words of a query, without punctuation and a trailing ":n" ("BBA:n"). */
export function tokens(query) {
  return query.normalize("NFC").split(/[\s,.;!?()"“”'’«»/]+/)
    .map((t) => t.replace(/:[a-zåäö]{0,4}$/i, "").replace(/^[-–:]+|[-–:]+$/g, ""))
    .filter((t) => key(t) !== "");
}

/** A key and its forms without one of the vocabulary's Swedish endings (for
    words the vocabulary holds only in another form: compounds in `delar`). */
export function forms(k, endings) {
  const out = [k];
  for (const e of endings) {
    if (k.length - e.length >= 3 && k.endsWith(e)) {
      const stem = k.slice(0, -e.length);
      for (const f of [stem, stem + "e", stem + "a"]) if (!out.includes(f)) out.push(f);
    }
  }
  return out;
}

/** The parts of a compound the vocabulary knows, or null. */
export function compoundParts(vocab, k) {
  for (const f of forms(k, vocab.andelser)) if (has(vocab.delar, f)) return vocab.delar[f];
  return null;
}

/** The glossary terms (indexes) a key leads to, or null: Python wrote every
    key in its inflected forms, so this is a plain look-up. */
export function termsFor(vocab, k) {
  return has(vocab.nycklar, k) ? vocab.nycklar[k] : null;
}

function kindFor(vocab, k) {
  const kind = vocab.sidtyper.find((s) => s.nycklar.includes(k));
  return kind ? kind.namn : null;
}

/** The units of a query: [{label, alts: [{q, w, check?}], terms?, kind?, age?}].
    A unit is a glossary term (the longest run of words that is a key), a kind
    of page, an age, or a plain word; small words are dropped unless the
    query has nothing else. */
export function units(query, vocab) {
  const toks = tokens(query);
  const stop = vocab.stoppord;
  const meaningful = toks.filter((t) => !stop.includes(key(t)));
  const out = [];
  let i = 0;
  while (i < toks.length) {
    let found = null;
    for (let n = Math.min(6, toks.length - i); n >= 1 && !found; n--) {
      const words = toks.slice(i, i + n);
      const k = key(words.join(""));
      if (n === 1 && meaningful.length && stop.includes(k)) break;
      const kind = kindFor(vocab, k);
      if (kind) {
        found = {n, unit: {label: words.join(" "), kind, alts: [{q: words.join(" "), w: 1}]}};
        break;
      }
      const terms = termsFor(vocab, k);
      if (terms) {
        const alts = [];
        for (const ti of terms) for (const w of vocab.termer[ti].ord) alts.push({q: w, w: 1});
        if (n === 1) alts.push({q: words[0], w: 1});
        found = {n, unit: {label: words.join(" "), terms, alts}};
      }
    }
    if (!found) {
      const t = toks[i];
      const lk = key(t);
      const age = t.toLowerCase().match(AGE);
      const next = toks[i + 1] ? toks[i + 1].toLowerCase() : "";
      const bba = age ? vocab.alder[+age[1]] : null;
      if (age && (age[2] || AGE_WORD.test(next)) && bba && bba.length) {
        found = {n: age[2] ? 1 : 2, unit: {label: age[2] ? t : t + " " + toks[i + 1], age: +age[1],
          alts: bba.map((w) => ({q: w, w: 1}))}};
      } else if (meaningful.length && stop.includes(lk)) {
        found = {n: 1, unit: null};
      } else {
        const alts = [{q: t, w: 1, check: true}];
        const parts = compoundParts(vocab, lk);
        if (parts) {
          alts.push({q: parts.join(" "), w: 0.7});
          parts.forEach((p, j) => {
            if (p.length >= 4) alts.push({q: p, w: j === parts.length - 1 ? 0.5 : 0.4});
          });
        }
        found = {n: 1, unit: {label: t, alts}};
      }
    }
    if (found.unit) out.push(found.unit);
    i += found.n;
  }
  return out;
}

/** The distinct lower-case queries of a unit's forms, each with its best weight. */
export function queriesOf(alts) {
  const out = new Map();
  for (const a of alts) {
    const q = a.q.toLowerCase();
    const prev = out.get(q);
    if (!prev || prev.w < a.w) out.set(q, {q, w: a.w, check: Boolean(a.check || (prev && prev.check))});
    else if (a.check) prev.check = true;
  }
  return [...out.values()];
}

/** Pagefind's answers for each query of a unit, merged: {page id: {s, r,
    strong}}; strong = matched by the word itself, a term's form or all
    parts of a compound (weight 0.7 or more). */
export function mergeAnswers(queries, answers) {
  const pages = {};
  answers.forEach((ans, j) => {
    const w = queries[j].w;
    for (const r of ans ? ans.results : []) {
      const s = w * r.score;
      const p = pages[r.id];
      if (!p || p.s < s) pages[r.id] = {s, r, strong: Boolean(p && p.strong) || w >= 0.7};
      else if (w >= 0.7) p.strong = true;
    }
  });
  return pages;
}

/** Whether a word Pagefind matched (w) is the query word (q), a longer word,
    or the same word with another Swedish ending. Pagefind answers a word it
    does not have with words that begin like it ("samtyke" -> "samt"). */
export function plausible(q, w, endings) {
  const ending = new Set(["", "are", "aren", "arens", "ande", "else", ...endings]);
  let c = 0;
  while (c < q.length && c < w.length && q[c] === w[c]) c++;
  if (c >= q.length) return true;
  for (let k = c; k >= Math.max(3, c - 3); k--) {
    if (!ending.has(w.slice(k))) continue;
    if (ending.has(q.slice(k))) return true;
    // A doubled consonant before the ending: "programmet", "program".
    if (q[k] === q[k - 1] && ending.has(q.slice(k + 1))) return true;
  }
  return false;
}

/** Whether a page's data (Pagefind: content and word locations) has a word
    that plausibly is the query word; true when it cannot tell. */
export function contentHas(q, data, endings) {
  if (!data || typeof data.content !== "string" || !data.locations) return true;
  const words = data.content.split(/\s+/);
  const k = key(q);
  return data.locations.some((l) => {
    const w = words[l] || "";
    return [w, ...w.split(/[-–]/)].some((part) => plausible(k, key(part), endings));
  });
}

/** The endings of a word to try when nothing matches it ("orosanmälan" ->
    "anmälan"), longest first. */
export function endingsToTry(word) {
  const k = word.toLowerCase();
  const out = [];
  for (let i = 3; k.length - i >= 4; i++) out.push(k.slice(i));
  return out;
}

/** The weight of each kind of page in the ranking (1 when not given). */
export function kindWeights(vocab) {
  const out = {};
  for (const s of vocab.sidtyper) out[s.namn] = typeof s.vikt === "number" ? s.vikt : 1;
  return out;
}

/** Pages ranked: those matching every unit first, then by the number of units
    matched, then by score times the weight of the page's kind. */
export function rank(query, us, perUnit, kindOf, weights) {
  const pages = {};
  perUnit.forEach((hits) => {
    for (const id of Object.keys(hits)) {
      const p = pages[id] || (pages[id] = {id, count: 0, score: 0, best: null, bestS: -1});
      if (hits[id].strong) p.count += 1; // a unit matched only by a part of a compound counts in the score
      p.score += hits[id].s;
      if (hits[id].r && hits[id].s > p.bestS) {
        p.best = hits[id].r;
        p.bestS = hits[id].s;
      }
    }
  });
  const weight = (id) => (has(weights, kindOf[id]) ? weights[kindOf[id]] : 1);
  const all = Object.values(pages).filter((p) => p.best);
  for (const p of all) p.score *= weight(p.id);
  all.sort((a, b) => b.count - a.count || b.score - a.score);
  const full = all.filter((p) => p.count === us.length);
  const unmatched = us.filter((u, j) => Object.keys(perUnit[j]).length === 0);
  return {query, units: us, pages: full.length ? full : all, partial: !full.length && all.length > 0, unmatched};
}

/** Edit distance with transpositions (Damerau–Levenshtein, restricted). */
export function distance(a, b) {
  const d = [];
  for (let i = 0; i <= a.length; i++) d[i] = [i];
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const c = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + c);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The glossary term closest to each misspelt word (at most three terms). */
export function suggestions(labels, vocab) {
  const out = [];
  for (const label of labels) {
    const k = key(label);
    const limit = k.length <= 4 ? 1 : k.length <= 9 ? 2 : 3;
    let best = null;
    for (const cand of Object.keys(vocab.nycklar)) {
      const d = distance(k, cand.length > k.length + 3 ? cand.slice(0, k.length + 3) : cand);
      if (d <= limit && (!best || d < best.d)) best = {d, term: vocab.termer[vocab.nycklar[cand][0]]};
    }
    if (best && !out.includes(best.term)) out.push(best.term);
  }
  return out.slice(0, 3);
}

/** The glossary terms a query was widened to, named in the note ("Sökningen
    tog med ordet …"): terms whose name differs from what was typed. */
export function namedTerms(result, vocab) {
  const named = [];
  for (const u of result.units) {
    for (const ti of u.terms || []) {
      const t = vocab.termer[ti];
      if (key(u.label) !== key(t.namn) && !named.includes(t)) named.push(t);
    }
  }
  return named;
}

const quoted = (q) => "”" + q + "”";
const pages = (n) => n + (n === 1 ? " sida" : " sidor");

/** The status line for a result, and for the pages of one kind when chosen. */
export function statusText(result, chosenKind, shownCount) {
  let text;
  if (!result.pages.length) {
    text = "Inga träffar för " + quoted(result.query) + ".";
  } else if (result.partial && result.units.length === 1) {
    text = "Ingen sida innehåller " + quoted(result.query) + ". Här är " + pages(result.pages.length) + " med delar av ordet.";
  } else if (result.partial) {
    text = "Ingen sida innehåller alla orden i " + quoted(result.query) + ". Här är " + pages(result.pages.length) +
      " med några av orden, de som har flest av orden först.";
  } else {
    text = result.pages.length + (result.pages.length === 1 ? " träff" : " träffar") + " för " + quoted(result.query) + ".";
  }
  if (chosenKind) text += " Visar " + shownCount + " av dem: " + chosenKind + ".";
  return text;
}
