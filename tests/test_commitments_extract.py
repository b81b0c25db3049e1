from test_commitments_support import make_report

from policyexplorer.commitments.extract import extract_report


def test_multi_clause_paragraph_gives_several_commitments():
    r = make_report("x-2024-gwr", "X市", [("s1", "forward", [2024], [
        "着力培育创新主体。新增中试平台30家、科技成果转化中心10家，技术合同成交额突破2400亿元，"
        "基本建成天河机场第三跑道。我们要走好这步先手棋！"])])
    cs = extract_report(r)
    # each item of a list is a target of its own, read with its list (the verb it shares)
    assert [c.text for c in cs] == ["新增中试平台30家、科技成果转化中心10家"] * 2 + ["技术合同成交额突破2400亿元",
                                                                       "基本建成天河机场第三跑道"]
    assert [c.quantity and c.quantity.value for c in cs] == [30, 10, 2400, None]
    assert [c.text[c.quantity.start:c.quantity.end] for c in cs[:3]] == ["30家", "10家", "突破2400亿元"]
    assert [c.kind for c in cs] == ["target", "target", "target", "task"]
    assert all(c.year == 2024 for c in cs)
    assert cs[2].indicator.id == "tech-contract-value" and cs[2].quantity.value == 2400


def test_only_forward_sections():
    r = make_report("x-2024-gwr", "X市", [("s1", "back", [2023], ["城镇新增就业29万人。"]),
                                          ("s2", None, [], ["城镇新增就业30万人。"])])
    assert extract_report(r) == []


def test_task_breakdown_items_and_duplicates():
    r = make_report("x-2025-tasks", "X市", [
        ("s1", "forward", [2025], [
            ("240.筹集建设保障性租赁住房5.4万套(间)。(牵头单位:市住房和城市更新局;责任单位:各区人民政府)", "item"),
            ("7.大力发展银发经济。(牵头单位:市发改委;责任单位:市民政局)", "item"),
        ]),
        ("s2", "forward", [2025], [
            ("12.筹集建设保障性租赁住房5.4万套(间)。(牵头单位:市住房和城市更新局;责任单位:市自然资源和城乡建设局)", "item"),
            ("36.开展文化惠民活动1500场以上。(牵头单位:市文旅局:", "item"),
            ("责任单位:各区人民政府)", "p"),
        ]),
    ], kind="task-breakdown")
    cs = extract_report(r)
    housing = [c for c in cs if "保障性租赁住房" in c.text]
    assert len(housing) == 1, "a 民生实事 item repeating a 重点工作 item is one commitment"
    assert [p.paragraph.anchor for p in housing[0].also_in] == ["s2-p1"]
    assert housing[0].lead == ["市住房和城市更新局"]
    silver = [c for c in cs if "银发经济" in c.text]
    assert silver and silver[0].kind == "task" and silver[0].lead == ["市发展和改革委员会"]
    culture = [c for c in cs if "文化惠民" in c.text][0]
    assert culture.lead == ["市文化和旅游局"] and culture.support == ["各区人民政府"]


def test_list_of_grades_sharing_one_noun_gives_one_target_each():
    """Each grade is its own target; the noun the list shares (项目) and its verb go with each."""
    from policyexplorer.commitments.clauses import split_clauses
    texts = [c.text for c in split_clauses("储备实施8个百亿元级、96个十亿元级、196个亿元级项目，新增车位800个、充电桩50个")]
    assert texts == ["储备实施8个百亿元级", "96个十亿元级", "196个亿元级项目", "新增车位800个", "充电桩50个"]
    r = make_report("x-2024-gwr", "X市", [("s1", "forward", [2024], [
        "储备实施8个百亿元级、96个十亿元级、196个亿元级项目，新增车位800个、充电桩50个。"])])
    cs = extract_report(r)
    assert [c.quantity.value for c in cs] == [8, 96, 196, 800, 50]
    assert "项目" in cs[0].subject and cs[1].verb == "储备" or cs[1].verb == "实施"
    assert cs[4].scope.period == "new" and cs[4].verb == "新增"


def _texts(paragraph, kind="government-work-report", item=False):
    r = make_report("x-2025-gwr", "X市", [("s1", "forward", [2025], [(paragraph, "item" if item else "p")])], kind=kind)
    return extract_report(r)


def test_named_tasks_whatever_the_verb():
    cs = _texts("加快保护修缮大智门火车站等历史建筑。深入实施长江大保护“新双十”行动，稳妥有序推进机构改革，"
                "编制申报轨道交通第五期建设规划。我们要坚定拥护“两个确立”，提升城市能级和核心竞争力，"
                "打造“五个中心”。")
    texts = [c.text for c in cs]
    assert texts == ["加快保护修缮大智门火车站等历史建筑", "深入实施长江大保护“新双十”行动", "稳妥有序推进机构改革",
                     "编制申报轨道交通第五期建设规划"]
    assert all(c.kind == "task" and c.quantity is None for c in cs)


def test_item_keeps_every_clause_and_its_agencies():
    cs = _texts("14.推进产业链招商、基金招商、校友招商,产业项目到位资金5800亿元以上,开工亿元以上产业项目480个。"
                "(牵头单位:市投资促进局;责任单位:各区人民政府)", kind="task-breakdown", item=True)
    # ways of attracting investment are methods, not a named task; the item's targets keep its agencies
    assert [c.text for c in cs] == ["产业项目到位资金5800亿元以上", "开工亿元以上产业项目480个"]
    assert all(c.lead == ["市投资促进局"] for c in cs)


def test_pairs_each_get_their_own_figure():
    cs = _texts("力争国控、省控断面水质优良比例分别达100%、88%以上，建设50个以上精致农业示范点和600个以上美丽乡村示范村。")
    assert [c.quantity.value for c in cs] == [100, 88, 50, 600]
    assert cs[0].subject.startswith("国控断面") and cs[1].subject.startswith("省控断面")
    assert cs[3].text == "建设50个以上精致农业示范点和600个以上美丽乡村示范村" and cs[3].verb == "建设"
    assert cs[3].text[cs[3].quantity.start:cs[3].quantity.end] == "600个以上"


def test_shared_verb_and_noun_of_a_list():
    cs = _texts("新开工甲基地、乙等23个50亿元以上,丙、丁等300个亿元以上工业项目。创建景区15个、星级乡村旅游民宿100个。")
    assert [c.quantity.value for c in cs] == [23, 300, 15, 100]
    assert "工业项目" in cs[0].subject and cs[1].verb.startswith("新开")
    assert cs[3].text == "创建景区15个、星级乡村旅游民宿100个" and cs[3].verb == "创建"
    assert cs[3].text[cs[3].quantity.start:cs[3].quantity.end] == "100个"


def test_counts_in_names_are_not_targets():
    cs = _texts("打造海陆空三条丝绸之路重要节点。对外服务一个网站、一个APP。推动4个新城区产城融合，"
                "推动东湖、新港、经开3个综保区差异化发展，新建学校2所。")
    assert [c for c in cs if c.quantity is not None and c.quantity.value != 2] == []
    assert any(c.text == "新建学校2所" for c in cs)


def test_general_requirements_are_formulas_not_tasks():
    cs = _texts("全年工作的总体要求是：全面深化改革开放，打造新时代英雄城市。深入实施长江大保护“新双十”行动。")
    assert [c.text for c in cs] == ["深入实施长江大保护“新双十”行动"]


def test_framing_clauses_and_generic_objects_of_a_project_verb_are_no_tasks():
    # "<year>是…之年" and "打下决定性基础" frame the year wherever they stand; "新建项目尽快开工"
    # names no project, and "集中开工等机制" uses the verb as one of a list of kinds
    cs = _texts("2030年是“十五五”规划的收官之年。为建成现代化都市圈打下决定性基础。"
                "推动新建项目尽快开工、在建项目形成更多实物工作量。用好专班推进、集中开工等机制。"
                "加快推进青石大桥开工建设。")
    assert [c.text for c in cs] == ["加快推进青石大桥开工建设"]


def test_an_effect_a_measure_or_a_direction_of_work_and_a_deeper_reform_are_aims():
    # made-up objects of the kinds a reader does not list: extending an effect, applying
    # unnamed measures, strengthening a direction of work, reform in general
    cs = _texts("持续扩大青石铁路黄金线路效应。落实精准帮扶举措。强化社区治理工作导向。推动更深层次改革。"
                "深入实施青石港区“一港三园”改革试点。")
    assert [c.text for c in cs] == ["深入实施青石港区“一港三园”改革试点"]


def test_a_stance_held_to_is_no_outcome_to_reach():
    # a made-up stance naming a goal of "清零": a policy line, not a task
    cs = _texts("我们要始终坚持“早发现、早处置”总策略和“风险清零”总方针不动摇。坚持“早发现”总体策略和“风险清零”总体目标。"
                "确保年内存量隐患全部清零。")
    assert [c.text for c in cs] == ["确保年内存量隐患全部清零"]


def test_a_paragraphs_lead_sentence_sums_up_its_tasks_unless_it_names_one():
    rest = "新建青石产业园，开通青石至白云快速路，举办青石国际博览会，启动青石港区二期扩建工程建设。"
    cs = _texts("推动青石平台提质增效。" + rest)
    assert [c.text for c in cs] == ["新建青石产业园", "开通青石至白云快速路", "举办青石国际博览会", "启动青石港区二期扩建工程建设"]
    # a lead naming a programme of its own is a task
    cs = _texts("深入实施青石“强链”行动。" + rest)
    assert cs[0].text == "深入实施青石“强链”行动"


def test_a_bare_measure_or_verb_is_quoted_with_what_it_counts():
    # made-up sentences: the target's own clause names only a generic measure or only a verb
    cs = _texts("大力发展青石茶产业，实现产值800万元以上。推进白云棚户区改造，力争新开工3000套。"
                "青石园区完善供水、道路等配套，建成标准厂房20万平方米，力争园区产值达到60亿元。")
    texts = [c.text for c in cs]
    assert "大力发展青石茶产业，实现产值800万元以上" in texts
    assert "推进白云棚户区改造，力争新开工3000套" in texts
    # another figure between: the sentence's first clause, an ellipsis, the target
    assert "青石园区完善供水、道路等配套……力争园区产值达到60亿元" in texts
    c = next(c for c in cs if c.text.endswith("60亿元"))
    assert c.text[c.quantity.start:c.quantity.end].endswith("60亿元")
    # an item of a list reads with its list, not with the sentence's first clause
    cs = _texts("强化耕地保护，新建高标准农田9万亩，确保青石粮食播种面积稳定在90万亩以上、产量8亿斤以上。")
    assert not any("……" in c.text for c in cs)


def test_a_positioning_is_an_aim_a_title_applied_for_is_a_task():
    cs = _texts("加快建设青石区域中心城市，打造宜居、韧性、智慧城市，建设农业强市。积极创建国家森林城市，"
                "争创全国文明城市，建设婴幼儿照护服务示范城市。")
    assert [c.text for c in cs] == ["积极创建国家森林城市", "争创全国文明城市", "建设婴幼儿照护服务示范城市"]
    # what is put first is the task; a part of a figure is quoted with it
    cs = _texts("把实施青石“强链”攻坚行动放在首位。新增规上企业80家以上，其中工业企业50家以上。")
    assert [c.text for c in cs] == ["把实施青石“强链”攻坚行动放在首位", "新增规上企业80家以上",
                                    "新增规上企业80家以上，其中工业企业50家以上"]


def test_a_clause_of_a_five_year_plan_naming_its_own_deadline_is_for_that_year():
    r = make_report("x-2027-gwr", "X市", [("s1", "forward", [2027, 2028, 2029, 2030, 2031],
                                          ["力争到2030年全社会研发投入强度达到4%，城镇化率达到70%。"])])
    assert [(c.text, c.year) for c in extract_report(r)] == [
        ("力争到2030年全社会研发投入强度达到4%", 2030), ("城镇化率达到70%", 2031)]


def test_a_known_measure_with_its_figure_needs_no_verb():
    cs = _texts("拓展与东南亚等经济交流，全年实际使用外资50亿美元。集装箱吞吐量突破2300万标准箱。")
    assert [(c.text, c.indicator.id if c.indicator else None) for c in cs] == [
        ("全年实际使用外资50亿美元", "fdi-growth"), ("集装箱吞吐量突破2300万标准箱", "container-level")]


def test_running_trains_easing_burdens_and_growing_to_are_verbs_of_targets():
    cs = _texts("力争全年双向开行中欧班列500班。全年减轻企业负担2000亿元。优质专用小麦发展到150万亩。")
    assert [c.quantity.value for c in cs] == [500, 2000, 150]


def test_money_or_a_count_cut_from_what_it_is_for_is_quoted_with_it():
    # the clause before names what the figure counts; cut from it, a reader cannot check it
    texts = [c.text for c in _texts("加快断头路建设，年内打通5条以上。交通方面，安排资金27.5亿元。"
                                     "实施新兴产业项目62个，确保完成年度投资182亿元。")]
    assert "加快断头路建设，年内打通5条以上" in texts
    assert "交通方面，安排资金27.5亿元" in texts
    assert "实施新兴产业项目62个，确保完成年度投资182亿元" in texts
    assert "实施新兴产业项目62个" in texts
