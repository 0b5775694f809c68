/* The Pagefind adapter of the search page: loads Pagefind from this site,
   runs the searches one after another, and turns a query's units
   (fraga.js) into ranked pages. Everything Pagefind-specific is here. */

import {contentHas, endingsToTry, kindWeights, mergeAnswers, queriesOf, rank, suggestions, units} from "./fraga.js";

/** Pagefind, loaded from <siteRoot>pagefind/, with the kind of every page
    (the Pagefind filter "typ", macros/paths/layout.py: PAGE_KINDS). */
export async function openEngine(siteRoot) {
  const pagefind = await import(new URL("pagefind/pagefind.js", siteRoot).href);
  // Pagefind searches in its web worker (pagefind-worker.js, same origin), so
  // the page stays responsive while it reads its index. The worker lets go of
  // a page's data when a result for that page is garbage collected, and the
  // next search's result for the page would find it gone: every answer is
  // kept for as long as the page is open.
  await pagefind.options({baseUrl: siteRoot.pathname});
  const kept = [];

  // Pagefind drops a search (answers null) when another one starts before it
  // has loaded its part of the index, and a page's data is one object that
  // the next search of the same page changes: searches (and the checks that
  // read their data) run one after another.
  let queue = Promise.resolve();
  function run(q, opts, then) {
    const next = queue.then(() => pagefind.search(q, opts).then((ans) => {
      if (ans) kept.push(ans);
      return then ? then(ans) : ans;
    }));
    queue = next.catch(() => {});
    return next;
  }

  const kindOf = {};   // Pagefind page id -> kind of page
  const kindPage = {}; // Pagefind page id -> a result object of the page (for its data)
  const filters = await pagefind.filters();
  await Promise.all(Object.keys((filters && filters.typ) || {}).map((name) =>
    run(null, {filters: {typ: name}}).then((s) => {
      for (const r of s.results) {
        kindOf[r.id] = name;
        kindPage[r.id] = r;
      }
    })));
  return {run, kindOf, kindPage};
}

/** A search over a vocabulary: {query, units, pages, partial, unmatched}. */
export function searcher(engine, vocab) {
  const endings = vocab.andelser;

  // Keep Pagefind's answer only when the first page has the word itself
  // (or the word inflected), not only words that begin like it.
  function checked(q, ans) {
    if (!ans || !ans.results.length) return ans;
    return ans.results[0].data().then((d) => (contentHas(q, d, endings) ? ans : {results: []}), () => ans);
  }

  function searchForms(alts) {
    const queries = queriesOf(alts);
    return Promise.all(queries.map((x) => engine.run(x.q, {}, x.check ? (ans) => checked(x.q, ans) : null)))
      .then((answers) => mergeAnswers(queries, answers));
  }

  // A word that nothing matches and the dictionary does not know may still be
  // a compound: try its endings ("orosanmälan" -> "anmälan"), longest first.
  async function searchEndings(word) {
    for (const end of endingsToTry(word)) {
      const pages = await searchForms([{q: end, w: 0.5, check: true}]);
      if (Object.keys(pages).length) return pages;
    }
    return {};
  }

  async function searchUnit(unit) {
    let pages = await searchForms(unit.alts);
    if (!Object.keys(pages).length && !unit.terms && !unit.kind && !unit.age) {
      pages = await searchEndings(unit.label);
      // A misspelt glossary word ("samtyke"): the nearest term's pages, and
      // the note says so ("Menade du Samtycke?").
      const guess = Object.keys(pages).length ? null : suggestions([unit.label], vocab)[0];
      if (guess) {
        unit.guess = guess;
        pages = await searchForms(guess.ord.map((q) => ({q, w: 0.7})));
      }
    }
    if (unit.kind) {
      // Every page of the kind matches, above the pages that only mention the word.
      let top = 1;
      for (const id of Object.keys(pages)) top = Math.max(top, pages[id].s);
      for (const id of Object.keys(engine.kindOf)) {
        if (engine.kindOf[id] === unit.kind) pages[id] = {s: top * 1.01, r: pages[id] ? pages[id].r : engine.kindPage[id], strong: true};
      }
    }
    return pages;
  }

  const weights = kindWeights(vocab);
  return async function search(query) {
    const us = units(query, vocab);
    const per = await Promise.all(us.map(searchUnit));
    return rank(query, us, per, engine.kindOf, weights);
  };
}
