/* Copy-link button on module pages (progressive enhancement: without
   JavaScript the address is plain text to select and copy). Runs after every
   page load (document$ is Material's page-load observable). */
document$.subscribe(function () {
  document.querySelectorAll(".bbg-permalank").forEach(function (box) {
    var code = box.querySelector(".bbg-adress");
    var button = box.querySelector(".bbg-kopiera");
    var status = box.querySelector(".bbg-kopierad");
    if (!code || !button) return;
    // The full address on this site, wherever it is published.
    var page = new URL(code.getAttribute("data-sokvag").replace(/^\//, ""), siteRoot());
    code.textContent = page.href;
    button.hidden = false;
    button.addEventListener("click", function () {
      copy(page.href).then(function () {
        status.textContent = "Länken är kopierad.";
      }, function () {
        status.textContent = "Kunde inte kopiera. Markera adressen och kopiera den.";
      });
    });
  });

  function siteRoot() {
    // Material's __md_scope is the site root URL (set in base.html).
    if (typeof __md_scope !== "undefined") return __md_scope.href;
    return new URL("/", window.location.href).href;
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "absolute";
      area.style.left = "-9999px";
      document.body.appendChild(area);
      area.select();
      var ok = document.execCommand("copy");
      document.body.removeChild(area);
      ok ? resolve() : reject();
    });
  }
});
