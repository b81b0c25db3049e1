"""Splitting paragraphs into clauses and pairing indicators with their figures.

Commitments are clauses, not paragraphs: "新建充电桩2万个、换电站40座，快递业务量
突破20亿件" holds three targets. We split on ，；。！？ and, where each side carries its own
figure, on 、. Brackets and quotes are never split ("创新街区（园区、楼宇）").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

import jieba

from .quantity import Quantity, normalise, parse_quantities

_OPEN, _CLOSE = "（(“‘《〈【[", "）)”’》〉】]"
_HARD = set("，,；;。！？!?：:")
_ATTRIBUTE_ENDS = ("级", "类", "型")
_WHOLE = re.compile(r"(?:全部|全面)(?:开工|完成|建成|投用|完工)|全覆盖|翻番|清零")


@dataclass
class Clause:
    text: str
    start: int      # offset in the paragraph text (normalised)
    end: int
    context: str = ""   # the whole comma-clause a 、-segment belongs to
    # Where a clause is a measure and the figures that continue it ("地区生产总值完成147亿元，
    # 同比增长8.8%"): the start of each part in the clause's text, the first being 0.
    parts: tuple[int, ...] = (0,)

    def part_spans(self) -> list[tuple[int, int]]:
        """(start, end) of each part in the clause's text."""
        bounds = [*self.parts, len(self.text)]
        return list(zip(bounds, bounds[1:]))


def _split(text: str, seps: set[str], offset: int = 0) -> list[tuple[int, int]]:
    spans, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif ch in seps and depth == 0:
            spans.append((start, i))
            start = i + 1
    spans.append((start, len(text)))
    return [(offset + a, offset + b) for a, b in spans if text[a:b].strip()]


def split_clauses(text: str, legacy: bool = False) -> list[Clause]:
    """Comma clauses, each further split on 、 (和, 及) where every part has its own figure.
    legacy: split as before pairs were read (only on 、), to tell which clauses keep their ids."""
    text = normalise(text)
    out: list[Clause] = []
    for a, b in _split(text, _HARD):
        clause = text[a:b]
        # "50个以上A和600个以上B": 和/及 join two targets as 、 does (a part without a
        # figure is glued back below, so "A和B50个" stays whole)
        parts = _split(clause, {"、"} if legacy else {"、", "和", "及"}, a)
        # A part without a figure belongs with the next one ("幼儿园、中小学60所",
        # "高新技术企业总数、科技型中小企业评价入库均突破1.6万家").
        merged: list[tuple[int, int]] = []
        pending_start = None
        pairs: dict[int, tuple[int, ...]] = {}      # a merged span's start -> its figures' parts
        for pa, pb in parts:
            qs = [q for q in parse_quantities(text[pa:pb]) if not q.nominal]
            if not legacy and not qs and pending_start is None and _WHOLE.search(text[pa:pb]) and pb - pa >= 6:
                merged.append((pa, pb))      # "A上半年全部开工、B开工率50%以上": two targets
                continue
            # "87个百亿元级、964个十亿元级、1965个亿元级项目": each part is a target of its own;
            # the noun the list shares is read from the whole clause (extract._shared_noun).
            # Before, such a part waited for the noun (legacy splitting keeps that).
            if not qs or (legacy and text[pa:pb].rstrip().endswith(_ATTRIBUTE_ENDS)):
                if pending_start is None:
                    pending_start = pa
                continue
            # "完成1200户、16万平方米危旧房改造": a part that is a bare figure measures the next
            # part's thing in another unit; the two are one target in two figures
            if not legacy and pb < b and is_continuation(text[pa:pb]) and "、" in text[pb:pb + 1]:
                if pending_start is None:
                    pending_start = pa
                pairs.setdefault(pending_start, (0,))
                continue
            # "一般公共预算收入31.2亿元、增长6.4%": a bare growth after a figure is its growth, a
            # bare figure in another unit the same thing counted otherwise ("义务植树800亩、2.1万株")
            if not legacy and merged and pending_start is None and _continues_previous(text[pa:pb], text[merged[-1][0]:merged[-1][1]]):
                ms, me = merged[-1]
                pairs[ms] = pairs.get(ms, (0,)) + (pa - ms,)
                merged[-1] = (ms, pb)
                continue
            start = pending_start if pending_start is not None else pa
            if start in pairs:
                pairs[start] = pairs[start] + (pa - start,)
            merged.append((start, pb))
            pending_start = None
        if pending_start is not None:
            if merged:
                merged[-1] = (merged[-1][0], b)
            else:
                merged.append((pending_start, b))
        if _paired(clause) or len(merged) <= 1:
            merged = [(a, b)]          # "A、B分别增长x%、y%": keep whole, see pair_respectively
        for pa, pb in merged:
            stripped = text[pa:pb]
            lead = len(stripped) - len(stripped.lstrip("、 "))
            out.append(Clause(stripped.strip("、 "), pa, pb, clause,
                              tuple(max(0, k - lead) for k in pairs.get(pa, (0,)))))
    return out


# What a clause that only continues the measure before it holds besides its figure: a comparison
# base, a verb of measure, a qualifier ("同比增长8.8%", "达到150亿元", "比上年下降3.2个百分点",
# "分别增长9%"). Whatever else it holds names a subject of its own.
_CONTINUATION_WORDS = re.compile(
    r"同比|同口径|可比口径|比上年|较上年|比去年|较去年|比上年度|比\d{4}年|较\d{4}年|年均|平均|分别|均|全年|年内|"
    r"增长|下降|增加|减少|提高|降低|上涨|增幅|降幅|涨幅|达到|完成|突破|超过|实现|达|为|至|到|"
    r"以上|左右|以内|以下|力争|确保|约|近|多|余|个百分点|百分点|"
    r"和|、|"   # "分别增长8.2%和8.4%": the joins between a pair's figures
    r"总数|总量|总计|累计|合计|净增|新增")   # "新登记12万户、总数达48万户" (and "总数达48万户、净增12万户")


# A ranking or remark between a figure and its growth: "全年生产总值512亿元，居全市第4，位次前移两位，
# 同比增长7.3%"
_TOTAL_NEXT = re.compile(r"^(?:总数|总量|总计|累计|合计|净增|新增)(?:达到|达|为|突破|超过)?\d")
_ASIDE = re.compile(r"第\d|第[一二三四五六七八九十]|位次|排名|位居|居全|列全|前列|"
                    # how a growth is computed, between a level and its growth
                    r"^(?:按|以)可比(?:价格?|口径)(?:计算)?$|^(?:扣除|剔除)(?:价格|政策|一次性|不可比)?因素(?:影响)?(?:后)?$")

# "实施重点项目600个，完成投资900亿元以上": the investment the counted projects are to make
# "投资2亿元实施甲乙工程，确保A、B等工程按时完工": the second clause details the works the first
# funds; one commitment, so the sum and its works are judged together
_FUNDED = re.compile(r"投资[^，；。]{0,3}\d[^，；。]*(?:工程|项目)$")
_DETAILS = re.compile(r"^(?:要|并)?确保[^，；。]*等(?:工程|项目)")
_INVESTMENT = re.compile(r"^(?:年度|全年|年内)?(?:计划)?(?:完成|实现)?(?:年度)?(?:计划)?投资(?:额)?(?:达到|超过|突破)?\d")


def _continues_previous(text: str, previous: str) -> bool:
    """A 、-part that is only another figure of the part before it: its change ("增长6.4%") or
    the same thing in another unit ("2.1万株" after "植树800亩")."""
    qs = [q for q in parse_quantities(text) if not q.nominal]
    if len(qs) != 1 or not is_continuation(text):
        return False
    before = [q for q in parse_quantities(previous) if not q.nominal]
    return qs[0].kind == "rate" or (bool(before) and not before[-1].comparable_with(qs[0])) \
        or bool(_TOTAL_NEXT.match(normalise(text).lstrip("、 ")))


def is_continuation(text: str) -> bool:
    """A clause that states another figure of the measure before it and names nothing itself."""
    qs = [q for q in parse_quantities(text) if not q.nominal]
    if not qs:
        return False
    t = normalise(text)
    rest = "".join(ch for i, ch in enumerate(t) if not any(q.start <= i < q.end for q in qs))
    rest = _CONTINUATION_WORDS.sub("", rest)
    return len(re.sub(r"[^\u4e00-\u9fffA-Za-z]", "", rest)) == 0


_PASSED_MARK = re.compile(r"(?:突破|超过|跨上|迈上|跃上)[^，、；。]*\d[^，、；。]*(?:大关|关口|台阶)$")


def join_continuations(text: str, clauses: list[Clause]) -> list[Clause]:
    """A measure and the figures that continue it are one clause: "地区生产总值增长9%，达到150
    亿元" states one target in two figures, and a review's "同比增长8.8%" is the growth of the
    figure before it. Joined only across a comma (never a ；or 。), onto a clause with a figure."""
    text = normalise(text)
    out: list[Clause] = []
    asides: list[Clause] = []        # "居全市第4" between a figure and its growth
    for c in clauses:
        prev = out[-1] if out else None
        if prev is not None and c.start < prev.end:
            continue                       # a part of details already taken in whole (below)
        gap = text[prev.end:c.start] if prev is not None else ""
        if prev is not None and asides and is_continuation(c.text) and not re.search(r"[；;。！？]", gap):
            gap = "，"
        elif prev is not None and _ASIDE.search(c.text) and not any(not q.nominal for q in parse_quantities(c.text)) \
                and not re.search(r"[；;。！？]", gap) and any(not q.nominal for q in parse_quantities(prev.text)):
            asides.append(c)
            continue
        else:
            out.extend(asides)
            asides = []
            gap = gap.strip()
        if prev is not None and gap in ("，", ",") and _FUNDED.search(prev.text) and _DETAILS.match(c.context or c.text):
            # the works a sum pays for, listed: the whole list joins the sum (its items are the
            # details of one commitment, not targets of their own)
            end = text.find(c.context, max(0, c.start - len(c.context))) + len(c.context) if c.context else c.end
            joined = text[prev.start:max(end, c.end)]
            out[-1] = Clause(joined, prev.start, prev.start + len(joined), joined, prev.parts)
            asides = []
            continue
        # "地区生产总值突破4000亿元大关、达4522.3亿元": a mark passed, then the figure reached
        passed = gap in ("、",) and _PASSED_MARK.search(prev.text) is not None and is_continuation(c.text)
        if prev is not None and c.start > prev.end and (gap in ("，", ",") or passed) \
                and (is_continuation(c.text) or (_INVESTMENT.match(c.text) and "项目" in prev.text)) \
                and (passed or "、" not in c.context or _paired(c.text) or _paired(prev.text)) \
                and any(not q.nominal for q in parse_quantities(prev.text)):
            joined = text[prev.start:c.end]
            out[-1] = Clause(joined, prev.start, c.end, joined, prev.parts + (c.start - prev.start,))
            asides = []
            continue
        out.extend(asides)
        asides = []
        out.append(c)
    out.extend(asides)
    return out


def pair_quantity(text: str, start: int, end: int) -> Quantity | None:
    """The figure a mention at text[start:end] refers to: the first one after it, else the
    nearest one before it ("284个老旧小区完成改造")."""
    qs = [q for q in parse_quantities(text) if not q.nominal]
    after = [q for q in qs if q.start >= end - 1]
    if after:
        return after[0]
    before = [q for q in qs if q.end <= start + 1]
    return before[-1] if before else None


def word_cuts(text: str) -> list[int]:
    """Where jieba (without its guesses for unknown words) puts a word boundary inside text:
    positions, ascending. A name is shortened or shared only there ("服务业企业", never "业企业")."""
    cuts, at = [], 0
    for tok in jieba.cut(text, HMM=False):
        at += len(tok)
        if at < len(text):
            cuts.append(at)
    return cuts


jieba.setLogLevel(60)


# The words of measure that end a name before its figure ("…收入增长", "…总量达到"): a name
# without them is what is measured.
MEASURE_END = re.compile(r"(?:同比|比上年)?(?:达到|突破|超过|完成|实现|达|超|为|至|到|控制在|保持在|稳定在|增长|下降|"
                         r"提高|增加|减少|降低)+$")

# "低保标准由每人每月600元提高到650元": a figure raised from one value to another; the one it goes
# to is the figure set (or reached), the one before is where it stood
RAISED = re.compile(r"(?:由|从)[^，。；]{0,16}?\d[^，。；]{0,16}?(?:提高|增加|提升|增长|扩大|上调|调整|降低|下降|减少|压减|"
                    r"缩短|降)(?:到|至)")


def _paired(clause: str) -> bool:
    """A clause whose figures go to several names in turn: "A、B分别…", "城乡居民…达X元、Y元"."""
    return "分别" in clause or _town_and_country(clause)


# "城乡居民人均可支配收入达31000元、12000元" ("40587元和16865元"): 城乡 with figures listed in
# pairs is town, then country; "城乡居民医保补助由420元提高到450元" is one scheme
_PAIRED_FIGURES = re.compile(r"\d[^，。；、\d和及]{0,6}(?:、|和|及)\s*\d")


# "城乡…均增长7.6%": one figure both share
_SHARED_FIGURE = re.compile(r"(?<!人)均(?:达到|达|为|增长|提高|下降|上涨)?\s*\d")


def _town_and_country(clause: str) -> bool:
    return clause.lstrip().startswith("城乡") and bool(_PAIRED_FIGURES.search(clause) or _SHARED_FIGURE.search(clause))


def respective_names(head: str) -> list[str]:
    """The names before 分别: "A、B和C" -> A, B, C (和, 及 and 与 join the last name as 、 joins
    the others: "A和B分别控制在5.5%、4.5%以内"); "城乡X" names 城镇X and 农村X."""
    names = [n for n in re.split(r"、|和|及|与", head) if n]
    if len(names) == 1 and names[0].startswith("城乡"):       # 城乡X: 城镇X and 农村X
        names = ["城镇" + names[0][2:], "农村" + names[0][2:]]
    # "城镇和农村常住居民收入", "第一、第三产业增加值": a bare first name shares the measure the last
    # names, after the last one's word of the same kind as it (城镇/农村, 第一/第三, 国控/省控)
    last = names[-1] if names else ""
    out = []
    for n in names[:-1]:
        head = last[:len(n)]
        alike = n in _SIDES and head in _SIDES or len(n) == 2 and (n[0] == head[0] or n[-1] == head[-1])
        out.append(n + last[len(n):] if alike and len(last) > len(n) + 1 and n != head else n)
    out = out + [last] if names else names
    # "规模以上工业总产值、增加值和实现利润": a later bare measure shares what the first one measures
    first = _BARE_MEASURE_NAME.search(out[0]) if out else None
    if first and first.start() > 0:
        out = out[:1] + [out[0][: first.start()] + m.group(1) if (m := _BARE_MEASURE_NAME.fullmatch(n)) else n
                         for n in out[1:]]
    return out


_SIDES = ("城镇", "农村", "城市", "乡村")
_BARE_MEASURE_NAME = re.compile(r"(?:实现|完成)?(总产值|产值|增加值|利润总额|利润|营业收入|主营业务收入|销售收入|税收|利税)$")


def pair_respectively(clause: str) -> list[tuple[str, Quantity]]:
    """"A、B、C分别增长x%、y%、z%" -> [(A, x%), (B, y%), (C, z%)]; a measure and its continuation
    pair each of their figures ("城乡居民人均可支配收入分别达到31000元、12000元，同比分别增长6%、8%":
    城镇 and 农村 each a level and a growth). Figures are placed in the clause's text."""
    first = next((q for q in parse_quantities(clause) if not q.nominal), None)
    if "分别" in clause and (first is None or first.start >= len(normalise(clause.split("分别", 1)[0]))):
        head, tail = clause.split("分别", 1)
        offset = len(normalise(head)) + len("分别")
    elif _town_and_country(clause) or "分别" in clause:
        # "城乡居民人均收入达到28400元和9400元、分别增长7.5%和8.2%": the pairs begin before 分别
        # "城乡居民人均可支配收入达31000元、12000元，同比增长6%、8%": 城乡 pairs without 分别
        if first is None:
            return []
        text = normalise(clause)
        cut = re.search(r"(?:(?<!人)均|达到|达|为|完成|实现|增长|提高|分别)*$", text[: first.start])
        head, tail = text[: cut.start()], text[cut.start():]
        offset = len(head)
    else:
        return []
    names = respective_names(head)
    qs = [replace(q, start=q.start + offset, end=q.end + offset) for q in parse_quantities(tail) if not q.nominal]
    n = len(names)
    text = normalise(clause)
    # "城乡常住居民人均可支配收入均增长7.6%": one figure for each of the pair
    if n >= 2 and len(qs) == 1 and re.match(r"(?<!人)均", text[offset:]):
        qs = qs * n
    if n >= 2 and len(qs) > n and len(qs) % n:
        # "…分别增长3.8%、5.8%和9.6%，同比分别提高2.0、1.4和7.6个百分点": a second run whose figures are
        # not all read pairs nothing; the whole runs before it still pair
        full = len(qs) // n * n
        if re.search(r"分别|同比", text[qs[full - 1].end: qs[full].start]):
            qs = qs[:full]
    if n < 2 or not qs or len(qs) % n:
        return []
    out = []
    for g in range(0, len(qs), n):
        group = qs[g:g + n]
        if group[0].kind == "rate":
            # only the first figure has the verb before it; the rest share it
            group = [replace(q, kind="rate", qualifier=group[0].qualifier) for q in group]
        verb = re.search(r"([\u4e00-\u9fff]{0,4})$", text[offset: group[0].start])
        verb = re.sub(r"^.*(?:分别|同比)|^均", "", verb.group(1)) if verb else ""
        out.extend((name + verb, q) for name, q in zip(names, group))
    return out
