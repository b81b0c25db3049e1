import pytest
from test_commitments_support import make_report

from policyexplorer.commitments import LinksFileError, build_tracker
from policyexplorer.commitments.extract import extract
from policyexplorer.commitments.link import link_all

PLAN_2024 = ("s2", "forward", [2024], [
    "城镇新增就业25万人以上，居民消费价格涨幅3%左右，新增市级以上众创孵化载体40家，"
    "开工亿元以上项目920个以上，新增学位5万个，推进500个“无废细胞”创建，"
    "基本建成天河机场第三跑道，建成汉剧博物馆，发布数字经济应用场景200个以上。"])
REVIEW_2024 = ("s1", "back", [2024], [
    "城镇新增就业29.8万人，新开工亿元以上项目931个，新增学位5.1万个。",
    "新增省级以上众创孵化载体33家，累计打造1588个“无废细胞”，征集发布应用场景156个。",
    "天河机场迈入“三航站楼+三跑道”时代。汉剧博物馆加快建设。"])


def run(reports):
    cs = extract(reports)
    link_all(reports, cs)
    return {c.text: c for c in cs}


def test_statuses():
    cs = run([make_report("x-2024-gwr", "X市", [PLAN_2024]), make_report("x-2025-plan", "X市", [REVIEW_2024])])
    assert cs["城镇新增就业25万人以上"].status == "exceeded"
    assert cs["开工亿元以上项目920个以上"].status == "met"
    assert cs["新增学位5万个"].status == "met"
    assert cs["发布数字经济应用场景200个以上"].status == "missed"
    assert cs["新增市级以上众创孵化载体40家"].status == "reported"
    assert cs["推进500个“无废细胞”创建"].status == "reported"
    assert cs["居民消费价格涨幅3%左右"].status == "no_report"
    assert cs["基本建成天河机场第三跑道"].status == "met"
    assert cs["建成汉剧博物馆"].status == "partly"
    o = cs["城镇新增就业25万人以上"].outcomes[0]
    assert o.by == "auto" and 0 < o.confidence <= 1 and "29.8万人" in o.explanation and "25万人" in o.explanation


def test_a_target_named_as_missed_is_not_the_figure_reached():
    plan = ("s2", "forward", [2024], ["地区生产总值增长10%，改造老旧小区300个以上。"])
    review = ("s1", "back", [2024], ["全市实现生产总值6709亿元，增长8.2%；新改造老旧住宅小区304个。",
                                     "去年地区生产总值增速未达到10%预期目标，主要是外需减弱。"])
    cs = run([make_report("x-2024-gwr", "X市", [plan]), make_report("x-2025-gwr", "X市", [review])])
    gdp = cs["地区生产总值增长10%"]
    assert gdp.status == "missed" and "8.2%" in gdp.outcomes[0].explanation
    assert cs["改造老旧小区300个以上"].status == "met"       # 老旧住宅小区: the same measure


def test_pending_and_other_places():
    cs = run([make_report("x-2024-gwr", "X市", [PLAN_2024]),
              make_report("y-2025-gwr", "Y区", [REVIEW_2024])])
    assert cs["城镇新增就业25万人以上"].status == "pending", "another place's review is not an outcome"


def test_same_year_restatement_is_related():
    reports = [make_report("x-2024-gwr", "X市", [PLAN_2024]),
               make_report("x-2024-tasks", "X市", [("s1", "forward", [2024], [("(二)城镇新增就业25万人以上。", "item")])])]
    cs = extract(reports)
    link_all(reports, cs)
    c = [c for c in cs if c.report.id == "x-2024-gwr" and c.text == "城镇新增就业25万人以上"][0]
    assert c.status == "pending" and c.outcomes == []
    assert any(r.place.report.id == "x-2024-tasks" for r in c.related)


def test_new_year_report_links_without_code_change(tmp_path):
    plan_2026 = make_report("x-2026-gwr", "X市", [
        ("s1", "back", [2025], ["城镇新增就业26万人。"]),
        ("s2", "forward", [2026], ["城镇新增就业27万人以上。"])])
    plan_2025 = make_report("x-2025-gwr", "X市", [("s2", "forward", [2025], ["城镇新增就业25万人以上。"])])
    cs = extract([plan_2025, plan_2026])
    link_all([plan_2025, plan_2026], cs)
    by_year = {c.year: c for c in cs}
    assert by_year[2025].status == "met" and by_year[2025].outcomes[0].place.report.id == "x-2026-gwr"
    assert by_year[2026].status == "pending"


def _write_data(tmp_path, links):
    (tmp_path / "links.yml").write_text(links, encoding="utf-8")
    return tmp_path


def test_editorial_links(tmp_path):
    reports = [make_report("x-2024-gwr", "X市", [PLAN_2024]), make_report("x-2025-plan", "X市", [REVIEW_2024])]
    data = _write_data(tmp_path, """links:
  - paragraph: x-2024-gwr:s2-p1
    quote: 建成汉剧博物馆
    outcome: x-2025-plan:s1-p3
    action: confirm
    status: reported
    note: 仍在建设
  - paragraph: x-2024-gwr:s2-p1
    quote: 新增学位5万个
    outcome: x-2025-plan:s1-p1
    action: reject
""")
    t = build_tracker(reports, data)
    cs = {c.text: c for c in t.commitments}
    assert cs["建成汉剧博物馆"].status == "reported" and cs["建成汉剧博物馆"].outcomes[0].by == "editor"
    assert cs["新增学位5万个"].status == "no_report"


def test_editorial_link_to_missing_paragraph_is_an_error(tmp_path):
    reports = [make_report("x-2024-gwr", "X市", [PLAN_2024]), make_report("x-2025-plan", "X市", [REVIEW_2024])]
    data = _write_data(tmp_path, """links:
  - commitment: x-2024-gwr:s2-p1:1
    outcome: x-2025-plan:s9-p9
    action: add
    status: met
""")
    with pytest.raises(LinksFileError) as err:
        build_tracker(reports, data)
    assert "links.yml" in str(err.value) and "links[0]" in str(err.value) and "s9-p9" in str(err.value)
    assert isinstance(err.value, ValueError)


def _one(plan: str, review: str, place_b: str = "X市"):
    reports = [make_report("x-2024-gwr", "X市", [("s2", "forward", [2024], [plan])]),
               make_report("x-2025-plan", place_b, [("s1", "back", [2024], [review])])]
    return run(reports)


def test_ceilings_are_met_by_a_lower_figure():
    cs = _one("居民消费价格涨幅3%左右，城镇调查失业率控制在5.5%以内，某产品价格涨幅不超过4%。",
              "居民消费价格上涨0.2%，城镇调查失业率5.1%。某产品价格涨幅2%。")
    assert cs["居民消费价格涨幅3%左右"].status == "met"
    assert cs["城镇调查失业率控制在5.5%以内"].status == "met"
    assert cs["某产品价格涨幅不超过4%"].status == "met"


def test_reductions_compare_the_size_of_the_fall_and_units_convert():
    cs = _one("单位地区生产总值能耗下降3%，粮食总产量保持在1.4万亿斤以上，新建绿道100千米。",
              "单位地区生产总值能耗下降3.6%，粮食总产量达14500亿斤，新建绿道106公里。")
    assert cs["单位地区生产总值能耗下降3%"].status == "exceeded"
    assert cs["粮食总产量保持在1.4万亿斤以上"].status == "met"
    assert cs["新建绿道100千米"].status == "exceeded"


def test_a_wider_areas_figure_gives_no_verdict():
    cs = _one("新建绿道100公里。", "武汉都市圈新建绿道300公里。")
    assert cs["新建绿道100公里"].status == "reported"


def test_multi_part_task_with_one_part_done_is_partly():
    cs = _one("建成甲乙大道、丙丁大道南延线。", "建成甲乙大道、戊己路等骨干道路10条。")
    c = cs["建成甲乙大道、丙丁大道南延线"]
    assert c.status == "partly" and "1 of 2" in c.outcomes[0].explanation


def test_silence_says_when_the_main_review_is_missing():
    """A plan report reviewing the year says nothing: without the place's government work report
    of the next year, the silence may be the corpus's."""
    plan = ("s2", "forward", [2024], ["城镇新增就业25万人以上，外贸进出口总额增长8%。"])
    review = ("s1", "back", [2024], ["城镇新增就业29.8万人。"])
    reports = [make_report("x-2024-gwr", "X市", [plan]), make_report("x-2025-plan", "X市", [review], kind="plan-report")]
    cs = run(reports)
    assert cs["外贸进出口总额增长8%"].status == "no_report" and cs["外贸进出口总额增长8%"].missing_review
    assert not cs["城镇新增就业25万人以上"].missing_review
    gwr = make_report("x-2025-gwr", "X市", [review])
    gwr.meta["review_years"] = [2024]
    cs = run(reports + [gwr])
    assert cs["外贸进出口总额增长8%"].status == "no_report" and not cs["外贸进出口总额增长8%"].missing_review


def test_a_part_of_a_measure_does_not_report_the_whole():
    # "跨境电商出口" is a part of 出口: its growth says nothing of the export target
    cs = _one("出口增长7%。", "跨境电商出口增长18%，机电产品出口增长11.9%。")
    assert cs["出口增长7%"].status == "no_report"
    # words the target shares with the review's name narrow nothing ("高校毕业生")
    cs = _one("确保高校毕业生总体就业率95%以上。", "应届高校毕业生就业率达96.2%。")
    assert cs["确保高校毕业生总体就业率95%以上"].status == "met"
    # the place or the year before the name narrows nothing either
    cs = _one("出口增长7%。", "全市出口增长9%。")
    assert cs["出口增长7%"].status == "exceeded"


def test_total_budget_revenue_is_not_local_budget_revenue():
    cs = _one("一般公共预算总收入增长5%，地方一般公共预算收入增长5%。",
              "一般公共预算总收入5382.3亿元、同口径增长1.9%，地方一般公共预算收入3339亿元、同口径增长5.5%。")
    assert cs["一般公共预算总收入增长5%"].status == "missed"
    assert cs["地方一般公共预算收入增长5%"].status == "exceeded"


def test_a_company_count_is_reported_as_firms_and_its_own_part_gives_its_scope():
    # 上市公司 said as 上市企业; "总数达到100家" after the figure is another part's scope
    cs = _one("全年新增上市公司12家。", "新增上市企业12家，总数达到100家。")
    assert cs["全年新增上市公司12家"].status == "met"


def test_a_figure_of_a_city_or_the_townships_does_not_report_the_provinces_target():
    reports = [make_report("p-2024-gwr", "P省", [("s2", "forward", [2024], ["一般公共预算收入增长6.5%。"])]),
               make_report("p-2025-gwr", "P省", [("s1", "back", [2024], [
                   "阜新市固定资产投资增长19%，朝阳市一般公共预算收入增长21.7%。全省乡镇一般公共预算收入增长27.3%。"
                   "一般公共预算收入2616亿元，增长9.3%。"])])]
    cs = run(reports)
    c = cs["一般公共预算收入增长6.5%"]
    assert c.status == "exceeded" and "9.3%" in c.outcomes[0].explanation


def test_a_count_in_a_specific_word_a_quoted_name_and_another_name_of_foreign_investment():
    cs = _one("新建5G基站6500个，新增省“双创”人才50名，实际到账外资28亿美元以上。",
              "新建5G基站6580座，新增省双创人才71名，实际使用外资31.2亿美元。")
    assert cs["新建5G基站6500个"].status == "met"
    assert cs["新增省“双创”人才50名"].status == "exceeded"
    assert cs["实际到账外资28亿美元以上"].status == "exceeded"


def test_a_bracketed_part_of_a_name_and_firms_counted_in_another_word():
    cs = _one("改造农村泥草（危）房12万户，新增高新技术企业20户。", "改造农村泥草（危）房12.4万户，新增高新技术企业22家。")
    assert cs["改造农村泥草（危）房12万户"].status == "met"
    assert cs["新增高新技术企业20户"].status == "exceeded"


def test_a_years_own_review_speaks_before_a_review_of_the_term():
    # the next term's first report reviews the year alone and the five years: of two figures
    # alike, the year's own ("为2.4%") is the outcome, not the term's ("始终控制在3%以内")
    plan = make_report("x-2017-gwr", "X市", [("s2", "forward", [2017], ["城镇登记失业率控制在3%以下。"])])
    review = make_report("x-2018-gwr", "X市", [
        ("s1", "back", [2017], ["全年城镇新增就业10万人，城镇登记失业率为2.4%。"]),
        ("s2", "back", [2013, 2014, 2015, 2016, 2017], ["五年来，城镇登记失业率始终控制在3%以内。"])])
    c = run([plan, review])["城镇登记失业率控制在3%以下"]
    assert c.status == "met" and "2.4%" in c.outcomes[0].text


def test_a_growth_since_a_base_of_its_own_is_not_a_years_growth():
    # "比…时翻两番" is the whole way since that base: a year's growth does not answer it; a figure
    # since the same base does
    plan = "推动全市经济总量比自治区成立60周年时翻两番，地区生产总值增长9.5%左右。"
    cs = _one(plan, "全年地区生产总值增长8.5%。")
    quadruple = next(c for t, c in cs.items() if "翻两番" in t)
    assert quadruple.status == "reported" and "base year" in quadruple.outcomes[0].explanation
    assert cs["地区生产总值增长9.5%左右"].status == "missed"
    cs = _one(plan, "全市经济总量比自治区成立60周年时翻两番，地区生产总值增长8.5%。")
    assert next(c for t, c in cs.items() if "翻两番" in t).status == "met"


def test_a_zones_figure_does_not_answer_the_citys_target():
    cs = _one("地区生产总值增长6%。", "全市实现地区生产总值7864.76亿元、增长3.3%。"
              "出台《加快滇中新区高质量发展的实施意见》，滇中新区直管区地区生产总值增长15.7%。")
    c = cs["地区生产总值增长6%"]
    assert c.status == "missed" and "3.3%" in c.outcomes[0].explanation


def test_town_and_country_figures_joined_by_he_are_a_pair():
    # "城乡居民人均可支配收入40587元和16865元，分别增长6.7%和7.7%": 城镇 then 农村, level and growth
    plan = make_report("x-2017-gwr", "X市", [("s2", "forward", [2017], ["城乡居民人均可支配收入增长7%左右。"])])
    review = make_report("x-2018-gwr", "X市", [("s1", "back", [2017], [
        "城乡居民人均可支配收入40587元和16865元，分别增长6.7%和7.7%，万元GDP能耗下降3.5%。"])])
    reports = [plan, review]
    cs = extract(reports)
    link_all(reports, cs)
    by = {c.indicator.id: c for c in cs if c.report.id == "x-2017-gwr"}
    assert "6.7%" in by["urban-income-growth"].outcomes[0].explanation
    assert by["rural-income-growth"].status == "exceeded" and "7.7%" in by["rural-income-growth"].outcomes[0].explanation


def test_a_prices_cumulative_rise_is_the_years():
    # "居民消费价格指数累计上涨0.8%": January to December, the year's own figure (not 累计 over years)
    assert _one("居民消费价格涨幅控制在3%左右。", "居民消费价格指数累计上涨0.8%。")["居民消费价格涨幅控制在3%左右"].status == "met"


def test_a_long_name_is_read_without_the_verb_before_it():
    # the name of a count with no indicator is read whole, its verb dropped ("完成…颁证300万亩"
    # was read as "成土地承包经营权确权登记颁证": 14 characters back from the figure)
    c = _one("完成土地承包经营权确权登记颁证300万亩。", "完成土地承包经营权确权登记颁证380万亩。")["完成土地承包经营权确权登记颁证300万亩"]
    assert c.status == "exceeded" and c.outcomes[0].explanation.startswith("土地承包经营权确权登记颁证:")


def test_a_prices_bare_percentage_is_its_rise():
    # "居民消费价格指数控制在2.0%以内": no verb, but a price's percentage is how much it rose
    assert _one("居民消费价格涨幅控制在4%以内。", "居民消费价格指数控制在2.0%以内。")["居民消费价格涨幅控制在4%以内"].status == "met"


def test_a_count_of_large_projects_meets_the_reviews_count():
    # "亿元以上项目" names what is counted, whatever the verb of the review ("开复工")
    c = _one("全年推进亿元以上项目690个。", "注重大项目带动，开复工亿元以上项目621个，英特尔项目年内投资达到178亿元。")["全年推进亿元以上项目690个"]
    assert c.status == "missed" and "621个" in c.outcomes[0].explanation


def test_a_figure_whose_span_holds_the_verb_a_name_ends_on():
    # the name "高新技术企业达到" ends on 达到, which "达到1230家" also holds: the review's figure
    c = _one("高新技术企业达到1000家。", "高新技术企业达到1230家，涌现出8家“瞪羚”企业。")["高新技术企业达到1000家"]
    assert c.status == "exceeded" and "1230家" in c.outcomes[0].explanation


def test_over_a_sum_is_said_as_a_sum_or_more():
    # "投资超亿元项目" and "亿元以上项目" count the same projects
    c = _one("全年推进投资超亿元项目1000个以上。", "全年开复工亿元以上项目1048个，同比增加422个。")["全年推进投资超亿元项目1000个以上"]
    assert c.status == "met" and "1048个" in c.outcomes[0].explanation


def test_a_price_index_on_last_years_100_is_a_rise():
    cs = _one("居民消费价格指数控制在103以内。", "居民消费价格上涨1.8%。")
    assert cs["居民消费价格指数控制在103以内"].status == "met"
    assert "涨幅3%" in cs["居民消费价格指数控制在103以内"].outcomes[0].explanation


def test_exports_are_not_trade_and_trade_is_not_exports():
    cs = _one("出口总额增长8%，进出口总值增长5%。", "进出口总额3620亿元，增长9%。")
    exports = cs["出口总额增长8%"]
    assert exports.status == "reported" and "增长9%" in exports.outcomes[0].explanation
    # "出口总值增长" inside "进出口总值增长" is not said: 进出口 is one word
    assert cs["进出口总值增长5%"].indicator.id == "foreign-trade-growth"
    assert cs["进出口总值增长5%"].status == "exceeded"


def test_a_rank_before_the_figure_is_no_ceiling():
    # "二级旧里以下" ranks the houses; the 55万平方米 to pull down is a floor like any count
    cs = _one("拆除中心城区二级旧里以下房屋55万平方米。", "拆除中心城区二级旧里以下房屋63.9万平方米。")
    assert cs["拆除中心城区二级旧里以下房屋55万平方米"].status == "exceeded"


def test_a_name_cut_before_what_it_counts_names_another_thing():
    # "实际利用外来资金" is not "实际利用内资": the money counted is the name's head
    cs = _one("实际利用外来资金增长14%以上。", "实际利用内资、直接利用外资分别增长16%和9%。")
    assert cs["实际利用外来资金增长14%以上"].status == "no_report"


def test_all_residents_income_is_not_the_towns_or_the_countrys():
    cs = _one("居民人均可支配收入增长8%。", "城镇、农村居民人均可支配收入分别达56145元、26763元，分别增长5.1%、6.2%。")
    c = cs["居民人均可支配收入增长8%"]
    assert c.status == "reported" and "只是全体居民的一部分" in c.outcomes[0].explanation


def test_a_mark_passed_then_the_figure_reached_then_its_growth():
    cs = _one("地区生产总值增长7.5%。", "全年实现地区生产总值突破3000亿元，达到3060亿元，增长7.6%。")
    assert cs["地区生产总值增长7.5%"].status == "met"
    # a name after 单位规上 is a denominator, as after 单位
    cs = _one("规模以上工业增加值增长7%。", "单位规上工业增加值能耗下降9%。")
    assert cs["规模以上工业增加值增长7%"].status == "no_report"
    # and for a name no indicator knows, looked for by its words
    cs = _one("工业增加值增长7%。", "单位规上工业增加值能耗下降9%。")
    assert cs["工业增加值增长7%"].status == "no_report"
