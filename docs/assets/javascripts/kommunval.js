/* Municipality chooser (made by macros/render/lokalt.py, data/lokalt.yaml):
   choose the child's municipality and see how to reach its socialtjänst, in
   place. Progressive enhancement: without JavaScript the chooser is a list of
   links to each municipality's contacts on its own page. The choice is
   remembered in this browser (localStorage), never sent anywhere. */
document$.subscribe(function () {
  var KEY = "bbg-kommun";
  document.querySelectorAll(".bbg-kommunval").forEach(function (box, n) {
    if (box.getAttribute("data-val")) return;
    var list = box.querySelector(".bbg-kommunval-lista");
    var question = box.querySelector(".bbg-kommunval-fraga");
    if (!list || !question) return;
    box.setAttribute("data-val", "1");

    var id = "bbg-kommunval-" + (n + 1);
    question.id = id + "-fraga";
    var select = document.createElement("select");
    select.id = id;
    select.setAttribute("aria-labelledby", question.id);
    select.add(new Option("Välj kommun", ""));
    list.querySelectorAll("a[data-kommun]").forEach(function (a) {
      select.add(new Option(a.textContent, a.getAttribute("data-kommun")));
    });
    var answer = document.createElement("div");
    answer.className = "bbg-kommunval-svar";
    answer.setAttribute("aria-live", "polite");
    question.parentNode.insertBefore(select, list);
    list.parentNode.insertBefore(answer, list.nextSibling);
    list.hidden = true;

    function show(kommun) {
      answer.textContent = "";
      var card = kommun && box.querySelector('.bbg-kommunkort[data-kommun="' + kommun + '"]');
      if (!card) return;
      var copy = card.cloneNode(true);
      copy.hidden = false;
      copy.removeAttribute("data-kommun");
      answer.appendChild(copy);
    }
    select.addEventListener("change", function () {
      show(select.value);
      try {
        if (select.value) localStorage.setItem(KEY, select.value);
        else localStorage.removeItem(KEY);
      } catch { /* storage may be off: the choice is simply not remembered */ }
    });
    var saved;
    try { saved = localStorage.getItem(KEY); } catch { saved = null; }
    if (saved && box.querySelector('.bbg-kommunkort[data-kommun="' + saved + '"]')) {
      select.value = saved;
      show(saved);
    }
  });
});
