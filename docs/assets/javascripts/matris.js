/* Responsibility matrix (/roller/matris/, made by macros/render/org.py):
   choose one party to see only its column and the activities it takes part
   in. Progressive enhancement: without JavaScript the legend above the table
   links to each party's page, which lists the same activities. */
document$.subscribe(function () {
  var table = document.getElementById("bbg-matris");
  if (!table || table.getAttribute("data-val")) return;
  table.setAttribute("data-val", "1");
  var heads = table.querySelectorAll("thead th[data-part]");
  var activities = table.querySelectorAll("tbody tr:not(.bbg-matris-omrade)").length;

  var box = document.createElement("div");
  box.className = "bbg-matris-val";
  var label = document.createElement("label");
  label.htmlFor = "bbg-matris-part";
  label.textContent = "Visa en part: ";
  var select = document.createElement("select");
  select.id = "bbg-matris-part";
  select.add(new Option("Alla parter", ""));
  var names = {};
  heads.forEach(function (th) {
    var abbr = th.querySelector(".bbg-matris-forkortning").textContent;
    var name = th.querySelector(".md-visually-hidden").textContent.replace(/^,\s*/, "");
    names[th.getAttribute("data-part")] = name;
    select.add(new Option(name + " (" + abbr + ")", th.getAttribute("data-part")));
  });
  var status = document.createElement("p");
  status.setAttribute("role", "status");
  status.className = "bbg-matris-status";
  box.appendChild(label);
  box.appendChild(select);
  box.appendChild(status);
  var frame = table.closest(".bbg-tabellram") || table;
  frame.parentNode.insertBefore(box, frame);

  select.addEventListener("change", function () {
    var part = select.value;
    table.querySelectorAll("[data-part]").forEach(function (cell) {
      cell.hidden = part !== "" && cell.getAttribute("data-part") !== part;
    });
    var shown = 0;
    table.querySelectorAll("tbody").forEach(function (tbody) {
      var visible = 0;
      tbody.querySelectorAll("tr:not(.bbg-matris-omrade)").forEach(function (tr) {
        var cell = part ? tr.querySelector('td[data-part="' + part + '"]') : null;
        var on = !cell || !cell.classList.contains("bbg-matris-tom");
        tr.hidden = !on;
        if (on) visible += 1;
      });
      var area = tbody.querySelector(".bbg-matris-omrade th");
      if (area) area.colSpan = part ? 2 : heads.length + 1;
      tbody.hidden = visible === 0;
      shown += visible;
    });
    status.textContent = part
      ? names[part] + " tar del i " + shown + " av " + activities + " aktiviteter. Välj Alla parter för hela matrisen."
      : "Alla parter visas.";
  });
});
