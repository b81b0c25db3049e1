"""A report for a new year, dropped into a copy of the corpus, is linked without any code change."""
from __future__ import annotations

import shutil
from pathlib import Path

from policyexplorer.ingest import corpus
from policyexplorer.commitments import build_tracker
from policyexplorer.site.tracker import tracker_pages

ROOT = Path(__file__).resolve().parents[1]

META = """title: 关于武汉市2025年国民经济和社会发展规划执行情况与2026年国民经济和社会发展规划草案的报告
issuer: 武汉市发展和改革委员会
place: 武汉市
level: city
kind: plan-report
delivered: 2026-01
review_years: [2025]
plan_years: [2026]
source: 测试用的虚构报告
"""

SOURCE = """关于武汉市 2025 年国民经济和社会发展规划执行情况与 2026 年国民经济和社会发展规划草案的报告

一、2025 年国民经济和社会发展规划执行情况

（一）稳就业惠民生

稳岗就业更有力度。城镇新增就业 26 万人，新增高校毕业生就业创业 28 万人。

二、2026 年国民经济和社会发展主要预期目标

城镇新增就业 25 万人以上。
"""


def test_new_year_report_in_a_copy_of_the_corpus(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    folder = data / "reports" / "wuhan-2026-plan"
    folder.mkdir()
    (folder / "meta.yml").write_text(META, encoding="utf-8")
    (folder / "source.txt").write_text(SOURCE, encoding="utf-8")

    reports = corpus.load_corpus(data, [])
    tracker = build_tracker(reports, data)
    jobs = [c for c in tracker.commitments if c.report.id == "wuhan-2025-plan" and c.year == 2025
            and c.indicator is not None and c.indicator.id == "urban-new-jobs"]
    assert jobs, "wuhan-2025-plan sets a 2025 target for 城镇新增就业"
    for c in jobs:
        assert [o.place.report.id for o in c.outcomes] == ["wuhan-2026-plan"]
        assert c.status == "met"                         # 26万人 against 25万人以上: within 5%
        assert "26万人" in c.outcomes[0].explanation
    grads = [c for c in tracker.commitments if c.report.id == "wuhan-2025-plan" and c.year == 2025
             and c.indicator is not None and c.indicator.id == "graduates-employment"]
    assert grads and all(c.status == "missed" for c in grads)   # 28万人 against 30万人以上
    # a 2025 commitment the new report says nothing about is now silence, not "pending"
    wuhan_2025 = [c for c in tracker.commitments if c.year == 2025 and c.report.meta["place"] == "武汉市"]
    assert "pending" not in {c.status for c in wuhan_2025}
    assert any(c.status == "no_report" for c in wuhan_2025)
    # other places are not reviewed by a Wuhan report: the district's 2025 commitments stay pending
    assert {c.status for c in tracker.commitments if c.report.id == "wuchang-2025-gwr"} == {"pending"}
    # and the new report's own plan year is pending
    assert {c.status for c in tracker.commitments if c.report.id == "wuhan-2026-plan"} == {"pending"}

    # the tracker pages follow: a 2026 page, and the 2025 row now shows the outcome
    pages, years = tracker_pages(reports, tracker, data)
    assert 2026 in years and 2025 in years
    year_2025 = next(p for p in pages[0].children if p.path == "tracker/2025/")
    place_page = next(p for p in year_2025.children if p.path == "tracker/2025/wuhan/")
    # (page 1 of the place's list, or a later page of it)
    holder = next(p for p in [place_page, *place_page.children] if f'<tr id="{jobs[0].id}"' in p.markdown)
    row = holder.markdown.split(f'<tr id="{jobs[0].id}"', 1)[1].split("</tr>", 1)[0]
    assert '<span class="pe-badge pe-badge--met">' in row.split("</td>", 1)[0] and "26万人" in row
    assert "../" * holder.path.count("/") + "reports/wuhan-2026-plan/s1/index.html#s1-1-p1" in row
