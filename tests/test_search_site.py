"""Search in the built real site (both scripts), in headless Chromium, served under a sub-path:
the queries named in issue #3, the header search box, the search page in Traditional, filters
with the real report titles, file://. The engine itself is tested on a mini-site in
test_search_index.py and test_search_browser.py; the labelled sample in test_search_eval.py.
"""
from __future__ import annotations

import json
import re
from urllib.parse import quote

import pytest

from conftest import Tab
from policyexplorer.search.normalize import ZERO_WIDTH, normalize

PREFIX = {"hans": "", "hant": "zh-Hant/"}


def local_only(requests, prefix):
    return [u for u in requests if not u.startswith(prefix) and not u.startswith("data:")]


def run_query(page, base: str, variant: str, q: str, extra: str = ""):
    page.goto(f"{base}{PREFIX[variant]}search/index.html?q={quote(q)}{extra}")
    page.wait_for_selector("#pe-search[data-done]", timeout=15_000)


def first_result(page) -> dict:
    return page.eval_on_selector("a.pe-result__link", """a => ({
        href: a.getAttribute('href'), abs: a.href,
        tier: a.closest('.pe-search__tier').dataset.tier,
        marks: Array.from(a.querySelectorAll('mark')).map(m => m.textContent),
        snippet: a.querySelector('.pe-result__snippet').textContent,
        html: a.querySelector('.pe-result__snippet').innerHTML})""")


# (variant typed on, query as typed, the first mark: the query as written on that variant's page)
ISSUE_QUERIES = [
    ("hans", "光谷科学岛", "光谷科学岛"),
    ("hant", "光谷科学岛", "光谷科學島"),        # Simplified typed on the Traditional site
    ("hant", "光谷科學島", "光谷科學島"),
    ("hans", "城镇新增就业", "城镇新增就业"),
    ("hant", "城镇新增就业", "城鎮新增就業"),
    ("hans", "技术合同成交额", "技术合同成交额"),
    ("hans", "技術合同成交額", "技术合同成交额"),  # Traditional typed on the Simplified site
    ("hant", "技术合同成交额", "技術合同成交額"),
    ("hans", "昙华林", "昙华林"),
    ("hant", "曇華林", "曇華林"),
    ("hans", "地铁", "地铁"),
    ("hant", "地铁", "地鐵"),
    ("hans", "SKP", "SKP"),
    ("hans", "skp", "SKP"),
    ("hans", "5G", "5G"),
    ("hant", "5G", "5G"),
    ("hans", "PM2.5", "PM2.5"),
    ("hans", "ＰＭ２．５", "PM2.5"),             # full-width, as an IME may type it
    ("hant", "pm2.5", "PM2.5"),
]


@pytest.mark.parametrize("variant,q,mark", ISSUE_QUERIES, ids=[f"{v}-{q}" for v, q, _ in ISSUE_QUERIES])
def test_issue_queries_first_result_has_the_query_as_written(tab, site_url, variant, q, mark):
    page = tab.page
    run_query(page, site_url, variant, q)
    r = first_result(page)
    assert r["tier"] == "1"
    assert r["marks"] and r["marks"][0] == mark
    assert all(normalize(m) == normalize(q) for m in r["marks"])       # a phrase search marks the phrase only
    assert not any(c in r["html"] for c in ZERO_WIDTH)
    assert "<sub>" not in r["html"] and "&lt;" not in r["html"]
    assert r["abs"].startswith(site_url + PREFIX[variant] + "reports/")
    # the link opens the paragraph itself, which contains the query as written
    page.goto(r["abs"])
    anchor = r["abs"].partition("#")[2]
    assert re.fullmatch(r"s[\w-]*-p\d+", anchor)
    text = page.locator(f"[id='{anchor}']").inner_text()
    assert mark in text
    assert local_only(tab.requests, site_url) == []
    assert tab.errors == []


@pytest.mark.parametrize("variant,label", [("hans", "搜索报告全文"), ("hant", "搜尋報告全文")])
def test_header_box_on_every_page_goes_to_the_search_page(chromium, site_url, variant, label):
    t = Tab(chromium, viewport={"width": 1280, "height": 800})
    try:
        page = t.page
        page.goto(f"{site_url}{PREFIX[variant]}reports/wuhan-2024-gwr/s2/index.html")
        box = page.get_by_role("search").get_by_label(label)
        assert box.is_visible()
        assert not page.locator("a.pe-hsearch__link").is_visible()      # the box replaces the icon
        box.fill("光谷科学岛")
        box.press("Enter")
        page.wait_for_url(f"**/{PREFIX[variant]}search/index.html?q=*")
        page.wait_for_selector("#pe-search[data-done]")
        assert page.url.startswith(f"{site_url}{PREFIX[variant]}search/index.html")
        assert page.input_value("#pe-search input[name=q]") == "光谷科学岛"
        assert first_result(page)["tier"] == "1"
        # the toggle is still there and still goes to the twin, with the query
        page.click("a[data-pe-toggle]")
        page.wait_for_selector("#pe-search[data-done]")
        other = "hant" if variant == "hans" else "hans"
        assert page.url.startswith(f"{site_url}{PREFIX[other]}search/index.html")
        assert page.input_value("#pe-search input[name=q]") == "光谷科学岛"
        assert local_only(t.requests, site_url) == []
        assert t.errors == []
    finally:
        t.close()


@pytest.mark.parametrize("variant", ["hans", "hant"])
def test_phone_header_shows_the_search_icon(chromium, site_url, variant):
    t = Tab(chromium, viewport={"width": 375, "height": 700}, is_mobile=True, has_touch=True)
    try:
        page = t.page
        page.goto(f"{site_url}{PREFIX[variant]}reports/wuhan-2025-plan/index.html")
        assert not page.locator("form.pe-hsearch").is_visible()
        icon = page.locator("a.pe-hsearch__link")
        assert icon.is_visible()
        assert icon.get_attribute("href") == "../../search/index.html"     # without JS: the search page
        icon.tap()                                                          # with JS: the box, over the header
        box = page.locator("form.pe-hsearch input[name=q]")
        assert box.is_visible() and page.evaluate("document.activeElement.name") == "q"
        box.fill("城镇新增就业")
        page.wait_for_selector("form.pe-hsearch[data-done] .pe-hsearch__list a")
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        panel = page.locator(".pe-hsearch__panel").bounding_box()
        assert panel["x"] >= 0 and panel["x"] + panel["width"] <= 375
        page.locator(".pe-hsearch__list a").first.tap()
        page.wait_for_url("**/reports/**?q=*#*")
        assert page.locator("mark.pe-hit").count() >= 1
        assert t.errors == []
    finally:
        t.close()


def test_traditional_search_page_speaks_traditional(tab, site_url, built_site):
    page = tab.page
    run_query(page, site_url, "hant", "城镇新增就业")
    assert page.evaluate("document.documentElement.lang") == "zh-Hant"
    assert page.locator("h1").inner_text().startswith("搜尋")          # Taiwan/Hong Kong wording
    assert page.get_by_label("搜尋報告全文").count() == 1
    assert page.get_by_label("報告", exact=True).count() == 1
    assert page.get_by_label("年份", exact=True).count() == 1
    ui = page.inner_text("#pe-search form") + page.inner_text(".pe-search__status") + \
        " ".join(page.locator(".pe-search__tier-title").all_inner_texts())
    assert "個段落包含" in ui and "完整包含" in ui
    for simplified in ("报告", "个段落", "词语", "显示", "进入", "结果"):
        assert simplified not in ui, simplified
    # report filter: real report titles, in Traditional, newest report first
    corpus = json.loads((built_site / "data" / "corpus.json").read_text(encoding="utf-8"))
    page.focus("select[name=report]")                                 # the list comes when the reader gets there
    page.wait_for_function("document.querySelectorAll('select[name=report] option').length > 1")
    options = page.eval_on_selector_all("select[name=report] option", "os => os.map(o => [o.value, o.textContent])")
    assert options[0] == ["", "全部報告"]
    assert sorted(v for v, _ in options[1:]) == sorted(r["id"] for r in corpus["reports"])
    titles = dict(options[1:])
    assert titles["wuhan-2024-gwr"] == "2024年武漢市政府工作報告"
    assert all("报告" not in t and "汉" not in t for t in titles.values())
    years = page.eval_on_selector_all("select[name=year] option", "os => os.map(o => o.textContent)")
    assert years[0] == "全部年份" and "2025年" in years and years[1:] == sorted(years[1:], reverse=True)


def test_filters_by_report_and_year_on_the_real_index(tab, site_url):
    page = tab.page
    run_query(page, site_url, "hans", "城镇新增就业")

    def hrefs():
        return page.eval_on_selector_all("a.pe-result__link", "els => els.map(e => e.getAttribute('href'))")

    assert len({h.split("/")[2] for h in hrefs()}) >= 3
    page.focus("select[name=report]")
    page.select_option("select[name=report]", label="2024年武汉市政府工作报告")
    page.wait_for_function("document.querySelector('#pe-search').dataset.done && "
                           "!document.querySelector('a.pe-result__link:not([href*=\"wuhan-2024-gwr\"])')")
    assert hrefs() and all("/wuhan-2024-gwr/" in h for h in hrefs())
    assert "report=wuhan-2024-gwr" in page.url                         # the filtered search can be shared
    page.select_option("select[name=report]", "")
    page.select_option("select[name=year]", "2016")                   # only the five-year plan looks back on 2016
    page.wait_for_function("document.querySelector('#pe-search').dataset.done && "
                           "!document.querySelector('a.pe-result__link:not([href*=\"wuhan-fyp14\"])')")
    assert all("/wuhan-fyp14/" in h for h in hrefs())
    # a shared URL restores the filters
    run_query(page, site_url, "hans", "城镇新增就业", "&report=wuchang-2025-gwr")
    assert page.input_value("select[name=report]") == "wuchang-2025-gwr"
    assert hrefs() and all("/wuchang-2025-gwr/" in h for h in hrefs())


def test_keyboard_only_from_box_to_paragraph(tab, site_url):
    page = tab.page
    page.goto(site_url + "search/index.html")
    page.get_by_label("搜索报告全文").focus()
    page.keyboard.type("昙华林")
    page.keyboard.press("Enter")
    page.wait_for_selector("#pe-search[data-done] a.pe-result__link")   # ArrowDown needs a drawn result
    page.keyboard.press("ArrowDown")
    href = page.evaluate("document.activeElement.getAttribute('href')")
    assert href.startswith("../reports/") and "#" in href
    page.keyboard.press("Enter")
    page.wait_for_url("**/reports/**#" + href.partition("#")[2])
    assert "昙华林" in page.locator(f"[id='{href.partition('#')[2]}']").inner_text()


def test_search_page_from_file_url(tab, built_site):
    page = tab.page
    page.goto((built_site / "zh-Hant" / "search" / "index.html").as_uri() + "?q=" + quote("光谷科学岛"))
    page.wait_for_selector("#pe-search[data-done]")
    r = first_result(page)
    assert r["marks"][0] == "光谷科學島"
    assert re.fullmatch(r"\.\./reports/[\w-]+/s[\w-]+/index\.html\?q=[^#]+#s[\w-]+", r["href"])
    page.click("a.pe-result__link")
    page.wait_for_load_state()
    assert page.url.startswith("file://") and "光谷科學島" in page.locator(f"[id='{r['href'].partition('#')[2]}']").inner_text()
    # the header box works from file:// too
    page.set_viewport_size({"width": 1280, "height": 800})
    page.fill("form.pe-hsearch input[name=q]", "地铁")
    page.press("form.pe-hsearch input[name=q]", "Enter")
    page.wait_for_selector("#pe-search[data-done]")
    assert page.url.startswith("file://") and "/zh-Hant/search/index.html?q=" in page.url
    assert first_result(page)["marks"][0] == "地鐵"
    assert [u for u in tab.requests if not u.startswith(("file://", "data:"))] == []
    assert tab.errors == []


def test_search_page_markup(built_site):
    for prefix in ("", "zh-Hant/"):
        text = (built_site / prefix / "search" / "index.html").read_text(encoding="utf-8")
        assert '<p><link' not in text                                   # no stylesheet inside a paragraph
        assert 'id="pe-search"' in text and 'data-strings="' in text
        assert "<noscript>" in text
        assert 'href="../search/index.html"' in text                     # the header icon
        assert 'class="pe-hsearch"' not in text                          # no second box on the search page
        report = (built_site / prefix / "reports" / "wuhan-2024-gwr" / "index.html").read_text(encoding="utf-8")
        assert '<form class="pe-hsearch" action="../../search/index.html" method="get" role="search" data-root="../../"' in report
