"""Real reports of kinds the corpus lacks (shared/eval/unseen), added as they are (issue #9).

The bundled corpus is copied to a scratch folder with the unseen folders beside it and built
whole; everything unseen_sample.yaml lists must hold, on the parsed corpus and on the site.
A synthetic report holding only the required meta fields, laid out one paragraph per line with
unnumbered headings, must give a sensible outline, oriented sections and its commitments.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from policyexplorer.build import build
from policyexplorer.commitments import build_tracker
from policyexplorer.ingest import load_corpus
from policyexplorer.shared import shared_path
from policyexplorer.unseen import run, scratch_corpus, squash

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = shared_path("eval", "unseen_sample.yaml")


def test_the_unseen_sample_scores_every_check():
    s = run(ROOT / "data", SAMPLE)
    assert s.passed == s.checks, "\n".join(d for d in s.details if d.startswith("BAD"))
    assert s.checks >= 20


@pytest.fixture(scope="module")
def unseen_site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("unseen")
    data = scratch_corpus(ROOT / "data", SAMPLE.parent / "unseen", tmp / "data")
    build(data, tmp / "site", tmp / "work")
    return tmp / "site"


def test_unseen_reports_are_published_without_their_page_furniture(unseen_site):
    sample = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    for rid in sample["reports"]:
        pages = sorted((unseen_site / "reports" / rid).rglob("index.html"))
        pages += sorted((unseen_site / "zh-Hant" / "reports" / rid).rglob("index.html"))
        assert len(pages) >= 4, rid
        for page in pages:
            html = page.read_text(encoding="utf-8")
            body = html.split('id="removed"')[0]           # the cleaning record quotes it
            for debris in sample["debris_absent"]:
                assert squash(debris) not in squash(body), (page, debris)


def test_unseen_commitments_are_exported_with_their_national_outcomes(unseen_site):
    data = json.loads((unseen_site / "data" / "commitments.json").read_text(encoding="utf-8"))
    items = data["commitments"] if isinstance(data, dict) else data
    national = [c for c in items if c["report"].startswith("cn-")]
    sample = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    for want in sample["commitments"]:
        got = [c for c in national if squash(want["text"]) in squash(c["text"])]
        assert got, want["text"]
        assert got[0]["status"] in want["status"], (want, got[0]["status"])
        for o in got[0].get("outcomes") or []:
            assert o["paragraph"].startswith("cn-"), o          # never a city's figure
    assert (unseen_site / "tracker" / "2018" / "index.html").exists()


META = """title: 2031年某县政府工作报告
issuer: 某县人民政府
place: 某县
level: county
kind: government-work-report
delivered: 2031-01-10
review_years: [2030]
plan_years: [2031]
source: 测试用的虚构报告
"""

SOURCE = """某县政府工作报告
各位代表:
现在,我代表县人民政府向大会报告工作,请予审议。
2030年工作回顾
过去一年,全县地区生产总值增长6.1%,城镇新增就业1.2万人,完成了全年目标任务。
2031年主要预期目标
今年全县经济社会发展的主要预期目标是:地区生产总值增长6%左右,城镇新增就业1万人以上。
2031年重点工作
今年要加快建设县城污水处理厂二期工程,开工建设新城区学校3所。
各位代表!让我们团结奋斗,再创佳绩。
"""


def test_a_new_report_with_only_the_required_fields(tmp_path):
    data = tmp_path / "data"
    (data / "reports" / "mouxian-2031-gwr").mkdir(parents=True)
    (data / "reports" / "mouxian-2031-gwr" / "meta.yml").write_text(META, encoding="utf-8")
    (data / "reports" / "mouxian-2031-gwr" / "source.txt").write_text(SOURCE, encoding="utf-8")
    warnings: list[str] = []
    report, = load_corpus(data, warnings)
    assert [(s.title, s.looks, s.years) for s in report.sections] == [
        ("前言", None, []),
        ("2030年工作回顾", "back", [2030]),
        ("2031年主要预期目标", "forward", [2031]),
        ("2031年重点工作", "forward", [2031]),
        ("结束语", None, []),
    ]
    texts = {c.text for c in build_tracker([report], data).commitments}
    assert {"地区生产总值增长6%左右", "城镇新增就业1万人以上", "开工建设新城区学校3所"} <= texts


def test_a_news_page_reprint_with_unnumbered_headings():
    """The shape the national reprints arrive in: breadcrumbs, timestamps, a dateline, an
    address, unnumbered part headings, numbered tasks, bylines and a copyright footer."""
    warnings: list[str] = []
    report, = load_corpus(ROOT / "tests" / "fixtures" / "reprint", warnings)
    assert not warnings
    assert [(s.title, s.level, s.looks, s.years) for s in report.sections] == [
        ("前言", 1, None, []),
        ("2024年工作回顾", 1, "back", [2024]),
        ("2025年发展主要预期目标", 1, "forward", [2025]),
        ("2025年政府工作任务", 1, "forward", [2025]),
        ("大力提振消费、提高投资效益，全方位扩大国内需求", 2, "forward", [2025]),
        ("因地制宜发展新质生产力，加快建设现代化产业体系", 2, "forward", [2025]),
        ("结束语", 1, None, []),
    ]
    text = "".join(p.text for _, p in report.paragraphs())
    for debris in ("首页", "来源", "字号", "新华社北京", "责任编辑", "仅代表作者", "Copyright", "ICP"):
        assert debris not in text, debris
    assert {r.kind for r in report.removed} == {"web-debris", "share", "dateline", "disclaimer", "copyright"}
    commitments = build_tracker([report], ROOT / "data").commitments
    texts = {c.text for c in commitments}
    assert {"国内生产总值增长5%左右", "城镇调查失业率5.5%左右", "城镇新增就业1200万人以上",
            "居民消费价格涨幅2%左右"} <= texts
    assert all(c.year == 2025 for c in commitments)
