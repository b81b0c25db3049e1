"""Structure rules on small synthetic reports: glued item numbers, closings, hinted appendices."""
from __future__ import annotations

import pytest

from policyexplorer.ingest.clean import clean
from policyexplorer.ingest.structure import build

META = {"review_years": [2030], "plan_years": [2031]}


def outline(text: str, meta: dict | None = None):
    blocks, removed = clean(text)
    return build(blocks, {**META, **(meta or {})}, removed, "test").sections


def test_item_number_glued_to_a_figure_continues_the_list():
    sections = outline("一、民生项目\n\n1.新建公园5个。\n\n2.新增车位800个。\n\n3.100名医生下沉社区。\n")
    items = [p for s in sections for p in s.paragraphs if p.kind == "item"]
    assert [p.number for p in items] == ["1.", "2.", "3."]
    assert items[2].text == "3.100名医生下沉社区。"


def test_decimal_at_paragraph_start_without_a_list_stays_a_paragraph():
    sections = outline("一、经济\n\n3.5万户企业受益于减税。\n")
    assert [p.kind for s in sections for p in s.paragraphs] == ["p"]


def test_only_the_last_address_to_the_delegates_opens_the_closing():
    text = ("一、回顾\n\n过去一年成绩很好。\n\n二、安排\n\n今年要做好工作。\n\n"
            "各位代表，新的一年，政府将加强自身建设。一是依法行政。二是廉洁从政。\n\n"
            "各位代表！让我们团结奋斗。\n")
    sections = outline(text)
    closing = [s for s in sections if s.kind == "closing"]
    assert len(closing) == 1 and closing[0].paragraphs[0].text == "各位代表！让我们团结奋斗。"
    plan = [s for s in sections if s.number == "二、"][0]
    assert any(p.text.startswith("各位代表，新的一年") for p in plan.paragraphs)


def test_meta_hint_opens_an_appendix_and_numbering_still_infers_parts():
    text = ("报告\n\n过去一年，成绩很好。\n\n一、回顾\n\n经济增长。\n\n二、不足\n\n问题仍然存在。\n\n"
            "今年是关键之年。\n\n一、目标\n\n增长5%。\n\n二、任务\n\n建设新城。\n\n所表1\n\n单位 负责人 签字\n")
    sections = outline(text, {"parts": [{"starts": "所表1", "title": "附表", "kind": "appendix"}]})
    tops = [(s.kind, s.title) for s in sections if s.level == 1]
    assert tops[-1] == ("appendix", "附表")
    assert [k for k, _ in tops].count("part") == 2


# --------------------------------------------------------------------- headings without numbers

REPRINT = "\n".join([
    "现在，我代表国务院，向大会报告政府工作，请予审议。",
    "2030年工作回顾",
    "过去一年，经济运行总体平稳，国内生产总值增长5.2%，城镇新增就业1244万人。",
    "财政政策:",
    "赤字率保持在3%左右，全年新增专项债券3.9万亿元。",
    "2031年发展主要预期目标",
    "今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上。",
    "报告共分三部分：一、过去一年工作回顾；二、今年工作任务；三、政府自身建设。",
])


def test_unnumbered_headings_between_paragraphs_open_sections():
    sections = outline(REPRINT)
    assert [(s.title, s.looks, s.years) for s in sections] == [
        ("前言", None, []),
        ("2030年工作回顾", "back", [2030]),
        ("财政政策", "back", [2030]),
        ("2031年发展主要预期目标", "forward", [2031]),
    ]
    assert [s.level for s in sections] == [1, 1, 2, 1]


def test_numbering_inside_a_sentence_is_not_a_heading():
    sections = outline(REPRINT)
    last = sections[-1].paragraphs[-1]
    assert last.text.startswith("报告共分三部分") and last.kind == "p"


def test_an_unnumbered_heading_above_a_numbered_run_is_its_parent():
    text = ("现在，我代表市人民政府向大会报告工作。\n\n今年工作安排\n\n今年要坚持稳中求进。\n\n"
            "（一）扩大内需\n\n新建充电桩2万个。\n\n（二）科技创新\n\n新增高新技术企业500家。\n")
    sections = outline(text)
    assert [(s.title, s.level, s.parent) for s in sections[1:]] == [
        ("今年工作安排", 1, None), ("扩大内需", 2, "s1"), ("科技创新", 2, "s1")]
    assert all(s.looks == "forward" and s.years == [2031] for s in sections[1:])


@pytest.mark.parametrize("line", ["各位代表：", "主要抓了以下五个方面的工作：", "重点做好八方面工作：", "抓好三件大事：",
                                  "武汉市人民政府", "2025年1月16日"])
def test_addresses_lead_ins_signatures_and_dates_are_not_headings(line):
    sections = outline(f"一、回顾\n\n过去一年成绩很好。\n\n{line}\n\n经济增长5%，就业稳定。\n")
    assert [s.title for s in sections if s.kind != "closing"] == ["回顾"]


# --------------------------------------------------------------------------- time orientation

def test_a_report_without_headings_orients_each_paragraph():
    text = ("新华社受权播发政府工作报告。\n"
            "过去一年，国内生产总值增长6.9%，完成了全年目标。\n"
            "2031年发展主要预期目标是：国内生产总值增长6.5%左右，城镇新增就业1100万人以上。\n")
    sections = outline(text)
    assert len(sections) == 1 and sections[0].title == "全文"
    assert [(p.looks, p.years) for p in sections[0].paragraphs] == [
        (None, []), ("back", [2030]), ("forward", [2031])]


def test_sections_without_a_cue_in_their_title_are_oriented_by_their_words():
    text = ("一、发展成就\n\n过去五年，地区生产总值增长了40%，实现了翻番。\n\n"
            "二、数字经济\n\n到2035年，力争数字经济核心产业增加值占比达到15%，要加快建设算力中心，要推进数据开放。\n")
    meta = {"review_years": [2026, 2027, 2028, 2029, 2030], "plan_years": [2031, 2032, 2033, 2034, 2035]}
    sections = outline(text, meta)
    assert [(s.title, s.looks) for s in sections] == [("发展成就", "back"), ("数字经济", "forward")]


def test_parts_are_inferred_from_a_restart_and_the_words_that_open_them():
    text = ("现在，我代表市人民政府向大会报告工作。\n\n过去一年，全市经济稳中有进。\n\n"
            "（一）扩内需\n\n消费增长8%。\n\n（二）强创新\n\n新增企业500家。\n\n"
            "今年是关键之年，做好今年工作意义重大。\n\n（一）抓投资\n\n开工项目1000个。\n\n（二）促消费\n\n举办活动2000场。\n")
    sections = outline(text)
    assert [(s.title, s.kind, s.looks) for s in sections if s.level == 1] == [
        ("前言", "preamble", None), ("2030年工作回顾", "part", "back"), ("2031年工作安排", "part", "forward")]


def test_a_hint_that_matches_nothing_is_a_warning_not_a_failure():
    blocks, removed = clean("一、回顾\n\n过去一年成绩很好。\n")
    out = build(blocks, {**META, "parts": [{"starts": "不存在的段落", "title": "某部分"}]}, removed, "test")
    assert [s.title for s in out.sections] == ["回顾"]
    assert out.hint_warnings and "不存在的段落" in out.hint_warnings[0]


def test_a_heading_of_two_clauses_is_not_cut_as_run_on():
    from policyexplorer.ingest.headings import _run_on
    two = "准确把握“必须把坚持高质量发展作为新时代的硬道理”的重要要求，在加快经济转型升级中实现质与量的协调增长"
    assert _run_on(two) == (two, "")
    # a heading that ran on into its first sentence is still cut at its title word
    assert _run_on("过去五年工作回顾刚刚过去的2030年面对复杂严峻的国内外形势全市上下攻坚克难，经济运行稳中向好")[0] == "过去五年工作回顾"


def test_a_part_title_broken_over_two_lines_is_one_title():
    sections = outline("一、“十五五”时期及2030年\n\n工作回顾\n\n五年来，经济持续增长。\n\n二、2031年工作安排\n\n今年要做好工作。\n")
    assert [s.title for s in sections if s.level == 1][:2] == ["“十五五”时期及2030年工作回顾", "2031年工作安排"]
    # a short paragraph after a complete title stays a paragraph
    sections = outline("一、2031年工作安排\n\n重点工作\n\n今年要做好工作。\n")
    assert sections[0].title == "2031年工作安排"


def test_numbered_items_that_open_a_parts_sections_are_its_sections():
    body = "今年要抓好以下三个方面的工作：\n\n" \
           "1.坚持创新驱动，培育发展新动能。对标一流建设科技创新高地，推动科技成果在本地转化落地见效。\n\n" \
           "强化企业创新主体地位。支持企业加大研发投入。\n\n" \
           "2.坚持建设精致城市，提升城镇承载能力\n\n" \
           "强化规划引领。高质量编制国土空间规划。\n\n" \
           "3.坚持增进民生福祉，改善群众生活品质。新建学校5所，新增学位3000个，新建公园12个，改造老旧小区40个。\n"
    sections = outline("一、2030年工作回顾\n\n经济平稳。\n\n二、2031年工作安排\n\n" + body)
    subs = [s for s in sections if s.level == 2]
    assert [(s.number, s.title) for s in subs] == [("1.", "坚持创新驱动，培育发展新动能"),
                                                   ("2.", "坚持建设精致城市，提升城镇承载能力"),
                                                   ("3.", "坚持增进民生福祉，改善群众生活品质")]
    assert subs[1].paragraphs[0].text == "强化规划引领。高质量编制国土空间规划。"
    assert subs[2].paragraphs[0].text.startswith("新建学校5所")
    # a list of one-sentence items stays a list
    items = "1.新建公园5个。\n\n2.新增车位800个。\n\n3.新建学校3所。\n"
    sections = outline("一、2031年工作安排\n\n今年办好三件实事：\n\n" + items)
    assert [p.kind for s in sections for p in s.paragraphs][-3:] == ["item"] * 3


def test_a_part_title_listing_what_it_holds_with_a_comma_of_enumeration():
    # "“十三五”时期的指导思想、奋斗目标和主要任务": 、 lists the part's contents; the sentence after it
    # is its first paragraph, not its tail (the Guangdong sample's bold spans that join their
    # sentence are checked in tests/test_unseen.py)
    text = ("一、2030年工作回顾\n\n过去一年，我们取得了很大成绩。\n\n"
            "**“十三五”时期的指导思想、奋斗目标和主要任务**\n\n“十三五”时期是全面建成小康社会的决胜阶段。\n\n"
            "二、2031年重点工作\n\n今年要做好各项工作。\n")
    sections = outline(text)
    part = next(s for s in sections if s.title == "“十三五”时期的指导思想、奋斗目标和主要任务")
    assert part.paragraphs[0].text == "“十三五”时期是全面建成小康社会的决胜阶段。"


def test_a_title_of_several_clauses_without_a_title_word_is_whole_up_to_its_length():
    from policyexplorer.ingest.headings import _run_on
    three = "坚持以提高经济质量效益为中心，狠抓经济发展方式转变，经济运行呈现稳中有进、稳中向好的积极态势"
    assert _run_on(three) == (three, "")
    # far longer, its first clause is the title
    long = three + "，全市生产总值比上年增长7.7%，地方财政收入比上年增长9.8%，城乡居民收入继续增长"
    assert _run_on(long)[0] == "坚持以提高经济质量效益为中心"
