"""Glossary (issue #13): a report's own 名词注释 parsed in any layout, the curated file, marking."""
from __future__ import annotations

from pathlib import Path

import pytest

from policyexplorer.datafiles import DataFileError
from policyexplorer.ingest import parse_report
from policyexplorer.ingest.glossary import forms_of, report_entries, split_entry
from policyexplorer.site.glossary import Glossary, Marker, Term
from policyexplorer.site.ui import unmark

ROOT = Path(__file__).resolve().parents[1]
META = ("title: 2025年某区政府工作报告\nissuer: 某区人民政府\nplace: 某区\nlevel: district\n"
        "kind: government-work-report\ndelivered: 2025-01\nreview_years: [2024]\nplan_years: [2025]\nsource: 测试\n")
BODY = ("一、2024年工作回顾\n\n过去一年，我们推进“两重”“两新”项目，落实“六稳”要求，建成“一网通办”平台。\n\n"
        "二、2025年工作安排\n\n今年继续实施“两重”“两新”，深化“一网通办”改革，推进“两新一重”建设，储备1965个项目。\n\n")


def report_with(tmp_path: Path, tail: str, name: str = "x-2025-gwr"):
    folder = tmp_path / name
    folder.mkdir()
    (folder / "meta.yml").write_text(META, encoding="utf-8")
    (folder / "source.txt").write_text(BODY + tail, encoding="utf-8")
    report, _ = parse_report(folder)
    return report


@pytest.mark.parametrize("text,parts", [
    ("1.“中碳登”：全国碳排放权注册登记结算系统。", ("“中碳登”", "全国碳排放权注册登记结算系统。")),
    ("12、“一楼四员”：在商务楼宇内设置党建指导员。", ("“一楼四员”", "在商务楼宇内设置党建指导员。")),
    ("（3）六稳: 稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期。", ("六稳", "稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期。")),
    ("③【一网通办】政务服务一个网站办理。", ("一网通办", "政务服务一个网站办理。")),
    ("二、放管服：简政放权、放管结合、优化服务。", ("放管服", "简政放权、放管结合、优化服务。")),
    ("我们要坚持稳中求进，推动发展：这是一句话，不是注释。", None),
    ("(按名词出现先后顺序)", None),
    ("[6] ERP：企业资源计划。", ("ERP", "企业资源计划。")),
])
def test_entry_layouts(text, parts):
    assert split_entry(text) == parts


def test_forms_are_the_quoted_words_and_the_head():
    assert forms_of("不动产“五方联办”") == ["不动产“五方联办”", "五方联办"]
    assert forms_of("“两重”“两新”") == ["“两重”“两新”", "两重", "两新"]
    assert forms_of("“1+6”政务服务大厅") == ["“1+6”政务服务大厅"]       # "1+6" alone is too short


@pytest.mark.parametrize("tail", [
    # a numbered heading, （n） entries, an entry running on into a second paragraph
    "三、名词解释\n\n（1）“两重”“两新”：国家重大战略实施和重点领域安全能力建设，\n\n以及大规模设备更新和消费品以旧换新。\n\n"
    "（2）“六稳”：稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期。\n\n（3）一网通办：政务服务事项一网办理。\n",
    # an unnumbered heading after the last section, bracketed and circled entries
    "附件\n\n《政府工作报告》名词注释\n\n①【两重两新】国家重大战略实施和重点领域安全能力建设，以及大规模设备更新和消费品以旧换新。\n\n"
    "②【六稳】稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期。\n\n③【一网通办】政务服务事项一网办理。\n",
    # a list of abbreviations standing alone after the closing words, entries numbered "1."
    "各位代表！\n\n让我们团结奋斗。\n\n《政府工作报告》相关缩略语\n\n1.“两重”“两新”：国家重大战略实施和重点领域安全能力建设，"
    "以及大规模设备更新和消费品以旧换新。\n\n2.“六稳”：稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期。\n\n3.一网通办：政务服务事项一网办理。\n",
    # a bare "注释：" heading after the closing words, entries numbered as the text's note marks [n]
    "各位代表！\n\n让我们团结奋斗。\n\n---\n\n**注释：**\n\n[1] “两重”“两新”：国家重大战略实施和重点领域安全能力建设，"
    "以及大规模设备更新和消费品以旧换新。\n\n[2] “六稳”：稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期。\n\n[3] 一网通办：政务服务事项一网办理。\n",
])
def test_a_report_glossary_is_found_whatever_its_layout(tmp_path, tail):
    report = report_with(tmp_path, tail)
    entries = report_entries(report)
    assert len(entries) == 3
    assert "两重" in entries[0].head and entries[1].explanation.startswith("稳就业")
    assert all(e.anchor and e.page.startswith("reports/x-2025-gwr/") for e in entries)
    assert "设备更新" in "".join([entries[0].explanation] + entries[0].more)


def test_the_bundled_district_report_explains_its_own_terms():
    report, _ = parse_report(ROOT / "data" / "reports" / "wuchang-2025-gwr")
    entries = report_entries(report)
    assert len(entries) == 18
    heads = [e.head for e in entries]
    assert heads[0] == "“中碳登”" and "“两重”“两新”" in heads and heads[-1] == "安全生产“两个清单”和“四方责任”"
    assert all(e.explanation for e in entries)


def test_reports_without_a_glossary_have_none():
    for name in ("wuhan-2024-gwr", "wuhan-2025-plan", "wuhan-fyp14"):
        report, _ = parse_report(ROOT / "data" / "reports" / name)
        assert report_entries(report) == []


@pytest.fixture
def glossary(tmp_path):
    report = report_with(tmp_path, "三、名词解释\n\n1.“六稳”：稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期。\n")
    (tmp_path / "glossary.yml").write_text(
        "terms:\n  - term: 两重两新\n    forms: ['“两重”“两新”', '“两新”']\n    explanation: 重大战略和设备更新。\n"
        "    source: 测试出处\n  - term: 965\n    forms: ['965']\n    explanation: 产业体系。\n    source: 测试\n",
        encoding="utf-8")
    return report, Glossary.load(tmp_path, [report])


def test_first_use_in_a_section_is_explained_once(glossary):
    report, g = glossary
    mark = Marker(g)
    text = "推进“两重”“两新”项目，又推进“两重”“两新”。"
    out = mark(text, report.id, "s1")
    assert out.count("pe-gl") == 1 and "重大战略和设备更新。" in out and "测试出处" in out
    assert mark(text, report.id, "s1").count("pe-gl") == 0          # same section: already explained
    assert mark(text, report.id, "s2").count("pe-gl") == 1          # a new section explains it again
    mark.reset()                                                     # a new page
    assert mark(text, report.id, "s1").count("pe-gl") == 1


def test_a_form_counts_only_whole(glossary):
    report, g = glossary
    mark = Marker(g)
    assert "pe-gl" not in mark("推进“两新一重”建设", report.id, "a")      # a longer quotation
    assert "pe-gl" not in mark("储备1965个项目", report.id, "b")          # a longer number
    assert "pe-gl" in mark("构建965产业体系", report.id, "c")


def test_the_marked_text_is_the_text(glossary):
    """Marking wraps words; it never changes them (quotes copied from the page stay exact)."""
    import re
    report, g = glossary
    text = "过去一年，我们推进“两重”“两新”项目，落实“六稳”要求，<b>&</b>。"
    out = unmark(Marker(g)(text, report.id, "s1"))
    shown = re.sub(r'<span class="pe-tip__box".*?</span></span>', "", out)
    assert re.sub(r"<[^>]+>", "", shown).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") == text


def test_a_reports_terms_are_explained_on_other_reports_pages_naming_it(glossary):
    report, g = glossary
    mark = Marker(g)
    assert "稳就业" in mark("落实“六稳”要求", report.id, "s1")
    mark.reset()                                                             # another page
    elsewhere = mark("落实“六稳”要求", "another-report", "s1")             # issue #23 B: spread
    assert "稳就业" in elsewhere and str(report.meta["title"]) in elsewhere    # naming its source
    # the definitions themselves are not marked
    section = next(s for s in report.sections if "名词解释" in s.title)
    assert "pe-gl" not in mark("“两重”“两新”", report.id, section.anchor)


def test_a_local_definition_stays_on_its_own_reports_pages(tmp_path):
    report = report_with(tmp_path, "三、名词解释\n\n1.“六稳”：稳就业、稳金融、稳外贸。\n"
                                   "2.“八条”：本区促进夜间消费的八条措施。\n3.“双十”：区属十家企业和十个园区。\n")
    g = Glossary.load(tmp_path, [report])
    mark = Marker(g)
    assert "本区促进夜间消费" in mark("出台“八条”", report.id, "s1")            # on its own pages
    for text in ("出台“八条”", "打造“双十”"):
        assert "pe-gl" not in mark(text, "another-report", "s1"), text        # about one place: not elsewhere
    assert "pe-gl" in mark("落实“六稳”", "another-report", "s2")


def test_two_reports_explaining_one_term_the_earliest_explains_it_elsewhere(tmp_path):
    first = report_with(tmp_path, "三、名词解释\n\n1.“六稳”：第一种解释。\n", name="a-2025-gwr")
    second = report_with(tmp_path, "三、名词解释\n\n1.“六稳”：第二种解释。\n", name="b-2025-gwr")
    second.meta = type(second.meta)(second.id, {**dict(second.meta), "delivered": "2024-12-31"})
    for order in ([first, second], [second, first]):
        mark = Marker(Glossary.load(tmp_path, order))
        assert "第二种解释" in mark("落实“六稳”", "c-2025-gwr", "s1")            # delivered earlier
        assert "第一种解释" in mark("落实“六稳”", first.id, "s1")                 # its own, on its pages


def test_curated_entries_need_an_explanation_and_a_source(tmp_path):
    (tmp_path / "glossary.yml").write_text("terms:\n  - term: 六稳\n    explanation: 稳就业。\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="glossary.yml: terms\\[0\\] \\(六稳\\) needs source"):
        Glossary.load(tmp_path, [])


def test_the_curated_file_cites_real_places_in_the_corpus():
    from policyexplorer.ingest import load_corpus
    reports = load_corpus(ROOT / "data")
    g = Glossary.load(ROOT / "data", reports)
    terms = {t.term: t for t in g.curated}
    assert {"两重两新", "965", "一主引领"} <= set(terms)
    assert terms["965"].where.startswith("reports/wuhan-fyp14/")
    assert terms["两重两新"].where.startswith("reports/wuchang-2025-gwr/")
    for t in g.curated:
        assert t.source and t.explanation
        # every curated term is used by some report, as written in its forms
        assert any(f in p.text for r in reports for _, p in r.paragraphs() for f in t.forms), t.term
    assert isinstance(g.own["wuchang-2025-gwr"][0], Term)


def test_lost_words_are_underlined_where_they_are_and_terms_keep_clear_of_them(glossary):
    from policyexplorer.model import Damage
    report, g = glossary
    text = "推进“两重”“两新”项目，开通地铁19号线号线二期。"
    start = text.index("19号线号线")
    lost = [Damage("s1-p1", "reports/x/s1/", "doubled-unit", "…", 3, start + 2, start + 6)]
    out = unmark(Marker(g)(text, report.id, "s1", lost))
    assert '<span class="pe-lost">号线号线</span>' in out and out.count("pe-gl") == 1
    # a term inside lost words is not explained there
    lost = [Damage("s1-p1", "reports/x/s1/", "noted", "“两重”", 3, 2, 6)]
    out = unmark(Marker(g)(text, report.id, "s1", lost))
    assert '<span class="pe-lost">“两重”</span>' in out and "pe-gl" not in out.split("pe-lost")[0]


def test_a_page_re_renders_when_another_reports_glossary_changes(tmp_path):
    """What a page notes of the glossary (trace.py) covers the terms other reports lend it: the
    forms it looks for, and the words of each term it shows."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    report = report_with(tmp_path / "a", "三、名词解释\n\n1.“六稳”：稳就业、稳金融。\n")
    edited = report_with(tmp_path / "b", "三、名词解释\n\n1.“六稳”：稳就业、稳金融、稳外贸。\n")
    g, h = Glossary.load(tmp_path, [report]), Glossary.load(tmp_path, [edited])
    assert g.digest("another-report") == h.digest("another-report")          # the same forms
    assert g.term_digest("another-report", "“六稳”") != h.term_digest("another-report", "“六稳”")
    assert Glossary.load(tmp_path, []).digest("another-report") != g.digest("another-report")
    seen = {}
    from policyexplorer import trace
    trace.reads = seen
    try:
        Marker(g)("落实“六稳”", "another-report", "s1")
    finally:
        trace.reads = None
    assert seen[("gloss_term", ("another-report", "“六稳”"))] == g.term_digest("another-report", "“六稳”")
