"""What changed between consecutive reports of one place and kind (issue #23 A; site/changes.py).

Made-up reports for the pairing and the term rules; the shared unseen sample's consecutive
district reports (and the national pair) built into a scratch site for the page itself, in both
scripts; the development set's runs of consecutive years for N years (one page per pair).
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from policyexplorer.build import build
from policyexplorer.convert import converter_for
from policyexplorer.ingest import load_corpus
from policyexplorer.model import Meta, Paragraph, Report, Section
from policyexplorer.shared import shared_path
from policyexplorer.site import changes
from policyexplorer.site.pages import site_pages, walk
from policyexplorer.site.ui import UiStrings
from policyexplorer.unseen import scratch_corpus

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
UNSEEN = shared_path("eval", "unseen")
MAX_PAGE = 300_000


def made_up(rid: str, year: int, paragraphs: list[str], place="某区", kind="government-work-report",
            titles=("一、过去一年工作回顾", "二、今年工作安排")) -> Report:
    meta = Meta(rid, {"title": f"{year}年{place}政府工作报告", "place": place, "kind": kind, "level": "district",
                      "plan_years": [year], "review_years": [year - 1], "delivered": f"{year}-01-10"})
    sections = []
    for i, title in enumerate(titles, 1):
        page = f"reports/{rid}/s{i}/"
        paras = [Paragraph(f"s{i}-p{j}", text, j) for j, text in enumerate(paragraphs if i == len(titles) else [], 1)]
        sections.append(Section(f"s{i}", None, title, 1, None, "chapter", i, paragraphs=paras, page=page))
    return Report(rid, meta, sections, [], "")


def test_pairs_are_consecutive_years_of_one_place_and_kind():
    run = [made_up(f"x-{y}", y, ["推进工作"]) for y in range(2018, 2024)]           # six years
    other_kind = made_up("x-2019-plan", 2019, ["推进工作"], kind="plan-report")
    other_place = made_up("y-2019", 2019, ["推进工作"], place="另一区")
    gap = made_up("y-2021", 2021, ["推进工作"], place="另一区")
    twice = made_up("x-2020-again", 2020, ["推进工作"])
    twice.meta = Meta("x-2020-again", {**dict(twice.meta), "delivered": "2020-02-01"})   # delivered later
    found = changes.pairs(run + [other_kind, other_place, gap, twice])
    assert [(a.id, b.id) for a, b in found] == [(f"x-{y}", f"x-{y + 1}") for y in range(2018, 2023)]
    assert changes.page_path(run[1]) == "reports/x-2019/changes/"


def test_new_and_gone_terms_named_programmes_and_their_paragraphs():
    lists = changes.load_lists(DATA)
    older = made_up("z-2020", 2020, ["实施“蓝天保卫”专项，建设滨河绿道。", "继续建设滨河绿道，完善社区食堂。"])
    newer = made_up("z-2021", 2021, ["启动城市更新行动，实施“数字街区”示范。", "推进城市更新行动和共享菜园，完善社区食堂。",
                                     "全年新增就业3000人。"])
    new, gone = changes.terms(older, newer, lists)
    new_terms = {t.term: t for t in new}
    assert "城市更新行动" in new_terms and new_terms["城市更新行动"].kind == "named"       # an ending + its words
    assert "数字街区" in new_terms and new_terms["数字街区"].kind == "named"               # quoted
    assert new_terms["城市更新行动"].where == [("reports/z-2021/s2/", "s2-p1"), ("reports/z-2021/s2/", "s2-p2")]
    assert new[0].term == "城市更新行动"                                                 # named and twice: first
    assert "社区食堂" not in new_terms and "食堂" not in new_terms                       # in both years
    assert not any(re.search(r"\d", t) or len(t) < 2 for t in new_terms)                 # no numbers, no single characters
    assert "启动" not in new_terms and "全年" not in new_terms                            # stopwords (data)
    gone_terms = {t.term for t in gone}
    assert {"蓝天保卫", "绿道"} <= gone_terms and "食堂" not in gone_terms


def test_outline_alignment_kept_renamed_new_and_gone():
    older = made_up("o-2020", 2020, ["甲"], titles=("一、过去一年工作回顾", "二、2020年主要任务", "三、加强政府自身建设"))
    newer = made_up("o-2021", 2021, ["甲"], titles=("一、过去一年工作回顾", "二、2021年主要任务", "三、推进乡村全面振兴"))
    shown, gone = changes.outline(older, newer)
    matched = {s.title: (o.title if o else None) for s, o in shown}
    assert matched["一、过去一年工作回顾"] == "一、过去一年工作回顾"
    assert matched["二、2021年主要任务"] == "二、2020年主要任务"
    assert matched["三、推进乡村全面振兴"] is None
    assert [s.title for s in gone] == ["三、加强政府自身建设"]


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> tuple[Path, Path]:
    """The bundled corpus and the shared unseen sample, built: (data folder, site)."""
    tmp = tmp_path_factory.mktemp("changes")
    data = scratch_corpus(DATA, UNSEEN, tmp / "data")
    build(data, tmp / "site", tmp / "work")
    return data, tmp / "site"


@pytest.fixture(scope="module")
def scratch_reports(scratch):
    return {r.id: r for r in load_corpus(scratch[0])}


def _items(html: str, anchor: str) -> list[str]:
    """The terms of the list under the heading with this id."""
    part = html.split(f'id="{anchor}"', 1)[1].split("<h2", 1)[0]
    lists = re.findall(r'<ol class="pe-changes">(.*?)</ol>', part, re.S)
    return [re.sub(r"<[^>]+>", "", t) for t in re.findall(r"<li><strong>(.*?)</strong>", lists[0] if lists else "")]


def _unit_text(report: Report) -> str:
    return "\n".join([s.title for s in report.sections] + [p.text for _, p in report.paragraphs()])


def test_the_district_pair_lists_its_new_and_dropped_terms(scratch, scratch_reports):
    _, site = scratch
    found = changes.pairs(list(scratch_reports.values()))
    assert found, "the shared sample holds consecutive reports of a place"
    for older, newer in found:
        page = site / changes.page_path(newer) / "index.html"
        html = page.read_text(encoding="utf-8")
        new, gone = _items(html, "new"), _items(html, "gone")
        if older.meta["level"] == "district":
            assert len(new) >= 20 and len(gone) >= 20, (newer.id, len(new), len(gone))
        old_text, new_text = _unit_text(older), _unit_text(newer)
        for term in new:
            assert term in new_text and term not in old_text, (newer.id, term)
        for term in gone:
            assert term in old_text and term not in new_text, (older.id, term)
        assert 'id="targets"' in html and 'id="outline"' in html


def test_both_overviews_link_to_the_page_in_both_scripts(scratch, scratch_reports):
    _, site = scratch
    for older, newer in changes.pairs(list(scratch_reports.values())):
        for prefix in (site, site / "zh-Hant"):
            page = prefix / changes.page_path(newer) / "index.html"
            assert page.is_file() and page.stat().st_size < MAX_PAGE, page
            assert 'href="changes/index.html"' in (prefix / "reports" / newer.id / "index.html").read_text(encoding="utf-8")
            assert f'href="../{newer.id}/changes/index.html"' in \
                (prefix / "reports" / older.id / "index.html").read_text(encoding="utf-8")


def test_every_link_on_the_page_reaches_its_anchor(scratch, scratch_reports):
    _, site = scratch
    for _, newer in changes.pairs(list(scratch_reports.values())):
        page = site / changes.page_path(newer) / "index.html"
        html = page.read_text(encoding="utf-8")
        body = html.split('id="new"', 1)[1]
        links = re.findall(r'href="([^"#]+index\.html)(?:#([^"]+))?"', body)
        assert len(links) > 40
        for target, anchor in set(links):
            path = (page.parent / target).resolve()
            assert path.is_file(), target
            if anchor:
                assert f'id="{anchor}"' in path.read_text(encoding="utf-8"), (target, anchor)


def test_traditional_page_is_converted_and_its_interface_written_by_hand(scratch, scratch_reports):
    reports = list(scratch_reports.values())
    ui, convert = UiStrings.load(DATA / "ui.yml"), converter_for(DATA).to_hant
    pages = [p for p in walk(site_pages(reports)) if p.path.endswith("/changes/")]
    assert pages
    for page in pages:
        ui.to_hant(page.markdown, convert)
        ui.title(page.title, convert)
    assert not ui.missing, sorted(ui.missing)
    _, site = scratch
    hant = (site / "zh-Hant" / pages[0].path / "index.html").read_text(encoding="utf-8")
    assert "今年新提法" in hant and "與上年比較" in hant and "与上年比较" not in hant


def test_n_consecutive_years_give_one_page_per_pair(tmp_path):
    """The development set's run of four years of one city: three pages, each with its terms."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    devset = ROOT / "tests" / "devset" / "reports"
    run = sorted(p for p in devset.iterdir() if p.is_dir() and p.name.startswith("zhumadian-"))
    assert len(run) >= 4
    for folder in run:
        shutil.copytree(folder, data / "reports" / folder.name)
    reports = load_corpus(data)
    found = [(a, b) for a, b in changes.pairs(reports) if a.id in {p.name for p in run}]
    assert len(found) == len(run) - 1
    lists = changes.load_lists(data)
    for older, newer in found:
        assert newer.plan_years[0] == older.plan_years[0] + 1
        got = changes.what_changed(older, newer, lists)
        assert len(got["new"]) >= 20 and len(got["gone"]) >= 20, newer.id
    pages = [p.path for p in walk(site_pages(reports)) if p.path.endswith("/changes/")]
    assert sorted(changes.page_path(b) for _, b in found) == sorted(p for p in pages if "zhumadian" in p)
