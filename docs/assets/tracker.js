/* Filters and order of a tracker list (a place's year, an indicator, an agency), in the browser.
 *
 * A list may span several static pages (page 1 at the list's address, page k at <address>k/);
 * each page is complete without JavaScript. This script shows the filter form (hidden without
 * JavaScript). With no filter and the source order, the page shows its own rows. Otherwise it
 * loads every page's rows.js (script tags, so it works from file://: each row as data, built here
 * as a compact row), resolves their links against the page they come from, and shows the matching rows of all pages in #pe-results,
 * grouped as on the pages (or in one table when sorted), hiding the page's own list.
 * Each <select data-filter="x"> filters on the rows' data-x (several values space-separated: the
 * rows built from rows.js, or a one-page list's own rows);
 * the counts beside its choices follow the other filters. The choice is kept in the query
 * string (?status=no_report&sort=area) so a filtered view can be linked, in either script;
 * where the browser refuses (file://), filtering still works. A #<commitment id> made before a
 * list was split is forwarded to the page that holds the row (ids.js beside page 1).
 * UI strings come from the form's data-strings, written in the page's own script.
 * A list on several pages keeps its choices (with their counts over the whole list), its group
 * headings and its pages' rows.js in one list.js beside page 1 (form's data-list), read before
 * the form is shown: written once a list, not in each of its pages.
 */
(function () {
  "use strict";

  var form = document.getElementById("pe-filters");
  if (!form) return;
  var strings = json(form.getAttribute("data-strings"), {});
  var sources = json(form.getAttribute("data-sources"), []);
  var groupNames = json(form.getAttribute("data-groups"), {});
  var total = parseInt(form.getAttribute("data-total"), 10) || 0;
  var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
  var sortSelect = form.querySelector("select[data-sort]");
  var count = document.getElementById("pe-f-count");
  var results = document.getElementById("pe-results");
  var start = document.getElementById("pe-list-start");
  var end = document.getElementById("pe-list-end");
  var ownRows = Array.prototype.slice.call(document.querySelectorAll("tr.pe-trow"));
  var template = document.querySelector("table.pe-tracker[data-group]");
  var allRows = null;        // every page's rows, once loaded
  var loading = false;

  function json(text, fallback) {
    try { return JSON.parse(text || ""); } catch (e) { return fallback; }
  }

  function fill(text, values) {
    return String(text || "").replace(/\{(\w+)\}/g, function (m, k) {
      return Object.prototype.hasOwnProperty.call(values, k) ? values[k] : m;
    });
  }

  function wanted() {
    return selects.map(function (s) { return { key: s.getAttribute("data-filter"), value: s.value, select: s }; });
  }

  function matches(row, filters, skip) {
    for (var i = 0; i < filters.length; i++) {
      var f = filters[i];
      if (!f.value || f.select === skip) continue;
      var have = (row.getAttribute("data-" + f.key) || "").split(" ");
      if (have.indexOf(f.value) < 0) return false;
    }
    return true;
  }

  // ---- the page's own list: shown as written, or hidden behind the results

  function ownList() {
    var out = [];
    if (!start || !end) return out;
    for (var el = start.nextElementSibling; el && el !== end; el = el.nextElementSibling) out.push(el);
    return out;
  }

  function showOwn(show) {
    ownList().forEach(function (el) { el.hidden = !show; });
    ownRows.forEach(function (row) { row.hidden = !show; });
    results.hidden = show;
    if (show) results.textContent = "";
  }

  // ---- rows of every page, from their rows.js

  function own() {
    return ownRows.map(function (r) { var c = r.cloneNode(true); c.removeAttribute("id"); return c; });
  }

  function load(done) {
    var status = form.querySelector("select[name=status]");
    if (status) Array.prototype.forEach.call(status.options, function (o) { if (o.value) statusNames[o.value] = o.getAttribute("data-label"); });
    if (!allRows && !sources.length) allRows = own();     // a list on one page: its own rows
    if (allRows) return done(true);
    if (loading) return;
    loading = true;
    if (count) count.textContent = strings.loading || "";
    var collected = [];
    var failed = false;
    window.peTrackerRows = [];
    (function next(i) {
      if (i >= sources.length) {
        loading = false;
        allRows = failed ? null : collected;     // tried again at the next choice
        return done(!failed);
      }
      var script = document.createElement("script");
      script.src = sources[i];
      script.onload = function () {
        var data = window.peTrackerRows.pop();
        script.remove();
        if (!data || !data.rows) { failed = true; return next(sources.length); }
        var base = new URL(sources[i].replace(/rows\.js$/, "index.html"), location.href);
        data.rows.forEach(function (d) { collected.push(build(d, data.kind, base)); });
        next(i + 1);
      };
      script.onerror = function () { failed = true; script.remove(); next(sources.length); };
      document.head.appendChild(script);
    })(0);
  }

  // A compact row (as tracker_macros.j2 writes them) from its data in rows.js
  // (tracker_rows.js.j2: status, area, agencies, indicator, group, link, words, target,
  // reported, year, report; the HTML pieces escaped by the build), its links resolved against
  // the page it comes from (site.css names each column on a phone, as the table's headings do).
  var statusNames = {};

  function cell(tr, html, cls) {
    var td = document.createElement("td");
    if (cls) td.className = cls;
    td.innerHTML = html;
    tr.appendChild(td);
    return td;
  }

  function escape(text) {
    var span = document.createElement("span");
    span.textContent = text;
    return span.innerHTML;
  }

  function build(d, kind, base) {
    var tr = document.createElement("tr");
    tr.className = "pe-trow";
    ["status", "area", "agencies", "indicator", "group"].forEach(function (k, i) { tr.setAttribute("data-" + k, d[i]); });
    var href = escape(new URL(d[5], base).href);
    var badge = '<span class="pe-badge pe-badge--' + escape(d[0]) + '">' + escape(statusNames[d[0]] || d[0]) + "</span>";
    if (kind === "year") {
      cell(tr, badge, "pe-tc-status");
      cell(tr, '<a href="' + href + '">' + d[6] + "</a>");
    } else {
      cell(tr, '<a href="' + href + '">' + d[9] + "</a>", "pe-tc-year");
      cell(tr, d[6] + '<br><span class="pe-tc-meta">' + d[10] + "</span>");
    }
    cell(tr, d[7]);
    cell(tr, d[8]);
    if (kind !== "year") cell(tr, badge, "pe-tc-status");
    return tr;
  }

  // ---- filtering, counting, ordering

  function order(rows) {
    var by = sortSelect ? sortSelect.value : "";
    if (!by) return rows;
    var select = form.querySelector("select[name=" + by + "]");
    var attr = select ? select.getAttribute("data-filter") : by;
    var rank = {};
    if (select) Array.prototype.forEach.call(select.options, function (o, i) { if (o.value) rank[o.value] = i; });
    var big = 1e6;
    return rows.map(function (row, i) {
      var v = (row.getAttribute("data-" + attr) || "").split(" ")[0];
      return { row: row, key: v in rank ? rank[v] : big, i: i };
    }).sort(function (a, b) { return a.key - b.key || a.i - b.i; }).map(function (x) { return x.row; });
  }

  function recount(rows, filters) {
    selects.forEach(function (s) {
      var attr = s.getAttribute("data-filter");
      var n = {};
      rows.forEach(function (row) {
        if (!matches(row, filters, s)) return;
        (row.getAttribute("data-" + attr) || "").split(" ").forEach(function (v) { n[v] = (n[v] || 0) + 1; });
      });
      Array.prototype.forEach.call(s.options, function (o) {
        if (o.value) o.textContent = (o.getAttribute("data-label") || o.value) + "（" + (n[o.value] || 0) + "）";
      });
    });
  }

  function render(rows, grouped) {
    results.textContent = "";
    var table = null, group = null;
    rows.forEach(function (row) {
      var g = row.getAttribute("data-group") || "";
      if (!table || (grouped && g !== group)) {
        group = g;
        if (grouped && groupNames[g] && Object.keys(groupNames).length > 1) {
          var h = document.createElement("h3");
          h.textContent = groupNames[g];
          results.appendChild(h);
        }
        table = template.cloneNode(false);
        table.hidden = false;
        var head = template.querySelector("thead");
        if (head) table.appendChild(head.cloneNode(true));
        table.appendChild(document.createElement("tbody"));
        results.appendChild(table);
      }
      table.tBodies[0].appendChild(row);
    });
  }

  function apply(remember) {
    var filters = wanted();
    var filtering = filters.some(function (f) { return f.value; });
    var sorting = sortSelect && sortSelect.value;
    if (remember) rememberChoice();
    if (!filtering && !sorting) {
      showOwn(true);
      if (allRows) recount(allRows, filters);
      if (count) count.textContent = fill(strings.all, { total: total });
      return;
    }
    load(function (complete) {
      if (!complete) {        // the rows of a list on several pages are in its rows.js only
        showOwn(true);
        if (count) count.textContent = strings.failed || "";
        return;
      }
      var shown = allRows.filter(function (row) { return matches(row, filters); });
      render(order(shown), !sorting);
      showOwn(false);
      recount(allRows, filters);
      if (count) {
        var text = shown.length === 0 ? strings.none || "0"
          : fill(filtering ? strings.count : strings.all, { n: shown.length, total: total });
        count.textContent = text;
      }
    });
  }

  function rememberChoice() {
    var params = new URLSearchParams(location.search);
    selects.concat(sortSelect ? [sortSelect] : []).forEach(function (s) {
      if (s.value) params.set(s.name, s.value); else params.delete(s.name);
    });
    var query = params.toString();
    try {
      history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
    } catch (e) { /* file:// may refuse; the filter itself still works */ }
  }

  function restore() {
    var params = new URLSearchParams(location.search);
    selects.concat(sortSelect ? [sortSelect] : []).forEach(function (s) {
      var v = params.get(s.name);
      if (v && Array.prototype.some.call(s.options, function (o) { return o.value === v; })) s.value = v;
    });
  }

  function clear() {
    selects.concat(sortSelect ? [sortSelect] : []).forEach(function (s) { s.value = ""; });
    apply(true);
  }

  // A link to a row (#<commitment id>) shows that row, whatever the remembered filters; a row on
  // another page of the list (an address made before the list was split) is forwarded there.
  function hashId() {
    return location.hash.length > 1 ? decodeURIComponent(location.hash.slice(1)) : "";
  }

  function forward(id) {
    var ids = form.getAttribute("data-ids");
    if (!id || !ids) return;
    var script = document.createElement("script");
    script.src = ids;
    script.onload = function () {
      var where = (window.peTrackerIds || {})[id];
      if (where) location.replace(new URL(where, script.src).href.split("#")[0] + location.search + location.hash);
    };
    document.head.appendChild(script);
  }

  function showTarget() {
    var target = document.getElementById(hashId());
    if (target && target.hidden) {
      clear();
      target.scrollIntoView();
    }
  }

  // A long list's choices, headings and pages, from its list.js; without it the form stays
  // hidden and the page is the static list it is without JavaScript.
  function prepare(ready) {
    var list = form.getAttribute("data-list");
    if (!list) return ready();
    var script = document.createElement("script");
    script.src = list;
    script.onload = function () {
      var data = window.peTrackerList;
      script.remove();
      if (!data) return;
      var base = script.src;
      sources = (data.sources || []).map(function (src) { return new URL(src, base).href; });
      groupNames = data.groups || {};
      selects.forEach(function (s) {
        (data.options[s.name] || []).forEach(function (o) {
          var option = document.createElement("option");
          option.value = o[0];
          option.innerHTML = o[1];          // HTML written (escaped) by the build
          option.setAttribute("data-label", option.textContent);
          option.textContent += "（" + o[2] + "）";
          s.appendChild(option);
        });
      });
      ready();
    };
    document.head.appendChild(script);
  }

  prepare(init);

  function init() {
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("change", function () { apply(true); });
  form.addEventListener("reset", function () {
    // the form's values are reset after this event
    setTimeout(function () { apply(true); }, 0);
  });
  window.addEventListener("hashchange", showTarget);

  form.hidden = false;
  var id = hashId();
  var target = id ? document.getElementById(id) : null;
  if (target && ownRows.indexOf(target) >= 0) {
    apply(true);          // the row asked for, with the filters cleared from the address
    target.scrollIntoView();
  } else {
    restore();
    apply(false);
    if (id && !target) forward(id);
  }
  }
})();
