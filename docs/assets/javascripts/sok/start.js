/* The search page (docs/sok.md): reads the query (?q=…, also from the header
   form), loads the vocabulary (sok/ordforrad.json) and Pagefind, and shows
   the results. The parts: fraga.js (the query, pure), motor.js (Pagefind),
   vy.js (the page). */

import {EMPTY_VOCABULARY} from "./fraga.js";
import {openEngine, searcher} from "./motor.js";
import {view} from "./vy.js";

const root = document.getElementById("bbg-sok");
if (root) start(root);

function start(root) {
  const form = root.querySelector("#bbg-sok-form");
  const field = root.querySelector("#bbg-sok-falt");
  const header = document.getElementById("bbg-sokfalt");
  const siteRoot = new URL("../", window.location.href); // this page is <root>/sok/
  const v = view(root, siteRoot);

  const q = new URLSearchParams(window.location.search).get("q") || "";
  field.value = q;
  if (header && q) header.value = q;
  // As the search form in the header did: focus in the field, so the query
  // can be changed at once and Tab leads on to the filters and the results.
  field.focus();

  const vocabulary = fetch(new URL("ordforrad.json", window.location.href))
    .then((r) => (r.ok ? r.json() : null))
    .then((data) => ({...EMPTY_VOCABULARY, ...(data || {})}), () => EMPTY_VOCABULARY);
  const engine = openEngine(siteRoot);
  const ready = Promise.all([engine, vocabulary]).then(([e, vocab]) => ({e, vocab, search: searcher(e, vocab)}));

  let run = 0; // drops the results of a search that a newer one replaced
  async function go(query) {
    query = query.trim();
    run += 1;
    const my = run;
    if (!query) {
      v.clear();
      return;
    }
    v.searching(query);
    const {e, vocab, search} = await ready;
    const result = await search(query);
    if (my === run) await v.show(result, vocab, e.kindOf);
  }

  ready.then(() => (q ? go(q) : null), () => v.failed());

  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const query = field.value;
    const url = new URL(window.location.href);
    url.searchParams.set("q", query.trim());
    window.history.replaceState(null, "", url);
    if (header) header.value = query;
    ready.then(() => go(query), () => v.failed());
  });
}
