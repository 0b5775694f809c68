/* Accessibility fixes to Material's defaults, run after every page load
   (document$ is Material's page-load observable). */
document$.subscribe(function () {
  // 2.1.1: a table that scrolls sideways must be reachable with the keyboard.
  document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (el) {
    el.setAttribute("tabindex", "0");
    el.setAttribute("role", "region");
    el.setAttribute("aria-label", "Tabell, kan rullas i sidled");
  });
});
