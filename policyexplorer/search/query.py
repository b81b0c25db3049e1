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
"""
from __future__ import annotations

import bisect
import json
from dataclasses import dataclass, field
from pathlib import Path

from .normalize import Unit, fnv1a, keys, units

TITLE = 10_000_000          # title positions are offset so they never meet text positions
MAX_UNITS = 40


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

    def tier(self, n: int) -> list[Result]:
        return [r for r in self.results if r.tier == n]


class Index:
    def __init__(self, out_dir: Path):
        self.dir = Path(out_dir)
        self.loaded: dict[str, int] = {}
        self._cache: dict[str, object] = {}
        self.manifest = self._load("m")
        m = self.manifest
        self.map = {m["map"][i]: m["map"][i + 1] for i in range(0, len(m["map"]), 2)}
        self._postings: dict[str, dict[int, list[int]]] = {}
        self._run_starts = [r[0] for r in m["runs"]]

    def _load(self, file_id: str):
        if file_id not in self._cache:
            fid, data, size = read_jsonp(self.dir / f"{file_id}.js")
            assert fid == file_id
            self._cache[file_id] = data
            self.loaded[file_id] = size
        return self._cache[file_id]

    def postings(self, key: str) -> dict[int, list[int]]:
        if key not in self._postings:
            shard = self._load(f"s/{fnv1a(key) % self.manifest['shards']}")
            self._postings[key] = decode_postings(shard["k"].get(key, ""))
        return self._postings[key]

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
        return {"url": url, "title": data["t"][row[2]], "text": row[3]}

    def doc_filter(self, report: str | None, year: int | None):
        m = self.manifest
        runs = m["runs"] + [[m["docs"], -1, -1]]
        allowed = []
        for (start, ri, yi), (end, _, _) in zip(runs, runs[1:]):
            if report and m["reports"][ri][0] != report:
                continue
            if year and int(year) not in m["yearsets"][yi]:
                continue
            allowed.append((start, end))
        return lambda d: any(s <= d < e for s, e in allowed)

    def report_number(self, doc_id: int) -> int:
        """Index in manifest["reports"] of the report a document belongs to."""
        runs = self.manifest["runs"]
        return runs[bisect.bisect_right(self._run_starts, doc_id) - 1][1]

    def report_of(self, doc_id: int) -> str:
        return self.manifest["reports"][self.report_number(doc_id)][0]


def occurrences(index: Index, qkeys: list[tuple[str, int]]) -> dict[int, list[int]]:
    """doc -> start positions where every key sits at its offset (a phrase match)."""
    if not qkeys:
        return {}
    lists = [(index.postings(k), rel) for k, rel in qkeys]
    lists.sort(key=lambda x: len(x[0]))
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
           limit: int = 20) -> Answer:
    qunits = units(query)[:MAX_UNITS]
    qkeys = keys(_rebase(qunits))
    answer = Answer(query, [u.s for u in qunits], [], [])
    if not qkeys:
        answer.loaded = dict(index.loaded)
        return answer
    allowed = index.doc_filter(report, year)
    full = occurrences(index, qkeys)
    words = segment(index, qunits)
    answer.words = ["".join(u.s for u in w) for w in words]
    word_occ = [occurrences(index, keys(_rebase(w))) for w in words]

    scored: dict[int, tuple[int, tuple]] = {}
    for doc, starts in full.items():
        text = [s for s in starts if s < TITLE]
        in_title = len(starts) - len(text)
        if text:
            scored[doc] = (1, (-int(in_title > 0), -len(text)))
        else:
            scored[doc] = (2, (-1, 0))
    if len(words) > 1:
        common = set.intersection(*(set(o) for o in word_occ)) if word_occ else set()
        for doc in common:
            if doc in scored:
                continue
            if all(any(s < TITLE for s in o[doc]) for o in word_occ):
                n = sum(min(3, sum(1 for s in o[doc] if s < TITLE)) for o in word_occ)
                scored[doc] = (2, (0, -n))
    total = sum(len(w) for w in words) or 1
    for w, o in zip(words, word_occ):
        for doc in o:
            if doc in scored:
                continue
            covered = sum(len(w2) for w2, o2 in zip(words, word_occ) if doc in o2)
            n = sum(len(o2[doc]) for o2 in word_occ if doc in o2)
            scored[doc] = (3, (-(100 * covered // total), -n))
    answer.results = [Result(d, t, s) for d, t, s in rank(index, scored, allowed)]
    for r in answer.results[:limit]:
        info = index.doc(r.doc)
        r.url, r.title, r.text = info["url"], info["title"], info["text"]
        r.report = index.report_of(r.doc)
    answer.loaded = dict(index.loaded)
    return answer
