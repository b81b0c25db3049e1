from policyexplorer.commitments.quantity import parse_quantities, cn_to_number


def one(text):
    qs = [q for q in parse_quantities(text) if not q.nominal]
    assert len(qs) == 1, (text, qs)
    return qs[0]


def test_levels_with_multipliers_compare():
    a, b = one("技术合同成交额突破2400亿元"), one("技术合同成交额达 2608 亿元")
    assert (a.value, a.unit, a.qualifier) == (2400, "亿元", "突破")
    assert b.value == 2608 and b.base_value == 2.608e11 and a.comparable_with(b)


def test_broken_spacing():
    q = one("筹建保障性租赁住房5. 4 万套（间）")
    assert q.value == 5.4 and q.unit == "万套（间）" and q.base_value == 54000
    assert one("城镇新增就业 29.8 万人").base_value == 298000
    assert one("新增企业1.55万家").base_value == 15500
    assert one("植树造林2.1万亩").unit == "万亩"


def test_qualifiers():
    assert one("城镇新增就业25万人以上").qualifier == "以上"
    assert one("开展民间投资项目推介不少于100场").qualifier == "不少于"
    assert one("力争高新技术企业达到1.55万家").qualifier == "达到"


def test_rates_are_not_levels():
    g = one("地区生产总值增长6%")
    d = one("单位生产总值能耗下降3.9%左右")
    assert g.kind == d.kind == "rate" and g.qualifier == "增长" and d.qualifier.startswith("下降")
    assert not g.comparable_with(one("城镇新增就业25万人"))
    assert one("数字经济规模占地区生产总值比重达到50%").kind == "share"


def test_chinese_numerals_and_ranges():
    assert cn_to_number("十") == 10 and cn_to_number("二十三") == 23 and cn_to_number("三百") == 300
    qs = parse_quantities("推广十大名菜，建设十个示范点")
    assert [(q.value, q.nominal) for q in qs] == [(10, True), (10, False)]
    r = one("打造3-5个示范区")
    assert r.value == 3 and r.qualifier == "3-5"


def test_not_quantities():
    assert one("为全市30—64周岁常住适龄妇女免费筛查20万人次").value == 20
    assert parse_quantities("开通地铁19号线二期，位居第13位，2024年") == []
    assert [q for q in parse_quantities("签约50亿元以上工业项目45个") if not q.nominal][0].value == 45


def test_counts_inside_quotation_marks_name_things():
    from policyexplorer.commitments.quantity import parse_quantities
    assert all(q.nominal for q in parse_quantities("狠抓“两个培育、四个转型”"))
    (q,) = parse_quantities("建设“一刻钟便民生活圈”30个")
    assert (q.value, q.nominal) == (30.0, False)


def test_tens_of_thousands_in_words_count_and_round_scales_name():
    (q,) = parse_quantities("继续免费送戏下乡一万场")
    assert (q.base_value, q.base_unit, q.nominal) == (10000, "场", False)
    (q,) = parse_quantities("新建两万套")
    assert q.base_value == 20000 and not q.nominal
    # "百万亩基地", "千万工程": a scale that names a thing
    assert all(q.nominal for q in parse_quantities("打造百万亩优质马铃薯基地，深化“千万工程”"))


def test_more_than_after_the_multiplier_keeps_the_unit():
    (q,) = parse_quantities("全年免费送戏下乡1.6万余场")
    assert (q.base_value, q.base_unit, q.qualifier) == (16000, "场", "余")
    (q,) = parse_quantities("新增10万余户")
    assert (q.base_value, q.base_unit) == (100000, "户")


def test_more_than_a_round_thousand_in_words_is_a_figure():
    (q,) = parse_quantities("中欧班列开行量超千列")
    assert (q.base_value, q.base_unit, q.qualifier, q.nominal) == (1000, "列", "超", False)
    assert all(q.nominal for q in parse_quantities("开通三列"))


def test_a_round_sum_in_words_is_a_figure_when_more_is_said():
    (q,) = parse_quantities("力争固定资产投资突破千亿元")
    assert (q.base_value, q.base_unit, q.unit, q.nominal) == (1e11, "元", "亿元", False)
    (q,) = parse_quantities("总额达到两万亿元")
    assert (q.base_value, q.unit, q.nominal) == (2e12, "万亿元", False)
    # a scale that names a thing stays a name, and keeps its money unit
    (q,) = parse_quantities("打造千亿元产业集群")
    assert q.nominal and q.unit == "亿元"
    assert parse_quantities("三元结构") == []


def test_a_count_in_wan_of_people_named_by_what_they_receive():
    # "22.7万扶贫对象": the people helped out of poverty, counted in people like "万农村人口"
    (q,) = parse_quantities("实现22.7万扶贫对象稳定脱贫")
    assert q.base_value == 227000 and q.base_unit == "人"


def test_times_last_years_figure_is_a_growth():
    # "分别是上年的2.7倍和3.9倍": each figure is a growth of (times - 1), as "增长1.7倍" would be
    qs = parse_quantities("新认定高新技术企业、科技型企业户数分别是上年的2.7倍和3.9倍")
    assert [(q.value, q.kind) for q in qs] == [(170.0, "rate"), (290.0, "rate")]
