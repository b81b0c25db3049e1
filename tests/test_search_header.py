"""Search as you type in the header, "/" to the box, the query marked on the opened page, the
count of paragraphs holding the query as written (issue #13), on the built site in Chromium,
served under a sub-path. The header panel uses the same engine as the search page (search.js)."""
from __future__ import annotations

from urllib.parse import quote

import pytest

from conftest import Tab
from policyexplorer.search.normalize import normalize
from policyexplorer.search.query import Index, search

PREFIX = {"hans": "", "hant": "zh-Hant/"}
PAGE = "reports/wuhan-2024-gwr/s2/index.html"


def exact_count(built_site, variant: str, q: str) -> int:
    """Paragraphs holding the query as written (Python reference, every tier computed)."""
    return search(Index(built_site / PREFIX[variant] / "search" / "data"), q).counts[1]


def header_results(page):
    page.wait_for_selector("form.pe-hsearch[data-done] .pe-hsearch__list a", timeout=15_000)
    return page.eval_on_selector_all(".pe-hsearch__list a", """els => els.map(a => ({
        href: a.getAttribute('href'), abs: a.href.replace(/\\?[^#]*/, ''), tier: a.dataset.tier,
        marks: Array.from(a.querySelectorAll('mark')).map(m => m.textContent)}))""")


@pytest.fixture
def wide(chromium):
    t = Tab(chromium, viewport={"width": 1280, "height": 800})
    yield t
    t.close()


@pytest.mark.parametrize("variant,q,written", [("hans", "城镇新增就业", "城镇新增就业"),
                                               ("hant", "城鎮新增就業", "城鎮新增就業"),
                                               ("hant", "城镇新增就业", "城鎮新增就業")])
def test_results_appear_as_you_type_with_the_exact_count(wide, site_url, built_site, variant, q, written):
    page = wide.page
    page.goto(site_url + PREFIX[variant] + PAGE)
    box = page.locator("form.pe-hsearch input[name=q]")
    box.type(q, delay=20)                                     # no Enter: the panel fills by itself
    results = header_results(page)
    assert page.url.endswith(PAGE)                            # nothing submitted
    assert 1 <= len(results) <= 8
    assert results[0]["tier"] == "1" and results[0]["marks"][0] == written
    assert all("?q=" in r["href"] for r in results)
    n = exact_count(built_site, variant, q)
    assert 0 < n < 20
    status = page.inner_text(".pe-hsearch__status")
    assert status.startswith(f"{n} 個段落包含“{q}”" if variant == "hant" else f"{n} 个段落包含“{q}”")
    assert page.get_attribute("form.pe-hsearch", "data-count") == str(n)
    assert page.locator(".pe-hsearch__panel").is_visible()
    # the same ranking as the search page: the panel's first results are the page's first results
    page.goto(f"{site_url}{PREFIX[variant]}search/index.html?q={quote(q)}")
    page.wait_for_selector("#pe-search[data-done]")
    full = page.eval_on_selector_all("a.pe-result__link", "els => els.slice(0, 8).map(a => a.href.replace(/\\?[^#]*/, ''))")
    assert [r["abs"] for r in results] == full[:len(results)]
    assert page.get_attribute("#pe-search", "data-count") == str(n)
    assert wide.errors == []


def test_keyboard_in_the_header_panel_and_enter_goes_to_the_results_page(wide, site_url):
    page = wide.page
    page.goto(site_url + PAGE)
    box = page.locator("form.pe-hsearch input[name=q]")
    box.type("昙华林", delay=20)
    first = header_results(page)[0]["href"]
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.getAttribute('href')") == first
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.name") == "q"
    page.keyboard.press("Escape")
    assert page.locator(".pe-hsearch__panel").is_hidden()
    page.keyboard.press("Enter")                              # Enter: the full results page
    page.wait_for_url("**/search/index.html?q=*")
    page.wait_for_selector("#pe-search[data-done] a.pe-result__link")
    # the focus is in the box there, so the hint is true: ↓ goes into the results
    assert page.evaluate("document.activeElement.closest('#pe-search') && document.activeElement.name") == "q"
    assert "↓" in page.inner_text(".pe-search__hint")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.classList.contains('pe-result__link')")
    assert wide.errors == []


def test_slash_focuses_the_box_unless_typing(wide, site_url):
    page = wide.page
    page.goto(site_url + PAGE)
    assert page.evaluate("document.activeElement === document.body")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.matches('form.pe-hsearch input[name=q]')")
    assert page.input_value("form.pe-hsearch input[name=q]") == ""      # the "/" is not typed
    page.keyboard.type("5G/")                                           # typing in a box: "/" is a character
    assert page.input_value("form.pe-hsearch input[name=q]") == "5G/"
    page.goto(site_url + "search/index.html")
    page.evaluate("document.activeElement.blur()")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.matches('#pe-search input[name=q]')")
    assert wide.errors == []


def test_slash_opens_the_box_on_a_phone_keyboard(chromium, site_url):
    t = Tab(chromium, viewport={"width": 375, "height": 700})
    try:
        t.page.goto(site_url + PAGE)
        t.page.keyboard.press("/")
        assert t.page.locator("form.pe-hsearch input[name=q]").is_visible()
        assert t.page.evaluate("document.activeElement.name") == "q"
    finally:
        t.close()


@pytest.mark.parametrize("variant,q,written", [("hans", "光谷科学岛", "光谷科学岛"), ("hant", "光谷科学岛", "光谷科學島"),
                                               ("hant", "技術合同成交額", "技術合同成交額")])
def test_the_opened_page_marks_the_query_in_its_paragraph(wide, site_url, variant, q, written):
    page = wide.page
    page.goto(f"{site_url}{PREFIX[variant]}search/index.html?q={quote(q)}")
    page.wait_for_selector("#pe-search[data-done]")
    page.click("a.pe-result__link")
    page.wait_for_selector("mark.pe-hit")
    anchor = page.url.partition("#")[2]
    assert "?q=" in page.url and anchor
    target = page.locator(f"[id='{anchor}']")
    assert target.locator("mark.pe-hit").first.inner_text() == written
    assert page.locator("mark.pe-hit").count() == target.locator("mark.pe-hit").count()   # only there
    box = target.bounding_box()
    assert 0 <= box["y"] < 800                                 # the anchor still scrolls to the paragraph
    # the script toggle keeps the query: the twin paragraph is marked in the other script
    page.click("a[data-pe-toggle]")
    page.wait_for_selector(f"[id='{anchor}'] mark.pe-hit")
    other = page.locator(f"[id='{anchor}'] mark.pe-hit").first.inner_text()
    assert normalize(other) == normalize(written)              # the same words, as the other page writes them
    assert page.evaluate("document.documentElement.lang") != ("zh-Hant" if variant == "hant" else "zh-Hans")
    assert wide.errors == []


def test_a_result_with_only_some_words_marks_those_words(wide, site_url):
    page = wide.page
    q = "光谷科学岛"
    page.goto(f"{site_url}search/index.html?q={quote(q)}")
    page.wait_for_selector("#pe-search[data-done]")
    page.click(".pe-search__tier[data-tier='3'] a.pe-result__link")
    page.wait_for_selector("[data-pe-marked]")
    anchor = page.url.partition("#")[2]
    marks = page.locator(f"[id='{anchor}'] mark.pe-hit").all_inner_texts()
    assert marks and all(len(m) >= 2 and normalize(m) in q for m in marks)
    assert q not in page.inner_text(f"[id='{anchor}']")


@pytest.mark.parametrize("width", [1280, 360])
@pytest.mark.parametrize("variant", ["hans", "hant"])
def test_the_open_panel_is_accessible(chromium, site_url, variant, width):
    from test_a11y import ALWAYS, AXE, FAIL_IMPACTS, RUN_AXE
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `make axe`")
    t = Tab(chromium, viewport={"width": width, "height": 800}, has_touch=width < 600)
    try:
        page = t.page
        page.goto(site_url + PREFIX[variant] + PAGE)
        if width < 600:
            page.locator("a.pe-hsearch__link").click()
        page.locator("form.pe-hsearch input[name=q]").type("光谷科学岛", delay=10)
        header_results(page)
        page.add_script_tag(path=str(AXE))
        bad = [v for v in page.evaluate(RUN_AXE) if v["impact"] in FAIL_IMPACTS or v["id"] in ALWAYS]
        assert bad == []
        # tap targets on phones: the results, the close button, the link to every result
        if width < 600:
            sizes = page.eval_on_selector_all(".pe-hsearch__panel a, .pe-hsearch__close",
                                              "els => els.map(e => e.getBoundingClientRect().height)")
            assert sizes and min(sizes) >= 24
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert t.errors == []
    finally:
        t.close()
