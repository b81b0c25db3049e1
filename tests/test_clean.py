"""clean(): raw source text -> logical blocks plus a log of what was removed.

Every input here is synthetic: small texts with the same kinds of damage the real sources
have (web-page debris, PDF page footers, page breaks inside paragraphs, broken numbers,
Markdown debris). Each test pins the exact output, so it fails when the feature breaks.
"""
from __future__ import annotations

import pytest

from policyexplorer.ingest.clean import Block, clean, normalise_spaces


def texts(raw: str, extra: list[str] | None = None) -> list[str]:
    return [b.text for b in clean(raw, extra)[0]]


def removals(raw: str, extra: list[str] | None = None) -> list[tuple[int, str, str]]:
    return [(r.line, r.kind, r.text) for r in clean(raw, extra)[1]]


# --------------------------------------------------------------------------- web debris

SCRAPED_PAGE = "\n".join([
    "网站首页",                                  # 1  navigation
    "公司新闻",                                  # 2  navigation
    "ABOUT US",                                  # 3  short Latin nav label
    "",                                          # 4
    "联系人：王经理",                            # 5  contact block
    "手机：13900000000",                         # 6
    "邮箱: info@example.com",                    # 7
    "地址：某省某市某区某路8号",                 # 8
    "",                                          # 9
    "作者：编辑部 点击：35 发布时间：2023-03-02",  # 10 byline
    "",                                          # 11
    "过去一年，全县经济运行总体平稳。",          # 12 report text
    "",                                          # 13
    "今年要抓好三件大事。",                      # 14 report text
    "",                                          # 15
    "本文由某某建材有限公司提供",                # 16 end of report: all the rest is debris
    "相关标签：建材 管道 阀门",                  # 17
    "这一行看起来像正文。",                      # 18 still page furniture
    "热门产品",                                  # 19
])


def test_web_debris_around_a_scraped_report_is_removed():
    assert texts(SCRAPED_PAGE) == ["过去一年，全县经济运行总体平稳。", "今年要抓好三件大事。"]


def test_web_debris_removals_are_logged_with_their_lines():
    assert removals(SCRAPED_PAGE) == [
        (1, "web-debris", "网站首页"),
        (2, "web-debris", "公司新闻"),
        (3, "web-debris", "ABOUT US"),
        (5, "web-debris", "联系人：王经理"),
        (6, "web-debris", "手机：13900000000"),
        (7, "web-debris", "邮箱: info@example.com"),
        (8, "web-debris", "地址：某省某市某区某路8号"),
        (10, "web-debris", "作者：编辑部 点击：35 发布时间：2023-03-02"),
        (16, "web-debris", "本文由某某建材有限公司提供"),
        (17, "web-debris", "相关标签：建材 管道 阀门"),
        (18, "web-debris", "这一行看起来像正文。"),
        (19, "web-debris", "热门产品"),
    ]


@pytest.mark.parametrize("line", [
    "下一篇: 某区发布年度计划",
    "分享到：微信 微博",
    "责任编辑：张三",
    "来源：某某日报",
    "相关阅读",
    "返回顶部",
])
def test_single_debris_lines_are_removed(line):
    raw = f"全年新增就业1万人。\n\n{line}\n\n全年新建学校3所。"
    assert texts(raw) == ["全年新增就业1万人。", "全年新建学校3所。"]
    assert removals(raw) == [(3, "web-debris", line)]


def test_previous_article_link_ends_the_report():
    # "上一篇：" belongs to the page footer of a scraped article: nothing after it is report text
    raw = "全年新增就业1万人。\n\n上一篇：某县召开经济工作会议\n\n全年新建学校3所。"
    assert texts(raw) == ["全年新增就业1万人。"]
    assert removals(raw) == [(3, "web-debris", "上一篇：某县召开经济工作会议"),
                             (5, "web-debris", "全年新建学校3所。")]


def test_debris_words_inside_report_text_are_kept():
    # 联系/地址/首页 inside a sentence are report text, not page furniture
    raw = "完善首页服务功能，公布联系电话和办公地址。"
    assert texts(raw) == [raw]
    assert removals(raw) == []


def test_extra_debris_patterns_from_meta():
    raw = "第一段正文。\n扫码关注本站公众号获取更多资讯\n第二段正文。"
    # without blank lines each line is a paragraph of its own (see the layout tests)
    assert texts(raw, [r"^扫码关注"]) == ["第一段正文。", "第二段正文。"]
    assert removals(raw, [r"^扫码关注"]) == [(2, "web-debris", "扫码关注本站公众号获取更多资讯")]
    # without the pattern the line is ordinary text
    assert texts(raw) == ["第一段正文。", "扫码关注本站公众号获取更多资讯", "第二段正文。"]


# --------------------------------------------------------------------------- page footers

@pytest.mark.parametrize("footer", ["—4—", "— 17 —", "- 3 -", "－9－", "23", "第 3 页 共 20 页"])
def test_page_footer_alone_on_a_line_is_removed(footer):
    raw = f"推进老旧小区改造。\n\n{footer}\n\n新建口袋公园10个。"
    assert texts(raw) == ["推进老旧小区改造。", "新建口袋公园10个。"]
    assert removals(raw) == [(3, "page-footer", footer)]


def test_a_subscript_set_on_a_line_of_its_own_stays_in_its_sentence():
    # a scrape's <sub>: "广义货币M" / "2" / "增长9%" is M2, not a page number
    raw = "稳健的货币政策灵活适度，广义货币M\n2\n增长9%，社会融资规模余额增长10%。"
    assert texts(raw) == ["稳健的货币政策灵活适度，广义货币M2增长9%，社会融资规模余额增长10%。"]
    assert removals(raw) == []
    # after a sentence, a bare figure is still a page number
    assert removals("推进老旧小区改造。\n\n2\n\n新建口袋公园10个。") == [(3, "page-footer", "2")]


def test_page_footer_inside_a_word_across_a_page_break():
    raw = ("开展校园安全整治。\n\n"
           "8. 建设一批示范食堂。(牵头单位:市市场监管局;责任单位:市教—4—\n\n"
           "育局、各区人民政府)")
    assert texts(raw) == ["开展校园安全整治。",
                          "8.建设一批示范食堂。(牵头单位:市市场监管局;责任单位:市教育局、各区人民政府)"]
    assert removals(raw) == [(3, "page-footer", "—4—")]


def test_page_footer_inside_a_word_on_the_next_line():
    raw = "推进农村改厕。\n开展校园安全整治。(牵头单位:市教—12—\n育局)"
    assert texts(raw) == ["推进农村改厕。", "开展校园安全整治。(牵头单位:市教育局)"]
    assert removals(raw) == [(2, "page-footer", "—12—")]


def test_page_footer_cut_at_a_line_end():
    # the PDF lost the footer's opening dash: "...责任 30 —"
    raw = "推进农村改厕。\n\n开展清洁家园行动。(牵头单位:市农业农村局;责任 30 —\n\n单位:各区人民政府)"
    assert texts(raw) == ["推进农村改厕。", "开展清洁家园行动。(牵头单位:市农业农村局;责任单位:各区人民政府)"]
    assert removals(raw) == [(3, "page-footer", "30 —")]


@pytest.mark.parametrize("raw", [
    "规划期为2021—2025年，重点服务30—64周岁人群，2035年基本实现现代化。",
    "构建“1—30—60分钟”通勤圈，打造“15—30—45”物流圈。",   # a dash-number-dash inside a range
])
def test_ranges_are_not_page_footers(raw):
    assert texts(raw) == [raw]
    assert removals(raw) == []


# --------------------------------------------------------------------------- broken paragraphs

def test_paragraph_broken_across_a_blank_line_is_joined():
    raw = "今年投资保持增长。\n\n全年新开工项目120个，\n\n完成投资800亿元。\n\n下一段另起。"
    assert texts(raw) == ["今年投资保持增长。", "全年新开工项目120个，完成投资800亿元。", "下一段另起。"]


def test_paragraph_ending_a_sentence_is_not_joined():
    raw = "全年新开工项目120个。\n\n完成投资800亿元。"
    assert texts(raw) == ["全年新开工项目120个。", "完成投资800亿元。"]


def test_hard_wrapped_lines_of_one_paragraph_are_joined():
    # inside a block of a file whose paragraphs are separated by blank lines
    raw = "总体要求如下。\n\n坚持稳中求进工作总基调，完整准确全面贯彻新发展\n理念，加快构建新发展格局。"
    assert texts(raw) == ["总体要求如下。", "坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局。"]


def test_hard_line_break_ends_a_block():
    raw = "总体情况如下。\n\n甲项工作已经完成。  \n乙项工作正在推进。"
    assert texts(raw) == ["总体情况如下。", "甲项工作已经完成。", "乙项工作正在推进。"]
    assert texts(raw.replace("  \n", "\n")) == ["总体情况如下。", "甲项工作已经完成。乙项工作正在推进。"]


def test_unfinished_paragraph_does_not_swallow_a_heading_or_item():
    raw = ("推进产业链招商，重点引进\n\n"
           "（二）扩大有效投资\n\n"
           "推进重大项目建设，全年开工\n\n"
           "1. 建设新能源汽车产业园。")
    assert texts(raw) == ["推进产业链招商，重点引进", "（二）扩大有效投资",
                          "推进重大项目建设，全年开工", "1.建设新能源汽车产业园。"]


def test_heading_and_short_title_lines_are_not_glued_to_the_next_paragraph():
    raw = "今年主要做好以下工作。\n\n（一）稳增长\n\n加大投资力度。\n\n附表1\n\n填报说明如下。"
    assert texts(raw) == ["今年主要做好以下工作。", "（一）稳增长", "加大投资力度。", "附表1", "填报说明如下。"]


def test_title_block_before_the_body_is_not_joined():
    raw = ("某区政府工作报告\n\n"
           "——在某区第一届人民代表大会\n\n"
           "第二次会议上\n\n"
           "各位代表：\n\n"
           "现在，我代表区人民政府向大会报告工作，请予\n审议。")
    blocks = clean(raw)[0]
    assert [(b.text, b.line, b.front) for b in blocks] == [
        ("某区政府工作报告", 1, True),
        ("——在某区第一届人民代表大会", 3, True),
        ("第二次会议上", 5, True),
        ("各位代表：", 7, False),
        ("现在，我代表区人民政府向大会报告工作，请予审议。", 9, False),
    ]


def test_block_line_is_the_line_where_it_starts():
    raw = "\n\n开头一句。\n\n第一段，\n\n跨页接续。\n\n\n第二段。"
    assert [(b.text, b.line) for b in clean(raw)[0]] == [("开头一句。", 3), ("第一段，跨页接续。", 5),
                                                         ("第二段。", 10)]


def test_nothing_is_joined_before_the_body_starts():
    # until a block ends a sentence (or a heading opens) blocks are title lines, kept apart
    raw = "某县二〇二五年计划\n\n全年新开工项目120个，\n\n完成投资800亿元。"
    assert texts(raw) == ["某县二〇二五年计划", "全年新开工项目120个，", "完成投资800亿元。"]


# --------------------------------------------------------------------------- spaces and numbers

@pytest.mark.parametrize("raw, expected", [
    ("新建保障房 5. 4 万套", "新建保障房5.4万套"),
    ("增长 6. 5%左右", "增长6.5%左右"),
    ("到 2025 年", "到2025年"),
    ("增长 6% 左右", "增长6%左右"),
    ("地区生产总值 2. 1 万亿元", "地区生产总值2.1万亿元"),
    ("支持企业推广 BIM 技术", "支持企业推广BIM技术"),
    ("Sabin 株脊髓灰质炎疫苗", "Sabin株脊髓灰质炎疫苗"),
    ("发展 5G plus 应用", "发展5G plus应用"),          # a gap between Latin words stays
    ("全\u3000年\u00a0完成", "全年完成"),                 # ideographic and no-break spaces
    ("新\u200b建学校", "新建学校"),                       # zero-width characters
])
def test_spaces_inside_numbers_and_around_cjk(raw, expected):
    assert normalise_spaces(raw) == expected
    assert texts(raw) == [expected]


def test_latin_words_split_across_lines_keep_a_space():
    raw = "总体情况如下。\n\n引进 Sabin\nIPV 疫苗生产线。"
    assert texts(raw) == ["总体情况如下。", "引进Sabin IPV疫苗生产线。"]


def test_punctuation_is_never_rewritten():
    raw = "坚持稳中求进,推动高质量发展;完善\"一网通办\":提升效率!"
    assert texts(raw) == [raw]


# --------------------------------------------------------------------------- markdown debris

MARKDOWN = "\n".join([
    "# 某市国民经济和社会发展规划",                       # 1
    "",                                                   # 2
    "## 第一章 总体要求",                                 # 3
    "",                                                   # 4
    "到 2025 年，**城镇新增就业**达到 20 万人。",         # 5
    "",                                                   # 6
    "#### （一）主要目标",                                # 7
    "",                                                   # 8
    "细颗粒物（PM_{2.5}）浓度下降，绿地增加 3 km^{2}。",  # 9
    "",                                                   # 10
    "- 地区生产总值增长 6%左右。",                        # 11
    "- 居民收入增长与经济增长同步。",                     # 12
])


def test_markdown_debris_is_stripped():
    assert texts(MARKDOWN) == [
        "某市国民经济和社会发展规划",
        "第一章总体要求",
        "到2025年，城镇新增就业达到20万人。",
        "（一）主要目标",
        "细颗粒物（PM2.5）浓度下降，绿地增加3 km2。",
        "地区生产总值增长6%左右。",
        "居民收入增长与经济增长同步。",
    ]
    assert not any(ch in t for t in texts(MARKDOWN) for ch in "#*^_{}")


def test_markdown_removals_are_logged_with_their_lines():
    assert removals(MARKDOWN) == [
        (1, "markup", "#"),
        (3, "markup", "##"),
        (5, "markup", "**"),
        (7, "markup", "####"),
        (9, "markup", "_{2.5}"),
        (9, "markup", "^{2}"),
    ]


def test_list_dashes_open_new_blocks():
    # each dashed line is its own block, even without blank lines between them
    assert texts("- 甲指标增长5%。\n- 乙指标增长6%。") == ["甲指标增长5%。", "乙指标增长6%。"]


def test_em_dash_group_line_is_not_a_list_dash():
    assert texts("——做强消费主引擎\n\n1. 加快建设消费中心。") == ["——做强消费主引擎", "1.加快建设消费中心。"]


# --------------------------------------------------------------------------- blank form rows

def test_rows_of_an_empty_form_are_removed():
    raw = "附表2\n\n填表说明。\n\n-\t\t2\t\t\n•\t\t3\t\t\n\n表格之后的正文。"
    assert texts(raw) == ["附表2", "填表说明。", "表格之后的正文。"]
    assert removals(raw) == [(5, "table-debris", "-\t\t2"), (6, "table-debris", "•\t\t3")]


def test_result_types():
    blocks, removed = clean("正文。")
    assert blocks == [Block("正文。", 1, False)]
    assert removed == []


def test_date_before_a_name_keeps_its_gap():
    from policyexplorer.ingest.clean import normalise_spaces
    assert normalise_spaces("（2030年2月1日 张三）") == "（2030年2月1日 张三）"
    assert normalise_spaces("于2030年2月1日 前 完成各项工作") == "于2030年2月1日前完成各项工作"


def test_block_with_an_open_bracket_joins_across_a_blank_line():
    blocks, _ = clean("一、总体要求\n\n7.建设口袋公园20个。(牵头单位:市园林局:\n\n责任单位:各区人民政府)\n\n8.下一项。\n")
    texts = [b.text for b in blocks]
    assert "7.建设口袋公园20个。(牵头单位:市园林局:责任单位:各区人民政府)" in texts
    assert not any(t.startswith("责任单位") for t in texts)


def test_html_subscripts_are_unwrapped_and_recorded():
    blocks, removed = clean("一、环境\n\n细颗粒物(PM<sub>2.5</sub>)浓度下降。\n")
    assert any(b.text == "细颗粒物(PM2.5)浓度下降。" for b in blocks)
    assert any(r.kind == "markup" and r.text == "<sub>2.5</sub>" for r in removed)


def test_double_underscore_is_text_not_emphasis():
    blocks, _ = clean("一、说明\n\n示例代码window.__init__保持原样。\n")
    assert any("window.__init__" in b.text for b in blocks)


def test_heading_line_followed_directly_by_its_body_stays_a_heading():
    blocks, _ = clean("二、主要任务\n坚持稳中求进，推动高质量发展。\n")
    assert [b.text for b in blocks] == ["二、主要任务", "坚持稳中求进，推动高质量发展。"]


def test_heading_wrapped_onto_a_second_line_is_joined():
    blocks, _ = clean("（二）坚持扩大内需，发展态势持续\n向好\n\n正文一句。\n")
    assert blocks[0].text == "（二）坚持扩大内需，发展态势持续向好"


def test_a_bold_part_heading_glued_to_the_heading_under_it_is_two_lines():
    # a scrape ran the part's bold heading and its first numbered section into one line
    raw = "**三、2025年主要工作** （一）抓好产业发展，壮大实体经济\n\n全年新建厂房10万平方米。\n"
    assert texts(raw) == ["三、2025年主要工作", "（一）抓好产业发展，壮大实体经济", "全年新建厂房10万平方米。"]
    # a bold lead-in run into its own sentence stays one paragraph
    assert texts("**（一）抓好产业发展。** 全年新建厂房10万平方米。\n") == ["（一）抓好产业发展。全年新建厂房10万平方米。"]


@pytest.mark.parametrize("raw", ["全年新建学校10所，深入实施三年\n\n（上接A02版）行动计划。\n",
                                 "全年新建学校10所，深入实施三年(下转第3版)\n\n行动计划。\n",
                                 "全年新建学校10所，深入实施三年（紧转第2版）\n\n行动计划。\n"])
def test_a_newspaper_jump_line_is_removed_and_its_paragraph_joined(raw):
    raw = "各位代表：\n\n现在，我代表市人民政府作报告。\n\n" + raw
    assert texts(raw)[-1] == "全年新建学校10所，深入实施三年行动计划。"
    assert [k for _, k, _ in removals(raw)] == ["page-footer"]
