"""Quantities in a clause: value, unit, qualifier and kind.

A report states a target as "新增就业岗位12万个以上" or "软件业收入突破3000亿元" and a later
report states the outcome as "新增就业岗位13.1万个". To compare them we need the number, the unit,
the multiplier (万/亿) folded into a base value, and the words around the number that change its
meaning (以上, 左右, 突破, 力争 ...). Growth rates ("增长6%", "下降3.9%") are a different kind
from levels ("25万人") and shares ("比重达50%"): the linker never compares across kinds.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

# Spacing left by PDF conversion: "5. 4 万套", "29.8 万人". The corpus loader already cleans
# this; we repeat it so the parser is safe on raw strings too.
_SPACE_IN_NUMBER = re.compile(r"(\d)\s*\.\s+(\d)|(\d)\s+\.\s*(\d)")
_SPACE_AROUND = re.compile(r"(?<=[\d%])\s+(?=[\u4e00-\u9fff%（(])|(?<=[\u4e00-\u9fff])\s+(?=\d)")

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}

# Units, longest first so "平方公里" wins over "公里". The part in brackets after 套 is kept
# as printed ("套(间)") because readers quote it.
UNITS = [
    "微克/立方米", "毫克/立方米", "毫克/升", "微克", "万千伏安", "千伏安", "万千瓦", "千瓦时", "千瓦", "平方公里", "平方米", "立方米/秒", "立方米",
    "万吨/日", "吨/日", "吨/小时", "万标准箱", "标准箱", "万标箱", "标箱", "公里", "千米", "公顷", "亩", "米", "公斤", "斤",
    "人次", "场次", "家次", "户次", "个百分点", "百分点",
    "套（间）", "套(间)", "套", "元", "美元", "个", "家", "人", "名", "所", "条", "座", "处", "辆",
    "台", "户", "件", "项", "张", "栋", "根", "场", "次", "列", "班", "批", "片", "间", "床", "支",
    "部", "宗", "吨", "P", "%", "％", "‰", "℃", "天", "位", "株", "棵", "头", "只", "羽", "盏", "万", "亿",
]
_UNIT_RE = "|".join(re.escape(u) for u in UNITS)

NUM = r"\d+(?:\.\d+)?"
CN_NUM = r"[零〇一二两三四五六七八九十百千]+"
RANGE_SEP = r"[-—–~～至到]"

QTY = re.compile(
    rf"(?P<num>{NUM})(?:{RANGE_SEP}(?P<hi>{NUM}))?(?P<approx>多|余)?(?P<mult>万亿|万|亿|千)?(?P<approx2>多|余)?(?P<unit>{_UNIT_RE})?"
    rf"|(?P<cn>{CN_NUM})(?P<cnmult>万亿|万|亿)?(?P<cnunit>个|家|项|条|座|大|所|处|批|类|张|场次|场|人次|人|名|套|户|列|班|元)"
)

# Words just before a number that qualify it, longest first.
PREFIX_QUALIFIERS = ["不少于", "不低于", "不超过", "控制在", "力争达到", "力争", "突破", "超过", "达到",
                     "保持在", "稳定在", "确保", "提高到", "提升到", "超", "达", "约", "近"]
# Words just after a number (and unit) that qualify it.
SUFFIX_QUALIFIERS = ["以上", "左右", "以内", "以下", "余", "多"]
# Words that make a percentage a growth rate rather than a level.
RATE_WORDS = ("增长", "增速", "下降", "降低", "上涨", "涨幅", "提高", "减少", "削减", "压减", "增幅", "提升")
DOWN_WORDS = ("下降", "降低", "减少", "削减", "压减")

NOMINAL_CN_UNITS = {"大", "类"}   # "十大名菜", "三大工程": a name, not a count to check


@dataclass(frozen=True)
class Quantity:
    value: float            # as printed: 2400 for "2400亿元"
    unit: str               # as printed, with multiplier: "亿元", "万人", "%"
    qualifier: str | None   # 以上, 左右, 突破, 增长, 下降 ...; "a-b" for a range
    kind: str               # level | rate | share
    base_value: float       # value with the multiplier applied: 2.4e11
    base_unit: str          # unit without multiplier: "元", "人", "%"
    start: int              # span in the text the quantity was parsed from
    end: int
    raw: str
    nominal: bool = False   # "十大名菜": a count that names something, never a target

    def comparable_with(self, other: "Quantity") -> bool:
        return self.kind == other.kind and unit_class(self.base_unit) == unit_class(other.base_unit)

    def as_dict(self) -> dict:
        return {"value": self.value, "unit": self.unit, "qualifier": self.qualifier}


def unit_class(unit: str) -> str:
    # 套 and 套(间) are the same count; 场 and 场次 too.
    # "PM2.5平均浓度低于30微克": a concentration of fine particles is per cubic metre, said or not
    return {"套（间）": "套", "套(间)": "套", "场次": "场", "百分点": "个百分点", "千米": "公里",
            "微克": "微克/立方米", "标准箱": "标箱"}.get(unit, unit)


def normalise(text: str) -> str:
    """Undo PDF spacing around numbers so "5. 4 万套" reads "5.4万套"."""
    text = _SPACE_IN_NUMBER.sub(lambda m: f"{m.group(1) or m.group(3)}.{m.group(2) or m.group(4)}", text)
    return _SPACE_AROUND.sub("", text)


def cn_to_number(s: str) -> int | None:
    """Chinese numerals up to the thousands: 十 -> 10, 二十三 -> 23, 三百 -> 300."""
    total, current = 0, 0
    for ch in s:
        if ch in CN_DIGITS:
            current = CN_DIGITS[ch]
        elif ch in CN_UNITS:
            total += (current or 1) * CN_UNITS[ch]
            current = 0
        else:
            return None
    return total + current


def _mult(m: str | None) -> float:
    return {"万": 1e4, "亿": 1e8, "万亿": 1e12, "千": 1e3, None: 1.0, "": 1.0}[m]


def parse_quantities(text: str) -> list[Quantity]:
    """Every quantity in the text, in order. The text should be one clause."""
    return list(_parse_quantities(text))


# Extraction parses a clause several times over within a paragraph (splitting, joining lists,
# each reading of the clause); the answer depends on the text alone and Quantity is immutable.
# Small: it serves those repeats, not texts met in other reports.
@functools.lru_cache(maxsize=256)
def _parse_quantities(text: str) -> tuple[Quantity, ...]:
    text = normalise(text)                # spans below refer to the normalised text
    out: list[Quantity] = []
    for m in QTY.finditer(text):
        before, after = text[: m.start()], text[m.end():]
        # Inside quotation marks a count is part of a name or slogan (“一个培育、三个转型”).
        quoted = before.count("“") > before.count("”")
        if m.group("cn"):
            value = cn_to_number(m.group("cn"))
            if value is None or value == 0:
                continue
            # "一是", "一批" or a single 一 inside a word ("统一", "一体化") is not a count.
            if m.group("cn") == "一" and not m.group("cnmult") and \
                    m.group("cnunit") not in ("个", "家", "座", "所", "条", "处"):
                continue
            if before.endswith(("第", "十", "之")):
                continue
            mult, unit = m.group("cnmult") or "", m.group("cnunit")
            if unit == "元" and not mult:
                continue                    # "三元": a sum in words is 千亿元, 百亿元 ("突破千亿元")
            # Counts in words usually name things ("十大名菜", "“两个毫不动摇”", "八项规定");
            # only plain counts of places and organisations are kept as figures.
            # ("送戏下乡一万场", "培训两万人次": tens of thousands in words count, whatever the verb;
            # "百万亩基地", "千万工程", "十万大军" name a scale)
            # ("超千列", "逾万家": a round figure a review gives as more than it)
            over = re.search(r"(?:超|逾|超过|突破)$", before) is not None and m.group("cn") in ("千", "万", "百")
            tens_of_thousands = bool(mult and re.search("[一二两三四五六七八九]", m.group("cn")))
            # "一个APP", "一套系统": one of a thing is a name, not a target; "打造海陆空三条丝绸之路": a
            # count in words is a figure only right after a verb of making ("新建两所学校")
            made = unit in ("个", "家", "所", "条", "座", "处") and value != 1 and bool(_COUNT_VERB.search(before))
            nominal = (quoted or unit in NOMINAL_CN_UNITS or before.endswith(("“", '"'))
                       or not (tens_of_thousands or over or made))
            counted = "个" if nominal and unit != "元" else unit      # a named count counts things
            q_unit, base_unit = mult + counted, counted
            out.append(_make(text, m, float(value), q_unit, mult, base_unit, None, nominal))
            continue
        num, hi, mult, unit = m.group("num"), m.group("hi"), m.group("mult") or "", m.group("unit") or ""
        if unit in ("万", "亿") and not mult:
            mult, unit = unit, ""
        if mult.endswith("千") and unit in ("米", "瓦", "克"):
            mult, unit = mult[:-1], "千" + unit     # 千米 is a unit (= 公里), not a thousand metres
        index = _PRICE_INDEX.search(before) if not unit and not mult and not hi else None
        if index and 100 <= float(num) < 130:
            # "居民消费价格指数控制在103以内": an index on last year's 100, a rise of 3%
            out.append(_index_rise(text, m, float(num)))
            continue
        if not unit and not (mult and _COUNTED.match(text[m.end():])):
            # a bare number: a year ("2024年"), a line ("19号线"), an age ("30—64周岁"),
            # a name ("5G", "3A级"), a rank ("第13位"); but "121.7万农村贫困人口", "20万左右" count
            continue
        if before.endswith("第"):
            continue
        if before.endswith(".") or re.search(r"[A-Za-z]$", before):
            continue                        # "PM2.5", "H2" are names
        value = float(num)
        qualifier = None
        if hi:
            qualifier = f"{_fmt(value)}-{hi}"
        elif m.group("approx") or m.group("approx2"):
            # "620多万套", "1.6万余场": more than the figure
            qualifier = m.group("approx") or m.group("approx2")
        # a full-width ％ is a per cent as printed ("同比增长12％"): same measure, same text
        unit = "%" if unit == "％" else unit
        base_unit = unit or _counted_unit(text[m.end():])
        q = _make(text, m, value, mult + unit, mult, base_unit, qualifier,
                  quoted or _names_a_set(before, text[m.end():], value, unit))
        rest = text[q.end:]
        # "50亿元以上工业项目", "百亿元级项目": a threshold naming a class of projects;
        # "280万吨催化裂化装置": the capacity of a named plant. Neither is a target.
        if (base_unit == "元" and re.match(r"(?:以上|级)?[\u4e00-\u9fff]{0,4}(?:项目|企业|楼宇)", rest)) or \
                re.match(r"(?:/年)?[\u4e00-\u9fff]{2,8}(?:装置|生产线|基地)", rest):
            q = replace(q, nominal=True)
        prev = out[-1] if out else None
        if prev is not None and prev.base_unit == q.base_unit == "%" and q.kind != prev.kind \
                and re.fullmatch(r"[、和及与]", text[prev.end:q.start]):
            # "比重分别提高到23%、45%": a listed figure shares the verb, and the measure, of the first
            q = replace(q, kind=prev.kind, qualifier=prev.qualifier if prev.kind == "share" else q.qualifier)
        out.append(q)
    out.extend(_multiples(text, out))
    return tuple(sorted(out, key=lambda q: q.start))


# A price index on last year's 100 ("居民消费价格指数控制在103以内", "总水平指数为102.5左右")
_PRICE_INDEX = re.compile(r"价格(?:总水平)?指数(?:涨幅)?(?:控制在|保持在|稳定在|为|在)?$")


def _index_rise(text: str, m: re.Match, index: float) -> Quantity:
    suffix = next((w for w in SUFFIX_QUALIFIERS if text.startswith(w, m.end())), None)
    end = m.end() + (len(suffix) if suffix else 0)
    return _rate(text, m.start(), end, round(index - 100, 6), "涨幅" + (f"·{suffix}" if suffix else ""))


def _rate(text: str, start: int, end: int, value: float, qualifier: str) -> Quantity:
    """A growth in per cent read from words that are not "增长x%" (an index, a multiple, 持平)."""
    return Quantity(value=value, unit="%", qualifier=qualifier, kind="rate", base_value=value,
                    base_unit="%", start=start, end=end, raw=text[start:end])


# Growth as a multiple: "产值增长3倍" is +300%, "实现翻番" +100%, "翻两番" +300%. A rate like any
# other, so a review's "翻番" answers a target of "增长3倍" (missed) and "增长1倍" (met).
_MULTIPLE = re.compile(r"(?P<verb>增长|提高|增加)(?P<num>\d+(?:\.\d+)?)倍(?P<suffix>以上|左右)?|翻(?P<cn>一|两|二|三)?番")
_DOUBLINGS = {None: 1, "一": 1, "两": 2, "二": 2, "三": 3}


def _multiples(text: str, found: list[Quantity]) -> list[Quantity]:
    out = []
    for m in _MULTIPLE.finditer(text):
        if any(q.start < m.end() and m.start() < q.end for q in found):
            continue
        if m.group("num"):
            value = float(m.group("num")) * 100
            start = m.start("num")
            qualifier = "增长" + (f"·{m.group('suffix')}" if m.group("suffix") else "")
        else:
            value = float(2 ** _DOUBLINGS[m.group("cn")] - 1) * 100
            start, qualifier = m.start(), "增长"
        out.append(_rate(text, start, m.end(), value, qualifier))
    # "分别是上年的2.7倍和3.9倍": last year's figure times 2.7 is a growth of 170%
    for m in _TIMES_LAST.finditer(text):
        for n in _TIMES.finditer(text, m.start("times"), m.end()):
            if any(q.start < n.end() and n.start() < q.end for q in found):
                continue
            out.append(_rate(text, n.start(), n.end(), round((float(n.group(1)) - 1) * 100, 6), "增长"))
    # "与上年基本持平": a growth of about nothing, as a review reports a target it missed
    for m in _FLAT.finditer(text):
        if not any(q.start < m.end() and m.start() < q.end for q in found):
            out.append(_rate(text, m.start(), m.end(), 0.0, "持平"))
    return out


_TIMES = re.compile(r"(\d+(?:\.\d+)?)倍")
_TIMES_LAST = re.compile(r"(?:是|为|相当于)(?:上年|去年|上年同期|上一年)的(?P<times>\d+(?:\.\d+)?倍(?:[、和及]\d+(?:\.\d+)?倍)*)")
_FLAT = re.compile(r"(?:与上年|同比|比上年)基本持平|(?:与上年|同比|比上年)持平")


# What may follow a count in 万 or 亿 without a unit of its own: people or households it counts, a
# qualifier, or the clause's end ("8.5万农村低收入人口", "22.7万扶贫对象", "新增创业人员3万左右", "减负3000多亿").
_COUNTED = re.compile(r"(?:[\u4e00-\u9fff]{0,6}(?:人口|人员|居民|群众|农民|职工|学生|贫困|对象|户|名)|以上|左右|以内|余|多|$|[，。；、,;])")

_PEOPLE = re.compile(r"(?:以上|左右|余|多)?[\u4e00-\u9fff]{0,6}?(?:人口|人员|居民|群众|农民|职工|学生|劳动力|贫困人|扶贫对象|救助对象|人)")


def _counted_unit(after: str) -> str:
    """The unit a count in 万 without one counts by: people where people follow ("8.5万农村低收入人口"
    is 65万人, as a review says it), households where 户 does, else none."""
    if _PEOPLE.match(after):
        return "人"
    return "户" if after.startswith("户") else ""


# Verbs after which a count in words is a figure to reach.
_COUNT_VERB = re.compile(r"(?:新增|新建|新开|建成|建设|打造|培育|创建|增加|达到|达|突破|超过|完成|引进|举办|开展|推出|"
                         r"改造|筹集|提供|组建|设立|布局|认定|新改建|新改扩建|实施|开工|投用)$")
# Places that already exist: "推动4个新城区…", "支持7个中心城区…" count them, not targets.
_EXISTING_SET = re.compile(r"(?:中心城区|新城区|城区|副城|组团|区县|街道|乡镇|区)(?![级域块])")
_NEW = re.compile(r"(?:新增|新建|创建|建成|新设|设立)[\u4e00-\u9fff]{0,6}$")


def _names_a_set(before: str, after: str, value: float, unit: str) -> bool:
    """A count that only names a set the clause lists or that already exists: "东湖、新港、经开3个
    综保区" (three listed, three counted), "推动4个新城区…". Such a count is not a target."""
    clause = re.split(r"[，。；：,;:！？]", before)[-1]
    items = [x for x in re.split(r"[、和及]", re.sub(r"等$", "", clause)) if x]
    if unit in ("个", "座", "条", "家", "所", "处", "") and value == int(value) and 1 < value == len(items):
        return True
    if unit in ("个", "") and re.match(_EXISTING_SET, after) and not _NEW.search(clause):
        return True
    return False


def _fmt(v: float) -> str:
    return str(int(v)) if v == int(v) else str(v)


def _make(text, m, value, unit, mult, base_unit, range_qualifier, nominal) -> Quantity:
    before, after = text[: m.start()], text[m.end():]
    qualifier = range_qualifier
    kind = "level"
    if base_unit in ("%", "个百分点", "百分点", "‰"):
        window = before[-8:]
        rate_word = next((w for w in RATE_WORDS if w in window), None)
        # "城镇化率提高1.2个百分点": a change in points is a change whatever it changes; "比重达50%"
        # is a level of a share
        points = base_unit in ("个百分点", "百分点")
        # "比重分别提高到23%", "城镇化率提高到60%": raised to a level, not by a rate
        near = re.sub(r"分别|均", "", before[-10:])
        to_level = bool(re.search(r"(?:提高|提升|增长|下降|降低|减少|增加)(?:到|至)$", near))
        if rate_word and (points or not (to_level or re.search(r"(?:比重|占比|率|比例)[^，。；]{0,3}$", near[-6:]))):
            kind = "rate"
            qualifier = "下降" if rate_word in DOWN_WORDS else ("涨幅" if rate_word in ("上涨", "涨幅") else "增长")
        else:
            kind = "share"
    prefix = next((w for w in PREFIX_QUALIFIERS if before.endswith(w)), None)
    suffix = next((w for w in SUFFIX_QUALIFIERS if after.startswith(w)), None)
    if kind == "rate":
        # the direction is the qualifier; 左右/以上 add to it
        if suffix:
            qualifier = f"{qualifier}·{suffix}"
    elif qualifier is None:
        qualifier = suffix or prefix
    end = m.end() + (len(suffix) if suffix else 0)
    return Quantity(value=value, unit=unit, qualifier=qualifier, kind=kind,
                    base_value=value * _mult(mult), base_unit=base_unit,
                    start=m.start() - (len(prefix) if prefix else 0), end=end,
                    raw=text[m.start():end], nominal=nominal)


def first_target_quantity(text: str) -> Quantity | None:
    for q in parse_quantities(text):
        if not q.nominal:
            return q
    return None
