"""Pages that stay small: tracker lists in pages of PAGE_ROWS rows, long sections split into
subsection pages (anchors unchanged), and no page of the bundled site over the page budget."""
from __future__ import annotations

from pathlib import Path

from policyexplorer.ingest import parse_report
from policyexplorer.ingest.corpus import assign_pages
from policyexplorer.site.paginate import pagers, split, split_weighted

ROOT = Path(__file__).resolve().parents[1]
BUDGET = 150_000


def test_split_makes_even_pages_without_a_short_tail():
    assert [len(c) for c in split(list(range(40)), 40)] == [40]
    assert [len(c) for c in split(list(range(41)), 40)] == [21, 20]
    assert [len(c) for c in split(list(range(81)), 40)] == [27, 27, 27]
    assert split([], 40) == [[]]
    items = list(range(123))
    assert sum(split(items, 40), []) == items


def test_pages_filled_by_weight_stay_within_the_budget_and_even():
    # rows of equal weight: as many pages as split by count makes, as even
    for n in (1, 40, 41, 81, 123):
        sizes = [len(c) for c in split_weighted(list(range(n)), [1] * n, 40, 40)]
        assert len(sizes) == len(split(list(range(n)), 40)) and max(sizes) - min(sizes) <= 1
    weights = [400, 3000, 800, 1200] * 200          # a place-year's rows: tasks and targets with outcomes
    items = list(range(len(weights)))
    chunks = split_weighted(items, weights, 100_000, 150)
    assert sum(chunks, []) == items                 # every row once, in order
    loads, k = [], 0
    for c in chunks:
        loads.append(sum(weights[k:k + len(c)]))
        k += len(c)
    assert len(chunks) == 12 and max(loads) <= 100_000 and min(loads) > 0.9 * max(loads)
    assert all(len(c) <= 150 for c in split_weighted(items, [1] * len(items), 10**9, 150))
    assert split_weighted([1, 2], [500, 500], 100, 9) == [[1], [2]]      # a heavy row: a page of its own
    assert split_weighted([], [], 100, 9) == [[]]


def test_page_one_keeps_the_list_address():
    ps = pagers("tracker/2025/wuhan/", 3)
    assert [p.path for p in ps] == ["tracker/2025/wuhan/", "tracker/2025/wuhan/2/", "tracker/2025/wuhan/3/"]
    assert ps[1].number == 2 and ps[1].count == 3


def test_a_long_section_gives_its_subsections_pages_and_keeps_every_anchor():
    report, _ = parse_report(ROOT / "data" / "reports" / "wuhan-2024-gwr")
    anchors = [(s.anchor, [p.anchor for p in s.paragraphs]) for s in report.sections]
    top = next(s for s in report.sections if s.parent is None and s.anchor == "s2")
    assign_pages(report, budget=2000)
    assert [(s.anchor, [p.anchor for p in s.paragraphs]) for s in report.sections] == anchors
    subs = [s for s in report.sections if s.parent == "s2"]
    assert top.page == "reports/wuhan-2024-gwr/s2/"
    assert subs and all(s.page == f"reports/wuhan-2024-gwr/{s.anchor}/" for s in subs)
    # a short top-level section stays one page with everything below it
    short = next(s for s in report.sections if s.parent is None and s.anchor == "s4")
    assert all(s.page == short.page for s in report.sections if s.anchor.startswith("s4"))
    assign_pages(report)                       # the real budget: the 2024 report fits its pages
    assert {s.page for s in report.sections if s.parent is None} == {s.page for s in report.sections}


def test_no_page_of_the_bundled_site_is_over_the_budget(built_site):
    pages = {p: p.stat().st_size for p in built_site.rglob("*.html")}
    heavy = {p.relative_to(built_site).as_posix(): n for p, n in pages.items() if n > BUDGET}
    assert heavy == {}


def test_an_old_address_of_a_split_section_forwards_to_the_paragraph(tab, site_url):
    page = tab.page
    page.goto(site_url + "reports/wuhan-2025-gwr-tasks/s4/index.html#s4-2-1-p4")
    page.wait_for_url("**/reports/wuhan-2025-gwr-tasks/s4-2-1/index.html#s4-2-1-p4")
    assert page.locator("[id='s4-2-1-p4']").is_visible()
    assert tab.errors == []
