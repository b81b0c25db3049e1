"""Time orientation: whether a section (or a paragraph) looks back on a year or plans one.

From the most specific evidence to the least:
1. the section's own title ("2024年工作回顾" back; "主要预期目标", "工作安排" forward);
2. its parent's orientation (a (三) inside a review part reviews); a stand-alone lead sentence
   made a heading (headings.promote_leads) takes its parent's first;
3. its own words: review cues (过去一年, 一年来, 回顾, 执行情况, 实现了…) against plan cues
   (今年, 主要预期目标, 力争, 将/要 + a verb of doing…), counted over its paragraphs;
4. the report: a report that only plans (or only reviews) years plans (or reviews);
   meta.yml `default_looks` remains an override.
Where a report has no headings at all, each paragraph is oriented on its own words.
Years: those the title names; else the parent's; else the report's plan or review years,
narrowed to the ones a paragraph names.
"""
from __future__ import annotations

import re

from ..model import Paragraph, Section
from .numbering import cn_to_int

BACK_WORDS = re.compile(r"回顾|执行情况|完成情况|成就|过去一年|一年来|进展情况|工作总结|工作情况")
# Forward words that make a section inside a review a plan of its own (not 计划, 目标 or 任务 alone:
# a review's section names programmes and their targets)
# ("2019年主要工作情况", "过去五年主要工作成效" review: 主要工作 plans only when no word of a
# review follows)
WORK_REVIEWED = "情况|成效|成绩|回顾|总结|进展"
_PLAN_WORDS = rf"安排|草案|重点工作|预期|展望|远景|总体要求|今年|明年|新的一年|主要工作(?!{WORK_REVIEWED})"
FORWARD_WORDS = re.compile(rf"{_PLAN_WORDS}|计划|目标|任务|自身建设")
STRONG_FORWARD = re.compile(rf"{_PLAN_WORDS}|\d{{4}}年[^，。]*(?:目标|任务|计划)")
FORWARD_INTRO = re.compile(r"^(?:今年|明年|新的一年|\d{4}年是|今后|未来|展望)")
BACK_INTRO = re.compile(r"^(?:过去一年|过去的一年|一年来|这一年|\d{4}年是)")
YEAR = re.compile(r"(\d{4})\s*年")
CN_YEAR = re.compile(r"([〇零一二三四五六七八九]{4})年")

# Cues in running text. Reviews narrate what was done; plans say what will be done.
BACK_CUES = re.compile(r"过去一年|过去五年|过去的一年|一年来|五年来|回顾|执行情况|完成情况|取得了|实现了|完成了|"
                       r"达到了|增长了|下降了|提高了|超额完成|圆满完成|顺利完成|较上年|同比|比上年")
FORWARD_CUES = re.compile(r"今年|明年|新的一年|主要预期目标|预期目标|目标是|力争|确保|"
                          r"(?:将|要|需要|必须)(?:继续|加快|加大|加强|推进|推动|实施|深化|坚持|着力|全面|大力|持续|"
                          r"进一步|建设|完善|健全|落实|抓好|做好|促进|提升|扩大|强化|统筹|稳步|积极|努力|切实|聚焦)|"
                          r"到20\d\d年|20\d\d年(?:发展)?(?:主要)?(?:预期)?目标")
MARGIN = 2       # a text's cues must lean this much one way to orient it
# A title stating a result: "得到新加强", "取得新成效", "迈上新台阶", "实现新提升"
RESULT_TITLE = re.compile(r"(?:得到|取得|迈上|实现|展现|达到|绘就|开创|呈现)(?:了)?新|(?:显著|明显|持续|不断|全面|有效|大幅|进一步)(?:增强|提升|提高|改善|加强)$")


# A five-year plan's period by its number: "十四五" is the 14th plan, 2021-2025 (the third ran
# 1966-70, after the 1963-65 adjustment; each since is five years on).
FIVE_YEAR_PLAN = re.compile(r"“?([十一二三四五六七八九]{1,3})五”?(?:时期|规划|期间|以来|计划)")
# A title that opens on the period in quotes names it whatever follows ("“十三五”发展总体部署",
# "“十四五”目标任务"), unless it is about the period's first or last year ("“十三五”开局之年",
# "“十三五”实现良好开局").
FIVE_YEAR_TITLE = re.compile(r"^“([十一二三四五六七八九]{1,3})五”(?![^，。]{0,4}(?:开局|起步|收官|首年|第一年|最后一年))")
# "过去五年", "五年来", "本届政府任期": the five years a review at the end of a term looks back on.
PAST_FIVE = re.compile(r"过去(?:的)?五年|五年来|本届政府")
# "今后五年", "未来五年": the five years a new term's report plans, from its plan year on.
NEXT_FIVE = re.compile(r"今后五年|未来五年|今后五年的")
# a new term's goals in a part's title ("新一届政府工作目标任务和2022年工作建议"): its five years
NEW_TERM = re.compile(r"新一届政府|本届政府任期")


PERIOD_AT = 12
# A paragraph of a section that plans a period and the next year together ("今后五年及明年目标任务")
# turning to the one year: "2031年是…的一年", "明年…", "新的一年…". It and the paragraphs after it
# plan that year, until one turns back to the period ("今后五年", "到2027年").
ONE_YEAR_INTRO = re.compile(r"^(?:今年|明年|新的一年|(\d{4})年(?:是|，|,|要|的|我们|全市|全省|全区|全县|政府))")
PERIOD_INTRO = re.compile(r"^(?:今后|未来|到20\d\d年|“?[十一二三四五六七八九]{1,3}五”?时期)")


def plan_period(number: int) -> list[int]:
    start = 1966 + 5 * (number - 3)
    return list(range(start, start + 5))


def years_in(text: str) -> list[int]:
    years = [int(y) for y in YEAR.findall(text)]
    years += [cn_to_int(y) for y in CN_YEAR.findall(text)]
    return sorted(set(y for y in years if 1900 < y < 2200))


def period_years(title: str, looks: str | None, meta: dict) -> list[int]:
    """The years a section's title spans: those it names, a five-year plan's period it names
    ("“十六五”时期的主要目标" plans 2031-2035), and "过去五年" back from the review year."""
    years = set(years_in(title))
    # the period a heading names stands at its start; a scrape may run the heading on into its
    # first sentence ("2030年工作回顾2030年是“十五五”规划开局之年"), which names other periods
    head = title[:PERIOD_AT]
    for m in [*FIVE_YEAR_PLAN.finditer(head), *FIVE_YEAR_TITLE.finditer(head)]:
        number = cn_to_int(m.group(1))
        if 3 <= number <= 30:
            years.update(plan_period(number))
    review, plan = meta.get("review_years") or [], meta.get("plan_years") or []
    if looks == "back" and review and PAST_FIVE.search(head):
        years.update(range(max(review) - 4, max(review) + 1))
    if looks == "back" and review:
        # a review looks back on no year after its own ("“十三五”以来" in a 2017 report: 2016 only)
        years = {y for y in years if y <= max(review)}
    if looks == "forward" and plan and (NEXT_FIVE.search(head) or NEW_TERM.search(head)):
        years.update(range(min(plan), min(plan) + 5))
    return sorted(years)


def looks_of_title(title: str) -> str | None:
    back, forward = BACK_WORDS.search(title), FORWARD_WORDS.search(title)
    if back and not forward:
        return "back"
    if forward and not back:
        return "forward"
    return None


def looks_of_text(texts: list[str], margin: int = MARGIN) -> str | None:
    back = sum(len(BACK_CUES.findall(t)) for t in texts)
    forward = sum(len(FORWARD_CUES.findall(t)) for t in texts)
    if back >= forward + margin:
        return "back"
    if forward >= back + margin:
        return "forward"
    return None


def _report_default(meta: dict, sections: list[Section]) -> str | None:
    """How the report as a whole looks: meta.yml's override; a report that only plans (or only
    reviews) years; else the way its whole text leans, when it leans clearly (a five-year plan
    reviews five years in a chapter and plans the rest)."""
    review, plan = meta.get("review_years") or [], meta.get("plan_years") or []
    if meta.get("default_looks"):
        return meta["default_looks"]
    if plan and not review:
        return "forward"
    if review and not plan:
        return "back"
    texts = [p.text for s in sections for p in s.paragraphs]
    back = sum(len(BACK_CUES.findall(t)) for t in texts)
    forward = sum(len(FORWARD_CUES.findall(t)) for t in texts)
    if forward >= 2 * back + MARGIN:
        return "forward"
    if back >= 2 * forward + MARGIN:
        return "back"
    return None


def _years_for(looks: str | None, named: list[int], meta: dict) -> list[int]:
    pool = list(meta.get("review_years") or []) if looks == "back" else \
        list(meta.get("plan_years") or []) if looks == "forward" else []
    narrowed = [y for y in named if y in pool]
    return narrowed or pool


def orient_paragraph(paragraph: Paragraph, meta: dict) -> None:
    looks = looks_of_text([paragraph.text], margin=1)
    if looks is not None:
        paragraph.looks = looks
        paragraph.years = _years_for(looks, years_in(paragraph.text), meta)


def assign_looks(sections: list[Section], meta: dict) -> None:
    """Set looks and years on every section (and on paragraphs of a report without headings)."""
    default = _report_default(meta, sections)
    by_anchor = {s.anchor: s for s in sections}
    descendants: dict[str, list[Section]] = {}
    for s in sections:
        parent = s.parent
        while parent:
            descendants.setdefault(parent, []).append(s)
            parent = by_anchor[parent].parent
    if all(s.kind == "preamble" for s in sections):
        for s in sections:
            for p in s.paragraphs:
                orient_paragraph(p, meta)
        return
    turned: set[str] = set()      # parts whose own paragraphs end on their one year
    first_runs = _first_runs(sections)
    for s in sections:
        if s.kind in ("preamble", "closing", "appendix"):
            s.looks, s.years = None, []
            continue
        parent = by_anchor.get(s.parent) if s.parent else None
        # a lead sentence set as a heading ("——…三项基本任务，…持续夯实") says what was done in
        # its parent's words and years: its own words ("任务") are no cue
        looks = s.looks or (parent.looks if s.kind == "lead" and parent is not None else looks_of_title(s.title))
        if parent is not None and parent.looks == "back" and looks == "forward" and \
                (RESULT_TITLE.search(s.title) or not STRONG_FORWARD.search(s.title)):
            # "（七）自身建设得到新加强" in a review says what the year achieved; "（二）…，“八项
            # 行动计划”有序展开" names a programme (计划), not a plan of its own
            looks = "back"
        if looks is None and parent is not None:
            looks = parent.looks
        if looks is None:
            texts = [p.text for p in s.paragraphs] + [p.text for d in descendants.get(s.anchor, []) for p in d.paragraphs]
            looks = looks_of_text(texts) or default
        years = period_years(s.title, looks, meta) or _next_five_by_its_words(s, looks, sections, meta)
        if not years:
            if parent and parent.looks == looks and parent.years:
                # "“十六五”时期奋斗目标和2031年工作任务": its （一）… are the year's; so are those after
                # the part's own words turned to the year ("…刚刚过去的2030年，是…的一年。"); where
                # its numbering runs twice, the first run is the period's (its 十项行动), the second the year's
                # (or where the first run ended on a section that turned to the year: "各位代表，2021年
                # 是本届政府的收官之年…" closing the term's (五), then the year's (一)…)
                first_run = first_runs.get(parent.anchor, set())
                year_run = s.anchor not in first_run
                run_turned = any(k in turned for k in first_run)
                years = _one_year(parent, meta) if ((_names_its_year(parent, meta) or run_turned) and year_run) \
                    or parent.anchor in turned else list(parent.years)
            else:
                years = _years_for(looks, [], meta)
        s.looks, s.years = looks, years
        if len(years) > 1 and _one_year_paragraphs(s, meta):
            turned.add(s.anchor)
        if parent is not None and parent.anchor in turned and looks == "back":
            _back_to_the_term(s, parent)


def _first_runs(sections: list[Section]) -> dict[str, set[str]]:
    """For a section whose numbered children count from （一） twice, the anchors of the first run."""
    children: dict[str, list[Section]] = {}
    for s in sections:
        if s.parent and s.number:
            children.setdefault(s.parent, []).append(s)
    out = {}
    for parent, kids in children.items():
        again = next((i for i, k in enumerate(kids) if i > 0 and k.number == kids[0].number), None)
        if again is not None:
            out[parent] = {k.anchor for k in kids[:again]}
    return out


def _next_five_by_its_words(part: Section, looks: str | None, sections: list[Section], meta: dict) -> list[int]:
    """A part whose title names no period ("二、全面开创…新局面") plans the next five years when its
    opening paragraphs say so ("今后五年工作的总体思路是…") and another part of the report is the
    plan year's ("三、2031年重点工作")."""
    plan = meta.get("plan_years") or []
    if part.level != 1 or looks != "forward" or len(plan) != 1 or years_in(part.title):
        return []
    if not any(NEXT_FIVE.match(p.text) for p in part.paragraphs[:3]):
        return []
    if not any(o is not part and o.level == 1 and plan[0] in years_in(o.title) for o in sections):
        return []
    return list(range(plan[0], plan[0] + 5))


def _one_year(part: Section, meta: dict) -> list[int]:
    return list(meta.get("plan_years") or []) if part.looks == "forward" else \
        list(meta.get("review_years") or []) if part.looks == "back" else []


def _names_its_year(part: Section, meta: dict) -> bool:
    """A part on a period and, by name, the report's one plan (or review) year ("“十六五”时期奋斗
    目标和2031年工作任务", "“十五五”时期回顾及2030年工作情况"): the period is its own
    paragraphs', its numbered sections are the year's."""
    one = _one_year(part, meta)
    return len(one) == 1 and len(part.years) > 1 and one[0] in years_in(part.title)


# A review of a term turning to its last year: "…五年成绩来之不易。刚刚过去的一年，全县…";
# it and the paragraphs after it review that year, until one turns back to the term ("五年来，…").
ONE_YEAR_BACK = re.compile(r"刚刚过去的一年|即将过去的一年|过去的一年|过去一年|一年来")
# ("2017年是本届政府的收官之年": the term's last year is that one year)
TERM_ANYWHERE = re.compile(r"五年来|过去五年|过去的五年|本届政府(?!的?(?:收官|最后|最末))")
# (a report delivered in December speaks of "即将过去的2030年")
ONE_YEAR_BACK_NAMED = re.compile(r"(?:刚?刚|即将)过去的(\d{4})年")
# "在过去五年中，2022年是极不平凡的一年。": the first sentence says what the year was
YEAR_WAS = re.compile(r"^[^。！？]*?(\d{4})年是[^。！？]*?(?:一年|之年)")


def _turns_to(year: int, looks: str, text: str) -> bool:
    """The paragraph turns to the report's one plan year (ONE_YEAR_INTRO) or review year
    (ONE_YEAR_BACK)."""
    m = ONE_YEAR_INTRO.match(re.sub(r"^各位代表[，,！!]", "", text))
    if looks == "back":     # "过去一年，…", "刚刚过去的2030年…", or the year itself: "2030年，面对…"
        named = ONE_YEAR_BACK_NAMED.search(text)
        plain = ONE_YEAR_BACK.search(text)
        was = YEAR_WAS.match(text)
        turn = plain.start() if plain else named.start() if named and int(named.group(1)) == year else \
            0 if m is not None and m.group(1) is not None and int(m.group(1)) == year else \
            was.start(1) if was and int(was.group(1)) == year else None
        # a paragraph that goes on to review the term ("2030年…。五年来，…") is the term's
        return turn is not None and not TERM_ANYWHERE.search(text, turn)
    if m is None:
        # the turn may come after a paragraph's opening words ("各位代表，省党代会作出了…部署。…今年
        # 经济社会发展的主要预期目标是：…"): a later sentence introducing the year's goals
        m = YEAR_GOALS_INTRO.search(text)
    return m is not None and (m.group(1) is None or int(m.group(1)) == year)


# a sentence inside a paragraph that opens on the plan year and introduces its goals or work
YEAR_GOALS_INTRO = re.compile(r"[。！？；](?:今年|明年|新的一年|(\d{4})年)[^。！？；：]{0,16}"
                              r"(?:预期目标|主要目标|目标任务|工作安排|重点工作|总体要求)")


# A review's paragraph back on the whole term: opening on it ("五年来，…") or naming it in its
# first sentence ("经过不懈努力，本届政府目标全面实现。")
TERM_IN_FIRST_SENTENCE = re.compile(r"^(?:各位代表[！!，,：:])?[^。！？]*(?:本届政府|(?<!今后)(?<!未来)五年(?:来|间|发展|成绩|业绩|奋斗|工作)|过去五年|过去的五年)")


def _back_to_the_term(section: Section, part: Section) -> None:
    """In a section of the year a term review turned to, a paragraph naming the term again
    ("各位代表，五年发展业绩…") and those after it are the term's."""
    term = False
    for p in section.paragraphs:
        term = term or bool(TERM_IN_FIRST_SENTENCE.match(p.text))
        if term and not p.looks:
            p.looks, p.years = part.looks, list(part.years)


def _one_year_paragraphs(section: Section, meta: dict) -> bool:
    """In a section planning (or reviewing) several years, the paragraphs that turn to the
    report's one plan (or review) year are that year's, until one turns back to the period: a
    work report's "明年" targets are not the five-year period's, and a term review's "刚刚过去的一年"
    figures answer that year's targets."""
    one = _one_year(section, meta)
    if len(one) != 1 or one[0] not in section.years:
        return False
    period = TERM_IN_FIRST_SENTENCE if section.looks == "back" else PERIOD_INTRO
    current = False
    for p in section.paragraphs:
        if period.match(p.text):
            current = False
        if _turns_to(one[0], section.looks, p.text):
            current = True
        if current and not p.looks:
            p.looks, p.years = section.looks, list(one)
    return current         # the part's words end on the year: what follows under it is that year's
