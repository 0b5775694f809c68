// The search page's query module (docs/assets/javascripts/sok/fraga.js),
// with a small vocabulary written by hand in the shape Python writes
// (sok/ordforrad.json). Run: node --test tests/js/
import {test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";

import {
  compoundParts, contentHas, distance, endingsToTry, key, mergeAnswers, namedTerms, plausible, queriesOf, rank,
  statusText, suggestions, termsFor, tokens, units,
} from "../../docs/assets/javascripts/sok/fraga.js";

const ENDINGS = ["arnas", "ernas", "ornas", "arna", "erna", "orna", "ens", "ets", "ans", "en", "et", "ar", "er",
  "or", "na", "ns", "s", "n", "a", "e"];

const VOCAB = {
  stoppord: ["vem", "är", "för", "en", "jag", "får", "med", "hur", "vad", "har"],
  termer: [
    {namn: "Barnensbästa-ansvarig", ord: ["Barnensbästa-ansvarig", "BBA"], href: "ordlista/#term-bba"},
    {namn: "Anmälningsplikt", ord: ["Anmälningsplikt", "Orosanmälan"], href: "ordlista/#term-anmalningsplikt"},
    {namn: "Socialtjänst", ord: ["Socialtjänst", "Soc"], href: "ordlista/#term-socialtjanst"},
  ],
  nycklar: {
    "barnensbästaansvarig": [0], "bba": [0], "barnetsbästaansvarig": [0],
    "anmälningsplikt": [1], "anmälningsplikten": [1], "orosanmälan": [1], "oroanmäla": [1], "anmälaoro": [1],
    "socialtjänst": [2], "socialtjänsten": [2], "soc": [2],
  },
  andelser: ENDINGS,
  sidtyper: [
    {namn: "Lättläst", nycklar: ["lättläst", "lättsvenska"], vikt: 1.2},
    {namn: "Vägledning", nycklar: ["vägledning"], vikt: 1.6},
    {namn: "Utbildningsmodul", nycklar: ["modul"], vikt: 0.8},
    {namn: "Roll", nycklar: ["roll"], vikt: 0.7},
  ],
  alder: [["sjuksköterska", "BVC"], [], [], [], [], [], [], [], [], [], [], [], [], [], [], ["rektor"]],
  delar: {"barnhälsovård": ["barn", "hälsovård"], "kompetensutveckling": ["kompetens", "utveckling"]},
};

test("key gives what Python's term_key gives (shared cases)", () => {
  const shared = JSON.parse(readFileSync(new URL("../fixtures/sok-nycklar.json", import.meta.url), "utf-8"));
  assert.ok(shared.cases.length >= 10);
  for (const [text, expected] of shared.cases) assert.equal(key(text), expected, text);
});

test("tokens drop punctuation and a trailing :n", () => {
  assert.deepEqual(tokens("Vem är BBA:n, för en 15-åring?"), ["Vem", "är", "BBA", "för", "en", "15-åring"]);
  assert.deepEqual(tokens("  – ”samtycke” / (SIP) "), ["samtycke", "SIP"]);
});

test("a term is found under the keys and inflected forms Python wrote, and only there", () => {
  assert.deepEqual(termsFor(VOCAB, "anmälningsplikten"), [1]);
  assert.deepEqual(termsFor(VOCAB, "soc"), [2]);
  // No suffix stripping for terms: a form Python did not write is not a term.
  assert.equal(termsFor(VOCAB, "anmälningsplikterna"), null);
});

test("everyday words and word pairs become the glossary term", () => {
  const [soc] = units("soc", VOCAB);
  assert.deepEqual(soc.terms, [2]);
  assert.deepEqual(soc.alts.map((a) => a.q), ["Socialtjänst", "Soc", "soc"]);
  for (const q of ["oro anmäla", "anmäla oro", "Orosanmälan"]) {
    const us = units(q, VOCAB);
    assert.equal(us.length, 1, q);
    assert.deepEqual(us[0].terms, [1], q);
  }
});

test("small words are dropped unless nothing else is left", () => {
  const us = units("vem är BBA för en 15-åring", VOCAB);
  assert.deepEqual(us.map((u) => u.label), ["BBA", "15-åring"]);
  assert.equal(us[1].age, 15);
  assert.deepEqual(us[1].alts.map((a) => a.q), ["rektor"]);
  assert.deepEqual(units("vem", VOCAB).map((u) => u.label), ["vem"]);
  // "4 år": an age in two words.
  const four = units("barn på 0 år", VOCAB).find((u) => u.age === 0);
  assert.equal(four.label, "0 år");
});

test("a kind of page is a unit of its own", () => {
  const us = units("modul samtycke", VOCAB);
  assert.equal(us[0].kind, "Utbildningsmodul");
  assert.equal(us[1].label, "samtycke");
  assert.deepEqual(units("lätt svenska", VOCAB).map((u) => u.kind), ["Lättläst"]);
});

test("a compound is searched in its parts, an inflected compound too", () => {
  assert.deepEqual(compoundParts(VOCAB, "barnhälsovårdens"), ["barn", "hälsovård"]);
  const [u] = units("barnhälsovården", VOCAB);
  assert.deepEqual(u.alts, [
    {q: "barnhälsovården", w: 1, check: true},
    {q: "barn hälsovård", w: 0.7},
    {q: "barn", w: 0.4},
    {q: "hälsovård", w: 0.5},
  ]);
});

test("the forms of a unit are searched once each, with their best weight", () => {
  const qs = queriesOf([{q: "BBA", w: 0.5}, {q: "bba", w: 1}, {q: "Rektor", w: 0.4, check: true}]);
  assert.deepEqual(qs, [{q: "bba", w: 1, check: false}, {q: "rektor", w: 0.4, check: true}]);
});

test("answers are merged per page: best score, strong when a main form matched", () => {
  const queries = [{q: "a", w: 1}, {q: "b", w: 0.5}];
  const pages = mergeAnswers(queries, [{results: [{id: "p1", score: 2}]}, {results: [{id: "p1", score: 10}, {id: "p2", score: 1}]}]);
  assert.equal(pages.p1.s, 5);
  assert.equal(pages.p1.strong, true);
  assert.equal(pages.p2.s, 0.5);
  assert.equal(pages.p2.strong, false);
});

test("a word Pagefind matched must be the query word, longer, or inflected", () => {
  assert.ok(plausible("samtycke", "samtycket", ENDINGS));
  assert.ok(plausible("program", "programmet", ENDINGS));
  assert.ok(plausible("sam", "samverkan", ENDINGS));
  assert.ok(!plausible("samtyke", "samt", ENDINGS));
  assert.ok(!plausible("samtyke", "samverkan", ENDINGS));
  const data = {content: "Ett samtycke kan tas tillbaka", locations: [1]};
  assert.ok(contentHas("samtycket", data, ENDINGS));
  assert.ok(!contentHas("samtyke", {content: "samt så", locations: [0]}, ENDINGS));
  assert.ok(contentHas("x", {}, ENDINGS)); // cannot tell: keep
});

test("endings of an unknown word are tried longest first", () => {
  assert.deepEqual(endingsToTry("orosanmälan"), ["sanmälan", "anmälan", "nmälan", "mälan", "älan"]);
  assert.deepEqual(endingsToTry("kort"), []);
});

test("pages matching every unit come first, then by score times the kind's weight", () => {
  const us = [{label: "a"}, {label: "b"}];
  const r = (id) => ({id});
  const per = [
    {modul: {s: 10, r: r("modul"), strong: true}, vag: {s: 7, r: r("vag"), strong: true}, roll: {s: 50, r: r("roll"), strong: true}},
    {modul: {s: 10, r: r("modul"), strong: true}, vag: {s: 7, r: r("vag"), strong: true}},
  ];
  const kindOf = {modul: "Utbildningsmodul", vag: "Vägledning", roll: "Roll"};
  const weights = {Utbildningsmodul: 0.8, Vägledning: 1.6, Roll: 0.7};
  const res = rank("a b", us, per, kindOf, weights);
  // 14 × 1,6 = 22,4 for the guidance page, 20 × 0,8 = 16 for the module; the role page lacks "b".
  assert.deepEqual(res.pages.map((p) => p.id), ["vag", "modul"]);
  assert.equal(res.partial, false);
  const none = rank("a b", us, [{roll: {s: 1, r: r("roll"), strong: true}}, {}], kindOf, weights);
  assert.equal(none.partial, true);
  assert.deepEqual(none.unmatched.map((u) => u.label), ["b"]);
});

test("a misspelt word gets the nearest glossary term", () => {
  assert.equal(distance("samtyke", "samtycke"), 1);
  assert.equal(distance("ab", "ba"), 1);
  assert.deepEqual(suggestions(["anmälningsplickt"], VOCAB).map((t) => t.namn), ["Anmälningsplikt"]);
  assert.deepEqual(suggestions(["xyzzy"], VOCAB), []);
});

test("the note names the terms a query was widened to", () => {
  const res = {units: units("soc bba", VOCAB)};
  assert.deepEqual(namedTerms(res, VOCAB).map((t) => t.namn), ["Socialtjänst", "Barnensbästa-ansvarig"]);
  assert.deepEqual(namedTerms({units: units("socialtjänst", VOCAB)}, VOCAB), []);
});

test("the status line says what was found", () => {
  const us = [{label: "a"}, {label: "b"}];
  assert.equal(statusText({query: "x", units: us, pages: [], partial: false}, "", 0), "Inga träffar för ”x”.");
  assert.equal(statusText({query: "a b", units: us, pages: [1, 2], partial: false}, "Vägledning", 1),
    "2 träffar för ”a b”. Visar 1 av dem: Vägledning.");
  assert.match(statusText({query: "a b", units: us, pages: [1], partial: true}, "", 1), /^Ingen sida innehåller alla orden i ”a b”\. Här är 1 sida/);
});
