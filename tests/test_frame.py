"""The page's frame around a report (ingest/frame.py) goes by its shape and position: a row of
buttons, source/time labels and a photo caption before the report, a related-links label and
file links after it. The lines below are made up (other sites, other words) to show the rules
know shapes, not strings; the report's title, dateline and speaker line stay, and so do button
words inside report text."""
from __future__ import annotations

import pytest

from policyexplorer.ingest.clean import clean
from policyexplorer.ingest.frame import frame_debris, is_button, is_caption, is_page_label

TITLE = ["2030年某某省政府工作报告", "——2030年1月20日在某某省第十五届人民代表大会第三次会议上", "某某省人民政府省长 王某某"]
BODY = ["各位代表：", "现在，我代表省人民政府向大会报告工作，请予审议。",
        "一、过去一年工作回顾", "过去一年，全省社会保障力度加大，生态安全屏障更加牢固。",
        "各位代表！让我们团结奋斗，再创佳绩！"]


def parse(lines: list[str]):
    blocks, removed = clean("\n".join(lines))
    return [b.text for b in blocks], [(r.line, r.kind, r.text) for r in removed]


def removed_texts(lines: list[str]) -> list[str]:
    return [text for _, _, text in parse(lines)[1]]


@pytest.mark.parametrize("buttons", [
    ["返回", "分享", "【字体：", "大", "中", "小", "】"],       # another site's toolbar
    ["打印本文", "关闭", "纠错"],
    ["A+", "A-", "默认"],
])
def test_a_row_of_buttons_before_the_title_goes(buttons):
    lines = buttons + TITLE + BODY
    texts, removed = parse(lines)
    assert [t for _, _, t in removed] == buttons
    # each is logged (a button another rule knows already keeps that rule's kind, "share")
    assert {kind for _, kind, _ in removed} <= {"web-debris", "share"}
    assert texts[:3] == ["2030年某某省政府工作报告", "——2030年1月20日在某某省第十五届人民代表大会第三次会议上",
                         "某某省人民政府省长王某某"]


def test_one_or_two_short_lines_are_not_a_toolbar():
    # a title printed as two short lines is not a row of buttons
    lines = ["政府", "工作报告"] + TITLE[1:] + BODY
    assert removed_texts(lines) == []


@pytest.mark.parametrize("label", ["稿源：某某晚报", "发布：2030/01/21", "日期：2030年1月21日", "出处：某某网",
                                   "时间：2030-02-05"])
def test_source_and_time_labels_in_the_head_go(label):
    lines = TITLE[:2] + [label] + TITLE[2:] + BODY
    texts, removed = parse(lines)
    assert [t for _, _, t in removed] == [label]
    assert label not in "".join(texts)


def test_a_date_label_is_not_cut_by_the_page_footer_rule():
    # "-02-" between digits is a month, not a page footer "- 2 -"
    texts, removed = parse(["截至2030-02-05，全省完成既定任务。"])
    assert texts == ["截至2030-02-05，全省完成既定任务。"] and removed == []


@pytest.mark.parametrize("caption", ["王某某作政府工作报告。某某晚报记者 李四", "大会开幕。（新华社记者 赵六 摄）",
                                     "王某某在大会上作报告。张三 摄"])
def test_a_photo_caption_in_the_head_goes(caption):
    lines = TITLE + [caption] + BODY
    assert removed_texts(lines) == [caption]


def test_title_dateline_and_speaker_lines_are_not_debris():
    # the speaker line ends with a name after a space, like a credit, but carries no caption sentence
    for line in TITLE:
        assert not is_button(line) and not is_page_label(line) and not is_caption(line)
    wrapped_dateline = ["政府工作报告", "——2030年1月20日在某某省第十五届", "人民代表大会第三次会议上", "某某省省长 王某某"]
    assert removed_texts(wrapped_dateline + BODY) == []


def test_button_words_inside_the_report_stay():
    # "加大" and "全屏" on lines of their own after the report has begun are not the page's toolbar
    lines = TITLE + BODY[:4] + ["加大", "全屏", "还原"] + BODY[4:]
    texts, removed = parse(lines)
    assert removed == []
    assert "过去一年，全省社会保障力度加大，生态安全屏障更加牢固。" in texts


@pytest.mark.parametrize("tail", [["延伸阅读："], ["相关链接:", "某某省召开经济工作会议", "某某省2029年统计公报"],
                                  ["附件：某某省十件民生实事.docx"]])
def test_a_related_list_or_file_link_after_the_closing_goes(tail):
    lines = TITLE + BODY + tail
    texts, removed = parse(lines)
    assert [t for _, _, t in removed] == tail
    assert texts[-1] == BODY[-1]


def test_a_glossary_entry_ending_the_report_stays():
    # a numbered term line ending in a colon is followed by its definition, a sentence
    lines = TITLE + BODY + ["名词解释", "1.“双百行动”：", "指百校联百县助力乡村振兴的行动。"]
    assert removed_texts(lines) == []
    # and a label followed by a sentence is a lead-in, not a list of links
    lines = TITLE + BODY[:-1] + ["主要任务：", "全年新增就业10万人以上。"]
    assert removed_texts(lines) == []


def test_frame_is_found_only_in_the_head_and_tail():
    lines = [""] + ["收藏", "打印", "关闭"] + TITLE + BODY
    assert sorted(frame_debris(lines)) == [1, 2, 3]
    # no body at all: nothing is called a head
    assert frame_debris(["收藏", "打印", "关闭"]) == {}


def test_front_matter_rules_and_html_comments_go_as_markup():
    lines = ["---", "url: https://example.org/a.html", "title: 工作报告", "---", "",
             "<!-- 1月9日，某某在会上作报告（李某 摄） -->", "", *TITLE, "~~~~~~~~~~", *BODY]
    texts, removed = parse(lines)
    assert [(kind, text) for _, kind, text in removed] == [
        ("markup", "---"), ("markup", "url: https://example.org/a.html"), ("markup", "title: 工作报告"),
        ("markup", "---"), ("markup", "<!-- 1月9日，某某在会上作报告（李某 摄） -->"), ("markup", "~~~~~~~~~~")]
    assert texts[0] == "2030年某某省政府工作报告" and texts[-1] == BODY[-1]


def test_a_licence_notice_after_the_last_paragraph_goes_with_its_fragments():
    notice = ["本文依据", "某某开放许可协议", "，可自由转载，惟须注明出处。根据《", "著作权法", "》规定，", "Creative Commons", "true"]
    closing = "各位代表！让我们更加紧密地团结在一起，开拓进取，真抓实干，为建设美好家园而努力奋斗！"
    texts, removed = parse(TITLE + BODY + [closing, "", ""] + notice)
    assert [text for _, _, text in removed] == notice and {k for _, k, _ in removed} <= {"copyright", "web-debris"}
    assert texts[-1] == closing
    # without a word of rights the lines after the report are left alone (a signature, a date)
    texts, removed = parse(TITLE + BODY + ["某某省人民政府", "2030年1月20日"])
    assert removed == [] and texts[-2:] == ["某某省人民政府", "2030年1月20日"]


def test_a_link_label_glued_after_the_last_sentence_goes():
    body = BODY[:-1] + ["各位代表！让我们团结奋斗，再创佳绩！【视频】2030年政府工作报告速览"]
    texts, removed = parse(TITLE + body)
    assert texts[-1] == "各位代表！让我们团结奋斗，再创佳绩！"
    assert removed[-1][1:] == ("web-debris", "【视频】2030年政府工作报告速览")
    # a closing bracket of the report's own sentence is no label
    texts, _ = parse(TITLE + BODY[:-1] + ["各位代表！让我们团结奋斗，再创佳绩（完）"])
    assert texts[-1].endswith("（完）")
