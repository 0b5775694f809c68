/* The search page: Pagefind's UI, served from this site (no third-party host).
   The query comes from the header form (?q=...). */
(function () {
  var box = document.getElementById("bbg-sok");
  if (!box) return;
  if (typeof PagefindUI === "undefined") {
    box.insertAdjacentHTML("beforeend",
      "<p>Sökindexet finns bara i den byggda webbplatsen (make build). " +
      "Du hittar alla sidor i menyn.</p>");
    return;
  }
  // Result links relative to where the site is published (also under a sub-path).
  var base = new URL("../", window.location.href).pathname;
  var ui = new PagefindUI({
    element: "#bbg-sok",
    baseUrl: base,
    showSubResults: true,
    showImages: false,
    resetStyles: false,
    autofocus: true,
    translations: {
      placeholder: "Sök i handboken",
      search_label: "Sök i handboken",
      clear_search: "Rensa",
      load_more: "Visa fler träffar",
      zero_results: "Inga träffar för [SEARCH_TERM]",
      many_results: "[COUNT] träffar för [SEARCH_TERM]",
      one_result: "[COUNT] träff för [SEARCH_TERM]",
      searching: "Söker efter [SEARCH_TERM] …"
    }
  });
  var q = new URLSearchParams(window.location.search).get("q");
  if (q) ui.triggerSearch(q);
  var field = document.getElementById("bbg-sokfalt");
  if (field && q) field.value = q;
})();
