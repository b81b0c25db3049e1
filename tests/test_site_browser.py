"""Toggle, anchors, permalinks and lang in headless Chromium, over http under a sub-path and from file://."""
from __future__ import annotations

import pytest

from conftest import Tab


def local_only(requests, prefix):
    return [u for u in requests if not u.startswith(prefix) and not u.startswith("data:")]


def test_toggle_goes_to_the_twin_and_keeps_the_anchor(tab, site_url):
    page = tab.page
    page.goto(site_url + "reports/wuhan-2024-gwr/s2/index.html#s2-3-p1")
    assert page.evaluate("document.documentElement.lang") == "zh-Hans"
    page.click("a[data-pe-toggle]")
    page.wait_for_url("**/zh-Hant/reports/wuhan-2024-gwr/s2/index.html#s2-3-p1")
    assert page.evaluate("document.documentElement.lang") == "zh-Hant"
    assert page.locator("#s2-3-p1").count() == 1
    page.click("a[data-pe-toggle]")
    page.wait_for_url("**/" + "org/policy-explorer/reports/wuhan-2024-gwr/s2/index.html#s2-3-p1")
    assert page.evaluate("document.documentElement.lang") == "zh-Hans"
    assert local_only(tab.requests, site_url) == []
    assert tab.errors == []


def test_toggle_without_hash_keeps_the_place_on_screen(tab, site_url):
    page = tab.page
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(site_url + "reports/wuhan-fyp14/s3/index.html")
    page.evaluate("document.getElementById('s3-2').scrollIntoView()")
    page.wait_for_timeout(100)
    page.click("a[data-pe-toggle]")
    page.wait_for_url("**/zh-Hant/reports/wuhan-fyp14/s3/index.html#s3-2*")


def test_paragraph_permalink_copies_the_url(chromium, site_url):
    t = Tab(chromium, permissions=["clipboard-read", "clipboard-write"])
    try:
        page = t.page
        page.goto(site_url + "reports/wuhan-2025-plan/s1/index.html")
        para = page.locator("p.pe-para").nth(2)
        pid = para.get_attribute("id")
        link = para.locator("a.pe-pl")
        assert link.evaluate("e => getComputedStyle(e).opacity") == "0"
        para.hover()
        assert link.evaluate("e => getComputedStyle(e).opacity") == "1"
        link.click()
        assert page.url.endswith("#" + pid)
        assert page.evaluate("navigator.clipboard.readText()") == page.url
        assert page.get_by_role("status").inner_text() == "已复制链接"
        assert t.errors == []
    finally:
        t.close()


def test_permalink_visible_on_keyboard_focus(tab, site_url):
    page = tab.page
    page.goto(site_url + "reports/wuhan-2025-plan/s1/index.html")
    first = page.locator("a.pe-pl").first
    first.focus()
    assert first.evaluate("e => getComputedStyle(e).opacity") == "1"
    heading = page.locator("a.headerlink").first
    heading.focus()
    # Material fades header links in; wait for the transition rather than sample it.
    heading.evaluate("e => new Promise(r => { const t = () => getComputedStyle(e).opacity === '1' ? r() : requestAnimationFrame(t); t(); })")


@pytest.mark.parametrize("path,lang", [("", "zh-Hans"), ("zh-Hant/", "zh-Hant")])
def test_pages_from_file_url(tab, built_site, path, lang):
    page = tab.page
    page.goto((built_site / path / "reports/wuchang-2025-gwr/index.html").as_uri())
    assert page.evaluate("document.documentElement.lang") == lang
    page.locator("ul.pe-outline a").first.click()
    page.wait_for_load_state()
    assert page.url.startswith("file://") and "/reports/wuchang-2025-gwr/s0/index.html" in page.url
    page.click("a[data-pe-toggle]")
    page.wait_for_load_state()
    other = "zh-Hans" if lang == "zh-Hant" else "zh-Hant"
    assert page.evaluate("document.documentElement.lang") == other
    assert [u for u in tab.requests if not u.startswith(("file://", "data:"))] == []
    assert tab.errors == []


def test_toggle_prefers_the_paragraph_on_screen_to_a_stale_anchor(tab, site_url):
    page = tab.page
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(site_url + "reports/wuhan-2024-gwr/s2/index.html#s2")
    target = page.locator("p.pe-para").nth(25)
    pid = target.get_attribute("id")
    target.evaluate("e => { e.scrollIntoView(); window.scrollBy(0, -70); }")
    page.wait_for_timeout(100)
    page.click("a[data-pe-toggle]")
    page.wait_for_url("**/zh-Hant/reports/wuhan-2024-gwr/s2/index.html#*")
    landed = page.url.split("#")[1]
    assert landed != "s2"
    assert landed == pid or landed.startswith(pid.rsplit("-p", 1)[0]), (landed, pid)
    # the paragraph the reader was reading is on screen in the other script
    assert page.locator(f"[id='{pid}']").evaluate(
        "e => { const r = e.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; }")


def test_toggle_keeps_an_anchor_still_in_view(tab, site_url):
    page = tab.page
    page.goto(site_url + "reports/wuhan-2024-gwr/s2/index.html#s2-3-p1")
    page.click("a[data-pe-toggle]")
    page.wait_for_url("**/zh-Hant/reports/wuhan-2024-gwr/s2/index.html#s2-3-p1")


def test_toggle_keeps_tracker_filters(tab, site_url):
    page = tab.page
    page.goto(site_url + "tracker/2025/wuhan/index.html")
    options = page.eval_on_selector_all("select[name=agency] option", "os => os.map(o => o.value).filter(Boolean)")
    agency = options[0]
    page.select_option("select[name=agency]", agency)
    page.wait_for_function("location.search.includes('agency=') && !document.getElementById('pe-results').hidden")
    shown = page.locator("tr.pe-trow:not([hidden])").count()
    page.click("a[data-pe-toggle]")
    page.wait_for_url("**/zh-Hant/tracker/2025/wuhan/index.html?*agency=*")
    page.wait_for_function("!document.getElementById('pe-results').hidden")
    assert page.input_value("select[name=agency]") == agency
    assert page.locator("tr.pe-trow:not([hidden])").count() == shown


def test_the_script_choice_is_remembered_with_a_way_back(tab, site_url):
    page = tab.page
    page.goto(site_url + "reports/wuchang-2025-gwr/index.html")
    page.click("a[data-pe-toggle]")                                   # the reader chooses 繁體
    page.wait_for_url("**/zh-Hant/reports/wuchang-2025-gwr/index.html*")
    # later the reader opens a shared Simplified link: its Traditional twin opens instead
    page.goto(site_url + "reports/wuhan-2025-plan/s1/index.html?x=1#s1-p2")
    page.wait_for_url("**/zh-Hant/reports/wuhan-2025-plan/s1/index.html?x=1#s1-p2")
    assert page.evaluate("document.documentElement.lang") == "zh-Hant"
    note = page.locator(".pe-switched")
    assert note.is_visible() and "繁體" in note.inner_text()
    back = note.get_by_role("link", name="改回簡體")
    assert back.bounding_box()["height"] >= 24
    back.click()                                                      # the visible way back
    page.wait_for_url("**/org/policy-explorer/reports/wuhan-2025-plan/s1/index.html?x=1*")
    assert page.evaluate("document.documentElement.lang") == "zh-Hans"
    page.goto(site_url + "reports/wuhan-fyp14/index.html")          # Simplified is now the choice
    assert page.evaluate("document.documentElement.lang") == "zh-Hans"
    assert page.locator(".pe-switched").count() == 0
    assert tab.errors == []


def test_phone_drawer_lists_the_top_pages_and_the_reports_own_sections(chromium, site_url):
    t = Tab(chromium, viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    try:
        page = t.page
        page.goto(site_url + "zh-Hant/reports/wuhan-2024-gwr/s2/index.html")
        page.locator("label.md-header__button[for=__drawer]").tap()
        page.wait_for_timeout(400)
        drawer = page.locator(".md-nav--primary")
        for name in ("首頁", "報告", "承諾追蹤", "搜尋", "概覽", "2024年工作安排"):
            link = drawer.get_by_role("link", name=name, exact=True)
            assert link.is_visible(), name
            box = link.bounding_box()
            assert box and 0 <= box["y"] and box["y"] + box["height"] <= 740 and box["height"] >= 24, (name, box)
        assert drawer.locator("a[aria-current=page]").inner_text().strip() == "2024年工作安排"
        assert t.errors == []
    finally:
        t.close()
