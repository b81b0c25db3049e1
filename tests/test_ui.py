"""Interface strings written by hand in each script (data/ui.yml), never half-converted (issue #12)."""
from __future__ import annotations

from pathlib import Path

import pytest

from policyexplorer.commitments import build_tracker
from policyexplorer.convert import converter_for
from policyexplorer.ingest import load_corpus
from policyexplorer.site.pages import DAMAGE, LEVEL, site_pages, walk
from policyexplorer.site.tracker import tracker_pages
from policyexplorer.site.ui import CONTENT_CLOSE, CONTENT_OPEN, UiStrings, mark, unmark

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


@pytest.fixture(scope="module")
def used() -> tuple[UiStrings, set[str]]:
    """Every generated page converted once; the interface phrases it looked up."""
    reports = load_corpus(DATA)
    tracker = build_tracker(reports, DATA)
    extra, years = tracker_pages(reports, tracker, DATA)
    ui = UiStrings.load(DATA / "ui.yml")
    asked: set[str] = set()
    lookup = ui.phrase

    def spy(text, fallback):
        asked.add(text)
        return lookup(text, fallback)

    ui.phrase = spy
    convert = converter_for(DATA).to_hant
    for page in walk(site_pages(reports, tracker.marks, extra=extra, tracker_years=years)):
        for _, text in page.texts():        # the page and the data files beside it (rows.js, list.js)
            ui.to_hant(text, convert)
    return ui, asked


def test_every_interface_phrase_is_written_in_both_scripts(used):
    ui, _ = used
    assert not ui.missing, f"add to data/ui.yml: {sorted(ui.missing)[:20]}"


def test_no_phrase_in_the_file_is_stale(used):
    ui, asked = used
    config = {"政府报告政策浏览", "逐节阅读政府报告，对照承诺与执行情况，简体繁体一键切换。", "复制本节链接",
              "项承诺，分属", "个地区。",      # mkdocs.yml; tracker pages a corpus of many places splits
              "官方发布",                     # overview of a report whose meta.yml gives source_url
              "据原文推断：“", "标题",        # overview of a report whose meta.yml leaves fields out
              # a place page: a year the place has no annual report; a place without main targets
              "语料中没有本年的年度报告", "语料中的报告没有可以逐年对照的主要预期目标。",
              # a place page too long for one page: its record split by years, its charts by size
              "按年份分页：", "图表分页：", "历年目标与实际（续）", "页"}
    # the what-changed pages (site/changes.py): a corpus without two consecutive reports of a
    # place has none (tests/test_changes.py looks their phrases up on a corpus that has)
    changes = {p for p in ui.phrases if p in (ROOT / "templates" / "changes.md.j2").read_text(encoding="utf-8")}
    changes |= {"逐年比较", "年报告比较", "年报告与本报告比较"}
    stale = set(ui.phrases) - asked - config - changes - set(LEVEL.values()) - set(DAMAGE.values())  # kinds the corpus may lack
    assert not stale, stale


def test_report_text_is_converted_and_interface_text_looked_up():
    ui = UiStrings({"复制本段链接": "複製本段連結"}, {})
    page = f'<p>{mark("产业链接续发展")}<a title="复制本段链接">¶</a></p>'
    assert ui.to_hant(page, converter_for(DATA).to_hant) == '<p>產業鏈接續發展<a title="複製本段連結">¶</a></p>'
    assert unmark(page) == '<p>产业链接续发展<a title="复制本段链接">¶</a></p>'
    assert mark("s2-3-p1") == "s2-3-p1"                       # ids and urls are never marked


def test_the_built_site_speaks_each_script(built_site):
    hans = (built_site / "reports" / "wuhan-2024-gwr" / "s2" / "index.html").read_text(encoding="utf-8")
    hant = (built_site / "zh-Hant" / "reports" / "wuhan-2024-gwr" / "s2" / "index.html").read_text(encoding="utf-8")
    assert 'title="复制本段链接"' in hans and 'aria-label="页脚"' in hans
    assert 'title="複製本段連結"' in hant and 'aria-label="頁尾"' in hant and 'placeholder="搜尋"' in hant
    for wrong in ("頁脚", "複製本段鏈接", "複製本節鏈接"):
        assert wrong not in hant
    for page in built_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert CONTENT_OPEN not in text and CONTENT_CLOSE not in text, page
