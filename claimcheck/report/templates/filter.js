// The findings filter: by severity and by rule. Plain DOM, no framework; without it (scripts
// off) every finding is shown. A link can preset it: report.html#severity=error,warning&rule=ID
(function () {
  var form = document.getElementById("filter");
  if (!form) { return; }
  var items = document.querySelectorAll("[data-rule][data-severity]");
  var groups = document.querySelectorAll("#findings .rule");
  var count = document.getElementById("filter-count");
  var select = form.querySelector("select");
  var boxes = form.querySelectorAll("input[type=checkbox]");

  function apply() {
    var allowed = {};
    boxes.forEach(function (box) { allowed[box.value] = box.checked; });
    var rule = select.value, shown = 0, total = 0;
    items.forEach(function (el) {
      var visible = allowed[el.dataset.severity] !== false && (!rule || el.dataset.rule === rule);
      el.hidden = !visible;
      if (el.classList.contains("finding")) { total += 1; shown += visible ? 1 : 0; }
    });
    groups.forEach(function (g) { g.hidden = !g.querySelector(".finding:not([hidden])"); });
    count.textContent = "showing " + shown + " of " + total + " findings";
  }

  function preset() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ""));
    if (params.has("severity")) {
      var wanted = params.get("severity").split(",");
      boxes.forEach(function (box) { box.checked = wanted.indexOf(box.value) >= 0; });
    }
    if (params.has("rule")) { select.value = params.get("rule"); }
  }

  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  preset();
  form.hidden = false;
  apply();
}());
