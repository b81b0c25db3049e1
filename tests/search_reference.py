"""The search index as index.py wrote it before it streamed its postings: every posting held as
Python lists, the common keys' neighbours found by a second tokenisation with normalize.units.
Slow and large at scale, but plain: tests/test_search_index_stream.py checks that build_index
writes exactly the same files."""
from __future__ import annotations

import base64
import json
import logging
import math
from collections import defaultdict
from pathlib import Path

from policyexplorer.search.normalize import Unit, clean_display, fnv1a, is_cjk, keys, norm_char, t2s_table, units

FORMAT = 3
SHARD_BYTES = 4 * 1024      # target size of a postings shard (bench: 16 KiB shards cost 30-80% more per query)
CHUNK_BYTES = 1536          # target size of a display chunk: a first page of 20 results from 20 reports
                            # loads 20 chunks (bench: 4 KiB chunks were half of a first query's bytes)
PAGE_BYTES = 4 * 1024       # postings longer than this are split into neighbour pages
TOP = 20                    # results precomputed for a common key queried alone (search.js PAGE)
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


def _deltas(values: list[int]) -> str:
    out, prev = [], 0
    for v in values:
        out.append(b36(v - prev))
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


def words_of(norm_texts: set[str]) -> set[str]:
    """Words (2+ ideographs) jieba finds in the normalised texts: the client's query dictionary."""
    jieba = _segmenter()
    found: set[str] = set()
    for text in sorted(norm_texts):
        for w in jieba.cut(text):
            if len(w) >= 2 and all(is_cjk(c) for c in w):
                found.add(w)
    return found


def _split_url(url: str) -> tuple[str, str]:
    page, _, anchor = url.partition("#")
    return page, anchor


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

    postings: dict[str, dict[int, tuple[list[int], list[int]]]] = defaultdict(dict)
    texts_for_words: set[str] = set()
    corpus_chars: set[str] = set()
    reports: list[dict] = []
    report_index: dict[str, int] = {}
    yearsets: list[list[int]] = []
    yearset_index: dict[tuple, int] = {}
    runs: list[list[int]] = []          # [first doc, report index, yearset index]
    display: list[list] = []
    doc_report: list[int] = []

    for doc_id, doc in enumerate(docs):
        text = clean_display(doc.get("text") or "")
        title = clean_display(doc.get("title") or "")
        for ch in set(text + title):
            corpus_chars.update(norm_char(ch))
        tu, hu = units(text), units(title)
        for key, pos in keys(tu):
            postings[key].setdefault(doc_id, ([], []))[0].append(pos)
        for key, pos in keys(hu):
            postings[key].setdefault(doc_id, ([], []))[1].append(pos)
        for seq in (tu, hu):
            run = []
            for u in seq:
                if u.cjk and (u.adj or not run):
                    run.append(u.s)
                else:
                    if len(run) > 1:
                        texts_for_words.add("".join(run))
                    run = [u.s] if u.cjk else []
            if len(run) > 1:
                texts_for_words.add("".join(run))

        rid = doc.get("report") or ""
        if rid not in report_index:
            report_index[rid] = len(reports)
            reports.append({"id": rid, "title": doc.get("report_title") or rid, "years": set()})
        ri = report_index[rid]
        doc_report.append(ri)
        years = sorted({int(y) for y in doc.get("years") or []})
        reports[ri]["years"].update(years)
        yk = tuple(years)
        if yk not in yearset_index:
            yearset_index[yk] = len(yearsets)
            yearsets.append(list(yk))
        yi = yearset_index[yk]
        if not runs or runs[-1][1] != ri or runs[-1][2] != yi:
            runs.append([doc_id, ri, yi])
        page, anchor = _split_url(doc["url"])
        display.append([page, anchor, title, text, doc.get("kind") or "p", ri])

    # --- postings shards ---------------------------------------------------------------
    encoded = {key: encode_postings(p) for key, p in postings.items()}
    common = sorted(k for k, v in encoded.items() if len(v.encode()) > page_bytes)
    # pages live apart from the shards, so common keys count for their small entry only
    common_set = set(common)
    total = sum(len(k.encode()) + (60 if k in common_set else len(v.encode())) + 6 for k, v in encoded.items())
    shards = max(1, math.ceil(total / shard_bytes))
    vocab = words_of(texts_for_words)
    by_bigram: dict[str, list[str]] = defaultdict(list)
    for w in vocab:
        by_bigram[w[:2]].append(w)
    shard_data = [{"k": {}, "w": {}} for _ in range(shards)]
    page_sizes: list[int] = []
    split = _neighbour_split(docs, common_set) if common else {}
    for key, value in encoded.items():
        if key in common_set:
            number = common.index(key)
            pages = max(1, math.ceil(len(value.encode()) / page_bytes))
            for side in "ab":
                buckets: list[dict[str, str]] = [{} for _ in range(pages)]
                for unit, plist in split[key][side].items():
                    buckets[fnv1a(unit) % pages][unit] = encode_postings(plist)
                for i, bucket in enumerate(buckets):
                    page_sizes.append(_write(out_dir, f"p/{number}/{side}{i}", bucket))
            plist = postings[key]
            page_sizes.append(_write(out_dir, f"p/{number}/d", _counts_vector(plist, len(docs))))
            text_docs = sum(1 for tp, _ in plist.values() if tp)
            top = _rank_single_key(plist, doc_report)[:TOP]
            value = {"n": number, "P": pages, "c": [text_docs, len(plist) - text_docs], "t": ",".join(b36(d) for d in top)}
        shard_data[fnv1a(key) % shards]["k"][key] = value
    for bigram, ws in by_bigram.items():
        shard_data[fnv1a(bigram) % shards]["w"][bigram] = " ".join(sorted(ws))
    shard_sizes = [_write(out_dir, f"s/{i}", data) for i, data in enumerate(shard_data)]

    # --- display chunks ------------------------------------------------------------------
    avg = sum(len(json.dumps(d, ensure_ascii=False).encode()) for d in display) / max(1, len(display))
    chunk = max(1, min(64, round(chunk_bytes / max(avg, 1))))
    chunk_sizes = []
    for n in range(math.ceil(len(display) / chunk)):
        part = display[n * chunk:(n + 1) * chunk]
        pages = sorted({d[0] for d in part})
        titles = sorted({d[2] for d in part})
        rids = sorted({d[5] for d in part})
        rows = [[pages.index(d[0]), d[1], titles.index(d[2]), d[3], rids.index(d[5])] + ([d[4]] if d[4] != "p" else [])
                for d in part]
        chunk_sizes.append(_write(out_dir, f"c/{n}", {"p": pages, "t": titles, "r": [[reports[r]["id"], reports[r]["title"]] for r in rids],
                                                      "d": rows}))

    # --- filters (loaded when a filter is used) -----------------------------------------------
    filters_size = _write(out_dir, "f", {
        "reports": [[r["id"], r["title"], sorted(r["years"])] for r in reports],
        "yearsets": yearsets,
        "runs": runs,
    })

    # --- manifest ------------------------------------------------------------------------
    table = t2s_table()
    charmap = "".join(src + dst for src, dst in sorted(table.items()) if dst in corpus_chars)
    # report runs (first document, report number): one per report when documents are grouped
    # by report as docs_from_reports gives them; "ri" only when they are not
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
        "years": sorted({y for r in reports for y in r["years"]}),
        "map": charmap,
    }
    manifest_size = _write(out_dir, "m", manifest)
    return {
        "lang": lang,
        "docs": len(docs),
        "keys": len(encoded),
        "words": len(vocab),
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


def _counts_vector(plist: dict[int, tuple[list[int], list[int]]], n_docs: int) -> dict[str, str]:
    """min(3, occurrences in the text) per document, whichever is shorter: {"v": 2 bits a document,
    4 to a byte, base64} or {"s": the documents that have it, "delta * 3 + count - 1" in base 36}."""
    packed = bytearray((n_docs + 3) // 4)
    sparse, prev = [], 0
    for doc in sorted(plist):
        tp = plist[doc][0]
        if tp:
            packed[doc >> 2] |= min(3, len(tp)) << ((doc & 3) * 2)
            sparse.append(b36((doc - prev) * 3 + min(3, len(tp)) - 1))
            prev = doc
    dense = base64.b64encode(bytes(packed)).decode("ascii")
    short = ",".join(sparse)
    return {"s": short} if len(short) < len(dense) else {"v": dense}


def _span(key: str, us: list[Unit], pos: int) -> int:
    """Units a key covers at pos: a letter/digit run is one unit, a pair two."""
    return 1 if us[pos].s == key else 2


def _neighbour_split(docs: list[dict], common: set[str]) -> dict[str, dict[str, dict]]:
    """For each common key: its postings split by the unit just before ("a") and just after ("b")
    each occurrence ("" at either end). Positions count units, separators take none, so a
    phrase's neighbour of a key is the text's neighbour unit wherever the phrase occurs."""
    out: dict[str, dict[str, dict]] = {k: {"a": defaultdict(dict), "b": defaultdict(dict)} for k in common}
    for doc_id, doc in enumerate(docs):
        for slot, raw in ((0, doc.get("text") or ""), (1, doc.get("title") or "")):
            us = units(clean_display(raw))
            for key, pos in keys(us):
                if key not in common:
                    continue
                end = pos + _span(key, us, pos)
                before = us[pos - 1].s if pos else ""
                after = us[end].s if end < len(us) else ""
                for side, unit in (("a", before), ("b", after)):
                    entry = out[key][side][unit].setdefault(doc_id, ([], []))
                    entry[slot].append(pos)
    return out


def _rank_single_key(plist: dict[int, tuple[list[int], list[int]]], doc_report: list[int]) -> list[int]:
    """Documents in the order search() gives the query made of this one key."""
    from policyexplorer.search.query import rank
    scored = {doc: ((1, (-int(bool(hp)), -len(tp))) if tp else (2, (-1, 0))) for doc, (tp, hp) in plist.items()}

    class _Reports:
        @staticmethod
        def report_number(doc):
            return doc_report[doc]
    return [doc for doc, _, _ in rank(_Reports, scored, lambda d: True)]
