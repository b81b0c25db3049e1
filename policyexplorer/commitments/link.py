"""Linking commitments to the passages of later reports that say how they went.

For a commitment due in year Y we read the paragraphs of OTHER reports for the same place whose
sections look back on Y. A passage is an outcome when it speaks of the same indicator (or, for a
task, names the same project) and then the figures decide the status:

  exceeded  figure >= target * 1.05 (growth rates: >= target + 0.5 points)
  met       figure reaches the target, or a task is reported done (建成/完成/开通/迈入 ...)
  partly    a task (or a "完成…" target) reported under way but not finished
  missed    a comparable figure below the target
  reported  spoken of, but not comparably: another scope (省级 vs 市级), cumulative vs annual,
            or figures too far apart to be the same measure. Never a numeric verdict.
  no_report a report reviewing Y exists but says nothing
  pending   no report reviewing Y for this place in the corpus

Precision matters more than recall: a wrong link is worse than none, so weak matches are dropped.
Same-year restatements (the same target in another plan for Y) are `related`, not outcomes.
"""
from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, replace

import jieba

from ..ingest.divisions import short_name
from ..model import Report
from .clauses import MEASURE_END, RAISED, Clause, join_continuations, pair_respectively, split_clauses, word_cuts
from . import linkcache
from .extract import Commitment, Place
from .indicators import NEW_WORDS, IndicatorIndex, Scope, default_index, denominator, scope_of
from .quantity import Quantity, normalise, parse_quantities, unit_class

jieba.setLogLevel(60)

DONE = re.compile(r"建成|完成|开通|迈入|投产|投用|竣工|通车|开放|开业|落成|运营|上线|交付|全面完工|实现|入选|获批")
UNDER_WAY = re.compile(r"开工|启动|加快|推进|在建|封顶|合龙|基本完工|即将完工|有序|稳步|进展顺利")
# Words too common to identify a project.
GENERIC = {"项目", "工程", "建设", "一批", "重点", "全市", "推进", "加快", "实施", "完成",
           "新建", "建成", "开工", "启动", "推动", "主体", "一期", "二期", "三期", "等", "和", "及", "新区"}


MAIN_REVIEW_KIND = "government-work-report"


@dataclass
class Link:
    place: Place
    text: str                     # the clause of the passage that gave the verdict
    status: str
    confidence: float
    explanation: str
    quantity: Quantity | None = None
    by: str = "auto"
    relation: str | None = None   # for related passages
    note: str | None = None
    target: Quantity | None = None   # the commitment's figure this passage's figure was compared with


@dataclass
class Candidate:
    place: Place
    clause: Clause


def _place_of(report: Report) -> str:
    """The report's place as data/places.yml names it (an alias such as 武昌区 resolves to
    武汉市武昌区). Outcomes count only for the same place: a district's figure never reports a
    city-wide target, nor a city's the nation's."""
    return report.place_path[-1] if report.place_path else str(report.meta.get("place") or "")


class ReviewIndex:
    """Which reports look back on which year, by place: built once, so finding a commitment's
    reviewers costs the reports of its own place, not the whole corpus."""

    def __init__(self, reports: list[Report]):
        self.by_place: dict[str, list[Report]] = {}
        for r in reports:
            self.by_place.setdefault(_place_of(r), []).append(r)
        self._anchor: dict[tuple[str, int], str | None] = {}

    def anchor(self, report: Report, year: int) -> str | None:
        key = (report.id, year)
        if key not in self._anchor:
            self._anchor[key] = report.review_anchor(year)
        return self._anchor[key]

    def main_review(self, commitment: Commitment) -> Report | None:
        """The place's government work report that reviews the commitment's year, if the corpus
        has it: the report a reader expects to say how the year went."""
        for r in self.by_place.get(_place_of(commitment.report), []):
            if r.meta.get("kind") == MAIN_REVIEW_KIND and commitment.year in r.review_years:
                return r
        return None

    def reviewers(self, commitment: Commitment) -> list[Report]:
        """Other reports of the same place with a passage looking back on the commitment's year.
        Where one reviews the year alone, a review of the five years around it (the next term's
        first report) is not asked: the year's own review is the one to speak of it."""
        key = ("reviewers", commitment.report.id, commitment.year)    # the same for a report's year
        if key not in self._anchor:
            found = [r for r in self.by_place.get(_place_of(commitment.report), [])
                     if r.id != commitment.report.id and self.anchor(r, commitment.year) is not None]
            alone = [r for r in found if self.span(r, commitment.year) == 1]
            self._anchor[key] = alone or found
        return list(self._anchor[key])

    def span(self, report: Report, year: int) -> int:
        """How many years the report's review of `year` covers (1: that year alone)."""
        key = ("span", report.id, year)
        if key not in self._anchor:
            spans = [len(s.years) for s in report.sections if s.looks == "back" and year in s.years]
            spans += [len(years) for _, _, looks, years in report.oriented() if looks == "back" and year in years]
            self._anchor[key] = min(spans, default=0)
        return self._anchor[key]



def _back_clauses(report: Report, year: int):
    for section, paragraph, looks, years in report.oriented():
        if looks == "back" and year in years:
            place = Place(report, section, paragraph)
            for clause in join_continuations(paragraph.text, split_clauses(paragraph.text)):
                yield place, clause


# ---- targets -------------------------------------------------------------------------------

def _verdict(c: Commitment, q: Quantity, t: Quantity) -> tuple[str, str]:
    """How the review's figure q stands against the target's figure t."""
    direction = c.indicator.direction if c.indicator else "up"
    tv, qv = t.base_value, q.base_value
    if t.kind == "rate":
        # a decline target (下降3.9%) is met by a larger decline
        t_down = (t.qualifier or "").startswith("下降")
        q_down = (q.qualifier or "").startswith("下降")
        tv, qv = (-tv if t_down else tv), (-qv if q_down else qv)
        if t_down:
            tv, qv, direction = -tv, -qv, direction
    around = "左右" in (t.qualifier or "")
    if is_ceiling(c, t):
        direction = "cap"
    if direction == "cap":
        limit = tv + (0.2 if t.kind in ("rate", "share") else 0.02 * abs(tv)) if around else tv
        return ("met", f"{_fmt(q)} is within the ceiling {_fmt(t)}") if qv <= limit else \
               ("missed", f"{_fmt(q)} is above the ceiling {_fmt(t)}")
    if t.kind == "rate":
        if qv >= tv + 0.5:
            return "exceeded", f"{_fmt(q)} is at least 0.5 points above {_fmt(t)}"
        slack = 0.2 if around else 0.0
        if qv >= tv - slack:
            return "met", f"{_fmt(q)} reaches {_fmt(t)}"
        return "missed", f"{_fmt(q)} is below {_fmt(t)}"
    if qv >= tv * 1.05:
        return "exceeded", f"{_fmt(q)} is at least 5% above {_fmt(t)}"
    slack = 0.02 if around else 0.0
    if qv >= tv * (1 - slack):
        return "met", f"{_fmt(q)} reaches {_fmt(t)}"
    return "missed", f"{_fmt(q)} is below {_fmt(t)}"


# A target is a ceiling when its words say so ("控制在5.5%以内", "不超过", "以下"), or when it
# caps a price rise or a jobless rate (价格涨幅…左右, 失业率…以内), whatever the
# indicator file says: a lower figure meets it.
_CEILING_WORDS = re.compile(r"控制在|不超过|不高于|以内|以下")
_CEILING_LEAD = re.compile(r"控制在|不超过|不高于")
_CEILING_SUBJECTS = re.compile(r"价格涨幅|价格上涨|物价|失业率|涨幅")


def is_ceiling(c: Commitment, t: Quantity | None) -> bool:
    if t is None:
        return False
    if c.indicator is not None and c.indicator.direction == "cap":
        return True
    if any(w in (t.qualifier or "") for w in ("以内", "以下", "不超过", "控制在")):
        return True
    if "以上" in (t.qualifier or "") or re.match(r"(?:个|项|家|户|台|座|所|人|万|亿)?以上", c.text[t.end:t.end + 3]):
        return False        # "…700台以上" is a floor, whatever the words before it say
    # the words of this figure only: "淘汰10蒸吨及以下锅炉700台" caps the boilers' size, not the count
    # ("拆除二级旧里以下房屋55万平方米": 以内/以下 before the figure rank a thing, after it cap the figure)
    before = [q.end for q in parse_quantities(c.text) if q.end <= t.start]
    lead = c.text[max(0, t.start - 12, *before): t.start]
    if _CEILING_LEAD.search(lead) or _CEILING_WORDS.search(c.text, t.start, t.end + 2):
        return True
    return t.kind in ("rate", "share") and bool(_CEILING_SUBJECTS.search(c.text[: t.start + 1]))


def _fmt(q: Quantity) -> str:
    v = int(q.value) if q.value == int(q.value) else q.value
    pre = q.qualifier if q.kind == "rate" and q.qualifier else ""
    return f"{pre.split('·')[0]}{v}{q.unit}"


def _outcome_figures(clause: Clause, index: IndicatorIndex):
    """(indicator match, quantity, text) triples in an outcome clause."""
    resp = pair_respectively(clause.text)
    if resp:
        for name, q in resp:
            for m in index.matches(name):
                yield m, q, name
        return
    text = clause.text
    matches = index.matches(text)
    # "增速未达到10%预期目标": the target named as missed, not a figure of the result
    qs = [q for q in parse_quantities(text) if not q.nominal
          and not (_MISSED_TARGET.match(text[q.end:]) and _NOT.search(text[:q.start]))]
    for i, m in enumerate(matches):
        nxt = matches[i + 1].start if i + 1 < len(matches) else len(text)
        # (a figure's span may hold the verb a name ends on: "高新技术企业达到" + "达到1230家")
        after = [q for q in qs if q.start >= m.end - 1 or m.start <= q.start < m.end < q.end]
        # "研发投入强度从3.01%提升到3.7%": where it went, not where it stood
        if len(after) > 1 and re.search(r"(?:从|由)$", text[m.end:after[0].start]) \
                and _RAISED_TO.match(text[after[0].end:after[1].end]):
            after = after[1:]
        # "突破4000亿元大关、达4522.3亿元": the mark passed, then the figure reached
        if len(after) > 1 and re.match(r"(?:大关|关口|台阶)", text[after[0].end:]):
            after = after[1:]
        # "突破3000亿元，达到3060亿元，增长7.6%": likewise, the mark passed, then the figure reached
        elif len(after) > 1 and after[0].qualifier in ("突破", "超过") and after[1].qualifier in ("达到", "达") \
                and unit_class(after[0].base_unit) == unit_class(after[1].base_unit) \
                and text[after[0].end:after[1].start] in ("，", ",", "、"):
            after = after[1:]
        # "A总数、B均突破1.6万家": a shared figure after several names
        if after and (after[0].start <= nxt or "均" in text[m.end:after[0].start]):
            yield m, after[0], text
            # a measure's other figures before the next indicator: "完成147亿元，同比增长8.8%",
            # "老旧小区96个0.8万户" (each measure once)
            seen = {(after[0].kind, unit_class(after[0].base_unit))}
            last = after[0]
            for q in after[1:]:
                measure = (q.kind, unit_class(q.base_unit))
                # "新登记12万户、总数达48万户": the new ones, then the total they make (and the
                # other way round: "总数达491万户、…、净增80万户")
                total = measure in seen and (_TOTAL_AFTER.search(text[last.end:q.start])
                                             or _NEW_BEFORE.search(text[max(last.end, q.start - 6):q.start]))
                if q.start >= nxt or (measure in seen and not total):
                    break
                last = q
                seen.add(measure)
                yield m, q, text
            continue
        prev = matches[i - 1].end if i > 0 else 0
        before = [q for q in qs if q.end <= m.start + 1 and q.start >= prev]
        yield m, (before[-1] if before else None), text


_MISSED_TARGET = re.compile(r"(?:的)?(?:预期|年度|计划|既定)?(?:目标|指标)")
_NOT = re.compile(r"(?:未|没有|没能|尚未|未能)(?:能)?(?:达到|实现|完成)?$")
_RAISED_TO = re.compile(r"(?:提高|提升|增加|增长|上升|扩大|下降|降低|减少|降)(?:到|至)")
_NEW_BEFORE = re.compile(r"[、，,](?:其中)?(?:净增|新增|新登记|新注册)(?:了)?$")
_TOTAL_BEFORE = re.compile(r"(?:总数|总量|总计|合计|实有|共有)(?:达到|达|为|突破|超过)?$")
_TOTAL_AFTER = re.compile(r"^[、，,]?(?:总数|总量|总计|累计|实有|共有|合计)(?:达到|达|为|突破|超过)?$")


_LEAD_WORDS = re.compile(r"^(?:力争|确保|全年|年内|今年|再|争取|新增|新建|建成|建设|打造|培育|实施|完成|举办|开展|引进|"
                         r"组织|发布|认定|推进|创建|筹集|新认定|新改建|新改扩建|改造|累计|实现|开工|帮助|支持)+")
_TAIL_WORDS = re.compile(r"(?:的|任务|工作|目标|等)+$")


def _part_holding(text: str, q: Quantity) -> str:
    """The part of a clause, between commas or semicolons, that holds the figure."""
    start = max(text.rfind(ch, 0, q.start) for ch in "，,；;")
    ends = [i for i in (text.find(ch, q.end) for ch in "，,；;") if i >= 0]
    return text[start + 1: min(ends) if ends else len(text)]


def _keys(text: str, q: Quantity) -> list[tuple[str, str]]:
    """What a figure counts when no indicator is known, as (side, words): the noun before it
    ("新增中试平台30家" -> 中试平台) and the noun after it ("改造8000户农村危房" -> 农村危房); a review
    may name it on either side of its own figure."""
    keys = []
    raised = RAISED.search(text[: q.end])
    # "医保财政补助由每人每年380元提高到420元": what is raised stands before 由
    # (a bracketed part of a name stays in it: "农村泥草（危）房")
    # (read wider than a key may be, so that the verb leading it is seen whole and dropped:
    # "完成土地承包经营权确权登记颁证300万亩" -> 土地承包经营权确权登记颁证, not 成土地…)
    before = re.search(r"([\u4e00-\u9fff“”]{1,20}(?:（[\u4e00-\u9fff]{1,3}）[\u4e00-\u9fff]{1,6})?)$",
                       text[: raised.start()] if raised else text[: q.start])
    if before and len(before.group(1)) < 2:
        before = None
    # "投资3亿元实施…": money names nothing; what it pays for follows the figure
    spending = False
    if before:
        k = MEASURE_END.sub("", _LEAD_WORDS.sub("", _unquoted(before.group(1))))[-14:]
        spending = bool(_SPENDING.fullmatch(k))
        if _names_something(k) and not spending:
            keys.append(("before", k))
    after = re.match(r"([\u4e00-\u9fff“”]{2,16})", text[q.end:])
    if after:
        k = _unquoted(after.group(1))
        if spending:
            k = _PROJECT_END.sub("", _LEAD_WORDS.sub("", k))     # "…实施供水管网改造工程" -> 供水管网改造
        k = _TAIL_WORDS.sub("", k[:12])
        if _names_something(k):
            keys.append(("after", k))
    return keys


def _unquoted(words: str) -> str:
    """A name as a review may print it: without its quotation marks (“实际网办率” -> 实际网办率)."""
    return words.replace("“", "").replace("”", "")


_SPENDING = re.compile(r"(?:年度|全年|计划|总|累计|完成|新增)*投资(?:额)?")
_PROJECT_END = re.compile(r"(?:等)?(?:工程|项目|建设)+$")


def _names_something(key: str) -> bool:
    """Two characters name a thing ("造林", "贷款") unless they are a word for any project."""
    return len(key) >= 3 or (len(key) == 2 and key not in GENERIC)


def _variants(side: str, key: str) -> list[str]:
    """The key and its shorter forms a review may use, longest first: a noun before a figure
    keeps its end ("景区停车泊位" -> "停车泊位"), a noun after one its start ("农村低收入人口帮扶" ->
    "农村低收入人口"); then the other way round, down to three characters. A key of two ("造林") is
    used whole: two characters cut from a longer name ("企业" of "规模以上工业企业") name anything."""
    if len(key) == 2:
        return [key]
    # three characters cut from a longer name only between words: "生产性服务业企业" never
    # shortens to "业企业" (which any "工业企业" holds)
    cuts = set(word_cuts(key))
    ends = [key[len(key) - n:] for n in range(len(key), 2, -1) if n == len(key) or n >= 4 or len(key) - n in cuts]
    starts = [key[:n] for n in range(len(key) - 1, 2, -1) if n >= 4 or n in cuts]
    # a start that only qualifies the thing counted after it names another thing: "规模以上" of
    # "规模以上大数据企业", "工业企业" of "工业企业智能化改造项目"
    starts = [w for w in starts if not _HEAD_NOUN.search(key[len(w):]) and not w.endswith(("以上", "以下"))]
    # people named by what they do ("创业人员", "务工人员"): a review counts them by the doing
    # ("返乡创业2.5万人"); the stem is used as a short key (its figure right after it)
    stem = [key[:-2]] if key.endswith("人员") and len(key) - 2 >= 2 and key[:-2] not in GENERIC else []
    # a review may say 企业 for a target's 公司 and the reverse ("新增上市公司12家" / "新增上市企业12家")
    other = [key[:-2] + {"公司": "企业", "企业": "公司"}[key[-2:]]] if key.endswith(("公司", "企业")) and len(key) >= 4 else []
    # "超亿元项目" is said "亿元以上项目" too (and its shorter forms with it)
    over = _OVER.search(key)
    if over:
        other += _variants(side, key.replace(over.group(0), over.group(1) + "以上"))
    return list(dict.fromkeys((ends + starts if side == "before" else starts + ends) + stem + other))


_OVER = re.compile(r"超(\d*[十百千万亿]+元)")


_HEAD_NOUN = re.compile(r"企业|公司|项目|工程|平台|中心|基地|园区|学校|医院|资金|资本|内资|外资")


_COUNT_WORDS = {"座", "处", "所", "家", "项", "台", "栋", "间"}


def _price_rise(indicator) -> bool:
    """A capped rate (居民消费价格涨幅): a review may give it as a bare percentage, with no verb."""
    return indicator.kind == "rate" and indicator.direction == "cap"


def _same_count(t: Quantity, q: Quantity, firms: bool = False) -> bool:
    """Figures of one measure: the same kind and unit, or a count of people in 万 without its
    unit ("农村低收入人口减少85万" for "80万以上农村低收入人口"); firms (an indicator counting
    企业) are counted in 家 or in 户 as a region writes it ("新增高新技术企业23户" for "10家")."""
    if t.comparable_with(q):
        return True
    if firms and t.kind == q.kind == "level" and {t.base_unit, q.base_unit} <= {"家", "户"}:
        return True
    # 个 counts anything: a review may count the same things by their own word ("5G基站6500个" /
    # "5G基站6580座", "煤矿179个" / "185处")
    if t.kind == q.kind == "level" and "个" in (t.base_unit, q.base_unit) \
            and {t.base_unit, q.base_unit} - {"个"} <= _COUNT_WORDS:
        return True
    units = {unit_class(t.base_unit), unit_class(q.base_unit)}
    return t.kind == q.kind == "level" and "" in units and units <= {"", "人", "户"}


def _counted_figure(keys: list[tuple[str, str]], clause: Clause, t: Quantity, own: str,
                    firms: bool) -> tuple[str, Quantity] | None:
    """The figure of a review clause that counts what the target counts: next to a form of its
    key (within 8 characters, 2 for a key of three; anywhere in a measure and its continuation:
    "实际到位市外资金86亿元，增长7.2%"), in a unit the target's figure is in. own: the target's words
    (what a review's narrower name must share with them); firms: it counts firms (家 or 户)."""
    text = clause.text
    raised = RAISED.search(text)
    quoted = "“" in text or '"' in text
    qs = [q for q in parse_quantities(text) if not q.nominal and _same_count(t, q, firms)
          and not (raised and raised.start() <= q.start and q.end <= raised.end())]   # "由240元…" stood before
    if not qs:
        return None
    # "货物和集装箱吞吐量分别增长3%、9.6%": each name has its own figure; the longest form of the
    # key that a name holds picks it (the shared place name picks nothing over the thing counted)
    paired = None
    pairs = pair_respectively(text) if "分别" in text else []
    for name, q in pairs:
        for side, key in keys:
            for word in _variants(side, key):
                # a word every name holds ("…占地区生产总值比重") tells none of them apart
                if word in name and _same_count(t, q, firms) and (paired is None or len(word) > len(paired[0])) \
                        and not all(word in other for other, _ in pairs):
                    paired = (word, q)
    if paired:
        return paired
    for side, key in keys:
        for word in _variants(side, key):
            # the review may quote a part of the name the target did not ("省“双创”人才")
            found = re.search("[“”\"]?".join(map(re.escape, word)), text) if quoted and word not in text else None
            pos = text.find(word) if found is None else found.start()
            if pos < 0:
                continue
            # (the whole name where the review has it: "单位规上工业增加值能耗" holds "业增加值" too)
            whole = text.rfind(key, 0, pos + len(word))
            if denominator(text, whole if whole >= 0 and whole + len(key) == pos + len(word) else pos):
                continue
            end = pos + len(word) if found is None else found.end()
            if len(word) >= 4:
                reach = len(text) if len(clause.parts) > 1 else 8
                near = [(min(abs(q.start - end), abs(pos - q.end)), q) for q in qs
                        if -1 <= q.start - end <= reach or -1 <= pos - q.end <= reach]
            elif t.unit == "%" and _qualified(text, pos, own):
                continue    # "跨境电商出口增长18%" measures a part of what "出口增长7%" does
            else:       # a short noun counts only the figure right after it ("幼儿园58所", "造林12万亩")
                near = [(0, q) for q in qs if 0 <= q.start - (pos + len(word)) <= 2]
            if near:
                return word, min(near, key=lambda x: x[0])[1]
    return None


# What may stand before a measure's name in its item without narrowing it: the place, the year
# ("全省出口", "全年造林", "其中出口"), a verb of doing.
_PLAIN_BEFORE = re.compile(r"^(?:全[省市区县州盟旗国年]|[本我][省市区县州]|其中|年内|当年|今年|去年)*$")


# A place or a part of the place standing alone before a measure: "，朝阳市一般公共预算收入…",
# "全省乡镇一般公共预算收入…" (not "全市", "我市", nor the report's own place; a 区 is left out,
# as 城区, 园区, 景区 name no place).
# (a zone of the place too: "滇中新区直管区地区生产总值增长15.7%" in a city's review)
_PART_BEFORE = re.compile(r"(?:^|[，,、；;：:。])(?:其中|预计|全年)?([\u4e00-\u9fff]{2,4}(?:省|市|县|州|盟|旗)|"
                          r"[\u4e00-\u9fff]{1,6}(?:新区|开发区|高新区|直管区|示范区|自贸区|片区)|"
                          r"(?:全[省市区县州])?(?:乡镇|县域))(?:的)?$")
_NO_PART = re.compile(r"^(?:全|本|我|各|城|市|县|辖|地|设区)")


def _a_parts(before: str, c: Commitment) -> bool:
    """The words before a measure in a review name a part of the place the target c does not."""
    m = _PART_BEFORE.search(before)
    if m is None or (_NO_PART.match(m.group(1)) and not m.group(1).endswith(("乡镇", "县域"))) \
            or re.search(r"全[省市县州]$", m.group(1)) \
            or m.group(1) in c.text:            # "预计全省…"; "设区城市PM2.5…" when the target says so
        return False
    own = [w for entry in c.report.place_path for w in (entry, short_name(entry))]
    return not any(m.group(1) in w or w.endswith(m.group(1)) for w in own)


def _qualified(text: str, pos: int, own: str) -> bool:
    """The name at pos stands after words of its item that narrow it to a part the target's own
    words do not name: "跨境电商出口" for "出口增长7%" (not "应届高校毕业生就业率" for
    "高校毕业生…就业率95%")."""
    item = re.split(r"[，、；：,;:。（）()]", text[:pos])[-1]
    item = _LEAD_WORDS.sub("", re.sub(r"[^\u4e00-\u9fff]", "", item))
    return not _PLAIN_BEFORE.match(item) and item[-2:] not in own


# Words that put a figure on a wider area than the report's place: a metropolitan area's, the
# province's or the nation's figure never reports the city's own target.
_AREAS = re.compile(r"都市圈|城市圈|城市群|经济带|全省|全国|全球")


# A figure averaged or summed over years: "年均增长5.8%", "累计完成…" (not "年均浓度", a year's mean)
# (not a price's "累计上涨0.8%": the year's own, January to December, as prices are reported)
_PER_YEAR = re.compile(r"年均(?:分别)?(?:增长|增速|提高|下降|增加|减少|递增)|年平均(?:分别)?增长|累计(?!同比上涨|上涨)")
# (those mark only their own figure: _part_of)
_SPAN_CUES = re.compile(r"五年来|过去五年|过去的五年|五年间|五年以来|[十一二三四五六七八九]五”?(?:时期|期间|以来)")
_YEAR_CUES = r"过去一年|过去的一年|去年|一年来|今年以来|刚刚过去的|即将过去的"


# A growth since a base of its own ("比2010年翻一番", "比自治区成立60周年时翻两番", "比2020年增长
# 1倍"): the whole way from that base, which only a figure since the same base reports (a year's
# growth of 10% is no answer to a quadrupling since 1987)
_SINCE_BASE = re.compile(r"比\s*(\d{4}\s*年|[^，。；、]{2,16}?时)[^，。；]{0,8}?(?:翻[一两二三]?番|增长\d+(?:\.\d+)?倍)")


def _other_base(target: str, outcome: str) -> bool:
    m = _SINCE_BASE.search(target)
    return bool(m) and "比" + re.sub(r"\s", "", m.group(1)) not in re.sub(r"\s", "", outcome)


def _part_of(clause: Clause, q: Quantity) -> str:
    """The part of a joined clause a figure stands in ("增长7%，年均增长6.2%": each its own)."""
    return next((clause.text[a:b] for a, b in clause.part_spans() if a <= q.start < b), clause.text)


def _period_figure(place: Place, c: Commitment, clause: Clause, t: Quantity, stock: bool, q: Quantity) -> bool:
    """The clause gives a figure for several years ("五年来…", "年均增长5.8%", a review of a
    five-year plan's period) where the commitment is for one. In a review of several years the
    nearest cue before the clause decides: "刚刚过去的2030年", "过去一年" speak of one year. A level
    at the period's end (a stock, a share: "市场主体12万户", "森林覆盖率41.2%") is its last year's."""
    if len(c.place.years) > 1:
        return False
    if _PER_YEAR.search(_part_of(clause, q)) or re.search(r"年(?:平)?均分别", clause.text):
        return True         # ("A、B年均分别增长15.2%和12.9%": each of the pair is a yearly average)
    if len(place.years) <= 1:
        return False
    if (t.kind == "share" or (t.kind == "level" and stock)) and c.year == max(place.years):
        return False
    text = normalise(place.paragraph.text)
    at = text.find(clause.text)
    before = text[: at + len(clause.text)] if at >= 0 else text
    cues = [(m.end(), True) for m in _SPAN_CUES.finditer(before)]
    cues += [(m.end(), False) for m in re.finditer(rf"{c.year}年|{_YEAR_CUES}", before)]
    return max(cues)[1] if cues else True


# The word for a report's own whole area at its level: 全省 in a province's report is the province.
_OWN_AREA = {"province": "全省", "national": "全国"}


def _other_area(commitment: Commitment, outcome: str, q: Quantity) -> str | None:
    """A wider area the outcome's figure is given for: an area word before the figure in its own
    segment ("全省地区生产总值增长…" in a city's report), not after it ("…增长7.6%，增速居全省第3位"
    ranks the city's own)."""
    own = _OWN_AREA.get(str(commitment.report.meta.get("level") or ""))
    # the figure's own comma segment: "全年生产总值512亿元，居全市第4，同比增长7.3%" ranks, it
    # does not widen
    segment = outcome[max(outcome.rfind(p, 0, q.start) for p in "，,；;、") + 1: q.start]
    a = set(_AREAS.findall(segment)) - set(_AREAS.findall(commitment.text)) - {own}
    return f"different area ({'、'.join(sorted(a))})" if a else None


class ClauseMemo:
    """What linking reads from a review clause, worked out once per clause: every commitment of
    a place is checked against the same review clauses, and finding the indicators in a clause
    is the costly part of linking. Keyed by the clause object, which the memo keeps alive (so
    its id is never reused)."""

    def __init__(self, index: IndicatorIndex | None = None, terms: dict[str, list[str]] | None = None):
        self.index = index
        # a task part's distinctive words (_terms), by the part's name; seeded from the last build
        # (commitments/__init__.py keeps them in build/cache), since segmenting a name with jieba
        # means loading jieba's dictionary first, a second or more of a rebuild that changes no text
        self.known_terms = terms or {}
        self.terms: dict[str, list[str]] = {}
        self._figures: dict[int, tuple[Clause, list]] = {}
        self._task_text: dict[int, tuple[Clause, str]] = {}
        self._by_indicator: dict[int, tuple[list, dict[str, list]]] = {}
        self._review_text: dict[int, tuple[list, str, list[int]]] = {}

    def figures(self, clause: Clause) -> list:
        """_outcome_figures(clause)."""
        hit = self._figures.get(id(clause))
        if hit is None:
            hit = self._figures[id(clause)] = (clause, list(_outcome_figures(clause, self.index or default_index())))
        return hit[1]

    def terms_of(self, name: str) -> list[str]:
        """_terms(name), from the last build's where it had the name."""
        hit = self.terms.get(name)
        if hit is None:
            hit = self.known_terms.get(name)
            self.terms[name] = hit = _terms(name) if hit is None else hit
        return hit

    def task_text(self, clause: Clause) -> str:
        """The clause as names are looked for in it: 第三跑道 ~ 三跑道; a name quoted in part or not
        at all is the same name ("省“双创”人才" ~ "省双创人才")."""
        hit = self._task_text.get(id(clause))
        if hit is None:
            text = re.sub(r"第([一二三四五六七八九十])", r"\1", _unquoted(clause.text))
            hit = self._task_text[id(clause)] = (clause, text)
        return hit[1]

    def with_family(self, clauses: list, family: str) -> list:
        """The (place, clause) pairs of a review that give a figure of the indicator family, in
        order: the only ones a target of that family can be linked to."""
        hit = self._by_indicator.get(id(clauses))
        if hit is None:
            found: dict[str, list] = {}
            for place, clause in clauses:
                for fam in dict.fromkeys(m.indicator.family for m, _, _ in self.figures(clause)):
                    found.setdefault(fam, []).append((place, clause))
            hit = self._by_indicator[id(clauses)] = (clauses, found)
        return hit[1].get(family, [])

    def clauses_with(self, clauses: list, words: list[str]) -> list:
        """The (place, clause) pairs of a review whose task text has one of the words, in order.
        The review's texts are searched as one string, so a word costs its occurrences, not a
        look at every clause."""
        hit = self._review_text.get(id(clauses))
        if hit is None:
            texts = [self.task_text(c) for _, c in clauses]
            starts = list(itertools.accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
            hit = self._review_text[id(clauses)] = (clauses, "\n".join(texts), starts)
        _, text, starts = hit
        found = set()
        for word in words:
            at = text.find(word)
            while at >= 0:
                found.add(bisect.bisect_right(starts, at) - 1)
                at = text.find(word, at + 1)
        return [clauses[k] for k in sorted(found)]


def link_target(c: Commitment, clauses, index: IndicatorIndex, memo: ClauseMemo | None = None) -> list[Link]:
    """The review's verdicts on a target: for each figure the target sets (a level, its growth),
    the most confident comparison with a figure of the same measure. A review that gives only a
    figure of an unlike measure ("农民人均纯收入" for "农村居民人均可支配收入") gives a `reported`
    link saying why the two are not compared."""
    memo = memo or ClauseMemo(index)
    out = [link for t in c.targets if (link := _link_figure(c, t, clauses, index, memo))]
    if not out and c.indicator is not None:
        out = [link for fam, why in c.indicator.unlike.items()
               if (link := _link_unlike(c, fam, why, memo.with_family(clauses, fam), memo))][:1]
    return out


def _link_unlike(c: Commitment, family: str, why: str, clauses, memo: ClauseMemo) -> Link | None:
    index = memo.index or default_index()
    for place, clause in clauses:
        found = [(m, q) for m, q, txt in memo.figures(clause) if m.indicator.family == family and q is not None]
        # the figure of the target's own kind where the clause gives several ("进出口总额3620亿元，
        # 增长9%" for an export growth target: the growth), named as the measure it is
        same = [(m, q) for m, q in found if c.quantity is not None and q.kind == c.quantity.kind]
        for m, q in (same or found)[:1]:
            measure = index.measure(m.indicator, q.kind) or m.indicator
            return Link(place, clause.text, "reported", 0.6,
                        f"{c.indicator.name}: target {_fmt(c.quantity)}, reported {measure.name} {_fmt(q)}; "
                        f"unlike measure: {why}", quantity=q, target=c.quantity)
    return None


def _affinity(a: str, b: str) -> int:
    """How many two-character pieces of Chinese two texts share."""
    def pieces(s: str) -> set[str]:
        return {s[i:i + 2] for i in range(len(s) - 1) if re.fullmatch(r"[\u4e00-\u9fff]{2}", s[i:i + 2])}
    return len(pieces(a) & pieces(b))


def _link_figure(c: Commitment, t: Quantity, clauses, index: IndicatorIndex, memo: ClauseMemo) -> Link | None:
    best: Link | None = None
    best_rank = (0.0, False, 0)
    indicator = (index.measure(c.indicator, t.kind) or c.indicator) if c.indicator is not None else None
    keys = _keys(c.text, t) if indicator is None else []
    if indicator is None and "分别" in c.text and len(c.subject) >= 3:
        # one of names paired with figures ("A、B分别达到45%、23%"): its own name counts it
        keys = [("before", MEASURE_END.sub("", c.subject))] + keys
    # firms are counted in 家 or in 户 ("新增高新技术企业23户" for "10家")
    firms = bool(indicator and indicator.name.endswith("企业")) or any(k.endswith("企业") for _, k in keys)
    if indicator is not None:
        clauses = memo.with_family(clauses, indicator.family)
    else:
        # No known indicator: what the figure counts must stand next to a figure in the outcome
        # too ("中试平台35家", "35家中试平台"); only clauses holding a short form of it can: a
        # form is an end or a start of its key (so it holds the shortest end or the shortest
        # start) or a synonym of it
        shortest = []
        for side, k in keys:
            forms = _variants(side, k)
            for at_end in (True, False):
                cut = [w for w in forms if (k.endswith(w) if at_end else k.startswith(w))]
                if cut:
                    shortest.append(min(cut, key=len))
            shortest += [w for w in forms if not (k.endswith(w) or k.startswith(w))]    # 公司 said as 企业
        clauses = memo.clauses_with(clauses, shortest)
    for place, clause in clauses:
        name = indicator.name if indicator else None
        if indicator is not None:
            # (not a part's: "朝阳市一般公共预算收入", "全省乡镇一般公共预算收入" in a province's review)
            figures = [(m, q, txt) for m, q, txt in memo.figures(clause) if m.indicator.family == indicator.family
                       and not _a_parts(txt[:m.start], c)]
        else:
            found = _counted_figure(keys, clause, t, c.text, firms)
            if found is None:
                continue
            name, q = found
            figures = [(None, q, clause.text)]
        for m, q, txt in figures:
            if q is not None and indicator is not None and _price_rise(indicator) and q.kind == "share" and t.kind == "rate":
                q = replace(q, kind="rate")     # "居民消费价格指数控制在2.0%以内": a price's % is its rise
            if q is None or not _same_count(t, q, firms):
                continue
            conf = 0.9 if indicator else 0.6
            scope_c = c.scope or scope_of(c.text, None)
            # a figure matched by its noun: the scope words of its own part of the clause
            # ("新增上市企业12家，总数达到100家": 12家 are new ones)
            scope_o = scope_of(txt, m, indicator) if m else scope_of(_part_holding(txt, q), None)
            if m is None and c.scope:
                scope_o.period = scope_o.period if scope_o.period != "new" else c.scope.period
            if _TOTAL_BEFORE.search(clause.text[max(0, q.start - 8):q.start]):
                scope_o = Scope(scope_o.level, "stock")      # "新登记12万户、总数达48万户": 48万 is all there are
            elif _NEW_BEFORE.search(clause.text[max(0, q.start - 6):q.start]):
                scope_o = Scope(scope_o.level, "new")        # "总数达491万户、净增80万户": 80万 are this year's
            if t.kind != "level":        # a growth or a share is no flow or stock: only its level counts
                scope_c, scope_o = Scope(scope_c.level, "new"), Scope(scope_o.level, "new")
            why_not = scope_c.differs(scope_o) or _other_area(c, txt, q)
            ratio = q.base_value / t.base_value if t.base_value else 0
            # a level raised to ("提高到450元") is where it stands at the end, like a stock
            stock = scope_c.period == "stock" or (t.qualifier or "") in ("提高到", "提升到") or bool(RAISED.search(c.text))
            period = _period_figure(place, c, clause, t, stock, q)
            # a count matched by its noun alone: a review figure far off is likely another count
            new_vs_total = m is None and ratio > 1 and _new_against_total(c.text, t, txt, q)
            # a count matched by its noun alone: a figure far off is likely another count; one of
            # another scope (a total, a cumulative count) is the same thing, said otherwise
            if m is None and (ratio < 0.5 or ratio > (10 if period else 4)) and not new_vs_total:
                continue
            if new_vs_total:
                status, rule, conf = "reported", "new vs total figure: not comparable", conf - 0.2
            elif _other_base(c.text, clause.text):
                status, rule, conf = "reported", "growth since a base year of its own: not comparable", conf - 0.3
            elif period:
                status, rule, conf = "reported", "figure for several years: not comparable", conf - 0.3
            elif why_not:
                status, rule, conf = "reported", f"same indicator, {why_not}: not comparable", conf - 0.2
            elif t.kind == "level" and (ratio > (3 if m is not None else 4) or ratio < 0.5):
                status, rule, conf = "reported", "figures too far apart to measure the same thing", conf - 0.3
            elif _AIMS_AT_DONE.search(c.text) and UNDER_WAY.search(clause.text) and not DONE.search(clause.text):
                status, rule = "partly", "reported under way, not finished"
            else:
                status, rule = _verdict(c, q, t)
            link = Link(place, clause.text, status, round(max(0.1, conf), 2),
                        f"{name}: target {_fmt(t)}, reported {_fmt(q)}; {rule}", quantity=q, target=t)
            # of passages alike in confidence, one of a review of the year alone before one of a
            # five-year review ("失业率为2.4%" before "五年来…始终控制在3%以内"), then the one that
            # shares most words with the target's (two counts of "增收": the same transfer of labour)
            rank = (link.confidence, len(place.years) <= 1, _affinity(c.text, clause.context or clause.text))
            if best is None or rank > best_rank:
                best, best_rank = link, rank
    if best is None and indicator is not None:
        best = _other_measure(c, t, indicator, clauses, memo)
    return best


def _new_against_total(target: str, t: Quantity, review: str, q: Quantity) -> bool:
    """A count of new ones ("新开通3条…") answered only by the total reached ("…达到34条"): the
    review speaks of it, with a figure of another measure."""
    return bool(re.search("|".join(NEW_WORDS), target[max(0, t.start - 24): t.start])) \
        and bool(_TOTAL_REACHED.fullmatch(q.qualifier or "") or _TOTAL_REACHED.search(review[max(0, q.start - 4): q.start]))


_TOTAL_REACHED = re.compile(r"达到|达|共有|总数|总计|累计|增至|增加到|增加至")


# A commitment to finish something: opening with it ("建成…"), or promising it of what it funds
# ("投资…实施…工程，确保…按时完工"); a review saying it is under way reports it partly done
_AIMS_AT_DONE = re.compile(r"^(?:完成|建成|基本建成)|(?:按时|如期|按期|年内|全面|确保)(?:完工|建成|竣工)")

# "城镇新增就业完成年计划的113%": a review giving the share of the year's target reached
_PLAN_DONE = re.compile(r"完成(?:全年|年度|年)?(?:计划|目标|目标任务|任务)(?:的)?(?=[^，。；]*$)")

_MEASURE_NAMES = {"level": "level", "rate": "growth rate", "share": "share"}


def _other_measure(c: Commitment, t: Quantity, indicator, clauses, memo: ClauseMemo) -> Link | None:
    """A review that gives the indicator only as another measure (the level of a growth target,
    "生产总值达到880亿元" for "增长8%左右") speaks of it without a figure to compare: reported."""
    for place, clause in clauses:
        for m, q, txt in memo.figures(clause):
            if q is not None and m.indicator.family == indicator.family and q.kind != t.kind \
                    and not _other_area(c, txt, q):
                done = _PLAN_DONE.search(clause.text[:q.start]) if q.kind == "share" and t.kind == "level" else None
                if done:
                    # "完成年计划的113%": the share of the target reached, that is the figure reached
                    reached = replace(t, value=round(t.value * q.value / 100, 4),
                                      base_value=t.base_value * q.value / 100, qualifier="")
                    status, rule = _verdict(c, reached, t)
                    return Link(place, clause.text, status, 0.8,
                                f"{indicator.name}: target {_fmt(t)}, reported {done.group(0)}{_fmt(q)}, "
                                f"that is {_fmt(reached)}; {rule}", quantity=q, target=t)
                return Link(place, clause.text, "reported", 0.5,
                            f"{indicator.name}: target {_fmt(t)}, reported {_fmt(q)}; other measure: "
                            f"{_MEASURE_NAMES[q.kind]} for a {_MEASURE_NAMES[t.kind]} target", quantity=q, target=t)
    return None


# ---- tasks ---------------------------------------------------------------------------------

def _terms(name: str) -> list[str]:
    name = re.sub(r"第([一二三四五六七八九十])", r"\1", name)     # 第三跑道 ~ 三跑道
    out = []
    for tok in jieba.cut(name):
        tok = tok.strip()
        if len(tok) >= 2 and tok not in GENERIC and re.search(r"[\u4e00-\u9fff]", tok):
            out.append(tok)
    return out


def _items(subject: str) -> list[str]:
    """The parts a task names ("建成A、B" -> A, B); a list inside quotes or brackets is one name
    (“通风、活水、增绿”行动)."""
    parts, depth, cur = [], 0, ""
    for ch in subject:
        if ch in "“《（(\"" and not (ch == '"' and depth):
            depth += 1
        elif ch in "”》）)" or (ch == '"' and depth):
            depth = max(0, depth - 1)
        if depth == 0 and ch in "、和及":
            parts.append(cur)
            cur = ""
            continue
        cur += ch
    parts.append(cur)
    out = []
    for p in parts:
        out.extend(x for x in p.split("等") if x)
    return [p for p in out if len(p) >= 2]


def _names(terms: list[str], text: str) -> bool:
    """A clause names a part when it has all its distinctive words (one may be missing from four
    or more) and its longest one; a part known by one word needs a word of four characters or
    more ("汉正街" alone names too many things)."""
    hits = [t for t in terms if t in text]
    if len(terms) == 1:
        return bool(hits) and len(terms[0]) >= 4
    need = len(terms) - (1 if len(terms) >= 4 else 0)
    return len(hits) >= need and max(terms, key=len) in text


def link_task(c: Commitment, clauses, memo: ClauseMemo | None = None) -> Link | None:
    """The passage that says how a task went. Each part the task names is looked for in every
    clause of the review: all parts done -> met; some done or under way -> partly (a task with
    two parts, one reported done, is partly); only mentioned -> reported."""
    memo = memo or ClauseMemo()
    items = [(item, memo.terms_of(item)) for item in _items(c.subject)]
    items = [(i, t) for i, t in items if len(t) >= 2 or (t and len(t[0]) >= 3)]
    if not items:
        return None
    # a quoted name of four characters or more names the part on its own
    quoted = [(item, terms, [q for q in re.findall(r"[“\"]([^”\"]+)[”\"]", item) if len(q) >= 4])
              for item, terms in items]
    # A clause names a part only if it has the part's longest word or one of its quoted names.
    clauses = memo.clauses_with(clauses, [w for _, terms, names in quoted for w in [max(terms, key=len), *names]])
    rank = {"met": 3, "partly": 2, "reported": 1}
    state: dict[str, str] = {}
    best_clause: dict[str, tuple] = {}
    for place, clause in clauses:
        text = memo.task_text(clause)
        matched = [item for item, terms, names in quoted if _names(terms, text) or any(q in text for q in names)]
        if not matched:
            continue
        if DONE.search(clause.text):
            st = "met"
        elif UNDER_WAY.search(clause.text):
            st = "partly"
        else:
            st = "reported"
        for item in matched:
            if rank[st] > rank.get(state.get(item, ""), 0):
                state[item] = st
                best_clause[item] = (place, clause, matched)
    if not state:
        return None
    n, done = len(items), sum(1 for v in state.values() if v == "met")
    if done == n:
        status, rule = "met", "reported done"
    elif done:
        status, rule = "partly", f"reported done for {done} of {n} parts"
    elif any(v == "partly" for v in state.values()):
        status, rule = "partly", "reported under way, not finished"
    else:
        status, rule = "reported", "mentioned without saying it was done"
    # the passage shown: the one that reports the most parts at the best state
    item = max(state, key=lambda i: (rank[state[i]], len(best_clause[i][2])))
    place, clause, matched = best_clause[item]
    conf = 0.75 if len(state) == n else 0.6
    return Link(place, clause.text, status, conf, f"names {'、'.join(sorted(state, key=list(dict(items)).index))}; {rule}")


# ---- related restatements ------------------------------------------------------------------

def _same_measure(a: Commitment, b: Commitment) -> bool:
    if a.indicator is None or b.indicator is None or a.indicator.id != b.indicator.id:
        return False
    if a.quantity is None or b.quantity is None or not a.quantity.comparable_with(b.quantity):
        return False
    return not (a.scope and b.scope and a.scope.differs(b.scope))


def _lineage(report: Report) -> tuple[str, ...]:
    return tuple(report.place_path or [_place_of(report)])


def _related_candidates(group: list[Commitment]) -> list[list[Commitment]]:
    """For each commitment of a group, the group's commitments of a related place, in group order:
    the same place, or one inside the other (a district and its city); a same-year target of a
    place elsewhere in the country says nothing about this one. Looked up by place path, so a
    group spanning a thousand unrelated places costs each commitment its own lineage only."""
    exact: dict[tuple[str, ...], list[int]] = {}      # place path -> positions
    below: dict[tuple[str, ...], list[int]] = {}      # place path -> positions at it or inside it
    for i, c in enumerate(group):
        path = _lineage(c.report)
        exact.setdefault(path, []).append(i)
        for k in range(1, len(path) + 1):
            below.setdefault(path[:k], []).append(i)
    out = []
    for c in group:
        path = _lineage(c.report)
        found = set(below.get(path, []))
        for k in range(1, len(path)):
            found.update(exact.get(path[:k], []))
        out.append([group[i] for i in sorted(found)])
    return out


def link_related(commitments: list[Commitment]) -> None:
    # grouped by year and indicator first: only commitments of one measure can restate each other
    groups: dict[tuple[int, str], list[Commitment]] = {}
    for c in commitments:
        if c.indicator is not None:
            groups.setdefault((c.year, c.indicator.id), []).append(c)
    for group in groups.values():
        for c, candidates in zip(group, _related_candidates(group)):
            for o in candidates:
                if o.report.id == c.report.id or not _same_measure(c, o):
                    continue
                # a five-year plan's end-year target is not a restatement of a one-year target
                if (len(c.place.years) > 1) != (len(o.place.years) > 1):
                    continue
                same_place = _place_of(o.report) == _place_of(c.report)
                relation = "restated" if same_place else f"same measure for {_place_of(o.report)}"
                c.related.append(Link(o.place, o.text, "reported", 0.8,
                                      f"{c.indicator.name} for {c.year} also set in {o.report.id}: {_fmt(o.quantity)}",
                                      quantity=o.quantity, relation=relation))


# ---- driver --------------------------------------------------------------------------------

def link_all(reports: list[Report], commitments: list[Commitment], index: IndicatorIndex | None = None,
             terms: dict[str, list[str]] | None = None, cache=None) -> dict[str, list[str]]:
    """Every commitment's outcomes and status. terms: task parts' words known from the last build
    (ClauseMemo.terms_of); returns those this linking used, with those known, for the next.
    cache (cache.Cache): a report's commitments of a year whose report and reviewers are as they
    were keep their outcomes from the last build (linkcache.py)."""
    index = index or default_index()
    clauses: dict[tuple[str, int], list] = {}
    memo = ClauseMemo(index, terms)
    reviews = ReviewIndex(reports)
    positions = linkcache.Positions(reports)
    groups: dict[tuple[str, int], list[Commitment]] = {}
    for c in commitments:
        groups.setdefault((c.report.id, c.year), []).append(c)
    for (_, year), group in groups.items():
        reviewers = reviews.reviewers(group[0])
        if not reviewers:
            for c in group:
                c.status = "pending"
            continue
        key = linkcache.key(group[0].report, year, reviewers, index.digest) if cache is not None else None
        stored = cache.get(linkcache.KIND, key) if key else None
        if stored is None or not linkcache.attach(group, stored, positions, Link):
            for c in group:
                c.outcomes = []
                for r in reviewers:
                    if (r.id, year) not in clauses:
                        clauses[(r.id, year)] = list(_back_clauses(r, year))
                    if c.kind == "target" and c.quantity is not None:
                        c.outcomes.extend(link_target(c, clauses[(r.id, year)], index, memo))
                    else:
                        link = link_task(c, clauses[(r.id, year)], memo)
                        if link:
                            c.outcomes.append(link)
            if key:
                cache.put(linkcache.KIND, key, linkcache.detach(group, positions))
        for c in group:
            c.status = overall_status(c)
            c.missing_review = c.status == "no_report" and not reviews.main_review(c)
    link_related(commitments)
    # the words of task parts linked from the cache were not looked up: kept from the last build
    return {**(terms or {}), **memo.terms} if cache is not None else memo.terms


_RANK = {"exceeded": 6, "met": 5, "partly": 4, "missed": 3, "reported": 2}


def overall_status(c: Commitment) -> str:
    if not c.outcomes:
        return "no_report"
    editor = [o for o in c.outcomes if o.by == "editor"]
    pool = editor or c.outcomes
    best = max(pool, key=lambda o: (o.confidence, _RANK.get(o.status, 0)))
    # a target set in two figures is as done as its less done one ("增长9%，达到150亿元")
    judged = [o for o in pool if o.confidence == best.confidence and o.target is not None and o.by == "auto"
              and o.status in ("exceeded", "met", "partly", "missed")]
    if len({id(o.target) for o in judged}) > 1:
        return min(judged, key=lambda o: _RANK.get(o.status, 0)).status
    return best.status
