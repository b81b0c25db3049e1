"""Place pages and scorecards (issue #23): a place's main targets year by year beside what the next
report says, on places/<slug>/ and in data/scorecards.json + csv.

Checked on the bundled corpus (Wuhan's 2024 and 2025 targets), on the bundled corpus with the
shared sample's unseen reports (a district's 2012 targets answered by its 2013 report), and on a
made-up county with six consecutive work reports (the scorecard works for N years, not two).
"""
from __future__ import annotations

import csv
import io
import json
import posixpath
import re
import shutil
from pathlib import Path

import jsonschema
import pytest

from policyexplorer.commitments import build_tracker
from policyexplorer.csvtable import BOM, key
from policyexplorer.ingest import load_corpus
from policyexplorer.shared import shared_path
from policyexplorer.site.places import main_passages, scorecards, scorecards_csv, scorecards_json
from policyexplorer.site.tracker import row_pages
from policyexplorer.unseen import load_scratch

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SCHEMA = json.loads(shared_path("contract", "scorecards.schema.json").read_text(encoding="utf-8"))
STATUSES = {"exceeded", "met", "partly", "missed", "reported", "no_report", "pending"}
VERDICTS = {"exceeded", "met", "partly", "missed"}


def _cards(reports, commitments):
    return scorecards(reports, commitments, row_pages(reports, commitments))


def _card_of(cards, report_id: str, reports):
    slug = next(r.place_slug for r in reports if r.id == report_id)
    return next(c for c in cards if c.slug == slug)


@pytest.fixture(scope="module")
def bundled():
    reports = load_corpus(DATA)
    commitments = build_tracker(reports, DATA).commitments
    return reports, commitments, _cards(reports, commitments)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    reports, commitments = load_scratch(DATA, shared_path("eval", "unseen_sample.yaml").parent / "unseen",
                                        tmp_path_factory.mktemp("scratch"))
    return reports, commitments, _cards(reports, commitments)


def six_years(data: Path, first: int = 2018, n: int = 6) -> Path:
    """A data folder with the bundled data files and n consecutive work reports of a made-up county,
    each reviewing the year before and listing its main targets."""
    data.mkdir(parents=True)
    for name in ("indicators.yml", "agencies.yml", "areas.yml", "places.yml"):   # not those naming bundled reports
        shutil.copy(DATA / name, data / name)
    for i in range(n):
        y = first + i
        folder = data / "reports" / f"testcounty-{y}-gwr"
        folder.mkdir(parents=True)
        folder.joinpath("meta.yml").write_text(
            f"title: {y}年甲县政府工作报告\nissuer: 甲县人民政府\nplace: 甲县\nlevel: county\n"
            f"kind: government-work-report\ndelivered: {y}-02-20\nreview_years: [{y - 1}]\nplan_years: [{y}]\n"
            "source: 测试用的虚构报告\n", encoding="utf-8")
        folder.joinpath("source.txt").write_text(
            f"{y}年甲县政府工作报告\n\n一、{y - 1}年工作回顾\n\n"
            f"{y - 1}年，全县地区生产总值同比增长{6.5 + i * 0.3:.1f}%，城镇新增就业{2800 + i * 150}人，"
            f"居民消费价格上涨{1.5 + i * 0.4:.1f}%。\n\n二、{y}年工作安排\n\n"
            f"{y}年全县经济社会发展的主要预期目标是：地区生产总值增长7%左右，城镇新增就业3000人以上，"
            "居民消费价格涨幅3%左右。\n\n"
            f"全年新建农村公路{20 + i}公里。\n", encoding="utf-8")
    return data


@pytest.fixture(scope="module")
def six_tracker(tmp_path_factory):
    data = six_years(tmp_path_factory.mktemp("six") / "data")
    reports = load_corpus(data)
    return data, reports, build_tracker(reports, data)


@pytest.fixture(scope="module")
def six(six_tracker):
    _, reports, tracker = six_tracker
    return reports, tracker.commitments, _cards(reports, tracker.commitments)


def test_wuhan_has_its_2024_and_2025_main_targets(bundled):
    reports, commitments, cards = bundled
    card = _card_of(cards, "wuhan-2024-gwr", reports)
    assert card.path == "places/wuhan/" and card.years == [2024, 2025]
    assert len(card.rows) >= 3
    both = [row for row in card.rows if [c.year for c in row.cells] == [2024, 2025]]
    assert len(both) >= 3, [row.name for row in card.rows]
    by_id = {c.id: c for c in commitments}
    for row in card.rows:
        for cell in row.cells:
            c = by_id[cell.commitment]
            assert cell.target and cell.status == c.status in STATUSES and cell.year == c.year
            assert cell.target_url == c.place.url and cell.row_page.startswith(f"tracker/{cell.year}/")
    # the 2024 work report's main-targets paragraph is where the 2024 column comes from
    firsts = {row.cells[0].commitment.split(":")[0] for row in both}
    assert firsts == {"wuhan-2024-gwr"}
    assert all(row.cells[1].status == "pending" for row in both)     # no 2026 report yet
    # a 2024 target the 2025 plan report answers carries its figure and passage
    answered = [cell for row in card.rows for cell in row.cells if cell.outcome]
    assert answered and all(cell.outcome_report == "wuhan-2025-plan" and cell.outcome_url.startswith("reports/")
                            for cell in answered)


def test_main_targets_are_found_in_the_text(bundled):
    reports, commitments, cards = bundled
    gwr = next(r for r in reports if r.id == "wuhan-2024-gwr")
    found = main_passages(gwr)
    assert found and all(re.search(r"主要(?:预期)?目标|预期目标|发展目标",
                                   next(p.text for _, p in gwr.paragraphs() if p.anchor == a)) for a in found)
    # a figure outside that passage (a section's tasks) is no main target, unless the indicator
    # is a main one in another year
    card = _card_of(cards, "wuhan-2024-gwr", reports)
    main = {row.key for row in card.rows}
    outside = [c for c in commitments if c.report.id == "wuhan-2024-gwr" and c.indicator is not None
               and c.place.paragraph.anchor not in found]
    assert any((c.indicator.family or c.indicator.id) not in main for c in outside)


def test_the_district_2012_targets_have_the_2013_reports_figures(scratch):
    reports, commitments, cards = scratch
    card = _card_of(cards, "hailar-2012-gwr", reports)
    assert card.years == [2012, 2013]
    cells_2012 = [cell for row in card.rows for cell in row.cells if cell.year == 2012]
    assert len(cells_2012) >= 4
    assert all(cell.status != "pending" for cell in cells_2012)
    answered = [cell for cell in cells_2012 if cell.outcome]
    assert len(answered) >= 4 and {cell.status for cell in answered} <= VERDICTS
    assert {cell.outcome_report for cell in answered} == {"hailar-2013-gwr"}
    assert all(re.search(r"\d", cell.outcome) for cell in answered)
    cells_2013 = [cell for row in card.rows for cell in row.cells if cell.year == 2013]
    assert cells_2013 and all(cell.status == "pending" and cell.outcome is None for cell in cells_2013)
    # a level set one year and its growth the next are one indicator's row (its family)
    assert sum(len(row.cells) == 2 for row in card.rows) >= 3


def test_six_consecutive_years_make_six_columns(six):
    reports, commitments, cards = six
    [card] = cards
    assert card.years == list(range(2018, 2024)) and len(card.rows) == 3
    for row in card.rows:
        assert [c.year for c in row.cells] == card.years
        assert all(c.status in VERDICTS and c.outcome for c in row.cells[:-1])
        assert row.cells[-1].status == "pending" and row.cells[-1].outcome is None
    # an ordinary task's figure is not a main target
    assert all("公路" not in row.name for row in card.rows)
    by_id = {c.id: c for c in commitments}
    assert [by_id[cell.commitment].report.id for cell in card.rows[0].cells] == \
           [f"testcounty-{y}-gwr" for y in card.years]


def test_a_long_record_is_split_into_pages_that_link_to_each_other(six_tracker, monkeypatch):
    """At scale a place may have decades of reports: the place's page keeps the latest years and
    as many charts as fit; the rest are pages of their own, each linked from the others."""
    from policyexplorer.site import places
    from policyexplorer.site.pages import walk
    from policyexplorer.site.tracker import tracker_pages
    data, reports, tracker = six_tracker
    monkeypatch.setattr(places, "YEARS_PER_PAGE", 4)
    monkeypatch.setattr(places, "CHARTS_BUDGET", 1)          # one indicator's charts a page, none on the place's
    pages, _ = tracker_pages(reports, tracker, data)
    by_path = {p.path: p for p in walk(pages)}
    slug = reports[0].place_slug
    main = f"places/{slug}/"
    chart_pages = [f"{main}charts/{k}/" for k in (2, 3, 4)]
    assert {main, f"{main}2018-2019/", *chart_pages} <= set(by_path)
    links = {main: [f"{main}2018-2019/", *chart_pages], f"{main}2018-2019/": [main],
             **{p: [main, *(q for q in chart_pages if q != p)] for p in chart_pages}}
    for path, targets in links.items():
        for target in targets:
            assert f'href="{posixpath.relpath(target, path)}/index.html"' in by_path[path].markdown, (path, target)
    shown = {path: re.findall(r'<th scope="col">(\d{4})年</th>', by_path[path].markdown)
             for path in [main, f"{main}2018-2019/", f"{main}charts/2/"]}
    assert shown == {main: ["2020", "2021", "2022", "2023"], f"{main}2018-2019/": ["2018", "2019"],
                     f"{main}charts/2/": []}
    charts = [by_path[p].markdown.count('<section class="pe-place-chart"') for p in [main, *chart_pages]]
    assert charts == [0, 1, 1, 1]
    assert "2018-2019" not in by_path[main].title and all(by_path[p].markdown.startswith("# ") for p in by_path
                                                          if p.startswith(main))


def test_scorecards_json_follows_the_contract_and_the_csv_matches(scratch):
    reports, commitments, cards = scratch
    data = scorecards_json(cards)
    jsonschema.validate(data, SCHEMA)
    assert data == scorecards_json(_cards(reports, commitments))       # deterministic
    ids = {c.id for c in commitments}
    places = {p["url"]: p for p in data["places"]}
    for place in data["places"]:
        assert re.fullmatch(r"places/[a-z0-9-]+/", place["url"]) and place["rows"]
        for row in place["rows"]:
            assert row["commitment"] in ids
            assert (row["outcome_report"] is None) == (row["outcome_url"] is None)
    wuhan = places["places/wuhan/"]
    assert wuhan["level"] == "city" and wuhan["parent"]
    assert {2024, 2025} <= {row["year"] for row in wuhan["rows"]}
    text = scorecards_csv(cards)
    assert text.startswith(BOM)
    table = list(csv.reader(io.StringIO(text[len(BOM):])))
    assert [key(cell) for cell in table[0]] == ["place", "level", "parent", "url", "indicator", "year", "target",
                                                "commitment", "status", "outcome", "outcome_report", "outcome_url"]
    assert len(table) - 1 == sum(len(p["rows"]) for p in data["places"])
    assert {row[7] for row in table[1:]} == {r["commitment"] for p in data["places"] for r in p["rows"]}


def _links(page: Path) -> set[Path]:
    html = page.read_text(encoding="utf-8")
    return {(page.parent / m).resolve() for m in re.findall(r'href="([^"#:]+?index\.html)(?:#[^"]*)?"', html)}


@pytest.mark.parametrize("prefix", ["", "zh-Hant/"])
def test_browse_overview_and_tracker_link_to_the_place_page(built_site, prefix):
    site = built_site / prefix if prefix else built_site
    target = (site / "places" / "wuhan" / "index.html").resolve()
    assert target.is_file()
    for page in ["reports/index.html", "reports/wuhan-2024-gwr/index.html", "tracker/2024/wuhan/index.html",
                 "tracker/2024/index.html"]:
        assert target in _links(site / page), page
    assert (site / "places" / "index.html").resolve() in _links(site / "tracker" / "index.html")
    assert target in _links(site / "places" / "index.html")
    # the place page links down to the district, and every link it has resolves
    page = site / "places" / "wuhan" / "index.html"
    assert (site / "places" / "wuchang" / "index.html").resolve() in _links(page)
    assert all(link.is_file() for link in _links(page))
    html = page.read_text(encoding="utf-8")
    assert 'class="pe-scorecard"' in html and 'role="img"' in html
    assert page.stat().st_size < 300_000


def test_the_site_publishes_scorecards(built_site):
    data = json.loads((built_site / "data" / "scorecards.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, SCHEMA)
    for place in data["places"]:
        assert (built_site / place["url"] / "index.html").is_file()
        assert (built_site / "zh-Hant" / place["url"] / "index.html").is_file()
        for row in place["rows"]:
            if row["outcome_url"]:
                path, _, anchor = row["outcome_url"].partition("#")
                assert f'id="{anchor}"' in (built_site / path / "index.html").read_text(encoding="utf-8")
    assert (built_site / "data" / "scorecards.csv").read_text(encoding="utf-8").startswith(BOM)
    assert not (built_site / "zh-Hant" / "data").exists()       # one set of exports, Simplified
    assert '../../../data/scorecards.json"' in (built_site / "zh-Hant" / data["places"][0]["url"] / "index.html").read_text(encoding="utf-8")
    for home in (built_site / "index.html", built_site / "zh-Hant" / "index.html"):   # the downloads list
        html = home.read_text(encoding="utf-8")
        assert 'data/scorecards.json"' in html and 'data/scorecards.csv"' in html


def test_a_place_page_is_rendered_again_only_when_what_it_shows_changes(bundled):
    """site/rerender.py keys a page by its context: a place's page has a key, and another place's
    new report title leaves it alone while its own report's title renews it."""
    from policyexplorer.site import rerender
    from policyexplorer.site.pages import walk
    from policyexplorer.site.tracker import tracker_pages
    from policyexplorer.commitments import Tracker
    reports, commitments, _ = bundled
    tracker = Tracker(commitments, {})

    def keys():
        pages, _ = tracker_pages(reports, tracker, DATA)
        refs = rerender.References(reports)
        return {p.path: rerender.page_key(p, "base", refs) for p in walk(pages) if p.path.startswith("places/")}

    before = keys()
    assert {"places/", "places/wuhan/", "places/wuchang/"} <= set(before) and None not in before.values()
    district = next(r for r in reports if r.place_slug == "wuchang")
    old = dict.__getitem__(district.meta, "title")
    dict.__setitem__(district.meta, "title", old + "（改）")
    try:
        after = keys()
    finally:
        dict.__setitem__(district.meta, "title", old)
    assert after["places/wuchang/"] != before["places/wuchang/"]
    assert after["places/wuhan/"] == before["places/wuhan/"]


def test_a_year_the_corpus_lacks_is_a_column_that_says_so(tmp_path):
    data = six_years(tmp_path / "data", n=4)
    shutil.rmtree(data / "reports" / "testcounty-2020-gwr")
    reports = load_corpus(data)
    tracker = build_tracker(reports, data)
    [card] = _cards(reports, tracker.commitments)
    assert card.years == [2018, 2019, 2020, 2021] and 2020 not in card.planned
    assert all(2020 not in [c.year for c in row.cells] for row in card.rows)
    from policyexplorer.site.pages import walk
    from policyexplorer.site.tracker import tracker_pages
    pages, _ = tracker_pages(reports, tracker, data)
    md = next(p for p in walk(pages) if p.path == card.path).markdown
    gaps = re.findall(r'<td class="pe-scorecard__cell pe-scorecard__cell--none" data-year="(\d+)"><p class="pe-sc-none">'
                      r'([^<]+)</p>', md)
    assert gaps and {y for y, _ in gaps} == {"2020"} and {words for _, words in gaps} == {"语料中没有本年的年度报告"}


def test_a_long_record_stays_under_300_kb_a_page():
    """A province's thirty main indicators over thirty years, each cell with long figures: the
    place's page (ten years, charts up to their budget) stays under 300 KB with the theme's frame."""
    from policyexplorer.site import places
    from policyexplorer.site.pages import Renderer
    from policyexplorer.site.ui import unmark
    years = list(range(1995, 2025))
    rows = [places.ScoreRow(f"family-{i}", f"indicator-{i}", "规模以上工业企业研究与试验发展经费支出占比", [
        places.Cell(y, f"province-{y}-gwr:s12-3-p14:{i}", "达到12345.6亿元左右；同比增长10.5%以上",
                    f"reports/province-{y}-gwr/s12-3/#s12-3-p14", f"某某省{y}年政府工作报告", "exceeded",
                    f"tracker/{y}/province/3/", "完成12456.7亿元；同比增长11.2%", f"province-{y + 1}-gwr",
                    f"reports/province-{y + 1}-gwr/s1-2/#s1-2-p3", f"某某省{y + 1}年政府工作报告")
        for y in years]) for i in range(30)]
    reports = [(f"province-{y}-{k}", "关于某某省国民经济和社会发展计划执行情况与下一年计划草案的报告", "计划执行情况报告",
                f"{y}年") for y in years for k in ("gwr", "plan")]
    card = places.PlaceCard("province", "某某省", "某某省", "province", "中国", [("中国", "cn")], [], reports, years,
                            years, rows)
    r = Renderer()
    r.env.globals.update(status_meaning={}, report_label=str, short=str, figure=str, indicator_kinds={},
                         directions={}, indicator_page=str, agency_page=str, status_order=[])
    charts = [(f"family-{i}", "x" * 12_000) for i in range(30)]      # a chart and its table of thirty years
    chunks, packs = places.page_plan(card, charts)
    assert sorted(y for chunk in chunks for y in chunk) == years and sum(map(len, packs)) == len(charts)
    theme = 40_000          # Material's header, navigation and footer around a page's own HTML (~15 KB)
    for k, chunk in enumerate(chunks):
        md = r.render("place.md.j2", card.path, card=card, years=chunk, main=k == 0,
                      charts="\n\n".join(h for _, h in packs[0]) if k == 0 else "",
                      links={"years": [(card.path, 2015, 2024)], "charts": [card.path]})
        assert len(unmark(md).encode("utf-8")) + theme < 300_000, (k, len(md.encode("utf-8")))
    assert all(sum(len(h) for _, h in pack) <= places.CHARTS_BUDGET for pack in packs)


def test_the_district_page_shows_2012_targets_beside_the_2013_figures(scratch):
    from policyexplorer.commitments import Tracker
    from policyexplorer.site.pages import walk
    from policyexplorer.site.tracker import tracker_pages
    reports, commitments, cards = scratch
    card = _card_of(cards, "hailar-2012-gwr", reports)
    pages, _ = tracker_pages(reports, Tracker(commitments, {}), DATA)
    md = next(p for p in walk(pages) if p.path == card.path).markdown
    cells = re.findall(r'<td class="pe-scorecard__cell" data-year="2012" data-status="(\w+)">(.*?)</td>', md, re.S)
    assert len(cells) >= 4
    for status, html in cells:
        assert f"pe-badge--{status}" in html and status != "pending"
        assert "reports/hailar-2012-gwr/" in html and "tracker/2012/" in html
    answered = [html for status, html in cells if "reports/hailar-2013-gwr/" in html]
    assert len(answered) >= 4
    assert re.search(r'<svg class="pe-chart__svg"[^>]* role="img" aria-labelledby="chart-', md)
