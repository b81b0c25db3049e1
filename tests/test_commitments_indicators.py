from policyexplorer.commitments.indicators import default_index, scope_of


def match(text):
    (m,) = [m for m in default_index().matches(text)][:1]
    return m, scope_of(text, m)


def test_alias_and_gap_patterns():
    assert match("城镇新增就业25万人以上")[0].indicator.id == "urban-new-jobs"
    assert match("284个老旧小区完成改造")[0].indicator.id == match("完成200个以上老旧小区改造")[0].indicator.id
    # the longer, more specific alias wins
    assert match("新开工亿元以上工业项目300个")[0].indicator.id == "new-industrial-projects-100m"
    assert match("续建亿元以上项目1900个")[0].indicator.id == "ongoing-projects-100m"


def test_level_scope_differs():
    (m1, s1), (m2, s2) = match("新增市级以上众创孵化载体40家"), match("新增省级以上众创孵化载体33家")
    assert m1.indicator.id == m2.indicator.id
    assert s1.differs(s2)


def test_cumulative_and_total_scope():
    _, annual = match("推进500个“无废细胞”创建")
    _, cumulative = match("累计打造1588个“无废细胞”")
    assert "cumulative" in annual.differs(cumulative)
    _, total = match("经营主体超225万户")          # a stock measure by default
    _, new = match("新登记经营主体超55万户")
    assert total.differs(new)
    _, t1 = match("高新技术企业达到1.55万家")
    _, t2 = match("全市高新技术企业总数突破1.6万家")
    assert t1.differs(t2) is None


def test_name_running_on_into_a_ratio_is_the_ratio():
    # "全社会研发经费投入" is the longer name, but "强度" after it says the clause measures the
    # intensity (a share of GDP), not the spending; without the head the spending stands
    idx = default_index()
    ids = lambda text: [m.indicator.id for m in idx.matches(text)]
    assert ids("全社会研发经费投入强度达到2.5%") == ["rd-intensity"]
    assert ids("全社会研发经费投入增长64.3%") == ["rd-spending-growth"]
    assert ids("全社会研发投入超过100亿元") == ["rd-spending"]


def test_newly_fostered_firms_are_new_ones():
    m, s = match("新培育国家级高新技术企业400家")
    assert m.indicator.id == "hightech-enterprises" and s.period == "new"
    assert match("新增国家级高新技术企业超900家")[1] == s
