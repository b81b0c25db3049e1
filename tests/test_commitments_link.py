import pytest
from test_commitments_support import make_report

from policyexplorer.commitments import LinksFileError, build_tracker
from policyexplorer.commitments.extract import extract
from policyexplorer.commitments.link import link_all

PLAN_2024 = ("s2", "forward", [2024], [
    "城镇新增就业25万人以上，居民消费价格涨幅3%左右，新增市级以上众创孵化载体40家，"
    "开工亿元以上项目920个以上，新增学位5万个，推进500个“无废细胞”创建，"
    "基本建成天河机场第三跑道，建成汉剧博物馆，发布数字经济应用场景200个以上。"])
REVIEW_2024 = ("s1", "back", [2024], [
    "城镇新增就业29.8万人，新开工亿元以上项目931个，新增学位5.1万个。",
    "新增省级以上众创孵化载体33家，累计打造1588个“无废细胞”，征集发布应用场景156个。",
    "天河机场迈入“三航站楼+三跑道”时代。汉剧博物馆加快建设。"])


def run(reports):
    cs = extract(reports)
    link_all(reports, cs)
    return {c.text: c for c in cs}


def test_statuses():
    cs = run([make_report("x-2024-gwr", "X市", [PLAN_2024]), make_report("x-2025-plan", "X市", [REVIEW_2024])])
    assert cs["城镇新增就业25万人以上"].status == "exceeded"
    assert cs["开工亿元以上项目920个以上"].status == "met"
    assert cs["新增学位5万个"].status == "met"
    assert cs["发布数字经济应用场景200个以上"].status == "missed"
    assert cs["新增市级以上众创孵化载体40家"].status == "reported"
    assert cs["推进500个“无废细胞”创建"].status == "reported"
    assert cs["居民消费价格涨幅3%左右"].status == "no_report"
    assert cs["基本建成天河机场第三跑道"].status == "met"
    assert cs["建成汉剧博物馆"].status == "partly"
    o = cs["城镇新增就业25万人以上"].outcomes[0]
    assert o.by == "auto" and 0 < o.confidence <= 1 and "29.8万人" in o.explanation and "25万人" in o.explanation


def test_pending_and_other_places():
    cs = run([make_report("x-2024-gwr", "X市", [PLAN_2024]),
              make_report("y-2025-gwr", "Y区", [REVIEW_2024])])
    assert cs["城镇新增就业25万人以上"].status == "pending", "another place's review is not an outcome"


def test_same_year_restatement_is_related():
    reports = [make_report("x-2024-gwr", "X市", [PLAN_2024]),
               make_report("x-2024-tasks", "X市", [("s1", "forward", [2024], [("(二)城镇新增就业25万人以上。", "item")])])]
    cs = extract(reports)
    link_all(reports, cs)
    c = [c for c in cs if c.report.id == "x-2024-gwr" and c.text == "城镇新增就业25万人以上"][0]
    assert c.status == "pending" and c.outcomes == []
    assert any(r.place.report.id == "x-2024-tasks" for r in c.related)


def test_new_year_report_links_without_code_change(tmp_path):
    plan_2026 = make_report("x-2026-gwr", "X市", [
        ("s1", "back", [2025], ["城镇新增就业26万人。"]),
        ("s2", "forward", [2026], ["城镇新增就业27万人以上。"])])
    plan_2025 = make_report("x-2025-gwr", "X市", [("s2", "forward", [2025], ["城镇新增就业25万人以上。"])])
    cs = extract([plan_2025, plan_2026])
    link_all([plan_2025, plan_2026], cs)
    by_year = {c.year: c for c in cs}
    assert by_year[2025].status == "met" and by_year[2025].outcomes[0].place.report.id == "x-2026-gwr"
    assert by_year[2026].status == "pending"


def _write_data(tmp_path, links):
    (tmp_path / "links.yml").write_text(links, encoding="utf-8")
    return tmp_path


def test_editorial_links(tmp_path):
    reports = [make_report("x-2024-gwr", "X市", [PLAN_2024]), make_report("x-2025-plan", "X市", [REVIEW_2024])]
    data = _write_data(tmp_path, """links:
  - paragraph: x-2024-gwr:s2-p1
    quote: 建成汉剧博物馆
    outcome: x-2025-plan:s1-p3
    action: confirm
    status: reported
    note: 仍在建设
  - paragraph: x-2024-gwr:s2-p1
    quote: 新增学位5万个
    outcome: x-2025-plan:s1-p1
    action: reject
""")
    t = build_tracker(reports, data)
    cs = {c.text: c for c in t.commitments}
    assert cs["建成汉剧博物馆"].status == "reported" and cs["建成汉剧博物馆"].outcomes[0].by == "editor"
    assert cs["新增学位5万个"].status == "no_report"


def test_editorial_link_to_missing_paragraph_is_an_error(tmp_path):
    reports = [make_report("x-2024-gwr", "X市", [PLAN_2024]), make_report("x-2025-plan", "X市", [REVIEW_2024])]
    data = _write_data(tmp_path, """links:
  - commitment: x-2024-gwr:s2-p1:1
    outcome: x-2025-plan:s9-p9
    action: add
    status: met
""")
    with pytest.raises(LinksFileError) as err:
        build_tracker(reports, data)
    assert "links.yml" in str(err.value) and "links[0]" in str(err.value) and "s9-p9" in str(err.value)
    assert isinstance(err.value, ValueError)
