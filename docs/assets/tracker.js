/* Filters of a tracker year page (tracker/<year>/): status, area and agency, all in the browser.
 *
 * The page is written as the full list of commitments; this script only shows the filter form
 * (hidden without JavaScript) and hides the rows that do not match. Each <select> names the row
 * attribute it filters on (data-filter="status" -> data-status); a row's attribute may hold
 * several space-separated values (data-agencies). Report groups with no matching row hide with
 * their heading. The choice is kept in the query string (?status=no_report) so a filtered view
 * can be linked; where the browser refuses (file://), filtering still works.
 * UI strings come from the form's data-strings, written in the page's own script.
 */
(function () {
  "use strict";

  var form = document.getElementById("pe-filters");
  if (!form) return;
  var strings = {};
  try { strings = JSON.parse(form.getAttribute("data-strings") || "{}"); } catch (e) { /* defaults below */ }
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr.pe-trow[data-status]"));
  var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
  var count = document.getElementById("pe-f-count");
  var groups = {};
  Array.prototype.forEach.call(document.querySelectorAll("[data-group]"), function (el) {
    var g = el.getAttribute("data-group");
    (groups[g] = groups[g] || []).push(el);
  });

  function fill(template, values) {
    return String(template || "").replace(/\{(\w+)\}/g, function (m, k) {
      return Object.prototype.hasOwnProperty.call(values, k) ? values[k] : m;
    });
  }

  function groupOf(row) {
    var table = row.closest("table[data-group]");
    return table ? table.getAttribute("data-group") : "";
  }

  function matches(row, wanted) {
    for (var i = 0; i < wanted.length; i++) {
      if (!wanted[i].value) continue;
      var have = (row.getAttribute("data-" + wanted[i].key) || "").split(" ");
      if (have.indexOf(wanted[i].value) < 0) return false;
    }
    return true;
  }

  function apply(remember) {
    var wanted = selects.map(function (s) { return { key: s.getAttribute("data-filter"), value: s.value }; });
    var filtering = wanted.some(function (w) { return w.value; });
    var shown = 0, seen = {};
    rows.forEach(function (row) {
      var ok = matches(row, wanted);
      row.hidden = !ok;
      if (ok) {
        shown++;
        seen[groupOf(row)] = true;
      }
    });
    Object.keys(groups).forEach(function (g) {
      var hide = !seen[g];
      groups[g].forEach(function (el) { el.hidden = hide; });
      var heading = document.getElementById("r-" + g);
      if (heading) heading.hidden = hide;
    });
    if (count) {
      var values = { n: shown, total: rows.length };
      count.textContent = shown === 0 ? strings.none || "0"
        : fill(filtering ? strings.count : strings.all, values);
    }
    if (remember) rememberChoice();
  }

  function rememberChoice() {
    var params = new URLSearchParams(location.search);
    selects.forEach(function (s) {
      if (s.value) params.set(s.name, s.value); else params.delete(s.name);
    });
    var query = params.toString();
    try {
      history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
    } catch (e) { /* file:// may refuse; the filter itself still works */ }
  }

  function restore() {
    var params = new URLSearchParams(location.search);
    selects.forEach(function (s) {
      var v = params.get(s.name);
      if (v && Array.prototype.some.call(s.options, function (o) { return o.value === v; })) s.value = v;
    });
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("change", function () { apply(true); });
  form.addEventListener("reset", function () {
    // the form's values are reset after this event
    setTimeout(function () { apply(true); }, 0);
  });

  form.hidden = false;
  restore();
  apply(false);
  // A link to a row (#<commitment id>) must show that row, whatever the remembered filters.
  var target = location.hash.length > 1 ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  if (target && target.hidden) {
    selects.forEach(function (s) { s.value = ""; });
    apply(true);
    target.scrollIntoView();
  }
})();
