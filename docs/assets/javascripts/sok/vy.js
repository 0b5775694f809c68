/* The view of the search page: the status line, the note ("Sökningen tog
   med …", "Menade du …?"), the filter by kind and the list of results. The
   elements are in docs/sok.md. */

import {namedTerms, statusText, suggestions} from "./fraga.js";

const PAGE_SIZE = 10;

function el(tag, attrs, text) {
  const e = document.createElement(tag);
  for (const a of Object.keys(attrs || {})) e.setAttribute(a, attrs[a]);
  if (text != null) e.textContent = text;
  return e;
}

/** Marks that the results are on the page (tests and tools/bench.py wait for it). */
function done() {
  if (!performance.getEntriesByName("bbg-sok-klar").length) performance.mark("bbg-sok-klar");
}

export function view(root, siteRoot) {
  const $ = (id) => root.querySelector("#" + id);
  const statusEl = $("bbg-sok-status");
  const noteEl = $("bbg-sok-not");
  const filterEl = $("bbg-sok-filter");
  const listEl = $("bbg-sok-traffar");
  const emptyEl = $("bbg-sok-tomt");
  let state = null;
  let vocab = null;
  let kindOf = {};
  let shownRun = 0;

  function showNote(result) {
    noteEl.textContent = "";
    const named = namedTerms(result, vocab);
    if (named.length) {
      const p = el("p");
      p.append("Sökningen tog med " + (named.length > 1 ? "orden " : "ordet "));
      named.forEach((t, j) => {
        if (j) p.append(j === named.length - 1 ? " och " : ", ");
        p.append(el("a", {href: new URL(t.href, siteRoot).href}, t.namn));
      });
      p.append(", som handboken använder för det du skrev.");
      noteEl.append(p);
    }
    const wrong = suggestions(result.unmatched.filter((u) => !u.terms && !u.kind).map((u) => u.label), vocab);
    for (const u of result.units) if (u.guess && !wrong.includes(u.guess)) wrong.push(u.guess);
    const guessed = result.units.filter((u) => u.guess);
    if (guessed.length) {
      noteEl.append(el("p", {}, "Inga sidor har " + guessed.map((u) => "”" + u.label + "”").join(" eller ") +
        ". Träffarna nedan har " + guessed.map((u) => u.guess.namn).join(" och ") + "."));
    }
    if (wrong.length) {
      const m = el("p");
      m.append("Menade du ");
      wrong.forEach((t, j) => {
        if (j) m.append(j === wrong.length - 1 ? " eller " : ", ");
        m.append(el("a", {href: "?q=" + encodeURIComponent(t.namn)}, t.namn));
      });
      m.append("?");
      noteEl.append(m);
    }
  }

  function chosenKind() {
    const chosen = filterEl.querySelector("input:checked");
    return chosen ? chosen.value : "";
  }

  function visible() {
    const kind = chosenKind();
    return state.result.pages.filter((p) => !kind || kindOf[p.id] === kind);
  }

  function showFilters() {
    const counts = {};
    for (const p of state.result.pages) {
      const k = kindOf[p.id] || "";
      counts[k] = (counts[k] || 0) + 1;
    }
    const names = vocab.sidtyper.map((s) => s.namn).filter((n) => counts[n]);
    for (const d of filterEl.querySelectorAll("div")) d.remove();
    if (names.length < 2) {
      filterEl.hidden = true;
      return;
    }
    ["", ...names].forEach((name, j) => {
      const id = "bbg-sok-typ-" + j;
      const d = el("div", {class: "bbg-sok-val"});
      const input = el("input", {type: "radio", name: "typ", id, value: name});
      if (!name) input.checked = true;
      input.addEventListener("change", () => {
        state.shown = 0;
        listEl.textContent = "";
        showPage(true);
      });
      d.append(input, el("label", {for: id}, (name || "Alla sidor") + " (" + (name ? counts[name] : state.result.pages.length) + ")"));
      filterEl.append(d);
    });
    filterEl.hidden = false;
  }

  function resultItem(page, data) {
    const li = el("li", {class: "bbg-sok-traff"});
    const kind = kindOf[page.id] || "";
    const title = (data.meta && data.meta.title) || "";
    const h = el("h2", {class: "bbg-sok-titel"});
    h.append(el("a", {href: data.url}, title || data.url));
    li.append(h);
    if (kind) {
      const k = el("p", {class: "bbg-sok-typ"});
      k.append(el("span", {class: "bbg-dolj"}, "Sidtyp: "), kind);
      li.append(k);
    }
    const ex = el("p", {class: "bbg-sok-utdrag"});
    ex.innerHTML = data.excerpt; // Pagefind's excerpt: escaped text with <mark>
    li.append(ex);
    const subs = (data.sub_results || [])
      .filter((s) => s.url !== data.url && s.title !== title && /<mark>/.test(s.excerpt))
      .slice(0, 3);
    if (subs.length) {
      const ul = el("ul", {"class": "bbg-sok-avsnitt", "aria-label": "Avsnitt på sidan"});
      for (const s of subs) {
        const sli = el("li");
        sli.append(el("a", {href: s.url}, s.title));
        ul.append(sli);
      }
      li.append(ul);
    }
    return li;
  }

  function showStatus() {
    statusEl.textContent = statusText(state.result, chosenKind(), visible().length);
  }

  async function showPage(announce) {
    const my = shownRun;
    const pages = visible();
    const batch = pages.slice(state.shown, state.shown + PAGE_SIZE);
    const old = root.querySelector("#bbg-sok-fler");
    if (old) old.remove();
    const datas = await Promise.all(batch.map((p) => p.best.data()));
    if (my !== shownRun) return;
    datas.forEach((d, j) => listEl.append(resultItem(batch[j], d)));
    state.shown += batch.length;
    if (announce) showStatus();
    if (state.shown < pages.length) {
      const b = el("button", {type: "button", id: "bbg-sok-fler", class: "bbg-sok-fler"}, "Visa fler träffar");
      b.addEventListener("click", () => {
        const before = state.shown;
        showPage(false).then(() => {
          // Keyboard users go on from the first new result.
          const first = listEl.children[before];
          if (first) first.querySelector("a").focus();
        });
      });
      listEl.insertAdjacentElement("afterend", b);
    }
    done();
  }

  return {
    /** Announce that a search has started. */
    searching(query) {
      shownRun += 1;
      statusEl.textContent = "Söker efter ”" + query + "” …";
    },
    /** Empty the page (an empty query). */
    clear() {
      shownRun += 1;
      statusEl.textContent = "";
      listEl.textContent = "";
      noteEl.textContent = "";
      filterEl.hidden = true;
    },
    /** Show a result of fraga.rank, with the vocabulary and kinds it was made with. */
    show(result, vocabulary, kinds) {
      shownRun += 1;
      vocab = vocabulary;
      kindOf = kinds;
      state = {result, shown: 0};
      listEl.textContent = "";
      showFilters();
      showNote(result);
      emptyEl.hidden = result.pages.length > 0;
      if (!result.pages.length) {
        showStatus();
        done();
        return Promise.resolve();
      }
      return showPage(true);
    },
    /** The search could not be loaded here. */
    failed() {
      statusEl.textContent = "Sökningen kunde inte laddas här (sökindexet byggs av make build och make serve). " +
        "Du hittar alla sidor i menyn och via länkarna nedan.";
      emptyEl.hidden = false;
    },
  };
}
