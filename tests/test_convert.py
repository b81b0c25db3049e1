"""Simplified -> Traditional: OpenCC s2t plus the curated overrides in data/s2t_overrides.yml."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import opencc
import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # the repo has no pytest/packaging config yet; plain `pytest` needs this
    sys.path.insert(0, str(ROOT))

from policyexplorer.convert import Base, Converter, OverrideError, load_glyphs, load_overrides  # noqa: E402

OVERRIDES = ROOT / "data" / "s2t_overrides.yml"
SOURCES = sorted((ROOT / "data" / "reports").glob("*/source.txt"))


@pytest.fixture(scope="module")
def overrides() -> dict[str, str]:
    pairs = load_overrides(OVERRIDES)
    assert pairs, f"{OVERRIDES} is missing or empty"
    return pairs


GLYPHS = load_glyphs(ROOT / "data" / "hant_glyphs.yml")


@pytest.fixture(scope="module")
def conv(overrides) -> Converter:
    return Converter(overrides, GLYPHS)


@pytest.fixture(scope="module")
def plain() -> Base:
    """What the text becomes without overrides: OpenCC s2tw and the preferred glyphs."""
    return Base(GLYPHS)


@pytest.fixture(scope="module")
def corpus() -> dict[str, str]:
    assert SOURCES, "no report sources found"
    return {p.parent.name: p.read_text(encoding="utf-8") for p in SOURCES}


# ---- the known cases ---------------------------------------------------------------------

def test_known_cases(conv):
    assert conv.to_hant("武昌区人民政府区长 范礼奎") == "武昌區人民政府區長 范禮奎"
    assert conv.to_hant("昙华林文艺小镇二期、斗级营一期火热开街") == "曇華林文藝小鎮二期、斗級營一期火熱開街"
    assert conv.to_hant("市场主体 9500 余家") == "市場主體 9500 餘家"
    assert conv.to_hant("9500余家") == "9500餘家"
    assert conv.to_hant("武昌万象城、亲橙万象汇") == "武昌萬象城、親橙萬象匯"  # never 永珍城


# ---- every override, in a sentence taken from the corpus ----------------------------------
# (report, excerpt of its source.txt, expected Traditional). Each excerpt must still be in the
# source, and every override key must be exercised by at least one excerpt.

CORPUS_CASES = [
    ("wuhan-2024-gwr", "加强“城市家具”维护管理", "加強“城市家具”維護管理"),
    ("wuhan-fyp14", "推动项目经费使用“包干制”改革试点", "推動項目經費使用“包幹制”改革試點"),
    ("wuhan-fyp14", "“华创会”“台湾周”“楚商大会”", "“華創會”“臺灣週”“楚商大會”"),
    ("wuchang-2025-gwr", "区人民政府区长 范礼奎", "區人民政府區長 范禮奎"),
    ("wuchang-2025-gwr", "林文艺小镇二期、斗级营一期火热开街", "林文藝小鎮二期、斗級營一期火熱開街"),
    ("wuhan-fyp14", "新改扩建阳逻、白沙洲、余家头、宗关、堤角等供水水厂",
     "新改擴建陽邏、白沙洲、余家頭、宗關、堤角等供水水廠"),
    ("wuhan-2024-gwr", "巩固后官湖、藏龙岛等国家级湿地公园", "鞏固后官湖、藏龍島等國家級濕地公園"),
    ("wuhan-fyp14", "实施东湖、后官湖、安山、杜公湖等湿地公园", "實施東湖、后官湖、安山、杜公湖等濕地公園"),
    ("wuhan-2025-gwr-tasks", "实施东湖、汤逊湖、后湖等环湖单元建设项目", "實施東湖、湯遜湖、后湖等環湖單元建設項目"),
    ("wuhan-2025-plan", "推进东湖、黄家湖、后湖、汤逊湖等重点湖泊", "推進東湖、黃家湖、后湖、湯遜湖等重點湖泊"),
    ("wuhan-fyp14", "朱家河、将军路、后湖二期等 30 座泵站", "朱家河、將軍路、后湖二期等 30 座泵站"),
    ("wuhan-fyp14", "汉口滨江国际商务区、后湖产城融合示范区", "漢口濱江國際商務區、后湖產城融合示範區"),
    ("wuhan-fyp14", "陈家冲垃圾焚烧处理厂新建项目", "陳家沖垃圾焚燒處理廠新建項目"),
    ("wuhan-2025-gwr-tasks", "加快武咸快速通道天子山大桥等项目", "加快武咸快速通道天子山大橋等項目"),
    ("wuhan-fyp14", "依托武鄂、武咸、汉孝、武仙洪等发展廊道", "依託武鄂、武咸、漢孝、武仙洪等發展廊道"),
    ("wuhan-fyp14", "武咸城际南延线", "武咸城際南延線"),
    ("wuhan-fyp14", "串联“武鄂黄黄咸”重点园区", "串聯“武鄂黃黃咸”重點園區"),
    ("wuhan-2024-gwr", "修缮改造延庆里、民众乐园等4处特色里份和历史建筑",
     "修繕改造延慶里、民眾樂園等4處特色里份和歷史建築"),
    ("wuhan-2025-gwr-tasks", "长江研学、武昌古城、汉口里份等精品线路", "長江研學、武昌古城、漢口里份等精品線路"),
    ("wuhan-2024-gwr", "开工建设长飞半导体、采埃孚汽车部件等", "開工建設長飛半導體、采埃孚汽車部件等"),
    ("wuhan-2024-gwr", "楚河汉街、远洋里商业街3个特色街区", "楚河漢街、遠洋里商業街3個特色街區"),
    ("wuchang-2025-gwr", "武昌万象城、中商世界里、亲橙万象汇等一批新型商业体接连上新",
     "武昌萬象城、中商世界里、親橙萬象匯等一批新型商業體接連上新"),
    ("wuhan-fyp14", "“楚才回汉”工程，吸引湖北籍人才和校友", "“楚才回漢”工程，吸引湖北籍人才和校友"),
    ("wuhan-2024-gwr", "推动政策向稳增长聚焦、服务向稳增长发力。", "推動政策向穩增長聚焦、服務向穩增長發力。"),
    ("wuhan-2024-gwr", "不断厚植发展的内生动力", "不斷厚植發展的內生動力"),
    ("wuhan-2024-gwr", "支持7个中心城区做强数字经济", "支持7個中心城區做強數字經濟"),
    ("wuhan-2025-gwr-tasks", "等5个中轴线标志性项目", "等5個中軸線標誌性項目"),
    ("wuhan-fyp14", "着力治理长江、汉江干支流水污染", "著力治理長江、漢江幹支流水污染"),
    ("wuhan-fyp14", "管控长江、汉江干支流入河污染物排放", "管控長江、漢江幹支流入河污染物排放"),
    ("wuhan-fyp14", "商品仓储、干支联运、分拨配送等物流服务", "商品倉儲、幹支聯運、分撥配送等物流服務"),
    ("wuhan-fyp14", "优化常规公交“快干支微”四级网络体系", "優化常規公交“快幹支微”四級網絡體系"),
    ("wuhan-2025-plan", "链产业链资金链人才链“四链”融合发展", "鏈產業鏈資金鏈人才鏈“四鏈”融合發展"),
    ("wuhan-fyp14", "建立基础研究成果及时向应急应用转化的渠道", "建立基礎研究成果及時向應急應用轉化的渠道"),
    ("wuhan-fyp14", "完善收入分配制度,确保人民收入水平", "完善收入分配制度,確保人民收入水平"),
    ("wuhan-fyp14", "为绿色发展提供制度保障", "為綠色發展提供制度保障"),
    ("wuhan-2025-plan", "完善都市圈环射路网布局，开工建设", "完善都市圈環射路網佈局，開工建設"),
    ("wuhan-fyp14", "坚持人人参与、人人奉献、人人共享", "堅持人人參與、人人奉獻、人人共享"),
    ("wuhan-fyp14", "为我们指明了前进方向", "為我們指明了前進方向"),
    ("wuhan-fyp14", "多主体供给、多渠道保障、租购并举的住房制度", "多主體供給、多渠道保障、租購並舉的住房制度"),
    ("wuhan-fyp14", "打造一批核心、高端、基础领域", "打造一批核心、高端、基礎領域"),
    ("wuhan-fyp14", "培育一批核心竞争力强的文化企业", "培育一批核心競爭力強的文化企業"),
    ("wuhan-2024-gwr", "共同书写了新时代新征程英雄城市的奋进篇章", "共同書寫了新時代新征程英雄城市的奮進篇章"),
    ("wuhan-fyp14", "开启全面建设社会主义现代化国家新征程、向第二个百年奋斗目标进军",
     "開啟全面建設社會主義現代化國家新征程、向第二個百年奮鬥目標進軍"),
    ("wuchang-2025-gwr", "今年武昌营商环境考核评价再获全省", "今年武昌營商環境考核評價再獲全省"),
    ("wuhan-fyp14", "实施长江跨区断面水质考核奖惩制度", "實施長江跨區斷面水質考核獎懲制度"),
    ("wuhan-fyp14", "重大执法决定法制审核“三项制度”", "重大執法決定法制審核“三項制度”"),
    ("wuhan-2025-plan", "生态产品总值（GEP）核算试点", "生態產品總值（GEP）核算試點"),
    ("wuchang-2025-gwr", "把握科技园区回归都市中心趋势", "把握科技園區回歸都市中心趨勢"),
]


@pytest.mark.parametrize("report, simplified, traditional", CORPUS_CASES,
                         ids=[c[1][:12] for c in CORPUS_CASES])
def test_override_in_corpus_sentence(conv, corpus, report, simplified, traditional):
    assert simplified in corpus[report], "excerpt no longer in the source; update the case"
    assert conv.to_hant(simplified) == traditional


def test_every_override_has_a_corpus_case(overrides):
    excerpts = [simplified for _, simplified, _ in CORPUS_CASES]
    untested = [key for key in overrides if not any(key in e for e in excerpts)]
    assert not untested, f"overrides without a corpus case in CORPUS_CASES: {untested}"


# ---- ordinary text near the risky overrides must still convert as plain s2t does -----------

ORDINARY = [
    ("9500余家", "9500餘家"),            # 余家头
    ("余额", "餘額"),
    ("此后湖北经济回升", "此後湖北經濟回升"),  # 后湖 keys
    ("疫后湖北", "疫後湖北"),
    ("前后官员", "前後官員"),            # 后官湖
    ("北斗导航", "北斗導航"),            # 斗级营
    ("艰苦奋斗", "艱苦奮鬥"),
    ("范围", "範圍"),                    # 范礼奎
    ("咸鸭蛋", "鹹鴨蛋"),                # 武咸, 黄黄咸
    ("在这个世界里", "在這個世界裡"),    # 中商世界里
    ("城市里", "城市裡"),                # 里份, 延庆里, 远洋里
    ("邻里", "鄰里"),
    ("政府采购", "政府採購"),            # 采埃孚
    ("人才回乡", "人才回鄉"),            # 楚才
    ("一头长发", "一頭長髮"),            # 长发力
    ("银发经济", "銀髮經濟"),            # 植发展
    ("利民之事，丝发必兴", "利民之事，絲髮必興"),
    ("个中滋味", "箇中滋味"),            # 个中心, 个中轴
    ("三个中心", "三個中心"),
    ("干支纪年", "干支紀年"),            # 干支流, 干支联, 干支微
    ("若干措施", "若干措施"),
    ("加油干", "加油幹"),
    ("面向应用场景", "面向應用場景"),    # 向应
    ("配制药品", "配製藥品"),            # 配制度
    ("产业布局", "產業佈局"),            # 网布局
    ("人参", "人參"),                    # 人参与
    ("简单明了", "簡單明瞭"),            # 指明了
    ("企业购并", "企業購併"),            # 购并举
    ("特征程度", "特徵程度"),            # 新征程
    ("征收", "徵收"),
    ("核心竞争力", "核心競爭力"),        # 批核心
    ("智能电表", "智能電錶"),
]


@pytest.mark.parametrize("simplified, traditional", ORDINARY, ids=[s for s, _ in ORDINARY])
def test_ordinary_text_untouched(conv, plain, simplified, traditional):
    assert plain.convert(simplified) == traditional, "expectation no longer matches plain s2t"
    assert conv.to_hant(simplified) == traditional


# ---- the dictionary stays tied to the corpus ---------------------------------------------

def test_every_key_occurs_in_corpus(overrides, corpus):
    stale = [key for key in overrides if not any(key in text for text in corpus.values())]
    assert not stale, f"override keys found in no report source: {stale}"


def test_every_override_is_still_needed(overrides, corpus, plain):
    """Plain s2t gets each key wrong at least once where it occurs, else the entry is redundant."""
    redundant = []
    for key, value in overrides.items():
        needed = False
        for text in corpus.values():
            for line in text.splitlines():
                converted = plain.convert(line)
                for m in re.finditer(re.escape(key), line):
                    if converted[m.start():m.end()] != value:
                        needed = True
        if not needed:
            redundant.append(key)
    assert not redundant, f"plain s2t already converts these right everywhere: {redundant}"


def test_overrides_only_change_their_own_span(overrides, corpus, conv, plain):
    """Cutting the text at override phrases must not change how the neighbours convert."""
    stray = []
    for name, text in corpus.items():
        for lineno, line in enumerate(text.splitlines(), 1):
            ours, theirs = conv.to_hant(line), plain.convert(line)
            assert len(ours) == len(line) == len(theirs)
            covered = set()
            for key in overrides:
                for m in re.finditer(re.escape(key), line):
                    covered.update(range(m.start(), m.end()))
            stray += [f"{name}:{lineno}:{i} {line[max(0, i - 5):i + 6]}"
                      for i, (a, b) in enumerate(zip(ours, theirs)) if a != b and i not in covered]
    assert not stray, stray[:20]


# ---- the loader --------------------------------------------------------------------------

def test_keys_and_values_have_equal_length(overrides):
    assert all(len(k) == len(v) for k, v in overrides.items())


def test_load_overrides_rejects_unequal_lengths(tmp_path):
    bad = tmp_path / "bad_overrides.yml"
    bad.write_text("people:\n  范礼奎: 范禮\n", encoding="utf-8")
    with pytest.raises(OverrideError, match=re.escape(str(bad))):
        load_overrides(bad)


def test_load_overrides_reads_groups(tmp_path):
    good = tmp_path / "good.yml"
    good.write_text("a:\n  b:\n    斗级营: 斗級營\n  余家头: 余家頭\n", encoding="utf-8")
    assert load_overrides(good) == {"斗级营": "斗級營", "余家头": "余家頭"}


def test_converting_only_non_ascii_runs_is_converting_the_whole_text():
    # Base converts the runs of non-ASCII text only (for speed); on every real report kept in
    # the repository that is what OpenCC makes of the whole text
    whole, runs = opencc.OpenCC("s2tw"), Base()
    sources = SOURCES + sorted((ROOT / "tests").glob("**/source.txt"))
    assert len(sources) >= 40
    for path in sources:
        text = path.read_text(encoding="utf-8", errors="ignore")
        assert runs.convert(text) == whole.convert(text), path
