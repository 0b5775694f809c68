/* The menu button (overrides/partials/header.html) opens and closes
   Material's navigation drawer, the checkbox #__drawer, as a real button:
   Enter or Space opens it and moves focus to the first link; Escape, the
   button again, or Tab out of the drawer close it; Escape returns focus to
   the button. A closed drawer is hidden (visibility, handbok.css: no focus,
   not read out, also without JavaScript), so Tab never walks through links
   that cannot be seen. From 1220 px the navigation is a column of the page
   and always usable. Nothing here runs at load but two attributes: the page
   is not held up. */
(function () {
  var button = document.querySelector(".bbg-menyknapp");
  var drawer = document.getElementById("__drawer");
  var sidebar = document.querySelector(".md-sidebar--primary");
  if (!button || !drawer || !sidebar) return;
  var wide = window.matchMedia("(min-width: 76.25em)");
  var nav = sidebar.querySelector(".md-nav--primary");
  if (nav) {
    nav.id = nav.id || "bbg-meny";
    button.setAttribute("aria-controls", nav.id);
  }

  function sync() {
    button.setAttribute("aria-expanded", drawer.checked && !wide.matches ? "true" : "false");
  }

  function setOpen(open) {
    // click() fires "change", which Material's own script listens to.
    if (drawer.checked !== open) drawer.click();
    sync();
  }

  button.addEventListener("click", function () {
    if (drawer.checked) {
      setOpen(false);
    } else {
      setOpen(true);
      var first = sidebar.querySelector(".md-nav__list a[href]");
      if (first) first.focus({ preventScroll: true });
    }
  });
  drawer.addEventListener("change", sync);
  if (wide.addEventListener) wide.addEventListener("change", function () {
    if (wide.matches && drawer.checked) drawer.click();
    sync();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && drawer.checked && !wide.matches) {
      event.preventDefault();
      setOpen(false);
      button.focus();
    }
  });
  sidebar.addEventListener("focusout", function (event) {
    var next = event.relatedTarget;
    if (drawer.checked && !wide.matches && next && next !== button && !sidebar.contains(next)) setOpen(false);
  });
  sync();
})();
