"""Reference implementation of the client's query, over the files build_index() wrote.

docs/assets/search/search.js does the same in the browser; this one exists for the tests and
the benchmark (it records which files a query loads, and their sizes).

Ranking, per document (after the report / year filters):
  tier 1  the text contains the whole normalised query as written (a phrase);
  tier 2  the text contains every word of the query (words: the longest corpus words, as jieba
          cut the corpus, that tile the query; a lone character sticks to its neighbour), or the
          section title contains the whole query;
  tier 3  the text or title contains some of the words.
A document is in one tier; tiers never mix. Within a tier: the title contains the query (tiers 1
and 2) or the share of the query's words present (tier 3); then reports take turns, so the top
results show the match in every report before a second paragraph of any one (a report's
paragraphs by occurrences, then reading order); within a turn, the newest report first.

What a query loads (index.py describes the files): the shards of its keys; for a common key
inside a phrase, only the page of the neighbour the phrase gives it (exact: every occurrence of
the phrase has that neighbour; of the two neighbours, the page estimated smaller); a common key
queried alone answers from its precomputed first results and counts. A search without `need`
reads what it needs and is exact. Given `need` (the results the reader will see first: the first
screen), it reads what a first screen can afford (sizes estimated before reading, _estimate):
  - the phrase's cheap checks first (keys in their shard, small pages, a common key's text
    counts); when no document passes them the phrase occurs nowhere, and its dear pages (those of
    a very common run like 高质量发展) are never read; else every page: tier 1 is always exact;
  - tiers 2 and 3 wait when tier 1 fills the screen and they would need a common word's whole
    list or dear pages (the order is the same: tiers never mix);
  - else tier 2 from the words' occurrences and, for a common key standing alone, its text
    counts (p/<n>/d: exact for tier 2); a word whose pages cost over WORD_BYTES gives the text
    counts of its rarest key instead (approximate); tier 3 from whole lists when they cost
    EXACT_BYTES or less, else from the same counts (approximate: a word only in a section's title
    is not seen, nor occurrences past three).
`Answer.partial` says the rest waits, `Answer.approx` which tiers were estimated; search.js then
keeps the results shown and, on "more", goes on in the complete order.
"""
from __future__ import annotations

import base64
import bisect
import json
from dataclasses import dataclass, field
from pathlib import Path

from .normalize import Unit, fnv1a, keys, units

TITLE = 10_000_000          # title positions are offset so they never meet text positions
MAX_UNITS = 40
# The first screen (search(need=...)) reads what it can afford. Sizes are estimated before reading
# (_estimate): a common key's entry in its postings ~ENTRY_BYTES bytes a document.
ENTRY_BYTES = 8
STAGE_BYTES = 24 * 1024     # checks of a phrase before it is known to occur at all
WORD_BYTES = 32 * 1024      # a word's occurrences read for tiers 2-3; a dearer word gives its text counts
EXACT_BYTES = 64 * 1024     # whole lists read for tier 3; dearer: tier 3 from the words' text counts


def decode_postings(s: str) -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    doc = 0
    if not s:
        return out
    for entry in s.split(";"):
        head, _, rest = entry.partition(":")
        doc += int(head, 36)
        text_part, _, title_part = rest.partition("|")
        pos: list[int] = []
        p = 0
        for d in text_part.split(",") if text_part else []:
            p += int(d, 36)
            pos.append(p)
        p = 0
        for d in title_part.split(",") if title_part else []:
            p += int(d, 36)
            pos.append(TITLE + p)
        out[doc] = pos
    return out


def read_jsonp(path: Path) -> tuple[str, object, int]:
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    prefix = "peSearch.add("
    assert text.startswith(prefix) and text.endswith(");\n"), path
    body = text[len(prefix):-3]
    file_id, _, data = body.partition(",")
    return json.loads(file_id), json.loads(data), len(raw)


@dataclass
class Result:
    doc: int
    tier: int
    score: tuple
    url: str = ""
    title: str = ""
    text: str = ""
    report: str = ""


@dataclass
class Answer:
    query: str
    phrase: list[str]                 # normalised units of the query
    words: list[str]                  # the words tier 2 needs
    results: list[Result]
    loaded: dict[str, int] = field(default_factory=dict)   # file id -> bytes, in load order
    counts: dict[int, int] = field(default_factory=dict)   # tier -> documents (of those computed)
    partial: bool = False             # tiers 2-3 (or a common key's results past TOP) not computed
    approx: int = 0                   # this tier and the next were ranked from text counts (0: none)

    def tier(self, n: int) -> list[Result]:
        return [r for r in self.results if r.tier == n]


def _undelta(s: str) -> list[int]:
    out, p = [], 0
    for d in s.split(",") if s else []:
        p += int(d, 36)
        out.append(p)
    return out


class Index:
    def __init__(self, out_dir: Path):
        self.dir = Path(out_dir)
        self.loaded: dict[str, int] = {}
        self._cache: dict[str, object] = {}
        self.manifest = self._load("m")
        m = self.manifest
        self._own = set(m.get("own") or ())
        self.map = {m["map"][i]: m["map"][i + 1] for i in range(0, len(m["map"]), 2)}
        self._postings: dict[tuple, dict[int, list[int]]] = {}
        self._report_starts = _undelta(m["rs"])
        self._report_numbers = m.get("ri") or list(range(len(self._report_starts)))

    def _load(self, file_id: str):
        if file_id not in self._cache:
            folder = self.dir
            m = getattr(self, "manifest", None)
            # postings shared with another script's index (index.share_postings)
            if m and m.get("same") and file_id.startswith(("s/", "p/")) and file_id not in self._own:
                folder = self.dir / m["same"]
            fid, data, size = read_jsonp(folder / f"{file_id}.js")
            assert fid == file_id
            self._cache[file_id] = data
            self.loaded[file_id] = size
        return self._cache[file_id]

    def entry(self, key: str):
        """A key's shard entry: its postings (str), or a common key's page directory (dict)."""
        return self._load(f"s/{fnv1a(key) % self.manifest['shards']}")["k"].get(key, "")

    def common(self, key: str) -> bool:
        return isinstance(self.entry(key), dict)

    def postings(self, key: str, side: str = "*", unit: str = "") -> dict[int, list[int]]:
        """A key's postings; for a common key, side "a"/"b" gives only the occurrences with `unit`
        just before/after it, "*" all of them (every "a" page)."""
        e = self.entry(key)
        if not isinstance(e, dict):
            side, unit = "", ""
        cache_key = (key, side, unit)
        if cache_key not in self._postings:
            if not isinstance(e, dict):
                got = decode_postings(e)
            elif side in "ab" and side:
                page = self._load(f"p/{e['n']}/{side}{fnv1a(unit) % e['P']}")
                got = decode_postings(page.get(unit, ""))
            else:
                got = {}
                for i in range(e["P"]):
                    for part in self._load(f"p/{e['n']}/a{i}").values():
                        for doc, pos in decode_postings(part).items():
                            got.setdefault(doc, []).extend(pos)
                got = {d: sorted(p) for d, p in sorted(got.items())}
            self._postings[cache_key] = got
        return self._postings[cache_key]

    def cost(self, file_id: str, estimate: int) -> int:
        """What reading a file costs: nothing once read."""
        return 0 if file_id in self._cache else estimate

    def key_bytes(self, key: str) -> int:
        """Size of a key's postings: exact for a postings string, estimated for a common key."""
        e = self.entry(key)
        return ENTRY_BYTES * (e["c"][0] + e["c"][1]) if isinstance(e, dict) else len(e)

    def key_docs(self, key: str) -> int:
        e = self.entry(key)
        return e["c"][0] + e["c"][1] if isinstance(e, dict) else (e.count(";") + 1 if e else 0)

    def page_id(self, key: str, side: str, unit: str) -> str:
        e = self.entry(key)
        return f"p/{e['n']}/{side}{fnv1a(unit) % e['P']}"

    def counts_cost(self, key: str) -> int:
        """Estimated size of a common key's text counts (p/<n>/d.js, 2 bits a document or sparse);
        nothing for a key whose postings are in its shard."""
        e = self.entry(key)
        if not isinstance(e, dict):
            return 0
        n, have = self.manifest["docs"], max(1, e["c"][0])
        dense = (n + 3) // 4 * 4 // 3
        sparse = have * (_b36_len(3 * n // have) + 1)
        return self.cost(f"p/{e['n']}/d", min(dense, sparse))

    def text_counts(self, key: str):
        """A key's min(3, occurrences in the text) per document: a common key's p/<n>/d.js, or
        from its postings."""
        e = self.entry(key)
        if not isinstance(e, dict):
            found = {d: min(3, sum(1 for x in p if x < TITLE)) for d, p in self.postings(key).items()}
            return lambda d: found.get(d, 0)
        data = self._load(f"p/{e['n']}/d")
        if "v" in data:
            packed = base64.b64decode(data["v"])
            return lambda d: (packed[d >> 2] >> ((d & 3) * 2)) & 3
        found, doc = {}, 0
        for x in data["s"].split(",") if data["s"] else []:
            delta, c = divmod(int(x, 36), 3)
            doc += delta
            found[doc] = c + 1
        return lambda d: found.get(d, 0)

    def words_from(self, bigram: str) -> list[str]:
        shard = self._load(f"s/{fnv1a(bigram) % self.manifest['shards']}")
        w = shard["w"].get(bigram)
        return w.split(" ") if w else []

    def doc(self, doc_id: int) -> dict:
        c = self.manifest["chunk"]
        data = self._load(f"c/{doc_id // c}")
        row = data["d"][doc_id % c]
        page = data["p"][row[0]]
        url = page + ("#" + row[1] if row[1] else "")
        rid, rtitle = data["r"][row[4]]
        return {"url": url, "title": data["t"][row[2]], "text": row[3], "report": rid, "report_title": rtitle}

    def doc_filter(self, report: str | None, year: int | None):
        if not report and not year:
            return lambda d: True
        m = self.manifest
        f = self._load("f")
        runs = f["runs"] + [[m["docs"], -1, -1]]
        allowed = []
        for (start, ri, yi), (end, _, _) in zip(runs, runs[1:]):
            if report and f["reports"][ri][0] != report:
                continue
            if year and int(year) not in f["yearsets"][yi]:
                continue
            allowed.append((start, end))
        return lambda d: any(s <= d < e for s, e in allowed)

    def report_number(self, doc_id: int) -> int:
        """Number of the report a document belongs to (reports in document order)."""
        return self._report_numbers[bisect.bisect_right(self._report_starts, doc_id) - 1]


def _b36_len(n: int) -> int:
    out = 1
    while n >= 36:
        n //= 36
        out += 1
    return out


def _covered(us: list[Unit], qkeys: list[tuple[str, int]]) -> set[int]:
    out: set[int] = set()
    for k, rel in qkeys:
        out.update((rel, rel + _span(k, us, rel) - 1))
    return out


def _span(key: str, us: list[Unit], rel: int) -> int:
    return 1 if us[rel].s == key else 2


def sources(index: Index, us: list[Unit], qkeys: list[tuple[str, int]]) -> list[tuple[str, str, str]]:
    """(key, side, unit) to read for each key of a phrase: a common key's page of a neighbour unit
    the phrase itself checks (before or after, the smaller by _estimate; before when even);
    "*" when the phrase has none."""
    return [src for src, _ in _sources(index, us, qkeys)]


def _sources(index: Index, us: list[Unit], qkeys: list[tuple[str, int]]) -> list[tuple[tuple[str, str, str], int]]:
    """sources() and the estimated cost of each (0: read already, or postings in the shard)."""
    covered = _covered(us, qkeys)
    pairs = {rel: k for k, rel in qkeys if _span(k, us, rel) == 2}
    out = []
    for k, rel in qkeys:
        if not index.common(k):
            out.append(((k, "*", ""), 0))
            continue
        end = rel + _span(k, us, rel)
        best = None
        for side, at, nb in (("a", rel - 1, rel - 1), ("b", end, end - 1)):
            if 0 <= at < len(us) and at in covered:
                c = index.cost(index.page_id(k, side, us[at].s), _estimate(index, k, pairs.get(nb)))
                if best is None or c < best[1]:
                    best = ((k, side, us[at].s), c)
        if best is None:
            e = index.entry(k)
            files = [f"p/{e['n']}/a{i}" for i in range(e["P"])]
            best = ((k, "*", ""), sum(index.cost(f, index.key_bytes(k) // e["P"]) for f in files))
        out.append(best)
    return out


def _estimate(index: Index, key: str, neighbour: str | None) -> int:
    """Size of a common key's page of one neighbour unit: its share of a page, and the occurrences
    with that neighbour, no more than those of the key the two make (when the query has it)."""
    own = index.key_bytes(key)
    return own // index.entry(key)["P"] + min(own, index.key_bytes(neighbour) if neighbour else own)


def needs_whole_list(index: Index, us: list[Unit]) -> bool:
    qkeys = keys(_rebase(us))
    return any(side == "*" and index.common(k) for k, side, _ in sources(index, _rebase(us), qkeys))


def rank_single_key(counts: dict[int, tuple[int, bool]], doc_report: list[int]) -> list[int]:
    """Documents in the order search() gives the query made of this one key (index.py stores the
    first of them for common keys). counts: doc -> (occurrences in the text, in the title too)."""
    scored = {doc: ((1, (-int(in_title), -n)) if n else (2, (-1, 0))) for doc, (n, in_title) in counts.items()}

    class _Reports:
        @staticmethod
        def report_number(doc):
            return doc_report[doc]
    return [doc for doc, _, _ in rank(_Reports, scored, lambda d: True)]


def top_single_key(docs: list[int], counts: list[int], in_title: list[bool], doc_report: list[int],
                   n: int) -> list[int]:
    """rank_single_key(...)[:n] without ordering every document (a common key has hundreds of
    thousands at scale). docs: increasing; counts: occurrences in the text; in_title: in the
    section title too. rank's order is: the group (text and title, text only, title only), then
    the turn (a report's paragraphs by occurrences, then reading order), then document order;
    the first n lie in the first groups and the first turns."""
    groups: list[dict[int, list[tuple[int, int]]]] = [{}, {}, {}]
    for doc, count, title in zip(docs, counts, in_title):
        group = groups[(0 if title else 1) if count else 2]
        group.setdefault(doc_report[doc], []).append((-count, doc))
    out: list[int] = []
    for group in groups:
        lists = [sorted(x) for x in group.values()]
        turn = 0
        while len(out) < n and lists:
            out += sorted(x[turn][1] for x in lists)[:n - len(out)]
            turn += 1
            lists = [x for x in lists if len(x) > turn]
    return out


def occurrences(index: Index, qkeys: list[tuple[str, int]], us: list[Unit] | None = None,
                srcs: list[tuple[str, str, str]] | None = None) -> dict[int, list[int]]:
    """doc -> start positions where every key sits at its offset (a phrase match). us: the
    phrase's units (lets a common key read only its neighbour's page)."""
    if not qkeys:
        return {}
    if srcs is None:
        srcs = sources(index, us, qkeys) if us is not None else [(k, "*", "") for k, _ in qkeys]
    return _intersect([(index.postings(k, side, unit), rel) for (k, side, unit), (_, rel) in zip(srcs, qkeys)])


def _intersect(lists: list[tuple[dict[int, list[int]], int]]) -> dict[int, list[int]]:
    """doc -> starts s such that every list has a position s + its offset."""
    lists = sorted(lists, key=lambda x: len(x[0]))
    first, rel0 = lists[0]
    out: dict[int, list[int]] = {}
    for doc, positions in first.items():
        others = []
        for plist, rel in lists[1:]:
            p = plist.get(doc)
            if p is None:
                break
            others.append((set(p), rel))
        else:
            starts = [s - rel0 for s in positions
                      if all((s - rel0 + rel) in pset for pset, rel in others)]
            if starts:
                out[doc] = starts
    return out


def phrase(index: Index, us: list[Unit], qkeys: list[tuple[str, int]], staged: bool = False) -> dict[int, list[int]]:
    """occurrences() of the phrase. staged (the first screen), when its pages would cost over
    STAGE_BYTES: first the checks that cost little, cheapest first and STAGE_BYTES in all (keys in
    their shard or read already; a common key's page, or its text counts when under half); when no
    document passes them, the phrase occurs nowhere and the other pages are never read."""
    srcs = _sources(index, us, qkeys)
    if staged and sum(c for _, c in srcs) > STAGE_BYTES:
        checks = []
        for i, ((k, _, _), c) in enumerate(srcs):
            if c:
                d = index.counts_cost(k)
                checks.append((d, i, True) if 2 * d < c else (c, i, False))   # a page serves later too
        take, spent = set(), 0
        for c, i, by_counts in sorted(checks):
            if spent + c > STAGE_BYTES:
                break
            spent += c
            take.add((i, by_counts))
        lists, counts = [], []
        for i, (((k, side, unit), c), (_, rel)) in enumerate(zip(srcs, qkeys)):
            if not c or (i, False) in take:
                lists.append((index.postings(k, side, unit), rel))
            elif (i, True) in take:
                counts.append(index.text_counts(k))      # in the text at all (tier 1 needs it)
        if lists:                                        # (they bound the title matches too)
            found = _intersect(lists)
            if not any(s >= TITLE or all(c(doc) for c in counts) for doc, starts in found.items() for s in starts):
                return {}
    return occurrences(index, qkeys, us, [src for src, _ in srcs])


def segment(index: Index, qunits: list[Unit]) -> list[list[Unit]]:
    """Cut the query into words: the fewest corpus words, single letter/digit runs count as words;
    a character no word covers joins its neighbour; pieces split at hard separators first."""
    pieces: list[list[Unit]] = []
    for u in qunits:
        if pieces and u.adj:
            pieces[-1].append(u)
        else:
            pieces.append([u])
    words: list[list[Unit]] = []
    for piece in pieces:
        n = len(piece)
        dictionary: set[str] = set()
        for i in range(n - 1):
            if piece[i].cjk and piece[i + 1].cjk:
                dictionary.update(index.words_from(piece[i].s + piece[i + 1].s))
        # best[i] = (segments, loose characters) for piece[:i]
        best: list[tuple | None] = [None] * (n + 1)
        best[0] = (0, 0, -1)
        for j in range(1, n + 1):
            for i in range(j):
                if best[i] is None:
                    continue
                span = piece[i:j]
                s = "".join(u.s for u in span)
                if j - i == 1:
                    loose = 1 if span[0].cjk else 0
                elif all(u.cjk for u in span) and s in dictionary:
                    loose = 0
                else:
                    continue
                cand = (best[i][0] + 1, best[i][1] + loose, i)
                if best[j] is None or cand[:2] < best[j][:2]:
                    best[j] = cand
        cuts, j = [], n
        while j > 0:
            i = best[j][2]
            cuts.append(piece[i:j])
            j = i
        cuts.reverse()
        # glue lone ideographs to the previous word (or the next one at the start)
        glued: list[list[Unit]] = []
        for w in cuts:
            lone = len(w) == 1 and w[0].cjk
            if lone and glued:
                glued[-1] = glued[-1] + w
            elif glued and len(glued[-1]) == 1 and glued[-1][0].cjk:
                glued[-1] = glued[-1] + w
            else:
                glued.append(list(w))
        words.extend(w for w in glued if keys(_rebase(w)))
    return words


def _rebase(us: list[Unit]) -> list[Unit]:
    return [Unit(u.s, u.cjk, u.adj if i else False, u.start, u.end) for i, u in enumerate(us)]


def rank(index: Index, scored: dict[int, tuple[int, tuple]], allowed) -> list[tuple[int, int, tuple]]:
    """Order scored documents: tier, then the tier's quality (title / coverage), then reports take
    turns: every report's best paragraph, then every report's second best, ... (a report's
    paragraphs by occurrences, then reading order); within a turn, document order, which puts the
    newest report first (see docs_from_reports). Returns (doc, tier, key) in order."""
    turn: dict[tuple, int] = {}
    keyed = []
    for doc, (tier, (quality, occ)) in sorted(scored.items(), key=lambda x: (x[1], x[0])):
        if not allowed(doc):
            continue
        group = (tier, quality, index.report_number(doc))
        turn[group] = turn.get(group, -1) + 1
        keyed.append(((tier, quality, turn[group], doc), doc, tier))
    keyed.sort()
    return [(doc, tier, key[1:]) for key, doc, tier in keyed]


def search(index: Index, query: str, report: str | None = None, year: int | None = None,
           limit: int = 20, need: int | None = None) -> Answer:
    """need: results the reader sees first (search.js: 20 on the page, fewer in the header);
    None computes every tier (tests, scoring)."""
    qunits = units(query)[:MAX_UNITS]
    qkeys = keys(_rebase(qunits))
    answer = Answer(query, [u.s for u in qunits], [], [])
    if not qkeys:
        answer.loaded = dict(index.loaded)
        return answer
    allowed = index.doc_filter(report, year)
    words = segment(index, qunits)
    answer.words = ["".join(u.s for u in w) for w in words]
    entry = index.entry(qkeys[0][0])
    if need is not None and len(qkeys) == 1 and isinstance(entry, dict) and not report and not year:
        # a common key alone: its first results and counts were ranked when the index was built
        n1, n2 = entry["c"]
        top = [int(d, 36) for d in entry["t"].split(",")] if entry["t"] else []
        answer.results = [Result(d, 1 if i < n1 else 2, ()) for i, d in enumerate(top)]
        answer.counts = {1: n1, 2: n2, 3: 0}
        answer.partial = len(top) < n1 + n2
        return _finish(index, answer, limit)

    full = phrase(index, _rebase(qunits), qkeys, staged=need is not None)
    scored: dict[int, tuple[int, tuple]] = {}
    for doc, starts in full.items():
        text = [s for s in starts if s < TITLE]
        in_title = len(starts) - len(text)
        if text:
            scored[doc] = (1, (-int(in_title > 0), -len(text)))
        else:
            scored[doc] = (2, (-1, 0))
    n_docs = index.manifest["docs"]
    wkeys = [keys(_rebase(w)) for w in words]
    same = [_same_keys(k, qkeys) for k in wkeys]          # a word that is the whole phrase: its occurrences
    whole = [needs_whole_list(index, w) for w in words]
    n1 = sum(1 for d, s in scored.items() if s[0] == 1 and allowed(d))

    def cost(i: int) -> int:                              # of word i's occurrences still to read
        return 0 if same[i] else sum(c for _, c in _sources(index, _rebase(words[i]), wkeys[i]))

    def occ(which: list[int]) -> list[dict[int, list[int]]]:
        """The occurrences of some words; which pages they read is settled before any is read."""
        srcs = {i: sources(index, _rebase(words[i]), wkeys[i]) for i in which if not same[i]}
        return [full if same[i] else occurrences(index, wkeys[i], _rebase(words[i]), srcs[i]) for i in which]

    every = list(range(len(words)))
    exact = need is None or not (any(whole) or sum(cost(i) for i in every) > EXACT_BYTES)
    word_occ: list[dict[int, list[int]]] = []
    if exact:
        word_occ = occ(every)
    elif n1 >= need:
        answer.partial = True          # tier 1 fills the first screen; the rest waits for "more"
    else:
        # tier 2 from the words' occurrences, and the text counts of a common key alone (exact for
        # tier 2) or of a dear word's rarest key (approximate); tier 3 from whole lists only if
        # they are cheap and tiers 1-2 do not fill the first screen, else from the same counts
        modes = ["occ" if same[i] else "counts" if whole[i] else "occ" if cost(i) <= WORD_BYTES else "rarest"
                 for i in every]
        found = dict(zip([i for i in every if modes[i] == "occ"], occ([i for i in every if modes[i] == "occ"])))
        part = [found.get(i) for i in every]
        counts = [None if m == "occ" else index.text_counts(
            wkeys[i][0][0] if m == "counts" else min((k for k, _ in wkeys[i]), key=index.key_docs))
            for i, m in enumerate(modes)]
        approx = 2 if "rarest" in modes else 0
        _tier2(scored, words, part, counts, n_docs)
        if sum(1 for d, s in scored.items() if s[0] <= 2 and allowed(d)) >= need:
            answer.partial, answer.approx = True, approx
        elif sum(cost(i) for i in every) <= EXACT_BYTES:
            word_occ = occ(every)
        else:
            _tier3(scored, words, part, counts, n_docs)
            answer.partial, answer.approx = True, approx or 3
    if word_occ:
        _tier2(scored, words, word_occ, [None] * len(words), n_docs)
        _tier3(scored, words, word_occ, [None] * len(words), n_docs)
    answer.results = [Result(d, t, s) for d, t, s in rank(index, scored, allowed)]
    answer.counts = {t: sum(1 for r in answer.results if r.tier == t) for t in (1, 2, 3)}
    return _finish(index, answer, limit)


def _tier2(scored: dict, words: list, occ: list, counts: list, n_docs: int) -> None:
    """Tier 2: every word in the text. occ[i]: word i's occurrences, or None with counts[i] its
    capped text counts (a common key alone)."""
    if len(words) < 2:
        return
    known = [o for o in occ if o is not None]
    candidates = set.intersection(*(set(o) for o in known)) if known else range(n_docs)
    for doc in sorted(candidates):
        if doc in scored:
            continue
        n = 0
        for o, c in zip(occ, counts):
            t = min(3, sum(1 for s in o[doc] if s < TITLE)) if o is not None else c(doc)
            if not t:
                break
            n += t
        else:
            scored[doc] = (2, (0, -n))


def _tier3(scored: dict, words: list, occ: list, counts: list, n_docs: int) -> None:
    """Tier 3: some of the words in the text or title; occ[i]: word i's occurrences, or None with
    counts[i] its capped text counts (the first screen's estimate: a title alone is not seen)."""
    total = sum(len(w) for w in words) or 1
    if any(c is not None for c in counts):
        docs = range(n_docs)
    else:
        docs = sorted(set().union(*(o.keys() for o in occ)))
    for doc in docs:
        if doc in scored:
            continue
        covered = n = 0
        for w, o, c in zip(words, occ, counts):
            t = len(o.get(doc, ())) if o is not None else c(doc)
            if t:
                covered += len(w)
                n += t
        if covered:
            scored[doc] = (3, (-(100 * covered // total), -n))


def _same_keys(a: list[tuple[str, int]], b: list[tuple[str, int]]) -> bool:
    """The same keys at the same distances from each other."""
    return len(a) == len(b) and all(x[0] == y[0] and x[1] - a[0][1] == y[1] - b[0][1] for x, y in zip(a, b))


def _finish(index: Index, answer: Answer, limit: int) -> Answer:
    for r in answer.results[:limit]:
        info = index.doc(r.doc)
        r.url, r.title, r.text, r.report = info["url"], info["title"], info["text"], info["report"]
    answer.loaded = dict(index.loaded)
    return answer
