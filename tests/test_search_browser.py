"""Search page in Chromium (Playwright): over http under a sub-path and from file://.

A minimal site is built into a temp dir: Simplified at the root, Traditional under zh-Hant/,
docs/assets/search/ copied to assets/search/, the index of each variant in <variant>/search/data/.
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from conftest import Tab  # noqa: E402
from policyexplorer.localserver import serve  # noqa: E402
from policyexplorer.search import build_index, units  # noqa: E402
from test_search_index import DOCS, hant_docs  # noqa: E402

sync_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = "/usr/bin/chromium"
if not Path(CHROMIUM).exists():
    pytest.skip("no /usr/bin/chromium", allow_module_level=True)

SUB = "org/policy-explorer/"          # served under http://127.0.0.1:<port>/org/policy-explorer/

PAGE = """<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>search</title><link rel="icon" href="data:,"><link rel="stylesheet" href="{assets}assets/search/search.css"></head>
<body><main><h1>search</h1>
<div id="pe-search" data-root="../" data-lang="{lang}"></div>
</main><script src="{assets}assets/search/search.js"></script></body></html>
"""
TARGET = """<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title><link rel="icon" href="data:,"></head>
<body>{body}</body></html>"""


def write_variant(root: Path, docs: list[dict], lang: str, assets: str):
    build_index(docs, root / "search" / "data", lang)
    (root / "search" / "index.html").write_text(PAGE.format(lang=lang, assets=assets), encoding="utf-8")
    pages: dict[str, list[str]] = {}
    for d in docs:
        page, _, anchor = d["url"].partition("#")
        pages.setdefault(page, []).append(f'<p id="{anchor}">{d["text"]}</p>')
    for page, paras in pages.items():
        path = root / page / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(TARGET.format(lang=lang, title=page, body="\n".join(paras)), encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    top = tmp_path_factory.mktemp("www")
    root = top / SUB
    shutil.copytree(ROOT / "docs" / "assets" / "search", root / "assets" / "search")
    write_variant(root, DOCS, "zh-Hans", "../")
    write_variant(root / "zh-Hant", hant_docs(), "zh-Hant", "../../")
    return top, root


@pytest.fixture(scope="module")
def server(site):
    top, _ = site
    httpd = serve(top)
    yield f"http://127.0.0.1:{httpd.server_address[1]}/{SUB}"
    httpd.shutdown()
    httpd.server_close()


def wait_done(page):
    page.wait_for_selector("#pe-search[data-done]", timeout=10_000)


def bare(href):
    """A result link without the query it carries for the opened page (?q=…)."""
    path, _, frag = href.partition("#")
    return path.split("?")[0] + ("#" + frag if frag else "")


def first(page):
    link = page.locator("a.pe-result__link").first
    return bare(link.get_attribute("href")), link.locator("mark").first.inner_text(), link.locator(".pe-result__snippet").inner_text()


def only_local(requests, prefix):
    return [u for u in requests if not u.startswith(prefix)]


def test_query_in_url_over_http_sub_path(tab, server):
    tab.page.goto(server + "search/?q=光谷科学岛")
    wait_done(tab.page)
    href, mark, snippet = first(tab.page)
    assert href == "../reports/wh-2024/s2/#s2-p1"
    assert mark == "光谷科学岛"
    assert "\u200b" not in snippet
    tiers = tab.page.eval_on_selector_all(".pe-search__tier", "els => els.map(e => e.dataset.tier)")
    assert tiers == ["1", "2", "3"]
    raw = tab.page.locator("a.pe-result__link").first.get_attribute("href")
    assert "?q=%E5%85%89%E8%B0%B7" in raw                 # the opened page marks the query
    assert only_local(tab.requests, server) == []
    assert tab.errors == []


def test_typed_query_enter_and_clean_snippet(tab, server):
    tab.page.goto(server + "search/")
    tab.page.get_by_label("搜索报告全文").fill("昙华林")
    tab.page.keyboard.press("Enter")
    wait_done(tab.page)
    href, mark, snippet = first(tab.page)
    assert href == "../reports/wc-2025/s3/#s3-p1"
    marks = tab.page.locator("mark").all_inner_texts()
    assert "昙华林" in marks
    html = tab.page.inner_html(".pe-search__results")
    assert "\u200b" not in html and "\ufeff" not in html
    assert "q=" in tab.page.url                          # the URL can be shared
    assert only_local(tab.requests, server) == []


@pytest.mark.parametrize("query,mark,href", [
    ("PM2.5", "PM2.5", "../reports/wc-2025/s1/#s1-p2"),
    ("skp", "SKP", "../reports/wc-2025/s1/#s1-p1"),
    ("5G基站", "5G基站", "../reports/wc-2025/s1/#s1-p1"),
    ("地铁", "地铁", "../reports/wc-2025/s2/#s2-p1"),
    ("技術合同成交額", "技术合同成交额", "../reports/wh-2024/s2/#s2-p2"),
])
def test_simplified_site_queries(tab, server, query, mark, href):
    tab.page.goto(server + "search/?q=" + query)
    wait_done(tab.page)
    got_href, got_mark, _ = first(tab.page)
    assert (got_href, got_mark) == (href, mark)


@pytest.mark.parametrize("query", ["光谷科学岛", "光谷科學島"])
def test_traditional_site_cross_script(tab, server, query):
    tab.page.goto(server + "zh-Hant/search/?q=" + query)
    wait_done(tab.page)
    href, mark, _ = first(tab.page)
    assert href == "../reports/wh-2024/s2/#s2-p1"
    assert mark == "光谷科學島"
    assert tab.page.get_by_label("搜尋報告全文").count() == 1     # UI strings in the page's script
    assert only_local(tab.requests, server) == []


def test_keyboard_only(tab, server):
    page = tab.page
    page.goto(server + "search/")
    assert page.evaluate("document.activeElement.name") == "q"      # the box has the focus on arrival
    page.keyboard.type("城镇新增就业")
    page.keyboard.press("Enter")
    wait_done(page)
    page.keyboard.press("ArrowDown")
    assert bare(page.evaluate("document.activeElement.getAttribute('href')")) == "../reports/wh-2024/s3/#s3-p1"
    page.keyboard.press("ArrowDown")
    assert bare(page.evaluate("document.activeElement.getAttribute('href')")) == "../reports/wh-2024/s3/#s3-p2"
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.name") == "q"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/reports/wh-2024/s3/?q=*#s3-p1")
    assert page.locator("#s3-p1").count() == 1


def test_status_is_announced(tab, server):
    tab.page.goto(server + "search/?q=光谷科学岛")
    wait_done(tab.page)
    status = tab.page.locator("[role=status]")
    assert status.get_attribute("aria-live") == "polite"
    # as written in 1 paragraph; the 2 others hold only its words: said apart, not padded
    assert status.inner_text() == "1 个段落包含“光谷科学岛”。另有 2 个段落部分相符（仅章节标题含有，或词语不全、不相连）。"
    assert tab.page.get_attribute("#pe-search", "data-count") == "1"


def test_filters(tab, server):
    page = tab.page
    page.goto(server + "search/?q=建设")
    wait_done(page)
    assert not any(u.endswith("/search/data/f.js") for u in tab.requests)   # no report list for a plain query
    hrefs = page.eval_on_selector_all("a.pe-result__link", "els => els.map(e => e.getAttribute('href'))")
    assert any("wh-2024" in h for h in hrefs) and any("wc-2025" in h for h in hrefs)
    page.select_option("select[name=year]", "2025")
    page.wait_for_function("document.querySelector('#pe-search').dataset.done && !document.querySelector('a[href*=\"wh-2024\"]')")
    hrefs = page.eval_on_selector_all("a.pe-result__link", "els => els.map(e => e.getAttribute('href'))")
    assert hrefs and all("wc-2025" in h for h in hrefs)
    page.select_option("select[name=year]", "")
    page.locator("select[name=report]").focus()                     # the report list comes when the reader gets there
    page.select_option("select[name=report]", "wh-2024")
    page.wait_for_function("document.querySelector('#pe-search').dataset.done && !document.querySelector('a[href*=\"wc-2025\"]')")
    hrefs = page.eval_on_selector_all("a.pe-result__link", "els => els.map(e => e.getAttribute('href'))")
    assert hrefs and all("wh-2024" in h for h in hrefs)


def test_file_url(tab, site):
    _, root = site
    url = (root / "zh-Hant" / "search" / "index.html").as_uri() + "?q=技术合同成交额"
    tab.page.goto(url)
    wait_done(tab.page)
    href, mark, _ = first(tab.page)
    assert href == "../reports/wh-2024/s2/index.html#s2-p2"        # file:// needs index.html
    assert mark == "技術合同成交額"
    assert all(u.startswith("file://") for u in tab.requests)
    assert tab.errors == []


def test_phone_viewport_and_tap(chromium, server):
    w = Tab(chromium, viewport={"width": 375, "height": 700}, is_mobile=True, has_touch=True)
    try:
        page = w.page
        page.goto(server + "search/")
        page.get_by_label("搜索报告全文").fill("光谷科学岛")
        page.get_by_role("button", name="搜索").tap()
        wait_done(page)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375
        page.locator("a.pe-result__link").first.tap()
        page.wait_for_url("**/reports/wh-2024/s2/?q=*#s2-p1")
    finally:
        w.close()


def test_second_query_is_fast(tab, server):
    page = tab.page
    page.goto(server + "search/?q=光谷科学岛")
    wait_done(page)
    box = page.get_by_label("搜索报告全文")
    box.fill("城镇新增就业")
    box.press("Enter")
    page.wait_for_function("document.querySelector('#pe-search').dataset.ms && document.querySelector('a.pe-result__link[href*=\"s3-p1\"]')")
    box.fill("光谷科学岛")
    box.press("Enter")
    page.wait_for_function("document.querySelector('a.pe-result__link[href*=\"s2-p1\"]')")
    wait_done(page)
    assert int(page.get_attribute("#pe-search", "data-ms")) < 100


def test_javascript_units_match_python(tab, server):
    """search.js and normalize.py must cut text the same way (with the manifest's t2s table)."""
    page = tab.page
    page.goto(server + "zh-Hant/search/")
    page.wait_for_function("window.peSearch && window.peSearch.engine && window.peSearch.engine.manifest")
    samples = [d["text"] for d in hant_docs()] + [d["text"] for d in DOCS] + [
        "ＰＭ２．５平均浓度", "SKP 户外街区", "5G+工业互联网", "光谷 科學島", "2.5万亩、3.14.", "A股IPO", "第1.2.3条",
        "昙\u200b华\ufeff林", "①②③", "Ｗｕｈａｎ　２０２５", "〇一二", "𠀀𠀁字",
    ]
    js = page.evaluate("xs => xs.map(x => peSearch.units(x).map(u => [u.s, u.cjk, u.adj]))", samples)
    py = [[[u.s, u.cjk, u.adj] for u in units(x)] for x in samples]
    assert js == py
