/* Provenance marks and review dates (issue 23), as progressive enhancement:
   without JavaScript a mark is its full text ("Förslag: …") and the notice of
   an out-of-date review shows only when the build found it out of date.

   1. Each mark's label (Källa, Tolkning, Förslag, Kontrolleras) becomes a
      small button, a toggletip: on keyboard focus or a tap it writes what the
      kind means (data-forklaring) and, for Tolkning and Förslag, the text that
      followed the label into a live region beside it. A Kontrolleras keeps its
      text in the sentence. Escape, leaving the mark or tapping elsewhere
      closes it. On paper the text is printed in the sentence (handbok.css).
   2. A reviewed page carries its next review date (data-nasta-granskning);
      when the reader's date is past it, the out-of-date notice is shown. */
document$.subscribe(function () {
  var count = 0;
  var marks = document.querySelectorAll(".md-typeset .bbg-grund[data-forklaring]");
  marks.forEach(function (mark) {
    if (mark.closest(".bbg-grund-forklaring") || mark.querySelector(".bbg-grund-knapp")) return;
    var label = mark.querySelector(".bbg-grund-typ");
    if (!label) return;
    var text = mark.querySelector(".bbg-grund-text");
    var quiet = text && (mark.classList.contains("bbg-grund-tolkning") || mark.classList.contains("bbg-grund-forslag"));
    count += 1;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "bbg-grund-knapp";
    button.textContent = label.textContent;
    button.setAttribute("aria-expanded", "false");
    var tip = document.createElement("span");
    tip.className = "bbg-grund-tips";
    tip.id = "bbg-grund-tips-" + count;
    tip.setAttribute("role", "status");
    button.setAttribute("aria-controls", tip.id);
    label.textContent = "";
    label.appendChild(button);
    mark.appendChild(tip);
    if (quiet) mark.classList.add("bbg-grund-tyst");

    var pointer = false;
    var quietFocus = false; // focus given back by Escape does not reopen the tip
    function open() {
      if (button.getAttribute("aria-expanded") === "true") return;
      closeAll(mark);
      button.setAttribute("aria-expanded", "true");
      tip.textContent = "";
      var lead = document.createElement("span");
      lead.textContent = mark.getAttribute("data-forklaring");
      tip.appendChild(lead);
      if (quiet) {
        var more = text.cloneNode(true);
        more.className = "bbg-grund-tips-text";
        // "…: what it rests on" -> "What it rests on"
        if (more.firstChild && more.firstChild.nodeType === 3) {
          var rest = more.firstChild.nodeValue.replace(/^:\s*/, "");
          more.firstChild.nodeValue = rest.charAt(0).toUpperCase() + rest.slice(1);
        }
        tip.appendChild(document.createTextNode(" "));
        tip.appendChild(more);
      }
      place(tip);
    }
    function close() {
      button.setAttribute("aria-expanded", "false");
      tip.textContent = "";
      tip.style.left = "";
    }
    mark.bbgClose = close;
    button.addEventListener("pointerdown", function () { pointer = true; });
    button.addEventListener("focus", function () {
      if (!pointer && !quietFocus) open();
      quietFocus = false;
    });
    button.addEventListener("click", function () {
      var was = pointer;
      pointer = false;
      if (button.getAttribute("aria-expanded") === "true" && was) close();
      else open();
    });
    mark.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
        close();
        quietFocus = document.activeElement !== button;
        button.focus();
        event.stopPropagation();
      }
    });
    mark.addEventListener("focusout", function (event) {
      if (!event.relatedTarget || !mark.contains(event.relatedTarget)) close();
    });
  });

  function closeAll(except) {
    document.querySelectorAll(".bbg-grund .bbg-grund-knapp[aria-expanded='true']").forEach(function (b) {
      var m = b.closest(".bbg-grund");
      if (m !== except && m.bbgClose) m.bbgClose();
    });
  }
  // Keep the tip inside the window (a mark near the right edge of a phone).
  function place(tip) {
    tip.style.left = "";
    var width = document.documentElement.clientWidth;
    var box = tip.getBoundingClientRect();
    var shift = 0;
    if (box.right > width - 8) shift = width - 8 - box.right;
    if (box.left + shift < 8) shift = 8 - box.left;
    if (shift) tip.style.left = shift + "px";
  }
  if (count && !document.bbgGrundClick) {
    document.bbgGrundClick = true;
    document.addEventListener("click", function (event) {
      if (!event.target.closest || !event.target.closest(".bbg-grund")) closeAll(null);
    });
  }

  // Review dates: the reader's own date (local calendar day, YYYY-MM-DD).
  var now = new Date();
  var today = now.getFullYear() + "-" + String(now.getMonth() + 1).padStart(2, "0") + "-" + String(now.getDate()).padStart(2, "0");
  document.querySelectorAll("[data-nasta-granskning]").forEach(function (notice) {
    if (today > notice.getAttribute("data-nasta-granskning")) notice.hidden = false;
  });
});
