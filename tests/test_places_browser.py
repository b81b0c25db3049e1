"""A place's scorecard in the browser (issue #23): on a 360 px phone the table scrolls sideways
inside its own box while the page does not, and the indicator column stays put; each chart has
an accessible name; in both scripts."""
from __future__ import annotations

import re

import pytest

from conftest import Tab

PLACE = "places/wuhan/index.html"
CHART_NAME = {"": re.compile("：历年目标与实际（"), "zh-Hant/": re.compile("：歷年目標與實際（")}

GEOMETRY = """() => {
  const box = document.querySelector('.pe-scorecard');
  const first = box.querySelector('tbody tr th');
  const cell = box.querySelector('tbody tr td:last-child');
  const r = e => e.getBoundingClientRect();
  return {scroll: box.scrollLeft, boxWidth: box.clientWidth, tableWidth: box.scrollWidth,
          boxLeft: r(box).left, firstLeft: r(first).left, firstRight: r(first).right, cellLeft: r(cell).left,
          page: document.documentElement.scrollWidth, view: window.innerWidth,
          pageX: window.scrollX, overflow: getComputedStyle(box).overflowX,
          // what a reader sees at the first column's place: the indicator's cell, not a year's under it
          onTop: (() => { const b = r(first); const e = document.elementFromPoint(b.left + 4, (b.top + b.bottom) / 2);
                          return !!(e && first.contains(e)); })()};
}"""


@pytest.mark.parametrize("prefix", ["", "zh-Hant/"])
def test_the_scorecard_scrolls_in_its_box_on_a_phone_and_its_first_column_stays(chromium, site_url, prefix):
    t = Tab(chromium, viewport={"width": 360, "height": 740})
    try:
        page = t.page
        page.goto(site_url + prefix + PLACE)
        box = page.locator(".pe-scorecard")
        # below the fixed header, where a reader would see it
        box.evaluate("e => window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY - 200)")
        page.wait_for_timeout(100)
        before = page.evaluate(GEOMETRY)
        assert before["overflow"] == "auto"
        assert before["tableWidth"] > before["boxWidth"], before        # the table is wider than its box…
        assert before["page"] <= before["view"] == 360, before           # …but the page is not wider than the phone
        assert before["onTop"]
        # the box is a labelled region a keyboard can reach (it scrolls with the arrow keys)
        assert box.get_attribute("role") == "region" and box.get_attribute("aria-label")
        assert box.get_attribute("tabindex") == "0"
        box.evaluate("e => { e.scrollLeft = e.scrollWidth; }")
        page.wait_for_timeout(100)
        after = page.evaluate(GEOMETRY)
        assert after["scroll"] > 0
        assert after["cellLeft"] < before["cellLeft"] - 10                # the years moved…
        assert abs(after["firstLeft"] - before["firstLeft"]) < 1          # …the indicator column did not
        assert after["firstLeft"] >= after["boxLeft"] - 1 and after["onTop"]
        assert after["page"] <= 360 and after["pageX"] == 0              # the page itself never scrolled
        # a swipe on the table (mouse wheel sideways stands in for it) moves the box, not the page
        box.evaluate("e => { e.scrollLeft = 0; }")
        box.hover()
        page.mouse.wheel(300, 0)
        page.wait_for_function("document.querySelector('.pe-scorecard').scrollLeft > 0", timeout=10_000)
        swiped = page.evaluate(GEOMETRY)
        assert swiped["scroll"] > 0 and swiped["pageX"] == 0
        assert t.errors == []
    finally:
        t.close()


@pytest.mark.parametrize("prefix", ["", "zh-Hant/"])
@pytest.mark.parametrize("width", [360, 1280])
def test_each_chart_has_an_accessible_name_and_its_figures_in_a_table(chromium, site_url, prefix, width):
    t = Tab(chromium, viewport={"width": width, "height": 900})
    try:
        page = t.page
        page.goto(site_url + prefix + PLACE)
        charts = page.get_by_role("img", name=CHART_NAME[prefix])
        assert charts.count() >= 2
        for i in range(charts.count()):
            chart = charts.nth(i)
            chart.scroll_into_view_if_needed()
            assert chart.is_visible()
            box = chart.bounding_box()
            assert 0 < box["width"] <= width
            # the same figures as a table right after it: the chart's points are the table's rows
            ids = chart.evaluate("s => s.closest('figure').id")
            points = page.locator(f"#{ids} .pe-pt").count()
            rows = page.locator(f"#{ids}-data tr[data-year]").count()
            assert points >= 2 and rows >= points
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert t.errors == []
    finally:
        t.close()
