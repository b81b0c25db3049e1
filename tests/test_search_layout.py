"""Index layout at scale (issue #11): common keys split into neighbour pages, precomputed first
results of a common key alone, tiers 2-3 on demand, a manifest that does not grow with the
reports. The ranking must not change: a layout with many common keys answers exactly like one
with none, in Python (query.py) and in the browser (search.js); so does the first screen while
what it needs is cheap. Where whole lists would cost more than a first screen may read
(query.EXACT_BYTES), its tiers 2-3 come from text counts (Answer.approx): tier 1 stays exact,
the bytes stay bounded, and "more" goes on in the complete order (the sentence tests below)."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from policyexplorer.search import build_index  # noqa: E402
from policyexplorer.search.query import Index, search  # noqa: E402
from test_search_index import DOCS  # noqa: E402

QUERIES = ["建设", "光谷科学岛", "城镇新增就业", "新增城镇就业", "历史文化街区", "文化", "创新", "昙华林片区",
           "5G基站", "PM2.5", "推进建设", "建设光谷", "城镇建设与新增投资", "地铁建设", "就业", "技术合同成交额"]


def copies(n: int) -> list[dict]:
    """n copies of DOCS, each copy its own reports (ids, urls, titles), grouped by report."""
    out = []
    for k in range(n):
        for d in DOCS:
            d = dict(d)
            if k:
                rid = f"{d['report']}-x{k}"
                d["url"] = d["url"].replace(d["report"], rid, 1)
                d["report"], d["report_title"] = rid, f"{d['report_title']} {k}"
            out.append(d)
    out.sort(key=lambda d: 0)        # stable: copies stay grouped by report
    return out


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    """The same 40-copy corpus indexed with no common key and with many."""
    docs = copies(40)
    plain, paged = tmp_path_factory.mktemp("plain"), tmp_path_factory.mktemp("paged")
    s1 = build_index(docs, plain, "zh-Hans", page_bytes=10**9)
    s2 = build_index(docs, paged, "zh-Hans", page_bytes=300)
    assert s1["common"] == 0 and s2["common"] > 20
    return plain, paged


def ranked(answer):
    return [(r.doc, r.tier) for r in answer.results]


@pytest.mark.parametrize("q", QUERIES)
def test_pages_answer_exactly_like_whole_lists(pair, q):
    plain, paged = pair
    whole = search(Index(plain), q)
    split = search(Index(paged), q)
    assert ranked(split) == ranked(whole)
    assert split.counts == whole.counts
    # what the page asks for its first screen: the same first results, the exact count
    first = search(Index(paged), q, need=20)
    assert ranked(first) == ranked(whole)[:len(first.results)]
    assert len(first.results) >= min(20, len(whole.results))
    assert first.counts[1] == whole.counts[1]
    assert first.partial or ranked(first) == ranked(whole)


def test_a_phrase_loads_one_page_of_a_common_key(pair):
    _, paged = pair
    ix = Index(paged)
    assert ix.common("城镇") and ix.common("就业")
    a = search(ix, "城镇新增就业", need=20)
    pages = [f for f in a.loaded if f.startswith("p/")]
    for key in ("城镇", "就业"):
        n = ix.entry(key)["n"]
        mine = [f for f in pages if f.startswith(f"p/{n}/")]
        assert len(mine) == 1 and mine[0][len(f"p/{n}/")] in "ab"      # one neighbour page, never all
    assert "f" not in a.loaded                                         # no report list without a filter


def test_a_common_key_alone_answers_from_its_first_results(pair):
    plain, paged = pair
    ix = Index(paged)
    a = search(ix, "建设", need=20)
    assert not [f for f in a.loaded if f.startswith("p/")]              # shards and display chunks only
    whole = search(Index(plain), "建设")
    assert ranked(a) == ranked(whole)[:20] and a.partial
    assert a.counts == whole.counts


def test_filters_still_exact(pair):
    plain, paged = pair
    for q in ("建设", "城镇新增就业", "文化"):
        assert ranked(search(Index(paged), q, report="wc-2025-x3", need=20))[:20] == \
            ranked(search(Index(plain), q, report="wc-2025-x3"))[:20]


def test_shards_grow_with_the_corpus_and_the_manifest_does_not(tmp_path):
    small = build_index(copies(1), tmp_path / "1", "zh-Hans")
    big = build_index(copies(40), tmp_path / "40", "zh-Hans", page_bytes=300)
    assert big["shards"] > 4 * small["shards"]
    assert big["manifest_bytes"] < small["manifest_bytes"] + 400      # 80 reports, not 2: still small
    assert big["filters_bytes"] > 20 * small["filters_bytes"] / 2       # the report list lives in f.js


def _search_page(root: Path, index: Path) -> Path:
    """A folder with search.js, an index and a bare page that runs it (served by the tests)."""
    shutil.copytree(ROOT / "docs" / "assets" / "search", root / "assets" / "search")
    shutil.copytree(index, root / "search" / "data")
    (root / "search" / "index.html").write_text(
        '<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><title>s</title><link rel="icon" href="data:,"></head>'
        '<body><div id="pe-search" data-root="../"></div><script src="../assets/search/search.js"></script></body></html>',
        encoding="utf-8")
    return root


def test_the_browser_engine_agrees_and_loads_the_same_files(pair, chromium, tmp_path):
    """search.js over the paged index: same results as query.py, same index files fetched."""
    from conftest import Tab
    from policyexplorer.localserver import serve
    _, paged = pair
    httpd = serve(_search_page(tmp_path / "www", paged))
    t = Tab(chromium)
    try:
        base = f"http://127.0.0.1:{httpd.server_address[1]}/"
        for q in QUERIES:
            for need in (20, None):
                t.page.goto(base + "search/index.html")
                t.page.wait_for_function("window.peSearch && peSearch.engine && peSearch.engine.manifest")
                got = t.page.evaluate("([q, need]) => peSearch.engine.search(q, '', '', need === null ? Infinity : need)"
                                      ".then(a => ({r: a.results.map(r => [r.doc, r.tier]), c: a.counts, p: !!a.partial}))",
                                      [q, need])
                py = search(Index(paged), q, need=need)
                assert [tuple(x) for x in got["r"]] == ranked(py), (q, need)
                assert got["c"][1] == py.counts[1] and got["p"] == py.partial, (q, need)
                fetched = {u.split("/search/data/")[1][:-3] for u in t.requests if "/search/data/" in u}
                assert fetched == {f for f in py.loaded if not f.startswith("c/")}, (q, need)
                t.requests.clear()
        assert t.errors == []
    finally:
        t.close()
        httpd.shutdown()
        httpd.server_close()


# --- a sentence at scale: the first screen reads counts, not whole lists ------------------------

SENTENCE = "推动高质量发展取得新成效"


def sentence_docs(reports: int = 30, paragraphs: int = 300) -> list[dict]:
    """Reports where 推动 and 发展 are in thousands of paragraphs (their whole lists cost more than a
    first screen may read: query.EXACT_BYTES), 高质量发展 or 取得新成效 in some, and SENTENCE in
    none, so that it falls to tier 3 ("some words"). Section titles hold none of its words, and
    no paragraph holds one word thrice: there the first screen's ranking is the complete one."""
    import random
    rng = random.Random(11)
    fields = ["产业", "科技", "城市", "文化", "交通", "教育", "医疗", "农业", "生态", "就业"]
    out = []
    for r in range(reports):
        rid = f"r{r:02d}"
        for n in range(paragraphs):
            parts = []
            if rng.random() < 0.7:
                parts.append(f"推动{rng.choice(fields)}{rng.choice(fields)}")
            if rng.random() < 0.8:
                parts.append(f"{rng.choice(fields)}发展态势良好")
            pick = rng.random()
            if pick < 0.3:
                parts.append("坚持高质量发展")
            elif pick < 0.36:
                parts.append("各项工作取得新成效")
            parts.append(f"完成任务{n}项")
            section = f"s{n // 20}"
            out.append({"url": f"reports/{rid}/{section}/#{section}-p{n}", "text": "，".join(parts) + "。",
                        "title": f"第{n // 20}部分", "report": rid, "report_title": f"报告{r}",
                        "years": [2000 + r], "kind": "p"})
    return out


@pytest.fixture(scope="module")
def sentence(tmp_path_factory):
    out = tmp_path_factory.mktemp("sentence")
    build_index(sentence_docs(), out, "zh-Hans")
    return out


def test_a_sentence_reads_text_counts_not_whole_lists(sentence):
    """The sentence occurs nowhere; its common words alone answer tiers 2-3 from their text counts
    (p/<n>/d) on the first screen: no whole list, a fraction of the bytes, the same first results."""
    ix = Index(sentence)
    first = search(ix, SENTENCE, need=20)
    whole = search(Index(sentence), SENTENCE)
    assert whole.counts[1] == 0 and whole.counts[3] > 1000
    for word in ("推动", "发展"):
        e = ix.entry(word)
        assert isinstance(e, dict) and e["P"] > 4
        assert f"p/{e['n']}/d" in first.loaded
        assert len([f for f in first.loaded if f.startswith(f"p/{e['n']}/a")]) <= 1      # never every page
        assert len([f for f in whole.loaded if f.startswith(f"p/{e['n']}/a")]) == e["P"]
    pages = [sum(n for f, n in a.loaded.items() if f.startswith("p/")) for a in (first, whole)]
    assert pages[0] < pages[1] / 4, pages                   # (shards and display chunks alike)
    assert first.partial and first.approx
    assert ranked(first)[:20] == ranked(whole)[:20]
    assert whole.counts[2] == 0 and first.results[19].tier == 3


def test_the_browser_reads_the_same_and_more_continues_in_order(sentence, chromium, tmp_path):
    """search.js over the sentence index: the first screen's results and files are query.py's; the
    tier 3 heading waits for its count; "more" keeps what is shown and goes on in the complete order."""
    from conftest import Tab
    from policyexplorer.localserver import serve
    httpd = serve(_search_page(tmp_path / "www", sentence))
    t = Tab(chromium)
    try:
        base = f"http://127.0.0.1:{httpd.server_address[1]}/"
        for q in (SENTENCE, "推动城市发展取得新成效", "高质量发展"):
            t.page.goto(base + "search/index.html")
            t.page.wait_for_function("window.peSearch && peSearch.engine && peSearch.engine.manifest")
            got = t.page.evaluate("q => peSearch.engine.search(q, '', '', 20)"
                                  ".then(a => ({r: a.results.map(r => [r.doc, r.tier]), x: a.approx, p: !!a.partial}))", q)
            py = search(Index(sentence), q, need=20)
            assert [tuple(x) for x in got["r"]] == ranked(py) and got["x"] == py.approx and got["p"] == py.partial, q
            fetched = {u.split("/search/data/")[1][:-3] for u in t.requests if "/search/data/" in u}
            assert fetched == {f for f in py.loaded if not f.startswith("c/")}, q
            t.requests.clear()

        ix = Index(sentence)
        whole = search(ix, SENTENCE)

        def shown():
            return [h.split("?")[0] + "#" + h.split("#")[1] for h in
                    t.page.eval_on_selector_all("a.pe-result__link", "els => els.map(a => a.getAttribute('href'))")]

        def url(doc):
            return "../" + ix.doc(doc)["url"]

        t.page.goto(base + "search/index.html?q=" + SENTENCE)
        t.page.wait_for_selector("#pe-search[data-done]")
        first = shown()
        assert first == [url(r.doc) for r in search(Index(sentence), SENTENCE, need=20).results[:20]]
        heading = t.page.inner_text(".pe-search__tier[data-tier='3'] h2")
        assert heading == "只含部分词语"                                    # not counted yet
        t.page.click(".pe-search__more")
        t.page.wait_for_function("document.querySelectorAll('a.pe-result__link').length >= 40")
        after = shown()
        rest = [url(r.doc) for r in whole.results if url(r.doc) not in first]
        assert after[:20] == first and after[20:40] == rest[:20] and len(set(after)) == len(after)
        assert t.page.inner_text(".pe-search__tier[data-tier='3'] h2") == f"只含部分词语（{whole.counts[3]}）"
        assert t.errors == []
    finally:
        t.close()
        httpd.shutdown()
        httpd.server_close()
