"""Charts in the browser (issue #13): an indicator's chart is present, named for assistive
technology, drawn as its table says, fits a phone; a tracker year's status bar shows its counts."""
from __future__ import annotations

import pytest

from conftest import Tab

INDICATOR = "tracker/indicators/tech-contract-value/index.html"
NAME = {"": "技术合同成交额：历年目标与实际（亿元）", "zh-Hant/": "技術合同成交額：歷年目標與實際（億元）"}

POINTS = """() => [...document.querySelectorAll('#series-1 .pe-pt')].map(p => {
  const r = p.getBoundingClientRect();
  return {key: [p.dataset.year, p.dataset.place, p.dataset.role, Number(p.dataset.value)].join('|'),
          value: Number(p.dataset.value), year: Number(p.dataset.year), place: p.dataset.place,
          x: r.left + r.width / 2, y: r.top + r.height / 2};
})"""
# each row: its data, and what it shows (the year cell's digits, the value cell as a number)
ROWS = """() => [...document.querySelectorAll('#series-1-data tr[data-year]')].map(r => ({
  key: [r.dataset.year, r.dataset.place, r.dataset.role, Number(r.dataset.value)].join('|'),
  year: r.dataset.year, value: Number(r.dataset.value),
  shownYear: r.cells[0].textContent.replace(/\\D/g, ''), shownValue: Number(r.querySelector('.pe-series__v').textContent)}))"""


@pytest.mark.parametrize("prefix", ["", "zh-Hant/"])
@pytest.mark.parametrize("width", [1280, 360])
def test_indicator_chart_is_labelled_and_matches_its_table(chromium, site_url, prefix, width):
    t = Tab(chromium, viewport={"width": width, "height": 900})
    try:
        t.page.goto(site_url + prefix + INDICATOR)
        chart = t.page.get_by_role("img", name=NAME[prefix], exact=True)
        assert chart.count() == 1 and chart.is_visible()
        desc = t.page.evaluate("document.getElementById(document.querySelector('#series-1 svg').getAttribute('aria-describedby')).textContent")
        assert ("数字" if not prefix else "數字") in desc
        points = t.page.evaluate(POINTS)
        rows = t.page.evaluate(ROWS)
        assert all(r["shownYear"] == r["year"] and r["shownValue"] == r["value"] for r in rows)
        assert {r["key"] for r in rows} == {p["key"] for p in points}
        assert "2023|wuhan|outcome|2198" in {p["key"] for p in points}
        # drawn where the data puts it: later years to the right, larger values higher up
        wuhan = sorted((p for p in points if p["place"] == "wuhan"), key=lambda p: p["year"])
        assert all(a["x"] < b["x"] for a, b in zip(wuhan, wuhan[1:]) if a["year"] < b["year"])
        by_value = sorted(points, key=lambda p: p["value"])
        assert all(a["y"] >= b["y"] for a, b in zip(by_value, by_value[1:]))
        assert t.page.evaluate("document.documentElement.scrollWidth") <= width
        box = chart.bounding_box()
        assert box["width"] <= width and box["width"] > 0.8 * min(width - 40, 416)
        assert t.errors == []
    finally:
        t.close()


def test_every_indicator_page_fits_a_phone(chromium, site_url, built_site):
    pages = sorted(p.parent.name for p in (built_site / "tracker/indicators").glob("*/index.html"))
    assert len(pages) > 20
    t = Tab(chromium, viewport={"width": 360, "height": 740})
    try:
        for name in pages:
            t.page.goto(site_url + f"tracker/indicators/{name}/index.html")
            assert t.page.evaluate("document.documentElement.scrollWidth") <= 360, name
            assert t.page.locator("svg.pe-chart__svg, table.pe-series__table").count() >= 1 or \
                t.page.locator("tr.pe-trow").count() == 1, name      # one target: its row, no chart
        assert t.errors == []
    finally:
        t.close()


@pytest.mark.parametrize("prefix", ["", "zh-Hant/"])
def test_year_status_bar_shows_the_counts(chromium, site_url, prefix):
    t = Tab(chromium, viewport={"width": 1280, "height": 900})
    try:
        t.page.goto(site_url + prefix + "tracker/2024/index.html")
        bar = t.page.locator(".pe-bar").first
        assert bar.is_visible() and bar.get_attribute("aria-hidden") == "true"
        segs = bar.evaluate("""b => [...b.children].map(s => ({status: s.dataset.status, n: Number(s.dataset.n),
                                                            w: s.getBoundingClientRect().width}))""")
        tally = t.page.evaluate("""() => [...document.querySelectorAll('ul.pe-tally li')].map(li =>
            ({status: li.querySelector('.pe-badge').className.split('--')[1],
              n: Number(li.querySelector('.pe-tally__n').textContent.replace(/\\D/g, ''))}))""")
        assert [(s["status"], s["n"]) for s in segs] == [(x["status"], x["n"]) for x in tally] and tally
        total = sum(s["n"] for s in segs)
        width = sum(s["w"] for s in segs)
        # each segment as wide as its share; the 2 px floor of tiny counts is taken from the others
        slack = 3 + 2 * len(segs)
        for s in segs:
            assert abs(s["w"] - max(width * s["n"] / total, 2)) < slack, s
        # the segments take the badges' colours
        for s in segs:
            colour = t.page.evaluate(f"getComputedStyle(document.querySelector('.pe-bar [data-status={s['status']}]')).backgroundColor")
            badge = t.page.evaluate(f"getComputedStyle(document.querySelector('.pe-tally .pe-badge--{s['status']}')).backgroundColor")
            assert colour == badge
        assert t.errors == []
    finally:
        t.close()
