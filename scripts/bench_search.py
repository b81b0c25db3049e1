#!/usr/bin/env python3
"""Benchmark the static search index: size on disk and bytes a first query fetches.

    .venv/bin/python scripts/bench_search.py [--scale 20] [--shard-bytes N] [--chunk-bytes N] [--hant]

Corpus: policyexplorer.corpus.load_corpus(data/) when it exists, else data/reports/*/source.txt
cut at blank lines. The large corpus is the seed replicated --scale times with other report ids,
other numbers in the text and shifted years, so postings grow as they would with more reports.

"First query" = what a fresh page loads to show the first 20 results: search.js + search.css, the
manifest, the postings shards of the query's keys, the display chunks of the 20 results.
Sizes are raw bytes and gzip -6 (GitHub Pages serves .js/.css gzipped).
"""
from __future__ import annotations

import argparse
import gzip
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from policyexplorer.search import build_index, docs_from_reports  # noqa: E402
from policyexplorer.search.query import Index, search  # noqa: E402

QUERIES = ["光谷科学岛", "城镇新增就业", "技术合同成交额", "技術合同成交額", "昙华林", "地铁", "SKP", "5G",
           "PM2.5", "就业", "发展", "推动高质量发展取得新成效"]
ASSETS = ROOT / "docs" / "assets" / "search"


def seed_docs(hant: bool = False) -> list[dict]:
    convert = None
    if hant:
        from policyexplorer.convert import Converter, load_overrides
        convert = Converter(load_overrides(ROOT / "data" / "s2t_overrides.yml")).to_hant
    try:
        from policyexplorer.corpus import load_corpus
    except ImportError:
        load_corpus = None
    if load_corpus is not None:
        return docs_from_reports(load_corpus(ROOT / "data"), convert)
    docs = []                                            # stand-in until the parser lands
    for folder in sorted((ROOT / "data" / "reports").iterdir()):
        text = (folder / "source.txt").read_text(encoding="utf-8")
        for n, para in enumerate(p.strip() for p in re.split(r"\n\s*\n", text)):
            if para:
                para = convert(para) if convert else para
                docs.append({"url": f"reports/{folder.name}/#p{n}", "text": para, "title": "",
                             "report": folder.name, "report_title": folder.name, "years": [], "kind": "p"})
    return docs


def scaled(docs: list[dict], scale: int) -> list[dict]:
    out = []
    for k in range(scale):
        for d in docs:
            d = dict(d)
            if k:
                rid = f"{d['report']}-x{k:02d}"
                d["url"] = d["url"].replace(f"reports/{d['report']}/", f"reports/{rid}/", 1)
                d["report"], d["report_title"] = rid, f"{d['report_title']}（副本{k}）"
                d["text"] = re.sub(r"\d+", lambda m: str(int(m.group()) + 7 * k), d["text"])
                d["years"] = [y - k for y in d["years"]]
            out.append(d)
    return out


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 6, mtime=0))


def tree_sizes(path: Path) -> tuple[int, int, int]:
    files = sorted(path.rglob("*.js"))
    return len(files), sum(f.stat().st_size for f in files), sum(gz(f.read_bytes()) for f in files)


def first_query(out: Path, query: str) -> dict:
    ix = Index(out)
    t = time.perf_counter()
    answer = search(ix, query, limit=20)
    ms = (time.perf_counter() - t) * 1000
    files = [ASSETS / "search.js", ASSETS / "search.css"] + [out / f"{fid}.js" for fid in answer.loaded]
    raw = sum(f.stat().st_size for f in files)
    packed = sum(gz(f.read_bytes()) for f in files)
    return {"query": query, "results": len(answer.results), "tiers": [len(answer.tier(i)) for i in (1, 2, 3)],
            "files": len(files), "shards": sum(1 for f in answer.loaded if f.startswith("s/")),
            "chunks": sum(1 for f in answer.loaded if f.startswith("c/")),
            "raw": raw, "gzip": packed, "ms": ms}


def bench(name: str, docs: list[dict], lang: str, args) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "idx"
        t = time.perf_counter()
        stats = build_index(docs, out, lang, shard_bytes=args.shard_bytes, chunk_bytes=args.chunk_bytes)
        build_s = time.perf_counter() - t
        n, raw, packed = tree_sizes(out)
        print(f"\n== {name}: {stats['docs']} docs, {lang}, built in {build_s:.1f}s")
        print(f"   index {raw / 1024:.0f} KiB raw, {packed / 1024:.0f} KiB gzip, {n} files: "
              f"manifest {stats['manifest_bytes'] / 1024:.1f} KiB, {stats['shards']} shards "
              f"({stats['shard_bytes'] / 1024:.0f} KiB, largest {stats['shard_max_bytes'] / 1024:.1f} KiB), "
              f"{stats['chunks']} chunks of {stats['chunk_docs']} docs ({stats['chunk_bytes'] / 1024:.0f} KiB); "
              f"{stats['keys']} keys, {stats['words']} words")
        assets = sum((ASSETS / f).stat().st_size for f in ("search.js", "search.css"))
        print(f"   client search.js + search.css: {assets / 1024:.1f} KiB raw")
        print(f"   {'query':<16}{'results':>8} {'tiers 1/2/3':<14}{'files':>6}{'shards':>7}{'chunks':>7}"
              f"{'raw KiB':>9}{'gz KiB':>8}{'py ms':>7}")
        for q in args.queries:
            r = first_query(out, q)
            tiers = "/".join(map(str, r["tiers"]))
            print(f"   {q:<{16 - sum(1 for c in q if ord(c) > 0x2e80)}}{r['results']:>8} {tiers:<14}{r['files']:>6}"
                  f"{r['shards']:>7}{r['chunks']:>7}{r['raw'] / 1024:>9.1f}{r['gzip'] / 1024:>8.1f}{r['ms']:>7.1f}")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scale", type=int, default=20)
    ap.add_argument("--shard-bytes", type=int, default=None)
    ap.add_argument("--chunk-bytes", type=int, default=None)
    ap.add_argument("--hant", action="store_true", help="also the Traditional variant of the seed corpus")
    ap.add_argument("--queries", nargs="*", default=QUERIES)
    args = ap.parse_args(argv)
    from policyexplorer.search import index as ix
    args.shard_bytes = args.shard_bytes or ix.SHARD_BYTES
    args.chunk_bytes = args.chunk_bytes or ix.CHUNK_BYTES
    docs = seed_docs()
    bench("seed corpus", docs, "zh-Hans", args)
    if args.hant:
        bench("seed corpus", seed_docs(hant=True), "zh-Hant", args)
    if args.scale > 1:
        bench(f"seed x {args.scale}", scaled(docs, args.scale), "zh-Hans", args)


if __name__ == "__main__":
    main()
