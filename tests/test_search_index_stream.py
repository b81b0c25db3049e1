"""The streaming index builder (index.py + scan.py) writes exactly what the plain one did
(tests/search_reference.py: every posting as Python lists, normalize.units/keys per document),
byte for byte, common keys, neighbour pages and batches included; its fast parts agree with
the definitions they replace."""
from __future__ import annotations

import os
import random
import sys
from pathlib import Path

import opencc
import pytest

ROOT = Path(__file__).resolve().parents[1]
for p in (ROOT, ROOT / "tests"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

import search_reference  # noqa: E402
from policyexplorer.search import build_index, index  # noqa: E402
from policyexplorer.search.normalize import keys, normalize, units  # noqa: E402
from policyexplorer.search.query import rank_single_key, top_single_key  # noqa: E402
from policyexplorer.search.scan import (Normalizer, ideograph_runs, key_positions,  # noqa: E402
                                        occurrences_around, positions_of, segments, unit_strings)
from test_search_index import DOCS, hant_docs  # noqa: E402
from test_search_layout import copies  # noqa: E402

TRICKY = ["加快5G基站、PM2.5和SKP 建设", "光谷 科学岛", "2.5万亩", "第1.", "1..2", "1.2.3", "a.b", "x 1.5", ".5", "5.",
          "Ⅻ号½ ⑴ 〇一 ㊀", " 光 谷 ", "abc def 光", "光 abc def", "５Ｇ工厂", "ab\u200bcd", "１．５", "ﬁ", "", "   ",
          "，。", "a_b", "中\u3000文", "٣.٤", "3.٤", "Ⅳ.5", "中.5", "5.中", "𠀀𠀁a", "\ufeff中文", "中\u00adb", "ΑΒΓ中", "é中"]


def texts() -> list[str]:
    rnd = random.Random(7)
    alphabet = list("光谷科学岛着著 abc12.5,，。ＰＭ２．５\u200b\u3000Ⅳ〇_-/中")
    out = TRICKY + [d[k] for d in DOCS + hant_docs() for k in ("text", "title")]
    return out + ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 14))) for _ in range(3000)]


def reference_runs(us) -> list[str]:
    """The runs of ideographs the plain builder gave jieba."""
    out, run = [], []
    for u in us:
        if u.cjk and (u.adj or not run):
            run.append(u.s)
        else:
            if len(run) > 1:
                out.append("".join(run))
            run = [u.s] if u.cjk else []
    if len(run) > 1:
        out.append("".join(run))
    return out


def reference_neighbours(us, wanted: set[str]) -> dict[tuple[str, str, str], list[int]]:
    """What the plain builder split a common key's postings by: the units around each occurrence."""
    out: dict[tuple[str, str, str], list[int]] = {}
    for k, pos in keys(us):
        if k in wanted:
            end = pos + (1 if us[pos].s == k else 2)
            out.setdefault((k, "a", us[pos - 1].s if pos else ""), []).append(pos)
            out.setdefault((k, "b", us[end].s if end < len(us) else ""), []).append(pos)
    return out


def test_scan_agrees_with_units_and_keys():
    normalizer = Normalizer()
    for text in texts():
        us = units(text)
        expected: dict[str, list[int]] = {}
        for k, pos in keys(us):
            expected.setdefault(k, []).append(pos)
        norm = normalizer(text)
        assert norm == normalize(text)
        segs = segments(norm)
        assert key_positions(segs) == expected, text
        assert unit_strings(segs) == [u.s for u in us], text
        assert ideograph_runs(segs) == reference_runs(us), text
        wanted = set(list(expected)[::2])
        assert positions_of(segs, wanted) == {k: v for k, v in expected.items() if k in wanted}, text
        around = {}
        for k, pos, before, after in occurrences_around(segs, wanted):
            around.setdefault((k, "a", before), []).append(pos)
            around.setdefault((k, "b", after), []).append(pos)
        assert around == reference_neighbours(us, wanted), text
    assert normalizer.output_chars() == set(normalize("".join(texts())))


def test_top_single_key_is_the_head_of_rank_single_key():
    rnd = random.Random(5)
    for trial in range(1500):
        n_docs = rnd.randint(1, 200)
        doc_report = [rnd.randrange(rnd.randint(1, 12)) for _ in range(n_docs)]
        if trial % 2:
            doc_report.sort()               # grouped by report, as the build gives them
        docs = sorted(rnd.sample(range(n_docs), rnd.randint(1, n_docs)))
        counts = [rnd.choice([0, 1, 1, 2, 3, 5]) for _ in docs]
        titles = [c == 0 or rnd.random() < 0.2 for c in counts]
        ranked = rank_single_key({d: (c, t) for d, c, t in zip(docs, counts, titles)}, doc_report)
        for n in (1, 7, 20, 500):
            assert top_single_key(docs, counts, titles, doc_report, n) == ranked[:n]


def files(path: Path) -> dict[str, bytes]:
    return {p.relative_to(path).as_posix(): p.read_bytes() for p in sorted(path.rglob("*.js"))}


def corpus(name: str) -> list[dict]:
    if name == "hans":
        return DOCS
    if name == "hant":
        return hant_docs()
    docs = copies(40)
    return hant_docs(docs) if name == "hant-40" else docs


@pytest.mark.parametrize("name,params", [
    ("hans", {}),
    ("hant", {"shard_bytes": 512, "chunk_bytes": 400}),
    ("hans-40", {}),
    ("hans-40", {"page_bytes": 300, "shard_bytes": 1024}),
    ("hant-40", {"page_bytes": 200, "shard_bytes": 700, "chunk_bytes": 3000}),
])
def test_same_files_as_the_plain_builder(tmp_path, name, params):
    docs = corpus(name)
    want = search_reference.build_index(docs, tmp_path / "plain", "zh-Hans", **params)
    got = build_index(docs, tmp_path / "stream", "zh-Hans", **params)
    assert got == want
    if params.get("page_bytes"):
        assert got["common"] > 10
    assert files(tmp_path / "stream") == files(tmp_path / "plain")


def test_neighbour_pages_in_batches(tmp_path, monkeypatch):
    """Common keys split over several passes (a small SPLIT_BYTES) give the same pages."""
    docs = copies(40)
    build_index(docs, tmp_path / "one", "zh-Hans", page_bytes=300)
    monkeypatch.setattr(index, "SPLIT_BYTES", 2000)
    build_index(docs, tmp_path / "many", "zh-Hans", page_bytes=300)
    assert files(tmp_path / "many") == files(tmp_path / "one")


S2TW = opencc.OpenCC("s2tw")


def variants_of(docs: list[dict]) -> list[list[dict]]:
    """The documents in Simplified; in Traditional as the site converts them (s2tw: 着 -> 著, which
    folds back to 著, so keys and neighbours differ); and with texts whose units no longer line
    up (a letter run inserted)."""
    hant = [dict(d, **{k: S2TW.convert(d[k]) for k in ("text", "title", "report_title")}) for d in docs]
    odd = [dict(d) for d in hant]
    for d in odd[::7]:
        d["text"] = "ABC" + d["text"].replace("建设", "建 设", 1)
    return [docs, hant, odd]


@pytest.mark.parametrize("n,params", [(1, {}), (40, {"page_bytes": 300, "shard_bytes": 1024}),
                                      (40, {"page_bytes": 150, "chunk_bytes": 800})])
def test_variants_built_together_as_alone(tmp_path, monkeypatch, n, params):
    docs = [dict(d) for d in (DOCS if n == 1 else copies(n))]
    for d in docs[::5]:
        d["text"] += "沿着长江，着力推动，接着说"          # 着 in several keys and neighbours
    if n == 40:
        monkeypatch.setattr(index, "SPLIT_BYTES", 3000)   # several batches of common keys
    variants = variants_of(docs)
    together = index.build_indexes([(v, tmp_path / f"together{i}", "zh") for i, v in enumerate(variants)], **params)
    for i, v in enumerate(variants):
        alone = build_index(v, tmp_path / f"alone{i}", "zh", **params)
        assert together[i] == alone
        assert files(tmp_path / f"together{i}") == files(tmp_path / f"alone{i}")
    if params:
        assert together[1]["common"] > 10


def test_variants_of_other_documents_are_built_alone(tmp_path):
    other = [dict(d, report="x-" + d["report"]) for d in hant_docs()]
    stats = index.build_indexes([(DOCS, tmp_path / "a", "zh"), (other, tmp_path / "b", "zh")])
    assert stats[1] == build_index(other, tmp_path / "c", "zh")
    assert files(tmp_path / "b") == files(tmp_path / "c")


def test_rebuilt_in_place_as_new(tmp_path):
    """A folder holding a larger index is left with exactly the new index's files (written over
    the old ones, the others removed)."""
    build_index(copies(40), tmp_path / "reused", "zh", page_bytes=300)
    build_index(DOCS, tmp_path / "reused", "zh")
    build_index(DOCS, tmp_path / "new", "zh")
    assert files(tmp_path / "reused") == files(tmp_path / "new")


def test_streamed_postings_past_the_tables():
    """Positions and document gaps over 36 ** 3 take the general path, to the same bytes."""
    texts = [[(0, "光谷光谷科学"), (46650, "光谷科学岛光谷")], [(0, "光谷"), (3, [("5g", False), ("光", True)])]]
    titles = [[(0, "科学光谷")], []]
    docs = [0, 5, 50000, 50001, 200000]
    postings, split = index._Postings(), index._Split()
    expected: dict[str, dict[int, tuple[list[int], list[int]]]] = {}
    around: dict[tuple[str, str, str], dict[int, tuple[list[int], list[int]]]] = {}
    for n, doc in enumerate(docs):
        for slot, segs in enumerate((texts[n % 2], titles[n % 2])):
            postings.add_segments(doc, segs, bool(slot))
            split.add_around(doc, segs, {"光谷", "5g光"}, bool(slot))
            for k, positions in key_positions(segs).items():
                expected.setdefault(k, {}).setdefault(doc, ([], []))[slot].extend(positions)
            for k, pos, before, after in occurrences_around(segs, {"光谷", "5g光"}):
                for t in ((k, "a", before), (k, "b", after)):
                    around.setdefault(t, {}).setdefault(doc, ([], []))[slot].append(pos)
    got = {k: bytes(v).decode() for k, v in postings.encoded().items()}
    assert got == {k: index.encode_postings(p) for k, p in expected.items()}
    for key in ("光谷", "5g光"):
        sides = split.pop(key)
        assert {(key, side, unit): bytes(v).decode() for side in "ab" for unit, v in sides[side].items()} == {
            t: index.encode_postings(p) for t, p in around.items() if t[0] == key}


def _retitled(docs: list[dict], report: str) -> list[dict]:
    return [dict(d, report_title="新的标题", years=[2030]) if d["report"] == report else dict(d) for d in docs]


def test_a_rebuild_keeps_the_postings_while_the_texts_are_the_same(tmp_path):
    """With a state file, a second build whose documents differ only in report titles and years
    keeps the postings files (shards, pages) untouched and rewrites the display files; a change
    of text rebuilds. Either way the files equal a fresh build's, and a hard-linked copy of the
    first build (the published site) is never written over."""
    params = {"page_bytes": 100, "shard_bytes": 1024}
    variants = variants_of(copies(12))[:2]
    out = [tmp_path / "v0", tmp_path / "v1"]
    state = tmp_path / "search.state"

    def run(vs, state=state, where=out):
        return index.build_indexes([(v, o, "zh") for v, o in zip(vs, where)], state=state, **params)

    run(variants)
    published = tmp_path / "published"
    for o in out:
        for p in o.rglob("*.js"):
            (published / o.name / p.relative_to(o)).parent.mkdir(parents=True, exist_ok=True)
            os.link(p, published / o.name / p.relative_to(o))
    first = {o.name: files(published / o.name) for o in out}
    before = {p: p.stat().st_ino for p in out[0].rglob("*.js")}

    report = variants[0][0]["report"]
    retitled = [_retitled(v, report) for v in variants]
    stats = run(retitled)
    fresh = run(retitled, None, [tmp_path / "f0", tmp_path / "f1"])
    assert stats == fresh and stats[0]["common"] > 5
    for o, f in zip(out, ["f0", "f1"]):
        assert files(o) == files(tmp_path / f)
    kept = {p.relative_to(out[0]).parts[0] for p, ino in before.items() if p.exists() and p.stat().st_ino == ino}
    assert kept == {"s", "p"}                      # postings kept; chunks, filters, manifest written anew
    chunks = {k: v for k, v in files(out[0]).items() if k.startswith("c/")}
    assert chunks != {k: v for k, v in first["v0"].items() if k.startswith("c/")}   # the new title

    edited = [[dict(d, text=d["text"] + "新增一句") if i == 3 else d for i, d in enumerate(v)] for v in retitled]
    run(edited)
    run(edited, None, [tmp_path / "g0", tmp_path / "g1"])
    for o, g in zip(out, ["g0", "g1"]):
        assert files(o) == files(tmp_path / g)
    assert {o.name: files(published / o.name) for o in out} == first
