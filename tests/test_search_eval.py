"""The labelled search sample (shared/eval/search_sample.yaml) through the real search page.

Every query is typed on its variant of the built real site, served under a sub-path, in headless
Chromium (search/index.html?q=…). It passes when one of the first five results opens a section or
paragraph containing one of `expect` (shared/eval/README.md); the result links are followed and
the element their anchor names is read on the opened page. The pass rate is printed at the end.

`python -m policyexplorer.search.score` computes the same figure with the Python reference
(query.py); test_client_ranks_like_the_python_reference keeps the two in step.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest

from policyexplorer.search.query import Index, search
from policyexplorer.search.score import PREFIX, TOP, load_sample, passes
from policyexplorer.shared import shared_path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = shared_path("eval", "search_sample.yaml")
ITEMS = load_sample(SAMPLE) if SAMPLE.exists() else []

# Text of the element an anchor names: a paragraph, or a heading and its section.
TARGET_JS = """id => {
  const el = document.getElementById(id);
  if (!el) return null;
  const level = /^H([1-6])$/.exec(el.tagName);
  if (!level) return el.textContent;
  let text = el.textContent;
  for (let n = el.nextElementSibling; n; n = n.nextElementSibling) {
    const h = /^H([1-6])$/.exec(n.tagName);
    if (h && +h[1] <= +level[1]) break;
    text += n.textContent;
  }
  return text;
}"""

OUTCOMES: list[tuple[dict, int | None]] = []


def search_page(page, site_url: str, variant: str, q: str) -> list[str]:
    """Run q through the search page of a variant; absolute URLs of the first results."""
    page.goto(f"{site_url}{PREFIX[variant]}search/index.html?q={quote(q)}")
    page.wait_for_selector("#pe-search[data-done]", timeout=15_000)
    return page.eval_on_selector_all("a.pe-result__link", f"els => els.slice(0, {TOP}).map(a => a.href)")


def opened_text(page, url: str) -> str | None:
    page.goto(url)
    anchor = url.partition("#")[2]
    return page.evaluate(TARGET_JS, anchor) if anchor else page.inner_text("article")


@pytest.fixture(scope="module", autouse=True)
def report_score(request):
    yield
    if not OUTCOMES:
        return
    passed = sum(rank is not None for _, rank in OUTCOMES)
    lines = [f"search eval (Chromium, real site under a sub-path): {passed}/{len(OUTCOMES)} passed "
             f"({passed / len(OUTCOMES):.0%}); first passing rank: "
             + ", ".join(f"{i['q']}@{i['site']}={rank or '-'}" for i, rank in OUTCOMES)]
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    with capture.global_and_fixture_disabled():
        for line in lines:
            print("\n" + line)


@pytest.mark.skipif(not ITEMS, reason=f"no labelled sample at {SAMPLE}")
@pytest.mark.parametrize("item", ITEMS, ids=[f"{i['site']}-{i['q']}" for i in ITEMS])
def test_sample_query_passes_in_the_browser(tab, site_url, item):
    page = tab.page
    urls = search_page(page, site_url, item["site"], item["q"])
    assert urls, f"no results for {item['q']} on {item['site']}"
    assert all(u.startswith(site_url + PREFIX[item["site"]]) for u in urls)
    rank = None
    for i, url in enumerate(urls):
        if passes(opened_text(page, url), item["expect"]):
            rank = i + 1
            break
    OUTCOMES.append((item, rank))
    assert rank is not None, f"{item['q']} on {item['site']}: none of {urls} contains {item['expect']}"
    assert tab.errors == []


QUERIES = sorted({(i["site"], i["q"]) for i in ITEMS} | {
    ("hans", "光谷科学岛"), ("hant", "光谷科学岛"), ("hans", "城镇新增就业"), ("hant", "城鎮新增就業"),
    ("hans", "技術合同成交額"), ("hant", "技术合同成交额"), ("hans", "昙华林"), ("hans", "地铁"),
    ("hans", "SKP"), ("hans", "5G"), ("hans", "PM2.5"), ("hans", "发展"), ("hans", "推动高质量发展取得新成效"),
    ("hant", "科技創新"), ("hans", "新能源汽车产业"),
})


def test_client_ranks_like_the_python_reference(tab, site_url, built_site):
    """search.js and query.py put the same paragraphs in the same order (the scorer uses query.py)."""
    page = tab.page
    for variant in ("hans", "hant"):
        page.goto(f"{site_url}{PREFIX[variant]}search/index.html")
        page.wait_for_function("window.peSearch && peSearch.engine && peSearch.engine.manifest")
        index = Index(built_site / PREFIX[variant] / "search" / "data")
        for v, q in QUERIES:
            if v != variant:
                continue
            js = page.evaluate("q => peSearch.engine.search(q, '', '').then(a => a.results.map(r => [r.doc, r.tier]))", q)
            py = [[r.doc, r.tier] for r in search(index, q).results]
            assert js == py, (variant, q)


def test_python_scorer_agrees(built_site):
    """`python -m policyexplorer.search.score` on the same site: same passes as the browser."""
    from policyexplorer.search.score import run
    s = run(built_site, ITEMS)
    assert s.total == len(ITEMS)
    assert [o.q for o in s.outcomes if not o.ok] == []


def test_scorer_reads_paragraphs_and_sections():
    from policyexplorer.search.score import target_text
    page = ('<article><h2 id="s1">一、总体</h2><p id="s1-p1" class="pe-para">光谷科学岛建设'
            '<a class="pe-pl" href="#s1-p1">¶</a></p><h3 id="s1-1">（一）创新</h3><p id="s1-1-p1">脑机接口</p>'
            '<h2 id="s2">二、民生</h2><p id="s2-p1">城镇新增就业</p></article>')
    assert target_text(page, "s1-p1") == "光谷科学岛建设¶"
    assert "脑机接口" in target_text(page, "s1") and "城镇新增就业" not in target_text(page, "s1")
    assert target_text(page, "s1-1") == "（一）创新脑机接口"
    assert target_text(page, "nope") is None
    assert passes("光谷科學島建設¶", ["光谷科学岛 建设"]) and not passes("光谷", ["光谷科学岛"])
