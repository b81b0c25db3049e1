"""Charts of an indicator's figures over the years, and the tracker year's status bar (issue #13):
series gathering, the SVG against its table, and the built pages in both scripts."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from policyexplorer.commitments import build_tracker
from policyexplorer.commitments.extract import extract
from policyexplorer.commitments.indicators import IndicatorIndex
from policyexplorer.commitments.link import link_all
from policyexplorer.commitments.series import gather
from policyexplorer.ingest import load_corpus
from policyexplorer.site.charts import nice_ticks, num, series_html
from policyexplorer.site.tracker import figure, report_label
from policyexplorer.site.ui import unmark

from test_commitments_support import make_report

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
INDEX = IndicatorIndex(DATA / "indicators.yml")
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def corpus():
    reports = load_corpus(DATA)
    tracker = build_tracker(reports, DATA)
    return reports, gather(reports, tracker.commitments, INDEX)


def facts(figures):
    return {(f.role, f.year, f.place_name, f.report.id, f.quantity.raw) for f in figures}


# ---- gathering ---------------------------------------------------------------------------------

def test_a_year_only_a_review_mentions_is_in_the_series(corpus):
    """The 2024 work report reviewing 2023 gives 2023's 技术合同成交额; no report set a 2023 target."""
    _, figures = corpus
    series = facts(figures["tech-contract-value"])
    assert ("outcome", 2023, "武汉市", "wuhan-2024-gwr", "2198亿元") in series
    assert ("target", 2024, "武汉市", "wuhan-2024-gwr", "2400亿元") in series
    assert ("outcome", 2024, "武汉市", "wuhan-2025-plan", "2608亿元") in series
    assert ("target", 2025, "武汉市", "wuhan-2025-plan", "2700亿元") in series
    # another place's figure: in the series, as its own place (no commitment asked for it)
    assert ("outcome", 2024, "武汉市武昌区", "wuchang-2025-gwr", "235亿元") in series
    years = [f.year for f in figures["tech-contract-value"]]
    assert years == sorted(years)


def test_a_growth_rate_and_a_level_are_different_measures():
    plan = make_report("x-2024-gwr", "X市", [("s1", "forward", [2024], ["技术合同成交额突破2400亿元。"])])
    review = make_report("x-2025-gwr", "X市", [
        ("s1", "back", [2024], ["技术合同成交额2608亿元，比上年增长18.6%。"]),
        ("s2", "back", [2016, 2017, 2018, 2019, 2020], ["技术合同成交额累计8000亿元，2020年技术合同成交额达到900亿元。"]),
    ])
    reports = [plan, review]
    commitments = extract(reports, INDEX)
    link_all(reports, commitments, INDEX)
    figs = gather(reports, commitments, INDEX)["tech-contract-value"]
    got = {(f.role, f.year, f.quantity.raw, f.measure) for f in figs}
    assert ("target", 2024, "2400亿元", ("level", "元")) in got
    assert ("outcome", 2024, "2608亿元", ("level", "元")) in got
    assert ("outcome", 2024, "18.6%", ("rate", "%")) in got
    # a passage reviewing five years: a span, unless the clause names its year
    assert ("outcome", None, "8000亿元", ("level", "元")) in got
    assert ("outcome", 2020, "900亿元", ("level", "元")) in got
    html = unmark(series_html(figs, INDEX.by_id["tech-contract-value"], "tracker/indicators/tech-contract-value/",
                              report_label, figure))
    charts = re.findall(r'<figure class="pe-chart" id="(series-\d)">.*?</figure>', html)
    assert charts == ["series-1", "series-2"]               # levels first (the indicator's kind), then the rate
    first, second = html.split('id="series-2"', 1)
    assert 'data-value="2608"' in first and 'data-value="18.6"' not in first
    assert 'data-value="18.6"' in second
    assert "跨年份，不入图" in first and 'data-value="8000"' not in first       # listed, not drawn


def test_a_decline_is_negative():
    review = make_report("x-2025-gwr", "X市", [("s1", "back", [2024], ["单位生产总值能耗下降3.9%。"])])
    figs = gather([review], [], INDEX)["energy-intensity"]
    assert [f.value for f in figs] == [-3.9]


# ---- the svg against its table -------------------------------------------------------------------

def points_and_rows(html: str, cid: str = "series-1"):
    html = unmark(html)
    svg = re.search(r"<svg class=\"pe-chart__svg\".*?</svg>", html.split(f'id="{cid}"', 1)[1], re.S).group(0)
    root = ET.fromstring(svg)
    points = []
    for el in root.iter():
        if "pe-pt" in (el.get("class") or ""):
            if el.tag == SVG + "circle":
                x, y = float(el.get("cx")), float(el.get("cy"))
            else:                                     # a diamond path: its centre
                nums = [float(n) for n in re.findall(r"-?\d+\.\d", el.get("d"))]
                x, y = (nums[0], (nums[1] + nums[5]) / 2)
            points.append(dict(year=int(el.get("data-year")), place=el.get("data-place"), role=el.get("data-role"),
                               value=float(el.get("data-value")), x=x, y=y))
    ticks = [(float(t.text), float(t.get("y"))) for t in root.iter(SVG + "text") if t.get("text-anchor") == "end"]
    table = html.split(f'id="{cid}-data"', 1)[1].split("</table>", 1)[0]
    rows = [dict(zip(("place", "role", "year", "value"), m))
            for m in re.findall(r'<tr class="pe-series__row" data-place="([^"]+)" data-role="(\w+)" '
                                r'data-year="(\d+)" data-value="([^"]+)">', table)]
    return root, points, ticks, rows


def test_svg_points_match_the_table(corpus):
    _, figures = corpus
    html = series_html(figures["tech-contract-value"], INDEX.by_id["tech-contract-value"],
                       "tracker/indicators/tech-contract-value/", report_label, figure)
    root, points, ticks, rows = points_and_rows(html)
    assert root.get("role") == "img" and root.get("viewBox") == "0 0 360 220"
    title = root.find(SVG + "title").text
    assert "技术合同成交额" in title and "亿元" in title
    assert "共6个数字" in root.find(SVG + "desc").text
    # every table row with a year is a point, and every point a row (equal figures drawn once)
    assert {(p["year"], p["place"], p["role"], p["value"]) for p in points} == \
           {(int(r["year"]), r["place"], r["role"], float(r["value"])) for r in rows}
    assert len(points) == len({(p["year"], p["place"], p["role"], p["value"]) for p in points})
    assert (2023, "wuhan", "outcome", 2198.0) in {(p["year"], p["place"], p["role"], p["value"]) for p in points}
    # x follows the year; y follows the value on the axis the tick labels state
    by_place = {}
    for p in points:
        by_place.setdefault(p["place"], []).append(p)
    for pts in by_place.values():
        pts.sort(key=lambda p: p["year"])
        assert all(a["x"] < b["x"] for a, b in zip(pts, pts[1:]) if a["year"] < b["year"])
    (v0, y0), (v1, y1) = ticks[0], ticks[-1]
    for p in points:
        expected = y0 + (p["value"] - v0) / (v1 - v0) * (y1 - y0)
        assert abs(p["y"] - expected) < 0.3, p
    assert sorted(points, key=lambda p: p["value"]) == sorted(points, key=lambda p: -p["y"])


def test_same_figures_same_bytes(corpus):
    _, figures = corpus
    args = (INDEX.by_id["tech-contract-value"], "tracker/indicators/tech-contract-value/", report_label, figure)
    assert series_html(figures["tech-contract-value"], *args) == series_html(list(figures["tech-contract-value"]), *args)


def test_numbers_and_ticks():
    assert [num(v) for v in (2198.0, 29.26, 0.00125, -3.9, -0.0)] == ["2198", "29.26", "0.00125", "-3.9", "0"]
    assert nice_ticks(0, 2700) == [0, 1000, 2000, 3000]
    assert nice_ticks(-3.9, 0) == [-4, -3, -2, -1, 0]
    assert nice_ticks(0, 0) == [0, 0.25, 0.5, 0.75, 1]


# ---- built pages -------------------------------------------------------------------------------------

@pytest.mark.parametrize("prefix", ["", "zh-Hant/"])
def test_indicator_pages_carry_chart_and_table(built_site, prefix):
    page = (built_site / prefix / "tracker/indicators/tech-contract-value/index.html").read_text(encoding="utf-8")
    words = {"": ("历年数字", "实际", "目标", "原文与出处", "技术合同成交额"),
             "zh-Hant/": ("歷年數字", "實際", "目標", "原文與出處", "技術合同成交額")}[prefix]
    for w in words:
        assert w in page, w
    assert 'id="series"' in page and '<svg class="pe-chart__svg"' in page and 'role="img"' in page
    root, points, ticks, rows = points_and_rows(page)
    assert points and len(rows) >= len(points)
    assert (2023, "wuhan", "outcome", 2198.0) in {(p["year"], p["place"], p["role"], p["value"]) for p in points}
    assert words[-1] in root.find(SVG + "title").text
    assert 'href="../../../reports/wuhan-2024-gwr/' in page          # the 2023 figure's paragraph
    # every indicator page with a figure has its chart, unless its one figure is the target of
    # the one commitment listed under it (a chart of one point); none is heavy
    alone = 0
    for f in (built_site / prefix / "tracker/indicators").glob("*/index.html"):
        text = f.read_text(encoding="utf-8")
        charted = '<svg class="pe-chart__svg"' in text or 'class="pe-series__table"' in text
        alone += not charted
        assert charted or (text.count('class="pe-trow"') == 1 and 'id="series"' not in text), f
        assert len(text.encode("utf-8")) < 150_000, f
    assert 0 < alone < 60


@pytest.mark.parametrize("prefix", ["", "zh-Hant/"])
def test_year_page_status_bar_equals_its_counts(built_site, prefix):
    for year in (2024, 2025):
        page = (built_site / prefix / f"tracker/{year}/index.html").read_text(encoding="utf-8")
        bars = re.findall(r'<div class="pe-bar" aria-hidden="true">(.*?)</div>', page)
        assert len(bars) >= 2                                    # the year's, and one per place
        overall = [(s, int(n)) for s, n in re.findall(r'data-status="(\w+)" data-n="(\d+)"', bars[0])]
        tally = page.split('<ul class="pe-tally"', 1)[1].split("</ul>", 1)[0]
        counts = [(s, int(n)) for s, n in re.findall(r'pe-badge--(\w+)">[^<]*</span> <span class="pe-tally__n">(\d+)', tally)]
        assert overall == counts and counts
        total = int(re.search(r"共(\d+)[项項]", page).group(1))
        assert sum(n for _, n in overall) == total


def test_split_indicator_pages_chart_each_place(monkeypatch, corpus):
    """Past SPLIT_ROWS an indicator page becomes a page of places: each place's page charts that
    place's figures, and a place with figures but no commitment gets its page too."""
    import policyexplorer.site.tracker as tracker_mod
    from policyexplorer.site.pages import walk
    reports, _ = corpus
    monkeypatch.setattr(tracker_mod, "SPLIT_ROWS", 1)
    pages, _ = tracker_mod.tracker_pages(reports, build_tracker(reports, DATA), DATA)
    by_path = {p.path: p for p in walk(pages)}
    top = by_path["tracker/indicators/tech-contract-value/"]
    assert "pe-chart" not in top.markdown                      # the page of places: no chart of every place
    wuhan = unmark(by_path["tracker/indicators/tech-contract-value/wuhan/"].markdown)
    wuchang = unmark(by_path["tracker/indicators/tech-contract-value/wuchang/"].markdown)
    assert 'data-place="wuhan"' in wuhan and 'data-place="wuchang"' not in wuhan
    assert 'data-year="2023" data-value="2198"' in wuhan
    assert 'data-place="wuchang"' in wuchang and 'data-value="235"' in wuchang and 'data-place="wuhan"' not in wuchang


def test_lines_join_only_one_scope():
    """市级以上 and 省级以上 targets are points, never one dashed line; one scope over the years is."""
    plan24 = make_report("x-2024-gwr", "X市", [("s1", "forward", [2024], ["新增市级以上众创孵化载体40家。"])])
    plan25 = make_report("x-2025-gwr", "X市", [("s1", "forward", [2025], ["新增省级以上众创孵化载体30家。"]),
                                               ("s2", "back", [2024], ["新增省级以上众创孵化载体33家。"])])
    plan26 = make_report("x-2026-gwr", "X市", [("s1", "back", [2025], ["新增省级以上众创孵化载体35家。"])])
    reports = [plan24, plan25, plan26]
    commitments = extract(reports, INDEX)
    figs = gather(reports, commitments, INDEX)["incubators"]
    html = unmark(series_html(figs, INDEX.by_id["incubators"], "tracker/indicators/incubators/", report_label, figure))
    assert "pe-chart__line--target" not in html and html.count('class="pe-pt pe-pt--target"') == 2
    assert "pe-chart__line--outcome" in html                     # 2024 and 2025, both 省级以上
    assert "（市级以上）" in html and "（省级以上）" in html        # the table says which is which
