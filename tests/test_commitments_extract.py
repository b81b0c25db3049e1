from test_commitments_support import make_report

from policyexplorer.commitments.extract import extract_report


def test_multi_clause_paragraph_gives_several_commitments():
    r = make_report("x-2024-gwr", "X市", [("s1", "forward", [2024], [
        "着力培育创新主体。新增中试平台30家、科技成果转化中心10家，技术合同成交额突破2400亿元，"
        "基本建成天河机场第三跑道。我们要走好这步先手棋！"])])
    cs = extract_report(r)
    assert [c.text for c in cs] == ["新增中试平台30家", "科技成果转化中心10家", "技术合同成交额突破2400亿元",
                                   "基本建成天河机场第三跑道"]
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


def test_list_of_grades_sharing_one_noun_is_one_clause():
    from policyexplorer.commitments.clauses import split_clauses
    texts = [c.text for c in split_clauses("储备实施8个百亿元级、96个十亿元级、196个亿元级项目，新增车位800个、充电桩50个")]
    assert texts == ["储备实施8个百亿元级、96个十亿元级、196个亿元级项目", "新增车位800个", "充电桩50个"]
