"""Lost words and the glossary on the built site (issue #13): the marks in the pages, the cleaning
record, the glossary page, and the tooltips in Chromium by keyboard and by tap, in both scripts."""
from __future__ import annotations

import re

import pytest

from conftest import Tab
from htmltree import parse

WUHAN = "reports/wuhan-2024-gwr/"
# paragraphs of the 2024 Wuhan reprint known to have lost words (read by hand)
DAMAGED = {"s1-p1": "以习新时代", "s1-p4": "地铁19号线号线二期", "s3-p2": "以习同志", "s3-p6": "纠治“”",
           "s1-4-p1": "线余个", "s4-p1": "以习同志"}


def page(built_site, path):
    return (built_site / path / "index.html").read_text(encoding="utf-8")


def paragraph(html: str, anchor: str) -> str:
    m = re.search(f'<p id="{anchor}" [^>]*>.*?</p>', html, re.S)
    assert m, anchor
    return m.group(0)


@pytest.mark.parametrize("prefix,badge", [("", "文字可能有缺损"), ("zh-Hant/", "文字可能有缺損")])
def test_known_damaged_paragraphs_carry_the_mark(built_site, prefix, badge):
    for anchor, words in DAMAGED.items():
        section = anchor.split("-")[0]
        html = paragraph(page(built_site, f"{prefix}{WUHAN}{section}"), anchor)
        assert "pe-para--damaged" in html and badge in html, anchor
        assert f'aria-describedby="tip-{anchor}"' in html and f'id="tip-{anchor}"' in html
    # an intact paragraph of the same report carries none
    assert "pe-damage" not in paragraph(page(built_site, f"{prefix}{WUHAN}s1"), "s1-p2")


def test_the_text_of_a_damaged_paragraph_is_unchanged(built_site):
    html = paragraph(page(built_site, WUHAN + "s1"), "s1-p4")
    text = re.sub(r'<span class="pe-tip pe-damage".*?</span></span>', "", html)
    assert "开通运营地铁19号线号线二期和国内首条城市空轨" in re.sub(r"<[^>]+>", "", text)


@pytest.mark.parametrize("prefix", ["", "zh-Hant/"])
def test_the_cleaning_record_lists_each_damage_with_its_paragraph(built_site, prefix):
    html = page(built_site, prefix + WUHAN)
    assert 'id="damaged"' in html
    table = re.search(r'<table class="pe-damaged">.*?</table>', html, re.S).group(0)
    for anchor in DAMAGED:
        section = anchor.split("-")[0]
        assert f'href="{section}/index.html#{anchor}"' in table, anchor
    assert len(re.findall("<tr>", table)) == 1 + 24
    # a clean report says so
    assert "pe-damaged" not in page(built_site, prefix + "reports/wuhan-2025-plan/")


def test_terms_are_explained_in_report_pages_and_the_tracker(built_site):
    s1 = page(built_site, WUHAN + "s1")
    assert re.search(r'<abbr class="pe-tip pe-gl" tabindex="0" aria-describedby="(tip-\d+)">“965”'
                     r'<span class="pe-tip__box" role="tooltip" id="\1">武汉市“十四五”规划', s1)
    hant = page(built_site, "zh-Hant/" + WUHAN + "s1")
    assert "武漢市“十四五”規劃提出的現代產業體系" in hant                   # report text: OpenCC
    wuchang = page(built_site, "reports/wuchang-2025-gwr/s2")
    assert "国家重大战略实施、重点领域安全能力建设" in wuchang              # its own note, on its own page
    assert 'class="pe-tip pe-gl"' not in page(built_site, "reports/wuchang-2025-gwr/s4")   # the notes themselves
    tracker = "".join(p.read_text(encoding="utf-8") for p in (built_site / "tracker").rglob("index.html"))
    assert 'class="pe-tip pe-gl"' in tracker
    # tooltip ids are unique on every page
    for path in (built_site / "reports").rglob("index.html"):
        ids = re.findall(r'id="(tip-[^"]+)"', path.read_text(encoding="utf-8"))
        assert len(ids) == len(set(ids)), path


@pytest.mark.parametrize("prefix,title,curated", [("", "名词解释", "编辑整理"), ("zh-Hant/", "名詞解釋", "編輯整理")])
def test_the_glossary_page_lists_every_term_with_its_source(built_site, prefix, title, curated):
    html = page(built_site, prefix + "glossary")
    tree = parse(built_site / prefix / "glossary" / "index.html")
    assert re.search(f"<h1[^>]*>{title}", html)
    assert curated in html
    dts = [e for e in tree.iter() if e.tag == "dt"]
    assert len(dts) == 10 + 18                     # data/glossary.yml and the Wuchang report's notes
    assert "965" in html and ("一主引领" in html or "一主引領" in html)
    assert 'href="../reports/wuhan-fyp14/' in html                   # where the corpus explains 965
    # each of its 18 notes, and the curated 两重两新 citing one of them
    assert html.count('href="../reports/wuchang-2025-gwr/s4/index.html#s4-p') == 18 + 1


def test_the_glossary_is_in_the_top_navigation(built_site):
    for prefix in ("", "zh-Hant/"):
        home = page(built_site, prefix.rstrip("/") if prefix else "")
        assert 'href="glossary/index.html"' in home


# -- in Chromium ---------------------------------------------------------------------------------

def tip_of(el):
    return el.page.locator("#" + el.get_attribute("aria-describedby"))


@pytest.mark.parametrize("prefix,words", [("", "武汉市“十四五”规划"), ("zh-Hant/", "武漢市“十四五”規劃")])
def test_keyboard_focus_shows_the_explanation(tab, site_url, prefix, words):
    p = tab.page
    p.set_viewport_size({"width": 1280, "height": 800})
    p.goto(site_url + prefix + WUHAN + "s1/index.html#s1-3")
    term = p.locator("abbr.pe-gl", has_text="965").first
    box = tip_of(term)
    assert not box.is_visible()
    # Tab from the element before it lands on the term, which shows its explanation
    term.evaluate("e => { const b = document.createElement('button'); b.id = 'pe-before'; e.before(b); b.focus(); }")
    p.keyboard.press("Tab")
    assert p.evaluate("document.activeElement.getAttribute('aria-describedby')") == term.get_attribute("aria-describedby")
    assert box.is_visible() and words in box.inner_text()
    p.keyboard.press("Escape")                                       # dismissible without moving focus
    assert not box.is_visible()
    p.keyboard.press("Tab")
    assert not box.is_visible()
    assert tab.errors == []


@pytest.mark.parametrize("prefix,badge", [("", "文字可能有缺损"), ("zh-Hant/", "文字可能有缺損")])
def test_tap_opens_and_closes_on_a_phone(chromium, site_url, prefix, badge):
    t = Tab(chromium, viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True)
    try:
        p = t.page
        p.goto(site_url + prefix + WUHAN + "s1/index.html#s1-p4")
        mark = p.locator("#s1-p4 .pe-damage")
        assert mark.inner_text().startswith(badge)
        box = tip_of(mark)
        assert not box.is_visible()
        mark.tap()
        assert box.is_visible()
        text = box.inner_text()
        assert "19号线号线" in text or "19號線號線" in text
        r = box.bounding_box()                                        # on screen, whole
        assert r["x"] >= 0 and r["x"] + r["width"] <= 360 and r["y"] + r["height"] <= 740
        assert mark.bounding_box()["height"] >= 24                    # a tap target
        mark.tap()                                                    # a second tap closes it
        assert not box.is_visible()
        mark.tap()
        p.locator("h1").tap()                                         # so does a tap elsewhere
        assert not box.is_visible()
        term = p.locator("abbr.pe-gl").first
        term.scroll_into_view_if_needed()
        term.tap()
        assert tip_of(term).is_visible()
        assert t.errors == []
    finally:
        t.close()


def test_hover_shows_the_explanation(tab, site_url):
    p = tab.page
    p.set_viewport_size({"width": 1280, "height": 800})
    p.goto(site_url + "reports/wuchang-2025-gwr/s2/index.html")
    term = p.locator("abbr.pe-gl").first
    assert not tip_of(term).is_visible()
    term.hover()
    assert tip_of(term).is_visible()


@pytest.mark.parametrize("prefix", ["", "zh-Hant/"])
def test_the_glossary_page_opens_from_the_navigation(tab, site_url, prefix):
    p = tab.page
    p.set_viewport_size({"width": 1280, "height": 800})
    p.goto(site_url + prefix + "index.html")
    p.locator(".md-sidebar--primary a[href='glossary/index.html']").first.click()
    p.wait_for_url("**/glossary/index.html")
    assert p.locator("dl.pe-glossary dt").count() == 28
    p.locator("a", has_text=re.compile("报告原文中的说明|報告原文中的說明")).first.click()
    p.wait_for_url("**/reports/wuhan-fyp14/**")
    assert tab.errors == []


def test_lost_words_are_underlined_in_the_paragraph(built_site):
    html = paragraph(page(built_site, WUHAN + "s1"), "s1-p4")
    assert '<span class="pe-lost">地铁19号线号线二期</span>' in html
    html = paragraph(page(built_site, WUHAN + "s1"), "s1-p1")
    assert html.count('<span class="pe-lost">习</span>') == 2


@pytest.mark.parametrize("width", [1000, 1280])
def test_every_tooltip_opens_on_screen(tab, site_url, width):
    p = tab.page
    p.set_viewport_size({"width": width, "height": 800})
    p.goto(site_url + "zh-Hant/reports/wuchang-2025-gwr/s2/index.html")
    terms = p.locator(".md-content .pe-tip")
    assert terms.count() >= 10
    for i in range(terms.count()):
        term = terms.nth(i)
        term.focus()
        p.wait_for_timeout(50)                                       # placed on the next frame
        box = tip_of(term).bounding_box()
        assert box and 0 <= box["x"] and box["x"] + box["width"] <= width, (i, box)


def test_a_report_term_is_explained_on_other_reports_pages_unless_local(built_site):
    """Issue #23 B, from the corpus's own glossaries (no term written here): each term a report
    explains for anyone is explained, naming that report, on another report's page using it; a
    term about one place only is explained nowhere else."""
    from pathlib import Path
    from policyexplorer.ingest import load_corpus
    from policyexplorer.site.glossary import Glossary
    data = Path(__file__).resolve().parents[1] / "data"
    reports = load_corpus(data)
    g = Glossary.load(data, reports)
    curated = {f for t in g.curated for f in t.forms}
    spread = [t for t in g.shared if not curated & set(t.forms)]
    local = [t for ts in g.own.values() for t in ts if t.key not in {s.key for s in g.shared}]
    assert spread and local
    seen = 0
    for report in reports:
        for path in (built_site / "reports" / report.id).rglob("index.html"):
            html = path.read_text(encoding="utf-8")
            tips = re.findall(r'<abbr class="pe-tip pe-gl"[^>]*>(.*?)<span class="pe-tip__box"[^>]*>(.*?)'
                              r'<span class="pe-tip__src">(.*?)</span>', html)
            for t in spread:
                if t.report == report.id:
                    continue
                for words, explanation, source in tips:
                    if words in t.forms:
                        seen += 1
                        assert source == t.source and g.titles[t.report] in source
            for t in local:
                if t.report != report.id:
                    assert not any(words in t.forms and explanation == t.explanation
                                   for words, explanation, _ in tips), (path, t.term)
    assert seen >= 1
