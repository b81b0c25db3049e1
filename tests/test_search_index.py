"""Search index (policyexplorer/search): normalisation, keys, ranking tiers, scripts, determinism."""
from __future__ import annotations

import hashlib
import unicodedata
import sys
from pathlib import Path

import opencc
import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from policyexplorer.search import build_index, clean_display, keys, normalize, units  # noqa: E402
from policyexplorer.search.normalize import fnv1a  # noqa: E402
from policyexplorer.search.query import Index, decode_postings, search  # noqa: E402


def _doc(report, section, n, text, title, years, report_title=None):
    return {"url": f"reports/{report}/{section}/#{section}-p{n}", "text": text, "title": title,
            "report": report, "report_title": report_title or f"{report} 报告", "years": years, "kind": "p"}


# A small corpus where every tier has members; used by the browser tests too.
DOCS = [
    _doc("wh-2024", "s1", 1, "光谷是全市创新高地，科学岛片区规划面积较大，科学城建设提速。", "创新策源", [2024]),
    _doc("wh-2024", "s1", 2, "光谷科技创新大走廊加快建设，光谷人才持续集聚。", "创新策源", [2024]),
    _doc("wh-2024", "s2", 1, "着力增强创新策源能力。加快光谷科学岛建设，推进神农设施、武汉光源等大科学装置建设。",
         "增强创新能力", [2024]),
    _doc("wh-2024", "s2", 2, "技术合同成交额突破1500亿元，高新技术企业超过1.5万家。", "增强创新能力", [2024]),
    _doc("wh-2024", "s3", 1, "城镇新增就业25万人以上，城镇调查失业率5.5%左右。", "主要预期目标", [2024]),
    _doc("wh-2024", "s3", 2, "新增城镇就业岗位，稳定就业总量。城镇建设与新增投资同步推进。", "主要预期目标", [2024]),
    _doc("wc-2025", "s1", 1, "华中首家SKP盛大开业，昙\u200b华林街区焕新，建成5G基站1200个。", "消费市场", [2025]),
    _doc("wc-2025", "s1", 2, "细颗粒物（PM<sub>2.5</sub>）平均浓度36微克/立方米，同比下降5.3%。", "生态环境", [2025]),
    _doc("wc-2025", "s2", 1, "地铁12号线建成通车，轨道交通运营里程达到500公里。", "交通", [2025]),
    _doc("wc-2025", "s2", 2, "地下综合管廊与铁路枢纽建设，地方财政收入增长。", "交通", [2025]),
    _doc("wc-2025", "s3", 1, "推进昙华林历史文化街区保护利用。", "昙华林片区", [2025]),
    _doc("wc-2025", "s3", 2, "历史文化街区活化利用，擦亮文化名片。", "昙华林片区", [2025]),
]

S2T = opencc.OpenCC("s2t")


def hant_docs(docs=DOCS):
    out = []
    for d in docs:
        d = dict(d)
        for k in ("text", "title", "report_title"):
            d[k] = S2T.convert(d[k])
        out.append(d)
    return out


@pytest.fixture(scope="module")
def hans(tmp_path_factory):
    out = tmp_path_factory.mktemp("hans")
    stats = build_index(DOCS, out, "zh-Hans")
    return out, stats


@pytest.fixture(scope="module")
def hant(tmp_path_factory):
    out = tmp_path_factory.mktemp("hant")
    stats = build_index(hant_docs(), out, "zh-Hant")
    return out, stats


def urls(answer, tier=None):
    return [r.url for r in answer.results if tier is None or r.tier == tier]


# --- normalisation -------------------------------------------------------------------------

def test_normalize_width_case_script_invisible():
    assert normalize("ＰＭ２．５") == "pm2.5"
    assert normalize("SKP") == "skp"
    assert normalize("光谷科學島") == "光谷科学岛"
    assert normalize("技術合同成交額") == "技术合同成交额"
    assert normalize("昙\u200b华\ufeff林\u200d") == "昙华林"


def test_clean_display_drops_tags_and_invisible_characters():
    assert clean_display("细颗粒物（PM<sub>2.5</sub>）\u200b  浓度\n") == "细颗粒物（PM2.5） 浓度"


def test_units_and_keys():
    us = units("加快5G基站、PM2.5和SKP 建设")
    assert [u.s for u in us] == ["加", "快", "5g", "基", "站", "pm2.5", "和", "skp", "建", "设"]
    ks = keys(us)
    assert ("5g", 2) in ks and ("快5g", 1) in ks and ("5g基", 2) in ks
    assert ("pm2.5", 5) in ks and ("skp", 7) in ks
    assert ("skp建", 7) in ks                       # white space is transparent
    assert ("站pm2.5", 4) not in ks                  # punctuation is a hard separator
    assert [k for k, _ in keys(units("光谷 科学岛"))] == ["光谷", "谷科", "科学", "学岛"]
    assert units("2.5万亩")[0].s == "2.5"
    assert units("第1.")[-1].s == "1"


def test_units_offsets_point_into_the_source():
    text = "华中首家ＳＫＰ开业"
    us = units(text)
    skp = next(u for u in us if u.s == "skp")
    assert text[skp.start:skp.end] == "ＳＫＰ"


def test_hash_is_fnv1a():
    assert fnv1a("") == 0x811C9DC5
    assert fnv1a("a") == 0xE40C292C


# --- ranking tiers -------------------------------------------------------------------------

def test_phrase_beats_all_words_beats_fragments(hans):
    ix = Index(hans[0])
    a = search(ix, "光谷科学岛")
    assert a.words == ["光谷", "科学岛"]
    assert urls(a)[0] == "reports/wh-2024/s2/#s2-p1"
    assert urls(a, 1) == ["reports/wh-2024/s2/#s2-p1"]
    assert urls(a, 2) == ["reports/wh-2024/s1/#s1-p1"]          # 光谷 … 科学岛, apart
    assert "reports/wh-2024/s1/#s1-p2" in urls(a, 3)              # 光谷 only
    tiers = [r.tier for r in a.results]
    assert tiers == sorted(tiers)


def test_words_of_the_query_all_required_for_tier_two(hans):
    a = search(Index(hans[0]), "城镇新增就业")
    assert a.words == ["城镇", "新增", "就业"]
    assert urls(a, 1) == ["reports/wh-2024/s3/#s3-p1"]
    assert urls(a, 2) == ["reports/wh-2024/s3/#s3-p2"]


def test_fragments_never_outrank_the_whole(hans):
    a = search(Index(hans[0]), "地铁")
    assert urls(a) == ["reports/wc-2025/s2/#s2-p1"]              # 地…铁 apart is not a match


def test_title_match_is_a_bonus_not_a_text_match(hans):
    a = search(Index(hans[0]), "昙华林")
    # text has it (one with a zero-width space inside) -> tier 1; title only -> tier 2
    assert set(urls(a, 1)) == {"reports/wc-2025/s1/#s1-p1", "reports/wc-2025/s3/#s3-p1"}
    assert urls(a, 1)[0] == "reports/wc-2025/s3/#s3-p1"          # text and title beat text only
    assert urls(a, 2) == ["reports/wc-2025/s3/#s3-p2"]


def test_reports_take_turns_within_a_tier(hans):
    """Every report's best paragraph comes before any report's second best; a report's best is
    the one with most occurrences; between reports, document order (the build puts newest first)."""
    a = search(Index(hans[0]), "建设")
    assert [r.tier for r in a.results] == [1] * 5
    assert urls(a)[:2] == ["reports/wh-2024/s2/#s2-p1",          # 建设 twice
                           "reports/wc-2025/s2/#s2-p2"]          # wc-2025's only one
    assert [u.split("/")[1] for u in urls(a)[2:]] == ["wh-2024"] * 3


def test_build_orders_documents_newest_report_first():
    from types import SimpleNamespace
    from policyexplorer.search import docs_from_reports

    def report(rid, delivered):
        section = SimpleNamespace(page=f"reports/{rid}/s1/", title="t", years=[])
        para = SimpleNamespace(anchor="s1-p1", text=rid, kind="p")
        return SimpleNamespace(id=rid, meta={"title": rid, "delivered": delivered}, plan_years=[2025],
                               review_years=[], oriented=lambda s=section, p=para: [(s, p, None, [])])

    docs = docs_from_reports([report("a-2021", "2021"), report("b-2025", "2025-01-16"), report("c-2024", "2024-12-27")])
    assert [d["report"] for d in docs] == ["b-2025", "c-2024", "a-2021"]


@pytest.mark.parametrize("query,url", [
    ("PM2.5", "reports/wc-2025/s1/#s1-p2"),
    ("pm2.5", "reports/wc-2025/s1/#s1-p2"),
    ("ＰＭ２．５", "reports/wc-2025/s1/#s1-p2"),
    ("SKP", "reports/wc-2025/s1/#s1-p1"),
    ("5G", "reports/wc-2025/s1/#s1-p1"),
    ("5G基站", "reports/wc-2025/s1/#s1-p1"),
    ("1500亿元", "reports/wh-2024/s2/#s2-p2"),
])
def test_ascii_tokens(hans, query, url):
    a = search(Index(hans[0]), query)
    assert urls(a, 1) == [url]


def test_ascii_tokens_are_whole_tokens(hans):
    assert urls(search(Index(hans[0]), "PM2"), 1) == []
    assert urls(search(Index(hans[0]), "5"), 1) == []


def test_filters(hans):
    ix = Index(hans[0])
    assert {r.report for r in search(ix, "建设").results} == {"wh-2024", "wc-2025"}
    assert {r.report for r in search(ix, "建设", report="wc-2025").results} == {"wc-2025"}
    assert {r.report for r in search(ix, "建设", year=2024).results} == {"wh-2024"}
    assert search(ix, "建设", year=1999).results == []


def test_query_without_keys(hans):
    a = search(Index(hans[0]), "，。")
    assert a.results == []


# --- scripts ---------------------------------------------------------------------------------

@pytest.mark.parametrize("query", ["光谷科学岛", "光谷科學島"])
def test_traditional_site_any_script(hant, query):
    a = search(Index(hant[0]), query)
    assert a.results[0].url == "reports/wh-2024/s2/#s2-p1"
    assert "光谷科學島" in a.results[0].text


@pytest.mark.parametrize("query", ["技术合同成交额", "技術合同成交額"])
def test_simplified_site_any_script(hans, query):
    a = search(Index(hans[0]), query)
    assert urls(a, 1) == ["reports/wh-2024/s2/#s2-p2"]


def test_manifest_map_covers_traditional_text(hant):
    """The client normalises with the manifest's table only; it must agree with Python on the corpus."""
    ix = Index(hant[0])
    for d in hant_docs():
        for ch in clean_display(d["text"] + d["title"]):
            client = "".join(ix.map.get(c, c) for c in unicodedata.normalize("NFKC", ch).lower())
            assert client == normalize(ch), ch


# --- files -----------------------------------------------------------------------------------

def _digest(path: Path) -> str:
    h = hashlib.sha256()
    for f in sorted(path.rglob("*.js")):
        h.update(str(f.relative_to(path)).encode())
        h.update(f.read_bytes())
    return h.hexdigest()


def test_deterministic(tmp_path):
    a = build_index(DOCS, tmp_path / "a", "zh-Hans")
    b = build_index(list(DOCS), tmp_path / "b", "zh-Hans")
    assert a == b
    assert _digest(tmp_path / "a") == _digest(tmp_path / "b")
    build_index(DOCS, tmp_path / "a", "zh-Hans")                  # rebuilding in place: same bytes
    assert _digest(tmp_path / "a") == _digest(tmp_path / "b")


def test_stats_and_layout(hans):
    out, stats = hans
    assert stats["docs"] == len(DOCS)
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.js"))
    assert "m.js" in files
    assert len([f for f in files if f.startswith("s/")]) == stats["shards"]
    assert stats["bytes"] == sum(p.stat().st_size for p in out.rglob("*.js"))
    for f in out.rglob("*.js"):
        assert f.read_text(encoding="utf-8").startswith("peSearch.add(")
        assert "\u200b" not in f.read_text(encoding="utf-8")


def test_a_query_loads_only_its_shards(tmp_path):
    docs = DOCS * 30
    for i, d in enumerate(docs):
        docs[i] = dict(d, url=d["url"] + f"-{i}")
    stats = build_index(docs, tmp_path, "zh-Hans", shard_bytes=1024, chunk_bytes=1024)
    assert stats["shards"] > 8
    ix = Index(tmp_path)
    a = search(ix, "光谷科学岛", limit=5)
    shards = {f for f in a.loaded if f.startswith("s/")}
    expected = {f"s/{fnv1a(k) % stats['shards']}" for k, _ in keys(units("光谷科学岛"))}
    assert shards == expected
    chunks = {f for f in a.loaded if f.startswith("c/")}
    assert len(chunks) <= 5
    assert a.results[0].url.startswith("reports/wh-2024/s2/#s2-p1")


def test_postings_round_trip():
    from policyexplorer.search.index import encode_postings
    p = {0: ([1, 5, 40], []), 3: ([], [0, 2]), 1000: ([7], [1])}
    enc = encode_postings(p)
    dec = decode_postings(enc)
    assert dec[0] == [1, 5, 40] and dec[3] == [10_000_000, 10_000_002] and dec[1000] == [7, 10_000_001]


def test_a_common_keys_first_results_may_go_back_in_document_order(tmp_path):
    """A common key's precomputed first results are in ranking order (reports take turns), which
    runs backwards through document ids: the index must store and read them as they are."""
    docs = []
    for r in range(6):
        for p in range(8):
            docs.append({"url": f"reports/r{r}/s1/#p{p}", "text": "推进城市更新。" * (1 + (p * 5 + r) % 4),
                         "title": "一、工作", "report": f"r{r}", "report_title": f"报告{r}", "years": [2024]})
    small = build_index(docs, tmp_path / "small", "zh-Hans", page_bytes=64)   # 城市 is a common key here
    assert small["common"] > 0
    build_index(docs, tmp_path / "whole", "zh-Hans", page_bytes=10 ** 9)       # and here it is not
    got = [r.doc for r in search(Index(tmp_path / "small"), "城市", limit=20, need=20).results]
    want = [r.doc for r in search(Index(tmp_path / "whole"), "城市", limit=20, need=20).results]
    assert len(got) == 20 and got == want[:20]
    assert got != sorted(got)          # it does go back (the old delta coding raised here)
