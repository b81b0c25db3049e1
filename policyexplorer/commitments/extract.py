"""Commitments from the forward-looking sections of parsed reports.

A commitment is a clause: a target (a clause with a figure) or a concrete task (a named project
to start, build or finish: 开工建设X, 建成X, 基本建成X, 启动建设X ...). In a task breakdown every
numbered item is a commitment whatever its wording, with the agencies its parentheses name; the
same item listed twice (a 民生实事 item repeating a 重点工作 item) is one commitment shown in both
places.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..model import Paragraph, Report, Section, orientation
from . import agencies as agencies_mod
from .clauses import (MEASURE_END, RAISED, Clause, join_continuations, pair_respectively, respective_names,
                      split_clauses, word_cuts)
from .indicators import Indicator, IndicatorIndex, IndicatorMatch, Scope, default_index, scope_of
from .quantity import Quantity, normalise, parse_quantities
from .tasks import FORMULA, GENERIC_OBJ, named_task, names_a_thing

# Verbs that make a clause without a figure a concrete task, longest first.
TASK_VERBS = ["开工建设", "启动建设", "基本建成", "建成投产", "建成投用", "建成运营", "建成开放", "建成通车",
              "开通运营", "建成", "开通", "竣工", "投用", "新投产", "投产", "开工", "完工"]
_TASK = re.compile("(" + "|".join(TASK_VERBS) + ")")
# Verbs of doing: a figure in a clause without any of these ("支持7个中心城区做强…") describes,
# it does not commit.
ACTION = re.compile(r"新增|新建|新开工|新开|建成|建设|完成|打造|培育|实施|开工|举办|开展|引进|引育|达到|达|突破|超|增长|"
                    r"下降|降低|改造|推进|创建|新改建|筹集|认定|组织|发布|签约|提升|修复|治理|推广|安装|整理|更新|"
                    r"吸引|扶持|提供|开办|压减|控制|保持|稳定|扩面|帮扶|实现|布局|续建|储备|落实|争取|推动|上涨|涨幅|"
                    r"新认证|部署|搭建|组建|筛查|配置|办理|修缮|打通|优化|开通|投产|建立|提高|拓宽|整治|服务|"
                    r"招引|落地|策划|加装|办好|推出|竣工|力争|确保|清零|供应|征收|引育|新开工|新投产|扩建|新改扩建|"
                    r"争创|淘汰|转移|脱贫|搬迁|培训|处置|化解|关闭|退出|压缩|减少|帮助|救助|资助|"
                    r"安排|发放|拟安排|拟按|扩招|减税|降费|输转|安置|吸纳|接待|惠及|"
                    r"开行|减轻|发展到|落户|拆除|拆迁|造林|植树|栽植|铺设")
_ITEM_NUMBER = re.compile(r"^\s*(?:[（(][一二三四五六七八九十]+[)）]|\d{1,3}[.．、]|[一二三四五六七八九十]+、)\s*")
_LABEL_START = re.compile(r"^\s*(?:牵头单位|责任单位)\s*[:：]")
# "主要预期目标是:A增长6%左右;B5.5%以内": after such an announcement every figure is a target,
# with or without a verb of its own.
TARGET_LIST = re.compile(r"目标(?:是|为|如下)?\s*[:：]")


@dataclass
class Place:
    """Where a commitment (or a repeat of it) stands in the corpus."""
    report: Report
    section: Section
    paragraph: Paragraph

    @property
    def paragraph_id(self) -> str:
        return f"{self.report.id}:{self.paragraph.anchor}"

    @property
    def url(self) -> str:
        return f"{self.section.page}#{self.paragraph.anchor}"

    @property
    def years(self) -> list[int]:
        """The years the passage reviews or plans: the paragraph's own, else its section's."""
        return orientation(self.section, self.paragraph)[1]


@dataclass
class Commitment:
    id: str
    place: Place
    year: int
    kind: str                      # target | task
    text: str                      # the clause, as printed (normalised spacing)
    quantity: Quantity | None
    indicator: Indicator | None
    scope: Scope | None
    verb: str | None               # the task verb or the clause's leading verb
    subject: str                   # what is committed: the task's object or the figure's noun
    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    also_in: list[Place] = field(default_factory=list)
    also_text: list[str] = field(default_factory=list)   # the clause as worded at each also_in place
    # no_report only: the corpus lacks the place's government work report reviewing the year
    # (its main review), so the silence may be the corpus's, not the government's
    missing_review: bool = False
    status: str = "pending"
    # A target stated in two figures of one measure ("地区生产总值增长9%，达到150亿元"): each figure,
    # the first being `quantity`; empty for a target of one figure
    figures: list[Quantity] = field(default_factory=list)
    outcomes: list = field(default_factory=list)      # link.Link
    related: list = field(default_factory=list)       # link.Link

    @property
    def report(self) -> Report:
        return self.place.report

    @property
    def targets(self) -> list[Quantity]:
        """The figures the commitment sets: each is judged against a figure of its own measure."""
        return self.figures or ([self.quantity] if self.quantity is not None else [])


def commitment_year(years: list[int], report: Report) -> int | None:
    """The year a commitment is due: the plan year; for a multi-year plan, its last year."""
    years = years or report.plan_years
    return max(years) if years else None


def _item_segments(text: str, index: agencies_mod.AgencyIndex) -> list[tuple[str, list[str], list[str]]]:
    """A task-breakdown item as (text, lead, support) segments: each parenthesis of agencies
    applies to the text before it (item 80 style: "A;(牵头…)B;(牵头…)")."""
    found = agencies_mod.find_assignments(text, index)
    if not found:
        return [(text, [], [])]
    out, pos = [], 0
    for a in found:
        out.append((text[pos:a.start], a.lead, a.support))
        pos = a.end
    tail = text[pos:].strip("。.;； ")
    if tail and out:
        # text after the last parenthesis belongs to the last assignment's item
        out[-1] = (out[-1][0] + tail, out[-1][1], out[-1][2])
    return out


def _leading_verb(clause: str) -> str | None:
    m = ACTION.search(clause)
    return m.group(0) if m else None


def _subject_of_target(clause: str, q: Quantity, indicator_alias: str | None) -> str:
    if indicator_alias:
        return indicator_alias.replace("*", "…")
    head = clause[: q.start] if q.start > 0 else clause[q.end:]
    head = re.sub(r"^(?:力争|确保|全年|累计|新增|新建|建成|建设|打造|培育|实施|完成|举办|开展|引进|组织|发布|认定|推进|创建|筹集)+", "", head)
    return head.strip("，、 ")[:30] or clause


def _task_subject(clause: str, verb_match: re.Match) -> str:
    obj = clause[verb_match.end():]
    obj = re.sub(r"(?:等)?(?:项目|工程)?(?:建设)?$", "", obj).strip("，、 ")
    return obj or clause


# The verbs of doing the extractor used before named tasks (kept to number its commitments first).
_LEGACY_ACTION = re.compile(ACTION.pattern.split("|招引")[0])
# Words around a figure that make it a target even without a verb of doing
# ("产业项目到位资金5800亿元以上", "出厂水质合格率99%以上", "失业率控制在5.5%以内").
TARGET_QUALIFIERS = {"以上", "左右", "以内", "以下", "不少于", "不低于", "不超过", "控制在", "力争", "力争达到",
                     "突破", "超过", "达到", "确保", "保持在", "稳定在", "提高到", "提升到", "超", "达"}
# Outcomes without a figure that a later report can confirm ("实现翻番", "全部开工", "全覆盖").
WHOLE_OUTCOME = re.compile(r"翻番|翻一番|全覆盖|全部开工|全部完成|全部建成|全面完工|全面建成|清零|销号")


def _shared_verb(clause: Clause) -> str | None:
    """The verb a list's first item carries for all ("新增A30家、B10家" -> 新增 for B)."""
    ctx = clause.context or ""
    if not ctx or ctx.startswith(clause.text) or clause.text not in ctx:
        return None
    return _leading_verb(ctx[: ctx.find(clause.text)])


def _shared_noun(clause: Clause) -> str | None:
    """The noun a list's last item carries for all: "储备实施8个百亿元级、96个十亿元级项目" and
    "新开工A等23个50亿元以上、B等300个亿元以上工业项目" -> 项目, 工业项目 for the first item."""
    ctx = clause.context or ""
    if not ctx or clause.text not in ctx or ctx.rstrip().endswith(clause.text):
        return None
    qs = [q for q in parse_quantities(ctx) if not q.nominal]
    if not qs:
        return None
    rest = re.sub(r"^.*(?:级|以上|类|型)", "", ctx[qs[-1].end:])
    return rest if re.fullmatch(r"[\u4e00-\u9fff]{2,6}", rest) else None


# A sentence stating the year's general requirements or guiding thought lists formulas
# ("全面深化改革开放", "打造新时代英雄城市"), not tasks; its figures still count.
_FORMULA_SENTENCE = re.compile(r"总体要求|指导思想|总基调|总体思路|基本原则")


def _lead_sentence_end(text: str) -> int:
    """Where a paragraph's lead sentence ends ("推动项目建设提速提效。" before the tasks it sums up):
    a short first sentence with more after it; 0 when there is none."""
    m = re.search(r"[。！]", text)
    if m and m.end() <= _LEAD_CHARS and len(text) - m.end() >= _LEAD_CHARS and not re.search(r"[，,；;：:]", text[:m.start()]):
        return m.end()
    return 0


_LEAD_CHARS = 24


def _formula_sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in re.finditer(r"[。！？!?]|$", text):
        if _FORMULA_SENTENCE.search(text[start:m.end()]):
            spans.append((start, m.end()))
        start = m.end()
    return spans


# Stance, manner and time words before a verb ("力争年内", "确保上半年", "加快推进")
_STANCE = re.compile(r"力争|确保|争取|年内|今年|全年|上半年|下半年|年底前|年底|加快|加紧|尽快|全力|全面|积极|"
                     r"扎实|稳步|有序|推动|推进|实现|基本|如期|按期|按时")

# A clause that frames the ones after it ("围绕全面建成社会主义现代化强国", "按照…要求") or describes
# ("也是…取得决定性进展的关键期") commits to nothing of its own.
_FRAMING = re.compile(r"^(?:紧紧围绕|围绕|按照|紧扣|锚定|对标|立足|着眼|面向|遵循|依据|根据|聚焦于)|"
                      r"^[\u4e00-\u9fff\d]{0,7}是|之年$|关键期|决定性")
# "全县生产总值从80亿元增加到120亿元": how a figure went, unless the sentence looks ahead
_PAST_CHANGE = re.compile(r"从[^，。；]{0,20}\d[^，。；]{0,12}(?:增加|提高|增长|提升|扩大|上升|下降|减少|降低|缩小)(?:到|至)\d")
_AHEAD = re.compile(r"力争|确保|预计|将|要|到20\d\d年|今年|明年")

_OPEN_ITEM = re.compile(r"\d[\u4e00-\u9fff]{0,3}(?:以上|级)$")


def _join_open_lists(clauses: list[Clause]) -> list[Clause]:
    """"新开工A等23个50亿元以上,B等300个亿元以上工业项目": a clause ending on a figure's
    threshold has not said what it counts; it and the next clause are one list, sharing the
    first one's verb and the last one's noun. Each keeps its own text (a quote); the context
    they share is what _shared_verb and _shared_noun read."""
    out = list(clauses)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if _OPEN_ITEM.search(a.text) and [q for q in parse_quantities(b.text) if not q.nominal] \
                and not ACTION.match(b.text):
            joined = f"{a.text}，{b.text}"
            out[i] = replace(a, context=joined)
            out[i + 1] = replace(b, context=joined)
    return out


def _targetish(q: Quantity) -> bool:
    return any(w in (q.qualifier or "") for w in TARGET_QUALIFIERS) or q.kind in ("rate", "share")


def clause_commitments(clause: Clause, indicators: IndicatorIndex, target_list: bool = False,
                       item: bool = False) -> list[dict]:
    """Every commitment in one clause: one per target figure ("A、B分别达100%、88%以上" gives
    two), or one named task. item: the clause is part of a numbered task-breakdown item."""
    text = clause.text
    qs = [q for q in parse_quantities(text) if not q.nominal]
    pairs = pair_respectively(text) if qs else []
    if len(pairs) > 1 and (target_list or item or ACTION.search(text) or any(_targetish(q) for _, q in pairs)):
        out = []
        names = [re.sub(r"^(?:力争|确保|全年)+", "", n) for n in respective_names(text.split("分别", 1)[0])]
        last = names[-1]
        for name, (named, q) in zip(names, pairs):
            # "国控、省控断面水质优良比例": the first names share the last one's noun
            # (where the last one's first word is as long: "绿色经济、新经济增加值…" share nothing)
            if len(name) < len(last) and not any(ch in name for ch in "率额量数") and len(name) in word_cuts(last):
                name = name + last[len(name):]
            # the name with its verb ("城镇居民人均可支配收入增长") says which measure it is
            m = (indicators.matches(named) or indicators.matches(name) or [None])[0]
            scope = scope_of(text, m)
            indicator = (indicators.measure(m.indicator, q.kind) or m.indicator) if m else None
            if indicator is not None and q.kind == "share" and indicator.kind != "share":
                indicator = None      # "…占地区生产总值比重45%" is a share of it, not it (as below)
            out.append(dict(kind="target", quantity=q, indicator=indicator, scope=scope,
                            verb=_leading_verb(text), subject=name[:30],
                            legacy=not out and bool(_LEGACY_ACTION.search(text))))
        return out
    spec = clause_commitment(clause, indicators, target_list, item)
    if spec and spec["kind"] == "target" and len(qs) == 1 and _TOWN_AND_COUNTRY.match(text):
        return _town_and_country_targets(text, spec, indicators) or [spec]
    return [spec] if spec else []


# "城乡居民人均可支配收入增长6.5%": one figure for both, 城镇 and 农村 (what a review reports them as)
# ("城镇和农村常住居民人均可支配收入均增长8%" likewise)
_TOWN_AND_COUNTRY = re.compile(r"^(?:力争|确保|全年|实现)*(?:城乡|城镇[和与、]农村)(?=(?:常住)?居民)")


def _town_and_country_targets(text: str, spec: dict, indicators: IndicatorIndex) -> list[dict]:
    """The town's and the country's target of a 城乡 figure, each its own measure; [] unless both
    are known indicators."""
    head = text[_TOWN_AND_COUNTRY.match(text).end(): spec["quantity"].start]
    head = re.sub(r"(?:年均|(?<!人)均)(?=增长|提高)", "", head)      # "…收入均增长8%": the growth of each
    out = []
    for side in ("城镇", "农村"):
        m = (indicators.matches(side + head) or [None])[0]
        if m is None or not m.alias.startswith(side):        # a measure of its own, not the whole's
            return []
        out.append({**spec, "indicator": m.indicator, "subject": MEASURE_END.sub("", side + head).rstrip("均")[:30],
                    "legacy": spec.get("legacy", False) and not out})
    return out


_LIST_LEAD = re.compile(r"^(?:确保|力争|争取|全年|年内|今年|实现)+")


def _borrowed_matches(clause: Clause, indicators: IndicatorIndex) -> list[IndicatorMatch]:
    """A later item of a 、-list that names only the last word of its indicator, the first item
    naming the rest: "确保棉花种植面积稳定在…、产量…以上" -> 棉花产量. The indicator found with the
    first item's opening words lent to it, placed at the item's own start."""
    context = clause.context or ""
    at = context.find(clause.text)
    if at <= 0 or not re.search(r"[、，,]\s*$", context[:at]):
        return []
    head = _LIST_LEAD.sub("", context)
    for k in (2, 3, 4):
        lent = head[:k]
        found = [m for m in indicators.matches(lent + clause.text) if m.start < k < m.end]
        if found:
            m = found[0]
            return [IndicatorMatch(m.indicator, 0, m.end - k, m.alias)]
    return []


def clause_commitment(clause: Clause, indicators: IndicatorIndex, target_list: bool = False,
                      item: bool = False) -> dict | None:
    """What a single clause commits to, or None when it commits to nothing checkable.
    target_list: the clause follows an announcement of targets ("预期目标是:")."""
    text = clause.text
    qs = [q for q in parse_quantities(text) if not q.nominal]
    # legacy: the extractor before named tasks found it too; such commitments keep their ids
    legacy = bool(target_list or _LEGACY_ACTION.search(text) or _LEGACY_ACTION.search(clause.context or ""))
    named = indicators.matches(text) if qs else []
    # (a known measure with its figure needs no verb: "全年实际使用外资50亿美元")
    if qs and (legacy or item or ACTION.search(text) or ACTION.search(clause.context or "")
               or any(_targetish(q) for q in qs) or named):
        matches = named or _borrowed_matches(clause, indicators)
        # the figure that goes with the first indicator, else the first figure
        m = matches[0] if matches else None
        named = [x for x in matches if x.end <= qs[0].start + 1]
        if len(qs) == 1 and len(named) > 1 and re.search(r"[^、和及与，,\s]", text[named[-2].end:named[-1].start]):
            # one figure after several names, the others with words of their own: the one next
            # before it measures it ("A稳步提升、B达95%"; a part without a figure was glued to
            # the next); "A、B各增长10%" shares it
            m = named[-1]
        q = qs[0]
        figures = _part_figures(clause, qs)
        raised = RAISED.search(text)
        if len(figures) > 1:
            q = figures[0]
        elif raised and any(x.end > raised.end() for x in qs):
            q = next(x for x in qs if x.end > raised.end())   # "由每人每月600元提高到650元": 650
        elif m is not None:
            after = [x for x in qs if x.start >= m.end - 1]
            before = [x for x in qs if x.end <= m.start + 1]
            q = after[0] if after else (before[-1] if before else qs[0])
        scope = scope_of(text if m is None else text, m)
        if m is not None and scope.period == m.indicator.period and not any(
                w in text for w in ("新增", "累计", "总数", "总量")):
            # a 、-segment may have lost its verb: "新增中试平台30家、科技成果转化中心10家"
            scope = scope_of(clause.context[: clause.context.find(text) + len(text)] if text in clause.context else text, m)
        verb = _leading_verb(text) or _shared_verb(clause)
        subject = _subject_of_target(text, q, m.alias if m else None)
        noun = _shared_noun(clause)
        if noun and noun not in subject:
            subject = f"{subject}…{noun}"
        if verb and not _leading_verb(text):
            subject = f"{verb}{subject}"
        # the measure of the indicator's family the figure states (a level or its growth); a share
        # the family has no measure of ("税收占一般公共预算收入比重75%") is a share of it, not it
        indicator = (indicators.measure(m.indicator, q.kind) or m.indicator) if m else None
        if indicator is not None and q.kind == "share" and indicator.kind != "share":
            indicator = None
        return dict(kind="target", quantity=q, indicator=indicator, scope=scope,
                    verb=verb, subject=subject, legacy=legacy, figures=figures if len(figures) > 1 else [])
    vm = _TASK.search(text)
    if vm and not qs:
        subject = _task_subject(text, vm)
        # "狠抓开工建设" names nothing; "阿里巴巴华中总部上半年建成运营" names what before the verb
        # ("力争年内开工建设" names nothing before its verb: stance and time words are no name)
        # ("推动新建项目早日开工" names none either: 新建项目 is any project)
        before = _STANCE.sub("", re.sub(r"[^\u4e00-\u9fff\w]", "", text[: vm.start()]))
        named_before = len(GENERIC_OBJ.sub("", before)) >= 4
        # "用好专班推进、上门服务和集中签约等机制": the verb is one item of a list of kinds
        listed = subject.startswith("等")
        # a verb that closes its item ("新建项目尽快开工、在建项目…") has its object before it
        closes = subject == text or re.match(r"[、，,和及与]", text[vm.end():]) is not None
        if len(re.sub(r"[^\u4e00-\u9fff\w]", "", subject)) >= 3 and (not closes or named_before) \
                and not listed:
            return dict(kind="task", quantity=None, indicator=None, scope=None, verb=vm.group(1), subject=subject,
                        legacy=True)
    if not qs:
        named = named_task(text)
        if named:
            verb, obj = named
            return dict(kind="task", quantity=None, indicator=None, scope=None, verb=verb, subject=obj)
        # (a stance held to, "坚持…‘动态清零’总方针", is no outcome to reach)
        if WHOLE_OUTCOME.search(text) and (ACTION.search(text) or item or re.search(r"力争|确保|实现", text)) \
                and not FORMULA.search(re.sub(r"^(?:我们|各级政府)?(?:要|必须|将)?", "", text)):
            return dict(kind="task", quantity=None, indicator=None, scope=None, verb=_leading_verb(text),
                        subject=text)
    return None


def _as_listed(clause: Clause, spec: dict) -> tuple[str, dict]:
    """(text, spec) of a commitment as a reader should see it: an item of a list of targets reads
    with the whole list ("新建绿道100公里、林荫路110公里", not "林荫路110公里", which lost its verb);
    its figures' places move with the text."""
    ctx = clause.context
    # only a list within one comma clause (_join_open_lists' contexts span clauses: each item
    # there reads whole already, "新开工A等23个50亿元以上")
    if spec["kind"] != "target" or not ctx or ctx == clause.text or clause.text not in ctx \
            or re.search(r"[，,]", ctx):
        return clause.text, spec
    return ctx, _moved(spec, ctx.find(clause.text))


# A target whose clause names only a generic measure ("产值增长35%", "营业收入突破80亿元", "园区产值
#达到30亿元") or only a verb before its figure ("力争新开工1500万千瓦") counts what the sentence
# named at its start ("食品加工产业要……，产值增长35%"): cut from it, it says nothing a reader can check.
# ("确保完成年度投资182亿元", "安排资金27.5亿元": money spent on what the clause before names)
# ("产业投资增长10%" names its investment; "年收入10万元以上的村庄占比…", "总投资117亿元的133个项目…"
# name what they count after the figure: none is bare)
_BARE_MEASURE = re.compile(r"^(?:20\d\d年)?(?:力争|确保|全年|年内|今年|实现|新增|累计|完成|安排)*(?:(?:园区|产业|行业)(?!投资|资金))?(?:年度?|总)?"
                           r"(?:产值|营业收入|营收|销售收入|主营业务收入|规模|总量|增加值|产量|销售额|交易额|营业额|税收|"
                           r"收入|参保人数|覆盖率|装机|投资|资金)(?:增长|达到|突破|超过|实现|达|提高|翻|\d)(?![^，。；]*的)")
_BARE_VERB = re.compile(r"^(?:力争|确保|全年|年内|今年)?(?:基本)?(?:新开工|新增|新建|开工|建成|完成|实现|安排|打通)\d[\d.]*"
                        r"[^\u4e00-\u9fff\d]*[万亿千百]?[^\W\d_]{0,2}(?:以上|左右)?$")
_SUBJECT_SPAN = 90       # a sentence longer than this up to the figure is not quoted whole
_SUBJECT_HEAD = 30       # nor a first clause longer than this before an ellipsis


def _with_subject(normal: str, clause: Clause, text: str, spec: dict) -> tuple[str, dict]:
    """A part of the figure before it ("其中…") quoted with that figure's clause; a bare measure's
    target quoted from the start of its sentence, where the sentence names
    what it measures before any other figure; where other figures come between, the sentence's
    first clause, an ellipsis and the target ("数字信息产业要培育……，产值增长45%"), or where that
    clause has figures too, the clause just before with it; else as it is."""
    if spec["kind"] == "target" and text == clause.text and text.startswith("其中"):
        # "其中国家级23家" is a part of the figure before it: quoted with that clause
        start = max(normal.rfind(ch, 0, clause.start - 1) for ch in "，,。；;！？!?：:") + 1
        before = normal[start: clause.start]
        if 0 < len(before) <= _SUBJECT_SPAN and any(not q.nominal for q in parse_quantities(before)):
            return normal[start: clause.end], _moved(spec, clause.start - start)
        return text, spec
    if spec["kind"] != "target" or text != clause.text or not (_BARE_MEASURE.match(text) or _BARE_VERB.match(text)):
        return text, spec
    start = max(normal.rfind(ch, 0, clause.start) for ch in "。；;！？!?：:") + 1
    span = normal[start: clause.end]
    if start >= clause.start:
        return text, spec
    if len(span) <= _SUBJECT_SPAN and not any(not q.nominal for q in parse_quantities(normal[start: clause.start])):
        return span, _moved(spec, clause.start - start)
    if normal[clause.start - 1] == "、":
        return text, spec       # an item of a list ("播种面积…、产量160亿斤以上") shares its list's head
    comma = re.search(r"[，,]", normal[start: clause.start])
    head = normal[start: start + comma.start()] if comma else ""
    if head and len(head) <= _SUBJECT_HEAD and not parse_quantities(head):
        return f"{head}……{text}", _moved(spec, len(head) + 2)
    # the sentence opens on figures of its own: the clause just before names what this one counts
    # ("新开工保障性住房8万套，基本建成10万套"), quoted with it
    before = max(start, *(normal.rfind(ch, 0, clause.start - 1) + 1 for ch in "，,"))
    if before < clause.start and len(normal[before: clause.start]) <= _SUBJECT_HEAD:
        return normal[before: clause.end], _moved(spec, clause.start - before)
    return text, spec


# A clause of a multi-year plan that names its own deadline ("力争到2030年…达到4%")
# ("力争在2020年前实现…翻一番" in a plan to 2017: the clause's own year, after the plan's)
_BY_YEAR = re.compile(r"(?:到|至)(20\d\d)年|(20\d\d)年底?(?:以前|前)")


def _moved(spec: dict, by: int) -> dict:
    """The spec of a commitment whose text now starts `by` characters earlier: its figures'
    places move with it."""
    moved = {k: _shifted(spec[k], by) for k in ("quantity",) if spec.get(k) is not None}
    moved["figures"] = [_shifted(q, by) for q in spec.get("figures") or []]
    return {**spec, **moved}


def _shifted(q: Quantity, by: int) -> Quantity:
    return replace(q, start=q.start + by, end=q.end + by)


def _part_figures(clause: Clause, qs: list[Quantity]) -> list[Quantity]:
    """The figure each part of a joined clause states (clauses.join_continuations)."""
    firsts = (next((q for q in qs if a <= q.start < b), None) for a, b in clause.part_spans())
    return [q for q in firsts if q is not None]


def _paragraphs(report: Report):
    """Forward (section, paragraph, text, years); a stray paragraph that only continues an
    item's agency parenthesis ("责任单位:各区人民政府)") is glued back onto the item before it."""
    pending: tuple[Section, Paragraph, str, list[int]] | None = None
    for section, paragraph, looks, years in report.oriented():
        if looks != "forward":
            continue
        if paragraph.kind in ("front", "group", "box-title", "note"):
            continue
        text = paragraph.text
        if pending and _LABEL_START.match(text):
            pending = (pending[0], pending[1], pending[2] + text, pending[3])
            continue
        if pending:
            yield pending
        pending = (section, paragraph, text, years)
    if pending:
        yield pending


def _is_item(paragraph: Paragraph, text: str) -> bool:
    return paragraph.kind == "item" or bool(_ITEM_NUMBER.match(text) and agencies_mod.ASSIGNMENT.search(text))


def _dedup_key(c: Commitment) -> tuple:
    if c.quantity is not None and c.indicator is not None:
        return ("t", c.indicator.id, c.scope.label() if c.scope else "", round(c.quantity.base_value, 6),
                c.quantity.base_unit, c.quantity.kind)
    if c.quantity is not None:
        # "新建社区体育中心(广场)30个以上" and "新建社区体育中心30个": the noun right before the
        # figure (brackets dropped) and the figure
        before = re.sub(r"[（(][^）)]*[）)]", "", c.text[: max(0, c.quantity.start)])
        noun = re.sub(r"[^\u4e00-\u9fff]", "", before)
        if len(noun) >= 4:
            return ("q", noun, round(c.quantity.base_value, 6), c.quantity.base_unit, c.quantity.kind)
    return ("x", re.sub(r"[^\u4e00-\u9fff\w]", "", c.text))


def extract_report(report: Report, indicators: IndicatorIndex | None = None,
                   agency_index: agencies_mod.AgencyIndex | None = None) -> list[Commitment]:
    indicators = indicators or default_index()
    agency_index = agency_index or agencies_mod.default_index()
    out: list[Commitment] = []
    seen: dict[tuple, Commitment] = {}
    five_year_plan = report.meta.get("kind") == "five-year-plan"
    for section, paragraph, text, years in _paragraphs(report):
        year = commitment_year(years, report)
        if year is None:
            continue
        # a work report's outline of a five-year period ("“十六五”时期的主要目标") sets goals
        # for its last year; its tasks are the plan's to name, not the year's
        outline = len(years) > 1 and not five_year_plan
        place = Place(report, section, paragraph)
        item = _is_item(paragraph, text)
        segments = _item_segments(text, agency_index) if item else [(text, [], [])]
        found_all = []
        for seg_text, lead, support in segments:
            body = _ITEM_NUMBER.sub("", seg_text, count=1) if item else seg_text
            found = []
            normal = normalise(body)
            announced = TARGET_LIST.search(normal)
            old_clauses = {c.text for c in split_clauses(body, legacy=True)}
            formulas = _formula_sentences(normal)
            lead_end = _lead_sentence_end(normal)
            listed_from = None          # where a sentence's run of targets began
            for clause in _join_open_lists(join_continuations(body, split_clauses(body))):
                # "全年实现新增就业4000人，失业人员再就业1500人，零就业家庭动态清零": figures that
                # follow a target in the same sentence, comma after comma, are its list's items
                in_list = listed_from is not None and not re.search(r"[。；;！？!?]", normal[listed_from:clause.start])
                specs = clause_commitments(clause, indicators,
                                           bool(announced and announced.end() <= clause.start) or in_list, item)
                listed_from = clause.end if any(x["kind"] == "target" for x in specs) else \
                    (listed_from if in_list and not specs else None)
                for spec in specs:
                    if spec["kind"] == "task" and not spec.get("legacy") and \
                            any(a <= clause.start < b for a, b in formulas):
                        continue
                    if spec["kind"] == "task" and (outline or _FRAMING.search(clause.text)):
                        continue
                    if spec["kind"] == "task" and clause.end <= lead_end and not names_a_thing(spec["subject"]):
                        continue        # a paragraph's lead sentence sums up the tasks after it
                    if spec["kind"] == "target" and _PAST_CHANGE.search(clause.text) and not _AHEAD.search(normal):
                        continue
                    if clause.text not in old_clauses:
                        spec["legacy"] = False
                    by = _BY_YEAR.search(clause.text)
                    due = int(by.group(1) or by.group(2)) if by else None
                    if due and len(years) > 1 and min(years) <= due <= max(years) + 10 and due != max(years):
                        spec["year"] = due     # "到2030年…" in a plan to 2031
                    found.append(_with_subject(normal, clause, *_as_listed(clause, spec)))
            if item and not found:
                whole = normal.strip("。；; ")
                if len(whole) >= 4:
                    found.append((whole, dict(kind="task", quantity=None, indicator=None, scope=None,
                                              verb=_leading_verb(whole), subject=whole, legacy=True)))
            found_all.extend((clause_text, spec, lead, support) for clause_text, spec in found)
        # Ids: <report>:<paragraph>:<n>. What the extractor found before named tasks is numbered
        # first, in document order, so those ids stay as they were; the rest follow.
        order = sorted(range(len(found_all)), key=lambda i: (not found_all[i][1].get("legacy"), i))
        numbers = {i: k for k, i in enumerate(order, start=1)}
        for i, (clause_text, spec, lead, support) in enumerate(found_all):
            spec = {k: v for k, v in spec.items() if k != "legacy"}
            c = Commitment(id=f"{report.id}:{paragraph.anchor}:{numbers[i]}", place=place, year=spec.pop("year", year),
                           text=clause_text, lead=list(lead), support=list(support), **spec)
            key = (c.year, _dedup_key(c))
            if key in seen:
                first = seen[key]
                if first.place.paragraph is not paragraph and all(p.paragraph is not paragraph for p in first.also_in):
                    first.also_in.append(place)
                    first.also_text.append(clause_text)
                # a repeated item is one commitment with both items' agencies
                for a in lead:
                    if a not in first.lead:
                        first.lead.append(a)
                for a in support:
                    if a not in first.support and a not in first.lead:
                        first.support.append(a)
                continue
            seen[key] = c
            out.append(c)
    return out


def extract(reports: list[Report], indicators: IndicatorIndex | None = None,
            agency_index: agencies_mod.AgencyIndex | None = None) -> list[Commitment]:
    out: list[Commitment] = []
    for report in sorted(reports, key=lambda r: r.id):
        out.extend(extract_report(report, indicators, agency_index))
    return out
