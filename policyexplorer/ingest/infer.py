"""What a report says about itself: the meta.yml fields read from its own text.

Interface shared by `add` (which writes them into a new meta.yml, each with the words it came
from as a comment) and the build (which fills every field a meta.yml leaves out, and says so).
What a user writes always wins over what is inferred.

Read from the report's head (its first lines: title, dateline, byline) and its headings:
- place: the 会议 of the dateline ("在青山县第九届人民代表大会第二次会议上"), else the issuer of the
  byline ("青山县人民政府县长 王某"), else the title; found in data/places.yml or the register of
  divisions (places.Places); a name several divisions bear is told apart by a parent the text
  names, or left missing with the candidates;
- level: the place's (places.yml, else the register's);
- kind: from the title (责任分解 -> task-breakdown, 执行情况…计划/规划 -> plan-report, 五年规划…纲要 ->
  five-year-plan, 政府工作报告 -> government-work-report, else other);
- delivered: the dateline's date, in Arabic or Chinese numerals (二〇二五年一月十六日);
- plan and review years: the headings ("2024年工作回顾" -> reviews 2024, plans 2025; "2025年工作
  安排"), the title's year, the date (delivered early in Y: plans Y, reviews Y-1); a five-year
  plan's period from its number (ingest/orient.plan_period);
- title, issuer, speaker: the title line(s), the government of the place (or the issuing body
  the text names), the name after the office on the byline.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .divisions import short_name
from .meta import INFERRED_FIELDS
from .numbering import cn_to_int
from .orient import WORK_REVIEWED, plan_period
from .places import Places

# The fields read from the text, in the order a new meta.yml lists them.
FIELDS = INFERRED_FIELDS

# What to write for a field that could not be read (meta.yml's own words where it has them).
WHAT_TO_WRITE = {
    "title": "the report's title as printed, e.g. 2025年青山县政府工作报告",
    "issuer": "the issuing body, e.g. 青山县人民政府",
    "speaker": "who delivered it, e.g. 王某 (optional)",
    "place": "the place, as data/places.yml or the register names it, e.g. 青山县 (with its parent where "
             "several places bear the name: 青山市青山县)",
    "level": "national | province | city | district | county | township",
    "kind": "government-work-report | plan-report | five-year-plan | task-breakdown | other",
    "delivered": "the date delivered, YYYY-MM-DD (or YYYY-MM, YYYY)",
    "review_years": "the years the report looks back on, e.g. [2024]",
    "plan_years": "the years the report plans, e.g. [2025]",
}

HEAD_LINES = 40          # the title, dateline and byline stand in the first lines
HEADING_CHARS = 60       # a line this short (or opening a line) can be a heading naming years


@dataclass(frozen=True)
class Fact:
    value: object            # as meta.yml holds it: str, int list, "YYYY-MM-DD"
    words: str               # the words of the text it was read from (a comment in meta.yml, shown on the overview)
    line: int | None = None  # 1-based line of the text where the words stand


HAN = r"\u3400-\u9fff"
CN_NUM = "〇零○0０Ｏ一二三四五六七八九"
YEAR_RX = rf"(\d{{4}}|[{CN_NUM}]{{4}})\s*年"
MD_RX = r"(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日"
MONTH_DAY_RX = r"\s*" + MD_RX
DATE = re.compile(YEAR_RX + MONTH_DAY_RX)
# 会议: "在青山县第九届人民代表大会第二次会议上", "十三届全国人大二次会议", "经青山县…会议表决通过"
MEETING = re.compile(rf"(?:(?:在|经)([{HAN}]{{0,24}}?))?第?[一二三四五六七八九十]+届(全国)?(?:人民代表大会|人大)|"
                     r"[一二三四五六七八九十]+届(全国)人大")
# byline: office + name ("青山县人民政府县长 王某", "国务院总理\n李某", "代县长 王某"); a name is two to
# four characters, or longer with its "·" ("艾尔肯·吐尼亚孜"), so that "世界冬季城市市长会议等重大活动在
# 沈举办" names nobody
OFFICE = re.compile(rf"(国务院|人民政府)?(代理?)?((?:省|市|区|县|州|盟|旗|镇|乡)长|总理|(?<=人民政府)主席|(?<=自治区)主席)"
                    rf"[ \t\u3000]*\n?[ \t\u3000]*(?!代表|在)([{HAN}]{{2,4}}?|[{HAN}]{{1,8}}·[{HAN}·]{{1,12}}?)"
                    rf"(?=[ \t\u3000]*(?:\n|$|在|作|关于|同志|（|\())")
# "1月10日上午，王某在青山县…会议上作政府工作报告": who delivered it, without the office
SPEAKER_AT_MEETING = re.compile(rf"日[上下]?午?[，,]([{HAN}·]{{2,4}})在[^。\n]{{0,30}}?人民代表大会[^。\n]{{0,20}}?作[《“]?政府工作报告")
# "王某县长代表县人民政府在…", "王某县长在…会议上": the name before the office (not "李某总理在
# 云南调研时的讲话": a leader a report quotes)
NAME_BEFORE_OFFICE = re.compile(rf"([{HAN}]{{2,3}})(?:总理|(?:省|市|区|县)长)(?=代表|在[^。\n]{{0,30}}?(?:人民代表大会|人大|会议))")
# the issuing government's own name at the head of a document or on its signature
GOVERNMENT = re.compile(rf"([{HAN}]{{2,24}}?)人民政府(?:文件|办公厅文件)?")
KINDS = (  # the first that matches the title decides
    ("task-breakdown", re.compile(r"责任分解|任务分解|分工方案|目标任务分解")),
    ("plan-report", re.compile(r"(?:计划|规划)(?:的)?执行情况|执行情况.{0,30}(?:计划|规划)")),
    ("five-year-plan", re.compile(r"五年规划.{0,30}纲要|规划纲要|“?[十一二三四五六七八九]{1,3}五”?规划")),
    ("government-work-report", re.compile(r"政府工作报告")),
)
TITLE_LINE = re.compile(r"政府工作报告|^关于.{4,}|规划.{0,30}纲要|方案的通知$|的通知$")
REVIEW_HEADING = re.compile(rf"^(?:[一二三四五六七八九十]+[、.．]\s*)?(?:过去五年[和及与])?{YEAR_RX}(?:[和及与][^，。]{{0,12}})?(?:的)?(?:政府|主要)?工作(?:回顾|总结|情况)")
PLAN_HEADING = re.compile(rf"^(?:[一二三四五六七八九十]+[、.．]\s*)?(?:对)?{YEAR_RX}(?:的)?(?:(?:政府工作|工作|经济社会发展|发展)"
                          r"(?:的)?(?:总体要求|主要预期目标|预期目标|安排|建议|重点工作|主要任务|政策取向)"
                          rf"|(?:主要|重点)(?:工作|任务)(?!{WORK_REVIEWED}))")   # "三、2016年的主要工作", "2016年重点任务"
# (not "一、2019年主要工作情况": that reviews 2019)
PLAN_IN_TEXT = re.compile(rf"(?:对|[、，,]){YEAR_RX}(?:的)?(?:政府工作的建议|经济社会发展总体要求|(?:发展)?主要预期目标)")
FIVE_YEAR_NUMBER = re.compile(r"第([十一二三四五六七八九]{1,3})个五年规划|“?([十一二三四五六七八九]{1,3})五”?规划")
FRONT_LABEL = re.compile(r"^(?:标题|题目|title)\s*[:：]\s*", re.I)


def cn_year(text: str) -> int:
    """2025, 二〇二五 or 二0二五 as a number."""
    if text.isdigit() and text.isascii():
        return int(text)
    return cn_to_int("".join("〇" if ch in "〇零○0０Ｏ" else ch for ch in text))


def _tidy(line: str) -> str:
    """A line without Markdown/HTML marks, labels and the spaces PDF text puts between characters."""
    line = re.sub(r"<!--|-->|^#+|\*\*|^>\s*", "", line.strip())
    line = FRONT_LABEL.sub("", line.strip())
    return re.sub(r"[\s\u3000\u200b\ufeff]+", "", line)


class _Text:
    def __init__(self, text: str):
        self.raw = text.splitlines()
        self.lines = [(n, _tidy(line)) for n, line in enumerate(self.raw, 1)]
        self.lines = [(n, line) for n, line in self.lines if line]
        self.head = self.lines[:HEAD_LINES]
        # the head as one string (a dateline may wrap), with the line each character stands on
        self.joined, self.at = "", []
        for n, line in self.head:
            self.joined += line + "\n"
            self.at += [n] * (len(line) + 1)

    def line_of(self, pos: int) -> int | None:
        return self.at[min(pos, len(self.at) - 1)] if self.at else None

    def as_printed(self, fact: Fact) -> Fact:
        """The fact with its words as the text prints them from its line on (the spaces, line breaks
        and marks that matching set aside put back, a break as one space), where they are found."""
        if not fact.line or not fact.words:
            return fact
        chars = [re.escape(ch) for ch in fact.words if not ch.isspace()]
        rx = re.compile(r"[\s*#>]*".join(chars))
        m = rx.search("\n".join(self.raw[fact.line - 1: fact.line + 2]))
        if not m:
            return fact
        return Fact(fact.value, re.sub(r"\s*\n\s*", " ", m.group(0)).strip(), fact.line)


def _place_at_end(text: str, places: Places) -> tuple[str, list[str]] | None:
    """The longest end of text (on its last line) that names a place: (the words, their candidates
    or [places.yml name])."""
    text = text.rsplit("\n", 1)[-1]
    for start in range(max(0, len(text) - 24), len(text) - 1):
        names = places.meanings(text[start:])
        if names:
            return text[start:], names
    return None


def _place_at_start(text: str, places: Places) -> tuple[str, list[str]] | None:
    for end in range(min(len(text), 24), 1, -1):
        names = places.meanings(text[:end])
        if names:
            return text[:end], names
    return None


def _choose(names: list[str], text: str, places: Places) -> str | None:
    """One of several places a name can mean, by a parent the text names (北京市朝阳区, or the parent
    alone, by its full or short name); None when the text names none or more than one of their parents."""
    if len(names) == 1:
        return names[0]
    named = []
    for name in names:
        parents = {w for p in places.path(name)[1:-1] for w in (p, short_name(p)) if len(w) >= 2}
        if any(p in text for p in parents):
            named.append(name)
    return named[0] if len(named) == 1 else None


def infer_meta(text: str, places: Places, place: str | None = None) -> tuple[dict[str, Fact], dict[str, str]]:
    """(facts, missing): each field of FIELDS read from the text, and for each field it could not
    read, what the user should write (e.g. {"delivered": "the date delivered, YYYY-MM-DD"}).
    `place`: the place the user wrote, which the other fields then follow (a name several places
    bear is told apart by the text, else missing says which they are)."""
    t = _Text(text)
    facts: dict[str, Fact] = {}
    missing: dict[str, str] = {}

    # the title: the first head line that reads as one (joined with the next where it wraps)
    title_words, title_line = "", None
    for i, (n, line) in enumerate(t.head):
        if len(line) <= 80 and TITLE_LINE.search(line) and not MEETING.search(line) and not line.startswith("——") \
                and not re.search(r"[。；;]|^(?:根据|经|现将|按照)", line):
            title_words, title_line = line, n
            if line.startswith("关于") and not re.search(r"(报告|通知|意见|方案|纲要)$", line) and i + 1 < len(t.head):
                title_words += t.head[i + 1][1]
            break
    # 青山县政府工作报告（2021年1月7日 王某）: the title, its date and who delivered it
    title_note = re.search(rf"[（(]({YEAR_RX}{MONTH_DAY_RX})([{HAN}·]{{2,8}})?[)）]$", title_words)
    if title_note:
        title_words = title_words[: title_note.start()]

    # kind, from the title (else from the head's words)
    kind = kind_words = None
    for name, rx in KINDS:
        m = rx.search(title_words)
        if m:
            kind, kind_words = name, title_words
            break
    if kind is None:
        for n, line in t.head:
            if "政府工作报告" in line or re.search(r"现在[，,]?我代表.{0,12}(?:政府|国务院)[，,]?向大会报告|关于政府工作的报告", line):
                kind, kind_words, title_line = "government-work-report", line, title_line or n
                break
    if kind is None and title_words:
        kind, kind_words = "other", title_words
    if kind:
        facts["kind"] = Fact(kind, kind_words, title_line)

    # the date: a full date on the dateline (before 在…会议), else the first full date in the head
    date = None
    for m in DATE.finditer(t.joined):
        after = t.joined[m.end(): m.end() + 40]
        if re.match(r"[）)]?\s*[上下]?午?[，,]?\s*(?:在|经)", after) or t.joined[max(0, m.start() - 2): m.start()].endswith(("—", "-")) \
                or re.search(r"(?:人民政府|委员会|办公厅|国务院)$", t.joined[max(0, m.start() - 8): m.start()]):
            date = m
            break
    if date is None and title_note:
        date = DATE.search(t.joined, t.joined.find(title_note.group(1)))
    date_value = None
    if date:
        y, mo, d = cn_year(date.group(1)), cn_to_int(date.group(2)), cn_to_int(date.group(3))
        if 1900 < y < 2200 and 1 <= mo <= 12 and 1 <= d <= 31:
            date_value = (y, mo, d)
            facts["delivered"] = Fact(f"{y:04d}-{mo:02d}-{d:02d}", date.group(0), t.line_of(date.start()))

    # the place: the 会议, the byline's issuer, the title
    found: list[tuple[str, list[str], int | None]] = []
    national = None
    for m in MEETING.finditer(t.joined):
        if m.group(2) or m.group(3):
            national = Fact(m.group(0), m.group(0), t.line_of(m.start()))
            break
        before = m.group(1) or ""
        hit = _place_at_end(before, places) if before else None
        if hit:
            found.append((m.group(0), hit[1], t.line_of(m.start())))
            break
    office = OFFICE.search(t.joined)
    # the place the byline names before its office (青山县人民政府县长, 青山县县长)
    said = _place_at_end(t.joined[max(0, office.start() - 24): office.start()], places) \
        if office and office.group(1) != "国务院" and office.group(3) != "总理" else None
    if office and office.group(1) == "国务院":
        national = national or Fact(office.group(0), office.group(0), t.line_of(office.start()))
    elif said:
        found.append((said[0] + office.group(0), said[1], t.line_of(office.start())))
    if title_words:
        body = re.sub(rf"^{YEAR_RX}", "", re.sub(r"^关于(?:印发)?", "", title_words))
        hit = _place_at_start(body, places)
        if hit:
            found.append((title_words, hit[1], title_line))
    for m in GOVERNMENT.finditer(t.joined):
        hit = _place_at_end(m.group(1), places)
        if hit:
            found.append((m.group(0), hit[1], t.line_of(m.start())))
            break
    if national is None and re.search(r"我代表国务院", "\n".join(line for _, line in t.head[:HEAD_LINES])):
        n, line = next((n, line) for n, line in t.head if "我代表国务院" in line)
        national = Fact(line, line, n)
    written, place, place_fact = place, None, None
    if written is not None:
        names = places.meanings(written) or [written]
        chosen = _choose(names, text, places)
        if chosen:
            place, place_fact = chosen, Fact(chosen, written)
            national = national if places.path(chosen) == places.path("中国") else None
        else:
            national, found = None, []
            missing["place"] = (f"place {written!r} is the name of {' and '.join(names)}, and the text tells "
                                f"not which: write place: {names[0]} (or another of them)")
    if place is None and national is not None:
        name = places.resolve("中国") or places.resolve("全国") or "中国"
        place, place_fact = name, Fact(name, national.words, national.line)
    elif place is None:
        ambiguous = None
        for words, names, line in found:
            chosen = _choose(names, text, places)
            if chosen:
                place, place_fact = chosen, Fact(chosen, words, line)
                break
            ambiguous = ambiguous or (words, names)
        if place is None and not ambiguous:
            # nothing at the head names it ("省长 王某", "我代表省人民政府"): the place of the
            # office's level the whole text names most
            most = _most_named(text, _office_level(office, t), places)
            if most:
                place, place_fact = most
        if place is None and ambiguous:
            missing["place"] = (f"{ambiguous[0]!r} names one of {' and '.join(ambiguous[1])}, and the text tells "
                                f"not which: write place: {ambiguous[1][0]} (or another of them)")
    if place_fact:
        facts["place"] = place_fact
        level = "national" if national is not None else places.level_of(place)
        if level:
            facts["level"] = Fact(level, place_fact.words, place_fact.line)

    # the years
    plan_year = plan_fact = None
    review_year = review_fact = None
    if kind == "five-year-plan":
        m = FIVE_YEAR_NUMBER.search(title_words)
        if m:
            number = cn_to_int(m.group(1) or m.group(2))
            if 3 <= number <= 30:
                facts["plan_years"] = Fact(plan_period(number), m.group(0), title_line)
                facts["review_years"] = Fact(plan_period(number - 1), m.group(0), title_line)
                if "delivered" not in facts:   # a five-year plan is adopted in its first year
                    facts["delivered"] = Fact(str(plan_period(number)[0]), m.group(0), title_line)
    elif kind == "plan-report":
        years = [(cn_year(m.group(1)), m) for m in re.finditer(YEAR_RX, title_words)]
        back = re.search(rf"{YEAR_RX}[^，。]{{0,30}}?执行情况", title_words)
        if back:
            review_year, review_fact = cn_year(back.group(1)), Fact(None, back.group(0), title_line)
            later = [y for y, m in years if m.start() >= back.end()]
            if later:
                plan_year, plan_fact = later[0], Fact(None, title_words[back.end():], title_line)
    elif kind == "task-breakdown":
        m = re.search(YEAR_RX, title_words)
        if m:
            plan_year, plan_fact = cn_year(m.group(1)), Fact(None, m.group(0), title_line)
            facts["review_years"] = Fact([], title_words, title_line)
    if kind in ("government-work-report", "other", None) or (kind == "plan-report" and plan_year is None):
        for n, line in t.lines:
            if len(line) > HEADING_CHARS and not re.match(r"^[一二三四五六七八九十]+、", line):
                continue
            m = PLAN_HEADING.match(line)
            if m:
                plan_year, plan_fact = cn_year(m.group(1)), Fact(None, m.group(0), n)
                break
            m = REVIEW_HEADING.match(line)
            if m:
                plan_year, plan_fact = cn_year(m.group(1)) + 1, Fact(None, m.group(0), n)
                break
        if plan_year is None:   # a heading run into a line: "…二、2025年经济社会发展总体要求…"
            for n, line in t.lines:
                m = PLAN_IN_TEXT.search(line)
                if m:
                    plan_year, plan_fact = cn_year(m.group(1)), Fact(None, m.group(0), n)
                    break
        if plan_year is None and title_words:
            # "2016年政府工作报告", "青山省2016年政府工作报告": the year it plans, after the place
            m = re.match(rf"[{HAN}]{{0,16}}?{YEAR_RX}", title_words)
            if m:
                plan_year, plan_fact = cn_year(m.group(1)), Fact(None, m.group(0), title_line)
        if plan_year is None and date_value:
            y, mo, _ = date_value
            plan_year = y if mo <= 6 else y + 1
            plan_fact = Fact(None, facts["delivered"].words, facts["delivered"].line)
    if plan_year and 1900 < plan_year < 2200 and "plan_years" not in facts:
        facts["plan_years"] = Fact([plan_year], plan_fact.words, plan_fact.line)
        if "review_years" not in facts:
            if review_year:
                facts["review_years"] = Fact([review_year], review_fact.words, review_fact.line)
            elif kind in ("government-work-report", "plan-report"):
                facts["review_years"] = Fact([plan_year - 1], plan_fact.words, plan_fact.line)

    # a date the dateline gives without its year ("1月16日上午，…在…会议上"): the year it plans
    if "delivered" not in facts and plan_year and kind in ("government-work-report", "plan-report"):
        m = re.search(rf"(?<![\d年]){MD_RX}[上下]?午?[，,]?[^。\n]{{0,16}}?在[^。\n]{{0,24}}?人民代表大会", t.joined)
        if m:
            mo, d = cn_to_int(m.group(1)), cn_to_int(m.group(2))
            if 1 <= mo <= 6 and 1 <= d <= 31:
                facts["delivered"] = Fact(f"{plan_year:04d}-{mo:02d}-{d:02d}", m.group(0), t.line_of(m.start()))
        else:   # no dateline: delivered in the year it plans (a work report early in that year)
            facts["delivered"] = Fact(str(plan_year), plan_fact.words, plan_fact.line)

    # issuer, speaker, title
    if place:
        issuer_fact = None
        if national is not None:
            issuer = "国务院"
        elif kind == "plan-report" and (m := re.search(rf"[{HAN}]{{0,16}}发展和改革委员会|[{HAN}]{{0,16}}发展改革委", t.joined)):
            issuer = m.group(0)
            issuer = issuer if _place_at_start(issuer, places) else _short(place, places) + issuer
            issuer_fact = Fact(issuer, m.group(0), t.line_of(m.start()))
        else:
            issuer = _short(place, places) + "人民政府"
            if office and office.group(1) == "人民政府" and said and place in said[1]:
                issuer = said[0] + "人民政府"
                issuer_fact = Fact(issuer, said[0] + office.group(0), t.line_of(office.start()))
        facts["issuer"] = issuer_fact or Fact(issuer, place_fact.words, place_fact.line)
    if office:
        facts["speaker"] = Fact(office.group(4), (said[0] if said else "") + office.group(0), t.line_of(office.start()))
    elif title_note and title_note.group(5):
        facts["speaker"] = Fact(title_note.group(5), title_note.group(0), title_line)
    elif m := SPEAKER_AT_MEETING.search(t.joined) or NAME_BEFORE_OFFICE.search(t.joined):
        facts["speaker"] = Fact(m.group(1), m.group(0), t.line_of(m.start()))
    if kind == "government-work-report" and place and "plan_years" in facts:
        who = "国务院" if national is not None else _short(place, places)
        facts["title"] = Fact(f"{facts['plan_years'].value[0]}年{who}政府工作报告", title_words or kind_words,
                              title_line)
    elif title_words:
        facts["title"] = Fact(title_words, title_words, title_line)

    for field in FIELDS:
        if field not in facts and field not in missing:
            missing[field] = f"write {field}: {WHAT_TO_WRITE[field]}"
    return {f: t.as_printed(facts[f]) for f in FIELDS if f in facts}, missing


_OFFICE_LEVELS = {"省": "province", "市": "city", "区": "district", "县": "county", "州": "city", "盟": "city",
                  "旗": "county", "自治区": "province"}
_DELEGATE = re.compile(r"我代表(省|市|区|县|州|盟|旗|自治区)人民政府")


def _office_level(office, t) -> str | None:
    """The level of the government the report speaks for, from its office ("省长") or from
    "我代表省人民政府"."""
    if office and office.group(3) and office.group(3)[0] in _OFFICE_LEVELS:
        return _OFFICE_LEVELS[office.group(3)[0]]
    if office and office.group(3) == "主席":
        return "province"
    m = _DELEGATE.search(t.joined)
    return _OFFICE_LEVELS[m.group(1)] if m else None


def _most_named(text: str, level: str | None, places: Places) -> tuple[str, Fact] | None:
    """The division of `level` the text names most often (by its name or short name), when it is
    named at least three times and twice as often as any other."""
    if level is None:
        return None
    counts = []
    for code, d in places.divisions.by_code.items():
        if d.level != level:
            continue
        words = {w for w in (d.name, short_name(d.name)) if len(w) >= 2}
        n = max((text.count(w) for w in words), default=0)
        if n:
            counts.append((n, code))
    counts.sort(reverse=True)
    if not counts or counts[0][0] < 3 or (len(counts) > 1 and counts[0][0] < 2 * counts[1][0]):
        return None
    name = places.name(counts[0][1])
    return name, Fact(name, f"{short_name(name)}（全文{counts[0][0]}处）")


def _short(place: str, places: Places) -> str:
    """The place's own name, without the parent a canonical name may carry (武汉市青山区 -> 青山区)."""
    code = places.code.get(places.resolve(place) or "") if places.resolve(place) else None
    found = [code] if code else places.candidates(place)
    if len(found) == 1:
        return places.divisions.by_code[found[0]].name
    town = None if found else places.township(place)
    return town[1] if town else place


KIND_CODES = {"government-work-report": "gwr", "plan-report": "plan", "task-breakdown": "tasks"}


def suggest_id(facts: dict[str, Fact], places: Places) -> str | None:
    """The report id by the contract's pattern <place>-<plan year>-<kind> (shimen-2025-gwr), or None
    when the facts do not give one. Kind codes: gwr, plan, tasks (gwr-tasks for the breakdown of a
    government work report), other; a five-year plan is <place>-fyp<number> (fyp14: 2021-2025)."""
    if "place" not in facts or "kind" not in facts or not facts.get("plan_years") or not facts["plan_years"].value:
        return None
    slug = places.slug(facts["place"].value)
    if not slug:
        return None
    kind, first = facts["kind"].value, min(facts["plan_years"].value)
    if kind == "five-year-plan":
        return f"{slug}-fyp{(first - 1966) // 5 + 3}"
    code = KIND_CODES.get(kind, "other")
    if kind == "task-breakdown" and "政府工作报告" in (facts.get("title").value if facts.get("title") else ""):
        code = "gwr-tasks"
    return f"{slug}-{first}-{code}"
