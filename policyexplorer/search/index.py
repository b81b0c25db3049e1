"""Build the static search index of a script variant (or of several variants of one corpus).

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
that is this key alone (query.rank order, so not ascending: doc ids in base 36, not deltas)}.

How it is built (memory stays near the size of the encoded postings, not of Python objects per
posting): one pass over the documents (scan.py cuts them into keys) appends each key occurrence
to its key's encoded postings, documents coming in increasing order; the keys whose postings end
up over page_bytes are the common ones, whose counts and first results are decoded from their
postings one key at a time; a second pass, over batches of common keys, appends each occurrence
of one to the postings of its neighbour pages the same way. build_indexes does this for script
variants of one corpus at once: a variant whose documents fold to the leader's normalised text
(Traditional converted from Simplified, except where s2tw writes 著 for 着 and the like) takes
the leader's postings, counts and pages of every key that no differing text touches, so it
works out only its "dirty" keys, its words of differing texts, its display chunks and files.
"""

from __future__ import annotations

import base64
import gc
import hashlib
import json
import logging
import math
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..cache import code_fingerprint, read_pickle, write_pickle
from .normalize import clean_display, fnv1a, is_cjk, t2s_table
from .scan import (Normalizer, Segment, around, bounded, ideograph_runs, key_positions, mixed_keys,
                   positions_of, segments, unit_strings)

FORMAT = 3                  # 3: "t" lists doc ids, not deltas (ranking order goes back and forth)
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


_TABLED = 36 ** 3                 # numbers under this (every position, most document gaps) are looked up
_B36 = [b36(n) for n in range(_TABLED)]
_B36_BYTES = [n.encode() for n in _B36]
_GAP_BYTES = [b";" + n + b":" for n in _B36_BYTES]      # an entry's head after the first
_GAP_BAR_BYTES = [b";" + n + b":|" for n in _B36_BYTES]  # ... when it has no text positions
_COMMA_BYTES = [b"," + n for n in _B36_BYTES]           # a position's after the first
_BAR_BYTES = [b"|" + n for n in _B36_BYTES]             # the first title position's


def _b36(n: int) -> str:
    return _B36[n] if 0 <= n < _TABLED else b36(n)


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
    it comes: documents must come in increasing order, a document's text before its title. A key
    costs its encoded bytes and a little state, not lists per document (tens of millions of them
    at scale)."""

    def __init__(self):
        # key -> [its last document, its encoded postings (bytearray), the last position written,
        #         the last document whose entry has title positions]
        self.keys: dict = {}
        self.title: dict = {}           # add_doc: the last title's positions and their encoded entries
        self.heads: dict[str, bytes] = {}

    def add_segments(self, doc: int, segs: list[Segment], title: bool) -> None:
        """Every key occurrence in a document's text (title False) or then its section title, in
        order. The common case inline: a pair of ideographs, numbers from the tables; the state
        changes are _append's."""
        keys = self.keys
        get = keys.get
        positions, commas, bars = _B36_BYTES, _COMMA_BYTES, _BAR_BYTES
        starts, colon = (_GAP_BAR_BYTES, b":|") if title else (_GAP_BYTES, b":")
        head = _b36(doc).encode() + colon
        mark = doc if title else -1
        for g, us in segs:
            if type(us) is not str or g + len(us) >= _TABLED:
                for key, pos in _keys_of(g, us):
                    _append(keys, key, doc, pos, title)
                continue
            for j in range(len(us) - 1):
                key = us[j:j + 2]
                pos = g + j
                state = get(key)
                if state is None:
                    keys[key] = [doc, bytearray(head + positions[pos]), pos, mark]
                elif state[0] != doc:
                    gap = doc - state[0]
                    encoded = state[1]
                    encoded += starts[gap] if gap < _TABLED else b";" + b36(gap).encode() + colon
                    encoded += positions[pos]
                    state[0], state[2], state[3] = doc, pos, mark
                elif not title or state[3] == doc:
                    state[1] += commas[pos - state[2]]
                    state[2] = pos
                else:
                    state[1] += bars[pos]
                    state[2], state[3] = pos, doc

    def add_doc(self, doc: int, text: dict, title: dict) -> None:
        """One document's keys at once: key -> its positions in the text, in the section title.
        The paragraphs of a section come one after another with the same title: pass the same dict."""
        if title is not self.title:
            self.title = title
            self.heads = {key: b"|" + _deltas(pos).encode() for key, pos in title.items()}
        heads = self.heads
        for key, pos in text.items():
            self.add_entry(key, doc, _deltas(pos).encode() + heads.get(key, b""))
        for key, entry in heads.items():
            if key not in text:
                self.add_entry(key, doc, entry)

    def add_entry(self, key, doc: int, entry: bytes) -> None:
        state = self.keys.get(key)
        if state is None:
            self.keys[key] = [doc, bytearray(_b36(doc).encode() + b":" + entry), -1, -1]
        else:
            gap = doc - state[0]
            state[1] += (_GAP_BYTES[gap] if gap < _TABLED else b";" + b36(gap).encode() + b":") + entry
            state[0] = doc

    def encoded(self) -> dict:
        """key -> encoded postings (bytearray); the rest of the state is dropped."""
        out = {key: state[1] for key, state in self.keys.items()}
        self.keys = {}
        return out


def _keys_of(g: int, us) -> Iterator[tuple[str, int]]:
    """(key, position) of a segment's keys, in order."""
    if type(us) is str:
        for j in range(len(us) - 1):
            yield us[j:j + 2], g + j
    else:
        for key, pos, _ in mixed_keys(g, us):
            yield key, pos


def _append(states: dict, key, doc: int, pos: int, title: bool) -> None:
    """One occurrence of a key into its encoded postings (states: key -> the state _Postings keeps)."""
    state = states.get(key)
    if state is None:
        states[key] = [doc, bytearray(f"{_b36(doc)}:{'|' if title else ''}{_b36(pos)}", "ascii"), pos,
                       doc if title else -1]
        return
    if state[0] != doc:
        state[1] += f";{_b36(doc - state[0])}:{'|' if title else ''}{_b36(pos)}".encode()
        state[0] = doc
        if title:
            state[3] = doc
    elif title and state[3] != doc:                 # the title part of this document's entry
        state[1] += f"|{_b36(pos)}".encode()
        state[3] = doc
    else:
        state[1] += f",{_b36(pos - state[2])}".encode()
    state[2] = pos


class _Split:
    """Some keys' postings split by the unit before ("a") and after ("b") each occurrence: the
    postings of neighbour pages, encoded as they come like _Postings' (documents in increasing
    order, a document's text before its title)."""

    def __init__(self):
        self.keys: dict[str, tuple[dict, dict]] = {}     # key -> ({unit before: state}, {unit after: state})

    def add_around(self, doc: int, segs: list[Segment], wanted: set[str], title: bool) -> None:
        """Every occurrence of the wanted keys in a document's text (title False) or then its
        title. The common case inline as in _Postings.add_segments."""
        keys = self.keys
        positions, commas, bars = _B36_BYTES, _COMMA_BYTES, _BAR_BYTES
        starts, colon = (_GAP_BAR_BYTES, b":|") if title else (_GAP_BYTES, b":")
        head = _b36(doc).encode() + colon
        mark = doc if title else -1
        for g, us, before, after in bounded(segs):
            if type(us) is not str or g + len(us) >= _TABLED:
                for key, pos, unit_before, unit_after in around(g, us, before, after, wanted):
                    sides = keys.get(key) or keys.setdefault(key, ({}, {}))
                    _append(sides[0], unit_before, doc, pos, title)
                    _append(sides[1], unit_after, doc, pos, title)
                continue
            end = len(us) - 2
            for j in range(end + 1):
                key = us[j:j + 2]
                if key not in wanted:
                    continue
                pos = g + j
                sides = keys.get(key) or keys.setdefault(key, ({}, {}))
                for states, unit in ((sides[0], us[j - 1] if j else before), (sides[1], us[j + 2] if j < end else after)):
                    state = states.get(unit)
                    if state is None:
                        states[unit] = [doc, bytearray(head + positions[pos]), pos, mark]
                    elif state[0] != doc:
                        gap = doc - state[0]
                        encoded = state[1]
                        encoded += starts[gap] if gap < _TABLED else b";" + b36(gap).encode() + colon
                        encoded += positions[pos]
                        state[0], state[2], state[3] = doc, pos, mark
                    elif not title or state[3] == doc:
                        state[1] += commas[pos - state[2]]
                        state[2] = pos
                    else:
                        state[1] += bars[pos]
                        state[2], state[3] = pos, doc

    def pop(self, key: str) -> dict[str, dict[str, bytes]]:
        """A key's pages' postings: {"a": {unit: encoded}, "b": {unit: encoded}}."""
        before, after = self.keys.pop(key, ({}, {}))
        return {"a": {u: st[1] for u, st in before.items()}, "b": {u: st[1] for u, st in after.items()}}


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


class _Output:
    """A variant's index folder. Files are written over the last build's and the last build's
    others removed at the end (the same files as clearing it first: on some file systems
    removing a file costs ten times writing one, and an index has tens of thousands)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.old = set(self.path.glob("**/*.js")) if self.path.exists() else set()
        self.new: set[Path] = set()
        self.dirs: set[Path] = set()

    def write(self, file_id: str, data) -> int:
        body = JSONP.format(id=json.dumps(file_id), data=_dump(data)).encode("utf-8")
        path = self.path / f"{file_id}.js"
        if path.parent not in self.dirs:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.dirs.add(path.parent)
        if path in self.old:
            # the last build's file may be a hard link into the published site (build.py): a new
            # file, never a write over that one
            path.unlink()
            self.old.discard(path)
        with open(path, "wb") as f:
            f.write(body)
        self.new.add(path)
        return len(body)

    def keep(self, names: list[str]) -> bool:
        """Keep these files of the last build (paths below the folder) as they are; False, keeping
        none, when one is missing."""
        paths = [self.path / name for name in names]
        if not all(path in self.old for path in paths):
            return False
        self.new.update(paths)
        return True

    def written(self) -> list[str]:
        return sorted(path.relative_to(self.path).as_posix() for path in self.new)

    def finish(self) -> None:
        for path in sorted(self.old - self.new):
            path.unlink()


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

    def add_all(self, runs: list[str]) -> None:
        for run in runs:
            if run in self.seen:
                continue
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


class _Variant:
    """One script variant being indexed: its documents and output, and what the passes gather."""

    def __init__(self, docs: list[dict], out_dir: Path, lang: str):
        self.docs, self.out, self.lang = docs, _Output(out_dir), lang
        self.normalize = Normalizer()
        self.reports = _Reports()
        self.row_bytes = 0              # of every display row (json), for the chunk size
        self.postings = _Postings()     # a follower's: its dirty keys' only
        self.words = _Words()           # see _read
        self.same = bytearray()         # a follower's: 1 where its normalised text and title are the leader's
        self.dirty: set[str] = set()    # a follower's: keys whose postings or neighbours differ from the leader's
        self.vocab: set[str] = set()
        self.encoded: dict = {}
        self.common: list[str] = []
        self.pages: dict[str, int] = {}
        self.numbers: dict[str, int] = {}
        self.shards = 1
        self.entries: dict[str, dict] = {}
        self.page_sizes: list[int] = []
        self.shard_sizes: list[int] = []
        self.n_keys = self.n_common = self.n_words = 0
        self.charmap = ""               # the t2s pairs whose result its normalised texts hold (manifest)
        self.stats: dict = {}

    def add_display(self, doc_id: int, doc: dict, text: str, title: str) -> None:
        ri = self.reports.add(doc_id, doc)
        self.row_bytes += len(_ROW_JSON.encode(_display_row(doc, text, title, ri)).encode())

    def follows(self, leader: _Variant) -> bool:
        """The same documents, in the same order and reports, as the leader's (in another script)."""
        return len(self.docs) == len(leader.docs) and all(
            (a.get("report") or "") == (b.get("report") or "") for a, b in zip(self.docs, leader.docs))

    def shares(self, key: str) -> bool:
        """The key's postings and neighbours are the leader's (always true of the leader)."""
        return key not in self.dirty


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
    return build_indexes([(docs, out_dir, lang)], shard_bytes=shard_bytes, chunk_bytes=chunk_bytes,
                         page_bytes=page_bytes)[0]


def build_indexes(variants: list[tuple[list[dict], Path, str]], *,
                  shard_bytes: int = SHARD_BYTES, chunk_bytes: int = CHUNK_BYTES,
                  page_bytes: int = PAGE_BYTES, state: Path | None = None) -> list[dict]:
    """build_index for each (docs, out_dir, lang), the same files, with the work shared: script
    variants of one corpus (the same documents in another script, e.g. Traditional converted from
    Simplified) fold to the same normalised text almost everywhere, so the first variant's postings
    and neighbour pages serve the others for every key that no differing text touches.

    state: a file (outside the indexes) where what the postings were made of is kept. When the
    documents' texts, section titles and reports are those of the last build there, its postings
    files (shards and pages, most of the work and of the bytes) are kept as they are, and only
    the display chunks, filters and manifest are written again: a report's new title or years."""
    vs = [_Variant(docs, out_dir, lang) for docs, out_dir, lang in variants]
    groups: list[list[_Variant]] = []
    for v in vs:
        group = next((g for g in groups if v.follows(g[0])), None)
        if group:
            group.append(v)
        else:
            groups.append([v])
    key = _postings_key(vs, shard_bytes, page_bytes) if state else ""
    with _no_cycle_collection():
        if not _reuse(vs, state, key):
            if state:
                Path(state).unlink(missing_ok=True)     # written back once the postings are complete
            for group in groups:
                _build(group[0], group[1:], shard_bytes, page_bytes)
            if state:
                _save(vs, Path(state), key)
        for v in vs:
            v.stats = _write_rest(v, chunk_bytes)
    for v in vs:
        v.out.finish()
    return [v.stats for v in vs]


# What a variant's postings leave for its display files and statistics (kept in `state`).
_KEPT = ("shards", "n_keys", "n_common", "n_words", "shard_sizes", "page_sizes", "charmap")


def _postings_key(vs: list[_Variant], shard_bytes: int, page_bytes: int) -> str:
    """Everything the postings files are made of: the search code, OpenCC (the t2s table), the
    sizes, and each variant's folder, language and documents' texts, section titles and reports."""
    from importlib.metadata import version

    h = hashlib.sha256()
    for part in (code_fingerprint("search"), version("opencc"), str(FORMAT), str(shard_bytes), str(page_bytes)):
        h.update(part.encode("utf-8") + b"\0")
    for v in vs:
        h.update(f"{v.out.path}\0{v.lang}\0{len(v.docs)}\0".encode("utf-8"))
        for doc in v.docs:
            for field in (doc.get("text") or "", doc.get("title") or "", doc.get("report") or ""):
                data = field.encode("utf-8")
                h.update(len(data).to_bytes(8, "big"))
                h.update(data)
    return h.hexdigest()


def _reuse(vs: list[_Variant], state: Path | None, key: str) -> bool:
    """The last build's postings, when `state` says they were made of the same (key) and every
    file of them is still there; then only the display pass runs."""
    if not state:
        return False
    saved = read_pickle(state)
    if not isinstance(saved, dict) or saved.get("key") != key or len(saved.get("variants") or ()) != len(vs):
        return False
    if not all(v.out.keep(kept["files"]) for v, kept in zip(vs, saved["variants"])):
        for v in vs:
            v.out.new.clear()
        return False
    for v, kept in zip(vs, saved["variants"]):
        for name in _KEPT:
            setattr(v, name, kept[name])
        for doc_id, doc in enumerate(v.docs):
            v.add_display(doc_id, doc, *_texts(doc))
    return True


def _save(vs: list[_Variant], state: Path, key: str) -> None:
    variants = [{"files": v.out.written(), **{name: getattr(v, name) for name in _KEPT}} for v in vs]
    write_pickle(state, {"key": key, "variants": variants})


def _build(leader: _Variant, followers: list[_Variant], shard_bytes: int, page_bytes: int) -> None:
    """The postings files of a leader and its followers (shards and pages), and what the display
    files need of them."""
    everyone = [leader] + followers
    _compare(leader, followers)
    _read(leader, followers)
    for v in everyone:
        v.encoded = leader.encoded if v is leader else {
            **{k: e for k, e in leader.encoded.items() if k not in v.dirty}, **v.postings.encoded()}
        v.common = sorted(k for k, e in v.encoded.items() if len(e) > page_bytes)
        v.pages = {k: max(1, math.ceil(len(v.encoded[k]) / page_bytes)) for k in v.common}
        v.numbers = {k: i for i, k in enumerate(v.common)}
        # pages live apart from the shards, so common keys count for their small entry only
        total = sum(len(k.encode()) + (60 if k in v.pages else len(e)) + 6 for k, e in v.encoded.items())
        v.shards = max(1, math.ceil(total / shard_bytes))
    _write_common_entries(leader, followers)
    for v in everyone:
        v.shard_sizes = _write_shards(v.out, v.shards, v.encoded, v.entries, v.vocab)
        v.n_keys, v.n_common, v.n_words = len(v.encoded), len(v.common), len(v.vocab)
        v.encoded = {}
    _write_neighbour_pages(leader, followers, page_bytes)
    for v in everyone:
        chars = v.normalize.output_chars()
        v.charmap = "".join(src + dst for src, dst in sorted(t2s_table().items()) if dst in chars)
        v.postings, v.entries, v.vocab = _Postings(), {}, set()     # written: let them go


def _compare(leader: _Variant, followers: list[_Variant]) -> None:
    """Pass 0, with followers only: where each one's normalised texts differ from the leader's, and
    the keys that differ there (see _dirty_keys). Gathers the followers' display sizes and reports."""
    if not followers:
        return
    for doc_id, doc in enumerate(leader.docs):
        mine = [leader.normalize(t) for t in _texts(doc)]
        for f in followers:
            fdoc = f.docs[doc_id]
            text, title = _texts(fdoc)
            f.add_display(doc_id, fdoc, text, title)
            theirs = [f.normalize(text), f.normalize(title)]
            f.same.append(theirs == mine)
            for a, b in zip(mine, theirs):
                if a != b:
                    f.dirty |= _dirty_keys(segments(a), segments(b))


def _dirty_keys(mine: list[Segment], theirs: list[Segment]) -> set[str]:
    """Keys of one text whose positions differ between two versions, or that have a different unit
    next to them (a neighbour page); every key when the units do not line up."""
    a, b = key_positions(mine), key_positions(theirs)
    ua, ub = unit_strings(mine), unit_strings(theirs)
    if len(ua) != len(ub):
        return set(a) | set(b)
    dirty = {k for k in a.keys() | b.keys() if a.get(k) != b.get(k)}
    changed = {i for i, (x, y) in enumerate(zip(ua, ub)) if x != y}
    for key, positions in a.items():
        if key not in dirty and any(p - 1 in changed or p + (1 if ua[p] == key else 2) in changed for p in positions):
            dirty.add(key)
    return dirty


def _read(leader: _Variant, followers: list[_Variant]) -> None:
    """Pass 1: postings, words, characters, the leader's reports and display sizes. A follower adds
    postings of its dirty keys only: the leader's where its text is the leader's, else its own.
    Words: those of documents that every variant writes alike are segmented once (`shared`); a
    variant's own `words` hold those of the others."""
    shared = _Words()
    last_title, hs, title_runs, dirty_in_title = None, [], [], {}
    for doc_id, doc in enumerate(leader.docs):
        text, title = _texts(doc)
        ts = segments(leader.normalize(text))
        if title != last_title:              # a section's paragraphs share their title
            hs = segments(leader.normalize(title))
            last_title, title_runs = title, ideograph_runs(hs)
            dirty_in_title = {f: positions_of(hs, f.dirty) for f in followers}
        leader.postings.add_segments(doc_id, ts, False)
        leader.postings.add_segments(doc_id, hs, True)
        leader.add_display(doc_id, doc, text, title)
        runs = ideograph_runs(ts) + title_runs
        alike = all(f.same[doc_id] for f in followers)
        for f in followers:
            if f.same[doc_id]:
                if f.dirty:
                    f.postings.add_doc(doc_id, positions_of(ts, f.dirty), dirty_in_title[f])
                if not alike:
                    f.words.add_all(runs)
                continue
            text_f, title_f = _texts(f.docs[doc_id])
            fts, fhs = segments(f.normalize(text_f)), segments(f.normalize(title_f))
            f.postings.add_doc(doc_id, positions_of(fts, f.dirty), positions_of(fhs, f.dirty))
            f.words.add_all(ideograph_runs(fts) + ideograph_runs(fhs))
        (shared if alike else leader.words).add_all(runs)
    leader.encoded = leader.postings.encoded()
    for v in [leader] + followers:
        v.vocab = v.words.found | shared.found
        v.words = _Words()


def _write_common_entries(leader: _Variant, followers: list[_Variant]) -> None:
    """Every common key's shard entry and text counts (p/<n>/d.js), computed once for the variants
    that share the key's postings."""
    for key in leader.common:
        _common_entry(key, leader.encoded[key], [v for v in [leader] + followers if v.shares(key)])
    for f in followers:
        for key in f.common:
            if not f.shares(key):
                _common_entry(key, f.encoded[key], [f])


def _common_entry(key: str, encoded: bytes, variants: list[_Variant]) -> None:
    from .query import top_single_key       # the ranking itself (no import cycle at load time)
    first = variants[0]
    docs, counts, titles = _decode_counts(encoded)
    vector = _counts_vector(docs, counts, len(first.docs))
    text_docs = len(docs) - counts.count(0)
    top = ",".join(b36(d) for d in top_single_key(docs, counts, titles, first.reports.doc_report, TOP))
    for v in variants:
        number = v.numbers[key]
        v.page_sizes.append(v.out.write(f"p/{number}/d", vector))
        v.entries[key] = {"n": number, "P": v.pages[key], "c": [text_docs, len(docs) - text_docs], "t": top}


def _write_shards(out: _Output, shards: int, encoded: dict, entries: dict, words: set[str]) -> list[int]:
    """The postings shards: every key's postings or common entry, and the words."""
    keys_of: list[list[str]] = [[] for _ in range(shards)]
    for key in encoded:
        keys_of[fnv1a(key) % shards].append(key)
    by_bigram: dict[str, list[str]] = defaultdict(list)
    for w in words:
        by_bigram[w[:2]].append(w)
    words_of_shard: list[dict[str, str]] = [{} for _ in range(shards)]
    for bigram, ws in by_bigram.items():
        words_of_shard[fnv1a(bigram) % shards][bigram] = " ".join(sorted(ws))
    sizes = []
    for i in range(shards):
        k = {key: entries[key] if key in entries else encoded[key].decode("ascii") for key in keys_of[i]}
        sizes.append(out.write(f"s/{i}", {"k": k, "w": words_of_shard[i]}))
    return sizes


def _write_neighbour_pages(leader: _Variant, followers: list[_Variant], page_bytes: int) -> None:
    """Every common key's neighbour pages (p/<n>/<a|b><i>.js), in batches of the leader's common
    keys whose postings together stay under SPLIT_BYTES (each batch is a pass over the documents);
    the followers' own common keys (few) come with the first batch."""
    own = {f: {k for k in f.common if not f.shares(k)} for f in followers}
    batch: list[str] = []
    budget = 0
    first = True
    for key in leader.common + [None]:
        if key is None or (batch and budget + leader.pages[key] * page_bytes > SPLIT_BYTES):
            wanted = {f: own[f] if first else set() for f in followers}
            if not batch and not any(wanted.values()):
                break
            split, theirs = _neighbour_split(leader, followers, set(batch), wanted)
            for k in batch:
                sides = split.pop(k)
                for v in [leader] + followers:
                    if v.shares(k):
                        v.page_sizes += _write_pages(v.out, v.numbers[k], v.pages[k], sides)
            for f, keys in wanted.items():
                for k in keys:
                    f.page_sizes += _write_pages(f.out, f.numbers[k], f.pages[k], theirs[f].pop(k))
            batch, budget, first = [], 0, False
        if key is not None:
            batch.append(key)
            budget += leader.pages[key] * page_bytes


def _neighbour_split(leader: _Variant, followers: list[_Variant], batch: set[str],
                     wanted: dict[_Variant, set[str]]) -> tuple[_Split, dict[_Variant, _Split]]:
    """Pass 2: for each key of the batch (the leader's) and of wanted[follower] (its own): its
    postings split by the unit just before ("a") and just after ("b") each occurrence ("" at
    either end), encoded. Positions count units, separators take none, so a phrase's neighbour
    of a key is the text's neighbour unit wherever the phrase occurs."""
    split = _Split()
    theirs = {f: _Split() for f, keys in wanted.items() if keys}
    last_title, hs = None, []
    for doc_id, doc in enumerate(leader.docs):
        text, title = _texts(doc)
        ts = segments(leader.normalize(text))
        if title != last_title:              # a section's paragraphs share their title
            last_title, hs = title, segments(leader.normalize(title))
        split.add_around(doc_id, ts, batch, False)
        split.add_around(doc_id, hs, batch, True)
        for f, their in theirs.items():
            fts, fhs = ts, hs
            if not f.same[doc_id]:
                fts, fhs = (segments(f.normalize(t)) for t in _texts(f.docs[doc_id]))
            their.add_around(doc_id, fts, wanted[f], False)
            their.add_around(doc_id, fhs, wanted[f], True)
    return split, theirs


def _write_rest(v: _Variant, chunk_bytes: int) -> dict:
    """Display chunks, filters and manifest; the variant's statistics."""
    docs, reports = v.docs, v.reports
    avg = v.row_bytes / max(1, len(docs))
    chunk = max(1, min(64, round(chunk_bytes / max(avg, 1))))
    chunk_sizes = [_write_chunk(v.out, n, docs, chunk, reports) for n in range(math.ceil(len(docs) / chunk))]

    # --- filters (loaded when a filter is used) -----------------------------------------------
    filters_size = v.out.write("f", {
        "reports": [[r["id"], r["title"], sorted(r["years"])] for r in reports.reports],
        "yearsets": reports.yearsets,
        "runs": reports.runs,
    })

    # --- manifest ------------------------------------------------------------------------
    # report runs (first document, report number): one per report when documents are grouped
    # by report as docs_from_reports gives them; "ri" only when they are not
    doc_report = reports.doc_report
    rstarts = [d for d in range(len(doc_report)) if d == 0 or doc_report[d] != doc_report[d - 1]]
    rnumbers = [doc_report[d] for d in rstarts]
    manifest = {
        "v": FORMAT,
        "lang": v.lang,
        "docs": len(docs),
        "shards": v.shards,
        "chunk": chunk,
        "rs": _deltas(rstarts),
        **({} if rnumbers == list(range(len(rnumbers))) else {"ri": rnumbers}),
        "years": sorted({y for r in reports.reports for y in r["years"]}),
        "map": v.charmap,
    }
    manifest_size = v.out.write("m", manifest)
    page_sizes, shard_sizes = v.page_sizes, v.shard_sizes
    return {
        "lang": v.lang,
        "docs": len(docs),
        "keys": v.n_keys,
        "words": v.n_words,
        "shards": v.shards,
        "common": v.n_common,
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
        "files": 2 + v.shards + len(page_sizes) + len(chunk_sizes),
    }


def _write_pages(out: _Output, number: int, pages: int, sides: dict[str, dict[str, bytes]]) -> list[int]:
    sizes = []
    for side in "ab":
        buckets: list[dict[str, str]] = [{} for _ in range(pages)]
        for unit, encoded in sides[side].items():
            buckets[fnv1a(unit) % pages][unit] = encoded.decode("ascii")
        for i, bucket in enumerate(buckets):
            sizes.append(out.write(f"p/{number}/{side}{i}", bucket))
    return sizes


def _write_chunk(out: _Output, n: int, docs: list[dict], chunk: int, reports: _Reports) -> int:
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
    return out.write(f"c/{n}", {"p": pages, "t": titles, "r": [[rs[r]["id"], rs[r]["title"]] for r in rids],
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


def share_postings(leader_dir: Path, follower_dir: Path, up: str) -> int:
    """In a published site: a follower's postings files (shards s/, neighbour pages p/) that are
    byte for byte the leader's are removed from the follower's folder, and its manifest names
    the leader's folder (`same`, relative to the follower's) and the files it keeps of its own
    (`own`): search.js and query.Index read the rest there. The Traditional index differs from
    the Simplified one only where its normalised text does (build_indexes), so most postings
    were a second copy. The folders hold files of their own (build.py publishes hard links:
    this unlinks, never writes into a linked file). Returns the bytes saved."""
    from .query import read_jsonp

    leader_dir, follower_dir = Path(leader_dir), Path(follower_dir)
    own, saved = [], 0
    for sub in ("s", "p"):
        for path in sorted((follower_dir / sub).rglob("*.js")) if (follower_dir / sub).exists() else []:
            name = path.relative_to(follower_dir).as_posix()
            twin = leader_dir / name
            if twin.exists() and twin.stat().st_size == path.stat().st_size and twin.read_bytes() == path.read_bytes():
                saved += path.stat().st_size
                path.unlink()
            else:
                own.append(name[:-3])
    manifest = follower_dir / "m.js"
    file_id, data, _ = read_jsonp(manifest)
    data.update(same=up, own=sorted(own))
    manifest.unlink()
    manifest.write_bytes(JSONP.format(id=json.dumps(file_id), data=_dump(data)).encode("utf-8"))
    return saved
