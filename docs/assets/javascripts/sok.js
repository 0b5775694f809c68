/* The search page (docs/sok.md): Pagefind's JavaScript API, served from this
   site, with our own handling of what practitioners type.

   - A query is split into units: a glossary term in any of its spellings
     (sok/ordforrad.json, made from data/ordlista.yaml), a kind of page
     ("lättläst"), an age ("15-åring" -> the child's BBA) or a plain word.
     Question words and small words ("vem", "är", "för") are dropped.
   - Each unit is searched in all its forms (a term's name, abbreviation and
     variants; a compound's parts from the Swedish dictionary), and a page
     matches a unit when it matches any form.
   - Pages that match every unit come first. When no page matches every
     unit, the pages that match most of them are shown, with a note. When
     nothing matches, "Menade du …?" from the glossary and the doors of the
     site. The query comes from the header form (?q=...). */
(function () {
  "use strict";
  var root = document.getElementById("bbg-sok");
  if (!root) return;
  var form = document.getElementById("bbg-sok-form");
  var field = document.getElementById("bbg-sok-falt");
  var statusEl = document.getElementById("bbg-sok-status");
  var noteEl = document.getElementById("bbg-sok-not");
  var filterEl = document.getElementById("bbg-sok-filter");
  var listEl = document.getElementById("bbg-sok-traffar");
  var emptyEl = document.getElementById("bbg-sok-tomt");
  var siteRoot = new URL("../", window.location.href); // this page is <root>/sok/
  var PAGE_SIZE = 10;
  var ENDINGS = ["arnas", "ernas", "ornas", "arna", "erna", "orna", "ens", "ets", "ans", "en", "et", "ar", "er",
                 "or", "na", "ns", "s", "n", "a", "e"];
  var AGE = /^(\d{1,2})(?:-?(år|åring|åringar|åringen|årig|åriga|års|åriges))?$/;
  var AGE_WORD = /^(år|åring|åringar|årig|åriga|års|gammal|gamla)$/;

  var pagefind = null;
  var vocab = {stoppord: [], termer: [], nycklar: {}, sidtyper: [], alder: [], delar: {}};
  var kindOf = {};         // Pagefind page id -> kind of page
  var kindPage = {};       // Pagefind page id -> a result object of the page (for its data)
  var state = null;        // the current results
  var run = 0;             // drops the results of a search that a newer one replaced

  // ---------------------------------------------------------------- words

  function key(text) {
    return text.normalize("NFC").toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
  }

  // The word and the forms it has without common Swedish endings, to look
  // up inflected forms ("barnhälsovårdens") in the vocabulary.
  function forms(k) {
    var out = [k];
    ENDINGS.forEach(function (e) {
      if (k.length - e.length >= 3 && k.slice(-e.length) === e) {
        var stem = k.slice(0, -e.length);
        [stem, stem + "e", stem + "a"].forEach(function (f) { if (out.indexOf(f) < 0) out.push(f); });
      }
    });
    return out;
  }

  function lookup(table, k) {
    var all = forms(k);
    for (var i = 0; i < all.length; i++) {
      if (Object.prototype.hasOwnProperty.call(table, all[i])) return table[all[i]];
    }
    return null;
  }

  function tokens(query) {
    return query.normalize("NFC").split(/[\s,.;!?()"“”'’«»\/]+/)
      .map(function (t) { return t.replace(/:[a-zåäö]{0,4}$/i, "").replace(/^[-–:]+|[-–:]+$/g, ""); })
      .filter(function (t) { return key(t) !== ""; });
  }

  function kindFor(k) {
    for (var i = 0; i < vocab.sidtyper.length; i++) {
      if (vocab.sidtyper[i].nycklar.indexOf(k) >= 0) return vocab.sidtyper[i].namn;
    }
    return null;
  }

  // Units of a query: [{label, alts: [{q, w}], terms: [...], kind, age}]
  function units(query) {
    var toks = tokens(query);
    var stop = vocab.stoppord;
    var meaningful = toks.filter(function (t) { return stop.indexOf(key(t)) < 0; });
    var out = [];
    var i = 0;
    while (i < toks.length) {
      var found = null;
      for (var n = Math.min(6, toks.length - i); n >= 1 && !found; n--) {
        var words = toks.slice(i, i + n);
        var k = key(words.join(""));
        if (n === 1 && meaningful.length && stop.indexOf(k) >= 0) break;
        var kind = kindFor(k);
        if (kind) { found = {n: n, unit: {label: words.join(" "), kind: kind, alts: [{q: words.join(" "), w: 1}]}}; break; }
        var terms = lookup(vocab.nycklar, k);
        if (terms) {
          var alts = [];
          terms.forEach(function (ti) {
            vocab.termer[ti].ord.forEach(function (w) { alts.push({q: w, w: 1}); });
          });
          if (n === 1) alts.push({q: words[0], w: 1});
          found = {n: n, unit: {label: words.join(" "), terms: terms, alts: alts}};
        }
      }
      if (!found) {
        var t = toks[i], lk = key(t);
        var age = t.toLowerCase().match(AGE);
        var next = toks[i + 1] ? toks[i + 1].toLowerCase() : "";
        if (age && (age[2] || AGE_WORD.test(next)) && vocab.alder[+age[1]] && vocab.alder[+age[1]].length) {
          found = {n: age[2] ? 1 : 2, unit: {label: age[2] ? t : t + " " + toks[i + 1], age: +age[1],
            alts: vocab.alder[+age[1]].map(function (w) { return {q: w, w: 1}; })}};
        } else if (meaningful.length && stop.indexOf(lk) >= 0) {
          found = {n: 1, unit: null};
        } else {
          var alts2 = [{q: t, w: 1, check: true}];
          var parts = lookup(vocab.delar, lk);
          if (parts) {
            alts2.push({q: parts.join(" "), w: 0.7});
            parts.forEach(function (p, j) {
              if (p.length >= 4) alts2.push({q: p, w: j === parts.length - 1 ? 0.5 : 0.4});
            });
          }
          found = {n: 1, unit: {label: t, alts: alts2}};
        }
      }
      if (found.unit) out.push(found.unit);
      i += found.n;
    }
    return out;
  }

  // ---------------------------------------------------------------- searching

  // Pagefind drops a search (answers null) when another one starts before it
  // has loaded its part of the index, and a page's data is one object that
  // the next search of the same page changes: searches (and the checks that
  // read their data) run one after another.
  var queue = Promise.resolve();
  function pfSearch(q, opts, then) {
    var next = queue.then(function () {
      return pagefind.search(q, opts).then(function (ans) { return then ? then(ans) : ans; });
    });
    queue = next.catch(function () {});
    return next;
  }

  // Pagefind's hits for each form of a unit: {page id: {s: score, r: result,
  // strong: matched by the word itself, a term's form or all parts of a compound}}.
  function searchForms(alts) {
    var qs = {}, check = {};
    alts.forEach(function (a) {
      var q = a.q.toLowerCase();
      if (!(q in qs) || qs[q] < a.w) qs[q] = a.w;
      if (a.check) check[q] = true;
    });
    var list = Object.keys(qs);
    return Promise.all(list.map(function (q) {
      return pfSearch(q, {}, check[q] ? function (ans) { return checked(q, ans); } : null);
    })).then(function (answers) {
      var pages = {};
      answers.forEach(function (ans, j) {
        var w = qs[list[j]];
        (ans ? ans.results : []).forEach(function (r) {
          var s = w * r.score;
          var p = pages[r.id];
          if (!p || p.s < s) pages[r.id] = {s: s, r: r, strong: (p && p.strong) || w >= 0.7};
          else if (w >= 0.7) p.strong = true;
        });
      });
      return pages;
    });
  }

  // Pagefind answers a word it does not have with the words that begin like
  // it ("samtyke" -> "samt"). Keep the answer only when a matched word is the
  // query word, a longer word, or the same word with another Swedish ending.
  var ENDING_SET = {"": 1, "are": 1, "aren": 1, "arens": 1, "ande": 1, "else": 1};
  ENDINGS.forEach(function (e) { ENDING_SET[e] = 1; });

  function plausible(q, w) {
    var c = 0;
    while (c < q.length && c < w.length && q[c] === w[c]) c++;
    if (c >= q.length) return true;
    for (var k = c; k >= Math.max(3, c - 3); k--) {
      if (!ENDING_SET[w.slice(k)]) continue;
      if (ENDING_SET[q.slice(k)]) return true;
      // A doubled consonant before the ending: "programmet", "program".
      if (q[k] === q[k - 1] && ENDING_SET[q.slice(k + 1)]) return true;
    }
    return false;
  }

  function checked(q, ans) {
    if (!ans || !ans.results.length) return ans;
    return ans.results[0].data().then(function (d) {
      if (!d || typeof d.content !== "string" || !d.locations) return ans; // cannot tell: keep the answer
      var words = d.content.split(/\s+/);
      var k = key(q);
      var ok = d.locations.some(function (l) {
        var w = words[l] || "";
        return [w].concat(w.split(/[-–]/)).some(function (part) { return plausible(k, key(part)); });
      });
      return ok ? ans : {results: []};
    }, function () { return ans; });
  }

  // A word that nothing matches and the dictionary does not know may still be
  // a compound: try its endings ("orosanmälan" -> "anmälan"), longest first.
  function searchEndings(word) {
    var k = word.toLowerCase();
    var ends = [];
    for (var i = 3; k.length - i >= 4; i++) ends.push(k.slice(i));
    var step = function (j) {
      if (j >= ends.length) return Promise.resolve({});
      return searchForms([{q: ends[j], w: 0.5, check: true}]).then(function (pages) {
        return Object.keys(pages).length ? pages : step(j + 1);
      });
    };
    return step(0);
  }

  function searchUnit(unit) {
    return searchForms(unit.alts).then(function (pages) {
      if (Object.keys(pages).length || unit.terms || unit.kind || unit.age) return pages;
      return searchEndings(unit.label);
    }).then(function (pages) {
      if (unit.kind) {
        // Every page of the kind matches, above the pages that only mention the word.
        var top = 1;
        Object.keys(pages).forEach(function (id) { top = Math.max(top, pages[id].s); });
        Object.keys(kindOf).forEach(function (id) {
          if (kindOf[id] === unit.kind) pages[id] = {s: top * 1.01, r: pages[id] ? pages[id].r : kindPage[id], strong: true};
        });
      }
      return pages;
    });
  }

  function search(query) {
    var us = units(query);
    return Promise.all(us.map(searchUnit)).then(function (per) {
      var pages = {};
      per.forEach(function (hits) {
        Object.keys(hits).forEach(function (id) {
          var p = pages[id] || (pages[id] = {id: id, count: 0, score: 0, best: null, bestS: -1});
          if (hits[id].strong) p.count += 1; // a unit matched only by a part of a compound counts in the score
          p.score += hits[id].s;
          if (hits[id].r && hits[id].s > p.bestS) { p.best = hits[id].r; p.bestS = hits[id].s; }
        });
      });
      var all = Object.keys(pages).map(function (id) { return pages[id]; }).filter(function (p) { return p.best; });
      all.sort(function (a, b) { return b.count - a.count || b.score - a.score; });
      var full = all.filter(function (p) { return p.count === us.length; });
      var unmatched = us.filter(function (u, j) { return Object.keys(per[j]).length === 0; });
      return {query: query, units: us, pages: full.length ? full : all, partial: !full.length && all.length > 0,
              unmatched: unmatched};
    });
  }

  // ---------------------------------------------------------------- "Menade du …?"

  function distance(a, b) {
    var d = [], i, j;
    for (i = 0; i <= a.length; i++) { d[i] = [i]; }
    for (j = 1; j <= b.length; j++) { d[0][j] = j; }
    for (i = 1; i <= a.length; i++) {
      for (j = 1; j <= b.length; j++) {
        var c = a[i - 1] === b[j - 1] ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + c);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
    return d[a.length][b.length];
  }

  function suggestions(labels) {
    var out = [];
    labels.forEach(function (label) {
      var k = key(label);
      var limit = k.length <= 4 ? 1 : k.length <= 9 ? 2 : 3;
      var best = null;
      Object.keys(vocab.nycklar).forEach(function (cand) {
        var d = distance(k, cand.length > k.length + 3 ? cand.slice(0, k.length + 3) : cand);
        if (d <= limit && (!best || d < best.d)) best = {d: d, term: vocab.termer[vocab.nycklar[cand][0]]};
      });
      if (best && out.indexOf(best.term) < 0) out.push(best.term);
    });
    return out.slice(0, 3);
  }

  // ---------------------------------------------------------------- showing

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (a) { e.setAttribute(a, attrs[a]); });
    if (text != null) e.textContent = text;
    return e;
  }

  function quoted(q) { return "”" + q + "”"; }

  function searchLink(text) {
    return el("a", {href: "?q=" + encodeURIComponent(text)}, text);
  }

  function showNote(result) {
    noteEl.textContent = "";
    var named = [];
    result.units.forEach(function (u) {
      (u.terms || []).forEach(function (ti) {
        var t = vocab.termer[ti];
        if (key(u.label) !== key(t.namn) && named.indexOf(t) < 0) named.push(t);
      });
    });
    if (named.length) {
      var p = el("p");
      p.appendChild(document.createTextNode("Sökningen tog med " + (named.length > 1 ? "orden " : "ordet ")));
      named.forEach(function (t, j) {
        if (j) p.appendChild(document.createTextNode(j === named.length - 1 ? " och " : ", "));
        p.appendChild(el("a", {href: new URL(t.href, siteRoot).href}, t.namn));
      });
      p.appendChild(document.createTextNode(", som handboken använder för det du skrev."));
      noteEl.appendChild(p);
    }
    var wrong = suggestions(result.unmatched.filter(function (u) { return !u.terms && !u.kind; })
      .map(function (u) { return u.label; }));
    if (wrong.length) {
      var m = el("p");
      m.appendChild(document.createTextNode("Menade du "));
      wrong.forEach(function (t, j) {
        if (j) m.appendChild(document.createTextNode(j === wrong.length - 1 ? " eller " : ", "));
        m.appendChild(searchLink(t.namn));
      });
      m.appendChild(document.createTextNode("?"));
      noteEl.appendChild(m);
    }
  }

  function visible() {
    var chosen = filterEl.querySelector("input:checked");
    var kind = chosen ? chosen.value : "";
    return state.result.pages.filter(function (p) { return !kind || kindOf[p.id] === kind; });
  }

  function showFilters() {
    var counts = {};
    state.result.pages.forEach(function (p) { var k = kindOf[p.id] || ""; counts[k] = (counts[k] || 0) + 1; });
    var names = vocab.sidtyper.map(function (s) { return s.namn; }).filter(function (n) { return counts[n]; });
    Array.prototype.slice.call(filterEl.querySelectorAll("div")).forEach(function (d) { d.remove(); });
    if (names.length < 2) { filterEl.hidden = true; return; }
    [""].concat(names).forEach(function (name, j) {
      var id = "bbg-sok-typ-" + j;
      var d = el("div", {"class": "bbg-sok-val"});
      var input = el("input", {type: "radio", name: "typ", id: id, value: name});
      if (!name) input.checked = true;
      input.addEventListener("change", function () { state.shown = 0; listEl.textContent = ""; showPage(true); });
      d.appendChild(input);
      d.appendChild(el("label", {"for": id}, (name || "Alla sidor") + " (" + (name ? counts[name] : state.result.pages.length) + ")"));
      filterEl.appendChild(d);
    });
    filterEl.hidden = false;
  }

  function resultItem(page, data) {
    var li = el("li", {"class": "bbg-sok-traff"});
    var kind = kindOf[page.id] || "";
    var h = el("h2", {"class": "bbg-sok-titel"});
    h.appendChild(el("a", {href: data.url}, (data.meta && data.meta.title) || data.url));
    li.appendChild(h);
    if (kind) {
      var k = el("p", {"class": "bbg-sok-typ"});
      k.appendChild(el("span", {"class": "bbg-dolj"}, "Sidtyp: "));
      k.appendChild(document.createTextNode(kind));
      li.appendChild(k);
    }
    var ex = el("p", {"class": "bbg-sok-utdrag"});
    ex.innerHTML = data.excerpt; // Pagefind's excerpt: escaped text with <mark>
    li.appendChild(ex);
    var title = (data.meta && data.meta.title) || "";
    var subs = (data.sub_results || []).filter(function (s) {
      return s.url !== data.url && s.title !== title && /<mark>/.test(s.excerpt);
    }).slice(0, 3);
    if (subs.length) {
      var ul = el("ul", {"class": "bbg-sok-avsnitt", "aria-label": "Avsnitt på sidan"});
      subs.forEach(function (s) {
        var sli = el("li");
        sli.appendChild(el("a", {href: s.url}, s.title));
        ul.appendChild(sli);
      });
      li.appendChild(ul);
    }
    return li;
  }

  function showStatus() {
    var r = state.result, shown = visible();
    var chosen = filterEl.querySelector("input:checked");
    var text;
    if (!r.pages.length) {
      text = "Inga träffar för " + quoted(r.query) + ".";
    } else if (r.partial && r.units.length === 1) {
      text = "Ingen sida innehåller " + quoted(r.query) + ". Här är " + r.pages.length +
        (r.pages.length === 1 ? " sida" : " sidor") + " med delar av ordet.";
    } else if (r.partial) {
      text = "Ingen sida innehåller alla orden i " + quoted(r.query) + ". Här är " + r.pages.length +
        (r.pages.length === 1 ? " sida" : " sidor") + " med några av orden, de som har flest av orden först.";
    } else {
      text = r.pages.length + (r.pages.length === 1 ? " träff" : " träffar") + " för " + quoted(r.query) + ".";
    }
    if (chosen && chosen.value) text += " Visar " + shown.length + " av dem: " + chosen.value + ".";
    statusEl.textContent = text;
  }

  function showPage(announce) {
    var my = run;
    var pages = visible();
    var batch = pages.slice(state.shown, state.shown + PAGE_SIZE);
    var old = document.getElementById("bbg-sok-fler");
    if (old) old.remove();
    return Promise.all(batch.map(function (p) { return p.best.data(); })).then(function (datas) {
      if (my !== run) return;
      var firstNew = null;
      datas.forEach(function (d, j) {
        var li = resultItem(batch[j], d);
        listEl.appendChild(li);
        if (!firstNew) firstNew = li;
      });
      state.shown += batch.length;
      if (announce) showStatus();
      if (state.shown < pages.length) {
        var b = el("button", {type: "button", id: "bbg-sok-fler", "class": "bbg-sok-fler"}, "Visa fler träffar");
        b.addEventListener("click", function () {
          var before = state.shown;
          showPage(false).then(function () {
            // Keyboard users go on from the first new result.
            var first = listEl.children[before];
            if (first) first.querySelector("a").focus();
          });
        });
        listEl.insertAdjacentElement("afterend", b);
      }
      if (!performance.getEntriesByName("bbg-sok-klar").length) performance.mark("bbg-sok-klar");
    });
  }

  function show(result) {
    state = {result: result, shown: 0};
    listEl.textContent = "";
    showFilters();
    showNote(result);
    emptyEl.hidden = result.pages.length > 0;
    if (!result.pages.length) {
      showStatus();
      if (!performance.getEntriesByName("bbg-sok-klar").length) performance.mark("bbg-sok-klar");
      return Promise.resolve();
    }
    return showPage(true);
  }

  function go(query) {
    query = query.trim();
    run += 1;
    var my = run;
    if (!query) {
      statusEl.textContent = "";
      listEl.textContent = "";
      noteEl.textContent = "";
      filterEl.hidden = true;
      return;
    }
    statusEl.textContent = "Söker efter " + quoted(query) + " …";
    return search(query).then(function (result) {
      if (my === run) return show(result);
    });
  }

  // ---------------------------------------------------------------- start

  function failed() {
    statusEl.textContent = "Sökningen kunde inte laddas här (sökindexet byggs av make build och make serve). " +
      "Du hittar alla sidor i menyn och via länkarna nedan.";
    emptyEl.hidden = false;
  }

  var q = new URLSearchParams(window.location.search).get("q") || "";
  field.value = q;
  var header = document.getElementById("bbg-sokfalt");
  if (header && q) header.value = q;
  // As the search form in the header did: focus in the field, so the query
  // can be changed at once and Tab leads on to the filters and the results.
  field.focus();

  var vocabLoaded = fetch(new URL("ordforrad.json", window.location.href)).then(function (r) {
    return r.ok ? r.json() : null;
  }).then(function (v) { if (v) vocab = v; }).catch(function () {});

  var engine = import(new URL("pagefind/pagefind.js", siteRoot).href).then(function (pf) {
    pagefind = pf;
    // In the page itself, not in Pagefind's web worker: the worker forgets a
    // result's data once another result for the same page is garbage collected.
    return pf.options({baseUrl: siteRoot.pathname, noWorker: true});
  }).then(function () {
    return pagefind.filters();
  }).then(function (filters) {
    var names = Object.keys((filters && filters.typ) || {});
    return Promise.all(names.map(function (name) {
      return pfSearch(null, {filters: {typ: name}}).then(function (s) {
        s.results.forEach(function (r) { kindOf[r.id] = name; kindPage[r.id] = r; });
      });
    }));
  });

  // For the benchmark (tools/bench.py): the parts the search uses for a word.
  window.bbgSokDelar = function (word) { return lookup(vocab.delar, key(word)); };

  var ready = Promise.all([engine, vocabLoaded]);
  ready.then(function () {
    if (q) go(q);
  }, failed);

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var query = field.value;
    var url = new URL(window.location.href);
    url.searchParams.set("q", query.trim());
    window.history.replaceState(null, "", url);
    if (header) header.value = query;
    ready.then(function () { go(query); }, failed);
  });
})();
