from policyexplorer.commitments.agencies import find_assignments, strip_assignments


def test_lead_and_support_normalised():
    (a,) = find_assignments("(二)城镇新增就业25万人以上。(牵头单位:市人社局;责任单位:市发改委、市民政局,各区人民政府)")
    assert a.lead == ["市人力资源和社会保障局"]
    assert a.support == ["市发展和改革委员会", "市民政局", "各区人民政府"]


def test_only_responsible_units_are_lead():
    (a,) = find_assignments("(三)居民消费价格涨幅2%左右。(责任单位:市发改委)")
    assert a.lead == ["市发展和改革委员会"] and a.support == []


def test_notes_kept_out_and_shared_suffix():
    (a,) = find_assignments("(牵头单位:市发改委;责任单位:各区人民政府〈含开发区、长江新区、风景区管委会,下同〉)")
    assert a.support == ["各区人民政府"]
    (b,) = find_assignments("(牵头单位:市商务局;责任单位:江汉、硚口、黄陂区人民政府,东湖高新区、武汉经开区管委会)")
    assert b.support == ["江汉区人民政府", "硚口区人民政府", "黄陂区人民政府",
                         "东湖新技术开发区管委会", "武汉经济技术开发区管委会"]


def test_broken_lines_and_page_footers():
    text = "36.开展文化惠民活动1500场以上。(牵头单位:市文旅局:\n—4—\n责任单位:市科 30 — 技创新局、市农\n业农村局)"
    (a,) = find_assignments(text)
    assert a.lead == ["市文化和旅游局"]
    assert a.support == ["市科技创新局", "市农业农村局"]
    assert strip_assignments(text) == "36.开展文化惠民活动1500场以上。"


def test_several_assignments_in_one_item():
    found = find_assignments("80.A;(牵头单位:市自然资源和城乡建设局;责任单位:各中心城区人民政府)B。(牵头单位:市发改委;责任单位:各中心城区人民政府)")
    assert [f.lead for f in found] == [["市自然资源和城乡建设局"], ["市发展和改革委员会"]]


def test_every_district_does_not_lend_its_suffix_to_city_bodies():
    from policyexplorer.commitments.agencies import _split_names
    assert _split_names("市妇联,各区人民政府") == ["市妇联", "各区人民政府"]
    assert _split_names("市消防救援支队、各区人民政府") == ["市消防救援支队", "各区人民政府"]
    assert _split_names("江岸、江汉区人民政府") == ["江岸区人民政府", "江汉区人民政府"]
