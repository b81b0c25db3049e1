"""Lost words marked where they are (issue #13): detectors, meta.yml notes, the whole corpus."""
from __future__ import annotations

from pathlib import Path

import pytest

from policyexplorer.ingest import parse_report
from policyexplorer.ingest.damage import detect, noted_words, quoted

ROOT = Path(__file__).resolve().parents[1]
UNSEEN = ROOT.parent / "shared" / "eval" / "unseen"
if not UNSEEN.is_dir():
    UNSEEN = ROOT / "tests" / "shared" / "eval" / "unseen"


def kinds(text: str) -> list[str]:
    return [kind for kind, _, _ in detect(text)]


@pytest.mark.parametrize("text,kind,words", [
    ("开通运营地铁19号线号线二期和国内首条城市空轨", "doubled-unit", "号线号线"),
    ("新建5座座泵站", "doubled-unit", "座座"),
    ("持之以恒纠治“”，力戒官僚主义", "empty-quotes", "“”"),
    ("认真学习《》精神", "empty-quotes", "《》"),
    ("坚持以习新时代中国特色社会主义思想为指导", "cut-name", "习"),
    ("团结在以习同志为核心的党中央周围", "cut-name", "习"),
    ("深入贯彻习考察湖北武汉重要讲话精神", "cut-name", "习"),
    ("根本在于习领航掌舵", "cut-name", "习"),
    ("整治标牌标识、线余个，实施", "missing-number", "余个"),
    ("轨道交通新港线个城建交通项目开工建设", "missing-number", "个"),
    ("推进和平大道东延线号线建设", "missing-number", "号线"),
])
def test_each_detector_finds_its_shape(text, kind, words):
    hits = detect(text)
    assert [(k, text[s:e]) for k, s, e in hits] == [(kind, words)]


@pytest.mark.parametrize("text", [
    "坚持以习近平新时代中国特色社会主义思想为指导",
    "团结在以习近平同志为核心的党中央周围",
    "深入学习新时代中国特色社会主义思想",        # 学习, not a name
    "以及关于促进民营经济发展的意见",            # 以及: a function word
    "认真贯彻党关于全面从严治党的部署",           # 党: an institution
    "关心老同志，和老同志谈心",
    "2023年年底前完成，年年有增长",              # 年年: a real word
    "新增3万个个体工商户，一个个项目落地",
    "若干个重点领域，其余个人所得",
    "推动个转企、小升规，壮大“大中小微个”市场经营主体",   # 个 = individual businesses, a word
    "开通地铁5号线、19号线，各号线运营平稳",
    "“四上”企业210家，引号“里子”和“面子”",
    "新增500余个充电桩，1000余个项目",
    "研究研究，讨论讨论",                       # doubled words without a number before them
    "改造老旧小区296个，新建公园108个",
])
def test_clean_text_is_never_marked(text):
    assert detect(text) == []


def test_quotes_of_a_note_keep_their_nested_quotes():
    note = "原文部分词语在转载时被删去（如“地铁19号线号线二期”“纠治“””），此处照录，不作补全。"
    assert quoted(note) == ["地铁19号线号线二期", "纠治“”"]


def test_only_notes_about_lost_words_name_damage():
    meta = {"notes": ["转文本时“附表1”被识别为“所表1”。",                     # a misreading, not a loss
                      "转载时部分词语被删去，如“力戒、官僚主义”。"],
            "damage": ["一元路3个特块"]}
    assert noted_words(meta) == ["一元路3个特块", "力戒、官僚主义"]


def test_known_damage_of_the_2024_wuhan_report_is_found():
    report, warnings = parse_report(ROOT / "data" / "reports" / "wuhan-2024-gwr")
    assert not [w for w in warnings if "damaged" in w]
    marked = {d.anchor for d in report.damage}
    excerpts = " ".join(d.excerpt for d in report.damage)
    for words in ("以习新时代", "地铁19号线号线二期", "纠治“”", "以习同志为核"):
        assert words in excerpts
    # every paragraph still holding a cut name, empty quotes or a doubled unit is marked
    for section, paragraph in report.paragraphs():
        if "以习" in paragraph.text or "“”" in paragraph.text or "号线号线" in paragraph.text:
            assert paragraph.anchor in marked, paragraph.anchor
    # marked, never repaired: the text is as received
    assert any("地铁19号线号线二期" in p.text for _, p in report.paragraphs())


def corpus_folders():
    folders = sorted(p for p in (ROOT / "data" / "reports").iterdir() if p.is_dir())
    return folders + sorted(p for p in UNSEEN.iterdir() if p.is_dir())


@pytest.mark.parametrize("folder", corpus_folders(), ids=lambda p: p.name)
def test_no_false_marks_on_clean_reports(folder):
    """Every hit in the corpus was read by hand: all of them are in the 2024 Wuhan reprint;
    the other reports (clean PDF and web text, the unseen national reports) get none."""
    report, _ = parse_report(folder)
    if report.id == "wuhan-2024-gwr":
        assert len({d.anchor for d in report.damage}) == 13
    else:
        assert report.damage == [], [(d.anchor, d.excerpt) for d in report.damage]


def test_a_damage_entry_found_nowhere_is_a_warning(tmp_path):
    folder = tmp_path / "x-2024-gwr"
    folder.mkdir()
    (folder / "source.txt").write_text("一、总体要求\n\n坚持以习新时代中国特色社会主义思想为指导。\n", encoding="utf-8")
    (folder / "meta.yml").write_text(
        "title: 报告\nissuer: 政府\nplace: 某市\nlevel: city\nkind: government-work-report\n"
        "delivered: 2024\nreview_years: []\nplan_years: [2024]\nsource: 网页\n"
        "damage:\n  - 不在文中的词\n", encoding="utf-8")
    report, warnings = parse_report(folder)
    assert [d.kind for d in report.damage] == ["cut-name"]
    assert any("不在文中的词" in w and "meta.yml:10" in w for w in warnings)
