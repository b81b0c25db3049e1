/* Reader conveniences on every page, no dependencies, works from file:// too.
 * - The script toggle keeps the reader's place (the paragraph on screen; the #anchor the page
 *   was opened at only while it is still in view) and the query string (tracker filters,
 *   search terms), and remembers the choice: a reader who chose one script and opens a link
 *   to the other is taken to its twin, with a note and a way back.
 * - Permalinks (¶ after headings and paragraphs) copy the full URL of that place (the public
 *   address when the site has one: site/address.py).
 * - Tooltips (glossary terms, the lost-words badge) show on hover and focus by CSS; a tap or
 *   click opens or closes one, a tap elsewhere or Escape closes it.
 */
(function () {
  "use strict";

  var CHOICE = "pe-script";          /* localStorage: "hans" | "hant", set by the toggle */
  var SWITCHED = "pe-switched";      /* sessionStorage: the script a remembered choice left */
  var hant = /Hant/.test(document.documentElement.lang);
  var STRINGS = hant
    ? { switched: "已依您先前的選擇，改為繁體中文版本。", back: "改回簡體", copied: "已複製連結" }
    : { switched: "已按您之前的选择，改为简体中文版本。", back: "改回繁體", copied: "已复制链接" };

  function store(kind) {
    try { return window[kind]; } catch (e) { return null; }   /* file:// or privacy settings */
  }
  function remember(script) {
    var s = store("localStorage");
    if (s) try { s.setItem(CHOICE, script); } catch (e) { /* storage full or refused */ }
  }

  function anchors() {
    return document.querySelectorAll(".md-content [id^='s'], .md-content h1[id], .md-content h2[id], .md-content h3[id]");
  }

  function inView(el) {
    var r = el.getBoundingClientRect();
    return r.bottom > 60 && r.top < window.innerHeight;
  }

  function placeOnScreen() {
    var id = location.hash.length > 1 ? decodeURIComponent(location.hash.slice(1)) : "";
    var opened = id ? document.getElementById(id) : null;
    if (opened && inView(opened)) return location.hash;
    var best = null, list = anchors();
    for (var i = 0; i < list.length; i++) {
      var top = list[i].getBoundingClientRect().top;
      if (top <= 80) best = list[i]; else break;
    }
    return best && window.scrollY > 0 ? "#" + best.id : "";
  }

  function toggle() {
    return document.querySelector("a[data-pe-toggle]");
  }

  function twin(link, hash) {
    return link.href.split("#")[0].split("?")[0] + location.search + hash;
  }

  function switchScript(link) {
    remember(link.getAttribute("hreflang") === "zh-Hant" ? "hant" : "hans");
    location.href = twin(link, placeOnScreen());
  }

  /* A remembered choice wins over the script of the link the reader followed. */
  (function followChoice() {
    var link = toggle(), local = store("localStorage"), session = store("sessionStorage");
    if (!link || !local) return;
    var wanted = null;
    try { wanted = local.getItem(CHOICE); } catch (e) { return; }
    var here = hant ? "hant" : "hans";
    if (wanted && wanted !== here) {
      if (session) try { session.setItem(SWITCHED, here); } catch (e) { /* no note then */ }
      location.replace(twin(link, location.hash));
      return;
    }
    var left = null;
    if (session) try { left = session.getItem(SWITCHED); session.removeItem(SWITCHED); } catch (e) { left = null; }
    if (!left) return;
    var note = document.createElement("p");
    note.className = "pe-switched";
    note.setAttribute("role", "status");
    note.appendChild(document.createTextNode(STRINGS.switched + " "));
    var back = document.createElement("a");
    back.href = link.getAttribute("href");
    back.setAttribute("hreflang", link.getAttribute("hreflang"));
    back.className = "pe-switched__back";
    back.textContent = STRINGS.back;
    back.addEventListener("click", function (e) { e.preventDefault(); switchScript(link); });
    note.appendChild(back);
    var content = document.querySelector(".md-content__inner") || document.body;
    content.insertBefore(note, content.firstChild);
  })();

  function urlOf(id) {
    /* the site's public address when one is configured (canonical link), else this page's */
    var canonical = document.querySelector('link[rel="canonical"]');
    return ((canonical && canonical.href) || location.href).split("#")[0] + "#" + id;
  }

  function copy(text, done) {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { fallback(text); done(); });
    } else {
      fallback(text);
      done();
    }
  }

  function fallback(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); } catch (e) { /* nothing more we can do */ }
    document.body.removeChild(area);
  }

  function announce() {
    var note = document.getElementById("pe-copied");
    if (!note) {
      note = document.createElement("div");
      note.id = "pe-copied";
      note.className = "pe-copied";
      note.setAttribute("role", "status");
      document.body.appendChild(note);
    }
    note.textContent = STRINGS.copied;
    note.classList.add("pe-copied--shown");
    clearTimeout(announce.timer);
    announce.timer = setTimeout(function () { note.classList.remove("pe-copied--shown"); }, 1800);
  }

  document.addEventListener("click", function (event) {
    var a = event.target.closest ? event.target.closest("a") : null;
    if (!a) return;
    if (a.hasAttribute("data-pe-toggle")) {
      event.preventDefault();
      switchScript(a);
      return;
    }
    if (a.classList.contains("pe-pl") || a.classList.contains("headerlink")) {
      var id = a.getAttribute("href").slice(1);
      event.preventDefault();
      history.replaceState(null, "", "#" + id);
      copy(urlOf(id), announce);
    }
  });

  function closeTips(except) {
    var open = document.querySelectorAll(".pe-tip--open");
    for (var i = 0; i < open.length; i++) if (open[i] !== except) open[i].classList.remove("pe-tip--open");
  }
  document.addEventListener("click", function (event) {
    var tip = event.target.closest ? event.target.closest(".pe-tip") : null;
    closeTips(tip);
    if (!tip) return;
    var open = tip.classList.contains("pe-tip--open");
    tip.classList.toggle("pe-tip--open", !open);
    tip.classList.toggle("pe-tip--shut", open);       /* closed even while focused or hovered */
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    closeTips(null);
    var shown = document.querySelectorAll(".pe-tip:hover, .pe-tip:focus");
    for (var i = 0; i < shown.length; i++) shown[i].classList.add("pe-tip--shut");
  });
  /* A tooltip opens below its term; one that would run off the right edge moves left. */
  function place(event) {
    var tip = event.target.closest ? event.target.closest(".pe-tip") : null;
    var box = tip && tip.querySelector(".pe-tip__box");
    if (!box || (event.type === "mouseover" && tip.contains(event.relatedTarget))) return;
    box.style.left = "";
    window.requestAnimationFrame(function () {
      if (getComputedStyle(box).position !== "absolute") return;      /* phones: a strip */
      var r = box.getBoundingClientRect(), edge = document.documentElement.clientWidth - 8;
      if (r.width && r.right > edge) box.style.left = Math.min(0, Math.max(edge - r.right, 8 - r.left)) + "px";
    });
  }
  document.addEventListener("focusin", place);
  document.addEventListener("mouseover", place);
  document.addEventListener("click", place);
  function reopen(event) {
    var tip = event.target.closest ? event.target.closest(".pe-tip") : null;
    if (tip && !tip.contains(event.relatedTarget)) tip.classList.remove("pe-tip--shut");
  }
  document.addEventListener("focusout", reopen);
  document.addEventListener("mouseout", reopen);
})();
