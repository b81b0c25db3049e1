"""Build the static search index of one script variant.

Layout of out_dir (every file is a script, loadable by a <script> tag over http and from file://;
each calls peSearch.add(id, data) with the id being its path without ".js"):

  m.js          manifest: counts, shard count, chunk size, the first document of every report
                (ranking: reports take turns), the years (year filter), the part of the t2s
                character table the corpus needs. Small: it does not list the reports.
  f.js          filters: reports (id, title, years) and per-document report/years runs; loaded
                only when the reader opens or uses a filter
  s/<n>.js      postings shard n: {"k": {key: postings}, "w": {bigram: "words starting with it"}}
                a key lives in shard fnv1a(key) % shards; shards grow in number with the corpus
  p/<n>/<a|b><i>.js  pages of a common key (postings over PAGE_BYTES): its postings split by
                the unit before (a) or after (b) each occurrence, {unit: postings}, unit u in page
                fnv1a(u) % pages ("" = none). A phrase needs only the page of its own neighbour;
                the whole list (every "a" page) only for a word standing alone.
  p/<n>/d.js    a common key's text count per document, capped at 3 (2 bits each, or the documents
                that have it when that is shorter): all tier 2 needs of a word that is a common key alone
  c/<n>.js      display chunk n: documents n*chunk .. n*chunk+chunk-1 (url, section title, text,
                report title), fetched for the results shown only

Postings of a key: ";"-joined entries "<doc delta>:<positions>|<title positions>", numbers in
base 36, positions delta-coded; "|..." only when the section title has the key. A common key's
entry in its shard is instead {"n": page set number, "P": pages, "c": [documents with the key
in the text, documents with it in the title only], "t": the first TOP documents of the query
that is this key alone (query.rank order, doc ids delta-coded)}.

How it is built (memory stays near the size of the encoded postings, not of Python objects per
posting): one pass over the documents (scan.py cuts them into keys) appends each document's
entry to its keys' encoded postings, documents coming in increasing order; the keys whose
postings end up over page_bytes are the common ones, whose counts and first results are decoded
from their postings one key at a time; a second pass, over batches of common keys, appends each
occurrence of one to the postings of its neighbour pages the same way.
"""

from __future__ import annotations

import base64
import gc
import json
import logging
import math
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path

from .normalize import clean_display, fnv1a, is_cjk, t2s_table
from .scan import Normalizer, Segment, ideograph_runs, key_positions, positions_of, segments, unit_strings

FORMAT = 2
SHARD_BYTES = 4 * 1024      # target size of a postings shard (bench: 16 KiB shards cost 30-80% more per query)
CHUNK_BYTES = 1536          # target size of a display chunk: a first page of 20 results from 20 reports
                            # loads 20 chunks (bench: 4 KiB chunks were half of a first query's bytes)
PAGE_BYTES = 4 * 1024       # postings longer than this are split into neighbour pages
TOP = 20                    # results precomputed for a common key queried alone (search.js PAGE)
SPLIT_BYTES = 64 * 1024 * 1024  # common keys' postings split by neighbour in one pass over the documents
JSONP = "peSearch.add({id},{data});\n"


def b36(n: int) -> str:
    if n < 0:
        raise ValueError(n)
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if n == 0:
        return "0"
    out = []
    while n:
        n, r = divmod(n, 36)
        out.append(digits[r])
    return "".join(reversed(out))


_B36 = [b36(n) for n in range(36 ** 3)]     # every position and most document gaps, looked up


def _b36(n: int) -> str:
    return _B36[n] if 0 <= n < 46656 else b36(n)


def _deltas(values: list[int]) -> str:
    if len(values) == 1:
        return _b36(values[0])
    out, prev = [], 0
    for v in values:
        out.append(_b36(v - prev))
        prev = v
    return ",".join(out)


def encode_postings(postings: dict[int, tuple[list[int], list[int]]]) -> str:
    entries, prev = [], 0
    for doc in sorted(postings):
        text_pos, title_pos = postings[doc]
        entry = f"{b36(doc - prev)}:{_deltas(text_pos)}"
        if title_pos:
            entry += "|" + _deltas(title_pos)
        entries.append(entry)
        prev = doc
    return ";".join(entries)


class _Postings:
    """Encoded postings (encode_postings' format) of many keys, each document's entry appended as
    it comes: documents must come in increasing order. A key costs its encoded bytes and its last
    document, not lists per document (tens of millions of them at scale)."""

    def __init__(self):
        self.keys: dict = {}            # key -> [its last document, its encoded postings (bytearray)]

    def add_doc(self, doc: int, text: dict, title: dict) -> None:
        """One document's keys: key -> its positions in the text, in the section title."""
        heads = {key: "|" + _deltas(pos) for key, pos in title.items()} if title else None
        keys = self.keys
        get = keys.get
        table = _B36
        for key, pos in text.items():
            # the common case inline: one position (under 36 ** 3), a small gap since the last document
            entry = table[pos[0]] if len(pos) == 1 and pos[0] < 46656 else _deltas(pos)
            if heads and key in heads:
                entry += heads.pop(key)
            state = get(key)
            if state is None:
                keys[key] = [doc, bytearray(f"{_b36(doc)}:{entry}", "ascii")]
            else:
                gap = doc - state[0]
                state[1] += f";{table[gap] if gap < 46656 else b36(gap)}:{entry}".encode()
                state[0] = doc
        for key, entry in (heads or {}).items():
            state = get(key)
            if state is None:
                keys[key] = [doc, bytearray(f"{_b36(doc)}:{entry}", "ascii")]
            else:
                state[1] += f";{_b36(doc - state[0])}:{entry}".encode()
                state[0] = doc

    def encoded(self) -> dict:
        """key -> encoded postings (bytearray); the last documents are dropped."""
        out = {key: state[1] for key, state in self.keys.items()}
        self.keys = {}
        return out


def _decode_counts(encoded: bytes) -> tuple[list[int], list[int], list[bool]]:
    """Documents, occurrences in the text, in the title too, of one key's encoded postings."""
    docs, counts, titles = [], [], []
    doc = 0
    for entry in encoded.decode("ascii").split(";"):
        head, _, rest = entry.partition(":")
        doc += int(head, 36)
        text, bar, _ = rest.partition("|")
        docs.append(doc)
        counts.append(text.count(",") + 1 if text else 0)
        titles.append(bool(bar))
    return docs, counts, titles


def _dump(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _write(out_dir: Path, file_id: str, data) -> int:
    body = JSONP.format(id=json.dumps(file_id), data=_dump(data)).encode("utf-8")
    path = out_dir / f"{file_id}.js"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(body)
    return len(body)


_jieba = None


def _segmenter():
    global _jieba
    if _jieba is None:
        import jieba
        jieba.setLogLevel(logging.WARNING)
        jieba.initialize()
        _jieba = jieba
    return _jieba


class _Words:
    """Words (2+ ideographs) jieba finds in the normalised texts: the client's query dictionary.
    Each distinct run of ideographs is segmented once (jieba costs the most per character)."""

    def __init__(self):
        self.seen: set[str] = set()
        self.found: set[str] = set()

    def add(self, run: str) -> None:
        if run in self.seen:
            return
        self.seen.add(run)
        for w in _segmenter().cut(run):
            if len(w) >= 2 and all(is_cjk(c) for c in w):
                self.found.add(w)


def _split_url(url: str) -> tuple[str, str]:
    page, _, anchor = url.partition("#")
    return page, anchor


def _texts(doc: dict) -> tuple[str, str]:
    """A document's text and section title as indexed and shown."""
    return clean_display(doc.get("text") or ""), clean_display(doc.get("title") or "")


def _display_row(doc: dict, text: str, title: str, ri: int) -> list:
    page, anchor = _split_url(doc["url"])
    return [page, anchor, title, text, doc.get("kind") or "p", ri]


_ROW_JSON = json.JSONEncoder(ensure_ascii=False)     # json.dumps(row, ensure_ascii=False), made once


class _Reports:
    """Reports, year sets and their runs over the documents (the filters), report per document."""

    def __init__(self):
        self.reports: list[dict] = []
        self.index: dict[str, int] = {}
        self.yearsets: list[list[int]] = []
        self.yearset_index: dict[tuple, int] = {}
        self.runs: list[list[int]] = []          # [first doc, report index, yearset index]
        self.doc_report: list[int] = []

    def add(self, doc_id: int, doc: dict) -> int:
        rid = doc.get("report") or ""
        if rid not in self.index:
            self.index[rid] = len(self.reports)
            self.reports.append({"id": rid, "title": doc.get("report_title") or rid, "years": set()})
        ri = self.index[rid]
        self.doc_report.append(ri)
        years = sorted({int(y) for y in doc.get("years") or []})
        self.reports[ri]["years"].update(years)
        yk = tuple(years)
        if yk not in self.yearset_index:
            self.yearset_index[yk] = len(self.yearsets)
            self.yearsets.append(list(yk))
        yi = self.yearset_index[yk]
        if not self.runs or self.runs[-1][1] != ri or self.runs[-1][2] != yi:
            self.runs.append([doc_id, ri, yi])
        return ri


class _Corpus:
    """What one pass over the documents gathers: postings, words, characters, reports, row sizes."""

    def __init__(self, docs: list[dict]):
        postings = _Postings()
        words = _Words()
        normalize = Normalizer()
        self.reports = _Reports()
        self.row_bytes = 0              # of every display row (json), for the chunk size
        for doc_id, doc in enumerate(docs):
            text, title = _texts(doc)
            ts, hs = segments(normalize(text)), segments(normalize(title))
            postings.add_doc(doc_id, key_positions(ts), key_positions(hs))
            for run in ideograph_runs(ts) + ideograph_runs(hs):
                words.add(run)
            ri = self.reports.add(doc_id, doc)
            self.row_bytes += len(_ROW_JSON.encode(_display_row(doc, text, title, ri)).encode())
        self.encoded: dict = postings.encoded()
        self.words: set[str] = words.found
        self.chars: set[str] = normalize.output_chars()


@contextmanager
def _no_cycle_collection():
    """The build makes no reference cycles, only millions of objects that the cyclic collector
    would otherwise rescan (with the caller's documents) every few thousand allocations."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def build_index(docs: list[dict], out_dir: Path, lang: str, *,
                shard_bytes: int = SHARD_BYTES, chunk_bytes: int = CHUNK_BYTES,
                page_bytes: int = PAGE_BYTES) -> dict:
    """Write the index of one variant into out_dir; return its statistics.

    docs: dicts with url (relative to the variant root, with #anchor), text, title, report,
    report_title, years, kind; text and titles in the variant's script. Document order is the
    ranking's last tie-break (put what readers should see first, first).
    """
    out_dir = Path(out_dir)
    if out_dir.exists():
        for old in sorted(out_dir.glob("**/*.js")):
            old.unlink()
    out_dir.mkdir(parents=True, exist_ok=True)
    with _no_cycle_collection():
        return _build(docs, out_dir, lang, shard_bytes, chunk_bytes, page_bytes)


def _build(docs: list[dict], out_dir: Path, lang: str, shard_bytes: int, chunk_bytes: int, page_bytes: int) -> dict:
    corpus = _Corpus(docs)
    reports = corpus.reports
    encoded = corpus.encoded

    # --- postings shards and the common keys' pages ----------------------------------------
    common = sorted(k for k, v in encoded.items() if len(v) > page_bytes)
    pages = {k: max(1, math.ceil(len(encoded[k]) / page_bytes)) for k in common}
    # pages live apart from the shards, so common keys count for their small entry only
    total = sum(len(k.encode()) + (60 if k in pages else len(v)) + 6 for k, v in encoded.items())
    shards = max(1, math.ceil(total / shard_bytes))
    n_keys = len(encoded)
    page_sizes: list[int] = []
    entries = {}
    for number, key in enumerate(common):
        entries[key], d_size = _common_entry(out_dir, number, pages[key], encoded.pop(key), reports.doc_report,
                                             len(docs))
        page_sizes.append(d_size)
    shard_sizes = _write_shards(out_dir, shards, encoded, entries, corpus.words)
    page_sizes += _write_neighbour_pages(out_dir, docs, common, pages, page_bytes)

    # --- display chunks ------------------------------------------------------------------
    avg = corpus.row_bytes / max(1, len(docs))
    chunk = max(1, min(64, round(chunk_bytes / max(avg, 1))))
    chunk_sizes = [_write_chunk(out_dir, n, docs, chunk, reports)
                   for n in range(math.ceil(len(docs) / chunk))]

    # --- filters (loaded when a filter is used) -----------------------------------------------
    filters_size = _write(out_dir, "f", {
        "reports": [[r["id"], r["title"], sorted(r["years"])] for r in reports.reports],
        "yearsets": reports.yearsets,
        "runs": reports.runs,
    })

    # --- manifest ------------------------------------------------------------------------
    table = t2s_table()
    charmap = "".join(src + dst for src, dst in sorted(table.items()) if dst in corpus.chars)
    # report runs (first document, report number): one per report when documents are grouped
    # by report as docs_from_reports gives them; "ri" only when they are not
    doc_report = reports.doc_report
    rstarts = [d for d in range(len(doc_report)) if d == 0 or doc_report[d] != doc_report[d - 1]]
    rnumbers = [doc_report[d] for d in rstarts]
    manifest = {
        "v": FORMAT,
        "lang": lang,
        "docs": len(docs),
        "shards": shards,
        "chunk": chunk,
        "rs": _deltas(rstarts),
        **({} if rnumbers == list(range(len(rnumbers))) else {"ri": rnumbers}),
        "years": sorted({y for r in reports.reports for y in r["years"]}),
        "map": charmap,
    }
    manifest_size = _write(out_dir, "m", manifest)
    return {
        "lang": lang,
        "docs": len(docs),
        "keys": n_keys,
        "words": len(corpus.words),
        "shards": shards,
        "common": len(common),
        "pages": len(page_sizes),
        "chunks": len(chunk_sizes),
        "chunk_docs": chunk,
        "manifest_bytes": manifest_size,
        "filters_bytes": filters_size,
        "shard_bytes": sum(shard_sizes),
        "shard_max_bytes": max(shard_sizes),
        "page_bytes": sum(page_sizes),
        "chunk_bytes": sum(chunk_sizes),
        "bytes": manifest_size + filters_size + sum(shard_sizes) + sum(page_sizes) + sum(chunk_sizes),
        "files": 2 + shards + len(page_sizes) + len(chunk_sizes),
    }


def _common_entry(out_dir: Path, number: int, pages: int, encoded: bytes, doc_report: list[int],
                  n_docs: int) -> tuple[dict, int]:
    """A common key's shard entry; writes its text counts (p/<n>/d.js), whose size comes back too."""
    from .query import top_single_key       # the ranking itself (no import cycle at load time)
    docs, counts, titles = _decode_counts(encoded)
    size = _write(out_dir, f"p/{number}/d", _counts_vector(docs, counts, n_docs))
    text_docs = len(docs) - counts.count(0)
    top = top_single_key(docs, counts, titles, doc_report, TOP)
    return {"n": number, "P": pages, "c": [text_docs, len(docs) - text_docs], "t": _deltas(top)}, size


def _write_shards(out_dir: Path, shards: int, encoded: dict, entries: dict, words: set[str]) -> list[int]:
    """The postings shards: every key's postings (emptying `encoded`) or common entry, and the words."""
    keys_of: list[list[str]] = [[] for _ in range(shards)]
    for key in list(encoded) + list(entries):
        keys_of[fnv1a(key) % shards].append(key)
    by_bigram: dict[str, list[str]] = defaultdict(list)
    for w in words:
        by_bigram[w[:2]].append(w)
    words_of_shard: list[dict[str, str]] = [{} for _ in range(shards)]
    for bigram, ws in by_bigram.items():
        words_of_shard[fnv1a(bigram) % shards][bigram] = " ".join(sorted(ws))
    sizes = []
    for i in range(shards):
        k = {key: entries[key] if key in entries else encoded.pop(key).decode("ascii") for key in keys_of[i]}
        sizes.append(_write(out_dir, f"s/{i}", {"k": k, "w": words_of_shard[i]}))
    return sizes


def _write_neighbour_pages(out_dir: Path, docs: list[dict], common: list[str], pages: dict[str, int],
                           page_bytes: int) -> list[int]:
    """Every common key's neighbour pages (p/<n>/<a|b><i>.js), in batches of keys whose postings
    together stay under SPLIT_BYTES (each batch is a pass over the documents)."""
    numbers = {k: i for i, k in enumerate(common)}
    sizes: list[int] = []
    batch: list[str] = []
    budget = 0
    for key in common + [None]:
        if key is None or (batch and budget + pages[key] * page_bytes > SPLIT_BYTES):
            split = _neighbour_split(docs, set(batch))
            for k in batch:
                sizes += _write_pages(out_dir, numbers[k], pages[k], split.pop(k))
            batch, budget = [], 0
        if key is not None:
            batch.append(key)
            budget += pages[key] * page_bytes
    return sizes


def _write_pages(out_dir: Path, number: int, pages: int, sides: dict[str, dict[str, bytes]]) -> list[int]:
    sizes = []
    for side in "ab":
        buckets: list[dict[str, str]] = [{} for _ in range(pages)]
        for unit, encoded in sides[side].items():
            buckets[fnv1a(unit) % pages][unit] = encoded.decode("ascii")
        for i, bucket in enumerate(buckets):
            sizes.append(_write(out_dir, f"p/{number}/{side}{i}", bucket))
    return sizes


def _write_chunk(out_dir: Path, n: int, docs: list[dict], chunk: int, reports: _Reports) -> int:
    """Display chunk n: its documents' rows, their pages, titles and reports given once."""
    part = []
    for doc_id in range(n * chunk, min(len(docs), (n + 1) * chunk)):
        text, title = _texts(docs[doc_id])
        part.append(_display_row(docs[doc_id], text, title, reports.doc_report[doc_id]))
    pages = sorted({d[0] for d in part})
    titles = sorted({d[2] for d in part})
    rids = sorted({d[5] for d in part})
    rows = [[pages.index(d[0]), d[1], titles.index(d[2]), d[3], rids.index(d[5])] + ([d[4]] if d[4] != "p" else [])
            for d in part]
    rs = reports.reports
    return _write(out_dir, f"c/{n}", {"p": pages, "t": titles, "r": [[rs[r]["id"], rs[r]["title"]] for r in rids],
                                      "d": rows})


def _counts_vector(docs: list[int], counts: list[int], n_docs: int) -> dict[str, str]:
    """min(3, occurrences in the text) per document, whichever is shorter: {"v": 2 bits a document,
    4 to a byte, base64} or {"s": the documents that have it, "delta * 3 + count - 1" in base 36}."""
    packed = bytearray((n_docs + 3) // 4)
    sparse, prev = [], 0
    for doc, n in zip(docs, counts):
        if n:
            c = 3 if n > 3 else n
            packed[doc >> 2] |= c << ((doc & 3) * 2)
            sparse.append(_b36((doc - prev) * 3 + c - 1))
            prev = doc
    dense = base64.b64encode(bytes(packed)).decode("ascii")
    short = ",".join(sparse)
    return {"s": short} if len(short) < len(dense) else {"v": dense}


def _neighbour_split(docs: list[dict], common: set[str]) -> dict[str, dict[str, dict[str, bytes]]]:
    """For each common key: its postings split by the unit just before ("a") and just after ("b")
    each occurrence ("" at either end), encoded. Positions count units, separators take none, so
    a phrase's neighbour of a key is the text's neighbour unit wherever the phrase occurs."""
    split = _Postings()                      # keyed by (key, side, unit)
    normalize = Normalizer()
    for doc_id, doc in enumerate(docs):
        text, title = _texts(doc)
        split.add_doc(doc_id, _neighbours(segments(normalize(text)), common),
                      _neighbours(segments(normalize(title)), common))
    out: dict[str, dict[str, dict[str, bytes]]] = {k: {"a": {}, "b": {}} for k in common}
    for (key, side, unit), encoded in split.encoded().items():
        out[key][side][unit] = encoded
    return out


def _neighbours(segs: list[Segment], common: set[str]) -> dict[tuple[str, str, str], list[int]]:
    """(key, "a", unit before) and (key, "b", unit after) -> positions, of each occurrence of a
    common key."""
    found: dict[tuple[str, str, str], list[int]] = {}
    hits = positions_of(segs, common)
    us = unit_strings(segs) if hits else []
    n = len(us)
    for key, positions in hits.items():
        for pos in positions:
            end = pos + (1 if us[pos] == key else 2)       # a letter/digit run is one unit, a pair two
            for side_unit in ((key, "a", us[pos - 1] if pos else ""), (key, "b", us[end] if end < n else "")):
                at = found.get(side_unit)
                if at is None:
                    found[side_unit] = [pos]
                else:
                    at.append(pos)
    return found
