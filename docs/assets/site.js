/* Reader conveniences on every page, no dependencies, works from file:// too.
 * - The script toggle keeps the reader's place: the current #anchor, or else the anchor
 *   of the heading or paragraph at the top of the screen.
 * - Permalinks (¶ after headings and paragraphs) copy the full URL of that place.
 */
(function () {
  "use strict";

  function anchors() {
    return document.querySelectorAll(".md-content [id^='s'], .md-content h1[id], .md-content h2[id], .md-content h3[id]");
  }

  function placeOnScreen() {
    if (location.hash.length > 1) return location.hash;
    var best = null, list = anchors();
    for (var i = 0; i < list.length; i++) {
      var top = list[i].getBoundingClientRect().top;
      if (top <= 80) best = list[i]; else break;
    }
    return best && window.scrollY > 0 ? "#" + best.id : "";
  }

  function urlOf(id) {
    return location.href.split("#")[0] + "#" + id;
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

  function announce(link) {
    var lang = document.documentElement.lang;
    var note = document.getElementById("pe-copied");
    if (!note) {
      note = document.createElement("div");
      note.id = "pe-copied";
      note.className = "pe-copied";
      note.setAttribute("role", "status");
      document.body.appendChild(note);
    }
    note.textContent = /Hant/.test(lang) ? "已複製連結" : "已复制链接";
    note.classList.add("pe-copied--shown");
    clearTimeout(announce.timer);
    announce.timer = setTimeout(function () { note.classList.remove("pe-copied--shown"); }, 1800);
  }

  document.addEventListener("click", function (event) {
    var a = event.target.closest ? event.target.closest("a") : null;
    if (!a) return;
    if (a.hasAttribute("data-pe-toggle")) {
      var place = placeOnScreen();
      if (place) {
        event.preventDefault();
        location.href = a.getAttribute("href").split("#")[0] + place;
      }
      return;
    }
    if (a.classList.contains("pe-pl") || a.classList.contains("headerlink")) {
      var id = a.getAttribute("href").slice(1);
      event.preventDefault();
      history.replaceState(null, "", "#" + id);
      copy(urlOf(id), function () { announce(a); });
    }
  });
})();
