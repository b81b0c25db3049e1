"""Targets and outcomes read by measure (issue #20): every figure of a clause with what it
measures, compared only with a figure of the same measure, on made-up sentences of the shapes real
reports use (none of them a sample's)."""
import pytest
from test_commitments_support import make_report

from policyexplorer.commitments.clauses import is_continuation, join_continuations, pair_respectively, split_clauses
from policyexplorer.commitments.extract import extract_report
from policyexplorer.commitments.indicators import default_index
from policyexplorer.commitments.link import link_all
from policyexplorer.commitments.quantity import parse_quantities
from policyexplorer.ingest.orient import assign_looks, period_years
from policyexplorer.site.tracker import rule_words, stated


def joined(text):
    return [(c.text, c.parts) for c in join_continuations(text, split_clauses(text))]


def test_a_figure_that_continues_a_measure_joins_its_clause():
    assert joined("全县生产总值完成88.6亿元，同比增长9.1%；新增就业3200人") == [
        ("全县生产总值完成88.6亿元，同比增长9.1%", (0, 15)), ("新增就业3200人", (0,))]
    assert joined("财政收入增长12%，达到9.5亿元")[0] == ("财政收入增长12%，达到9.5亿元", (0, 10))
    # never across a semicolon, and never onto a clause that names its own subject
    assert len(joined("财政收入9.5亿元；增长12%")) == 2
    assert not is_continuation("税收收入增长12%") and is_continuation("比上年下降3.2个百分点")


def test_a_ranking_between_a_figure_and_its_growth_is_an_aside():
    (text, parts), *_ = joined("全年生产总值512亿元，居全市第4，位次前移两位，同比增长7.3%，规上工业增加值增长8%")
    assert text == "全年生产总值512亿元，居全市第4，位次前移两位，同比增长7.3%" and len(parts) == 2


def test_pairs_of_figures_and_their_growth_after_a_stop_comma():
    assert joined("年内完成1200户、16万平方米危旧房改造") == [("年内完成1200户、16万平方米危旧房改造", (0, 10))]
    assert joined("税收收入31.2亿元、增长6.4%") == [("税收收入31.2亿元、增长6.4%", (0, 11))]
    assert [t for t, _ in joined("新建公交站台40个、候车亭15座")] == ["新建公交站台40个", "候车亭15座"]


def test_quantities_read_as_printed():
    q = parse_quantities("外贸进出口总额增长12％")[0]
    assert (q.value, q.unit, q.kind, q.raw) == (12, "%", "rate", "12％")
    q = parse_quantities("为企业减负3000多亿元")[0]
    assert q.qualifier == "多" and q.base_value == 3e11
    q = parse_quantities("帮助8.5万农村低收入人口稳定就业")[0]
    assert (q.base_value, q.base_unit) == (85000, "人")
    assert parse_quantities("城镇化率提高1.2个百分点")[0].kind == "rate"
    assert parse_quantities("比重达到45%")[0].kind == "share"
    assert [q.raw for q in parse_quantities("优良天数300天以上，排名前移3位")] == ["300天以上", "3位"]
    assert parse_quantities("2030年开通6号线") == []


def _linked(plan, review, place="某县", level="county", review_looks=("back", [2030])):
    a = make_report("a-2030-gwr", place, [("s2", "forward", [2030], plan)])
    b = make_report("a-2031-gwr", place, [("s1", *review_looks, review)])
    for r in (a, b):
        r.meta["level"] = level
    cs = extract_report(a) + extract_report(b)
    link_all([a, b], cs)
    return [c for c in cs if c.report is a]


def test_a_target_in_two_figures_is_judged_on_both_measures():
    c, = _linked(["2030年主要预期目标是：全县生产总值达到150亿元，同比增长10%。"],
                 ["全年全县生产总值完成147亿元，同比增长8.8%；城镇新增就业5100人。"])
    assert c.indicator.id == "gdp-level" and [q.kind for q in c.targets] == ["level", "rate"]
    assert c.status == "missed" and len(c.outcomes) == 2
    assert {o.target.kind for o in c.outcomes} == {"level", "rate"}
    # the reader sees which measure was compared with which
    shown = {(stated(c.text, o.target), stated(o.text, o.quantity)) for o in c.outcomes}
    assert shown == {("达到150亿元", "完成147亿元"), ("同比增长10%", "同比增长8.8%")}


def test_a_target_met_on_one_measure_and_beaten_on_the_other_is_met():
    c, = _linked(["财政总收入达到10亿元，同比增长10%。"], ["财政总收入完成10.2亿元，同比增长16%。"])
    assert sorted(o.status for o in c.outcomes) == ["exceeded", "met"] and c.status == "met"


def test_figures_after_a_target_in_one_sentence_are_its_items():
    cs = _linked(["全年实现城镇新增就业4000人，失业人员再就业1500人，零就业家庭动态清零。"],
                 ["城镇新增就业4300人，再就业1400人。"])
    by = {c.quantity.value: c for c in cs if c.quantity}
    assert set(by) == {4000, 1500}
    assert by[1500].indicator.id == "reemployment" and by[1500].status == "missed"


def test_unlike_measures_are_never_compared_and_say_why():
    c, = _linked(["农村居民人均可支配收入达到21000元。"], ["农民人均纯收入达到20100元。"])
    assert c.status == "reported" and "unlike measure" in c.outcomes[0].explanation
    assert "口径" in rule_words(c.outcomes[0].explanation)


def test_a_growth_target_meets_only_a_level_in_the_review():
    c, = _linked(["规模以上工业增加值增长9%，固定资产投资增长12%。"], ["固定资产投资完成210亿元。"])[1:]
    assert c.status == "reported" and "other measure" in c.outcomes[0].explanation


def test_a_review_of_five_years_gives_no_verdict_on_one_year():
    cs = _linked(["新建农村公路300公里。", "城镇新增就业5000人。"],
                 ["五年来，新建农村公路1400公里，城镇新增就业2.6万人。刚刚过去的2030年，城镇新增就业5200人。"],
                 review_looks=("back", [2026, 2027, 2028, 2029, 2030]))
    roads, jobs = cs
    assert roads.status == "reported" and "several years" in roads.outcomes[0].explanation
    assert jobs.status == "met"


def test_an_area_word_counts_only_before_the_figure_in_its_own_segment():
    c, = _linked(["地区生产总值增长7%。"], ["地区生产总值增长7.6%，增速居全省第3位。"], place="某市", level="city")
    assert c.status == "exceeded"
    c, = _linked(["地区生产总值增长7%。"], ["全省地区生产总值增长6.1%。"], place="某市", level="city")
    assert c.status == "reported"
    c, = _linked(["地区生产总值增长7%。"], ["全省地区生产总值增长6.1%。"], place="某省", level="province")
    assert c.status == "missed"        # a province's 全省 is itself


def test_a_count_without_an_indicator_is_found_by_its_noun_on_either_side():
    c, = _linked(["改造8000户农村危房。"], ["完成农村危房改造9200户。"])
    assert c.status == "exceeded" and "9200户" in c.outcomes[0].text


def test_framing_and_outline_clauses_commit_to_nothing():
    r = make_report("a-2030-gwr", "某县", [
        ("s1", "forward", [2030, 2031, 2032, 2033, 2034], ["加快建成区域性物流枢纽，地区生产总值年均增长6%。"]),
        ("s2", "forward", [2030], ["围绕全面建成现代化强县，建成城东污水处理厂。",
                                  "全县生产总值从80亿元增加到120亿元。"])])
    cs = extract_report(r)
    assert [(c.kind, c.year) for c in cs if c.place.section.anchor == "s1"] == [("target", 2034)]
    assert [c.text for c in cs if c.place.section.anchor == "s2"] == ["建成城东污水处理厂"]


def test_a_target_raised_from_one_figure_to_another_is_the_second():
    c, = extract_report(make_report("a-2030-gwr", "某县", [("s", "forward", [2030], ["低保标准由每人每月600元提高到650元。"])]))
    assert c.quantity.value == 650


def test_section_years_of_a_five_year_period():
    meta = {"review_years": [2030], "plan_years": [2031]}
    assert period_years("“十六五”时期的主要目标任务", "forward", meta) == list(range(2031, 2036))
    assert period_years("过去五年工作回顾", "back", meta) == list(range(2026, 2031))
    # a heading run on into its first sentence names only its own period
    assert period_years("2030年工作回顾2030年是“十五五”规划开局之年", "back", meta) == [2030]
    # a title opening on the period in quotes names it, whatever words follow
    assert period_years("“十六五”发展总体部署", "forward", meta) == list(range(2031, 2036))
    assert period_years("“十六五”实现良好开局", "forward", meta) == []
    # a review looks back on no year after its own
    assert period_years("“十五五”以来工作回顾", "back", {"review_years": [2027]}) == [2026, 2027]


def test_indicator_families_have_one_measure_of_each_kind():
    index = default_index()
    gdp = index.by_id["gdp-level"]
    assert index.measure(gdp, "rate").id == "gdp-growth" and index.measure(gdp, "level") is gdp
    assert "rural-net-income" in index.by_id["rural-income-level"].unlike
    assert "rural-income" in index.by_id["rural-net-income-level"].unlike     # both ways


def test_general_aims_are_no_tasks_and_named_ones_are():
    from policyexplorer.commitments.tasks import named_task
    for aim in ["做好外事、侨务、港澳工作", "推动图书馆事业高质量发展", "持续扩大制度型开放", "加强数字基础设施建设",
                "加快发展壮大“四新”产业", "提高政策精准度和实效性", "认真落实扶持民营经济的各项政策"]:
        assert named_task(aim) is None, aim
    for task in ["实施城乡供水一体化工程", "深化国有林场改革", "办好第五届全省运动会", "开展耕地保护专项行动"]:
        assert named_task(task) is not None, task


def test_a_mechanism_improved_without_a_name_is_a_way_of_working():
    from policyexplorer.commitments.tasks import named_task
    for way in ["完善人才评价机制", "健全应急管理机制", "优化重点税源产业支持政策", "完善城乡统筹规划制度",
                "完善分片区协同发展机制和政策"]:
        assert named_task(way) is None, way
    # one set up, one named in quotes, a reform or pilot improved: tasks
    for task in ["建立生态环境损害赔偿制度", "完善“地票”“林票”制度", "持续完善“四个一”科技成果对接服务机制",
                 "深化农村集体产权制度改革"]:
        assert named_task(task) is not None, task


def test_layouts_kinds_of_policy_figures_of_speech_and_standings_are_aims():
    from policyexplorer.commitments.tasks import named_task
    for aim in ["优化园区空间布局", "加强农村宅基地审批管理", "提升城市综合体、特色商业街和商贸中心人气",
                "落实新的减税降费政策", "全面落实针对性帮扶政策措施", "推进政府治理体系和治理能力现代化",
                "做好“土特产”文章", "推动“体育+”融合发展", "打造国家重要的环保产业基地", "加速打造世界一流智慧港口",
                "打造区域科技创新中心", "打造具有青石特色的夜市品牌", "深入实施创新驱动发展战略",
                "积极实施“走出去”战略", "落实积极的财政政策", "深化供给侧结构性改革"]:
        assert named_task(aim) is None, aim
    for task in ["实施城市规划和土地集中管理", "深化社区“网格化”管理", "落实三孩生育政策配套措施", "实施车购税优惠政策",
                 "深化“1+X”证书制度和现代学徒制试点", "打造以碳汇大厦为引领的环沙湖双碳经济带",
                 "打造一点多能、一网通用的“统仓共配”农村物流体系", "争创国家区域科技创新中心"]:
        assert named_task(task) is not None, task


def test_a_subsection_stating_a_result_reviews_with_its_part():
    from policyexplorer.model import Section
    part = Section("s1", "一、", "2030年工作回顾", 1, None, "part", 1)
    sub = Section("s1-1", "（七）", "自身建设得到新加强", 2, "s1", "section", 2)
    plan = Section("s2", "二、", "今后五年的目标任务", 1, None, "part", 3)
    assign_looks([part, sub, plan], {"review_years": [2030], "plan_years": [2031]})
    assert (sub.looks, sub.years) == ("back", [2030])
    assert (plan.looks, plan.years) == ("forward", list(range(2031, 2036)))


def test_the_precision_sample_keeps_its_commitments_when_others_change():
    from types import SimpleNamespace as NS
    from policyexplorer.commitments import precision

    def c(i, kind="task"):
        return NS(id=f"r:s1-p{i}:1", text=f"建成第{i}号工程", kind=kind, report=NS(id="r"))
    pool = [c(i) for i in range(200)]
    sample = precision.draw(pool, size=20)
    keys = {precision.key(x) for x in sample}
    fewer = [x for x in pool if precision.key(x) in keys or int(x.id.split("p")[1].split(":")[0]) % 2]
    assert {precision.key(x) for x in precision.draw(fewer, size=20)} == keys
    judged = {precision.key(x): {"real": i % 4 != 0, "why": ""} for i, x in enumerate(sample[:12])}
    p = precision.score(pool, judged, size=20)
    assert (p.real, p.judged, len(p.unjudged)) == (9, 12, 8) and p.by_kind == {"task": [9, 12]}


def test_town_and_country_pairs_go_to_each_in_turn():
    from policyexplorer.commitments.clauses import pair_respectively
    for text in ["城乡居民人均可支配收入分别达到31000元、12000元，同比分别增长6%、8%",
                 "城乡居民人均可支配收入达31000元、12000元，同比增长6%、8%"]:
        clause, = [c for c in join_continuations(text, split_clauses(text))]
        got = [(name, q.raw, q.kind) for name, q in pair_respectively(clause.text)]
        assert got == [("城镇居民人均可支配收入", "31000元", "level"), ("农村居民人均可支配收入", "12000元", "level"),
                       ("城镇居民人均可支配收入增长", "6%", "rate"), ("农村居民人均可支配收入增长", "8%", "rate")], text


def test_a_figure_in_another_unit_after_a_figure_counts_the_same_thing():
    assert joined("全县义务植树800亩、2.1万株") == [("全县义务植树800亩、2.1万株", (0, 11))]


def test_a_figure_raised_to_a_new_level_is_compared_with_where_it_went():
    c, = _linked(["城乡居民医保补助由每人每年600元提高到650元。"],
                 ["五年来，城乡居民医保补助标准由400元提高到650元。"],
                 review_looks=("back", [2026, 2027, 2028, 2029, 2030]))
    assert c.quantity.value == 650 and c.status == "met"          # a level reached: the period's end is the year's
    # 城乡 with one figure after another is one scheme, not town and country
    from policyexplorer.commitments.clauses import pair_respectively
    assert pair_respectively("城乡居民医保补助由每人每年600元提高到650元") == []


def test_of_two_passages_alike_the_one_sharing_the_targets_words_is_taken():
    c, = _linked(["转移农村劳动力3万人、实现增收5亿元。"], ["发展庭院经济，带动增收4.2亿元。",
                                                          "实现农村劳动力转移就业3.3万人、增收5.6亿元。"])[1:]
    assert c.quantity.value == 5 and c.status == "exceeded" and "5.6亿元" in c.outcomes[0].text


def test_the_works_a_sum_pays_for_join_it_as_one_commitment():
    text = "投资2.4亿元实施供热管网改造工程，确保20公里主管网、45公里支线改造等工程按时完工。"
    assert [t for t, _ in joined(text)] == [text[:-1]]
    # a list not introduced as the sum's works stays a list of its own
    assert len(joined("投资2.4亿元实施供热管网改造工程，新建主管网20公里、支线45公里")) == 3


def test_a_sum_is_matched_by_what_it_pays_for_and_under_way_is_partly():
    cs = _linked(["投资2.4亿元实施供热管网改造工程，确保20公里主管网、45公里支线改造等工程按时完工。"],
                 ["投资3亿元建成了城东学校。2.4亿元的供热主管网改造等工程进展顺利。"])
    (c,) = [c for c in cs if c.quantity and c.quantity.raw.startswith("2.4亿")]
    assert c.status == "partly", [(o.status, o.explanation) for o in c.outcomes]
    assert "城东学校" not in c.outcomes[0].text         # money alone names nothing


def test_a_count_of_new_ones_answered_by_a_total_is_reported():
    cs = _linked(["年内新开通至沿海城市的4条航线。"], ["机场旅客吞吐量突破80万人次，国内、国际航线达到31条。"])
    (c,) = cs
    assert c.status == "reported" and "new vs total" in c.outcomes[0].explanation


def test_a_list_item_naming_only_the_last_word_of_its_indicator_borrows_the_first_items():
    cs = _linked(["确保粮食播种面积稳定在90万亩以上、产量6亿斤以上。"], ["全年粮食总产6.2亿斤，实现十连丰。"])
    (c,) = [c for c in cs if "亿斤" in c.quantity.raw]
    assert c.indicator is not None and c.indicator.family == "grain-output"
    assert c.status in ("met", "exceeded"), [(o.status, o.explanation) for o in c.outcomes]


def test_people_named_by_what_they_do_are_counted_by_the_doing():
    cs = _linked(["支持返乡创业，新增创业人员3万左右。"], ["新增返乡下乡创业3.6万人。"])
    (c,) = cs
    assert c.status == "exceeded", [(o.status, o.explanation) for o in c.outcomes]


def test_fields_directions_and_kinds_of_policy_are_no_named_tasks():
    from policyexplorer.commitments.tasks import named_task
    for aim in ["深化重点领域改革", "推动帮扶政策向常态化长效化转变", "完善养老、托育等制度", "完成全线拆迁任务",
                "落实小微企业扶持政策", "积极争取中外合作项目", "谋划做好“山文章”", "推进“住有所居”",
                "增强“马上就办”的执行力", "推动在建项目形成更多实物工作量", "建立常态化走访机制",
                "选择一批街道开展试点", "积极争取、用好上级政策",
                # a policy, rule or standard in force applied, whatever it is called (README: "a kind
                # of policy applied")
                "全面落实就业优先政策", "落实最严格的耕地保护制度", "严格落实绿色施工标准"]:
        assert named_task(aim) is None, aim
    for task in ["稳妥推进事业单位改革", "制定首台套装备支持政策", "实施“百园百企”培育工程",
                 "完成青石大桥主体工程", "落实“河长制”", "建立生态补偿制度"]:
        assert named_task(task) is not None, task


def test_a_section_planning_a_term_and_the_next_year_gives_that_year_its_own_targets():
    """"今后五年及明年目标任务": the paragraphs that turn to the one plan year ("2031年是…",
    "明年…") plan that year, until one turns back to the period."""
    texts = ["今后五年，全县生产总值年均增长6%以上。", "2031年是新一届政府的开局之年。主要预期目标是：生产总值增长6.5%。",
             "经济增速是综合性指标，明年的目标要稳。", "到2035年，基本实现现代化。"]
    part = part_of("s2", "今后五年及明年目标任务", texts)
    assign_looks([part], {"review_years": [2030], "plan_years": [2031]})
    assert part.years == list(range(2031, 2036))
    assert paragraph_looks(part) == [
        (None, []), ("forward", [2031]), ("forward", [2031]), (None, [])]
    # a five-year plan (several plan years) is left to its sections
    other = part_of("s2", "今后五年及明年目标任务", texts[1:2])
    assign_looks([other], {"plan_years": [2031, 2032, 2033, 2034, 2035]})
    assert other.paragraphs[0].looks is None


def test_a_level_named_in_an_earlier_phrase_is_not_the_figures_scope():
    from policyexplorer.commitments.indicators import scope_of
    index = default_index()
    text = "建设项目300个，其中市级重点项目60个，确保固定资产投资增长9%左右"
    m = next(m for m in index.matches(text) if m.indicator.id == "fai-growth")
    assert scope_of(text, m).level is None
    assert scope_of("市级固定资产投资增长9%", index.matches("市级固定资产投资增长9%")[0]).level == "市级"


def test_a_town_and_country_pair_is_two_growth_targets():
    from policyexplorer.commitments.extract import clause_commitments
    (clause,) = split_clauses("城乡居民人均可支配收入分别增长7%和9%")
    specs = clause_commitments(clause, default_index(), True)
    assert [(s["indicator"].id, s["quantity"].value) for s in specs] == [
        ("urban-income-growth", 7.0), ("rural-income-growth", 9.0)]


def test_systems_standing_mechanisms_and_words_on_the_way_are_no_named_tasks():
    from policyexplorer.commitments.tasks import named_task
    for aim in ["健全老年教育服务体系", "完善山洪灾害防治工程体系", "健全乡村教育发展体制机制", "完善开发区管理体制",
                "建立健全河道保洁长效机制", "完善常态化巡查制度", "强化中心城区交通疏解", "加强政策统筹协调",
                "完善社区便民服务设施", "完善城乡供水一体化考核机制"]:
        assert named_task(aim) is None, aim
    for task in ["完善青石港公铁水联运体系", "完善人才引进政策体系", "完善用能权交易体系", "健全县乡村三级林长制体系",
                 "加强市急救指挥中心建设"]:
        assert named_task(task) is not None, task


def test_methods_clusters_coordination_and_figures_of_speech_are_no_named_tasks():
    from policyexplorer.commitments.tasks import named_task
    for aim in ["开展以商招商、链式招商", "统筹推进招才引智和产业链布局", "打造先进装备产业集群", "推动农业标准化生产、品牌创建",
                "推动商户积极“上云”", "统筹推进要素保障和关键环节改革", "分类选择一批乡镇开展省级试点",
                "推动构建养老服务新模式"]:
        assert named_task(aim) is None, aim
    for task in ["推进青石科技城招商", "建设东区、西区、南区三大物流园", "基本完成老城区供水管网改造",
                 "深化“双拥”模范城创建", "统筹规划建设市级政务数据平台"]:
        assert named_task(task) is not None, task


def test_a_bare_measure_is_quoted_from_the_sentence_that_names_its_subject():
    report = make_report("r", "某市", [("s1", "forward", [2031], [
        "新能源装备产业要引进整机企业，壮大配套，产值增长30%。电子产业新建园区2个，产值增长40%。"])])
    texts = [c.text for c in extract_report(report) if c.kind == "target"]
    assert "新能源装备产业要引进整机企业，壮大配套，产值增长30%" in texts
    # another figure of the sentence stands between: the clause just before is quoted with it, as
    # printed (the reader sees whose output it is), not the sentence's start with an ellipsis
    assert "电子产业新建园区2个，产值增长40%" in texts and "产值增长40%" not in texts
    (c,) = [c for c in extract_report(report) if c.text.endswith("产值增长30%")]
    assert c.text[c.quantity.start:c.quantity.end] == "30%"


def test_a_fine_particle_concentration_is_a_capped_target():
    from policyexplorer.commitments.extract import clause_commitments
    for text in ["细颗粒物（PM2.5）平均浓度控制在33微克/立方米以下", "设区市PM2.5平均浓度低于28微克"]:
        (clause,) = split_clauses(text)
        (spec,) = clause_commitments(clause, default_index(), True)
        assert spec["indicator"].id == "pm25" and spec["indicator"].direction == "cap", text
    # "28微克" and "28微克/立方米" are one unit
    from policyexplorer.commitments.quantity import unit_class
    a, b = parse_quantities("低于28微克")[0], parse_quantities("为27微克/立方米")[0]
    assert unit_class(a.base_unit) == unit_class(b.base_unit)


def test_growth_as_a_multiple_is_a_rate():
    from policyexplorer.site.tracker import figure
    (q,) = parse_quantities("产值增长3倍以上")
    assert (q.kind, q.value, q.unit, q.qualifier) == ("rate", 300.0, "%", "增长·以上") and figure(q) == "增长3倍以上"
    (q,) = parse_quantities("营业收入实现翻番")
    assert (q.kind, q.value) == ("rate", 100.0) and figure(q) == "翻番"
    assert parse_quantities("力争翻两番")[0].value == 300.0
    # a figure already read is not read again
    assert [q.value for q in parse_quantities("增长2%，收入翻一番")] == [2.0, 100.0]


def linked(plan_text: str, review_text: str) -> list:
    """The commitments of a one-paragraph 2031 plan, linked to a one-paragraph review of 2031."""
    plan = make_report("p", "某县", [("s1", "forward", [2031], [plan_text])])
    review = make_report("r", "某县", [("s1", "back", [2031], [review_text])])
    plan.meta.update(plan_years=[2031])
    review.meta.update(review_years=[2031], plan_years=[2032])
    commitments = extract_report(plan)
    link_all([plan, review], commitments)
    return commitments


def paragraph_looks(section) -> list:
    """(looks, years) of each paragraph of a section, as orient set them."""
    return [(p.looks, p.years) for p in section.paragraphs]


def part_of(anchor: str, title: str, texts: list[str]):
    """A top-level part holding these paragraphs."""
    from policyexplorer.model import Paragraph, Section
    return Section(anchor, "一、", title, 1, None, "part", 1,
                   paragraphs=[Paragraph(f"{anchor}-p{i}", t, i) for i, t in enumerate(texts, 1)])


def test_a_review_pairing_names_and_figures_gives_each_name_its_own():
    commitments = linked("力争港口集装箱吞吐量增长5%以上。", "港口货物和集装箱吞吐量分别增长3%、9.6%。")
    (c,) = [c for c in commitments if "集装箱" in c.text]
    assert c.status == "exceeded" and c.outcomes[0].quantity.value == 9.6, (c.status, c.outcomes)


def test_one_figure_for_town_and_country_is_a_target_for_each():
    from policyexplorer.commitments.extract import clause_commitments
    (clause,) = split_clauses("城乡居民人均可支配收入增长6%")
    specs = clause_commitments(clause, default_index(), True)
    assert [(s["indicator"].id, s["quantity"].value) for s in specs] == [
        ("urban-income-growth", 6.0), ("rural-income-growth", 6.0)]
    # town and country named apart, one figure for each ("均"): the growth of each
    (clause,) = split_clauses("城镇和农村常住居民人均可支配收入均增长6%")
    specs = clause_commitments(clause, default_index(), True)
    assert [(s["indicator"].id, s["quantity"].value) for s in specs] == [
        ("urban-income-growth", 6.0), ("rural-income-growth", 6.0)]
    # a measure of the whole with no town and country measures of its own stays one target
    (clause,) = split_clauses("城乡居民收入增长6%")
    assert len(clause_commitments(clause, default_index(), True)) == 1


def test_firms_new_to_the_above_scale_class_are_one_count_however_named():
    (c,) = linked("新增规上企业8户以上。", "新增规上工业企业9家，规模以上工业企业研发覆盖率65%。")
    assert c.indicator.id == "above-scale-firms" and c.status == "exceeded"
    assert c.outcomes[0].quantity.value == 9.0


def test_the_numbered_sections_of_a_part_naming_its_period_and_year_are_the_years():
    from policyexplorer.model import Section
    back = Section("s1", "一、", "“十五五”时期简要回顾及2030年工作情况", 1, None, "part", 1)
    back_sub = Section("s1-1", "（一）", "坚决打好攻坚战", 2, "s1", "section", 2)
    plan = Section("s2", "二、", "“十六五”时期奋斗目标和2031年工作任务", 1, None, "part", 3)
    plan_sub = Section("s2-1", "（一）", "更加注重实体经济", 2, "s2", "section", 4)
    other = Section("s3", "三、", "今后五年的目标任务", 1, None, "part", 5)
    other_sub = Section("s3-1", "（一）", "更加注重民生", 2, "s3", "section", 6)
    assign_looks([back, back_sub, plan, plan_sub, other, other_sub], {"review_years": [2030], "plan_years": [2031]})
    assert plan.years == list(range(2031, 2036)) and plan_sub.years == [2031]
    assert back.years == list(range(2026, 2031)) and back_sub.years == [2030]
    assert other_sub.years == other.years == list(range(2031, 2036))      # a period alone stays one


def test_a_bracketed_dateline_does_not_open_the_body():
    from policyexplorer.ingest.clean import clean
    blocks, _ = clean("某市政府工作报告\n\n（2031年1月6日在某市人民代表大会第二次会议上）\n\n张三\n\n各位代表：\n\n现在，我代表市人民政府作报告。")
    assert [b.front for b in blocks] == [True, True, True, False, False]


def test_a_term_review_turning_to_its_last_year_reviews_that_year():
    texts = ["五年来，经济实力持续增强。", "各位代表，五年成绩来之不易。刚刚过去的一年，全市上下攻坚克难。",
             "全年新增规上工业企业20户。", "五年来，民生持续改善。"]
    part = part_of("s1", "过去五年工作回顾", texts)
    assign_looks([part], {"review_years": [2030], "plan_years": [2031]})
    assert part.years == list(range(2026, 2031))
    assert paragraph_looks(part) == [
        (None, []), ("back", [2030]), ("back", [2030]), (None, [])]


def test_main_work_done_reviews_and_main_work_to_do_plans():
    from policyexplorer.ingest.orient import looks_of_title
    assert looks_of_title("2030年主要工作情况") == "back"
    assert looks_of_title("2031年主要工作") == "forward"
    # a term's results: 主要工作 followed by a word of a review is no plan (a 2018 report's
    # "二、过去五年主要工作成效": its text's 五年来 then makes it a review of the term)
    for title in ("过去五年主要工作成效", "2030年主要工作成绩", "2030年主要工作进展"):
        assert looks_of_title(title) != "forward", title
    assert looks_of_title("主要工作回顾") == looks_of_title("2030年主要工作总结") == "back"


def test_a_term_reviews_second_run_of_sections_after_the_turn_to_its_year_reviews_the_year():
    from policyexplorer.model import Paragraph, Section
    term = part_of("s1", "过去五年工作回顾", ["过去的五年，是不平凡的五年。"])

    def sub(anchor, number, title, texts, line):
        return Section(anchor, number, title, 2, "s1", "section", line,
                       paragraphs=[Paragraph(f"{anchor}-p{i}", t, i) for i, t in enumerate(texts, 1)])
    kids = [sub("s1-1", "（一）", "经济实力显著增强", ["五年来，地区生产总值跨过4个千亿元台阶。"], 2),
            sub("s1-2", "（二）", "政府自身建设不断加强",
                ["坚决贯彻全面从严治党要求。", "各位代表，2030年是本届政府的收官之年，我们全面落实各项部署。"], 3),
            sub("s1-3", "（一）", "聚焦项目招引，推动经济发展", ["新增规上工业企业120家。"], 4),
            sub("s1-4", "（二）", "聚焦民生期盼，推动生活改善", ["办成民生实事40项。"], 5)]
    assign_looks([term, *kids], {"review_years": [2030], "plan_years": [2031]})
    assert [k.years for k in kids] == [list(range(2026, 2031)), list(range(2026, 2031)), [2030], [2030]]


@pytest.mark.parametrize("turn", ["各位代表，2030年是本届政府的收官之年，我们攻坚克难。",
                                  "各位代表，在过去五年中，2030年是极不平凡的一年。"])
def test_a_term_review_turning_to_its_last_year_by_naming_it(turn):
    texts = ["五年来，经济实力持续增强。", turn, "全年新增规上工业企业20户。"]
    part = part_of("s1", "过去五年工作回顾", texts)
    assign_looks([part], {"review_years": [2030], "plan_years": [2031]})
    assert paragraph_looks(part) == [(None, []), ("back", [2030]), ("back", [2030])]


def test_a_mark_passed_then_the_figure_reached_and_its_growth():
    from policyexplorer.commitments.link import _outcome_figures
    text = "全年地区生产总值突破4000亿元大关、达4522.3亿元，增长6.7%，两年平均增长5.3%。"
    first = join_continuations(text, split_clauses(text))[0]
    assert first.text == "全年地区生产总值突破4000亿元大关、达4522.3亿元，增长6.7%"
    assert [q.raw for _, q, _ in _outcome_figures(first, default_index())] == ["4522.3亿元", "6.7%"]


@pytest.mark.parametrize("clause, want", [
    # the first side bare: it shares the measure the second names
    ("城镇和农村常住居民人均可支配收入分别达33349元和13989元，分别增长8.2%和8.4%",
     [("城镇常住居民人均可支配收入", "33349元"), ("农村常住居民人均可支配收入", "13989元"),
      ("城镇常住居民人均可支配收入增长", "8.2%"), ("农村常住居民人均可支配收入增长", "8.4%")]),
    # the pairs begin before 分别
    ("城乡居民人均收入达到28400元和9400元、分别增长7.5%和8.2%",
     [("城镇居民人均收入", "28400元"), ("农村居民人均收入", "9400元"),
      ("城镇居民人均收入增长", "7.5%"), ("农村居民人均收入增长", "8.2%")]),
    # one figure both share ("均"); 人均 is no such word
    ("城乡常住居民人均可支配收入均增长7.6%",
     [("城镇常住居民人均可支配收入增长", "7.6%"), ("农村常住居民人均可支配收入增长", "7.6%")]),
])
def test_town_and_country_pairs_in_a_review(clause, want):
    assert [(n, q.raw) for n, q in pair_respectively(clause)] == want


def test_a_level_and_its_growth_across_how_it_was_computed():
    text = "实现地区生产总值9846.9亿元，按可比价计算，同比增长7.8%；完成一般公共预算收入1245.3亿元，增长10.9%。"
    assert [c.text for c in join_continuations(text, split_clauses(text))] == [
        "实现地区生产总值9846.9亿元，按可比价计算，同比增长7.8%", "完成一般公共预算收入1245.3亿元，增长10.9%"]


def test_a_term_review_opening_on_its_last_year_reviews_that_year_until_it_turns_to_the_term():
    texts = ["2030年，面对复杂形势，全市经济稳中有进。", "——经济运行企稳向好。地区生产总值增长5%。",
             "经过不懈努力，本届政府确定的目标全面实现。", "一是经济实力跃升，地区生产总值年均增长7%。"]
    part = part_of("s1", "2030年及本届政府工作回顾", texts)
    assign_looks([part], {"review_years": [2030], "plan_years": [2031]})
    assert paragraph_looks(part) == [
        ("back", [2030]), ("back", [2030]), (None, []), (None, [])]


def test_a_review_giving_the_share_of_the_plan_reached_judges_a_count():
    (c,) = linked("城镇新增就业40万人。", "城镇新增就业、新增转移农村劳动力分别完成年计划的113%、121.4%。")
    assert c.status == "exceeded" and "113%" in c.outcomes[0].explanation, c.outcomes
    (c,) = linked("城镇新增就业40万人。", "城镇新增就业完成年计划的98%。")
    assert c.status == "missed"


def test_a_total_after_the_new_ones_answers_a_target_for_all_there_are():
    (c,) = linked("实有经营主体突破500万户。", "新登记经营主体123万户、总数达482万户。")
    assert c.status == "missed" and c.outcomes[0].quantity.value == 482.0, c.outcomes


def test_one_figure_after_a_name_with_words_of_its_own_measures_the_next_name():
    (c,) = linked("空气质量优良天数比率稳步提升、国控断面水质优良比例达95%。", "国控断面水质优良比例96.2%。")
    assert c.indicator.id == "water-quality-national" and c.status == "met"
    # names with nothing between them share the figure: the first names it
    (c,) = linked("固定资产投资、社会消费品零售总额各增长10%。", "固定资产投资增长11%。")
    assert c.indicator.family == "fai"


def test_a_floor_is_no_ceiling_for_the_size_words_before_it():
    (c,) = linked("淘汰10蒸吨/时及以下燃煤锅炉700台以上。", "淘汰燃煤锅炉1038台。")
    assert c.status == "exceeded", c.outcomes


def test_a_share_raised_to_a_level_is_a_share_and_a_listed_figure_shares_its_measure():
    qs = parse_quantities("甲、乙占地区生产总值比重分别提高到23%、45%")
    assert [(q.kind, q.value) for q in qs] == [("share", 23.0), ("share", 45.0)]
    assert [q.kind for q in parse_quantities("城镇化率提高到60%")] == ["share"]
    assert [q.kind for q in parse_quantities("增长5%、10%")] == ["rate", "rate"]


def test_a_share_of_gdp_named_in_pairs_is_no_gdp_target():
    commitments = linked("绿色经济、数字经济增加值占地区生产总值比重分别达到45%、23%。",
                         "地区生产总值增长8%，数字经济、绿色经济占地区生产总值比重分别提高到23%、45%。")
    assert len(commitments) == 2 and not any(c.indicator and c.indicator.family == "gdp" for c in commitments)
    green = next(c for c in commitments if c.quantity.value == 45.0)
    assert green.status == "met" and green.outcomes[0].quantity.value == 45.0, green.outcomes


def test_a_counted_noun_is_shortened_only_between_words():
    from policyexplorer.commitments.link import _variants
    forms = _variants("before", "生产性服务业企业")
    assert "服务业企业" in forms and "业企业" not in forms
    # a start that only qualifies the thing counted names another thing
    assert "规模以上" not in _variants("before", "规模以上大数据企业")
    assert "工业企业" not in _variants("before", "工业企业智能化改造项目")
    (c,) = linked("引进生产性服务业企业50个以上。", "新增规模以上工业企业106个。")
    assert c.status == "no_report", c.outcomes


def test_the_sections_after_a_term_review_turns_to_its_last_year_review_that_year():
    from policyexplorer.model import Paragraph, Section
    part = part_of("s1", "过去五年工作回顾", ["五年来，经济实力跃升。", "各位代表，刚刚过去的2030年，是极不平凡的一年。"])
    sub = Section("s1-1", "（一）", "全力稳增长", 2, "s1", "section", 2,
                  paragraphs=[Paragraph("s1-1-p1", "全年新增就业5万人。", 1),
                              Paragraph("s1-1-p2", "各位代表，五年发展业绩来之不易。", 2)])
    assign_looks([part, sub], {"review_years": [2030], "plan_years": [2031]})
    assert sub.years == [2030]
    assert [p.years for p in sub.paragraphs] == [[], list(range(2026, 2031))]
    # a paragraph opening on the year that goes on to review the term is the term's
    mixed = part_of("s2", "过去五年工作回顾", ["刚刚过去的2030年，经济平稳。五年来，累计签约项目1500个。"])
    assign_looks([mixed], {"review_years": [2030], "plan_years": [2031]})
    assert mixed.paragraphs[0].years == []


def test_a_review_giving_where_a_share_went_from_and_to_reports_the_to():
    (c,) = linked("研发经费支出占地区生产总值比重达3.7%。", "全社会研发投入强度从3.01%提升到3.7%。")
    assert c.indicator.id == "rd-intensity" and c.status == "met" and c.outcomes[0].quantity.value == 3.7


def test_net_new_ones_after_the_total_answer_a_net_new_target():
    (c,) = linked("市场主体净增50万户以上。", "市场主体总数达到491万户、净增80万户。")
    assert c.status == "exceeded" and c.outcomes[0].quantity.value == 80.0, c.outcomes


def test_flat_on_the_year_is_a_growth_of_nothing():
    (c,) = linked("社会消费品零售总额增长7%。", "社会消费品零售总额与上年基本持平。")
    assert c.status == "missed", c.outcomes


def test_ordinal_names_share_the_measure_the_last_one_names():
    assert [(n, q.raw) for n, q in pair_respectively("第一、第三产业增加值分别增长4.2%、5.7%")] == [
        ("第一产业增加值增长", "4.2%"), ("第三产业增加值增长", "5.7%")]


def test_freight_through_ports_is_not_the_value_of_trade():
    (c,) = linked("进出口总额增长15%左右。", "全省口岸进出口货运量增长32.2%。")
    assert c.status == "reported" and "货运量" in c.outcomes[0].explanation, c.outcomes   # never a verdict


def test_a_part_whose_opening_says_next_five_years_plans_them():
    meta = {"review_years": [2030], "plan_years": [2031]}
    five = part_of("s2", "全面开创现代化建设新局面", ["新征程已经开启。", "今后五年工作的总体思路是：稳中求进。",
                                                  "今后五年发展的主要目标是：力争经济总量迈上新台阶，确保民生持续改善。"])
    year = part_of("s3", "2031年重点工作", ["全年新建学校10所。"])
    five.number, year.number = "二、", "三、"
    assign_looks([five, year], meta)
    assert five.years == list(range(2031, 2036)) and year.years == [2031]
    # without a part of its own for the plan year, the report's intro is no five-year part
    alone = part_of("s2", "全面开创现代化建设新局面", ["今后五年，我们要稳中求进。",
                                                   "今后五年发展的主要目标是：力争经济总量迈上新台阶，确保民生持续改善。"])
    assign_looks([alone], meta)
    assert alone.years == [2031]


def test_a_review_section_saying_what_was_strengthened_reviews():
    from policyexplorer.model import Section
    review = part_of("s1", "2030年工作回顾", ["全年经济平稳。"])
    sub = Section("s1-1", "（六）", "政府自身建设全面加强", 2, "s1", "section", 2)
    assign_looks([review, sub], {"review_years": [2030], "plan_years": [2031]})
    assert sub.looks == "back"


def test_a_review_delivered_before_the_year_ends_turns_to_it_as_the_year_about_to_pass():
    part = part_of("s1", "本届政府及2030年工作回顾", ["五年来，经济实力跃升，地区生产总值年均增长7%。",
                                                 "各位代表，即将过去的2030年，是极不平凡的一年。"])
    sub = Section_of("s1-1", "（一）", "着力稳增长", "s1", ["地区生产总值增长8%。"])
    assign_looks([part, sub], {"review_years": [2030], "plan_years": [2031]})
    assert sub.years == [2030]


def Section_of(anchor, number, title, parent, texts):
    from policyexplorer.model import Paragraph, Section
    return Section(anchor, number, title, 2, parent, "section", 2,
                   paragraphs=[Paragraph(f"{anchor}-p{i}", t, i) for i, t in enumerate(texts, 1)])


def test_a_measure_per_unit_of_output_is_never_the_output():
    index = default_index()
    for text, want in [("万元地区生产总值能耗下降3.2%", "energy-intensity"),
                       ("单位地区生产总值二氧化碳排放下降3.9%", "co2-intensity"),
                       ("万元地区生产总值用水量下降3%", "water-intensity")]:
        assert [m.indicator.id for m in index.matches(text)] == [want], text
    # a denominator no indicator names is still no GDP figure
    assert not any(m.indicator.family == "gdp" for m in index.matches("单位地区生产总值建设用地使用面积下降5%"))
    (c,) = linked("农村贫困人口脱贫6万人。", "6.5万人口脱贫，贫困发生率下降到1.1%。")
    assert c.status == "exceeded" and c.outcomes[0].quantity.value == 6.5, c.outcomes


def test_a_growth_after_a_remark_on_how_it_is_counted_is_the_levels_growth():
    (c,) = linked("地方一般公共预算收入增长8%。", "完成地方一般公共预算收入120亿元，剔除政策因素影响，同口径增长8.6%。")
    assert c.status == "exceeded" and c.outcomes[0].quantity.value == 8.6, c.outcomes


def test_a_pair_of_yearly_averages_is_no_figure_for_the_year():
    (c,) = linked("社会消费品零售总额增长12%。", "五年来，固定资产投资、社会消费品零售总额年均分别增长15.2%和12.9%。")
    assert c.status != "exceeded", c.outcomes


def test_a_reviews_section_naming_a_programme_still_reviews():
    part = part_of("s1", "2030年工作回顾", ["过去一年，经济平稳。"])
    part.looks = None
    from policyexplorer.model import Paragraph, Section
    sub = Section("s1-2", "（二）", "着眼长远突出三年，“八项行动计划”有序展开", 2, "s1", "section", 2,
                  paragraphs=[Paragraph("s1-2-p1", "谋划实施城市提升行动计划，推进21个专项。", 1)])
    plan = Section("s2", "二、", "2031年工作安排", 1, None, "part", 3,
                   paragraphs=[Paragraph("s2-p1", "今年要做好工作。", 1)])
    assign_looks([part, sub, plan], {"review_years": [2030], "plan_years": [2031]})
    assert (sub.looks, sub.years) == ("back", [2030])


def test_a_new_terms_goals_in_a_parts_title_span_its_five_years():
    assert period_years("新一届政府工作目标任务和2031年工作建议", "forward", {"plan_years": [2031]}) == \
        list(range(2031, 2036))


def test_a_part_on_the_term_and_its_year_numbering_twice_gives_the_first_run_to_the_term():
    from policyexplorer.model import Paragraph, Section
    part = Section("s2", "二、", "今后五年的目标任务和2031年工作安排", 1, None, "part", 1,
                   paragraphs=[Paragraph("s2-p1", "今后五年，我们将实施十项行动。", 1)])

    def sub(anchor, number, title, line):
        return Section(anchor, number, title, 2, "s2", "section", line,
                       paragraphs=[Paragraph(f"{anchor}-p1", "新建学校5所。", 1)])
    kids = [sub("s2-1", "（一）", "实施制造业高质量发展行动", 2), sub("s2-2", "（二）", "实施乡村振兴行动", 3),
            sub("s2-3", "（一）", "聚焦制造业，着力提高产业竞争力", 4), sub("s2-4", "（二）", "聚焦乡村，着力促进城乡协调", 5)]
    assign_looks([part, *kids], {"review_years": [2030], "plan_years": [2031]})
    assert [k.years for k in kids] == [list(range(2031, 2036))] * 2 + [[2031]] * 2


def test_a_paragraph_turning_to_the_year_after_its_opening_words_plans_that_year():
    """"各位代表，省党代会作出了…部署。…今年经济社会发展的主要预期目标是：…" after the term's goals:
    the turn may come after the paragraph's opening sentence."""
    texts = ["今后五年，地区生产总值年均增长7%左右。",
             "各位代表，党代会作出了部署。我们要抓落实。今年经济社会发展的主要预期目标是：地区生产总值增长8%左右。",
             "到2026年，基本建成现代化城市。"]
    part = part_of("s2", "新一届政府努力方向和2022年工作安排", texts)
    assign_looks([part], {"review_years": [2021], "plan_years": [2022]})
    assert paragraph_looks(part)[1] == ("forward", [2022])
    # a sentence about this year that introduces no goals does not turn the paragraph
    other = part_of("s2", "新一届政府努力方向和2022年工作安排",
                    [texts[0], "今后五年，要办好民生实事。今年是开局之年，意义重大。"])
    assign_looks([other], {"review_years": [2021], "plan_years": [2022]})
    assert paragraph_looks(other)[1] == (None, [])


def test_later_bare_measures_of_a_list_share_what_the_first_measures():
    pairs = pair_respectively("规模以上工业总产值、增加值和实现利润分别增长3.8%、5.8%和9.6%")
    assert [n for n, _ in pairs] == ["规模以上工业总产值增长", "规模以上工业增加值增长", "规模以上工业利润增长"]
    # a second run after them whose figures are not all read ("2.0、1.4" have no unit) leaves them paired
    pairs = pair_respectively("规模以上工业总产值、增加值和实现利润分别增长3.8%、5.8%和9.6%，同比分别提高2.0、1.4和7.6个百分点")
    assert [q.raw for _, q in pairs] == ["3.8%", "5.8%", "9.6%"]
    cs = {c.text: c for c in _linked(["规模以上工业增加值增长7.5%左右，出口商品总额增长7%。"],
                                     ["规模以上工业总产值、增加值和实现利润分别增长3.8%、5.8%和9.6%。出口总额增长32.7%。"])}
    assert cs["规模以上工业增加值增长7.5%左右"].status == "missed"
    assert cs["出口商品总额增长7%"].status == "exceeded"
