"""Structure rules on small synthetic reports: glued item numbers, closings, hinted appendices."""
from __future__ import annotations

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
