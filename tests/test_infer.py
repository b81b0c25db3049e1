"""meta.yml's fields read from a report's text (ingest/infer.py), the register of divisions
(ingest/divisions.py) and places through it, and report folders without meta.yml."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from policyexplorer.ingest import inferscore
from policyexplorer.ingest.corpus import parse_report
from policyexplorer.ingest.divisions import Division, Divisions, short_name
from policyexplorer.ingest.errors import CorpusError
from policyexplorer.ingest.infer import FIELDS, infer_meta, suggest_id
from policyexplorer.ingest.places import Places

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


@pytest.fixture(scope="module")
def places() -> Places:
    return Places.load(DATA / "places.yml")


# A made-up country: two cities each with a 青山区, and a county.
MADE_UP = Divisions([
    Division("000000", "中国", "national", None),
    Division("990000", "云岭省", "province", "000000"),
    Division("990100", "白云市", "city", "990000"),
    Division("990102", "青山区", "district", "990100"),
    Division("990121", "石门县", "county", "990100"),
    Division("990200", "绿水市", "city", "990000"),
    Division("990202", "青山区", "district", "990200"),
])


@pytest.fixture
def made_up() -> Places:
    return Places([{"name": "中国", "level": "national", "slug": "cn"}], divisions=MADE_UP)


def gwr(place_line: str, byline: str, first_heading: str = "一、2024年工作回顾", date: str = "2025年1月10日") -> str:
    return (f"政府工作报告\n\n——{date}在{place_line}第九届人民代表大会第二次会议上\n\n{byline}\n\n"
            f"各位代表：\n\n现在，我代表政府向大会报告工作，请予审议。\n\n{first_heading}\n\n过去一年，各项工作取得新进展。\n")


def test_short_names():
    assert short_name("海淀区") == "海淀"
    assert short_name("内蒙古自治区") == "内蒙古"
    assert short_name("恩施土家族苗族自治州") == "恩施"
    assert short_name("城区") == "城区"


def test_register_resolves_places_by_full_short_and_chained_names(places):
    assert places.path("海拉尔区") == ["中国", "内蒙古自治区", "呼伦贝尔市", "海拉尔区"]
    assert places.path("内蒙古自治区呼伦贝尔市海拉尔区") == places.path("海拉尔区")
    assert places.canonical("呼伦贝尔") == "呼伦贝尔市"
    assert places.canonical("武汉") == "武汉市" and places.canonical("湖北") == "湖北省"
    assert places.level_of("海拉尔区") == "district" and places.level_of("呼伦贝尔市") == "city"
    assert places.slug("海拉尔区") == "hailaer"
    # 朝阳区: in 北京市 and in 长春市
    assert places.canonical("朝阳区") is None and len(places.candidates("朝阳区")) == 2
    assert places.path("北京市朝阳区") == ["中国", "北京市", "北京市朝阳区"]
    assert places.slug("北京市朝阳区") == "chaoyang-beijing"
    assert places.slug("长春市朝阳区") == "chaoyang-changchun"


def test_listed_places_keep_their_paths_and_slugs(places):
    assert places.path("武汉市武昌区") == ["中国", "湖北省", "武汉市", "武汉市武昌区"]
    assert places.path("武昌区") == places.path("武汉市武昌区")
    assert [places.slug(p) for p in ("中国", "湖北省", "武汉市", "武汉市武昌区")] == ["cn", "hubei", "wuhan", "wuchang"]
    # a place the register puts under a listed one takes the listed names on its path
    assert places.path("洪山区")[:3] == ["中国", "湖北省", "武汉市"]


def test_slugs_from_pinyin_and_collisions(made_up):
    assert made_up.slug("石门县") == "shimen"
    assert made_up.slug("白云市青山区") == "qingshan-baiyun"
    assert made_up.slug("绿水市青山区") == "qingshan-lvshui"
    assert made_up.slug("中国") == "cn"
    assert made_up.slug("示范镇") == "shifan"          # in neither: the pinyin of its name, never a hash


def test_infer_a_county_report(made_up):
    text = gwr("石门县", "石门县人民政府县长　王某某")
    facts, missing = infer_meta(text, made_up)
    values = {k: f.value for k, f in facts.items()}
    assert values == {"title": "2025年石门县政府工作报告", "issuer": "石门县人民政府", "speaker": "王某某",
                      "place": "石门县", "level": "county", "kind": "government-work-report",
                      "delivered": "2025-01-10", "review_years": [2024], "plan_years": [2025]}
    assert missing == {}
    assert facts["delivered"].line == 3 and "2025年1月10日" in facts["delivered"].words
    assert facts["place"].line == 3
    assert facts["speaker"].words == "石门县人民政府县长　王某某" and facts["speaker"].line == 5   # as printed
    assert suggest_id(facts, made_up) == "shimen-2025-gwr"


def test_the_years_of_a_review_titled_main_work_done(made_up):
    facts, _ = infer_meta(gwr("石门县", "县长 王某", first_heading="一、2024年主要工作情况"), made_up)
    assert facts["plan_years"].value == [2025] and facts["review_years"].value == [2024]


def test_a_leader_the_report_quotes_is_not_its_speaker(made_up):
    # no byline; the text quotes "李某总理在云南调研时的讲话": not who delivered the report
    text = gwr("石门县", "县长", first_heading="一、2024年工作回顾").replace(
        "过去一年，各项工作取得新进展。", "过去一年，我们落实习近平总书记重要指示和李某总理在云南调研时的讲话要求。")
    facts, missing = infer_meta(text, made_up)
    assert "speaker" not in facts and "speaker" in missing
    # the name before the office, at the meeting, still is
    text = gwr("石门县", "").replace("各位代表：", "王某某县长在石门县第九届人民代表大会第二次会议上作政府工作报告。各位代表：")
    assert infer_meta(text, made_up)[0]["speaker"].value == "王某某"


def test_an_office_in_the_text_names_no_speaker_without_a_name(made_up):
    # "世界冬季城市市长会议等重大活动在沈举办": 市长 followed by seven characters and 在 is no byline
    text = gwr("石门县", "县长", first_heading="一、2024年工作回顾").replace(
        "过去一年，各项工作取得新进展。", "过去一年，世界冬季城市市长会议等重大活动在石门举办。")
    assert "speaker" not in infer_meta(text, made_up)[0]


def test_chinese_numerals_and_a_late_date(made_up):
    facts, _ = infer_meta(gwr("石门县", "县长 王某", first_heading="一、过去一年工作回顾",
                              date="二〇二四年十二月二十七日"), made_up)
    assert facts["delivered"].value == "2024-12-27"
    assert facts["plan_years"].value == [2025] and facts["review_years"].value == [2024]
    facts, _ = infer_meta(gwr("石门县", "县长 王某", first_heading="一、过去五年工作回顾",
                              date="二0二三年一月五日"), made_up)
    assert facts["delivered"].value == "2023-01-05" and facts["plan_years"].value == [2023]


def test_plan_heading_names_the_plan_year(made_up):
    facts, _ = infer_meta(gwr("石门县", "县长 王某", first_heading="二、2026年工作安排", date="2025年12月30日"), made_up)
    assert facts["plan_years"].value == [2026] and facts["review_years"].value == [2025]


def test_ambiguous_place_told_apart_by_the_text_or_missing(made_up):
    facts, _ = infer_meta(gwr("绿水市青山区", "区长 王某"), made_up)
    assert facts["place"].value == "绿水市青山区" and facts["level"].value == "district"
    assert facts["issuer"].value == "青山区人民政府"
    facts, missing = infer_meta(gwr("青山区", "区长 王某"), made_up)
    assert "place" not in facts
    assert "白云市青山区" in missing["place"] and "绿水市青山区" in missing["place"]
    text = gwr("青山区", "区长 王某").replace("过去一年", "过去一年，在白云市委领导下")
    assert infer_meta(text.replace("白云市委", "白云委"), made_up)[0]["place"].value == "白云市青山区"   # short name
    facts, _ = infer_meta(text, made_up)
    assert facts["place"].value == "白云市青山区"


@pytest.mark.parametrize("title, kind", [
    ("关于石门县2024年国民经济和社会发展计划执行情况与2025年计划草案的报告", "plan-report"),
    ("石门县国民经济和社会发展第十五个五年规划纲要", "five-year-plan"),
    ("县人民政府关于印发2025年《政府工作报告》目标任务责任分解方案的通知", "task-breakdown"),
    ("2025年石门县政府工作报告", "government-work-report"),
    ("关于石门县乡村道路养护的通知", "other"),
])
def test_kind_from_the_title(made_up, title, kind):
    facts, _ = infer_meta(f"{title}\n\n石门县人民政府\n\n正文第一段。\n", made_up)
    assert facts["kind"].value == kind


def test_plan_report_and_five_year_plan_years(made_up):
    facts, _ = infer_meta("关于石门县2024年国民经济和社会发展计划执行情况与2025年计划草案的报告\n\n"
                          "——在石门县第九届人民代表大会第二次会议上\n\n石门县发展和改革委员会\n\n一、2024年计划执行情况\n", made_up)
    assert facts["review_years"].value == [2024] and facts["plan_years"].value == [2025]
    assert facts["issuer"].value == "石门县发展和改革委员会"
    assert suggest_id(facts, made_up) == "shimen-2025-plan"
    facts, _ = infer_meta("石门县国民经济和社会发展第十五个五年规划和二〇三五年远景目标纲要\n\n第一章 总体要求\n", made_up)
    assert facts["plan_years"].value == [2026, 2027, 2028, 2029, 2030]
    assert facts["review_years"].value == [2021, 2022, 2023, 2024, 2025]
    assert suggest_id(facts, made_up) == "shimen-fyp15"


def test_nothing_to_read_says_what_to_write(made_up):
    facts, missing = infer_meta("正文第一段。\n", made_up)
    assert facts == {} and set(missing) == set(FIELDS)
    assert "YYYY-MM-DD" in missing["delivered"]


# The bundled reports: what their text says agrees with their hand-written meta.yml.
BUNDLED = sorted(p for p in (DATA / "reports").iterdir() if (p / "meta.yml").exists())


@pytest.mark.parametrize("folder", BUNDLED, ids=lambda p: p.name)
def test_bundled_inferred_as_written(folder, places):
    meta = yaml.safe_load((folder / "meta.yml").read_text(encoding="utf-8"))
    facts, _ = infer_meta((folder / "source.txt").read_text(encoding="utf-8-sig"), places)
    for field in ("place", "level", "kind", "review_years", "plan_years", "title", "issuer"):
        assert facts[field].value == meta[field], field
    # where meta.yml gives the day, the text's date is the same; where it gives less, the text agrees
    written, inferred = str(meta["delivered"]), facts["delivered"].value
    assert inferred == written or inferred.startswith(written) or written.startswith(inferred)
    assert suggest_id(facts, places) == folder.name


@pytest.mark.parametrize("folder", BUNDLED, ids=lambda p: p.name)
def test_bundled_folder_without_meta_builds_the_same_text(folder, places, tmp_path):
    """A copy with only source.txt parses to the same paragraphs; to the same sections where
    meta.yml has no `parts` hint (a hint names a part heading the text lost: without it the
    paragraphs stay, under the numbered headings)."""
    bare = tmp_path / folder.name
    bare.mkdir()
    shutil.copy(folder / "source.txt", bare / "source.txt")
    with_meta, _ = parse_report(folder, places)
    without, warnings = parse_report(bare, places)
    texts = [[p.text for s in r.sections for p in s.paragraphs] for r in (without, with_meta)]
    hints = [h["starts"] for h in with_meta.meta.get("parts") or []]
    if hints:   # an appendix hint keeps its lines as received: compare up to the first hint
        cut = [next((i for i, t in enumerate(ts) if any(h in t for h in hints)), len(ts)) for ts in texts]
        texts = [ts[:c] for ts, c in zip(texts, cut)]
        assert min(cut) > 10
    assert texts[0] == texts[1]
    if not hints:
        assert [(s.anchor, s.title, s.looks, s.years) for s in without.sections] == \
            [(s.anchor, s.title, s.looks, s.years) for s in with_meta.sections]
    assert without.place_path == with_meta.place_path and without.place_slug == with_meta.place_slug
    assert set(without.meta["inferred"]) >= {"title", "place", "level", "kind", "delivered", "plan_years"}
    assert any("inferred from the text" in w and "place" in w for w in warnings)


def test_written_fields_win_and_missing_ones_are_filled(tmp_path, places):
    folder = tmp_path / "r"
    folder.mkdir()
    shutil.copy(DATA / "reports" / "wuchang-2025-gwr" / "source.txt", folder / "source.txt")
    (folder / "meta.yml").write_text("title: 手写的标题\nsource: 测试\n", encoding="utf-8")
    report, _ = parse_report(folder, places)
    assert report.meta["title"] == "手写的标题" and report.meta["source"] == "测试"
    assert "title" not in report.meta["inferred"] and report.meta["place"] == "武汉市武昌区"


def test_ambiguous_place_is_an_error_naming_file_and_candidates(tmp_path, places):
    folder = tmp_path / "r"
    folder.mkdir()
    (folder / "source.txt").write_text(gwr("朝阳区", "朝阳区人民政府区长 王某"), encoding="utf-8")
    with pytest.raises(CorpusError) as err:
        parse_report(folder, places)
    message = str(err.value)
    assert "meta.yml" in message and message.index("'place'") < message.index("'issuer'") and "北京市朝阳区" in message and "长春市朝阳区" in message
    (folder / "meta.yml").write_text("place: 朝阳区\n", encoding="utf-8")
    with pytest.raises(CorpusError) as err:
        parse_report(folder, places)
    assert "meta.yml:1" in str(err.value) and "北京市朝阳区" in str(err.value)


def test_a_field_neither_written_nor_told_is_an_error(tmp_path, places):
    folder = tmp_path / "r"
    folder.mkdir()
    (folder / "source.txt").write_text("正文第一段。\n\n正文第二段。\n", encoding="utf-8")
    with pytest.raises(CorpusError) as err:
        parse_report(folder, places)
    assert str(folder / "meta.yml") in str(err.value) and "'title'" in str(err.value)
    assert "write title:" in str(err.value)


# What infer_meta reaches on every report with a hand-written meta.yml (inferscore's sets):
# right / total per field. Raise these as it gets better; never lower them.
REACHED = {"place": 26, "level": 26, "kind": 26, "delivered": 20, "review_years": 26, "plan_years": 26,
           "title": 24, "issuer": 26, "speaker": 20}


def test_accuracy_on_every_labelled_report(places):
    table, wrong = inferscore.score(inferscore.SETS, places)
    right = {f: sum(c.get(f, [0, 0])[0] for c in table.values()) for f in REACHED}
    assert {f: right[f] >= REACHED[f] for f in REACHED} == {f: True for f in REACHED}, "\n".join(wrong)
    total = sum(sum(c.get(f, [0, 0])[1] for c in table.values()) for f in inferscore.SCORED)
    assert sum(right[f] for f in inferscore.SCORED) / total >= 0.95


def test_overview_marks_each_inferred_fact_in_both_scripts(tmp_path, places):
    from policyexplorer.convert import converter_for
    from policyexplorer.site.glossary import Glossary
    from policyexplorer.site.pages import site_pages, walk
    from policyexplorer.site.ui import UiStrings, unmark

    bare = tmp_path / "wuchang-2025-gwr"
    bare.mkdir()
    shutil.copy(DATA / "reports" / "wuchang-2025-gwr" / "source.txt", bare / "source.txt")
    (bare / "meta.yml").write_text("source: 测试\nspeaker: 手写的人\n", encoding="utf-8")
    report, _ = parse_report(bare, places)
    pages = walk(site_pages([report], glossary=Glossary.load(tmp_path, [report])))
    md = next(p for p in pages if p.path == "reports/wuchang-2025-gwr/").markdown
    for field in ("title", "issuer", "place", "kind", "delivered", "review_years", "plan_years"):
        assert f"（据原文推断：“{report.meta['inferred'][field].words}”）" in unmark(md), field
    assert "手写的人</dd>" in unmark(md)        # written: no mark
    ui = UiStrings.load(DATA / "ui.yml")
    hant = ui.to_hant(md, converter_for(DATA).to_hant)
    assert "據原文推斷" in hant and not ui.missing


def test_a_township_under_a_known_county(made_up):
    assert made_up.canonical("石门县青石镇") == "石门县青石镇"
    assert made_up.path("石门县青石镇") == ["中国", "云岭省", "白云市", "石门县", "石门县青石镇"]
    assert made_up.level_of("石门县青石镇") == "township" and made_up.level_of("某某乡") == "township"
    assert made_up.slug("石门县青石镇") == "qingshi-shimen"
    facts, _ = infer_meta(gwr("石门县青石镇", "镇长 王某"), made_up)
    assert facts["place"].value == "石门县青石镇" and facts["level"].value == "township"
    assert facts["issuer"].value == "青石镇人民政府" and facts["title"].value == "2025年青石镇政府工作报告"


def test_a_congress_named_short(made_up):
    text = "政府工作报告\n\n（2025年1月10日在石门县十八届人大三次会议上）\n\n县长 王某\n\n一、2024年工作回顾\n"
    facts, _ = infer_meta(text, made_up)
    assert facts["place"].value == "石门县" and facts["delivered"].value == "2025-01-10"


@pytest.mark.parametrize("head, delivered, plan", [
    ("政府工作报告\n（2025年1月10日）\n在石门县第九届人民代表大会第二次会议上\n", "2025-01-10", 2025),
    ("政府工作报告\n——2025年1月10日在石门县第九届人民代表大会第二次会议上\n\n一、2024年及过去五年工作回顾\n", "2025-01-10", 2025),
    ("政府工作报告\n——2025年1月10日在石门县第九届人民代表大会第二次会议上\n\n一、过去五年和2024年工作回顾\n", "2025-01-10", 2025),
    # no dateline: delivered in the year it plans
    ("二〇二五年石门县政府工作报告\n\n县长 王某\n\n各位代表：\n", "2025", 2025),
    ("石门县2025年政府工作报告\n\n各位代表：\n\n三、2025年的主要工作\n", "2025", 2025),
])
def test_datelines_and_headings_as_printed(made_up, head, delivered, plan):
    facts, _ = infer_meta(head + "\n过去一年，各项工作取得新进展。\n", made_up)
    assert (facts["delivered"].value if "delivered" in facts else None) == delivered
    assert facts["plan_years"].value == [plan] and facts["review_years"].value == [plan - 1]
    assert facts["place"].value == "石门县" and facts["kind"].value == "government-work-report"


def test_a_report_whose_head_names_no_place_is_placed_by_the_place_its_text_names_most(made_up):
    # no dateline, a byline with the office only, "我代表省人民政府": the province the text names
    text = ("政府工作报告\n\n省长 王某\n\n各位代表：\n\n现在，我代表省人民政府向大会报告工作。\n\n一、2024年工作回顾\n\n"
            "建设美丽云岭，云岭经济稳中有进。白云市、绿水市协同发展，全面建设现代化云岭。\n")
    facts, missing = infer_meta(text, made_up)
    assert facts["place"].value == "云岭省" and facts["level"].value == "province", missing
    assert facts["title"].value == "2025年云岭省政府工作报告"
    # named once only: not enough to say
    facts, missing = infer_meta(text.replace("云岭经济", "经济").replace("全面建设现代化云岭", "全面建设现代化"), made_up)
    assert "place" not in facts and "place" in missing
