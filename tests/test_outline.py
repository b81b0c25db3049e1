"""The parsed outline of every bundled report, checked against outlines made by hand.

The expected outlines below were written from reading each data/reports/<id>/source.txt,
not from the parser's output. Numbers are the parser's normalised labels ("（一）" for a
printed "(一)"); titles are as printed, with the spaces cleaning drops between CJK
characters left out. Where the parser disagrees with the source, the test is marked
xfail(strict=True) with the source line, so fixing the parser turns it into a failure
that asks for the mark to be removed.

Beside the outlines: paragraph hygiene (no page footers, no Markdown or HTML debris, no
paragraph cut off mid-sentence, balanced brackets), anchors, looks back/forward, and
that em-dash group lines and 专栏 boxes stay paragraphs.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from policyexplorer.ingest import load_corpus
from policyexplorer.model import Report

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
REPORT_IDS = sorted(p.name for p in (DATA / "reports").iterdir() if (p / "meta.yml").exists())

FYP_YEARS = [2021, 2022, 2023, 2024, 2025]


@pytest.fixture(scope="module")
def corpus() -> dict[str, Report]:
    return {r.id: r for r in load_corpus(DATA)}


def source_lines(report: Report) -> list[str]:
    return Path(report.source_path).read_text(encoding="utf-8-sig").split("\n")


def xfail_for(reason: str):
    return pytest.mark.xfail(strict=True, reason=reason)


# =========================================================================== expected outlines
# (level, number, title, kind) for every section down to DEPTH[report] (appendices: see below)

def _sections(numbers: str, titles: str, level: int = 2, kind: str = "section") -> list[tuple]:
    nums = numbers.split()
    heads = [t.strip() for t in titles.strip().splitlines()]
    assert len(nums) == len(heads)
    return [(level, n, t, kind) for n, t in zip(nums, heads)]


CN = "（一） （二） （三） （四） （五） （六） （七） （八） （九） （十） （十一）".split()

WUHAN_2024 = [
    (1, None, "前言", "preamble"),
    # the scrape lost the three part headings: the numbering restarts and the words opening them
    # (过去一年, 今年) restore two; the third left no trace, so meta.yml `parts:` restores it
    (1, None, "2023年工作回顾", "part"),
    *_sections(" ".join(CN[:7]), """
        坚持扩内需稳增长,发展态势向上向好
        坚持抓创新重应用,科教优势加快转化
        坚持调结构提效能,产业发展量质并进
        坚持强功能优品质,城市建设日新月异
        坚持推改革促开放,营商环境不断优化
        坚持保生态护环境,美丽武汉底色更足
        坚持惠民生守底线,人民福祉持续增进
    """),
    (1, None, "2024年工作安排", "part"),
    *_sections(" ".join(CN[:10]), """
        奋力推动高水平科技自立自强,加快打造具有全国影响力的科技创新中心
        奋力推动新型工业化,加快构建以先进制造业为骨干的现代化产业体系
        奋力推动供需两端协同发力,加快形成消费和投资相互促进的良性循环
        奋力推动深化改革扩大开放,加快构筑新时代内陆开放新高地
        奋力推动规划建设治理水平提升,加快建设宜居韧性智慧城市
        奋力推动城市和产业集中高质量发展,加快构建区域协调发展格局
        奋力推动生态文明建设和绿色低碳发展,加快凸显大江大湖湿地城市特色
        奋力推动农业农村优先发展,加快推进乡村全面振兴
        奋力推动民生事业持续进步,加快提高人民生活品质
        奋力推动平安武汉建设,加快探索超大城市现代化治理新路子
    """),
    (1, None, "全面加强政府自身建设", "part"),
    (1, None, "结束语", "closing"),
]

WUCHANG_2025 = [
    (1, None, "前言", "preamble"),
    # the review's five areas are "一是…五是…" run-in paragraphs, not headings
    (1, "一、", "2024年工作回顾", "section"),
    (1, "二、", "2025年主要工作安排", "section"),
    *_sections(" ".join(CN[:5]), """
        毫不松劲抓改革，释放高质量发展活力
        全力以赴促转型，激发高质量发展动能
        凝心聚力增动力，强化高质量发展支撑
        建管并重提品质，优化高质量发展空间
        用情用力惠民生，共享高质量发展成果
    """),
    (1, None, "结束语", "closing"),
]

WUHAN_2025_PLAN = [
    (1, None, "前言", "preamble"),
    (1, "一、", "2024年国民经济和社会发展规划执行情况", "section"),
    *_sections(" ".join(CN[:8]), """
        抓投资促消费，经济运行稳中有进
        抓创新促转化，发展动能持续夯实
        抓产业调结构，转型闯关步伐加快
        抓开放强枢纽，市场活力持续释放
        抓改革优环境，创新示范亮点纷呈
        抓建设优布局，城市能级逐步提升
        抓治理强韧性，绿色发展步伐坚实
        抓民生办实事，社会大局和谐稳定
    """),
    (1, "二、", "2025年国民经济和社会发展总体要求和主要预期目标", "section"),
    *_sections("（一） （二）", """
        总体要求
        主要预期目标
    """),
    (1, "三、", "2025年国民经济和社会发展主要任务", "section"),
    *_sections(" ".join(CN[:9]), """
        推动经济持续回升向好
        打造具有全国影响力的科技创新高地
        构建体现武汉优势的现代化产业体系
        建设更具竞争力的内陆开放高地
        推动全面深化改革
        推进以人为本的新型城镇化
        提升城市功能品质
        促进经济社会全面绿色转型
        加大保障和改善民生力度
    """),
]

# A notice (通知, three numbered points) followed by the document it issues (方案), whose
# own numbering starts again at 一、; the 方案 is a part, so three levels are checked here.
WUHAN_2025_TASKS = [
    (1, None, "前言", "preamble"),
    *_sections("一、 二、 三、", """
        强化责任意识,科学制订办理方案
        严格压实责任,协同推进办理工作
        加强督查督办,确保任务硬账硬结
    """, level=1),
    (1, None, "2025年市《政府工作报告》目标任务责任分解方案", "part"),
    (2, "一、", "经济社会发展主要预期目标", "section"),
    (2, "二、", "十一个方面重点工作", "section"),
    *_sections(" ".join(CN[:11]), """
        在促进内外需协调发展上加力提效,着力推动经济持续回升向好
        在提升创新体系整体效能上聚势突破,着力打造具有全国影响力的科技创新中心
        在发展新质生产力上争先善为,着力构建体现武汉优势的现代化产业体系
        在打造区域发展新增长极上勇挑大梁,着力增强城市能级和竞争力
        在全面深化改革和扩大高水平开放上勇于探索,着力打造更具竞争力的内陆开放高地
        在转变城市发展方式上破难攻坚,着力打造宜居韧性智慧城市
        在城乡融合发展和乡村全面振兴上奋发有为,着力推进农业农村现代化
        在协同推进生态环境保护和绿色低碳发展上持续深化,着力建设美丽武汉
        在加强文化资源保护和推动文化创新发展上担当使命,着力推动文旅高质量发展
        在保障和改善民生上用心用情,着力打造更具幸福感的人民城市
        在建设更高水平"平安武汉"上强基固本,着力筑牢城市安全防线
    """, level=3),
    (2, "三、", "全面加强政府自身建设", "section"),
    *_sections(" ".join(CN[:4]), """
        坚决筑牢政治忠诚
        深入推进依法行政
        切实强化实干担当
        始终保持清正廉洁
    """, level=3),
    (2, "四、", "民生实事票决项目", "section"),
    *_sections(" ".join(CN[:10]), """
        呵护少年儿童健康成长
        加强养老服务保障
        关爱特殊困难群体
        强化就业创业帮扶
        加强住房安居保障
        方便群众交通出行
        增进群众身心健康
        优化提升宜居环境
        提升安全保障水平
        丰富群众文体生活
    """, level=3),
    (2, "五、", "民生实事候选项目", "section"),
    *_sections("（一） （二）", """
        提升便民服务质效
        共享绿色惠民生活
    """, level=3),
]

# Transcribed from the source's own table of contents (which the body repeats heading by
# heading): 17 chapters (第X章) holding 62 sections (第X节) numbered through the whole
# document. There is no 篇/部分 level in this source. Chapter titles are printed in two
# halves separated by a space; cleaning drops spaces between CJK characters.
FYP14_TOC = """
第一章 全面建成小康社会 开启全面建设社会主义现代化大武汉新征程
第一节 决胜全面建成小康社会取得决定性成就
第二节 新发展阶段面临的机遇和挑战
第三节 二〇三五年远景目标
第四节 “十四五”时期经济社会发展总体要求和主要目标
第二章 坚持创新第一动力 建设国家科技创新中心
第五节 创建东湖综合性国家科学中心
第六节 打造产业创新高地
第七节 打造创新人才集聚高地
第八节 打造科技成果转化高地
第三章 构建现代产业体系 提高经济质量效益和核心竞争力
第九节 大力发展先进制造业
第十节 突破发展战略性新兴产业
第十一节 加快发展现代服务业
第十二节 培育产业发展新优势
第四章 推进经济社会数字化转型 加快建设数字武汉
第十三节 突破性发展数字经济
第十四节 加快数字社会建设
第十五节 提高政府数字化水平
第五章 强化“一主引领”龙头作用 推动区域协调发展
第十六节 推进市域协调发展
第十七节 强化“一主引领”
第十八节 全面融入国家区域发展战略
第六章 开拓市场空间 构建新发展格局重要枢纽
第十九节 加快建设国际消费中心城市
第二十节 精准扩大有效投资
第二十一节 建设现代流通体系
第二十二节 全面提升对外开放水平
第七章 坚持更大力度改革 打造一流营商环境
第二十三节 激发各类市场主体活力
第二十四节 加快建设区域金融中心
第二十五节 持续优化营商环境
第八章 统筹推进新基建和传统基建 健全现代化基础设施体系
第二十六节 打造交通强国建设示范城市
第二十七节 提高能源保障能力
第二十八节 加强水利基础设施建设
第二十九节 系统布局新型基础设施
第九章 推进以人为核心的新型城镇化 提高城镇化发展质量
第三十节 实施城市更新行动
第三十一节 加快农业转移人口市民化
第三十二节 推进区级经济高质量发展
第十章 推进农业农村现代化 打造乡村振兴武汉样板
第三十三节 大力发展现代都市农业
第三十四节 实施美丽乡村建设提质扩面行动
第三十五节 深化农业农村改革
第三十六节 实现巩固脱贫攻坚成果同乡村振兴有效衔接
第十一章 繁荣发展文化事业和文化产业 不断增强文化软实力
第三十七节 全面提升市民素质和城市文明程度
第三十八节 提高公共文化服务水平
第三十九节 大力发展文化产业
第十二章 坚持生态优先 努力建设世界滨水生态名城
第四十节 打造长江大保护典范城市
第四十一节 打好生态环境巩固提升持久战
第四十二节 加快推动绿色低碳发展
第四十三节 大力提升城市生态品质
第四十四节 构建现代环境治理体系
第十三章 全面提升人口素质 促进人的全面发展
第四十五节 建设高质量教育体系
第四十六节 推进健康武汉建设
第四十七节 促进人口均衡发展
第十四章 践行人民城市理念 建设民生幸福城市
第四十八节 稳步提升就业质量
第四十九节 提高居民收入水平
第五十节 完善社会保障体系
第五十一节 健全住房保障体系
第五十二节 提升公共服务水平
第十五章 推进市域治理现代化 提升社会治理水平
第五十三节 践行社会主义民主政治
第五十四节 提升依法治市能力
第五十五节 坚持和完善党和国家监督体系
第五十六节 加强和创新基层社会治理
第十六章 统筹发展和安全 创造和谐稳定的发展环境
第五十七节 加强国家安全体系和能力建设
第五十八节 防范化解重点领域风险
第五十九节 加强应急管理体系和能力建设
第十七章 强化规划实施保障
第六十节 全面加强党的领导
第六十一节 健全政策协调机制
第六十二节 完善规划实施机制
"""


def _fyp14() -> list[tuple]:
    rows: list[tuple] = [(1, None, "前言", "preamble")]
    for line in FYP14_TOC.strip().splitlines():
        number, title = line.split(" ", 1)
        title = title.replace(" ", "")
        if number.endswith("章"):
            rows.append((1, number, title, "chapter"))
        else:
            rows.append((2, number, title, "section"))
    return rows


WUHAN_FYP14 = _fyp14()

EXPECTED = {
    "wuhan-2024-gwr": (2, WUHAN_2024),
    "wuchang-2025-gwr": (2, WUCHANG_2025),
    "wuhan-2025-plan": (2, WUHAN_2025_PLAN),
    "wuhan-2025-gwr-tasks": (3, WUHAN_2025_TASKS),
    "wuhan-fyp14": (2, WUHAN_FYP14),
}


@pytest.mark.parametrize("report_id", sorted(EXPECTED))
def test_outline(corpus, report_id):
    depth, expected = EXPECTED[report_id]
    report = corpus[report_id]
    actual = [(s.level, s.number, s.title, s.kind) for s in report.sections
              if s.level <= depth and s.kind != "appendix"]
    assert actual == expected


@pytest.mark.parametrize("report_id", sorted(EXPECTED))
def test_outline_parents_follow_levels(corpus, report_id):
    """Each section's parent is the nearest earlier section one level up."""
    report = corpus[report_id]
    open_at: dict[int, str] = {}
    for s in report.sections:
        assert s.parent == (open_at.get(s.level - 1) if s.level > 1 else None), s.anchor
        open_at[s.level] = s.anchor
        for deeper in [lvl for lvl in open_at if lvl > s.level]:
            del open_at[deeper]


# =========================================================================== where level-1 sections start
# (title, source line, looks, years); closings and appendices are checked below

LEVEL1 = {
    "wuhan-2024-gwr": [
        ("前言", 20, None, []),                       # lines 1-18 and 22 are web debris
        ("2023年工作回顾", 26, "back", [2023]),        # "过去一年,是全面贯彻…"
        ("2024年工作安排", 56, "forward", [2024]),     # "今年是新中国成立75周年…"
        ("全面加强政府自身建设", 168, "forward", [2024]),  # "使命如炬,初心如磐…"
    ],
    "wuchang-2025-gwr": [
        ("前言", 3, None, []),
        ("2024年工作回顾", 15, "back", [2024]),
        ("2025年主要工作安排", 111, "forward", [2025]),
    ],
    "wuhan-2025-plan": [
        ("前言", 3, None, []),
        ("2024年国民经济和社会发展规划执行情况", 9, "back", [2024]),
        ("2025年国民经济和社会发展总体要求和主要预期目标", 85, "forward", [2025]),
        ("2025年国民经济和社会发展主要任务", 117, "forward", [2025]),
    ],
    "wuhan-2025-gwr-tasks": [
        ("前言", 1, None, []),
        ("强化责任意识,科学制订办理方案", 11, "forward", [2025]),
        ("严格压实责任,协同推进办理工作", 15, "forward", [2025]),
        ("加强督查督办,确保任务硬账硬结", 17, "forward", [2025]),
        ("2025年市《政府工作报告》目标任务责任分解方案", 21, "forward", [2025]),
    ],
    "wuhan-fyp14": [("前言", 3, None, [])] + [
        (title, line, "forward", FYP_YEARS) for title, line in zip(
            [t for lvl, _, t, kind in WUHAN_FYP14 if kind == "chapter"],
            [128, 220, 306, 454, 526, 608, 732, 808, 972, 1088, 1170, 1244, 1358, 1464, 1564, 1644, 1718])
    ],
}


@pytest.mark.parametrize("report_id", sorted(LEVEL1))
def test_level1_sections_start_where_the_source_does(corpus, report_id):
    actual = [(s.title, s.line, s.looks, s.years) for s in corpus[report_id].sections
              if s.level == 1 and s.kind not in ("closing", "appendix")]
    assert actual == LEVEL1[report_id]


# =========================================================================== closings

CLOSINGS = {
    # report: source line of the closing's first paragraph, or None when there is no closing
    "wuhan-2024-gwr": 180,       # "各位代表!实干铸就辉煌,奋斗开创未来。…"
    "wuchang-2025-gwr": 193,     # "各位代表！当前，武昌的发展正站在一个新的起点上…"
    "wuhan-2025-plan": None,     # ends with an unheaded "千难万难，干就不难。…" inside （九）
    "wuhan-2025-gwr-tasks": None,
    "wuhan-fyp14": None,
}


@pytest.mark.parametrize("report_id", [
    rid for rid in sorted(CLOSINGS)])
def test_closing(corpus, report_id):
    report = corpus[report_id]
    closings = [s for s in report.sections if s.kind == "closing"]
    if CLOSINGS[report_id] is None:
        assert closings == []
        return
    assert [(s.level, s.title, s.looks) for s in closings] == [(1, "结束语", None)]
    (closing,) = closings
    assert closing.paragraphs[0].line == CLOSINGS[report_id]
    assert all(p.text.startswith("各位代表") for p in closing.paragraphs[:1])
    # nothing with sentences of plans in it: every paragraph before the closing belongs to a
    # section that looks back or forward (or the preamble)
    for section, p in report.paragraphs():
        if p.line < closing.line and section.kind not in ("preamble", "appendix"):
            assert section.looks in ("back", "forward"), (section.anchor, p.line)


# =========================================================================== appendices

APPENDICES = {
    "wuchang-2025-gwr": [("《政府工作报告》名词注释", 195)],
    "wuhan-2024-gwr": [],
    "wuhan-2025-plan": [],
    "wuhan-fyp14": [],
    # 附表 1 (OCR'd as "所表 1", line 607), 附表 2, 附表3 and the colophon: one appendix opened by
    # the report's meta.yml hint, since the OCR broke the form headings
    "wuhan-2025-gwr-tasks": [("附表及版记", 607)],
}


@pytest.mark.parametrize("report_id", sorted(APPENDICES))
def test_appendices(corpus, report_id):
    report = corpus[report_id]
    appendices = [s for s in report.sections if s.kind == "appendix"]
    assert all(s.level == 1 and s.looks is None for s in appendices)
    assert [(s.title, s.line) for s in appendices] == APPENDICES[report_id]
    if report_id == "wuhan-2025-gwr-tasks":
        last_body = [s for s in report.sections if s.kind != "appendix"][-1]
        assert [p.line for p in last_body.paragraphs] == [604, 605]


def test_glossary_appendix_holds_the_numbered_terms(corpus):
    report = corpus["wuchang-2025-gwr"]
    (glossary,) = [s for s in report.sections if s.kind == "appendix"]
    items = [p for p in glossary.paragraphs if p.kind == "item"]
    assert [p.number for p in items] == [f"{n}." for n in range(1, 19)]
    assert items[0].text.startswith("1.“中碳登”：")


# =========================================================================== looks back / forward

LOOKS_EXCEPTIONS = {
    # (report, section number): (looks, years) where a section differs from its parent
    ("wuhan-fyp14", "第一节"): ("back", [2016, 2017, 2018, 2019, 2020]),   # 决胜全面建成小康社会取得决定性成就
    ("wuhan-fyp14", "第三节"): ("forward", [2035]),                       # 二〇三五年远景目标
}


@pytest.mark.parametrize("report_id", REPORT_IDS)
def test_every_section_looks_back_or_forward(corpus, report_id):
    report = corpus[report_id]
    by_anchor = {s.anchor: s for s in report.sections}
    unset = [s.anchor for s in report.sections
             if s.kind not in ("preamble", "closing", "appendix") and (s.looks not in ("back", "forward") or not s.years)]
    assert unset == []
    for s in report.sections:
        if s.kind in ("preamble", "closing", "appendix"):
            assert (s.looks, s.years) == (None, [])
            continue
        parent = by_anchor.get(s.parent)
        if parent is None:
            continue
        expected = LOOKS_EXCEPTIONS.get((report_id, s.number), (parent.looks, parent.years))
        assert (s.looks, s.years) == expected, (s.anchor, s.number, s.title)


# =========================================================================== wuhan-fyp14: the 目录

def test_fyp14_table_of_contents_is_dropped_not_doubled(corpus):
    report = corpus["wuhan-fyp14"]
    lines = source_lines(report)
    numbers = [s.number for s in report.sections if s.number and s.number.startswith("第")]
    assert len(numbers) == len(set(numbers)) == 17 + 62
    toc_lines = [i for i in range(9, 125) if lines[i - 1].strip()]
    assert [r.line for r in report.removed if r.kind == "toc"] == toc_lines
    assert lines[8].replace(" ", "") == "目录"
    # the preamble is the title block, the editor's note and the plan's opening sentence
    preamble = report.sections[0]
    assert [p.line for p in preamble.paragraphs] == [3, 5, 7, 126]
    assert all(s.line >= 128 for s in report.sections[1:])


# =========================================================================== groups, boxes, items

GROUP_LINE = re.compile(r"^\s*(?:[-•]\s*)?(?:——|\^\{——\})([^，。；：、,;:]{1,30})\s*$")   # also "^{——}…"
BOX_LINE = re.compile(r"^\s*(?:#+\s*)?专栏\s*\d+")


@pytest.mark.parametrize("report_id", REPORT_IDS)
def test_group_lines_and_boxes_are_paragraphs_not_sections(corpus, report_id):
    report = corpus[report_id]
    assert [s.title for s in report.sections if s.title.startswith(("——", "专栏"))] == []
    kind_at = {p.line: p.kind for _, p in report.paragraphs()}
    lines = source_lines(report)
    groups = [i for i, line in enumerate(lines, 1) if GROUP_LINE.match(line)]
    boxes = [i for i, line in enumerate(lines, 1) if BOX_LINE.match(line)]
    # in the title block a dash line is a subtitle ("——在…会议上"), kept as front matter
    groups = [i for i in groups if kind_at.get(i) != "front"]
    assert [(i, kind_at.get(i)) for i in groups] == [(i, "group") for i in groups]
    assert [(i, kind_at.get(i)) for i in boxes] == [(i, "box-title") for i in boxes]
    section_lines = {s.line for s in report.sections}
    assert section_lines.isdisjoint(groups + boxes)
    expected_counts = {"wuhan-2025-gwr-tasks": (37, 0), "wuhan-fyp14": (0, 26)}
    assert (len(groups), len(boxes)) == expected_counts.get(report_id, (0, 0))


def test_group_line_opens_the_first_section_of_the_tasks(corpus):
    section = corpus["wuhan-2025-gwr-tasks"].section("s4-2-1")
    first = section.paragraphs[0]
    assert (first.kind, first.text, first.line) == ("group", "——做强消费主引擎", 35)


def test_numbering_inside_a_box_stays_inside_the_box(corpus):
    # 专栏 16 (wuhan-fyp14 line 844) has its own 一、…四、 with 1. 2. 3. items under each
    report = corpus["wuhan-fyp14"]
    kinds = {p.line: (p.kind, p.text) for _, p in report.paragraphs()}
    assert [kinds[i] for i in (844, 846, 854, 864, 870)] == [
        ("box-title", "专栏16交通基础设施建设工程"),
        ("box-heading", "一、综合交通枢纽建设"),
        ("box-heading", "二、对外通道建设"),
        ("box-heading", "三、轨道交通"),
        ("box-heading", "四、城市骨干道路"),
    ]
    assert kinds[848][0] == "box"
    assert {844, 846, 854, 864, 870}.isdisjoint(s.line for s in report.sections)
    # the box ends at the next real section: 第二十七节 on line 876
    assert report.section("s8-2").line == 876


def test_expected_targets_of_the_tasks_are_items(corpus):
    section = corpus["wuhan-2025-gwr-tasks"].section("s4-1")
    assert [(p.kind, p.number) for p in section.paragraphs] == [("item", n) for n in CN[:5]]


TASK_ITEM_RUNS = {   # level-2 section of the 方案 -> its items run 1..n
    "二、": 286,
    "三、": 7,
    "四、": 38,
    "五、": 4,
}


@pytest.mark.parametrize("number", [
    n for n in TASK_ITEM_RUNS])
def test_task_items_are_numbered_without_gaps(corpus, number):
    report = corpus["wuhan-2025-gwr-tasks"]
    (top,) = [s for s in report.sections if s.level == 2 and s.number == number]
    inside = {top.anchor} | {s.anchor for s in report.sections if s.anchor.startswith(top.anchor + "-")}
    numbers = [int(p.number[:-1]) for s, p in report.paragraphs()
               if s.anchor in inside and p.kind == "item" and p.number and p.number.endswith(".")]
    assert numbers == list(range(1, TASK_ITEM_RUNS[number] + 1))


# =========================================================================== paragraph hygiene

FOOTER_PATTERNS = [
    re.compile(r"[—–－]\s*\d{1,3}\s*[—–－]"),             # "—4—" left inside text
    re.compile(r"(?:^|\s)-\s*\d{1,3}\s*-(?:\s|$)"),        # "- 4 -" (not "400-123-4567")
    re.compile(r"\s\d{1,3}\s*[—–]\s*$"),                   # "… 30 —" at the end
    re.compile(r"^\s*[—–－-]?\s*\d{1,3}\s*[—–－-]?\s*$"),  # a footer as a paragraph of its own
    re.compile(r"第\s*\d+\s*页"),
]
RANGE = re.compile(r"\d\s*[—–]\s*\d{1,3}\s*[—–]\s*\d")     # "1—30—60分钟": not a footer
MARKUP = ("**", "#", "<sub>", "</sub>", "<sup>", "^{", "_{", "<br")

KNOWN_MARKUP = {}   # (report, line): why; empty since the parser handles them


def _all_paragraphs(corpus):
    for rid in REPORT_IDS:
        for section, p in corpus[rid].paragraphs():
            yield rid, section, p


@pytest.mark.parametrize("report_id", REPORT_IDS)
def test_no_page_footer_debris(corpus, report_id):
    found = [(p.anchor, p.line, p.text[-40:]) for _, p in corpus[report_id].paragraphs()
             if any(pat.search(p.text) for pat in FOOTER_PATTERNS) and not RANGE.search(p.text)]
    assert found == []


@pytest.mark.parametrize("report_id", REPORT_IDS)
def test_no_markup_debris(corpus, report_id):
    found = [(p.anchor, p.line, [m for m in MARKUP if m in p.text])
             for _, p in corpus[report_id].paragraphs()
             if any(m in p.text for m in MARKUP) and (report_id, p.line) not in KNOWN_MARKUP]
    assert found == []
    titles = [s.title for s in corpus[report_id].sections if any(m in s.title for m in MARKUP)]
    assert titles == []


SENTENCE_END = tuple("。！？；：!?;:…”’）)")

# kind-p paragraphs that rightly end without punctuation (not broken)
UNPUNCTUATED_OK = {
    ("wuhan-2025-gwr-tasks", 19): "signature and date under the notice: '武汉市人民政府 2025年1月16日'",
}
# kind-p paragraphs that are broken or misplaced
KNOWN_UNFINISHED = {}   # (report, line): why; empty since the parser handles them


def _unfinished(report: Report) -> list:
    pairs = list(report.paragraphs())
    return [(report.id, p.line, p.anchor, p.text[-30:]) for i, (_, p) in enumerate(pairs)
            if p.kind == "p" and i < len(pairs) - 1 and pairs[i][0].kind != "appendix" and not p.text.rstrip().endswith(SENTENCE_END)]


@pytest.mark.parametrize("report_id", REPORT_IDS)
def test_paragraphs_end_their_sentences(corpus, report_id):
    """A paragraph (kind p) that stops mid-sentence, with more text after it, is broken."""
    found = [x for x in _unfinished(corpus[report_id])
             if (x[0], x[1]) not in UNPUNCTUATED_OK and (x[0], x[1]) not in KNOWN_UNFINISHED]
    assert found == []


KNOWN_UNBALANCED = {}   # (report, line): why; empty since the parser handles them


def _unbalanced(report: Report) -> list:
    out = []
    for _, p in report.paragraphs():
        t = p.text
        if (t.count("(") + t.count("（") != t.count(")") + t.count("）")
                or any(t.count(o) != t.count(c) for o, c in ("《》", "“”", "〈〉"))):
            out.append((report.id, p.line, p.anchor, p.text[-30:]))
    return out


@pytest.mark.parametrize("report_id", REPORT_IDS)
def test_brackets_and_quotes_are_balanced_in_each_paragraph(corpus, report_id):
    """An unclosed bracket means a paragraph was cut in two."""
    found = [x for x in _unbalanced(corpus[report_id]) if (x[0], x[1]) not in KNOWN_UNBALANCED]
    assert found == []


# =========================================================================== anchors and lines

ANCHOR = re.compile(r"^[A-Za-z0-9_.:-]+$")


@pytest.mark.parametrize("report_id", REPORT_IDS)
def test_anchors_are_unique_and_url_safe(corpus, report_id):
    report = corpus[report_id]
    anchors = [s.anchor for s in report.sections] + [p.anchor for _, p in report.paragraphs()]
    assert len(anchors) == len(set(anchors))
    assert [a for a in anchors if not ANCHOR.match(a)] == []
    for section, p in report.paragraphs():
        assert p.anchor.startswith(section.anchor + "-p"), p.anchor


@pytest.mark.parametrize("report_id", REPORT_IDS)
def test_document_order_and_source_lines(corpus, report_id):
    """Sections and paragraphs come in source order, and each paragraph's line holds its opening."""
    report = corpus[report_id]
    lines = source_lines(report)
    section_lines = [s.line for s in report.sections]
    assert section_lines == sorted(section_lines)
    para_lines = [p.line for _, p in report.paragraphs()]
    assert para_lines == sorted(para_lines)

    def squash(text: str) -> str:
        text = re.sub(r"^\s*(?:#+|[-•])\s*|\*\*|[\^_]\{|\}", "", text)
        return re.sub(r"\s+", "", text)

    misplaced = [(p.anchor, p.line, p.text[:10]) for _, p in report.paragraphs()
                 if squash(p.text)[:6] not in squash(lines[p.line - 1])]
    assert misplaced == []
