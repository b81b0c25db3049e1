/* Citations (policyexplorer/site/cite.py writes the templates; #pe-cite carries them and the words).
 * - Section pages: a 引用 button beside every ¶ (paragraphs and headings) opens a panel with the
 *   GB/T 7714-2015 citation and a plain one-line form, each with a copy button.
 * - A report's overview: its two citations, completed with the address and the day of citing.
 * The address is the canonical link when the site address is configured, else this page's own
 * (so it is right wherever the site is hosted, file:// included). Copying uses the clipboard API
 * where the browser offers it, else the selection; failing both, the text is left selected with
 * a note to copy it by hand. No dependencies.
 */
(function () {
  "use strict";

  var data = document.getElementById("pe-cite");
  if (!data) return;
  var T, S;
  try {
    T = JSON.parse(data.getAttribute("data-cite"));
    S = JSON.parse(data.getAttribute("data-strings"));
  } catch (e) { return; }
  var FORMS = ["gbt", "plain"];

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  function pageUrl() {
    var canonical = document.querySelector('link[rel="canonical"]');
    if (canonical && canonical.href) return canonical.href.split("#")[0];
    return location.href.split("#")[0].split("?")[0];
  }

  function fill(form, id, where) {
    return T[form].split("{where}").join(where || "")
      .split("{url}").join(pageUrl() + (id ? "#" + id : ""))
      .split("{accessed}").join(today());
  }

  /* A heading's own words: without its ¶ and our button. */
  function headingText(h) {
    var out = "";
    for (var n = h.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) out += n.nodeValue;
      else if (n.nodeType === 1 && !n.classList.contains("headerlink") && !n.classList.contains("pe-cite-btn")) out += n.textContent;
    }
    return out.replace(/\s+/g, " ").trim();
  }

  /* Where an anchor is: "二、2024年工作安排 （三）推进… 第4段" (the page's heading first). */
  function where(id) {
    var m = /^(.*)-p(\d+)$/.exec(id);
    var heading = document.getElementById(m ? m[1] : id);
    var top = document.querySelector(".md-content h1");
    var label = heading ? headingText(heading) : "";
    if (top && heading && heading !== top) label = headingText(top) + " " + label;
    return m ? T.paragraph.split("{section}").join(label).split("{n}").join(m[2]) : label;
  }

  function select(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    var sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }

  function copy(node, status) {
    var text = node.textContent;
    function done() { status.textContent = S.copied; }
    function byHand() {
      select(node);
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      status.textContent = ok ? S.copied : S.manual;
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, byHand);
    } else {
      byHand();
    }
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  /* A copy button after a citation's text; `status` says how it went. */
  function copyButton(text, form, status) {
    var button = el("button", "pe-cite__copy", S.copy);
    button.type = "button";
    button.setAttribute("aria-label", S.copy + " " + S[form]);
    button.addEventListener("click", function () { copy(text, status); });
    text.parentNode.insertBefore(button, text.nextSibling);
  }

  function statusLine(box) {
    var status = el("p", "pe-cite__status");
    status.setAttribute("role", "status");
    box.appendChild(status);
    return status;
  }

  /* The overview: the whole report's citations, completed. */
  var report = document.querySelector("[data-pe-cite-report]");
  if (report) {
    var status = statusLine(report);
    Array.prototype.forEach.call(report.querySelectorAll(".pe-cite__text[data-form]"), function (text) {
      var form = text.getAttribute("data-form");
      text.textContent = fill(form);
      copyButton(text, form, status);
    });
  }

  /* Section pages: a button beside every ¶, one panel at a time. */
  var panel = null, opener = null;
  function close() {
    if (!panel) return;
    panel.parentNode.removeChild(panel);
    opener.setAttribute("aria-expanded", "false");
    opener.removeAttribute("aria-controls");
    panel = opener = null;
  }
  function open(button, target) {
    var again = opener === button;
    close();
    if (again) return;
    var id = target.id, place = where(id);
    panel = el("div", "pe-cite");
    panel.id = "pe-cite-panel";
    panel.setAttribute("role", "group");
    panel.setAttribute("aria-label", S.region + " " + place);
    var status = el("p", "pe-cite__status");
    FORMS.forEach(function (form) {
      panel.appendChild(el("p", "pe-cite__label", S[form]));
      var text = el("p", "pe-cite__text", fill(form, id, place));
      text.setAttribute("data-form", form);
      panel.appendChild(text);
      copyButton(text, form, status);
    });
    status.setAttribute("role", "status");
    panel.appendChild(status);
    var shut = el("button", "pe-cite__close", S.close);
    shut.type = "button";
    shut.addEventListener("click", function () { var b = opener; close(); b.focus(); });
    panel.appendChild(shut);
    target.parentNode.insertBefore(panel, target.nextSibling);
    opener = button;
    button.setAttribute("aria-expanded", "true");
    button.setAttribute("aria-controls", panel.id);
  }

  if (T.gbt.indexOf("{where}") >= 0) {
    var links = document.querySelectorAll(".md-content .pe-para > .pe-pl, .md-content .headerlink");
    Array.prototype.forEach.call(links, function (link) {
      var target = link.parentNode;
      if (!target.id) return;
      var button = el("button", "pe-cite-btn", S.button);
      button.type = "button";
      button.setAttribute("aria-expanded", "false");
      button.setAttribute("aria-label", /-p\d+$/.test(target.id) ? S.paragraph : S.section);
      button.addEventListener("click", function (e) { e.preventDefault(); open(button, target); });
      link.parentNode.insertBefore(button, link.nextSibling);
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && panel) { var b = opener; close(); b.focus(); }
    });
  }
})();
