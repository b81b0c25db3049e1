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
