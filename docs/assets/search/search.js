/* Policy explorer search: client of the static index written by policyexplorer/search (Python).
 *
 * Page contract:
 *   <div id="pe-search" data-root="../" [data-lang="zh-Hans"] [data-index="../search/data/"] [data-strings='{"label": …}']></div>
 *   <script src="../assets/search/search.js"></script>   (search.css alongside, optional)
 * data-root: the variant's root relative to this page; data-index defaults to root + "search/data/";
 * data-lang defaults to <html lang>; data-strings (JSON) overrides any of the UI strings below.
 * ?q=…&report=…&year=… in the page URL runs a search on load (a header form can GET this page).
 *
 * Index files are scripts calling peSearch.add(id, data), loaded with <script> tags, so the same
 * site works over http (any sub-path) and from file://. Nothing else is requested.
 * Normalisation and ranking mirror policyexplorer/search/normalize.py and query.py.
 */
(function () {
  "use strict";

  /* Fallback UI strings. The site's search page passes its own in data-strings (from
     data/ui.yml, written by hand in each script). */
  var STRINGS = {
    "zh-Hans": {
      label: "搜索报告全文", placeholder: "例如：光谷科学岛、城镇新增就业、PM2.5", submit: "搜索",
      report: "报告", allReports: "全部报告", year: "年份", allYears: "全部年份", yearOption: "{y}年",
      loading: "正在搜索…", error: "无法加载搜索索引。", tooShort: "请输入要查找的词语（至少两个字，或字母、数字）。",
      none: "没有找到包含“{q}”的段落。", count: "{n} 个段落包含“{q}”。", countNone: "没有段落包含完整的“{q}”。",
      countMore: "另有 {n} 个段落部分相符（仅章节标题含有，或词语不全、不相连）。", countSome: "另有段落部分相符，列在后面。",
      tier1: "完整包含“{q}”（{n}）", tier2: "包含全部词语 {w}（{n}）", tier3: "只含部分词语（{n}）",
      tier2Some: "包含全部词语 {w}", tier3Some: "只含部分词语",
      word: "“{w}”", sep: "、", more: "显示更多结果",
      hint: "按 ↓ 进入结果，↑ ↓ 在结果间移动，Esc 回到搜索框。"
    },
    "zh-Hant": {
      label: "搜尋報告全文", placeholder: "例如：光谷科學島、城鎮新增就業、PM2.5", submit: "搜尋",
      report: "報告", allReports: "全部報告", year: "年份", allYears: "全部年份", yearOption: "{y}年",
      loading: "正在搜尋…", error: "無法載入搜尋索引。", tooShort: "請輸入要查找的詞語（至少兩個字，或字母、數字）。",
      none: "沒有找到包含“{q}”的段落。", count: "{n} 個段落包含“{q}”。", countNone: "沒有段落包含完整的“{q}”。",
      countMore: "另有 {n} 個段落部分相符（僅章節標題含有，或詞語不全、不相連）。", countSome: "另有段落部分相符，列在後面。",
      tier1: "完整包含“{q}”（{n}）", tier2: "包含全部詞語 {w}（{n}）", tier3: "只含部分詞語（{n}）",
      tier2Some: "包含全部詞語 {w}", tier3Some: "只含部分詞語",
      word: "“{w}”", sep: "、", more: "顯示更多結果",
      hint: "按 ↓ 進入結果，↑ ↓ 在結果間移動，Esc 回到搜尋框。"
    }
  };
  var TITLE = 10000000, MAX_UNITS = 40, PAGE = 20, SNIPPET = 150, BEFORE = 36;
  /* the first screen reads what it can afford (query.py: ENTRY_BYTES ... EXACT_BYTES) */
  var ENTRY_BYTES = 8, STAGE_BYTES = 24 * 1024, WORD_BYTES = 32 * 1024, EXACT_BYTES = 64 * 1024;

  /* ---------- loading ---------- */
  var store = {}, promises = {};
  window.peSearch = window.peSearch || {};
  window.peSearch.add = function (id, data) { store[id] = data; };

  function loadFile(base, id) {
    var key = base + id;
    if (promises[key]) return promises[key];
    promises[key] = new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = base + id + ".js";
      s.async = true;
      s.onload = function () {
        s.parentNode && s.parentNode.removeChild(s);
        if (Object.prototype.hasOwnProperty.call(store, id)) resolve(store[id]);
        else reject(new Error("no data in " + id));
      };
      s.onerror = function () {
        s.parentNode && s.parentNode.removeChild(s);
        delete promises[key];
        reject(new Error("cannot load " + s.src));
      };
      document.head.appendChild(s);
    });
    return promises[key];
  }

  /* ---------- normalisation (normalize.py) ---------- */
  var ZW = /[\u200b-\u200f\u2060-\u2064\ufeff\u00ad\u180e]/;
  var ZW_ALL = /[\u200b-\u200f\u2060-\u2064\ufeff\u00ad\u180e]/g;
  var ALNUM = /^[\p{L}\p{N}]$/u;
  var SPACE = /^[\t\n\r\f\v\p{Zs}\p{Zl}\p{Zp}]$/u;
  var DIGIT = /^[0-9]$/;
  var T2S = {}, normCache = new Map();

  function setMap(pairs) {
    T2S = {};
    var cs = Array.from(pairs);
    for (var i = 0; i + 1 < cs.length; i += 2) T2S[cs[i]] = cs[i + 1];
    normCache = new Map();
  }
  function isCJK(x) {
    var cp = x.codePointAt(0);
    return cp === 0x3007 || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) ||
      (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x323af);
  }
  function normChar(c) {
    if (ZW.test(c)) return "";
    var r = normCache.get(c);
    if (r !== undefined) return r;
    var out = "";
    for (var x of c.normalize("NFKC").toLowerCase()) {
      if (ZW.test(x)) continue;
      out += T2S[x] || x;
    }
    normCache.set(c, out);
    return out;
  }
  function normalize(text) {
    var out = "";
    for (var c of text) out += normChar(c);
    return out;
  }
  /* units: [{s, cjk, adj, start, end}], start/end are UTF-16 offsets into text */
  function units(text) {
    var chars = [], i = 0;
    for (var c of text) {
      for (var x of normChar(c)) chars.push([x, i, i + c.length]);
      i += c.length;
    }
    var out = [], hard = true, run = "", rs = 0, re = 0, radj = false;
    function flush() {
      if (run) { out.push({ s: run, cjk: false, adj: radj, start: rs, end: re }); run = ""; hard = false; }
    }
    for (var j = 0; j < chars.length; j++) {
      var ch = chars[j][0];
      if (isCJK(ch)) {
        flush();
        out.push({ s: ch, cjk: true, adj: !hard && out.length > 0, start: chars[j][1], end: chars[j][2] });
        hard = false;
      } else if (ALNUM.test(ch) || (ch === "." && run && DIGIT.test(run[run.length - 1]) &&
                 j + 1 < chars.length && DIGIT.test(chars[j + 1][0]))) {
        if (!run) { rs = chars[j][1]; radj = !hard && out.length > 0; }
        run += ch;
        re = chars[j][2];
      } else if (SPACE.test(ch)) {
        flush();
      } else {
        flush();
        hard = true;
      }
    }
    flush();
    return out;
  }
  function keysOf(us) {
    var out = [];
    for (var i = 0; i < us.length; i++) {
      var u = us[i];
      if (i && u.adj) {
        var p = us[i - 1];
        if (p.cjk || u.cjk) out.push([p.s + u.s, i - 1]);
      }
      if (!u.cjk) out.push([u.s, i]);
    }
    return out;
  }
  function rebase(us) {
    return us.map(function (u, i) { return i ? u : { s: u.s, cjk: u.cjk, adj: false, start: u.start, end: u.end }; });
  }
  function fnv(key) {
    var h = 0x811c9dc5;
    for (var c of key) { h ^= c.codePointAt(0); h = Math.imul(h, 0x01000193) >>> 0; }
    return h >>> 0;
  }

  /* ---------- index ---------- */
  function decodePostings(s) {
    var out = new Map();
    if (!s) return out;
    var doc = 0, entries = s.split(";");
    for (var e = 0; e < entries.length; e++) {
      var entry = entries[e], colon = entry.indexOf(":");
      doc += parseInt(entry.slice(0, colon), 36);
      var rest = entry.slice(colon + 1), bar = rest.indexOf("|");
      var textPart = bar < 0 ? rest : rest.slice(0, bar), titlePart = bar < 0 ? "" : rest.slice(bar + 1);
      var pos = [], p = 0, parts, k;
      if (textPart) { parts = textPart.split(","); for (k = 0; k < parts.length; k++) { p += parseInt(parts[k], 36); pos.push(p); } }
      p = 0;
      if (titlePart) { parts = titlePart.split(","); for (k = 0; k < parts.length; k++) { p += parseInt(parts[k], 36); pos.push(TITLE + p); } }
      out.set(doc, pos);
    }
    return out;
  }

  function undelta(s) {
    var out = [], p = 0;
    if (s) s.split(",").forEach(function (d) { p += parseInt(d, 36); out.push(p); });
    return out;
  }

  function Engine(base) {
    this.base = base;
    this.manifest = null;
    this.postingCache = new Map();
  }
  Engine.prototype.open = function () {
    var self = this;
    if (this.ready) return this.ready;
    this.ready = loadFile(this.base, "m").then(function (m) {
      self.manifest = m;
      // postings files another script's index holds byte for byte (index.py share_postings)
      self.own = {};
      (m.own || []).forEach(function (id) { self.own[id] = true; });
      setMap(m.map);
      self.reportStarts = undelta(m.rs);
      self.reportNumbers = m.ri || self.reportStarts.map(function (_, i) { return i; });
      return self;
    });
    return this.ready;
  };
  /* reports and their years (f.js): only for the filters, loaded when the reader uses them */
  Engine.prototype.loadFilters = function () {
    var self = this;
    return loadFile(this.base, "f").then(function (f) {
      if (!self.filters) {
        var runs = f.runs.concat([[self.manifest.docs, -1, -1]]);
        self.runs = [];
        for (var i = 0; i + 1 < runs.length; i++) self.runs.push({ start: runs[i][0], end: runs[i + 1][0], report: runs[i][1], years: runs[i][2] });
        self.filters = f;
      }
      return f;
    });
  };
  Engine.prototype.shardOf = function (key) { return "s/" + (fnv(key) % this.manifest.shards); };
  Engine.prototype.loadShards = function (keyList) {
    var self = this, ids = {};
    keyList.forEach(function (k) { ids[self.shardOf(k)] = true; });
    return this.loadAll(Object.keys(ids));
  };
  Engine.prototype.loadAll = function (ids) {
    var self = this;
    return Promise.all(ids.slice().sort().map(function (id) { return loadFile(self.baseOf(id), id); }));
  };
  /* the folder of a postings file: this index's, or the one it shares them with */
  Engine.prototype.baseOf = function (id) {
    var m = this.manifest;
    return m && m.same && /^[sp]\//.test(id) && !this.own[id] ? this.base + m.same : this.base;
  };
  /* a key's shard entry: postings (string) or a common key's page directory (object) */
  Engine.prototype.entry = function (key) {
    var shard = store[this.shardOf(key)];
    return (shard && shard.k[key]) || "";
  };
  Engine.prototype.isCommon = function (key) { return typeof this.entry(key) === "object"; };
  /* files a list of [key, side, unit] sources needs (query.py: Index.postings) */
  Engine.prototype.files = function (srcs) {
    var self = this, ids = {};
    srcs.forEach(function (src) {
      var e = self.entry(src[0]), i;
      if (typeof e !== "object") return;
      if (src[1] === "a" || src[1] === "b") ids["p/" + e.n + "/" + src[1] + (fnv(src[2]) % e.P)] = true;
      else for (i = 0; i < e.P; i++) ids["p/" + e.n + "/a" + i] = true;
    });
    return Object.keys(ids);
  };
  Engine.prototype.postings = function (key, side, unit) {
    var e = this.entry(key);
    if (typeof e !== "object") { side = ""; unit = ""; }
    var ck = key + "\u0000" + side + "\u0000" + unit, p = this.postingCache.get(ck);
    if (!p) {
      if (typeof e !== "object") p = decodePostings(e);
      else if (side === "a" || side === "b") {
        var page = store["p/" + e.n + "/" + side + (fnv(unit) % e.P)];
        p = decodePostings(page && page[unit]);
      } else {
        var all = new Map(), i;
        for (i = 0; i < e.P; i++) {
          var pg = store["p/" + e.n + "/a" + i] || {};
          Object.keys(pg).forEach(function (u) {
            decodePostings(pg[u]).forEach(function (pos, doc) {
              var have = all.get(doc);
              if (have) Array.prototype.push.apply(have, pos); else all.set(doc, pos.slice());
            });
          });
        }
        p = new Map();
        Array.from(all.keys()).sort(function (a, b) { return a - b; }).forEach(function (doc) {
          p.set(doc, all.get(doc).sort(function (a, b) { return a - b; }));
        });
      }
      this.postingCache.set(ck, p);
    }
    return p;
  };
  function span(key, us, rel) { return us[rel].s === key ? 1 : 2; }
  /* estimated bytes still to read (query.py: Index.cost, key_bytes, counts_cost, _estimate, _sources) */
  Engine.prototype.cost = function (id, n) { return Object.prototype.hasOwnProperty.call(store, id) ? 0 : n; };
  Engine.prototype.keyDocs = function (key, bytes) {
    var e = this.entry(key);
    return typeof e === "object" ? (bytes ? ENTRY_BYTES : 1) * (e.c[0] + e.c[1]) : bytes ? e.length : e ? e.split(";").length : 0;
  };
  Engine.prototype.countsId = function (key) {
    var e = this.entry(key);
    return typeof e === "object" ? "p/" + e.n + "/d" : null;
  };
  Engine.prototype.countsCost = function (key) {
    var e = this.entry(key), n = this.manifest.docs, have = Math.max(1, e.c ? e.c[0] : 0);
    return e.c ? this.cost(this.countsId(key), Math.min(Math.floor(Math.floor((n + 3) / 4) * 4 / 3),
                                                        have * (Math.floor(3 * n / have).toString(36).length + 1))) : 0;
  };
  /* [[key, side, unit], cost] of each key: a common key's page of a neighbour unit the phrase
     itself checks, the smaller ("a" when even), else every "a" page */
  Engine.prototype.sourcesCost = function (us, qkeys) {
    var self = this, covered = {}, pairs = {};
    qkeys.forEach(function (k) {
      var n = span(k[0], us, k[1]);
      covered[k[1]] = covered[k[1] + n - 1] = true;
      if (n === 2) pairs[k[1]] = k[0];
    });
    return qkeys.map(function (k) {
      var key = k[0], rel = k[1], e = self.entry(key), best = null, i, c = 0;
      if (typeof e !== "object") return [[key, "*", ""], 0];
      var end = rel + span(key, us, rel), own = self.keyDocs(key, true);
      [["a", rel - 1, rel - 1], ["b", end, end - 1]].forEach(function (o) {
        if (o[1] < 0 || o[1] >= us.length || !covered[o[1]]) return;
        var u = us[o[1]].s, nb = pairs[o[2]];
        var n = self.cost("p/" + e.n + "/" + o[0] + (fnv(u) % e.P), Math.floor(own / e.P) + Math.min(own, nb ? self.keyDocs(nb, true) : own));
        if (!best || n < best[1]) best = [[key, o[0], u], n];
      });
      if (best) return best;
      for (i = 0; i < e.P; i++) c += self.cost("p/" + e.n + "/a" + i, Math.floor(own / e.P));
      return [[key, "*", ""], c];
    });
  };
  Engine.prototype.sources = function (us, qkeys) {
    return this.sourcesCost(us, qkeys).map(function (s) { return s[0]; });
  };
  Engine.prototype.needsWholeList = function (w) {
    var self = this, us = rebase(w);
    return this.sources(us, keysOf(us)).some(function (s) { return s[1] === "*" && self.isCommon(s[0]); });
  };
  /* a key's min(3, occurrences in the text) per document: a common key's p/<n>/d (2 bits each,
     or sparse), else from its postings (query.py: text_counts) */
  Engine.prototype.textCounts = function (key) {
    var found = new Map(), doc = 0;
    if (!this.isCommon(key)) {
      this.postings(key, "", "").forEach(function (pos, d) {
        var n = pos.filter(function (x) { return x < TITLE; }).length;
        found.set(d, Math.min(3, n));
      });
      return function (d) { return found.get(d) || 0; };
    }
    var data = store[this.countsId(key)];
    if (data.v != null) {
      var bin = atob(data.v);
      return function (d) { return (bin.charCodeAt(d >> 2) >> ((d & 3) * 2)) & 3; };
    }
    if (data.s) data.s.split(",").forEach(function (x) { var v = parseInt(x, 36); doc += Math.floor(v / 3); found.set(doc, v % 3 + 1); });
    return function (d) { return found.get(d) || 0; };
  };
  /* tier 2: every word in the text; occ[i] a word's occurrences, or null and counts[i] (query.py: _tier2) */
  function tier2(scored, words, occ, counts, nDocs) {
    if (words.length < 2) return;
    var known = occ.filter(Boolean), cands;
    if (known.length) {
      cands = Array.from(known[0].keys()).filter(function (d) { return known.every(function (o) { return o.has(d); }); });
    } else {
      cands = [];
      for (var d = 0; d < nDocs; d++) cands.push(d);
    }
    cands.forEach(function (doc) {
      if (scored.has(doc)) return;
      var n = 0;
      for (var i = 0; i < words.length; i++) {
        var t = occ[i] ? Math.min(3, occ[i].get(doc).filter(function (s) { return s < TITLE; }).length) : counts[i](doc);
        if (!t) return;
        n += t;
      }
      scored.set(doc, [2, 0, -n]);
    });
  }
  Engine.prototype.wordsFrom = function (bigram) {
    var shard = store[this.shardOf(bigram)], w = shard && shard.w[bigram];
    return w ? w.split(" ") : [];
  };
  Engine.prototype.allowed = function (report, year) {
    if (!report && !year) return function () { return true; };
    var f = this.filters, ranges = [];
    this.runs.forEach(function (r) {
      if (report && f.reports[r.report][0] !== report) return;
      if (year && f.yearsets[r.years].indexOf(+year) < 0) return;
      ranges.push(r);
    });
    return function (d) {
      for (var i = 0; i < ranges.length; i++) if (d >= ranges[i].start && d < ranges[i].end) return true;
      return false;
    };
  };
  Engine.prototype.reportNumber = function (d) {   /* query.py: report_number */
    var starts = this.reportStarts, lo = 0, hi = starts.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= d) lo = mid; else hi = mid - 1;
    }
    return starts.length ? this.reportNumbers[lo] : -1;
  };
  Engine.prototype.rank = function (scored, allowed) {
    var self = this, items = [];
    scored.forEach(function (s, doc) { if (allowed(doc)) items.push({ doc: doc, tier: s[0], score: s }); });
    function cmp(a, b) {
      for (var i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
      return 0;
    }
    items.sort(function (a, b) { return cmp(a.score, b.score) || a.doc - b.doc; });
    var turn = new Map();
    items.forEach(function (r) {
      var group = r.score[0] + "/" + r.score[1] + "/" + self.reportNumber(r.doc);
      var n = turn.has(group) ? turn.get(group) + 1 : 0;
      turn.set(group, n);
      r.key = [r.score[0], r.score[1], n, r.doc];
    });
    items.sort(function (a, b) { return cmp(a.key, b.key); });
    return items;
  };
  Engine.prototype.doc = function (d) {
    var c = this.manifest.chunk;
    return loadFile(this.base, "c/" + Math.floor(d / c)).then(function (data) {
      var row = data.d[d % c];
      return { url: data.p[row[0]] + (row[1] ? "#" + row[1] : ""), title: data.t[row[2]], text: row[3], report: data.r[row[4]] };
    });
  };

  /* us: the phrase's units; the sources' files must be loaded (files()); srcs: sources() given */
  Engine.prototype.occurrences = function (qkeys, us, srcs) {
    if (!qkeys.length) return new Map();
    var self = this;
    srcs = srcs || this.sources(us, qkeys);
    return intersect(qkeys.map(function (k, i) { return [self.postings(k[0], srcs[i][1], srcs[i][2]), k[1]]; }));
  };
  /* doc -> starts s such that every list has a position s + its offset (query.py: _intersect) */
  function intersect(lists) {
    var out = new Map();
    lists = lists.slice().sort(function (a, b) { return a[0].size - b[0].size; });
    var first = lists[0][0], rel0 = lists[0][1];
    first.forEach(function (positions, doc) {
      var others = [];
      for (var i = 1; i < lists.length; i++) {
        var p = lists[i][0].get(doc);
        if (!p) return;
        others.push([new Set(p), lists[i][1]]);
      }
      var starts = [];
      positions.forEach(function (s) {
        var start = s - rel0;
        for (var i = 0; i < others.length; i++) if (!others[i][0].has(start + others[i][1])) return;
        starts.push(start);
      });
      if (starts.length) out.set(doc, starts);
    });
    return out;
  }
  /* -> Promise of the phrase's occurrences; staged: the cheap checks first (query.py: phrase()) */
  Engine.prototype.phrase = function (us, qkeys, staged) {
    var self = this, srcs = this.sourcesCost(us, qkeys), total = 0, checks = [], take = {}, files = [];
    var plain = srcs.map(function (s, i) {
      total += s[1];
      var d = s[1] && self.countsCost(s[0][0]);
      if (s[1]) checks.push(2 * d < s[1] ? [d, i, "d"] : [s[1], i, "p"]);
      return s[0];
    });
    function all() {
      return self.loadAll(self.files(plain)).then(function () { return self.occurrences(qkeys, us, plain); });
    }
    if (!staged || total <= STAGE_BYTES) return all();
    checks.sort(function (x, y) { return x[0] - y[0] || x[1] - y[1]; });
    total = 0;
    checks.every(function (c) { total += c[0]; if (total <= STAGE_BYTES) take[c[1]] = c[2]; return total <= STAGE_BYTES; });
    srcs.forEach(function (s, i) {
      if (!s[1] || take[i] === "p") files = files.concat(self.files([s[0]]));
      else if (take[i]) files.push(self.countsId(s[0][0]));
    });
    return this.loadAll(files).then(function () {
      var lists = [], counts = [], any = false;
      srcs.forEach(function (s, i) {
        if (!s[1] || take[i] === "p") lists.push([self.postings(s[0][0], s[0][1], s[0][2]), qkeys[i][1]]);
        else if (take[i]) counts.push(self.textCounts(s[0][0]));
      });
      if (!lists.length) return all();      /* (they bound the title matches too) */
      intersect(lists).forEach(function (starts, doc) {
        any = any || starts.some(function (st) { return st >= TITLE || counts.every(function (f) { return f(doc) > 0; }); });
      });
      return any ? all() : new Map();
    });
  };

  Engine.prototype.segment = function (qunits) {
    var pieces = [], self = this;
    qunits.forEach(function (u) {
      if (pieces.length && u.adj) pieces[pieces.length - 1].push(u);
      else pieces.push([u]);
    });
    var words = [];
    pieces.forEach(function (piece) {
      var n = piece.length, dict = new Set(), i, j;
      for (i = 0; i + 1 < n; i++) {
        if (piece[i].cjk && piece[i + 1].cjk) self.wordsFrom(piece[i].s + piece[i + 1].s).forEach(function (w) { dict.add(w); });
      }
      var best = new Array(n + 1).fill(null);
      best[0] = [0, 0, -1];
      for (j = 1; j <= n; j++) {
        for (i = 0; i < j; i++) {
          if (!best[i]) continue;
          var span = piece.slice(i, j), loose;
          if (j - i === 1) loose = span[0].cjk ? 1 : 0;
          else if (span.every(function (u) { return u.cjk; }) && dict.has(span.map(function (u) { return u.s; }).join(""))) loose = 0;
          else continue;
          var cand = [best[i][0] + 1, best[i][1] + loose, i];
          if (!best[j] || cand[0] < best[j][0] || (cand[0] === best[j][0] && cand[1] < best[j][1])) best[j] = cand;
        }
      }
      var cuts = [];
      j = n;
      while (j > 0) { i = best[j][2]; cuts.unshift(piece.slice(i, j)); j = i; }
      var glued = [];
      cuts.forEach(function (w) {
        var lone = w.length === 1 && w[0].cjk, last = glued[glued.length - 1];
        if (lone && last) glued[glued.length - 1] = last.concat(w);
        else if (last && last.length === 1 && last[0].cjk) glued[glued.length - 1] = last.concat(w);
        else glued.push(w.slice());
      });
      glued.forEach(function (w) { if (keysOf(rebase(w)).length) words.push(w); });
    });
    return words;
  };

  /* -> {units, words, results: [{doc, tier, score}], counts: [_, n1, n2, n3], partial}; mirrors
     query.search(). need: results the reader sees first (Infinity: every tier). */
  Engine.prototype.search = function (query, report, year, need) {
    var self = this;
    if (need == null) need = Infinity;
    var qunits = units(query).slice(0, MAX_UNITS), us = rebase(qunits);
    var qkeys = keysOf(us);
    if (!qkeys.length) return Promise.resolve({ units: qunits, words: [], results: [], counts: [0, 0, 0, 0], tooShort: true });
    var words, allowed, scored = new Map(), more = false, full, wkeys = [], same = [], whole = [], n1 = 0;
    return this.loadShards(qkeys.map(function (k) { return k[0]; })).then(function () {
      return (report || year) ? self.loadFilters() : null;
    }).then(function () {
      allowed = self.allowed(report, year);
      words = self.segment(qunits);
      var e = self.entry(qkeys[0][0]);
      if (need !== Infinity && qkeys.length === 1 && typeof e === "object" && !report && !year) {
        /* a common key alone: first results and counts ranked when the index was built */
        var results = (e.t ? e.t.split(",") : []).map(function (d) { return parseInt(d, 36); }).map(function (d, i) { return { doc: d, tier: i < e.c[0] ? 1 : 2 }; });
        return { units: qunits, words: words, results: results, counts: [0, e.c[0], e.c[1], 0],
                 partial: results.length < e.c[0] + e.c[1] };
      }
      return self.phrase(us, qkeys, need !== Infinity).then(function (found) {
        full = found;
        full.forEach(function (starts, doc) {
          var text = starts.filter(function (s) { return s < TITLE; }).length, inTitle = starts.length - text;
          scored.set(doc, text ? [1, -(inTitle > 0 ? 1 : 0), -text] : [2, -1, 0]);
          if (text && allowed(doc)) n1++;
        });
        var every = words.map(function (w, i) {
          wkeys[i] = keysOf(rebase(w));
          same[i] = sameKeys(wkeys[i], qkeys);
          whole[i] = self.needsWholeList(w);
          return i;
        });
        function cost() {       /* of the words' occurrences still to read */
          var n = 0;
          every.forEach(function (i) { if (!same[i]) self.sourcesCost(rebase(words[i]), wkeys[i]).forEach(function (s) { n += s[1]; }); });
          return n;
        }
        if (need === Infinity || !(whole.some(Boolean) || cost() > EXACT_BYTES)) return readWords();
        if (n1 >= need) {      /* tier 1 fills the first screen: the rest waits */
          more = othersExist(full.size);
          return {};
        }
        /* tier 2 from the words' occurrences and the text counts of a common key alone (exact) or
           of a dear word's rarest key (approximate); tier 3 likewise unless whole lists are cheap */
        var approx = 0, files = [], part = [], counts = [], srcs = {}, keyOf = [];
        every.forEach(function (i) {
          var n = 0;
          if (!same[i] && !whole[i]) self.sourcesCost(rebase(words[i]), wkeys[i]).forEach(function (s) { n += s[1]; });
          if (same[i] || (!whole[i] && n <= WORD_BYTES)) { srcs[i] = wordSources(i); files = files.concat(self.files(srcs[i])); return; }
          keyOf[i] = wkeys[i][0][0];
          if (!whole[i]) {
            approx = 2;
            wkeys[i].forEach(function (k) { if (self.keyDocs(k[0]) < self.keyDocs(keyOf[i])) keyOf[i] = k[0]; });
          }
          if (self.countsId(keyOf[i])) files.push(self.countsId(keyOf[i]));
        });
        return self.loadAll(files).then(function () {
          every.forEach(function (i) {
            part[i] = keyOf[i] ? null : occurrencesOf(i, srcs[i]);
            counts[i] = keyOf[i] ? self.textCounts(keyOf[i]) : null;
          });
          tier2(scored, words, part, counts, self.manifest.docs);
          var n12 = 0;
          scored.forEach(function (sc, doc) { if (sc[0] <= 2 && allowed(doc)) n12++; });
          if (n12 >= need) { more = othersExist(scored.size); return { approx: approx }; }
          if (cost() <= EXACT_BYTES) return readWords();
          tier3(scored, words, part, counts, self.manifest.docs);
          more = true;
          return { approx: approx || 3 };
        });
      });
      /* others surely exist when a common word alone is in more paragraphs than tiers 1-2 */
      function othersExist(shown) {
        return !report && !year && words.some(function (w, i) {
          var e = whole[i] && self.entry(wkeys[i][0][0]);
          return e && e.c[0] + e.c[1] > shown;
        });
      }
      function wordSources(i) { return same[i] ? [] : self.sources(rebase(words[i]), wkeys[i]); }
      function occurrencesOf(i, srcs) { return same[i] ? full : self.occurrences(wkeys[i], rebase(words[i]), srcs); }
      /* every word's occurrences; which pages they read is settled before any is read (query.py: occ()) */
      function readWords() {
        var srcs = words.map(function (w, i) { return wordSources(i); });
        return self.loadAll(self.files([].concat.apply([], srcs))).then(function () {
          var wordOcc = srcs.map(function (s, i) { return occurrencesOf(i, s); }), none = words.map(function () { return null; });
          tier2(scored, words, wordOcc, none, self.manifest.docs);
          tier3(scored, words, wordOcc, none, self.manifest.docs);
          return { exact: true };
        });
      }
    }).then(function (step) {
      if (step.units) return step;      /* a common key alone */
      var results = self.rank(scored, allowed), counts = [0, 0, 0, 0];
      results.forEach(function (r) { counts[r.tier]++; });
      return { units: qunits, words: words, results: results, counts: counts, partial: !step.exact, deferred: !step.exact,
               more: more, approx: step.approx || 0 };
    });
  };

  /* the same keys at the same distances from each other (query.py: _same_keys) */
  function sameKeys(a, b) {
    if (a.length !== b.length) return false;
    for (var i = 0; i < a.length; i++) if (a[i][0] !== b[i][0] || a[i][1] - a[0][1] !== b[i][1] - b[0][1]) return false;
    return true;
  }
  /* tier 3: some of the words in the text or title; occ[i] a word's occurrences, or null and
     counts[i] its capped text counts (query.py: _tier3) */
  function tier3(scored, words, occ, counts, nDocs) {
    var total = 0, docs;
    words.forEach(function (w) { total += w.length; });
    total = total || 1;
    if (counts.some(Boolean)) {
      docs = [];
      for (var d = 0; d < nDocs; d++) docs.push(d);
    } else {
      var seen = new Set();
      occ.forEach(function (o) { o.forEach(function (_, doc) { seen.add(doc); }); });
      docs = Array.from(seen);
    }
    docs.forEach(function (doc) {
      if (scored.has(doc)) return;
      var covered = 0, n = 0;
      for (var i = 0; i < words.length; i++) {
        var t = occ[i] ? (occ[i].has(doc) ? occ[i].get(doc).length : 0) : counts[i](doc);
        if (t) { covered += words[i].length; n += t; }
      }
      if (covered) scored.set(doc, [3, -Math.floor(100 * covered / total), -n]);
    });
  }

  /* ---------- snippets ---------- */
  function findAll(tu, pat) {
    var hits = [];
    for (var i = 0; i + pat.length <= tu.length; i++) {
      var ok = true;
      for (var k = 0; k < pat.length; k++) {
        if (tu[i + k].s !== pat[k].s || (k && pat[k].adj && !tu[i + k].adj)) { ok = false; break; }
      }
      if (ok) hits.push([tu[i].start, tu[i + pat.length - 1].end]);
    }
    return hits;
  }
  function highlights(text, patterns) {
    var tu = units(text), ranges = [];
    patterns.forEach(function (p) { ranges = ranges.concat(findAll(tu, p)); });
    ranges.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var merged = [];
    ranges.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push([r[0], r[1]]);
    });
    return merged;
  }
  function safeCut(text, i) {   /* never split a surrogate pair */
    if (i > 0 && i < text.length) {
      var c = text.charCodeAt(i);
      if (c >= 0xdc00 && c <= 0xdfff) i -= 1;
    }
    return i;
  }
  function snippet(node, text, patterns, size) {
    text = text.replace(ZW_ALL, "");
    var ranges = highlights(text, patterns), len = size || SNIPPET, before = Math.round(BEFORE * len / SNIPPET);
    var start = 0, end = text.length;
    if (text.length > len) {
      var focus = ranges.length ? ranges[0][0] : 0;
      start = safeCut(text, Math.max(0, Math.min(focus - before, text.length - len)));
      end = safeCut(text, Math.min(text.length, start + len));
    }
    if (start > 0) node.appendChild(document.createTextNode("…"));
    var at = start;
    ranges.forEach(function (r) {
      var a = Math.max(r[0], start), b = Math.min(r[1], end);
      if (b <= a) return;
      if (a > at) node.appendChild(document.createTextNode(text.slice(at, a)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(a, b);
      node.appendChild(mark);
      at = b;
    });
    if (at < end) node.appendChild(document.createTextNode(text.slice(at, end)));
    if (end < text.length) node.appendChild(document.createTextNode("…"));
  }

  /* ---------- UI ---------- */
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text != null) e.textContent = text;
    return e;
  }
  function fmt(s, vars) {
    return s.replace(/\{(\w+)\}/g, function (_, k) { return vars[k] != null ? vars[k] : ""; });
  }
  /* q: the query, carried to the opened page, which marks it in the paragraph (highlight()) */
  function href(root, url, q) {
    var hash = url.indexOf("#"), path = hash < 0 ? url : url.slice(0, hash), frag = hash < 0 ? "" : url.slice(hash);
    if (location.protocol === "file:" && (path === "" || path.charAt(path.length - 1) === "/")) path += "index.html";
    return root + path + (q ? "?q=" + encodeURIComponent(q) : "") + frag;
  }
  /* the status line: paragraphs holding the query as written, then the others, said apart */
  function countText(T, ans, q) {
    var c = ans.counts || [0, 0, 0, 0], others = c[2] + c[3];
    var out = c[1] ? fmt(T.count, { n: c[1], q: q }) : fmt(T.countNone, { q: q });
    if (ans.deferred) { if (ans.more) out += T.countSome; }     /* not counted yet: they wait for "more" */
    else if (others) out += fmt(T.countMore, { n: others });
    return out;
  }

  function init() {
    var host = document.getElementById("pe-search");
    if (!host || host.getAttribute("data-ready")) return;
    host.setAttribute("data-ready", "1");
    var lang = host.getAttribute("data-lang") || document.documentElement.lang || "zh-Hans";
    var T = Object.assign({}, STRINGS[lang] || (/hant|tw|hk|mo/i.test(lang) ? STRINGS["zh-Hant"] : STRINGS["zh-Hans"]));
    try { Object.assign(T, JSON.parse(host.getAttribute("data-strings") || "{}")); } catch (e) { /* keep the fallback */ }
    var root = host.getAttribute("data-root") || "./";
    var base = host.getAttribute("data-index") || root + "search/data/";
    var engine = new Engine(base);
    var uid = "pe-search-" + Math.random().toString(36).slice(2, 8);

    host.classList.add("pe-search");
    var form = el("form", { role: "search", "class": "pe-search__form", action: "", method: "get" });
    var label = el("label", { "for": uid + "-q", "class": "pe-search__label" }, T.label);
    var row = el("div", { "class": "pe-search__row" });
    var input = el("input", {
      id: uid + "-q", name: "q", type: "search", "class": "pe-search__input", autocomplete: "off",
      spellcheck: "false", placeholder: T.placeholder, enterkeyhint: "search", "aria-describedby": uid + "-hint"
    });
    var button = el("button", { type: "submit", "class": "pe-search__submit" }, T.submit);
    row.appendChild(input);
    row.appendChild(button);
    var filters = el("div", { "class": "pe-search__filters" });
    var reportLabel = el("label", { "for": uid + "-r" }, T.report);
    var reportSel = el("select", { id: uid + "-r", name: "report" });
    reportSel.appendChild(el("option", { value: "" }, T.allReports));
    var yearLabel = el("label", { "for": uid + "-y" }, T.year);
    var yearSel = el("select", { id: uid + "-y", name: "year" });
    yearSel.appendChild(el("option", { value: "" }, T.allYears));
    [[reportLabel, reportSel, "report"], [yearLabel, yearSel, "year"]].forEach(function (pair) {
      var box = el("span", { "class": "pe-search__filter pe-search__filter--" + pair[2] });
      box.appendChild(pair[0]);
      box.appendChild(pair[1]);
      filters.appendChild(box);
    });
    var hint = el("p", { id: uid + "-hint", "class": "pe-search__hint" }, T.hint);
    [label, row, filters, hint].forEach(function (e) { form.appendChild(e); });
    var status = el("p", { "class": "pe-search__status", role: "status", "aria-live": "polite", "aria-atomic": "true" });
    var results = el("div", { "class": "pe-search__results" });
    var more = el("button", { type: "button", "class": "pe-search__more", hidden: "" }, T.more);
    host.textContent = "";
    [form, status, results, more].forEach(function (e) { host.appendChild(e); });

    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    var wantReport = params.get("report") || "", wantYear = params.get("year") || "";

    /* The report list grows with the corpus: it is fetched when the reader reaches the filters. */
    var reportsShown = null;
    function showReports() {
      if (!reportsShown) reportsShown = engine.open().then(function () { return engine.loadFilters(); }).then(function (f) {
        var keep = reportSel.value || wantReport;
        f.reports.forEach(function (r) { reportSel.appendChild(el("option", { value: r[0] }, r[1])); });
        reportSel.value = keep;
      });
      return reportsShown;
    }
    ["focusin", "pointerenter", "touchstart"].forEach(function (ev) { filters.addEventListener(ev, showReports, { passive: true }); });
    if (wantReport) reportSel.appendChild(el("option", { value: wantReport }, wantReport));

    engine.open().then(function () {
      engine.manifest.years.slice().sort(function (a, b) { return b - a; }).forEach(function (y) {
        yearSel.appendChild(el("option", { value: String(y) }, fmt(T.yearOption, { y: y })));
      });
      reportSel.value = wantReport;
      yearSel.value = wantYear;
      syncToggle(queryString());
      return wantReport ? showReports() : null;
    }).then(function () {
      if (input.value.trim()) run(false);
    }, function () { status.textContent = T.error; });
    /* the box has the focus (a header search lands here): the hint's ↓ goes to the results */
    try { input.focus({ preventScroll: true }); } catch (e) { input.focus(); }

    var seq = 0, current = null, shown = 0;

    function queryString() {
      var p = new URLSearchParams();
      if (input.value.trim()) p.set("q", input.value.trim());
      if (reportSel.value) p.set("report", reportSel.value);
      if (yearSel.value) p.set("year", yearSel.value);
      var qs = p.toString();
      return qs ? "?" + qs : "";
    }
    /* The script toggle (header) takes the search along to the other variant's search page. */
    function syncToggle(qs) {
      var links = document.querySelectorAll("a[data-pe-toggle]");
      for (var i = 0; i < links.length; i++) {
        var h = links[i].getAttribute("href") || "";
        links[i].setAttribute("href", h.split("#")[0].split("?")[0] + qs);
      }
    }
    function updateUrl() {
      var qs = queryString();
      syncToggle(qs);
      try {
        history.replaceState(null, "", location.pathname + qs + location.hash);
      } catch (e) { /* file:// may refuse; the search still works */ }
    }

    function run(fromUser) {
      var q = input.value.trim();
      var my = ++seq;
      if (fromUser) updateUrl();
      results.textContent = "";
      more.hidden = true;
      host.removeAttribute("data-done");
      if (!q) { status.textContent = ""; return; }
      status.textContent = T.loading;
      var t0 = performance.now();
      engine.open().then(function () {
        return engine.search(q, reportSel.value, yearSel.value, PAGE);
      }).then(function (ans) {
        if (my !== seq) return;
        current = { q: q, ans: ans, lists: {}, heads: {}, t0: t0 };
        shown = 0;
        if (ans.tooShort) { status.textContent = T.tooShort; return done(); }
        if (!ans.results.length) { status.textContent = fmt(T.none, { q: q }); return done(); }
        return showMore(my).then(function () {
          status.textContent = countText(T, ans, q);
          host.setAttribute("data-count", String(ans.counts[1]));
          host.setAttribute("data-ms", String(Math.round(performance.now() - t0)));
          done();
        });
      }).catch(function (e) {
        if (my === seq) { status.textContent = T.error; done(); }
        if (window.console) console.error(e);
      });
    }
    function done() { host.setAttribute("data-done", String(seq)); }

    /* a tier ranked from text counts (ans.approx) is not counted yet: no number until "more" */
    function tierHeading(tier, n) {
      var c = current, q = c.q, rough = c.ans.approx && tier >= c.ans.approx;
      if (tier === 1) return fmt(T.tier1, { q: q, n: n });
      if (tier === 2) {
        var w = c.ans.words.map(function (word) { return fmt(T.word, { w: q.slice(word[0].start, word[word.length - 1].end) }); });
        return fmt(rough ? T.tier2Some : T.tier2, { w: w.join(T.sep), n: n });
      }
      return rough ? T.tier3Some : fmt(T.tier3, { n: n });
    }

    /* past the results computed for the first screen, complete the search (same order) */
    /* the first screen's tiers 2-3 may have been ranked from text counts (ans.approx): the results
       shown stay, the others follow in the complete order */
    function complete(my) {
      var c = current;
      if (!c.ans.partial || (shown < c.ans.results.length && !(c.ans.approx && shown))) return Promise.resolve();
      return engine.search(c.q, reportSel.value, yearSel.value, Infinity).then(function (ans) {
        if (my !== seq) return;
        if (c.ans.approx) {
          var seen = new Set(), kept = c.ans.results.slice(0, shown);
          kept.forEach(function (r) { seen.add(r.doc); });
          ans.results = kept.concat(ans.results.filter(function (r) { return !seen.has(r.doc); }));
        }
        c.ans = ans;
        Object.keys(c.heads).forEach(function (t) { c.heads[t].textContent = tierHeading(+t, ans.counts[t]); });
        status.textContent = countText(T, ans, c.q);
      });
    }
    function showMore(my) {
      return complete(my).then(function () { if (my === seq) return showBatch(my); });
    }
    function showBatch(my) {
      var c = current, batch = c.ans.results.slice(shown, shown + PAGE);
      shown += batch.length;
      return Promise.all(batch.map(function (r) { return engine.doc(r.doc); })).then(function (infos) {
        if (my !== seq) return;
        var counts = c.ans.counts;
        var whole = rebase(c.ans.units), words = c.ans.words.map(rebase);
        batch.forEach(function (r, i) {
          var info = infos[i], list = c.lists[r.tier];
          if (!list) {
            var section = el("section", { "class": "pe-search__tier", "data-tier": String(r.tier) });
            c.heads[r.tier] = el("h2", { "class": "pe-search__tier-title" }, tierHeading(r.tier, counts[r.tier]));
            section.appendChild(c.heads[r.tier]);
            list = el("ol", { "class": "pe-search__list" });
            section.appendChild(list);
            results.appendChild(section);
            c.lists[r.tier] = list;
          }
          var li = el("li", { "class": "pe-result" });
          var a = el("a", { href: href(root, info.url, c.q), "class": "pe-result__link" });
          a.appendChild(el("span", { "class": "pe-result__title" }, info.title || (info.report && info.report[1]) || ""));
          if (info.report) a.appendChild(el("span", { "class": "pe-result__report" }, info.report[1]));
          var snip = el("span", { "class": "pe-result__snippet" });
          snippet(snip, info.text, r.tier === 1 ? [whole] : words.concat([whole]));
          a.appendChild(snip);
          li.appendChild(a);
          list.appendChild(li);
        });
        more.hidden = shown >= c.ans.results.length && !c.ans.partial;
      });
    }

    /* a submit cancels the pending as-you-type run, which would redraw the results (and drop
       the focus of a reader already moving through them) a moment later */
    form.addEventListener("submit", function (e) { e.preventDefault(); clearTimeout(timer); run(true); });
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { run(true); }, 250);
    });
    reportSel.addEventListener("change", function () { run(true); });
    yearSel.addEventListener("change", function () { run(true); });
    more.addEventListener("click", function () {
      var links = results.querySelectorAll("a.pe-result__link"), n = links.length;
      showMore(seq).then(function () {
        var next = results.querySelectorAll("a.pe-result__link")[n];
        if (next) next.focus();
      });
    });

    /* keyboard: ↓ from the box into the results, ↑ ↓ Home End between them, Esc back */
    host.addEventListener("keydown", function (e) {
      var links = Array.prototype.slice.call(results.querySelectorAll("a.pe-result__link"));
      var i = links.indexOf(document.activeElement);
      var target = null;
      if (e.target === input && e.key === "ArrowDown" && links.length) target = links[0];
      else if (i >= 0) {
        if (e.key === "ArrowDown") target = links[Math.min(i + 1, links.length - 1)];
        else if (e.key === "ArrowUp") target = i ? links[i - 1] : input;
        else if (e.key === "Home") target = links[0];
        else if (e.key === "End") target = links[links.length - 1];
        else if (e.key === "Escape") target = input;
      }
      if (target) { e.preventDefault(); target.focus(); }
    });

    window.peSearch.engine = engine;     /* for tests and the console */
  }

  /* ---------- header: results as the reader types (docs/overrides/partials/alternate.html) ---------- */
  var HEADER_RESULTS = 8, HEADER_SNIPPET = 72, DEBOUNCE = 200;

  function headerStrings(form) {
    var hant = /Hant/.test(document.documentElement.lang);
    var T = Object.assign({}, STRINGS[hant ? "zh-Hant" : "zh-Hans"], { all: hant ? "全部結果" : "全部结果", results: hant ? "搜尋結果" : "搜索结果" });
    try { Object.assign(T, JSON.parse(form.getAttribute("data-strings") || "{}")); } catch (e) { /* keep the fallback */ }
    return T;
  }

  function header() {
    var form = document.querySelector("form.pe-hsearch");
    if (!form || form.getAttribute("data-ready")) return;
    form.setAttribute("data-ready", "1");
    var input = form.querySelector("input[name=q]"), T = headerStrings(form);
    var root = form.getAttribute("data-root") || "./";
    var engine = null, seq = 0, timer = null;
    var uid = "pe-hs-" + Math.random().toString(36).slice(2, 8);
    var panel = el("div", { id: uid, "class": "pe-hsearch__panel", role: "region", "aria-label": T.results, hidden: "" });
    var status = el("p", { "class": "pe-hsearch__status", role: "status", "aria-live": "polite", "aria-atomic": "true" });
    var list = el("ol", { "class": "pe-hsearch__list" });
    var all = el("a", { "class": "pe-hsearch__all" }, T.all);
    [status, list, all].forEach(function (e) { panel.appendChild(e); });
    form.appendChild(panel);
    input.setAttribute("aria-controls", uid);      /* (aria-expanded is not allowed on a searchbox) */

    function show(on) {
      if (on) panel.removeAttribute("hidden"); else panel.setAttribute("hidden", "");
    }
    function pageUrl(q) {
      return root + "search/index.html" + (q ? "?q=" + encodeURIComponent(q) : "");
    }
    function run() {
      var q = input.value.trim(), my = ++seq;
      form.removeAttribute("data-done");
      if (!q) { show(false); list.textContent = ""; return; }
      engine = engine || new Engine(root + "search/data/");
      status.textContent = T.loading;
      all.setAttribute("href", pageUrl(q));
      show(true);
      engine.open().then(function () { return engine.search(q, "", "", HEADER_RESULTS); }).then(function (ans) {
        if (my !== seq) return null;
        if (ans.tooShort) { list.textContent = ""; status.textContent = T.tooShort; return null; }
        var top = ans.results.slice(0, HEADER_RESULTS);
        return Promise.all(top.map(function (r) { return engine.doc(r.doc); })).then(function (infos) {
          if (my !== seq) return;
          list.textContent = "";
          var whole = rebase(ans.units), words = ans.words.map(rebase);
          top.forEach(function (r, i) {
            var info = infos[i], li = el("li", { "class": "pe-result" });
            var a = el("a", { href: href(root, info.url, q), "class": "pe-result__link", "data-tier": String(r.tier) });
            a.appendChild(el("span", { "class": "pe-result__title" }, info.title || (info.report && info.report[1]) || ""));
            if (info.report) a.appendChild(el("span", { "class": "pe-result__report" }, info.report[1]));
            var snip = el("span", { "class": "pe-result__snippet" });
            snippet(snip, info.text, r.tier === 1 ? [whole] : words.concat([whole]), HEADER_SNIPPET);
            a.appendChild(snip);
            li.appendChild(a);
            list.appendChild(li);
          });
          status.textContent = ans.results.length ? countText(T, ans, q) : fmt(T.none, { q: q });
          form.setAttribute("data-count", String(ans.counts[1]));
          form.setAttribute("data-done", String(my));
        });
      }).catch(function (e) {
        if (my === seq) status.textContent = T.error;
        if (window.console) console.error(e);
      });
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, DEBOUNCE);
    });
    input.addEventListener("focus", function () { if (input.value.trim() && list.childNodes.length) show(true); });
    form.addEventListener("submit", function () { clearTimeout(timer); });   /* Enter: the full results page */
    /* keyboard: ↓ from the box into the results, ↑ ↓ between them, Esc back to the box, then closed */
    form.addEventListener("keydown", function (e) {
      var links = Array.prototype.slice.call(panel.querySelectorAll("a"));
      var i = links.indexOf(document.activeElement), target = null;
      if (e.key === "Escape") {
        if (i >= 0) target = input;
        else if (!panel.hidden) { e.preventDefault(); show(false); return; }   /* keep the words typed */
        else { close(); return; }
      } else if (e.target === input && e.key === "ArrowDown" && links.length && !panel.hidden) target = links[0];
      else if (i >= 0 && e.key === "ArrowDown") target = links[Math.min(i + 1, links.length - 1)];
      else if (i >= 0 && e.key === "ArrowUp") target = i ? links[i - 1] : input;
      if (target) { e.preventDefault(); target.focus(); }
    });
    /* the panel closes when the focus or a tap goes elsewhere */
    form.addEventListener("focusout", function (e) {
      if (!e.relatedTarget || !form.contains(e.relatedTarget)) setTimeout(function () {
        if (!form.contains(document.activeElement)) show(false);
      }, 150);
    });
    document.addEventListener("pointerdown", function (e) { if (!form.contains(e.target)) { show(false); close(); } });

    /* narrow screens: the icon opens the box over the header (without JS it links to the search page) */
    var icon = document.querySelector(".pe-hsearch__link"), shut = form.querySelector(".pe-hsearch__close");
    function open() { form.classList.add("pe-hsearch--open"); input.focus(); }
    function close() { if (form.classList.contains("pe-hsearch--open")) { form.classList.remove("pe-hsearch--open"); if (icon) icon.focus(); } }
    if (icon) icon.addEventListener("click", function (e) { e.preventDefault(); open(); });
    if (shut) shut.addEventListener("click", function () { show(false); close(); });
    window.peSearch.openHeader = open;
  }

  /* "/" puts the cursor in the search box (the page's own on the search page), unless the reader is typing */
  function shortcut(e) {
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    var t = e.target, tag = t && t.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (t && t.isContentEditable)) return;
    var box = document.querySelector("#pe-search input[name=q]");
    var head = document.querySelector("form.pe-hsearch input[name=q]");
    if (!box && !head) return;
    e.preventDefault();
    if (box) { box.focus(); box.select(); return; }
    if (!head.offsetParent && window.peSearch.openHeader) window.peSearch.openHeader();   /* narrow screen: box hidden */
    head.focus();
    head.select();
  }

  /* ---------- the opened page: the query (?q=, from a result link) marked in the paragraph ---------- */
  function markRanges(tu, qu) {
    var hits = findAll(tu, qu);
    if (hits.length) return hits;
    /* a result holding only some words: mark the longest stretches of the query it holds */
    var out = [], i = 0;
    while (i < tu.length) {
      var best = 0;
      for (var j = 0; j < qu.length; j++) {
        var n = 0;
        while (i + n < tu.length && j + n < qu.length && tu[i + n].s === qu[j + n].s &&
               (!n || (tu[i + n].adj && qu[j + n].adj))) n++;
        if (n > best) best = n;
      }
      if (best >= 2 || (best === 1 && !tu[i].cjk)) { out.push([tu[i].start, tu[i + best - 1].end]); i += best; }
      else i++;
    }
    return out;
  }
  function highlight() {
    if (document.getElementById("pe-search")) return;
    var q = new URLSearchParams(location.search).get("q");
    var id = location.hash.length > 1 ? decodeURIComponent(location.hash.slice(1)) : "";
    var target = id && document.getElementById(id), form = document.querySelector("form.pe-hsearch");
    if (!q || !target || target.getAttribute("data-pe-marked")) return;
    target.setAttribute("data-pe-marked", "1");
    var root = form ? form.getAttribute("data-root") : null;
    var ready = root ? new Engine(root + "search/data/").open() : Promise.resolve();
    /* the manifest carries the Traditional -> Simplified table: a query in either script matches */
    ready.catch(function () { /* mark what matches without it */ }).then(function () {
      var nodes = [], text = "", walker = document.createTreeWalker(target, NodeFilter.SHOW_TEXT, {
        acceptNode: function (n) { return n.parentNode.closest(".pe-pl, .headerlink, mark") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT; }
      });
      while (walker.nextNode()) { nodes.push([walker.currentNode, text.length]); text += walker.currentNode.nodeValue; }
      var ranges = markRanges(units(text), rebase(units(q).slice(0, MAX_UNITS)));
      for (var r = ranges.length - 1; r >= 0; r--) {
        for (var k = nodes.length - 1; k >= 0; k--) {
          var node = nodes[k][0], at = nodes[k][1], len = node.nodeValue.length;
          var a = Math.max(ranges[r][0], at), b = Math.min(ranges[r][1], at + len);
          if (b <= a) continue;
          var mid = node.splitText(a - at);
          mid.splitText(b - a);
          var mark = document.createElement("mark");
          mark.className = "pe-hit";
          mid.parentNode.replaceChild(mark, mid);
          mark.appendChild(mid);
        }
      }
      target.setAttribute("data-pe-marked", String(ranges.length));
    });
  }

  window.peSearch.units = units;
  window.peSearch.keys = keysOf;
  window.peSearch.normalize = normalize;
  window.peSearch.hash = fnv;
  window.peSearch.setMap = setMap;
  window.peSearch.init = init;

  function start() { init(); header(); highlight(); }
  document.addEventListener("keydown", shortcut);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
  /* Material for MkDocs instant navigation swaps the page without reloading scripts */
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(function () { start(); });
})();
