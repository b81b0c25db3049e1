"""Outline rules met on real report series (issue #20), on made-up text of the same shapes:
quoted unnumbered part headings, a lead-in clause ending in 是, appendices printed as a label line
and a title line (whose own numbering opens no new part), a sentence a scrape broke around a
bold span."""
from __future__ import annotations

from policyexplorer.ingest.clean import clean
from policyexplorer.ingest.structure import build

META = {"review_years": [2030], "plan_years": [2031]}


def outline(text: str):
    blocks, removed = clean(text)
    return build(blocks, META, removed, "test").sections


def tops(sections) -> list[tuple]:
    return [(s.number, s.title) for s in sections if s.level == 1]


def test_unnumbered_part_headings_with_quotes_open_parts():
    text = ("各位代表：\n现在，我代表市人民政府向大会报告工作。\n"
            "“十六五”时期工作回顾\n五年来，全市经济总量迈上新台阶。\n"
            "“十七五”时期的主要目标\n今后五年，要实现以下目标。\n"
            "2031年重点任务\n今年要抓好五方面工作。\n")
    assert [t for _, t in tops(outline(text)) if t != "前言"] == ["“十六五”时期工作回顾", "“十七五”时期的主要目标",
                                                                "2031年重点任务"]


def test_a_lead_in_ending_in_shi_is_text_not_a_heading():
    text = ("一、总体要求\n今年工作的总体思路是：\n坚持稳中求进工作总基调，推动高质量发展。\n")
    sections = outline(text)
    assert [s.title for s in sections] == ["总体要求"]
    assert sections[0].paragraphs[0].text == "今年工作的总体思路是："


def test_an_appendix_label_line_takes_the_title_line_after_it():
    text = ("一、工作回顾\n过去一年成绩很好。\n二、工作安排\n今年要做好工作。\n各位代表！让我们团结奋斗。\n"
            "附录3\n2031年市十项惠民工程\n全年办好十项惠民工程。\n"
            "一、新建社区食堂100个。\n在中心城区新建社区食堂。\n二、改造老旧小区200个。\n完成老旧小区改造。\n"
            "附件4\n名词注释\n1.“一网通办”：\n指政务服务线上办理。\n")
    sections = outline(text)
    assert tops(sections) == [("一、", "工作回顾"), ("二、", "工作安排"), (None, "结束语"),
                              ("附录3", "2031年市十项惠民工程"), ("附件4", "名词注释")]
    # the appendix's own 一、二、 are its items, not new parts of the report
    inside = [s for s in sections if s.level == 2]
    assert [s.number for s in inside] == ["一、", "二、"]
    assert all(s.parent == sections[[s.title for s in sections].index("2031年市十项惠民工程")].anchor for s in inside)


def test_a_sentence_broken_around_a_bold_span_is_one_paragraph():
    # "…的" dangles: no title ends with 的, so the short line after it continues the sentence,
    # and so does the line after that ("是：…")
    text = ("二、今后五年的目标\n今后五年是关键时期。\n“十七五”时期全市发展的\n主要指标\n是：地区生产总值年均增长5%左右，居民收入稳步增长。\n"
            "持续改善空气质量，以PM\n2.5\n浓度下降为主线，推进协同减排。\n")
    sections = outline(text)
    assert [s.title for s in sections] == ["今后五年的目标"]
    assert [p.text for p in sections[0].paragraphs] == [
        "今后五年是关键时期。", "“十七五”时期全市发展的主要指标是：地区生产总值年均增长5%左右，居民收入稳步增长。",
        "持续改善空气质量，以PM2.5浓度下降为主线，推进协同减排。"]


def test_a_short_title_line_still_stands_alone():
    # without a dangling word, a short line before a sentence is a heading, not a broken sentence
    text = "一、工作安排\n今年要做好工作。\n财政政策\n加大财政支出力度，优化支出结构。\n"
    assert [s.title for s in outline(text)] == ["工作安排", "财政政策"]


REVIEW = ("一、过去一年工作回顾\n过去一年，全市经济运行稳中有进。\n"
          "一是建成一批重大交通工程。\n全年新建城市道路120公里，开通地铁两条。新增公交线路35条，市民出行更加便捷。\n"
          "二是全力稳定就业和物价。\n城镇新增就业12万人，居民消费价格涨幅控制在2%以内。社会大局保持稳定。\n"
          "——这是城乡面貌明显改善、任务全面完成的一年。\n城乡人居环境持续改善，新建公园38个。改造老旧小区210个。\n"
          "——这是改革开放不断深化的一年。\n完成重点改革任务60项，外贸进出口增长8%。新设外资企业300家。\n"
          "二、今年工作安排\n今年要重点抓好以下工作。\n")


def test_stand_alone_lead_lines_of_a_series_are_second_level_headings():
    sections = outline(REVIEW)
    leads = [s for s in sections if s.kind == "lead"]
    assert [s.title for s in leads] == ["一是建成一批重大交通工程", "二是全力稳定就业和物价",
                                        "——这是城乡面貌明显改善、任务全面完成的一年", "——这是改革开放不断深化的一年"]
    review = next(s for s in sections if s.number == "一、")
    assert all(s.level == 2 and s.parent == review.anchor for s in leads)
    # (a paragraph under a lead says more than one sentence: one-sentence lines in a row are a list)
    # each keeps its paragraph, and looks back with the review it stands in (its "任务" is no plan)
    assert all(len(s.paragraphs) == 1 and s.looks == "back" and s.years == [2030] for s in leads)
    assert [s.number for s in sections if s.level == 1] == ["一、", "二、"]


def test_run_in_leads_a_lone_lead_and_a_list_of_targets_stay_text():
    run_in = ("一、过去一年工作回顾\n一是建成一批重大交通工程。全年新建城市道路120公里。\n"
              "二是全力稳定就业和物价。城镇新增就业12万人。\n")
    lone = ("一、过去一年工作回顾\n五年来主要做了以下工作。\n我们全力推进工业强省，工业投资连续保持两位数增长，产业结构持续优化。\n")
    targets = ("二、主要预期目标\n地区生产总值增长6%左右。\n城镇新增就业25万人以上。\n居民消费价格涨幅3%左右。\n"
               "——城镇调查失业率5.5%左右。\n——居民收入增长与经济增长同步。\n")
    for text in (run_in, lone, targets):
        sections = outline(text)
        assert not [s for s in sections if s.kind == "lead"], text
        assert len(sections) == 1


def test_a_pages_afterword_after_the_closing_is_an_appendix():
    text = ("各位代表：\n\n现在，我代表市人民政府向大会报告工作。\n\n一、2030年工作回顾\n\n全市经济稳中有进。\n\n"
            "二、2031年主要任务\n\n（一）深化改革\n\n推进国资国企改革，新建学校10所。\n\n"
            "各位代表，让我们团结一心，为建设现代化城市而努力奋斗！\n\n---\n\n**政府工作报告修改3处**\n\n"
            "- “预计全市生产总值比上年增长7.7%左右”改为“全市生产总值比上年增长7.7%”\n\n"
            "- “深化行政审批制度改革”改为“推进行政审批制度改革”\n\n- “取消调整审批事项153项”改为“取消和调整审批事项153项”\n")
    sections = outline(text)
    kinds = [(s.kind, s.title) for s in sections if s.level == 1]
    assert kinds[-2:] == [("closing", "结束语"), ("appendix", "政府工作报告修改3处")]
    # a heading after the address that names a year is still a part of the report
    sections = outline(text.replace("**政府工作报告修改3处**", "**2032年工作设想**"))
    assert ("closing", "结束语") not in [(s.kind, s.title) for s in sections]


def test_sections_whose_numbers_were_lost_fill_the_gap_in_their_run():
    # "（一）…" then "（四）…": the two bold title lines between are sections （二） and （三）, each kept
    # apart from the paragraph after it though it has a comma and no sentence end
    text = ("各位代表：\n\n一、2030年工作回顾\n\n过去一年成绩很好。\n\n二、2031年工作安排\n\n今年要做好四方面工作。\n\n"
            "**（一）以项目建设为契机，推进结构性改革**\n\n项目建设是发展的基础，要全力推进。\n\n"
            "**用好改革开放“关键一招”，构建高质量发展体制机制**\n\n改革开放是发展进步的活力之源，要深化改革。\n\n"
            "**塑造文化产业精品，发展文化旅游支柱产业**\n\n文化是凝魂聚气的力量，要繁荣发展。\n\n"
            "**（四）推进生态文明建设，打赢蓝天保卫战**\n\n严控大气污染，改善空气质量。\n")
    sections = outline(text)
    plan = next(s for s in sections if s.level == 1 and s.title == "2031年工作安排")
    subs = [s.title for s in sections if s.parent == plan.anchor]
    assert subs == ["以项目建设为契机，推进结构性改革", "用好改革开放“关键一招”，构建高质量发展体制机制",
                    "塑造文化产业精品，发展文化旅游支柱产业", "推进生态文明建设，打赢蓝天保卫战"]
    assert all(len(s.paragraphs) == 1 and s.paragraphs[0].text.startswith(("项目", "改革", "文化", "严控"))
               for s in sections if s.parent == plan.anchor)
